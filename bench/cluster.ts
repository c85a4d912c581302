// Benchmarks of several instances behind nginx on one PostgreSQL (issue 16, decision 0038),
// each on a fresh database of its own on BENCH_DATABASE_URL or TEST_DATABASE_URL (PGlite is one
// process: there is nothing to compare there). The instances are scripts/entrypoint.sh started by
// scripts/cluster.mjs, in production mode, as an operator runs them.
//
// two-instances-vs-one: a signed-in page (/nb/meg as the demo's Kari) through nginx, to one
// instance and to two, in pairs of rounds in one run; the figure is the median of the pairs'
// ratios. The instances are pinned to a core each (taskset); nginx (one worker, connections to
// the instances kept open), PostgreSQL and the load generator (autocannon in this process) are
// not, and share both cores with them. Each round prints every process's CPU from /proc, so the
// line says what limited it (decision 0050).
//
// failover: clients post feedback answers and gathering registrations through nginx while
// mail jobs are queued; one instance is killed (SIGKILL) and started again. Then: every answer
// and registration that got its 303 must be stored, every job done and each mail received once.
import { Agent, request } from "node:http";
import { loadavg } from "node:os";
import { sql } from "drizzle-orm";
import pg from "pg";
import { type Instance, type Nginx, startInstance, startNginx } from "../scripts/cluster.mjs";
import { openPostgres } from "../src/db/client";
import { enqueueMail } from "../src/kernel/mail-jobs";
import { createSession } from "../src/modules/identity/sessions";
import { demoPeopleIds } from "../tests/support/people";
import { startSmtp } from "../tests/support/smtp";
import {
  bench,
  benchPostgresUrl,
  freePort,
  HOST,
  httpGet,
  load,
  log,
  scratchPostgres,
} from "./lib";
import { type CpuReport, childPids, cpuMeter, formatCpu } from "./proc-cpu";
import { prepareRush } from "./registration-rush";
import { stallWatch } from "./stall-watch";

const SECRET = "bench-secret-bench-secret-bench-secret";

/** What every instance of a benchmark gets, besides its port. */
function instanceEnv(databaseUrl: string, publicUrl: string, smtpUrl: string, extra = {}) {
  return {
    DATABASE_URL: databaseUrl,
    PUBLIC_URL: publicUrl,
    SECRET,
    SMTP_URL: smtpUrl,
    // Every client is 127.0.0.1 behind nginx: the limiter runs, it never says no.
    RATE_LIMIT_FORMS_PER_MINUTE: "100000000",
    LOG_LEVEL: "warn",
    ...extra,
  };
}

async function stopAll(nginxes: (Nginx | undefined)[], instances: (Instance | undefined)[]) {
  for (const n of nginxes) await n?.stop().catch(() => {});
  await Promise.all(instances.map((i) => i?.stop().catch(() => {})));
}

function needPostgres(name: string): string | undefined {
  const url = benchPostgresUrl();
  if (!url) log(`${name}: no BENCH_DATABASE_URL or TEST_DATABASE_URL, skipped (PostgreSQL only)`);
  return url;
}

// ---------------------------------------------------------------------------------------------
// two-instances-vs-one

const CONNECTIONS = 16;
const ROUND_SECONDS = Number(process.env.BENCH_TWO_ROUND_SECONDS ?? 5);
/** Pairs of rounds (one, two), the order alternating: one two, two one, one two, … */
const PAIRS = Number(process.env.BENCH_TWO_PAIRS ?? 6);
/**
 * The page, and who asks for it: a signed-in page whose cost is in the instance (routing, the
 * session, rendering) more than in PostgreSQL, so that the instances' CPU is what is compared.
 * `BENCH_TWO_PAGE="ada /nb/admin/tilbud"` to try another.
 */
const [PAGE_PERSON, PAGE_PATH] = (process.env.BENCH_TWO_PAGE ?? "kari /nb/meg").split(" ") as [
  string,
  string,
];

type Round = {
  kind: "one" | "two";
  rate: number;
  p50: number;
  p99: number;
  cpu: CpuReport;
  requests: number;
  seconds: number;
};

/** The middle value; of an even count, the mean of the two in the middle. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function twoInstancesBenchmark() {
  const admin = needPostgres("two-instances-vs-one");
  if (!admin) return;
  const database = await scratchPostgres(admin, "samspill_bench_two");
  const databaseName = new URL(database.url).pathname.slice(1);
  const [portA, portB, oneProxy, twoProxy] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  const instances: Instance[] = [];
  const nginxes: Nginx[] = [];
  const adminClient = new pg.Client({ connectionString: admin });
  await adminClient.connect();
  try {
    const t0 = performance.now();
    const env = instanceEnv(database.url, `http://${HOST}:${twoProxy}`, `smtp://${HOST}:9`, {
      SEED_DEMO: "true",
    });
    // Started together on the empty database: one migrates and seeds, the other waits.
    instances.push(
      ...(await Promise.all([
        startInstance({ port: portA, cpus: "0", env: { ...env, INSTANCE_ID: "a" } }),
        startInstance({ port: portB, cpus: "1", env: { ...env, INSTANCE_ID: "b" } }),
      ])),
    );
    // One worker each, with connections to the instances kept open (GETs only, nothing stops):
    // the proxy's cost per page as small as it can be, and the same in front of one and two.
    const proxy = (listen: number, ports: number[]) =>
      startNginx({
        listen: `${HOST}:${listen}`,
        servers: ports.map((p) => `${HOST}:${p}`),
        workers: 1,
        keepalive: CONNECTIONS * 2,
      });
    nginxes.push(await proxy(oneProxy, [portA]), await proxy(twoProxy, [portA, portB]));
    log(
      `two-instances-vs-one: 2 instances (cores 0 and 1) and 2 nginx up in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const pool = await openPostgres(database.url, 1);
    let cookie: string;
    try {
      const ids = await demoPeopleIds(pool.db, [PAGE_PERSON]);
      const personId = ids[PAGE_PERSON];
      if (!personId) throw new Error(`two-instances-vs-one: no demo person ${PAGE_PERSON}`);
      cookie = `samspill-session=${await createSession(pool.db, personId, "bench", new Date())}`;
    } finally {
      await pool.close();
    }
    // The page is the signed-in one (not a redirect to the sign-in page), through both proxies.
    for (const port of [oneProxy, twoProxy]) {
      const page = await httpGet(`http://${HOST}:${port}${PAGE_PATH}`, { Cookie: cookie });
      // The header's link to the profile is there only for someone signed in.
      if (page.status !== 200 || !/href="\/(nb|nn|en)\/meg"/.test(page.body.toString()))
        throw new Error(
          `two-instances-vs-one: ${PAGE_PATH} as ${PAGE_PERSON} answered ${page.status}, not the signed-in page`,
        );
    }

    // What each process used in each round, from /proc: the instances, the proxy of the round,
    // PostgreSQL's backends for this database, and this process (the load generator).
    const nginxPids = (n: Nginx) => [n.child.pid!, ...childPids(n.child.pid!)];
    let postgresPids: number[] = [];
    const meters = {
      one: cpuMeter(() => ({
        a: [instances[0]!.child.pid!],
        b: [instances[1]!.child.pid!],
        nginx: nginxPids(nginxes[0]!),
        postgres: postgresPids,
        "load generator": [process.pid],
      })),
      two: cpuMeter(() => ({
        a: [instances[0]!.child.pid!],
        b: [instances[1]!.child.pid!],
        nginx: nginxPids(nginxes[1]!),
        postgres: postgresPids,
        "load generator": [process.pid],
      })),
    };

    // A round in which this process (and so the instances and nginx, started from the same
    // directory) was stopped from outside, as a quiet measurement of something else does, says
    // nothing: its pair is measured again.
    const watch = stallWatch();
    const round = async (kind: "one" | "two", seconds: number): Promise<Round | "stopped"> => {
      const stoppedBefore = watch.stopped.count;
      postgresPids = (
        await adminClient.query<{ pid: number }>(
          "select pid from pg_stat_activity where datname = $1",
          [databaseName],
        )
      ).rows.map((r) => r.pid);
      meters[kind].start();
      const result = await load({
        url: `http://${HOST}:${kind === "one" ? oneProxy : twoProxy}${PAGE_PATH}`,
        headers: { Cookie: cookie },
        connections: CONNECTIONS,
        duration: seconds,
        timeout: 30,
      });
      const cpu = meters[kind].stop();
      watch.runningMs();
      if (watch.stopped.count > stoppedBefore) return "stopped";
      const bad = result.non2xx + result.errors + result.timeouts;
      if (bad > 0)
        throw new Error(
          `two-instances-vs-one: ${result.non2xx} answers other than 2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
        );
      return {
        kind,
        rate: result.requests.total / result.duration,
        p50: result.latency.p50,
        p99: result.latency.p99,
        cpu,
        requests: result.requests.total,
        seconds: result.duration,
      };
    };
    // Warm both paths (JIT, connection pools, PostgreSQL's caches) before anything counts.
    await round("two", 3);
    await round("one", 3);
    watch.runningMs();

    const loadBefore = loadavg();
    const rounds: Round[] = [];
    const ratios: number[] = [];
    // One, two; two, one; …: a drift in what else runs on the machine weighs on both alike,
    // and each pair's ratio is of two rounds next to each other in time.
    let spoiled = 0;
    for (let pair = 1; pair <= PAIRS; pair++) {
      const order = pair % 2 === 1 ? (["one", "two"] as const) : (["two", "one"] as const);
      const both: Partial<Record<"one" | "two", Round>> = {};
      for (const kind of order) {
        const r = await round(kind, ROUND_SECONDS);
        if (r === "stopped") break;
        both[kind] = r;
        log(
          `two-instances-vs-one pair ${pair}, ${kind}: ${r.rate.toFixed(0)} pages/s, p50 ${r.p50} ms, p99 ${r.p99} ms; CPU ${formatCpu(r.cpu)}`,
        );
      }
      if (!both.one || !both.two) {
        if (++spoiled > PAIRS)
          throw new Error("two-instances-vs-one: stopped from outside again and again");
        log(
          `two-instances-vs-one pair ${pair}: stopped from outside during the round, measured again`,
        );
        pair--;
        continue;
      }
      rounds.push(both.one, both.two);
      ratios.push(both.two.rate / both.one.rate);
    }
    watch.stop();
    const loadAfter = loadavg();

    const of = (kind: "one" | "two") => rounds.filter((r) => r.kind === kind);
    const cpuMedian = (kind: "one" | "two", group: string) =>
      median(of(kind).map((r) => r.cpu.groups[group] ?? 0));
    /** The instances' CPU per page, in ms: what a page costs where the figure is made. */
    const msPerPage = (kind: "one" | "two") =>
      median(
        of(kind).map(
          (r) =>
            (((r.cpu.groups.a ?? 0) + (kind === "two" ? (r.cpu.groups.b ?? 0) : 0)) / 100) *
            (r.seconds / r.requests) *
            1000,
        ),
      );
    const one = median(of("one").map((r) => r.rate));
    const two = median(of("two").map((r) => r.rate));
    const ratio = median(ratios);
    const groups = ["a", "b", "nginx", "postgres", "load generator"];
    for (const kind of ["one", "two"] as const)
      log(
        `two-instances-vs-one, ${kind} (medians): ${(kind === "one" ? one : two).toFixed(0)} pages/s; CPU ` +
          groups.map((g) => `${g} ${cpuMedian(kind, g).toFixed(0)} %`).join(", ") +
          `, other programs ${median(of(kind).map((r) => r.cpu.other)).toFixed(0)} %; ` +
          `the instances ${msPerPage(kind).toFixed(2)} ms of CPU per page`,
      );
    // What limits it: in the two rounds the instances get what the cores have left after the
    // proxy, PostgreSQL, the load generator and other programs. With a core of its own for each
    // instance (and the rest elsewhere), each would serve 1000 / (its ms per page) pages a second.
    const instancesShare = cpuMedian("two", "a") + cpuMedian("two", "b");
    const withOwnCores = (2 * msPerPage("one")) / msPerPage("two");
    log(
      `two-instances-vs-one: in the two rounds the instances had ${instancesShare.toFixed(0)} % of the 200 % there is ` +
        `(the rest: nginx, PostgreSQL, the load generator, other programs); with a core of its own per instance ` +
        `it would be about ${withOwnCores.toFixed(2)} x (twice one instance's pages per CPU-second, at the two rounds' cost per page)`,
    );
    log(
      `two-instances-vs-one: pair ratios ${ratios.map((r) => r.toFixed(2)).join(" ")}; ` +
        `load average ${loadBefore[0]!.toFixed(1)} before, ${loadAfter[0]!.toFixed(1)} after (1 min)`,
    );
    bench(
      "two-instances-vs-one",
      ratio.toFixed(2),
      "x",
      ">=",
      "1.3",
      `median of ${PAIRS} pairs of ${ROUND_SECONDS} s rounds, GET ${PAGE_PATH} as ${PAGE_PERSON}, ` +
        `${one.toFixed(0)} vs ${two.toFixed(0)} pages/s; 2 cores shared by both instances, nginx, PostgreSQL ` +
        `and the load generator; load ${loadBefore[0]!.toFixed(1)}`,
    );
  } finally {
    await adminClient.end().catch(() => {});
    await stopAll(nginxes, instances);
    await database.drop();
  }
}

// ---------------------------------------------------------------------------------------------
// failover

const CLIENTS = 16;
const PARTICIPANTS = 4000;
const KILL_AFTER_MS = 6_000;
const LOAD_AFTER_RESTART_MS = 6_000;
const MAIL_BATCH = 5;
const MAIL_EVERY_MS = 500;
const FEEDBACK_PAGE = "/tilbud/inkluderende-barnehage-og-skolemiljo";

type Answer = { status: number; location: string | undefined };

function post(
  agent: Agent,
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "Content-Length": String(Buffer.byteLength(body)),
          ...headers,
        },
      },
      (res) => {
        res.on("data", () => {});
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, location: res.headers.location }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.setTimeout(30_000, () => req.destroy(new Error("timeout")));
    req.end(body);
  });
}

export async function failoverBenchmark() {
  const admin = needPostgres("failover");
  if (!admin) return;
  const database = await scratchPostgres(admin, "samspill_bench_failover");
  const smtp = await startSmtp();
  const [portA, portB, proxyPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const origin = `http://${HOST}:${proxyPort}`;
  const pool = await openPostgres(database.url, 2);
  let instances: Instance[] = [];
  let nginx: Nginx | undefined;
  try {
    const t0 = performance.now();
    await pool.migrate();
    const setup = await prepareRush(pool.db, {
      now: new Date(),
      participants: PARTICIPANTS,
      seats: 1000,
      // Room in either group for every participant: a full group would answer 422.
      groupCapacity: PARTICIPANTS,
    });
    log(
      `failover: ${PARTICIPANTS} signed-in participants and an open gathering in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const env = instanceEnv(database.url, origin, smtp.url, { SEED_DEMO: "false" });
    const start = (port: number, id: string) =>
      startInstance({ port, env: { ...env, INSTANCE_ID: id } });
    instances = await Promise.all([start(portA, "a"), start(portB, "b")]);
    nginx = await startNginx({
      listen: `${HOST}:${proxyPort}`,
      servers: [`${HOST}:${portA}`, `${HOST}:${portB}`],
    });

    // The load: half the clients answer the feedback question, half register participants
    // (each once); mail jobs are queued all along, so the workers are busy when one dies.
    const registrations = new Map<number, number>(); // person id → status (0: no answer)
    const feedbackIds: number[] = [];
    let feedbackNoId = 0;
    const errors: string[] = [];
    let nextParticipant = 0;
    let stop = false;
    let sentMails = 0;
    const client = async (k: number) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        while (!stop) {
          const participant = k % 2 === 1 ? nextParticipant++ : PARTICIPANTS;
          if (participant < PARTICIPANTS) {
            const personId = setup.personIds[participant]!;
            const group = setup.groups[participant % 2];
            registrations.set(personId, 0);
            try {
              const res = await post(
                agent,
                `${origin}/nb/samlinger/${setup.gatheringId}/pamelding`,
                `session-${group}=yes`,
                { Origin: origin, Cookie: setup.cookies[participant]! },
              );
              registrations.set(personId, res.status);
              if (res.status !== 303) errors.push(`registration: ${res.status}`);
            } catch (error) {
              errors.push(`registration: ${(error as Error).message}`);
            }
          } else {
            try {
              const res = await post(
                agent,
                `${origin}/nb/tilbakemelding`,
                `step=answer&page=${encodeURIComponent(FEEDBACK_PAGE)}&answer=yes`,
                { Origin: origin },
              );
              if (res.status !== 303) {
                errors.push(`feedback: ${res.status}`);
                continue;
              }
              // The answer's id is in the reference the comment step is offered with.
              const id = res.location?.match(/[?&]tilbakemelding=(\d+)\.[01]\./)?.[1];
              if (id) feedbackIds.push(Number(id));
              else feedbackNoId++;
            } catch (error) {
              errors.push(`feedback: ${(error as Error).message}`);
            }
          }
        }
      } finally {
        agent.destroy();
      }
    };
    const mails = (async () => {
      while (!stop) {
        const batch = sentMails;
        sentMails += MAIL_BATCH;
        await pool.db.transaction(async (tx) => {
          for (let i = 0; i < MAIL_BATCH; i++)
            await enqueueMail(
              tx,
              {
                to: `mottaker-${batch + i}@failover.samspill.example`,
                subject: `Failover ${batch + i}`,
                text: "Samspill failover benchmark.",
              },
              { idempotencyKey: `bench-failover:${batch + i}`, now: new Date() },
            );
        });
        await new Promise((r) => setTimeout(r, MAIL_EVERY_MS));
      }
    })();

    const loadStarted = performance.now();
    const clients = Promise.all(Array.from({ length: CLIENTS }, (_, k) => client(k)));
    let errorsBefore = 0;
    try {
      await new Promise((r) => setTimeout(r, KILL_AFTER_MS));
      errorsBefore = errors.length;
      const killed = instances[1]!;
      killed.child.kill("SIGKILL");
      await killed.exited;
      const killedAt = performance.now();
      log(
        `failover: instance b killed (SIGKILL) ${((killedAt - loadStarted) / 1000).toFixed(1)} s into the load`,
      );
      instances[1] = await start(portB, "b");
      log(
        `failover: instance b ready again ${((performance.now() - killedAt) / 1000).toFixed(1)} s after the kill`,
      );
      await new Promise((r) => setTimeout(r, LOAD_AFTER_RESTART_MS));
    } finally {
      // Whatever went wrong, the clients stop before anything is shut down under them.
      stop = true;
      await Promise.all([clients, mails]);
    }
    const loadSeconds = (performance.now() - loadStarted) / 1000;

    // Every job done (those the dead instance had claimed come back after their lease, or at
    // once when it starts again).
    const deadline = Date.now() + 300_000;
    let jobs: { open: number; failed: number; done: number; total: number };
    for (;;) {
      const result = await pool.db.execute(sql`
        select count(*) filter (where done_at is null and failed_at is null)::int as open,
               count(*) filter (where failed_at is not null)::int as failed,
               count(*) filter (where done_at is not null)::int as done,
               count(*)::int as total
        from jobs where kind = 'mail.send' and idempotency_key like 'bench-failover:%'`);
      jobs = (result as unknown as { rows: (typeof jobs)[] }).rows[0]!;
      if (jobs.open === 0) break;
      if (Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 1_000));
    }
    const mailCounts = new Map<string, number>();
    for (const m of smtp.received) {
      if (!m.subject.startsWith("Failover ")) continue;
      mailCounts.set(m.subject, (mailCounts.get(m.subject) ?? 0) + 1);
    }
    const mailsLost = sentMails - mailCounts.size;
    const mailsTwice = [...mailCounts.values()].reduce((n, c) => n + c - 1, 0);

    // What is stored.
    const storedFeedback = new Set(
      (
        (await pool.db.execute(sql`select id from page_feedback`)) as unknown as {
          rows: { id: string | number }[];
        }
      ).rows.map((r) => Number(r.id)),
    );
    const storedRegistrations = new Set(
      (
        (await pool.db.execute(
          sql`select person_id from gathering_registrations where gathering_id = ${setup.gatheringId}`,
        )) as unknown as { rows: { person_id: number }[] }
      ).rows.map((r) => Number(r.person_id)),
    );
    const feedbackLost = feedbackIds.filter((id) => !storedFeedback.has(id)).length;
    const acknowledged = [...registrations].filter(([, status]) => status === 303);
    const registrationsLost = acknowledged.filter(([id]) => !storedRegistrations.has(id)).length;
    const unanswered = [...registrations].filter(([, status]) => status !== 303);
    const storedUnanswered = unanswered.filter(([id]) => storedRegistrations.has(id)).length;

    const kinds = new Map<string, number>();
    for (const e of errors) kinds.set(e, (kinds.get(e) ?? 0) + 1);
    log(
      `failover: ${loadSeconds.toFixed(1)} s of load by ${CLIENTS} clients: ${feedbackIds.length} feedback answers and ` +
        `${acknowledged.length} registrations acknowledged (303); ${errors.length} errors ` +
        `(${errorsBefore} before the kill): ${[...kinds].map(([e, n]) => `${e} ×${n}`).join(", ") || "none"}; ` +
        `${storedUnanswered} of the ${unanswered.length} registrations without a 303 were stored all the same`,
    );
    log(
      `failover: lost ${feedbackLost} feedback answers and ${registrationsLost} registrations; ` +
        `${feedbackNoId} feedback answers without an id in their redirect`,
    );
    log(
      `failover jobs: ${sentMails} mails queued, ${jobs.done} done, ${jobs.failed} failed, ${jobs.open} open; ` +
        `${mailCounts.size} received, ${mailsLost} never received, ${mailsTwice} received twice`,
    );
    bench(
      "failover-lost",
      String(feedbackLost + registrationsLost + feedbackNoId),
      "answers",
      "==",
      "0",
      `acknowledged but not stored; ${feedbackIds.length + acknowledged.length} acknowledged`,
    );
    bench(
      "failover-errors",
      String(errors.length),
      "errors",
      "<=",
      String(CLIENTS),
      `at most the requests in flight on the killed instance: one per client, ${CLIENTS} clients; nginx sends the rest to the other instance`,
    );
    if (jobs.open > 0 || jobs.failed > 0 || mailsLost > 0)
      throw new Error(
        `failover: mail jobs lost (${jobs.open} open, ${jobs.failed} failed, ${mailsLost} never received)`,
      );
  } finally {
    await stopAll([nginx], instances);
    await pool.close();
    await smtp.close();
    await database.drop();
  }
}

// Alone: `node --import tsx bench/cluster.ts [two|failover]`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const which = process.argv[2];
  if (which !== "failover") await twoInstancesBenchmark();
  if (which !== "two") await failoverBenchmark();
  process.exit(0);
}
