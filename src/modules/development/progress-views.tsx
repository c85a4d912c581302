import { raw } from "hono/html";
import { DataTable, escapeHtml, tableRows } from "../../web/components/data-table";
import { Button, ButtonRow, Select } from "../../web/components/form";
import { formatDate, formatDateTime, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { planPath } from "./plan-views";
import type { MunicipalityProgress, UnitProgress } from "./progress";
import { developmentTexts } from "./texts";

export const PROGRESS_PATH = "/utviklingsarbeid/framdrift";

export type ProgressPageProps = {
  lang: Lang;
  cohorts: { id: number; label: string }[];
  cohortId: number | null;
  municipalityOptions: { code: string; name: string }[];
  municipality: string;
  perMunicipality: MunicipalityProgress[];
  perUnit: UnitProgress[];
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
              ]}
            >
              {props.perMunicipality.map((r) => (
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
                </tr>
              ))}
            </DataTable>
          )}
          <h2 class="ds-heading" data-size="md">
            {t.perUnit}
          </h2>
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
              ]}
            >
              {tableRows(
                props.perUnit.map((r) => {
                  const name = props.unitNames.get(r.orgNumber) ?? r.orgNumber;
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
                  ];
                }),
              )}
            </DataTable>
          )}
          {props.shared ? (
            <section aria-labelledby="shared-heading" class="stack">
              <h2 class="ds-heading" data-size="md" id="shared-heading">
                {t.shared}
              </h2>
              {props.shared.length === 0 ? (
                <p class="ds-paragraph">{t.sharedNone}</p>
              ) : (
                // Up to 200 texts: one string, each part escaped (as `tableRows`).
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
            </section>
          ) : null}
        </>
      )}
    </Layout>
  );
}
