import { createHash } from "node:crypto";
import { eq, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Executor } from "../../db/client";
import type { Clock } from "../../kernel/clock";
import type { FieldErrors } from "../../kernel/forms";
import { backoffMs, enqueue, enqueueSelected, type JobHandlers } from "../../kernel/jobs";
import type { Mailer } from "../../kernel/mailer";
import { createSigner, type Signer } from "../../kernel/secrets";
import { subscriberAudience, unsubscribeLink } from "../newsletter";
import { renderMail, unsubscribeHeaders } from "./mail";
import {
  type MailingStatus,
  mailBounces,
  mailingRecipients,
  mailings,
  type RecipientState,
} from "./schema";
import { mailWords } from "./texts";

export const START_JOB = "mailings.start";
/** One per mailing: mails its frozen recipients in slices (decision 0041). */
export const SEND_JOB = "mailings.send";
/** The per-recipient job of before decision 0041: a queued one now only makes sure of the send job. */
export const DELIVER_JOB = "mailings.deliver";
export const TEST_JOB = "mailings.test";
/** Attempts per recipient before it counts as failed (transient SMTP errors, backoff between). */
export const DELIVER_ATTEMPTS = 5;
/** The send job's own attempts: the SMTP server unreachable (not one recipient refused). */
export const SEND_JOB_ATTEMPTS = 20;
/** A slice of a send: at most this long, then the job gives way (other jobs, a stop) and goes on. */
export const SLICE_MS = 5_000;
/** Recipients read at a time. */
const BATCH = 500;

export type Mailing = typeof mailings.$inferSelect;

/**
 * Who a message's segment reaches, as a query (`address`, `lang`, `subscription_id`), and the
 * line that tells a recipient why they get it. Lent by the modules that own the people
 * (cohorts, gatherings, networks) through their index.ts (step 3 of issue 14).
 */
export type SegmentResolver = (
  audience: Record<string, unknown>,
  mailing: Pick<Mailing, "programmeId" | "cohortId">,
  now: Date,
) => { query: SQL; why: Record<"nb" | "nn", string> } | null;

export type Audiences = { segment?: SegmentResolver };

/** The newsletter's audience: the languages of the subscribers it goes to. */
const newsletterAudience = z.object({ langs: z.array(z.enum(["nb", "nn", "en"])).min(1) });

/** The query of who a mailing reaches now, without those whose address no longer takes mail. */
export function audienceQuery(
  mailing: Pick<Mailing, "kind" | "audience" | "programmeId" | "cohortId">,
  audiences: Audiences,
  now: Date,
): { query: SQL; why: Record<"nb" | "nn", string> | null } | null {
  let base: { query: SQL; why: Record<"nb" | "nn", string> | null } | null = null;
  if (mailing.kind === "newsletter") {
    const parsed = newsletterAudience.safeParse(mailing.audience);
    if (!parsed.success) return null;
    base = { query: subscriberAudience(mailing.programmeId, parsed.data.langs), why: null };
  } else {
    base = audiences.segment?.(mailing.audience, mailing, now) ?? null;
  }
  if (!base) return null;
  return {
    why: base.why,
    query: sql`select a.address, a.lang, a.subscription_id from (${base.query}) a
      where not exists (select 1 from ${mailBounces} b
        where lower(b.address) = lower(a.address) and b.undeliverable_at is not null)`,
  };
}

/** How many the mailing reaches now, and a few of them (the sender sees no more than this). */
export async function audiencePreview(
  db: Executor,
  mailing: Pick<Mailing, "kind" | "audience" | "programmeId" | "cohortId">,
  audiences: Audiences,
  now: Date,
  sampleSize = 3,
): Promise<{ count: number; sample: string[] } | null> {
  const q = audienceQuery(mailing, audiences, now);
  if (!q) return null;
  const result = await db.execute(sql`
    with r as (select distinct on (lower(address)) address from (${q.query}) x order by lower(address))
    select (select count(*) from r)::int as n,
      coalesce((select json_agg(address) from (select address from r order by md5(lower(address)) limit ${sampleSize}) s), '[]'::json) as sample`);
  const row = (result as unknown as { rows: { n: number; sample: string[] | string }[] }).rows[0];
  const sample = typeof row?.sample === "string" ? JSON.parse(row.sample) : (row?.sample ?? []);
  return { count: Number(row?.n ?? 0), sample };
}

export type SendResult =
  | { ok: true; status: MailingStatus; already: boolean }
  | { ok: false; errors: FieldErrors };

/**
 * Send a draft now or at `at`. Under a row lock, so a double click (two requests at once)
 * sends once: the second finds the mailing no longer a draft and changes nothing.
 */
export async function requestSend(
  db: Db,
  mailingId: number,
  opts: { at: Date | null; now: Date; audiences: Audiences },
): Promise<SendResult> {
  if (opts.at && opts.at.getTime() <= opts.now.getTime()) {
    return { ok: false, errors: { sendAt: { code: "sendAtPast" } } };
  }
  return db.transaction(async (tx) => {
    const [m] = await tx.select().from(mailings).where(eq(mailings.id, mailingId)).for("update");
    if (!m) return { ok: false as const, errors: { form: { code: "notFound" } } };
    if (m.status !== "draft") return { ok: true as const, status: m.status, already: true };
    const preview = await audiencePreview(tx, m, opts.audiences, opts.now, 0);
    if (!preview || preview.count === 0) {
      return { ok: false as const, errors: { form: { code: "noRecipients" } } };
    }
    const runAt = opts.at ?? opts.now;
    await tx
      .update(mailings)
      .set({ status: "scheduled", sendAt: runAt, updatedAt: opts.now })
      .where(eq(mailings.id, mailingId));
    await enqueue(tx, {
      kind: START_JOB,
      payload: { mailingId },
      idempotencyKey: `mailing-start:${mailingId}`,
      runAt,
    });
    return { ok: true as const, status: "scheduled" as const, already: false };
  });
}

/**
 * The start of a send: the recipients are computed in SQL and frozen (one statement), and one
 * send job is queued for the mailing (decision 0041), keyed by it, which mails the frozen rows
 * in slices. Runs in one transaction; running it twice does nothing more.
 */
export async function startSending(
  db: Db,
  mailingId: number,
  opts: { now: Date; audiences: Audiences; ratePerSecond?: number },
): Promise<number> {
  return db.transaction(async (tx) => {
    const [m] = await tx.select().from(mailings).where(eq(mailings.id, mailingId)).for("update");
    if (m?.status !== "scheduled") return 0;
    const q = audienceQuery(m, opts.audiences, opts.now);
    if (!q) throw new Error(`mailing ${mailingId}: its audience cannot be read`);
    await tx.execute(sql`
      insert into ${mailingRecipients} (mailing_id, address, lang, subscription_id, state)
      select ${mailingId}, x.address, x.lang, x.subscription_id, 'queued' from (${q.query}) x
      on conflict do nothing`);
    const [{ n } = { n: 0 }] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(mailingRecipients)
      .where(eq(mailingRecipients.mailingId, mailingId))) as { n: number }[];
    if (n > 0) {
      await enqueue(tx, {
        kind: SEND_JOB,
        payload: { mailingId },
        idempotencyKey: `mailing-send:${mailingId}`,
        runAt: opts.now,
        maxAttempts: SEND_JOB_ATTEMPTS,
      });
    }
    await tx
      .update(mailings)
      .set({
        status: n === 0 ? "sent" : "sending",
        startedAt: opts.now,
        ...(n === 0 ? { finishedAt: opts.now } : {}),
        recipientCount: n,
        updatedAt: opts.now,
      })
      .where(eq(mailings.id, mailingId));
    return Number(n);
  });
}

/** The counts of a mailing's recipients by state (the progress bar). */
export async function progressOf(
  db: Executor,
  mailingId: number,
): Promise<Record<RecipientState, number> & { total: number }> {
  const rows = await db
    .select({ state: mailingRecipients.state, n: sql<number>`count(*)::int` })
    .from(mailingRecipients)
    .where(eq(mailingRecipients.mailingId, mailingId))
    .groupBy(mailingRecipients.state);
  const out = { queued: 0, sent: 0, failed: 0, bounced: 0, total: 0 };
  for (const r of rows) {
    out[r.state] = Number(r.n);
    out.total += Number(r.n);
  }
  return out;
}

/** A Message-ID left part per mailing and recipient: the same on every attempt. */
export function recipientMessageKey(
  mailing: Pick<Mailing, "id" | "createdAt">,
  recipientId: number,
) {
  const hash = createHash("sha256")
    .update(`${mailing.id}:${recipientId}:${mailing.createdAt.toISOString()}`)
    .digest("hex")
    .slice(0, 16);
  return `mailing-${mailing.id}-${recipientId}.${hash}`;
}

export function archiveLink(linkBase: string, lang: string, mailingId: number) {
  return `${linkBase.replace(/\/+$/, "")}/${lang}/nyhetsbrev/utgaver/${mailingId}`;
}

const deliverPayload = z.object({ mailingId: z.number().int().positive() });
const sendPayload = z.object({ mailingId: z.number().int().positive() });
type QueuedRow = {
  id: number | string;
  address: string;
  lang: string;
  subscription_id: number | string | null;
  attempts: number;
  undeliverable: boolean;
};
/** Stands for the unsubscribe link in a mail rendered once for every recipient. */
const UNSUBSCRIBE_SLOT = "https://samspill.invalid/unsubscribe-slot";
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const testPayload = z.object({
  mailingId: z.number().int().positive(),
  address: z.string().email(),
  lang: z.enum(["nb", "nn"]),
});

/** What a mailing's mail to one person looks like (also the preview and the test). */
export function composeMail(
  m: Mailing,
  lang: "nb" | "nn",
  extra: { unsubscribe?: string; webLink?: string; why?: string },
) {
  const subject = lang === "nn" ? m.subjectNn : m.subjectNb;
  const body = lang === "nn" ? m.bodyNn : m.bodyNb;
  return {
    subject,
    ...renderMail({ kind: m.kind, lang, subject, body, senderName: m.senderName, ...extra }),
  };
}

export function mailingJobHandlers(context: {
  db: Db;
  clock: Clock;
  linkBase: string;
  mailer?: Mailer;
  secret?: string;
  mailingRatePerSecond?: number;
  bounceAddress?: string;
  audiences?: Audiences;
}): JobHandlers {
  const { db, clock, linkBase } = context;
  const audiences = context.audiences ?? {};
  const signer: Signer | null = context.secret ? createSigner(context.secret) : null;
  /** Mailings read once per process: thousands of recipients share one. */
  const cache = new Map<number, { m: Mailing; why: Record<"nb" | "nn", string> | null }>();
  async function mailingOf(id: number) {
    const hit = cache.get(id);
    if (hit) return hit;
    const [m] = await db.select().from(mailings).where(eq(mailings.id, id));
    if (!m) return null;
    const why =
      m.kind === "message" ? (audienceQuery(m, audiences, clock.now())?.why ?? null) : null;
    if (cache.size > 20) cache.clear();
    const entry = { m, why };
    cache.set(id, entry);
    return entry;
  }
  function mailer(): Mailer {
    if (!context.mailer) throw new Error("mailings: no mailer in the job context");
    return context.mailer;
  }
  /** A recipient's mail: rendered once per mailing and language, the unsubscribe link put in. */
  const rendered = new Map<string, ReturnType<typeof composeMail>>();
  function mailOf(
    m: Mailing,
    why: Record<"nb" | "nn", string> | null,
    lang: "nb" | "nn",
    unsubscribe: string | undefined,
  ) {
    const key = `${m.id}:${lang}:${unsubscribe ? 1 : 0}`;
    let mail = rendered.get(key);
    if (!mail) {
      if (rendered.size > 40) rendered.clear();
      mail = composeMail(m, lang, {
        ...(unsubscribe ? { unsubscribe: UNSUBSCRIBE_SLOT } : {}),
        ...(m.kind === "newsletter" ? { webLink: archiveLink(linkBase, lang, m.id) } : {}),
        ...(why ? { why: why[lang] } : {}),
      });
      rendered.set(key, mail);
    }
    if (!unsubscribe) return mail;
    return {
      subject: mail.subject,
      text: mail.text.replaceAll(UNSUBSCRIBE_SLOT, unsubscribe),
      html: mail.html.replaceAll(UNSUBSCRIBE_SLOT, escapeHtml(unsubscribe)),
    };
  }
  /** A recipient's end: sent, failed or bounced, if still queued. */
  async function settle(id: number, state: RecipientState, attempts?: number) {
    const now = clock.now().toISOString();
    await db.execute(sql`
      update ${mailingRecipients} set state = ${state},
        sent_at = ${state === "sent" ? now : null}::timestamptz, attempted_at = ${now}::timestamptz
        ${attempts === undefined ? sql`` : sql`, attempts = ${attempts}`}
      where id = ${id} and state = 'queued'`);
  }

  return {
    async [START_JOB](raw) {
      const { mailingId } = z.object({ mailingId: z.number().int().positive() }).parse(raw);
      await startSending(db, mailingId, {
        now: clock.now(),
        ratePerSecond: context.mailingRatePerSecond ?? 20,
        audiences,
      });
    },

    async [SEND_JOB](raw, job) {
      const { mailingId } = sendPayload.parse(raw);
      const entry = await mailingOf(mailingId);
      if (!entry) return;
      const { m, why } = entry;
      const started = performance.now();
      const gapMs = 1000 / (context.mailingRatePerSecond ?? 20);
      let sent = 0;
      for (;;) {
        const result = await db.execute(sql`
          select r.id, r.address, r.lang, r.subscription_id, r.attempts,
            exists (select 1 from ${mailBounces} b where lower(b.address) = lower(r.address)
              and b.undeliverable_at is not null) as undeliverable
          from ${mailingRecipients} r
          where r.mailing_id = ${mailingId} and r.state = 'queued'
            and (r.retry_at is null or r.retry_at <= ${clock.now().toISOString()}::timestamptz)
          order by r.id limit ${BATCH}`);
        const rows = (result as unknown as { rows: QueuedRow[] }).rows;
        if (rows.length === 0) break;
        for (const r of rows) {
          // A slice ends after its time or at a stop; the job goes on where it left off.
          if (job.stopping?.() || performance.now() - started > SLICE_MS) {
            return { again: clock.now() };
          }
          const id = Number(r.id);
          if (r.undeliverable) {
            // Hard-bounced since the list was frozen: never mailed again.
            await settle(id, "bounced");
            continue;
          }
          // The throttle: no faster than the configured rate.
          const wait = started + sent * gapMs - performance.now();
          if (wait >= 1) await new Promise((resolve) => setTimeout(resolve, wait));
          const lang = r.lang === "nn" ? "nn" : "nb";
          const unsubscribe =
            m.kind === "newsletter" && r.subscription_id && signer
              ? unsubscribeLink(signer, linkBase, lang, Number(r.subscription_id))
              : undefined;
          const mail = mailOf(m, why, lang, unsubscribe);
          sent++;
          try {
            await mailer().send({
              to: r.address,
              subject: mail.subject,
              text: mail.text,
              html: mail.html,
              replyTo: m.replyTo,
              fromName: m.senderName,
              ...(unsubscribe ? { headers: unsubscribeHeaders(unsubscribe) } : {}),
              ...(context.bounceAddress ? { bounceTo: context.bounceAddress } : {}),
              messageKey: recipientMessageKey(m, id),
            });
          } catch (error) {
            const code = (error as { responseCode?: number }).responseCode;
            // No answer from the server at all: the whole send waits (the job's backoff).
            if (typeof code !== "number") throw error;
            const attempts = Number(r.attempts) + 1;
            if (code >= 500 || attempts >= DELIVER_ATTEMPTS) {
              await settle(id, "failed", attempts);
            } else {
              const at = new Date(clock.now().getTime() + backoffMs(attempts));
              await db.execute(sql`
                update ${mailingRecipients} set attempts = ${attempts},
                  retry_at = ${at.toISOString()}::timestamptz,
                  attempted_at = ${clock.now().toISOString()}::timestamptz
                where id = ${id} and state = 'queued'`);
            }
            continue;
          }
          // Recorded at once, before the next mail: a kill loses at most the one in flight.
          await settle(id, "sent");
        }
      }
      // Nothing due now: those refused for now are tried at their time; otherwise it is done.
      const later = await db.execute(sql`
        select min(retry_at) as at from ${mailingRecipients}
        where mailing_id = ${mailingId} and state = 'queued'`);
      const at = (later as unknown as { rows: { at: Date | string | null }[] }).rows[0]?.at;
      if (at) return { again: new Date(at) };
      await finishIfDone(db, mailingId, clock.now());
    },

    async [DELIVER_JOB](raw) {
      // Queued before decision 0041: the mailing's send job does the work.
      const { mailingId } = deliverPayload.parse(raw);
      await enqueue(db, {
        kind: SEND_JOB,
        payload: { mailingId },
        idempotencyKey: `mailing-send:${mailingId}`,
        runAt: clock.now(),
        maxAttempts: SEND_JOB_ATTEMPTS,
      });
    },

    async [TEST_JOB](raw) {
      const { mailingId, address, lang } = testPayload.parse(raw);
      const [m] = await db.select().from(mailings).where(eq(mailings.id, mailingId));
      if (!m) return;
      const mail = composeMail(m, lang, {
        ...(m.kind === "newsletter"
          ? { webLink: archiveLink(linkBase, lang, m.id) }
          : { why: mailWords[lang].replyHint }),
      });
      await mailer().send({
        to: address,
        subject: `${mailWords[lang].testPrefix} ${mail.subject}`,
        text: mail.text,
        html: mail.html,
        replyTo: m.replyTo,
        fromName: m.senderName,
      });
    },
  };
}

/** Mark a mailing sent once no recipient waits. */
async function finishIfDone(db: Db, mailingId: number, now: Date) {
  await db.execute(sql`
    update ${mailings} set status = 'sent', finished_at = ${now.toISOString()}::timestamptz
    where id = ${mailingId} and status = 'sending'
      and not exists (select 1 from ${mailingRecipients}
        where mailing_id = ${mailingId} and state = 'queued')`);
}

/** Queue a test of a mailing to its author, in both written standards. */
export async function queueTest(
  db: Db,
  mailingId: number,
  address: string,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    for (const lang of ["nb", "nn"] as const) {
      await enqueue(tx, {
        kind: TEST_JOB,
        payload: { mailingId, address, lang },
        idempotencyKey: `mailing-test:${mailingId}:${lang}:${now.getTime()}`,
        runAt: now,
        maxAttempts: 3,
      });
    }
  });
}

/**
 * Every scheduled mailing has its start job (housekeeping): one scheduled without it — the demo's,
 * whose seeding queue is emptied — gets it, at its time. The key makes a second one nothing.
 */
export async function queueScheduledStarts(db: Db): Promise<number> {
  return enqueueSelected(
    db,
    START_JOB,
    sql`select jsonb_build_object('mailingId', m.id) as payload,
        'mailing-start:' || m.id as idempotency_key, m.send_at as run_at
      from ${mailings} m where m.status = 'scheduled' and m.send_at is not null`,
    5,
  );
}
