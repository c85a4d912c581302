import { sql } from "drizzle-orm";
import {
  bigint,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/** What a scheme pays for (decision 0032). */
export const PURPOSES = ["resource-person", "travel"] as const;
export type Purpose = (typeof PURPOSES)[number];

/** How the amount per municipality is set: one amount, or per enrolled unit within limits. */
export type Basis = "flat" | "per-unit";

/**
 * A cohort's grant scheme, set by the programme admin of the programme's owner. Money in øre
 * (integers, never floats): a bigint read as a JavaScript number, exact below 2^53 øre.
 */
export const grantSchemes = pgTable(
  "grant_schemes",
  {
    id: serial("id").primaryKey(),
    cohortId: integer("cohort_id").notNull(),
    purposes: text("purposes").array().$type<Purpose[]>().notNull(),
    basis: text("basis").$type<Basis>().notNull(),
    /** The flat amount, or the amount per enrolled unit. */
    amountOre: bigint("amount_ore", { mode: "number" }).notNull(),
    /** Per unit only: the least and the most a municipality gets. */
    floorOre: bigint("floor_ore", { mode: "number" }),
    ceilingOre: bigint("ceiling_ore", { mode: "number" }),
    conditionsNb: text("conditions_nb").notNull(),
    conditionsNn: text("conditions_nn").notNull(),
    /** The last day to accept, and to report on the use (inclusive, Europe/Oslo). */
    acceptDeadline: date("accept_deadline").notNull(),
    reportDeadline: date("report_deadline").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    updatedBy: integer("updated_by"),
  },
  (t) => [uniqueIndex("grant_schemes_cohort_uq").on(t.cohortId)],
);

/**
 * A grant's states, moved only along the allowed transitions (transitions.ts):
 * allocated → letter-sent → accepted | declined; accepted → paid → reported → closed
 * (a report with unused funds waits for the return before it closes).
 */
export const GRANT_STATES = [
  "allocated",
  "letter-sent",
  "accepted",
  "declined",
  "paid",
  "reported",
  "closed",
] as const;
export type GrantState = (typeof GRANT_STATES)[number];

/** One municipality's grant under a scheme. */
export const grants = pgTable(
  "grants",
  {
    id: serial("id").primaryKey(),
    schemeId: integer("scheme_id")
      .notNull()
      .references(() => grantSchemes.id),
    municipalityCode: text("municipality_code").notNull(),
    /** Units enrolled when the grant was allocated (what a per-unit amount was counted from). */
    enrolledUnits: integer("enrolled_units").notNull(),
    amountOre: bigint("amount_ore", { mode: "number" }).notNull(),
    state: text("state").$type<GrantState>().notNull(),
    allocatedAt: timestamp("allocated_at", { withTimezone: true }).notNull(),
    letterSentAt: timestamp("letter_sent_at", { withTimezone: true }),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    answeredBy: integer("answered_by"),
    /** Given with the acceptance: the municipality's organisation number and account. */
    orgNumber: text("org_number"),
    accountNumber: text("account_number"),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    paidBy: integer("paid_by"),
    paymentReference: text("payment_reference"),
    usedOre: bigint("used_ore", { mode: "number" }),
    /** What the money paid for: resource-person hours, substitutes, other. */
    usedFor: text("used_for").array().$type<string[]>(),
    account: text("account"),
    reportedAt: timestamp("reported_at", { withTimezone: true }),
    reportedBy: integer("reported_by"),
    /** Unused funds received back (reported → closed). */
    returnedOre: bigint("returned_ore", { mode: "number" }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** Reminders sent, once each: before the acceptance deadline, before and after the report's. */
    acceptRemindedAt: timestamp("accept_reminded_at", { withTimezone: true }),
    reportRemindedAt: timestamp("report_reminded_at", { withTimezone: true }),
    reportOverdueAt: timestamp("report_overdue_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("grants_scheme_municipality_uq").on(t.schemeId, t.municipalityCode),
    index("grants_municipality_idx").on(t.municipalityCode),
    index("grants_open_idx").on(t.state).where(sql`${t.state} in ('letter-sent', 'paid')`),
  ],
);
