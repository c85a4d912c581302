import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { inList, jsonRows } from "../../kernel/sql-rows";
import { grantSchemes, grants } from "./schema";

/** A cohort's grants in figures (issue 15): how many and how much (øre) at each step. */
export type GrantFigures = {
  cohortId: number;
  allocated: number;
  allocatedOre: number;
  accepted: number;
  acceptedOre: number;
  declined: number;
  paid: number;
  paidOre: number;
  reported: number;
  usedOre: number;
  returnedOre: number;
};

/**
 * Per cohort: grants allocated (every grant of the scheme), accepted (accepted and every later
 * step), declined, paid, and reported, with their sums. One GROUP BY over the grants.
 */
export async function grantFigures(
  db: Executor,
  s: { cohortIds: number[]; municipalities: string[] | null; county: string | null },
): Promise<GrantFigures[]> {
  const accepted = sql`g.state in ('accepted', 'paid', 'reported', 'closed')`;
  return jsonRows<GrantFigures>(
    db,
    sql`select s.cohort_id as "cohortId",
               count(*)::int as allocated, coalesce(sum(g.amount_ore), 0)::bigint as "allocatedOre",
               count(*) filter (where ${accepted})::int as accepted,
               coalesce(sum(g.amount_ore) filter (where ${accepted}), 0)::bigint as "acceptedOre",
               count(*) filter (where g.state = 'declined')::int as declined,
               count(*) filter (where g.paid_at is not null)::int as paid,
               coalesce(sum(g.amount_ore) filter (where g.paid_at is not null), 0)::bigint as "paidOre",
               count(*) filter (where g.reported_at is not null)::int as reported,
               coalesce(sum(g.used_ore), 0)::bigint as "usedOre",
               coalesce(sum(g.returned_ore), 0)::bigint as "returnedOre"
          from ${grants} g join ${grantSchemes} s on s.id = g.scheme_id
         where ${inList(sql`s.cohort_id`, s.cohortIds)}
           and ${inList(sql`g.municipality_code`, s.municipalities)}
           ${s.county ? sql`and left(g.municipality_code, 2) = ${s.county}` : sql``}
         group by s.cohort_id order by s.cohort_id`,
  );
}
