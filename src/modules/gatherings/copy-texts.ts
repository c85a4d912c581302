import type { Lang } from "../../web/i18n";

/** The organiser's copy of a gathering to another cohort or date. */
const nb = {
  tab: "Kopier",
  title: (title: string) => `Kopier samlingen: ${title}`,
  lead: "Kopien får samme tekster, sted, plasser, regler for påmelding og program. Alle tidspunkter flyttes like mye som starten, også påmeldingsfristene. Påmeldinger blir ikke kopiert. Kopien åpnes i skjemaet, så du kan rette den.",
  cohort: "Pulje for kopien",
  startsAt: "Start for kopien",
  now: (when: string) => `Samlingen starter nå ${when}.`,
  copy: "Lag kopien",
};

type CopyTexts = typeof nb;

const nn: CopyTexts = {
  tab: "Kopier",
  title: (title) => `Kopier samlinga: ${title}`,
  lead: "Kopien får dei same tekstane, staden, plassane, reglane for påmelding og programmet. Alle tidspunkt blir flytte like mykje som starten, også påmeldingsfristane. Påmeldingar blir ikkje kopierte. Kopien blir opna i skjemaet, så du kan rette han.",
  cohort: "Pulje for kopien",
  startsAt: "Start for kopien",
  now: (when) => `Samlinga startar no ${when}.`,
  copy: "Lag kopien",
};

const en: CopyTexts = {
  tab: "Copy",
  title: (title) => `Copy the gathering: ${title}`,
  lead: "The copy gets the same texts, place, seats, registration rules and agenda. Every time moves as much as the start, the registration window too. Registrations are not copied. The copy opens in the form, so you can correct it.",
  cohort: "Cohort of the copy",
  startsAt: "Start of the copy",
  now: (when) => `The gathering now starts ${when}.`,
  copy: "Make the copy",
};

export const copyTexts: Record<Lang, CopyTexts> = { nb, nn, en };
