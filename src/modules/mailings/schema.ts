import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

export const MAILING_KINDS = ["newsletter", "message"] as const;
export type MailingKind = (typeof MAILING_KINDS)[number];
export const MAILING_STATUSES = ["draft", "scheduled", "sending", "sent"] as const;
export type MailingStatus = (typeof MAILING_STATUSES)[number];
export const RECIPIENT_STATES = ["queued", "sent", "failed", "bounced"] as const;
export type RecipientState = (typeof RECIPIENT_STATES)[number];

/**
 * A newsletter or a message (decision 0034): written in bokmål and nynorsk, sent once to
 * recipients computed at send time and frozen in `mailing_recipients`.
 */
export const mailings = pgTable(
  "mailings",
  {
    id: serial("id").primaryKey(),
    kind: text("kind").$type<MailingKind>().notNull(),
    programmeId: integer("programme_id").notNull(),
    /** Messages to a cohort's people; null for a newsletter. */
    cohortId: integer("cohort_id"),
    /** Who may be mailed: for a newsletter the subscribers' languages; for a message the segment. */
    audience: jsonb("audience").$type<Record<string, unknown>>().notNull(),
    senderPersonId: integer("sender_person_id"),
    /** The name shown as the sender ("FUB/FUG"), and the address replies go to. */
    senderName: text("sender_name").notNull(),
    replyTo: text("reply_to").notNull(),
    subjectNb: text("subject_nb").notNull(),
    subjectNn: text("subject_nn").notNull(),
    bodyNb: text("body_nb").notNull(),
    bodyNn: text("body_nn").notNull(),
    status: text("status").$type<MailingStatus>().notNull().default("draft"),
    /** When it goes (scheduled), or went (sending, sent). */
    sendAt: timestamp("send_at", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    recipientCount: integer("recipient_count"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("mailings_programme_idx").on(t.programmeId, t.kind, t.status),
    index("mailings_cohort_idx").on(t.cohortId),
  ],
);

/** Who a mailing went to: frozen when it starts; each row is mailed once. */
export const mailingRecipients = pgTable(
  "mailing_recipients",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    mailingId: integer("mailing_id")
      .notNull()
      .references(() => mailings.id, { onDelete: "cascade" }),
    address: text("address").notNull(),
    /** The written standard the person gets (nb or nn). */
    lang: text("lang").notNull(),
    /** The newsletter subscription (for its unsubscribe link); null for a message. */
    subscriptionId: bigint("subscription_id", { mode: "number" }),
    state: text("state").$type<RecipientState>().notNull().default("queued"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** Set when the job starts an SMTP transaction for this row (a kill leaves it set). */
    attemptedAt: timestamp("attempted_at", { withTimezone: true }),
    /** SMTP attempts refused for now (4xx); after `DELIVER_ATTEMPTS` the row is failed. */
    attempts: integer("attempts").notNull().default(0),
    /** A row refused for now is tried again from this time (decision 0041). */
    retryAt: timestamp("retry_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("mailing_recipients_address_uq").on(t.mailingId, sql`lower(${t.address})`),
    index("mailing_recipients_state_idx").on(t.mailingId, t.state),
  ],
);

/** Addresses that bounced: after a set number of hard bounces nothing more is sent to them. */
export const mailBounces = pgTable(
  "mail_bounces",
  {
    id: serial("id").primaryKey(),
    address: text("address").notNull(),
    hardBounces: integer("hard_bounces").notNull().default(0),
    softBounces: integer("soft_bounces").notNull().default(0),
    lastStatus: text("last_status"),
    lastBounceAt: timestamp("last_bounce_at", { withTimezone: true }).notNull(),
    undeliverableAt: timestamp("undeliverable_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("mail_bounces_address_uq").on(sql`lower(${t.address})`)],
);
