import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Lang } from "../../web/i18n";
import { programmes, programmeTexts, programmeTextVersions } from "./schema";

export type ProgrammeSummary = {
  id: number;
  slug: string;
  title: string;
  ownerName: string;
  summary: string;
  /** The language the text is in: English falls back to bokmål where no translation exists. */
  textLang: Lang;
};

async function textsFor(db: Db, ids: number[], lang: Lang) {
  if (ids.length === 0) return new Map<number, typeof programmeTexts.$inferSelect>();
  const rows = await db
    .select()
    .from(programmeTexts)
    .where(
      and(inArray(programmeTexts.programmeId, ids), inArray(programmeTexts.lang, [lang, "nb"])),
    );
  const byId = new Map<number, typeof programmeTexts.$inferSelect>();
  for (const row of rows) {
    const existing = byId.get(row.programmeId);
    if (!existing || row.lang === lang) byId.set(row.programmeId, row);
  }
  return byId;
}

export async function listPublishedProgrammes(db: Db, lang: Lang): Promise<ProgrammeSummary[]> {
  const rows = await db
    .select({ id: programmes.id, slug: programmes.slug })
    .from(programmes)
    .where(isNotNull(programmes.publishedAt))
    .orderBy(asc(programmes.sortOrder), asc(programmes.id));
  const texts = await textsFor(
    db,
    rows.map((r) => r.id),
    lang,
  );
  return rows.flatMap((r) => {
    const text = texts.get(r.id);
    if (!text) return [];
    return [
      {
        id: r.id,
        slug: r.slug,
        title: text.title,
        ownerName: text.ownerName,
        summary: text.summary,
        textLang: text.lang as Lang,
      },
    ];
  });
}

// Published slugs, remembered for a few seconds: every feedback post asks about its page.
const publishedSlugs = new WeakMap<Db, { at: number; slugs: Promise<Set<string>> }>();

/** After a publish or unpublish: the next question reads the database. */
export function forgetPublished(db: Db) {
  publishedSlugs.delete(db);
}

export async function isPublished(db: Db, slug: string): Promise<boolean> {
  const cached = publishedSlugs.get(db);
  const now = Date.now();
  if (cached && now - cached.at < 5000) return (await cached.slugs).has(slug);
  const slugs = db
    .select({ slug: programmes.slug })
    .from(programmes)
    .where(isNotNull(programmes.publishedAt))
    .then((rows) => new Set(rows.map((r) => r.slug)));
  publishedSlugs.set(db, { at: now, slugs });
  return (await slugs).has(slug);
}

export type PublicProgramme = {
  programme: typeof programmes.$inferSelect;
  text: typeof programmeTexts.$inferSelect;
  textLang: Lang;
};

/** A published programme with its text in a language (bokmål where there is none). */
export async function getPublicProgramme(
  db: Db,
  slug: string,
  lang: Lang,
): Promise<PublicProgramme | null> {
  const [programme] = await db
    .select()
    .from(programmes)
    .where(and(eq(programmes.slug, slug), isNotNull(programmes.publishedAt)));
  if (!programme) return null;
  const text = (await textsFor(db, [programme.id], lang)).get(programme.id);
  if (!text) return null;
  return { programme, text, textLang: text.lang as Lang };
}

export async function programmeOptions(db: Db, lang: Lang) {
  return (await listPublishedProgrammes(db, lang)).map((p) => ({
    id: p.id,
    slug: p.slug,
    title: p.title,
  }));
}

export async function programmeContact(db: Db, id: number) {
  const [row] = await db
    .select({ email: programmes.contactEmail, phone: programmes.contactPhone })
    .from(programmes)
    .where(eq(programmes.id, id));
  return row ?? null;
}

// Commands used by the seed and, later, by the programme admin.

export type NewProgramme = Omit<typeof programmes.$inferInsert, "id">;
export type ProgrammeText = Omit<typeof programmeTexts.$inferInsert, "programmeId" | "versionId">;

export async function createProgramme(db: Db, input: NewProgramme, texts: ProgrammeText[]) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(programmes).values(input).returning({ id: programmes.id });
    if (!row) throw new Error("programme not created");
    // Each text is the first version of its language, and the published one.
    for (const text of texts) {
      const [version] = await tx
        .insert(programmeTextVersions)
        .values({ ...text, programmeId: row.id, createdAt: new Date() })
        .returning({ id: programmeTextVersions.id });
      await tx
        .insert(programmeTexts)
        .values({ ...text, programmeId: row.id, versionId: version!.id });
    }
    return row.id;
  });
}

/** Phone numbers of the owners of published programmes, for the contact page. */
export async function ownerPhones(db: Db, lang: Lang) {
  const list = await listPublishedProgrammes(db, lang);
  const rows = await db
    .select({ id: programmes.id, phone: programmes.contactPhone })
    .from(programmes)
    .where(isNotNull(programmes.contactPhone));
  const phones = new Map<string, { owner: string; phone: string }>();
  for (const p of list) {
    const phone = rows.find((r) => r.id === p.id)?.phone;
    if (phone && !phones.has(p.ownerName)) phones.set(p.ownerName, { owner: p.ownerName, phone });
  }
  return [...phones.values()];
}
