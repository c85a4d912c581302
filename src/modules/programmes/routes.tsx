import { Hono } from "hono";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { cachedPageResponse } from "../../kernel/page-cache";
import { securityHeaderRecord } from "../../kernel/security";
import { downloadHeaders } from "../../kernel/storage";
import type { ContentPage, WidgetState } from "../../web/content-pages";
import { errorPage } from "../../web/error-pages";
import { toHtml } from "../../web/render";
import { widgetStateFrom } from "../feedback";
import { publishedDocument, publishedDocuments } from "./documents";
import { programmeSections } from "./sections";
import { getPublicProgramme, isPublished, listPublishedProgrammes } from "./service";
import { FrontPage, ProgrammePage } from "./views";

/**
 * Pages that are the same for everyone are taken from the micro-cache when the widget is in
 * its first state; any other state (a query string) is rendered fresh.
 */
async function cachedPage(
  c: AppContext,
  widget: WidgetState,
  status: 200 | 422,
  produce: () => Promise<string | null>,
): Promise<Response> {
  // Signed-in people see their name in the header: their pages are not shared.
  if (widget.kind !== "ask" || status !== 200 || c.get("user")) {
    const html = await produce();
    if (!html) return errorPage(c, "notFound");
    c.header("Cache-Control", "no-store");
    return c.html(html, status);
  }
  const page = await deps(c).pageCache.get(c.req.path, produce);
  if (!page) return errorPage(c, "notFound");
  return cachedPageResponse(page, c.req.header("accept-encoding"), securityHeaderRecord(c));
}

export const frontPage: ContentPage = {
  pattern: /^\/$/,
  async render(c, lang, _match, widget, status = 200) {
    return cachedPage(c, widget, status, async () => {
      const programmes = await listPublishedProgrammes(deps(c).db, lang);
      return toHtml(<FrontPage lang={lang} programmes={programmes} widget={widget} />);
    });
  },
};

export const programmePage: ContentPage = {
  pattern: /^\/tilbud\/([a-z0-9-]{1,60})$/,
  exists: (c, match) => isPublished(deps(c).db, match[1]!),
  async render(c, lang, match, widget, status = 200) {
    return cachedPage(c, widget, status, async () => {
      const { db, clock } = deps(c);
      const data = await getPublicProgramme(db, match[1]!, lang);
      if (!data) return null;
      const documents = await publishedDocuments(db, data.programme.id);
      const sections = await programmeSections(db, data.programme, lang, clock.now());
      return toHtml(
        <ProgrammePage
          lang={lang}
          data={data}
          documents={documents}
          sections={sections}
          widget={widget}
        />,
      );
    });
  },
};

export function programmeRoutes() {
  const app = new Hono<AppEnv>();
  app.get("/:lang{nb|nn|en}/", (c) =>
    frontPage.render(c, langOf(c), ["/"] as RegExpMatchArray, widgetStateFrom(c)),
  );
  app.get("/:lang{nb|nn|en}/tilbud/:slug{[a-z0-9-]{1,60}}", (c) => {
    const slug = c.req.param("slug");
    return programmePage.render(
      c,
      langOf(c),
      [`/tilbud/${slug}`, slug] as unknown as RegExpMatchArray,
      widgetStateFrom(c),
    );
  });
  // A document the published page lists; any other (a draft's, one taken off) is not found.
  app.get(
    "/:lang{nb|nn|en}/tilbud/:slug{[a-z0-9-]{1,60}}/dokumenter/:documentId{[0-9]{1,9}}",
    async (c) => {
      const d = deps(c);
      const data = await getPublicProgramme(d.db, c.req.param("slug"), langOf(c));
      if (!data) return errorPage(c, "notFound");
      const id = Number(c.req.param("documentId"));
      const doc = await publishedDocument(d.db, d.files, data.programme.id, id);
      if (!doc) return errorPage(c, "notFound");
      return c.body(new Uint8Array(doc.bytes), 200, {
        ...downloadHeaders(doc),
        // The same for everyone: a shared cache may keep it a while.
        "Cache-Control": "public, max-age=300",
      });
    },
  );
  return app;
}
