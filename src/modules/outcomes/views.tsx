import { raw } from "hono/html";
import { Breadcrumbs } from "../../web/components/breadcrumbs";
import { DataTable } from "../../web/components/data-table";
import {
  Button,
  ButtonRow,
  ErrorSummary,
  FileField,
  Select,
  SubmitRow,
} from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { type FormState, formView } from "../../web/form-errors";
import { type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { type OutcomeEstimate, SMALL_N } from "./estimates";
import { type ImportSummary, REQUIRED_COLUMNS, type Verdict } from "./import";
import { outcomeErrors, outcomeTexts } from "./texts";

export const OUTCOMES_PATH = "/admin/resultater";
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/** Rejected rows listed on the preview (the summary counts them all). */
export const REJECTED_SHOWN = 200;

export const programmePath = (id: number) => `${OUTCOMES_PATH}/${id}`;

/** One decimal, the language's decimal sign; a sign on differences. */
export function formatNumber(lang: Lang, n: number, signed = false): string {
  return new Intl.NumberFormat(lang === "en" ? "en-GB" : "nb-NO", {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    ...(signed ? { signDisplay: "exceptZero" as const } : {}),
  })
    .format(n)
    .replace("\u2212", "-");
}

/** What a row of estimates says in words: its label and its note. */
export function estimateLabel(lang: Lang, e: OutcomeEstimate): string {
  const t = outcomeTexts(lang);
  return [
    t.cohort(e.cohortNumber),
    e.level ? t.level[e.level] : "",
    e.grade ? t.grade(e.grade) : "",
  ]
    .filter(Boolean)
    .join(", ");
}

export function estimateNote(lang: Lang, e: OutcomeEstimate): string {
  const t = outcomeTexts(lang);
  if (e.status !== "estimate") return t.status[e.status](e.beforeYear, e.afterYear);
  return e.small ? t.small(SMALL_N) : "";
}

export function ProgrammesPage(props: { lang: Lang; programmes: { id: number; title: string }[] }) {
  const t = outcomeTexts(props.lang);
  return (
    <Layout lang={props.lang} title={t.title} path={OUTCOMES_PATH}>
      <h1 class="ds-heading" data-size="xl">
        {t.title}
      </h1>
      <p class="ds-paragraph lead">{t.listIntro}</p>
      {props.programmes.length === 0 ? (
        <p class="ds-paragraph">{t.noProgrammes}</p>
      ) : (
        <ul class="ds-list">
          {props.programmes.map((p) => (
            <li>
              <a class="ds-link" href={localPath(props.lang, programmePath(p.id))}>
                {t.programmeTitle(p.title)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function EstimatesPage(props: {
  lang: Lang;
  programme: { id: number; title: string; mayImport: boolean; county: boolean };
  cohorts: { id: number; number: number }[];
  cohortId: number | null;
  estimates: OutcomeEstimate[];
  chart: string | null;
  message?: string | undefined;
}) {
  const { lang } = props;
  const t = outcomeTexts(lang);
  const all = messages(lang);
  const title = t.programmeTitle(props.programme.title);
  const base = programmePath(props.programme.id);
  const query = props.cohortId ? `?pulje=${props.cohortId}` : "";
  const withFigures = props.estimates.filter((e) => e.did);
  return (
    <Layout lang={lang} title={title} path={base}>
      <Breadcrumbs
        lang={lang}
        items={[
          { href: OUTCOMES_PATH, text: t.title },
          { href: base, text: title },
        ]}
      />
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      {props.message ? <Notice color="success">{props.message}</Notice> : null}
      {props.programme.county ? <p class="ds-paragraph">{t.scopeCounty}</p> : null}
      {props.programme.mayImport ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={localPath(lang, `${base}/import`)}>
            {t.importLink}
          </a>
        </p>
      ) : null}
      <form method="get" action={localPath(lang, base)} class="filter-row">
        <Select
          t={all}
          name="pulje"
          label={t.cohortFilter}
          value={props.cohortId ? String(props.cohortId) : ""}
          placeholder={t.allCohorts}
          options={props.cohorts.map((k) => ({ value: String(k.id), label: t.cohort(k.number) }))}
        />
        <SubmitRow variant="secondary">{t.show}</SubmitRow>
      </form>
      <section class="stack" aria-labelledby="explain">
        <h2 class="ds-heading" data-size="sm" id="explain">
          {t.explainTitle}
        </h2>
        {t.explain.map((p) => (
          <p class="ds-paragraph">{p}</p>
        ))}
      </section>
      {props.estimates.length === 0 ? (
        <p class="ds-paragraph">{t.noEstimates}</p>
      ) : (
        <div class="chart-and-table">
          {props.chart && withFigures.length > 0 ? (
            <figure class="chart">{raw(props.chart)}</figure>
          ) : null}
          <DataTable
            label={t.tableCaption}
            columns={[
              t.head.cohort,
              t.head.years,
              t.head.treated,
              t.head.control,
              t.head.estimate,
              t.head.interval,
              t.head.note,
            ]}
          >
            {props.estimates.map((e) => (
              <tr data-testid={`estimate-${e.cohortNumber}-${e.level ?? "none"}-${e.grade ?? ""}`}>
                <td>{estimateLabel(lang, e)}</td>
                <td>
                  {e.beforeYear} → {e.afterYear}
                </td>
                <td>{e.level ? groupCell(lang, e.treated) : ""}</td>
                <td>{e.level ? groupCell(lang, e.control) : ""}</td>
                <td>{e.did ? formatNumber(lang, e.did.estimate, true) : "–"}</td>
                <td>
                  {e.did
                    ? `${formatNumber(lang, e.did.low, true)} – ${formatNumber(lang, e.did.high, true)}`
                    : "–"}
                </td>
                <td>{estimateNote(lang, e)}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
      {props.estimates.length > 0 ? (
        <section aria-labelledby="downloads">
          <h2 class="ds-heading" data-size="sm" id="downloads">
            {t.downloads}
          </h2>
          <ul class="ds-list">
            <li>
              <a class="ds-link" href={localPath(lang, `${base}/anslag.csv${query}`)}>
                {t.csv}
              </a>
            </li>
            <li>
              <a class="ds-link" href={localPath(lang, `${base}/anslag.xlsx${query}`)}>
                {t.xlsx}
              </a>
            </li>
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}

function groupCell(lang: Lang, g: OutcomeEstimate["treated"]) {
  const t = outcomeTexts(lang);
  return (
    <>
      {t.units(g.n)}
      {g.meanBefore !== null && g.meanAfter !== null ? (
        <>
          <br />
          {t.change(formatNumber(lang, g.meanBefore), formatNumber(lang, g.meanAfter))}
        </>
      ) : null}
    </>
  );
}

export function ImportPage(props: {
  lang: Lang;
  programme: { id: number; title: string };
  form?: FormState | undefined;
}) {
  const { lang } = props;
  const t = outcomeTexts(lang);
  const all = messages(lang);
  const base = programmePath(props.programme.id);
  const title = t.importTitle(props.programme.title);
  const f = formView(lang, props.form, {
    labels: { file: t.file },
    errors: outcomeErrors[lang],
  });
  const file = f.bind("file");
  return (
    <Layout lang={lang} title={title} path={`${base}/import`} hasErrors={f.hasErrors}>
      <Breadcrumbs
        lang={lang}
        items={[
          { href: OUTCOMES_PATH, text: t.title },
          { href: base, text: t.programmeTitle(props.programme.title) },
          { href: `${base}/import`, text: title },
        ]}
      />
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <p class="ds-paragraph lead">{t.importIntro}</p>
      <p class="ds-paragraph">{t.columnsHelp(REQUIRED_COLUMNS.join(";"))}</p>
      <p class="ds-paragraph">{t.suppressedNote}</p>
      <ErrorSummary t={all} items={f.summary} />
      <form
        method="post"
        action={localPath(lang, `${base}/import`)}
        enctype="multipart/form-data"
        class="stack"
      >
        <FileField
          t={all}
          name={file.name}
          id={file.id}
          label={file.label}
          hint={t.fileHint}
          error={file.error}
          accept=".csv,text/csv"
          maxBytes={MAX_UPLOAD_BYTES}
          tooLarge={outcomeErrors[lang].tooLarge as string}
        />
        <SubmitRow>{t.upload}</SubmitRow>
      </form>
    </Layout>
  );
}

export function PreviewPage(props: {
  lang: Lang;
  programme: { id: number; title: string };
  draftId: number;
  fileName: string;
  summary: ImportSummary;
  rejected: Extract<Verdict, { status: "rejected" }>[];
  form?: FormState | undefined;
}) {
  const { lang } = props;
  const t = outcomeTexts(lang);
  const all = messages(lang);
  const base = programmePath(props.programme.id);
  const f = formView(lang, props.form, { labels: { file: t.file }, errors: outcomeErrors[lang] });
  const s = props.summary;
  const shown = props.rejected.slice(0, REJECTED_SHOWN);
  return (
    <Layout lang={lang} title={t.previewTitle} path={undefined} hasErrors={f.hasErrors}>
      <Breadcrumbs
        lang={lang}
        items={[
          { href: OUTCOMES_PATH, text: t.title },
          { href: base, text: t.programmeTitle(props.programme.title) },
          { href: `${base}/import/${props.draftId}`, text: t.previewTitle },
        ]}
      />
      <h1 class="ds-heading" data-size="xl">
        {t.previewTitle}
      </h1>
      <ErrorSummary t={all} items={f.summary} />
      <p class="ds-paragraph lead">{t.previewIntro}</p>
      <p class="ds-paragraph">{props.fileName}</p>
      <dl class="facts" data-testid="import-summary">
        <dt>{t.summary.rows}</dt>
        <dd data-testid="rows">{s.rows}</dd>
        <dt>{t.summary.accepted}</dt>
        <dd data-testid="accepted">{s.accepted}</dd>
        <dt>{t.summary.suppressed}</dt>
        <dd data-testid="suppressed">{s.suppressed}</dd>
        <dt>{t.summary.rejected}</dt>
        <dd data-testid="rejected">{s.rejected}</dd>
      </dl>
      <p class="ds-paragraph">{t.suppressedNote}</p>
      {props.rejected.length > 0 ? (
        <section class="stack" aria-labelledby="rejected-rows">
          <h2 class="ds-heading" data-size="sm" id="rejected-rows">
            {t.rejectedTitle}
          </h2>
          <p class="ds-paragraph">{t.rejectedShown(shown.length, props.rejected.length)}</p>
          <DataTable label={t.rejectedTitle} columns={[t.line, t.value, t.reasonHead]}>
            {shown.map((r) => (
              <tr>
                <td>{r.line}</td>
                <td>{r.value}</td>
                <td>
                  {t.reasons[r.reason]}
                  {r.firstLine ? ` (${t.line.toLowerCase()} ${r.firstLine})` : ""}
                </td>
              </tr>
            ))}
          </DataTable>
        </section>
      ) : null}
      <form method="post" action={localPath(lang, `${base}/import/${props.draftId}`)}>
        <ButtonRow>
          {s.accepted + s.suppressed > 0 ? <Button>{t.confirm}</Button> : null}
          <Button variant="secondary" name="discard" value="yes">
            {t.discard}
          </Button>
        </ButtonRow>
      </form>
    </Layout>
  );
}

export function GonePage(props: { lang: Lang; programmeId: number }) {
  const t = outcomeTexts(props.lang);
  return (
    <Layout lang={props.lang} title={t.previewTitle} path={undefined}>
      <h1 class="ds-heading" data-size="xl">
        {t.previewTitle}
      </h1>
      <p class="ds-paragraph">{t.gone}</p>
      <p class="ds-paragraph">
        <a
          class="ds-link"
          href={localPath(props.lang, `${programmePath(props.programmeId)}/import`)}
        >
          {t.importLink}
        </a>
      </p>
    </Layout>
  );
}
