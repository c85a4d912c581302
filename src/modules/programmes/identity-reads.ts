import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Lang } from "../../web/i18n";
import type { IdentityReads } from "../identity";
import { programmes, programmeTexts } from "./schema";

/** What identity reads of the programmes (`IdentityReads.programmeTitles`): lent through the manifest. */
export async function programmeTitles(
  db: Db,
  lang: Lang,
): ReturnType<IdentityReads["programmeTitles"]> {
  const titles = new Map<string, string>();
  for (const row of await db
    .select({ slug: programmes.slug, lang: programmeTexts.lang, title: programmeTexts.title })
    .from(programmeTexts)
    .innerJoin(programmes, eq(programmes.id, programmeTexts.programmeId))) {
    if (row.lang === lang || !titles.has(row.slug)) titles.set(row.slug, row.title);
  }
  return titles;
}
