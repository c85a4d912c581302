import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../db/client";
import { checkFreeText } from "./child-guard";
import { osloToday } from "./clock";
import { confirmationField, type FieldErrors, type FieldWarnings } from "./forms";
import type { Refusal } from "./result";
import { childGuardConfirmations } from "./schema";

/**
 * The child guard in forms and commands (decision 0024). A command that stores free text calls
 * `guardFreeText` once, in the transaction that stores it; its view shows the warnings through
 * `formView` (web/form-errors.ts) with nothing more than `warnings={f.warnings}` on its summary.
 */

/** A place is quoted up to this many characters (the rest as "…"). */
const QUOTE_MAX = 60;

function quote(text: string, start: number, end: number): string {
  const place = text.slice(start, end).replace(/\s+/g, " ").trim();
  return place.length > QUOTE_MAX ? `${place.slice(0, QUOTE_MAX - 1)}…` : place;
}

/** The confirmation's value for these places: the same places, the same value. */
function confirmationFor(places: { reason: string; quote: string }[]): string {
  const hash = createHash("sha256");
  for (const p of places) hash.update(`${p.reason}\u0000${p.quote}\u0000`);
  return hash.digest("base64url").slice(0, 16);
}

/** The posted confirmations of a form (its `confirm-*` fields), for a command's input. */
export function confirmationsOf(values: Readonly<Record<string, string>>): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (key.startsWith(confirmationField(""))) picked[key] = value;
  }
  return picked;
}

export type Screening = {
  /** National identity numbers: refused, whatever is confirmed. */
  errors: FieldErrors;
  /** Places that look as if they identify a child, confirmed or not. */
  warnings: FieldWarnings;
  /** The fields whose warnings the writer confirmed. */
  confirmed: string[];
};

/**
 * Check the free-text fields of a form: a national identity number is an error
 * (`nationalId`, with the first six digits to find it by); a text that looks as if it
 * identifies a child is a warning, confirmed when the form carries the warning's value in
 * `confirm-<field>`. Pure: a route may call it to show the warnings beside other errors.
 */
export function screenFields(
  fields: Readonly<Record<string, string>>,
  confirmations: Readonly<Record<string, string | undefined>> = {},
): Screening {
  const screening: Screening = { errors: {}, warnings: {}, confirmed: [] };
  for (const [field, text] of Object.entries(fields)) {
    const found = checkFreeText(text);
    const id = found.refuse[0];
    if (id) {
      const digits = text.slice(id.start, id.end).replace(/\D/g, "");
      screening.errors[field] = { code: "nationalId", params: { start: digits.slice(0, 6) } };
      continue;
    }
    if (found.warn.length === 0) continue;
    const places = found.warn.map((f) => ({
      reason: f.reason,
      quote: quote(text, f.start, f.end),
    }));
    const confirm = confirmationFor(places);
    const confirmed = confirmations[confirmationField(field)] === confirm;
    screening.warnings[field] = { code: "child", places, confirm, confirmed };
    if (confirmed) screening.confirmed.push(field);
  }
  return screening;
}

/**
 * The one call a command makes before it stores free text, inside the transaction that stores
 * it: a refusal (an identity number, or a warning not yet confirmed) to answer with, or null
 * when the text may be stored. A confirmed warning is counted (form, field, month), never the
 * text; if the transaction rolls back, so does the count.
 */
export async function guardFreeText(
  db: Executor,
  input: {
    /** The form's name in the count: "contact", "feedback". */
    form: string;
    fields: Readonly<Record<string, string>>;
    confirmations?: Readonly<Record<string, string | undefined>> | undefined;
    now: Date;
  },
): Promise<Refusal | null> {
  const screening = screenFields(input.fields, input.confirmations);
  const unconfirmed = Object.values(screening.warnings).some((w) => !w.confirmed);
  if (Object.keys(screening.errors).length > 0 || unconfirmed) {
    return { ok: false, errors: screening.errors, warnings: screening.warnings };
  }
  const month = osloToday(input.now).slice(0, 7);
  for (const field of screening.confirmed) {
    await db
      .insert(childGuardConfirmations)
      .values({ form: input.form, field, month, confirmations: 1 })
      .onConflictDoUpdate({
        target: [
          childGuardConfirmations.form,
          childGuardConfirmations.field,
          childGuardConfirmations.month,
        ],
        set: { confirmations: sql`${childGuardConfirmations.confirmations} + 1` },
      });
  }
  return null;
}

/** How many confirmations a form's field has had, in all months. */
export async function confirmationCount(
  db: Executor,
  form: string,
  field: string,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${childGuardConfirmations.confirmations}), 0)::int` })
    .from(childGuardConfirmations)
    .where(and(eq(childGuardConfirmations.form, form), eq(childGuardConfirmations.field, field)));
  return Number(row?.n ?? 0);
}
