import { and, desc, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { type Batcher, createBatcher } from "../../kernel/batcher";
import { maskPersonalData } from "../../kernel/child-guard";
import { guardFreeText } from "../../kernel/child-guard-forms";
import { osloToday } from "../../kernel/clock";
import { type Outcome, RefusedInside } from "../../kernel/result";
import { jsonRows } from "../../kernel/sql-rows";
import { recordAudit } from "../identity";
import { pageFeedback, pageFeedbackMonthly } from "./schema";

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

/** Stored, refused by the guard, or too late (the answer is gone, commented or too old). */
export type CommentResult = Outcome<{ masked: boolean }> | { ok: false; stale: true };

/**
 * Attach the optional comment to an answer, once. The comment is guarded (decision 0024): a
 * national identity number is refused, a text that looks as if it identifies a child is held
 * back until confirmed; e-mail addresses and phone numbers are masked out, since nobody can
 * answer here.
 */
export async function addComment(
  db: Db,
  id: number,
  comment: string,
  now: Date,
  confirmations?: Readonly<Record<string, string>>,
): Promise<CommentResult> {
  const trimmed = comment.trim();
  const screened = maskPersonalData(trimmed);
  try {
    return await db.transaction(async (tx) => {
      const refusal = await guardFreeText(tx, {
        form: "feedback",
        fields: { comment: trimmed },
        confirmations,
        now,
      });
      if (refusal) return refusal;
      const rows = await tx
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
      // Nothing stored: the confirmation is not counted either.
      if (rows.length === 0) throw new RefusedInside({ ok: false, errors: {} });
      return { ok: true as const, masked: screened.found.length > 0 };
    });
  } catch (error) {
    if (error instanceof RefusedInside) return { ok: false, stale: true };
    throw error;
  }
}

// The programme admins' overview and moderation.

export type PageStats = { page: string; lang: string; answers: number; yes: number };
export type MonthStats = PageStats & { month: string };

/**
 * Answers and Ja per page and language, and per month (Europe/Oslo) from the month of `since`,
 * read from the monthly roll-up the database keeps (a few rows per page, however many answers).
 */
export async function feedbackStats(
  db: Db,
  filter: { page?: string | undefined; since: Date },
): Promise<{ pages: PageStats[]; months: MonthStats[] }> {
  const m = pageFeedbackMonthly;
  const where = filter.page ? sql`${m.page} = ${filter.page}` : sql`true`;
  // As one JSON value each (jsonRows): a month per page and language is a few thousand rows
  // nationally, which the embedded database decodes slowly value by value.
  const [pages, months] = await Promise.all([
    jsonRows<PageStats>(
      db,
      sql`select ${m.page} as page, ${m.lang} as lang, sum(${m.answers})::int as answers,
                 sum(${m.yes})::int as yes
            from ${m} where ${where} group by ${m.page}, ${m.lang} order by ${m.page}, ${m.lang}`,
    ),
    feedbackMonths(db, filter),
  ]);
  return {
    pages: pages.map((r) => ({ ...r, answers: Number(r.answers), yes: Number(r.yes) })),
    months,
  };
}

/** Answers and Ja per page, language and month (Europe/Oslo) from the month of `since`. */
export async function feedbackMonths(
  db: Db,
  filter: { page?: string | undefined; since: Date },
): Promise<MonthStats[]> {
  const m = pageFeedbackMonthly;
  const where = filter.page ? sql`${m.page} = ${filter.page}` : sql`true`;
  const months = await jsonRows<MonthStats>(
    db,
    sql`select ${m.page} as page, ${m.lang} as lang, ${m.month} as month,
               ${m.answers} as answers, ${m.yes} as yes
          from ${m} where ${where} and ${m.month} >= ${osloToday(filter.since).slice(0, 7)}
         order by ${m.page}, ${m.lang}, ${m.month} desc`,
  );
  return months.map((r) => ({ ...r, answers: Number(r.answers), yes: Number(r.yes) }));
}

/**
 * The monthly roll-up made afresh from every answer, in one statement: for a bulk load that ran
 * without the trigger (the benchmark's generator) or a repair. Under an exclusive lock on the
 * roll-up, so another transaction's trigger adds its answers after this count is committed.
 */
export async function recountFeedbackMonthly(db: Db): Promise<void> {
  const m = pageFeedbackMonthly;
  await db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${m} in exclusive mode`);
    await tx.execute(sql`delete from ${m}`);
    await tx.execute(sql`
      insert into ${m} (page, lang, month, answers, yes)
      select page, lang, to_char(created_at at time zone 'Europe/Oslo', 'YYYY-MM'),
             count(*)::int, (count(*) filter (where found))::int
        from ${pageFeedback} group by 1, 2, 3`);
  });
}

/** The pages that have feedback, for the filter. */
export async function feedbackPages(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ page: pageFeedbackMonthly.page })
    .from(pageFeedbackMonthly)
    .orderBy(pageFeedbackMonthly.page);
  return rows.map((r) => r.page);
}

export const COMMENTS_PAGE_SIZE = 20;

/** Comments, newest first; hidden ones only when asked for. */
export async function listComments(
  db: Db,
  filter: { page?: string | undefined; showHidden?: boolean },
  pageNumber = 1,
) {
  const where = [isNotNull(pageFeedback.comment)];
  if (filter.page) where.push(eq(pageFeedback.page, filter.page));
  if (!filter.showHidden) where.push(isNull(pageFeedback.hiddenAt));
  const rows = await db
    .select()
    .from(pageFeedback)
    .where(and(...where))
    .orderBy(desc(pageFeedback.commentedAt), desc(pageFeedback.id))
    .limit(COMMENTS_PAGE_SIZE + 1)
    .offset((pageNumber - 1) * COMMENTS_PAGE_SIZE);
  return { rows: rows.slice(0, COMMENTS_PAGE_SIZE), hasMore: rows.length > COMMENTS_PAGE_SIZE };
}

type Moderator = { personId: number; now: Date };

/** Hide a comment from the overview (it is kept); audited. False when there was nothing to do. */
export async function hideComment(db: Db, id: number, by: Moderator): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(pageFeedback)
      .set({ hiddenAt: by.now, hiddenBy: by.personId })
      .where(and(eq(pageFeedback.id, id), isNull(pageFeedback.hiddenAt)))
      .returning({ id: pageFeedback.id, page: pageFeedback.page });
    if (rows.length === 0) return false;
    await recordAudit(tx, {
      actorId: by.personId,
      action: "feedback.hide",
      entityType: "page_feedback",
      entityId: String(id),
      before: { hiddenAt: null },
      after: { hiddenAt: by.now, page: rows[0]!.page },
      at: by.now,
    });
    return true;
  });
}

/** Mark a comment as handled; audited. False when there was nothing to do. */
export async function markCommentHandled(db: Db, id: number, by: Moderator): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(pageFeedback)
      .set({ handledAt: by.now, handledBy: by.personId })
      .where(and(eq(pageFeedback.id, id), isNull(pageFeedback.handledAt)))
      .returning({ id: pageFeedback.id, page: pageFeedback.page });
    if (rows.length === 0) return false;
    await recordAudit(tx, {
      actorId: by.personId,
      action: "feedback.handle",
      entityType: "page_feedback",
      entityId: String(id),
      before: { handledAt: null },
      after: { handledAt: by.now, page: rows[0]!.page },
      at: by.now,
    });
    return true;
  });
}
