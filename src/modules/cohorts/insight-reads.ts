import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { inList, jsonValue } from "../../kernel/sql-rows";
import { cohortEnrolments, cohortInvitations } from "./schema";

/**
 * Reads for the insight pages (issue 15): figures only, counted in SQL. `municipalities` null
 * means every municipality (a programme admin); a list limits to those municipalities'
 * invitations. The chain here is the municipalities' (an office invites a municipality);
 * private units invited directly are counted among the enrolled units, not in the chain.
 */
export type ChainScope = {
  cohortIds: number[];
  municipalities: string[] | null;
  /** A county code: the municipalities whose code begins with it. */
  county: string | null;
  /** Europe/Oslo: an open invitation past its deadline is expired on this day. */
  today: string;
};

function chainWhere(s: ChainScope): SQL {
  return sql`${inList(sql`cohort_id`, s.cohortIds)} and invitee_kind = 'municipality'
    and ${inList(sql`invitee_id`, s.municipalities)}
    ${s.county ? sql`and left(invitee_id, 2) = ${s.county}` : sql``}`;
}

export type ChainState = "invited" | "accepted" | "declined" | "expired";

/**
 * Invitations by cohort and state (the state on `today`), events per month, and the
 * municipalities that accepted each cohort's invitation (by code, as invited): one query over
 * the invitations in scope, read as one JSON value.
 */
export async function chainFigures(
  db: Executor,
  s: ChainScope,
): Promise<{
  states: { cohortId: number; state: ChainState; count: number }[];
  months: { month: string; event: ChainState; count: number }[];
  accepted: { cohortId: number; code: string }[];
}> {
  const rows = (query: SQL) => sql`coalesce((select json_agg(x) from (${query}) x), '[]')`;
  return jsonValue(
    db,
    sql`
    with i as materialized (
      select cohort_id, invitee_id, invited_at, answered_at, deadline,
             case when state = 'invited' and deadline < ${s.today}::date then 'expired'
                  else state end as state
        from ${cohortInvitations} where ${chainWhere(s)})
    select json_build_object(
      'states', ${rows(sql`
        select cohort_id as "cohortId", state, count(*)::int as count from i
         group by cohort_id, state order by cohort_id, state`)},
      'months', ${rows(sql`
        select e.month, e.event, count(*)::int as count
          from i cross join lateral (values
            (to_char(i.invited_at at time zone 'Europe/Oslo', 'YYYY-MM'), 'invited'),
            (case when i.state in ('accepted', 'declined') and i.answered_at is not null
               then to_char(i.answered_at at time zone 'Europe/Oslo', 'YYYY-MM') end, i.state),
            (case when i.state = 'expired' then to_char(i.deadline + 1, 'YYYY-MM') end, 'expired')
          ) e(month, event)
         where e.month is not null
         group by e.month, e.event order by e.month, e.event`)},
      'accepted', ${rows(sql`
        select cohort_id as "cohortId", invitee_id as code from i
         where state = 'accepted' order by cohort_id, invitee_id`)}
    )::text as chain`,
    "chain",
  );
}

/**
 * The units enrolled now (not withdrawn) in these cohorts, as a query yielding `cohort_id` and
 * `org_number`, for another module to join to its own rows without reading the cohorts'
 * tables.
 */
export function enrolmentsQuery(cohortIds: number[]): SQL {
  return sql`select cohort_id, unit_org_number as org_number from ${cohortEnrolments}
              where ${inList(sql`cohort_id`, cohortIds)} and withdrawn_at is null`;
}
