import type { Child } from "hono/jsx";
import { DataTable } from "../../web/components/data-table";
import { Button, ButtonRow, Select } from "../../web/components/form";
import { formatDateTime, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { copyTexts } from "./copy-texts";
import { doorTexts } from "./door-texts";
import type { Gathering } from "./gatherings";
import { messagesTexts } from "./messages-texts";
import { organiserTexts } from "./organiser-texts";
import { ADMIN_PATH } from "./organiser-views";
import {
  filterSearch,
  paramOfStatus,
  type RegistrationsOverview,
  STATUS_PARAMS,
  type Tally,
} from "./overview";
import { overviewTexts } from "./overview-texts";

export const titleOf = (lang: Lang, g: Pick<Gathering, "titleNb" | "titleNn">) =>
  lang === "nn" ? g.titleNn : g.titleNb;

/** The organiser's pages of one gathering, under the admin's work area. */
export const toolPath = (id: number, rest = "") => `${ADMIN_PATH}/${id}${rest}`;

export type Tool = "overview" | "edit" | "reminder" | "message" | "copy";

/**
 * The organiser's tools of one gathering, one link each (the page's own marked as current):
 * the form, the registrations, and the day's pages (door-views has their own tabs).
 */
export function ToolTabs(props: { lang: Lang; id: number; current: Tool | null }) {
  const { lang } = props;
  const t = overviewTexts[lang];
  const tabs: [Tool | null, string, string][] = [
    ["edit", "", t.editTab],
    ["overview", "/pameldte", t.overviewTab],
    ["reminder", "/paminnelse", messagesTexts[lang].reminderTab],
    ["message", "/melding", messagesTexts[lang].messageTab],
    ["copy", "/kopi", copyTexts[lang].tab],
    [null, "/innsjekk", doorTexts[lang].dayLink],
  ];
  return (
    <>
      <p class="ds-paragraph no-print">
        <a class="ds-link" href={localPath(lang, ADMIN_PATH)}>
          {organiserTexts[lang].listTitle}
        </a>
      </p>
      <nav aria-label={t.tools} class="day-tabs no-print">
        <ul>
          {tabs.map(([tab, rest, label]) => (
            <li>
              <a
                class="ds-link"
                href={localPath(lang, toolPath(props.id, rest))}
                aria-current={tab !== null && tab === props.current ? "page" : undefined}
              >
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

type OverviewProps = {
  lang: Lang;
  gathering: Gathering;
  overview: RegistrationsOverview;
  now: Date;
};

const TALLY_COLUMNS = [
  "confirmed",
  "offered",
  "waiting",
  "cancelled",
  "present",
  "absent",
  "excused",
  "dietary",
  "accessibility",
] as const satisfies (keyof Tally)[];

function columnsShown(ov: RegistrationsOverview) {
  return TALLY_COLUMNS.filter(
    (k) => ov.attendanceTaken || !["present", "absent", "excused"].includes(k),
  );
}

/** What the selection narrows to, in words, or null for everything. */
function described(lang: Lang, ov: RegistrationsOverview): string | null {
  const t = overviewTexts[lang];
  const f = ov.filter;
  const parts: string[] = [];
  if (f.municipality)
    parts.push(
      `${t.municipality}: ${ov.options.municipalities.find((m) => m.code === f.municipality)?.name ?? f.municipality}`,
    );
  if (f.unit)
    parts.push(
      `${t.unit}: ${ov.options.units.find((u) => u.orgNumber === f.unit)?.name ?? f.unit}`,
    );
  if (f.status) parts.push(`${t.status}: ${t.statuses[f.status]}`);
  return parts.length > 0 ? t.filterActive(parts.join(", ")) : null;
}

function Figures(props: { lang: Lang; ov: RegistrationsOverview }) {
  const { lang, ov } = props;
  const t = overviewTexts[lang];
  const columns = columnsShown(ov);
  const cells = (tally: Tally) => columns.map((k) => <td>{tally[k]}</td>);
  return (
    <section aria-labelledby="figures-heading" class="stack">
      <h2 class="ds-heading" data-size="md" id="figures-heading">
        {t.byMunicipality}
      </h2>
      <DataTable
        label={t.byMunicipality}
        columns={[t.columns.place, ...columns.map((k) => t.columns[k])]}
      >
        {ov.municipalities.map((m) => (
          <>
            <tr>
              <th scope="row">{m.name || t.noPlace}</th>
              {cells(m.tally)}
            </tr>
            {m.units
              .filter((u) => u.orgNumber !== null || m.units.length > 1)
              .map((u) => (
                <tr>
                  <td>{u.name || t.noUnit}</td>
                  {cells(u.tally)}
                </tr>
              ))}
          </>
        ))}
        <tr data-testid="overview-total">
          <th scope="row">{t.total}</th>
          {cells(ov.total)}
        </tr>
      </DataTable>
    </section>
  );
}

function Participants(props: { lang: Lang; ov: RegistrationsOverview }) {
  const { lang, ov } = props;
  const t = overviewTexts[lang];
  const roles = organiserTexts[lang].roleNames;
  const marks = doorTexts[lang].statuses;
  const columns: Child[] = [t.name, t.role, t.unit, t.municipality, t.sessions, t.status];
  if (ov.attendanceTaken) columns.push(t.attendance);
  columns.push(t.needs);
  return (
    <section aria-labelledby="participants-heading" class="stack">
      <h2 class="ds-heading" data-size="md" id="participants-heading">
        {t.participants}
      </h2>
      <p class="ds-paragraph" data-testid="participant-count">
        {t.count(ov.participants.length)}
      </p>
      {ov.participants.length === 0 ? (
        <p class="ds-paragraph">{t.none}</p>
      ) : (
        <DataTable label={t.participants} columns={columns}>
          {ov.participants.map((p) => (
            <tr>
              <td>{p.name}</td>
              <td>{p.role ? (roles[p.role] ?? p.role) : "–"}</td>
              <td>{p.unit || "–"}</td>
              <td>{p.municipality || "–"}</td>
              <td>{p.sessions.map((s) => (lang === "nn" ? s.nn : s.nb)).join(", ") || "–"}</td>
              <td>{t.statuses[p.status]}</td>
              {ov.attendanceTaken ? <td>{p.attendance ? marks[p.attendance] : "–"}</td> : null}
              <td>
                {p.dietary ? (
                  <>
                    {t.dietary}: {p.dietary}
                    {p.accessibility ? <br /> : null}
                  </>
                ) : null}
                {p.accessibility ? (
                  <>
                    {t.accessibility}: {p.accessibility}
                  </>
                ) : null}
                {p.dietary || p.accessibility ? null : "–"}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

function FilterForm(props: { lang: Lang; gathering: Gathering; ov: RegistrationsOverview }) {
  const { lang, ov } = props;
  const t = overviewTexts[lang];
  const m = messages(lang);
  const base = localPath(lang, toolPath(props.gathering.id, "/pameldte"));
  return (
    <section aria-labelledby="filter-heading" class="no-print">
      <h2 class="ds-heading" data-size="sm" id="filter-heading">
        {t.filterTitle}
      </h2>
      <form method="get" action={base} class="filters">
        <Select
          t={m}
          name="kommune"
          label={t.municipality}
          value={ov.filter.municipality ?? ""}
          placeholder={t.all}
          options={ov.options.municipalities.map((x) => ({ value: x.code, label: x.name }))}
        />
        <Select
          t={m}
          name="enhet"
          label={t.unit}
          value={ov.filter.unit ?? ""}
          placeholder={t.all}
          options={ov.options.units.map((x) => ({ value: x.orgNumber, label: x.name }))}
        />
        <Select
          t={m}
          name="status"
          label={t.status}
          value={ov.filter.status ? paramOfStatus[ov.filter.status] : ""}
          placeholder={t.all}
          options={Object.entries(STATUS_PARAMS).map(([param, s]) => ({
            value: param,
            label: t.statuses[s],
          }))}
        />
        <ButtonRow>
          <Button variant="secondary">{t.apply}</Button>
          <a class="ds-link" href={base}>
            {t.reset}
          </a>
        </ButtonRow>
      </form>
    </section>
  );
}

/** The organiser's overview of the registrations, with its selection, print view and exports. */
export function OverviewPage(props: OverviewProps) {
  const { lang, gathering: g, overview: ov } = props;
  const t = overviewTexts[lang];
  const title = t.title(titleOf(lang, g));
  const q = filterSearch(ov.filter);
  const withQ = (rest: string, extra = "") =>
    `${localPath(lang, toolPath(g.id, rest))}${q || extra ? `?${[q, extra].filter(Boolean).join("&")}` : ""}`;
  const selection = described(lang, ov);
  return (
    <Layout lang={lang} title={title} path={toolPath(g.id, "/pameldte")}>
      <ToolTabs lang={lang} id={g.id} current="overview" />
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <p class="ds-paragraph lead">{t.lead}</p>
      <FilterForm lang={lang} gathering={g} ov={ov} />
      {selection ? <p class="ds-paragraph">{selection}</p> : null}
      <ul class="no-print">
        <li>
          <a class="ds-link" href={withQ("/pameldte", "utskrift=1")}>
            {t.print}
          </a>
        </li>
        <li>
          <a class="ds-link" href={withQ("/pameldte.csv")} download="">
            {t.exportCsv}
          </a>
        </li>
        <li>
          <a class="ds-link" href={withQ("/pameldte.xlsx")} download="">
            {t.exportXlsx}
          </a>
        </li>
      </ul>
      <p class="ds-paragraph subtle no-print" data-size="sm">
        {t.exportNote}
      </p>
      <Figures lang={lang} ov={ov} />
      <Participants lang={lang} ov={ov} />
    </Layout>
  );
}

/**
 * The list for paper: no navigation or selection form (the print style hides the site's own),
 * the figures and every participant of the selection, with the time it was printed.
 */
export function PrintPage(props: OverviewProps) {
  const { lang, gathering: g, overview: ov } = props;
  const t = overviewTexts[lang];
  const title = t.printTitle(titleOf(lang, g));
  const q = filterSearch(ov.filter);
  const selection = described(lang, ov);
  return (
    <Layout lang={lang} title={title} path={toolPath(g.id, "/pameldte")}>
      <p class="ds-paragraph no-print">
        <a
          class="ds-link"
          href={`${localPath(lang, toolPath(g.id, "/pameldte"))}${q ? `?${q}` : ""}`}
        >
          {t.backToOverview}
        </a>{" "}
        <span class="subtle">{t.printHint}</span>
      </p>
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      {selection ? <p class="ds-paragraph">{selection}</p> : null}
      <Figures lang={lang} ov={ov} />
      <Participants lang={lang} ov={ov} />
      <p class="ds-paragraph subtle" data-size="sm">
        {t.printed(formatDateTime(lang, props.now))}
      </p>
    </Layout>
  );
}
