import { bigserial, boolean, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

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
