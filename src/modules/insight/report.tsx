import { Hono } from "hono";
import { type AppContext, type AppEnv, deps } from "../../kernel/context";
import { formatDate } from "../../web/i18n";
import { Layout } from "../../web/layout";
import { render } from "../../web/render";
import { taggedPdf } from "../applications";
import { insightFor, type Panel } from "./figures";
import { type PdfCanvas, paintSvg, svgSize } from "./pdf-chart";
import { panelChart } from "./routes";
import { selectionOf } from "./scope";
import { insightTexts } from "./texts";
import { INSIGHT_PATH, PanelSection } from "./views";

/**
 * The annual report (issue 15): per programme (all its cohorts) or cohort and year, the main
 * figures with their charts and tables, as a print-friendly page and as a tagged PDF with
 * selectable text, in bokmål or nynorsk (the language of the address). The PDF has each
 * chart as Vega drew it (painted by pdf-chart.ts as a tagged Figure with its text alternative)
 * and its figures beside it.
 */
export const REPORT_PATH = `${INSIGHT_PATH}/arsrapport`;
const REPORT_PANELS = [
  "reachCounty",
  "reachCohort",
  "chainStates",
  "gatherings",
  "development",
  "grants",
];

const reportWords = {
  nb: {
    title: (what: string, year: number | null) => `Årsrapport${year ? ` ${year}` : ""}: ${what}`,
    made: (d: string) => `Laget ${d} i Samspill. Tall for kommunene du har ansvar for.`,
    pdf: "Last ned som PDF",
  },
  nn: {
    title: (what: string, year: number | null) => `Årsrapport${year ? ` ${year}` : ""}: ${what}`,
    made: (d: string) => `Laga ${d} i Samspill. Tal for kommunane du har ansvar for.`,
    pdf: "Last ned som PDF",
  },
};

async function reportOf(c: AppContext) {
  const chosen = await selectionOf(c);
  if (!chosen) return null;
  const s = chosen.selection;
  const lang = s.lang === "nn" ? "nn" : "nb";
  const insight = await insightFor(deps(c).db, { ...s, lang, feedback: false });
  const panels = insight.panels.filter((p) => REPORT_PANELS.includes(p.key));
  const what = chosen.choices.find((o) => o.value === chosen.chosen)?.label ?? "";
  return {
    chosen,
    s,
    lang: lang as "nb" | "nn",
    panels,
    title: reportWords[lang].title(what, s.year),
  };
}

/** A4 (595 pt) less the two margins of 56 pt. */
const PDF_TEXT_WIDTH = 595 - 2 * 56;

const unescapeAttribute = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

const cellText = (cell: Panel["rows"][number][number], noData: string) =>
  cell === null ? noData : String(cell);

export function reportRoutes() {
  const app = new Hono<AppEnv>();

  app.get(`/:lang{nb|nn}${REPORT_PATH}`, async (c) => {
    const r = await reportOf(c);
    if (!r) return c.text(insightTexts("nb").badQuery, 400);
    const charts = new Map<string, string>();
    for (const p of r.panels) {
      const svg = await panelChart(p, r.lang);
      if (svg) charts.set(p.key, svg);
    }
    const w = reportWords[r.lang];
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <Layout lang={r.lang} title={r.title} path={REPORT_PATH}>
        <article class="annual-report">
          <h1 class="ds-heading" data-size="xl">
            {r.title}
          </h1>
          <p class="ds-paragraph">{w.made(formatDate(r.lang, r.s.today))}</p>
          <p class="ds-paragraph no-print">
            <a class="ds-link" href={`/${r.lang}${REPORT_PATH}.pdf?${r.chosen.query}`}>
              {w.pdf}
            </a>
          </p>
          {r.panels.map((p) => (
            <PanelSection
              lang={r.lang}
              panel={p}
              chart={charts.get(p.key)}
              query={r.chosen.query}
              downloads={false}
            />
          ))}
        </article>
      </Layout>,
    );
  });

  app.get(`/:lang{nb|nn}${REPORT_PATH}.pdf`, async (c) => {
    const r = await reportOf(c);
    if (!r) return c.text(insightTexts("nb").badQuery, 400);
    const t = insightTexts(r.lang);
    const charts = new Map<string, string>();
    for (const p of r.panels) {
      const svg = await panelChart(p, r.lang);
      if (svg) charts.set(p.key, svg);
    }
    const pdf = await taggedPdf(
      { standard: r.lang, title: r.title, subject: t.title },
      (block, figure) => {
        block("H1", "Inter-Bold", 18, r.title, 0.6);
        block("P", "Inter", 10, reportWords[r.lang].made(formatDate(r.lang, r.s.today)), 0.8);
        for (const p of r.panels) {
          block("H2", "Inter-Bold", 13, p.title, 0.3);
          if (p.rows.length === 0) {
            block("P", "Inter", 10, t.noDataPanel, 0.6);
            continue;
          }
          // The chart as Vega drew it (scaled to the text width), then its figures as rows.
          const svg = charts.get(p.key);
          if (svg) {
            const { width, height } = svgSize(svg);
            const scale = Math.min(1, PDF_TEXT_WIDTH / width);
            const alt = /aria-label="([^"]*)"/.exec(svg)?.[1] ?? p.title;
            figure(unescapeAttribute(alt), width * scale, height * scale, (doc) => {
              doc.scale(scale);
              paintSvg(doc as unknown as PdfCanvas, svg);
            });
          }
          for (const row of p.rows)
            block(
              "P",
              "Inter",
              9,
              row.map((cell, i) => `${p.columns[i]}: ${cellText(cell, t.noData)}`).join(" · "),
              0.2,
            );
          block("P", "Inter", 6, " ", 0.4);
        }
      },
    );
    return c.body(new Uint8Array(pdf), 200, {
      "Content-Type": "application/pdf",
      "Content-Disposition": 'inline; filename="arsrapport.pdf"',
      "Cache-Control": "no-store",
    });
  });

  return app;
}
