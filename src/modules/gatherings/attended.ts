import { and, asc, eq, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { gatheringAttendance, gatheringRegistrations, gatherings } from "./schema";

/** One person's attendance at a national gathering that is over. */
export type Attended = {
  gatheringId: number;
  programmeId: number;
  cohortId: number | null;
  titleNb: string;
  titleNn: string;
  startsAt: Date;
  personId: number;
  municipalityCode: string | null;
};

/**
 * Who attended the national gatherings that are over, for those who claim travel support (the
 * grants module): a confirmed seat, or, where attendance was taken, marked present for the whole
 * gathering (as the evaluation counts it). Narrowed to people, to municipalities, or to one
 * gathering; never read from these tables by another module.
 */
export async function attendedNationalGatherings(
  db: Executor,
  filter: { personIds?: number[]; municipalityCodes?: string[]; gatheringId?: number },
  now: Date,
): Promise<Attended[]> {
  if (filter.personIds?.length === 0 || filter.municipalityCodes?.length === 0) return [];
  const taken = sql`exists (select 1 from ${gatheringAttendance} a where a.gathering_id = ${gatherings.id} and a.session_id is null)`;
  return db
    .select({
      gatheringId: gatherings.id,
      programmeId: gatherings.programmeId,
      cohortId: gatherings.cohortId,
      titleNb: gatherings.titleNb,
      titleNn: gatherings.titleNn,
      startsAt: gatherings.startsAt,
      personId: gatheringRegistrations.personId,
      municipalityCode: gatheringRegistrations.municipalityCode,
    })
    .from(gatheringRegistrations)
    .innerJoin(gatherings, eq(gatherings.id, gatheringRegistrations.gatheringId))
    .leftJoin(
      gatheringAttendance,
      and(
        eq(gatheringAttendance.registrationId, gatheringRegistrations.id),
        isNull(gatheringAttendance.sessionId),
      ),
    )
    .where(
      and(
        eq(gatherings.level, "national"),
        lt(gatherings.endsAt, now),
        filter.personIds ? inArray(gatheringRegistrations.personId, filter.personIds) : undefined,
        filter.municipalityCodes
          ? inArray(gatheringRegistrations.municipalityCode, filter.municipalityCodes)
          : undefined,
        filter.gatheringId !== undefined ? eq(gatherings.id, filter.gatheringId) : undefined,
        or(
          and(
            eq(gatheringAttendance.status, "present"),
            ne(gatheringRegistrations.status, "cancelled"),
          ),
          and(eq(gatheringRegistrations.status, "confirmed"), sql`not ${taken}`),
        ),
      ),
    )
    .orderBy(asc(gatherings.startsAt), asc(gatheringRegistrations.personId));
}
