import {
  bigserial,
  boolean,
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
import type { Answer } from "./answers";
import type { FormDefinition } from "./form-definition";

// Programmes, cohorts and people are other modules' tables: their ids are held here as plain
// integers and checked through those modules' functions, as the module boundary asks.

/**
 * An application form of a programme, one row per version. A version is frozen once it is
 * published (an open round uses it); editing a published form makes the next version.
 */
export const applicationForms = pgTable(
  "application_forms",
  {
    id: serial("id").primaryKey(),
    programmeId: integer("programme_id").notNull(),
    version: integer("version").notNull(),
    definition: jsonb("definition").$type<FormDefinition>().notNull(),
    /** Null while the version is a draft; set once, when a round first uses it. */
    publishedAt: timestamp("published_at", { withTimezone: true }),
    savedAt: timestamp("saved_at", { withTimezone: true }).notNull(),
    savedBy: integer("saved_by"),
  },
  (t) => [uniqueIndex("application_forms_programme_version_uq").on(t.programmeId, t.version)],
);

export type Criterion = {
  id: string;
  label: { nb: string; nn: string; en?: string };
  /** Scores run from 0 to this. */
  maxScore: number;
};

/** The round of applications of one cohort: its form version, deadline and criteria. */
export const applicationRounds = pgTable(
  "application_rounds",
  {
    id: serial("id").primaryKey(),
    cohortId: integer("cohort_id").notNull(),
    programmeId: integer("programme_id").notNull(),
    formId: integer("form_id")
      .notNull()
      .references(() => applicationForms.id),
    opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
    /** The last moment a submission is taken (Europe/Oslo end of the chosen day, as an instant). */
    deadline: timestamp("deadline", { withTimezone: true }).notNull(),
    /** Set when the admin closes the round before its deadline. */
    closedAt: timestamp("closed_at", { withTimezone: true }),
    criteria: jsonb("criteria").$type<Criterion[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdBy: integer("created_by"),
  },
  (t) => [uniqueIndex("application_rounds_cohort_uq").on(t.cohortId)],
);

export type ApplicationState =
  | "draft"
  | "submitted"
  | "withdrawn"
  | "granted"
  | "waitlisted"
  | "declined";

/** A municipality's application in a round: one per municipality and round. */
export const applications = pgTable(
  "applications",
  {
    id: serial("id").primaryKey(),
    roundId: integer("round_id")
      .notNull()
      .references(() => applicationRounds.id),
    municipalityCode: text("municipality_code").notNull(),
    /** The form version the application was started on; it is checked against this one. */
    formId: integer("form_id")
      .notNull()
      .references(() => applicationForms.id),
    state: text("state").$type<ApplicationState>().notNull().default("draft"),
    /** Raised by every save: a save that names an older version is told what changed. */
    version: integer("version").notNull().default(1),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    startedBy: integer("started_by"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: integer("submitted_by"),
    /** SHA-256 of the submitted answers in canonical form, printed on the receipt. */
    contentHash: text("content_hash"),
    /** The municipality's written standard when it submitted: letters and the PDF use it. */
    writtenStandard: text("written_standard").$type<"nb" | "nn">(),
    /** Until when a submission after the deadline is taken (the admin reopened it, audited). */
    reopenedUntil: timestamp("reopened_until", { withTimezone: true }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: integer("decided_by"),
    decisionReason: text("decision_reason"),
    /** Place on the waiting list (1 first), while waitlisted. */
    waitlistPosition: integer("waitlist_position"),
  },
  (t) => [
    uniqueIndex("applications_round_municipality_uq").on(t.roundId, t.municipalityCode),
    index("applications_round_state_idx").on(t.roundId, t.state),
  ],
);

/** One answer per question, as the municipality left it (a draft) or submitted it. */
export const applicationAnswers = pgTable(
  "application_answers",
  {
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id),
    questionId: text("question_id").notNull(),
    value: jsonb("value").$type<Answer>().notNull(),
    /** The application's version this answer was last saved at (what a later save compares). */
    savedAtVersion: integer("saved_at_version").notNull(),
    savedAt: timestamp("saved_at", { withTimezone: true }).notNull(),
    savedBy: integer("saved_by"),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.questionId] })],
);

/**
 * What was submitted, exactly: the answers and the form version as they were when the
 * receipt was shown. Never changed afterwards.
 */
export const applicationSubmissions = pgTable("application_submissions", {
  applicationId: integer("application_id")
    .primaryKey()
    .references(() => applications.id),
  formId: integer("form_id").notNull(),
  answers: jsonb("answers").$type<Record<string, Answer>>().notNull(),
  contentHash: text("content_hash").notNull(),
  submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
  submittedBy: integer("submitted_by"),
});

/** The people the programme admin names to assess a round. */
export const roundAssessors = pgTable(
  "round_assessors",
  {
    roundId: integer("round_id")
      .notNull()
      .references(() => applicationRounds.id),
    personId: integer("person_id").notNull(),
    namedAt: timestamp("named_at", { withTimezone: true }).notNull(),
    namedBy: integer("named_by"),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.personId] })],
);

export type Proposal = "granted" | "waitlisted" | "declined";

/**
 * One assessor's assessment of one application: a declared conflict of interest (then no
 * scores), or scores per criterion with comments and a proposed decision.
 */
export const assessments = pgTable(
  "assessments",
  {
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id),
    personId: integer("person_id").notNull(),
    conflict: text("conflict").$type<"none" | "declared">().notNull(),
    conflictNote: text("conflict_note"),
    scores: jsonb("scores")
      .$type<Record<string, { score: number; comment: string }>>()
      .notNull()
      .default({}),
    proposal: text("proposal").$type<Proposal>(),
    comment: text("comment").notNull().default(""),
    /** Null while the assessor is still working; others' scores show once this is set. */
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    savedAt: timestamp("saved_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.personId] })],
);

/** A granted application's participation: the tailored plan's frame. */
export const participations = pgTable(
  "participations",
  {
    id: serial("id").primaryKey(),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id),
    cohortId: integer("cohort_id").notNull(),
    municipalityCode: text("municipality_code").notNull(),
    startsOn: date("starts_on").notNull(),
    months: integer("months").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("participations_application_uq").on(t.applicationId)],
);

/** A planned activity of a tailored plan. */
export const planActivities = pgTable(
  "plan_activities",
  {
    id: serial("id").primaryKey(),
    participationId: integer("participation_id")
      .notNull()
      .references(() => participations.id),
    kind: text("kind").notNull(),
    mode: text("mode").$type<"digital" | "physical">().notNull(),
    plannedOn: date("planned_on"),
    /** Organisation numbers of the units involved. */
    units: jsonb("units").$type<string[]>().notNull().default([]),
    note: text("note").notNull().default(""),
    doneAt: timestamp("done_at", { withTimezone: true }),
    doneBy: integer("done_by"),
  },
  (t) => [index("plan_activities_participation_idx").on(t.participationId, t.plannedOn)],
);

/** FUB/FUG's guidance (veiledning) to a municipality along the way. */
export const guidanceEntries = pgTable(
  "guidance_entries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    participationId: integer("participation_id")
      .notNull()
      .references(() => participations.id),
    givenOn: date("given_on").notNull(),
    mode: text("mode").$type<"digital" | "physical">().notNull(),
    topics: text("topics").notNull(),
    note: text("note").notNull().default(""),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    recordedBy: integer("recorded_by"),
  },
  (t) => [index("guidance_entries_participation_idx").on(t.participationId, t.givenOn)],
);

/** The municipality's own costs, if it records them (the offer itself is free). */
export const ownCosts = pgTable(
  "own_costs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    participationId: integer("participation_id")
      .notNull()
      .references(() => participations.id),
    kind: text("kind")
      .$type<"venue" | "staff-time" | "substitutes" | "travel" | "other">()
      .notNull(),
    /** Whole kroner. */
    amount: integer("amount").notNull(),
    /** An estimate made ahead, not yet a cost the municipality has had (decision 0033). */
    estimate: boolean("estimate").notNull().default(false),
    note: text("note").notNull().default(""),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    recordedBy: integer("recorded_by"),
  },
  (t) => [index("own_costs_participation_idx").on(t.participationId)],
);

/**
 * Files uploaded to attachment questions. The bytes live behind the file store (kernel/storage)
 * under `storageKey`; the answer names the row by `id`, which is also the file's address. A
 * draft's replaced or removed file is deleted; a submitted application's files stay as they
 * were (the answer's SHA-256 is under the content hash).
 */
export const applicationFiles = pgTable(
  "application_files",
  {
    id: text("id").primaryKey(),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id),
    questionId: text("question_id").notNull(),
    storageKey: text("storage_key").notNull(),
    /** The name as uploaded, made safe to store, show and send back. */
    name: text("name").notNull(),
    /** The type read from the bytes, as sent back ("application/pdf"). */
    type: text("type").notNull(),
    bytes: integer("bytes").notNull(),
    sha256: text("sha256").notNull(),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull(),
    uploadedBy: integer("uploaded_by"),
  },
  (t) => [index("application_files_application_idx").on(t.applicationId)],
);
