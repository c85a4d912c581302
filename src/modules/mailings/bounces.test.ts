import { eq, sql } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbKind, databaseKinds, freshDatabase } from "../../../tests/support/db";
import { testJobLoop } from "../../../tests/support/jobs";
import { TEMPLATE_CLOCK } from "../../../tests/support/templates";
import type { Database } from "../../db/client";
import { newsletterSubscriptions } from "../newsletter/schema";
import { programmesOwnedBy } from "../programmes";
import { type BounceListener, parseDsn, startBounceListener } from "./bounces";
import { mailBounces, mailingRecipients } from "./schema";
import { audiencePreview, progressOf, requestSend, startSending } from "./sending";
import { createDraft } from "./service";

const NOW = TEMPLATE_CLOCK;
const BOUNCE_ADDRESS = "retur@samspill.test";
const GONE = "borte0@lesere.demo.samspill.example";

/** A delivery-status notification (RFC 3464) as a receiving server writes it. */
function dsn(opts: {
  recipient: string;
  status: string;
  action?: string;
  messageId?: string;
  headersPart?: "text/rfc822-headers" | "message/rfc822";
}) {
  const original = opts.messageId
    ? `--RAPPORT
Content-Type: ${opts.headersPart ?? "text/rfc822-headers"}

Message-ID: <${opts.messageId}>
From: FUB/FUG <ikke-svar@samspill.test>
To: ${opts.recipient}
Subject: Nytt fra foreldresamarbeidet

`
    : "";
  return `From: Mail Delivery System <MAILER-DAEMON@mx.lesere.demo.samspill.example>
To: ${BOUNCE_ADDRESS}
Subject: Undelivered Mail Returned to Sender
Date: Mon, 07 Dec 2026 12:00:00 +0100
Message-ID: <rapport-${Math.random().toString(16).slice(2)}@mx.lesere.demo.samspill.example>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
 boundary="RAPPORT"

--RAPPORT
Content-Type: text/plain; charset=utf-8

The mail could not be delivered.

--RAPPORT
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.lesere.demo.samspill.example
Arrival-Date: Mon, 07 Dec 2026 12:00:00 +0100

Final-Recipient: rfc822;
 ${opts.recipient}
Action: ${opts.action ?? "failed"}
Status: ${opts.status}
Diagnostic-Code: smtp; 550 ${opts.status} mailbox unavailable

${original}--RAPPORT--
`;
}

describe("reading a delivery-status notification", () => {
  it("finds the recipient (folded), the status and the original Message-ID in either kind of part", async () => {
    for (const headersPart of ["text/rfc822-headers", "message/rfc822"] as const) {
      const parsed = await parseDsn(
        dsn({ recipient: "Ola@Lesere.Example", status: "5.1.1", messageId: "a.b@c", headersPart }),
      );
      expect(parsed).toEqual({
        recipients: [{ addresses: ["ola@lesere.example"], action: "failed", status: "5.1.1" }],
        messageId: "a.b@c",
      });
    }
    expect(await parseDsn("Subject: hei\n\nbare tekst\n")).toBeNull();
    expect(await parseDsn(Buffer.from([0, 255, 13, 10, 13, 10, 1, 2, 3]))).toBeNull();
  });
});

describe.each(databaseKinds)("bounces through the listener (%s)", (kind: DbKind) => {
  let database: Database;
  let db: Database["db"];
  let loop: Awaited<ReturnType<typeof testJobLoop>>;
  let listener: BounceListener;
  let reporter: Transporter;
  let programmeId: number;
  const logLines: string[] = [];

  beforeAll(async () => {
    database = await freshDatabase(kind, "demo");
    db = database.db;
    loop = await testJobLoop(db, { now: NOW, linkBase: "http://127.0.0.1:3000" });
    listener = await startBounceListener({
      db,
      clock: loop.clock,
      port: 0,
      host: "127.0.0.1",
      bounceAddress: BOUNCE_ADDRESS,
      hardLimit: 2,
      log: (line) => logLines.push(line),
      closeTimeoutMs: 500,
    });
    // A real SMTP client, as a receiving server's bounce sender would be.
    reporter = nodemailer.createTransport({
      host: "127.0.0.1",
      port: listener.port,
      secure: false,
      ignoreTLS: true,
    });
    const [fub] = await programmesOwnedBy(db, ["fub"]);
    programmeId = fub!.id;
    await db.insert(newsletterSubscriptions).values(
      [GONE, "borte1@lesere.demo.samspill.example", "borte2@lesere.demo.samspill.example"].map(
        (email) => ({
          email,
          programmeId,
          lang: "nb",
          status: "confirmed" as const,
          consentTextVersion: "2026-11",
          consentedAt: NOW,
          confirmedAt: NOW,
        }),
      ),
    );
  });
  afterAll(async () => {
    reporter?.close();
    await listener?.close();
    await loop?.close();
    await database?.close();
  });

  /** A newsletter only to the three above (a language nobody else reads is not possible: all). */
  async function newsletter(subject: string) {
    return createDraft(
      db,
      {
        kind: "newsletter",
        programmeId,
        cohortId: null,
        audience: { langs: ["nb"] },
        senderName: "FUB/FUG",
        senderPersonId: null,
        replyTo: "post@fub.demo.samspill.example",
        subjectNb: subject,
        subjectNn: subject,
        bodyNb: "Hei.",
        bodyNn: "Hei.",
      },
      NOW,
    );
  }
  async function sendAndGetMessageId(subject: string, to = GONE) {
    const id = await newsletter(subject);
    expect(await requestSend(db, id, { at: null, now: NOW, audiences: {} })).toMatchObject({
      ok: true,
    });
    await loop.runDue();
    const mail = loop.smtp.received.find((m) => m.subject === subject && m.to === to);
    expect(mail).toBeDefined();
    return { id, messageId: mail!.headers.get("message-id")!.replace(/^<|>$/g, "") };
  }
  function report(raw: string, to = BOUNCE_ADDRESS) {
    return reporter.sendMail({ envelope: { from: "", to: [to] }, raw });
  }
  async function bounceRow() {
    const [row] = await db
      .select()
      .from(mailBounces)
      .where(sql`lower(${mailBounces.address}) = ${GONE}`);
    return row;
  }

  it("counts a hard bounce once per mail, marks the recipient bounced, and after the limit never mails the address again", async () => {
    const first = await sendAndGetMessageId("Første utgave");
    await report(dsn({ recipient: GONE, status: "5.1.1", messageId: first.messageId }));
    expect(await progressOf(db, first.id)).toMatchObject({ bounced: 1, sent: 2 });
    expect(await bounceRow()).toMatchObject({ hardBounces: 1, undeliverableAt: null });
    // The same report delivered twice is one bounce.
    await report(dsn({ recipient: GONE, status: "5.1.1", messageId: first.messageId }));
    expect((await bounceRow())?.hardBounces).toBe(1);

    // A newsletter frozen before the second bounce, sent after it: the address is skipped.
    const second = await sendAndGetMessageId("Andre utgave");
    const third = await newsletter("Tredje utgave");
    await requestSend(db, third, { at: null, now: NOW, audiences: {} });
    expect(await startSending(db, third, { now: NOW, audiences: {} })).toBe(3);
    await report(
      dsn({
        recipient: GONE,
        status: "5.2.1",
        messageId: second.messageId,
        headersPart: "message/rfc822",
      }),
    );
    const row = await bounceRow();
    expect(row).toMatchObject({ hardBounces: 2, lastStatus: "5.2.1" });
    expect(row?.undeliverableAt).toBeInstanceOf(Date);
    const before = loop.smtp.received.length;
    await loop.runDue();
    const got = loop.smtp.received.slice(before).map((m) => m.to);
    expect(got.sort()).toEqual([
      "borte1@lesere.demo.samspill.example",
      "borte2@lesere.demo.samspill.example",
    ]);
    expect(await progressOf(db, third)).toMatchObject({ sent: 2, bounced: 1, queued: 0 });

    // Newsletters and messages alike leave the address out from now on.
    const fourth = await newsletter("Fjerde utgave");
    const preview = await audiencePreview(
      db,
      { kind: "newsletter", audience: { langs: ["nb"] }, programmeId, cohortId: null },
      {},
      NOW,
      100,
    );
    expect(preview?.sample).not.toContain(GONE);
    expect(fourth).toBeGreaterThan(0);
    const message = await audiencePreview(
      db,
      { kind: "message", audience: {}, programmeId, cohortId: null },
      {
        segment: () => ({
          query: sql`select a as address, 'nb' as lang, null::bigint as subscription_id
            from unnest(array[${GONE}::text, 'kollega@skole.demo.samspill.example'::text]) a`,
          why: { nb: "Du er med.", nn: "Du er med." },
        }),
      },
      NOW,
      10,
    );
    expect(message).toEqual({ count: 1, sample: ["kollega@skole.demo.samspill.example"] });
    expect(logLines.join("\n")).not.toContain("@");
  });

  it("counts a soft bounce without marking anyone", async () => {
    const soft = await sendAndGetMessageId("Mjuk retur", "borte1@lesere.demo.samspill.example");
    await report(
      dsn({
        recipient: "borte1@lesere.demo.samspill.example",
        status: "4.2.2",
        action: "delayed",
        messageId: soft.messageId,
      }),
    );
    const [row] = await db
      .select()
      .from(mailBounces)
      .where(sql`lower(${mailBounces.address}) = 'borte1@lesere.demo.samspill.example'`);
    expect(row).toMatchObject({ hardBounces: 0, softBounces: 1, undeliverableAt: null });
    expect(await progressOf(db, soft.id)).toMatchObject({ bounced: 0 });
  });

  it("refuses other recipients, and anything that is no report about a mail sent from here, storing nothing", async () => {
    const count = async () =>
      Number(
        (
          (await db.execute(sql`
            select (select count(*) from ${mailBounces})::int + (select count(*) from
              ${mailingRecipients} where state = 'bounced')::int as n`)) as unknown as {
            rows: { n: number }[];
          }
        ).rows[0]?.n,
      );
    const before = await count();
    const lines = logLines.length;
    // Another recipient: refused at RCPT.
    await expect(
      report(dsn({ recipient: GONE, status: "5.1.1" }), "postmottak@samspill.test"),
    ).rejects.toMatchObject({ responseCode: 550 });
    // Plain mail, broken MIME, a report without the original, a forged Message-ID.
    const [recipient] = await db
      .select()
      .from(mailingRecipients)
      .where(eq(mailingRecipients.address, "borte2@lesere.demo.samspill.example"));
    const bad = [
      "Subject: hei\n\nEr dette en retur?\n",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="x"\n\n--x\nContent-Type: message/delivery-status\n\n\x00\x01garbage\n',
      dsn({ recipient: GONE, status: "5.1.1" }),
      dsn({
        recipient: "borte2@lesere.demo.samspill.example",
        status: "5.1.1",
        messageId: `mailing-${recipient!.mailingId}-${recipient!.id}.0000000000000000@samspill.test`,
      }),
      dsn({ recipient: GONE, status: "5.1.1", messageId: "noe-annet@mx.example.net" }),
    ];
    for (const raw of bad) {
      await expect(report(raw)).rejects.toMatchObject({ responseCode: 550 });
    }
    expect(await count()).toBe(before);
    const said = logLines.slice(lines);
    expect(said).toEqual([
      "bounce refused: notAReport",
      "bounce refused: noRecipient",
      "bounce refused: noReference",
      "bounce refused: unknownReference",
      "bounce refused: unknownReference",
    ]);
    // Still answering.
    await expect(report("Subject: x\n\ny\n")).rejects.toMatchObject({ responseCode: 550 });
  });
});
