import { and, eq } from "drizzle-orm";
import type { Db } from "../../src/db/client";
import { answerInvitation, enrolUnits } from "../../src/modules/cohorts";
import { cohortInvitations, cohorts } from "../../src/modules/cohorts/schema";
import { activeRoles, insertTestPerson } from "../../src/modules/identity";

/**
 * What the networks tests share: cohort 3 of the demo with Kristiansand's yes (Kari's demo story
 * still to do) and the units of Sverre's school and Bente's kindergarten enrolled, and Arne, a
 * municipal coordinator of Arendal (which said yes in the demo), to co-lead.
 */
export async function kristiansandInCohort3(
  db: Db,
  ids: Record<string, number>,
  now: Date,
): Promise<{ cohortId: number; arne: number; lise: number; school: string }> {
  const [c3] = await db.select().from(cohorts).where(eq(cohorts.number, 3));
  const cohortId = c3!.id;
  const [inv] = await db
    .select()
    .from(cohortInvitations)
    .where(
      and(
        eq(cohortInvitations.cohortId, cohortId),
        eq(cohortInvitations.inviteeKind, "municipality"),
        eq(cohortInvitations.inviteeId, "4204"),
      ),
    );
  const actor = { personId: ids.kari!, now, baseUrl: "http://localhost" };
  const answered = await answerInvitation(
    db,
    {
      invitationId: inv!.id,
      answer: "accept",
      commitments: true,
      reason: "",
      version: inv!.version,
    },
    actor,
  );
  if (!answered.ok) throw new Error(JSON.stringify(answered));
  const school = (await activeRoles(db, ids.sverre!)).find((r) => r.orgKind === "unit")!.orgId;
  const enrolled = await enrolUnits(db, { invitationId: inv!.id, orgNumbers: [school] }, actor);
  if (!enrolled.ok) throw new Error(JSON.stringify(enrolled));
  const arne = await insertTestPerson(
    db,
    {
      name: "Arne Arendal",
      email: "arne@arendal.test",
      role: { role: "municipal-coordinator", orgId: "4203" },
    },
    now,
  );
  const lise = await insertTestPerson(
    db,
    {
      name: "Lise Lillesand",
      email: "lise@lillesand.test",
      role: { role: "municipal-coordinator", orgId: "4215" },
    },
    now,
  );
  return { cohortId, arne, lise, school };
}
