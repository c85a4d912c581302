import type { ErrorCatalogues } from "../../web/form-errors";
import type { Lang } from "../../web/i18n";

/** The feedback module's texts: bokmål, nynorsk and English. */
const nb = {
  question: "Fant du det du lette etter?",
  yes: "Ja",
  no: "Nei",
  followUpYes: "Så bra! Er det noe vi kan gjøre bedre på denne siden?",
  followUpNo: "Hva lette du etter?",
  commentLabel: "Kommentar (valgfritt)",
  commentHint:
    "Ikke skriv personopplysninger som navn, e-postadresse eller telefonnummer. Vi kan ikke svare deg her.",
  commentName: "Kommentaren",
  send: "Send",
  thanks: "Tusen takk for hjelpen!",
  masked:
    "Vi fjernet noe som så ut som personopplysninger (en e-postadresse eller et telefonnummer) før vi lagret kommentaren.",
};

type FeedbackTexts = typeof nb;

const nn: FeedbackTexts = {
  question: "Fann du det du leita etter?",
  yes: "Ja",
  no: "Nei",
  followUpYes: "Så bra! Er det noko vi kan gjere betre på denne sida?",
  followUpNo: "Kva leita du etter?",
  commentLabel: "Kommentar (valfritt)",
  commentHint:
    "Ikkje skriv personopplysningar som namn, e-postadresse eller telefonnummer. Vi kan ikkje svare deg her.",
  commentName: "Kommentaren",
  send: "Send",
  thanks: "Tusen takk for hjelpa!",
  masked:
    "Vi fjerna noko som såg ut som personopplysningar (ei e-postadresse eller eit telefonnummer) før vi lagra kommentaren.",
};

const en: FeedbackTexts = {
  question: "Did you find what you were looking for?",
  yes: "Yes",
  no: "No",
  followUpYes: "Good! Is there anything we could do better on this page?",
  followUpNo: "What were you looking for?",
  commentLabel: "Comment (optional)",
  commentHint:
    "Do not write personal information such as names, e-mail addresses or phone numbers. We cannot reply to you here.",
  commentName: "The comment",
  send: "Send",
  thanks: "Thank you for your help!",
  masked:
    "We removed something that looked like personal information (an e-mail address or a phone number) before storing your comment.",
};

const texts: Record<Lang, FeedbackTexts> = { nb, nn, en };

export function feedbackTexts(lang: Lang): FeedbackTexts {
  return texts[lang];
}

/** The widget's own error code; the shared rules' codes come from web/form-errors. */
export const feedbackErrors: ErrorCatalogues<"staleFeedback"> = {
  nb: { staleFeedback: "Vi fant ikke svaret ditt. Prøv å svare på nytt." },
  nn: { staleFeedback: "Vi fann ikkje svaret ditt. Prøv å svare på nytt." },
  en: { staleFeedback: "We could not find your answer. Please answer again." },
};
