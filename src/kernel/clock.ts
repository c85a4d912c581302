export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can move: `clock.advance(60_000)`. */
export function fixedClock(start: Date): Clock & { advance(ms: number): void; set(d: Date): void } {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance(ms) {
      t += ms;
    },
    set(d) {
      t = d.getTime();
    },
  };
}

const osloDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Oslo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in Norway (YYYY-MM-DD) at an instant: deadlines and validity use it. */
export function osloToday(at: Date): string {
  return osloDate.format(at);
}

const DAY_MS = 86_400_000;

/** A calendar date (YYYY-MM-DD) moved by whole days; noon UTC keeps it clear of any offset. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Is the text a real calendar date written YYYY-MM-DD (no 2027-02-30)? */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * The instant a day ends in Norway: midnight at the start of the next day, Europe/Oslo. A
 * deadline "15 March" holds while `now < endOfOsloDay("2027-03-15")`. Norway is UTC+1 or
 * UTC+2 (summer time), and midnight is never skipped by the change, so one of the two fits.
 */
export function endOfOsloDay(isoDate: string): Date {
  const next = addDays(isoDate, 1);
  const midnightUtc = Date.parse(`${next}T00:00:00Z`);
  for (const hours of [1, 2]) {
    const at = new Date(midnightUtc - hours * 3_600_000);
    if (osloToday(at) === next && osloToday(new Date(at.getTime() - 1)) === isoDate) return at;
  }
  throw new Error(`no Oslo midnight after ${isoDate}`);
}

const osloParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Oslo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** An instant as a person types it in Norway: "2027-02-10T09:00" (a datetime-local value). */
export function osloLocal(at: Date): string {
  const p = Object.fromEntries(osloParts.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** An instant as a form shows it in Norway: "10.2.2027 09:00". */
export function osloTyped(at: Date): string {
  const [date, time] = osloLocal(at).split("T");
  const [y, m, d] = date!.split("-");
  return `${Number(d)}.${Number(m)}.${y} ${time}`;
}

/**
 * A time in Norway as typed — "2027-02-10T09:00" from a datetime-local field, or
 * "10.2.2027 09:00" where the browser shows a text box — as an instant; null when it is not
 * one, or names a time the change to summer time skips.
 */
export function parseOsloDateTime(text: string): Date | null {
  const s = text.trim();
  const iso = /^([0-9]{4})-([0-9]{2})-([0-9]{2})[T ]([0-9]{1,2})[:.]([0-9]{2})$/.exec(s);
  const nor =
    /^([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4}),? (?:kl\.? )?([0-9]{1,2})[:.]([0-9]{2})$/.exec(s);
  const [y, mo, d, h, mi] = iso
    ? [iso[1], iso[2], iso[3], iso[4], iso[5]]
    : nor
      ? [nor[3], nor[2], nor[1], nor[4], nor[5]]
      : [];
  if (!y) return null;
  const wall = `${y}-${mo!.padStart(2, "0")}-${d!.padStart(2, "0")}T${h!.padStart(2, "0")}:${mi}`;
  const year = Number(y);
  if (year < 2000 || year > 2100) return null;
  const asUtc = Date.parse(`${wall}:00Z`);
  if (Number.isNaN(asUtc)) return null;
  for (const hours of [1, 2]) {
    const at = new Date(asUtc - hours * 3_600_000);
    if (osloLocal(at) === wall) return at;
  }
  return null;
}
