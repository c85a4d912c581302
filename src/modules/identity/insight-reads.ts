import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { jsonRows } from "../../kernel/sql-rows";
import { unitStaffCounts } from "./schema";

/**
 * The people working at units now (an active staff or unit-leader role, not deleted), counted
 * per group of another module's units (`members`: a query yielding `group_id` and
 * `org_number`): the sum of the units' counts kept in `unit_staff_counts`, so a person working
 * at two units of a group counts at each (decision 0042). Counts only, for the insight pages
 * (issue 15).
 */
export async function peopleAtUnits(db: Executor, members: SQL): Promise<Map<string, number>> {
  const rows = await jsonRows<{ group_id: string; people: number }>(
    db,
    sql`select m.group_id, sum(c.people)::int as people
          from (${members}) m
          join ${unitStaffCounts} c on c.org_number = m.org_number
         group by m.group_id`,
  );
  return new Map(rows.map((r) => [String(r.group_id), r.people]));
}
