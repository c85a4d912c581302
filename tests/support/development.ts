import { and, eq } from "drizzle-orm";
import type { Db } from "../../src/db/client";
import { osloToday } from "../../src/kernel/clock";
import { answerInvitation, cohortIdOf, enrolUnits, setContact } from "../../src/modules/cohorts";
import { cohortInvitations } from "../../src/modules/cohorts/schema";
import { createGathering } from "../../src/modules/gatherings";
import { gatheringInput } from "../../src/modules/gatherings/factories";
import { activeRoles } from "../../src/modules/identity";
import { ppServicesAt } from "../../src/modules/organisations";
import { IBS, programmeIdOf } from "./cohorts";

/** IBS's id and cohort 3's (the demo's live cohort). */
export async function ibsCohort3(db: Db): Promise<{ programmeId: number; cohortId: number }> {
  const programmeId = await programmeIdOf(db, IBS);
  return { programmeId, cohortId: (await cohortIdOf(db, programmeId, 3))! };
}

/** The unit a demo person holds a role at (Sverre's school, Bente's kindergarten). */
export async function unitOf(db: Db, personId: number): Promise<string> {
  return (await activeRoles(db, personId)).find((r) => r.orgKind === "unit")!.orgId;
}

/**
 * Kristiansand says yes to cohort 3 (in the demo it has not answered) and enrols these units,
 * as Kari would on her page.
 */
export async function enrolInCohort3(db: Db, orgNumbers: string[], now: Date): Promise<number> {
  const { cohortId } = await ibsCohort3(db);
  const [inv] = await db
    .select()
    .from(cohortInvitations)
    .where(and(eq(cohortInvitations.cohortId, cohortId), eq(cohortInvitations.inviteeId, "4204")));
  const actor = { personId: null, now, baseUrl: "http://localhost" };
  if (inv!.state !== "accepted") {
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
  }
  const enrolled = await enrolUnits(db, { invitationId: inv!.id, orgNumbers }, actor);
  if (!enrolled.ok) throw new Error(JSON.stringify(enrolled));
  return cohortId;
}

/** A national gathering of cohort 3 held on `day` (created the month before). */
export async function heldGathering(db: Db, day: string, title: string): Promise<number> {
  const { programmeId, cohortId } = await ibsCohort3(db);
  const made = await createGathering(
    db,
    gatheringInput(programmeId, {
      day,
      cohortId,
      titleNb: title,
      titleNn: title,
      registrationOpensAt: new Date(`${day}T00:00:00Z`.replace(/-\d\dT/, "-01T")),
    }),
    {
      personId: null,
      now: new Date(new Date(`${day}T08:00:00Z`).getTime() - 20 * 86_400_000),
      baseUrl: "http://localhost",
    },
  );
  if (!made.ok) throw new Error(JSON.stringify(made.errors));
  return made.gatheringId;
}

/**
 * Kristiansand (once it said yes to cohort 3) names its PP-tjeneste contact: the demo's
 * "PP-tjenesten i Kristiansand", with this name and work e-mail.
 */
export async function namePpContact(
  db: Db,
  contact: { name: string; email: string },
  now: Date,
): Promise<void> {
  const { cohortId } = await ibsCohort3(db);
  const [inv] = await db
    .select()
    .from(cohortInvitations)
    .where(and(eq(cohortInvitations.cohortId, cohortId), eq(cohortInvitations.inviteeId, "4204")));
  const [pp] = await ppServicesAt(db, { date: osloToday(now), scope: ["4204"] });
  const named = await setContact(
    db,
    { invitationId: inv!.id, kind: "pp-service", ...contact, ppServiceId: pp!.id },
    { personId: null, now, baseUrl: "http://localhost" },
  );
  if (!named.ok) throw new Error(JSON.stringify(named));
}
