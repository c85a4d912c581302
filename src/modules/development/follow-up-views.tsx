import { Breadcrumbs } from "../../web/components/breadcrumbs";
import { DataTable } from "../../web/components/data-table";
import {
  Button,
  ButtonRow,
  DateField,
  ErrorSummary,
  Field,
  type FormState,
  Select,
} from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { formView } from "../../web/form-errors";
import { formatDate, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { developmentErrors } from "./error-texts";
import { type FollowUp, noteMax, topicsMax } from "./follow-up";
import { planPath } from "./plan-views";
import { FOLLOW_UP_KINDS } from "./schema";
import { developmentTexts } from "./texts";

export const FOLLOW_UP_PATH = "/oppfolging";
export const followUpPath = (cohortId: number, orgNumber: string) =>
  `${FOLLOW_UP_PATH}/${cohortId}/${orgNumber}`;
export const WEEK_CHOICES = ["2", "4", "6", "8", "12"] as const;

export type FollowUpRow = {
  cohortId: number;
  orgNumber: string;
  unitName: string;
  cohortName: string;
  phase: string | null;
  planStarted: boolean;
  last: string | null;
};

/** A PP-tjeneste contact named by one of the resource person's municipalities for a cohort. */
export type PpRow = {
  municipality: string;
  cohortName: string;
  name: string;
  email: string;
  service: string | null;
  /** The other municipalities the PP-tjeneste serves. */
  sharedWith: string[];
  networks: number;
};

function PpSection(props: { lang: Lang; rows: PpRow[] }) {
  const t = developmentTexts(props.lang).followUp.pp;
  return (
    <section aria-labelledby="pp-heading" class="stack">
      <h2 class="ds-heading" data-size="md" id="pp-heading">
        {t.heading}
      </h2>
      <p class="ds-paragraph">{t.lead}</p>
      {props.rows.length === 0 ? (
        <p class="ds-paragraph">{t.none}</p>
      ) : (
        <DataTable
          label={t.heading}
          columns={[
            t.municipality,
            developmentTexts(props.lang).followUp.cohort,
            t.contact,
            t.service,
            t.networks,
          ]}
        >
          {props.rows.map((r) => (
            <tr>
              <td>{r.municipality}</td>
              <td>{r.cohortName}</td>
              <td>
                {r.name} (
                <a class="ds-link" href={`mailto:${r.email}`}>
                  {r.email}
                </a>
                )
              </td>
              <td>
                {r.service ?? t.noService}
                {r.sharedWith.length > 0 ? ` (${t.shared(r.sharedWith.join(", "))})` : ""}
              </td>
              <td>{r.networks}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

/** The PP-tjeneste contact's page: the units of the municipalities that named her. */
export function PpFollowUpPage(props: {
  lang: Lang;
  rows: {
    unitName: string;
    municipality: string;
    cohortName: string;
    phase: string | null;
    planStarted: boolean;
    last: string | null;
    followUps: number;
  }[];
}) {
  const { lang } = props;
  const t = developmentTexts(lang).followUp;
  return (
    <Layout lang={lang} title={t.pp.title} path={`${FOLLOW_UP_PATH}/pp`}>
      <h1 class="ds-heading" data-size="xl">
        {t.pp.title}
      </h1>
      <p class="ds-paragraph lead">{t.pp.pageLead}</p>
      {props.rows.length === 0 ? (
        <p class="ds-paragraph">{t.none}</p>
      ) : (
        <DataTable
          label={t.pp.title}
          columns={[
            t.unit,
            t.pp.municipality,
            t.cohort,
            t.planState,
            t.pp.followUps,
            t.lastFollowUp,
          ]}
        >
          {props.rows.map((r) => (
            <tr>
              <td>{r.unitName}</td>
              <td>{r.municipality}</td>
              <td>{r.cohortName}</td>
              <td>{r.planStarted ? t.planStates.started(r.phase ?? "–") : t.planStates.none}</td>
              <td>{r.followUps}</td>
              <td>{r.last ? formatDate(lang, r.last) : t.never}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </Layout>
  );
}

export function FollowUpListPage(props: {
  lang: Lang;
  rows: FollowUpRow[];
  weeks: string;
  pp: PpRow[];
}) {
  const { lang } = props;
  const t = developmentTexts(lang).followUp;
  const m = messages(lang);
  return (
    <Layout lang={lang} title={t.title} path={FOLLOW_UP_PATH}>
      <h1 class="ds-heading" data-size="xl">
        {t.title}
      </h1>
      <p class="ds-paragraph lead">{t.lead}</p>
      <form method="get" action={localPath(lang, FOLLOW_UP_PATH)} class="filters">
        <Select
          t={m}
          name="uker"
          label={`${t.weeks} …`}
          value={props.weeks}
          options={[
            { value: "", label: t.weeksAll },
            ...WEEK_CHOICES.map((w) => ({ value: w, label: t.overdue(Number(w)) })),
          ]}
        />
        <ButtonRow>
          <Button variant="secondary">{t.filter}</Button>
        </ButtonRow>
      </form>
      {props.rows.length === 0 ? (
        <p class="ds-paragraph">{t.none}</p>
      ) : (
        <DataTable label={t.title} columns={[t.unit, t.cohort, t.planState, t.lastFollowUp, ""]}>
          {props.rows.map((r) => (
            <tr>
              <td>
                <a class="ds-link" href={localPath(lang, planPath(r.cohortId, r.orgNumber))}>
                  {r.unitName}
                </a>
              </td>
              <td>{r.cohortName}</td>
              <td>
                {r.planStarted && r.phase
                  ? t.planStates.started(r.phase)
                  : r.planStarted
                    ? t.planStates.started("–")
                    : t.planStates.none}
              </td>
              <td>{r.last ? formatDate(lang, r.last) : t.never}</td>
              <td>
                <a class="ds-link" href={localPath(lang, followUpPath(r.cohortId, r.orgNumber))}>
                  {t.log}
                  <span class="ds-sr-only">: {r.unitName}</span>
                </a>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <PpSection lang={lang} rows={props.pp} />
    </Layout>
  );
}

export function FollowUpUnitPage(props: {
  lang: Lang;
  unitName: string;
  cohortId: number;
  orgNumber: string;
  log: FollowUp[];
  form: FormState;
  saved: boolean;
}) {
  const { lang } = props;
  const t = developmentTexts(lang).followUp;
  const m = messages(lang);
  const path = followUpPath(props.cohortId, props.orgNumber);
  const f = formView(lang, props.form, {
    labels: {
      kind: t.kind,
      heldOn: t.heldOn,
      minutes: t.minutes,
      topics: t.topics,
      note: t.note,
    },
    errors: developmentErrors[lang],
  });
  return (
    <Layout lang={lang} title={t.logFor(props.unitName)} path={path} hasErrors={f.hasErrors}>
      <Breadcrumbs
        lang={lang}
        items={[
          { href: FOLLOW_UP_PATH, text: t.title },
          { href: path, text: props.unitName },
        ]}
      />
      <h1 class="ds-heading" data-size="xl">
        {t.logFor(props.unitName)}
      </h1>
      {props.saved ? <Notice color="success">{t.saved}</Notice> : null}
      <ErrorSummary t={m} items={f.summary} warnings={f.warnings} />
      <form method="post" action={localPath(lang, path)} novalidate class="stack">
        <Select
          t={m}
          {...f.bind("kind")}
          placeholder={m.form.choose}
          options={FOLLOW_UP_KINDS.map((k) => ({ value: k, label: t.kinds[k] }))}
        />
        <DateField t={m} {...f.bind("heldOn")} />
        <Field t={m} {...f.bind("minutes")} maxLength={4} />
        <Field t={m} {...f.bind("topics")} hint={t.topicsHint} maxLength={topicsMax} />
        <Field
          t={m}
          {...f.bind("note")}
          hint={t.noteHint}
          multiline
          rows={3}
          maxLength={noteMax}
          required={false}
        />
        <ButtonRow>
          <Button>{t.save}</Button>
        </ButtonRow>
      </form>
      <section aria-labelledby="log-heading" class="stack">
        <h2 class="ds-heading" data-size="md" id="log-heading">
          {t.logHeading}
        </h2>
        {props.log.length === 0 ? (
          <p class="ds-paragraph">{t.logNone}</p>
        ) : (
          <DataTable label={t.logHeading} columns={[t.heldOn, t.kind, t.minutes, t.topics, t.note]}>
            {props.log.map((x) => (
              <tr>
                <td>{formatDate(lang, x.heldOn)}</td>
                <td>{t.kinds[x.kind]}</td>
                <td>{x.minutes}</td>
                <td>{x.topics}</td>
                <td class="pre">{x.note}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </Layout>
  );
}
