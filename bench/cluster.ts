// Benchmarks of several instances behind nginx on one PostgreSQL (issue 16, decision 0038),
// each on a fresh database of its own on BENCH_DATABASE_URL or TEST_DATABASE_URL (PGlite is one
// process: there is nothing to compare there). The instances are scripts/entrypoint.sh started by
// scripts/cluster.mjs, in production mode, as an operator runs them.
//
// two-instances-vs-one: a signed-in page (/nb/meg as the demo's Kari) through nginx, to one
// instance and to two, in alternating rounds in one run. The instances are pinned to a core each
// (taskset); nginx, PostgreSQL and the load generator (autocannon in this process) are not, and
// share both cores with them.
//
// failover: clients post feedback answers and gathering registrations through nginx while
// mail jobs are queued; one instance is killed (SIGKILL) and started again. Then: every answer
// and registration that got its 303 must be stored, every job done and each mail received once.
import { Agent, request } from "node:http";
import { sql } from "drizzle-orm";
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
  type LoadResult,
  load,
  log,
  scratchPostgres,
} from "./lib";
import { prepareRush } from "./registration-rush";

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
const ROUND_SECONDS = 4;
const ROUNDS = 5;

export async function twoInstancesBenchmark() {
  const admin = needPostgres("two-instances-vs-one");
  if (!admin) return;
  const database = await scratchPostgres(admin, "samspill_bench_two");
  const [portA, portB, oneProxy, twoProxy] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  const instances: Instance[] = [];
  const nginxes: Nginx[] = [];
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
    nginxes.push(
      await startNginx({ listen: `${HOST}:${oneProxy}`, servers: [`${HOST}:${portA}`] }),
      await startNginx({
        listen: `${HOST}:${twoProxy}`,
        servers: [`${HOST}:${portA}`, `${HOST}:${portB}`],
      }),
    );
    log(
      `two-instances-vs-one: 2 instances (cores 0 and 1) and 2 nginx up in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const pool = await openPostgres(database.url, 1);
    let cookie: string;
    try {
      const ids = await demoPeopleIds(pool.db, ["kari"]);
      cookie = `samspill-session=${await createSession(pool.db, ids.kari!, "bench", new Date())}`;
    } finally {
      await pool.close();
    }

    const round = async (port: number, seconds: number): Promise<LoadResult> => {
      const result = await load({
        url: `http://${HOST}:${port}/nb/meg`,
        headers: { Cookie: cookie },
        connections: CONNECTIONS,
        duration: seconds,
        timeout: 30,
      });
      const bad = result.non2xx + result.errors + result.timeouts;
      if (bad > 0)
        throw new Error(
          `two-instances-vs-one: ${result.non2xx} answers other than 2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
        );
      return result;
    };
    // Warm both paths (JIT, connection pools, PostgreSQL's caches) before anything counts.
    await round(twoProxy, 3);
    await round(oneProxy, 2);
    const totals = { one: { requests: 0, seconds: 0 }, two: { requests: 0, seconds: 0 } };
    // One, two, two, one, …: a drift in what else runs on the machine weighs on both alike.
    for (let r = 1; r <= ROUNDS; r++) {
      const order = [
        ["one", oneProxy],
        ["two", twoProxy],
      ] as const;
      for (const [kind, port] of r % 2 === 1 ? order : [...order].reverse()) {
        const result = await round(port, ROUND_SECONDS);
        totals[kind].requests += result.requests.total;
        totals[kind].seconds += result.duration;
        log(
          `two-instances-vs-one round ${r}, ${kind}: ${(result.requests.total / result.duration).toFixed(0)} pages/s, ` +
            `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, load generator ${result.loadGenCpuPercent.toFixed(0)} % of a core`,
        );
      }
    }
    const one = totals.one.requests / totals.one.seconds;
    const two = totals.two.requests / totals.two.seconds;
    log(
      `two-instances-vs-one: one instance ${one.toFixed(0)} pages/s, two ${two.toFixed(0)} pages/s ` +
        `(GET /nb/meg signed in, ${CONNECTIONS} connections, ${ROUNDS}×${ROUND_SECONDS} s each, in turns)`,
    );
    bench(
      "two-instances-vs-one",
      (two / one).toFixed(2),
      "x",
      ">=",
      "1.3",
      "2 cores shared by both instances, nginx, PostgreSQL and the load generator",
    );
  } finally {
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
