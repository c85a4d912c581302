import { DataTable } from "../../web/components/data-table";
import {
  Button,
  ButtonRow,
  Checkbox,
  ErrorSummary,
  Field,
  RadioGroup,
} from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { type FormState, formView } from "../../web/form-errors";
import { formatDate, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { assessTexts } from "./admin-texts";
import {
  AnswersList,
  AssessmentsList,
  type AssessmentView,
  adminErrors,
  deadlineDay,
  localText,
} from "./admin-views";
import type { Answers } from "./answers";
import { assessmentCommentMax, PROPOSALS } from "./assess";
import type { FormDefinition } from "./form-definition";
import type { Criterion } from "./schema";

export const assessPath = (id: number) => `/vurdering/soknader/${id}`;

export type AssessorRound = {
  id: number;
  programme: string;
  cohortNumber: number;
  deadline: Date;
  applications: {
    id: number;
    municipality: string;
    own: "none" | "draft" | "done" | "conflict";
  }[];
};

export function AssessorListPage(props: { lang: Lang; rounds: AssessorRound[] }) {
  const a = assessTexts(props.lang);
  return (
    <Layout lang={props.lang} title={a.title} path="/vurdering">
      <h1 class="ds-heading" data-size="xl">
        {a.title}
      </h1>
      <p class="ds-paragraph lead">{a.lead}</p>
      {props.rounds.length === 0 ? <p class="ds-paragraph">{a.none}</p> : null}
      {props.rounds.map((r) => (
        <section aria-labelledby={`round-${r.id}`} class="stack">
          <h2 class="ds-heading" data-size="md" id={`round-${r.id}`}>
            {a.roundHeading(r.programme, r.cohortNumber)}
          </h2>
          <p class="ds-paragraph">{a.deadline(formatDate(props.lang, deadlineDay(r.deadline)))}</p>
          {r.applications.length === 0 ? (
            <p class="ds-paragraph">{a.noApplications}</p>
          ) : (
            <DataTable
              label={a.roundHeading(r.programme, r.cohortNumber)}
              columns={[a.colMunicipality, a.colYours]}
            >
              {r.applications.map((app) => (
                <tr>
                  <td>
                    <a class="ds-link" href={localPath(props.lang, assessPath(app.id))}>
                      {app.municipality}
                    </a>
                  </td>
                  <td>
                    {app.own === "none"
                      ? a.notStarted
                      : app.own === "draft"
                        ? a.draft
                        : app.own === "conflict"
                          ? a.conflict
                          : a.done}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      ))}
    </Layout>
  );
}

export function AssessPage(props: {
  lang: Lang;
  municipality: string;
  applicationId: number;
  definition: FormDefinition;
  answers: Answers;
  criteria: Criterion[];
  form: FormState;
  final: boolean;
  others: AssessmentView[] | null;
  message?: string | undefined;
}) {
  const t = messages(props.lang);
  const a = assessTexts(props.lang);
  const path = assessPath(props.applicationId);
  const title = a.applicationTitle(props.municipality);
  const labels: Record<string, string> = { conflict: a.conflictLabel };
  for (const c of props.criteria) {
    const name = localText(c.label, props.lang);
    labels[`score-${c.id}`] = a.scoreLabel(name, c.maxScore);
    labels[`comment-${c.id}`] = a.commentLabel(name);
  }
  labels.comment = a.comment;
  labels.proposal = a.proposal;
  labels.conflictNote = a.conflictNote;
  labels.application = a.yourAssessment;
  const f = formView(props.lang, props.form, { labels, errors: adminErrors(props.lang) });
  const summary = f.summary.map((s) =>
    s.href === "#application" ? { ...s, href: "#assessment-heading" } : s,
  );
  return (
    <Layout lang={props.lang} title={title} path={path} hasErrors={summary.length > 0}>
      <p class="ds-paragraph">
        <a class="ds-link" href={localPath(props.lang, "/vurdering")}>
          {a.title}
        </a>
      </p>
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <ErrorSummary t={t} items={summary} />
      {props.message ? <Notice color="success">{props.message}</Notice> : null}
      <section aria-labelledby="answers-heading" class="stack">
        <h2 class="ds-heading" data-size="md" id="answers-heading">
          {a.answers}
        </h2>
        <AnswersList
          lang={props.lang}
          definition={props.definition}
          answers={props.answers}
          fileHref={(fileId) => localPath(props.lang, `${path}/vedlegg/${fileId}`)}
        />
      </section>
      <section aria-labelledby="assessment-heading" class="stack" tabindex={-1}>
        <h2 class="ds-heading" data-size="md" id="assessment-heading">
          {a.yourAssessment}
        </h2>
        {f.error("application") ? <Notice color="danger">{f.error("application")}</Notice> : null}
        {props.final ? (
          <p class="ds-paragraph">{a.final}</p>
        ) : (
          <form method="post" action={localPath(props.lang, path)} novalidate class="stack">
            <Checkbox
              t={t}
              {...f.bind("conflict")}
              legend={a.conflictLegend}
              checked={f.value("conflict") === "yes"}
            />
            <Field t={t} {...f.bind("conflictNote")} required={false} maxLength={500} />
            {props.criteria.map((c) => (
              <fieldset class="ds-fieldset stack">
                <legend class="ds-label">{localText(c.label, props.lang)}</legend>
                <Field t={t} {...f.bind(`score-${c.id}`)} maxLength={3} />
                <Field
                  t={t}
                  {...f.bind(`comment-${c.id}`)}
                  required={false}
                  multiline
                  rows={3}
                  maxLength={assessmentCommentMax}
                />
              </fieldset>
            ))}
            <Field
              t={t}
              {...f.bind("comment")}
              required={false}
              multiline
              rows={4}
              maxLength={assessmentCommentMax}
            />
            <RadioGroup
              t={t}
              {...f.bind("proposal")}
              legend={a.proposal}
              options={PROPOSALS.map((p) => ({ value: p, label: a.proposals[p] }))}
            />
            <p class="ds-paragraph">{a.submitHint}</p>
            <ButtonRow>
              <Button variant="secondary" name="intent" value="save">
                {a.save}
              </Button>
              <Button name="intent" value="submit">
                {a.submit}
              </Button>
            </ButtonRow>
          </form>
        )}
      </section>
      <section aria-labelledby="others-heading" class="stack">
        <h2 class="ds-heading" data-size="md" id="others-heading">
          {a.others}
        </h2>
        {props.others === null ? (
          <p class="ds-paragraph">{a.othersLater}</p>
        ) : (
          <AssessmentsList lang={props.lang} criteria={props.criteria} assessments={props.others} />
        )}
      </section>
    </Layout>
  );
}
