import { Hono } from "hono";
import { barChartSvg } from "../../kernel/charts";
import { confirmationsOf } from "../../kernel/child-guard-forms";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import type { FormValues } from "../../kernel/forms";
import { readForm } from "../../kernel/forms";
import { toCsv } from "../../kernel/spreadsheet";
import { errorPage } from "../../web/error-pages";
import type { FormState } from "../../web/form-errors";
import type { Lang } from "../../web/i18n";
import { render } from "../../web/render";
import { doorPath } from "./door-views";
import {
  answersCloseAt,
  defaultQuestions,
  evaluationLimits,
  evaluationOf,
  evaluationResults,
  questionsAsForm,
  responsesOf,
  saveQuestions,
  slotsOf,
  standingOf,
  submitAnswers,
  wordsIn,
} from "./evaluation";
import { evaluationErrors, evaluationTexts } from "./evaluation-texts";
import {
  answerLabels,
  EVALUATION,
  EvaluationAnswerPage,
  EvaluationEditPage,
  EvaluationResultsPage,
  RESULTS,
} from "./evaluation-views";
import { type Gathering, gatheringById } from "./gatherings";
import { organisedGathering } from "./organiser-access";
import { gatheringPath } from "./participant-views";
import { registrationOf } from "./registration";

const DAY = "/:lang{nb|nn|en}/admin/samlinger/:id{[0-9]{1,9}}";
const ONE = "/:lang{nb|nn|en}/samlinger/:id{[0-9]{1,9}}";

/** Everyone who may take part in gatherings holds it (roles.ts), as on the participant's pages. */
const mayTakePart = (c: AppContext) =>
  c.get("user")?.permissions.includes("register:gathering:own") ?? false;

const actor = (c: AppContext) => ({
  personId: c.get("user")!.personId,
  now: deps(c).clock.now(),
  baseUrl: deps(c).linkBase,
});

/** The organiser's editor: the stored questions, or the suggested ones when none are stored. */
async function showEditor(
  c: AppContext,
  g: Gathering,
  opts: { notice?: "saved"; form?: FormState } = {},
) {
  const evaluation = await evaluationOf(deps(c).db, g.id);
  const defaults = evaluation === null && opts.form === undefined;
  const form: FormState = opts.form ?? {
    values: questionsAsForm(evaluation?.questions ?? defaultQuestions()),
    errors: {},
  };
  c.header("Cache-Control", "no-store");
  return render(
    c,
    <EvaluationEditPage
      lang={langOf(c)}
      gathering={g}
      evaluation={evaluation}
      slots={slotsOf(form.values)}
      notice={opts.notice}
      form={form}
      defaults={defaults}
    />,
    opts.form ? 422 : 200,
  );
}

/** The text alternative of a question's chart: every bar's count, and the mean. */
function chartAlt(
  lang: Lang,
  question: string,
  labels: string[],
  counts: number[],
  mean: number | null,
) {
  const parts = labels.map((label, i) => `${label}: ${counts[i] ?? 0}`);
  return evaluationTexts[lang].chartAlt(question, parts, mean);
}

/** The participant's page, in the state the person is in. */
async function showAnswer(
  c: AppContext,
  g: Gathering,
  opts: { notice?: "thanks"; form?: FormState; refused?: string } = {},
  status: 200 | 409 | 422 = 200,
) {
  const { db, clock } = deps(c);
  const personId = c.get("user")!.personId;
  const evaluation = await evaluationOf(db, g.id);
  const standing = await standingOf(db, g, personId, clock.now());
  c.header("Cache-Control", "no-store");
  return render(
    c,
    <EvaluationAnswerPage
      lang={langOf(c)}
      gathering={g}
      questions={evaluation?.questions ?? []}
      state={standing.state}
      closesAt={answersCloseAt(g)}
      notice={opts.notice}
      form={opts.form}
      refused={opts.refused}
    />,
    status,
  );
}

/**
 * The evaluation after a gathering (decision 0027): the organiser's questions and results
 * under the gathering's day, the participant's answers under the participant's gathering page.
 */
export function evaluationRoutes() {
  const app = new Hono<AppEnv>();

  app.get(`${DAY}${EVALUATION}`, async (c) => {
    const found = await organisedGathering(c);
    if (found.response) return found.response;
    return showEditor(
      c,
      found.value,
      c.req.query("melding") === "lagret" ? { notice: "saved" } : {},
    );
  });

  app.post(`${DAY}${EVALUATION}`, async (c) => {
    const found = await organisedGathering(c);
    if (found.response) return found.response;
    const g = found.value;
    const values = await readForm(c);
    const result = await saveQuestions(deps(c).db, { gatheringId: g.id, values }, actor(c));
    if (!result.ok) return showEditor(c, g, { form: { values, errors: result.errors } });
    return c.redirect(`/${langOf(c)}${doorPath(g.id, EVALUATION)}?melding=lagret`, 303);
  });

  app.get(`${DAY}${RESULTS}`, async (c) => {
    const found = await organisedGathering(c);
    if (found.response) return found.response;
    const g = found.value;
    const lang = langOf(c);
    const { db } = deps(c);
    const evaluation = await evaluationOf(db, g.id);
    if (!evaluation) return c.redirect(`/${lang}${doorPath(g.id, EVALUATION)}`, 303);
    const results = await evaluationResults(db, g.id, evaluation.questions);
    const t = evaluationTexts[lang];
    const charts = new Map<string, string>();
    for (const r of results.questions) {
      if (!r.shown || r.question.kind === "text") continue;
      const labels = answerLabels(lang, r.question);
      const alt = chartAlt(lang, wordsIn(lang, r.question.text), labels, r.counts, r.mean);
      const bars = labels.map((label, i) => ({ label, count: r.counts[i] ?? 0 }));
      charts.set(r.question.key, await barChartSvg(bars, { alt, countTitle: t.count }));
    }
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <EvaluationResultsPage
        lang={lang}
        gathering={g}
        evaluation={evaluation}
        results={results}
        charts={charts}
      />,
    );
  });

  // Every answer as a row (anonymous: the day and the answers), from the small-number limit on.
  app.get(`${DAY}${RESULTS}.csv`, async (c) => {
    const found = await organisedGathering(c);
    if (found.response) return found.response;
    const g = found.value;
    const lang = langOf(c);
    const { db } = deps(c);
    const evaluation = await evaluationOf(db, g.id);
    if (!evaluation || evaluation.answers < evaluationLimits.minShown) {
      return errorPage(c, "notFound");
    }
    const questions = evaluation.questions;
    const rows = (await responsesOf(db, g.id)).map((r) => [
      r.answeredOn,
      ...questions.map((q) => {
        const v = r.answers[q.key] ?? "";
        if (v === "" || q.kind !== "choice") return q.kind === "scale" && v !== "" ? Number(v) : v;
        return wordsIn(lang, q.options[Number(v)] ?? { nb: v, nn: v, en: v });
      }),
    ]);
    const header = [evaluationTexts[lang].csvDay, ...questions.map((q) => wordsIn(lang, q.text))];
    c.header("Cache-Control", "no-store");
    return c.body(toCsv([header, ...rows]), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="evaluering-${g.id}.csv"`,
    });
  });

  // ── The participant ──

  /** The gathering, if the person registered for it at all (others learn nothing of it). */
  async function ownGathering(c: AppContext): Promise<Gathering | null> {
    const { db } = deps(c);
    const g = await gatheringById(db, Number(c.req.param("id")));
    if (!g) return null;
    const r = await registrationOf(db, g.id, c.get("user")!.personId);
    return r ? g : null;
  }

  app.get(`${ONE}${EVALUATION}`, async (c) => {
    if (!mayTakePart(c)) return errorPage(c, "notAllowed");
    const g = await ownGathering(c);
    if (!g) return errorPage(c, "notFound");
    return showAnswer(c, g, c.req.query("melding") === "takk" ? { notice: "thanks" } : {});
  });

  app.post(`${ONE}${EVALUATION}`, async (c) => {
    if (!mayTakePart(c)) return errorPage(c, "notAllowed");
    const g = await ownGathering(c);
    if (!g) return errorPage(c, "notFound");
    const values: FormValues = await readForm(c);
    const result = await submitAnswers(
      deps(c).db,
      {
        gatheringId: g.id,
        personId: c.get("user")!.personId,
        values,
        confirmations: confirmationsOf(values),
      },
      actor(c),
    );
    if (!result.ok) {
      const refusal = result.errors.evaluation;
      if (refusal) {
        const lang = langOf(c);
        const catalogue: Record<string, unknown> = evaluationErrors[lang];
        const sentence = catalogue[refusal.code];
        return showAnswer(
          c,
          g,
          { refused: typeof sentence === "string" ? sentence : evaluationTexts[lang].closed },
          409,
        );
      }
      return showAnswer(
        c,
        g,
        { form: { values, errors: result.errors, warnings: result.warnings ?? {} } },
        422,
      );
    }
    return c.redirect(`/${langOf(c)}${gatheringPath(g.id, EVALUATION)}?melding=takk`, 303);
  });

  return app;
}
