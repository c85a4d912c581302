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
    warningSummary: "Sjekk dette før du sender:",
    warningPrefix: "Advarsel:",
    optional: "(valgfritt)",
    required: "Må fylles ut",
    choose: "Velg",
  },
};

export type Messages = typeof nb;
