import { isCalendarDate } from "../../kernel/clock";
import type { FieldErrors } from "../../kernel/forms";
import { FILE_KINDS, kindOfMime } from "../../kernel/storage";
import {
  ACTIVITY_KINDS,
  ACTIVITY_MODES,
  type FormDefinition,
  type Question,
  questionsOf,
} from "./form-definition";

/**
 * Answers as stored, one per question (so they can be exported and compared), and the rules
 * that check them against the form version the application was started on.
 */

export type ActivityRow = {
  kind: (typeof ACTIVITY_KINDS)[number] | "";
  mode: (typeof ACTIVITY_MODES)[number] | "";
  count: string;
  when: string;
  note: string;
};
/**
 * An uploaded file as its answer holds it: the row in `application_files` it names, and what a
 * reader and the archive need of it. The SHA-256 puts the file's bytes under the submission's
 * content hash: a submitted application's files cannot change unseen.
 */
export type StoredFile = {
  fileId: string;
  /** The name as uploaded, made safe (kernel/storage `safeFileName`). */
  name: string;
  /** The type read from the bytes ("application/pdf"). */
  type: string;
  bytes: number;
  sha256: string;
};

export type Answer =
  | { kind: "text"; value: string }
  | { kind: "choices"; values: string[] }
  | { kind: "range"; from: string; to: string }
  | { kind: "rows"; rows: ActivityRow[] }
  | { kind: "file"; file: StoredFile | null };

export type Answers = Record<string, Answer>;

/** The form field a question's answer is posted in (several fields share this prefix). */
export const fieldName = (q: { id: string }) => `q-${q.id}`;

export const activityNoteMax = 300;

/**
 * Whether a question is asked, given the answers so far: a question with a condition is asked
 * when the earlier choice question it names has one of the given answers.
 */
export function isAsked(q: Question, answers: Answers): boolean {
  if (!q.showIf) return true;
  const on = answers[q.showIf.question];
  const chosen = on?.kind === "text" ? [on.value] : on?.kind === "choices" ? on.values : [];
  return chosen.some((v) => q.showIf!.anyOf.includes(v));
}

/** True when the answer says nothing (an untouched question). */
export function isEmpty(a: Answer | undefined): boolean {
  if (!a) return true;
  switch (a.kind) {
    case "text":
      return a.value.trim() === "";
    case "choices":
      return a.values.length === 0;
    case "range":
      return a.from === "" && a.to === "";
    case "rows":
      return a.rows.length === 0;
    case "file":
      return a.file === null;
  }
}

/**
 * The length of a range of days in months, counting the last day in: 1.8.2027–31.7.2028 is
 * 12 whole months; 1.8.2027–5.8.2028 is 12 whole months and some days (`partial`).
 */
export function durationOf(from: string, to: string): { months: number; partial: boolean } {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  const end = new Date(Date.UTC(ty, tm - 1, td + 1)); // the day after the last
  const [ey, em, ed] = [end.getUTCFullYear(), end.getUTCMonth() + 1, end.getUTCDate()];
  let months = (ey - fy) * 12 + (em - fm);
  if (ed < fd) months -= 1;
  const whole = new Date(Date.UTC(fy, fm - 1 + months, fd));
  return { months, partial: whole.getTime() !== end.getTime() };
}

/**
 * Check the answers of the asked questions. On a draft save only what can never be right is
 * refused (too long, a choice that is not offered, a number out of range, a range ending
 * before it starts), so a half-done answer is kept; on submission a required question left
 * empty is refused too. Errors are keyed by the form's field names (`q-<id>`, `q-<id>-to`).
 */
export function checkAnswers(
  def: FormDefinition,
  answers: Answers,
  opts: { submitting: boolean; only?: ReadonlySet<string> },
): FieldErrors {
  const errors: FieldErrors = {};
  for (const q of questionsOf(def)) {
    if (opts.only && !opts.only.has(q.id)) continue;
    if (!isAsked(q, answers)) continue;
    const a = answers[q.id];
    const name = fieldName(q);
    if (isEmpty(a)) {
      if (opts.submitting && q.required) errors[name] = { code: emptyCode[q.kind] ?? "required" };
      continue;
    }
    const error = checkOne(q, a!, opts.submitting);
    if (error) errors[error.field ? `${name}-${error.field}` : name] = error.error;
  }
  return errors;
}

/** What a required question left empty is told, where "required" would read oddly. */
const emptyCode: Partial<Record<Question["kind"], string>> = {
  "single-choice": "choice",
  "multiple-choice": "choice",
  commitments: "commitments",
  attachment: "fileRequired",
  "activity-table": "rowsRequired",
};

type OneError = { field?: string; error: FieldErrors[string] };

function checkOne(q: Question, a: Answer, submitting: boolean): OneError | null {
  switch (q.kind) {
    case "short-text":
    case "long-text":
      if (a.kind !== "text") return { error: { code: "required" } };
      return a.value.length > q.maxLength ? { error: { code: "max", max: q.maxLength } } : null;
    case "single-choice":
      if (a.kind !== "text" || !q.options.some((o) => o.value === a.value)) {
        return { error: { code: "choice" } };
      }
      return null;
    case "multiple-choice":
      if (a.kind !== "choices" || !a.values.every((v) => q.options.some((o) => o.value === v))) {
        return { error: { code: "choice" } };
      }
      return null;
    case "number": {
      if (a.kind !== "text" || !/^[0-9]{1,10}$/.test(a.value.trim())) {
        return { error: { code: "number", params: { min: q.min, max: q.max } } };
      }
      const n = Number(a.value.trim());
      return n < q.min || n > q.max
        ? { error: { code: "number", params: { min: q.min, max: q.max } } }
        : null;
    }
    case "date-range": {
      if (a.kind !== "range") return { error: { code: "date" } };
      if (a.from !== "" && !isCalendarDate(a.from))
        return { field: "from", error: { code: "date" } };
      if (a.to !== "" && !isCalendarDate(a.to)) return { field: "to", error: { code: "date" } };
      if (a.from === "" || a.to === "") {
        return submitting
          ? { field: a.from === "" ? "from" : "to", error: { code: "date" } }
          : null;
      }
      if (a.to < a.from) return { field: "to", error: { code: "endBeforeStart" } };
      const { months, partial } = durationOf(a.from, a.to);
      if (
        (q.minMonths !== undefined && months < q.minMonths) ||
        (q.maxMonths !== undefined && (months > q.maxMonths || (months === q.maxMonths && partial)))
      ) {
        return {
          field: "to",
          error: {
            code: "duration",
            params: { min: q.minMonths ?? 1, max: q.maxMonths ?? 120, months },
          },
        };
      }
      return null;
    }
    case "activity-table": {
      if (a.kind !== "rows") return { error: { code: "required" } };
      if (a.rows.length > q.maxRows) return { error: { code: "rows", params: { max: q.maxRows } } };
      for (const [i, row] of a.rows.entries()) {
        const at = `${i}`;
        const n = i + 1;
        if (!ACTIVITY_KINDS.includes(row.kind as never)) {
          return { field: `${at}-kind`, error: { code: "rowKind", params: { row: n } } };
        }
        if (!ACTIVITY_MODES.includes(row.mode as never)) {
          return { field: `${at}-mode`, error: { code: "rowMode", params: { row: n } } };
        }
        if (!/^[0-9]{1,3}$/.test(row.count) || Number(row.count) < 1) {
          return { field: `${at}-count`, error: { code: "rowCount", params: { row: n } } };
        }
        if (row.when !== "" && !isCalendarDate(row.when)) {
          return { field: `${at}-when`, error: { code: "rowDate", params: { row: n } } };
        }
        if (row.note.length > activityNoteMax) {
          return {
            field: `${at}-note`,
            error: { code: "rowNote", max: activityNoteMax, params: { row: n } },
          };
        }
      }
      return null;
    }
    case "commitments":
      if (a.kind !== "choices" || !a.values.every((v) => q.items.some((c) => c.id === v))) {
        return { error: { code: "choice" } };
      }
      // A required list of commitments is all of them: the municipality says yes to each.
      return submitting && q.required && a.values.length < q.items.length
        ? { error: { code: "commitments" } }
        : null;
    case "attachment": {
      if (a.kind !== "file" || a.file === null) return { error: { code: "fileRequired" } };
      if (a.file.bytes > q.maxBytes) {
        return { error: { code: "fileSize", params: { maxBytes: q.maxBytes } } };
      }
      const kind = kindOfMime(a.file.type);
      return kind && (q.types as readonly string[]).includes(kind)
        ? null
        : { error: { code: "fileType", params: { types: typeLabels(q.types) } } };
    }
  }
}

/** The allowed types of an attachment question as people read them: "PDF, DOCX, ODT". */
export function typeLabels(types: readonly (keyof typeof FILE_KINDS)[]): string {
  return types.map((t) => FILE_KINDS[t].label).join(", ");
}
