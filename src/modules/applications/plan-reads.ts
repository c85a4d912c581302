import { desc, eq, inArray, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { programmesOwnedBy } from "../programmes";
import { applicationRounds, participations } from "./schema";

/** Who the reader of a plan is: the programme's owner, the municipality, or both. */
export type PlanSide = { owner: boolean; municipality: boolean };

/** What of the tailored plans a person may follow: the owners' programmes, the municipalities. */
export type PlanReach = { owners: Set<string>; municipalities: Set<string> };

/** The participations a person may follow, newest first, with the programme each belongs to. */
export async function participationsFor(db: Db, reach: PlanReach) {
  const programmeIds = (await programmesOwnedBy(db, [...reach.owners])).map((p) => p.id);
  const municipalities = [...reach.municipalities];
  const conditions = [
    ...(programmeIds.length > 0 ? [inArray(applicationRounds.programmeId, programmeIds)] : []),
    ...(municipalities.length > 0
      ? [inArray(participations.municipalityCode, municipalities)]
      : []),
  ];
  if (conditions.length === 0) return [];
  return db
    .select({ participation: participations, programmeId: applicationRounds.programmeId })
    .from(participations)
    .innerJoin(applicationRounds, eq(applicationRounds.cohortId, participations.cohortId))
    .where(or(...conditions))
    .orderBy(desc(participations.startsOn), desc(participations.id));
}

/**
 * One participation with the side the person is on (neither: they may not follow it); null
 * when it does not exist.
 */
export async function participationFor(db: Db, id: number, reach: PlanReach) {
  const [row] = await db
    .select({ participation: participations, programmeId: applicationRounds.programmeId })
    .from(participations)
    .innerJoin(applicationRounds, eq(applicationRounds.cohortId, participations.cohortId))
    .where(eq(participations.id, id));
  if (!row) return null;
  const owned = (await programmesOwnedBy(db, [...reach.owners])).some(
    (p) => p.id === row.programmeId,
  );
  const side: PlanSide = {
    owner: owned,
    municipality: reach.municipalities.has(row.participation.municipalityCode),
  };
  return { ...row, side };
}
