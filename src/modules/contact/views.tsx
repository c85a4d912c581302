import {
  ErrorSummary,
  errorText,
  Field,
  type FormState,
  Honeypot,
  type OptionGroup,
  Select,
} from "../../web/components/form";
import { type WidgetState, widgetHasError } from "../../web/content-pages";
import { formatDateTime, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { FeedbackWidget } from "../feedback";
import type { MunicipalityOption } from "../organisations";
import { emailMaxLength, messageMaxLength, nameMaxLength, TOPICS } from "./service";

export type PhoneContact = { owner: string; phone: string };

export function ContactPage(props: {
  lang: Lang;
  form: FormState;
  municipalities: MunicipalityOption[];
  programmes: { slug: string; title: string }[];
  phones: PhoneContact[];
  widget: WidgetState;
}) {
  const t = messages(props.lang);
  const { values, errors } = props.form;
  const labels: Record<string, string> = {
    name: t.contact.name,
    email: t.contact.email,
    municipality: t.contact.municipality,
    programme: t.contact.programme,
    topic: t.contact.topicName,
    message: t.contact.message,
    form: t.contact.message,
  };
  const err = (field: string) => {
    const e = errors[field];
    return e ? errorText(t, labels[field] ?? field, e) : undefined;
  };
  const order = ["name", "email", "municipality", "programme", "topic", "message"];
  const summary = order
    .filter((f) => errors[f])
    .map((f) => ({ href: `#${f}`, text: err(f) ?? "" }));
  const groups = new Map<string, OptionGroup>();
  for (const m of props.municipalities) {
    const group = groups.get(m.countyCode) ?? { label: m.countyName, options: [] };
    group.options.push({ value: m.code, label: m.name });
    groups.set(m.countyCode, group);
  }
  return (
    <Layout
      lang={props.lang}
      title={t.contact.title}
      path="/kontakt"
      hasErrors={summary.length > 0 || widgetHasError(props.widget)}
    >
      <h1 class="ds-heading" data-size="xl">
        {t.contact.title}
      </h1>
      <p class="ds-paragraph lead">{t.contact.lead}</p>
      {props.phones.map((p) => (
        <p class="ds-paragraph">{t.contact.phoneAlternative(p.phone, p.owner)}</p>
      ))}
      <ErrorSummary t={t} items={summary} />
      <form method="post" action={localPath(props.lang, "/kontakt")} novalidate class="stack">
        <Honeypot form="contact" />
        <Field
          t={t}
          name="name"
          label={t.contact.name}
          autocomplete="name"
          maxLength={nameMaxLength}
          value={values.name}
          error={err("name")}
        />
        <Field
          t={t}
          name="email"
          type="email"
          label={t.contact.email}
          hint={t.contact.emailHint}
          autocomplete="email"
          maxLength={emailMaxLength}
          value={values.email}
          error={err("email")}
        />
        <Select
          t={t}
          name="municipality"
          label={t.contact.municipality}
          hint={t.contact.municipalityHint}
          placeholder={t.form.choose}
          groups={[...groups.values()]}
          value={values.municipality}
          error={err("municipality")}
        />
        <Select
          t={t}
          name="programme"
          label={t.contact.programme}
          options={[
            { value: "", label: t.contact.programmeAny },
            ...props.programmes.map((p) => ({ value: p.slug, label: p.title })),
          ]}
          value={values.programme}
          error={err("programme")}
        />
        <Select
          t={t}
          name="topic"
          label={t.contact.topic}
          placeholder={t.form.choose}
          options={TOPICS.map((k) => ({ value: k, label: t.contact.topics[k] ?? k }))}
          value={values.topic}
          error={err("topic")}
        />
        <Field
          t={t}
          name="message"
          label={t.contact.message}
          hint={t.contact.messageHint}
          multiline
          rows={8}
          maxLength={messageMaxLength}
          value={values.message}
          error={err("message")}
        />
        <div>
          <button class="ds-button" data-variant="primary" type="submit">
            {t.contact.send}
          </button>
        </div>
      </form>
      <FeedbackWidget lang={props.lang} page="/kontakt" state={props.widget} />
    </Layout>
  );
}

export function ContactReceiptPage(props: {
  lang: Lang;
  reference: string;
  email: string;
  message: string;
  sentAt: Date;
  masked: boolean;
}) {
  const t = messages(props.lang);
  return (
    <Layout lang={props.lang} title={t.contact.receiptTitle} path={undefined}>
      <div class="ds-alert" data-color="success">
        <h1 class="ds-heading" data-size="md">
          {t.contact.receiptTitle}
        </h1>
        <p class="ds-paragraph">{t.contact.receiptLead(props.email)}</p>
      </div>
      {props.masked ? (
        <div class="ds-alert" data-color="info">
          <p class="ds-paragraph">{t.contact.nationalIdMasked}</p>
        </div>
      ) : null}
      <dl class="receipt">
        <div>
          <dt>{t.contact.reference}</dt>
          <dd>
            <strong>{props.reference}</strong>
          </dd>
        </div>
        <div>
          <dt>{t.contact.sentAt}</dt>
          <dd>{formatDateTime(props.lang, props.sentAt)}</dd>
        </div>
        <div>
          <dt>{t.contact.yourMessage}</dt>
          <dd class="pre">{props.message}</dd>
        </div>
      </dl>
      <p class="ds-paragraph">
        <a class="ds-link" href={localPath(props.lang, "/")}>
          {t.pages.backHome}
        </a>
      </p>
    </Layout>
  );
}
