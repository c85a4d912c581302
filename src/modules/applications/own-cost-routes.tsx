import { Hono } from "hono";
import { osloToday } from "../../kernel/clock";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { type Cell, toCsv, toXlsx, XLSX_TYPE } from "../../kernel/spreadsheet";
import { DataTable } from "../../web/components/data-table";
import type { Lang } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { render } from "../../web/render";
import { cohortsOfProgrammes } from "../cohorts";
import { Forbidden, orgsGranting, requirePermission } from "../identity";
import { municipalityPlacesAt } from "../organisations";
import { programmesOwnedBy, programmeTitles } from "../programmes";
import { ownCostTexts } from "./own-cost-texts";
import {
  addCost,
  type CostFigures,
  type OwnCostSum,
  ownCostSums,
  zeroCosts,
} from "./own-cost-totals";
import { COST_KINDS } from "./plan";
import { planTexts } from "./plan-texts";

const PATH = "/admin/egne-kostnader";

/**
 * The municipalities' own costs, summed for the programme admin of the programmes' owner
 * (`follow:participation:owner`): per cohort, county and municipality, with the rows as CSV and
 * XLSX for the evaluation.
 */
async function gather(c: AppContext) {
  requirePermission(c, "follow", "participation");
  const owners = orgsGranting(c.get("user"), "follow:participation:owner", "owner");
  if (owners.size === 0) throw new Forbidden("follow:participation:owner");
  const db = deps(c).db;
  const lang = langOf(c);
  const programmes = await programmesOwnedBy(db, [...owners]);
  const cohorts = await cohortsOfProgrammes(
    db,
    programmes.map((p) => p.id),
  );
  const titles = await programmeTitles(
    db,
    lang,
    programmes.map((p) => p.id),
  );
  const ot = ownCostTexts(lang);
  const cohortTitle = new Map(
    cohorts.map((k) => [k.id, ot.cohortTitle(titles.get(k.programmeId) ?? "", k.number)]),
  );
  const cohortNumber = new Map(cohorts.map((k) => [k.id, k.number]));
  const sums = await ownCostSums(
    db,
    cohorts.map((k) => k.id),
  );
  const places = await municipalityPlacesAt(db, osloToday(deps(c).clock.now()));
  return { sums, cohortTitle, cohortNumber, places };
}

type Row = { name: string; figures: CostFigures };

function group<K>(entries: [K, string, OwnCostSum][]): Row[] {
  const by = new Map<K, Row>();
  for (const [key, name, sum] of entries) {
    const row = by.get(key) ?? by.set(key, { name, figures: zeroCosts() }).get(key)!;
    addCost(row.figures, sum);
  }
  return [...by.values()];
}

function SummaryTable(props: { lang: Lang; label: string; first: string; rows: Row[] }) {
  const ot = ownCostTexts(props.lang);
  const pt = planTexts(props.lang);
  const kr = (n: number) =>
    `${n.toLocaleString(props.lang === "en" ? "en-GB" : "nb-NO")} ${props.lang === "en" ? "NOK" : "kr"}`;
  return (
    <DataTable
      label={props.label}
      columns={[
        props.first,
        ...COST_KINDS.map((k) => pt.costKinds[k]!),
        ot.recorded,
        ot.estimated,
        ot.total,
      ]}
    >
      {props.rows.map((r) => (
        <tr>
          <td>{r.name}</td>
          {COST_KINDS.map((k) => (
            <td class="number">{kr(r.figures.byKind[k])}</td>
          ))}
          <td class="number">{kr(r.figures.recorded)}</td>
          <td class="number">{kr(r.figures.estimated)}</td>
          <td class="number">{kr(r.figures.recorded + r.figures.estimated)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

export function ownCostRoutes() {
  const app = new Hono<AppEnv>();

  app.get(`/:lang{nb|nn|en}${PATH}`, async (c) => {
    const lang = langOf(c);
    const ot = ownCostTexts(lang);
    const { sums, cohortTitle, places } = await gather(c);
    const perCohort = group(sums.map((s) => [s.cohortId, cohortTitle.get(s.cohortId) ?? "", s]));
    const perCounty = group(
      sums.map((s) => {
        const county = places.get(s.municipalityCode)?.countyName ?? "";
        return [county, county, s];
      }),
    );
    const perMunicipality = group(
      sums.map((s) => [
        s.municipalityCode,
        places.get(s.municipalityCode)?.name ?? s.municipalityCode,
        s,
      ]),
    );
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <Layout lang={lang} title={ot.title} path={PATH} wide>
        <h1 class="ds-heading" data-size="xl">
          {ot.title}
        </h1>
        <p class="ds-paragraph lead">{ot.lead}</p>
        {sums.length === 0 ? (
          <p class="ds-paragraph">{ot.none}</p>
        ) : (
          <>
            {(
              [
                ["per-cohort", ot.perCohort, ot.cohort, perCohort],
                ["per-county", ot.perCounty, ot.county, perCounty],
                ["per-municipality", ot.perMunicipality, ot.municipality, perMunicipality],
              ] as const
            ).map(([id, heading, first, rows]) => (
              <section aria-labelledby={`${id}-heading`}>
                <h2 class="ds-heading" data-size="md" id={`${id}-heading`}>
                  {heading}
                </h2>
                <SummaryTable lang={lang} label={heading} first={first} rows={rows} />
              </section>
            ))}
            <section aria-labelledby="export-heading">
              <h2 class="ds-heading" data-size="md" id="export-heading">
                {ot.exportHeading}
              </h2>
              <p class="ds-paragraph">{ot.exportLead}</p>
              <p class="ds-paragraph">
                <a class="ds-link" href={localPath(lang, `${PATH}.csv`)}>
                  {ot.csv}
                </a>{" "}
                ·{" "}
                <a class="ds-link" href={localPath(lang, `${PATH}.xlsx`)}>
                  {ot.xlsx}
                </a>
              </p>
            </section>
          </>
        )}
      </Layout>,
    );
  });

  /** One row per cohort, municipality, kind and estimate: what the page sums. */
  async function exportRows(c: AppContext): Promise<Cell[][]> {
    const { sums, cohortNumber, places } = await gather(c);
    return [
      ["pulje", "fylke", "kommunenummer", "kommune", "type", "anslag", "belop_kr"],
      ...sums.map((s) => [
        String(cohortNumber.get(s.cohortId) ?? ""),
        places.get(s.municipalityCode)?.countyName ?? "",
        s.municipalityCode,
        places.get(s.municipalityCode)?.name ?? s.municipalityCode,
        s.kind,
        s.estimate ? "ja" : "nei",
        s.kroner,
      ]),
    ];
  }

  app.get(`/:lang{nb|nn|en}${PATH}.csv`, async (c) =>
    c.body(toCsv(await exportRows(c)), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="egne-kostnader.csv"',
      "Cache-Control": "no-store",
    }),
  );

  app.get(`/:lang{nb|nn|en}${PATH}.xlsx`, async (c) => {
    const xlsx = await toXlsx(await exportRows(c), "Egne kostnader", [8, 20, 14, 22, 14, 8, 12]);
    return c.body(xlsx, 200, {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": 'attachment; filename="egne-kostnader.xlsx"',
      "Cache-Control": "no-store",
    });
  });

  return app;
}
