import type { Child } from "hono/jsx";
import { emailMaxLength } from "../../kernel/field-rules";
import { Checkbox, ErrorSummary, Field, Honeypot, RadioGroup } from "../../web/components/form";
import { type WidgetState, widgetHasError } from "../../web/content-pages";
import { type FormState, formView } from "../../web/form-errors";
import { type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { FeedbackWidget } from "../feedback";
import { consentText } from "./consent";
import { newsletterErrors, newsletterTexts } from "./texts";

export function NewsletterPage(props: {
  lang: Lang;
  form: FormState;
  programmes: { slug: string; title: string }[];
  widget: WidgetState;
}) {
  const t = messages(props.lang);
  const nt = newsletterTexts(props.lang);
  const f = formView(props.lang, props.form, {
    labels: { email: nt.email, scope: nt.scope, consent: nt.consentLegend },
    errors: newsletterErrors[props.lang],
  });
  return (
    <Layout
      lang={props.lang}
      title={nt.title}
      path="/nyhetsbrev"
      hasErrors={f.hasErrors || widgetHasError(props.widget)}
    >
      <h1 class="ds-heading" data-size="xl">
        {nt.title}
      </h1>
      <p class="ds-paragraph lead">{nt.lead}</p>
      <ErrorSummary t={t} items={f.summary} />
      <form method="post" action={localPath(props.lang, "/nyhetsbrev")} novalidate class="stack">
        <Honeypot form="newsletter" />
        <Field
          t={t}
          {...f.bind("email")}
          type="email"
          autocomplete="email"
          maxLength={emailMaxLength}
        />
        <RadioGroup
          t={t}
          name="scope"
          legend={nt.scope}
          value={f.value("scope") || "all"}
          error={f.error("scope")}
          options={[
            { value: "all", label: nt.scopeAll },
            ...props.programmes.map((p) => ({ value: p.slug, label: p.title })),
          ]}
        />
        <Checkbox
          t={t}
          name="consent"
          legend={nt.consentLegend}
          label={consentText(props.lang)}
          checked={f.value("consent") === "yes"}
          error={f.error("consent")}
        />
        <div>
          <button class="ds-button" data-variant="primary" type="submit">
            {nt.subscribe}
          </button>
        </div>
      </form>
      <FeedbackWidget lang={props.lang} page="/nyhetsbrev" state={props.widget} />
    </Layout>
  );
}

/** A short page with a heading, a lead and optionally one form button. */
export function MessagePage(props: {
  lang: Lang;
  title: string;
  lead: string;
  color?: "success" | "info" | "warning";
  action?: { href: string; label: string };
  link?: { href: string; label: string };
  children?: Child;
}) {
  return (
    <Layout lang={props.lang} title={props.title} path={undefined}>
      <div class="ds-alert" data-color={props.color ?? "info"}>
        <h1 class="ds-heading" data-size="md">
          {props.title}
        </h1>
        <p class="ds-paragraph">{props.lead}</p>
      </div>
      {props.action ? (
        <form method="post" action={props.action.href} class="stack">
          <div>
            <button class="ds-button" data-variant="primary" type="submit" autofocus>
              {props.action.label}
            </button>
          </div>
        </form>
      ) : null}
      {props.link ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={props.link.href}>
            {props.link.label}
          </a>
        </p>
      ) : null}
    </Layout>
  );
}
