import type { Hono } from "hono";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { BadRequest } from "../../kernel/forms";
import { type Cell, toCsv, toXlsx, XLSX_TYPE } from "../../kernel/spreadsheet";
import { Breadcrumbs } from "../../web/components/breadcrumbs";
import { DataTable } from "../../web/components/data-table";
import { Button, Select } from "../../web/components/form";
import { errorPage } from "../../web/error-pages";
import { type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { render } from "../../web/render";
import { cohortsJoinedBy, cohortsOfProgrammes } from "../cohorts";
import { Forbidden, organisationScope, orgsGranting, scopesFor } from "../identity";
import { programmesOwnedBy, programmeTitles } from "../programmes";
import { municipalityPlaces } from "./access";
import { formatKroner, kronerWithTwoDecimals } from "./money";
import { schemesOfCohorts } from "./schemes";
import { grantTexts } from "./texts";
import { type PlaceFigures, travelByMunicipality } from "./travel";
import { travelTexts } from "./travel-texts";

/**
 * Travel support in figures per county and municipality (decision 0045): claimed, approved and
 * paid, for the programme admin over the owner's cohorts, and for the county coordinator over
 * the cohorts the office takes part in, for its counties' municipalities only. Who sees what is
 * the insight's rule (`read:insight:owner|office`); a municipal coordinator's insight is of the
 * municipality's units, not of this page (403).
 */

const PATH = "/:lang{nb|nn|en}/admin/tilskudd/reisestotte";
export const figuresPath = (lang: Lang, rest = "") =>
  localPath(lang, `/admin/tilskudd/reisestotte${rest}`);

/** Whether the person may see the figures (for the link on the travel pages). */
export const seesTravelFigures = (c: AppContext) => {
  const scopes = scopesFor(c.get("user"), "read", "insight");
  return scopes.includes("owner") || scopes.includes("office");
};

/** The cohorts the person sees figures for, and the municipalities (null: every one). */
async function figuresScope(c: AppContext) {
  const db = deps(c).db;
  const user = c.get("user");
  if (!seesTravelFigures(c)) throw new Forbidden("read:insight:office");
  const scopes = scopesFor(user, "read", "insight");
  if (scopes.includes("owner")) {
    const owners = [...orgsGranting(user, "read:insight:owner", "owner")];
    const programmes = await programmesOwnedBy(db, owners);
    return {
      cohorts: await cohortsOfProgrammes(
        db,
        programmes.map((p) => p.id),
      ),
      municipalities: null,
    };
  }
  const offices = [...orgsGranting(user, "read:insight:office", "county-office")];
  const scope = await organisationScope(c, "read", "insight");
  return {
    cohorts: await cohortsJoinedBy(db, { offices }),
    municipalities: scope.all ? null : [...scope.municipalities].sort(),
  };
}

export type FigureRow = PlaceFigures & { county: string; code: string; name: string };

const zero = (): PlaceFigures => ({ claimed: 0, approved: 0, paid: 0, count: 0 });
const addInto = (t: PlaceFigures, f: PlaceFigures) => {
  t.claimed += f.claimed;
  t.approved += f.approved;
  t.paid += f.paid;
  t.count += f.count;
  return t;
};

/** The page's figures: the chosen cohort (or all the person sees), per municipality and county. */
async function figuresOf(c: AppContext) {
  const chosen = c.req.query("pulje") ?? "";
  if (chosen !== "" && !/^[1-9][0-9]{0,8}$/.test(chosen)) throw new BadRequest("pulje");
  const db = deps(c).db;
  const lang = langOf(c);
  const scope = await figuresScope(c);
  const cohorts = chosen === "" ? scope.cohorts : scope.cohorts.filter((k) => k.id === +chosen);
  if (chosen !== "" && cohorts.length === 0) return null;
  const schemes = await schemesOfCohorts(
    db,
    cohorts.map((k) => k.id),
  );
  const [rows, places, titles] = await Promise.all([
    travelByMunicipality(
      db,
      schemes.map((s) => s.id),
      scope.municipalities,
    ),
    municipalityPlaces(c),
    programmeTitles(db, lang, [...new Set(scope.cohorts.map((k) => k.programmeId))]),
  ]);
  const tt = travelTexts(lang);
  const municipalities: FigureRow[] = rows
    .map((r) => {
      const place = r.municipalityCode ? places.get(r.municipalityCode) : undefined;
      return {
        ...r,
        code: r.municipalityCode ?? "",
        name: place?.name ?? r.municipalityCode ?? tt.noMunicipality,
        county: place?.countyName ?? "",
      };
    })
    .sort((a, b) => a.county.localeCompare(b.county, "nb") || a.name.localeCompare(b.name, "nb"));
  const counties = new Map<string, PlaceFigures>();
  const total = zero();
  for (const r of municipalities) {
    addInto(counties.get(r.county) ?? counties.set(r.county, zero()).get(r.county)!, r);
    addInto(total, r);
  }
  const gt = grantTexts(lang);
  return {
    chosen,
    choices: scope.cohorts.map((k) => ({
      value: String(k.id),
      label: gt.cohort(titles.get(k.programmeId) ?? "", k.number),
    })),
    municipalities,
    counties: [...counties].map(([name, figures]) => ({ name, ...figures })),
    total,
    file: chosen === "" ? "reisestotte" : `reisestotte-pulje-${cohorts[0]!.number}`,
  };
}

/** The export's rows: one per municipality, amounts as kroner with two decimals and a point. */
function sheet(figures: NonNullable<Awaited<ReturnType<typeof figuresOf>>>): Cell[][] {
  return [
    ["fylke", "kommunenummer", "kommune", "krav", "sokt_kr", "godkjent_kr", "utbetalt_kr"],
    ...figures.municipalities.map((r) => [
      r.county,
      r.code,
      r.name,
      r.count,
      kronerWithTwoDecimals(r.claimed),
      kronerWithTwoDecimals(r.approved),
      kronerWithTwoDecimals(r.paid),
    ]),
  ];
}

export function travelFigureRoutes(app: Hono<AppEnv>) {
  app.get(PATH, async (c) => {
    const figures = await figuresOf(c);
    if (!figures) return errorPage(c, "notFound");
    c.header("Cache-Control", "no-store");
    return render(c, <FiguresPage lang={langOf(c)} {...figures} />);
  });

  app.get(`${PATH}.csv`, async (c) => {
    const figures = await figuresOf(c);
    if (!figures) return errorPage(c, "notFound");
    return c.body(toCsv(sheet(figures)), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${figures.file}.csv"`,
      "Cache-Control": "no-store",
    });
  });

  app.get(`${PATH}.xlsx`, async (c) => {
    const figures = await figuresOf(c);
    if (!figures) return errorPage(c, "notFound");
    const xlsx = await toXlsx(sheet(figures), "Reisestøtte", [16, 14, 22, 8, 14, 14, 14]);
    return c.body(xlsx, 200, {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": `attachment; filename="${figures.file}.xlsx"`,
      "Cache-Control": "no-store",
    });
  });
}

function Cells(props: { lang: Lang; f: PlaceFigures; testId?: string }) {
  const kr = (ore: number) => formatKroner(props.lang, ore);
  const id = (k: string) => (props.testId ? `${props.testId}-${k}` : undefined);
  return (
    <>
      <td class="number">{props.f.count}</td>
      <td class="number" data-testid={id("claimed")}>
        {kr(props.f.claimed)}
      </td>
      <td class="number" data-testid={id("approved")}>
        {kr(props.f.approved)}
      </td>
      <td class="number" data-testid={id("paid")}>
        {kr(props.f.paid)}
      </td>
    </>
  );
}

export function FiguresPage(props: {
  lang: Lang;
  chosen: string;
  choices: { value: string; label: string }[];
  municipalities: FigureRow[];
  counties: (PlaceFigures & { name: string })[];
  total: PlaceFigures;
}) {
  const { lang } = props;
  const t = messages(lang);
  const tt = travelTexts(lang);
  const query = props.chosen ? `?pulje=${props.chosen}` : "";
  const figureColumns = [tt.claimCount, tt.claimed, tt.approvedSum, tt.paidSum];
  return (
    <Layout lang={lang} title={tt.figuresTitle} path="/admin/tilskudd/reisestotte" wide>
      <Breadcrumbs
        lang={lang}
        items={[
          { href: "/reisestotte", text: tt.title },
          { href: "/admin/tilskudd/reisestotte", text: tt.figuresTitle },
        ]}
      />
      <h1 class="ds-heading" data-size="xl">
        {tt.figuresTitle}
      </h1>
      <p class="ds-paragraph lead">{tt.figuresLead}</p>
      <form method="get" action={figuresPath(lang)} class="stack">
        <Select
          t={t}
          name="pulje"
          id="figures-cohort"
          label={tt.figuresCohort}
          value={props.chosen}
          placeholder={tt.figuresAll}
          options={props.choices}
        />
        <div class="button-row">
          <Button variant="secondary">{tt.figuresShow}</Button>
        </div>
      </form>
      <p class="ds-paragraph">
        <a class="ds-link" href={figuresPath(lang, `.csv${query}`)} download>
          {tt.downloadCsv}
        </a>
        {" · "}
        <a class="ds-link" href={figuresPath(lang, `.xlsx${query}`)} download>
          {tt.downloadXlsx}
        </a>
      </p>
      <section aria-labelledby="county-heading">
        <h2 class="ds-heading" data-size="md" id="county-heading">
          {tt.byCounty}
        </h2>
        {props.counties.length === 0 ? (
          <p class="ds-paragraph">{tt.noClaims}</p>
        ) : (
          <DataTable label={tt.byCounty} columns={[tt.county, ...figureColumns]}>
            {props.counties.map((r) => (
              <tr>
                <td>{r.name || tt.noMunicipality}</td>
                <Cells lang={lang} f={r} />
              </tr>
            ))}
            <tr>
              <th scope="row">{tt.sum}</th>
              <Cells lang={lang} f={props.total} testId="figures-total" />
            </tr>
          </DataTable>
        )}
      </section>
      {props.municipalities.length > 0 ? (
        <section aria-labelledby="municipality-figures-heading">
          <h2 class="ds-heading" data-size="md" id="municipality-figures-heading">
            {tt.byMunicipality}
          </h2>
          <DataTable
            label={tt.byMunicipality}
            columns={[tt.county, tt.municipality, ...figureColumns]}
          >
            {props.municipalities.map((r) => (
              <tr>
                <td>{r.county}</td>
                <td>{r.name}</td>
                <Cells lang={lang} f={r} />
              </tr>
            ))}
          </DataTable>
        </section>
      ) : null}
    </Layout>
  );
}
