import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";

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
  return sql`${column} in (${sql.join(
    municipalities.map((m) => sql`${m}`),
    sql`, `,
  )})`;
}

/**
 * The per-plan counts, as a query both views select from: for each plan in scope, its measures,
 * reflections and follow-ups counted through their indexes (lateral subqueries). Chosen over
 * grouped subqueries joined by hash: PGlite runs no autovacuum, so its tables have no
 * statistics, and the planner's nested loops over unanalysed aggregates took seconds.
 */
function perPlan(cohortId: number, municipalities: string[] | null, municipality?: string): SQL {
  const where = sql`p.cohort_id = ${cohortId} and ${inScope(sql`p.municipality_code`, municipalities)}${
    municipality ? sql` and p.municipality_code = ${municipality}` : sql``
  }`;
  return sql`
    select p.id, p.unit_org_number, p.municipality_code, p.phase, p.version,
      coalesce(m.planned, 0) as planned, coalesce(m.under_way, 0) as under_way,
      coalesce(m.done, 0) as done, coalesce(m.dropped, 0) as dropped,
      coalesce(r.reflections, 0) as reflections, coalesce(r.shared, 0) as shared,
      coalesce(f.follow_ups, 0) as follow_ups, f.last_follow_up
    from development_plans p
    left join lateral (
      select
        count(*) filter (where x.status = 'planned')::int as planned,
        count(*) filter (where x.status = 'under-way')::int as under_way,
        count(*) filter (where x.status = 'done')::int as done,
        count(*) filter (where x.status = 'dropped')::int as dropped
      from development_measures x where x.plan_id = p.id
    ) m on true
    left join lateral (
      select count(*)::int as reflections, count(*) filter (where y.shared)::int as shared
      from development_reflections y where y.plan_id = p.id
    ) r on true
    left join lateral (
      select count(*)::int as follow_ups, max(z.held_on)::text as last_follow_up
      from development_follow_ups z
      where z.cohort_id = p.cohort_id and z.unit_org_number = p.unit_org_number
    ) f on true
    where ${where}`;
}

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] =>
  Array.isArray(result) ? (result as Row[]) : ((result as { rows: Row[] }).rows ?? []);
const n = (v: unknown) => Number(v ?? 0);

function counts(r: Row): ProgressCounts {
  return {
    planned: n(r.planned),
    underWay: n(r.under_way),
    done: n(r.done),
    dropped: n(r.dropped),
    reflections: n(r.reflections),
    shared: n(r.shared),
    followUps: n(r.follow_ups),
    lastFollowUp: (r.last_follow_up as string | null) ?? null,
  };
}

/** Each unit's figures (one row per plan), by municipality and unit. */
export async function unitProgress(
  db: Executor,
  cohortId: number,
  municipalities: string[] | null,
  municipality?: string,
): Promise<UnitProgress[]> {
  const result = await db.execute(
    sql`select * from (${perPlan(cohortId, municipalities, municipality)}) per_plan
      order by municipality_code, unit_org_number`,
  );
  return rowsOf(result).map((r) => ({
    ...counts(r),
    planId: n(r.id),
    orgNumber: String(r.unit_org_number),
    municipalityCode: String(r.municipality_code),
    phase: (r.phase as string | null) ?? null,
    version: n(r.version),
  }));
}

/** Each municipality's figures, summed over its units' plans. */
export async function municipalityProgress(
  db: Executor,
  cohortId: number,
  municipalities: string[] | null,
  municipality?: string,
): Promise<MunicipalityProgress[]> {
  const scope = perPlan(cohortId, municipalities, municipality);
  const [result, phaseRows] = await Promise.all([
    db.execute(sql`
      select municipality_code, count(*)::int as units,
        sum(planned)::int as planned, sum(under_way)::int as under_way, sum(done)::int as done,
        sum(dropped)::int as dropped, sum(reflections)::int as reflections,
        sum(shared)::int as shared, sum(follow_ups)::int as follow_ups,
        max(last_follow_up) as last_follow_up
      from (${scope}) per_plan group by municipality_code order by municipality_code`),
    db.execute(sql`
      select municipality_code, coalesce(phase, '') as phase, count(*)::int as units
      from (${scope}) per_plan group by municipality_code, coalesce(phase, '')`),
  ]);
  const phases = new Map<string, Record<string, number>>();
  for (const r of rowsOf(phaseRows)) {
    const code = String(r.municipality_code);
    phases.set(code, { ...phases.get(code), [String(r.phase)]: n(r.units) });
  }
  return rowsOf(result).map((r) => ({
    ...counts(r),
    municipalityCode: String(r.municipality_code),
    units: n(r.units),
    phases: phases.get(String(r.municipality_code)) ?? {},
  }));
}

/** The texts of the reflections units shared, for those who see figures only. */
export async function sharedReflections(
  db: Executor,
  cohortId: number,
  municipalities: string[] | null,
): Promise<
  { orgNumber: string; aboutId: number; tried: string; saw: string; next: string; at: Date }[]
> {
  const result = await db.execute(sql`
    select p.unit_org_number, r.about_id, r.tried, r.saw, r.next, r.written_at
    from development_reflections r join development_plans p on p.id = r.plan_id
    where r.shared and p.cohort_id = ${cohortId}
      and ${inScope(sql`p.municipality_code`, municipalities)}
    order by r.written_at desc limit 200`);
  return rowsOf(result).map((r) => ({
    orgNumber: String(r.unit_org_number),
    aboutId: n(r.about_id),
    tried: String(r.tried),
    saw: String(r.saw),
    next: String(r.next),
    at: new Date(String(r.written_at)),
  }));
}
