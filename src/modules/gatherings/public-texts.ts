import type { Lang } from "../../web/i18n";

/** The upcoming gatherings on a programme's public page. */
type PublicTexts = {
  heading: string;
  lead: string;
  level: string;
  when: string;
  where: string;
  digital: string;
  more: (n: number) => string;
};

const more = (lang: Lang, one: string, other: (n: number) => string) => (n: number) =>
  new Intl.PluralRules(lang === "en" ? "en" : "nb").select(n) === "one" ? one : other(n);

export const publicGatheringTexts: Record<Lang, PublicTexts> = {
  nb: {
    heading: "Kommende samlinger",
    lead: "Samlinger i programmet som ikke er over. De som kan delta, melder seg på etter å ha logget inn.",
    level: "Nivå",
    when: "Tid",
    where: "Sted",
    digital: "Digitalt",
    more: more("nb", "Og 1 samling til senere.", (n) => `Og ${n} samlinger til senere.`),
  },
  nn: {
    heading: "Komande samlingar",
    lead: "Samlingar i programmet som ikkje er over. Dei som kan delta, melder seg på etter å ha logga inn.",
    level: "Nivå",
    when: "Tid",
    where: "Stad",
    digital: "Digitalt",
    more: more("nn", "Og 1 samling til seinare.", (n) => `Og ${n} samlingar til seinare.`),
  },
  en: {
    heading: "Upcoming gatherings",
    lead: "Gatherings of the programme that have not ended. Those who may take part register after signing in.",
    level: "Level",
    when: "When",
    where: "Where",
    digital: "Online",
    more: more("en", "And 1 more gathering later.", (n) => `And ${n} more gatherings later.`),
  },
};
