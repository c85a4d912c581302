// A sender as its own process: the app's job loop (every module's job kinds) over a database,
// mailing through SMTP, under a fixed instance name so that a restart reclaims at once what a
// killed start had claimed. The kill-and-resume test and the newsletter bench start it, kill it
// with SIGKILL in the middle of a send and start it again.
//   DATABASE_URL (PostgreSQL) or PGLITE_DIR (an embedded database on disk), SMTP_URL,
//   MAILING_RATE (mails per second), INSTANCE_ID, LINK_BASE.
import { openDatabase } from "../../src/db/client";
import { systemClock } from "../../src/kernel/clock";
import { createJobRunner } from "../../src/kernel/jobs";
import { smtpMailer } from "../../src/kernel/mailer";
import { jobHandlers } from "../../src/modules";

const env = process.env;
const database = await openDatabase({
  databaseUrl: env.DATABASE_URL,
  dataDir: env.PGLITE_DIR,
});
const mailer = smtpMailer(
  env.SMTP_URL ?? "smtp://127.0.0.1:25",
  "Samspill <ikke-svar@samspill.test>",
);
const runner = createJobRunner(
  database.db,
  jobHandlers({
    db: database.db,
    mailer,
    clock: systemClock,
    linkBase: env.LINK_BASE ?? "http://127.0.0.1",
    secret: "test-secret-that-is-long-enough-0123456789",
    mailingRatePerSecond: Number(env.MAILING_RATE ?? 1000),
    bounceAddress: "retur@samspill.test",
  }),
  systemClock,
  (line) => console.error(line),
  { instance: env.INSTANCE_ID ?? "mailing-sender", heartbeatMs: 5_000 },
);
runner.start(Number(env.POLL_MS ?? 50));
console.log("sender ready");
process.on("SIGTERM", () => {
  void runner.stop().then(() => database.close().then(() => process.exit(0)));
});
