import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { guardFreeText } from "../../kernel/child-guard-forms";
import { parseDate } from "../../kernel/field-rules";
import type { FieldErrors, FormValues } from "../../kernel/forms";
import { type Outcome, RefusedInside } from "../../kernel/result";
import { recordAudit } from "../identity";
import { developmentFrames, type FramePhase, type FrameQuestion, type FrameTheme } from "./schema";

/**
 * The frame of the local work (issue 12): themes, phases with dates and reflection questions,
 * per programme or per cohort, in bokmål and nynorsk. Each save is a new version; the newest is
 * in force. The form has a fixed number of rows of each kind (empty rows are left out), and a
 * row's key is its place, so a plan's self-assessment of theme 2 stays with theme 2 when its
 * wording is changed.
 */

export const MAX_THEMES = 6;
export const MAX_PHASES = 6;
export const MAX_QUESTIONS = 5;
export const frameTextMax = 200;

export type Frame = {
  id: number;
  programmeId: number;
  cohortId: number | null;
  version: number;
  themes: FrameTheme[];
  phases: FramePhase[];
  questions: FrameQuestion[];
  savedAt: Date;
};

export type FrameInput = {
  themes: FrameTheme[];
  phases: FramePhase[];
  questions: FrameQuestion[];
};

const range = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));

/** The form's field names, in the page's order (the error summary follows it). */
export function frameFieldNames(): string[] {
  return [
    ...range(MAX_THEMES).flatMap((k) => [`theme-${k}-nb`, `theme-${k}-nn`]),
    ...range(MAX_PHASES).flatMap((k) => [
      `phase-${k}-nb`,
      `phase-${k}-nn`,
      `phase-${k}-start`,
      `phase-${k}-end`,
    ]),
    ...range(MAX_QUESTIONS).flatMap((k) => [`question-${k}-nb`, `question-${k}-nn`]),
  ];
}

/** A frame as the form's values (to fill the editor). */
export function frameValues(frame: FrameInput | null): FormValues {
  const values: FormValues = {};
  for (const t of frame?.themes ?? []) {
    values[`theme-${t.key}-nb`] = t.nb;
    values[`theme-${t.key}-nn`] = t.nn;
  }
  for (const p of frame?.phases ?? []) {
    values[`phase-${p.key}-nb`] = p.nb;
    values[`phase-${p.key}-nn`] = p.nn;
    values[`phase-${p.key}-start`] = p.startsOn;
    values[`phase-${p.key}-end`] = p.endsOn;
  }
  for (const q of frame?.questions ?? []) {
    values[`question-${q.key}-nb`] = q.nb;
    values[`question-${q.key}-nn`] = q.nn;
  }
  return values;
}

/**
 * Read the editor's form: a row with anything in it needs both languages (and a phase its
 * dates, the end not before the start); at least one theme, one phase and one question.
 */
export function parseFrame(
  values: FormValues,
): { ok: true; data: FrameInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const v = (name: string) => (values[name] ?? "").trim();
  const text = (name: string) => {
    const s = v(name);
    if (s === "") errors[name] = { code: "required" };
    else if (s.length > frameTextMax) errors[name] = { code: "max", max: frameTextMax };
    return s;
  };
  const themes: FrameTheme[] = [];
  for (const key of range(MAX_THEMES)) {
    if (v(`theme-${key}-nb`) === "" && v(`theme-${key}-nn`) === "") continue;
    themes.push({ key, nb: text(`theme-${key}-nb`), nn: text(`theme-${key}-nn`) });
  }
  const phases: FramePhase[] = [];
  for (const key of range(MAX_PHASES)) {
    const names = ["nb", "nn", "start", "end"].map((s) => `phase-${key}-${s}`);
    if (names.every((n) => v(n) === "")) continue;
    const nb = text(names[0]!);
    const nn = text(names[1]!);
    const startsOn = parseDate(v(names[2]!));
    const endsOn = parseDate(v(names[3]!));
    if (!startsOn) errors[names[2]!] = { code: v(names[2]!) ? "date" : "required" };
    if (!endsOn) errors[names[3]!] = { code: v(names[3]!) ? "date" : "required" };
    if (startsOn && endsOn && endsOn < startsOn) errors[names[3]!] = { code: "endBeforeStart" };
    phases.push({ key, nb, nn, startsOn: startsOn ?? "", endsOn: endsOn ?? "" });
  }
  const questions: FrameQuestion[] = [];
  for (const key of range(MAX_QUESTIONS)) {
    if (v(`question-${key}-nb`) === "" && v(`question-${key}-nn`) === "") continue;
    questions.push({ key, nb: text(`question-${key}-nb`), nn: text(`question-${key}-nn`) });
  }
  if (themes.length === 0) errors["theme-1-nb"] ??= { code: "noTheme" };
  if (phases.length === 0) errors["phase-1-nb"] ??= { code: "noPhase" };
  if (questions.length === 0) errors["question-1-nb"] ??= { code: "noQuestion" };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, data: { themes, phases, questions } };
}

const frameColumns = {
  id: developmentFrames.id,
  programmeId: developmentFrames.programmeId,
  cohortId: developmentFrames.cohortId,
  version: developmentFrames.version,
  themes: developmentFrames.themes,
  phases: developmentFrames.phases,
  questions: developmentFrames.questions,
  savedAt: developmentFrames.savedAt,
};

const sameTarget = (programmeId: number, cohortId: number | null) =>
  and(
    eq(developmentFrames.programmeId, programmeId),
    cohortId === null
      ? isNull(developmentFrames.cohortId)
      : eq(developmentFrames.cohortId, cohortId),
  );

/** The newest frame of the programme itself (cohortId null) or of one cohort, exactly. */
export async function frameOf(
  db: Pick<Db, "select">,
  programmeId: number,
  cohortId: number | null,
): Promise<Frame | null> {
  const [row] = await db
    .select(frameColumns)
    .from(developmentFrames)
    .where(sameTarget(programmeId, cohortId))
    .orderBy(desc(developmentFrames.version))
    .limit(1);
  return row ?? null;
}

/** The frame in force for a cohort: its own, else its programme's; null when neither has one. */
export async function frameInForce(
  db: Pick<Db, "select">,
  programmeId: number,
  cohortId: number,
): Promise<Frame | null> {
  return (await frameOf(db, programmeId, cohortId)) ?? (await frameOf(db, programmeId, null));
}

/** Every version of a frame, newest first (the editor's history). */
export async function frameVersions(db: Db, programmeId: number, cohortId: number | null) {
  return db
    .select({ version: developmentFrames.version, savedAt: developmentFrames.savedAt })
    .from(developmentFrames)
    .where(sameTarget(programmeId, cohortId))
    .orderBy(desc(developmentFrames.version));
}

/**
 * Save the next version of a frame. `version` is the one the editor was drawn from (0 when
 * there was none): a save from an older page is refused as `stale`, so two admins cannot
 * silently overwrite each other. The texts pass the child guard; the audit row is written in
 * the same transaction.
 */
export async function saveFrame(
  db: Db,
  input: {
    programmeId: number;
    cohortId: number | null;
    version: number;
    frame: FrameInput;
    confirmations?: Record<string, string>;
  },
  actor: { personId: number; now: Date },
): Promise<Outcome<{ version: number }>> {
  try {
    return await db.transaction(async (tx) => {
      // One save at a time per programme: the advisory lock orders them on both databases.
      await tx.execute(sql`select pg_advisory_xact_lock(4242, ${input.programmeId})`);
      const current = await frameOf(tx, input.programmeId, input.cohortId);
      if ((current?.version ?? 0) !== input.version)
        throw new RefusedInside({ ok: false, errors: { form: { code: "staleFrame" } } });
      const fields: Record<string, string> = {};
      for (const t of input.frame.themes) {
        fields[`theme-${t.key}-nb`] = t.nb;
        fields[`theme-${t.key}-nn`] = t.nn;
      }
      for (const p of input.frame.phases) {
        fields[`phase-${p.key}-nb`] = p.nb;
        fields[`phase-${p.key}-nn`] = p.nn;
      }
      for (const q of input.frame.questions) {
        fields[`question-${q.key}-nb`] = q.nb;
        fields[`question-${q.key}-nn`] = q.nn;
      }
      const refusal = await guardFreeText(tx, {
        form: "development-frame",
        fields,
        confirmations: input.confirmations,
        now: actor.now,
      });
      if (refusal) throw new RefusedInside(refusal);
      const version = (current?.version ?? 0) + 1;
      const [row] = await tx
        .insert(developmentFrames)
        .values({
          programmeId: input.programmeId,
          cohortId: input.cohortId,
          version,
          ...input.frame,
          savedAt: actor.now,
          savedBy: actor.personId,
        })
        .returning({ id: developmentFrames.id });
      await recordAudit(tx, {
        at: actor.now,
        actorId: actor.personId,
        action: "development.frame.save",
        entityType: "development_frame",
        entityId: String(row!.id),
        before: current ? { version: current.version } : null,
        after: {
          version,
          themes: input.frame.themes.length,
          phases: input.frame.phases.length,
          questions: input.frame.questions.length,
        },
      });
      return { ok: true as const, version };
    });
  } catch (e) {
    if (e instanceof RefusedInside) return e.refusal;
    throw e;
  }
}
