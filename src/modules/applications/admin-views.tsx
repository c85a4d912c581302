import type { Child } from "hono/jsx";
import { osloToday } from "../../kernel/clock";
import { fileTypeLabel } from "../../kernel/storage";
import { Breadcrumbs as Trail } from "../../web/components/breadcrumbs";
import { DataTable } from "../../web/components/data-table";
import { Facts } from "../../web/components/facts";
import {
  DateField,
  ErrorSummary,
  Field,
  RadioGroup,
  SubmitRow,
  ValidationMessage,
} from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { type FormState, formView } from "../../web/form-errors";
import { formatDate, formatDateTime, formatFileSize, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { applicationAdminErrors, applicationAdminTexts } from "./admin-texts";
import type { Answers, StoredFile } from "./answers";
import { isAsked } from "./answers";
import { decisionReasonMax } from "./decide";
import { applicationErrors } from "./error-texts";
import type { FormDefinition, Localised } from "./form-definition";
import { answerLines } from "./pdf";
import type { ApplicationState, Criterion } from "./schema";

/** The admin's error sentences: the module's commands' codes, then the admin forms' own. */
export const adminErrors = (lang: Lang) => ({
  ...applicationErrors[lang],
  ...applicationAdminErrors[lang],
});

/** A label in the page's language: English falls back to bokmål where the admin wrote none. */
export const localText = (text: Localised | { nb: string; nn: string; en?: string }, lang: Lang) =>
  (lang === "en" ? text.en || text.nb : text[lang]) ?? text.nb;

export type ProgrammeHead = { slug: string; title: string };
export type CohortHead = { id: number; number: number };

export const roundPath = (cohortId: number) => `/admin/puljer/${cohortId}/soknadsrunde`;
export const applicationAdminPath = (id: number) => `/admin/soknader/${id}`;

export function AdminCrumbs(props: {
  lang: Lang;
  programme: ProgrammeHead;
  items: { href: string; text: string }[];
}) {
  const a = applicationAdminTexts(props.lang);
  const base = `/admin/tilbud/${props.programme.slug}`;
  const items = [
    { href: "/admin/tilbud", text: a.programmes },
    { href: base, text: props.programme.title },
    { href: `${base}/puljer`, text: a.cohorts },
    ...props.items,
  ];
  return <Trail lang={props.lang} items={items} />;
}

export type RoundView = {
  id: number;
  deadline: Date;
  closedAt: Date | null;
  open: boolean;
  formVersion: number;
  criteria: Criterion[];
};

export type ApplicationRow = {
  id: number;
  municipality: string;
  state: ApplicationState;
  submittedAt: Date | null;
  waitlistPosition: number | null;
};

/** The deadline's day in Norway (the round stores the instant the day ends). */
export const deadlineDay = (deadline: Date) => osloToday(new Date(deadline.getTime() - 1));

/** How many criterion rows the open form offers (blank ones are skipped). */
export const CRITERION_ROWS = 5;

export function RoundPage(props: {
  lang: Lang;
  programme: ProgrammeHead;
  cohort: CohortHead;
  byApplication: boolean;
  formVersion: number | null;
  round: RoundView | null;
  openForm: FormState;
  assessors: { id: number; name: string }[];
  assessorForm: FormState;
  applications: ApplicationRow[];
  message?: string | undefined;
}) {
  const t = messages(props.lang);
  const a = applicationAdminTexts(props.lang);
  const errors = adminErrors(props.lang);
  const path = roundPath(props.cohort.id);
  const title = a.roundTitle(props.cohort.number, props.programme.title);
  const labels: Record<string, string> = { deadline: a.deadline, criteria: a.criteriaLegend };
  for (let i = 0; i < CRITERION_ROWS; i++) {
    labels[`c${i}-nb`] = `${a.criterion(i + 1)}: ${a.criterionNb}`;
    labels[`c${i}-nn`] = `${a.criterion(i + 1)}: ${a.criterionNn}`;
    labels[`c${i}-max`] = a.criterion(i + 1);
  }
  labels.form = a.openLegend;
  labels.cohort = a.openLegend;
  const open = formView(props.lang, props.openForm, { labels, errors });
  const assessor = formView(props.lang, props.assessorForm, {
    labels: { email: a.assessorEmail, person: a.assessorEmail },
    errors,
    idPrefix: "assessor",
  });
  const summary = [...open.summary, ...assessor.summary].map((s) =>
    s.href === "#form" || s.href === "#cohort"
      ? { ...s, href: "#deadline" }
      : s.href === "#criteria"
        ? { ...s, href: "#c0-nb" }
        : s.href === "#assessor-person"
          ? { ...s, href: "#assessor-email" }
          : s,
  );
  const day = (d: Date) => formatDate(props.lang, deadlineDay(d));
  const round = props.round;
  const counts = new Map<ApplicationState, number>();
  for (const app of props.applications) counts.set(app.state, (counts.get(app.state) ?? 0) + 1);
  const waitlist = props.applications
    .filter((x) => x.state === "waitlisted")
    .sort((x, y) => (x.waitlistPosition ?? 0) - (y.waitlistPosition ?? 0));
  return (
    <Layout lang={props.lang} title={title} path={path} hasErrors={summary.length > 0}>
      <AdminCrumbs
        lang={props.lang}
        programme={props.programme}
        items={[{ href: path, text: a.round }]}
      />
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <ErrorSummary t={t} items={summary} />
      {props.message ? <Notice color="success">{props.message}</Notice> : null}
      <p class="ds-paragraph">
        <a
          class="ds-link"
          href={localPath(props.lang, `/admin/tilbud/${props.programme.slug}/soknadsskjema`)}
        >
          {a.buildForm}
        </a>
      </p>
      {!props.byApplication ? <Notice color="info">{a.notApplicationCohort}</Notice> : null}
      {props.byApplication && !round ? (
        <section aria-labelledby="open-heading" class="stack">
          <h2 class="ds-heading" data-size="md" id="open-heading">
            {a.openLegend}
          </h2>
          <p class="ds-paragraph">{a.noRound}</p>
          {props.formVersion === null ? (
            <p class="ds-paragraph">{a.noFormYet}</p>
          ) : (
            <p class="ds-paragraph">{a.formVersion(props.formVersion)}</p>
          )}
          <form method="post" action={localPath(props.lang, path)} novalidate class="stack">
            <DateField t={t} class="date-input" {...open.bind("deadline")} hint={a.deadlineHint} />
            <fieldset
              class="ds-fieldset stack"
              aria-describedby={
                open.error("criteria") ? "criteria-error criteria-hint" : "criteria-hint"
              }
            >
              <legend class="ds-label">{a.criteriaLegend}</legend>
              <p data-field="description" id="criteria-hint">
                {a.criteriaHint}
              </p>
              <ValidationMessage t={t} id="criteria-error" text={open.error("criteria")} />
              {Array.from({ length: CRITERION_ROWS }, (_, i) => (
                <fieldset class="ds-fieldset stack">
                  <legend class="ds-label">{a.criterion(i + 1)}</legend>
                  <Field t={t} {...open.bind(`c${i}-nb`)} label={a.criterionNb} maxLength={200} />
                  <Field t={t} {...open.bind(`c${i}-nn`)} label={a.criterionNn} maxLength={200} />
                  <Field t={t} {...open.bind(`c${i}-max`)} label={a.criterionMax} maxLength={3} />
                </fieldset>
              ))}
            </fieldset>
            <SubmitRow>{a.open}</SubmitRow>
          </form>
        </section>
      ) : null}
      {round ? (
        <>
          <Facts
            heading={a.round}
            facts={[
              {
                term: a.status,
                value: round.closedAt
                  ? a.stateClosed
                  : round.open
                    ? a.stateOpen(day(round.deadline))
                    : a.statePassed(day(round.deadline)),
                testId: "round-state",
              },
              { term: a.formVersion(round.formVersion), value: "" },
              {
                term: a.criteria,
                value: (
                  <ul>
                    {round.criteria.map((c) => (
                      <li>
                        {localText(c.label, props.lang)} ({a.maxScore(c.maxScore)})
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
          {round.closedAt === null ? (
            <form method="post" action={localPath(props.lang, `${path}/stenging`)} class="stack">
              <p class="ds-paragraph">{a.closeHint}</p>
              <SubmitRow variant="secondary">{a.close}</SubmitRow>
            </form>
          ) : null}
          <section aria-labelledby="assessors-heading" class="stack">
            <h2 class="ds-heading" data-size="md" id="assessors-heading">
              {a.assessors}
            </h2>
            {props.assessors.length === 0 ? (
              <p class="ds-paragraph">{a.noAssessors}</p>
            ) : (
              <ul>
                {props.assessors.map((p) => (
                  <li>{p.name}</li>
                ))}
              </ul>
            )}
            <form
              method="post"
              action={localPath(props.lang, `${path}/vurderere`)}
              novalidate
              class="stack"
            >
              <Field
                t={t}
                {...assessor.bind("email")}
                error={assessor.error("email") ?? assessor.error("person")}
                type="email"
                autocomplete="off"
                hint={a.assessorEmailHint}
              />
              <SubmitRow variant="secondary">{a.nameAssessor}</SubmitRow>
            </form>
          </section>
          <section aria-labelledby="applications-heading" class="stack">
            <h2 class="ds-heading" data-size="md" id="applications-heading">
              {a.applications}
            </h2>
            {props.applications.length === 0 ? (
              <p class="ds-paragraph">{a.noApplications}</p>
            ) : (
              <>
                <p class="ds-paragraph" data-testid="counts">
                  {a.counts}:{" "}
                  {[...counts.entries()].map(([s, n]) => `${a.states[s]}: ${n}`).join(", ")}
                </p>
                <DataTable
                  label={a.applications}
                  columns={[a.colMunicipality, a.colState, a.colSubmitted, a.colExport]}
                >
                  {props.applications.map((app) => (
                    <tr>
                      <td>
                        <a
                          class="ds-link"
                          href={localPath(props.lang, applicationAdminPath(app.id))}
                        >
                          {app.municipality}
                        </a>
                      </td>
                      <td>
                        {a.states[app.state]}
                        {app.waitlistPosition ? ` (${a.position(app.waitlistPosition)})` : ""}
                      </td>
                      <td>{app.submittedAt ? formatDateTime(props.lang, app.submittedAt) : ""}</td>
                      <td>
                        <a
                          class="ds-link"
                          href={localPath(
                            props.lang,
                            `${applicationAdminPath(app.id)}/soknad.json`,
                          )}
                        >
                          {a.json}
                          <span class="ds-sr-only"> {a.of(app.municipality)}</span>
                        </a>
                        {app.submittedAt ? (
                          <>
                            {" "}
                            <a
                              class="ds-link"
                              href={localPath(
                                props.lang,
                                `${applicationAdminPath(app.id)}/soknad.pdf`,
                              )}
                            >
                              {a.pdf}
                              <span class="ds-sr-only"> {a.of(app.municipality)}</span>
                            </a>
                          </>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </DataTable>
                <p class="ds-paragraph">
                  <a class="ds-link" href={localPath(props.lang, `${path}/soknader.json`)}>
                    {a.exportRound}
                  </a>
                </p>
              </>
            )}
            <h3 class="ds-heading" data-size="sm">
              {a.waitlist}
            </h3>
            {waitlist.length === 0 ? (
              <p class="ds-paragraph">{a.waitlistEmpty}</p>
            ) : (
              <ol>
                {waitlist.map((w) => (
                  <li>{w.municipality}</li>
                ))}
              </ol>
            )}
          </section>
        </>
      ) : null}
    </Layout>
  );
}

/** The answers of an application, read-only, section by section, as the form asked them. */
export function AnswersList(props: {
  lang: Lang;
  definition: FormDefinition;
  answers: Answers;
  headingLevel?: 2 | 3;
  /** The address of one of the application's files, for the reader's permission. */
  fileHref?: (fileId: string) => string;
}) {
  const standard = props.lang === "nn" ? "nn" : "nb";
  const H = (p: { id: string; children: Child }) =>
    props.headingLevel === 2 ? (
      <h2 class="ds-heading" data-size="sm" id={p.id}>
        {p.children}
      </h2>
    ) : (
      <h3 class="ds-heading" data-size="sm" id={p.id}>
        {p.children}
      </h3>
    );
  return (
    <div class="stack">
      {props.definition.sections.map((s) => (
        <section aria-labelledby={`answers-${s.id}`} class="stack">
          <H id={`answers-${s.id}`}>{localText(s.title, props.lang)}</H>
          <dl class="answers">
            {s.questions
              .filter((q) => isAsked(q, props.answers))
              .map((q) => (
                <div>
                  <dt>{localText(q.label, props.lang)}</dt>
                  <dd>
                    {fileOf(props.answers[q.id]) && props.fileHref ? (
                      <FileLine
                        lang={props.lang}
                        file={fileOf(props.answers[q.id])!}
                        href={props.fileHref}
                      />
                    ) : (
                      answerLines(q, props.answers[q.id], standard).map((line) => (
                        <>
                          {line}
                          <br />
                        </>
                      ))
                    )}
                  </dd>
                </div>
              ))}
          </dl>
        </section>
      ))}
    </div>
  );
}

const fileOf = (a: Answers[string] | undefined) => (a?.kind === "file" ? a.file : null);

/** An uploaded file as a reader of the application sees it: a link, its type and size, its checksum. */
function FileLine(props: { lang: Lang; file: StoredFile; href: (fileId: string) => string }) {
  const { file } = props;
  return (
    <>
      <a class="ds-link" href={props.href(file.fileId)}>
        {file.name}
      </a>{" "}
      ({fileTypeLabel(file.type)}, {formatFileSize(props.lang, file.bytes)})
      <br />
      <small class="checksum">SHA-256: {file.sha256}</small>
    </>
  );
}

export type AssessmentView = {
  name: string;
  conflict: boolean;
  scores: Record<string, { score: number; comment: string }>;
  proposal: string | null;
  comment: string;
};

export function AssessmentsList(props: {
  lang: Lang;
  criteria: Criterion[];
  assessments: AssessmentView[];
}) {
  const a = applicationAdminTexts(props.lang);
  if (props.assessments.length === 0) return <p class="ds-paragraph">{a.noAssessments}</p>;
  return (
    <div class="stack">
      {props.assessments.map((x) => (
        <article class="stack">
          <h3 class="ds-heading" data-size="xs">
            {x.name}
          </h3>
          {x.conflict ? (
            <p class="ds-paragraph">{a.conflictDeclared}</p>
          ) : (
            <>
              <DataTable label={`${a.score}: ${x.name}`} columns={[a.criteria, a.score, a.comment]}>
                {props.criteria.map((c) => (
                  <tr>
                    <td>{localText(c.label, props.lang)}</td>
                    <td>
                      {x.scores[c.id]?.score ?? ""} / {c.maxScore}
                    </td>
                    <td>{x.scores[c.id]?.comment ?? ""}</td>
                  </tr>
                ))}
                <tr>
                  <td>{a.total}</td>
                  <td>
                    {Object.values(x.scores).reduce((sum, s) => sum + s.score, 0)} /{" "}
                    {props.criteria.reduce((sum, c) => sum + c.maxScore, 0)}
                  </td>
                  <td />
                </tr>
              </DataTable>
              {x.proposal ? (
                <p class="ds-paragraph">
                  {a.proposal}: {a.proposals[x.proposal as keyof typeof a.proposals]}
                </p>
              ) : null}
            </>
          )}
          {x.comment ? <p class="ds-paragraph pre">{x.comment}</p> : null}
        </article>
      ))}
    </div>
  );
}

export function ApplicationAdminPage(props: {
  lang: Lang;
  programme: ProgrammeHead;
  cohort: CohortHead;
  application: {
    id: number;
    state: ApplicationState;
    municipality: string;
    submittedAt: Date | null;
    contentHash: string | null;
    reopenedUntil: Date | null;
    waitlistPosition: number | null;
    formVersion: number;
  };
  criteria: Criterion[];
  definition: FormDefinition;
  answers: Answers;
  assessments: AssessmentView[];
  decisionForm: FormState;
  reopenForm: FormState;
  message?: string | undefined;
}) {
  const t = messages(props.lang);
  const a = applicationAdminTexts(props.lang);
  const errors = adminErrors(props.lang);
  const app = props.application;
  const path = applicationAdminPath(app.id);
  const title = a.applicationTitle(app.municipality);
  const decision = formView(props.lang, props.decisionForm, {
    labels: { decision: a.decision, reason: a.reason, application: a.decision },
    errors,
  });
  const reopen = formView(props.lang, props.reopenForm, {
    labels: { date: a.reopenDate, time: a.reopenTime, until: a.reopenDate },
    errors,
    idPrefix: "reopen",
  });
  const summary = [...decision.summary, ...reopen.summary].map((s) =>
    s.href === "#application"
      ? { ...s, href: "#decision" }
      : s.href === "#reopen-until"
        ? { ...s, href: "#reopen-date" }
        : s,
  );
  const decidable = app.state === "submitted" || app.state === "waitlisted";
  return (
    <Layout lang={props.lang} title={title} path={path} hasErrors={summary.length > 0}>
      <AdminCrumbs
        lang={props.lang}
        programme={props.programme}
        items={[
          { href: roundPath(props.cohort.id), text: a.round },
          { href: path, text: app.municipality },
        ]}
      />
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <ErrorSummary t={t} items={summary} />
      {props.message ? <Notice color="success">{props.message}</Notice> : null}
      <Facts
        heading={a.round}
        facts={[
          {
            term: a.status,
            value: `${a.states[app.state]}${app.waitlistPosition ? ` (${a.position(app.waitlistPosition)})` : ""}`,
            testId: "application-state",
          },
          app.submittedAt
            ? { term: a.colSubmitted, value: formatDateTime(props.lang, app.submittedAt) }
            : null,
          app.contentHash ? { term: a.hash, value: <code>{app.contentHash}</code> } : null,
          { term: a.formVersion(app.formVersion), value: "" },
          app.reopenedUntil
            ? {
                term: a.reopenLegend,
                value: a.reopenedUntil(formatDateTime(props.lang, app.reopenedUntil)),
              }
            : null,
        ]}
      />
      <p class="ds-paragraph">
        <a class="ds-link" href={localPath(props.lang, `${path}/soknad.json`)}>
          {a.downloadJson}
        </a>
        {app.submittedAt ? (
          <>
            {" · "}
            <a class="ds-link" href={localPath(props.lang, `${path}/soknad.pdf`)}>
              {a.downloadPdf}
            </a>
          </>
        ) : null}
      </p>
      <section aria-labelledby="answers-heading" class="stack">
        <h2 class="ds-heading" data-size="md" id="answers-heading">
          {a.answers}
        </h2>
        {app.submittedAt ? null : <p class="ds-paragraph">{a.notSubmittedYet}</p>}
        <AnswersList
          lang={props.lang}
          definition={props.definition}
          answers={props.answers}
          fileHref={(fileId) => localPath(props.lang, `${path}/vedlegg/${fileId}`)}
        />
      </section>
      <section aria-labelledby="assessments-heading" class="stack">
        <h2 class="ds-heading" data-size="md" id="assessments-heading">
          {a.assessments}
        </h2>
        <AssessmentsList
          lang={props.lang}
          criteria={props.criteria}
          assessments={props.assessments}
        />
      </section>
      {decidable ? (
        <section aria-labelledby="decision-heading" class="stack">
          <h2 class="ds-heading" data-size="md" id="decision-heading">
            {a.decisionLegend}
          </h2>
          <form
            method="post"
            action={localPath(props.lang, `${path}/vedtak`)}
            novalidate
            class="stack"
          >
            <RadioGroup
              t={t}
              {...decision.bind("decision")}
              error={decision.error("decision") ?? decision.error("application")}
              legend={a.decision}
              options={(["granted", "waitlisted", "declined"] as const).map((d) => ({
                value: d,
                label: a.decisions[d],
              }))}
            />
            <Field
              t={t}
              {...decision.bind("reason")}
              hint={a.reasonHint}
              multiline
              rows={5}
              maxLength={decisionReasonMax}
            />
            <SubmitRow>{a.decide}</SubmitRow>
          </form>
        </section>
      ) : null}
      {app.state === "draft" ? (
        <section aria-labelledby="reopen-heading" class="stack">
          <h2 class="ds-heading" data-size="md" id="reopen-heading">
            {a.reopenLegend}
          </h2>
          <p class="ds-paragraph">{a.reopenHint}</p>
          <form
            method="post"
            action={localPath(props.lang, `${path}/gjenapning`)}
            novalidate
            class="stack"
          >
            <DateField
              t={t}
              class="date-input"
              {...reopen.bind("date")}
              error={reopen.error("date") ?? reopen.error("until")}
            />
            <Field t={t} {...reopen.bind("time")} maxLength={5} />
            <SubmitRow variant="secondary">{a.reopen}</SubmitRow>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}
