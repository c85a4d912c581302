import { randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { guardFreeText } from "../../kernel/child-guard-forms";
import { osloToday } from "../../kernel/clock";
import { enqueueMail } from "../../kernel/mail-jobs";
import type { Outcome } from "../../kernel/result";
import type { Lang } from "../../web/i18n";
import { municipalitiesAt } from "../organisations";
import { contactMessages } from "./schema";
import { contactTexts } from "./texts";

export const nameMaxLength = 100;
export const messageMaxLength = 2000;
export const TOPICS = ["question", "application", "gathering", "technical", "other"] as const;

export type ContactInput = {
  name: string;
  email: string;
  municipalityCode: string;
  programmeId: number | null;
  /** The programme's title as the writer saw it, for the staff's copy. */
  programmeTitle?: string | null;
  topic: (typeof TOPICS)[number];
  message: string;
  lang: Lang;
  /** The form's confirmations of the child guard's warnings (confirmationsOf). */
  confirmations?: Readonly<Record<string, string>>;
};

// Crockford's base32 without look-alikes: easy to read aloud on the phone.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
function newReference() {
  let s = "";
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `KS-${s.slice(0, 4)}-${s.slice(4)}`;
}

export type SubmitResult = Outcome<{ reference: string }>;

/**
 * Store a message and queue the receipt to the sender and the copy to the inbox, in one
 * transaction: once the person sees the receipt page, all three exist. The message is guarded
 * (decision 0024): a national identity number is refused, a text that looks as if it
 * identifies a child is held back until the writer rewrites it or confirms it.
 */
export async function submitContactMessage(
  db: Db,
  input: ContactInput,
  ctx: { now: Date; inbox: string },
): Promise<SubmitResult> {
  const municipality = (await municipalitiesAt(db, osloToday(ctx.now))).find(
    (m) => m.code === input.municipalityCode,
  );
  if (!municipality) {
    return { ok: false, errors: { municipality: { code: "municipality" } } };
  }
  const reference = newReference();
  const ct = contactTexts(input.lang);
  const refusal = await db.transaction(async (tx) => {
    const refusal = await guardFreeText(tx, {
      form: "contact",
      fields: { message: input.message },
      confirmations: input.confirmations,
      now: ctx.now,
    });
    if (refusal) return refusal;
    await tx.insert(contactMessages).values({
      reference,
      name: input.name,
      email: input.email,
      municipalityCode: input.municipalityCode,
      programmeId: input.programmeId,
      topic: input.topic,
      message: input.message,
      lang: input.lang,
      createdAt: ctx.now,
    });
    await enqueueMail(
      tx,
      {
        to: input.email,
        subject: ct.mailSubject(reference),
        text: ct.mailBody(input.name, reference, input.message),
      },
      { idempotencyKey: `contact-receipt:${reference}`, now: ctx.now },
    );
    await enqueueMail(
      tx,
      {
        to: ctx.inbox,
        subject: ct.ownerSubject(reference),
        // Names, not codes: the staff read the municipality and the topic as the writer chose them.
        text: ct.ownerBody({
          name: input.name,
          email: input.email,
          municipality: `${municipality.name} (${municipality.code})`,
          topic: ct.topics[input.topic] ?? input.topic,
          programme: input.programmeTitle ?? null,
          message: input.message,
        }),
        headers: { "Reply-To": input.email },
      },
      { idempotencyKey: `contact-inbox:${reference}`, now: ctx.now },
    );
    return null;
  });
  return refusal ?? { ok: true, reference };
}

export async function findContactMessage(db: Db, reference: string) {
  const [row] = await db
    .select()
    .from(contactMessages)
    .where(eq(contactMessages.reference, reference));
  return row ?? null;
}
