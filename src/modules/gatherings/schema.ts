import { sql } from "drizzle-orm";
import {
  boolean,
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

// Programmes, cohorts, people, municipalities and units are other modules' rows: their ids are
// held here as plain integers or codes and checked through those modules' functions (0020).

export type GatheringLevel = "national" | "regional" | "local";
export type GatheringMode = "physical" | "digital" | "hybrid";
/** Who organises: a programme owner (udir, fub), a county office, or a municipality. */
export type OrganiserKind = "owner" | "county-office" | "municipality";

/**
 * A gathering ("samling") of a programme, for one cohort or the whole programme. Times are
 * instants (UTC in the database), shown in Europe/Oslo. The digital link is for registered
 * participants only and is never shown on a public page.
 */
export const gatherings = pgTable(
  "gatherings",
  {
    id: serial("id").primaryKey(),
    programmeId: integer("programme_id").notNull(),
    /** Null: for the whole programme. */
    cohortId: integer("cohort_id"),
    level: text("level").$type<GatheringLevel>().notNull(),
    organiserKind: text("organiser_kind").$type<OrganiserKind>().notNull(),
    /** An owner key, a county office's id or a municipality code. */
    organiserId: text("organiser_id").notNull(),
    titleNb: text("title_nb").notNull(),
    titleNn: text("title_nn").notNull(),
    descriptionNb: text("description_nb").notNull().default(""),
    descriptionNn: text("description_nn").notNull().default(""),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    mode: text("mode").$type<GatheringMode>().notNull(),
    venue: text("venue").notNull().default(""),
    address: text("address").notNull().default(""),
    /** Revealed only to registered participants. */
    digitalLink: text("digital_link").notNull().default(""),
    capacity: integer("capacity").notNull(),
    registrationOpensAt: timestamp("registration_opens_at", { withTimezone: true }).notNull(),
    registrationClosesAt: timestamp("registration_closes_at", { withTimezone: true }).notNull(),
    /**
     * Who may register. Each list that is not empty narrows it: participants of one of these
     * cohorts, from one of these municipalities, holding one of these roles.
     */
    allowedCohorts: jsonb("allowed_cohorts").$type<number[]>().notNull().default([]),
    allowedMunicipalities: jsonb("allowed_municipalities").$type<string[]>().notNull().default([]),
    allowedRoles: jsonb("allowed_roles").$type<string[]>().notNull().default([]),
    /** How long a person offered a freed seat has to confirm it. */
    offerHours: integer("offer_hours").notNull().default(48),
    /** The last queue number handed out: registrations are numbered in the order they came. */
    lastQueueNumber: integer("last_queue_number").notNull().default(0),
    /**
     * Seats held (confirmed and offered registrations) and registrations waiting, kept with
     * every change of a registration's status in the same statement that locks this row: a
     * registration takes its seat or its place in line in one UPDATE (registration.ts).
     */
    seatsHeld: integer("seats_held").notNull().default(0),
    waitingCount: integer("waiting_count").notNull().default(0),
    /** Raised by every edit: an edit from a page drawn before another is refused. */
    version: integer("version").notNull().default(1),
    /** Set when the needs (dietary, accessibility) were deleted after the gathering. */
    needsDeletedAt: timestamp("needs_deleted_at", { withTimezone: true }),
    /** Closed by the organiser after the gathering (door.ts): no registration after this. */
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: integer("closed_by"),
    /** The organiser's minutes of the gathering, written when closing it. */
    minutes: text("minutes").notNull().default(""),
    /** How many came, as the organiser closed it (counted from attendance, then edited). */
    presentCount: integer("present_count"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdBy: integer("created_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true }),
    updatedBy: integer("updated_by"),
  },
  (t) => [
    index("gatherings_programme_starts_idx").on(t.programmeId, t.startsAt),
    index("gatherings_cohort_idx").on(t.cohortId),
  ],
);

export type SessionKind = "lecture" | "group" | "break";

/** The agenda: lectures, group work and breaks, each with its own time and optional capacity. */
export const gatheringSessions = pgTable(
  "gathering_sessions",
  {
    id: serial("id").primaryKey(),
    gatheringId: integer("gathering_id")
      .notNull()
      .references(() => gatherings.id),
    kind: text("kind").$type<SessionKind>().notNull(),
    titleNb: text("title_nb").notNull(),
    titleNn: text("title_nn").notNull(),
    speaker: text("speaker").notNull().default(""),
    room: text("room").notNull().default(""),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    /** Null: everyone registered may come; else the session is chosen, and full at this. */
    capacity: integer("capacity"),
  },
  (t) => [index("gathering_sessions_gathering_idx").on(t.gatheringId, t.startsAt)],
);

/**
 * `confirmed` holds a seat; `offered` holds one until `offeredUntil` (a freed seat offered to
 * the first waiting); `waiting` is in line by `queueNumber`; `cancelled` is kept for the record.
 */
export type RegistrationStatus = "confirmed" | "waiting" | "offered" | "cancelled";
export type CancelReason = "participant" | "offer-expired" | "organiser";

/** A person's registration for a gathering; at most one that is not cancelled. */
export const gatheringRegistrations = pgTable(
  "gathering_registrations",
  {
    id: serial("id").primaryKey(),
    gatheringId: integer("gathering_id")
      .notNull()
      .references(() => gatherings.id),
    personId: integer("person_id").notNull(),
    /** The unit (organisation number) and municipality the person comes from, when known. */
    unitOrgNumber: text("unit_org_number"),
    municipalityCode: text("municipality_code"),
    status: text("status").$type<RegistrationStatus>().notNull(),
    /** The order registrations came in (1 first); the waiting list is served in this order. */
    queueNumber: integer("queue_number").notNull(),
    offeredAt: timestamp("offered_at", { withTimezone: true }),
    offeredUntil: timestamp("offered_until", { withTimezone: true }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelReason: text("cancel_reason").$type<CancelReason>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    /** Who registered the person: themselves, or their unit leader. */
    createdBy: integer("created_by"),
    /**
     * What the person's QR code holds and the organiser types at the door (kernel/check-in-code):
     * given when the seat is confirmed, unique within the gathering, kept after a cancellation
     * so that the door can say the registration was cancelled.
     */
    checkInCode: text("check_in_code"),
    checkedInAt: timestamp("checked_in_at", { withTimezone: true }),
    checkedInBy: integer("checked_in_by"),
  },
  (t) => [
    uniqueIndex("gathering_registrations_person_uq")
      .on(t.gatheringId, t.personId)
      .where(sql`${t.status} <> 'cancelled'`),
    uniqueIndex("gathering_registrations_queue_uq").on(t.gatheringId, t.queueNumber),
    index("gathering_registrations_status_idx").on(t.gatheringId, t.status, t.queueNumber),
    index("gathering_registrations_offers_idx")
      .on(t.offeredUntil)
      .where(sql`${t.status} = 'offered'`),
    index("gathering_registrations_person_idx").on(t.personId),
    // The code first: the door also looks a code up in every gathering, to tell "another
    // gathering's code" from an unknown one.
    uniqueIndex("gathering_registrations_check_in_uq").on(t.checkInCode, t.gatheringId),
  ],
);

/** The sessions a registration chose (only sessions with a capacity are chosen). */
export const registrationSessions = pgTable(
  "gathering_registration_sessions",
  {
    registrationId: integer("registration_id")
      .notNull()
      .references(() => gatheringRegistrations.id),
    sessionId: integer("session_id")
      .notNull()
      .references(() => gatheringSessions.id),
  },
  (t) => [
    primaryKey({ columns: [t.registrationId, t.sessionId] }),
    index("gathering_registration_sessions_session_idx").on(t.sessionId),
  ],
);

/**
 * Dietary and accessibility needs, apart from the registration: health-related, seen by the
 * organiser only, and deleted by a job once the gathering is over.
 */
export const registrationNeeds = pgTable("gathering_registration_needs", {
  registrationId: integer("registration_id")
    .primaryKey()
    .references(() => gatheringRegistrations.id),
  dietary: text("dietary").notNull().default(""),
  accessibility: text("accessibility").notNull().default(""),
  recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
});

export type AttendanceStatus = "present" | "absent" | "excused";

/**
 * Who came: per registration, for the whole gathering (no session) and for each session of the
 * agenda, digital ones too. Checking in at the door marks the whole gathering present. A
 * session removed from the agenda takes its marks with it.
 */
export const gatheringAttendance = pgTable(
  "gathering_attendance",
  {
    id: serial("id").primaryKey(),
    gatheringId: integer("gathering_id")
      .notNull()
      .references(() => gatherings.id),
    registrationId: integer("registration_id")
      .notNull()
      .references(() => gatheringRegistrations.id),
    /** Null: the whole gathering. */
    sessionId: integer("session_id").references(() => gatheringSessions.id, {
      onDelete: "cascade",
    }),
    status: text("status").$type<AttendanceStatus>().notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    recordedBy: integer("recorded_by"),
  },
  (t) => [
    uniqueIndex("gathering_attendance_whole_uq")
      .on(t.registrationId)
      .where(sql`${t.sessionId} is null`),
    uniqueIndex("gathering_attendance_session_uq")
      .on(t.registrationId, t.sessionId)
      .where(sql`${t.sessionId} is not null`),
    index("gathering_attendance_gathering_idx").on(t.gatheringId, t.sessionId),
  ],
);

/**
 * Whole-gathering attendance counted per gathering (marked, present), kept by a trigger on
 * `gathering_attendance` (migration 0025): the insight pages read this, not 2 M marks.
 */
export const gatheringAttendanceCounts = pgTable("gathering_attendance_counts", {
  gatheringId: integer("gathering_id").primaryKey(),
  marked: integer("marked").notNull().default(0),
  present: integer("present").notNull().default(0),
});

/**
 * A person's private calendar feed: the address holds a random token (256 bits) that is the
 * only key (calendar apps have no session), stored here as its SHA-256 only. One live feed per
 * person; renewing revokes the old address.
 */
export const calendarFeeds = pgTable(
  "gathering_calendar_feeds",
  {
    id: serial("id").primaryKey(),
    personId: integer("person_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    /** The language of the page it was made on: the feed's words (nb, nn or en). */
    lang: text("lang").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("gathering_calendar_feeds_token_uq").on(t.tokenHash),
    uniqueIndex("gathering_calendar_feeds_live_uq")
      .on(t.personId)
      .where(sql`${t.revokedAt} is null`),
  ],
);

/**
 * The organiser's reminder to those the gathering admits who have not registered: at most one
 * a day per gathering (the Oslo date), recorded with how many it went to.
 */
export const gatheringInviteeReminders = pgTable(
  "gathering_invitee_reminders",
  {
    id: serial("id").primaryKey(),
    gatheringId: integer("gathering_id")
      .notNull()
      .references(() => gatherings.id),
    /** The day in Europe/Oslo, YYYY-MM-DD. */
    day: text("day").notNull(),
    recipients: integer("recipients").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
    sentBy: integer("sent_by"),
  },
  (t) => [uniqueIndex("gathering_invitee_reminders_day_uq").on(t.gatheringId, t.day)],
);

/**
 * A message from the organiser to those registered: the subject and how many it went to (the
 * text is in the queued mails only). The form's token makes a second post of the same form
 * (a double click) the same message.
 */
export const gatheringMessages = pgTable(
  "gathering_messages",
  {
    id: serial("id").primaryKey(),
    gatheringId: integer("gathering_id")
      .notNull()
      .references(() => gatherings.id),
    token: text("token").notNull(),
    subject: text("subject").notNull(),
    includeWaiting: boolean("include_waiting").notNull().default(false),
    recipients: integer("recipients").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
    sentBy: integer("sent_by"),
  },
  (t) => [uniqueIndex("gathering_messages_token_uq").on(t.gatheringId, t.token)],
);

/**
 * Materials of a gathering (slides, handouts) for its participants with a seat: the bytes in
 * the file store (kernel/storage), what they are here. Removing one deletes the row and the bytes.
 */
export const gatheringMaterials = pgTable(
  "gathering_materials",
  {
    id: serial("id").primaryKey(),
    gatheringId: integer("gathering_id")
      .notNull()
      .references(() => gatherings.id),
    titleNb: text("title_nb").notNull(),
    titleNn: text("title_nn").notNull(),
    storageKey: text("storage_key").notNull(),
    fileName: text("file_name").notNull(),
    type: text("type").notNull(),
    bytes: integer("bytes").notNull(),
    sha256: text("sha256").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull(),
    addedBy: integer("added_by"),
  },
  (t) => [index("gathering_materials_gathering_idx").on(t.gatheringId)],
);
export * from "./evaluation-schema";
