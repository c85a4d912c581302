import type { Messages } from "./nb";

export const nn: Messages = {
  langName: "Nynorsk",
  locale: "nn-NO",
  languageNames: { nb: "Bokmål", nn: "Nynorsk", en: "Engelsk" },
  site: {
    name: "Samspill",
    tagline: "Kompetanseutvikling for barnehagar, skular og kommunar",
    skipLink: "Hopp til hovudinnhaldet",
    languageNav: "Språk",
    mainNav: "Hovudmeny",
    menu: "Meny",
    home: "Framsida",
    programmes: "Tilbod",
    contact: "Kontakt oss",
    newsletter: "Nyheitsbrev",
    accessibility: "Tilgjengeerklæring",
    privacy: "Personvern",
    footerAbout:
      "Samspill er tenesta nasjonale utdanningsstyresmakter og statsforvaltarane bruker til å drive kompetanseutvikling saman med kommunar, barnehagar og skular.",
    demoNotice:
      "Dette er ei demonstrasjon. Deltakarlister og kontaktpunkt er dømedata, ikkje verkelege opplysningar.",
    backHome: "Gå til framsida",
    signIn: "Logg inn",
    profile: "Mi side",
    breadcrumbs: "Brødsmulesti",
    onlyInNorwegian: "",
  },
  counter: {
    limit: { other: "Du kan skrive {n} teikn" },
    left: { other: "{n} teikn att" },
    over: { other: "{n} teikn for mykje" },
  },
  form: {
    errorSummary: "For å gå vidare må du rette opp dette:",
    errorPrefix: "Feil:",
    optional: "(valfritt)",
    required: "Må fyllast ut",
    choose: "Vel",
  },
  errors: {
    required: (label: string) => `Fyll ut ${label.toLowerCase()}`,
    choice: (label: string) => `Vel ${label.toLowerCase()}`,
    max: (label: string, max: number) => `${label} kan ha høgst ${max} teikn`,
    email: "Skriv inn ei gyldig e-postadresse, til dømes namn@kommune.no",
    municipality: "Vel ein kommune frå lista",
    consent: "Du må samtykkje for å abonnere",
    alreadySubscribed: "Denne e-postadressa abonnerer allereie på dette nyheitsbrevet",
    rateLimited: "Du har sendt mange skjema på kort tid. Vent litt og prøv igjen.",
    staleFeedback: "Vi fann ikkje svaret ditt. Prøv å svare på nytt.",
    unknownOrg: "Vel ein organisasjon som finst",
    duplicateRole: "Personen har allereie denne rolla",
    staleRole: "Rolla er endra av nokon andre. Last sida på nytt.",
    unsafeContent:
      "Teksten har innhald som ikkje er tillate: skript, javascript:-lenkjer eller hendingsattributt. Fjern det før du lagrar.",
    brokenLink:
      "Ei lenkje i teksten manglar ei gyldig adresse. Lenkjer må byrje med https://, mailto:, tel: eller /.",
    code: "Skriv inn koden på seks siffer",
  },
};
