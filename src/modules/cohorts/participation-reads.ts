import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "./chain-core";
import { cohortEnrolments, cohortInvitations, cohorts } from "./schema";

/**
 * Which of `cohortIds` the given municipalities or units take part in: a municipality whose
 * invitation it accepted, a unit enrolled now (not withdrawn), or a private unit invited
 * directly that accepted. Other modules (gatherings: who may register) ask this, never the
 * tables.
 */
export async function cohortsTakingPart(
  db: Executor,
  cohortIds: number[],
  places: { municipalities: string[]; units: string[] },
): Promise<Set<number>> {
  const found = new Set<number>();
  if (cohortIds.length === 0) return found;
  const { municipalities, units } = places;
  if (municipalities.length > 0 || units.length > 0) {
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
    const accepted = await db
      .select({ cohortId: cohortInvitations.cohortId })
      .from(cohortInvitations)
      .where(
        and(
          inArray(cohortInvitations.cohortId, cohortIds),
          eq(cohortInvitations.state, "accepted"),
          or(...invitees),
        ),
      );
    for (const r of accepted) found.add(r.cohortId);
  }
  if (units.length > 0) {
    const enrolled = await db
      .select({ cohortId: cohortEnrolments.cohortId })
      .from(cohortEnrolments)
      .where(
        and(
          inArray(cohortEnrolments.cohortId, cohortIds),
          inArray(cohortEnrolments.unitOrgNumber, units),
          isNull(cohortEnrolments.withdrawnAt),
        ),
      );
    for (const r of enrolled) found.add(r.cohortId);
  }
  return found;
}

/** The id of a programme's cohort by its number, or null (the gatherings' demo finds cohort 1). */
export async function cohortIdOf(
  db: Executor,
  programmeId: number,
  number: number,
): Promise<number | null> {
  const [row] = await db
    .select({ id: cohorts.id })
    .from(cohorts)
    .where(and(eq(cohorts.programmeId, programmeId), eq(cohorts.number, number)));
  return row?.id ?? null;
}

/** The cohorts of these programmes, by programme and number (the organiser's choice of cohort). */
export async function cohortsOfProgrammes(
  db: Executor,
  programmeIds: number[],
): Promise<{ id: number; programmeId: number; number: number }[]> {
  if (programmeIds.length === 0) return [];
  return db
    .select({ id: cohorts.id, programmeId: cohorts.programmeId, number: cohorts.number })
    .from(cohorts)
    .where(inArray(cohorts.programmeId, programmeIds))
    .orderBy(cohorts.programmeId, cohorts.number);
}

/**
 * Which of the given municipalities and units take part in one of `cohortIds`, each place on
 * its own (as `cohortsTakingPart` answers for one): a municipality by its accepted invitation,
 * a unit enrolled now or a private unit's accepted invitation. In two queries for any number
 * of places (gatherings: reminding everyone who may register).
 */
export async function placesTakingPart(
  db: Executor,
  cohortIds: number[],
  places: { municipalities: string[]; units: string[] },
): Promise<{ municipalities: Set<string>; units: Set<string> }> {
  const found = { municipalities: new Set<string>(), units: new Set<string>() };
  const { municipalities, units } = places;
  if (cohortIds.length === 0 || (municipalities.length === 0 && units.length === 0)) return found;
  const accepted = await db
    .select({ kind: cohortInvitations.inviteeKind, id: cohortInvitations.inviteeId })
    .from(cohortInvitations)
    .where(
      and(
        inArray(cohortInvitations.cohortId, cohortIds),
        eq(cohortInvitations.state, "accepted"),
        or(
          and(
            eq(cohortInvitations.inviteeKind, "municipality"),
            inArray(cohortInvitations.inviteeId, municipalities.length > 0 ? municipalities : [""]),
          ),
          and(
            eq(cohortInvitations.inviteeKind, "unit"),
            inArray(cohortInvitations.inviteeId, units.length > 0 ? units : [""]),
          ),
        ),
      ),
    );
  for (const r of accepted) {
    if (r.kind === "municipality") found.municipalities.add(r.id);
    else found.units.add(r.id);
  }
  if (units.length > 0) {
    const enrolled = await db
      .selectDistinct({ unit: cohortEnrolments.unitOrgNumber })
      .from(cohortEnrolments)
      .where(
        and(
          inArray(cohortEnrolments.cohortId, cohortIds),
          inArray(cohortEnrolments.unitOrgNumber, units),
          isNull(cohortEnrolments.withdrawnAt),
        ),
      );
    for (const r of enrolled) found.units.add(r.unit);
  }
  return found;
}

/**
 * The municipalities that accepted a cohort's invitation, each with how many of its units are
 * enrolled now (not withdrawn): what a grant scheme allocates by (the grants module asks this,
 * never the tables).
 */
export async function acceptedMunicipalities(
  db: Executor,
  cohortId: number,
): Promise<{ municipalityCode: string; enrolledUnits: number }[]> {
  const rows = await db
    .select({
      municipalityCode: cohortInvitations.inviteeId,
      enrolledUnits: sql<number>`count(${cohortEnrolments.id})::int`,
    })
    .from(cohortInvitations)
    .leftJoin(
      cohortEnrolments,
      and(
        eq(cohortEnrolments.invitationId, cohortInvitations.id),
        isNull(cohortEnrolments.withdrawnAt),
      ),
    )
    .where(
      and(
        eq(cohortInvitations.cohortId, cohortId),
        eq(cohortInvitations.inviteeKind, "municipality"),
        eq(cohortInvitations.state, "accepted"),
      ),
    )
    .groupBy(cohortInvitations.inviteeId)
    .orderBy(cohortInvitations.inviteeId);
  return rows.map((r) => ({
    municipalityCode: r.municipalityCode,
    enrolledUnits: Number(r.enrolledUnits),
  }));
}

/**
 * The units enrolled now (not withdrawn) in cohorts, by unit: for the development module's
 * plans and follow-up (which units a municipality's resource person follows). Private units
 * invited directly that accepted count as enrolled in that cohort too.
 */
export async function enrolmentsOfUnits(
  db: Executor,
  orgNumbers: string[],
  cohortIds?: number[],
): Promise<{ cohortId: number; unitOrgNumber: string }[]> {
  if (orgNumbers.length === 0) return [];
  const enrolled = await db
    .select({ cohortId: cohortEnrolments.cohortId, unitOrgNumber: cohortEnrolments.unitOrgNumber })
    .from(cohortEnrolments)
    .where(
      and(
        inArray(cohortEnrolments.unitOrgNumber, orgNumbers),
        isNull(cohortEnrolments.withdrawnAt),
        cohortIds
          ? inArray(cohortEnrolments.cohortId, cohortIds.length ? cohortIds : [-1])
          : undefined,
      ),
    );
  const direct = await db
    .select({ cohortId: cohortInvitations.cohortId, unitOrgNumber: cohortInvitations.inviteeId })
    .from(cohortInvitations)
    .where(
      and(
        eq(cohortInvitations.inviteeKind, "unit"),
        eq(cohortInvitations.state, "accepted"),
        inArray(cohortInvitations.inviteeId, orgNumbers),
        cohortIds
          ? inArray(cohortInvitations.cohortId, cohortIds.length ? cohortIds : [-1])
          : undefined,
      ),
    );
  const seen = new Set<string>();
  const out: { cohortId: number; unitOrgNumber: string }[] = [];
  for (const r of [...enrolled, ...direct]) {
    const key = `${r.cohortId}:${r.unitOrgNumber}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}
