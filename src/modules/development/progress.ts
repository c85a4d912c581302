import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import type { ReflectionAbout } from "./schema";

/**
 * Progress of the development work (issue 12), counted in SQL: per unit with a plan in a
 * cohort, and per municipality — the phase, measures by status, reflections written (and how
 * many the unit shared), follow-ups by the resource person and the last one. Figures only: the
 * texts are read on the plan's page, by those who may (access.ts), or when a unit shares one.
 * `municipalities` null means every municipality (the programme admin of the cohort's owner).
 */

export type ProgressCounts = {
  planned: number;
  underWay: number;
  done: number;
  dropped: number;
  reflections: number;
  shared: number;
  followUps: number;
  lastFollowUp: string | null;
};

export type UnitProgress = ProgressCounts & {
  planId: number;
  orgNumber: string;
  municipalityCode: string;
  phase: string | null;
  version: number;
};

export type MunicipalityProgress = ProgressCounts & {
  municipalityCode: string;
  units: number;
  /** Units per phase key ("" for none chosen). */
  phases: Record<string, number>;
};

function inScope(column: SQL, municipalities: string[] | null): SQL {
  if (municipalities === null) return sql`true`;
  if (municipalities.length === 0) return sql`false`;
  // One array parameter, however many municipalities (a county office has 40 or more).
  return sql`${column} = any(${sql.param(municipalities)}::text[])`;
}

/**
 * The plans in scope. Their figures are read from `development_unit_counts`, kept by triggers
 * on measures, reflections and follow-ups (decision 0030, issue 12): counting every measure,
 * reflection and follow-up on each request took 550 ms on PGlite for a county office's 600
 * units; one row per plan, found by its primary key, does not depend on statistics (PGlite
 * keeps none) nor grow with the number of follow-ups.
 */
function planScope(cohortId: number, municipalities: string[] | null, municipality?: string): SQL {
  return sql`p.cohort_id = ${cohortId} and ${inScope(sql`p.municipality_code`, municipalities)}${
    municipality ? sql` and p.municipality_code = ${municipality}` : sql``
  }`;
}

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] =>
  Array.isArray(result) ? (result as Row[]) : ((result as { rows: Row[] }).rows ?? []);
const n = (v: unknown) => Number(v ?? 0);

/** Each unit's figures (one row per plan), by municipality and unit. */
export async function unitProgress(
  db: Executor,
  cohortId: number,
  municipalities: string[] | null,
  municipality?: string,
  /** One page of units; every unit without it (the exports). */
  page?: { limit: number; offset: number },
): Promise<UnitProgress[]> {
  const result = await db.execute(sql`
    select p.id, p.unit_org_number, p.municipality_code, p.phase, p.version,
      coalesce(c.planned, 0) as planned, coalesce(c.under_way, 0) as under_way,
      coalesce(c.done, 0) as done, coalesce(c.dropped, 0) as dropped,
      coalesce(c.reflections, 0) as reflections, coalesce(c.shared, 0) as shared,
      coalesce(c.follow_ups, 0) as follow_ups, c.last_follow_up::text as last_follow_up
    from development_plans p
    left join development_unit_counts c
      on c.cohort_id = p.cohort_id and c.unit_org_number = p.unit_org_number
    where ${planScope(cohortId, municipalities, municipality)}
    order by p.municipality_code, p.unit_org_number${
      page ? sql` limit ${page.limit} offset ${page.offset}` : sql``
    }`);
  return rowsOf(result).map((r) => ({
    planned: n(r.planned),
    underWay: n(r.under_way),
    done: n(r.done),
    dropped: n(r.dropped),
    reflections: n(r.reflections),
    shared: n(r.shared),
    followUps: n(r.follow_ups),
    lastFollowUp: (r.last_follow_up as string | null) ?? null,
    planId: n(r.id),
    orgNumber: String(r.unit_org_number),
    municipalityCode: String(r.municipality_code),
    phase: (r.phase as string | null) ?? null,
    version: n(r.version),
  }));
}

const emptyMunicipality = (municipalityCode: string): MunicipalityProgress => ({
  municipalityCode,
  units: 0,
  phases: {},
  planned: 0,
  underWay: 0,
  done: 0,
  dropped: 0,
  reflections: 0,
  shared: 0,
  followUps: 0,
  lastFollowUp: null,
});

function addCounts(m: MunicipalityProgress, u: ProgressCounts) {
  m.planned += u.planned;
  m.underWay += u.underWay;
  m.done += u.done;
  m.dropped += u.dropped;
  m.reflections += u.reflections;
  m.shared += u.shared;
  m.followUps += u.followUps;
  if (u.lastFollowUp !== null && (m.lastFollowUp === null || u.lastFollowUp > m.lastFollowUp))
    m.lastFollowUp = u.lastFollowUp;
}

const sortedByCode = (byCode: Map<string, MunicipalityProgress>) =>
  [...byCode.values()].sort((a, b) =>
    a.municipalityCode < b.municipalityCode ? -1 : a.municipalityCode > b.municipalityCode ? 1 : 0,
  );

/** Each municipality's figures, summed over its units' plans (from `unitProgress`). */
export function municipalityProgressOf(perUnit: UnitProgress[]): MunicipalityProgress[] {
  const byCode = new Map<string, MunicipalityProgress>();
  for (const u of perUnit) {
    const m = byCode.get(u.municipalityCode) ?? emptyMunicipality(u.municipalityCode);
    byCode.set(u.municipalityCode, m);
    m.units += 1;
    const phase = u.phase ?? "";
    m.phases[phase] = (m.phases[phase] ?? 0) + 1;
    addCounts(m, u);
  }
  return sortedByCode(byCode);
}

/**
 * Each municipality's figures, summed in SQL over its units' plans: one row per municipality
 * and phase leaves the database, not one per unit (a county office has 600 units, and reading
 * them all for a page that shows 50 cost more than the sums).
 */
export async function municipalityProgress(
  db: Executor,
  cohortId: number,
  municipalities: string[] | null,
  municipality?: string,
): Promise<MunicipalityProgress[]> {
  const result = await db.execute(sql`
    select p.municipality_code, p.phase, count(*) as units,
      sum(coalesce(c.planned, 0)) as planned, sum(coalesce(c.under_way, 0)) as under_way,
      sum(coalesce(c.done, 0)) as done, sum(coalesce(c.dropped, 0)) as dropped,
      sum(coalesce(c.reflections, 0)) as reflections, sum(coalesce(c.shared, 0)) as shared,
      sum(coalesce(c.follow_ups, 0)) as follow_ups, max(c.last_follow_up)::text as last_follow_up
    from development_plans p
    left join development_unit_counts c
      on c.cohort_id = p.cohort_id and c.unit_org_number = p.unit_org_number
    where ${planScope(cohortId, municipalities, municipality)}
    group by p.municipality_code, p.phase`);
  const byCode = new Map<string, MunicipalityProgress>();
  for (const r of rowsOf(result)) {
    const code = String(r.municipality_code);
    const m = byCode.get(code) ?? emptyMunicipality(code);
    byCode.set(code, m);
    const units = n(r.units);
    m.units += units;
    const phase = (r.phase as string | null) ?? "";
    m.phases[phase] = (m.phases[phase] ?? 0) + units;
    addCounts(m, {
      planned: n(r.planned),
      underWay: n(r.under_way),
      done: n(r.done),
      dropped: n(r.dropped),
      reflections: n(r.reflections),
      shared: n(r.shared),
      followUps: n(r.follow_ups),
      lastFollowUp: (r.last_follow_up as string | null) ?? null,
    });
  }
  return sortedByCode(byCode);
}

/** A cohort's development work in figures, summed over its units' plans. */
export type CohortProgress = {
  cohortId: number;
  units: number;
  planned: number;
  underWay: number;
  done: number;
  dropped: number;
  followUps: number;
};

/**
 * Per cohort, the plans in scope (`municipalities` null: every one; `county`: the
 * municipalities whose code begins with it) and their kept figures summed: one GROUP BY, for
 * the insight pages (issue 15). Cohorts without a plan in scope are absent.
 */
export async function cohortProgress(
  db: Executor,
  cohortIds: number[],
  municipalities: string[] | null,
  county: string | null,
): Promise<CohortProgress[]> {
  if (cohortIds.length === 0) return [];
  const result = await db.execute(sql`
    select p.cohort_id, count(*)::int as units,
      coalesce(sum(c.planned), 0)::int as planned, coalesce(sum(c.under_way), 0)::int as under_way,
      coalesce(sum(c.done), 0)::int as done, coalesce(sum(c.dropped), 0)::int as dropped,
      coalesce(sum(c.follow_ups), 0)::int as follow_ups
    from development_plans p
    left join development_unit_counts c
      on c.cohort_id = p.cohort_id and c.unit_org_number = p.unit_org_number
    where p.cohort_id = any(${sql.param(cohortIds)}::int[])
      and ${inScope(sql`p.municipality_code`, municipalities)}
      ${county ? sql`and left(p.municipality_code, 2) = ${county}` : sql``}
    group by p.cohort_id`);
  return rowsOf(result).map((r) => ({
    cohortId: n(r.cohort_id),
    units: n(r.units),
    planned: n(r.planned),
    underWay: n(r.under_way),
    done: n(r.done),
    dropped: n(r.dropped),
    followUps: n(r.follow_ups),
  }));
}

/** The texts of the reflections units shared, for those who see figures only. */
export async function sharedReflections(
  db: Executor,
  cohortId: number,
  municipalities: string[] | null,
  page: { limit: number; offset: number } = { limit: 200, offset: 0 },
): Promise<
  {
    orgNumber: string;
    aboutKind: ReflectionAbout;
    aboutId: number;
    tried: string;
    saw: string;
    next: string;
    at: Date;
  }[]
> {
  const result = await db.execute(sql`
    select p.unit_org_number, r.about_kind, r.about_id, r.tried, r.saw, r.next, r.written_at
    from development_reflections r join development_plans p on p.id = r.plan_id
    where r.shared and p.cohort_id = ${cohortId}
      and ${inScope(sql`p.municipality_code`, municipalities)}
    order by r.written_at desc, r.id desc limit ${page.limit} offset ${page.offset}`);
  return rowsOf(result).map((r) => ({
    orgNumber: String(r.unit_org_number),
    aboutKind: r.about_kind as ReflectionAbout,
    aboutId: n(r.about_id),
    tried: String(r.tried),
    saw: String(r.saw),
    next: String(r.next),
    at: new Date(String(r.written_at)),
  }));
}
