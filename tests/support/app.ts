import type { Logger } from "pino";
import { inject } from "vitest";
import { createApp } from "../../src/app";
import type { Database } from "../../src/db/client";
import { fixedClock } from "../../src/kernel/clock";
import type { RateRules } from "../../src/kernel/context";
import { createJobRunner } from "../../src/kernel/jobs";
import { smtpMailer } from "../../src/kernel/mailer";
import type { Metrics, Readiness } from "../../src/kernel/observe";
import { diskFileStore, layeredFileStore, temporaryFileStore } from "../../src/kernel/storage";
import { jobHandlers } from "../../src/modules";
import { createOidcRegistry } from "../../src/modules/identity";
import { type DbKind, freshDatabase } from "./db";
import { startSmtp } from "./smtp";
import { TEMPLATE_CLOCK } from "./templates";

export const ORIGIN = "http://localhost";

/**
 * An app over a fresh database with the demo data, a real SMTP server on loopback and a job
 * runner the test drives (`await t.jobs.runDue()`). With `demoPeople`, the demo people and
 * their roles are there too. The app's OpenID registry starts empty; `t.oidc.set(settings)`
 * adds a provider.
 */
export async function testApp(
  kind: DbKind,
  opts: {
    rateRules?: RateRules;
    demoPeople?: boolean;
    /** Base of links in mail; the origin `app.request()` uses unless a test says otherwise. */
    linkBase?: string;
    trustProxy?: boolean;
    /** Request log lines and the app's log go here (kernel/observe); none when not given. */
    logger?: Logger;
    metrics?: Metrics;
    readiness?: Readiness;
  } = {},
) {
  // The demo (and its people) come seeded from the run's template, as on the clock's day.
  const database: Database = await freshDatabase(kind, opts.demoPeople ? "people" : "demo");
  const clock = fixedClock(TEMPLATE_CLOCK);
  const smtp = await startSmtp();
  const jobs = createJobRunner(
    database.db,
    jobHandlers({
      db: database.db,
      mailer: smtpMailer(smtp.url, "Samspill <ikke-svar@samspill.test>"),
      clock,
      linkBase: opts.linkBase ?? ORIGIN,
      secret: "test-secret-that-is-long-enough-0123456789",
      mailingRatePerSecond: 1000,
    }),
    clock,
    opts.logger ? (line) => opts.logger?.info(line) : undefined,
  );
  const oidc = createOidcRegistry([]);
  const app = createApp({
    db: database.db,
    secret: "test-secret-that-is-long-enough-0123456789",
    clock,
    env: "test",
    linkBase: opts.linkBase ?? ORIGIN,
    trustProxy: opts.trustProxy ?? false,
    mailKind: "smtp",
    pageCacheSeconds: 0,
    // An answer of 500 says why on the test's output (the app logs only the error's message).
    log: opts.logger
      ? (line) => opts.logger?.info(line)
      : (line) => {
          if (line.startsWith("error ")) console.error(line);
        },
    ...(opts.logger ? { logger: opts.logger } : {}),
    ...(opts.metrics ? { metrics: opts.metrics } : {}),
    ...(opts.readiness ? { readiness: opts.readiness } : {}),
    oidc,
    ...(opts.rateRules ? { rateRules: opts.rateRules } : {}),
    // Uploads go to a store of this app's own; the demo's documents are read from the store
    // the test templates were seeded with.
    files: layeredFileStore(temporaryFileStore(), diskFileStore(inject("templateFiles"))),
  });
  /** A form post from our own page, as a browser sends it. */
  const post = (
    path: string,
    form: Record<string, string> | URLSearchParams,
    headers: Record<string, string> = {},
  ) =>
    app.request(path, {
      method: "POST",
      body: new URLSearchParams(form),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN, ...headers },
    });
  return {
    app,
    db: database.db,
    database,
    smtp,
    clock,
    jobs,
    oidc,
    post,
    async close() {
      await smtp.close();
      await database.close();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof testApp>>;
