import type { Server } from "node:http";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import pino from "pino";
import { createApp } from "./app";
import { loadConfig } from "./config";
import { dbImage, openDatabase } from "./db/client";
import { seedAtStart } from "./db/seed";
import { systemClock } from "./kernel/clock";
import { createJobRunner } from "./kernel/jobs";
import { outboxMailer, smtpMailer } from "./kernel/mailer";
import { countMails, createMetrics, serveMetrics } from "./kernel/observe";
import { memoryRateLimiter, postgresRateLimiter } from "./kernel/rate-limit";
import { loadSecret } from "./kernel/secrets";
import { diskFileStore } from "./kernel/storage";
import { appModules, jobHandlers } from "./modules";
import {
  ACCEPTED_IDPORTEN_ACR,
  createOidcRegistry,
  demoAccounts,
  startLocalProviders,
} from "./modules/identity";
import { startBounceListener } from "./modules/mailings";

// Start: config → database → migrations → reference and demo data → jobs → http.
const config = loadConfig();
// One JSON object a line on standard output (pino): the operator's collector adds the rest.
const logger = pino({
  level: config.logLevel,
  base: { instance: config.instanceId },
  timestamp: pino.stdTimeFunctions.isoTime,
});
const log = (line: string) => logger.info(line);
// Where start-up time goes, one figure per phase, logged once the front page can answer.
const startedAt = performance.now();
const phases: [string, number][] = [];
let phaseStart = startedAt;
const phaseDone = (name: string) => {
  const now = performance.now();
  phases.push([name, now - phaseStart]);
  phaseStart = now;
};
const seconds = (ms: number) => (ms / 1000).toFixed(2);

const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  poolSize: config.dbPoolSize,
  image: dbImage,
});
phaseDone("db");
await database.migrate();
phaseDone("migrations");
log(`database ready (${database.kind})`);

// Uploaded files' bytes (attachments, documents on programme pages), and the demo's.
const files = diskFileStore(join(config.dataDir, "files"));
const { reference, demoLoaded, timings } = await seedAtStart(database, {
  klassUrl: config.klassUrl,
  now: systemClock.now(),
  demo: config.seedDemo,
  linkBase: config.linkBase,
  files,
});
log(
  `reference data: ${reference.counties} counties, ${reference.municipalities} municipality periods, ${reference.offices} county offices${reference.skipped ? " (unchanged since the last start)" : ""}`,
);
if (demoLoaded) log("demo data loaded");
phaseDone(
  `seed [${Object.entries(timings)
    .map(([name, ms]) => `${name} ${seconds(ms)} s`)
    .join(", ")}]`,
);

const secret = await loadSecret(database.db, config.secret);
const metrics = createMetrics({
  db: database.db,
  ...(database.pool ? { pool: database.pool } : {}),
});
const mailer = countMails(
  config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : outboxMailer(database.db),
  metrics,
);
const jobs = createJobRunner(
  database.db,
  jobHandlers({
    db: database.db,
    mailer,
    clock: systemClock,
    linkBase: config.linkBase,
    secret,
    mailingRatePerSecond: config.mailings.ratePerSecond,
    bounceAddress: config.mailings.bounceAddress,
  }),
  systemClock,
  log,
  {
    instance: config.instanceId,
  },
);
jobs.start();
// Delivery-status notifications for the bounce address (decision 0041), when configured.
const bounceSmtp = config.mailings.bounceSmtp;
const bounceListener =
  bounceSmtp && config.mailings.bounceAddress
    ? await startBounceListener({
        db: database.db,
        clock: systemClock,
        port: bounceSmtp.port,
        host: bounceSmtp.host,
        bounceAddress: config.mailings.bounceAddress,
        hardLimit: config.mailings.hardBounceLimit,
        log,
        closeTimeoutMs: config.shutdownTimeoutMs,
      })
    : undefined;
if (bounceListener) log(`bounces taken by SMTP on ${bounceSmtp?.host}:${bounceListener.port}`);
phaseDone("secret and jobs");

// The modules' housekeeping (e.g. the invitation chain's clock), each on its own interval. Every
// instance may run it: the work is idempotent.
const housekeeping = appModules()
  .flatMap((m) => m.housekeeping ?? [])
  .map((job) => {
    const run = async () => {
      try {
        const done = await job.run(database.db, {
          now: systemClock.now(),
          baseUrl: config.linkBase,
        });
        if (done) {
          log(`${job.name}: ${done}`);
          jobs.poke();
        }
      } catch (e) {
        log(`${job.name} housekeeping failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
    void run();
    return setInterval(run, job.everyMinutes * 60_000);
  });

// Sign-in: ID-porten and Feide as configured; in development, local providers with the demo people.
const oidc = createOidcRegistry([
  ...(config.idporten
    ? [
        {
          id: "idporten" as const,
          ...config.idporten,
          scope: "openid profile",
          acceptedAcr: ACCEPTED_IDPORTEN_ACR,
        },
      ]
    : []),
  ...(config.feide
    ? [{ id: "feide" as const, ...config.feide, scope: "openid profile email userid-feide groups" }]
    : []),
]);
const app = createApp({
  db: database.db,
  secret,
  env: config.env,
  mailKind: mailer.kind,
  publicUrl: config.publicUrl,
  linkBase: config.linkBase,
  trustProxy: config.trustProxy,
  rateLimiter:
    database.kind === "postgres" ? postgresRateLimiter(database.db) : memoryRateLimiter(),
  pageCacheSeconds: config.pageCacheSeconds,
  rateRules: { form: { limit: config.formsPerMinute, windowSeconds: 60 } },
  contactInbox: config.contactInbox,
  onJobQueued: () => jobs.poke(),
  log,
  oidc,
  registerUrls: config.registerUrls,
  files,
  logger,
  metrics,
  readiness: { accepting: () => accepting, worker: () => jobs.isRunning() },
});
phaseDone("app");
let accepting = true;

// Started after listening: the front page does not need them, and the sign-in page lists a
// provider as soon as it is registered.
let localProviders: Awaited<ReturnType<typeof startLocalProviders>> | undefined;
async function startLocalSignIn() {
  const t0 = performance.now();
  const origins = [
    ...(config.publicUrl ? [config.publicUrl] : []),
    `http://localhost:${config.port}`,
    `http://127.0.0.1:${config.port}`,
  ];
  localProviders = await startLocalProviders({
    origins,
    ...(await demoAccounts(database.db, systemClock.now())),
  });
  for (const settings of localProviders.settings)
    if (!oidc.settings(settings.id)) oidc.set(settings);
  log(
    `local OpenID providers (demo people): ${localProviders.idporten.issuer} and ${localProviders.feide.issuer} (ready ${seconds(performance.now() - t0)} s after listening)`,
  );
}

const metricsServer = config.metrics
  ? await serveMetrics(metrics, config.metrics.port, config.metrics.host)
  : undefined;
if (metricsServer) log(`metrics on http://${config.metrics?.host}:${metricsServer.port}/metrics`);

// @hono/node-server makes a node:http server unless told to use HTTP/2.
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  log(
    `Samspill listening on http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${info.port}/`,
  );
  if (mailer.kind === "outbox" && config.env === "development") {
    log(`no SMTP_URL: mail goes to http://localhost:${info.port}/nb/dev/utboks`);
  }
  phaseDone("listen");
  // performance.now() counts from the process's start, so "code" is loading the modules.
  log(
    `started in ${seconds(performance.now())} s (code ${seconds(startedAt)} s, ${phases
      .map(([name, ms]) => `${name} ${seconds(ms)} s`)
      .join(", ")})`,
  );
  if (config.localOidc) {
    startLocalSignIn().catch((e) =>
      log(`local OpenID providers failed: ${e instanceof Error ? e.message : String(e)}`),
    );
  }
}) as Server;

/**
 * SIGTERM (or SIGINT): stop accepting (readyz answers 503, the listening socket closes), let
 * the requests in flight finish within SHUTDOWN_TIMEOUT_SECONDS, stop the job worker (the job
 * being sent finishes, the rest of its claims are released for another instance at once),
 * close the pool, exit. A second signal exits at once.
 */
async function shutdown(signal: string) {
  if (!accepting) {
    logger.warn({ signal }, "second signal: exiting now");
    process.exit(1);
  }
  accepting = false;
  const t0 = performance.now();
  logger.info({ signal, limitSeconds: config.shutdownTimeoutMs / 1000 }, "stopping");
  const deadline = setTimeout(() => {
    logger.warn("stop: requests still open at the limit, closing their connections");
    server.closeAllConnections();
  }, config.shutdownTimeoutMs);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  for (const interval of housekeeping) clearInterval(interval);
  await Promise.all([
    closed,
    bounceListener?.close(),
    Promise.race([
      jobs.stop(),
      new Promise((resolve) => setTimeout(resolve, config.shutdownTimeoutMs)),
    ]),
  ]);
  clearTimeout(deadline);
  await localProviders?.close();
  metricsServer?.server.close();
  await database.close();
  logger.info({ seconds: Number(seconds(performance.now() - t0)) }, "stopped");
  logger.flush?.();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
