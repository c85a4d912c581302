import { Hono } from "hono";
import { calendarHeaders } from "../../kernel/calendar";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { readForm } from "../../kernel/forms";
import { errorPage } from "../../web/error-pages";
import { render } from "../../web/render";
import { gatheringCalendarFile } from "./calendar-events";
import {
  confirmedOf,
  feedCalendar,
  feedUrl,
  liveFeed,
  renewFeed,
  revokeFeed,
} from "./calendar-feed";
import { FEED_PAGE, FeedPage } from "./calendar-views";

const LANG = "/:lang{nb|nn|en}";
/** Everyone who may take part holds it (identity/roles.ts). */
const PERMISSION = "register:gathering:own";

const mayTakePart = (c: AppContext) => c.get("user")?.permissions.includes(PERMISSION) ?? false;

/**
 * The participant's calendar, signed in: the feed's page (make, renew, turn off) and one
 * gathering as an .ics for a person with a seat at it.
 */
export function calendarRoutes() {
  const app = new Hono<AppEnv>();

  async function showFeed(c: AppContext, opts: { fresh?: string; revoked?: boolean } = {}) {
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <FeedPage
        lang={langOf(c)}
        live={await liveFeed(deps(c).db, c.get("user")!.personId)}
        fresh={opts.fresh}
        revoked={opts.revoked ?? false}
      />,
    );
  }

  app.get(`${LANG}${FEED_PAGE}`, async (c) => {
    if (!mayTakePart(c)) return errorPage(c, "notAllowed");
    return showFeed(c, { revoked: c.req.query("melding") === "av" });
  });

  // A new address (the old one stops). Shown in the answer to this post, not after a redirect:
  // the address is kept only as its hash, and a token in a redirect's URL would sit in the
  // browser's history. Reloading asks before posting again.
  app.post(`${LANG}${FEED_PAGE}`, async (c) => {
    if (!mayTakePart(c)) return errorPage(c, "notAllowed");
    await readForm(c);
    const { db, clock, linkBase } = deps(c);
    const token = await renewFeed(
      db,
      { personId: c.get("user")!.personId, lang: langOf(c) },
      clock.now(),
    );
    return showFeed(c, { fresh: feedUrl(linkBase, token) });
  });

  app.post(`${LANG}${FEED_PAGE}/av`, async (c) => {
    if (!mayTakePart(c)) return errorPage(c, "notAllowed");
    await readForm(c);
    await revokeFeed(deps(c).db, c.get("user")!.personId, deps(c).clock.now());
    return c.redirect(`/${langOf(c)}${FEED_PAGE}?melding=av`, 303);
  });

  // One gathering as a calendar file, for the person with a seat at it (no one else: it holds
  // the digital link).
  app.get(`${LANG}/samlinger/:id{[0-9]{1,9}}/kalender.ics`, async (c) => {
    if (!mayTakePart(c)) return errorPage(c, "notAllowed");
    const { db, linkBase } = deps(c);
    const found = await confirmedOf(db, Number(c.req.param("id")), c.get("user")!.personId);
    if (!found) return errorPage(c, "notFound");
    const ics = gatheringCalendarFile(found.gathering, { lang: langOf(c), baseUrl: linkBase });
    return c.body(ics, 200, calendarHeaders(`samling-${found.gathering.id}.ics`, "attachment"));
  });

  return app;
}

/**
 * The feed itself, for calendar apps: no session (they have none), so the token in the address
 * is the only key. An unknown or revoked token is not found, like any other address.
 */
export function publicCalendarRoutes() {
  const app = new Hono<AppEnv>();
  // The token's length is checked by feedCalendar (FEED_TOKEN).
  app.get("/kalender/:token{[A-Za-z0-9_-]+\\.ics}", async (c) => {
    const { db, clock, linkBase } = deps(c);
    const token = c.req.param("token").slice(0, -".ics".length);
    const ics = await feedCalendar(db, token, { baseUrl: linkBase, now: clock.now() });
    if (ics === null) return errorPage(c, "notFound");
    return c.body(ics, 200, {
      ...calendarHeaders("samspill.ics", "inline"),
      // The address is the key: never sent on as a referrer, never indexed.
      "referrer-policy": "no-referrer",
      "x-robots-tag": "noindex",
    });
  });
  return app;
}
