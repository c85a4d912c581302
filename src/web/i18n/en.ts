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
    optional: "(optional)",
    required: "Required",
    choose: "Choose",
  },
  errors: {
    required: (label: string) => `Enter ${label.toLowerCase()}`,
    choice: (label: string) => `Choose ${label.toLowerCase()}`,
    max: (label: string, max: number) => `${label} must be ${max} characters or fewer`,
    email: "Enter a valid e-mail address, like name@municipality.no",
    municipality: "Choose a municipality from the list",
    consent: "You must give your consent to subscribe",
    alreadySubscribed: "This e-mail address already subscribes to this newsletter",
    rateLimited: "You have sent many forms in a short time. Wait a little and try again.",
    staleFeedback: "We could not find your answer. Please answer again.",
    unknownOrg: "Choose an organisation that exists",
    duplicateRole: "The person already has this role",
    staleRole: "The role was changed by someone else. Reload the page.",
    unsafeContent:
      "The text contains content that is not allowed: scripts, javascript: links or event attributes. Remove it before saving.",
    brokenLink:
      "A link in the text has no valid address. Links must start with https://, mailto:, tel: or /.",
    code: "Enter the six-digit code",
  },
};
