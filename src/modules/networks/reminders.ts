import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { enqueue, type JobHandlers } from "../../kernel/jobs";
import type { JobContext } from "../../kernel/manifest";
import { jobs } from "../../kernel/schema";
import { queueMeetingMail } from "./meetings";
import { membersOf } from "./networks";
import { learningNetworks, networkMeetings } from "./schema";

const DAY = 86_400_000;
/** Members are reminded this long before a meeting starts. */
export const MEETING_REMINDER_MS = 2 * DAY;

/**
 * The reminder before a network meeting (issue 12), like the gatherings' (decision 0026): the
 * housekeeping queues one job per meeting once it is due (`network-meeting-reminders:<id>`),
 * and the job queues one mail per member keyed per meeting and member. A second run, a retry
 * or a second instance sends nothing twice.
 */
export const MEETING_REMINDER_JOB = "network.meeting-reminders";
const payload = z.object({ meetingId: z.number().int().positive() });
const batchKey = (meetingId: number) => `network-meeting-reminders:${meetingId}`;

/** Queue the reminder job of every meeting starting within two days, not cancelled, not queued. */
export async function queueMeetingReminders(db: Db, now: Date): Promise<number> {
  const due = await db
    .select({ id: networkMeetings.id })
    .from(networkMeetings)
    .where(
      and(
        isNull(networkMeetings.cancelledAt),
        sql`${networkMeetings.startsAt} > ${now.toISOString()}::timestamptz`,
        sql`${networkMeetings.startsAt} <= ${new Date(now.getTime() + MEETING_REMINDER_MS).toISOString()}::timestamptz`,
        sql`not exists (select 1 from ${jobs} j
          where j.idempotency_key = ${"network-meeting-reminders:"} || ${networkMeetings.id})`,
      ),
    );
  for (const m of due)
    await enqueue(db, {
      kind: MEETING_REMINDER_JOB,
      payload: { meetingId: m.id },
      idempotencyKey: batchKey(m.id),
      runAt: now,
    });
  return due.length;
}

/** The job: the reminder to each member as things are when it runs (nothing once cancelled or begun). */
export function meetingReminderJobHandlers(context: JobContext): JobHandlers {
  const { db, clock } = context;
  const baseUrl = context.linkBase.replace(/\/+$/, "");
  return {
    async [MEETING_REMINDER_JOB](raw) {
      const { meetingId } = payload.parse(raw);
      const [meeting] = await db
        .select()
        .from(networkMeetings)
        .where(eq(networkMeetings.id, meetingId));
      const now = clock.now();
      if (!meeting || meeting.cancelledAt || now >= meeting.startsAt) return;
      const [network] = await db
        .select({ name: learningNetworks.name })
        .from(learningNetworks)
        .where(eq(learningNetworks.id, meeting.networkId));
      if (!network) return;
      await db.transaction(async (tx) => {
        const members = await membersOf(tx, meeting.networkId);
        await queueMeetingMail(tx, "reminder", meeting, network.name, members, { now, baseUrl });
      });
    },
  };
}
