import { Hono } from "hono";
import { osloToday } from "../../kernel/clock";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { render } from "../../web/render";
import { type Cell, cohortsJoinedBy, cohortsOfProgrammes, toCsv, toXlsx } from "../cohorts";
import { gatheringById } from "../gatherings";
import { OWNERS, organisationScope, orgsGranting, requirePermission } from "../identity";
import { municipalityNamesAt, unitNamesByOrgNumber } from "../organisations";
import { programmesOwnedBy, programmeTitles } from "../programmes";
import { frameInForce } from "./frame";
import { municipalityProgressOf, sharedReflections, unitProgress } from "./progress";
import { PROGRESS_PATH, ProgressPage } from "./progress-views";
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
  return { cohorts, ownMunicipalities };
}

/** The figures of the chosen cohort and municipality (the query's, checked against the scope). */
async function progressOf(c: AppContext) {
  const db = deps(c).db;
  const lang = langOf(c);
  const { cohorts, ownMunicipalities } = await progressScope(c);
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
  const perUnit = chosen ? await unitProgress(db, chosen.id, scope, municipality || undefined) : [];
  const perMunicipality = municipalityProgressOf(perUnit);
  const today = osloToday(deps(c).clock.now());
  const codes = new Set([...perMunicipality.map((r) => r.municipalityCode), ...(scope ?? [])]);
  const municipalityNames = await municipalityNamesAt(db, [...codes], today);
  const unitNames = await unitNamesByOrgNumber(
    db,
    perUnit.map((r) => r.orgNumber),
  );
  const frame = chosen ? await frameInForce(db, chosen.programmeId, chosen.id) : null;
  const phaseName = (key: string | null) => {
    const p = frame?.phases.find((x) => x.key === key);
    return p ? (lang === "nn" ? p.nn : p.nb) : t.progress.noPhase;
  };
  // Units' texts are their municipality's to read: others see only what a unit shared.
  const linkPlans =
    scope !== null && scope.length > 0 && scope.every((m) => ownMunicipalities.has(m));
  let shared: Parameters<typeof ProgressPage>[0]["shared"] = null;
  if (chosen && !linkPlans) {
    const rows = await sharedReflections(db, chosen.id, scope);
    // Most names are known from the units' rows; only those outside the chosen municipality are asked.
    const missing = [...new Set(rows.map((r) => r.orgNumber))].filter((o) => !unitNames.has(o));
    for (const [orgNumber, name] of await unitNamesByOrgNumber(db, missing))
      unitNames.set(orgNumber, name);
    shared = [];
    const gatherings = new Map<number, Awaited<ReturnType<typeof gatheringById>>>();
    for (const id of new Set(rows.map((r) => r.aboutId)))
      gatherings.set(id, await gatheringById(db, id));
    for (const r of rows) {
      const g = gatherings.get(r.aboutId);
      shared.push({
        unit: unitNames.get(r.orgNumber) ?? r.orgNumber,
        about: g ? (lang === "nn" ? g.titleNn : g.titleNb) : "",
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
    perUnit,
    unitNames,
    municipalityNames,
    phaseName,
    linkPlans,
    shared,
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

  app.get(`/:lang{nb|nn|en}${PROGRESS_PATH}.csv`, async (c) => {
    const p = await progressOf(c);
    return c.body(toCsv(exportRows(p)), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="framdrift.csv"',
      "Cache-Control": "no-store",
    });
  });

  app.get(`/:lang{nb|nn|en}${PROGRESS_PATH}.xlsx`, async (c) => {
    const p = await progressOf(c);
    const xlsx = await toXlsx(exportRows(p), developmentTexts(p.lang).progress.sheet);
    return c.body(xlsx, 200, {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": 'attachment; filename="framdrift.xlsx"',
      "Cache-Control": "no-store",
    });
  });

  return app;
}
