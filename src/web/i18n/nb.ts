import type { PluralForms } from "./plural";

/** Bokmål: the default language, and the shape every other catalogue must have. */
export const nb = {
  langName: "Bokmål",
  locale: "nb-NO",
  /** The site's languages named in this language (programme texts, feedback per language). */
  languageNames: { nb: "Bokmål", nn: "Nynorsk", en: "Engelsk" } as Record<string, string>,
  site: {
    name: "Samspill",
    tagline: "Kompetanseutvikling for barnehager, skoler og kommuner",
    skipLink: "Hopp til hovedinnhold",
    languageNav: "Språk",
    mainNav: "Hovedmeny",
    menu: "Meny",
    home: "Forside",
    programmes: "Tilbud",
    contact: "Kontakt oss",
    newsletter: "Nyhetsbrev",
    accessibility: "Tilgjengelighetserklæring",
    privacy: "Personvern",
    footerAbout:
      "Samspill er tjenesten nasjonale utdanningsmyndigheter og statsforvalterne bruker til å drive kompetanseutvikling sammen med kommuner, barnehager og skoler.",
    demoNotice:
      "Dette er en demonstrasjon. Deltakerlister og kontaktpunkter er eksempeldata, ikke virkelige opplysninger.",
    backHome: "Gå til forsiden",
    signIn: "Logg inn",
    profile: "Min side",
    breadcrumbs: "Brødsmulesti",
    onlyInNorwegian: "",
  },
  // One form per plural category of the language (Intl.PluralRules); {n} is the count. The
  // server sends them to the counter script as data attributes.
  counter: {
    limit: { other: "Du kan skrive {n} tegn" } as PluralForms,
    left: { other: "{n} tegn igjen" } as PluralForms,
    over: { other: "{n} tegn for mye" } as PluralForms,
  },
  form: {
    errorSummary: "For å gå videre må du rette opp dette:",
    errorPrefix: "Feil:",
    optional: "(valgfritt)",
    required: "Må fylles ut",
    choose: "Velg",
  },
  errors: {
    required: (label: string) => `Fyll ut ${label.toLowerCase()}`,
    choice: (label: string) => `Velg ${label.toLowerCase()}`,
    max: (label: string, max: number) => `${label} kan ha høyst ${max} tegn`,
    email: "Skriv inn en gyldig e-postadresse, for eksempel navn@kommune.no",
    municipality: "Velg en kommune fra listen",
    consent: "Du må samtykke for å abonnere",
    alreadySubscribed: "Denne e-postadressen abonnerer allerede på dette nyhetsbrevet",
    rateLimited: "Du har sendt mange skjemaer på kort tid. Vent litt og prøv igjen.",
    staleFeedback: "Vi fant ikke svaret ditt. Prøv å svare på nytt.",
    unknownOrg: "Velg en organisasjon som finnes",
    duplicateRole: "Personen har allerede denne rollen",
    staleRole: "Rollen er endret av noen andre. Last siden på nytt.",
    unsafeContent:
      "Teksten har innhold som ikke er tillatt: skript, javascript:-lenker eller hendelsesattributter. Fjern det før du lagrer.",
    brokenLink:
      "En lenke i teksten mangler en gyldig adresse. Lenker må begynne med https://, mailto:, tel: eller /.",
    code: "Skriv inn koden på seks siffer",
  },
};

export type Messages = typeof nb;
