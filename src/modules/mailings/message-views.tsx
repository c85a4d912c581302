import { Breadcrumbs } from "../../web/components/breadcrumbs";
import { DataTable } from "../../web/components/data-table";
import { ErrorSummary, Field, SubmitRow, ValidationMessage } from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { type FormState, formView } from "../../web/form-errors";
import { type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { hasNynorsk } from "./messages";
import type { RecipientState } from "./schema";
import type { MessageAudience } from "./segments";
import type { Mailing } from "./sending";
import { bodyMaxLength, subjectMaxLength } from "./service";
import { mailingErrors, mailingTexts, messageTexts, refusalTexts } from "./texts";
import { SendProgress } from "./views";

export const MESSAGES = "/admin/meldinger";
export const messagePath = (lang: Lang, id?: number, rest = "") =>
  localPath(lang, id === undefined ? MESSAGES : `${MESSAGES}/${id}${rest}`);

/** A segment the sender may write to, as a link on the list. */
export type Choice = { path: string; label: string };
export type ChoiceGroup = { heading: string; choices: Choice[] };

export function MessagesPage(props: { lang: Lang; groups: ChoiceGroup[]; mine: Mailing[] }) {
  const { lang } = props;
  const mt = messageTexts(lang);
  const st = mailingTexts(lang);
  return (
    <Layout lang={lang} title={mt.listTitle} path={MESSAGES} wide>
      <h1 class="ds-heading" data-size="xl">
        {mt.listTitle}
      </h1>
      <p class="ds-paragraph lead">{mt.listLead}</p>
      <section aria-labelledby="choose-h" class="stack">
        <h2 class="ds-heading" data-size="md" id="choose-h">
          {mt.choose}
        </h2>
        {props.groups.length === 0 ? <p class="ds-paragraph">{mt.nothingToReach}</p> : null}
        {props.groups.map((g, i) => (
          <section aria-labelledby={`group-${i}`} class="stack">
            <h3 class="ds-heading" data-size="sm" id={`group-${i}`}>
              {g.heading}
            </h3>
            <ul class="ds-list">
              {g.choices.map((c) => (
                <li>
                  <a class="ds-link" href={localPath(lang, c.path)}>
                    {c.label}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>
      <section aria-labelledby="mine-h" class="stack">
        <h2 class="ds-heading" data-size="md" id="mine-h">
          {mt.sentHeading}
        </h2>
        {props.mine.length === 0 ? (
          <p class="ds-paragraph">{mt.none}</p>
        ) : (
          <DataTable label={mt.sentHeading} columns={[st.subjectNb, mt.segment, mt.statusLabel]}>
            {props.mine.map((m) => (
              <tr>
                <td>
                  <a class="ds-link" href={messagePath(lang, m.id)}>
                    {lang === "nn" ? m.subjectNn : m.subjectNb}
                  </a>
                </td>
                <td>{(m.audience as MessageAudience).label?.[lang] ?? ""}</td>
                <td>{st.status[m.status]}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </Layout>
  );
}

function Recipients(props: { lang: Lang; preview: { count: number; sample: string[] } }) {
  const mt = messageTexts(props.lang);
  if (props.preview.count === 0) {
    return (
      <Notice color="warning" id="recipients">
        {mt.noRecipients}
      </Notice>
    );
  }
  return (
    <div class="stack" id="recipients">
      <p class="ds-paragraph" id="recipient-count">
        {mt.recipientsCount(props.preview.count)}
      </p>
      {props.preview.sample.length > 0 ? (
        <>
          <p class="ds-paragraph">{mt.sampleLead}</p>
          <ul class="ds-list" id="recipient-sample">
            {props.preview.sample.map((s) => (
              <li>{s}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** Writing a message (new, or a draft): who gets it, the text; for a draft, the send. */
export function MessageEditorPage(props: {
  lang: Lang;
  action: string;
  path: string;
  audience: MessageAudience;
  preview: { count: number; sample: string[] };
  replyTo: string;
  mailing: Mailing | null;
  form?: FormState;
  sendForm?: FormState;
  message?: string | undefined;
}) {
  const { lang, mailing } = props;
  const t = messages(lang);
  const mt = messageTexts(lang);
  const nn = mailing ? hasNynorsk(mailing) : false;
  const values = props.form?.values ?? {
    subjectNb: mailing?.subjectNb ?? "",
    bodyNb: mailing?.bodyNb ?? "",
    subjectNn: nn ? (mailing?.subjectNn ?? "") : "",
    bodyNn: nn ? (mailing?.bodyNn ?? "") : "",
  };
  const f = formView(
    lang,
    { values, errors: props.form?.errors ?? {} },
    {
      labels: {
        subjectNb: mt.subjectNb,
        bodyNb: mt.bodyNb,
        subjectNn: mt.subjectNn,
        bodyNn: mt.bodyNn,
      },
      errors: mailingErrors[lang],
    },
  );
  const s = formView(lang, props.sendForm ?? { values: {}, errors: {} }, {
    labels: { form: mt.sendHeading },
    errors: mailingErrors[lang],
    idPrefix: "send",
  });
  const title = mailing ? (lang === "nn" ? mailing.subjectNn : mailing.subjectNb) : mt.newMessage;
  return (
    <Layout lang={lang} title={title} path={props.path} hasErrors={f.hasErrors || s.hasErrors}>
      <Breadcrumbs
        lang={lang}
        items={[
          { href: MESSAGES, text: mt.listTitle },
          { href: props.path, text: title },
        ]}
      />
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <ErrorSummary t={t} items={[...f.summary, ...s.summary]} />
      {props.message ? <Notice color="success">{props.message}</Notice> : null}
      <section aria-labelledby="segment-h" class="stack">
        <h2 class="ds-heading" data-size="md" id="segment-h">
          {mt.segment}
        </h2>
        <p class="ds-paragraph" id="segment-label">
          {props.audience.label[lang]}
        </p>
        <Recipients lang={lang} preview={props.preview} />
      </section>
      <form method="post" action={props.action} novalidate class="stack">
        <Field t={t} {...f.bind("subjectNb")} maxLength={subjectMaxLength} />
        <Field
          t={t}
          {...f.bind("bodyNb")}
          hint={mt.bodyHint}
          multiline
          rows={10}
          maxLength={bodyMaxLength}
        />
        <Field
          t={t}
          {...f.bind("subjectNn")}
          required={false}
          hint={mt.nnHint}
          maxLength={subjectMaxLength}
        />
        <Field
          t={t}
          {...f.bind("bodyNn")}
          required={false}
          hint={mt.bodyHint}
          multiline
          rows={10}
          maxLength={bodyMaxLength}
        />
        <p class="ds-paragraph">{mt.replyToLead(props.replyTo)}</p>
        <SubmitRow>{mt.save}</SubmitRow>
      </form>
      {mailing ? (
        <section aria-labelledby="send-h" class="stack">
          <h2 class="ds-heading" data-size="md" id="send-h">
            {mt.sendHeading}
          </h2>
          <ValidationMessage t={t} id="send-form" text={s.error("form")} />
          {props.preview.count > 0 ? (
            <form method="post" action={messagePath(lang, mailing.id, "/send")} class="stack">
              <p class="ds-paragraph">{mt.recipientsCount(props.preview.count)}</p>
              <SubmitRow>{mt.send}</SubmitRow>
            </form>
          ) : (
            <p class="ds-paragraph">{mt.noRecipients}</p>
          )}
        </section>
      ) : null}
    </Layout>
  );
}

/** A message on its way or sent: where it stands (no list of who got it). */
export function MessageProgressPage(props: {
  lang: Lang;
  mailing: Mailing;
  progress: Record<RecipientState, number> & { total: number };
}) {
  const { lang, mailing, progress } = props;
  const st = mailingTexts(lang);
  const mt = messageTexts(lang);
  const title = lang === "nn" ? mailing.subjectNn : mailing.subjectNb;
  const path = `${MESSAGES}/${mailing.id}`;
  return (
    <Layout lang={lang} title={title} path={path}>
      <Breadcrumbs
        lang={lang}
        items={[
          { href: MESSAGES, text: mt.listTitle },
          { href: path, text: title },
        ]}
      />
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <p class="ds-paragraph">
        {mt.segment}: {(mailing.audience as MessageAudience).label?.[lang] ?? ""}
      </p>
      <p class="ds-paragraph" id="mailing-status">
        {st.statusLabel}: <strong>{st.status[mailing.status]}</strong>
      </p>
      <SendProgress lang={lang} progress={progress} refresh={messagePath(lang, mailing.id)} />
    </Layout>
  );
}

/** A segment the person may not write to: 403, and why. */
export function RefusedPage(props: { lang: Lang; reason: string }) {
  const mt = messageTexts(props.lang);
  const reason = refusalTexts[props.lang][props.reason] ?? refusalTexts[props.lang].notYourRole;
  return (
    <Layout lang={props.lang} title={mt.refusedTitle} path={undefined}>
      <h1 class="ds-heading" data-size="lg">
        {mt.refusedTitle}
      </h1>
      <p class="ds-paragraph" id="refusal-reason">
        {reason}
      </p>
      <p class="ds-paragraph">
        <a class="ds-link" href={messagePath(props.lang)}>
          {mt.listTitle}
        </a>
      </p>
    </Layout>
  );
}
