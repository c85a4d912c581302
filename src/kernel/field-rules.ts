import { z } from "zod";
import { isCalendarDate } from "./clock";

/**
 * The rules for the kinds of field every form has, written once. Each rule's messages are
 * error codes ("required", "max", "email", "date", "choice"); a form's view turns them into
 * sentences with its module's error catalogue (web/form-errors.ts), so the same rule reads
 * "Fyll ut navn" on one form and "Skriv navnet på ressurspersonen" on another.
 */

/** Long enough for any address in use (RFC 5321's path limit less the brackets). */
export const emailMaxLength = 254;
/** A person's or an organisation's name as people write it. */
export const nameMaxLength = 120;

// Deliberately loose: one @, something on each side, a dot in the domain. The mail server is
// the real check; this one catches the slip of a finger.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** True when `value` looks like an e-mail address (the same test as the `email` rule). */
export function isEmailAddress(value: string): boolean {
  return value.length <= emailMaxLength && EMAIL.test(value);
}

/** Text that must be given: trimmed, at least one character, at most `max`. */
export function requiredText(max: number) {
  return z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .max(max, { error: "max" });
}

/** Text that may be left empty: trimmed, at most `max`; missing reads as "". */
export function optionalText(max: number) {
  return z.string().trim().max(max, { error: "max" }).default("");
}

/** A name: required text of at most `max` (default nameMaxLength). */
export function personName(max = nameMaxLength) {
  return requiredText(max);
}

/** An e-mail address that must be given; stored as typed, trimmed. */
export function emailAddress() {
  return requiredText(emailMaxLength).regex(EMAIL, { error: "email" });
}

/** An e-mail address that may be left empty (""), otherwise checked like `emailAddress`. */
export function optionalEmailAddress() {
  return z
    .string()
    .trim()
    .max(emailMaxLength, { error: "max" })
    .refine((v) => v === "" || EMAIL.test(v), { error: "email" })
    .default("");
}

/**
 * A calendar date as ISO `YYYY-MM-DD`, from a date field or typed as `D.M.YYYY` (where the
 * browser shows a plain text box); else null. Years outside 2000–2100 are slips of a finger.
 */
export function parseDate(text: string): string | null {
  const s = text.trim();
  const nor = /^([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})$/.exec(s);
  const iso = nor ? `${nor[3]}-${nor[2]!.padStart(2, "0")}-${nor[1]!.padStart(2, "0")}` : s;
  if (!isCalendarDate(iso)) return null;
  const year = Number(iso.slice(0, 4));
  return year < 2000 || year > 2100 ? null : iso;
}

/** A date that must be given, read by `parseDate`; the output is ISO. */
export function dateField() {
  return requiredText(20).transform((v, ctx) => {
    const iso = parseDate(v);
    if (iso === null) {
      ctx.addIssue({ code: "custom", message: "date" });
      return z.NEVER;
    }
    return iso;
  });
}

/** One of the given values (a radio group or a select). */
export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: "choice" });
}

/** A checkbox that must be ticked (its value is "yes"), with the form's own code. */
export function ticked(code: string) {
  return z.literal("yes", { error: code });
}
