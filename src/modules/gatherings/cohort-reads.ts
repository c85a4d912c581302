import { and, asc, eq, isNull, or } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { gatherings } from "./schema";

export type GatheringChoice = {
  id: number;
  titleNb: string;
  titleNn: string;
  startsAt: Date;
  endsAt: Date;
};

/**
 * The gatherings of a cohort (its own, and those for the whole programme), in time order: what
 * a unit's reflection may be about (the development module), never read from its tables.
 */
export async function gatheringsOfCohort(
  db: Executor,
  programmeId: number,
  cohortId: number,
): Promise<GatheringChoice[]> {
  return db
    .select({
      id: gatherings.id,
      titleNb: gatherings.titleNb,
      titleNn: gatherings.titleNn,
      startsAt: gatherings.startsAt,
      endsAt: gatherings.endsAt,
    })
    .from(gatherings)
    .where(
      and(
        eq(gatherings.programmeId, programmeId),
        or(eq(gatherings.cohortId, cohortId), isNull(gatherings.cohortId)),
      ),
    )
    .orderBy(asc(gatherings.startsAt), asc(gatherings.id));
}
