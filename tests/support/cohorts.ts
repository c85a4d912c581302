import { eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "../../src/db/client";
import { createCohort } from "../../src/modules/cohorts";
import { type Actor, type Invitee, inviteOffices } from "../../src/modules/cohorts/chain";
import type { cohorts } from "../../src/modules/cohorts/schema";
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

type CohortInput = Omit<typeof cohorts.$inferInsert, "id">;

/**
 * A cohort made with the cohorts module's `createCohort`, and the county offices in
 * `offices` invited through the chain (`inviteOffices`, their mails queued) by `actor`.
 * Unless given, it runs 2027-08-01 to 2029-06-30, offices invite until 15 January 2027 and
 * answers are due 1 March 2027. Its id.
 */
export async function createTestCohort(
  db: Db,
  cohort: Pick<CohortInput, "programmeId" | "number"> & Partial<CohortInput>,
  invite: { offices: string[]; actor: Actor },
): Promise<number> {
  const id = await createCohort(
    db,
    {
      startsOn: "2027-08-01",
      endsOn: "2029-06-30",
      officeInviteDeadline: "2027-01-15",
      answerDeadline: "2027-03-01",
      ...cohort,
    },
    [],
  );
  if (invite.offices.length > 0) {
    const invited = await inviteOffices(db, id, invite.offices, invite.actor);
    expect(invited).toEqual({ ok: true, invited: invite.offices.length });
  }
  return id;
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
