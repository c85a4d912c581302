import { createHash } from "node:crypto";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Executor } from "../../db/client";
import type { Clock } from "../../kernel/clock";
import type { FieldErrors } from "../../kernel/forms";
import { enqueue, enqueueSelected, type JobHandlers } from "../../kernel/jobs";
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
export const DELIVER_JOB = "mailings.deliver";
export const TEST_JOB = "mailings.test";
/** Attempts per recipient before it counts as failed (transient SMTP errors, backoff between). */
export const DELIVER_ATTEMPTS = 5;

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
 * The start of a send: the recipients are computed in SQL and frozen, and one delivery job per
 * recipient is queued, keyed by mailing and recipient (one mail each, however often a job runs),
 * spaced to the configured rate. Runs in one transaction; running it twice does nothing more.
 */
export async function startSending(
  db: Db,
  mailingId: number,
  opts: { now: Date; ratePerSecond: number; audiences: Audiences },
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
    const gapMs = 1000 / opts.ratePerSecond;
    const queued = await enqueueSelected(
      tx,
      DELIVER_JOB,
      sql`select jsonb_build_object('mailingId', r.mailing_id, 'recipientId', r.id) as payload,
          'mailing:' || r.mailing_id || ':recipient:' || r.id as idempotency_key,
          ${opts.now.toISOString()}::timestamptz
            + ((row_number() over (order by r.id) - 1) * ${gapMs}::float8) * interval '1 millisecond' as run_at
        from ${mailingRecipients} r where r.mailing_id = ${mailingId} and r.state = 'queued'`,
      DELIVER_ATTEMPTS,
    );
    const [{ n } = { n: 0 }] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(mailingRecipients)
      .where(eq(mailingRecipients.mailingId, mailingId))) as { n: number }[];
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
    return queued;
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

const deliverPayload = z.object({
  mailingId: z.number().int().positive(),
  recipientId: z.number().int().positive(),
});
const testPayload = z.object({
  mailingId: z.number().int().positive(),
  address: z.string().email(),
  lang: z.enum(["nb", "nn"]),
});

function permanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === "number" && code >= 500;
}

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

  return {
    async [START_JOB](raw) {
      const { mailingId } = z.object({ mailingId: z.number().int().positive() }).parse(raw);
      await startSending(db, mailingId, {
        now: clock.now(),
        ratePerSecond: context.mailingRatePerSecond ?? 20,
        audiences,
      });
    },

    async [DELIVER_JOB](raw, job) {
      const { mailingId, recipientId } = deliverPayload.parse(raw);
      const [r] = await db
        .select()
        .from(mailingRecipients)
        .where(eq(mailingRecipients.id, recipientId));
      // Sent (a rerun after a kill between the send and the job's end) or gone: nothing to do.
      if (r?.state !== "queued") return;
      const entry = await mailingOf(mailingId);
      if (!entry) return;
      const { m, why } = entry;
      const lang = r.lang === "nn" ? "nn" : "nb";
      const unsubscribe =
        m.kind === "newsletter" && r.subscriptionId && signer
          ? unsubscribeLink(signer, linkBase, lang, r.subscriptionId)
          : undefined;
      const mail = composeMail(m, lang, {
        ...(unsubscribe ? { unsubscribe } : {}),
        ...(m.kind === "newsletter" ? { webLink: archiveLink(linkBase, lang, m.id) } : {}),
        ...(why ? { why: why[lang] } : {}),
      });
      await db
        .update(mailingRecipients)
        .set({ attemptedAt: clock.now() })
        .where(eq(mailingRecipients.id, recipientId));
      let state: RecipientState = "sent";
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
          messageKey: recipientMessageKey(m, recipientId),
        });
      } catch (error) {
        if (!permanent(error) && job.attempts < DELIVER_ATTEMPTS) throw error;
        state = "failed";
      }
      const now = clock.now();
      await db
        .update(mailingRecipients)
        .set({ state, sentAt: state === "sent" ? now : null })
        .where(and(eq(mailingRecipients.id, recipientId), eq(mailingRecipients.state, "queued")));
      await finishIfDone(db, mailingId, now);
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
