import type { Db } from "../../db/client";
import { getCohort } from "./chain-core";
import { cohortInvitations } from "./schema";

/** Seed and migration helper: participants of a cohort from before Samspill, as accepted invitations. */
export async function recordParticipants(
  db: Db,
  cohortId: number,
  rows: { municipalityCode: string; officeId: string }[],
  at: Date,
) {
  if (rows.length === 0) return;
  const cohort = (await getCohort(db, cohortId))!;
  await db
    .insert(cohortInvitations)
    .values(
      rows.map((r) => ({
        cohortId,
        officeId: r.officeId,
        inviteeKind: "municipality" as const,
        inviteeId: r.municipalityCode,
        state: "accepted" as const,
        deadline: cohort.officeInviteDeadline ?? cohort.startsOn,
        invitedAt: at,
        answeredAt: at,
      })),
    )
    .onConflictDoNothing();
}
