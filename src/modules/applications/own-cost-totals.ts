import { and, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { COST_KINDS, type CostKind } from "./plan";
import { ownCosts, participations } from "./schema";

/**
 * The municipalities' own costs of taking part (decision 0033), summed by the database per
 * cohort, municipality, kind and whether it is an estimate: whole kroner, integers all the way.
 */
export type OwnCostSum = {
  cohortId: number;
  municipalityCode: string;
  kind: CostKind;
  estimate: boolean;
  kroner: number;
};

export async function ownCostSums(db: Executor, cohortIds: number[]): Promise<OwnCostSum[]> {
  if (cohortIds.length === 0) return [];
  const rows = await db
    .select({
      cohortId: participations.cohortId,
      municipalityCode: participations.municipalityCode,
      kind: ownCosts.kind,
      estimate: ownCosts.estimate,
      kroner: sql<string>`sum(${ownCosts.amount})::bigint::text`,
    })
    .from(ownCosts)
    .innerJoin(participations, sql`${participations.id} = ${ownCosts.participationId}`)
    .where(and(inArray(participations.cohortId, cohortIds)))
    .groupBy(
      participations.cohortId,
      participations.municipalityCode,
      ownCosts.kind,
      ownCosts.estimate,
    )
    .orderBy(participations.cohortId, participations.municipalityCode, ownCosts.kind);
  return rows.map((r) => ({ ...r, kroner: Number(r.kroner) }));
}

/** A row of the summary: recorded and estimated kroner by kind, and their totals. */
export type CostFigures = {
  recorded: number;
  estimated: number;
  byKind: Record<CostKind, number>;
};

export const zeroCosts = (): CostFigures => ({
  recorded: 0,
  estimated: 0,
  byKind: Object.fromEntries(COST_KINDS.map((k) => [k, 0])) as Record<CostKind, number>,
});

export function addCost(into: CostFigures, sum: OwnCostSum): CostFigures {
  if (sum.estimate) into.estimated += sum.kroner;
  else into.recorded += sum.kroner;
  into.byKind[sum.kind] += sum.kroner;
  return into;
}
