import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, inArray, isNotNull, isNull, or } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { calendarFile } from "../../kernel/calendar";
import type { Lang } from "../../web/i18n";
import { getPerson } from "../identity";
import { gatheringEvent } from "./calendar-events";
import { calendarFeeds, gatheringRegistrations, gatherings } from "./schema";

/** 32 random bytes: 256 bits, 43 characters of base64url. */
const TOKEN_BYTES = 32;
export const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** Gatherings that ended longer ago than this are left out of the feed. */
const PAST_DAYS = 400;

const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

/** The feed's address, from configuration (never a request header). */
export const feedUrl = (baseUrl: string, token: string) => `${baseUrl}/kalender/${token}.ics`;

export type LiveFeed = { createdAt: Date };

/** The person's live feed, if there is one (its address cannot be shown again: only its hash is kept). */
export async function liveFeed(db: Executor, personId: number): Promise<LiveFeed | null> {
  const [row] = await db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.personId, personId), isNull(calendarFeeds.revokedAt)));
  return row ?? null;
}

/**
 * A new private address for the person's calendar feed; the old one, if any, stops working.
 * Returns the token, which is shown once and kept only as its hash. Two renewals at the same
 * moment (a double click) end with one live feed: the later one.
 */
export async function renewFeed(
  db: Db,
  input: { personId: number; lang: Lang },
  now: Date,
): Promise<string> {
  return db.transaction(async (tx) => {
    for (;;) {
      await tx
        .update(calendarFeeds)
        .set({ revokedAt: now })
        .where(and(eq(calendarFeeds.personId, input.personId), isNull(calendarFeeds.revokedAt)));
      const token = randomBytes(TOKEN_BYTES).toString("base64url");
      const [made] = await tx
        .insert(calendarFeeds)
        .values({
          personId: input.personId,
          tokenHash: hashToken(token),
          lang: input.lang,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: calendarFeeds.id });
      // Another renewal made its feed between our two statements: revoke that one too.
      if (made) return token;
    }
  });
}

/** Stop the person's feed: its address answers "not found" from now on. */
export async function revokeFeed(db: Db, personId: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(calendarFeeds)
    .set({ revokedAt: now })
    .where(and(eq(calendarFeeds.personId, personId), isNull(calendarFeeds.revokedAt)))
    .returning({ id: calendarFeeds.id });
  return rows.length > 0;
}

/**
 * The calendar behind a feed's token, or null for a token that is unknown, revoked, or whose
 * person is gone. All the person's gatherings with a confirmed seat, and those they cancelled
 * after holding a seat, marked CANCELLED so calendar apps take them out.
 */
export async function feedCalendar(
  db: Db,
  token: string,
  opts: { baseUrl: string; now: Date },
): Promise<string | null> {
  if (!FEED_TOKEN.test(token)) return null;
  const [feed] = await db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.tokenHash, hashToken(token)), isNull(calendarFeeds.revokedAt)));
  if (!feed) return null;
  const person = await getPerson(db, feed.personId);
  if (!person || person.deletedAt) return null;
  const lang: Lang = feed.lang === "nn" || feed.lang === "en" ? feed.lang : "nb";
  const since = new Date(opts.now.getTime() - PAST_DAYS * 86_400_000);
  const rows = await db
    .select({ registration: gatheringRegistrations, gathering: gatherings })
    .from(gatheringRegistrations)
    .innerJoin(gatherings, eq(gatherings.id, gatheringRegistrations.gatheringId))
    .where(
      and(
        eq(gatheringRegistrations.personId, feed.personId),
        gt(gatherings.endsAt, since),
        or(
          eq(gatheringRegistrations.status, "confirmed"),
          and(
            eq(gatheringRegistrations.status, "cancelled"),
            isNotNull(gatheringRegistrations.confirmedAt),
          ),
        ),
      ),
    );
  // One event per gathering: a seat held now wins over an earlier cancelled one.
  const byGathering = new Map<number, (typeof rows)[number]>();
  for (const row of rows) {
    const seen = byGathering.get(row.gathering.id);
    if (!seen || row.registration.status === "confirmed") byGathering.set(row.gathering.id, row);
  }
  const events = [...byGathering.values()]
    .sort((a, b) => a.gathering.startsAt.getTime() - b.gathering.startsAt.getTime())
    .map(({ registration: r, gathering: g }) =>
      gatheringEvent(g, {
        lang,
        baseUrl: opts.baseUrl,
        ...(r.status === "cancelled" ? { cancelled: { at: r.cancelledAt ?? opts.now } } : {}),
      }),
    );
  return calendarFile({ name: feedNames[lang], events });
}

/** The calendar's name in the person's calendar app. */
const feedNames: Record<Lang, string> = {
  nb: "Samspill: mine samlinger",
  nn: "Samspill: samlingane mine",
  en: "Samspill: my gatherings",
};

/** A person's confirmed registration for a gathering, for the one-event .ics download. */
export async function confirmedOf(db: Executor, gatheringId: number, personId: number) {
  const [row] = await db
    .select({ registration: gatheringRegistrations, gathering: gatherings })
    .from(gatheringRegistrations)
    .innerJoin(gatherings, eq(gatherings.id, gatheringRegistrations.gatheringId))
    .where(
      and(
        eq(gatheringRegistrations.gatheringId, gatheringId),
        eq(gatheringRegistrations.personId, personId),
        inArray(gatheringRegistrations.status, ["confirmed"]),
      ),
    );
  return row ?? null;
}
