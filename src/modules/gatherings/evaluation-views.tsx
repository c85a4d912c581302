import { raw } from "hono/html";
import { DataTable } from "../../web/components/data-table";
import {
  Button,
  ButtonRow,
  Checkbox,
  ErrorSummary,
  Field,
  RadioGroup,
  Select,
} from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { type FormState, formView } from "../../web/form-errors";
import { formatDateTime, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { DayTabs, doorPath } from "./door-views";
import { gatheringErrors } from "./error-texts";
import {
  answerField,
  type Evaluation,
  evaluationLimits,
  QUESTION_KINDS,
  type Results,
  slotField,
  wordsIn,
} from "./evaluation";
import type { EvaluationQuestion } from "./evaluation-schema";
import { evaluationErrors, evaluationTexts } from "./evaluation-texts";
import type { Gathering } from "./gatherings";
import { gatheringPath } from "./participant-views";

export const EVALUATION = "/evaluering";
export const RESULTS = "/evaluering/resultater";

const errorsOf = (lang: Lang) => ({ ...gatheringErrors[lang], ...evaluationErrors[lang] });

const titleOf = (lang: Lang, g: Pick<Gathering, "titleNb" | "titleNn">) =>
  lang === "nn" ? g.titleNn : g.titleNb;

/** The labels of the editor's fields, slot by slot, in the order the page shows them. */
function slotLabels(lang: Lang, slots: number): Record<string, string> {
  const t = evaluationTexts[lang];
  const labels: Record<string, string> = {};
  for (let i = 1; i <= slots; i++) {
    const q = t.question(i);
    labels[slotField(i, "kind")] = `${q}: ${t.kind}`;
    labels[slotField(i, "nb")] = `${q}: ${t.textNb}`;
    labels[slotField(i, "nn")] = `${q}: ${t.textNn}`;
    labels[slotField(i, "en")] = `${q}: ${t.textEn}`;
    labels[slotField(i, "required")] = `${q}: ${t.required}`;
    labels[slotField(i, "options-nb")] = `${q}: ${t.optionsNb}`;
    labels[slotField(i, "options-nn")] = `${q}: ${t.optionsNn}`;
    labels[slotField(i, "options-en")] = `${q}: ${t.optionsEn}`;
    labels[slotField(i, "max")] = `${q}: ${t.maxLength}`;
  }
  return labels;
}

/** The organiser's page of a gathering's evaluation: its questions, editable until answered. */
export function EvaluationEditPage(props: {
  lang: Lang;
  gathering: Gathering;
  evaluation: Evaluation | null;
  slots: number;
  notice?: "saved" | undefined;
  form: FormState;
  /** The form shows the suggested questions (nothing saved yet). */
  defaults: boolean;
}) {
  const { lang, gathering: g, evaluation } = props;
  const t = evaluationTexts[lang];
  const m = messages(lang);
  const labels = slotLabels(lang, props.slots);
  const f = formView(lang, props.form, {
    labels: { ...labels, evaluation: t.tab },
    errors: errorsOf(lang),
  });
  const locked = evaluation !== null && evaluation.answers > 0;
  const lockError = f.error("evaluation");
  const title = t.editTitle(titleOf(lang, g));
  const filled = (evaluation?.questions.length ?? 0) + (props.defaults ? 4 : 0);
  return (
    <Layout lang={lang} title={title} path={doorPath(g.id, EVALUATION)} hasErrors={f.hasErrors}>
      <DayTabs lang={lang} id={g.id} current="evaluation" />
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <p class="ds-paragraph lead">{t.editLead}</p>
      {props.notice === "saved" ? <Notice color="success">{t.saved}</Notice> : null}
      <ErrorSummary t={m} items={f.summary.filter((i) => i.href !== "#evaluation")} />
      {lockError ? (
        <Notice color="danger" id="evaluation" focus>
          {lockError}
        </Notice>
      ) : null}
      {evaluation ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={localPath(lang, doorPath(g.id, RESULTS))}>
            {t.seeResults}
          </a>
        </p>
      ) : null}
      {locked ? (
        <>
          <Notice color="info">{t.locked(evaluation.answers)}</Notice>
          <QuestionList lang={lang} questions={evaluation.questions} />
        </>
      ) : (
        <form method="post" action={localPath(lang, doorPath(g.id, EVALUATION))} class="stack">
          {props.defaults ? <p class="ds-paragraph">{t.defaultsOffered}</p> : null}
          <p class="ds-paragraph">{t.removeHint}</p>
          <input type="hidden" name="slots" value={String(props.slots)} />
          {Array.from({ length: props.slots }, (_, n) => n + 1).map((i) => (
            <fieldset class="ds-fieldset stack question-slot">
              <legend class="ds-heading" data-size="xs">
                {i <= Math.max(filled, 1) ? t.question(i) : t.newQuestion(i)}
              </legend>
              <Select
                t={m}
                {...f.bind(slotField(i, "kind"))}
                label={t.kind}
                value={f.value(slotField(i, "kind")) || "scale"}
                options={QUESTION_KINDS.map((k) => ({ value: k, label: t.kinds[k] }))}
              />
              <Field
                t={m}
                {...f.bind(slotField(i, "nb"))}
                label={t.textNb}
                maxLength={evaluationLimits.questionText}
              />
              <Field
                t={m}
                {...f.bind(slotField(i, "nn"))}
                label={t.textNn}
                maxLength={evaluationLimits.questionText}
              />
              <Field
                t={m}
                {...f.bind(slotField(i, "en"))}
                label={t.textEn}
                maxLength={evaluationLimits.questionText}
              />
              <Checkbox
                t={m}
                {...f.bind(slotField(i, "required"))}
                legend={t.requiredLegend}
                label={t.required}
                checked={f.value(slotField(i, "required")) === "yes"}
              />
              <Field
                t={m}
                {...f.bind(slotField(i, "options-nb"))}
                label={t.optionsNb}
                hint={t.optionsHint}
                multiline
                rows={3}
              />
              <Field
                t={m}
                {...f.bind(slotField(i, "options-nn"))}
                label={t.optionsNn}
                multiline
                rows={3}
              />
              <Field
                t={m}
                {...f.bind(slotField(i, "options-en"))}
                label={t.optionsEn}
                multiline
                rows={3}
              />
              <Field
                t={m}
                {...f.bind(slotField(i, "max"))}
                label={t.maxLength}
                hint={t.maxLengthHint}
                maxLength={5}
                autocomplete="off"
              />
            </fieldset>
          ))}
          <ButtonRow>
            <Button>{t.save}</Button>
          </ButtonRow>
        </form>
      )}
    </Layout>
  );
}

/** The questions as a list, read only. */
function QuestionList(props: { lang: Lang; questions: EvaluationQuestion[] }) {
  const t = evaluationTexts[props.lang];
  return (
    <>
      <h2 class="ds-heading" data-size="md">
        {t.questionsList}
      </h2>
      <ol class="ds-list">
        {props.questions.map((q) => (
          <li>
            {wordsIn(props.lang, q.text)} ({t.kinds[q.kind]})
            {q.required ? ` ${t.requiredMark}` : ""}
            {q.kind === "choice" ? (
              <ul>
                {q.options.map((o) => (
                  <li>{wordsIn(props.lang, o)}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}

/** The labels of a scale's or a choice's bars. */
export function answerLabels(lang: Lang, q: EvaluationQuestion): string[] {
  return q.kind === "scale" ? [1, 2, 3, 4, 5].map(String) : q.options.map((o) => wordsIn(lang, o));
}

/** The results for the organiser: counts, charts with their tables, open answers. */
export function EvaluationResultsPage(props: {
  lang: Lang;
  gathering: Gathering;
  evaluation: Evaluation;
  results: Results;
  /** Per question key: the chart's SVG and its text alternative. */
  charts: Map<string, string>;
}) {
  const { lang, gathering: g, results } = props;
  const t = evaluationTexts[lang];
  const title = t.resultsTitle(titleOf(lang, g));
  const min = evaluationLimits.minShown;
  return (
    <Layout lang={lang} title={title} path={doorPath(g.id, RESULTS)}>
      <DayTabs lang={lang} id={g.id} current="evaluation" />
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <p class="ds-paragraph lead" data-testid="answered-of">
        {t.answeredOf(results.answers, results.participants)}
      </p>
      <p class="ds-paragraph">
        {props.evaluation.invitedAt
          ? t.invitedOn(formatDateTime(lang, props.evaluation.invitedAt))
          : t.notInvited}
      </p>
      <p class="ds-paragraph">
        <a class="ds-link" href={localPath(lang, doorPath(g.id, EVALUATION))}>
          {t.editQuestions}
        </a>
        {results.answers >= min ? (
          <>
            {" · "}
            <a class="ds-link" href={localPath(lang, doorPath(g.id, `${RESULTS}.csv`))} download>
              {t.csv}
            </a>
          </>
        ) : null}
      </p>
      {results.answers < min ? <Notice color="info">{t.tooFew(min)}</Notice> : null}
      {results.questions.map((r, n) => {
        const heading = `${n + 1}. ${wordsIn(lang, r.question.text)}`;
        return (
          <section class="stack evaluation-result" aria-labelledby={`q-${r.question.key}`}>
            <h2 class="ds-heading" data-size="sm" id={`q-${r.question.key}`}>
              {heading}
            </h2>
            <p class="ds-paragraph">{t.answeredQuestion(r.answered)}</p>
            {!r.shown ? (
              <p class="ds-paragraph">{t.questionTooFew(r.answered, min)}</p>
            ) : r.question.kind === "text" ? (
              <ul class="ds-list open-answers">
                {r.texts.map((text) => (
                  <li class="open-answer">{text}</li>
                ))}
              </ul>
            ) : (
              <div class="chart-and-table">
                <figure class="chart">
                  {raw(props.charts.get(r.question.key) ?? "")}
                  {r.mean !== null ? <figcaption>{t.mean(r.mean)}</figcaption> : null}
                </figure>
                <DataTable label={heading} columns={[t.answer, t.count]}>
                  {answerLabels(lang, r.question).map((label, i) => (
                    <tr>
                      <td>{label}</td>
                      <td>{r.counts[i] ?? 0}</td>
                    </tr>
                  ))}
                </DataTable>
              </div>
            )}
          </section>
        );
      })}
    </Layout>
  );
}

export type AnswerState =
  | "open"
  | "answered"
  | "notYet"
  | "closed"
  | "notParticipant"
  | "noEvaluation";

/** The participant's page: the questions to answer, or where they stand. */
export function EvaluationAnswerPage(props: {
  lang: Lang;
  gathering: Gathering;
  questions: EvaluationQuestion[];
  state: AnswerState;
  closesAt: Date;
  notice?: "thanks" | undefined;
  form?: FormState | undefined;
  /** A second answer refused (409): said at the top. */
  refused?: string | undefined;
}) {
  const { lang, gathering: g } = props;
  const t = evaluationTexts[lang];
  const m = messages(lang);
  const labels: Record<string, string> = {};
  for (const q of props.questions) labels[answerField(q)] = wordsIn(lang, q.text);
  const f = formView(lang, props.form, { labels, errors: errorsOf(lang) });
  const title = t.answerTitle(titleOf(lang, g));
  const stateText =
    props.state === "open"
      ? null
      : props.state === "answered"
        ? t.answered
        : props.state === "notYet"
          ? t.notYet
          : props.state === "closed"
            ? t.closed
            : props.state === "notParticipant"
              ? t.notParticipant
              : t.noEvaluation;
  return (
    <Layout
      lang={lang}
      title={title}
      path={gatheringPath(g.id, EVALUATION)}
      hasErrors={f.hasErrors || props.refused !== undefined}
    >
      <p class="ds-paragraph">
        <a class="ds-link" href={localPath(lang, gatheringPath(g.id))}>
          {t.backToGathering}
        </a>
      </p>
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      {props.refused ? (
        <Notice color="danger" id="evaluation" focus>
          {props.refused}
        </Notice>
      ) : null}
      {props.notice === "thanks" ? <Notice color="success">{t.thanks}</Notice> : null}
      {stateText && !props.refused && props.notice !== "thanks" ? (
        <Notice color="info">{stateText}</Notice>
      ) : null}
      {props.state === "open" ? (
        <>
          <p class="ds-paragraph lead">{t.answerLead(formatDateTime(lang, props.closesAt))}</p>
          <ErrorSummary t={m} items={f.summary} warnings={f.warnings} />
          <form
            method="post"
            action={localPath(lang, gatheringPath(g.id, EVALUATION))}
            class="stack"
          >
            {props.questions.map((q) => {
              const b = f.bind(answerField(q));
              const label = q.required ? b.label : `${b.label} ${m.form.optional}`;
              if (q.kind === "text") {
                return (
                  <Field
                    t={m}
                    {...b}
                    multiline
                    rows={5}
                    maxLength={q.maxLength}
                    required={q.required ? undefined : false}
                  />
                );
              }
              const options =
                q.kind === "scale"
                  ? [1, 2, 3, 4, 5].map((v) => ({ value: String(v), label: t.scaleEnds(v) }))
                  : q.options.map((o, i) => ({ value: String(i), label: wordsIn(lang, o) }));
              return (
                <RadioGroup
                  t={m}
                  name={b.name}
                  id={b.id}
                  legend={label}
                  error={b.error}
                  value={b.value}
                  options={options}
                />
              );
            })}
            <ButtonRow>
              <Button>{t.send}</Button>
            </ButtonRow>
          </form>
        </>
      ) : null}
    </Layout>
  );
}
