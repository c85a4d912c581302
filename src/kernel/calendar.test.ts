import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { calendarFile, calendarHeaders } from "./calendar";

const event = {
  uid: "gathering-7@samspill.example",
  start: new Date("2027-03-10T08:00:00Z"),
  end: new Date("2027-03-11T14:30:00Z"),
  title: "Nasjonal samling, pulje 1",
  description: "Program og påmelding i Samspill.",
  location: "Oslo kongressenter, Youngs gate 21, Oslo",
  url: "https://samspill.example/nb/samlinger/7",
  stamp: new Date("2027-01-05T12:00:00Z"),
};

/** The unfolded content lines of a calendar (RFC 5545 folds lines at 75 octets). */
const lines = (ics: string) => ics.replace(/\r\n[ \t]/g, "").split("\r\n");

describe("calendar files", () => {
  it("hold one event with UTC times, the link back and a stable UID", () => {
    const ics = calendarFile({ name: "Samspill", events: [event], method: "publish" });
    const l = lines(ics);
    expect(l[0]).toBe("BEGIN:VCALENDAR");
    expect(l).toContain("VERSION:2.0");
    expect(l).toContain("METHOD:PUBLISH");
    expect(l).toContain("UID:gathering-7@samspill.example");
    expect(l).toContain("DTSTART:20270310T080000Z");
    expect(l).toContain("DTEND:20270311T143000Z");
    expect(l).toContain("DTSTAMP:20270105T120000Z");
    expect(l).toContain("SUMMARY:Nasjonal samling\\, pulje 1");
    expect(l).toContain("URL;VALUE=URI:https://samspill.example/nb/samlinger/7");
    expect(l).toContain("STATUS:CONFIRMED");
    expect(l.filter(Boolean).at(-1)).toBe("END:VCALENDAR");
  });

  it("are read by Thunderbird's parser (ical.js) as the event they describe", () => {
    const parsed = new ICAL.Component(
      ICAL.parse(calendarFile({ name: "Samspill", events: [event] })),
    );
    const vevent = new ICAL.Event(parsed.getFirstSubcomponent("vevent")!);
    expect(vevent.uid).toBe(event.uid);
    expect(vevent.summary).toBe(event.title);
    expect(vevent.location).toBe(event.location);
    expect(vevent.startDate.toJSDate().toISOString()).toBe(event.start.toISOString());
    expect(vevent.endDate.toJSDate().toISOString()).toBe(event.end.toISOString());
    expect(vevent.description).toContain(event.url);
  });

  it("are the same for the same data, and mark a cancelled event", () => {
    const a = calendarFile({ name: "Samspill", events: [event] });
    expect(calendarFile({ name: "Samspill", events: [event] })).toBe(a);
    expect(a).not.toContain("METHOD:");
    const cancelled = calendarFile({
      name: "Samspill",
      events: [{ ...event, cancelled: true, sequence: 2 }],
    });
    expect(lines(cancelled)).toContain("STATUS:CANCELLED");
    expect(lines(cancelled)).toContain("SEQUENCE:2");
  });

  it("are served as a download with a safe file name", () => {
    expect(calendarHeaders("samling 7/../x.ics", "attachment")).toMatchObject({
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'attachment; filename="samling_7_.._x.ics"',
    });
  });
});
