import { Hono } from "hono";
import { osloToday } from "../../kernel/clock";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { errorPage } from "../../web/error-pages";
import { render } from "../../web/render";
import {
  type Cell,
  cohortsJoinedBy,
  cohortsOfProgrammes,
  enrolmentsQuery,
  toCsv,
  toXlsx,
} from "../cohorts";
import { gatheringById } from "../gatherings";
import { OWNERS, organisationScope, orgsGranting, requirePermission } from "../identity";
import { meetingTitles, networkFiguresOfCohort, networksInFigures } from "../networks";
import {
  countiesAt,
  municipalitiesAt,
  municipalitiesOfUnits,
  municipalityNamesAt,
  unitNamesByOrgNumber,
} from "../organisations";
import { programmesOwnedBy, programmeTitles } from "../programmes";
import { frameInForce } from "./frame";
import { networkFiguresByCounty } from "./network-figures";
import {
  type MunicipalityProgress,
  municipalityProgress,
  municipalityProgressOf,
  sharedReflections,
  unitProgress,
} from "./progress";
import {
  NETWORK_FIGURES_PATH,
  NetworkFiguresPage,
  PROGRESS_PATH,
  ProgressPage,
} from "./progress-views";
import { developmentTexts } from "./texts";

/**
 * What the person sees of progress: per cohort, the municipalities (null: all of them, for the
 * programme admin of the cohort's owner), and whether they read the units' texts (their own
 * municipality's coordinator) or figures and shared reflections only (county office, programme).
 */
async function progressScope(c: AppContext) {
  const scopes = requirePermission(c, "read", "progress");
  const db = deps(c).db;
  const user = c.get("user");
  const cohorts = new Map<number, string[] | null>();
  let ownMunicipalities = new Set<string>();
  if (scopes.includes("owner")) {
    const owners = [...orgsGranting(user, "read:progress:owner", "owner")];
    const programmes = await programmesOwnedBy(db, owners);
    for (const k of await cohortsOfProgrammes(
      db,
      programmes.map((p) => p.id),
    ))
      cohorts.set(k.id, null);
  }
  const areas = new Set<string>();
  if (scopes.includes("office")) {
    const offices = [...orgsGranting(user, "read:progress:office", "county-office")];
    const scope = await organisationScope(c, "read", "progress");
    if (!scope.all) for (const m of scope.municipalities) areas.add(m);
    for (const k of await cohortsJoinedBy(db, { offices }))
      if (!cohorts.has(k.id)) cohorts.set(k.id, []);
  }
  if (scopes.includes("municipality")) {
    ownMunicipalities = orgsGranting(user, "read:progress:municipality", "municipality");
    for (const m of ownMunicipalities) areas.add(m);
    for (const k of await cohortsJoinedBy(db, { municipalities: [...ownMunicipalities] }))
      if (!cohorts.has(k.id)) cohorts.set(k.id, []);
  }
  for (const [id, list] of cohorts) if (list !== null) cohorts.set(id, [...areas]);
  return { cohorts, ownMunicipalities, scopes };
}

/** Units per page of the progress view, and shared reflections per page (decision 0044). */
export const UNITS_PER_PAGE = 50;
export const SHARED_PER_PAGE = 20;

/** A page number from the query: 1 when absent or not a number, at most 10,000. */
const pageOf = (value: string | undefined) => {
  const n = /^[0-9]{1,5}$/.test(value ?? "") ? Number(value) : 1;
  return Math.min(Math.max(n, 1), 10_000);
};

/**
 * The figures of the chosen cohort and municipality (the query's, checked against the scope).
 * The page shows one page of units (`side`) and of shared reflections (`delt`); the exports
 * (`all`) every unit.
 */
async function progressOf(c: AppContext, all = false) {
  const db = deps(c).db;
  const lang = langOf(c);
  const { cohorts, ownMunicipalities, scopes } = await progressScope(c);
  const refs = await cohortsOfProgrammes(
    db,
    (await programmesOwnedBy(db, Object.keys(OWNERS))).map((p) => p.id),
  );
  const visible = refs.filter((k) => cohorts.has(k.id));
  const titles = await programmeTitles(db, lang, [...new Set(visible.map((k) => k.programmeId))]);
  const t = developmentTexts(lang);
  const asked = Number(c.req.query("pulje") ?? "");
  const chosen = visible.find((k) => k.id === asked) ?? visible.at(-1) ?? null;
  // null: every municipality (`??` would turn it into none).
  const scope: string[] | null = chosen ? (cohorts.get(chosen.id) as string[] | null) : [];
  const kommune = c.req.query("kommune") ?? "";
  const municipality =
    /^[0-9]{4}$/.test(kommune) && (scope === null || scope.includes(kommune)) ? kommune : "";
  const now = deps(c).clock.now();
  // The page reads each municipality's sums and one page of units; the exports every unit.
  const none: MunicipalityProgress[] = [];
  const [sums, networks, frame] = chosen
    ? await Promise.all([
        all ? none : municipalityProgress(db, chosen.id, scope, municipality || undefined),
        networkFiguresOfCohort(db, chosen.id, now),
        frameInForce(db, chosen.programmeId, chosen.id),
      ])
    : [none, { units: new Map(), municipalities: new Map() }, null];
  const unitCount = sums.reduce((sum, m) => sum + m.units, 0);
  const pages = Math.max(1, Math.ceil(unitCount / UNITS_PER_PAGE));
  const page = all ? 1 : Math.min(pageOf(c.req.query("side")), pages);
  const shown = chosen
    ? await unitProgress(
        db,
        chosen.id,
        scope,
        municipality || undefined,
        all ? undefined : { limit: UNITS_PER_PAGE, offset: (page - 1) * UNITS_PER_PAGE },
      )
    : [];
  const perMunicipality = all ? municipalityProgressOf(shown) : sums;
  const today = osloToday(now);
  const codes = new Set([...perMunicipality.map((r) => r.municipalityCode), ...(scope ?? [])]);
  const [municipalityNames, unitNames] = await Promise.all([
    municipalityNamesAt(db, [...codes], today),
    unitNamesByOrgNumber(
      db,
      shown.map((r) => r.orgNumber),
    ),
  ]);
  const phaseName = (key: string | null) => {
    const p = frame?.phases.find((x) => x.key === key);
    return p ? (lang === "nn" ? p.nn : p.nb) : t.progress.noPhase;
  };
  // Units' texts are their municipality's to read: others see only what a unit shared.
  const linkPlans =
    scope !== null && scope.length > 0 && scope.every((m) => ownMunicipalities.has(m));
  let shared: Parameters<typeof ProgressPage>[0]["shared"] = null;
  let sharedPage = 1;
  let sharedMore = false;
  if (chosen && !linkPlans && !all) {
    sharedPage = pageOf(c.req.query("delt"));
    // One more than a page: whether there is a next one.
    const rows = await sharedReflections(db, chosen.id, scope, {
      limit: SHARED_PER_PAGE + 1,
      offset: (sharedPage - 1) * SHARED_PER_PAGE,
    });
    sharedMore = rows.length > SHARED_PER_PAGE;
    rows.splice(SHARED_PER_PAGE);
    // Most names are known from the units' rows; only those outside the chosen municipality are asked.
    const missing = [...new Set(rows.map((r) => r.orgNumber))].filter((o) => !unitNames.has(o));
    for (const [orgNumber, name] of await unitNamesByOrgNumber(db, missing))
      unitNames.set(orgNumber, name);
    shared = [];
    const gatherings = new Map<number, Awaited<ReturnType<typeof gatheringById>>>();
    for (const id of new Set(rows.filter((r) => r.aboutKind === "gathering").map((r) => r.aboutId)))
      gatherings.set(id, await gatheringById(db, id));
    const meetings = await meetingTitles(
      db,
      rows.filter((r) => r.aboutKind === "network-meeting").map((r) => r.aboutId),
    );
    for (const r of rows) {
      const g = r.aboutKind === "gathering" ? gatherings.get(r.aboutId) : null;
      const mt = r.aboutKind === "network-meeting" ? meetings.get(r.aboutId) : undefined;
      shared.push({
        unit: unitNames.get(r.orgNumber) ?? r.orgNumber,
        about: g
          ? lang === "nn"
            ? g.titleNn
            : g.titleNb
          : mt
            ? t.plan.meetingOption(mt.networkName, mt.title)
            : "",
        tried: r.tried,
        saw: r.saw,
        next: r.next,
        at: r.at,
      });
    }
  }
  return {
    lang,
    cohorts: visible.map((k) => ({
      id: k.id,
      label: t.plans.cohortName(titles.get(k.programmeId) ?? "", k.number),
    })),
    cohortId: chosen?.id ?? null,
    municipalityOptions: [...(scope ?? perMunicipality.map((r) => r.municipalityCode))]
      .map((code) => ({ code, name: municipalityNames.get(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name, "nb")),
    municipality,
    perMunicipality,
    perUnit: shown,
    page,
    pages,
    unitCount: all ? shown.length : unitCount,
    networks,
    sharedPage,
    sharedMore,
    mayOpenNetworkFigures: scopes.includes("owner") || scopes.includes("office"),
    unitNames,
    municipalityNames,
    phaseName,
    linkPlans,
    shared,
  };
}

/**
 * The learning networks of the chosen cohort in figures, per county (decision 0044): the
 * programme admin sees every county of the owner's cohorts, the county office its counties.
 * Null for anyone else (a municipality sees its networks on their own pages).
 */
async function networkFiguresOf(c: AppContext) {
  const db = deps(c).db;
  const lang = langOf(c);
  const { cohorts, scopes } = await progressScope(c);
  if (!scopes.includes("owner") && !scopes.includes("office")) return null;
  const refs = await cohortsOfProgrammes(
    db,
    (await programmesOwnedBy(db, Object.keys(OWNERS))).map((p) => p.id),
  );
  const visible = refs.filter((k) => cohorts.has(k.id));
  const titles = await programmeTitles(db, lang, [...new Set(visible.map((k) => k.programmeId))]);
  const t = developmentTexts(lang);
  const asked = Number(c.req.query("pulje") ?? "");
  const chosen = visible.find((k) => k.id === asked) ?? visible.at(-1) ?? null;
  const now = deps(c).clock.now();
  const today = osloToday(now);
  const municipalities = await municipalitiesAt(db, today);
  const countyOf = new Map(municipalities.map((m) => [m.code, m.countyCode]));
  // null: every county (`??` would turn it into none).
  const scope: string[] | null = chosen ? (cohorts.get(chosen.id) as string[] | null) : [];
  const counties =
    scope === null
      ? null
      : new Set(scope.map((m) => countyOf.get(m)).filter((x) => x !== undefined));
  let figures: ReturnType<typeof networkFiguresByCounty> | null = null;
  if (chosen) {
    const enrolledRows = (await db.execute(enrolmentsQuery([chosen.id]))) as unknown;
    const orgNumbers = (
      Array.isArray(enrolledRows)
        ? (enrolledRows as { org_number: string }[])
        : (enrolledRows as { rows: { org_number: string }[] }).rows
    ).map((r) => r.org_number);
    const places = await municipalitiesOfUnits(db, orgNumbers);
    figures = networkFiguresByCounty(
      await networksInFigures(db, chosen.id, now),
      [...places].map(([orgNumber, municipalityCode]) => ({ orgNumber, municipalityCode })),
      countyOf,
      counties,
    );
  }
  const countyNames = new Map((await countiesAt(db, today)).map((k) => [k.code, k.name]));
  return {
    lang,
    cohorts: visible.map((k) => ({
      id: k.id,
      label: t.plans.cohortName(titles.get(k.programmeId) ?? "", k.number),
    })),
    cohortId: chosen?.id ?? null,
    figures,
    countyNames,
  };
}

function exportRows(p: Awaited<ReturnType<typeof progressOf>>): Cell[][] {
  const t = developmentTexts(p.lang).progress;
  return [
    [...t.exportHeaders],
    ...p.perUnit.map((r) => [
      p.municipalityNames.get(r.municipalityCode) ?? r.municipalityCode,
      p.unitNames.get(r.orgNumber) ?? r.orgNumber,
      r.orgNumber,
      p.phaseName(r.phase),
      r.planned,
      r.underWay,
      r.done,
      r.dropped,
      r.reflections,
      r.shared,
      r.followUps,
      r.lastFollowUp ?? "",
      p.networks.units.get(r.orgNumber)?.networks ?? 0,
      p.networks.units.get(r.orgNumber)?.meetingsHeld ?? 0,
      p.networks.units.get(r.orgNumber)?.lastMeeting ?? "",
    ]),
  ];
}

export function progressRoutes() {
  const app = new Hono<AppEnv>();

  app.get(`/:lang{nb|nn|en}${PROGRESS_PATH}`, async (c) => {
    const p = await progressOf(c);
    c.header("Cache-Control", "no-store");
    return render(c, <ProgressPage {...p} />);
  });

  app.get(`/:lang{nb|nn|en}${NETWORK_FIGURES_PATH}`, async (c) => {
    const p = await networkFiguresOf(c);
    if (!p) return errorPage(c, "notAllowed");
    c.header("Cache-Control", "no-store");
    return render(c, <NetworkFiguresPage {...p} />);
  });

  app.get(`/:lang{nb|nn|en}${PROGRESS_PATH}.csv`, async (c) => {
    const p = await progressOf(c, true);
    return c.body(toCsv(exportRows(p)), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="framdrift.csv"',
      "Cache-Control": "no-store",
    });
  });

  app.get(`/:lang{nb|nn|en}${PROGRESS_PATH}.xlsx`, async (c) => {
    const p = await progressOf(c, true);
    const xlsx = await toXlsx(exportRows(p), developmentTexts(p.lang).progress.sheet);
    return c.body(xlsx, 200, {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": 'attachment; filename="framdrift.xlsx"',
      "Cache-Control": "no-store",
    });
  });

  return app;
}
