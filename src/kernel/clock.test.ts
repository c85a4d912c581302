import { describe, expect, it } from "vitest";
import { addDays, isCalendarDate, osloToday } from "./clock";

describe("calendar dates", () => {
  it("move by whole days across months, years and the summer-time change", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
    expect(addDays("2027-03-28", 1)).toBe("2027-03-29"); // clocks go forward that night
    expect(addDays("2027-01-15", 0)).toBe("2027-01-15");
  });

  it("accept only real dates written YYYY-MM-DD", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2027-02-29")).toBe(false);
    expect(isCalendarDate("2027-13-01")).toBe(false);
    expect(isCalendarDate("1.3.2027")).toBe(false);
    expect(isCalendarDate("2027-3-1")).toBe(false);
  });

  it("take today's date in Norway, not in UTC", () => {
    expect(osloToday(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(osloToday(new Date("2027-06-30T21:59:00Z"))).toBe("2027-06-30");
    expect(osloToday(new Date("2027-06-30T22:01:00Z"))).toBe("2027-07-01");
  });
});
