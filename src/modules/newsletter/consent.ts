import type { Lang } from "../../web/i18n";

/**
 * Consent texts are append-only: a changed text gets a new version, and every subscription
 * stores the version the person agreed to, so the exact words can always be shown again.
 */
export const CONSENT_TEXTS: Record<string, Record<Lang, string>> = {
  "newsletter-2026-11": {
    nb: "Jeg samtykker til at Samspill lagrer e-postadressen min for å sende meg nyhetsbrevet. Jeg kan melde meg av når som helst.",
    nn: "Eg samtykkjer til at Samspill lagrar e-postadressa mi for å sende meg nyheitsbrevet. Eg kan melde meg av når som helst.",
    en: "I consent to Samspill storing my e-mail address to send me the newsletter. I can unsubscribe at any time.",
  },
};

export const CURRENT_CONSENT = "newsletter-2026-11";

export function consentText(lang: Lang, version = CURRENT_CONSENT): string {
  const texts = CONSENT_TEXTS[version];
  if (!texts) throw new Error(`unknown consent version ${version}`);
  return texts[lang];
}
