import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/** Background work (e-mail, reminders): claimed with FOR UPDATE SKIP LOCKED by any instance. */
export const jobs = pgTable(
  "jobs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").notNull(),
    idempotencyKey: text("idempotency_key"),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(8),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    /** The claiming worker's INSTANCE_ID and boot: a restarted instance reclaims its dead claims. */
    lockedBy: text("locked_by"),
    lockedBoot: text("locked_boot"),
    lastError: text("last_error"),
    doneAt: timestamp("done_at", { withTimezone: true }),
    failedAt: timestamp("failed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("jobs_idempotency_key_uq").on(t.idempotencyKey),
    index("jobs_due_idx").on(t.runAt).where(sql`${t.doneAt} is null and ${t.failedAt} is null`),
  ],
);

/** Settings shared by every instance, such as the signing secret generated at first start. */
export const appSettings = pgTable("app_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

/** Development outbox: mails "sent" when no SMTP server is configured. */
export const devOutbox = pgTable("dev_outbox", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  to: text("to").notNull(),
  subject: text("subject").notNull(),
  text: text("text").notNull(),
  headers: jsonb("headers").notNull().$type<Record<string, string>>(),
  sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Fixed-window counters for rate limits when several instances share one PostgreSQL. */
export const rateLimitWindows = pgTable(
  "rate_limit_windows",
  {
    key: text("key").notNull(),
    windowStart: bigint("window_start", { mode: "number" }).notNull(),
    hits: integer("hits").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/**
 * How often writers confirmed that a text the child guard warned about does not identify a
 * child, per form, field and month (Europe/Oslo). Only the count: never the text, nor who.
 */
export const childGuardConfirmations = pgTable(
  "child_guard_confirmations",
  {
    form: text("form").notNull(),
    field: text("field").notNull(),
    /** "2026-11" */
    month: text("month").notNull(),
    confirmations: integer("confirmations").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.form, t.field, t.month] })],
);
