import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Executor } from "../../db/client";
import { emailAddress, requiredText } from "../../kernel/field-rules";
import { type FieldErrors, validate } from "../../kernel/forms";
import { hasBrokenLink, hasDisallowedContent } from "../programmes";
import { type MailingKind, mailBounces, mailingRecipients, mailings } from "./schema";
import type { Mailing } from "./sending";

export const subjectMaxLength = 200;
export const bodyMaxLength = 20_000;

/** The form of a mailing's content, shared by the newsletter and the message editors. */
export const contentSchema = z.object({
  subjectNb: requiredText(subjectMaxLength),
  subjectNn: requiredText(subjectMaxLength),
  bodyNb: requiredText(bodyMaxLength),
  bodyNn: requiredText(bodyMaxLength),
  replyTo: emailAddress(),
});
export type MailingContent = z.infer<typeof contentSchema>;

/** Validate the content; a body with a script or a link that goes nowhere is refused by name. */
export function checkContent(
  values: Record<string, string>,
): { ok: true; data: MailingContent } | { ok: false; errors: FieldErrors } {
  const parsed = validate(contentSchema, values);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  for (const field of ["bodyNb", "bodyNn"] as const) {
    const text = values[field] ?? "";
    if (errors[field]) continue;
    if (hasDisallowedContent(text)) errors[field] = { code: "unsafeContent" };
    else if (hasBrokenLink(text)) errors[field] = { code: "brokenLink" };
  }
  if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, data: parsed.data };
}

export type DraftInput = MailingContent & {
  kind: MailingKind;
  programmeId: number;
  cohortId: number | null;
  audience: Record<string, unknown>;
  senderName: string;
  senderPersonId: number | null;
};

export async function createDraft(db: Executor, input: DraftInput, now: Date): Promise<number> {
  const [row] = await db
    .insert(mailings)
    .values({ ...input, status: "draft", createdAt: now, updatedAt: now })
    .returning({ id: mailings.id });
  if (!row) throw new Error("mailing not stored");
  return row.id;
}

/** Change a draft; a mailing that is scheduled or sent is not changed (`false`). */
export async function updateDraft(
  db: Db,
  id: number,
  input: MailingContent & { audience?: Record<string, unknown> },
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(mailings)
    .set({ ...input, updatedAt: now })
    .where(and(eq(mailings.id, id), eq(mailings.status, "draft")))
    .returning({ id: mailings.id });
  return rows.length > 0;
}

export async function getMailing(db: Executor, id: number): Promise<Mailing | null> {
  const [row] = await db.select().from(mailings).where(eq(mailings.id, id));
  return row ?? null;
}

export async function mailingsOf(
  db: Executor,
  programmeIds: number[],
  kind: MailingKind,
): Promise<Mailing[]> {
  if (programmeIds.length === 0) return [];
  return db
    .select()
    .from(mailings)
    .where(and(inArray(mailings.programmeId, programmeIds), eq(mailings.kind, kind)))
    .orderBy(desc(mailings.updatedAt), desc(mailings.id));
}

/** The sent newsletters of a programme, newest first: its public archive. */
export async function sentNewsletters(db: Executor, programmeId: number): Promise<Mailing[]> {
  return db
    .select()
    .from(mailings)
    .where(
      and(
        eq(mailings.programmeId, programmeId),
        eq(mailings.kind, "newsletter"),
        inArray(mailings.status, ["sending", "sent"]),
      ),
    )
    .orderBy(desc(mailings.startedAt), desc(mailings.id));
}

/** Bounces among a mailing's recipients' addresses, and over all: what the admin sees. */
export async function bounceCounts(db: Executor, mailingId: number) {
  const result = await db.execute(sql`
    select coalesce(sum(b.hard_bounces), 0)::int as hard,
      count(*) filter (where b.undeliverable_at is not null)::int as undeliverable
    from ${mailBounces} b
    where exists (select 1 from ${mailingRecipients} r
      where r.mailing_id = ${mailingId} and lower(r.address) = lower(b.address))`);
  const row = (result as unknown as { rows: { hard: number; undeliverable: number }[] }).rows[0];
  return { hard: Number(row?.hard ?? 0), undeliverable: Number(row?.undeliverable ?? 0) };
}
