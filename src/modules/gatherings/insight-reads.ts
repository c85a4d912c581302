import { sql } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { inList, jsonRows } from "../../kernel/sql-rows";
import {
  evaluationRespondents,
  evaluationResponses,
  gatheringEvaluations,
} from "./evaluation-schema";
import {
  gatheringAttendance,
  gatheringAttendanceCounts,
  gatheringRegistrations,
  gatherings,
} from "./schema";

/** A gathering's figures for the insight pages (issue 15). */
export type GatheringFigures = {
  id: number;
  cohortId: number;
  level: "national" | "regional" | "local";
  titleNb: string;
  titleNn: string;
  startsOn: string;
  /** Seats held (confirmed and offered). */
  registered: number;
  waiting: number;
  /** Present, when attendance was taken (or the organiser closed it with a count); else null. */
  present: number | null;
  /** Who answered the evaluation (null: no evaluation, or not shown to this viewer). */
  respondents: number | null;
  /** The mean of every 1–5 answer, when 3 or more answered (decision 0027); else null. */
  meanScore: number | null;
};

/**
 * The gatherings of these cohorts starting in `year` (or any year), with registrations,
 * attendance and the evaluation's mean score. For every municipality (`municipalities` null)
 * the figures come from the gathering's own kept counts (`seats_held`, `waiting_count`,
 * `present_count`, else `gathering_attendance_counts`, kept by a trigger), never a scan of
 * all registrations or attendance marks. For a
 * list of municipalities they are counted from the registrations of people from them (only
 * gatherings someone from them registered for), and the
 * evaluation is left out: its answers are anonymous and cannot be split by municipality.
 */
export async function gatheringFigures(
  db: Executor,
  s: { cohortIds: number[]; municipalities: string[] | null; year: number | null },
): Promise<GatheringFigures[]> {
  const yearWhere = s.year
    ? sql`and extract(year from g.starts_at at time zone 'Europe/Oslo') = ${s.year}`
    : sql``;
  type Row = {
    id: number;
    cohort_id: number;
    level: GatheringFigures["level"];
    title_nb: string;
    title_nn: string;
    starts_on: string;
    registered: number;
    waiting: number;
    present: number | null;
    respondents: number | null;
    mean_score: number | null;
  };
  const rows =
    s.municipalities === null
      ? await jsonRows<Row>(
          db,
          sql`select g.id, g.cohort_id, g.level, g.title_nb, g.title_nn,
                  to_char(g.starts_at at time zone 'Europe/Oslo', 'YYYY-MM-DD') as starts_on,
                  g.seats_held as registered, g.waiting_count as waiting,
                  coalesce(g.present_count, (
                    select ac.present from ${gatheringAttendanceCounts} ac
                     where ac.gathering_id = g.id and ac.marked > 0))::int as present,
                  ev.respondents::int as respondents,
                  case when ev.respondents >= 3 then (
                    select round(avg(v.value::numeric), 2)
                      from ${evaluationResponses} resp,
                           jsonb_array_elements(e.questions) q,
                           jsonb_each_text(resp.answers) v
                     where resp.gathering_id = g.id and q->>'kind' = 'scale'
                       and v.key = q->>'key' and v.value ~ '^[1-5]$'
                  ) end::float as mean_score
             from ${gatherings} g
             left join ${gatheringEvaluations} e on e.gathering_id = g.id
             left join lateral (
               select count(*) as respondents from ${evaluationRespondents} r
                where r.gathering_id = g.id and e.gathering_id is not null
               having e.gathering_id is not null) ev on true
            where ${inList(sql`g.cohort_id`, s.cohortIds)} ${yearWhere}
            order by g.starts_at, g.id`,
        )
      : await jsonRows<Row>(
          db,
          sql`select g.id, g.cohort_id, g.level, g.title_nb, g.title_nn,
                  to_char(g.starts_at at time zone 'Europe/Oslo', 'YYYY-MM-DD') as starts_on,
                  count(r.id) filter (where r.status in ('confirmed', 'offered'))::int as registered,
                  count(r.id) filter (where r.status = 'waiting')::int as waiting,
                  case when count(a.id) > 0
                    then count(a.id) filter (where a.status = 'present') end::int as present,
                  null as respondents, null as mean_score
             from ${gatherings} g
             left join ${gatheringRegistrations} r on r.gathering_id = g.id
              and ${inList(sql`r.municipality_code`, s.municipalities)}
             left join ${gatheringAttendance} a on a.registration_id = r.id and a.session_id is null
            where ${inList(sql`g.cohort_id`, s.cohortIds)} ${yearWhere}
            group by g.id
           having count(r.id) > 0
            order by g.starts_at, g.id`,
        );
  return rows.map((r) => ({
    id: r.id,
    cohortId: r.cohort_id,
    level: r.level,
    titleNb: r.title_nb,
    titleNn: r.title_nn,
    startsOn: r.starts_on,
    registered: r.registered,
    waiting: r.waiting,
    present: r.present,
    respondents: r.respondents,
    meanScore: r.mean_score,
  }));
}

/**
 * Every gathering's kept whole-gathering marks made afresh from the attendance, in one
 * statement: for a bulk load that ran without the triggers (the benchmark's generator) or a
 * repair. Under an exclusive lock on the counts, so another transaction's trigger adds its delta
 * after this count is committed (its marks were not in it), never into a count that this one
 * replaces.
 */
export async function recountGatheringAttendance(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${gatheringAttendanceCounts} in exclusive mode`);
    await tx.execute(sql`delete from ${gatheringAttendanceCounts}`);
    await tx.execute(sql`
      insert into ${gatheringAttendanceCounts} (gathering_id, marked, present)
      select gathering_id, count(*)::int, (count(*) filter (where status = 'present'))::int
        from ${gatheringAttendance} where session_id is null group by 1`);
  });
}
