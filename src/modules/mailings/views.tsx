import { raw } from "hono/html";
import { osloLocal, osloTyped } from "../../kernel/clock";
import { Breadcrumbs } from "../../web/components/breadcrumbs";
import { DataTable } from "../../web/components/data-table";
import { ErrorSummary, Field, SubmitRow, ValidationMessage } from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { type FormState, formView } from "../../web/form-errors";
import { type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { renderMarkdown } from "../../web/markdown";
import type { RecipientState } from "./schema";
import type { Mailing } from "./sending";
import { bodyMaxLength, subjectMaxLength } from "./service";
import { mailingErrors, mailingTexts } from "./texts";

export const ADMIN = "/admin/nyhetsbrev";
export const adminPath = (lang: Lang, id?: number, rest = "") =>
  localPath(lang, id === undefined ? ADMIN : `${ADMIN}/${id}${rest}`);
export const archivePath = (lang: Lang, id: number) => localPath(lang, `/nyhetsbrev/utgaver/${id}`);

export type ProgrammeRow = { id: number; title: string; mailings: Mailing[] };

export function NewslettersPage(props: { lang: Lang; programmes: ProgrammeRow[] }) {
  const mt = mailingTexts(props.lang);
  return (
    <Layout lang={props.lang} title={mt.listTitle} path={ADMIN} wide>
      <h1 class="ds-heading" data-size="xl">
        {mt.listTitle}
      </h1>
      <p class="ds-paragraph lead">{mt.listLead}</p>
      {props.programmes.map((p) => (
        <section aria-labelledby={`programme-${p.id}`} class="stack">
          <h2 class="ds-heading" data-size="md" id={`programme-${p.id}`}>
            {p.title}
          </h2>
          <p class="ds-paragraph">
            <a class="ds-link" href={`${adminPath(props.lang)}/ny?tilbud=${p.id}`}>
              {mt.newNewsletter}
            </a>
          </p>
          {p.mailings.length === 0 ? (
            <p class="ds-paragraph">{mt.none}</p>
          ) : (
            <DataTable label={p.title} columns={[mt.subjectNb, mt.statusLabel]}>
              {p.mailings.map((m) => (
                <tr>
                  <td>
                    <a class="ds-link" href={adminPath(props.lang, m.id)}>
                      {props.lang === "nn" ? m.subjectNn : m.subjectNb}
                    </a>
                  </td>
                  <td>{mt.status[m.status]}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      ))}
    </Layout>
  );
}

const LANG_CHOICES = ["nb", "nn", "en"] as const;

/** The editor of a draft: content, audience; beside it the preview, the test and the send. */
export function EditorPage(props: {
  lang: Lang;
  programmeId: number;
  programmeTitle: string;
  mailing: Mailing | null;
  form?: FormState;
  langs: string[];
  message?: string | undefined;
  recipients?: { count: number } | null;
  sendForm?: FormState;
  selfAddress: string | null;
}) {
  const { lang, mailing } = props;
  const t = messages(lang);
  const mt = mailingTexts(lang);
  const values = props.form?.values ?? {
    subjectNb: mailing?.subjectNb ?? "",
    subjectNn: mailing?.subjectNn ?? "",
    bodyNb: mailing?.bodyNb ?? "",
    bodyNn: mailing?.bodyNn ?? "",
    replyTo: mailing?.replyTo ?? "",
  };
  const f = formView(
    lang,
    { values, errors: props.form?.errors ?? {} },
    {
      labels: {
        subjectNb: mt.subjectNb,
        subjectNn: mt.subjectNn,
        bodyNb: mt.bodyNb,
        bodyNn: mt.bodyNn,
        replyTo: mt.replyTo,
        langs: mt.languages,
      },
      errors: mailingErrors[lang],
    },
  );
  const s = formView(lang, props.sendForm ?? { values: {}, errors: {} }, {
    labels: { sendAt: mt.sendAt, form: mt.sendHeading },
    errors: mailingErrors[lang],
    idPrefix: "send",
  });
  const title = mailing
    ? lang === "nn"
      ? mailing.subjectNn
      : mailing.subjectNb
    : mt.newNewsletter;
  const action = mailing
    ? adminPath(lang, mailing.id)
    : `${adminPath(lang)}/ny?tilbud=${props.programmeId}`;
  const path = mailing ? `${ADMIN}/${mailing.id}` : `${ADMIN}/ny`;
  const chosen = new Set(props.langs);
  const langError = f.error("langs");
  return (
    <Layout lang={lang} title={title} path={path} hasErrors={f.hasErrors || s.hasErrors}>
      <Breadcrumbs
        lang={lang}
        items={[
          { href: ADMIN, text: mt.listTitle },
          { href: path, text: title },
        ]}
      />
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <p class="ds-paragraph">
        {mt.programme}: {props.programmeTitle}
      </p>
      <ErrorSummary t={t} items={[...f.summary, ...s.summary]} />
      {props.message ? <Notice color="success">{props.message}</Notice> : null}
      <form method="post" action={action} novalidate class="stack">
        <Field t={t} {...f.bind("subjectNb")} maxLength={subjectMaxLength} />
        <Field
          t={t}
          {...f.bind("bodyNb")}
          hint={mt.bodyHint}
          multiline
          rows={10}
          maxLength={bodyMaxLength}
        />
        <Field t={t} {...f.bind("subjectNn")} maxLength={subjectMaxLength} />
        <Field
          t={t}
          {...f.bind("bodyNn")}
          hint={mt.bodyHint}
          multiline
          rows={10}
          maxLength={bodyMaxLength}
        />
        <Field t={t} {...f.bind("replyTo")} type="email" hint={mt.replyToHint} maxLength={254} />
        <fieldset
          class="ds-fieldset"
          aria-describedby={langError ? "langs-error langs-hint" : "langs-hint"}
        >
          <legend class="ds-label">{mt.languages}</legend>
          <p data-field="description" id="langs-hint">
            {mt.languagesHint}
          </p>
          <ValidationMessage t={t} id="langs-error" text={langError} />
          {LANG_CHOICES.map((l, i) => (
            <div class="ds-field">
              <input
                class="ds-input"
                type="checkbox"
                id={i === 0 ? "langs" : `langs-${l}`}
                name="langs"
                value={l}
                checked={chosen.has(l)}
              />
              <label class="ds-label" for={i === 0 ? "langs" : `langs-${l}`} data-weight="regular">
                {mt.langNames[l]}
              </label>
            </div>
          ))}
        </fieldset>
        <SubmitRow>{mt.save}</SubmitRow>
      </form>
      {mailing ? (
        <>
          <section aria-labelledby="preview-h" class="stack">
            <h2 class="ds-heading" data-size="md" id="preview-h">
              {mt.preview}
            </h2>
            <ul class="ds-list">
              {(["nb", "nn"] as const).map((l) => (
                <>
                  <li>
                    <a
                      class="ds-link"
                      href={`${adminPath(lang, mailing.id, "/forhandsvisning")}?sprak=${l}`}
                    >
                      {mt.previewMail} ({mt.langNames[l]})
                    </a>
                  </li>
                  <li>
                    <a
                      class="ds-link"
                      href={`${adminPath(lang, mailing.id, "/nettside")}?sprak=${l}`}
                    >
                      {mt.previewWeb} ({mt.langNames[l]})
                    </a>
                  </li>
                </>
              ))}
            </ul>
          </section>
          {props.selfAddress ? (
            <section aria-labelledby="test-h" class="stack">
              <h2 class="ds-heading" data-size="md" id="test-h">
                {mt.testHeading}
              </h2>
              <p class="ds-paragraph">{mt.testLead(props.selfAddress)}</p>
              <form method="post" action={adminPath(lang, mailing.id, "/test")}>
                <button class="ds-button" data-variant="secondary" type="submit">
                  {mt.sendTest}
                </button>
              </form>
            </section>
          ) : null}
          <section aria-labelledby="send-h" class="stack">
            <h2 class="ds-heading" data-size="md" id="send-h">
              {mt.sendHeading}
            </h2>
            <ValidationMessage t={t} id="send-form" text={s.error("form")} />
            {props.recipients && props.recipients.count > 0 ? (
              <p class="ds-paragraph">{mt.recipientsNow(props.recipients.count)}</p>
            ) : (
              <Notice color="warning">{mt.noRecipients}</Notice>
            )}
            <form
              method="post"
              action={adminPath(lang, mailing.id, "/send")}
              novalidate
              class="stack"
            >
              <Field
                t={t}
                {...s.bind("sendAt")}
                required={false}
                hint={mt.sendAtHint}
                maxLength={20}
              />
              <SubmitRow>{mt.sendNow}</SubmitRow>
            </form>
          </section>
        </>
      ) : null}
    </Layout>
  );
}

/** A mailing on its way or sent: its progress (a refreshed page, no script needed). */
export function ProgressPage(props: {
  lang: Lang;
  mailing: Mailing;
  programmeTitle: string;
  progress: Record<RecipientState, number> & { total: number };
  bounces: { hard: number; undeliverable: number };
}) {
  const { lang, mailing, progress } = props;
  const mt = mailingTexts(lang);
  const title = lang === "nn" ? mailing.subjectNn : mailing.subjectNb;
  const path = `${ADMIN}/${mailing.id}`;
  return (
    <Layout lang={lang} title={title} path={path}>
      <Breadcrumbs
        lang={lang}
        items={[
          { href: ADMIN, text: mt.listTitle },
          { href: path, text: title },
        ]}
      />
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <p class="ds-paragraph">
        {mt.programme}: {props.programmeTitle}
      </p>
      <p class="ds-paragraph" id="mailing-status">
        {mt.statusLabel}: <strong>{mt.status[mailing.status]}</strong>
        {mailing.status === "scheduled" && mailing.sendAt
          ? ` ${mt.scheduledFor(osloTyped(mailing.sendAt))}`
          : ""}
      </p>
      <SendProgress lang={lang} progress={progress} refresh={adminPath(lang, mailing.id)} />
      <section aria-labelledby="bounces-h" class="stack">
        <h2 class="ds-heading" data-size="md" id="bounces-h">
          {mt.bouncesHeading}
        </h2>
        <p class="ds-paragraph">
          {mt.bouncesLead(props.bounces.hard, props.bounces.undeliverable)}
        </p>
      </section>
      <p class="ds-paragraph">
        <a
          class="ds-link"
          href={`${adminPath(lang, mailing.id, "/nettside")}?sprak=${lang === "nn" ? "nn" : "nb"}`}
        >
          {mt.previewWeb}
        </a>
      </p>
    </Layout>
  );
}

/** A newsletter as a web page: the archive's edition, and the editor's preview of it. */
export function WebEditionPage(props: {
  lang: Lang;
  edition: "nb" | "nn";
  mailing: Mailing;
  programmeTitle: string;
  path: string;
}) {
  const { mailing, edition } = props;
  const mt = mailingTexts(props.lang);
  const subject = edition === "nn" ? mailing.subjectNn : mailing.subjectNb;
  const body = edition === "nn" ? mailing.bodyNn : mailing.bodyNb;
  return (
    <Layout lang={props.lang} title={subject} path={props.path}>
      <article lang={edition} class="stack">
        <p class="ds-paragraph">{props.programmeTitle}</p>
        <h1 class="ds-heading" data-size="xl">
          {subject}
        </h1>
        {mailing.startedAt ? (
          <p class="ds-paragraph">{mt.sentOn(osloTyped(mailing.startedAt))}</p>
        ) : null}
        <div class="stack">{raw(renderMarkdown(body))}</div>
      </article>
    </Layout>
  );
}

/** The section on a programme's public page: its sent newsletters. */
export function ArchiveSection(props: { lang: Lang; mailings: Mailing[] }) {
  const mt = mailingTexts(props.lang);
  const edition = props.lang === "nn" ? "nn" : "nb";
  return (
    <section aria-labelledby="newsletter-archive" class="stack">
      <h2 class="ds-heading" data-size="md" id="newsletter-archive">
        {mt.archiveHeading}
      </h2>
      <ul class="ds-list">
        {props.mailings.map((m) => (
          <li>
            <a
              class="ds-link"
              href={archivePath(props.lang, m.id)}
              lang={edition === props.lang ? undefined : edition}
            >
              {edition === "nn" ? m.subjectNn : m.subjectNb}
            </a>
            {m.startedAt ? ` (${osloTyped(m.startedAt).split(" ")[0]})` : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}

export { osloLocal };

/** How far a send has come (queued, sent, failed, bounced), for a newsletter and a message alike. */
export function SendProgress(props: {
  lang: Lang;
  progress: Record<RecipientState, number> & { total: number };
  refresh: string;
}) {
  const { progress } = props;
  const mt = mailingTexts(props.lang);
  const done = progress.sent + progress.failed + progress.bounced;
  return (
    <section aria-labelledby="progress-h" class="stack">
      <h2 class="ds-heading" data-size="md" id="progress-h">
        {mt.progressHeading}
      </h2>
      <label class="ds-label" for="progress-bar">
        {mt.progressOf(done, progress.total)}
      </label>
      <progress id="progress-bar" max={Math.max(progress.total, 1)} value={done}>
        {mt.progressOf(done, progress.total)}
      </progress>
      <DataTable label={mt.progressHeading} columns={[mt.statusLabel, "#"]}>
        {(["queued", "sent", "failed", "bounced"] as const).map((k) => (
          <tr>
            <td>{mt.states[k]}</td>
            <td data-state={k}>{progress[k]}</td>
          </tr>
        ))}
      </DataTable>
      <p class="ds-paragraph">
        <a class="ds-link" href={props.refresh}>
          {mt.refresh}
        </a>
      </p>
    </section>
  );
}
