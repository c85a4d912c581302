import { Hono } from "hono";
import { barChartSvg, lineChartSvg, tileMapSvg } from "../../kernel/charts";
import { type AppContext, type AppEnv, deps } from "../../kernel/context";
import { toCsv, toXlsx } from "../../kernel/spreadsheet";
import { render } from "../../web/render";
import { countiesAt } from "../organisations";
import { type Insight, insightFor, PANEL_KEYS, type Panel, type Selection } from "./figures";
import { countyOutlines, countyTiles, municipalityTiles } from "./map";
import { selectionOf } from "./scope";
import { insightTexts } from "./texts";
import { INSIGHT_PATH, InsightPage, panelSlug } from "./views";

/**
 * The SVG of charts drawn lately, by what they were drawn from (kind, figures, texts): Vega
 * takes some tens of milliseconds a chart, and the figures change far less often than the page
 * is read. The same input always gives the same SVG, so an entry is never stale; the oldest
 * go when there are too many.
 */
const drawn = new Map<string, Promise<string | null>>();
const DRAWN_MAX = 300;

function remembered(key: string, draw: () => Promise<string | null>): Promise<string | null> {
  const hit = drawn.get(key);
  if (hit) {
    drawn.delete(key);
    drawn.set(key, hit);
    return hit;
  }
  const svg = draw();
  drawn.set(key, svg);
  svg.catch(() => drawn.delete(key));
  while (drawn.size > DRAWN_MAX) drawn.delete(drawn.keys().next().value as string);
  return svg;
}

/** A panel's chart as SVG, with its text alternative made from the same figures. */
export function panelChart(panel: Panel, lang: Selection["lang"]): Promise<string | null> {
  return remembered(
    JSON.stringify(["panel", lang, panel.title, panel.rows.length, panel.chart]),
    () => drawPanelChart(panel, lang),
  );
}

async function drawPanelChart(panel: Panel, lang: Selection["lang"]): Promise<string | null> {
  const t = insightTexts(lang);
  const chart = panel.chart;
  if (!chart || panel.rows.length === 0) return null;
  if (chart.kind === "bar") {
    if (chart.bars.length === 0) return null;
    const alt = t.barAlt(panel.title, chart.bars.map((b) => `${b.label}: ${b.count}`).join(", "));
    return barChartSvg(chart.bars, { alt, countTitle: chart.countTitle });
  }
  if (chart.points.length === 0) return null;
  const fmt = (v: number) => (chart.percent ? `${Math.round(v * 100)} %` : String(v));
  const alt = (chart.percent ? t.feedbackAlt : t.chainAlt)(
    chart.points.map((p) => `${p.x} ${p.series}: ${fmt(p.value)}`).join(", "),
  );
  return lineChartSvg(chart.points, { ...chart, alt });
}

const pct = (part: number, whole: number) =>
  whole > 0 ? `${Math.round((part / whole) * 100)} %` : null;

async function mapSvg(tiles: Parameters<typeof tileMapSvg>[0], alt: string, size: number) {
  const svg = await remembered(JSON.stringify(["map", tiles, alt, size]), () =>
    tileMapSvg(tiles, { alt, noData: "–", size }),
  );
  return svg ?? "";
}

async function mapOf(
  insight: Insight,
  s: Selection,
  countyName: string | null,
  division: { code: string }[],
) {
  const t = insightTexts(s.lang);
  if (s.county) {
    const ms = insight.municipalities.filter((m) => m.county === s.county);
    if (ms.length === 0) return null;
    const rows = ms.map((m) => ({
      code: m.code,
      name: m.name,
      part: m.unitsIn,
      whole: m.unitsAll,
      share: pct(m.unitsIn, m.unitsAll),
    }));
    const alt = t.map.municipalityAlt(
      countyName ?? "",
      rows.map((r) => `${r.name} ${r.share ?? t.noData}`).join(", "),
    );
    return {
      svg: await mapSvg(municipalityTiles(ms), alt, 72),
      outline: null,
      divisionDate: s.divisionDate,
      outside: 0,
      rows,
      zoomed: true,
    };
  }
  if (insight.counties.length === 0) return null;
  const rows = insight.counties.map((k) => ({
    code: k.code,
    name: k.name,
    part: k.municipalitiesIn,
    whole: k.municipalitiesAll,
    share: pct(k.municipalitiesIn, k.municipalitiesAll),
  }));
  const outline = countyOutlines(insight.counties, division);
  const alt = t.map.alt(rows.map((r) => `${r.name} ${r.share ?? t.noData}`).join(", "));
  return {
    svg: outline ? "" : await mapSvg(countyTiles(insight.counties), alt, 84),
    outline,
    divisionDate: s.divisionDate,
    outside: insight.outside,
    rows,
    zoomed: false,
  };
}

async function insightOf(c: AppContext) {
  const chosen = await selectionOf(c);
  if (!chosen) return null;
  const db = deps(c).db;
  const insight = await insightFor(db, chosen.selection);
  return { ...chosen, insight };
}

export function insightRoutes() {
  const app = new Hono<AppEnv>();

  app.get(`/:lang{nb|nn|en}${INSIGHT_PATH}`, async (c) => {
    const found = await insightOf(c);
    if (!found) return c.text(insightTexts("nb").badQuery, 400);
    const { selection: s, insight } = found;
    const charts = new Map<string, string>();
    for (const p of insight.panels) {
      const svg = await panelChart(p, s.lang);
      if (svg) charts.set(p.key, svg);
    }
    const counties = await countiesAt(deps(c).db, s.divisionDate);
    const countyName = counties.find((k) => k.code === s.county)?.name ?? null;
    const thisYear = Number(s.today.slice(0, 4));
    const years = Array.from({ length: thisYear + 2 - 2016 }, (_, i) => thisYear + 1 - i);
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <InsightPage
        lang={s.lang}
        choices={found.choices}
        chosen={found.chosen}
        years={years}
        year={s.year}
        counties={counties.filter(
          (k) => s.municipalities === null || s.municipalities.some((m) => m.startsWith(k.code)),
        )}
        county={s.county}
        countyName={countyName}
        scopeSize={s.municipalities === null ? null : s.municipalities.length}
        query={found.query}
        panels={insight.panels}
        charts={charts}
        map={found.choices.length > 0 ? await mapOf(insight, s, countyName, counties) : null}
      />,
    );
  });

  app.get(`/:lang{nb|nn|en}${INSIGHT_PATH}/:download{[a-z-]+\\.(csv|xlsx)}`, async (c) => {
    const file = c.req.param("download");
    const [slug, ending] = file.split(".") as [string, string];
    const key = PANEL_KEYS.find((k) => panelSlug(k) === slug);
    if (!key) return c.notFound();
    const found = await insightOf(c);
    if (!found) return c.text(insightTexts("nb").badQuery, 400);
    const panel = found.insight.panels.find((p) => p.key === key);
    if (!panel) return c.notFound();
    const rows = [panel.columns, ...panel.rows.map((r) => r.map((cell) => cell ?? ""))];
    const headers = { "Cache-Control": "no-store" };
    if (ending === "csv")
      return c.body(toCsv(rows), 200, {
        ...headers,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="innsikt-${slug}.csv"`,
      });
    const xlsx = await toXlsx(rows, insightTexts(found.selection.lang).sheet);
    return c.body(xlsx, 200, {
      ...headers,
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="innsikt-${slug}.xlsx"`,
    });
  });

  return app;
}
