import { and, count, eq, gte, inArray, isNull, lte, ne, sql } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { guardFreeText } from "../../kernel/child-guard-forms";
import { osloToday } from "../../kernel/clock";
import { BadRequest, type FieldErrors, type FormValues } from "../../kernel/forms";
import { enqueueMail } from "../../kernel/mail-jobs";
import { type Outcome, refuse } from "../../kernel/result";
import type { Lang } from "../../web/i18n";
import { getPerson, recordAudit } from "../identity";
import {
  type EvaluationQuestion,
  evaluationRespondents,
  evaluationResponses,
  gatheringEvaluations,
  type QuestionKind,
  type Worded,
} from "./evaluation-schema";
import { evaluationLetter } from "./evaluation-texts";
import { type Actor, type Gathering, gatheringById, lockGathering } from "./gatherings";
import { gatheringAttendance, gatheringRegistrations, gatherings } from "./schema";
import { standardOfPlace } from "./ticket";

export const QUESTION_KINDS = ["scale", "choice", "text"] as const satisfies QuestionKind[];

/** The named limits of the evaluation's forms, shared by the views and the commands. */
export const evaluationLimits = {
  questions: 20,
  /** Empty question slots the editor offers below the questions. */
  blankSlots: 2,
  questionText: 300,
  option: 100,
  minOptions: 2,
  maxOptions: 10,
  answerMax: 5_000,
  defaultAnswerMax: 1_000,
  /** How many days after the gathering's end answers are taken. */
  openDays: 30,
  /** Invitations go out for gatherings that ended at most this many days ago. */
  inviteWithinDays: 14,
  /**
   * Small-number protection: below this many answers to a question, its distribution, mean and
   * open answers are not shown (nor the CSV below this many answers in all).
   */
  minShown: 3,
} as const;

const DAY_MS = 86_400_000;

/** The questions offered to an organiser who has not yet written any. */
export function defaultQuestions(): EvaluationQuestion[] {
  const q = (
    kind: QuestionKind,
    text: Worded,
    extra: Partial<EvaluationQuestion> = {},
  ): Omit<EvaluationQuestion, "key"> => ({
    kind,
    text,
    required: kind !== "text",
    options: [],
    maxLength: kind === "text" ? evaluationLimits.defaultAnswerMax : 0,
    ...extra,
  });
  return [
    q("scale", {
      nb: "Hvor nyttig var samlingen for arbeidet ditt?",
      nn: "Kor nyttig var samlinga for arbeidet ditt?",
      en: "How useful was the gathering for your work?",
    }),
    q("scale", {
      nb: "Hvor fornøyd er du med organiseringen av samlingen?",
      nn: "Kor nøgd er du med organiseringa av samlinga?",
      en: "How satisfied are you with how the gathering was organised?",
    }),
    q("text", {
      nb: "Hva var mest nyttig?",
      nn: "Kva var mest nyttig?",
      en: "What was most useful?",
    }),
    q("text", {
      nb: "Hva kan bli bedre til neste gang?",
      nn: "Kva kan bli betre til neste gong?",
      en: "What could be better next time?",
    }),
  ].map((question, i) => ({ key: String(i + 1), ...question }));
}

/** A question's or option's words in a language: English falls back to bokmål. */
export function wordsIn(lang: Lang, w: Worded): string {
  if (lang === "nn") return w.nn;
  if (lang === "en") return w.en !== "" ? w.en : w.nb;
  return w.nb;
}

export type Evaluation = {
  gatheringId: number;
  questions: EvaluationQuestion[];
  invitedAt: Date | null;
  /** How many have answered; the questions are locked from the first. */
  answers: number;
};

export async function evaluationOf(db: Executor, gatheringId: number): Promise<Evaluation | null> {
  const [row] = await db
    .select()
    .from(gatheringEvaluations)
    .where(eq(gatheringEvaluations.gatheringId, gatheringId));
  if (!row) return null;
  return {
    gatheringId,
    questions: row.questions,
    invitedAt: row.invitedAt,
    answers: await answerCount(db, gatheringId),
  };
}

async function answerCount(db: Executor, gatheringId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(evaluationRespondents)
    .where(eq(evaluationRespondents.gatheringId, gatheringId));
  return row?.n ?? 0;
}

// ── The editor's form: slots q1, q2, … each with its kind, words, options and limit ──

/** The form's fields of slot `i` (1-based). */
export const slotField = (i: number, part: string) => `q${i}-${part}`;

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");

/** The questions as the editor's form values (the slots filled in order). */
export function questionsAsForm(questions: EvaluationQuestion[]): FormValues {
  const values: FormValues = {};
  questions.forEach((q, n) => {
    const i = n + 1;
    values[slotField(i, "kind")] = q.kind;
    values[slotField(i, "nb")] = q.text.nb;
    values[slotField(i, "nn")] = q.text.nn;
    values[slotField(i, "en")] = q.text.en;
    if (q.required) values[slotField(i, "required")] = "yes";
    values[slotField(i, "options-nb")] = q.options.map((o) => o.nb).join("\n");
    values[slotField(i, "options-nn")] = q.options.map((o) => o.nn).join("\n");
    values[slotField(i, "options-en")] = q.options.map((o) => o.en).join("\n");
    values[slotField(i, "max")] = q.kind === "text" ? String(q.maxLength) : "";
  });
  values.slots = String(questions.length + evaluationLimits.blankSlots);
  return values;
}

/** How many slots a posted form has (a hidden field); anything else is a malformed request. */
export function slotsOf(values: FormValues): number {
  const raw = values.slots ?? "";
  const max = evaluationLimits.questions + evaluationLimits.blankSlots;
  if (!/^[0-9]{1,2}$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
    throw new BadRequest("slots");
  }
  return Number(raw);
}

/**
 * The questions of a posted editor form, in the slots' order. A slot with no words at all is
 * left out (that is how a question is removed). Errors are keyed by the slots' field names.
 */
export function questionsFromForm(values: FormValues): {
  questions: EvaluationQuestion[];
  errors: FieldErrors;
} {
  const L = evaluationLimits;
  const errors: FieldErrors = {};
  const questions: EvaluationQuestion[] = [];
  const slots = slotsOf(values);
  const text = (name: string) => (values[name] ?? "").trim();
  for (let i = 1; i <= slots; i++) {
    const f = (part: string) => slotField(i, part);
    const kind = values[f("kind")] ?? "scale";
    if (!(QUESTION_KINDS as readonly string[]).includes(kind)) throw new BadRequest("kind");
    const words = { nb: text(f("nb")), nn: text(f("nn")), en: text(f("en")) };
    const optionLines = {
      nb: lines(values[f("options-nb")] ?? ""),
      nn: lines(values[f("options-nn")] ?? ""),
      en: lines(values[f("options-en")] ?? ""),
    };
    if (words.nb === "" && words.nn === "" && words.en === "") continue;
    for (const lang of ["nb", "nn", "en"] as const) {
      if (lang !== "en" && words[lang] === "") errors[f(lang)] = { code: "required" };
      else if (words[lang].length > L.questionText)
        errors[f(lang)] = { code: "max", max: L.questionText };
    }
    let options: Worded[] = [];
    if (kind === "choice") {
      const n = optionLines.nb.length;
      if (n < L.minOptions || n > L.maxOptions) {
        errors[f("options-nb")] = {
          code: "optionsCount",
          params: { min: L.minOptions, max: L.maxOptions },
        };
      } else if (optionLines.nb.some((o) => o.length > L.option)) {
        errors[f("options-nb")] = { code: "optionMax", max: L.option };
      }
      if (optionLines.nn.length !== n) {
        errors[f("options-nn")] = { code: "optionsMismatch", params: { n } };
      } else if (optionLines.nn.some((o) => o.length > L.option)) {
        errors[f("options-nn")] = { code: "optionMax", max: L.option };
      }
      if (optionLines.en.length !== 0 && optionLines.en.length !== n) {
        errors[f("options-en")] = { code: "optionsMismatch", params: { n } };
      } else if (optionLines.en.some((o) => o.length > L.option)) {
        errors[f("options-en")] = { code: "optionMax", max: L.option };
      }
      options = optionLines.nb.map((nb, k) => ({
        nb,
        nn: optionLines.nn[k] ?? "",
        en: optionLines.en[k] ?? "",
      }));
    }
    let maxLength = 0;
    if (kind === "text") {
      const raw = text(f("max"));
      if (raw === "") maxLength = L.defaultAnswerMax;
      else if (!/^[0-9]{1,5}$/.test(raw) || Number(raw) < 1 || Number(raw) > L.answerMax) {
        errors[f("max")] = { code: "answerMaxRange", max: L.answerMax };
      } else maxLength = Number(raw);
    }
    questions.push({
      key: String(questions.length + 1),
      kind: kind as QuestionKind,
      text: words,
      required: values[f("required")] === "yes",
      options,
      maxLength,
    });
  }
  if (questions.length === 0 && Object.keys(errors).length === 0) {
    errors[slotField(1, "nb")] = { code: "noQuestions" };
  }
  if (questions.length > L.questions) {
    errors[slotField(1, "nb")] = { code: "tooManyQuestions", max: L.questions };
  }
  return { questions, errors };
}

/**
 * Save a gathering's questions (the whole list, in order), as long as nobody has answered.
 * The gathering's row is locked, then the evaluation's: an answer holds the evaluation's row
 * (FOR SHARE) while it checks against the questions, so an edit never changes the questions
 * under an answer, and one that comes after the first answer is refused. Audited.
 */
export async function saveQuestions(
  db: Db,
  input: { gatheringId: number; values: FormValues },
  actor: Actor,
): Promise<Outcome> {
  const { questions, errors } = questionsFromForm(input.values);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return db.transaction(async (tx) => {
    const g = await lockGathering(tx, input.gatheringId);
    if (!g) return refuse("gathering", "notFound");
    const [stored] = await tx
      .select()
      .from(gatheringEvaluations)
      .where(eq(gatheringEvaluations.gatheringId, g.id))
      .for("update");
    if (stored && (await answerCount(tx, g.id)) > 0) return refuse("evaluation", "locked");
    if (stored) {
      await tx
        .update(gatheringEvaluations)
        .set({ questions, updatedAt: actor.now, updatedBy: actor.personId })
        .where(eq(gatheringEvaluations.gatheringId, g.id));
    } else {
      await tx.insert(gatheringEvaluations).values({
        gatheringId: g.id,
        questions,
        updatedAt: actor.now,
        updatedBy: actor.personId,
      });
    }
    await recordAudit(tx, {
      at: actor.now,
      actorId: actor.personId,
      action: "gathering.evaluation",
      entityType: "gathering",
      entityId: String(g.id),
      before: stored ? { questions: stored.questions.length } : null,
      after: { questions: questions.length },
    });
    return { ok: true as const };
  });
}

// ── Who may answer ──

/** Whether attendance was taken for the whole gathering (any mark at all). */
async function attendanceTaken(db: Executor, gatheringId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: gatheringAttendance.id })
    .from(gatheringAttendance)
    .where(
      and(eq(gatheringAttendance.gatheringId, gatheringId), isNull(gatheringAttendance.sessionId)),
    )
    .limit(1);
  return row !== undefined;
}

export type Participant = {
  registrationId: number;
  personId: number;
  unitOrgNumber: string | null;
  municipalityCode: string | null;
};

/**
 * Those asked to evaluate: every confirmed seat, or, when attendance was taken, those marked
 * present for the whole gathering.
 */
export async function participantsOf(db: Executor, gatheringId: number): Promise<Participant[]> {
  const columns = {
    registrationId: gatheringRegistrations.id,
    personId: gatheringRegistrations.personId,
    unitOrgNumber: gatheringRegistrations.unitOrgNumber,
    municipalityCode: gatheringRegistrations.municipalityCode,
  };
  const confirmed = and(
    eq(gatheringRegistrations.gatheringId, gatheringId),
    eq(gatheringRegistrations.status, "confirmed"),
  );
  if (!(await attendanceTaken(db, gatheringId))) {
    return db.select(columns).from(gatheringRegistrations).where(confirmed);
  }
  return db
    .select(columns)
    .from(gatheringRegistrations)
    .innerJoin(
      gatheringAttendance,
      and(
        eq(gatheringAttendance.registrationId, gatheringRegistrations.id),
        isNull(gatheringAttendance.sessionId),
      ),
    )
    .where(
      and(
        eq(gatheringRegistrations.gatheringId, gatheringId),
        ne(gatheringRegistrations.status, "cancelled"),
        eq(gatheringAttendance.status, "present"),
      ),
    );
}

/** Until when answers are taken. */
export const answersCloseAt = (g: Pick<Gathering, "endsAt">) =>
  new Date(g.endsAt.getTime() + evaluationLimits.openDays * DAY_MS);

/** Where a person stands with a gathering's evaluation. */
export type Standing =
  | { state: "open"; registrationId: number }
  | { state: "answered" }
  | { state: "notYet" }
  | { state: "closed" }
  | { state: "notParticipant" }
  | { state: "noEvaluation" };

export async function standingOf(
  db: Executor,
  g: Gathering,
  personId: number,
  now: Date,
): Promise<Standing> {
  const [evaluation] = await db
    .select({ id: gatheringEvaluations.gatheringId })
    .from(gatheringEvaluations)
    .where(eq(gatheringEvaluations.gatheringId, g.id));
  if (!evaluation) return { state: "noEvaluation" };
  const mine = (await participantsOf(db, g.id)).filter((p) => p.personId === personId);
  if (mine.length === 0) return { state: "notParticipant" };
  const [answered] = await db
    .select({ id: evaluationRespondents.registrationId })
    .from(evaluationRespondents)
    .where(
      inArray(
        evaluationRespondents.registrationId,
        mine.map((p) => p.registrationId),
      ),
    );
  if (answered) return { state: "answered" };
  if (now < g.endsAt) return { state: "notYet" };
  if (now >= answersCloseAt(g)) return { state: "closed" };
  return { state: "open", registrationId: mine[0]!.registrationId };
}

// ── Answering ──

/** The form field of a question's answer. */
export const answerField = (q: Pick<EvaluationQuestion, "key">) => `a-${q.key}`;

/**
 * A person's answers, once and anonymously: who answered goes into one table, the answers into
 * another with nothing of the person and only the day, in one transaction. Open text passes
 * the child guard (an identity number refused, a child warned about). A second answer is
 * refused (`evaluation: alreadyAnswered`), also when two arrive at once (the key on the
 * registration). A value no form could send (a scale outside 1–5, an option not offered) is a
 * malformed request.
 */
export async function submitAnswers(
  db: Db,
  input: {
    gatheringId: number;
    personId: number;
    values: FormValues;
    confirmations?: Readonly<Record<string, string>>;
  },
  actor: Actor,
): Promise<Outcome> {
  const g = await gatheringById(db, input.gatheringId);
  if (!g) return refuse("gathering", "notFound");
  return db.transaction(async (tx) => {
    const [evaluation] = await tx
      .select()
      .from(gatheringEvaluations)
      .where(eq(gatheringEvaluations.gatheringId, g.id))
      .for("share");
    const standing = await standingOf(tx, g, input.personId, actor.now);
    if (!evaluation || standing.state === "noEvaluation") return refuse("evaluation", "notFound");
    if (standing.state !== "open") return refuse("evaluation", standing.state);
    const answers: Record<string, string> = {};
    const errors: FieldErrors = {};
    const texts: Record<string, string> = {};
    for (const q of evaluation.questions) {
      const field = answerField(q);
      const value = (input.values[field] ?? "").trim();
      if (value === "") {
        if (q.required) {
          errors[field] = { code: q.kind === "text" ? "answerText" : "answerChoice" };
        }
        continue;
      }
      if (q.kind === "scale" && !/^[1-5]$/.test(value)) throw new BadRequest("scale");
      if (q.kind === "choice") {
        if (!/^[0-9]{1,2}$/.test(value) || Number(value) >= q.options.length) {
          throw new BadRequest("choice");
        }
      }
      if (q.kind === "text") {
        if (value.length > q.maxLength) {
          errors[field] = { code: "max", max: q.maxLength };
          continue;
        }
        texts[field] = value;
      }
      answers[q.key] = value;
    }
    const guarded = await guardFreeText(tx, {
      form: "gathering-evaluation",
      fields: texts,
      confirmations: input.confirmations,
      now: actor.now,
    });
    if (guarded || Object.keys(errors).length > 0) {
      return {
        ok: false as const,
        errors: { ...(guarded?.errors ?? {}), ...errors },
        warnings: guarded?.warnings ?? {},
      };
    }
    const took = await tx
      .insert(evaluationRespondents)
      .values({ gatheringId: g.id, registrationId: standing.registrationId })
      .onConflictDoNothing()
      .returning({ id: evaluationRespondents.registrationId });
    if (took.length === 0) return refuse("evaluation", "answered");
    await tx
      .insert(evaluationResponses)
      .values({ gatheringId: g.id, answeredOn: osloToday(actor.now), answers });
    return { ok: true as const };
  });
}

// ── Inviting ──

/**
 * The invitations to answer, once per gathering and once per participant: for every gathering
 * with questions that ended (at most `inviteWithinDays` ago) and has not been invited yet, each
 * participant gets a mail with the link, in the written standard of the place they registered
 * from; the idempotency key is the registration's. Each gathering in its own transaction, its
 * evaluation row locked, so two instances running the job invite once.
 */
export async function inviteToEvaluations(
  db: Db,
  context: { now: Date; baseUrl: string },
): Promise<{ gatherings: number; mails: number }> {
  const since = new Date(context.now.getTime() - evaluationLimits.inviteWithinDays * DAY_MS);
  const due = await db
    .select({ id: gatheringEvaluations.gatheringId })
    .from(gatheringEvaluations)
    .innerJoin(gatherings, eq(gatherings.id, gatheringEvaluations.gatheringId))
    .where(
      and(
        isNull(gatheringEvaluations.invitedAt),
        lte(gatherings.endsAt, context.now),
        gte(gatherings.endsAt, since),
      ),
    );
  let done = 0;
  let mails = 0;
  for (const { id } of due) {
    mails += await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(gatheringEvaluations)
        .where(
          and(eq(gatheringEvaluations.gatheringId, id), isNull(gatheringEvaluations.invitedAt)),
        )
        .for("update");
      const g = row ? await gatheringById(tx, id) : null;
      if (!row || !g) return 0;
      let sent = 0;
      for (const p of await participantsOf(tx, id)) {
        const person = await getPerson(tx, p.personId);
        if (!person?.email) continue;
        const standard = await standardOfPlace(tx, p);
        const letter = evaluationLetter(standard, {
          title: standard === "nn" ? g.titleNn : g.titleNb,
          link: `${context.baseUrl}/${standard}/samlinger/${g.id}/evaluering`,
          closesAt: answersCloseAt(g),
        });
        await enqueueMail(
          tx,
          { to: person.email, subject: letter.subject, text: letter.text },
          { idempotencyKey: `gathering-evaluation:${p.registrationId}`, now: context.now },
        );
        sent++;
      }
      await tx
        .update(gatheringEvaluations)
        .set({ invitedAt: context.now })
        .where(eq(gatheringEvaluations.gatheringId, id));
      done++;
      return sent;
    });
  }
  return { gatherings: done, mails };
}

// ── Results ──

export type QuestionResult = {
  question: EvaluationQuestion;
  /** How many answered this question. */
  answered: number;
  /** Below the small-number limit nothing more is shown. */
  shown: boolean;
  /** Scale: counts of 1..5; choice: counts per option. */
  counts: number[];
  /** Scale: the mean of the answers given. */
  mean: number | null;
  /** Open text: the answers, in alphabetical order (never the order they came in). */
  texts: string[];
};

export type Results = {
  participants: number;
  answers: number;
  questions: QuestionResult[];
};

/** The answers of a gathering, as stored (anonymous), ordered by day and then by content. */
export async function responsesOf(db: Executor, gatheringId: number) {
  return db
    .select({ answeredOn: evaluationResponses.answeredOn, answers: evaluationResponses.answers })
    .from(evaluationResponses)
    .where(eq(evaluationResponses.gatheringId, gatheringId))
    .orderBy(evaluationResponses.answeredOn, sql`${evaluationResponses.answers}::text`);
}

export async function evaluationResults(
  db: Executor,
  gatheringId: number,
  questions: EvaluationQuestion[],
): Promise<Results> {
  const responses = await responsesOf(db, gatheringId);
  const participants = (await participantsOf(db, gatheringId)).length;
  const results = questions.map((question): QuestionResult => {
    const given = responses.map((r) => r.answers[question.key] ?? "").filter((v) => v !== "");
    const size =
      question.kind === "scale" ? 5 : question.kind === "choice" ? question.options.length : 0;
    const counts = Array.from({ length: size }, () => 0);
    for (const v of given) {
      const i = question.kind === "scale" ? Number(v) - 1 : Number(v);
      if (question.kind !== "text" && counts[i] !== undefined) counts[i]++;
    }
    const mean =
      question.kind === "scale" && given.length > 0
        ? given.reduce((sum, v) => sum + Number(v), 0) / given.length
        : null;
    return {
      question,
      answered: given.length,
      shown: given.length >= evaluationLimits.minShown,
      counts,
      mean,
      texts: question.kind === "text" ? [...given].sort((a, b) => a.localeCompare(b, "nb")) : [],
    };
  });
  return { participants, answers: responses.length, questions: results };
}
