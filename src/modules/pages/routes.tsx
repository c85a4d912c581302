import { desc } from "drizzle-orm";
import { Hono } from "hono";
import { type AppEnv, deps, langOf } from "../../kernel/context";
import { fromLoopback } from "../../kernel/loopback";
import { devOutbox } from "../../kernel/schema";
import { type ContentPage, widgetHasError } from "../../web/content-pages";
import { errorPage } from "../../web/error-pages";
import { formatDateTime, LANGS, type Lang } from "../../web/i18n";
import { Layout } from "../../web/layout";
import { render } from "../../web/render";
import { FeedbackWidget, widgetStateFrom } from "../feedback";
import { accessibility, outboxTexts, privacy, type StaticText } from "./texts";

function staticPage(path: string, texts: Record<Lang, StaticText>): ContentPage {
  return {
    pattern: new RegExp(`^${path}$`),
    render(c, lang, _m, widget, status = 200) {
      const text = texts[lang];
      return render(
        c,
        <Layout lang={lang} title={text.title} path={path} hasErrors={widgetHasError(widget)}>
          <h1 class="ds-heading" data-size="xl">
            {text.title}
          </h1>
          <p class="ds-paragraph lead" data-size="lg">
            {text.lead}
          </p>
          {text.sections.map((s) => (
            <section>
              <h2 class="ds-heading" data-size="sm">
                {s.heading}
              </h2>
              {s.paragraphs.map((p) => (
                <p class="ds-paragraph">{p}</p>
              ))}
            </section>
          ))}
          <FeedbackWidget lang={lang} page={path} state={widget} />
        </Layout>,
        status,
      );
    },
  };
}

export const accessibilityPage = staticPage("/tilgjengelighet", accessibility);
export const privacyPage = staticPage("/personvern", privacy);

function preferredLang(header: string | undefined): Lang {
  const tags = (header ?? "")
    .split(",")
    .map((part) => {
      const [tag, q] = part.trim().split(";q=");
      return { tag: (tag ?? "").toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    if (tag.startsWith("nn")) return "nn";
    if (tag.startsWith("nb") || tag.startsWith("no")) return "nb";
    if (tag.startsWith("en")) return "en";
  }
  return "nb";
}

export function pageRoutes() {
  const app = new Hono<AppEnv>();

  app.get("/", (c) => c.redirect(`/${preferredLang(c.req.header("accept-language"))}/`, 302));
  for (const lang of LANGS) app.get(`/${lang}`, (c) => c.redirect(`/${lang}/`, 301));

  app.get("/:lang{nb|nn|en}/tilgjengelighet", (c) =>
    accessibilityPage.render(c, langOf(c), [] as unknown as RegExpMatchArray, widgetStateFrom(c)),
  );
  app.get("/:lang{nb|nn|en}/personvern", (c) =>
    privacyPage.render(c, langOf(c), [] as unknown as RegExpMatchArray, widgetStateFrom(c)),
  );

  app.get("/healthz", (c) => c.text("ok"));

  // The development outbox: only in development, only when no SMTP server is configured, and
  // only to this machine (it lists everyone's sign-in codes). Everything under /dev/ alike.
  app.use("/:lang{nb|nn|en}/dev/*", async (c, next) => {
    const d = deps(c);
    if (d.env !== "development" || d.mailKind !== "outbox" || !fromLoopback(c)) {
      return errorPage(c, "notFound");
    }
    return next();
  });
  app.get("/:lang{nb|nn|en}/dev/utboks", async (c) => {
    const d = deps(c);
    const lang = langOf(c);
    const t = outboxTexts(lang);
    const mails = await d.db.select().from(devOutbox).orderBy(desc(devOutbox.id)).limit(50);
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <Layout lang={lang} title={t.title} path="/dev/utboks">
        <h1 class="ds-heading" data-size="lg">
          {t.title}
        </h1>
        <p class="ds-paragraph">{t.lead}</p>
        {mails.length === 0 ? <p class="ds-paragraph">{t.empty}</p> : null}
        {mails.map((m) => (
          <article class="ds-card outbox-mail">
            <h2 class="ds-heading" data-size="xs">
              {m.subject}
            </h2>
            <p class="ds-paragraph" data-size="sm">
              {t.to}: {m.to} · {t.sentAt}: {formatDateTime(lang, m.sentAt)}
            </p>
            <pre class="pre">
              {m.text.split(/(https?:\/\/[^\s]+)/).map((part) =>
                /^https?:\/\//.test(part) ? (
                  <a class="ds-link" href={part}>
                    {part}
                  </a>
                ) : (
                  part
                ),
              )}
            </pre>
          </article>
        ))}
      </Layout>,
    );
  });

  return app;
}
