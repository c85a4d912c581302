import type { Child } from "hono/jsx";
import {
  Checkbox,
  ErrorSummary,
  errorText,
  Field,
  type FormState,
  Honeypot,
  RadioGroup,
} from "../../web/components/form";
import { type WidgetState, widgetHasError } from "../../web/content-pages";
import { type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { FeedbackWidget } from "../feedback";
import { consentText } from "./consent";
import { newsletterTexts } from "./texts";

export function NewsletterPage(props: {
  lang: Lang;
  form: FormState;
  programmes: { slug: string; title: string }[];
  widget: WidgetState;
}) {
  const t = messages(props.lang);
  const nt = newsletterTexts(props.lang);
  const { values, errors } = props.form;
  const labels: Record<string, string> = {
    email: nt.email,
    scope: nt.scope,
    consent: nt.consentLegend,
  };
  const err = (f: string) => (errors[f] ? errorText(t, labels[f] ?? f, errors[f]) : undefined);
  const summary = ["email", "scope", "consent"]
    .filter((f) => errors[f])
    .map((f) => ({ href: `#${f}`, text: err(f) ?? "" }));
  return (
    <Layout
      lang={props.lang}
      title={nt.title}
      path="/nyhetsbrev"
      hasErrors={summary.length > 0 || widgetHasError(props.widget)}
    >
      <h1 class="ds-heading" data-size="xl">
        {nt.title}
      </h1>
      <p class="ds-paragraph lead">{nt.lead}</p>
      <ErrorSummary t={t} items={summary} />
      <form method="post" action={localPath(props.lang, "/nyhetsbrev")} novalidate class="stack">
        <Honeypot form="newsletter" />
        <Field
          t={t}
          name="email"
          type="email"
          label={nt.email}
          autocomplete="email"
          maxLength={254}
          value={values.email}
          error={err("email")}
        />
        <RadioGroup
          t={t}
          name="scope"
          legend={nt.scope}
          value={values.scope ?? "all"}
          error={err("scope")}
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
          checked={values.consent === "yes"}
          error={err("consent")}
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
