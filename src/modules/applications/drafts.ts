import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { guardFreeText, screenFields } from "../../kernel/child-guard-forms";
import { type Outcome, refuse } from "../../kernel/result";
import { type Answer, type Answers, checkAnswers, fieldName, isEmpty } from "./answers";
import { type Actor, formDefinitionOf } from "./forms";
import { applicationAnswers, applicationRounds, applications } from "./schema";

export type Application = typeof applications.$inferSelect;

/**
 * A short fingerprint of an answer, put in the form beside it to tell what the user changed.
 * Every empty answer (none stored, an empty box sent) has the same one.
 */
export function fingerprint(answer: Answer | undefined): string {
  return createHash("sha256")
    .update(canonicalJson(isEmpty(answer) ? null : answer))
    .digest("base64url")
    .slice(0, 16);
}

/** JSON with object keys sorted, so equal answers have equal text (and equal hashes). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export async function applicationById(db: Db, id: number): Promise<Application | null> {
  const [row] = await db.select().from(applications).where(eq(applications.id, id));
  return row ?? null;
}

/** An application with its round, in one query (the pages of an application need both). */
export async function applicationWithRound(db: Db, id: number) {
  const [row] = await db
    .select({ app: applications, round: applicationRounds })
    .from(applications)
    .innerJoin(applicationRounds, eq(applicationRounds.id, applications.roundId))
    .where(eq(applications.id, id));
  return row ?? null;
}

export async function applicationOf(db: Db, roundId: number, municipalityCode: string) {
  const [row] = await db
    .select()
    .from(applications)
    .where(
      and(eq(applications.roundId, roundId), eq(applications.municipalityCode, municipalityCode)),
    );
  return row ?? null;
}

/** The answers stored for an application, by question, with who saved each and when. */
export async function answersOf(db: Db, applicationId: number) {
  const rows = await db
    .select()
    .from(applicationAnswers)
    .where(eq(applicationAnswers.applicationId, applicationId));
  const answers: Answers = {};
  for (const r of rows) answers[r.questionId] = r.value;
  return { answers, rows };
}

/**
 * Start the municipality's application in a round (or find the one a colleague started: one
 * application per municipality and round). It is checked against the round's form version.
 */
export async function startApplication(
  db: Db,
  input: { roundId: number; municipalityCode: string },
  actor: Actor,
): Promise<Outcome<{ applicationId: number; created: boolean }>> {
  const [round] = await db
    .select()
    .from(applicationRounds)
    .where(eq(applicationRounds.id, input.roundId));
  if (!round) return refuse("round", "notFound");
  const [row] = await db
    .insert(applications)
    .values({
      roundId: round.id,
      municipalityCode: input.municipalityCode,
      formId: round.formId,
      startedAt: actor.now,
      startedBy: actor.personId,
    })
    .onConflictDoNothing()
    .returning({ id: applications.id });
  if (row) return { ok: true, applicationId: row.id, created: true };
  const existing = await applicationOf(db, round.id, input.municipalityCode);
  return { ok: true, applicationId: existing!.id, created: false };
}

/**
 * The free text of answers, by the form field it is typed in (the child guard's fields): a
 * text answer in `q-<id>`, an activity row's note in `q-<id>-<row>-note`.
 */
export function freeTextOf(answers: Answers, questionIds: Iterable<string>) {
  const fields: Record<string, string> = {};
  for (const id of questionIds) {
    const a = answers[id];
    const name = fieldName({ id });
    if (a?.kind === "text" && a.value.trim() !== "") fields[name] = a.value;
    if (a?.kind === "rows") {
      a.rows.forEach((row, i) => {
        if (row.note.trim() !== "") fields[`${name}-${i}-note`] = row.note;
      });
    }
  }
  return fields;
}

/** An answer someone else saved after the user's page was drawn, which the user also changed. */
export type Conflict = {
  questionId: string;
  /** What is stored now (kept): the colleague's answer. */
  theirs: Answer;
  /** What this user sent (not stored): shown back in the field so nothing is lost. */
  yours: Answer;
  savedBy: number | null;
  savedAt: Date;
};

/**
 * Save answers of one section of a draft. Each posted answer carries the fingerprint of the
 * value the page showed (`seen`): an answer the user did not touch is not written, so a
 * colleague's newer answer is never overwritten by an old page. An answer both changed is a
 * conflict: the stored one is kept and both are returned, for the user to choose. Everything
 * else is saved, and the application's version goes up once.
 */
export async function saveAnswers(
  db: Db,
  input: {
    applicationId: number;
    answers: Answers;
    seen: Record<string, string>;
    /** The questions of the section (only these are checked and written). */
    questionIds: string[];
    /** The form's confirmations of the child guard's warnings (confirmationsOf). */
    confirmations?: Readonly<Record<string, string>> | undefined;
  },
  actor: Actor,
): Promise<Outcome<{ version: number; saved: string[]; conflicts: Conflict[] }>> {
  return db.transaction(async (tx) => {
    const [app] = await tx
      .select()
      .from(applications)
      .where(eq(applications.id, input.applicationId))
      .for("update");
    if (!app) return refuse("application", "notFound");
    if (app.state !== "draft") return refuse("application", "notDraft", { state: app.state });
    const definition = await formDefinitionOf(db, app.formId, tx);
    const only = new Set(input.questionIds);
    const errors = checkAnswers(definition, input.answers, { submitting: false, only });
    const stored =
      input.questionIds.length === 0
        ? []
        : await tx
            .select()
            .from(applicationAnswers)
            .where(
              and(
                eq(applicationAnswers.applicationId, app.id),
                inArray(applicationAnswers.questionId, input.questionIds),
              ),
            );
    const storedBy = new Map(stored.map((r) => [r.questionId, r]));
    // The child guard (decision 0024) reads the answers this save changes: a text stored
    // before is not held back again each time the section is saved.
    const changed = input.questionIds.filter(
      (id) =>
        input.answers[id] !== undefined &&
        fingerprint(input.answers[id]) !== fingerprint(storedBy.get(id)?.value),
    );
    const fields = freeTextOf(input.answers, changed);
    if (Object.keys(errors).length > 0) {
      // One round shows everything: the guard's findings beside the other errors.
      const screened = screenFields(fields, input.confirmations);
      return {
        ok: false as const,
        errors: { ...screened.errors, ...errors },
        warnings: screened.warnings,
      };
    }
    const refusal = await guardFreeText(tx, {
      form: "application",
      fields,
      confirmations: input.confirmations,
      now: actor.now,
    });
    if (refusal) return refusal;
    const saved: string[] = [];
    const conflicts: Conflict[] = [];
    const version = app.version + 1;
    for (const questionId of input.questionIds) {
      const posted = input.answers[questionId];
      if (posted === undefined) continue;
      const now = storedBy.get(questionId);
      const nowPrint = fingerprint(now?.value);
      const postedPrint = fingerprint(posted);
      if (postedPrint === nowPrint) continue; // nothing to write
      const seen = input.seen[questionId];
      if (seen === postedPrint) continue; // untouched on this page: keep what is stored
      // Changed on this page and, since it was drawn, by someone else (a page that sent no
      // fingerprint counts as having seen nothing): keep theirs, hand back both.
      if (now && seen !== nowPrint) {
        conflicts.push({
          questionId,
          theirs: now.value,
          yours: posted,
          savedBy: now.savedBy,
          savedAt: now.savedAt,
        });
        continue;
      }
      await tx
        .insert(applicationAnswers)
        .values({
          applicationId: app.id,
          questionId,
          value: posted,
          savedAtVersion: version,
          savedAt: actor.now,
          savedBy: actor.personId,
        })
        .onConflictDoUpdate({
          target: [applicationAnswers.applicationId, applicationAnswers.questionId],
          set: {
            value: posted,
            savedAtVersion: version,
            savedAt: actor.now,
            savedBy: actor.personId,
          },
        });
      saved.push(questionId);
    }
    if (saved.length > 0) {
      await tx
        .update(applications)
        .set({ version: sql`${applications.version} + 1` })
        .where(eq(applications.id, app.id));
    }
    return {
      ok: true as const,
      version: saved.length > 0 ? version : app.version,
      saved,
      conflicts,
    };
  });
}
