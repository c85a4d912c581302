import { Breadcrumbs } from "../../web/components/breadcrumbs";
import { Button, ButtonRow, DateField, ErrorSummary, Field } from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { type FormState, formView } from "../../web/form-errors";
import { formatDateTime, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { developmentErrors } from "./error-texts";
import { frameTextMax, MAX_PHASES, MAX_QUESTIONS, MAX_THEMES } from "./frame";
import { developmentTexts } from "./texts";

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

export function framePath(slug: string, cohortNumber: number | null): string {
  return `/admin/rammeverk/${slug}${cohortNumber === null ? "" : `/pulje/${cohortNumber}`}`;
}

export function FramePage(props: {
  lang: Lang;
  programme: { slug: string; title: string };
  cohortNumber: number | null;
  version: number;
  versions: { version: number; savedAt: Date }[];
  form: FormState;
  saved?: number;
}) {
  const { lang } = props;
  const t = developmentTexts(lang).frame;
  const m = messages(lang);
  const labels: Record<string, string> = {};
  const both = (base: string, n: number, label: string) => {
    labels[`${base}-${n}-nb`] = `${label} (${t.bokmaal})`;
    labels[`${base}-${n}-nn`] = `${label} (${t.nynorsk})`;
  };
  for (const n of range(MAX_THEMES)) both("theme", n, t.theme(n));
  for (const n of range(MAX_PHASES)) {
    both("phase", n, t.phase(n));
    labels[`phase-${n}-start`] = `${t.phase(n)}, ${t.starts}`;
    labels[`phase-${n}-end`] = `${t.phase(n)}, ${t.ends}`;
  }
  for (const n of range(MAX_QUESTIONS)) both("question", n, t.question(n));
  labels.form = t.save;
  const f = formView(lang, props.form, { labels, errors: developmentErrors[lang] });
  const title =
    props.cohortNumber === null
      ? t.title(props.programme.title)
      : t.cohortTitle(props.programme.title, props.cohortNumber);
  const path = framePath(props.programme.slug, props.cohortNumber);
  const text = (name: string) => <Field t={m} {...f.bind(name)} maxLength={frameTextMax} />;
  return (
    <Layout lang={lang} title={title} path={path} hasErrors={f.hasErrors}>
      <Breadcrumbs
        lang={lang}
        items={[
          { href: "/admin/rammeverk", text: t.back },
          { href: path, text: title },
        ]}
      />
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <p class="ds-paragraph lead">{props.cohortNumber === null ? t.lead : t.cohortLead}</p>
      {props.saved ? <Notice color="success">{t.saved(props.saved)}</Notice> : null}
      <ErrorSummary t={m} items={f.summary} warnings={f.warnings} />
      {f.error("form") ? (
        <Notice color="danger" id="form" focus>
          {f.error("form")}
        </Notice>
      ) : null}
      <form method="post" action={localPath(lang, path)} novalidate class="stack">
        <input type="hidden" name="version" value={String(props.version)} />
        <fieldset class="ds-fieldset stack">
          <legend class="ds-heading" data-size="md">
            {t.themes}
          </legend>
          <p class="ds-paragraph">{t.themesHint}</p>
          {range(MAX_THEMES).map((n) => (
            <div class="stack">
              {text(`theme-${n}-nb`)}
              {text(`theme-${n}-nn`)}
            </div>
          ))}
        </fieldset>
        <fieldset class="ds-fieldset stack">
          <legend class="ds-heading" data-size="md">
            {t.phases}
          </legend>
          <p class="ds-paragraph">{t.phasesHint}</p>
          {range(MAX_PHASES).map((n) => (
            <div class="stack">
              {text(`phase-${n}-nb`)}
              {text(`phase-${n}-nn`)}
              <DateField t={m} {...f.bind(`phase-${n}-start`)} />
              <DateField t={m} {...f.bind(`phase-${n}-end`)} />
            </div>
          ))}
        </fieldset>
        <fieldset class="ds-fieldset stack">
          <legend class="ds-heading" data-size="md">
            {t.questions}
          </legend>
          <p class="ds-paragraph">{t.questionsHint}</p>
          {range(MAX_QUESTIONS).map((n) => (
            <div class="stack">
              {text(`question-${n}-nb`)}
              {text(`question-${n}-nn`)}
            </div>
          ))}
        </fieldset>
        <ButtonRow>
          <Button>{t.save}</Button>
        </ButtonRow>
      </form>
      <section aria-labelledby="versions-heading" class="stack">
        <h2 class="ds-heading" data-size="md" id="versions-heading">
          {t.versions}
        </h2>
        {props.versions.length === 0 ? (
          <p class="ds-paragraph">{t.none}</p>
        ) : (
          <ul>
            {props.versions.map((v) => (
              <li>
                {t.version} {v.version}: {t.savedAt.toLowerCase()} {formatDateTime(lang, v.savedAt)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
}

export function FrameListPage(props: {
  lang: Lang;
  programmes: { slug: string; title: string; cohorts: number[] }[];
}) {
  const { lang } = props;
  const t = developmentTexts(lang).frame;
  return (
    <Layout lang={lang} title={t.listTitle} path="/admin/rammeverk">
      <h1 class="ds-heading" data-size="xl">
        {t.listTitle}
      </h1>
      <p class="ds-paragraph lead">{t.lead}</p>
      <ul class="stack">
        {props.programmes.map((p) => (
          <li>
            <a class="ds-link" href={localPath(lang, framePath(p.slug, null))}>
              {p.title}
            </a>
            {p.cohorts.length > 0 ? (
              <ul>
                {p.cohorts.map((n) => (
                  <li>
                    <a class="ds-link" href={localPath(lang, framePath(p.slug, n))}>
                      {t.cohortLink(n)}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
