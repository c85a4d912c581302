import { and, eq, lt } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { HousekeepingJob } from "../../kernel/manifest";
import { newsletterSubscriptions } from "./schema";
import { CONFIRM_DAYS } from "./service";

/**
 * A subscription never confirmed holds an address without consent: it is deleted a day after
 * its confirmation link expired (decision 0035). Unsubscribed ones keep no address already
 * (the service replaces it with a hash) and stay as the record of consent and withdrawal.
 */
export const PENDING_RETENTION_MS = (CONFIRM_DAYS + 1) * 86_400_000;

export async function deleteUnconfirmedSubscriptions(db: Db, now: Date): Promise<number> {
  const rows = await db
    .delete(newsletterSubscriptions)
    .where(
      and(
        eq(newsletterSubscriptions.status, "pending"),
        lt(newsletterSubscriptions.consentedAt, new Date(now.getTime() - PENDING_RETENTION_MS)),
      ),
    )
    .returning({ id: newsletterSubscriptions.id });
  return rows.length;
}

export const newsletterRetention: HousekeepingJob = {
  name: "newsletter retention",
  everyMinutes: 60,
  async run(db, context) {
    const n = await deleteUnconfirmedSubscriptions(db, context.now);
    return n > 0 ? `deleted ${n} unconfirmed subscriptions` : null;
  },
};
