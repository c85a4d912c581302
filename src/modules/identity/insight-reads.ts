import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { jsonRows } from "../../kernel/sql-rows";
import { people, roleAssignments } from "./schema";

/**
 * The people working at units now (an active staff or unit-leader role, not deleted), counted
 * per group of another module's units (`members`: a query yielding `group_id` and
 * `org_number`). A person with roles at two units of a group is counted once in it. Counts
 * only, for the insight pages (issue 15).
 */
export async function peopleAtUnits(db: Executor, members: SQL): Promise<Map<string, number>> {
  const rows = await jsonRows<{ group_id: string; people: number }>(
    db,
    sql`select m.group_id, count(distinct r.person_id)::int as people
          from (${members}) m
          join ${roleAssignments} r on r.org_kind = 'unit' and r.org_id = m.org_number
           and r.revoked_at is null and r.role in ('staff', 'unit-leader')
          join ${people} p on p.id = r.person_id and p.deleted_at is null
         group by m.group_id`,
  );
  return new Map(rows.map((r) => [String(r.group_id), r.people]));
}
