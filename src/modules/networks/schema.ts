import { sql } from "drizzle-orm";
import {
  bigserial,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

// Cohorts, people, municipalities and units are other modules' rows: their ids are held here as
// plain integers or codes and checked through those modules' functions (decision 0020).

/**
 * A learning network ("lærende nettverk") of one cohort, led by a municipality, alone or with
 * neighbouring municipalities that accepted to co-lead it (decision 0031).
 */
export const learningNetworks = pgTable(
  "learning_networks",
  {
    id: serial("id").primaryKey(),
    cohortId: integer("cohort_id").notNull(),
    name: text("name").notNull(),
    /** The municipality whose coordinator created it. */
    leadMunicipality: text("lead_municipality").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdBy: integer("created_by"),
  },
  // The progress view and the network figures read a cohort's networks (decision 0044).
  (t) => [index("learning_networks_cohort_idx").on(t.cohortId)],
);

export type LeadState = "lead" | "invited" | "accepted" | "declined";

/** The municipalities leading a network: the creator's ("lead"), and those asked to co-lead. */
export const networkMunicipalities = pgTable(
  "network_municipalities",
  {
    networkId: integer("network_id")
      .notNull()
      .references(() => learningNetworks.id),
    municipalityCode: text("municipality_code").notNull(),
    state: text("state").$type<LeadState>().notNull(),
    invitedAt: timestamp("invited_at", { withTimezone: true }).notNull(),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    answeredBy: integer("answered_by"),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.municipalityCode] })],
);

export type MemberKind = "unit" | "resource-person" | "pp-service";

/**
 * A member: a person of an enrolled unit (by the unit), or the municipality's resource person or
 * PP-tjeneste contact as named for the cohort (name and work e-mail; the person, when they have
 * an account). Staff data only.
 */
export const networkMembers = pgTable(
  "network_members",
  {
    id: serial("id").primaryKey(),
    networkId: integer("network_id")
      .notNull()
      .references(() => learningNetworks.id),
    kind: text("kind").$type<MemberKind>().notNull(),
    personId: integer("person_id"),
    unitOrgNumber: text("unit_org_number"),
    municipalityCode: text("municipality_code").notNull(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull(),
    addedBy: integer("added_by"),
    /** Removed by a leader: the row stays (attendance, history); not a member from then on. */
    removedAt: timestamp("removed_at", { withTimezone: true }),
    removedBy: integer("removed_by"),
  },
  (t) => [
    uniqueIndex("network_members_email_uq")
      .on(t.networkId, sql`lower(${t.email})`)
      .where(sql`${t.removedAt} is null`),
    index("network_members_person_idx").on(t.personId),
    // The meetings a unit's plan reflection may be tied to (decision 0044).
    index("network_members_unit_idx").on(t.unitOrgNumber),
  ],
);

/** A meeting of a network. Times are instants, shown in Europe/Oslo; place and link for members. */
export const networkMeetings = pgTable(
  "network_meetings",
  {
    id: serial("id").primaryKey(),
    networkId: integer("network_id")
      .notNull()
      .references(() => learningNetworks.id),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    place: text("place").notNull().default(""),
    digitalLink: text("digital_link").notNull().default(""),
    agenda: text("agenda").notNull().default(""),
    minutes: text("minutes").notNull().default(""),
    minutesAt: timestamp("minutes_at", { withTimezone: true }),
    minutesBy: integer("minutes_by"),
    /** Bumped by each change members are told of (an edit, the cancellation): the .ics SEQUENCE. */
    sequence: integer("sequence").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelledBy: integer("cancelled_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdBy: integer("created_by"),
  },
  (t) => [index("network_meetings_network_idx").on(t.networkId, t.startsAt)],
);

/** Who came to a meeting (members only). */
export const networkAttendance = pgTable(
  "network_attendance",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => networkMeetings.id),
    memberId: integer("member_id")
      .notNull()
      .references(() => networkMembers.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.memberId] })],
);

/** A member's reflection on a meeting that has happened. */
export const networkReflections = pgTable(
  "network_reflections",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => networkMeetings.id),
    personId: integer("person_id").notNull(),
    authorName: text("author_name").notNull(),
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("network_reflections_meeting_idx").on(t.meetingId)],
);

/** A document shared in a network: the bytes in the file store, what they are here. */
export const networkDocuments = pgTable(
  "network_documents",
  {
    id: serial("id").primaryKey(),
    networkId: integer("network_id")
      .notNull()
      .references(() => learningNetworks.id),
    fileKey: text("file_key").notNull(),
    name: text("name").notNull(),
    type: text("type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: integer("uploaded_by").notNull(),
    uploaderName: text("uploader_name").notNull(),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("network_documents_network_idx").on(t.networkId)],
);
