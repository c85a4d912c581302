import { and, eq, inArray, isNull, or } from "drizzle-orm";
import type { Executor } from "./chain-core";
import { cohortEnrolments, cohortInvitations, cohortOffices, cohorts } from "./schema";

export type CohortChoice = { id: number; programmeId: number; number: number };

/**
 * The cohorts a county office, a municipality or units take part in, for the gatherings'
 * organisers (which cohorts a county or municipality may hold a gathering for): an office the
 * Directorate invited to the cohort or that invited in it; a municipality whose invitation it
 * accepted; a unit enrolled now (not withdrawn) or, invited directly, that accepted.
 */
export async function cohortsJoinedBy(
  db: Executor,
  by: { offices?: string[]; municipalities?: string[]; units?: string[] },
): Promise<CohortChoice[]> {
  const ids = new Set<number>();
  const offices = by.offices ?? [];
  const municipalities = by.municipalities ?? [];
  const units = by.units ?? [];
  if (offices.length > 0) {
    for (const r of await db
      .select({ id: cohortOffices.cohortId })
      .from(cohortOffices)
      .where(inArray(cohortOffices.officeId, offices)))
      ids.add(r.id);
    for (const r of await db
      .selectDistinct({ id: cohortInvitations.cohortId })
      .from(cohortInvitations)
      .where(inArray(cohortInvitations.officeId, offices)))
      ids.add(r.id);
  }
  const invitees = [
    ...(municipalities.length > 0
      ? [
          and(
            eq(cohortInvitations.inviteeKind, "municipality"),
            inArray(cohortInvitations.inviteeId, municipalities),
          ),
        ]
      : []),
    ...(units.length > 0
      ? [
          and(
            eq(cohortInvitations.inviteeKind, "unit"),
            inArray(cohortInvitations.inviteeId, units),
          ),
        ]
      : []),
  ];
  if (invitees.length > 0)
    for (const r of await db
      .selectDistinct({ id: cohortInvitations.cohortId })
      .from(cohortInvitations)
      .where(and(eq(cohortInvitations.state, "accepted"), or(...invitees))))
      ids.add(r.id);
  if (units.length > 0)
    for (const r of await db
      .selectDistinct({ id: cohortEnrolments.cohortId })
      .from(cohortEnrolments)
      .where(
        and(inArray(cohortEnrolments.unitOrgNumber, units), isNull(cohortEnrolments.withdrawnAt)),
      ))
      ids.add(r.id);
  if (ids.size === 0) return [];
  return db
    .select({ id: cohorts.id, programmeId: cohorts.programmeId, number: cohorts.number })
    .from(cohorts)
    .where(inArray(cohorts.id, [...ids]))
    .orderBy(cohorts.programmeId, cohorts.number);
}
