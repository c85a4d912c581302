import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { appSettings } from "./schema";

export type Signer = {
  sign(purpose: string, value: string): string;
  verify(purpose: string, value: string, signature: string): boolean;
};

export function createSigner(secret: string): Signer {
  const mac = (purpose: string, value: string) =>
    createHmac("sha256", secret).update(`${purpose}\n${value}`).digest("base64url").slice(0, 32);
  return {
    sign: mac,
    verify(purpose, value, signature) {
      const expected = Buffer.from(mac(purpose, value));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}

/**
 * The signing secret: SECRET from the environment, else one generated at first start and kept
 * in the database, so every instance that shares the database signs alike.
 */
export async function loadSecret(db: Db, fromEnv: string | undefined): Promise<string> {
  if (fromEnv) return fromEnv;
  const fresh = randomBytes(32).toString("base64url");
  await db.insert(appSettings).values({ key: "secret", value: fresh }).onConflictDoNothing();
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, "secret"));
  if (!row) throw new Error("secret could not be stored");
  return row.value;
}
