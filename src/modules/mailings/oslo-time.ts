// The same reading of a time in Norway as gatherings' organiser form (a copy: the kernel has no
// date-and-time rule yet; moving both to kernel/clock.ts is the next step).
const osloParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Oslo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** An instant as a datetime-local value in Norway: "2027-02-10T09:00". */
export function osloLocal(at: Date): string {
  const p = Object.fromEntries(osloParts.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** An instant as people read it in Norway: "10.2.2027 09:00". */
export function osloTyped(at: Date): string {
  const [date, time] = osloLocal(at).split("T");
  const [y, m, d] = date!.split("-");
  return `${Number(d)}.${Number(m)}.${y} ${time}`;
}

/** "2027-02-10T09:00" or "10.2.2027 09:00" in Norway as an instant; null when it is not one. */
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
