import { raw } from "hono/html";
import { FILE_KINDS, fileTypeLabel } from "../../kernel/storage";
import { DataTable } from "../../web/components/data-table";
import {
  Button,
  ButtonRow,
  ErrorSummary,
  Field,
  FileField,
  RadioGroup,
  SubmitRow,
} from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { PreviewSection } from "../../web/components/preview";
import { errorSentence, type FormState, type FormView, formView } from "../../web/form-errors";
import { formatDateTime, formatFileSize, LANGS, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { programmeAdminTexts, programmeErrors } from "./admin-texts";
import {
  type DocumentListVersion,
  type documentFields,
  documentLimits,
  type ProgrammeDocument,
} from "./documents";
import {
  type AdminProgramme,
  DELIVERY_MODES,
  type RuleField,
  ruleLimits,
  splitLines,
  type TextField,
  textLimits,
  type VersionView,
} from "./editing";
import { programmePageTexts } from "./texts";

export function ProgrammeListPage(props: { lang: Lang; programmes: AdminProgramme[] }) {
  const a = programmeAdminTexts(props.lang);
  return (
    <Layout lang={props.lang} title={a.title} path="/admin/tilbud">
      <h1 class="ds-heading" data-size="xl">
        {a.title}
      </h1>
      <p class="ds-paragraph lead">{a.lead}</p>
      {props.programmes.length === 0 ? <p class="ds-paragraph">{a.none}</p> : null}
      {props.programmes.length > 0 ? (
        <DataTable label={a.title} columns={[a.programme, a.status, a.cohorts]}>
          {props.programmes.map((p) => (
            <tr>
              <td>
                <a class="ds-link" href={localPath(props.lang, `/admin/tilbud/${p.slug}`)}>
                  {p.title}
                </a>
              </td>
              <td>
                {p.publishedAt ? a.published : a.notPublished}
                {p.unpublishedChanges ? <span>. {a.unpublishedChanges}</span> : null}
              </td>
              <td>
                <a class="ds-link" href={localPath(props.lang, `/admin/tilbud/${p.slug}/puljer`)}>
                  {a.cohorts}
                  <span class="ds-sr-only">: {p.title}</span>
                </a>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </Layout>
  );
}

export type EditorProps = {
  lang: Lang;
  slug: string;
  title: string;
  publishedAt: Date | null;
  textLang: Lang;
  form: FormState;
  /** The rules and contact form (not versioned, the same in every language). */
  rules: FormState;
  hasText: boolean;
  preview?: { html: string; removed: boolean } | undefined;
  versions: VersionView[];
  /** The versions of the page's document list, newest (the draft) first. */
  documents: DocumentListVersion[];
  /** The form that adds a document (titles and file). */
  documentForm: FormState;
  message?: { color: "success" | "danger"; text: string } | undefined;
};

export function ProgrammeEditorPage(props: EditorProps) {
  const t = messages(props.lang);
  const a = programmeAdminTexts(props.lang);
  const pt = programmePageTexts(props.lang);
  const base = `/admin/tilbud/${props.slug}`;
  const labels: Record<TextField, string> = {
    title: a.fieldTitle,
    summary: a.summary,
    targetGroup: a.targetGroup,
    themes: a.themes,
    costs: a.costs,
    commitments: a.commitments,
    bodyMarkdown: a.body,
  };
  const ruleLabels: Record<RuleField, string> = {
    durationMinMonths: a.minMonths,
    durationMaxMonths: a.maxMonths,
    deliveryMode: a.deliveryMode,
    contactName: a.contactName,
    contactPhone: a.contactPhone,
    contactEmail: a.contactEmail,
  };
  const text = formView(props.lang, props.form, {
    labels,
    errors: programmeErrors[props.lang],
  });
  const rules = formView(props.lang, props.rules, {
    labels: ruleLabels,
    errors: programmeErrors[props.lang],
  });
  const documentLabels: Record<(typeof documentFields)[number], string> = {
    titleNb: a.titleNb,
    titleNn: a.titleNn,
    titleEn: a.titleEn,
    file: a.documentFileLabel,
  };
  const docs = formView(props.lang, props.documentForm, {
    labels: documentLabels,
    errors: programmeErrors[props.lang],
    idPrefix: "doc",
  });
  // The text form comes first on the page, then the documents, then the rules form.
  const summary = [...text.summary, ...docs.summary, ...rules.summary];
  const values = props.form.values;
  /** The text fields in page order: a hint where there is one, rows where it is multiline. */
  const textFieldShapes: { name: TextField; hint?: string; rows?: number }[] = [
    { name: "title" },
    { name: "summary", rows: 3 },
    { name: "targetGroup", rows: 3 },
    { name: "themes", hint: a.themesHint, rows: 5 },
    { name: "costs", hint: a.costsHint, rows: 3 },
    { name: "commitments", hint: a.commitmentsHint, rows: 5 },
    { name: "bodyMarkdown", hint: a.bodyHint, rows: 16 },
  ];
  const newestId = props.versions[0]?.id;
  return (
    <Layout
      lang={props.lang}
      title={a.editTitle(props.title)}
      path={base}
      hasErrors={summary.length > 0}
    >
      <h1 class="ds-heading" data-size="xl">
        {a.editTitle(props.title)}
      </h1>
      {props.message ? <Notice color={props.message.color}>{props.message.text}</Notice> : null}
      <ErrorSummary t={t} items={summary} />

      <section aria-labelledby="publish-heading" class="ds-card stack">
        <h2 class="ds-heading" data-size="sm" id="publish-heading">
          {a.publishTitle}
        </h2>
        <p class="ds-paragraph">
          {props.publishedAt
            ? a.publishedSince(formatDateTime(props.lang, props.publishedAt))
            : a.notPublished}{" "}
          {a.publishLead}
        </p>
        <ButtonRow>
          <form
            method="post"
            action={localPath(props.lang, `${base}/publiser`)}
            class="inline-form"
          >
            <Button>{a.publish}</Button>
          </form>
          {props.publishedAt ? (
            <form
              method="post"
              action={localPath(props.lang, `${base}/avpubliser`)}
              class="inline-form"
            >
              <Button variant="secondary">{a.unpublish}</Button>
            </form>
          ) : null}
        </ButtonRow>
        <p class="ds-paragraph">
          {props.publishedAt ? (
            <>
              <a class="ds-link" href={localPath(props.lang, `/tilbud/${props.slug}`)}>
                {a.viewPublic}
              </a>
              {" · "}
            </>
          ) : null}
          <a class="ds-link" href={localPath(props.lang, `${base}/puljer`)}>
            {a.cohorts}
          </a>
        </p>
      </section>

      <nav aria-label={a.languages} class="lang-tabs">
        <ul>
          {LANGS.map((l) => (
            <li>
              <a
                class="ds-link"
                href={`${localPath(props.lang, base)}?sprak=${l}`}
                aria-current={l === props.textLang ? "page" : undefined}
              >
                {t.languageNames[l]}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="text-heading" class="stack">
        <h2 class="ds-heading" data-size="md" id="text-heading">
          {a.textIn(t.languageNames[props.textLang] ?? props.textLang)}
        </h2>
        {props.hasText ? null : <p class="ds-paragraph">{a.noText}</p>}
        <form
          method="post"
          action={localPath(props.lang, `${base}/tekst/${props.textLang}`)}
          novalidate
          class="stack"
          lang={props.textLang !== props.lang ? props.textLang : undefined}
        >
          {textFieldShapes.map((f) => (
            <Field
              t={t}
              {...text.bind(f.name)}
              hint={f.hint}
              multiline={f.rows !== undefined}
              rows={f.rows}
              maxLength={textLimits[f.name]}
            />
          ))}
          <ButtonRow>
            <Button variant="secondary" name="intent" value="preview">
              {a.preview}
            </Button>
            <Button name="intent" value="save">
              {a.save}
            </Button>
          </ButtonRow>
        </form>
      </section>

      {props.preview ? (
        <PreviewSection
          title={a.previewTitle}
          lead={a.previewLead}
          warning={props.preview.removed ? a.removed : undefined}
        >
          <div
            class="prose"
            lang={props.textLang !== props.lang ? props.textLang : undefined}
            data-testid="preview"
          >
            <p class="ds-paragraph" data-size="lg">
              <strong>{values.title}</strong>
            </p>
            <p class="ds-paragraph lead">{values.summary}</p>
            <PreviewList title={pt.themes} text={values.themes ?? ""} />
            {values.costs?.trim() ? (
              <>
                <h3 class="ds-heading" data-size="xs">
                  {pt.costs}
                </h3>
                <p class="ds-paragraph">{values.costs}</p>
              </>
            ) : null}
            <PreviewList title={pt.commitments} text={values.commitments ?? ""} />
            {raw(props.preview.html)}
          </div>
        </PreviewSection>
      ) : null}

      <DocumentsSection
        lang={props.lang}
        base={base}
        versions={props.documents}
        form={docs}
        pagePublished={props.publishedAt !== null}
      />

      <section aria-labelledby="rules-heading" class="stack">
        <h2 class="ds-heading" data-size="md" id="rules-heading">
          {a.rulesTitle}
        </h2>
        <p class="ds-paragraph">{a.rulesLead}</p>
        <form
          method="post"
          action={localPath(props.lang, `${base}/regler`)}
          novalidate
          class="stack"
        >
          <Field t={t} {...rules.bind("durationMinMonths")} maxLength={3} />
          <Field t={t} {...rules.bind("durationMaxMonths")} maxLength={3} />
          <RadioGroup
            t={t}
            {...rules.bind("deliveryMode")}
            legend={a.deliveryMode}
            options={DELIVERY_MODES.map((m) => ({ value: m, label: a.deliveryModes[m] ?? m }))}
          />
          <Field
            t={t}
            {...rules.bind("contactName")}
            hint={a.contactNameHint}
            required={false}
            maxLength={ruleLimits.contactName}
          />
          <Field
            t={t}
            {...rules.bind("contactPhone")}
            type="tel"
            required={false}
            maxLength={ruleLimits.contactPhone}
          />
          <Field
            t={t}
            {...rules.bind("contactEmail")}
            type="email"
            required={false}
            maxLength={ruleLimits.contactEmail}
          />
          <SubmitRow>{a.saveRules}</SubmitRow>
        </form>
      </section>

      <section aria-labelledby="versions-heading" class="stack">
        <h2 class="ds-heading" data-size="md" id="versions-heading">
          {a.versions}
        </h2>
        {props.versions.length === 0 ? <p class="ds-paragraph">{a.noVersions}</p> : null}
        {props.versions.length > 0 ? (
          <DataTable
            label={a.versions}
            columns={[
              a.version,
              a.savedAt,
              a.savedBy,
              a.fieldTitle,
              a.status,
              <span class="ds-sr-only">{a.restore}</span>,
            ]}
          >
            {props.versions.map((v) => (
              <tr>
                <td>{v.number}</td>
                <td>{formatDateTime(props.lang, v.createdAt)}</td>
                <td>{v.authorName ?? a.system}</td>
                <td>{v.title}</td>
                <td>
                  {[
                    v.id === newestId ? a.newest : null,
                    v.published ? a.live : null,
                    v.restoredFromNumber !== null ? a.restoredFrom(v.restoredFromNumber) : null,
                  ]
                    .filter(Boolean)
                    .join(". ")}
                </td>
                <td>
                  {v.id !== newestId ? (
                    <form
                      method="post"
                      action={localPath(props.lang, `${base}/versjoner/${v.id}/gjenopprett`)}
                      class="inline-form"
                    >
                      <button
                        class="ds-button"
                        data-variant="tertiary"
                        data-size="sm"
                        type="submit"
                      >
                        {a.restore}
                        <span class="ds-sr-only"> {a.restoreVersion(v.number)}</span>
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </section>
    </Layout>
  );
}

/** A one-per-line field as the public page lists it. */
function PreviewList(props: { title: string; text: string }) {
  const items = splitLines(props.text);
  if (items.length === 0) return null;
  return (
    <>
      <h3 class="ds-heading" data-size="xs">
        {props.title}
      </h3>
      <ul class="ds-list">
        {items.map((item) => (
          <li>{item}</li>
        ))}
      </ul>
    </>
  );
}

/** The page's documents: the draft's list with its removals, the upload form, older lists. */
function DocumentsSection(props: {
  lang: Lang;
  base: string;
  versions: DocumentListVersion[];
  form: FormView;
  pagePublished: boolean;
}) {
  const t = messages(props.lang);
  const a = programmeAdminTexts(props.lang);
  const [draft, ...older] = props.versions;
  const live = new Set(
    props.pagePublished
      ? (props.versions.find((v) => v.live)?.documents.map((d) => d.id) ?? [])
      : [],
  );
  const href = (id: number) => localPath(props.lang, `${props.base}/dokumenter/${id}`);
  const types = documentLimits.types.map((k) => FILE_KINDS[k].label).join(", ");
  const file = props.form.bind("file");
  return (
    <section aria-labelledby="documents-heading" class="stack">
      <h2 class="ds-heading" data-size="md" id="documents-heading">
        {a.documentsTitle}
      </h2>
      <p class="ds-paragraph">{a.documentsLead}</p>
      {!draft || draft.documents.length === 0 ? (
        <p class="ds-paragraph">{a.noDocuments}</p>
      ) : (
        <DataTable
          label={a.documentsTitle}
          columns={[
            a.documentTitle,
            a.documentFile,
            a.status,
            <span class="ds-sr-only">{a.removeDocument}</span>,
          ]}
        >
          {draft.documents.map((d) => (
            <tr>
              <td>{d.titleNb}</td>
              <td>
                <DocumentLink lang={props.lang} doc={d} href={href(d.id)} />
              </td>
              <td>{live.has(d.id) ? a.documentLive : a.documentDraft}</td>
              <td>
                <form
                  method="post"
                  action={localPath(props.lang, `${props.base}/dokumenter/${d.id}/fjern`)}
                  class="inline-form"
                >
                  <button class="ds-button" data-variant="tertiary" data-size="sm" type="submit">
                    {a.removeDocument}
                    <span class="ds-sr-only"> {a.removeDocumentNamed(d.titleNb)}</span>
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <form
        method="post"
        action={localPath(props.lang, `${props.base}/dokumenter`)}
        enctype="multipart/form-data"
        novalidate
        class="stack ds-card"
      >
        <h3 class="ds-heading" data-size="sm">
          {a.addDocumentTitle}
        </h3>
        <Field t={t} {...props.form.bind("titleNb")} maxLength={documentLimits.title} />
        <Field t={t} {...props.form.bind("titleNn")} maxLength={documentLimits.title} />
        <Field
          t={t}
          {...props.form.bind("titleEn")}
          hint={a.titleEnHint}
          required={false}
          maxLength={documentLimits.title}
        />
        <FileField
          t={t}
          name={file.name}
          id={file.id}
          label={file.label}
          error={file.error}
          hint={a.documentFileHint(types, formatFileSize(props.lang, documentLimits.bytes))}
          accept={documentLimits.types
            .flatMap((k) => [...FILE_KINDS[k].extensions.map((e) => `.${e}`), FILE_KINDS[k].mime])
            .join(",")}
          maxBytes={documentLimits.bytes}
          tooLarge={errorSentence(props.lang, programmeErrors[props.lang], "file", file.label, {
            code: "fileSize",
            params: { maxBytes: documentLimits.bytes },
          })}
        />
        <SubmitRow variant="secondary">{a.addDocument}</SubmitRow>
      </form>
      {older.length > 0 ? (
        <details class="ds-details">
          <summary>{a.documentVersions}</summary>
          <div>
            <ul class="ds-list">
              {older.map((v) => (
                <li>
                  {a.documentVersion(v.number)}, {formatDateTime(props.lang, v.createdAt)},{" "}
                  {v.authorName ?? a.system}
                  {v.live && props.pagePublished ? ` (${a.documentVersionLive})` : ""}:{" "}
                  {v.documents.length === 0 ? (
                    a.noDocumentsInVersion
                  ) : (
                    <ul class="ds-list">
                      {v.documents.map((d) => (
                        <li>
                          {d.titleNb}: <DocumentLink lang={props.lang} doc={d} href={href(d.id)} />
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </div>
        </details>
      ) : null}
    </section>
  );
}

/** A document's file as a link, with its type and size. */
function DocumentLink(props: { lang: Lang; doc: ProgrammeDocument; href: string }) {
  const a = programmeAdminTexts(props.lang);
  return (
    <>
      <a class="ds-link" href={props.href}>
        {props.doc.fileName}
      </a>{" "}
      ({a.fileDetails(fileTypeLabel(props.doc.type), formatFileSize(props.lang, props.doc.bytes))})
    </>
  );
}
