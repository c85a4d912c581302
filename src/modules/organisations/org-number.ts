/**
 * Norwegian organisation numbers (Enhetsregisteret): nine digits, the last a mod-11 check digit
 * over the first eight with weights 3, 2, 7, 6, 5, 4, 3, 2. A remainder of 0 gives 0; otherwise
 * the check digit is 11 − remainder, and 10 means no valid number has those eight digits.
 */
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/** The check digit for eight leading digits, or null when no valid number starts with them. */
export function orgNumberCheckDigit(first8: string): number | null {
  if (!/^\d{8}$/.test(first8)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(first8[i]) * WEIGHTS[i]!;
  const r = sum % 11;
  const digit = r === 0 ? 0 : 11 - r;
  return digit === 10 ? null : digit;
}

export function isValidOrgNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  return orgNumberCheckDigit(value.slice(0, 8)) === Number(value[8]);
}

/** Eight leading digits completed with their check digit, or null (remainder 1 has none). */
export function completeOrgNumber(first8: string): string | null {
  const digit = orgNumberCheckDigit(first8);
  return digit === null ? null : `${first8}${digit}`;
}
