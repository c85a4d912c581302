import { Hono } from "hono";
import { osloToday } from "../../kernel/clock";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { BadRequest } from "../../kernel/forms";
import { errorPage } from "../../web/error-pages";
import { render } from "../../web/render";
import { getCohort } from "./chain";
import { exportFileName, exportRows, toCsv, toXlsx } from "./export";
import { myCohorts } from "./my-cohorts";
import { cohortOverview, hasAnyPart, hasPartIn, parseFilter, partsOf } from "./overview";
import { overviewTexts } from "./overview-texts";
import { LandingPage, OverviewPage, PrintPage } from "./overview-views";

const today = (c: AppContext) => osloToday(deps(c).clock.now());

/**
 * The cohort of the path with the selection of the query, if the person has a part in it:
 * a 403 page for someone with no part in any cohort or not in this one, a 404 for an unknown
 * cohort, a 400 for a malformed selection.
 */
async function visibleOverview(c: AppContext) {
  const parts = partsOf(c.get("user"));
  if (!hasAnyPart(parts)) return { response: await errorPage(c, "notAllowed") } as const;
  const filter = parseFilter(c.req.query());
  if (!filter) throw new BadRequest("malformed selection");
  const d = deps(c);
  const id = Number(c.req.param("id"));
  // A programme admin sees the cohorts of their owner's programmes; anyone else only one they
  // have a part in, and in it only their own part (see `cohortOverview`).
  if (!(await getCohort(d.db, id))) return { response: await errorPage(c, "notFound") } as const;
  if (!(await hasPartIn(d.db, id, parts))) {
    return { response: await errorPage(c, "notAllowed") } as const;
  }
  const overview = await cohortOverview(d.db, id, {
    lang: langOf(c),
    today: today(c),
    filter,
    viewer: parts,
  });
  if (!overview) return { response: await errorPage(c, "notFound") } as const;
  c.header("Cache-Control", "no-store");
  return { overview, parts, print: filter.print } as const;
}

export function overviewRoutes() {
  const app = new Hono<AppEnv>();

  // "Mine puljer": where an invitation is received in Samspill.
  app.get("/:lang{nb|nn|en}/puljer", async (c) => {
    const lang = langOf(c);
    const landing = await myCohorts(deps(c).db, partsOf(c.get("user")), {
      lang,
      today: today(c),
    });
    c.header("Cache-Control", "no-store");
    return render(c, <LandingPage lang={lang} landing={landing} />);
  });

  app.get("/:lang{nb|nn|en}/puljer/:id{[0-9]{1,9}}", async (c) => {
    const found = await visibleOverview(c);
    if ("response" in found) return found.response;
    const props = {
      lang: langOf(c),
      today: today(c),
      overview: found.overview,
      parts: found.parts,
    };
    return render(c, found.print ? <PrintPage {...props} /> : <OverviewPage {...props} />);
  });

  app.get("/:lang{nb|nn|en}/puljer/:id{[0-9]{1,9}}/eksport.csv", async (c) => {
    const found = await visibleOverview(c);
    if ("response" in found) return found.response;
    const csv = toCsv(exportRows(langOf(c), found.overview.rows));
    return c.body(csv, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(found.overview)}.csv"`,
    });
  });

  app.get("/:lang{nb|nn|en}/puljer/:id{[0-9]{1,9}}/eksport.xlsx", async (c) => {
    const found = await visibleOverview(c);
    if ("response" in found) return found.response;
    const lang = langOf(c);
    const xlsx = await toXlsx(
      exportRows(lang, found.overview.rows),
      overviewTexts(lang).sheetName(found.overview.cohort.number),
    );
    return c.body(xlsx, 200, {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${exportFileName(found.overview)}.xlsx"`,
    });
  });

  return app;
}
