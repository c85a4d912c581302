import { raw } from "hono/html";
import { DataTable, escapeHtml } from "../../web/components/data-table";
import { Button, ButtonRow, Select } from "../../web/components/form";
import { formatDate, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { CountyMap } from "./county-map";
import type { CountyShape } from "./county-shapes";
import type { Cell, Panel } from "./figures";
import type { CountyOutline } from "./map";
import type { Choice } from "./scope";
import { insightTexts } from "./texts";

export const INSIGHT_PATH = "/innsikt";

/** The panel's key in a download's address: "reachCounty" → "reach-county". */
export const panelSlug = (key: string) => key.replace(/[A-Z]/g, (x) => `-${x.toLowerCase()}`);

export type InsightPageProps = {
  lang: Lang;
  choices: Choice[];
  chosen: string;
  years: number[];
  year: number | null;
  counties: { code: string; name: string }[];
  county: string | null;
  countyName: string | null;
  /** Null: every municipality; else how many the viewer sees. */
  scopeSize: number | null;
  query: URLSearchParams;
  panels: Panel[];
  charts: Map<string, string>;
  map: {
    /** The tile map (a county's municipalities, or counties without outlines). */
    svg: string;
    /** The counties from their outlines, when every one of them has one. */
    outline: { drawn: CountyOutline[]; around: CountyShape[] } | null;
    divisionDate: string;
    outside: number;
    rows: { code: string; name: string; part: number; whole: number; share: string | null }[];
    zoomed: boolean;
  } | null;
};

export function CellText(props: { cell: Cell; noData: string }) {
  if (props.cell === null)
    return (
      <span class="no-data">
        –<span class="ds-sr-only"> {props.noData}</span>
      </span>
    );
  return <>{String(props.cell)}</>;
}

/**
 * A panel's rows as one piece of HTML (as `tableRows`), each cell as `CellText` writes it: the
 * page feedback alone is a few thousand rows nationally, and an element per cell took a good
 * part of the page's time.
 */
function cellRows(rows: Cell[][], noData: string) {
  const none = `<span class="no-data">–<span class="ds-sr-only"> ${escapeHtml(noData)}</span></span>`;
  const out: string[] = [];
  for (const row of rows) {
    out.push("<tr>");
    for (const cell of row) out.push(`<td>${cell === null ? none : escapeHtml(String(cell))}</td>`);
    out.push("</tr>");
  }
  return raw(out.join(""));
}

function withQuery(
  lang: Lang,
  path: string,
  query: URLSearchParams,
  extra: Record<string, string> = {},
) {
  const q = new URLSearchParams(query);
  for (const [k, v] of Object.entries(extra)) {
    if (v) q.set(k, v);
    else q.delete(k);
  }
  const s = q.toString();
  return `${localPath(lang, path)}${s ? `?${s}` : ""}`;
}

export function PanelSection(props: {
  lang: Lang;
  panel: Panel;
  chart: string | undefined;
  query: URLSearchParams;
  downloads: boolean;
}) {
  const t = insightTexts(props.lang);
  const p = props.panel;
  const id = `panel-${panelSlug(p.key)}`;
  return (
    <section class="stack insight-panel" aria-labelledby={`${id}-h`} id={id}>
      <h2 class="ds-heading" data-size="md" id={`${id}-h`}>
        {p.title}
      </h2>
      {p.rows.length === 0 ? (
        <p class="ds-paragraph">{t.noDataPanel}</p>
      ) : (
        <>
          {props.chart ? <figure class="insight-chart">{raw(props.chart)}</figure> : null}
          <DataTable label={`${t.table}: ${p.title}`} columns={p.columns}>
            {cellRows(p.rows, t.noData)}
          </DataTable>
          {props.downloads ? (
            <p class="ds-paragraph no-print">
              <a
                class="ds-link"
                href={withQuery(props.lang, `${INSIGHT_PATH}/${panelSlug(p.key)}.csv`, props.query)}
                aria-label={`${t.csv}: ${p.title}`}
              >
                {t.csv}
              </a>{" "}
              <a
                class="ds-link"
                href={withQuery(
                  props.lang,
                  `${INSIGHT_PATH}/${panelSlug(p.key)}.xlsx`,
                  props.query,
                )}
                aria-label={`${t.xlsx}: ${p.title}`}
              >
                {t.xlsx}
              </a>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

export function InsightPage(props: InsightPageProps) {
  const { lang } = props;
  const t = insightTexts(lang);
  const m = messages(lang);
  const groups = [...new Set(props.choices.map((o) => o.group))].map((g) => ({
    label: g,
    options: props.choices
      .filter((o) => o.group === g)
      .map((o) => ({ value: o.value, label: o.label })),
  }));
  return (
    <Layout lang={lang} title={t.title} path={INSIGHT_PATH}>
      <h1 class="ds-heading" data-size="xl">
        {t.title}
      </h1>
      <p class="ds-paragraph lead">{t.lead}</p>
      {props.choices.length === 0 ? (
        <p class="ds-paragraph">{t.noCohorts}</p>
      ) : (
        <>
          <p class="ds-paragraph">
            {props.scopeSize === null ? t.scopeAll : t.scopeSome(props.scopeSize)}
          </p>
          <form
            method="get"
            action={localPath(lang, INSIGHT_PATH)}
            class="filters"
            aria-label={t.filters}
          >
            <Select t={m} name="utvalg" label={t.cohort} value={props.chosen} groups={groups} />
            <Select
              t={m}
              name="aar"
              label={t.year}
              value={props.year ? String(props.year) : ""}
              options={[
                { value: "", label: t.allYears },
                ...props.years.map((y) => ({ value: String(y), label: String(y) })),
              ]}
            />
            <Select
              t={m}
              name="fylke"
              label={t.county}
              value={props.county ?? ""}
              options={[
                { value: "", label: t.allCounties },
                ...props.counties.map((k) => ({ value: k.code, label: k.name })),
              ]}
            />
            <ButtonRow>
              <Button variant="secondary">{t.show}</Button>
            </ButtonRow>
          </form>
          {lang !== "en" ? (
            <p class="ds-paragraph no-print">
              <a class="ds-link" href={withQuery(lang, `${INSIGHT_PATH}/arsrapport`, props.query)}>
                {t.report}
              </a>
            </p>
          ) : null}
          {props.map ? (
            <section class="stack" aria-labelledby="insight-map-h" id="kart">
              <h2 class="ds-heading" data-size="md" id="insight-map-h">
                {t.map.title}
                {props.countyName ? `: ${props.countyName}` : ""}
              </h2>
              <p class="ds-paragraph">
                {props.map.zoomed
                  ? t.map.municipalityLead(props.countyName ?? "")
                  : props.map.outline
                    ? t.map.outlineLead
                    : t.map.lead}{" "}
                {t.map.division(formatDate(lang, props.map.divisionDate))}
              </p>
              <div class="insight-map-row">
                <figure class="insight-chart">
                  {props.map.outline ? (
                    <CountyMap
                      t={t.map}
                      drawn={props.map.outline.drawn}
                      around={props.map.outline.around}
                      hrefOf={(code) =>
                        `${withQuery(lang, INSIGHT_PATH, props.query, { fylke: code })}#kart`
                      }
                    />
                  ) : (
                    raw(props.map.svg)
                  )}
                </figure>
                <DataTable
                  label={`${t.table}: ${t.map.title}`}
                  columns={[
                    props.map.zoomed ? t.col.municipality : t.col.county,
                    props.map.zoomed ? t.col.kindergartensIn : t.col.municipalitiesIn,
                    props.map.zoomed ? t.col.kindergartensAll : t.col.municipalitiesAll,
                    t.col.share,
                  ]}
                >
                  {props.map.rows.map((r) => (
                    <tr>
                      <td>
                        {props.map?.zoomed ? (
                          r.name
                        ) : (
                          <a
                            class="ds-link"
                            href={`${withQuery(lang, INSIGHT_PATH, props.query, { fylke: r.code })}#kart`}
                          >
                            {r.name}
                            <span class="ds-sr-only">: {t.map.zoom}</span>
                          </a>
                        )}
                      </td>
                      <td>{r.part}</td>
                      <td>{r.whole}</td>
                      <td>
                        <CellText cell={r.share} noData={t.noData} />
                      </td>
                    </tr>
                  ))}
                </DataTable>
              </div>
              <p class="ds-paragraph">{props.map.outline ? t.map.outlineLegend : t.map.legend}</p>
              {props.map.outline ? <p class="ds-paragraph">{t.map.outlineSource}</p> : null}
              {props.map.outside > 0 ? (
                <p class="ds-paragraph">{t.map.outside(props.map.outside)}</p>
              ) : null}
              {props.map.zoomed ? (
                <p class="ds-paragraph no-print">
                  <a
                    class="ds-link"
                    href={`${withQuery(lang, INSIGHT_PATH, props.query, { fylke: "" })}#kart`}
                  >
                    {t.map.back}
                  </a>
                </p>
              ) : null}
            </section>
          ) : null}
          {props.panels.map((p) => (
            <PanelSection
              lang={lang}
              panel={p}
              chart={props.charts.get(p.key)}
              query={props.query}
              downloads
            />
          ))}
        </>
      )}
    </Layout>
  );
}
