import { en } from "./en";
import { type Messages, nb } from "./nb";
import { nn } from "./nn";

export const LANGS = ["nb", "nn", "en"] as const;
export type Lang = (typeof LANGS)[number];
export type { Messages };

const catalogues: Record<Lang, Messages> = { nb, nn, en };

export function isLang(value: string | undefined): value is Lang {
  return value === "nb" || value === "nn" || value === "en";
}

export function messages(lang: Lang): Messages {
  return catalogues[lang];
}

/** The `lang` attribute value: bokmål and nynorsk as BCP 47 tags screen readers know. */
export const htmlLang: Record<Lang, string> = { nb: "nb", nn: "nn", en: "en" };

export function formatMonthYear(lang: Lang, isoDate: string): string {
  return new Intl.DateTimeFormat(catalogues[lang].locale, {
    month: "long",
    year: "numeric",
    timeZone: "Europe/Oslo",
  }).format(new Date(`${isoDate}T12:00:00Z`));
}

export function formatDate(lang: Lang, isoDate: string): string {
  return new Intl.DateTimeFormat(catalogues[lang].locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Oslo",
  }).format(new Date(`${isoDate}T12:00:00Z`));
}

export function formatDateTime(lang: Lang, at: Date): string {
  return new Intl.DateTimeFormat(catalogues[lang].locale, {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Oslo",
  }).format(at);
}
