import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { inList, jsonRows } from "../../kernel/sql-rows";
import { units } from "./schema";

/**
 * Reads for the insight pages (issue 15). Units are placed by the register's municipality and
 * county (today's codes for an active unit). `municipalities` null: every one; `county` limits
 * to one county.
 */
export type PlaceFilter = { municipalities: string[] | null; county: string | null };

function placeWhere(f: PlaceFilter): SQL {
  return sql`${inList(sql`u.municipality_code`, f.municipalities)}
    ${f.county ? sql`and u.county_code = ${f.county}` : sql``}`;
}

/** Units counted by group, county, municipality, type and owner. */
export type UnitBreakdownRow = {
  group: number;
  county: string;
  municipality: string;
  kindergartens: number;
  schools: number;
  public: number;
  private: number;
  total: number;
};

/**
 * Another module's units (`members`: a query yielding `cohort_id` and `org_number`) counted per
 * cohort and municipality, by type and owner: one GROUP BY over the units joined to them.
 */
export async function unitBreakdown(
  db: Executor,
  members: SQL,
  filter: PlaceFilter,
): Promise<UnitBreakdownRow[]> {
  return jsonRows<UnitBreakdownRow>(
    db,
    sql`select m.cohort_id as "group", u.county_code as county, u.municipality_code as municipality,
               count(*) filter (where u.is_kindergarten)::int as kindergartens,
               count(*) filter (where u.is_school)::int as schools,
               count(*) filter (where u.owner = 'public')::int as public,
               count(*) filter (where u.owner = 'private')::int as private,
               count(*)::int as total
          from (${members}) m join ${units} u on u.org_number = m.org_number
         where ${placeWhere(filter)}
         group by m.cohort_id, u.county_code, u.municipality_code
         order by 1, 2, 3`,
  );
}

/** The active units in the registers, per municipality, by type and owner (`group` is 0). */
export async function registerBreakdown(
  db: Executor,
  filter: PlaceFilter,
): Promise<UnitBreakdownRow[]> {
  return jsonRows<UnitBreakdownRow>(
    db,
    sql`select 0 as "group", u.county_code as county, u.municipality_code as municipality,
               count(*) filter (where u.is_kindergarten)::int as kindergartens,
               count(*) filter (where u.is_school)::int as schools,
               count(*) filter (where u.owner = 'public')::int as public,
               count(*) filter (where u.owner = 'private')::int as private,
               count(*)::int as total
          from ${units} u
         where u.active and ${placeWhere(filter)}
         group by u.county_code, u.municipality_code
         order by 2, 3`,
  );
}

/**
 * `members` (yielding `cohort_id` and `org_number`) limited to the places of `filter`, as a
 * query yielding `group_id` (the cohort and municipality, "3:4203") and `org_number`: for
 * identity to count the people at them per cohort and municipality.
 */
export function placedMembersQuery(members: SQL, filter: PlaceFilter): SQL {
  return sql`select m.cohort_id || ':' || u.municipality_code as group_id, m.org_number
               from (${members}) m join ${units} u on u.org_number = m.org_number
              where ${placeWhere(filter)}`;
}
