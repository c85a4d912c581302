import type { Db } from "../../src/db/client";
import { fixedClock } from "../../src/kernel/clock";
import { createJobRunner } from "../../src/kernel/jobs";
import { smtpMailer } from "../../src/kernel/mailer";
import { jobHandlers } from "../../src/modules";
import { startSmtp } from "./smtp";

/**
 * The app's job loop over a test's own database, for tests without an app (`testApp` has its
 * own): every module's job kinds, mail delivered to a real SMTP server on loopback, a clock
 * the test moves (`loop.clock.set(…)`). `runDue()` runs what is due, the jobs those queue
 * included. Close it with the database.
 */
export async function testJobLoop(db: Db, opts: { now: Date; linkBase: string }) {
  const smtp = await startSmtp();
  const clock = fixedClock(opts.now);
  const runner = createJobRunner(
    db,
    jobHandlers({
      db,
      mailer: smtpMailer(smtp.url, "Samspill <ikke-svar@samspill.test>"),
      clock,
      linkBase: opts.linkBase,
      secret: "test-secret-that-is-long-enough-0123456789",
      mailingRatePerSecond: 1000,
    }),
    clock,
  );
  return {
    clock,
    smtp,
    runDue: () => runner.runDue(1000),
    close: () => smtp.close(),
  };
}
