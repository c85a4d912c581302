import { and, isNotNull, lt, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { HousekeepingJob } from "../../kernel/manifest";
import { contactMessages } from "./schema";

/**
 * A contact message is mailed to the inbox of whoever owns the programme, where the case is
 * handled; the copy here (name, address, message) serves the receipt and the inbox's reply. It
 * is deleted 30 days after the case is marked handled, and at the latest 180 days after it came
 * (decision 0035).
 */
export const CONTACT_RETENTION = { afterHandledMs: 30 * 86_400_000, atMostMs: 180 * 86_400_000 };

export async function deleteOldContactMessages(db: Db, now: Date): Promise<number> {
  const handledBefore = new Date(now.getTime() - CONTACT_RETENTION.afterHandledMs);
  const receivedBefore = new Date(now.getTime() - CONTACT_RETENTION.atMostMs);
  const rows = await db
    .delete(contactMessages)
    .where(
      or(
        and(isNotNull(contactMessages.handledAt), lt(contactMessages.handledAt, handledBefore)),
        lt(contactMessages.createdAt, receivedBefore),
      ),
    )
    .returning({ id: contactMessages.id });
  return rows.length;
}

export const contactRetention: HousekeepingJob = {
  name: "contact retention",
  everyMinutes: 60,
  async run(db, context) {
    const n = await deleteOldContactMessages(db, context.now);
    return n > 0 ? `deleted ${n} contact messages` : null;
  },
};
