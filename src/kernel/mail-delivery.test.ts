import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, freshDatabase } from "../../tests/support/db";
import { startSmtp } from "../../tests/support/smtp";
import type { Database } from "../db/client";
import { fixedClock } from "./clock";
import { createJobRunner, type JobHandler, LEASE_MS } from "./jobs";
import { enqueueMail, MAIL_JOB, mailJobHandler } from "./mail-jobs";
import { smtpMailer } from "./mailer";
import { jobs } from "./schema";

const FROM = "Samspill <ikke-svar@samspill.test>";
const never = new Promise<never>(() => {});

describe.each(databaseKinds)("mail delivery after a crash on %s", (kind) => {
  let database: Database;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const clock = fixedClock(new Date("2026-11-23T10:00:00Z"));
  beforeAll(async () => {
    database = await freshDatabase(kind);
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp.close();
    await database.close();
  });

  const send: JobHandler = (payload, job) =>
    mailJobHandler(smtpMailer(smtp.url, FROM))(payload, job);
  /** The real mail handler in a process that dies right after the SMTP server took the mail. */
  const sendThenDie: JobHandler = async (payload, job) => {
    await send(payload, job);
    await never;
  };
  const queue = (key: string, to: string) =>
    enqueueMail(
      database.db,
      { to, subject: `Invitasjon ${key}`, text: "Velkommen." },
      { idempotencyKey: key, now: clock.now() },
    );
  const mailsTo = (to: string) => smtp.received.filter((m) => m.to === to);

  it("a worker restarted with the same identity resends its dead claim at once, with the same Message-ID", async () => {
    await queue("crash-1", "krasj@demo.samspill.example");
    const first = createJobRunner(database.db, { [MAIL_JOB]: sendThenDie }, clock, () => {}, {
      instance: "app-1:3000",
    });
    void first.runDue();
    await smtp.waitFor((m) => m.to === "krasj@demo.samspill.example");
    // kill -9: the first boot never finishes. The same instance starts again, same clock.
    const lines: string[] = [];
    const second = createJobRunner(database.db, { [MAIL_JOB]: send }, clock, (l) => lines.push(l), {
      instance: "app-1:3000",
    });
    expect(await second.recover()).toBe(1);
    expect(lines.join("\n")).toContain("reclaimed 1");
    expect(await second.runDue()).toBe(1);
    await smtp.waitFor((m) => mailsTo("krasj@demo.samspill.example").length === 2 && m !== null);
    const [a, b] = mailsTo("krasj@demo.samspill.example");
    const id = a!.headers.get("message-id");
    expect(id).toMatch(/^<job-\d+\.[0-9a-f]{16}@samspill\.test>$/);
    expect(b!.headers.get("message-id")).toBe(id);
    const [row] = await database.db.select().from(jobs).where(eq(jobs.idempotencyKey, "crash-1"));
    expect(row?.doneAt).not.toBeNull();
    expect(row?.lockedBy).toBeNull();
  });

  it("leaves another instance's live claims alone until their lease runs out", async () => {
    await queue("live-1", "levende@demo.samspill.example");
    const other = createJobRunner(database.db, { [MAIL_JOB]: sendThenDie }, clock, () => {}, {
      instance: "app-2:3000",
    });
    void other.runDue();
    await smtp.waitFor((m) => m.to === "levende@demo.samspill.example");
    const restarted = createJobRunner(database.db, { [MAIL_JOB]: send }, clock, () => {}, {
      instance: "app-1:3000",
    });
    expect(await restarted.recover()).toBe(0);
    expect(await restarted.runDue()).toBe(0);
    const [claimed] = await database.db
      .select()
      .from(jobs)
      .where(eq(jobs.idempotencyKey, "live-1"));
    expect(claimed?.lockedBy).toBe("app-2:3000");
    expect(claimed?.doneAt).toBeNull();
    // app-2 really is gone: its lease runs out and anyone takes the job, same Message-ID.
    clock.advance(LEASE_MS + 1);
    expect(await restarted.runDue()).toBe(1);
    await smtp.waitFor(() => mailsTo("levende@demo.samspill.example").length === 2);
    const [a, b] = mailsTo("levende@demo.samspill.example");
    expect(b!.headers.get("message-id")).toBe(a!.headers.get("message-id"));
  });

  it("gives different jobs different Message-IDs", async () => {
    await queue("distinct-1", "en@demo.samspill.example");
    await queue("distinct-2", "to@demo.samspill.example");
    const runner = createJobRunner(database.db, { [MAIL_JOB]: send }, clock);
    expect(await runner.runDue()).toBe(2);
    const one = await smtp.waitFor((m) => m.to === "en@demo.samspill.example");
    const two = await smtp.waitFor((m) => m.to === "to@demo.samspill.example");
    expect(one.headers.get("message-id")).not.toBe(two.headers.get("message-id"));
  });

  it("renews the lease of a job still running, so no one else takes it meanwhile", async () => {
    await queue("slow-1", "treg@demo.samspill.example");
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    const slow: JobHandler = async (payload, job) => {
      await held;
      await send(payload, job);
    };
    const worker = createJobRunner(database.db, { [MAIL_JOB]: slow }, clock, () => {}, {
      instance: "app-3:3000",
      heartbeatMs: 20,
    });
    const running = worker.runDue();
    const lockedUntil = async () =>
      (
        await database.db.select().from(jobs).where(eq(jobs.idempotencyKey, "slow-1"))
      )[0]?.lockedUntil?.getTime() ?? null;
    // The worker claims the job in its own time (on a busy machine, after this line runs).
    let before = await lockedUntil();
    for (let i = 0; i < 500 && before === null; i++) {
      await new Promise((r) => setTimeout(r, 10));
      before = await lockedUntil();
    }
    expect(before).not.toBeNull();
    clock.advance(LEASE_MS - 1000);
    for (let i = 0; i < 100 && (await lockedUntil()) === before; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(await lockedUntil()).toBe(clock.now().getTime() + LEASE_MS);
    clock.advance(2000); // past the first lease
    const bystander = createJobRunner(database.db, { [MAIL_JOB]: send }, clock);
    expect(await bystander.runDue()).toBe(0);
    release();
    expect(await running).toBe(1);
    expect(mailsTo("treg@demo.samspill.example")).toHaveLength(1);
  });
});
