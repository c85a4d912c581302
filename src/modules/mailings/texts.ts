import type { ErrorCatalogues } from "../../web/form-errors";
import type { Lang } from "../../web/i18n";
import type { RecipientState } from "./schema";

/** Words in the mails themselves (a recipient reads bokmål or nynorsk). */
export const mailWords = {
  nb: {
    newsletterWhy: (sender: string) =>
      `Du får dette nyhetsbrevet fordi du har meldt deg på nyhetsbrevet fra ${sender}.`,
    webEdition: "Les nyhetsbrevet i nettleseren",
    unsubscribe: "Meld deg av nyhetsbrevet",
    replyHint: "Svar på denne e-posten for å svare avsenderen.",
    testPrefix: "[Test]",
  },
  nn: {
    newsletterWhy: (sender: string) =>
      `Du får dette nyheitsbrevet fordi du har meldt deg på nyheitsbrevet frå ${sender}.`,
    webEdition: "Les nyheitsbrevet i nettlesaren",
    unsubscribe: "Meld deg av nyheitsbrevet",
    replyHint: "Svar på denne e-posten for å svare avsendaren.",
    testPrefix: "[Test]",
  },
} as const;

const nb = {
  nav: "Nyhetsbrev",
  listTitle: "Nyhetsbrev",
  listLead: "Skriv nyhetsbrev til abonnentene på tilbudene dere eier, og følg utsendingen.",
  programme: "Tilbud",
  newNewsletter: "Nytt nyhetsbrev",
  none: "Ingen nyhetsbrev ennå.",
  subjectNb: "Emne (bokmål)",
  subjectNn: "Emne (nynorsk)",
  bodyNb: "Tekst (bokmål)",
  bodyNn: "Tekst (nynorsk)",
  bodyHint: "Markdown: ## overskrift, **fet**, [lenke](https://…), lister med -. Ingen bilder.",
  replyTo: "Svar går til",
  replyToHint: "E-postadressen svar på nyhetsbrevet går til.",
  languages: "Abonnenter som får det",
  languagesHint: "Abonnenter på bokmål får bokmålsutgaven, på nynorsk nynorskutgaven.",
  langNames: { nb: "Bokmål", nn: "Nynorsk", en: "Engelsk (får bokmålsutgaven)" } as Record<
    Lang,
    string
  >,
  save: "Lagre utkastet",
  saved: "Utkastet er lagret.",
  preview: "Forhåndsvisning",
  previewMail: "Som e-post",
  previewWeb: "Som nettside",
  testHeading: "Send en test til deg selv",
  testLead: (address: string) => `Testen går til ${address}, på begge målformer.`,
  sendTest: "Send test",
  testSent: "Testen er sendt. Den kommer om litt.",
  sendHeading: "Send",
  recipientsNow: (n: number) =>
    n === 1 ? "1 abonnent får det slik det står nå." : `${n} abonnenter får det slik det står nå.`,
  noRecipients: "Ingen abonnenter får dette nyhetsbrevet slik det står nå. Det kan ikke sendes.",
  sendAt: "Send på et bestemt tidspunkt (valgfritt)",
  sendAtHint: "Dato og klokkeslett, for eksempel 24.12.2026 09:00. Tomt: send nå.",
  sendNow: "Send nyhetsbrevet",
  statusLabel: "Status",
  status: {
    draft: "Utkast",
    scheduled: "Planlagt",
    sending: "Sendes",
    sent: "Sendt",
  } as Record<string, string>,
  scheduledFor: (when: string) => `Planlagt sendt ${when}.`,
  progressHeading: "Utsending",
  progressOf: (done: number, total: number) => `${done} av ${total} behandlet`,
  refresh: "Oppdater",
  states: {
    queued: "I kø",
    sent: "Sendt",
    failed: "Feilet",
    bounced: "Returnert",
  } as Record<RecipientState, string>,
  bouncesHeading: "Returnerte adresser",
  bouncesLead: (hard: number, undeliverable: number) =>
    `${hard} harde returer totalt; ${undeliverable} adresser får ikke lenger e-post.`,
  archiveHeading: "Nyhetsbrev",
  archiveLead: "Nyhetsbrev som er sendt ut.",
  archiveEmpty: "Ingen nyhetsbrev er sendt ennå.",
  sentOn: (when: string) => `Sendt ${when}`,
  back: "Tilbake",
  open: "Åpne",
  edit: "Rediger",
};

type Texts = typeof nb;

const nn: Texts = {
  ...nb,
  nav: "Nyheitsbrev",
  listTitle: "Nyheitsbrev",
  listLead: "Skriv nyheitsbrev til abonnentane på tilboda de eig, og følg utsendinga.",
  programme: "Tilbod",
  newNewsletter: "Nytt nyheitsbrev",
  none: "Ingen nyheitsbrev enno.",
  subjectNn: "Emne (nynorsk)",
  bodyNb: "Tekst (bokmål)",
  bodyNn: "Tekst (nynorsk)",
  bodyHint: "Markdown: ## overskrift, **feit**, [lenkje](https://…), lister med -. Ingen bilete.",
  replyTo: "Svar går til",
  replyToHint: "E-postadressa svar på nyheitsbrevet går til.",
  languages: "Abonnentar som får det",
  languagesHint: "Abonnentar på bokmål får bokmålsutgåva, på nynorsk nynorskutgåva.",
  langNames: { nb: "Bokmål", nn: "Nynorsk", en: "Engelsk (får bokmålsutgåva)" },
  save: "Lagre utkastet",
  saved: "Utkastet er lagra.",
  preview: "Førehandsvising",
  previewMail: "Som e-post",
  previewWeb: "Som nettside",
  testHeading: "Send ein test til deg sjølv",
  testLead: (address: string) => `Testen går til ${address}, på begge målformene.`,
  sendTest: "Send test",
  testSent: "Testen er send. Han kjem om litt.",
  recipientsNow: (n: number) =>
    n === 1 ? "1 abonnent får det slik det står no." : `${n} abonnentar får det slik det står no.`,
  noRecipients: "Ingen abonnentar får dette nyheitsbrevet slik det står no. Det kan ikkje sendast.",
  sendAt: "Send på eit bestemt tidspunkt (valfritt)",
  sendAtHint: "Dato og klokkeslett, til dømes 24.12.2026 09:00. Tomt: send no.",
  sendNow: "Send nyheitsbrevet",
  status: { draft: "Utkast", scheduled: "Planlagd", sending: "Blir sendt", sent: "Sendt" },
  scheduledFor: (when: string) => `Planlagd sendt ${when}.`,
  progressHeading: "Utsending",
  progressOf: (done: number, total: number) => `${done} av ${total} handsama`,
  refresh: "Oppdater",
  states: { queued: "I kø", sent: "Sendt", failed: "Feila", bounced: "Returnert" },
  bouncesHeading: "Returnerte adresser",
  bouncesLead: (hard: number, undeliverable: number) =>
    `${hard} harde returar totalt; ${undeliverable} adresser får ikkje lenger e-post.`,
  archiveHeading: "Nyheitsbrev",
  archiveLead: "Nyheitsbrev som er sende ut.",
  archiveEmpty: "Ingen nyheitsbrev er sende enno.",
  sentOn: (when: string) => `Sendt ${when}`,
  back: "Tilbake",
  open: "Opne",
  edit: "Rediger",
};

const en: Texts = {
  ...nb,
  nav: "Newsletters",
  listTitle: "Newsletters",
  listLead: "Write newsletters to the subscribers of your programmes, and follow the sending.",
  programme: "Programme",
  newNewsletter: "New newsletter",
  none: "No newsletters yet.",
  subjectNb: "Subject (Bokmål)",
  subjectNn: "Subject (Nynorsk)",
  bodyNb: "Text (Bokmål)",
  bodyNn: "Text (Nynorsk)",
  bodyHint: "Markdown: ## heading, **bold**, [link](https://…), lists with -. No images.",
  replyTo: "Replies go to",
  replyToHint: "The address replies to the newsletter go to.",
  languages: "Subscribers who get it",
  languagesHint: "Bokmål subscribers get the Bokmål edition, Nynorsk subscribers the Nynorsk one.",
  langNames: { nb: "Bokmål", nn: "Nynorsk", en: "English (get the Bokmål edition)" },
  save: "Save the draft",
  saved: "The draft is saved.",
  preview: "Preview",
  previewMail: "As a mail",
  previewWeb: "As a web page",
  testHeading: "Send a test to yourself",
  testLead: (address: string) => `The test goes to ${address}, in both written standards.`,
  sendTest: "Send test",
  testSent: "The test is sent. It will arrive shortly.",
  sendHeading: "Send",
  recipientsNow: (n: number) =>
    n === 1 ? "1 subscriber gets it as things stand." : `${n} subscribers get it as things stand.`,
  noRecipients: "No subscriber gets this newsletter as things stand. It cannot be sent.",
  sendAt: "Send at a set time (optional)",
  sendAtHint: "Date and time, for example 24.12.2026 09:00. Empty: send now.",
  sendNow: "Send the newsletter",
  statusLabel: "Status",
  status: { draft: "Draft", scheduled: "Scheduled", sending: "Sending", sent: "Sent" },
  scheduledFor: (when: string) => `Scheduled for ${when}.`,
  progressHeading: "Sending",
  progressOf: (done: number, total: number) => `${done} of ${total} done`,
  refresh: "Refresh",
  states: { queued: "Queued", sent: "Sent", failed: "Failed", bounced: "Bounced" },
  bouncesHeading: "Bounced addresses",
  bouncesLead: (hard: number, undeliverable: number) =>
    `${hard} hard bounces in all; ${undeliverable} addresses get no more mail.`,
  archiveHeading: "Newsletters",
  archiveLead: "Newsletters that have been sent.",
  archiveEmpty: "No newsletters have been sent yet.",
  sentOn: (when: string) => `Sent ${when}`,
  back: "Back",
  open: "Open",
  edit: "Edit",
};

const catalogue: Record<Lang, Texts> = { nb, nn, en };
export const mailingTexts = (lang: Lang): Texts => catalogue[lang];

export type MailingErrorCode =
  | "unsafeContent"
  | "brokenLink"
  | "sendAtPast"
  | "noRecipients"
  | "notDraft"
  | "noLanguage";

export const mailingErrors: ErrorCatalogues<MailingErrorCode> = {
  nb: {
    unsafeContent: "Teksten har noe som ikke kan sendes (skript, stil eller bilde). Ta det bort.",
    brokenLink: "En lenke går ikke noe sted. Bruk https://, mailto: eller en sti på nettstedet.",
    sendAtPast: "Tidspunktet har vært. Velg et tidspunkt fram i tid, eller la feltet stå tomt.",
    noRecipients: "Ingen får dette slik det står nå.",
    notDraft: "Dette er allerede sendt eller planlagt og kan ikke endres.",
    noLanguage: "Velg minst én målform.",
  },
  nn: {
    unsafeContent:
      "Teksten har noko som ikkje kan sendast (skript, stil eller bilete). Ta det bort.",
    brokenLink:
      "Ei lenkje går ikkje nokon stad. Bruk https://, mailto: eller ein sti på nettstaden.",
    sendAtPast: "Tidspunktet har vore. Vel eit tidspunkt fram i tid, eller la feltet stå tomt.",
    noRecipients: "Ingen får dette slik det står no.",
    notDraft: "Dette er allereie sendt eller planlagt og kan ikkje endrast.",
    noLanguage: "Vel minst éi målform.",
  },
  en: {
    unsafeContent:
      "The text has something that cannot be sent (script, style or image). Remove it.",
    brokenLink: "A link goes nowhere. Use https://, mailto: or a path on this site.",
    sendAtPast: "That time has passed. Choose a time in the future, or leave the field empty.",
    noRecipients: "Nobody gets this as things stand.",
    notDraft: "This is already sent or scheduled and cannot be changed.",
    noLanguage: "Choose at least one written standard.",
  },
};
