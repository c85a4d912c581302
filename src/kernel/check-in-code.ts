// Check-in codes: what a participant's QR code holds and what the organiser types when the
// camera cannot read it. Random (not derived from ids), eight characters of Crockford's base32
// (no I, L, O, U: nothing to confuse when read aloud or typed), shown as "ABCD-EFGH".
import { randomInt } from "node:crypto";
import QRCode from "qrcode";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A new code, as stored: eight characters without the dash. */
export function newCheckInCode(): string {
  let code = "";
  for (let i = 0; i < 8; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** The code as shown: "ABCD-EFGH". */
export function showCheckInCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * What the organiser typed or the camera read, as stored, or null when it cannot be a code.
 * Forgiving as Crockford's base32 is: case, spaces and dashes ignored, O read as 0, I and L as 1.
 */
export function readCheckInCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (code.length !== 8) return null;
  for (const ch of code) if (!ALPHABET.includes(ch)) return null;
  return code;
}

/** The QR code of a check-in code as an SVG document, for the confirmation page. */
export function checkInQrSvg(code: string): Promise<string> {
  return QRCode.toString(code, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

/** The QR code as a PNG, for the confirmation e-mail (an attachment shown inline). */
export function checkInQrPng(code: string): Promise<Buffer> {
  return QRCode.toBuffer(code, { type: "png", errorCorrectionLevel: "M", margin: 2, scale: 8 });
}
