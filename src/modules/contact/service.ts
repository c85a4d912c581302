import { randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { osloToday } from "../../kernel/clock";
import type { FieldErrors } from "../../kernel/forms";
import { enqueueMail } from "../../kernel/mail-jobs";
import { maskPersonalData } from "../../kernel/personal-data";
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
};

// Crockford's base32 without look-alikes: easy to read aloud on the phone.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
function newReference() {
  let s = "";
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `KS-${s.slice(0, 4)}-${s.slice(4)}`;
}

export type SubmitResult =
  | { ok: true; reference: string; masked: boolean }
  | { ok: false; errors: FieldErrors };

/**
 * Store a message and queue the receipt to the sender and the copy to the inbox, in one
 * transaction: once the person sees the receipt page, all three exist.
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
  // Contact details belong in their own fields; a national id number never belongs here.
  const screened = maskPersonalData(input.message, { nationalId: true });
  const reference = newReference();
  const ct = contactTexts(input.lang);
  await db.transaction(async (tx) => {
    await tx.insert(contactMessages).values({
      reference,
      name: input.name,
      email: input.email,
      municipalityCode: input.municipalityCode,
      programmeId: input.programmeId,
      topic: input.topic,
      message: screened.text,
      lang: input.lang,
      createdAt: ctx.now,
    });
    await enqueueMail(
      tx,
      {
        to: input.email,
        subject: ct.mailSubject(reference),
        text: ct.mailBody(input.name, reference, screened.text),
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
          message: screened.text,
        }),
        headers: { "Reply-To": input.email },
      },
      { idempotencyKey: `contact-inbox:${reference}`, now: ctx.now },
    );
  });
  return { ok: true, reference, masked: screened.found.length > 0 };
}

export async function findContactMessage(db: Db, reference: string) {
  const [row] = await db
    .select()
    .from(contactMessages)
    .where(eq(contactMessages.reference, reference));
  return row ?? null;
}
