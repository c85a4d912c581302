import { raw } from "hono/html";
import { osloToday } from "../../kernel/clock";
import type { FieldErrors } from "../../kernel/forms";
import { Breadcrumbs as Trail } from "../../web/components/breadcrumbs";
import { DataTable } from "../../web/components/data-table";
import {
  Button,
  ButtonRow,
  DateField,
  ErrorSummary,
  Field,
  RadioGroup,
  Select,
  ValidationMessage,
} from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { PreviewSection } from "../../web/components/preview";
import { formView } from "../../web/form-errors";
import { formatDate, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import {
  type CohortEditView,
  type CohortForm,
  type CohortListItem,
  cohortLimits,
  GATHERING_KINDS,
  WAYS_IN,
} from "./admin";
import { cohortErrors, cohortTexts } from "./admin-texts";
import { relink } from "./form-parts";

function Breadcrumbs(props: {
  lang: Lang;
  slug: string;
  title: string;
  current?: { href: string; text: string } | undefined;
}) {
  const c = cohortTexts(props.lang);
  const base = `/admin/tilbud/${props.slug}`;
  const items = [
    { href: "/admin/tilbud", text: c.programmes },
    { href: base, text: props.title },
    { href: `${base}/puljer`, text: c.cohorts },
    ...(props.current ? [props.current] : []),
  ];
  return <Trail lang={props.lang} items={items} />;
}

export function CohortListPage(props: {
  lang: Lang;
  slug: string;
  title: string;
  cohorts: CohortListItem[];
  message?: string | undefined;
}) {
  const c = cohortTexts(props.lang);
  const base = `/admin/tilbud/${props.slug}/puljer`;
  const date = (d: string) => formatDate(props.lang, d);
  return (
    <Layout lang={props.lang} title={c.listTitle(props.title)} path={base}>
      <Breadcrumbs lang={props.lang} slug={props.slug} title={props.title} />
      <h1 class="ds-heading" data-size="xl">
        {c.listTitle(props.title)}
      </h1>
      {props.message ? <Notice color="success">{props.message}</Notice> : null}
      <p class="ds-paragraph lead">{c.listLead}</p>
      <p class="ds-paragraph">
        <a class="ds-button" data-variant="primary" href={localPath(props.lang, `${base}/ny`)}>
          {c.newCohort}
        </a>
      </p>
      {props.cohorts.length === 0 ? <p class="ds-paragraph">{c.none}</p> : null}
      {props.cohorts.length > 0 ? (
        <DataTable
          label={c.cohorts}
          columns={[c.colCohort, c.colPeriod, c.colDeadlines, c.colOffices, c.colOverview]}
        >
          {props.cohorts.map((cohort) => (
            <tr>
              <td>
                <a class="ds-link" href={localPath(props.lang, `${base}/${cohort.number}`)}>
                  {c.cohortName(cohort.number)}
                </a>
                {cohort.gatherings > 0 ? (
                  <>
                    <br />
                    <span class="subtle">{c.gatheringsCount(cohort.gatherings)}</span>
                  </>
                ) : null}
              </td>
              <td>{c.period(date(cohort.startsOn), date(cohort.endsOn))}</td>
              <td>
                {cohort.officeInviteDeadline
                  ? c.officeDeadlineShort(date(cohort.officeInviteDeadline))
                  : null}
                {cohort.officeInviteDeadline && cohort.answerDeadline ? <br /> : null}
                {cohort.answerDeadline ? c.answerDeadlineShort(date(cohort.answerDeadline)) : null}
              </td>
              <td>
                {cohort.wayIn === "application"
                  ? c.noOfficesForApplication
                  : cohort.offices.length === 0
                    ? c.noOffices
                    : cohort.offices.map((o) => o.name).join(", ")}
              </td>
              <td>
                {cohort.wayIn === "application" ? (
                  <a
                    class="ds-link"
                    href={localPath(props.lang, `/admin/puljer/${cohort.id}/soknadsrunde`)}
                  >
                    {c.applicationRound}
                    <span class="ds-sr-only"> {c.applicationRoundOf(cohort.number)}</span>
                  </a>
                ) : (
                  <a class="ds-link" href={localPath(props.lang, `/puljer/${cohort.id}`)}>
                    {c.overview}
                    <span class="ds-sr-only"> {c.overviewOf(cohort.number)}</span>
                  </a>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </Layout>
  );
}

export type CohortFormProps = {
  lang: Lang;
  slug: string;
  title: string;
  /** The cohort being edited; absent on the create page. */
  existing?: CohortEditView | undefined;
  form: CohortForm;
  errors: FieldErrors;
  /** The offices that exist on the start date, for the checkboxes. */
  offices: { id: string; name: string }[];
  officesOn: string;
  preview?: { lang: Lang; html: string; removed: boolean }[] | undefined;
};

export function CohortFormPage(props: CohortFormProps) {
  const t = messages(props.lang);
  const c = cohortTexts(props.lang);
  const existing = props.existing;
  const base = `/admin/tilbud/${props.slug}/puljer`;
  const path = existing ? `${base}/${existing.cohort.number}` : `${base}/ny`;
  const heading = existing
    ? c.editTitle(existing.cohort.number, props.title)
    : c.newTitle(props.title);

  // Rows as typed, then blank ones up to the number offered.
  const rows = [...props.form.gatherings];
  const blank = (r: (typeof rows)[number]) => !r.id && !r.kind && !r.title && !r.date;
  let trailing = 0;
  for (let i = rows.length - 1; i >= 0 && blank(rows[i]!); i--) trailing++;
  for (; trailing < cohortLimits.blankGatheringRows; trailing++) {
    rows.push({ id: "", kind: "", title: "", date: "" });
  }

  // An application cohort, once made, asks nothing of offices (create shows both ways' fields).
  const byInvitation = !existing || existing.cohort.wayIn === "invitation";
  const invited = new Map((existing?.offices ?? []).map((o) => [o.id, o]));
  const choosable = props.offices.filter((o) => !invited.has(o.id));
  const firstOffice = existing?.offices[0]?.id ?? props.offices[0]?.id;
  // The labels in the order of the page, which the error summary follows.
  const labels: Record<string, string> = {
    number: c.number,
    wayIn: c.wayInLegend,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    officeInviteDeadline: c.officeInviteDeadline,
    answerDeadline: c.answerDeadline,
    reminderDaysBefore: c.reminderDaysBefore,
    offices: c.officesLegend,
    termsNb: c.termsNb,
    termsNn: c.termsNn,
    termsEn: c.termsEn,
  };
  rows.forEach((_, i) => {
    labels[`g${i}`] = c.gatheringRow(i + 1);
  });
  labels.form = heading;
  const f = formView(
    props.lang,
    { values: props.form.values, errors: props.errors },
    { labels, errors: cohortErrors[props.lang] },
  );
  const err = f.error;
  const summary = relink(f.summary, {
    "#offices": `#office-${choosable[0]?.id ?? firstOffice ?? ""}`,
    "#form": "#cohort-form",
    ...Object.fromEntries(rows.map((_, i) => [`#g${i}`, `#g${i}-kind`])),
  });

  return (
    <Layout lang={props.lang} title={heading} path={path} hasErrors={summary.length > 0}>
      <Breadcrumbs
        lang={props.lang}
        slug={props.slug}
        title={props.title}
        current={{
          href: path,
          text: existing ? c.cohortName(existing.cohort.number) : c.newCohort,
        }}
      />
      <h1 class="ds-heading" data-size="xl">
        {heading}
      </h1>
      <ErrorSummary t={t} items={summary} />
      {existing ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={localPath(props.lang, `/puljer/${existing.cohort.id}`)}>
            {c.overview}
            <span class="ds-sr-only"> {c.overviewOf(existing.cohort.number)}</span>
          </a>
        </p>
      ) : null}
      <form
        method="post"
        action={localPath(props.lang, path)}
        novalidate
        class="stack"
        id="cohort-form"
      >
        {existing ? null : <Field t={t} {...f.bind("number")} hint={c.numberHint} maxLength={3} />}
        {existing ? (
          <p class="ds-paragraph">
            {c.wayInLegend} {c.wayInShort[existing.cohort.wayIn]}
          </p>
        ) : (
          <>
            <RadioGroup
              t={t}
              {...f.bind("wayIn")}
              legend={c.wayInLegend}
              value={f.value("wayIn") || "invitation"}
              options={WAYS_IN.map((w) => ({ value: w, label: c.wayIns[w] }))}
            />
            <p class="ds-paragraph subtle">{c.wayInHint}</p>
          </>
        )}
        <fieldset class="ds-fieldset stack">
          <legend class="ds-label">{c.datesLegend}</legend>
          {(["startsOn", "endsOn"] as const).map((name) => (
            <DateField t={t} class="date-input" {...f.bind(name)} />
          ))}
          {byInvitation ? (
            <>
              <DateField
                t={t}
                class="date-input"
                {...f.bind("officeInviteDeadline")}
                hint={c.officeInviteDeadlineHint}
              />
              <DateField
                t={t}
                class="date-input"
                {...f.bind("answerDeadline")}
                hint={c.answerDeadlineHint}
              />
            </>
          ) : null}
          <Field t={t} {...f.bind("reminderDaysBefore")} hint={c.reminderHint} maxLength={2} />
        </fieldset>

        {byInvitation ? (
          <fieldset
            class="ds-fieldset"
            aria-describedby={[err("offices") ? "offices-error" : "", "offices-hint"]
              .filter(Boolean)
              .join(" ")}
          >
            <legend class="ds-label">{c.officesLegend}</legend>
            <p data-field="description" id="offices-hint">
              {existing
                ? c.officesHintEdit
                : c.officesHint(formatDate(props.lang, props.officesOn))}
            </p>
            <ValidationMessage t={t} id="offices-error" text={err("offices")} />
            {existing?.offices.map((o) => (
              <div class="ds-field">
                <input class="ds-input" type="checkbox" id={`office-${o.id}`} checked disabled />
                <label class="ds-label" for={`office-${o.id}`} data-weight="regular">
                  {o.name} (
                  {o.invitedAt
                    ? c.invitedOn(formatDate(props.lang, osloToday(o.invitedAt)))
                    : c.invited}
                  )
                </label>
              </div>
            ))}
            {choosable.map((o) => (
              <div class="ds-field">
                <input
                  class="ds-input"
                  type="checkbox"
                  id={`office-${o.id}`}
                  name={`office-${o.id}`}
                  value="yes"
                  checked={props.form.offices.includes(o.id)}
                  aria-invalid={err("offices") ? "true" : undefined}
                />
                <label class="ds-label" for={`office-${o.id}`} data-weight="regular">
                  {o.name}
                </label>
              </div>
            ))}
          </fieldset>
        ) : null}

        <fieldset class="ds-fieldset stack" aria-describedby="terms-hint">
          <legend class="ds-label">{c.termsLegend}</legend>
          <p data-field="description" id="terms-hint">
            {c.termsHint}
          </p>
          {(["termsNb", "termsNn", "termsEn"] as const).map((name) => (
            <Field
              t={t}
              {...f.bind(name)}
              required={name === "termsEn" ? false : undefined}
              multiline
              rows={8}
              maxLength={cohortLimits.terms}
            />
          ))}
        </fieldset>

        <fieldset class="ds-fieldset stack" aria-describedby="gatherings-hint">
          <legend class="ds-label">{c.gatheringsLegend}</legend>
          <p data-field="description" id="gatherings-hint">
            {c.gatheringsHint}
          </p>
          {rows.map((row, i) => {
            const rowError = err(`g${i}`);
            return (
              <fieldset
                class="ds-fieldset gathering-row"
                aria-describedby={rowError ? `g${i}-error` : undefined}
              >
                <legend class="ds-label">{c.gatheringRow(i + 1)}</legend>
                <ValidationMessage t={t} id={`g${i}-error`} text={rowError} />
                {row.id ? <input type="hidden" name={`g${i}-id`} value={row.id} /> : null}
                <Select
                  t={t}
                  name={`g${i}-kind`}
                  label={c.kind}
                  value={row.kind}
                  placeholder={c.choose}
                  options={GATHERING_KINDS.map((k) => ({ value: k, label: c.kinds[k] }))}
                />
                <Field
                  t={t}
                  name={`g${i}-title`}
                  label={c.gatheringTitle}
                  maxLength={cohortLimits.gatheringTitle}
                  value={row.title}
                />
                <DateField
                  t={t}
                  class="date-input"
                  name={`g${i}-date`}
                  label={c.gatheringDate}
                  value={row.date}
                  error={undefined}
                />
              </fieldset>
            );
          })}
        </fieldset>

        <ButtonRow>
          <Button variant="secondary" name="intent" value="preview">
            {c.preview}
          </Button>
          <Button name="intent" value="save">
            {existing ? c.save : c.create}
          </Button>
        </ButtonRow>
      </form>

      {props.preview ? (
        <PreviewSection
          title={c.previewTitle}
          lead={c.previewLead}
          warning={props.preview.some((p) => p.removed) ? c.removed : undefined}
        >
          {props.preview.map((p) => (
            <section aria-labelledby={`preview-${p.lang}`} class="stack">
              <h3 class="ds-heading" data-size="sm" id={`preview-${p.lang}`}>
                {c[p.lang === "nb" ? "termsNb" : p.lang === "nn" ? "termsNn" : "termsEn"]}
              </h3>
              <div class="prose" lang={p.lang !== props.lang ? p.lang : undefined}>
                {p.html ? raw(p.html) : <p class="ds-paragraph">{c.previewEmpty}</p>}
              </div>
            </section>
          ))}
        </PreviewSection>
      ) : null}
    </Layout>
  );
}

/** The success sentence for the list page, from the query string the redirect set. */
export function listMessage(
  lang: Lang,
  query: { created?: string | undefined; saved?: string | undefined; invited?: string | undefined },
): string | undefined {
  const c = cohortTexts(lang);
  const n = (s: string | undefined) => (s && /^[0-9]{1,3}$/.test(s) ? Number(s) : null);
  const created = n(query.created);
  if (created !== null) return c.created(created);
  const saved = n(query.saved);
  if (saved === null) return undefined;
  const invited = n(query.invited) ?? 0;
  return invited > 0 ? c.savedInvited(saved, invited) : c.saved(saved);
}
