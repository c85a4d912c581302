import { sql } from "drizzle-orm";
import { bigserial, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * A newsletter subscription (double opt-in). Consent is the legal basis, so the exact
 * consent text version and the times of consent, confirmation and withdrawal are kept.
 */
export const newsletterSubscriptions = pgTable(
  "newsletter_subscriptions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    email: text("email").notNull(),
    /** null: every programme. */
    programmeId: integer("programme_id"),
    lang: text("lang").notNull(),
    status: text("status").notNull().$type<"pending" | "confirmed" | "unsubscribed">(),
    consentTextVersion: text("consent_text_version").notNull(),
    consentedAt: timestamp("consented_at", { withTimezone: true }).notNull(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    unsubscribedAt: timestamp("unsubscribed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("newsletter_active_uq")
      .on(sql`lower(${t.email})`, sql`coalesce(${t.programmeId}, 0)`)
      .where(sql`${t.status} <> 'unsubscribed'`),
  ],
);
