import { Breadcrumbs } from "../../web/components/breadcrumbs";
import { DataTable } from "../../web/components/data-table";
import {
  Button,
  ButtonRow,
  Checkbox,
  ErrorSummary,
  Field,
  type FormState,
  Select,
} from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { formView } from "../../web/form-errors";
import { formatDateTime, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import type { GatheringChoice } from "../gatherings";
import type { MeetingChoice } from "../networks";
import type { Unit } from "../organisations";
import type { PlanAccess } from "./access";
import { developmentErrors } from "./error-texts";
import type { Frame } from "./frame";
import {
  assessmentTextMax,
  commentMax,
  goalsMax,
  type Measure,
  measureDueMax,
  measureResponsibleMax,
  measureWhatMax,
  type Plan,
  type Reflection,
  reflectionMax,
} from "./plan";
import { MEASURE_STATUSES } from "./schema";
import { developmentTexts } from "./texts";

export const PLANS_PATH = "/utviklingsarbeid";
export const planPath = (cohortId: number, orgNumber: string) =>
  `${PLANS_PATH}/${cohortId}/${orgNumber}`;

export type PlanListRow = {
  cohortId: number;
  orgNumber: string;
  unitName: string;
  cohortName: { title: string; number: number } | null;
  phase: string | null;
  version: number;
};

export function PlanListPage(props: {
  lang: Lang;
  rows: PlanListRow[];
  followUp: boolean;
  progress: boolean;
}) {
  const { lang } = props;
  const t = developmentTexts(lang).plans;
  return (
    <Layout lang={lang} title={t.title} path={PLANS_PATH}>
      <h1 class="ds-heading" data-size="xl">
        {t.title}
      </h1>
      <p class="ds-paragraph lead">{t.lead}</p>
      {props.followUp || props.progress ? (
        <ul>
          {props.followUp ? (
            <li>
              <a class="ds-link" href={localPath(lang, "/oppfolging")}>
                {t.followUp}
              </a>
            </li>
          ) : null}
          {props.progress ? (
            <li>
              <a class="ds-link" href={localPath(lang, `${PLANS_PATH}/framdrift`)}>
                {t.progress}
              </a>
            </li>
          ) : null}
        </ul>
      ) : null}
      {props.rows.length === 0 ? (
        <p class="ds-paragraph">{t.none}</p>
      ) : (
        <DataTable label={t.title} columns={[t.unit, t.cohort, t.phase, t.version]}>
          {props.rows.map((r) => (
            <tr>
              <td>
                <a class="ds-link" href={localPath(lang, planPath(r.cohortId, r.orgNumber))}>
                  {r.unitName}
                </a>
              </td>
              <td>{r.cohortName ? t.cohortName(r.cohortName.title, r.cohortName.number) : ""}</td>
              <td>{r.phase ?? t.notStarted}</td>
              <td>{r.version}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </Layout>
  );
}

export type PlanForms = {
  plan?: FormState;
  /** The plan's save came from an older version: show the saved one beside what was typed. */
  stale?: boolean;
  measure?: FormState;
  comment?: FormState;
  reflection?: FormState;
};

type Details = {
  measures: Measure[];
  reflections: Reflection[];
  comments: { id: number; authorName: string; text: string; at: Date }[];
  versions: { version: number; savedAt: Date; savedBy: number | null; phase: string | null }[];
};

const local = (lang: Lang, x: { nb: string; nn: string }) => (lang === "nn" ? x.nn : x.nb);

/** The plan's text as saved, read-only (for readers, and beside a stale save). */
function SavedPlan(props: { lang: Lang; plan: Plan; frame: Frame | null }) {
  const { lang, plan, frame } = props;
  const t = developmentTexts(lang).plan;
  const phase = frame?.phases.find((p) => p.key === plan.phase);
  return (
    <dl class="facts">
      <div>
        <dt>{t.phase}</dt>
        <dd>{phase ? local(lang, phase) : t.phaseNone}</dd>
      </div>
      {(frame?.themes ?? []).map((theme) => {
        const a = plan.selfAssessment[theme.key];
        return (
          <div>
            <dt>{local(lang, theme)}</dt>
            <dd class="pre">
              {a?.score ? `${a.score}/5` : t.scoreNone}
              {a?.text ? ` – ${a.text}` : ""}
            </dd>
          </div>
        );
      })}
      <div>
        <dt>{t.goals}</dt>
        <dd class="pre">{plan.goals}</dd>
      </div>
    </dl>
  );
}

export function PlanPage(props: {
  lang: Lang;
  now: Date;
  unit: Unit;
  cohort: { id: number; number: number; programmeId: number; title: string };
  access: PlanAccess;
  plan: Plan | null;
  frame: Frame | null;
  gatherings: GatheringChoice[];
  /** Meetings of the cohort's networks the unit is in (decision 0044). */
  meetings: MeetingChoice[];
  /** The titles of the meetings the plan's reflections are about. */
  meetingTitles: Map<number, { title: string; networkName: string }>;
  details: Details;
  savedByName: (id: number | null) => string;
  forms: PlanForms;
  notice?: "plan" | "tiltak" | "status" | "kommentar" | "refleksjon";
}) {
  const { lang, plan, frame, access, details } = props;
  const t = developmentTexts(lang).plan;
  const pt = developmentTexts(lang).plans;
  const m = messages(lang);
  const path = planPath(props.cohort.id, props.unit.orgNumber);
  const errors = developmentErrors[lang];

  const planLabels: Record<string, string> = { form: t.savePlan, phase: t.phase };
  for (const theme of frame?.themes ?? []) {
    planLabels[`score-${theme.key}`] = t.score(local(lang, theme));
    planLabels[`assessment-${theme.key}-text`] = t.assessmentText(local(lang, theme));
  }
  planLabels.goals = t.goals;
  const planValues: Record<string, string> = { version: String(plan?.version ?? 0) };
  if (plan) {
    planValues.phase = plan.phase ?? "";
    planValues.goals = plan.goals;
    for (const [key, a] of Object.entries(plan.selfAssessment)) {
      planValues[`score-${key}`] = a.score ? String(a.score) : "";
      planValues[`assessment-${key}-text`] = a.text;
    }
  }
  const fp = formView(lang, props.forms.plan ?? { values: planValues, errors: {} }, {
    labels: planLabels,
    errors,
    idPrefix: "plan",
  });
  const fm = formView(lang, props.forms.measure, {
    labels: { what: t.what, responsible: t.responsible, due: t.due, status: t.status },
    errors,
    idPrefix: "measure",
  });
  const fc = formView(lang, props.forms.comment, {
    labels: { comment: t.comment },
    errors,
    idPrefix: "comment",
  });
  const fr = formView(lang, props.forms.reflection, {
    labels: { gathering: t.gathering, tried: t.tried, saw: t.saw, next: t.next, shared: t.shared },
    errors,
    idPrefix: "reflection",
  });
  const summary = [...fp.summary, ...fm.summary, ...fc.summary, ...fr.summary];
  const warnings = [...fp.warnings, ...fm.warnings, ...fc.warnings, ...fr.warnings];
  const hasErrors = summary.length > 0;
  const aboutTitle = (r: Reflection) => {
    if (r.aboutKind === "network-meeting") {
      const mt = props.meetingTitles.get(r.aboutId);
      return mt ? t.meetingOption(mt.networkName, mt.title) : "";
    }
    const g = props.gatherings.find((x) => x.id === r.aboutId);
    return g ? (lang === "nn" ? g.titleNn : g.titleNb) : "";
  };
  const notHeld = (endsAt: Date) => (endsAt > props.now ? `, ${t.notHeld}` : "");
  const aboutOptions = [
    ...props.gatherings.map((g) => ({
      value: String(g.id),
      label: `${lang === "nn" ? g.titleNn : g.titleNb} (${formatDateTime(lang, g.startsAt)}${notHeld(g.endsAt)})`,
    })),
    ...props.meetings.map((x) => ({
      value: `meeting-${x.id}`,
      label: `${t.meetingOption(x.networkName, x.title)} (${formatDateTime(lang, x.startsAt)}${notHeld(x.endsAt)})`,
    })),
  ];
  const statusOptions = MEASURE_STATUSES.map((s) => ({ value: s, label: t.statuses[s] }));
  const noticeText = props.notice
    ? {
        plan: t.saved,
        tiltak: t.measureAdded,
        status: t.measureChanged,
        kommentar: t.commentAdded,
        refleksjon: t.reflectionAdded,
      }[props.notice]
    : null;

  return (
    <Layout lang={lang} title={t.title(props.unit.name)} path={path} hasErrors={hasErrors}>
      <Breadcrumbs
        lang={lang}
        items={[
          { href: PLANS_PATH, text: t.back },
          { href: path, text: props.unit.name },
        ]}
      />
      <h1 class="ds-heading" data-size="xl">
        {t.title(props.unit.name)}
      </h1>
      <p class="ds-paragraph lead">{pt.cohortName(props.cohort.title, props.cohort.number)}</p>
      {noticeText ? <Notice color="success">{noticeText}</Notice> : null}
      <ErrorSummary t={m} items={summary} warnings={warnings} />
      {frame ? null : <Notice color="info">{t.noFrame}</Notice>}

      <section aria-labelledby="plan-heading" class="stack">
        <h2 class="ds-heading" data-size="lg" id="plan-heading">
          {t.planHeading}
        </h2>
        {props.forms.stale && plan ? (
          <div class="stack">
            <Notice color="warning" id="plan-form" focus>
              {t.stale(plan.version)}
            </Notice>
            <h3 class="ds-heading" data-size="sm">
              {t.savedVersionHeading}
            </h3>
            <SavedPlan lang={lang} plan={plan} frame={frame} />
          </div>
        ) : null}
        {access.edit ? (
          <form method="post" action={localPath(lang, `${path}/plan`)} novalidate class="stack">
            <input type="hidden" name="version" value={fp.value("version")} />
            {frame ? (
              <Select
                t={m}
                {...fp.bind("phase")}
                options={[
                  { value: "", label: t.phaseNone },
                  ...frame.phases.map((p) => ({ value: p.key, label: local(lang, p) })),
                ]}
              />
            ) : null}
            {frame && frame.themes.length > 0 ? (
              <fieldset class="ds-fieldset stack">
                <legend class="ds-heading" data-size="sm">
                  {t.assessmentHeading}
                </legend>
                <p class="ds-paragraph">{t.assessmentHint}</p>
                {frame.themes.map((theme) => (
                  <div class="stack">
                    <Select
                      t={m}
                      {...fp.bind(`score-${theme.key}`)}
                      options={[
                        { value: "", label: t.scoreNone },
                        ...["1", "2", "3", "4", "5"].map((v) => ({ value: v, label: v })),
                      ]}
                    />
                    <Field
                      t={m}
                      {...fp.bind(`assessment-${theme.key}-text`)}
                      multiline
                      rows={2}
                      maxLength={assessmentTextMax}
                    />
                  </div>
                ))}
              </fieldset>
            ) : null}
            <Field
              t={m}
              {...fp.bind("goals")}
              hint={t.goalsHint}
              multiline
              rows={4}
              maxLength={goalsMax}
            />
            <ButtonRow>
              <Button>{t.savePlan}</Button>
            </ButtonRow>
          </form>
        ) : (
          <>
            <p class="ds-paragraph">{t.readOnly}</p>
            {plan ? <SavedPlan lang={lang} plan={plan} frame={frame} /> : null}
          </>
        )}
      </section>

      <section aria-labelledby="measures-heading" class="stack">
        <h2 class="ds-heading" data-size="lg" id="measures-heading">
          {t.measures}
        </h2>
        {details.measures.length === 0 ? (
          <p class="ds-paragraph">{t.measuresNone}</p>
        ) : (
          <DataTable label={t.measures} columns={[t.what, t.responsible, t.due, t.status]}>
            {details.measures.map((x) => (
              <tr>
                <td class="pre">{x.what}</td>
                <td>{x.responsible}</td>
                <td>{x.due}</td>
                <td>
                  {access.edit ? (
                    <form
                      method="post"
                      action={localPath(lang, `${path}/tiltak/${x.id}`)}
                      class="inline-form"
                    >
                      <label class="ds-sr-only" for={`status-${x.id}`}>
                        {t.statusOf(x.what)}
                      </label>
                      <select class="ds-input" id={`status-${x.id}`} name="status">
                        {statusOptions.map((o) => (
                          <option value={o.value} selected={o.value === x.status}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                      <Button variant="secondary">{t.changeStatus}</Button>
                    </form>
                  ) : (
                    t.statuses[x.status]
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        {access.edit ? (
          <form method="post" action={localPath(lang, `${path}/tiltak`)} novalidate class="stack">
            <h3 class="ds-heading" data-size="sm">
              {t.addMeasure}
            </h3>
            <Field t={m} {...fm.bind("what")} multiline rows={2} maxLength={measureWhatMax} />
            <Field
              t={m}
              {...fm.bind("responsible")}
              hint={t.responsibleHint}
              maxLength={measureResponsibleMax}
            />
            <Field t={m} {...fm.bind("due")} hint={t.dueHint} maxLength={measureDueMax} />
            <Select
              t={m}
              {...fm.bind("status")}
              value={fm.value("status") || "planned"}
              options={statusOptions}
            />
            <ButtonRow>
              <Button>{t.addMeasure}</Button>
            </ButtonRow>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="reflections-heading" class="stack">
        <h2 class="ds-heading" data-size="lg" id="reflections-heading">
          {t.reflections}
        </h2>
        {details.reflections.length === 0 ? (
          <p class="ds-paragraph">{t.reflectionsNone}</p>
        ) : (
          details.reflections.map((r) => (
            <article class="stack">
              <h3 class="ds-heading" data-size="xs">
                {t.reflectionAbout(aboutTitle(r))}
              </h3>
              <dl class="facts">
                <div>
                  <dt>{t.tried}</dt>
                  <dd class="pre">{r.tried}</dd>
                </div>
                <div>
                  <dt>{t.saw}</dt>
                  <dd class="pre">{r.saw}</dd>
                </div>
                <div>
                  <dt>{t.next}</dt>
                  <dd class="pre">{r.next}</dd>
                </div>
              </dl>
              {r.shared ? <p class="ds-paragraph">{t.sharedNote}</p> : null}
            </article>
          ))
        )}
        {access.edit ? (
          aboutOptions.length === 0 ? (
            <p class="ds-paragraph">{t.noGatherings}</p>
          ) : (
            <form
              method="post"
              action={localPath(lang, `${path}/refleksjon`)}
              novalidate
              class="stack"
            >
              <h3 class="ds-heading" data-size="sm">
                {t.writeReflection}
              </h3>
              {frame && frame.questions.length > 0 ? (
                <div>
                  <p class="ds-paragraph">{t.questionsOfFrame}</p>
                  <ul>
                    {frame.questions.map((q) => (
                      <li>{local(lang, q)}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <Select
                t={m}
                {...fr.bind("gathering")}
                hint={t.gatheringHint}
                placeholder={m.form.choose}
                options={aboutOptions}
              />
              <Field t={m} {...fr.bind("tried")} multiline rows={3} maxLength={reflectionMax} />
              <Field t={m} {...fr.bind("saw")} multiline rows={3} maxLength={reflectionMax} />
              <Field t={m} {...fr.bind("next")} multiline rows={3} maxLength={reflectionMax} />
              <Checkbox
                t={m}
                name="shared"
                id="reflection-shared"
                legend={t.shared}
                label={t.shared}
                checked={fr.value("shared") === "yes"}
              />
              <ButtonRow>
                <Button>{t.writeReflection}</Button>
              </ButtonRow>
            </form>
          )
        ) : null}
      </section>

      <section aria-labelledby="comments-heading" class="stack">
        <h2 class="ds-heading" data-size="lg" id="comments-heading">
          {t.comments}
        </h2>
        {details.comments.length === 0 ? (
          <p class="ds-paragraph">{t.commentsNone}</p>
        ) : (
          <ul class="stack">
            {details.comments.map((x) => (
              <li>
                <p class="ds-paragraph">
                  <strong>{x.authorName}</strong>, {formatDateTime(lang, x.at)}
                </p>
                <p class="ds-paragraph pre">{x.text}</p>
              </li>
            ))}
          </ul>
        )}
        {access.comment ? (
          <form
            method="post"
            action={localPath(lang, `${path}/kommentar`)}
            novalidate
            class="stack"
          >
            <Field t={m} {...fc.bind("comment")} multiline rows={3} maxLength={commentMax} />
            <ButtonRow>
              <Button>{t.addComment}</Button>
            </ButtonRow>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="history-heading" class="stack">
        <h2 class="ds-heading" data-size="lg" id="history-heading">
          {t.history}
        </h2>
        {details.versions.length === 0 ? (
          <p class="ds-paragraph">{t.historyNone}</p>
        ) : (
          <DataTable label={t.history} columns={[pt.version, t.at, t.savedBy, t.phase]}>
            {details.versions.map((v) => {
              const phase = frame?.phases.find((p) => p.key === v.phase);
              return (
                <tr>
                  <td>{v.version}</td>
                  <td>{formatDateTime(lang, v.savedAt)}</td>
                  <td>{props.savedByName(v.savedBy)}</td>
                  <td>{phase ? local(lang, phase) : t.phaseNone}</td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </section>
    </Layout>
  );
}
