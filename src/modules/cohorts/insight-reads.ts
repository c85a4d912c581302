import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { inList, jsonRows } from "../../kernel/sql-rows";
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

/** Invitations by cohort and state (the state on `today`), and events per month. */
export async function chainFigures(
  db: Executor,
  s: ChainScope,
): Promise<{
  states: { cohortId: number; state: ChainState; count: number }[];
  months: { month: string; event: ChainState; count: number }[];
}> {
  const inv = sql`select cohort_id, invited_at, answered_at, deadline,
      case when state = 'invited' and deadline < ${s.today}::date then 'expired' else state end as state
    from ${cohortInvitations} where ${chainWhere(s)}`;
  const [states, months] = await Promise.all([
    jsonRows<{ cohort_id: number; state: ChainState; count: number }>(
      db,
      sql`select cohort_id, state, count(*)::int as count from (${inv}) i
          group by cohort_id, state order by cohort_id, state`,
    ),
    jsonRows<{ month: string; event: ChainState; count: number }>(
      db,
      sql`select month, event, count(*)::int as count from (
            select to_char(invited_at at time zone 'Europe/Oslo', 'YYYY-MM') as month,
                   'invited' as event from (${inv}) i
            union all
            select to_char(answered_at at time zone 'Europe/Oslo', 'YYYY-MM'), state
              from (${inv}) i where state in ('accepted', 'declined') and answered_at is not null
            union all
            select to_char(deadline + 1, 'YYYY-MM'), 'expired' from (${inv}) i
             where state = 'expired'
          ) e group by month, event order by month, event`,
    ),
  ]);
  return {
    states: states.map((r) => ({ cohortId: r.cohort_id, state: r.state, count: r.count })),
    months,
  };
}

/** The municipalities that accepted each cohort's invitation (by code, as invited). */
export async function acceptedMunicipalityCodes(
  db: Executor,
  s: ChainScope,
): Promise<{ cohortId: number; code: string }[]> {
  const rows = await jsonRows<{ cohort_id: number; code: string }>(
    db,
    sql`select cohort_id, invitee_id as code from ${cohortInvitations}
         where ${chainWhere(s)} and state = 'accepted' order by cohort_id, invitee_id`,
  );
  return rows.map((r) => ({ cohortId: r.cohort_id, code: r.code }));
}

/**
 * The units enrolled now (not withdrawn) in these cohorts, as a query yielding `cohort_id` and
 * `org_number`, for organisations to place and count (`unitBreakdown`) and identity to count
 * the people at (`peopleAtUnits`), without either reading the cohorts' tables.
 */
export function enrolmentsQuery(cohortIds: number[]): SQL {
  return sql`select cohort_id, unit_org_number as org_number from ${cohortEnrolments}
              where ${inList(sql`cohort_id`, cohortIds)} and withdrawn_at is null`;
}
