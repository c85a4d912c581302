import { sql } from "drizzle-orm";
import {
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
// The programme a cohort belongs to, for the foreign key only (decision 0018).
import { programmes } from "../programmes/foreign-keys";

/** A cohort of a programme: its dates, deadlines and participation terms. */
export const cohorts = pgTable(
  "cohorts",
  {
    id: serial("id").primaryKey(),
    programmeId: integer("programme_id")
      .notNull()
      .references(() => programmes.id),
    number: integer("number").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    /** The last day county offices have to invite municipalities (Europe/Oslo). */
    officeInviteDeadline: date("office_invite_deadline"),
    /** The default last day for municipalities to answer (Europe/Oslo); offices may extend it. */
    answerDeadline: date("answer_deadline"),
    /** Automatic reminders go this many days before an invitation's deadline; 0 sends none. */
    reminderDaysBefore: integer("reminder_days_before").notNull().default(7),
    /**
     * How municipalities come in: invited down the chain (county office → municipality), or by
     * applying in the cohort's application round (the applications module holds the round).
     */
    wayIn: text("way_in").$type<"invitation" | "application">().notNull().default("invitation"),
    /** The participation terms, Markdown, per language (English optional). */
    termsNb: text("terms_nb").notNull().default(""),
    termsNn: text("terms_nn").notNull().default(""),
    termsEn: text("terms_en").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }),
    createdBy: integer("created_by"),
  },
  (t) => [uniqueIndex("cohorts_programme_number_uq").on(t.programmeId, t.number)],
);

export const cohortOffices = pgTable(
  "cohort_offices",
  {
    cohortId: integer("cohort_id")
      .notNull()
      .references(() => cohorts.id),
    officeId: text("office_id").notNull(),
    /** When the Directorate invited the office; null for cohorts from before Samspill. */
    invitedAt: timestamp("invited_at", { withTimezone: true }),
    invitedBy: integer("invited_by"),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.officeId] })],
);

/** Gatherings planned for a cohort, as placeholders until the gatherings themselves exist. */
export const cohortPlannedGatherings = pgTable(
  "cohort_planned_gatherings",
  {
    id: serial("id").primaryKey(),
    cohortId: integer("cohort_id")
      .notNull()
      .references(() => cohorts.id),
    /** "national" or "regional". */
    kind: text("kind").$type<"national" | "regional">().notNull(),
    title: text("title").notNull(),
    plannedOn: date("planned_on").notNull(),
  },
  (t) => [index("cohort_planned_gatherings_cohort_idx").on(t.cohortId, t.plannedOn)],
);

/** Who an office invites: a municipality, or a private kindergarten or school directly. */
export type InviteeKind = "municipality" | "unit";
/** `expired` is written by the housekeeping job once the deadline (Europe/Oslo) has passed. */
export type InvitationState = "invited" | "accepted" | "declined" | "expired";

/**
 * One link of the chain below the county office: the office's invitation of a municipality (or
 * a private unit) to a cohort, its deadline and its answer. `version` grows with every change,
 * so that two people answering at once cannot both win.
 */
export const cohortInvitations = pgTable(
  "cohort_invitations",
  {
    id: serial("id").primaryKey(),
    cohortId: integer("cohort_id")
      .notNull()
      .references(() => cohorts.id),
    officeId: text("office_id").notNull(),
    inviteeKind: text("invitee_kind").$type<InviteeKind>().notNull(),
    /** A municipality code or a unit's organisation number. */
    inviteeId: text("invitee_id").notNull(),
    state: text("state").$type<InvitationState>().notNull(),
    /** The office's personal message, shown with the invitation and in the e-mail. */
    message: text("message").notNull().default(""),
    /** The last day to answer, inclusive, in Europe/Oslo. */
    deadline: date("deadline").notNull(),
    invitedAt: timestamp("invited_at", { withTimezone: true }).notNull(),
    invitedBy: integer("invited_by"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    answeredBy: integer("answered_by"),
    declineReason: text("decline_reason"),
    /** When the municipality accepted the programme's commitments (with its yes). */
    commitmentsAcceptedAt: timestamp("commitments_accepted_at", { withTimezone: true }),
    lastRemindedAt: timestamp("last_reminded_at", { withTimezone: true }),
    remindersSent: integer("reminders_sent").notNull().default(0),
    /** The deadline the automatic reminder was last sent for: one per deadline, however often asked. */
    autoRemindedFor: date("auto_reminded_for"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("cohort_invitations_invitee_uq").on(t.cohortId, t.inviteeKind, t.inviteeId),
    index("cohort_invitations_office_idx").on(t.cohortId, t.officeId),
    index("cohort_invitations_open_idx").on(t.deadline).where(sql`${t.state} = 'invited'`),
  ],
);

/** Every transition and act on an invitation, dated: the chain's own history. */
export const cohortInvitationEvents = pgTable(
  "cohort_invitation_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    invitationId: integer("invitation_id")
      .notNull()
      .references(() => cohortInvitations.id),
    at: timestamp("at", { withTimezone: true }).notNull(),
    /** Null when the system acted (expiry, automatic reminder). */
    actorId: integer("actor_id"),
    /** invited, reminded, extended, accepted, declined, expired, enrolled, withdrawn, contact. */
    event: text("event").notNull(),
    fromState: text("from_state"),
    toState: text("to_state"),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("cohort_invitation_events_invitation_idx").on(t.invitationId, t.at)],
);

/**
 * A kindergarten or school enrolled in a cohort through an accepted invitation; all its staff
 * take part. Withdrawing ends the row (kept for the history); enrolling again adds one.
 */
export const cohortEnrolments = pgTable(
  "cohort_enrolments",
  {
    id: serial("id").primaryKey(),
    cohortId: integer("cohort_id")
      .notNull()
      .references(() => cohorts.id),
    invitationId: integer("invitation_id")
      .notNull()
      .references(() => cohortInvitations.id),
    unitOrgNumber: text("unit_org_number").notNull(),
    enrolledAt: timestamp("enrolled_at", { withTimezone: true }).notNull(),
    enrolledBy: integer("enrolled_by"),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawnBy: integer("withdrawn_by"),
  },
  (t) => [
    uniqueIndex("cohort_enrolments_active_uq")
      .on(t.cohortId, t.unitOrgNumber)
      .where(sql`${t.withdrawnAt} is null`),
    index("cohort_enrolments_invitation_idx").on(t.invitationId),
    // A unit's cohorts, for the insight page's kept reach counts (decision 0047).
    index("cohort_enrolments_unit_idx").on(t.unitOrgNumber).where(sql`${t.withdrawnAt} is null`),
  ],
);

/** "resource-person" (the local resource person) or "pp-service" (the PP-tjeneste contact). */
export type ContactKind = "resource-person" | "pp-service";

/**
 * The municipality's named contacts for a cohort. Changing one ends the current row and adds a
 * new one, so the history stays. Staff data only: a name and a work e-mail.
 */
export const cohortContacts = pgTable(
  "cohort_contacts",
  {
    id: serial("id").primaryKey(),
    invitationId: integer("invitation_id")
      .notNull()
      .references(() => cohortInvitations.id),
    kind: text("kind").$type<ContactKind>().notNull(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    /** For the PP-tjeneste contact: which PP-tjeneste. */
    ppServiceId: integer("pp_service_id"),
    /** For the resource person: the role invitation sent to them. */
    roleInvitationId: integer("role_invitation_id"),
    setAt: timestamp("set_at", { withTimezone: true }).notNull(),
    setBy: integer("set_by"),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedBy: integer("ended_by"),
  },
  (t) => [
    uniqueIndex("cohort_contacts_active_uq")
      .on(t.invitationId, t.kind)
      .where(sql`${t.endedAt} is null`),
  ],
);
