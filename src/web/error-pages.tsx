import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { langOf } from "../kernel/context";
import { errorPageTexts } from "./error-page-texts";
import { messages } from "./i18n";
import { Layout, localPath } from "./layout";
import { render } from "./render";

/** `forbidden`: a form from elsewhere (CSRF); `notAllowed`: the person's roles do not allow it. */
type Kind =
  | "notFound"
  | "badRequest"
  | "forbidden"
  | "notAllowed"
  | "tooLarge"
  | "tooMany"
  | "serverError";

const statusOf: Record<Kind, ContentfulStatusCode> = {
  notFound: 404,
  badRequest: 400,
  forbidden: 403,
  notAllowed: 403,
  tooLarge: 413,
  tooMany: 429,
  serverError: 500,
};

export function errorPage(c: Context, kind: Kind) {
  const lang = langOf(c);
  const t = messages(lang);
  const e = errorPageTexts(lang);
  const title = e[`${kind}Title`];
  const lead = e[`${kind}Lead`];
  c.header("Cache-Control", "no-store");
  return render(
    c,
    <Layout lang={lang} title={title} path={undefined}>
      <h1 class="ds-heading" data-size="lg">
        {title}
      </h1>
      <p class="ds-paragraph">{lead}</p>
      <p class="ds-paragraph">
        <a class="ds-link" href={localPath(lang, "/")}>
          {t.site.backHome}
        </a>
      </p>
    </Layout>,
    statusOf[kind],
  );
}
