import { Button, ButtonRow, Checkbox, ErrorSummary, Field } from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { type FormState, formView } from "../../web/form-errors";
import { formatDateTime, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { gatheringErrors } from "./error-texts";
import type { Gathering } from "./gatherings";
import { messageLimits } from "./messages";
import { messagesErrors, messagesTexts } from "./messages-texts";
import { ToolTabs, titleOf, toolPath } from "./overview-views";

const errorsOf = (lang: Lang) => ({ ...gatheringErrors[lang], ...messagesErrors[lang] });

/**
 * The reminder to those who may register and have not: how many, when the last went, and the
 * button (with the number on it) when one may be sent today.
 */
export function ReminderPage(props: {
  lang: Lang;
  gathering: Gathering;
  count: number;
  last: { sentAt: Date; recipients: number } | null;
  /** Why none can be sent now (a refusal's code), or null. */
  blocked: string | null;
  sent?: number | undefined;
  form?: FormState | undefined;
}) {
  const { lang, gathering: g } = props;
  const t = messagesTexts[lang];
  const m = messages(lang);
  const title = t.reminderTitle(titleOf(lang, g));
  const f = formView(lang, props.form, {
    labels: { gathering: title },
    errors: errorsOf(lang),
  });
  const refusal = f.error("gathering");
  const blocked = props.blocked
    ? (formView(
        lang,
        { values: {}, errors: { gathering: { code: props.blocked } } },
        {
          labels: { gathering: title },
          errors: errorsOf(lang),
        },
      ).error("gathering") ?? null)
    : null;
  return (
    <Layout lang={lang} title={title} path={toolPath(g.id, "/paminnelse")} hasErrors={f.hasErrors}>
      <ToolTabs lang={lang} id={g.id} current="reminder" />
      <ErrorSummary t={m} items={f.summary} />
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <p class="ds-paragraph lead">{t.reminderLead}</p>
      {props.sent !== undefined ? (
        <Notice color="success">{t.reminderSent(props.sent)}</Notice>
      ) : null}
      {refusal ? (
        <Notice color="danger" id="gathering" focus>
          {refusal}
        </Notice>
      ) : null}
      <p class="ds-paragraph" data-testid="not-registered">
        {t.notRegistered(props.count)}
      </p>
      {props.last ? (
        <p class="ds-paragraph">
          {t.lastReminder(formatDateTime(lang, props.last.sentAt), props.last.recipients)}
        </p>
      ) : null}
      {blocked && !refusal ? <Notice color="info">{blocked}</Notice> : null}
      {props.count > 0 && !props.blocked ? (
        <form method="post" action={localPath(lang, toolPath(g.id, "/paminnelse"))}>
          <ButtonRow>
            <Button>{t.sendReminder(props.count)}</Button>
          </ButtonRow>
        </form>
      ) : null}
    </Layout>
  );
}

/** The message to those registered: subject, text, whether the waiting list gets it too. */
export function MessagePage(props: {
  lang: Lang;
  gathering: Gathering;
  counts: { seated: number; waiting: number };
  token: string;
  sent?: number | undefined;
  form?: FormState | undefined;
}) {
  const { lang, gathering: g } = props;
  const t = messagesTexts[lang];
  const m = messages(lang);
  const title = t.messageTitle(titleOf(lang, g));
  const f = formView(lang, props.form, {
    labels: {
      gathering: title,
      subject: t.subject,
      text: t.text,
      includeWaiting: t.includeWaiting,
    },
    errors: errorsOf(lang),
  });
  const refusal = f.error("gathering");
  return (
    <Layout lang={lang} title={title} path={toolPath(g.id, "/melding")} hasErrors={f.hasErrors}>
      <ToolTabs lang={lang} id={g.id} current="message" />
      <ErrorSummary t={m} items={f.summary} warnings={f.warnings} />
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <p class="ds-paragraph lead">{t.messageLead}</p>
      {props.sent !== undefined ? (
        <Notice color="success">{t.messageSent(props.sent)}</Notice>
      ) : null}
      {refusal ? (
        <Notice color="danger" id="gathering" focus>
          {refusal}
        </Notice>
      ) : null}
      <p class="ds-paragraph" data-testid="message-recipients">
        {t.recipients(props.counts.seated, props.counts.waiting)}
      </p>
      <form method="post" action={localPath(lang, toolPath(g.id, "/melding"))} class="stack">
        <input type="hidden" name="token" value={props.token} />
        <Field t={m} {...f.bind("subject")} maxLength={messageLimits.subject} />
        <Field
          t={m}
          {...f.bind("text")}
          hint={t.textHint}
          multiline
          rows={10}
          maxLength={messageLimits.text}
        />
        <Checkbox
          t={m}
          name="includeWaiting"
          legend={t.includeWaiting}
          label={t.includeWaitingOption}
          error={f.error("includeWaiting")}
          checked={f.value("includeWaiting") === "yes"}
        />
        <ButtonRow>
          <Button>{t.send}</Button>
        </ButtonRow>
      </form>
    </Layout>
  );
}
