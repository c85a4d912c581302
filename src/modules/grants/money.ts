/**
 * Money in øre, as integers on the whole path (decision 0032): parsed from what a person types,
 * summed as integers, formatted only at the edge. A JavaScript number holds every integer below
 * 2^53 exactly; the largest amount admitted keeps every sum far below that.
 */

/** The most a single amount may be: 100 million kroner. */
export const MAX_ORE = 100_000_000_00;

export type AmountError = "amount" | "decimals" | "positive" | "tooLarge";

/**
 * Kroner as typed ("12 500", "12500,50", "1 234.5") to øre, or the reason it is refused: not a
 * number, three decimals or more, zero or negative, too large. Spaces group thousands.
 */
export function parseKroner(
  text: string,
  opts: { allowZero?: boolean } = {},
): { ok: true; ore: number } | { ok: false; code: AmountError } {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "");
  if (/^-/.test(compact)) return { ok: false, code: "positive" };
  const match = /^([0-9]{1,12})(?:[.,]([0-9]+))?$/.exec(compact);
  if (!match) return { ok: false, code: "amount" };
  const fraction = match[2] ?? "";
  if (fraction.length > 2) return { ok: false, code: "decimals" };
  const ore = Number(match[1]) * 100 + Number(fraction.padEnd(2, "0"));
  if (ore > MAX_ORE) return { ok: false, code: "tooLarge" };
  if (ore === 0 && !opts.allowZero) return { ok: false, code: "positive" };
  return { ok: true, ore };
}

/** Øre as kroner with two decimals and a point, no grouping: "12500.50" (the payment file). */
export function kronerWithTwoDecimals(ore: number): string {
  if (!Number.isSafeInteger(ore)) throw new Error("øre must be a safe integer");
  const sign = ore < 0 ? "-" : "";
  const abs = Math.abs(ore);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** Øre as a form shows it back: "12500" or "12500,50". */
export function kronerInput(ore: number | null | undefined): string {
  if (ore === null || ore === undefined) return "";
  return ore % 100 === 0 ? String(ore / 100) : kronerWithTwoDecimals(ore).replace(".", ",");
}

/** Whole kroner with groups of three: "12 500" with a no-break space, or "12,500" in English. */
function grouped(whole: number, separator: string): string {
  const digits = String(whole);
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += separator;
    out += digits[i];
  }
  return out;
}

/** Øre for a reader, in the language's way: "12 500,50 kr" (only in views and letters). */
export function formatKroner(lang: "nb" | "nn" | "en", ore: number): string {
  const whole = Math.trunc(Math.abs(ore) / 100);
  const cents = Math.abs(ore) % 100;
  const sign = ore < 0 ? "−" : "";
  const decimal = lang === "en" ? "." : ",";
  const kroner = grouped(whole, lang === "en" ? "," : "\u00a0");
  return lang === "en"
    ? `NOK ${sign}${kroner}${decimal}${String(cents).padStart(2, "0")}`
    : `${sign}${kroner}${decimal}${String(cents).padStart(2, "0")} kr`;
}

const ACCOUNT_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

/**
 * A Norwegian bank account number: eleven digits (spaces and points allowed between groups),
 * the last a MOD11 check digit over the first ten. Returns the eleven digits, or null.
 */
export function normaliseAccountNumber(text: string): string | null {
  const digits = text.replace(/[\s.]/g, "");
  if (!/^[0-9]{11}$/.test(digits)) return null;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(digits[i]) * ACCOUNT_WEIGHTS[i]!;
  const r = sum % 11;
  const check = r === 0 ? 0 : 11 - r;
  if (check === 10 || check !== Number(digits[10])) return null;
  return digits;
}

/** An account number as people write it: "1234.56.78903". */
export function formatAccountNumber(digits: string): string {
  return `${digits.slice(0, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}`;
}
