import type { Messages } from "./nb";

export const en: Messages = {
  langName: "English",
  locale: "en-GB",
  languageNames: { nb: "Bokmål", nn: "Nynorsk", en: "English" },
  site: {
    name: "Samspill",
    tagline: "Competence development for kindergartens, schools and municipalities",
    skipLink: "Skip to main content",
    languageNav: "Language",
    mainNav: "Main menu",
    menu: "Menu",
    home: "Home",
    programmes: "Programmes",
    contact: "Contact us",
    newsletter: "Newsletter",
    accessibility: "Accessibility statement",
    privacy: "Privacy",
    footerAbout:
      "Samspill is the service national education authorities and the county governors use to run competence development with municipalities, kindergartens and schools.",
    demoNotice:
      "This is a demonstration. Participant lists and contact points are example data, not real information.",
    backHome: "Go to the home page",
    signIn: "Sign in",
    profile: "My page",
    breadcrumbs: "Breadcrumbs",
    onlyInNorwegian: "This content is only available in Norwegian.",
  },
  counter: {
    limit: { one: "You can enter {n} character", other: "You can enter {n} characters" },
    left: { one: "{n} character left", other: "{n} characters left" },
    over: { one: "{n} character too many", other: "{n} characters too many" },
  },
  form: {
    errorSummary: "To continue, please correct the following:",
    errorPrefix: "Error:",
    warningSummary: "Check this before you send:",
    warningPrefix: "Warning:",
    optional: "(optional)",
    required: "Required",
    choose: "Choose",
  },
};
