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

// ── Messages to segments (issue 14, decision 0040). ──

/** What a segment is called, and why its people get the message (fixed when it is written). */
export const segmentWords = {
  nb: {
    nonRespondents: (programme: string, n: number) =>
      `Inviterte som ikke har svart: ${programme}, pulje ${n}`,
    whyNonRespondent: (programme: string, n: number) =>
      `Du får denne meldingen fordi du kan svare for en kommune eller enhet som er invitert til ${programme}, pulje ${n}, og som ikke har svart ennå.`,
    cohortPeople: (programme: string, n: number, place: string) =>
      `Koordinatorer og ressurspersoner i ${programme}, pulje ${n}, i ${place}`,
    whyCohortPeople: (programme: string, n: number) =>
      `Du får denne meldingen fordi du er koordinator eller ressursperson for en kommune som er med i ${programme}, pulje ${n}.`,
    gathering: (title: string) => `Påmeldte til ${title}`,
    whyGathering: (title: string) => `Du får denne meldingen fordi du er påmeldt til ${title}.`,
    network: (name: string) => `Medlemmer av ${name}`,
    whyNetwork: (name: string) =>
      `Du får denne meldingen fordi du er medlem av det lærende nettverket ${name}.`,
  },
  nn: {
    nonRespondents: (programme: string, n: number) =>
      `Inviterte som ikkje har svart: ${programme}, pulje ${n}`,
    whyNonRespondent: (programme: string, n: number) =>
      `Du får denne meldinga fordi du kan svare for ein kommune eller ei eining som er invitert til ${programme}, pulje ${n}, og som ikkje har svart enno.`,
    cohortPeople: (programme: string, n: number, place: string) =>
      `Koordinatorar og ressurspersonar i ${programme}, pulje ${n}, i ${place}`,
    whyCohortPeople: (programme: string, n: number) =>
      `Du får denne meldinga fordi du er koordinator eller ressursperson for ein kommune som er med i ${programme}, pulje ${n}.`,
    gathering: (title: string) => `Påmelde til ${title}`,
    whyGathering: (title: string) => `Du får denne meldinga fordi du er påmeld til ${title}.`,
    network: (name: string) => `Medlemmer av ${name}`,
    whyNetwork: (name: string) =>
      `Du får denne meldinga fordi du er medlem av det lærande nettverket ${name}.`,
  },
  en: {
    nonRespondents: (programme: string, n: number) =>
      `Invited and not answered: ${programme}, cohort ${n}`,
    whyNonRespondent: (programme: string, n: number) =>
      `You get this message because you answer for a municipality or unit invited to ${programme}, cohort ${n}, that has not answered yet.`,
    cohortPeople: (programme: string, n: number, place: string) =>
      `Coordinators and resource persons of ${programme}, cohort ${n}, in ${place}`,
    whyCohortPeople: (programme: string, n: number) =>
      `You get this message because you are a coordinator or resource person of a municipality taking part in ${programme}, cohort ${n}.`,
    gathering: (title: string) => `Registered for ${title}`,
    whyGathering: (title: string) => `You get this message because you registered for ${title}.`,
    network: (name: string) => `Members of ${name}`,
    whyNetwork: (name: string) =>
      `You get this message because you are a member of the learning network ${name}.`,
  },
};
export type SegmentWords = (typeof segmentWords)["nb"];

const messageNb = {
  listTitle: "Meldinger",
  listLead:
    "Skriv en melding til dem du arbeider med i en pulje. Du ser hvor mange som får den, og noen av dem, før du sender.",
  choose: "Skriv til",
  cohortHeading: (programme: string, n: number) => `${programme}, pulje ${n}`,
  gatheringsHeading: "Samlinger du arrangerer",
  networksHeading: "Lærende nettverk du leder",
  nothingToReach: "Du har ingen grupper å skrive til.",
  sentHeading: "Dine meldinger",
  none: "Du har ikke skrevet noen meldinger ennå.",
  newMessage: "Ny melding",
  segment: "Mottakere",
  subjectNb: "Emne (bokmål)",
  bodyNb: "Tekst (bokmål)",
  subjectNn: "Emne (nynorsk, valgfritt)",
  bodyNn: "Tekst (nynorsk, valgfritt)",
  nnHint: "Skriver du på nynorsk også, får kommuner som har valgt nynorsk, den utgaven.",
  bodyHint: "Markdown: ## overskrift, **fet**, [lenke](https://…), lister med -. Ingen bilder.",
  replyToLead: (address: string) => `Svar går til deg: ${address}.`,
  save: "Lagre utkastet",
  saved: "Utkastet er lagret. Se over mottakerne og send.",
  recipientsCount: (n: number) =>
    n === 1
      ? "1 mottaker får meldingen slik det står nå."
      : `${n} mottakere får meldingen slik det står nå.`,
  sampleLead: "Noen av dem:",
  noRecipients: "Ingen får denne meldingen slik det står nå. Den kan ikke sendes.",
  send: "Send meldingen",
  sendHeading: "Send",
  refusedTitle: "Du kan ikke skrive til disse",
  statusLabel: "Status",
};
type MessageTexts = typeof messageNb;
const messageNn: MessageTexts = {
  ...messageNb,
  listTitle: "Meldingar",
  listLead:
    "Skriv ei melding til dei du arbeider med i ein pulje. Du ser kor mange som får ho, og nokre av dei, før du sender.",
  gatheringsHeading: "Samlingar du arrangerer",
  networksHeading: "Lærande nettverk du leier",
  nothingToReach: "Du har ingen grupper å skrive til.",
  sentHeading: "Meldingane dine",
  none: "Du har ikkje skrive nokon meldingar enno.",
  newMessage: "Ny melding",
  segment: "Mottakarar",
  subjectNn: "Emne (nynorsk, valfritt)",
  bodyNn: "Tekst (nynorsk, valfritt)",
  nnHint: "Skriv du på nynorsk òg, får kommunar som har valt nynorsk, den utgåva.",
  bodyHint: "Markdown: ## overskrift, **feit**, [lenkje](https://…), lister med -. Ingen bilete.",
  replyToLead: (address: string) => `Svar går til deg: ${address}.`,
  saved: "Utkastet er lagra. Sjå over mottakarane og send.",
  recipientsCount: (n: number) =>
    n === 1
      ? "1 mottakar får meldinga slik det står no."
      : `${n} mottakarar får meldinga slik det står no.`,
  sampleLead: "Nokre av dei:",
  noRecipients: "Ingen får denne meldinga slik det står no. Ho kan ikkje sendast.",
  send: "Send meldinga",
  refusedTitle: "Du kan ikkje skrive til desse",
};
const messageEn: MessageTexts = {
  ...messageNb,
  listTitle: "Messages",
  listLead:
    "Write a message to the people you work with in a cohort. You see how many get it, and a few of them, before you send.",
  choose: "Write to",
  cohortHeading: (programme: string, n: number) => `${programme}, cohort ${n}`,
  gatheringsHeading: "Gatherings you organise",
  networksHeading: "Learning networks you lead",
  nothingToReach: "You have no groups to write to.",
  sentHeading: "Your messages",
  none: "You have not written any messages yet.",
  newMessage: "New message",
  segment: "Recipients",
  subjectNb: "Subject (Bokmål)",
  bodyNb: "Text (Bokmål)",
  subjectNn: "Subject (Nynorsk, optional)",
  bodyNn: "Text (Nynorsk, optional)",
  nnHint: "If you also write in Nynorsk, municipalities that chose Nynorsk get that version.",
  bodyHint: "Markdown: ## heading, **bold**, [link](https://…), lists with -. No images.",
  replyToLead: (address: string) => `Replies go to you: ${address}.`,
  save: "Save the draft",
  saved: "The draft is saved. Check the recipients and send.",
  recipientsCount: (n: number) =>
    n === 1
      ? "1 recipient gets the message as things stand."
      : `${n} recipients get the message as things stand.`,
  sampleLead: "Some of them:",
  noRecipients: "Nobody gets this message as things stand. It cannot be sent.",
  send: "Send the message",
  sendHeading: "Send",
  refusedTitle: "You cannot write to these",
  statusLabel: "Status",
};
const messageCatalogue: Record<Lang, MessageTexts> = {
  nb: messageNb,
  nn: messageNn,
  en: messageEn,
};
export const messageTexts = (lang: Lang): MessageTexts => messageCatalogue[lang];

/** Why a segment is refused (403, shown on the page). */
export const refusalTexts: Record<Lang, Record<string, string>> = {
  nb: {
    notYourRole: "Rollen din gir ikke rett til å skrive til denne gruppen.",
    notYourCohort: "Statsforvalteren du arbeider for, er ikke med i denne puljen.",
    notYourCounty: "Du kan bare skrive til kommuner i fylkene statsforvalteren din dekker.",
    notYourMunicipality: "Du kan bare skrive til folk i din egen kommune.",
    notYourGathering: "Du kan bare skrive til påmeldte på samlinger du arrangerer.",
    notYourNetwork: "Du kan bare skrive til medlemmer av nettverk kommunen din leder.",
    noAddress: "Du har ingen e-postadresse i Samspill, så ingen kan svare deg.",
  },
  nn: {
    notYourRole: "Rolla di gir ikkje rett til å skrive til denne gruppa.",
    notYourCohort: "Statsforvaltaren du arbeider for, er ikkje med i denne puljen.",
    notYourCounty: "Du kan berre skrive til kommunar i fylka statsforvaltaren din dekkjer.",
    notYourMunicipality: "Du kan berre skrive til folk i din eigen kommune.",
    notYourGathering: "Du kan berre skrive til påmelde på samlingar du arrangerer.",
    notYourNetwork: "Du kan berre skrive til medlemmer av nettverk kommunen din leier.",
    noAddress: "Du har inga e-postadresse i Samspill, så ingen kan svare deg.",
  },
  en: {
    notYourRole: "Your role does not allow you to write to this group.",
    notYourCohort: "The county governor's office you work for is not in this cohort.",
    notYourCounty: "You can only write to municipalities in the counties your office covers.",
    notYourMunicipality: "You can only write to people in your own municipality.",
    notYourGathering: "You can only write to those registered for gatherings you organise.",
    notYourNetwork: "You can only write to members of networks your municipality leads.",
    noAddress: "You have no e-mail address in Samspill, so nobody could reply to you.",
  },
};
