import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { type Batcher, createBatcher } from "../../kernel/batcher";
import { maskPersonalData } from "../../kernel/personal-data";
import { pageFeedback } from "./schema";

export const commentMaxLength = 250;
/** A comment can follow its answer for this long. */
export const commentWindowMs = 60 * 60_000;

type Answer = { page: string; lang: string; found: boolean; createdAt: Date };

// One batcher per database: answers arriving together are stored with one statement.
const batchers = new WeakMap<Db, Batcher<Answer, number>>();

function batcherFor(db: Db): Batcher<Answer, number> {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = createBatcher<Answer, number>(async (answers) => {
      // Ids are drawn first so each caller knows which row is theirs.
      const ids = await db.execute(
        sql`select nextval(pg_get_serial_sequence('page_feedback', 'id'))::bigint as id from generate_series(1, ${answers.length})`,
      );
      const rows = (ids as unknown as { rows: { id: string | number }[] }).rows.map((r) =>
        Number(r.id),
      );
      await db.insert(pageFeedback).values(answers.map((a, i) => ({ ...a, id: rows[i]! })));
      return rows;
    });
    batchers.set(db, batcher);
  }
  return batcher;
}

/** Store a Ja/Nei answer; resolves with its id once the row is committed. */
export function recordAnswer(
  db: Db,
  input: { page: string; lang: string; found: boolean },
  now: Date,
): Promise<number> {
  return batcherFor(db).add({ ...input, createdAt: now });
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
