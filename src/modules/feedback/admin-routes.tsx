import { Hono } from "hono";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { readForm } from "../../kernel/forms";
import { render } from "../../web/render";
import { requirePermission, safeReturnTo } from "../identity";
import { feedbackAdminTexts } from "./admin-texts";
import { FeedbackOverviewPage } from "./admin-views";
import {
  feedbackPages,
  feedbackStats,
  hideComment,
  listComments,
  markCommentHandled,
} from "./service";

const YEAR_MS = 365 * 24 * 60 * 60_000;

export function feedbackAdminRoutes() {
  const app = new Hono<AppEnv>();

  app.get("/:lang{nb|nn|en}/admin/tilbakemeldinger", async (c) => {
    requirePermission(c, "read", "feedback");
    const lang = langOf(c);
    const d = deps(c);
    const allPages = await feedbackPages(d.db);
    const asked = c.req.query("sti") ?? "";
    const sti = allPages.includes(asked) ? asked : "";
    const skjulte = c.req.query("skjulte") === "1";
    const pageNumber = Math.max(
      1,
      Math.min(10_000, Number.parseInt(c.req.query("side") ?? "1", 10) || 1),
    );
    const stats = await feedbackStats(d.db, {
      page: sti || undefined,
      since: new Date(d.clock.now().getTime() - YEAR_MS),
    });
    const comments = await listComments(
      d.db,
      { page: sti || undefined, showHidden: skjulte },
      pageNumber,
    );
    const f = feedbackAdminTexts(lang);
    const m = c.req.query("melding");
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <FeedbackOverviewPage
        lang={lang}
        pages={stats.pages}
        months={stats.months}
        allPages={allPages}
        comments={comments.rows}
        filter={{ sti, skjulte }}
        pageNumber={pageNumber}
        hasMore={comments.hasMore}
        message={m === "hidden" ? f.hiddenMsg : m === "handled" ? f.handledMsg : undefined}
      />,
    );
  });

  /** Back to the overview as it was (its filter and page), with the message. */
  function backTo(c: AppContext, tilbake: string | undefined, melding: string) {
    const lang = langOf(c);
    const base = `/${lang}/admin/tilbakemeldinger`;
    const target = safeReturnTo(tilbake, base);
    const url = new URL(target.startsWith(base) ? target : base, "http://x");
    url.searchParams.set("melding", melding);
    return c.redirect(`${url.pathname}${url.search}`, 303);
  }

  app.post("/:lang{nb|nn|en}/admin/tilbakemeldinger/:id{[0-9]{1,12}}/skjul", async (c) => {
    requirePermission(c, "moderate", "feedback");
    const d = deps(c);
    const values = await readForm(c);
    await hideComment(d.db, Number(c.req.param("id")), {
      personId: c.get("user")!.personId,
      now: d.clock.now(),
    });
    return backTo(c, values.tilbake, "hidden");
  });

  app.post("/:lang{nb|nn|en}/admin/tilbakemeldinger/:id{[0-9]{1,12}}/behandlet", async (c) => {
    requirePermission(c, "moderate", "feedback");
    const d = deps(c);
    const values = await readForm(c);
    await markCommentHandled(d.db, Number(c.req.param("id")), {
      personId: c.get("user")!.personId,
      now: d.clock.now(),
    });
    return backTo(c, values.tilbake, "handled");
  });

  return app;
}
