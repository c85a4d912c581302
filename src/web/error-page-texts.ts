import type { Lang } from "./i18n";

/**
 * Titles and leads of the error pages (error-pages.tsx). Site-wide, not a module's: every module,
 * the kernel's CSRF guard and the app's not-found and error handlers answer with them.
 */
const nb = {
  notFoundTitle: "Fant ikke siden",
  notFoundLead: "Siden finnes ikke, eller den er flyttet. Sjekk at adressen er riktig.",
  badRequestTitle: "Vi forstod ikke forespørselen",
  badRequestLead: "Forespørselen var ikke et gyldig skjema. Gå tilbake og prøv igjen.",
  forbiddenTitle: "Forespørselen ble stoppet",
  forbiddenLead: "Skjemaet må sendes fra Samspills egne sider. Gå tilbake og prøv igjen.",
  notAllowedTitle: "Du har ikke tilgang til denne siden",
  notAllowedLead:
    "Rollene dine i Samspill gir ikke tilgang til denne siden. Trenger du tilgang, be den som gir roller i organisasjonen din.",
  tooLargeTitle: "For mye innhold",
  tooLargeLead: "Skjemaet inneholdt mer enn vi tar imot. Forkort teksten og prøv igjen.",
  tooManyTitle: "For mange forespørsler",
  tooManyLead: "Du har sendt mange skjemaer på kort tid. Vent et minutt og prøv igjen.",
  serverErrorTitle: "Noe gikk galt hos oss",
  serverErrorLead: "Prøv igjen om litt. Hvis feilen gjentar seg, kontakt oss.",
};

export type ErrorPageTexts = typeof nb;

const nn: ErrorPageTexts = {
  notFoundTitle: "Fann ikkje sida",
  notFoundLead: "Sida finst ikkje, eller ho er flytta. Sjekk at adressa er rett.",
  badRequestTitle: "Vi forstod ikkje førespurnaden",
  badRequestLead: "Førespurnaden var ikkje eit gyldig skjema. Gå tilbake og prøv igjen.",
  forbiddenTitle: "Førespurnaden vart stoppa",
  forbiddenLead: "Skjemaet må sendast frå sidene til Samspill. Gå tilbake og prøv igjen.",
  notAllowedTitle: "Du har ikkje tilgang til denne sida",
  notAllowedLead:
    "Rollene dine i Samspill gir ikkje tilgang til denne sida. Treng du tilgang, be den som gir roller i organisasjonen din.",
  tooLargeTitle: "For mykje innhald",
  tooLargeLead: "Skjemaet inneheldt meir enn vi tek imot. Gjer teksten kortare og prøv igjen.",
  tooManyTitle: "For mange førespurnader",
  tooManyLead: "Du har sendt mange skjema på kort tid. Vent eit minutt og prøv igjen.",
  serverErrorTitle: "Noko gjekk gale hos oss",
  serverErrorLead: "Prøv igjen om litt. Viss feilen held fram, kontakt oss.",
};

const en: ErrorPageTexts = {
  notFoundTitle: "Page not found",
  notFoundLead: "The page does not exist or has moved. Check that the address is correct.",
  badRequestTitle: "We did not understand the request",
  badRequestLead: "The request was not a valid form. Go back and try again.",
  forbiddenTitle: "The request was stopped",
  forbiddenLead: "Forms must be sent from Samspill's own pages. Go back and try again.",
  notAllowedTitle: "You do not have access to this page",
  notAllowedLead:
    "Your roles in Samspill do not give access to this page. If you need access, ask whoever grants roles in your organisation.",
  tooLargeTitle: "Too much content",
  tooLargeLead: "The form contained more than we accept. Shorten the text and try again.",
  tooManyTitle: "Too many requests",
  tooManyLead: "You have sent many forms in a short time. Wait a minute and try again.",
  serverErrorTitle: "Something went wrong on our side",
  serverErrorLead: "Please try again shortly. If the error persists, contact us.",
};

const texts: Record<Lang, ErrorPageTexts> = { nb, nn, en };

export function errorPageTexts(lang: Lang): ErrorPageTexts {
  return texts[lang];
}
