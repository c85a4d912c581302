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
    warningSummary: "Sjekk dette før du sender:",
    warningPrefix: "Åtvaring:",
    optional: "(valfritt)",
    required: "Må fyllast ut",
    choose: "Vel",
  },
};
