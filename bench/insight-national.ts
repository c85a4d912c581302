// The programme admin's insight page (issue 15) on a national data set: 357 municipalities,
// 8,500 units, 200,000 staff, 3 cohorts, 2 M attendance rows and 1 M feedback answers, made in
// bulk SQL (generate_series), on the embedded database and, when a PostgreSQL URL is set, there.
import { sql } from "drizzle-orm";
import { createApp } from "../src/app";
import type { Database, Tx } from "../src/db/client";
import { fixedClock } from "../src/kernel/clock";
import { createCohort } from "../src/modules/cohorts";
import { createSession } from "../src/modules/identity/sessions";
import { recountInsight } from "../src/modules/insight";
import { municipalitiesAt } from "../src/modules/organisations";
import { bench, log, onBothDatabases, percentile } from "./lib";
import { ibsProgramme, udirProgrammeAdmin } from "./national";

const NOW = new Date("2026-11-23T10:00:00Z");
const TODAY = "2026-11-23";
const UNITS = Number(process.env.BENCH_UNITS ?? 8_500);
const STAFF = Number(process.env.BENCH_STAFF ?? 200_000);
const GATHERINGS_PER_COHORT = 20;
const ATTENDANCE = Number(process.env.BENCH_ATTENDANCE ?? 2_000_000);
const FEEDBACK = Number(process.env.BENCH_FEEDBACK ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 50);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const COHORTS = [
  { number: 1, startsOn: "2021-08-01", endsOn: "2023-06-30" },
  { number: 2, startsOn: "2023-08-01", endsOn: "2025-06-30" },
  { number: 3, startsOn: "2025-08-01", endsOn: "2027-06-30" },
];

const step = (what: string, since: number) =>
  log(`insight-national: ${what} in ${((performance.now() - since) / 1000).toFixed(1)}s`);

/** Builds the national data set; returns the programme admin and the programme. */
export async function nationalInsight(db: Database["db"]) {
  const t0 = performance.now();
  const programmeId = await ibsProgramme(db, TODAY, NOW);
  const admin = await udirProgrammeAdmin(db, NOW, "insight-national");
  const cohortIds: number[] = [];
  for (const k of COHORTS)
    cohortIds.push(await createCohort(db, { programmeId, ...k, createdAt: NOW }, []));
  const municipalities = await municipalitiesAt(db, TODAY);
  if (municipalities.length !== 357)
    throw new Error(`insight-national: ${municipalities.length} municipalities today`);
  // The bulk rows are made in one transaction with the database's per-row work switched off
  // (session_replication_role = replica: no foreign-key checks, no triggers): every row is
  // made from the rows it refers to, so the keys hold by construction, and the counts the
  // triggers would keep are made afresh afterwards by the modules' own recount
  // (recountInsight), in one statement each. Row by row, 2 M attendance marks took over 20
  // minutes on PGlite.
  // The secondary indexes of the large tables are dropped for the load and made again after it
  // from their own definitions (one sort each instead of millions of insertions).
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
    await withoutIndexes(tx, BULK_TABLES, () =>
      bulkRows(tx, { programmeId, cohortIds, municipalities }),
    );
  });
  let t = performance.now();
  await recountInsight(db);
  step("kept counts recounted", t);
  t = performance.now();
  await db.execute(sql`analyze`);
  step("analyzed", t);
  const [counts] = await jsonRowsOf<{ a: number; r: number; u: number }>(
    db,
    sql`select (select count(*) from gathering_attendance)::int as a,
               (select count(*) from role_assignments where org_kind = 'unit')::int as r,
               (select count(*) from cohort_enrolments)::int as u`,
  );
  log(
    `insight-national: ${counts!.r} unit roles, ${counts!.u} enrolments, ${counts!.a} attendance rows; ` +
      `built in ${((performance.now() - t0) / 1000).toFixed(1)}s`,
  );
  return { adminId: admin.id, programmeId };
}

const BULK_TABLES = [
  "people",
  "role_assignments",
  "gathering_registrations",
  "gathering_attendance",
  "page_feedback",
];

/** `work` run with the tables' indexes other than their keys' dropped, then made again. */
async function withoutIndexes(db: Tx, tables: string[], work: () => Promise<void>) {
  const list = sql`${`{${tables.join(",")}}`}::text[]`;
  const indexes = await jsonRowsOf<{ name: string; def: string }>(
    db,
    sql`select i.indexname as name, i.indexdef as def from pg_indexes i
         where i.schemaname = 'public' and i.tablename = any(${list})
           and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
  );
  for (const i of indexes) await db.execute(sql.raw(`drop index "${i.name}"`));
  await work();
  const t = performance.now();
  for (const i of indexes) await db.execute(sql.raw(i.def));
  step(`${indexes.length} indexes made again`, t);
}

/** The national data set's rows, in bulk SQL (generate_series), a few statements a table. */
async function bulkRows(
  db: Tx,
  {
    programmeId,
    cohortIds,
    municipalities,
  }: {
    programmeId: number;
    cohortIds: number[];
    municipalities: { code: string; countyCode: string }[];
  },
) {
  const codes = sql`${`{${municipalities.map((m) => m.code).join(",")}}`}::text[]`;
  const counties = sql`${`{${municipalities.map((m) => m.countyCode).join(",")}}`}::text[]`;
  const ids = sql`${`{${cohortIds.join(",")}}`}::int[]`;
  const m = sql`(select code, county, (n - 1)::int as n from unnest(${codes}, ${counties})
                   with ordinality as x(code, county, n))`;

  let t = performance.now();
  // Every municipality invited to every cohort; cohort c's invitation accepted by municipality
  // n when n % 3 = c (each takes part once), the rest declined, expired or still open.
  await db.execute(sql`
    insert into cohort_invitations
      (cohort_id, office_id, invitee_kind, invitee_id, state, deadline, invited_at, answered_at)
    select (${ids})[c], 'bench-' || m.county, 'municipality', m.code,
           case when m.n % 3 = c - 1 and m.n % 10 <> 9 then 'accepted'
                when m.n % 7 = 0 then 'declined'
                when c = 3 then 'invited' else 'expired' end,
           make_date(2020 + 2 * c, 3, 1),
           make_timestamptz(2020 + 2 * c, 1, 1 + m.n % 28, 9, 0, 0, 'Europe/Oslo'),
           case when (m.n % 3 = c - 1 and m.n % 10 <> 9) or m.n % 7 = 0
                then make_timestamptz(2020 + 2 * c, 2, 1 + m.n % 28, 9, 0, 0, 'Europe/Oslo') end
      from ${m} m cross join generate_series(1, 3) c`);
  await db.execute(sql`
    update cohort_invitations set state = 'expired', answered_at = null
     where state = 'declined' and cohort_id = (${ids})[3] and invitee_id like '5%'`);
  // Units spread over the municipalities, 40 % schools, 30 % private.
  await db.execute(sql`
    insert into units (org_number, name, municipality_code, county_code, is_school,
                       is_kindergarten, owner, active, sources, first_seen_at, changed_at)
    select (900000000 + i)::text, 'Benkeenhet ' || i, m.code, m.county, i % 5 < 2, i % 5 >= 2,
           case when i % 10 < 3 then 'private' else 'public' end, true,
           array[case when i % 5 < 2 then 'nsr' else 'nbr' end], ${NOW}, ${NOW}
      from generate_series(0, ${UNITS - 1}) i join ${m} m on m.n = i % 357`);
  // The units of an accepting municipality enrolled in its cohort (nine in ten of them).
  await db.execute(sql`
    insert into cohort_enrolments (cohort_id, invitation_id, unit_org_number, enrolled_at)
    select i.cohort_id, i.id, u.org_number, i.answered_at
      from cohort_invitations i join units u on u.municipality_code = i.invitee_id
     where i.state = 'accepted' and right(u.org_number, 1) <> '7'`);
  step(`invitations, ${UNITS} units and enrolments`, t);

  t = performance.now();
  // The staff: one person per role, a unit each (some people at two units).
  await db.execute(sql`
    insert into people (name, email, created_at)
    select 'Ansatt ' || i, 'ansatt' || i || '@bench.example', ${NOW}
      from generate_series(1, ${STAFF}) i`);
  await db.execute(sql`
    insert into role_assignments (person_id, role, org_kind, org_id, granted_at)
    select p.id, case when p.id % 25 = 0 then 'unit-leader' else 'staff' end, 'unit',
           (900000000 + p.id % ${UNITS})::text, ${NOW}
      from people p where p.email like 'ansatt%'`);
  await db.execute(sql`
    insert into role_assignments (person_id, role, org_kind, org_id, granted_at)
    select p.id, 'staff', 'unit', (900000000 + (p.id + 1) % ${UNITS})::text, ${NOW}
      from people p where p.email like 'ansatt%' and p.id % 50 = 1`);
  step(`${STAFF} staff with their roles`, t);

  t = performance.now();
  // Gatherings: 20 per cohort; registrations of staff, every one with attendance taken.
  await db.execute(sql`
    insert into gatherings (programme_id, cohort_id, level, organiser_kind, organiser_id,
                            title_nb, title_nn, starts_at, ends_at, mode, capacity,
                            registration_opens_at, registration_closes_at, created_at)
    select ${programmeId}, (${ids})[c], case when g % 4 = 0 then 'national' else 'regional' end,
           'owner', 'udir', 'Samling ' || c || '.' || g, 'Samling ' || c || '.' || g,
           make_timestamptz(2020 + 2 * c, 1 + g % 12, 10, 9, 0, 0, 'Europe/Oslo') + (g / 12) * interval '1 year',
           make_timestamptz(2020 + 2 * c, 1 + g % 12, 10, 15, 0, 0, 'Europe/Oslo') + (g / 12) * interval '1 year',
           'physical', 1000000, ${NOW}, ${NOW}, ${NOW}
      from generate_series(1, 3) c cross join generate_series(0, ${GATHERINGS_PER_COHORT - 1}) g`);
  const perGathering = Math.ceil(ATTENDANCE / (3 * GATHERINGS_PER_COHORT));
  await db.execute(sql`
    insert into gathering_registrations (gathering_id, person_id, unit_org_number,
        municipality_code, status, queue_number, confirmed_at, created_at)
    select g.id, p.id, u.org_number, u.municipality_code,
           case when r % 20 = 0 then 'waiting' else 'confirmed' end, r, ${NOW}, ${NOW}
      from gatherings g cross join generate_series(1, ${perGathering}) r
      join people p on p.id = 1 + (g.id * 7919 + r) % ${STAFF}
      join units u on u.org_number = (900000000 + p.id % ${UNITS})::text`);
  await db.execute(sql`
    update gatherings g set seats_held = x.held, waiting_count = x.waiting,
           last_queue_number = x.last
      from (select gathering_id, count(*) filter (where status = 'confirmed') as held,
                   count(*) filter (where status = 'waiting') as waiting, max(queue_number) as last
              from gathering_registrations group by gathering_id) x
     where x.gathering_id = g.id`);
  await db.execute(sql`
    insert into gathering_attendance (gathering_id, registration_id, status, recorded_at)
    select gathering_id, id, case when id % 9 = 0 then 'absent' else 'present' end, ${NOW}
      from gathering_registrations where status = 'confirmed'`);
  await db.execute(sql`
    insert into gathering_attendance (gathering_id, registration_id, status, recorded_at)
    select gathering_id, id, 'excused', ${NOW}
      from gathering_registrations where status = 'waiting'`);
  step(
    `${3 * GATHERINGS_PER_COHORT} gatherings, ${perGathering} registrations and attendance each`,
    t,
  );

  t = performance.now();
  // Page feedback: a million answers over 40 pages, 3 languages and two years.
  await db.execute(sql`
    insert into page_feedback (page, lang, found, created_at)
    select '/side/' || (i % 40), (array['nb', 'nn', 'en'])[1 + i % 3], i % 4 <> 0,
           timestamptz '2025-01-01 12:00+00' + (i % 690) * interval '1 day'
      from generate_series(1, ${FEEDBACK}) i`);
  step(`${FEEDBACK} feedback answers`, t);
}

async function jsonRowsOf<T>(db: Database["db"] | Tx, query: ReturnType<typeof sql>): Promise<T[]> {
  const r = await db.execute(query);
  return (r as unknown as { rows: T[] }).rows;
}

/** p95 of the insight page on one database; the database is migrated and filled here. */
async function measure(database: Database, label: string) {
  await database.migrate();
  const { adminId, programmeId } = await nationalInsight(database.db);
  const app = createApp({
    db: database.db,
    secret: "bench-secret-that-is-long-enough-0123456789",
    clock: fixedClock(NOW),
    env: "production",
    linkBase: "https://samspill.example",
    mailKind: "outbox",
    pageCacheSeconds: 0,
    log: () => {},
  });
  const cookie = `samspill-session=${await createSession(database.db, adminId, "bench", NOW)}`;
  // Every cohort of the programme: the heaviest selection of the programme admin.
  const path = `/nb/innsikt?utvalg=p${programmeId}`;
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const t0 = performance.now();
    const res = await app.request(path, { headers: { Cookie: cookie } });
    const body = await res.text();
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`insight-national: ${path} answered ${res.status}`);
    if (i === 0) {
      // 357 municipalities over the three cohorts, less the one in ten that did not accept.
      const taking = (body.match(/<svg/g) ?? []).length;
      if (taking < 5 || !body.includes("Samling 3.19"))
        throw new Error("insight-national: the page lacks its charts or gatherings");
    }
    if (process.env.BENCH_VERBOSE) log(`insight-national: request ${i} ${ms.toFixed(0)} ms`);
    if (i < WARMUP) continue;
    times.push(ms);
    bytes = body.length;
  }
  log(
    `insight-national (${label}): ${REQUESTS} requests of GET ${path} as the programme admin after ${WARMUP} warm-up, ` +
      `${(bytes / 1024).toFixed(0)} kB of HTML each; p50 ${percentile(times, 50).toFixed(2)} ms, ` +
      `max ${Math.max(...times).toFixed(2)} ms`,
  );
  return percentile(times, 95);
}

export async function insightNationalBenchmark() {
  await onBothDatabases("insight-national", async (database, { label, suffix }) => {
    const p95 = await measure(database, label);
    bench(`insight-national-p95${suffix}`, p95.toFixed(2), "ms", "<=", "200");
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await insightNationalBenchmark();
  process.exit(0);
}
