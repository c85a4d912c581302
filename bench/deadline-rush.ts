import type { AddressInfo } from "node:net";
import { Worker } from "node:worker_threads";
import { serve } from "@hono/node-server";
import { SMTPServer } from "smtp-server";
import { createApp } from "../src/app";
import type { Database } from "../src/db/client";
import { seedDemo, seedReference } from "../src/db/seed";
import type { Clock } from "../src/kernel/clock";
import { createJobRunner } from "../src/kernel/jobs";
import { smtpMailer } from "../src/kernel/mailer";
import { jobs } from "../src/kernel/schema";
import { jobHandlers } from "../src/modules";
import type { Answers } from "../src/modules/applications/answers";
import { fingerprint, saveAnswers, startApplication } from "../src/modules/applications/drafts";
import { openRound } from "../src/modules/applications/rounds";
import { applicationSubmissions } from "../src/modules/applications/schema";
import { createCohort } from "../src/modules/cohorts";
import { insertTestPerson } from "../src/modules/identity";
import { createSession } from "../src/modules/identity/sessions";
import { municipalitiesAt } from "../src/modules/organisations";
import { seededRandom } from "../src/modules/organisations/factories";
import { programmesOwnedBy } from "../src/modules/programmes";
import type { ClientsInput, ClientsResult, RushMunicipality } from "./deadline-rush-clients";
import { bench, freePort, HOST, log, onBothDatabases, percentile, tempDir } from "./lib";

const CLIENTS = 50;
const WINDOW_MS = 60_000;
/** Arrivals fall in the minute's first 55 s: the last submission must be answered within it. */
const ARRIVALS_MS = 55_000;
const TODAY = "2027-03-01";
const DAY = "2027-03-15";
/** The last minute before the deadline (end of the day in Oslo: 22:59 UTC in winter). */
const LAST_MINUTE = new Date(`${DAY}T22:59:00Z`).getTime();
const SETUP_AT = new Date(`${DAY}T22:00:00Z`);

const text = (value: string) => ({ kind: "text" as const, value });
const answers: Answers = {
  hvorfor: text("Vi vil styrke samarbeidet mellom hjem og skole i hele kommunen."),
  malgruppe: { kind: "choices" as const, values: ["barnehage", "skole"] },
  ledelse: text("Kommunalsjef for oppvekst leder arbeidet."),
  struktur: text("Fast sak på ledermøtene."),
  foreldreutvalg: text("ja"),
  periode: { kind: "range" as const, from: "2027-08-01", to: "2029-01-31" },
  form: text("physical"),
  aktiviteter: {
    kind: "rows" as const,
    rows: [
      { kind: "training-day", mode: "physical", count: "2", when: "", note: "" },
      { kind: "parent-meeting", mode: "physical", count: "4", when: "", note: "" },
    ],
  },
  enheter: text("5"),
  forpliktelser: { kind: "choices" as const, values: ["tid", "kostnader"] },
};

/** The demo (FUB/FUG's programme and form), a new round, and a signed-in coordinator and a
 * filled draft for every municipality. */
async function prepare(db: Database["db"]): Promise<RushMunicipality[]> {
  const t0 = performance.now();
  await seedReference(db, { today: TODAY });
  await seedDemo(db, TODAY, "http://127.0.0.1");
  const [fub] = await programmesOwnedBy(db, ["fub"]);
  if (!fub) throw new Error("deadline-rush: no FUB/FUG programme in the demo");
  const system = { personId: null, now: new Date(`${TODAY}T09:00:00Z`) };
  const cohortId = await createCohort(
    db,
    {
      programmeId: fub.id,
      number: 90,
      wayIn: "application",
      startsOn: "2027-08-01",
      endsOn: "2029-07-31",
      officeInviteDeadline: null,
      answerDeadline: null,
      createdAt: system.now,
      createdBy: null,
    },
    [],
  );
  const round = await openRound(
    db,
    { cohortId, programmeId: fub.id, deadline: DAY, criteria: [] },
    system,
  );
  if (!round.ok) throw new Error(`deadline-rush: no round (${JSON.stringify(round.errors)})`);
  const codes = (await municipalitiesAt(db, DAY)).map((m) => m.code);
  const questionIds = Object.keys(answers);
  const seen = Object.fromEntries(questionIds.map((q) => [q, fingerprint(undefined)]));
  const out: RushMunicipality[] = [];
  const random = seededRandom(7);
  for (const code of codes) {
    const personId = await insertTestPerson(
      db,
      {
        name: `Koordinator ${code}`,
        email: `koordinator.${code}@kommune.bench.example`,
        role: { role: "municipal-coordinator", orgId: code },
      },
      system.now,
    );
    const started = await startApplication(
      db,
      { roundId: round.roundId, municipalityCode: code },
      { personId, now: system.now },
    );
    if (!started.ok) throw new Error(`deadline-rush: no draft for ${code}`);
    const saved = await saveAnswers(
      db,
      { applicationId: started.applicationId, answers, seen, questionIds },
      { personId, now: system.now },
    );
    if (!saved.ok) throw new Error(`deadline-rush: draft of ${code} not saved`);
    const session = await createSession(db, personId, "idporten", SETUP_AT);
    out.push({
      code,
      applicationId: started.applicationId,
      cookie: `samspill-session=${session}`,
      at: random.next() * ARRIVALS_MS,
    });
  }
  log(
    `deadline-rush: demo, a round and ${out.length} coordinators with filled drafts in ` +
      `${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return out;
}

/** An SMTP server on loopback that takes every mail and counts it (the receipts). */
async function smtpSink() {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://${HOST}:${port}`,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * With DEADLINE_RUSH_PROFILE=<dir>, a CPU profile of the rush alone (not the set-up, not the
 * mail after it) is written there, to open in Chrome's DevTools.
 */
async function startProfiler() {
  const dir = process.env.DEADLINE_RUSH_PROFILE;
  if (!dir) return null;
  const { Session } = await import("node:inspector/promises");
  const { writeFileSync, mkdirSync } = await import("node:fs");
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 500 });
  await session.post("Profiler.start");
  return {
    async stop(label: string) {
      const { profile } = await session.post("Profiler.stop");
      mkdirSync(dir, { recursive: true });
      const file = `${dir}/deadline-rush-${label.split(" ")[0]!.toLowerCase()}-${Date.now()}.cpuprofile`;
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      log(`deadline-rush: CPU profile of the rush in ${file}`);
    },
  };
}

type RushResult = { p95: number; lost: number };

/** The clients, in a worker thread (bench/deadline-rush-clients.ts). */
function browsers(input: ClientsInput): Promise<ClientsResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./deadline-rush-clients.ts", import.meta.url), {
      workerData: input,
    });
    worker.once("message", (result: ClientsResult) => resolve(result));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`the clients' worker exited with ${code}`));
    });
  });
}

/** The rush on one database (migrated and filled here). */
async function rush(database: Database, label: string): Promise<RushResult> {
  await database.migrate();
  const db = database.db;
  const municipalities = await prepare(db);

  // Before the rush the clock stands at setup time; during it, it runs from the last minute.
  let rushStart: number | null = null;
  const clock: Clock = {
    now: () =>
      rushStart === null ? SETUP_AT : new Date(LAST_MINUTE + (performance.now() - rushStart)),
  };
  const smtp = await smtpSink();
  const port = await freePort();
  const origin = `http://${HOST}:${port}`;
  const runner = createJobRunner(
    db,
    jobHandlers({
      db,
      mailer: smtpMailer(smtp.url, "Samspill <ikke-svar@samspill.example>"),
      clock,
      linkBase: origin,
    }),
    clock,
  );
  const app = createApp({
    db,
    secret: "bench-secret-that-is-long-enough-0123456789",
    clock,
    env: "production",
    linkBase: origin,
    mailKind: "smtp",
    // All clients come from 127.0.0.1: the limiter runs on every post but never says no.
    rateRules: { form: { limit: 100_000_000, windowSeconds: 60 } },
    onJobQueued: () => runner.poke(),
    log: (line) => log(`deadline-rush app: ${line}`),
  });
  const server = serve({ fetch: app.fetch, hostname: HOST, port });
  await new Promise<void>((resolve, reject) => {
    if (server.listening) return resolve();
    server.once("listening", () => resolve());
    server.once("error", reject);
  });
  try {
    runner.start();
    const profiler = await startProfiler();
    const cpu0 = process.threadCpuUsage();
    rushStart = performance.now();
    const run = await browsers({ origin, clients: CLIENTS, municipalities });
    const rushMs = performance.now() - rushStart;
    const cpu = process.threadCpuUsage(cpu0);
    await profiler?.stop(label);
    const { submitMs, pageMs, failures, lateMs } = run;
    const receipts = new Map(run.receipts);

    const stored = new Map(
      (
        await db
          .select({
            id: applicationSubmissions.applicationId,
            hash: applicationSubmissions.contentHash,
          })
          .from(applicationSubmissions)
      ).map((r) => [r.id, r.hash]),
    );
    let lost = municipalities.length - receipts.size;
    for (const [id, hash] of receipts) if (stored.get(id) !== hash) lost++;
    if (rushMs > WINDOW_MS) lost = municipalities.length; // past the deadline: none counts
    log(
      `deadline-rush (${label}): ${receipts.size} receipts of ${municipalities.length} in ` +
        `${(rushMs / 1000).toFixed(1)} s, ${CLIENTS} clients; click to receipt p50 ` +
        `${percentile(submitMs, 50).toFixed(0)} ms, p95 ${percentile(submitMs, 95).toFixed(0)} ms, ` +
        `max ${Math.max(...submitMs).toFixed(0)} ms; the application's page (before the click) p95 ` +
        `${percentile(pageMs, 95).toFixed(0)} ms; the app's thread (server, database, job loop) used ` +
        `${((cpu.user + cpu.system) / 1000 / municipalities.length).toFixed(1)} ms of CPU per municipality, ` +
        `${(((cpu.user + cpu.system) / 1000 / rushMs) * 100).toFixed(0)} % of one core during the rush; ` +
        `submissions began behind their instants by at most ${Math.max(0, ...lateMs).toFixed(0)} ms`,
    );
    for (const f of failures.slice(0, 5)) log(`deadline-rush (${label}): ${f}`);

    // The receipts by mail: the job loop goes on until every one is sent.
    const m0 = performance.now();
    const mailJobs = async () =>
      (await db.select({ done: jobs.doneAt, failed: jobs.failedAt }).from(jobs)).filter(
        (j) => j.done === null && j.failed === null,
      ).length;
    while ((await mailJobs()) > 0 && performance.now() - m0 < 120_000) {
      await new Promise((r) => setTimeout(r, 200));
    }
    log(
      `deadline-rush (${label}): ${smtp.received()} receipt mails at the SMTP server ` +
        `${((performance.now() - rushStart) / 1000).toFixed(1)} s after the rush began`,
    );
    return { p95: percentile(submitMs, 95), lost };
  } finally {
    await runner.stop();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      if ("closeAllConnections" in server) server.closeAllConnections();
    });
    await smtp.close();
  }
}

function print(result: RushResult, suffix = "") {
  // The target is an equality, which bench() (>= and <=) does not print.
  console.log(`BENCH deadline-rush-lost${suffix} ${result.lost} submissions target == 0`);
  bench(`deadline-rush-p95${suffix}`, result.p95.toFixed(0), "ms", "<=", "300");
}

export async function deadlineRushBenchmark() {
  await onBothDatabases(
    "deadline-rush",
    async (database, { label, suffix }) => print(await rush(database, label), suffix),
    {
      pgliteDir: tempDir("rush"),
      pgliteLabel: "PGlite on a data dir, in this process",
      poolSize: 10,
    },
  );
}

// Alone: `node --import tsx bench/deadline-rush.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await deadlineRushBenchmark();
  } finally {
    const { removeTempDirs } = await import("./lib");
    removeTempDirs();
  }
}
