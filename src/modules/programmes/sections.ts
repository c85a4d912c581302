import type { Child } from "hono/jsx";
import type { Db } from "../../db/client";
import type { ProgrammeSection } from "../../kernel/manifest";
import type { Lang } from "../../web/i18n";
import { appModules } from "../index";

let sections: ProgrammeSection[] | undefined;

/**
 * The other modules' sections of a programme's page (their manifests' `programmeSections`), in
 * their order, those with nothing to show left out. The list is read at first use, once every
 * module has loaded (the modules import the layout, which reads the module list).
 */
export async function programmeSections(
  db: Db,
  programme: { id: number; slug: string },
  lang: Lang,
  now: Date,
): Promise<Child[]> {
  sections ??= appModules()
    .flatMap((m) => m.programmeSections ?? [])
    .sort((a, b) => a.position - b.position);
  const rendered = await Promise.all(sections.map((s) => s.render(db, programme, lang, now)));
  return rendered.filter((s) => s !== null);
}
