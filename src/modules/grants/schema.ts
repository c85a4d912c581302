import { sql } from "drizzle-orm";
import {
  bigint,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
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
    /**
     * The scheme's participant-travel part (purpose "travel"): the most one claim for one
     * gathering may be, in øre (decision 0033). Null when the scheme pays no travel.
     */
    travelCeilingOre: bigint("travel_ceiling_ore", { mode: "number" }),
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

/** How a participant travelled to the gathering. */
export const TRANSPORT_MEANS = ["train", "bus", "plane", "boat", "car", "other"] as const;
export type TransportMeans = (typeof TRANSPORT_MEANS)[number];

/**
 * A travel claim's states (decision 0033): submitted → approved | rejected; approved → paid
 * (with the scheme's payment batch). Never moved any other way.
 */
export const CLAIM_STATES = ["submitted", "approved", "rejected", "paid"] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];

/**
 * A participant's claim for travel support to a national gathering they attended, under the
 * scheme of the gathering's cohort. Filed by the participant, or by the municipal coordinator
 * for them. Money in øre. The account is the participant's, for the payment.
 */
export const travelClaims = pgTable(
  "travel_claims",
  {
    id: serial("id").primaryKey(),
    schemeId: integer("scheme_id")
      .notNull()
      .references(() => grantSchemes.id),
    gatheringId: integer("gathering_id").notNull(),
    personId: integer("person_id").notNull(),
    /** The municipality the participant came from (the registration's), when known. */
    municipalityCode: text("municipality_code"),
    route: text("route").notNull(),
    means: text("means").$type<TransportMeans>().notNull(),
    amountOre: bigint("amount_ore", { mode: "number" }).notNull(),
    accountNumber: text("account_number").notNull(),
    state: text("state").$type<ClaimState>().notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    /** The participant, or the coordinator who claimed for them. */
    submittedBy: integer("submitted_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: integer("decided_by"),
    /** Why it was approved or rejected (required for a rejection). */
    reason: text("reason"),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    paidBy: integer("paid_by"),
    paymentReference: text("payment_reference"),
  },
  (t) => [
    // One live claim per person and gathering; a rejected one may be claimed anew.
    uniqueIndex("travel_claims_person_gathering_uq")
      .on(t.gatheringId, t.personId)
      .where(sql`${t.state} <> 'rejected'`),
    index("travel_claims_scheme_idx").on(t.schemeId, t.state),
    index("travel_claims_person_idx").on(t.personId),
  ],
);

/** A claim's receipts: the bytes behind the file store, the metadata here. */
export const travelClaimReceipts = pgTable(
  "travel_claim_receipts",
  {
    id: serial("id").primaryKey(),
    claimId: integer("claim_id")
      .notNull()
      .references(() => travelClaims.id),
    storageKey: text("storage_key").notNull(),
    name: text("name").notNull(),
    type: text("type").notNull(),
    bytes: integer("bytes").notNull(),
    sha256: text("sha256").notNull(),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("travel_claim_receipts_claim_idx").on(t.claimId)],
);

/**
 * The legs of a claim's journey (decision 0045): home → station → venue and back, each with its
 * means of transport, the distance in whole kilometres (required for one's own car) and what it
 * cost in øre. The claim's amount is their sum, computed on the server; a claim made before
 * legs existed has none (its route, means and amount are the claim's own).
 */
export const travelClaimLegs = pgTable(
  "travel_claim_legs",
  {
    id: serial("id").primaryKey(),
    claimId: integer("claim_id")
      .notNull()
      .references(() => travelClaims.id),
    /** 1, 2, … in the order travelled. */
    position: integer("position").notNull(),
    fromPlace: text("from_place").notNull(),
    toPlace: text("to_place").notNull(),
    means: text("means").$type<TransportMeans>().notNull(),
    distanceKm: integer("distance_km"),
    amountOre: bigint("amount_ore", { mode: "number" }).notNull(),
  },
  (t) => [uniqueIndex("travel_claim_legs_claim_position_uq").on(t.claimId, t.position)],
);

/**
 * Each scheme's travel figures by state, kept in the same transaction as every claim's move
 * (decision 0045): the ledger reads four rows instead of summing every claim of the scheme on
 * each request. `travelTotals` reads it; the tests and the benchmark hold it equal to the sum
 * of the claims.
 */
export const travelClaimTotals = pgTable(
  "travel_claim_totals",
  {
    schemeId: integer("scheme_id")
      .notNull()
      .references(() => grantSchemes.id),
    state: text("state").$type<ClaimState>().notNull(),
    amountOre: bigint("amount_ore", { mode: "number" }).notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.schemeId, t.state] })],
);
