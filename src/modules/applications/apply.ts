import { and, desc, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { FieldErrors } from "../../kernel/forms";
import type { Lang } from "../../web/i18n";
import { municipalityNamesAt } from "../organisations";
import { programmeTitles } from "../programmes";
import {
  type ActivityRow,
  type Answer,
  type Answers,
  checkAnswers,
  fieldName,
  isAsked,
} from "./answers";
import { fingerprint } from "./drafts";
import type { FormDefinition, Localised, Question, Section } from "./form-definition";
import { applicationRounds, applications } from "./schema";

/** What the municipality's pages read, and how a section's form post becomes answers. */

/** A label in the page's language: English falls back to bokmål where the admin wrote none. */
export function loc(text: Localised | { nb: string; nn: string; en?: string }, lang: Lang) {
  return lang === "en" ? text.en || text.nb : text[lang];
}

/** Rounds taking applications now, newest deadline last, with the programme's title. */
export async function openRounds(db: Db, now: Date, lang: Lang) {
  const rows = await db
    .select()
    .from(applicationRounds)
    .where(
      and(
        isNull(applicationRounds.closedAt),
        lte(applicationRounds.opensAt, now),
        gt(applicationRounds.deadline, now),
      ),
    )
    .orderBy(applicationRounds.deadline);
  const titles = await programmeTitles(
    db,
    lang,
    rows.map((r) => r.programmeId),
  );
  return rows.map((round) => ({ round, title: titles.get(round.programmeId) ?? "" }));
}

/** The applications of these municipalities, newest round first, with the programme's title. */
export async function applicationsOf(db: Db, codes: string[], lang: Lang) {
  if (codes.length === 0) return [];
  const rows = await db
    .select({ app: applications, round: applicationRounds })
    .from(applications)
    .innerJoin(applicationRounds, eq(applicationRounds.id, applications.roundId))
    .where(inArray(applications.municipalityCode, codes))
    .orderBy(desc(applicationRounds.deadline), applications.municipalityCode);
  const titles = await programmeTitles(
    db,
    lang,
    rows.map((r) => r.round.programmeId),
  );
  return rows.map((r) => ({ ...r, title: titles.get(r.round.programmeId) ?? "" }));
}

/** Today's names of municipalities by code (the code itself where it is unknown). */
export async function municipalityNames(db: Db, codes: string[], today: string) {
  const found = await municipalityNamesAt(db, codes, today);
  return new Map(codes.map((code) => [code, found.get(code) ?? code]));
}

/** The question a form field (`q-periode-to`, `q-aktiviteter-0-kind`) belongs to. */
export function questionOfField(def: FormDefinition, field: string): Question | undefined {
  let best: Question | undefined;
  for (const s of def.sections) {
    for (const q of s.questions) {
      const name = fieldName(q);
      if (field === name || field.startsWith(`${name}-`)) {
        if (!best || name.length > fieldName(best).length) best = q;
      }
    }
  }
  return best;
}

export function sectionOfQuestion(def: FormDefinition, questionId: string) {
  return def.sections.find((s) => s.questions.some((q) => q.id === questionId));
}

/**
 * What is missing or wrong before submitting, in the form's order, each with its section: the
 * errors a submission would get, so the overview's list and the submission agree.
 */
export function missingOf(def: FormDefinition, answers: Answers) {
  const errors = checkAnswers(def, answers, { submitting: true });
  const order = def.sections.flatMap((s) => s.questions.map((q) => q.id));
  return Object.entries(errors)
    .map(([field, error]) => {
      const q = questionOfField(def, field)!;
      return { field, error, question: q, section: sectionOfQuestion(def, q.id)! };
    })
    .sort((a, b) => order.indexOf(a.question.id) - order.indexOf(b.question.id));
}

export type Missing = ReturnType<typeof missingOf>;

const ROW_FIELDS = ["kind", "mode", "count", "when", "note"] as const;

/** An empty row: the one a table always shows to add to. */
export const emptyRow: ActivityRow = { kind: "", mode: "", count: "", when: "", note: "" };

type Posted = Record<string, (string | File)[]>;
const first = (raw: Posted, name: string) => {
  const v = raw[name]?.[0];
  return typeof v === "string" ? v : "";
};
const all = (raw: Posted, name: string) =>
  (raw[name] ?? []).filter((v): v is string => typeof v === "string");

/**
 * A section's form post as answers. Only questions the page drew are read (each carries its
 * `seen-<id>` fingerprint), so a question hidden by its condition, or an unchecked box group
 * of another page, is never taken as emptied. `remove` ("aktiviteter:1") drops a table row.
 */
export function parseSection(section: Section, raw: Posted) {
  const answers: Answers = {};
  const seen: Record<string, string> = {};
  const remove = first(raw, "remove");
  for (const q of section.questions) {
    if (!(`seen-${q.id}` in raw)) continue;
    seen[q.id] = first(raw, `seen-${q.id}`);
    const name = fieldName(q);
    const a = parseOne(q, raw, name, remove);
    if (a) answers[q.id] = a;
  }
  return { answers, seen };
}

function parseOne(q: Question, raw: Posted, name: string, remove: string): Answer | null {
  switch (q.kind) {
    case "short-text":
    case "long-text":
    case "number":
    case "single-choice":
      return { kind: "text", value: first(raw, name) };
    case "multiple-choice":
    case "commitments":
      return { kind: "choices", values: [...new Set(all(raw, name))] };
    case "date-range":
      return { kind: "range", from: first(raw, `${name}-from`), to: first(raw, `${name}-to`) };
    case "activity-table": {
      const rows: ActivityRow[] = [];
      // The page draws the stored rows and one empty one; a row left wholly empty is no row.
      for (let i = 0; i <= q.maxRows; i++) {
        if (remove === `${q.id}:${i}`) continue;
        const row = Object.fromEntries(
          ROW_FIELDS.map((f) => [f, first(raw, `${name}-${i}-${f}`).trim()]),
        ) as ActivityRow;
        if (ROW_FIELDS.every((f) => row[f] === "")) continue;
        rows.push(row);
      }
      return { kind: "rows", rows };
    }
    case "attachment":
      // Uploads are not taken yet (the page says so): the stored answer is left as it is.
      return null;
  }
}

/** The fingerprints the page puts beside each question of a section. */
export function seenOf(section: Section, answers: Answers) {
  return Object.fromEntries(section.questions.map((q) => [q.id, fingerprint(answers[q.id])]));
}

/** The section's questions that are asked, given the answers (hidden ones stay on the page). */
export function askedIn(section: Section, answers: Answers) {
  return new Set(section.questions.filter((q) => isAsked(q, answers)).map((q) => q.id));
}

/** Errors of a section only (a draft save checks nothing else). */
export function errorsIn(errors: FieldErrors, def: FormDefinition, section: Section) {
  const out: FieldErrors = {};
  for (const [field, e] of Object.entries(errors)) {
    const q = questionOfField(def, field);
    if (q && section.questions.includes(q)) out[field] = e;
  }
  return out;
}
