import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Lang } from "../../web/i18n";
import { programmes, programmeTexts } from "./schema";

// What other modules (cohorts above all) read of a programme, so that they never read the
// programme tables themselves.

/** A database or an open transaction. */
type Executor = Pick<Db, "select">;

export type ProgrammeRef = { id: number; slug: string; owner: string; sortOrder: number };

const refColumns = {
  id: programmes.id,
  slug: programmes.slug,
  owner: programmes.owner,
  sortOrder: programmes.sortOrder,
};

/** A programme's id, slug, owner and place in lists, published or not; null if unknown. */
export async function programmeRef(db: Executor, id: number): Promise<ProgrammeRef | null> {
  const [row] = await db.select(refColumns).from(programmes).where(eq(programmes.id, id));
  return row ?? null;
}

/** The programmes of these owners, in their list order (sort order, then id). */
export async function programmesOwnedBy(db: Executor, owners: string[]): Promise<ProgrammeRef[]> {
  if (owners.length === 0) return [];
  return db
    .select(refColumns)
    .from(programmes)
    .where(inArray(programmes.owner, owners))
    .orderBy(asc(programmes.sortOrder), asc(programmes.id));
}

/** A programme's published texts, one row per language: its title and its commitments. */
export async function programmeTextsOf(db: Executor, programmeId: number) {
  return db
    .select({
      lang: programmeTexts.lang,
      title: programmeTexts.title,
      commitments: programmeTexts.commitments,
    })
    .from(programmeTexts)
    .where(eq(programmeTexts.programmeId, programmeId));
}

/**
 * Programme titles by id in a language, bokmål where the language has none; all programmes, or
 * those in `ids`.
 */
export async function programmeTitles(
  db: Executor,
  lang: Lang,
  ids?: number[],
): Promise<Map<number, string>> {
  const rows = await db
    .select({
      id: programmeTexts.programmeId,
      lang: programmeTexts.lang,
      title: programmeTexts.title,
    })
    .from(programmeTexts)
    .where(
      and(
        inArray(programmeTexts.lang, lang === "nb" ? ["nb"] : [lang, "nb"]),
        ids ? inArray(programmeTexts.programmeId, ids.length > 0 ? ids : [-1]) : undefined,
      ),
    );
  const titles = new Map<number, string>();
  for (const r of rows) if (r.lang === "nb") titles.set(r.id, r.title);
  for (const r of rows) if (r.lang === lang) titles.set(r.id, r.title);
  return titles;
}
