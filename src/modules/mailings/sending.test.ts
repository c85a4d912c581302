import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { eq, sql } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type DbKind, databaseKinds, freshDatabase } from "../../../tests/support/db";
import { testJobLoop } from "../../../tests/support/jobs";
import { TEMPLATE_CLOCK } from "../../../tests/support/templates";
import { type Database, wrapPglite } from "../../db/client";
import { jobs } from "../../kernel/schema";
import { newsletterSubscriptions } from "../newsletter/schema";
import { programmesOwnedBy } from "../programmes";
import { mailingRecipients, mailings } from "./schema";
import { audiencePreview, progressOf, queueTest, requestSend } from "./sending";
import { checkContent, createDraft, getMailing } from "./service";

const NOW = TEMPLATE_CLOCK;
const LINK_BASE = "http://127.0.0.1:3000";

/** Confirmed subscribers of a programme: `n` in bokmål, every third in nynorsk. */
async function subscribers(
  db: Database["db"],
  programmeId: number,
  n: number,
  prefix = "abonnent",
) {
  const rows = Array.from({ length: n }, (_, i) => ({
    email: `${prefix}${i}@lesere.demo.samspill.example`,
    programmeId,
    lang: i % 3 === 0 ? "nn" : "nb",
    status: "confirmed" as const,
    consentTextVersion: "2026-11",
    consentedAt: NOW,
    confirmedAt: NOW,
  }));
  for (let i = 0; i < rows.length; i += 1000) {
    await db.insert(newsletterSubscriptions).values(rows.slice(i, i + 1000));
  }
}

async function draft(db: Database["db"], programmeId: number, langs = ["nb", "nn"]) {
  return createDraft(
    db,
    {
      kind: "newsletter",
      programmeId,
      cohortId: null,
      audience: { langs },
      senderName: "FUB/FUG",
      senderPersonId: null,
      replyTo: "post@fub.demo.samspill.example",
      subjectNb: "Nytt fra foreldresamarbeidet",
      subjectNn: "Nytt frå foreldresamarbeidet",
      bodyNb:
        "## Hei\n\nDette er **nytt**. Les mer på [nettsiden](https://fub.demo.samspill.example).",
      bodyNn:
        "## Hei\n\nDette er **nytt**. Les meir på [nettsida](https://fub.demo.samspill.example).",
    },
    NOW,
  );
}

describe("mailing content", () => {
  it("refuses an empty subject, a body over the limit, a script and a link to nowhere", () => {
    const base = {
      subjectNb: "Emne",
      subjectNn: "Emne",
      bodyNb: "Tekst",
      bodyNn: "Tekst",
      replyTo: "post@fub.demo.samspill.example",
    };
    expect(checkContent(base).ok).toBe(true);
    const bad = checkContent({
      ...base,
      subjectNb: "  ",
      bodyNb: "x".repeat(20_001),
      bodyNn: "<script>alert(1)</script>",
      replyTo: "ikke en adresse",
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.subjectNb?.code).toBe("required");
    expect(bad.errors.bodyNb?.code).toBe("max");
    expect(bad.errors.bodyNn?.code).toBe("unsafeContent");
    expect(bad.errors.replyTo?.code).toBe("email");
    const link = checkContent({ ...base, bodyNb: "[her](www.fub.no)" });
    expect(!link.ok && link.errors.bodyNb?.code).toBe("brokenLink");
  });
});

describe.each(databaseKinds)("sending a newsletter (%s)", (kind: DbKind) => {
  let database: Database;
  let db: Database["db"];
  let loop: Awaited<ReturnType<typeof testJobLoop>>;
  let programmeId: number;

  beforeAll(async () => {
    database = await freshDatabase(kind, "demo");
    db = database.db;
    loop = await testJobLoop(db, { now: NOW, linkBase: LINK_BASE });
    const [fub] = await programmesOwnedBy(db, ["fub"]);
    programmeId = fub!.id;
  });
  afterAll(async () => {
    await loop.close();
    await database.close();
  });
  /** Run what is due, and what falls due within the minute (the rate spaces the recipients). */
  async function drain() {
    await loop.runDue();
    const t = loop.clock.now();
    loop.clock.set(new Date(t.getTime() + 60_000));
    await loop.runDue();
    loop.clock.set(t);
  }

  it("freezes the subscribers at send time and mails each once, with both parts and the headers", async () => {
    await subscribers(db, programmeId, 12, "frys");
    // One who left, one for every programme, one in English, one of another programme's.
    await db.insert(newsletterSubscriptions).values([
      {
        email: "borte@lesere.demo.samspill.example",
        programmeId,
        lang: "nb",
        status: "unsubscribed",
        consentTextVersion: "x",
        consentedAt: NOW,
      },
      {
        email: "alle@lesere.demo.samspill.example",
        programmeId: null,
        lang: "nn",
        status: "confirmed",
        consentTextVersion: "x",
        consentedAt: NOW,
      },
      {
        email: "engelsk@lesere.demo.samspill.example",
        programmeId,
        lang: "en",
        status: "confirmed",
        consentTextVersion: "x",
        consentedAt: NOW,
      },
      {
        email: "annen@lesere.demo.samspill.example",
        programmeId: programmeId + 999,
        lang: "nb",
        status: "confirmed",
        consentTextVersion: "x",
        consentedAt: NOW,
      },
    ]);
    const id = await draft(db, programmeId, ["nb", "nn"]);
    const m = (await getMailing(db, id))!;
    const preview = await audiencePreview(db, m, {}, NOW);
    expect(preview?.count).toBe(13);
    expect(preview?.sample).toHaveLength(3);

    // A double click: two sends at once, one start.
    const [a, b] = await Promise.all([
      requestSend(db, id, { at: null, now: NOW, audiences: {} }),
      requestSend(db, id, { at: null, now: NOW, audiences: {} }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    expect([a, b].filter((r) => r.ok && r.already)).toHaveLength(1);

    // Subscribed after the send was asked for, before it started: in (computed at send time).
    await subscribers(db, programmeId, 1, "sein");
    const before = loop.smtp.received.length;
    await drain();
    const got = loop.smtp.received.slice(before);
    const to = got.map((g) => g.to).sort();
    expect(new Set(to).size).toBe(to.length);
    expect(to).toHaveLength(14);
    expect(to).not.toContain("borte@lesere.demo.samspill.example");
    expect(to).not.toContain("annen@lesere.demo.samspill.example");
    expect(to).not.toContain("engelsk@lesere.demo.samspill.example");
    expect(to).toContain("alle@lesere.demo.samspill.example");

    const nn = got.find((g) => g.to === "alle@lesere.demo.samspill.example")!;
    expect(nn.subject).toBe("Nytt frå foreldresamarbeidet");
    expect(nn.headers.get("list-unsubscribe")).toMatch(
      /^<http:\/\/127\.0\.0\.1:3000\/nn\/nyhetsbrev\/avmeld\/\d+\.[\w-]+>$/,
    );
    expect(nn.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(nn.headers.get("reply-to")).toContain("post@fub.demo.samspill.example");
    expect(nn.headers.get("message-id")).toMatch(
      /^<mailing-\d+-\d+\.[0-9a-f]{16}@samspill\.test>$/,
    );
    expect(nn.raw.html).toContain('style="');
    expect(nn.raw.html).not.toMatch(/<img|<link|<style|<script/i);
    expect(nn.raw.html).toContain("nyheitsbrevet frå FUB/FUG");
    expect(nn.text).toContain(
      "Meld deg av nyheitsbrevet: http://127.0.0.1:3000/nn/nyhetsbrev/avmeld/",
    );

    const progress = await progressOf(db, id);
    expect(progress).toMatchObject({ total: 14, sent: 14, queued: 0 });
    expect((await getMailing(db, id))?.status).toBe("sent");
    // A second send of the same mailing does nothing more.
    expect(await requestSend(db, id, { at: null, now: NOW, audiences: {} })).toMatchObject({
      already: true,
    });
    await drain();
    expect(loop.smtp.received.length - before).toBe(14);
  });

  it("refuses a time in the past and a mailing nobody gets, and sends a scheduled one at its time", async () => {
    const id = await draft(db, programmeId, ["nb"]);
    const past = await requestSend(db, id, {
      at: new Date(NOW.getTime() - 60_000),
      now: NOW,
      audiences: {},
    });
    expect(past).toEqual({ ok: false, errors: { sendAt: { code: "sendAtPast" } } });
    const [other] = await programmesOwnedBy(db, ["udir"]);
    const empty = await draft(db, other!.id, ["nb"]);
    const nobody = await requestSend(db, empty, { at: null, now: NOW, audiences: {} });
    expect(nobody).toEqual({ ok: false, errors: { form: { code: "noRecipients" } } });
    expect((await getMailing(db, empty))?.status).toBe("draft");

    const at = new Date(NOW.getTime() + 3_600_000);
    expect(await requestSend(db, id, { at, now: NOW, audiences: {} })).toMatchObject({
      ok: true,
      status: "scheduled",
    });
    const before = loop.smtp.received.length;
    await loop.runDue();
    expect(loop.smtp.received.length).toBe(before);
    loop.clock.set(new Date(at.getTime() + 60_000));
    await drain();
    expect(loop.smtp.received.length).toBeGreaterThan(before);
    expect((await getMailing(db, id))?.status).toBe("sent");
    loop.clock.set(NOW);
  });

  it("sends a test to its author in both written standards", async () => {
    const id = await draft(db, programmeId);
    await queueTest(db, id, "forfatter@fub.demo.samspill.example", NOW);
    await loop.runDue();
    const tests = loop.smtp.received.filter((m) => m.to === "forfatter@fub.demo.samspill.example");
    expect(tests.map((t) => t.subject).sort()).toEqual([
      "[Test] Nytt fra foreldresamarbeidet",
      "[Test] Nytt frå foreldresamarbeidet",
    ]);
    expect((await getMailing(db, id))?.status).toBe("draft");
  });
});

/**
 * A real SMTP server on loopback that counts every mail by recipient, and can kill the sender
 * while it receives mail number `killAt` — before it answers, so that mail is not taken.
 */
async function countingSmtp(opts: { killAt: number; kill: () => void }) {
  const counts = new Map<string, number>();
  let accepted = 0;
  let killed = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo[0]?.address ?? "";
      simpleParser(stream)
        .then(() => {
          if (!killed && accepted + 1 === opts.killAt) {
            killed = true;
            opts.kill();
            callback(new Error("the sender is gone"));
            return;
          }
          accepted++;
          counts.set(to, (counts.get(to) ?? 0) + 1);
          callback();
        })
        .catch((e) => callback(e));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}/?pool=true`,
    counts,
    accepted: () => accepted,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const senderLog: string[] = [];
function startSender(env: Record<string, string>): ChildProcess {
  const child = spawn(
    join(process.cwd(), "node_modules/.bin/node"),
    ["--import", "tsx", "tests/support/mailing-sender.ts"],
    { cwd: process.cwd(), env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] },
  );
  child.stderr?.on("data", (chunk: Buffer) => senderLog.push(chunk.toString()));
  return child;
}

describe.each(databaseKinds)("killed in the middle of a send (%s)", (kind: DbKind) => {
  const N = 300;
  let dir: string | undefined;
  let url: string | undefined;
  let database: Database;

  beforeAll(async () => {
    if (kind === "pglite") {
      dir = mkdtempSync(join(tmpdir(), "samspill-mailing-"));
      const tar = readFileSync(inject("pgliteTemplates").demo);
      const client = await PGlite.create({ dataDir: dir, loadDataDir: new Blob([tar]) });
      database = wrapPglite(client);
    } else {
      const fresh = await freshDatabase(kind, "demo");
      database = fresh;
      url = fresh.url;
    }
  });
  afterAll(async () => {
    await database.close().catch(() => {});
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("resumes after SIGKILL and mails every subscriber exactly once", {
    timeout: 400_000,
  }, async () => {
    const db = database.db;
    const [fub] = await programmesOwnedBy(db, ["fub"]);
    await subscribers(db, fub!.id, N);
    const id = await draft(db, fub!.id);
    expect(await requestSend(db, id, { at: null, now: new Date(), audiences: {} })).toMatchObject({
      ok: true,
    });
    // PGlite is one process: the sender opens the data dir once the test has let go of it.
    if (kind === "pglite") await database.close();

    let child: ChildProcess | undefined;
    let exited: Promise<unknown> = Promise.resolve();
    const smtp = await countingSmtp({ killAt: 120, kill: () => child?.kill("SIGKILL") });
    const env = {
      SMTP_URL: smtp.url,
      INSTANCE_ID: `kill-test-${kind}`,
      MAILING_RATE: "2000",
      ...(url ? { DATABASE_URL: url } : { PGLITE_DIR: dir!, DATABASE_URL: "" }),
    };
    try {
      child = startSender(env);
      exited = new Promise((resolve) => child!.once("exit", resolve));
      await exited;
      expect(smtp.accepted()).toBe(119);
      // The restart: same instance, so it reclaims the dead start's jobs at once.
      child = startSender(env);
      exited = new Promise((resolve) => child!.once("exit", resolve));
      const deadline = Date.now() + 300_000;
      while (smtp.accepted() < N && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      // A moment more: anything sent twice would arrive now.
      await new Promise((r) => setTimeout(r, 500));
      child.kill("SIGTERM");
      await exited;
    } finally {
      if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await smtp.close();
    }
    if (smtp.accepted() < N) console.error(senderLog.join("").slice(-3000));
    const counts = [...smtp.counts.values()];
    expect(smtp.counts.size).toBe(N);
    expect(counts.filter((c) => c > 1)).toEqual([]);

    if (kind === "pglite") {
      database = wrapPglite(await PGlite.create({ dataDir: dir! }));
    }
    const progress = await progressOf(database.db, id);
    expect(progress).toMatchObject({ total: N, sent: N, queued: 0 });
    const [m] = await database.db.select().from(mailings).where(eq(mailings.id, id));
    expect(m?.status).toBe("sent");
    const [left] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(jobs)
      .where(sql`${jobs.doneAt} is null and ${jobs.failedAt} is null`);
    expect(Number(left?.n)).toBe(0);
    const [rows] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(mailingRecipients)
      .where(eq(mailingRecipients.mailingId, id));
    expect(Number(rows?.n)).toBe(N);
  });
});
