import { DataTable } from "../../web/components/data-table";
import {
  Button,
  ButtonRow,
  Checkbox,
  ErrorSummary,
  RadioGroup,
  ValidationMessage,
} from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { type FormState, formView } from "../../web/form-errors";
import { type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import type { ImportDraft } from "./import-drafts";
import { importErrors, importTexts } from "./import-texts";
import type { RegisterImportReport } from "./registers";
import { orgTexts } from "./texts";

type Urls = { nsr?: string | undefined; nbr?: string | undefined };

/** The upload form: every import is previewed before anything changes. */
export function ImportPage(props: {
  lang: Lang;
  urls: Urls;
  /** The choices made and the file's error, when the upload is refused. */
  form?: FormState | undefined;
}) {
  const all = messages(props.lang);
  const t = orgTexts(props.lang);
  const it = importTexts(props.lang);
  const f = formView(props.lang, props.form, {
    labels: { source: t.register, file: t.file, coverage: t.coverage },
    errors: importErrors[props.lang],
  });
  const file = f.bind("file");
  return (
    <Layout lang={props.lang} title={t.importTitle} path="/admin/import" hasErrors={f.hasErrors}>
      <h1 class="ds-heading" data-size="xl">
        {t.importTitle}
      </h1>
      <p class="ds-paragraph lead">{t.importLead}</p>
      <ErrorSummary t={all} items={f.summary} />
      <form
        method="post"
        action={localPath(props.lang, "/admin/import")}
        enctype="multipart/form-data"
        class="stack"
      >
        <RadioGroup
          t={all}
          name="source"
          legend={t.register}
          value={f.value("source") === "nbr" ? "nbr" : "nsr"}
          options={[
            { value: "nsr", label: t.nsr },
            { value: "nbr", label: t.nbr },
          ]}
        />
        <div class="ds-field">
          <label class="ds-label" for={file.id}>
            {file.label}
          </label>
          <p data-field="description" id={`${file.id}-hint`}>
            {t.fileHint}
          </p>
          <ValidationMessage t={all} id={`${file.id}-error`} text={file.error} />
          {/* A file input keeps no value: the browser never lets a page fill one in. */}
          <input
            class="ds-input"
            type="file"
            id={file.id}
            name={file.name}
            accept="application/json,.json"
            aria-describedby={file.error ? `${file.id}-error ${file.id}-hint` : `${file.id}-hint`}
            aria-invalid={file.error ? "true" : undefined}
          />
        </div>
        <RadioGroup
          t={all}
          name="coverage"
          legend={t.coverage}
          value={f.value("coverage") === "partial" ? "partial" : "register"}
          options={[
            { value: "register", label: t.coverageFull },
            { value: "partial", label: t.coveragePartial },
          ]}
        />
        <ButtonRow>
          <Button>{it.preview}</Button>
          {props.urls.nsr || props.urls.nbr ? (
            <Button variant="secondary" name="fromUrl" value="yes">
              {t.fromUrl([props.urls.nsr, props.urls.nbr].filter(Boolean).join(", "))}
            </Button>
          ) : null}
        </ButtonRow>
      </form>
    </Layout>
  );
}

function Counts(props: { lang: Lang; report: RegisterImportReport; preview: boolean }) {
  const t = orgTexts(props.lang);
  const it = importTexts(props.lang);
  const r = props.report;
  const rows: [string, number][] = props.preview
    ? [
        [it.wouldAdd, r.added],
        [it.wouldChange, r.changed],
        [it.wouldClose, r.closed],
        [it.unchanged, r.unchanged],
        [it.rejected, r.rejected],
        [it.skipped, r.skipped],
      ]
    : [
        [t.added, r.added],
        [t.changed, r.changed],
        [t.closedCount, r.closed],
        [t.unchanged, r.unchanged],
        [t.rejected, r.rejected],
      ];
  return (
    <dl class="counts">
      {rows.map(([label, n]) => (
        <div>
          <dt>{label}</dt>
          <dd>{n}</dd>
        </div>
      ))}
    </dl>
  );
}

function RejectedRows(props: { lang: Lang; report: RegisterImportReport }) {
  const t = orgTexts(props.lang);
  const it = importTexts(props.lang);
  const r = props.report;
  if (r.rejectedRows.length === 0) return null;
  return (
    <DataTable label={it.rejectedRows} columns={[t.row, t.orgNumber, t.reason]}>
      {r.rejectedRows.slice(0, 500).map((row) => (
        <tr>
          <td>{row.row}</td>
          <td>{row.orgNumber ?? ""}</td>
          <td>
            {row.reason}
            {row.detail ? `: ${row.detail}` : ""}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function Notes(props: { lang: Lang; notes: string[] }) {
  if (props.notes.length === 0) return null;
  return (
    <section aria-labelledby="notes-heading">
      <h2 class="ds-heading" data-size="sm" id="notes-heading">
        {importTexts(props.lang).notes}
      </h2>
      {/* The importer's notes are technical and in English in every language. */}
      <ul class="ds-list" lang="en">
        {props.notes.map((note) => (
          <li>{note}</li>
        ))}
      </ul>
    </section>
  );
}

/** What the import would do, with the go-ahead; a mass closure must be confirmed. */
export function ImportPreviewPage(props: {
  lang: Lang;
  draft: ImportDraft;
  report: RegisterImportReport;
  /** The go-ahead refused: a mass closure not confirmed. */
  confirm?: FormState | undefined;
}) {
  const all = messages(props.lang);
  const it = importTexts(props.lang);
  const { draft, report } = props;
  const mass = report.massClosure;
  const action = localPath(props.lang, `/admin/import/${draft.id}`);
  const f = formView(props.lang, props.confirm, {
    labels: { confirmClosures: it.confirmLegend },
    errors: importErrors[props.lang],
  });
  return (
    <Layout
      lang={props.lang}
      title={it.previewTitle}
      path={`/admin/import/${draft.id}`}
      hasErrors={f.hasErrors}
    >
      <h1 class="ds-heading" data-size="xl">
        {it.previewTitle}
      </h1>
      <ErrorSummary t={all} items={f.summary} />
      <p class="ds-paragraph lead">{it.previewLead(draft.source.toUpperCase(), draft.origin)}</p>
      <p class="ds-paragraph">{it.coverageOf(draft.coverage === "register")}</p>
      <Counts lang={props.lang} report={report} preview />
      {mass ? (
        <div class="ds-alert" data-color="warning">
          <h2 class="ds-heading" data-size="xs">
            {it.massClosureHeading}
          </h2>
          <p class="ds-paragraph">{it.massClosure(mass.closing, mass.active)}</p>
        </div>
      ) : null}
      <form method="post" action={action} class="stack">
        {mass ? (
          <Checkbox
            t={all}
            {...f.bind("confirmClosures")}
            legend={it.confirmLegend}
            label={it.confirmLabel(mass.closing)}
            checked={false}
          />
        ) : null}
        <ButtonRow>
          <Button>{it.run}</Button>
          <Button variant="secondary" name="discard" value="yes">
            {it.discard}
          </Button>
        </ButtonRow>
      </form>
      <RejectedRows lang={props.lang} report={report} />
      <Notes lang={props.lang} notes={report.notes} />
    </Layout>
  );
}

/** A finished run: what was written. */
export function ImportRunPage(props: {
  lang: Lang;
  report: RegisterImportReport & { origin: string };
  justDone: boolean;
}) {
  const it = importTexts(props.lang);
  const r = props.report;
  return (
    <Layout
      lang={props.lang}
      title={it.runTitle(r.runId ?? 0)}
      path={`/admin/import/kjoringer/${r.runId}`}
    >
      <h1 class="ds-heading" data-size="xl">
        {it.runTitle(r.runId ?? 0)}
      </h1>
      {props.justDone ? <Notice color="success">{it.done}</Notice> : null}
      <p class="ds-paragraph lead">{it.runLead(r.source.toUpperCase(), r.origin)}</p>
      <Counts lang={props.lang} report={r} preview={false} />
      <RejectedRows lang={props.lang} report={r} />
      <Notes lang={props.lang} notes={r.notes} />
      <p class="ds-paragraph">
        <a class="ds-link" href={localPath(props.lang, "/admin/import")}>
          {it.newImport}
        </a>
      </p>
    </Layout>
  );
}

/** The draft is gone (run, discarded, older than a day, or someone else's). */
export function ImportGonePage(props: { lang: Lang }) {
  const it = importTexts(props.lang);
  return (
    <Layout lang={props.lang} title={it.previewTitle} path={undefined}>
      <h1 class="ds-heading" data-size="xl">
        {it.previewTitle}
      </h1>
      <Notice color="info">{it.gone}</Notice>
      <p class="ds-paragraph">
        <a class="ds-link" href={localPath(props.lang, "/admin/import")}>
          {it.newImport}
        </a>
      </p>
    </Layout>
  );
}
