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

/** The per-plan counts, as a query both views select from. */
function perPlan(cohortId: number, municipalities: string[] | null, municipality?: string): SQL {
  const where = sql`p.cohort_id = ${cohortId} and ${inScope(sql`p.municipality_code`, municipalities)}${
    municipality ? sql` and p.municipality_code = ${municipality}` : sql``
  }`;
  return sql`
    with plans as (
      select p.id, p.unit_org_number, p.municipality_code, p.phase, p.version
      from development_plans p where ${where}
    ),
    m as (
      select plan_id,
        count(*) filter (where status = 'planned')::int as planned,
        count(*) filter (where status = 'under-way')::int as under_way,
        count(*) filter (where status = 'done')::int as done,
        count(*) filter (where status = 'dropped')::int as dropped
      from development_measures where plan_id in (select id from plans) group by plan_id
    ),
    r as (
      select plan_id, count(*)::int as reflections, count(*) filter (where shared)::int as shared
      from development_reflections where plan_id in (select id from plans) group by plan_id
    ),
    f as (
      select unit_org_number, count(*)::int as follow_ups, max(held_on)::text as last_follow_up
      from development_follow_ups
      where cohort_id = ${cohortId} and unit_org_number in (select unit_org_number from plans)
      group by unit_org_number
    ),
    per_plan as (
      select plans.*,
        coalesce(m.planned, 0) as planned, coalesce(m.under_way, 0) as under_way,
        coalesce(m.done, 0) as done, coalesce(m.dropped, 0) as dropped,
        coalesce(r.reflections, 0) as reflections, coalesce(r.shared, 0) as shared,
        coalesce(f.follow_ups, 0) as follow_ups, f.last_follow_up
      from plans
      left join m on m.plan_id = plans.id
      left join r on r.plan_id = plans.id
      left join f on f.unit_org_number = plans.unit_org_number
    )`;
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
    sql`${perPlan(cohortId, municipalities, municipality)}
      select * from per_plan order by municipality_code, unit_org_number`,
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
  const result = await db.execute(
    sql`${perPlan(cohortId, municipalities, municipality)}
      select municipality_code, count(*)::int as units,
        sum(planned)::int as planned, sum(under_way)::int as under_way, sum(done)::int as done,
        sum(dropped)::int as dropped, sum(reflections)::int as reflections,
        sum(shared)::int as shared, sum(follow_ups)::int as follow_ups,
        max(last_follow_up) as last_follow_up,
        (select jsonb_object_agg(k, c) from (
          select coalesce(q.phase, '') as k, count(*)::int as c from per_plan q
          where q.municipality_code = per_plan.municipality_code group by coalesce(q.phase, '')
        ) x) as phases
      from per_plan group by municipality_code order by municipality_code`,
  );
  return rowsOf(result).map((r) => ({
    ...counts(r),
    municipalityCode: String(r.municipality_code),
    units: n(r.units),
    phases: (r.phases as Record<string, number> | null) ?? {},
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
