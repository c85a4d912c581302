import { raw } from "hono/html";
import { DataTable, escapeHtml, tableRows } from "../../web/components/data-table";
import { Button, ButtonRow, Select } from "../../web/components/form";
import { formatDate, formatDateTime, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import type { NetworkFigures } from "../networks";
import { type CountyNetworkFigures, percentOf } from "./network-figures";
import { planPath } from "./plan-views";
import type { MunicipalityProgress, UnitProgress } from "./progress";
import { developmentTexts } from "./texts";

export const PROGRESS_PATH = "/utviklingsarbeid/framdrift";
export const NETWORK_FIGURES_PATH = "/utviklingsarbeid/framdrift/nettverk";

export type ProgressPageProps = {
  lang: Lang;
  cohorts: { id: number; label: string }[];
  cohortId: number | null;
  municipalityOptions: { code: string; name: string }[];
  municipality: string;
  perMunicipality: MunicipalityProgress[];
  /** The page's units (one page of `unitCount`). */
  perUnit: UnitProgress[];
  page: number;
  pages: number;
  unitCount: number;
  /** Networks joined, meetings held and the last one, per unit and per municipality. */
  networks: { units: Map<string, NetworkFigures>; municipalities: Map<string, NetworkFigures> };
  sharedPage: number;
  sharedMore: boolean;
  /** Whether the reader sees the network figures page (the programme and the county office). */
  mayOpenNetworkFigures: boolean;
  unitNames: Map<string, string>;
  municipalityNames: Map<string, string>;
  phaseName: (key: string | null) => string;
  /** Whether the reader may open the units' plans (their municipality's coordinator). */
  linkPlans: boolean;
  shared:
    | { unit: string; about: string; tried: string; saw: string; next: string; at: Date }[]
    | null;
};

export function ProgressPage(props: ProgressPageProps) {
  const { lang } = props;
  const t = developmentTexts(lang).progress;
  const m = messages(lang);
  const query = new URLSearchParams();
  if (props.cohortId !== null) query.set("pulje", String(props.cohortId));
  if (props.municipality) query.set("kommune", props.municipality);
  const suffix = query.size > 0 ? `?${query}` : "";
  const pageLink = (name: "side" | "delt", n: number, anchor: string) => {
    const q = new URLSearchParams(query);
    if (name === "side" && n > 1) q.set("side", String(n));
    if (name === "delt") {
      if (props.page > 1) q.set("side", String(props.page));
      if (n > 1) q.set("delt", String(n));
    }
    return `${localPath(lang, PROGRESS_PATH)}${q.size > 0 ? `?${q}` : ""}#${anchor}`;
  };
  const none = { networks: 0, meetingsHeld: 0, lastMeeting: null };
  // Hundreds of rows share a few dates: each formatted once.
  const dates = new Map<string, string>();
  const date = (d: string | null) => {
    if (!d) return "–";
    let f = dates.get(d);
    if (f === undefined) {
      f = formatDate(lang, d);
      dates.set(d, f);
    }
    return f;
  };
  return (
    <Layout lang={lang} title={t.title} path={PROGRESS_PATH}>
      <h1 class="ds-heading" data-size="xl">
        {t.title}
      </h1>
      <p class="ds-paragraph lead">{t.lead}</p>
      <p class="ds-paragraph">{t.textsNote}</p>
      {props.cohorts.length === 0 ? (
        <p class="ds-paragraph">{t.noCohorts}</p>
      ) : (
        <>
          <form method="get" action={localPath(lang, PROGRESS_PATH)} class="filters">
            <Select
              t={m}
              name="pulje"
              label={t.cohort}
              value={String(props.cohortId ?? "")}
              options={props.cohorts.map((k) => ({ value: String(k.id), label: k.label }))}
            />
            <Select
              t={m}
              name="kommune"
              label={t.municipality}
              value={props.municipality}
              options={[
                { value: "", label: t.allMunicipalities },
                ...props.municipalityOptions.map((o) => ({ value: o.code, label: o.name })),
              ]}
            />
            <ButtonRow>
              <Button variant="secondary">{t.filter}</Button>
            </ButtonRow>
          </form>
          <p class="ds-paragraph">
            <a class="ds-link" href={`${localPath(lang, `${PROGRESS_PATH}.csv`)}${suffix}`}>
              {t.csv}
            </a>{" "}
            <a class="ds-link" href={`${localPath(lang, `${PROGRESS_PATH}.xlsx`)}${suffix}`}>
              {t.xlsx}
            </a>
            {props.mayOpenNetworkFigures ? (
              <>
                {" "}
                <a
                  class="ds-link"
                  href={`${localPath(lang, NETWORK_FIGURES_PATH)}${
                    props.cohortId !== null ? `?pulje=${props.cohortId}` : ""
                  }`}
                >
                  {t.networkFigures}
                </a>
              </>
            ) : null}
          </p>
          <h2 class="ds-heading" data-size="md">
            {t.perMunicipality}
          </h2>
          {props.perMunicipality.length === 0 ? (
            <p class="ds-paragraph">{t.none}</p>
          ) : (
            <DataTable
              label={t.perMunicipality}
              columns={[
                t.municipality,
                t.units,
                t.phase,
                t.planned,
                t.underWay,
                t.done,
                t.dropped,
                t.reflections,
                t.followUps,
                t.lastFollowUp,
                t.networks,
                t.meetingsHeld,
                t.lastMeeting,
              ]}
            >
              {props.perMunicipality.map((r) => {
                const nf = props.networks.municipalities.get(r.municipalityCode) ?? none;
                return (
                  <tr>
                    <td>{props.municipalityNames.get(r.municipalityCode) ?? r.municipalityCode}</td>
                    <td>{r.units}</td>
                    <td>
                      {Object.entries(r.phases)
                        .sort(([a], [b]) => a.localeCompare(b))
                        .map(([k, c]) => `${props.phaseName(k || null)}: ${c}`)
                        .join(", ")}
                    </td>
                    <td>{r.planned}</td>
                    <td>{r.underWay}</td>
                    <td>{r.done}</td>
                    <td>{r.dropped}</td>
                    <td>{r.reflections}</td>
                    <td>{r.followUps}</td>
                    <td>{date(r.lastFollowUp)}</td>
                    <td>{nf.networks}</td>
                    <td>{nf.meetingsHeld}</td>
                    <td>{date(nf.lastMeeting)}</td>
                  </tr>
                );
              })}
            </DataTable>
          )}
          <h2 class="ds-heading" data-size="md" id="units-heading">
            {t.perUnit}
          </h2>
          {props.unitCount > 0 ? (
            <p class="ds-paragraph">{t.pageOf(props.page, props.pages, props.unitCount)}</p>
          ) : null}
          {props.perUnit.length === 0 ? (
            <p class="ds-paragraph">{t.none}</p>
          ) : (
            <DataTable
              label={t.perUnit}
              columns={[
                t.unit,
                t.municipality,
                t.phase,
                t.planned,
                t.underWay,
                t.done,
                t.dropped,
                t.reflections,
                t.followUps,
                t.lastFollowUp,
                t.networks,
                t.meetingsHeld,
                t.lastMeeting,
              ]}
            >
              {tableRows(
                props.perUnit.map((r) => {
                  const name = props.unitNames.get(r.orgNumber) ?? r.orgNumber;
                  const nf = props.networks.units.get(r.orgNumber) ?? none;
                  return [
                    props.linkPlans && props.cohortId !== null
                      ? { href: localPath(lang, planPath(props.cohortId, r.orgNumber)), text: name }
                      : name,
                    props.municipalityNames.get(r.municipalityCode) ?? r.municipalityCode,
                    props.phaseName(r.phase),
                    r.planned,
                    r.underWay,
                    r.done,
                    r.dropped,
                    r.reflections,
                    r.followUps,
                    date(r.lastFollowUp),
                    nf.networks,
                    nf.meetingsHeld,
                    date(nf.lastMeeting),
                  ];
                }),
              )}
            </DataTable>
          )}
          {props.pages > 1 ? (
            <nav aria-label={t.unitPages} class="pager">
              {props.page > 1 ? (
                <a class="ds-link" href={pageLink("side", props.page - 1, "units-heading")}>
                  {t.previousPage}
                </a>
              ) : null}
              {props.page < props.pages ? (
                <a class="ds-link" href={pageLink("side", props.page + 1, "units-heading")}>
                  {t.nextPage}
                </a>
              ) : null}
            </nav>
          ) : null}
          {props.shared ? (
            <section aria-labelledby="shared-heading" class="stack">
              <h2 class="ds-heading" data-size="md" id="shared-heading">
                {t.shared}
              </h2>
              {props.shared.length === 0 ? (
                <p class="ds-paragraph">{t.sharedNone}</p>
              ) : (
                // A page of texts: one string, each part escaped (as `tableRows`).
                raw(
                  props.shared
                    .map(
                      (s) =>
                        `<article class="stack"><h3 class="ds-heading" data-size="xs">${escapeHtml(
                          `${s.unit} – ${s.about} (${formatDateTime(lang, s.at)})`,
                        )}</h3>${[s.tried, s.saw, s.next]
                          .map((x) => `<p class="ds-paragraph pre">${escapeHtml(x)}</p>`)
                          .join("")}</article>`,
                    )
                    .join(""),
                )
              )}
              {props.sharedPage > 1 || props.sharedMore ? (
                <nav aria-label={t.sharedPages} class="pager">
                  {props.sharedPage > 1 ? (
                    <a
                      class="ds-link"
                      href={pageLink("delt", props.sharedPage - 1, "shared-heading")}
                    >
                      {t.previousPage}
                    </a>
                  ) : null}
                  {props.sharedMore ? (
                    <a
                      class="ds-link"
                      href={pageLink("delt", props.sharedPage + 1, "shared-heading")}
                    >
                      {t.nextPage}
                    </a>
                  ) : null}
                </nav>
              ) : null}
            </section>
          ) : null}
        </>
      )}
    </Layout>
  );
}

export type NetworkFiguresPageProps = {
  lang: Lang;
  cohorts: { id: number; label: string }[];
  cohortId: number | null;
  figures: { counties: CountyNetworkFigures[]; total: CountyNetworkFigures } | null;
  countyNames: Map<string, string>;
};

/** The learning networks of a cohort in figures, per county (decision 0044). */
export function NetworkFiguresPage(props: NetworkFiguresPageProps) {
  const { lang, figures } = props;
  const t = developmentTexts(lang).networkFigures;
  const m = messages(lang);
  const cells = (r: CountyNetworkFigures) => [
    r.networks,
    r.members,
    r.meetingsHeld,
    r.unitsInNetwork,
    r.unitsEnrolled,
    percentOf(r.unitsInNetwork, r.unitsEnrolled),
  ];
  return (
    <Layout lang={lang} title={t.title} path={NETWORK_FIGURES_PATH}>
      <p class="ds-paragraph">
        <a
          class="ds-link"
          href={`${localPath(lang, PROGRESS_PATH)}${
            props.cohortId !== null ? `?pulje=${props.cohortId}` : ""
          }`}
        >
          {t.back}
        </a>
      </p>
      <h1 class="ds-heading" data-size="xl">
        {t.title}
      </h1>
      <p class="ds-paragraph lead">{t.lead}</p>
      {props.cohorts.length === 0 ? (
        <p class="ds-paragraph">{t.noCohorts}</p>
      ) : (
        <>
          <form method="get" action={localPath(lang, NETWORK_FIGURES_PATH)} class="filters">
            <Select
              t={m}
              name="pulje"
              label={t.cohort}
              value={String(props.cohortId ?? "")}
              options={props.cohorts.map((k) => ({ value: String(k.id), label: k.label }))}
            />
            <ButtonRow>
              <Button variant="secondary">{t.filter}</Button>
            </ButtonRow>
          </form>
          {!figures || figures.counties.length === 0 ? (
            <p class="ds-paragraph">{t.none}</p>
          ) : (
            <DataTable
              label={t.title}
              columns={[
                t.county,
                t.networks,
                t.members,
                t.meetingsHeld,
                t.unitsInNetwork,
                t.unitsEnrolled,
                t.share,
              ]}
            >
              {figures.counties.map((r) => (
                <tr>
                  <td>{props.countyNames.get(r.countyCode) ?? r.countyCode}</td>
                  {cells(r).map((x) => (
                    <td>{x}</td>
                  ))}
                </tr>
              ))}
              <tr>
                <td>
                  <strong>{t.total}</strong>
                </td>
                {cells(figures.total).map((x) => (
                  <td>
                    <strong>{x}</strong>
                  </td>
                ))}
              </tr>
            </DataTable>
          )}
        </>
      )}
    </Layout>
  );
}
