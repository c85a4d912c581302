import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { maskPersonalData } from "../../kernel/personal-data";
import { pageFeedback } from "./schema";

export const commentMaxLength = 250;
/** A comment can follow its answer for this long. */
export const commentWindowMs = 60 * 60_000;

export async function recordAnswer(
  db: Db,
  input: { page: string; lang: string; found: boolean },
  now: Date,
): Promise<number> {
  const [row] = await db
    .insert(pageFeedback)
    .values({ ...input, createdAt: now })
    .returning({ id: pageFeedback.id });
  if (!row) throw new Error("feedback not stored");
  return row.id;
}

export type CommentResult = { ok: true; masked: boolean } | { ok: false };

/** Attach the optional comment to an answer, once, with personal data masked out. */
export async function addComment(
  db: Db,
  id: number,
  comment: string,
  now: Date,
): Promise<CommentResult> {
  const trimmed = comment.trim();
  const screened = maskPersonalData(trimmed);
  const rows = await db
    .update(pageFeedback)
    .set({
      comment: trimmed === "" ? null : screened.text,
      commentMasked: screened.found.length > 0,
      commentedAt: now,
    })
    .where(
      and(
        eq(pageFeedback.id, id),
        isNull(pageFeedback.commentedAt),
        gt(pageFeedback.createdAt, new Date(now.getTime() - commentWindowMs)),
      ),
    )
    .returning({ id: pageFeedback.id });
  if (rows.length === 0) return { ok: false };
  return { ok: true, masked: screened.found.length > 0 };
}
