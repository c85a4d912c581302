// Bounces (decision 0041): an inbound SMTP listener that takes delivery-status notifications
// (RFC 3464, multipart/report) for the bounce address only, finds the mail they are about by its
// Message-ID, and counts the bounce against the address it went to. After a set number of hard
// bounces (5.x.x) the address is undeliverable: no newsletter or message is sent to it again.
import { and, eq, sql } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import type { Db } from "../../db/client";
import type { Clock } from "../../kernel/clock";
import { mailBounces, mailingRecipients, mailings } from "./schema";
import { recipientMessageKey } from "./sending";

/** A report larger than this is no bounce of ours (a DSN is a few kilobytes). */
export const MAX_REPORT_BYTES = 512 * 1024;

export type DsnRecipient = {
  /** Final-Recipient (or Original-Recipient) addresses, lower-cased. */
  addresses: string[];
  action: string;
  /** The status code, e.g. 5.1.1. */
  status: string;
};

export type Dsn = { recipients: DsnRecipient[]; messageId: string | null };

export type BounceOutcome =
  | { ok: true; kind: "hard" | "soft"; mailingId: number; counted: boolean; undeliverable: boolean }
  | { ok: true; kind: "none" }
  | {
      ok: false;
      reason: "notAReport" | "noRecipient" | "noReference" | "unknownReference" | "otherRecipient";
    };

/** Header fields of a block (RFC 822 style, folded lines joined), by lower-case name. */
function fields(block: string): Map<string, string> {
  const out = new Map<string, string>();
  let last: string | null = null;
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && last) {
      out.set(last, `${out.get(last)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    out.set(last, line.slice(colon + 1).trim());
  }
  return out;
}

/** `rfc822; ola@example.com` → `ola@example.com` (lower-cased), or null. */
function addressOf(value: string | undefined): string | null {
  if (!value) return null;
  const semi = value.indexOf(";");
  const address = (semi >= 0 ? value.slice(semi + 1) : value).trim().replace(/^<|>$/g, "");
  return /^[^\s@<>]+@[^\s@<>]+$/.test(address) ? address.toLowerCase() : null;
}

/** The delivery-status report in a raw message, or null when it is none. */
export async function parseDsn(raw: Buffer | string): Promise<Dsn | null> {
  const mail = await simpleParser(raw, { keepDeliveryStatus: true });
  const type = mail.headers.get("content-type") as
    | { value?: string; params?: Record<string, string> }
    | undefined;
  if (type?.value?.toLowerCase() !== "multipart/report") return null;
  if (type.params?.["report-type"]?.toLowerCase() !== "delivery-status") return null;
  const status = mail.attachments.find(
    (a) => a.contentType.toLowerCase() === "message/delivery-status",
  );
  if (!status) return null;
  const blocks = status.content
    .toString("utf8")
    .split(/\r?\n[ \t]*\r?\n/)
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
  const recipients: DsnRecipient[] = [];
  // The first block is about the message; each after it about one recipient.
  for (const block of blocks.slice(1)) {
    const f = fields(block);
    const code = f.get("status")?.match(/^([245])\.\d{1,3}\.\d{1,3}\b/)?.[0];
    const action = f.get("action")?.toLowerCase().split(/\s/)[0];
    const addresses = [addressOf(f.get("original-recipient")), addressOf(f.get("final-recipient"))]
      .filter((a): a is string => a !== null)
      .filter((a, i, all) => all.indexOf(a) === i);
    if (!code || !action || addresses.length === 0) continue;
    recipients.push({ addresses, action, status: code });
  }
  const original = mail.attachments.find((a) =>
    ["text/rfc822-headers", "message/rfc822", "message/global-headers"].includes(
      a.contentType.toLowerCase(),
    ),
  );
  const messageId = original
    ? (fields(original.content.toString("utf8").split(/\r?\n\r?\n/)[0] ?? "")
        .get("message-id")
        ?.match(/<([^<>\s]+)>/)?.[1] ?? null)
    : null;
  return { recipients, messageId };
}

/** `mailing-3-44.0123456789abcdef@samspill.no` → its parts, or null. */
function referenceOf(messageId: string) {
  const m = messageId.match(/^mailing-(\d{1,9})-(\d{1,15})\.([0-9a-f]{16})@/);
  return m ? { mailingId: Number(m[1]), recipientId: Number(m[2]), key: messageId } : null;
}

/**
 * Count one report: a failure (5.x.x hard, 4.x.x soft) of a mail sent from here, found by its
 * Message-ID (whose hash only the sent mail carries, so nobody can make an address undeliverable
 * by writing a report about it). A hard bounce marks the recipient bounced and is counted once
 * per mail; at `hardLimit` the address becomes undeliverable. One transaction: all or nothing.
 */
export async function recordBounce(
  db: Db,
  dsn: Dsn,
  opts: { now: Date; hardLimit: number },
): Promise<BounceOutcome> {
  const failure =
    dsn.recipients.find((r) => r.action === "failed" && r.status.startsWith("5.")) ??
    dsn.recipients.find(
      (r) => (r.action === "failed" || r.action === "delayed") && r.status.startsWith("4."),
    ) ??
    dsn.recipients.find((r) => r.status.startsWith("5.") || r.status.startsWith("4."));
  if (!failure) {
    return dsn.recipients.length === 0
      ? { ok: false, reason: "noRecipient" }
      : { ok: true, kind: "none" };
  }
  if (!dsn.messageId) return { ok: false, reason: "noReference" };
  const ref = referenceOf(dsn.messageId);
  if (!ref) return { ok: false, reason: "unknownReference" };
  const kind = failure.status.startsWith("5.") ? ("hard" as const) : ("soft" as const);
  return db.transaction(async (tx) => {
    const [m] = await tx
      .select({ id: mailings.id, createdAt: mailings.createdAt })
      .from(mailings)
      .where(eq(mailings.id, ref.mailingId));
    const [r] = await tx
      .select({ id: mailingRecipients.id, address: mailingRecipients.address })
      .from(mailingRecipients)
      .where(
        and(
          eq(mailingRecipients.id, ref.recipientId),
          eq(mailingRecipients.mailingId, ref.mailingId),
        ),
      );
    if (!m || !r || !ref.key.startsWith(`${recipientMessageKey(m, r.id)}@`)) {
      return { ok: false as const, reason: "unknownReference" as const };
    }
    if (!failure.addresses.includes(r.address.toLowerCase())) {
      return { ok: false as const, reason: "otherRecipient" as const };
    }
    // A hard bounce counts once per mail (a report delivered twice is one bounce).
    let counted = true;
    if (kind === "hard") {
      const marked = await tx.execute(sql`
        update ${mailingRecipients} set state = 'bounced'
        where id = ${r.id} and state <> 'bounced' returning id`);
      counted = (marked as unknown as { rows: unknown[] }).rows.length > 0;
    }
    const now = opts.now.toISOString();
    const hard = kind === "hard" && counted ? 1 : 0;
    const soft = kind === "soft" ? 1 : 0;
    const result = await tx.execute(sql`
      insert into ${mailBounces} as b
        (address, hard_bounces, soft_bounces, last_status, last_bounce_at, undeliverable_at)
      values (${r.address}, ${hard}, ${soft}, ${failure.status}, ${now}::timestamptz,
        case when ${hard}::int >= ${opts.hardLimit}::int then ${now}::timestamptz end)
      on conflict (lower(address)) do update set
        hard_bounces = b.hard_bounces + excluded.hard_bounces,
        soft_bounces = b.soft_bounces + excluded.soft_bounces,
        last_status = excluded.last_status,
        last_bounce_at = excluded.last_bounce_at,
        undeliverable_at = coalesce(b.undeliverable_at, case
          when b.hard_bounces + excluded.hard_bounces >= ${opts.hardLimit}::int
          then excluded.last_bounce_at end)
      returning undeliverable_at`);
    const row = (result as unknown as { rows: { undeliverable_at: unknown }[] }).rows[0];
    return {
      ok: true as const,
      kind,
      mailingId: m.id,
      counted,
      undeliverable: row?.undeliverable_at != null,
    };
  });
}

export type BounceListener = { port: number; close(): Promise<void> };

/**
 * The listener: takes mail for `bounceAddress` only (any other recipient is refused at RCPT),
 * with the null sender that reports use or any other; a report it cannot use is refused with
 * 550 and logged by its reason only (never an address); a database failure answers 451, so the
 * reporting server tries again later.
 */
export async function startBounceListener(opts: {
  db: Db;
  clock: Clock;
  port: number;
  host: string;
  bounceAddress: string;
  hardLimit: number;
  log: (line: string) => void;
  /** How long open connections may stay at close. */
  closeTimeoutMs?: number;
}): Promise<BounceListener> {
  const bounceAddress = opts.bounceAddress.toLowerCase();
  const refuse = (code: number, text: string) =>
    Object.assign(new Error(text), { responseCode: code });
  const options: SMTPServerOptions = {
    banner: "Samspill bounces",
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    hideSTARTTLS: true,
    size: MAX_REPORT_BYTES,
    logger: false,
    closeTimeout: opts.closeTimeoutMs ?? 5_000,
    onRcptTo(address, _session, callback) {
      if (address.address.toLowerCase() !== bounceAddress) {
        callback(refuse(550, "5.1.1 No such recipient here"));
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", () => {});
      stream.on("end", () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          opts.log("bounce refused: tooLarge");
          callback(refuse(552, "5.3.4 Message too big"));
          return;
        }
        handle(Buffer.concat(chunks)).then(
          (reply) => callback(reply),
          (error) => {
            opts.log(
              `bounce not recorded (tried again later): ${error instanceof Error ? error.name : "error"}`,
            );
            callback(refuse(451, "4.3.0 Try again later"));
          },
        );
      });
    },
  };
  async function handle(raw: Buffer): Promise<Error | undefined> {
    let dsn: Dsn | null;
    try {
      dsn = await parseDsn(raw);
    } catch {
      dsn = null;
    }
    if (!dsn) {
      opts.log("bounce refused: notAReport");
      return refuse(550, "5.6.0 Not a delivery status notification");
    }
    const outcome = await recordBounce(opts.db, dsn, {
      now: opts.clock.now(),
      hardLimit: opts.hardLimit,
    });
    if (!outcome.ok) {
      opts.log(`bounce refused: ${outcome.reason}`);
      return refuse(550, "5.6.0 Not a report about a mail sent from here");
    }
    if (outcome.kind === "none") {
      opts.log("bounce report without a failure: nothing recorded");
      return undefined;
    }
    opts.log(
      `bounce recorded: ${outcome.kind} for a recipient of mailing ${outcome.mailingId}${outcome.counted ? "" : " (already counted)"}${outcome.undeliverable ? ", address undeliverable" : ""}`,
    );
    return undefined;
  }
  const server = new SMTPServer(options);
  server.on("error", (error) =>
    opts.log(`bounce listener error: ${error instanceof Error ? error.name : "error"}`),
  );
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(opts.port, opts.host, () => {
      server.server.off("error", reject);
      resolve();
    });
  });
  const address = server.server.address();
  return {
    port: typeof address === "object" && address ? address.port : opts.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
