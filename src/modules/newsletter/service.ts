import { createHash } from "node:crypto";
import { and, eq, ne, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { FieldErrors } from "../../kernel/forms";
import { enqueueMail } from "../../kernel/mail-jobs";
import type { Signer } from "../../kernel/secrets";
import type { Lang } from "../../web/i18n";
import { CURRENT_CONSENT } from "./consent";
import { newsletterSubscriptions as subs } from "./schema";
import { newsletterTexts } from "./texts";

export const CONFIRM_DAYS = 7;

type Ctx = { now: Date; baseUrl: string; signer: Signer };

// Tokens carry the subscription id and are signed; the confirmation token also carries its expiry.
export function confirmToken(signer: Signer, id: number, expires: Date): string {
  const value = `${id}.${Math.floor(expires.getTime() / 1000)}`;
  return `${value}.${signer.sign("newsletter-confirm", value)}`;
}

export function unsubscribeToken(signer: Signer, id: number): string {
  return `${id}.${signer.sign("newsletter-unsubscribe", String(id))}`;
}

export type TokenCheck = { ok: true; id: number } | { ok: false; reason: "expired" | "forged" };

export function readConfirmToken(signer: Signer, token: string, now: Date): TokenCheck {
  const [id, exp, sig] = token.split(".");
  if (!id || !exp || !sig || !/^\d{1,15}$/.test(id) || !/^\d{1,12}$/.test(exp)) {
    return { ok: false, reason: "forged" };
  }
  if (!signer.verify("newsletter-confirm", `${id}.${exp}`, sig))
    return { ok: false, reason: "forged" };
  if (Number(exp) * 1000 < now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, id: Number(id) };
}

export function readUnsubscribeToken(signer: Signer, token: string): TokenCheck {
  const [id, sig] = token.split(".");
  if (!id || !sig || !/^\d{1,15}$/.test(id)) return { ok: false, reason: "forged" };
  if (!signer.verify("newsletter-unsubscribe", id, sig)) return { ok: false, reason: "forged" };
  return { ok: true, id: Number(id) };
}

function links(ctx: Ctx, lang: Lang, id: number) {
  const expires = new Date(ctx.now.getTime() + CONFIRM_DAYS * 86_400_000);
  return {
    confirm: `${ctx.baseUrl}/${lang}/nyhetsbrev/bekreft/${confirmToken(ctx.signer, id, expires)}`,
    unsubscribe: `${ctx.baseUrl}/${lang}/nyhetsbrev/avmeld/${unsubscribeToken(ctx.signer, id)}`,
  };
}

/** RFC 2369 and RFC 8058: mail clients offer a one-click unsubscribe that POSTs to the link. */
function unsubscribeHeaders(url: string) {
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

export type SubscribeResult = { ok: true; id: number } | { ok: false; errors: FieldErrors };

/**
 * Double opt-in, step one: a pending subscription and a confirmation mail. Asking again while
 * pending sends a fresh link; asking again when confirmed is refused with a clear message.
 */
export async function subscribe(
  db: Db,
  input: { email: string; programmeId: number | null; lang: Lang },
  ctx: Ctx,
): Promise<SubscribeResult> {
  const nt = newsletterTexts(input.lang);
  const sameScope = and(
    sql`lower(${subs.email}) = lower(${input.email})`,
    sql`coalesce(${subs.programmeId}, 0) = ${input.programmeId ?? 0}`,
    ne(subs.status, "unsubscribed"),
  );
  return db.transaction(async (tx) => {
    await tx
      .insert(subs)
      .values({
        email: input.email,
        programmeId: input.programmeId,
        lang: input.lang,
        status: "pending",
        consentTextVersion: CURRENT_CONSENT,
        consentedAt: ctx.now,
      })
      .onConflictDoNothing();
    const [row] = await tx.select().from(subs).where(sameScope).for("update");
    if (!row) throw new Error("subscription not stored");
    if (row.status === "confirmed") {
      return { ok: false as const, errors: { email: { code: "alreadySubscribed" } } };
    }
    await tx
      .update(subs)
      .set({ lang: input.lang, consentTextVersion: CURRENT_CONSENT, consentedAt: ctx.now })
      .where(eq(subs.id, row.id));
    const link = links(ctx, input.lang, row.id);
    await enqueueMail(
      tx,
      {
        to: input.email,
        subject: nt.confirmSubject,
        text: nt.confirmBody(link.confirm, link.unsubscribe),
        headers: unsubscribeHeaders(link.unsubscribe),
      },
      { idempotencyKey: `newsletter-confirm:${row.id}:${ctx.now.getTime()}`, now: ctx.now },
    );
    return { ok: true as const, id: row.id };
  });
}

export async function findSubscription(db: Db, id: number) {
  const [row] = await db.select().from(subs).where(eq(subs.id, id));
  return row ?? null;
}

/** Double opt-in, step two. Confirming twice is harmless. */
export async function confirmSubscription(
  db: Db,
  id: number,
  ctx: Ctx,
): Promise<"confirmed" | "already" | "gone"> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(subs).where(eq(subs.id, id)).for("update");
    if (!row || row.status === "unsubscribed") return "gone";
    if (row.status === "confirmed") return "already";
    await tx.update(subs).set({ status: "confirmed", confirmedAt: ctx.now }).where(eq(subs.id, id));
    const lang = row.lang as Lang;
    const nt = newsletterTexts(lang);
    const link = links(ctx, lang, id);
    await enqueueMail(
      tx,
      {
        to: row.email,
        subject: nt.welcomeSubject,
        text: nt.welcomeBody(link.unsubscribe),
        headers: unsubscribeHeaders(link.unsubscribe),
      },
      { idempotencyKey: `newsletter-welcome:${id}`, now: ctx.now },
    );
    return "confirmed";
  });
}

/**
 * Withdrawal of consent. The address is replaced by a hash: the record that consent was given
 * and withdrawn stays, the address does not.
 */
export async function unsubscribe(db: Db, id: number, now: Date): Promise<boolean> {
  const [row] = await db.select().from(subs).where(eq(subs.id, id));
  if (!row) return false;
  if (row.status === "unsubscribed") return true;
  const hashed = `sha256:${createHash("sha256").update(row.email.toLowerCase()).digest("hex")}`;
  await db
    .update(subs)
    .set({ status: "unsubscribed", unsubscribedAt: now, email: hashed })
    .where(eq(subs.id, id));
  return true;
}

/** "k***@kommune.no": enough for people to recognise their address, not to read it. */
export function maskEmail(email: string): string {
  if (email.startsWith("sha256:")) return "***";
  const [local, domain] = email.split("@");
  if (!local || !domain) return "***";
  return `${local[0]}***@${domain}`;
}

/** The link to withdraw one subscription, as every newsletter mail carries it. */
export function unsubscribeLink(signer: Signer, baseUrl: string, lang: Lang, id: number): string {
  return `${baseUrl.replace(/\/+$/, "")}/${lang}/nyhetsbrev/avmeld/${unsubscribeToken(signer, id)}`;
}

/**
 * A programme's confirmed subscribers in the given languages (those for every programme
 * included), as a query a mailing freezes at send time: `address`, `lang` (nb or nn: an English
 * subscriber reads the bokmål edition) and `subscription_id`.
 */
export function subscriberAudience(programmeId: number, langs: Lang[]): SQL {
  const list = langs.length > 0 ? langs : ["nb"];
  return sql`select ${subs.email} as address,
      case when ${subs.lang} = 'nn' then 'nn' else 'nb' end as lang,
      ${subs.id} as subscription_id
    from ${subs}
    where ${subs.status} = 'confirmed'
      and (${subs.programmeId} = ${programmeId} or ${subs.programmeId} is null)
      and ${subs.lang} in (${sql.join(
        list.map((l) => sql`${l}`),
        sql`, `,
      )})`;
}
