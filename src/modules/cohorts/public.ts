import { and, asc, count, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Lang } from "../../web/i18n";
import { countyOfficesAt, municipalitiesAt } from "../organisations";
import type { WayIn } from "./admin";
import { cohortEnrolments, cohortInvitations, cohortOffices, cohorts } from "./schema";

export type PublicCohort = {
  number: number;
  /** By invitation (offices invite municipalities) or by application (a round). */
  wayIn: WayIn;
  startsOn: string;
  endsOn: string;
  officeInviteDeadline: string | null;
  offices: { id: string; name: string; municipalities: { code: string; name: string }[] }[];
  municipalityCount: number;
  unitCount: number;
};

/**
 * A programme's cohorts as its public page shows them. Offices and municipalities are named as
 * they were when the cohort started (Fylkesmannen i Oppland in 2017, not today's office).
 */
export async function publicCohortsOf(
  db: Db,
  programmeId: number,
  lang: Lang,
): Promise<PublicCohort[]> {
  const cohortRows = await db
    .select()
    .from(cohorts)
    .where(eq(cohorts.programmeId, programmeId))
    .orderBy(asc(cohorts.number));
  if (cohortRows.length === 0) return [];
  // Three reads for all the cohorts together, whatever their number; names once per start date.
  const ids = cohortRows.map((c) => c.id);
  const invited = await db
    .select({ cohortId: cohortOffices.cohortId, officeId: cohortOffices.officeId })
    .from(cohortOffices)
    .where(inArray(cohortOffices.cohortId, ids));
  // Live figures: the municipalities that said yes, and the units enrolled.
  const taking = await db
    .select({
      cohortId: cohortInvitations.cohortId,
      code: cohortInvitations.inviteeId,
      officeId: cohortInvitations.officeId,
    })
    .from(cohortInvitations)
    .where(
      and(
        inArray(cohortInvitations.cohortId, ids),
        eq(cohortInvitations.inviteeKind, "municipality"),
        eq(cohortInvitations.state, "accepted"),
      ),
    );
  const enrolled = await db
    .select({ cohortId: cohortEnrolments.cohortId, n: count() })
    .from(cohortEnrolments)
    .where(and(inArray(cohortEnrolments.cohortId, ids), isNull(cohortEnrolments.withdrawnAt)))
    .groupBy(cohortEnrolments.cohortId);
  const namesAt = new Map<
    string,
    Promise<{ offices: Map<string, string>; municipalities: Map<string, string> }>
  >();
  const names = (date: string) => {
    let found = namesAt.get(date);
    if (!found) {
      found = (async () => ({
        offices: new Map((await countyOfficesAt(db, date, lang)).map((o) => [o.id, o.name])),
        municipalities: new Map((await municipalitiesAt(db, date)).map((m) => [m.code, m.name])),
      }))();
      namesAt.set(date, found);
    }
    return found;
  };
  const result: PublicCohort[] = [];
  for (const cohort of cohortRows) {
    const { offices: officeNames, municipalities: municipalityNames } = await names(
      cohort.startsOn,
    );
    const mine = taking.filter((m) => m.cohortId === cohort.id);
    const offices = invited
      .filter((o) => o.cohortId === cohort.id)
      .map((o) => ({
        id: o.officeId,
        name: officeNames.get(o.officeId) ?? o.officeId,
        municipalities: mine
          .filter((m) => m.officeId === o.officeId)
          .map((m) => ({ code: m.code, name: municipalityNames.get(m.code) ?? m.code }))
          .sort((a, b) => a.name.localeCompare(b.name, "nb")),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, "nb"));
    result.push({
      number: cohort.number,
      wayIn: cohort.wayIn,
      startsOn: cohort.startsOn,
      endsOn: cohort.endsOn,
      officeInviteDeadline: cohort.officeInviteDeadline,
      offices,
      municipalityCount: mine.length,
      unitCount: enrolled.find((e) => e.cohortId === cohort.id)?.n ?? 0,
    });
  }
  return result;
}
