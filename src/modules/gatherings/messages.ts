import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db, Executor } from "../../db/client";
import { guardFreeText } from "../../kernel/child-guard-forms";
import { requiredText } from "../../kernel/field-rules";
import { validate } from "../../kernel/forms";
import { enqueueMail } from "../../kernel/mail-jobs";
import { type Outcome, refuse } from "../../kernel/result";
import { emailsOf, getPerson, recordAudit } from "../identity";
import { gatheringLink } from "./calendar-events";
import { type Actor, gatheringById } from "./gatherings";
import { messageFooters } from "./messages-texts";
import { gatheringMessages, gatheringRegistrations, type RegistrationStatus } from "./schema";
import { standardOfPlace } from "./ticket";

/** The named limits of the message form, shared by the view (maxlength) and the command. */
export const messageLimits = { subject: 150, text: 5000 } as const;

/** A form's token: drawn when the form is shown, so a second post of it is the same message. */
export const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

export const messageForm = z.object({
  subject: requiredText(messageLimits.subject),
  text: requiredText(messageLimits.text),
  includeWaiting: z
    .union([z.literal("yes"), z.literal("")])
    .default("")
    .transform((v) => v === "yes"),
});

export type MessageInput = {
  gatheringId: number;
  subject: string;
  text: string;
  includeWaiting: boolean;
  token: string;
  /** The form's confirmations of the child guard's warnings (confirmationsOf). */
  confirmations?: Readonly<Record<string, string>>;
};

const statusesOf = (includeWaiting: boolean): RegistrationStatus[] =>
  includeWaiting ? ["confirmed", "offered", "waiting"] : ["confirmed", "offered"];

/** Who a message goes to: those holding a seat (confirmed or offered), and the waiting if asked. */
export async function messageRecipients(
  db: Executor,
  gatheringId: number,
  includeWaiting: boolean,
) {
  return db
    .select({
      id: gatheringRegistrations.id,
      personId: gatheringRegistrations.personId,
      unitOrgNumber: gatheringRegistrations.unitOrgNumber,
      municipalityCode: gatheringRegistrations.municipalityCode,
    })
    .from(gatheringRegistrations)
    .where(
      and(
        eq(gatheringRegistrations.gatheringId, gatheringId),
        inArray(gatheringRegistrations.status, statusesOf(includeWaiting)),
      ),
    );
}

/** How many a message would reach now: with seats, and waiting. */
export async function recipientCounts(db: Executor, gatheringId: number) {
  const all = await messageRecipients(db, gatheringId, true);
  const seated = await messageRecipients(db, gatheringId, false);
  return { seated: seated.length, waiting: all.length - seated.length };
}

/**
 * Message those registered for a gathering (organiser's act): a subject and a text, checked
 * against the limits and the child guard, to everyone with a seat (and the waiting list when
 * asked), each mail with the organiser's address as Reply-To and a footer in the written
 * standard of the person's place, queued in one transaction with the message's record and the
 * audit row. The form's token makes a second post of the same form the same message: it is
 * answered as sent, and nothing more is queued.
 */
export async function messageParticipants(
  db: Db,
  input: MessageInput,
  actor: Actor,
): Promise<Outcome<{ recipients: number; again: boolean }>> {
  const parsed = validate(messageForm, {
    subject: input.subject,
    text: input.text,
    includeWaiting: input.includeWaiting ? "yes" : "",
  });
  if (!parsed.ok) return parsed;
  if (!TOKEN.test(input.token)) return refuse("gathering", "messageStale");
  const g = await gatheringById(db, input.gatheringId);
  if (!g) return refuse("gathering", "notFound");
  const organiser = actor.personId === null ? null : await getPerson(db, actor.personId);
  const { subject, text, includeWaiting } = parsed.data;
  return db.transaction(async (tx) => {
    const [earlier] = await tx
      .select()
      .from(gatheringMessages)
      .where(
        and(eq(gatheringMessages.gatheringId, g.id), eq(gatheringMessages.token, input.token)),
      );
    if (earlier) return { ok: true as const, recipients: earlier.recipients, again: true };
    const refusal = await guardFreeText(tx, {
      form: "gathering-message",
      fields: { subject, text },
      confirmations: input.confirmations,
      now: actor.now,
    });
    if (refusal) return refusal;
    const recipients = await messageRecipients(tx, g.id, includeWaiting);
    const emails = await emailsOf(
      tx,
      recipients.map((r) => r.personId),
    );
    const reachable = recipients.filter((r) => emails.has(r.personId));
    if (reachable.length === 0) return refuse("gathering", "messageNobody");
    const [row] = await tx
      .insert(gatheringMessages)
      .values({
        gatheringId: g.id,
        token: input.token,
        subject,
        includeWaiting,
        recipients: reachable.length,
        sentAt: actor.now,
        sentBy: actor.personId,
      })
      .onConflictDoNothing()
      .returning({ id: gatheringMessages.id });
    // Two posts of one form at the same instant: the other one sends it.
    if (!row) return { ok: true as const, recipients: reachable.length, again: true };
    const standards = new Map<string, "nb" | "nn">();
    for (const r of reachable) {
      const key = `${r.unitOrgNumber}:${r.municipalityCode}`;
      let standard = standards.get(key);
      if (!standard) {
        standard = await standardOfPlace(tx, r);
        standards.set(key, standard);
      }
      const footer = messageFooters[standard]({
        title: standard === "nn" ? g.titleNn : g.titleNb,
        link: gatheringLink(actor.baseUrl, standard, g.id),
        replyable: Boolean(organiser?.email),
      });
      await enqueueMail(
        tx,
        {
          to: emails.get(r.personId)!,
          subject,
          text: `${text}\n\n-- \n${footer}`,
          ...(organiser?.email ? { headers: { "Reply-To": organiser.email } } : {}),
        },
        { idempotencyKey: `gathering-message:${row.id}:${r.id}`, now: actor.now },
      );
    }
    await recordAudit(tx, {
      at: actor.now,
      actorId: actor.personId,
      action: "gathering.message",
      entityType: "gathering",
      entityId: String(g.id),
      after: { subject, recipients: reachable.length, includeWaiting },
    });
    return { ok: true as const, recipients: reachable.length, again: false };
  });
}
