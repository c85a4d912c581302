import { type CalendarEvent, calendarFile } from "../../kernel/calendar";
import type { Lang } from "../../web/i18n";
import type { Gathering } from "./gatherings";

type EventGathering = Pick<
  Gathering,
  | "id"
  | "titleNb"
  | "titleNn"
  | "descriptionNb"
  | "descriptionNn"
  | "startsAt"
  | "endsAt"
  | "mode"
  | "venue"
  | "address"
  | "digitalLink"
  | "version"
  | "createdAt"
  | "updatedAt"
>;

const onlineWords: Record<Lang, string> = {
  nb: "Digitalt møte",
  nn: "Digitalt møte",
  en: "Online meeting",
};

/** The gathering's page in Samspill, from configuration (never a request header). */
export const gatheringLink = (baseUrl: string, lang: Lang, id: number) =>
  `${baseUrl}/${lang}/samlinger/${id}`;

/**
 * A gathering as a calendar event for a person who holds a seat: with the place, and the
 * digital link (which only registered participants see). The UID names the gathering on this
 * site, so the mail's attachment and the feed are the same event to a calendar app, and an
 * edit of the gathering (its version) reaches the calendar as a newer SEQUENCE.
 */
export function gatheringEvent(
  g: EventGathering,
  opts: { lang: Lang; baseUrl: string; cancelled?: { at: Date } },
): CalendarEvent {
  const nn = opts.lang === "nn";
  const place = [g.venue, g.address].filter((s) => s !== "").join(", ");
  const online = g.mode !== "physical" && g.digitalLink !== "";
  const description = [
    nn ? g.descriptionNn : g.descriptionNb,
    online ? `${onlineWords[opts.lang]}: ${g.digitalLink}` : "",
  ]
    .filter((s) => s !== "")
    .join("\n\n");
  const stamp = g.updatedAt ?? g.createdAt;
  return {
    uid: `gathering-${g.id}@${new URL(opts.baseUrl).host}`,
    start: g.startsAt,
    end: g.endsAt,
    title: nn ? g.titleNn : g.titleNb,
    ...(description ? { description } : {}),
    ...(g.mode === "digital" ? (online ? { location: g.digitalLink } : {}) : { location: place }),
    url: gatheringLink(opts.baseUrl, opts.lang, g.id),
    // A cancellation is a change the calendar must take over: one past the gathering's version.
    sequence: opts.cancelled ? g.version : g.version - 1,
    ...(opts.cancelled ? { cancelled: true } : {}),
    stamp: opts.cancelled && opts.cancelled.at > stamp ? opts.cancelled.at : stamp,
  };
}

/** The .ics attached to a confirmation, or downloaded from the gathering's page. */
export function gatheringCalendarFile(g: EventGathering, opts: { lang: Lang; baseUrl: string }) {
  return calendarFile({
    name: opts.lang === "nn" ? g.titleNn : g.titleNb,
    events: [gatheringEvent(g, opts)],
    method: "publish",
  });
}
