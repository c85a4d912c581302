/**
 * Screening of free text for personal data (e-mail addresses, Norwegian phone numbers,
 * national identity numbers) before it is stored. What is found is replaced by a marker.
 */

export const MASK = "[***]";

const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: number[], weights: number[]): number {
  const sum = weights.reduce((acc, w, i) => acc + w * (digits[i] ?? 0), 0);
  const r = 11 - (sum % 11);
  return r === 11 ? 0 : r;
}

/** Fødselsnummer or D-nummer: 11 digits whose two mod-11 control digits hold. */
export function isNationalId(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  const d = [...value].map(Number);
  const c1 = checkDigit(d, K1);
  if (c1 === 10 || c1 !== d[9]) return false;
  const c2 = checkDigit(d, K2);
  return c2 !== 10 && c2 === d[10];
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Runs of digits with optional separators and an optional +47/0047 prefix.
const NUMBER_RUN = /(?<![\p{N}+])(?:(?:\+|00)\s?47[\s.-]*)?\d(?:[\s.-]?\d){7,12}(?!\p{N})/gu;

export type Screened = { text: string; found: ("email" | "phone" | "nationalId")[] };

export function maskPersonalData(
  input: string,
  kinds: { email?: boolean; phone?: boolean; nationalId?: boolean } = {
    email: true,
    phone: true,
    nationalId: true,
  },
): Screened {
  const found = new Set<Screened["found"][number]>();
  let text = input.replace(NUMBER_RUN, (run) => {
    const hasPrefix = /^(?:\+|00)\s?47/.test(run);
    const digits = run.replace(/^(?:\+|00)\s?47/, "").replace(/\D/g, "");
    if (kinds.nationalId && digits.length === 11 && isNationalId(digits)) {
      found.add("nationalId");
      return MASK;
    }
    if (kinds.phone && digits.length === 8 && (hasPrefix || /^[2-9]/.test(digits))) {
      found.add("phone");
      return MASK;
    }
    return run;
  });
  if (kinds.email) {
    text = text.replace(EMAIL, () => {
      found.add("email");
      return MASK;
    });
  }
  return { text, found: [...found] };
}
