import { and, asc, count, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Lang } from "../../web/i18n";
import { whenText } from "./participant-views";
import { publicGatheringTexts } from "./public-texts";
import { gatherings } from "./schema";
import { gatheringTexts } from "./texts";

/** The most gatherings the public page lists; it says how many more there are. */
export const PUBLIC_GATHERINGS = 12;

/**
 * A programme's gatherings that have not ended (nor been closed), soonest first, with only
 * what the public may see: the digital link is never read here, so it cannot reach the page.
 * A gathering is announced when it is created (gatherings have no draft).
 */
export async function upcomingGatherings(db: Db, programmeId: number, now: Date) {
  const where = and(
    eq(gatherings.programmeId, programmeId),
    gt(gatherings.endsAt, now),
    isNull(gatherings.closedAt),
  );
  const rows = await db
    .select({
      id: gatherings.id,
      level: gatherings.level,
      titleNb: gatherings.titleNb,
      titleNn: gatherings.titleNn,
      startsAt: gatherings.startsAt,
      endsAt: gatherings.endsAt,
      mode: gatherings.mode,
      venue: gatherings.venue,
      address: gatherings.address,
    })
    .from(gatherings)
    .where(where)
    .orderBy(asc(gatherings.startsAt), asc(gatherings.id))
    .limit(PUBLIC_GATHERINGS);
  const [total] = await db.select({ n: count() }).from(gatherings).where(where);
  return { rows, total: Number(total?.n ?? rows.length) };
}

/**
 * The upcoming gatherings on a programme's public page (the programmes module places this
 * section; `programmeSections` in the manifest). The page is cached and shared by everyone:
 * nothing here depends on who reads it.
 */
export async function gatheringsSection(
  db: Db,
  programme: { id: number; slug: string },
  lang: Lang,
  now: Date,
) {
  const { rows, total } = await upcomingGatherings(db, programme.id, now);
  if (rows.length === 0) return null;
  const pt = publicGatheringTexts[lang];
  const t = gatheringTexts[lang];
  return (
    <section aria-labelledby="gatherings-heading" class="gatherings">
      <h2 class="ds-heading" data-size="md" id="gatherings-heading">
        {pt.heading}
      </h2>
      <p class="ds-paragraph">{pt.lead}</p>
      <ul class="ds-list" data-testid="public-gatherings">
        {rows.map((g) => {
          const place = [g.venue, g.address].filter((s) => s !== "").join(", ");
          return (
            <li>
              <strong>{lang === "nn" ? g.titleNn : g.titleNb}</strong>
              <br />
              {pt.level}: {t.levels[g.level]}
              <br />
              {pt.when}: {whenText(lang, g)}
              <br />
              {pt.where}:{" "}
              {g.mode === "digital"
                ? pt.digital
                : g.mode === "hybrid"
                  ? `${place} (${t.modes.hybrid.toLowerCase()})`
                  : place}
            </li>
          );
        })}
      </ul>
      {total > rows.length ? <p class="ds-paragraph">{pt.more(total - rows.length)}</p> : null}
    </section>
  );
}
