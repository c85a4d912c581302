import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { recountFeedbackMonthly } from "../feedback";
import { recountGatheringAttendance } from "../gatherings";
import { recountUnitStaff } from "../identity";

/**
 * Every kept count the insight page reads made afresh from the rows they count: the staff per
 * unit, the whole-gathering marks per gathering and the page feedback per month, each by the
 * module that owns it, then this module's reach counts (which add up the staff counts).
 * Triggers keep them current through every ordinary change; this is for a bulk load that ran
 * without the triggers (the national benchmark's generator) or a repair.
 */
export async function recountInsight(db: Db): Promise<void> {
  await recountUnitStaff(db);
  await recountGatheringAttendance(db);
  await recountFeedbackMonthly(db);
  await db.execute(sql`select insight_reach_recount(null)`);
}
