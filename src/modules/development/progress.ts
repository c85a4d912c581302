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
 * The plans in scope and, per plan, its measures, reflections and follow-ups, each counted by
 * one flat grouped query (a join on the plan's index, no subquery per plan); the four results
 * are put together here, and the municipalities' figures summed from the units' (issue 12: the
 * lateral subqueries per plan, run three times for the two tables, took 550 ms on PGlite).
 * Plain joins and grouping keep the plans independent of statistics, which PGlite lacks.
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
): Promise<UnitProgress[]> {
  const where = planScope(cohortId, municipalities, municipality);
  // Sequential: a transaction's executor (and PGlite) runs one query at a time anyway.
  const plans = rowsOf(
    await db.execute(sql`
      select p.id, p.unit_org_number, p.municipality_code, p.phase, p.version
      from development_plans p where ${where}
      order by p.municipality_code, p.unit_org_number`),
  );
  if (plans.length === 0) return [];
  const measures = rowsOf(
    await db.execute(sql`
      select x.plan_id,
        count(*) filter (where x.status = 'planned')::int as planned,
        count(*) filter (where x.status = 'under-way')::int as under_way,
        count(*) filter (where x.status = 'done')::int as done,
        count(*) filter (where x.status = 'dropped')::int as dropped
      from development_measures x join development_plans p on p.id = x.plan_id
      where ${where} group by x.plan_id`),
  );
  const reflections = rowsOf(
    await db.execute(sql`
      select y.plan_id, count(*)::int as reflections,
        count(*) filter (where y.shared)::int as shared
      from development_reflections y join development_plans p on p.id = y.plan_id
      where ${where} group by y.plan_id`),
  );
  const followUps = rowsOf(
    await db.execute(sql`
      select p.id as plan_id, count(*)::int as follow_ups, max(z.held_on)::text as last_follow_up
      from development_follow_ups z join development_plans p
        on p.cohort_id = z.cohort_id and p.unit_org_number = z.unit_org_number
      where ${where} group by p.id`),
  );
  const byPlan = (rows: Row[]) => new Map(rows.map((r) => [n(r.plan_id), r]));
  const m = byPlan(measures);
  const r = byPlan(reflections);
  const f = byPlan(followUps);
  return plans.map((p) => {
    const id = n(p.id);
    const mr = m.get(id);
    const rr = r.get(id);
    const fr = f.get(id);
    return {
      planned: n(mr?.planned),
      underWay: n(mr?.under_way),
      done: n(mr?.done),
      dropped: n(mr?.dropped),
      reflections: n(rr?.reflections),
      shared: n(rr?.shared),
      followUps: n(fr?.follow_ups),
      lastFollowUp: (fr?.last_follow_up as string | null | undefined) ?? null,
      planId: id,
      orgNumber: String(p.unit_org_number),
      municipalityCode: String(p.municipality_code),
      phase: (p.phase as string | null) ?? null,
      version: n(p.version),
    };
  });
}

/** Each municipality's figures, summed over its units' plans (from `unitProgress`). */
export function municipalityProgressOf(perUnit: UnitProgress[]): MunicipalityProgress[] {
  const byCode = new Map<string, MunicipalityProgress>();
  for (const u of perUnit) {
    let m = byCode.get(u.municipalityCode);
    if (!m) {
      m = {
        municipalityCode: u.municipalityCode,
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
      };
      byCode.set(u.municipalityCode, m);
    }
    m.units += 1;
    const phase = u.phase ?? "";
    m.phases[phase] = (m.phases[phase] ?? 0) + 1;
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
  return [...byCode.values()].sort((a, b) =>
    a.municipalityCode < b.municipalityCode ? -1 : a.municipalityCode > b.municipalityCode ? 1 : 0,
  );
}

/** Each municipality's figures, summed over its units' plans. */
export async function municipalityProgress(
  db: Executor,
  cohortId: number,
  municipalities: string[] | null,
  municipality?: string,
): Promise<MunicipalityProgress[]> {
  return municipalityProgressOf(await unitProgress(db, cohortId, municipalities, municipality));
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
