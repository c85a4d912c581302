import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { sessions } from "./schema";

/** A session ends after two hours without use, and after twelve hours whatever happens. */
export const IDLE_MS = 2 * 3_600_000;
export const ABSOLUTE_MS = 12 * 3_600_000;
const TOUCH_EVERY_MS = 60_000;

export function hashId(raw: string): string {
  return createHash("sha256").update(raw).digest("base64url");
}

export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

export async function createSession(
  db: Db,
  personId: number,
  via: string,
  now: Date,
): Promise<string> {
  const raw = newSecret();
  await db.insert(sessions).values({
    idHash: hashId(raw),
    personId,
    via,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + ABSOLUTE_MS),
  });
  return raw;
}

export type LiveSession = { personId: number; createdAt: Date; via: string };

/** The session behind a cookie value, if it is still alive; refreshes its idle clock. */
export async function readSession(db: Db, raw: string, now: Date): Promise<LiveSession | null> {
  if (!/^[\w-]{20,100}$/.test(raw)) return null;
  const idHash = hashId(raw);
  const [row] = await db.select().from(sessions).where(eq(sessions.idHash, idHash));
  if (!row || row.revokedAt) return null;
  if (row.expiresAt <= now || row.lastSeenAt.getTime() + IDLE_MS <= now.getTime()) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  }
  return { personId: row.personId, createdAt: row.createdAt, via: row.via };
}

export async function endSession(db: Db, raw: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(eq(sessions.idHash, hashId(raw)));
}

/** "Sign out everywhere": every session of the person, on every device. */
export async function endAllSessions(db: Db, personId: number, now: Date): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.personId, personId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.idHash });
  return rows.length;
}

export async function purgeOldSessions(db: Db, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - 30 * 86_400_000);
  await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, cutoff), lt(sessions.revokedAt, cutoff)));
}
