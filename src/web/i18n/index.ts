import { en } from "./en";
import { type Messages, nb } from "./nb";
import { nn } from "./nn";

export const LANGS = ["nb", "nn", "en"] as const;
export type Lang = (typeof LANGS)[number];
export { type PluralForms, pluralText } from "./plural";
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

type FormatKind = "monthYear" | "date" | "dateTime";
const formatOptions: Record<FormatKind, Intl.DateTimeFormatOptions> = {
  monthYear: { month: "long", year: "numeric", timeZone: "Europe/Oslo" },
  date: { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Oslo" },
  dateTime: { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Oslo" },
};
// Building an Intl.DateTimeFormat costs far more than using one: one per language and kind.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: Lang, kind: FormatKind): Intl.DateTimeFormat {
  const key = `${lang}:${kind}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(catalogues[lang].locale, formatOptions[kind]);
    formatters.set(key, f);
  }
  return f;
}

export function formatMonthYear(lang: Lang, isoDate: string): string {
  return formatter(lang, "monthYear").format(new Date(`${isoDate}T12:00:00Z`));
}

export function formatDate(lang: Lang, isoDate: string): string {
  return formatter(lang, "date").format(new Date(`${isoDate}T12:00:00Z`));
}

export function formatDateTime(lang: Lang, at: Date): string {
  return formatter(lang, "dateTime").format(at);
}

/**
 * A file's size as readers are used to seeing it: whole kilobytes below a megabyte ("120 kB"),
 * megabytes with one decimal below ten ("1,4 MB"), whole megabytes above.
 */
export function formatFileSize(lang: Lang, bytes: number): string {
  const locale = catalogues[lang].locale;
  if (bytes < 1024 * 1024) {
    return `${new Intl.NumberFormat(locale).format(Math.max(1, Math.ceil(bytes / 1024)))} kB`;
  }
  const mb = bytes / 1024 / 1024;
  const digits = mb < 10 ? 1 : 0;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(mb)} MB`;
}
