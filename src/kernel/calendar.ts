// Calendar files (.ics, RFC 5545) for gatherings: one event as a mail attachment, or a person's
// whole feed that a calendar app subscribes to. Written by ical-generator; times in UTC, which
// every common calendar app shows in the reader's own zone (Europe/Oslo for our users), so no
// VTIMEZONE block is needed.
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";

export type CalendarEvent = {
  /** Stable across updates of the same event, unique across the whole site. */
  uid: string;
  start: Date;
  end: Date;
  title: string;
  description?: string;
  location?: string;
  /** The link back to the gathering in Samspill (from configuration, never a request header). */
  url: string;
  /** Bumped on each change the calendar app should take over (0 first). */
  sequence?: number;
  cancelled?: boolean;
  /** When the event was last written: makes the file the same for the same data. */
  stamp: Date;
};

/**
 * A calendar with the events. `method: "publish"` for a one-off attachment the reader adds to
 * their calendar (an update is the same event with a higher `sequence`); `"cancel"` for the
 * attachment that takes a cancelled event out of it (RFC 5546: METHOD:CANCEL, STATUS:CANCELLED,
 * the sequence bumped); a subscribed feed has no method.
 */
export function calendarFile(input: {
  name: string;
  events: CalendarEvent[];
  method?: "publish" | "cancel";
}): string {
  const calendar = ical({ name: input.name, prodId: { company: "Samspill", product: "samspill" } });
  if (input.method === "publish") calendar.method(ICalCalendarMethod.PUBLISH);
  if (input.method === "cancel") calendar.method(ICalCalendarMethod.CANCEL);
  for (const e of input.events) {
    calendar.createEvent({
      id: e.uid,
      start: e.start,
      end: e.end,
      stamp: e.stamp,
      summary: e.title,
      description: e.description ? `${e.description}\n\n${e.url}` : e.url,
      location: e.location ?? null,
      url: e.url,
      sequence: e.sequence ?? 0,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

/** Headers for a calendar file download (`inline` for a subscribed feed). */
export function calendarHeaders(fileName: string, disposition: "attachment" | "inline") {
  return {
    "content-type": "text/calendar; charset=utf-8",
    "content-disposition": `${disposition}; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
    "cache-control": "private, no-store",
  };
}
