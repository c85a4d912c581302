import type { Db } from "../../db/client";
import type { Lang } from "../../web/i18n";
import { type ChainScope, type ChainState, chainFigures } from "../cohorts";
import { cohortProgress } from "../development";
import { feedbackMonths } from "../feedback";
import { gatheringFigures } from "../gatherings";
import { grantFigures } from "../grants";
import { countiesAt, municipalitiesAt } from "../organisations";
import { type Place, type ReachRow, reachFigures } from "./reach";
import { insightTexts } from "./texts";

/** A figure's cell: a number, a text, or null for "no data" (never shown as 0). */
export type Cell = string | number | null;

export type PanelKey =
  | "reachCounty"
  | "reachCohort"
  | "reachMunicipality"
  | "chainStates"
  | "chainMonths"
  | "gatherings"
  | "development"
  | "grants"
  | "feedback";

export const PANEL_KEYS: PanelKey[] = [
  "reachCounty",
  "reachCohort",
  "reachMunicipality",
  "chainStates",
  "chainMonths",
  "gatherings",
  "development",
  "grants",
  "feedback",
];

/** A chart's data: bars (label, count) or lines (series, x, value). */
export type ChartData =
  | { kind: "bar"; bars: { label: string; count: number }[]; countTitle: string }
  | {
      kind: "line";
      points: { series: string; x: string; value: number }[];
      series: string[];
      xTitle: string;
      yTitle: string;
      percent: boolean;
    };

export type Panel = {
  key: PanelKey;
  title: string;
  columns: string[];
  /** Empty: "no data" for the selection. */
  rows: Cell[][];
  chart?: ChartData;
};

/** What the figures are for: the cohorts, the place and the time of the selection. */
export type Selection = {
  cohorts: { id: number; number: number; label: string }[];
  /** Null: every municipality (a programme admin); else the viewer's municipalities. */
  municipalities: string[] | null;
  county: string | null;
  year: number | null;
  today: string;
  /** The day whose county division the county figures and the map use. */
  divisionDate: string;
  lang: Lang;
  /** Page feedback is the programme admins' (read:feedback:any). */
  feedback: boolean;
};

export type CountyReach = {
  code: string;
  name: string;
  municipalitiesIn: number;
  municipalitiesAll: number;
  kindergartensIn: number;
  kindergartensAll: number;
  schoolsIn: number;
  schoolsAll: number;
  publicIn: number;
  privateIn: number;
  staff: number;
};

export type MunicipalityReach = {
  code: string;
  name: string;
  county: string;
  taking: boolean;
  unitsIn: number;
  unitsAll: number;
  kindergartensIn: number;
  kindergartensAll: number;
  schoolsIn: number;
  schoolsAll: number;
  staff: number;
};

export type Insight = {
  panels: Panel[];
  counties: CountyReach[];
  municipalities: MunicipalityReach[];
  /** Municipalities taking part whose county is not in the division drawn. */
  outside: number;
};

/** As `localeCompare` with no arguments, with one collator for every comparison. */
const compareText = new Intl.Collator().compare;

const share = (part: number, whole: number): string | null =>
  whole > 0 ? `${Math.round((part / whole) * 100)} %` : null;

/** Every figure of the insight page for a selection: a fixed number of queries. */
export async function insightFor(db: Db, s: Selection): Promise<Insight> {
  const t = insightTexts(s.lang);
  const c = t.col;
  const cohortIds = s.cohorts.map((k) => k.id);
  const place: Place = { municipalities: s.municipalities, county: s.county };
  const chainScope: ChainScope = {
    cohortIds,
    municipalities: s.municipalities,
    county: s.county,
    today: s.today,
  };
  const [counties, municipalities, chain, reach] = await Promise.all([
    countiesAt(db, s.divisionDate),
    municipalitiesAt(db, s.divisionDate),
    chainFigures(db, chainScope),
    reachFigures(db, cohortIds, place),
  ]);
  const accepted = chain.accepted;
  // The same units once however many of the cohorts they are in (group 0), and per cohort.
  const unitsAll = reach.all;
  const unitsPerCohort = reach.perCohort;
  const register = reach.register;
  const inScope = (code: string) =>
    (s.municipalities === null || s.municipalities.includes(code)) &&
    (s.county === null || code.startsWith(s.county));
  const scopedMunicipalities = municipalities.filter((m) => inScope(m.code));
  const acceptedCodes = new Set(accepted.map((a) => a.code));
  const countyCodes = new Set(counties.map((k) => k.code));
  const outside = [...acceptedCodes].filter((code) => !countyCodes.has(code.slice(0, 2))).length;

  // ── per municipality (in scope, in the division), then per county
  const sumBy = <K extends string>(rows: ReachRow[], key: (r: ReachRow) => K) => {
    const map = new Map<K, ReachRow>();
    for (const r of rows) {
      const k = key(r);
      const m = map.get(k) ?? {
        group: r.group,
        county: r.county,
        municipality: r.municipality,
        kindergartens: 0,
        schools: 0,
        public: 0,
        private: 0,
        total: 0,
        staff: 0,
      };
      m.kindergartens += r.kindergartens;
      m.schools += r.schools;
      m.public += r.public;
      m.private += r.private;
      m.total += r.total;
      m.staff += r.staff;
      map.set(k, m);
    }
    return map;
  };
  const inByMunicipality = sumBy(unitsAll, (r) => r.municipality);
  const allByMunicipality = sumBy(register, (r) => r.municipality);
  const inByCounty = sumBy(unitsAll, (r) => r.county);
  const allByCounty = sumBy(register, (r) => r.county);
  // Staff by the county their municipality's code names.
  const staffByCounty = sumBy(unitsAll, (r) => r.municipality.slice(0, 2));

  const municipalityReach: MunicipalityReach[] = scopedMunicipalities.map((m) => {
    const i = inByMunicipality.get(m.code);
    const a = allByMunicipality.get(m.code);
    return {
      code: m.code,
      name: m.name,
      county: m.countyCode,
      taking: acceptedCodes.has(m.code),
      unitsIn: i?.total ?? 0,
      unitsAll: a?.total ?? 0,
      kindergartensIn: i?.kindergartens ?? 0,
      kindergartensAll: a?.kindergartens ?? 0,
      schoolsIn: i?.schools ?? 0,
      schoolsAll: a?.schools ?? 0,
      staff: i?.staff ?? 0,
    };
  });
  const countyReach: CountyReach[] = counties
    .filter((k) => scopedMunicipalities.some((m) => m.countyCode === k.code))
    .map((k) => {
      const ms = scopedMunicipalities.filter((m) => m.countyCode === k.code);
      const i = inByCounty.get(k.code);
      const a = allByCounty.get(k.code);
      return {
        code: k.code,
        name: k.name,
        municipalitiesIn: ms.filter((m) => acceptedCodes.has(m.code)).length,
        municipalitiesAll: ms.length,
        kindergartensIn: i?.kindergartens ?? 0,
        kindergartensAll: a?.kindergartens ?? 0,
        schoolsIn: i?.schools ?? 0,
        schoolsAll: a?.schools ?? 0,
        publicIn: i?.public ?? 0,
        privateIn: i?.private ?? 0,
        staff: staffByCounty.get(k.code)?.staff ?? 0,
      };
    });
  const anyReach = acceptedCodes.size > 0 || unitsAll.length > 0;

  const panels: Panel[] = [];
  panels.push({
    key: "reachCounty",
    title: t.panels.reachCounty ?? "",
    columns: [
      c.county,
      c.municipalitiesIn,
      c.municipalitiesAll,
      c.share,
      c.kindergartensIn,
      c.kindergartensAll,
      c.schoolsIn,
      c.schoolsAll,
      c.public,
      c.private,
      c.staff,
    ],
    rows: anyReach
      ? countyReach.map((k) => [
          k.name,
          k.municipalitiesIn,
          k.municipalitiesAll,
          share(k.municipalitiesIn, k.municipalitiesAll),
          k.kindergartensIn,
          k.kindergartensAll,
          k.schoolsIn,
          k.schoolsAll,
          k.publicIn,
          k.privateIn,
          k.staff,
        ])
      : [],
    chart: {
      kind: "bar",
      countTitle: c.municipalitiesIn,
      bars: countyReach.map((k) => ({ label: k.name, count: k.municipalitiesIn })),
    },
  });

  // ── per cohort
  const perCohortUnits = sumBy(unitsPerCohort, (r) => String(r.group));
  const cohortRows = s.cohorts.map((k) => {
    const u = perCohortUnits.get(String(k.id));
    const ms = new Set(accepted.filter((a) => a.cohortId === k.id).map((a) => a.code));
    return { k, ms: ms.size, u, staff: u?.staff ?? 0 };
  });
  panels.push({
    key: "reachCohort",
    title: t.panels.reachCohort ?? "",
    columns: [
      c.cohort,
      c.municipalitiesIn,
      c.kindergartensIn,
      c.schoolsIn,
      c.public,
      c.private,
      c.staff,
    ],
    rows: anyReach
      ? cohortRows.map(({ k, ms, u, staff }) => [
          k.label,
          ms,
          u?.kindergartens ?? 0,
          u?.schools ?? 0,
          u?.public ?? 0,
          u?.private ?? 0,
          staff,
        ])
      : [],
    chart: {
      kind: "bar",
      countTitle: c.municipalitiesIn,
      bars: cohortRows.map(({ k, ms }) => ({ label: k.label, count: ms })),
    },
  });

  if (s.county !== null || s.municipalities !== null) {
    panels.push({
      key: "reachMunicipality",
      title: t.panels.reachMunicipality ?? "",
      columns: [
        c.municipality,
        c.kindergartensIn,
        c.kindergartensAll,
        c.schoolsIn,
        c.schoolsAll,
        c.share,
        c.staff,
      ],
      rows: municipalityReach.map((m) => [
        m.name,
        m.kindergartensIn,
        m.kindergartensAll,
        m.schoolsIn,
        m.schoolsAll,
        share(m.unitsIn, m.unitsAll),
        m.staff,
      ]),
    });
  }

  // ── the chain
  const states: ChainState[] = ["invited", "accepted", "declined", "expired"];
  const stateWord: Record<ChainState, string> = {
    invited: c.invited,
    accepted: c.accepted,
    declined: c.declined,
    expired: c.expired,
  };
  panels.push({
    key: "chainStates",
    title: t.panels.chainStates ?? "",
    columns: [c.cohort, ...states.map((x) => stateWord[x]), t.total],
    rows:
      chain.states.length === 0
        ? []
        : s.cohorts
            .filter((k) => chain.states.some((r) => r.cohortId === k.id))
            .map((k) => {
              const n = (x: ChainState) =>
                chain.states.find((r) => r.cohortId === k.id && r.state === x)?.count ?? 0;
              return [k.label, ...states.map(n), states.reduce((sum, x) => sum + n(x), 0)];
            }),
  });
  const months = [...new Set(chain.months.map((r) => r.month))]
    .filter((m) => s.year === null || m.startsWith(String(s.year)))
    .sort();
  const monthWord: Record<ChainState, string> = { ...stateWord, invited: c.invitedMonth };
  panels.push({
    key: "chainMonths",
    title: t.panels.chainMonths ?? "",
    columns: [c.month, ...states.map((x) => monthWord[x])],
    rows: months.map((m) => [
      m,
      ...states.map((x) => chain.months.find((r) => r.month === m && r.event === x)?.count ?? 0),
    ]),
    chart: {
      kind: "line",
      xTitle: c.month,
      yTitle: t.count,
      percent: false,
      series: states.map((x) => monthWord[x]),
      points: months.flatMap((m) =>
        states.map((x) => ({
          series: monthWord[x],
          x: m,
          value: chain.months.find((r) => r.month === m && r.event === x)?.count ?? 0,
        })),
      ),
    },
  });

  // ── gatherings, local work, grants
  const [gatherings, grants, progress, feedback] = await Promise.all([
    gatheringFigures(db, {
      cohortIds,
      // A county: the registrations from its municipalities.
      municipalities:
        s.municipalities ?? (s.county ? scopedMunicipalities.map((m) => m.code) : null),
      year: s.year,
    }),
    grantFigures(db, { cohortIds, municipalities: s.municipalities, county: s.county }),
    cohortProgress(db, cohortIds, s.municipalities, s.county),
    s.feedback
      ? feedbackMonths(db, {
          since: new Date(`${s.year ?? Number(s.today.slice(0, 4)) - 1}-01-01T00:00:00Z`),
        })
      : null,
  ]);
  const title = (g: { titleNb: string; titleNn: string }) =>
    s.lang === "nn" ? g.titleNn : g.titleNb;
  panels.push({
    key: "gatherings",
    title: t.panels.gatherings ?? "",
    columns: [
      c.gathering,
      c.date,
      c.level,
      c.registered,
      c.waiting,
      c.present,
      c.attendance,
      c.respondents,
      c.mean,
    ],
    rows: gatherings.map((g) => [
      title(g),
      g.startsOn,
      t.levels[g.level] ?? g.level,
      g.registered,
      g.waiting,
      g.present,
      g.present === null ? null : share(g.present, g.registered),
      g.respondents,
      g.meanScore === null
        ? null
        : g.meanScore.toFixed(1).replace(".", s.lang === "en" ? "." : ","),
    ]),
    chart: {
      kind: "bar",
      countTitle: c.registered,
      bars: gatherings.map((g) => ({ label: `${g.startsOn} ${title(g)}`, count: g.registered })),
    },
  });
  const progressRows = s.cohorts.flatMap((k) => {
    const p = progress.find((r) => r.cohortId === k.id);
    return p
      ? [[k.label, p.units, p.planned, p.underWay, p.done, p.dropped, p.followUps] as Cell[]]
      : [];
  });
  const measureTotals = [c.planned, c.underWay, c.done, c.dropped].map((label, i) => ({
    label,
    count: progressRows.reduce((a, r) => a + Number(r[2 + i] ?? 0), 0),
  }));
  panels.push({
    key: "development",
    title: t.panels.development ?? "",
    columns: [c.cohort, c.units, c.planned, c.underWay, c.done, c.dropped, c.followUps],
    rows: progressRows,
    chart: { kind: "bar", countTitle: t.count, bars: measureTotals },
  });
  const kr = (ore: number) => Math.round(Number(ore) / 100);
  panels.push({
    key: "grants",
    title: t.panels.grants ?? "",
    columns: [
      c.cohort,
      c.allocated,
      c.allocatedKr,
      c.grantAccepted,
      c.declinedGrant,
      c.paid,
      c.paidKr,
      c.reported,
      c.usedKr,
    ],
    rows: grants.map((g) => [
      s.cohorts.find((k) => k.id === g.cohortId)?.label ?? String(g.cohortId),
      g.allocated,
      kr(g.allocatedOre),
      g.accepted,
      g.declined,
      g.paid,
      kr(g.paidOre),
      g.reported,
      kr(g.usedOre),
    ]),
    chart: {
      kind: "bar",
      countTitle: t.count,
      bars: [
        { label: c.allocated, count: grants.reduce((a, g) => a + g.allocated, 0) },
        { label: c.grantAccepted, count: grants.reduce((a, g) => a + g.accepted, 0) },
        { label: c.paid, count: grants.reduce((a, g) => a + g.paid, 0) },
        { label: c.reported, count: grants.reduce((a, g) => a + g.reported, 0) },
      ],
    },
  });

  // ── page feedback (the programme admins'), per page, language and month
  if (feedback) {
    const rows = feedback.filter((r) => s.year === null || r.month.startsWith(String(s.year)));
    // Ordered by page, language and month: each distinct value ranked once (a few dozen), then
    // the rows (a few thousand nationally) by their ranks.
    const rank = (values: string[]) =>
      new Map([...new Set(values)].sort(compareText).map((v, i) => [v, i]));
    const page = rank(rows.map((r) => r.page));
    const lang = rank(rows.map((r) => r.lang));
    const month = rank(rows.map((r) => r.month));
    const at = (ranks: Map<string, number>, v: string) => ranks.get(v) ?? 0;
    rows.sort(
      (a, b) =>
        at(page, a.page) - at(page, b.page) ||
        at(lang, a.lang) - at(lang, b.lang) ||
        at(month, a.month) - at(month, b.month),
    );
    const byLangMonth = new Map<string, { answers: number; yes: number }>();
    for (const r of rows) {
      const k = `${r.lang}|${r.month}`;
      const v = byLangMonth.get(k) ?? { answers: 0, yes: 0 };
      v.answers += r.answers;
      v.yes += r.yes;
      byLangMonth.set(k, v);
    }
    const langs = [...new Set(rows.map((r) => r.lang))].sort();
    panels.push({
      key: "feedback",
      title: t.panels.feedback ?? "",
      columns: [c.page, c.language, c.month, c.answers, c.yesShare],
      rows: rows.map((r) => [
        r.page,
        t.langs[r.lang] ?? r.lang,
        r.month,
        r.answers,
        share(r.yes, r.answers),
      ]),
      chart: {
        kind: "line",
        xTitle: c.month,
        yTitle: c.yesShare,
        percent: true,
        series: langs.map((l) => t.langs[l] ?? l),
        points: [...byLangMonth.entries()]
          .sort(([a], [b]) => compareText(a.split("|")[1] ?? "", b.split("|")[1] ?? ""))
          .map(([k, v]) => ({
            series: t.langs[k.split("|")[0] ?? ""] ?? "",
            x: k.split("|")[1] ?? "",
            value: v.answers > 0 ? v.yes / v.answers : 0,
          })),
      },
    });
  }

  return { panels, counties: countyReach, municipalities: municipalityReach, outside };
}
