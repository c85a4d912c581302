import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Executor } from "../../db/client";
import { optionalText, requiredText } from "../../kernel/field-rules";
import { type FieldErrors, validate } from "../../kernel/forms";
import { hasBrokenLink, hasDisallowedContent } from "../programmes";
import { mailings } from "./schema";
import type { MessageAudience } from "./segments";
import type { Mailing } from "./sending";
import { bodyMaxLength, createDraft, subjectMaxLength } from "./service";

/**
 * A message's text: bokmål required, nynorsk optional (both subject and text, or neither). A
 * recipient whose municipality writes nynorsk gets the nynorsk version where there is one.
 */
export const messageSchema = z.object({
  subjectNb: requiredText(subjectMaxLength),
  bodyNb: requiredText(bodyMaxLength),
  subjectNn: optionalText(subjectMaxLength),
  bodyNn: optionalText(bodyMaxLength),
});
export type MessageContent = z.infer<typeof messageSchema>;

export function checkMessage(
  values: Record<string, string>,
): { ok: true; data: MessageContent } | { ok: false; errors: FieldErrors } {
  const parsed = validate(messageSchema, values);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const nnSubject = (values.subjectNn ?? "").trim();
  const nnBody = (values.bodyNn ?? "").trim();
  if (nnSubject !== "" && nnBody === "" && !errors.bodyNn) errors.bodyNn = { code: "required" };
  if (nnSubject === "" && nnBody !== "" && !errors.subjectNn)
    errors.subjectNn = { code: "required" };
  for (const field of ["bodyNb", "bodyNn"] as const) {
    const text = values[field] ?? "";
    if (errors[field]) continue;
    if (hasDisallowedContent(text)) errors[field] = { code: "unsafeContent" };
    else if (hasBrokenLink(text)) errors[field] = { code: "brokenLink" };
  }
  if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, data: parsed.data };
}

/** Whether the message has its own nynorsk version (else nynorsk readers get the bokmål one). */
export const hasNynorsk = (m: Pick<Mailing, "subjectNb" | "subjectNn" | "bodyNb" | "bodyNn">) =>
  !(m.subjectNn === m.subjectNb && m.bodyNn === m.bodyNb);

/**
 * The stored texts: without a nynorsk version the bokmål one stands in for it, and so does the
 * bokmål "why you get this" line, so that a nynorsk reader gets one written standard throughout.
 */
function stored(content: MessageContent, audience: MessageAudience) {
  const nn = content.subjectNn !== "" && content.bodyNn !== "";
  return {
    subjectNb: content.subjectNb,
    bodyNb: content.bodyNb,
    subjectNn: nn ? content.subjectNn : content.subjectNb,
    bodyNn: nn ? content.bodyNn : content.bodyNb,
    audience: nn ? audience : { ...audience, why: { ...audience.why, nn: audience.why.nb } },
  };
}

/** Write a message to a segment as a draft; the sender's address takes the replies. */
export async function writeMessage(
  db: Executor,
  input: {
    content: MessageContent;
    audience: MessageAudience;
    programmeId: number;
    cohortId: number | null;
    sender: { personId: number; name: string; email: string };
  },
  now: Date,
): Promise<number> {
  return createDraft(
    db,
    {
      ...stored(input.content, input.audience),
      replyTo: input.sender.email,
      kind: "message",
      programmeId: input.programmeId,
      cohortId: input.cohortId,
      senderName: input.sender.name,
      senderPersonId: input.sender.personId,
    },
    now,
  );
}

/** Change a draft message; one that is scheduled or sent is not changed (`false`). */
export async function rewriteMessage(
  db: Db,
  id: number,
  content: MessageContent,
  audience: MessageAudience,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(mailings)
    .set({ ...stored(content, audience), updatedAt: now })
    .where(and(eq(mailings.id, id), eq(mailings.kind, "message"), eq(mailings.status, "draft")))
    .returning({ id: mailings.id });
  return rows.length > 0;
}

/** The messages a person wrote, newest first. */
export async function messagesBy(db: Executor, personId: number): Promise<Mailing[]> {
  return db
    .select()
    .from(mailings)
    .where(and(eq(mailings.kind, "message"), eq(mailings.senderPersonId, personId)))
    .orderBy(desc(mailings.updatedAt), desc(mailings.id));
}
