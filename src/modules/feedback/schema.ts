import {
  bigserial,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

/** «Fant du det du lette etter?» — no IP address, no user id: page, language, answer, comment, time. */
export const pageFeedback = pgTable(
  "page_feedback",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    page: text("page").notNull(),
    lang: text("lang").notNull(),
    found: boolean("found").notNull(),
    comment: text("comment"),
    /** True when personal data was masked out of the comment before it was stored. */
    commentMasked: boolean("comment_masked").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    commentedAt: timestamp("commented_at", { withTimezone: true }),
    /** Moderation by a programme admin: a hidden comment is left out of the overview. */
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenBy: integer("hidden_by"),
    handledAt: timestamp("handled_at", { withTimezone: true }),
    handledBy: integer("handled_by"),
  },
  (t) => [index("page_feedback_page_idx").on(t.page, t.createdAt)],
);

/**
 * Answers and Ja per page, language and month (Europe/Oslo), kept by a trigger on
 * `page_feedback` (see migration 0005): the overview reads this, not a million rows.
 */
export const pageFeedbackMonthly = pgTable(
  "page_feedback_monthly",
  {
    page: text("page").notNull(),
    lang: text("lang").notNull(),
    /** YYYY-MM in Europe/Oslo. */
    month: text("month").notNull(),
    answers: integer("answers").notNull().default(0),
    yes: integer("yes").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.page, t.lang, t.month] })],
);
