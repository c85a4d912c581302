import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { fileTypeLabel } from "../../kernel/storage";
import { Breadcrumbs } from "../../web/components/breadcrumbs";
import { type WidgetState, widgetHasError } from "../../web/content-pages";
import { formatFileSize, formatMonthYear, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { renderMarkdown } from "../../web/markdown";
import { FeedbackWidget } from "../feedback";
import { documentTitle, type ProgrammeDocument } from "./documents";
import { splitLines } from "./editing";
import type { ProgrammeSummary, PublicProgramme } from "./service";
import { programmePageTexts } from "./texts";

export function FrontPage(props: {
  lang: Lang;
  programmes: ProgrammeSummary[];
  widget: WidgetState;
}) {
  const pt = programmePageTexts(props.lang);
  return (
    <Layout lang={props.lang} title={pt.title} path="/" hasErrors={widgetHasError(props.widget)}>
      <h1 class="ds-heading" data-size="xl">
        {pt.title}
      </h1>
      <p class="ds-paragraph lead" data-size="lg">
        {pt.intro}
      </p>
      <h2 class="ds-heading" data-size="md">
        {pt.catalogue}
      </h2>
      <ul class="catalogue">
        {props.programmes.map((p) => (
          <li>
            <article class="ds-card" lang={p.textLang !== props.lang ? p.textLang : undefined}>
              <h3 class="ds-heading" data-size="sm">
                <a class="ds-link" href={localPath(props.lang, `/tilbud/${p.slug}`)}>
                  {p.title}
                </a>
              </h3>
              <p class="ds-paragraph owner" data-size="sm">
                {pt.by(p.ownerName)}
              </p>
              <p class="ds-paragraph">{p.summary}</p>
            </article>
          </li>
        ))}
      </ul>
      <FeedbackWidget lang={props.lang} page="/" state={props.widget} />
    </Layout>
  );
}

export function ProgrammePage(props: {
  lang: Lang;
  data: PublicProgramme;
  /** The documents of the list published with the page. */
  documents: ProgrammeDocument[];
  /** Other modules' sections (cohorts, the application round): `programmeSections`. */
  sections: Child[];
  widget: WidgetState;
}) {
  const t = messages(props.lang);
  const pt = programmePageTexts(props.lang);
  const { programme, text, textLang } = props.data;
  const contentLang = textLang !== props.lang ? textLang : undefined;
  const path = `/tilbud/${programme.slug}`;
  const themes = splitLines(text.themes);
  const commitments = splitLines(text.commitments);
  return (
    <Layout
      lang={props.lang}
      title={text.title}
      path={path}
      hasErrors={widgetHasError(props.widget)}
    >
      <Breadcrumbs
        lang={props.lang}
        items={[
          { href: "/", text: t.site.programmes },
          { href: path, text: text.title },
        ]}
      />
      {contentLang ? (
        <p class="ds-paragraph notice" data-size="sm">
          {t.site.onlyInNorwegian}
        </p>
      ) : null}
      <article>
        <h1 class="ds-heading" data-size="xl" lang={contentLang}>
          {text.title}
        </h1>
        <p class="ds-paragraph owner">{pt.by(text.ownerName)}</p>
        <p class="ds-paragraph lead" data-size="lg" lang={contentLang}>
          {text.summary}
        </p>
        <div class="stack">
          <section aria-labelledby="facts-heading" class="facts">
            <h2 class="ds-heading" data-size="sm" id="facts-heading">
              {pt.facts}
            </h2>
            <dl>
              {programme.startedOn ? (
                <div>
                  <dt>{pt.status}</dt>
                  <dd>{pt.startedIn(formatMonthYear(props.lang, programme.startedOn))}</dd>
                </div>
              ) : null}
              <div>
                <dt>{pt.targetGroup}</dt>
                <dd lang={contentLang}>{text.targetGroup}</dd>
              </div>
              <div>
                <dt>{pt.duration}</dt>
                <dd>
                  {pt.durationRange(programme.durationMinMonths, programme.durationMaxMonths)}
                </dd>
              </div>
              <div>
                <dt>{pt.delivery}</dt>
                <dd>{pt.deliveryModes[programme.deliveryMode] ?? programme.deliveryMode}</dd>
              </div>
              {text.costs ? (
                <div>
                  <dt>{pt.costs}</dt>
                  <dd lang={contentLang}>{text.costs}</dd>
                </div>
              ) : null}
              <div>
                <dt>{pt.howToJoin}</dt>
                <dd>{pt.models[programme.model] ?? programme.model}</dd>
              </div>
            </dl>
          </section>
          {themes.length > 0 ? (
            <section aria-labelledby="themes-heading" class="prose">
              <h2 class="ds-heading" data-size="sm" id="themes-heading">
                {pt.themes}
              </h2>
              <ul class="ds-list" lang={contentLang}>
                {themes.map((theme) => (
                  <li>{theme}</li>
                ))}
              </ul>
            </section>
          ) : null}
          <div class="prose" lang={contentLang}>
            {raw(renderMarkdown(text.bodyMarkdown))}
          </div>
          {commitments.length > 0 ? (
            <section aria-labelledby="commitments-heading" class="prose">
              <h2 class="ds-heading" data-size="sm" id="commitments-heading">
                {pt.commitments}
              </h2>
              <ul class="ds-list" lang={contentLang}>
                {commitments.map((c) => (
                  <li>{c}</li>
                ))}
              </ul>
            </section>
          ) : null}
          {props.documents.length > 0 ? (
            <section aria-labelledby="documents-heading" class="prose">
              <h2 class="ds-heading" data-size="sm" id="documents-heading">
                {pt.documents}
              </h2>
              <ul class="ds-list documents">
                {props.documents.map((doc) => {
                  const title = documentTitle(doc, props.lang);
                  return (
                    <li>
                      <a
                        class="ds-link"
                        href={localPath(props.lang, `${path}/dokumenter/${doc.id}`)}
                        lang={title.lang !== props.lang ? title.lang : undefined}
                      >
                        {title.text}
                      </a>{" "}
                      (
                      {pt.documentDetails(
                        fileTypeLabel(doc.type),
                        formatFileSize(props.lang, doc.bytes),
                      )}
                      )
                    </li>
                  );
                })}
              </ul>
            </section>
          ) : null}
          {props.sections}
          <section aria-labelledby="contact-heading" class="ds-card programme-contact">
            <h2 class="ds-heading" data-size="sm" id="contact-heading">
              {pt.contact}
            </h2>
            <p class="ds-paragraph">
              {pt.contactLead}{" "}
              <a class="ds-link" href={localPath(props.lang, `/kontakt?tilbud=${programme.slug}`)}>
                {pt.contactForm}
              </a>
              {programme.contactPhone ? ` ${pt.phone(programme.contactPhone)}.` : "."}
            </p>
            {programme.contactName || programme.contactEmail ? (
              <p class="ds-paragraph">
                {pt.contactPoint}: {programme.contactName ?? ""}
                {programme.contactName && programme.contactEmail ? ", " : ""}
                {programme.contactEmail ? (
                  <a class="ds-link" href={`mailto:${programme.contactEmail}`}>
                    {programme.contactEmail}
                  </a>
                ) : null}
              </p>
            ) : null}
            <p class="ds-paragraph">
              {pt.newsletterLead}{" "}
              <a
                class="ds-link"
                href={localPath(props.lang, `/nyhetsbrev?tilbud=${programme.slug}`)}
              >
                {pt.newsletterLink}
              </a>
            </p>
          </section>
        </div>
      </article>
      <FeedbackWidget lang={props.lang} page={path} state={props.widget} />
    </Layout>
  );
}
