import { eq } from "drizzle-orm";
import type { Db } from "../../src/db/client";
import type { Invitee } from "../../src/modules/cohorts/chain";
import { completeOrgNumber } from "../../src/modules/organisations";
import { programmes } from "../../src/modules/programmes/schema";

/** The demo programme the cohort tests use: Inkluderende barnehage- og skolemiljø. */
export const IBS = "inkluderende-barnehage-og-skolemiljo";

/** The id of a seeded programme, by its slug. */
export async function programmeIdOf(db: Db, slug: string): Promise<number> {
  const [row] = await db.select().from(programmes).where(eq(programmes.slug, slug));
  if (!row) throw new Error(`no programme ${slug}`);
  return row.id;
}

/** Municipalities as invitees, by their codes. */
export const municipalities = (...codes: string[]): Invitee[] =>
  codes.map((id) => ({ kind: "municipality" as const, id }));

/** `n` valid organisation numbers of our own starting with `prefix`, far from the demo extract's. */
export function testOrgNumbers(prefix: string, n: number): string[] {
  const list: string[] = [];
  for (let i = 0; list.length < n; i++) {
    const number = completeOrgNumber(`${prefix}${String(i).padStart(8 - prefix.length, "0")}`);
    if (number) list.push(number);
  }
  return list;
}
