import { Hono } from "hono";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { BadRequest } from "../../kernel/forms";
import { toCsv, toXlsx, XLSX_TYPE } from "../../kernel/spreadsheet";
import { render } from "../../web/render";
import { organisedGathering } from "./organiser-access";
import { EXPORT_WIDTHS, exportRows, parseOverviewFilter, registrationsOverview } from "./overview";
import { overviewTexts } from "./overview-texts";
import { OverviewPage, PrintPage } from "./overview-views";

const ONE = "/:lang{nb|nn|en}/admin/samlinger/:id{[0-9]{1,9}}";

/** The gathering the user organises, with the overview of the selection in the address. */
async function overviewOf(c: AppContext) {
  const found = await organisedGathering(c);
  if (found.response) return { response: await found.response } as const;
  const { utskrift, ...rest } = c.req.query();
  if (utskrift !== undefined && utskrift !== "1") throw new BadRequest("utskrift");
  const filter = parseOverviewFilter(rest);
  if (!filter) throw new BadRequest("malformed selection");
  const { db, clock } = deps(c);
  const overview = await registrationsOverview(db, found.value.id, filter, clock.now());
  c.header("Cache-Control", "no-store");
  return { gathering: found.value, overview, print: utskrift === "1" } as const;
}

/** "samling-12-deltakere": the gathering's number and the sheet's word. */
const fileName = (c: AppContext, id: number) =>
  `samling-${id}-${overviewTexts[langOf(c)].sheetName.toLowerCase()}`;

/**
 * The organiser's overview of a gathering's registrations: counts by municipality and unit, the
 * participants, a print view, and the list as CSV and XLSX. Organisers of the gathering only.
 */
export function overviewRoutes() {
  const app = new Hono<AppEnv>();

  app.get(`${ONE}/pameldte`, async (c) => {
    const found = await overviewOf(c);
    if ("response" in found) return found.response;
    const props = {
      lang: langOf(c),
      gathering: found.gathering,
      overview: found.overview,
      now: deps(c).clock.now(),
    };
    return render(c, found.print ? <PrintPage {...props} /> : <OverviewPage {...props} />);
  });

  app.get(`${ONE}/pameldte.csv`, async (c) => {
    const found = await overviewOf(c);
    if ("response" in found) return found.response;
    return c.body(toCsv(exportRows(langOf(c), found.overview)), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName(c, found.gathering.id)}.csv"`,
    });
  });

  app.get(`${ONE}/pameldte.xlsx`, async (c) => {
    const found = await overviewOf(c);
    if ("response" in found) return found.response;
    const lang = langOf(c);
    const xlsx = await toXlsx(
      exportRows(lang, found.overview),
      overviewTexts[lang].sheetName,
      EXPORT_WIDTHS,
    );
    return c.body(xlsx, 200, {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": `attachment; filename="${fileName(c, found.gathering.id)}.xlsx"`,
    });
  });

  return app;
}
