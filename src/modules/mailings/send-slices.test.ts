import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbKind, databaseKinds, freshDatabase } from "../../../tests/support/db";
import { TEMPLATE_CLOCK } from "../../../tests/support/templates";
import type { Database } from "../../db/client";
import { fixedClock } from "../../kernel/clock";
import { createJobRunner } from "../../kernel/jobs";
import { smtpMailer } from "../../kernel/mailer";
import { jobs } from "../../kernel/schema";
import { jobHandlers } from "../index";
import { newsletterSubscriptions } from "../newsletter/schema";
import { programmesOwnedBy } from "../programmes";
import { mailingRecipients } from "./schema";
import { progressOf, requestSend, SEND_JOB } from "./sending";
import { createDraft, getMailing } from "./service";

const NOW = TEMPLATE_CLOCK;
const SLOW = "treg@lesere.demo.samspill.example";
const NEVER = "aldri@lesere.demo.samspill.example";

describe.each(databaseKinds)("a send refused for now for one recipient (%s)", (kind: DbKind) => {
  let database: Database;
  const taken: string[] = [];
  let refusedSlow = 0;
  // A real SMTP server that refuses one address once (451) and another always (550).
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address === SLOW && refusedSlow++ === 0) {
        callback(Object.assign(new Error("4.2.1 Try again later"), { responseCode: 451 }));
      } else if (address.address === NEVER) {
        callback(Object.assign(new Error("5.1.1 No such user"), { responseCode: 550 }));
      } else callback();
    },
    onData(stream, session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        taken.push(session.envelope.rcptTo[0]?.address ?? "");
        callback();
      });
    },
  });

  beforeAll(async () => {
    database = await freshDatabase(kind, "demo");
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
  });

  it("sends the others, fails the refused one, and tries the one refused for now again later", async () => {
    const db = database.db;
    const [fub] = await programmesOwnedBy(db, ["fub"]);
    await db.insert(newsletterSubscriptions).values(
      [SLOW, NEVER, "glad@lesere.demo.samspill.example"].map((email) => ({
        email,
        programmeId: fub!.id,
        lang: "nb",
        status: "confirmed" as const,
        consentTextVersion: "2026-11",
        consentedAt: NOW,
        confirmedAt: NOW,
      })),
    );
    const id = await createDraft(
      db,
      {
        kind: "newsletter",
        programmeId: fub!.id,
        cohortId: null,
        // Nynorsk readers of the demo are not among these three: bokmål only.
        audience: { langs: ["nb"] },
        senderName: "FUB/FUG",
        senderPersonId: null,
        replyTo: "post@fub.demo.samspill.example",
        subjectNb: "Hei",
        subjectNn: "Hei",
        bodyNb: "Hei.",
        bodyNn: "Hei.",
      },
      NOW,
    );
    const port = (server.server.address() as AddressInfo).port;
    const clock = fixedClock(NOW);
    const runner = createJobRunner(
      db,
      jobHandlers({
        db,
        mailer: smtpMailer(`smtp://127.0.0.1:${port}/?pool=true`, "Samspill <x@samspill.test>"),
        clock,
        linkBase: "http://127.0.0.1:3000",
        secret: "test-secret-that-is-long-enough-0123456789",
        mailingRatePerSecond: 1000,
      }),
      clock,
    );
    expect(await requestSend(db, id, { at: null, now: NOW, audiences: {} })).toMatchObject({
      ok: true,
    });
    await runner.runDue(100);
    const before = await progressOf(db, id);
    expect(taken).toContain("glad@lesere.demo.samspill.example");
    expect(taken).not.toContain(SLOW);
    expect(before.failed).toBe(1);
    expect(before.queued).toBe(1);
    expect((await getMailing(db, id))?.status).toBe("sending");
    const [slow] = await db
      .select()
      .from(mailingRecipients)
      .where(eq(mailingRecipients.address, SLOW));
    expect(slow).toMatchObject({ state: "queued", attempts: 1 });
    // The send job waits for the retry (30 s), its attempt not counted.
    const [job] = await db.select().from(jobs).where(eq(jobs.kind, SEND_JOB));
    expect(job?.runAt.getTime()).toBe(slow!.retryAt!.getTime());
    expect(job?.attempts).toBe(0);

    clock.set(new Date(NOW.getTime() + 31_000));
    await runner.runDue(100);
    expect(taken.filter((t) => t === SLOW)).toHaveLength(1);
    const after = await progressOf(db, id);
    expect(after).toMatchObject({ queued: 0, failed: 1, sent: after.total - 1 });
    expect((await getMailing(db, id))?.status).toBe("sent");
    const [done] = await db.select().from(jobs).where(eq(jobs.kind, SEND_JOB));
    expect(done?.doneAt).toBeInstanceOf(Date);
  });
});
