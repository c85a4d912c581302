import type { ErrorCatalogues } from "../../web/form-errors";
import type { Lang } from "../../web/i18n";

/** The newsletter module's texts: bokmål, nynorsk and English. */
const nb = {
  title: "Nyhetsbrev",
  lead: "Få e-post når det er nytt om tilbudene: nye puljer, søknadsfrister og samlinger.",
  email: "E-postadresse",
  scope: "Hva vil du ha nyheter om?",
  scopeAll: "Alle tilbud",
  consentLegend: "Samtykke",
  subscribe: "Meld meg på",
  checkTitle: "Sjekk e-posten din",
  checkLead: (email: string) =>
    `Vi har sendt en e-post til ${email}. Åpne lenken i e-posten for å bekrefte påmeldingen. Lenken virker i sju dager.`,
  confirmTitle: "Bekreft påmeldingen",
  confirmLead: (email: string) => `Bekreft at ${email} skal få nyhetsbrevet.`,
  confirm: "Bekreft påmeldingen",
  confirmedTitle: "Du er påmeldt",
  confirmedLead:
    "Takk! Du får nyhetsbrevet på e-post. Hver e-post har en lenke for å melde seg av.",
  badTokenTitle: "Lenken virker ikke",
  expiredToken: "Lenken er for gammel. Meld deg på igjen, så sender vi en ny lenke.",
  forgedToken: "Lenken er ikke gyldig. Sjekk at du har kopiert hele lenken fra e-posten.",
  tryAgain: "Meld deg på nyhetsbrevet",
  unsubscribeTitle: "Meld deg av nyhetsbrevet",
  unsubscribeLead: (email: string) => `Vil du at ${email} ikke lenger skal få nyhetsbrevet?`,
  unsubscribe: "Meld meg av",
  unsubscribedTitle: "Du er meldt av",
  unsubscribedLead:
    "Du får ikke flere nyhetsbrev fra oss. Vi har slettet e-postadressen fra listen.",
  confirmSubject: "Bekreft påmeldingen til nyhetsbrevet",
  confirmBody: (link: string, unsubscribe: string) =>
    `Hei!\n\nNoen (forhåpentligvis du) ba om å få nyhetsbrevet fra Samspill til denne adressen.\nBekreft påmeldingen her (lenken virker i sju dager):\n${link}\n\nHvis du ikke ba om dette, kan du se bort fra e-posten.\nMeld av: ${unsubscribe}\n`,
  welcomeSubject: "Du er påmeldt nyhetsbrevet",
  welcomeBody: (unsubscribe: string) =>
    `Hei!\n\nTakk for at du bekreftet. Du får nå nyhetsbrevet fra Samspill.\n\nMeld deg av når som helst: ${unsubscribe}\n`,
};

type NewsletterTexts = typeof nb;

const nn: NewsletterTexts = {
  title: "Nyheitsbrev",
  lead: "Få e-post når det er nytt om tilboda: nye puljar, søknadsfristar og samlingar.",
  email: "E-postadresse",
  scope: "Kva vil du ha nyheiter om?",
  scopeAll: "Alle tilbod",
  consentLegend: "Samtykke",
  subscribe: "Meld meg på",
  checkTitle: "Sjekk e-posten din",
  checkLead: (email: string) =>
    `Vi har sendt ein e-post til ${email}. Opne lenkja i e-posten for å stadfeste påmeldinga. Lenkja verkar i sju dagar.`,
  confirmTitle: "Stadfest påmeldinga",
  confirmLead: (email: string) => `Stadfest at ${email} skal få nyheitsbrevet.`,
  confirm: "Stadfest påmeldinga",
  confirmedTitle: "Du er påmeld",
  confirmedLead:
    "Takk! Du får nyheitsbrevet på e-post. Kvar e-post har ei lenkje for å melde seg av.",
  badTokenTitle: "Lenkja verkar ikkje",
  expiredToken: "Lenkja er for gammal. Meld deg på igjen, så sender vi ei ny lenkje.",
  forgedToken: "Lenkja er ikkje gyldig. Sjekk at du har kopiert heile lenkja frå e-posten.",
  tryAgain: "Meld deg på nyheitsbrevet",
  unsubscribeTitle: "Meld deg av nyheitsbrevet",
  unsubscribeLead: (email: string) => `Vil du at ${email} ikkje lenger skal få nyheitsbrevet?`,
  unsubscribe: "Meld meg av",
  unsubscribedTitle: "Du er meld av",
  unsubscribedLead:
    "Du får ikkje fleire nyheitsbrev frå oss. Vi har sletta e-postadressa frå lista.",
  confirmSubject: "Stadfest påmeldinga til nyheitsbrevet",
  confirmBody: (link: string, unsubscribe: string) =>
    `Hei!\n\nNokon (forhåpentleg du) bad om å få nyheitsbrevet frå Samspill til denne adressa.\nStadfest påmeldinga her (lenkja verkar i sju dagar):\n${link}\n\nViss du ikkje bad om dette, kan du sjå bort frå e-posten.\nMeld av: ${unsubscribe}\n`,
  welcomeSubject: "Du er påmeld nyheitsbrevet",
  welcomeBody: (unsubscribe: string) =>
    `Hei!\n\nTakk for at du stadfesta. Du får no nyheitsbrevet frå Samspill.\n\nMeld deg av når som helst: ${unsubscribe}\n`,
};

const en: NewsletterTexts = {
  title: "Newsletter",
  lead: "Get an e-mail when there is news about the programmes: new cohorts, application deadlines and gatherings.",
  email: "E-mail address",
  scope: "What would you like news about?",
  scopeAll: "All programmes",
  consentLegend: "Consent",
  subscribe: "Subscribe",
  checkTitle: "Check your e-mail",
  checkLead: (email: string) =>
    `We have sent an e-mail to ${email}. Open the link in it to confirm your subscription. The link works for seven days.`,
  confirmTitle: "Confirm your subscription",
  confirmLead: (email: string) => `Confirm that ${email} should receive the newsletter.`,
  confirm: "Confirm subscription",
  confirmedTitle: "You are subscribed",
  confirmedLead:
    "Thank you! You will get the newsletter by e-mail. Every e-mail has a link to unsubscribe.",
  badTokenTitle: "The link does not work",
  expiredToken: "The link has expired. Subscribe again and we will send you a new link.",
  forgedToken: "The link is not valid. Check that you copied the whole link from the e-mail.",
  tryAgain: "Subscribe to the newsletter",
  unsubscribeTitle: "Unsubscribe from the newsletter",
  unsubscribeLead: (email: string) => `Do you want ${email} to stop receiving the newsletter?`,
  unsubscribe: "Unsubscribe",
  unsubscribedTitle: "You are unsubscribed",
  unsubscribedLead:
    "You will not get any more newsletters from us. We have removed the address from the list.",
  confirmSubject: "Confirm your newsletter subscription",
  confirmBody: (link: string, unsubscribe: string) =>
    `Hello,\n\nSomeone (hopefully you) asked for the Samspill newsletter to be sent to this address.\nConfirm here (the link works for seven days):\n${link}\n\nIf you did not ask for this, you can ignore this e-mail.\nUnsubscribe: ${unsubscribe}\n`,
  welcomeSubject: "You are subscribed to the newsletter",
  welcomeBody: (unsubscribe: string) =>
    `Hello,\n\nThank you for confirming. You will now receive the Samspill newsletter.\n\nUnsubscribe at any time: ${unsubscribe}\n`,
};

const texts: Record<Lang, NewsletterTexts> = { nb, nn, en };

export function newsletterTexts(lang: Lang): NewsletterTexts {
  return texts[lang];
}

/** The subscription form's own error codes; the shared rules' codes come from web/form-errors. */
export const newsletterErrors: ErrorCatalogues<"consent" | "alreadySubscribed"> = {
  nb: {
    consent: "Du må samtykke for å abonnere",
    alreadySubscribed: "Denne e-postadressen abonnerer allerede på dette nyhetsbrevet",
  },
  nn: {
    consent: "Du må samtykkje for å abonnere",
    alreadySubscribed: "Denne e-postadressa abonnerer allereie på dette nyheitsbrevet",
  },
  en: {
    consent: "You must give your consent to subscribe",
    alreadySubscribed: "This e-mail address already subscribes to this newsletter",
  },
};
