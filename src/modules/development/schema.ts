import { sql } from "drizzle-orm";
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

// Programmes, cohorts, units, municipalities, people and gatherings are other modules' rows:
// their ids are held here as plain integers or codes and checked through those modules'
// index.ts (decision 0018). Nothing here is about a child: plans name groups of staff by role.

/** A theme of the local work, in bokmål and nynorsk; `key` stays when the wording changes. */
export type FrameTheme = { key: string; nb: string; nn: string };
/** A phase of the two years with its dates (Europe/Oslo, inclusive). */
export type FramePhase = { key: string; nb: string; nn: string; startsOn: string; endsOn: string };
/** A reflection question units answer after a gathering or a network meeting. */
export type FrameQuestion = { key: string; nb: string; nn: string };

/**
 * The frame of a programme's local development work (or of one cohort's, when `cohortId` is
 * set): every save is a new row with the next `version`, never an update, as programme pages
 * keep their versions. The newest version of a (programme, cohort) pair is the frame in force.
 */
export const developmentFrames = pgTable(
  "development_frames",
  {
    id: serial("id").primaryKey(),
    programmeId: integer("programme_id").notNull(),
    /** Null: the frame of every cohort of the programme that has none of its own. */
    cohortId: integer("cohort_id"),
    version: integer("version").notNull(),
    themes: jsonb("themes").$type<FrameTheme[]>().notNull(),
    phases: jsonb("phases").$type<FramePhase[]>().notNull(),
    questions: jsonb("questions").$type<FrameQuestion[]>().notNull(),
    savedAt: timestamp("saved_at", { withTimezone: true }).notNull(),
    savedBy: integer("saved_by"),
  },
  (t) => [
    // Two cohort-less frames of one programme at the same version are prevented in the
    // service (it locks the programme's newest row); this index serves the lookup.
    index("development_frames_programme_idx").on(t.programmeId, t.cohortId, t.version),
  ],
);

/** A unit's self-assessment of one theme: 1–5 and a short text. */
export type SelfAssessment = Record<string, { score: number | null; text: string }>;

/**
 * A unit's development plan for a cohort. `version` grows with every save of the plan's text;
 * the page carries it, so a save from a page drawn before another is told and keeps both.
 */
export const developmentPlans = pgTable(
  "development_plans",
  {
    id: serial("id").primaryKey(),
    cohortId: integer("cohort_id").notNull(),
    unitOrgNumber: text("unit_org_number").notNull(),
    /** The unit's municipality when the plan was made: the progress views group by it. */
    municipalityCode: text("municipality_code").notNull(),
    /** The key of the frame's phase the unit is in; null before it says. */
    phase: text("phase"),
    selfAssessment: jsonb("self_assessment").$type<SelfAssessment>().notNull().default({}),
    goals: text("goals").notNull().default(""),
    version: integer("version").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    updatedBy: integer("updated_by"),
  },
  (t) => [
    uniqueIndex("development_plans_unit_uq").on(t.cohortId, t.unitOrgNumber),
    index("development_plans_municipality_idx").on(t.municipalityCode, t.cohortId),
  ],
);

/** Every saved version of a plan's text, whole: the plan's history. */
export const developmentPlanVersions = pgTable(
  "development_plan_versions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => developmentPlans.id),
    version: integer("version").notNull(),
    phase: text("phase"),
    selfAssessment: jsonb("self_assessment").$type<SelfAssessment>().notNull(),
    goals: text("goals").notNull(),
    savedAt: timestamp("saved_at", { withTimezone: true }).notNull(),
    savedBy: integer("saved_by"),
  },
  (t) => [uniqueIndex("development_plan_versions_uq").on(t.planId, t.version)],
);

export const MEASURE_STATUSES = ["planned", "under-way", "done", "dropped"] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** A measure of a plan: what, which group of staff is responsible (roles only), when, status. */
export const developmentMeasures = pgTable(
  "development_measures",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => developmentPlans.id),
    what: text("what").notNull(),
    /** A group of staff by role ("alle pedagoger", "ledergruppa"): never a child. */
    responsible: text("responsible").notNull(),
    /** When, as the unit writes it ("høsten 2027", "innen 1.3."). */
    due: text("due").notNull(),
    status: text("status").$type<MeasureStatus>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdBy: integer("created_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("development_measures_plan_idx").on(t.planId)],
);

/** A comment by someone of the unit (or its municipality) on the plan. */
export const developmentComments = pgTable(
  "development_comments",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => developmentPlans.id),
    personId: integer("person_id"),
    /** The writer's name as it was (the comment keeps it if the person is deleted). */
    authorName: text("author_name").notNull(),
    text: text("text").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [index("development_comments_plan_idx").on(t.planId, t.at)],
);

/** What a reflection is about: a gathering, or (later, the networks module) a network meeting. */
export type ReflectionAbout = "gathering" | "network-meeting";

/**
 * A unit's reflection after a gathering or a network meeting: what it tried, what it saw, what
 * next. `shared`: the unit lets the county office and the programme read the text too.
 */
export const developmentReflections = pgTable(
  "development_reflections",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => developmentPlans.id),
    aboutKind: text("about_kind").$type<ReflectionAbout>().notNull(),
    /** The gathering's or meeting's id in its module (no foreign key across modules). */
    aboutId: integer("about_id").notNull(),
    tried: text("tried").notNull(),
    saw: text("saw").notNull(),
    next: text("next").notNull(),
    shared: boolean("shared").notNull().default(false),
    writtenAt: timestamp("written_at", { withTimezone: true }).notNull(),
    writtenBy: integer("written_by"),
  },
  (t) => [
    index("development_reflections_plan_idx").on(t.planId),
    // The progress view's shared texts: a unit shares few of its reflections (issue 12).
    index("development_reflections_shared_idx").on(t.planId).where(sql`${t.shared}`),
    // The progress view pages through the shared texts, newest first (decision 0044).
    index("development_reflections_shared_at_idx").on(t.writtenAt).where(sql`${t.shared}`),
    // A network meeting's page shows the plan reflections tied to it (decision 0044).
    index("development_reflections_about_idx").on(t.aboutKind, t.aboutId),
  ],
);

export const FOLLOW_UP_KINDS = ["visit", "guidance", "meeting", "digital"] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/** The resource person's log: one follow-up of a unit in a cohort. */
export const developmentFollowUps = pgTable(
  "development_follow_ups",
  {
    id: serial("id").primaryKey(),
    cohortId: integer("cohort_id").notNull(),
    unitOrgNumber: text("unit_org_number").notNull(),
    municipalityCode: text("municipality_code").notNull(),
    kind: text("kind").$type<FollowUpKind>().notNull(),
    heldOn: date("held_on").notNull(),
    minutes: integer("minutes").notNull(),
    topics: text("topics").notNull(),
    note: text("note").notNull().default(""),
    loggedAt: timestamp("logged_at", { withTimezone: true }).notNull(),
    loggedBy: integer("logged_by"),
  },
  (t) => [
    index("development_follow_ups_unit_idx").on(t.cohortId, t.unitOrgNumber, t.heldOn),
    index("development_follow_ups_municipality_idx").on(t.municipalityCode, t.cohortId),
  ],
);

/**
 * The progress figures of a unit in a cohort, kept by triggers on measures, reflections and
 * follow-ups (migration "development-unit-counts", decision 0030): the progress view reads one
 * row per plan instead of counting every measure, reflection and follow-up on each request.
 */
export const developmentUnitCounts = pgTable(
  "development_unit_counts",
  {
    cohortId: integer("cohort_id").notNull(),
    unitOrgNumber: text("unit_org_number").notNull(),
    planned: integer("planned").notNull().default(0),
    underWay: integer("under_way").notNull().default(0),
    done: integer("done").notNull().default(0),
    dropped: integer("dropped").notNull().default(0),
    reflections: integer("reflections").notNull().default(0),
    shared: integer("shared").notNull().default(0),
    followUps: integer("follow_ups").notNull().default(0),
    lastFollowUp: date("last_follow_up"),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.unitOrgNumber] })],
);
