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
import { contactTexts } from "./texts";

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
  const ct = contactTexts(props.lang);
  const { values, errors } = props.form;
  const labels: Record<string, string> = {
    name: ct.name,
    email: ct.email,
    municipality: ct.municipality,
    programme: ct.programme,
    topic: ct.topicName,
    message: ct.message,
    form: ct.message,
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
      title={ct.title}
      path="/kontakt"
      hasErrors={summary.length > 0 || widgetHasError(props.widget)}
    >
      <h1 class="ds-heading" data-size="xl">
        {ct.title}
      </h1>
      <p class="ds-paragraph lead">{ct.lead}</p>
      {props.phones.map((p) => (
        <p class="ds-paragraph">{ct.phoneAlternative(p.phone, p.owner)}</p>
      ))}
      <ErrorSummary t={t} items={summary} />
      <form method="post" action={localPath(props.lang, "/kontakt")} novalidate class="stack">
        <Honeypot form="contact" />
        <Field
          t={t}
          name="name"
          label={ct.name}
          autocomplete="name"
          maxLength={nameMaxLength}
          value={values.name}
          error={err("name")}
        />
        <Field
          t={t}
          name="email"
          type="email"
          label={ct.email}
          hint={ct.emailHint}
          autocomplete="email"
          maxLength={emailMaxLength}
          value={values.email}
          error={err("email")}
        />
        <Select
          t={t}
          name="municipality"
          label={ct.municipality}
          hint={ct.municipalityHint}
          placeholder={t.form.choose}
          groups={[...groups.values()]}
          value={values.municipality}
          error={err("municipality")}
        />
        <Select
          t={t}
          name="programme"
          label={ct.programme}
          options={[
            { value: "", label: ct.programmeAny },
            ...props.programmes.map((p) => ({ value: p.slug, label: p.title })),
          ]}
          value={values.programme}
          error={err("programme")}
        />
        <Select
          t={t}
          name="topic"
          label={ct.topic}
          placeholder={t.form.choose}
          options={TOPICS.map((k) => ({ value: k, label: ct.topics[k] ?? k }))}
          value={values.topic}
          error={err("topic")}
        />
        <Field
          t={t}
          name="message"
          label={ct.message}
          hint={ct.messageHint}
          multiline
          rows={8}
          maxLength={messageMaxLength}
          value={values.message}
          error={err("message")}
        />
        <div>
          <button class="ds-button" data-variant="primary" type="submit">
            {ct.send}
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
  const ct = contactTexts(props.lang);
  return (
    <Layout lang={props.lang} title={ct.receiptTitle} path={undefined}>
      <div class="ds-alert" data-color="success">
        <h1 class="ds-heading" data-size="md">
          {ct.receiptTitle}
        </h1>
        <p class="ds-paragraph">{ct.receiptLead(props.email)}</p>
      </div>
      {props.masked ? (
        <div class="ds-alert" data-color="info">
          <p class="ds-paragraph">{ct.nationalIdMasked}</p>
        </div>
      ) : null}
      <dl class="receipt">
        <div>
          <dt>{ct.reference}</dt>
          <dd>
            <strong>{props.reference}</strong>
          </dd>
        </div>
        <div>
          <dt>{ct.sentAt}</dt>
          <dd>{formatDateTime(props.lang, props.sentAt)}</dd>
        </div>
        <div>
          <dt>{ct.yourMessage}</dt>
          <dd class="pre">{props.message}</dd>
        </div>
      </dl>
      <p class="ds-paragraph">
        <a class="ds-link" href={localPath(props.lang, "/")}>
          {t.site.backHome}
        </a>
      </p>
    </Layout>
  );
}
