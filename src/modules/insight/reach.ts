import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { inList, jsonValue } from "../../kernel/sql-rows";
import { insightReachCounts } from "./schema";

/** Units (and the people working at them) counted by group, county and municipality. */
export type ReachRow = {
  /** The cohort's id; 0 for every cohort of the selection together, or for the register. */
  group: number;
  county: string;
  municipality: string;
  kindergartens: number;
  schools: number;
  public: number;
  private: number;
  total: number;
  staff: number;
};

/** Every municipality (null) or these; every county (null) or this one. */
export type Place = { municipalities: string[] | null; county: string | null };

/**
 * The reach of these cohorts from the kept counts (`insight_reach_counts`), in one query: the
 * units enrolled (not withdrawn) in each cohort, in any of them (each unit once), and the
 * active units in the registers, per county and municipality the register places them in, by
 * type and owner, with the people working at them now. A few hundred rows nationally,
 * however many enrolments and staff roles there are.
 */
export async function reachFigures(
  db: Executor,
  cohortIds: number[],
  place: Place,
): Promise<{ perCohort: ReachRow[]; all: ReachRow[]; register: ReachRow[] }> {
  const r = insightReachCounts;
  const ids = sql`${sql.param(cohortIds)}::int[]`;
  const where = sql`${inList(sql`${r.municipalityCode}`, place.municipalities)}
    ${place.county ? sql`and ${r.countyCode} = ${place.county}` : sql``}`;
  const sums = sql`sum(r.kindergartens)::int as kindergartens, sum(r.schools)::int as schools,
    sum(r.public)::int as public, sum(r.private)::int as private, sum(r.units)::int as total`;
  const rows = (query: SQL) => sql`coalesce((select json_agg(x) from (${query}) x), '[]')`;
  return jsonValue(
    db,
    sql`
    with r as (select * from ${r} where ${where})
    select json_build_object(
      'perCohort', ${rows(sql`
        select c as "group", r.county_code as county, r.municipality_code as municipality,
               ${sums}, sum(r.staff)::int as staff
          from r cross join unnest(r.cohort_ids) c
         where c = any(${ids})
         group by 1, 2, 3`)},
      'all', ${rows(sql`
        select 0 as "group", r.county_code as county, r.municipality_code as municipality,
               ${sums}, sum(r.staff)::int as staff
          from r where r.cohort_ids && ${ids}
         group by 2, 3`)},
      'register', ${rows(sql`
        select 0 as "group", r.county_code as county, r.municipality_code as municipality,
               ${sums}, 0 as staff
          from r where r.active
         group by 2, 3`)}
    )::text as reach`,
    "reach",
  );
}
