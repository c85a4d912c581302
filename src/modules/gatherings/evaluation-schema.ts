import { date, index, integer, jsonb, pgTable, primaryKey, timestamp } from "drizzle-orm/pg-core";
import { gatheringRegistrations, gatherings } from "./schema";

// The evaluation after a gathering (decision 0027). Re-exported by schema.ts, so drizzle-kit and
// the manifest collect these tables with the module's others.

export type QuestionKind = "scale" | "choice" | "text";

/** A text in bokmål and nynorsk, and English where given (else the bokmål is shown). */
export type Worded = { nb: string; nn: string; en: string };

/**
 * One question of an evaluation: a scale from 1 to 5, one choice among options, or open text
 * up to `maxLength` characters. `key` is stable for the answers' sake.
 */
export type EvaluationQuestion = {
  key: string;
  kind: QuestionKind;
  text: Worded;
  required: boolean;
  /** Choice: the options in order. */
  options: Worded[];
  /** Open text: the longest answer accepted. */
  maxLength: number;
};

/** A gathering's evaluation: its questions, locked once the first answer has come. */
export const gatheringEvaluations = pgTable("gathering_evaluations", {
  gatheringId: integer("gathering_id")
    .primaryKey()
    .references(() => gatherings.id),
  questions: jsonb("questions").$type<EvaluationQuestion[]>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  updatedBy: integer("updated_by"),
  /** When the invitations to answer were queued (once, after the gathering had ended). */
  invitedAt: timestamp("invited_at", { withTimezone: true }),
});

/**
 * Who has answered: a registration, once. Nothing else is kept here, and nothing links this
 * row to the answer (no time, no number in common).
 */
export const evaluationRespondents = pgTable(
  "gathering_evaluation_respondents",
  {
    gatheringId: integer("gathering_id")
      .notNull()
      .references(() => gatherings.id),
    registrationId: integer("registration_id")
      .notNull()
      .references(() => gatheringRegistrations.id),
  },
  (t) => [
    primaryKey({ columns: [t.registrationId] }),
    index("gathering_evaluation_respondents_gathering_idx").on(t.gatheringId),
  ],
);

/**
 * The answers, one row per respondent, with no id, no person and only the day: anonymous to
 * everyone who reads them through Samspill. Keyed by the questions' keys; a scale's answer is
 * "1".."5", a choice's the option's index, a text the text ("" or missing: not answered).
 */
export const evaluationResponses = pgTable(
  "gathering_evaluation_responses",
  {
    gatheringId: integer("gathering_id")
      .notNull()
      .references(() => gatherings.id),
    answeredOn: date("answered_on").notNull(),
    answers: jsonb("answers").$type<Record<string, string>>().notNull(),
  },
  (t) => [index("gathering_evaluation_responses_gathering_idx").on(t.gatheringId)],
);
