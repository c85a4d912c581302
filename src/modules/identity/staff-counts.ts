import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { people, roleAssignments, unitStaffCounts } from "./schema";

/**
 * Every unit's kept staff count made afresh from the role assignments, in one statement: for a
 * bulk load that ran without the triggers (the benchmark's generator) or a repair. Under an
 * exclusive lock on the counts, so a trigger's recount in another transaction waits and lands
 * after it (never before it, with a count that this one would then overwrite).
 */
export async function recountUnitStaff(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${unitStaffCounts} in exclusive mode`);
    await tx.execute(sql`delete from ${unitStaffCounts}`);
    await tx.execute(sql`
      insert into ${unitStaffCounts} (org_number, people)
      select r.org_id, count(distinct r.person_id)::int
        from ${roleAssignments} r join ${people} p on p.id = r.person_id and p.deleted_at is null
       where r.org_kind = 'unit' and r.revoked_at is null and r.role in ('staff', 'unit-leader')
       group by r.org_id`);
  });
}
