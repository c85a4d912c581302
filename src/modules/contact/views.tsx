import { emailMaxLength } from "../../kernel/field-rules";
import { ErrorSummary, Field, Honeypot, type OptionGroup, Select } from "../../web/components/form";
import { type WidgetState, widgetHasError } from "../../web/content-pages";
import { type FormState, formView } from "../../web/form-errors";
import { formatDateTime, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { FeedbackWidget } from "../feedback";
import type { MunicipalityOption } from "../organisations";
import { messageMaxLength, nameMaxLength, TOPICS } from "./service";
import { contactErrors, contactTexts } from "./texts";

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
  const f = formView(props.lang, props.form, {
    labels: {
      name: ct.name,
      email: ct.email,
      municipality: ct.municipality,
      programme: ct.programme,
      topic: ct.topicName,
      message: ct.message,
    },
    errors: contactErrors[props.lang],
  });
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
      hasErrors={f.hasErrors || widgetHasError(props.widget)}
    >
      <h1 class="ds-heading" data-size="xl">
        {ct.title}
      </h1>
      <p class="ds-paragraph lead">{ct.lead}</p>
      {props.phones.map((p) => (
        <p class="ds-paragraph">{ct.phoneAlternative(p.phone, p.owner)}</p>
      ))}
      <ErrorSummary t={t} items={f.summary} warnings={f.warnings} />
      <form method="post" action={localPath(props.lang, "/kontakt")} novalidate class="stack">
        <Honeypot form="contact" />
        <Field t={t} {...f.bind("name")} autocomplete="name" maxLength={nameMaxLength} />
        <Field
          t={t}
          {...f.bind("email")}
          type="email"
          hint={ct.emailHint}
          autocomplete="email"
          maxLength={emailMaxLength}
        />
        <Select
          t={t}
          {...f.bind("municipality")}
          hint={ct.municipalityHint}
          placeholder={t.form.choose}
          groups={[...groups.values()]}
        />
        <Select
          t={t}
          {...f.bind("programme")}
          options={[
            { value: "", label: ct.programmeAny },
            ...props.programmes.map((p) => ({ value: p.slug, label: p.title })),
          ]}
        />
        <Select
          t={t}
          {...f.bind("topic")}
          label={ct.topic}
          placeholder={t.form.choose}
          options={TOPICS.map((k) => ({ value: k, label: ct.topics[k] ?? k }))}
        />
        <Field
          t={t}
          {...f.bind("message")}
          hint={ct.messageHint}
          multiline
          rows={8}
          maxLength={messageMaxLength}
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
