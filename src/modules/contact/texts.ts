import type { ErrorCatalogues } from "../../web/form-errors";
import type { Lang } from "../../web/i18n";

/** The contact module's texts: bokmål, nynorsk and English. */
const nb = {
  title: "Kontakt oss",
  lead: "Skriv til oss om tilbudene, om søknader eller om samlinger. Vi svarer på e-post, vanligvis innen tre virkedager.",
  phoneAlternative: (phone: string, owner: string) => `Du kan også ringe ${owner} på ${phone}.`,
  name: "Navn",
  email: "E-postadresse",
  emailHint: "Vi sender en kvittering hit og svarer deg hit.",
  municipality: "Kommune",
  municipalityHint: "Kommunen du jobber i eller skriver om.",
  programme: "Tilbud",
  programmeAny: "Gjelder ikke et bestemt tilbud",
  topicName: "hva det gjelder",
  topic: "Hva gjelder det?",
  topics: {
    question: "Spørsmål om et tilbud",
    application: "Søknad og deltakelse",
    gathering: "Samlinger",
    technical: "Feil eller problemer på nettsiden",
    other: "Annet",
  } as Record<string, string>,
  message: "Melding",
  messageHint: "Ikke skriv opplysninger om enkeltbarn eller elever.",
  send: "Send melding",
  receiptTitle: "Meldingen er sendt",
  receiptLead: (email: string) => `Vi har fått meldingen din og sendt en kvittering til ${email}.`,
  reference: "Referanse",
  sentAt: "Sendt",
  yourMessage: "Meldingen din",
  mailSubject: (ref: string) => `Kvittering: vi har fått meldingen din (${ref})`,
  mailBody: (name: string, ref: string, message: string) =>
    `Hei ${name}!\n\nTakk for meldingen. Vi har fått den og svarer deg på e-post.\n\nReferanse: ${ref}\n\nDette skrev du:\n${message}\n\nVennlig hilsen\nSamspill`,
  ownerSubject: (ref: string) => `Ny melding fra kontaktskjemaet (${ref})`,
  ownerBody: (m: {
    name: string;
    email: string;
    municipality: string;
    topic: string;
    programme: string | null;
    message: string;
  }) =>
    `Fra: ${m.name} <${m.email}>\nKommune: ${m.municipality}\nGjelder: ${m.topic}\n${m.programme ? `Tilbud: ${m.programme}\n` : ""}Skrevet på bokmål: svar på bokmål.\n\n${m.message}`,
};

type ContactTexts = typeof nb;

const nn: ContactTexts = {
  title: "Kontakt oss",
  lead: "Skriv til oss om tilboda, om søknader eller om samlingar. Vi svarer på e-post, vanlegvis innan tre vyrkedagar.",
  phoneAlternative: (phone: string, owner: string) => `Du kan også ringje ${owner} på ${phone}.`,
  name: "Namn",
  email: "E-postadresse",
  emailHint: "Vi sender ei kvittering hit og svarer deg hit.",
  municipality: "Kommune",
  municipalityHint: "Kommunen du jobbar i eller skriv om.",
  programme: "Tilbod",
  programmeAny: "Gjeld ikkje eit bestemt tilbod",
  topicName: "kva det gjeld",
  topic: "Kva gjeld det?",
  topics: {
    question: "Spørsmål om eit tilbod",
    application: "Søknad og deltaking",
    gathering: "Samlingar",
    technical: "Feil eller problem på nettsida",
    other: "Anna",
  },
  message: "Melding",
  messageHint: "Ikkje skriv opplysningar om enkeltbarn eller elevar.",
  send: "Send melding",
  receiptTitle: "Meldinga er send",
  receiptLead: (email: string) => `Vi har fått meldinga di og sendt ei kvittering til ${email}.`,
  reference: "Referanse",
  sentAt: "Send",
  yourMessage: "Meldinga di",
  mailSubject: (ref: string) => `Kvittering: vi har fått meldinga di (${ref})`,
  mailBody: (name: string, ref: string, message: string) =>
    `Hei ${name}!\n\nTakk for meldinga. Vi har fått ho og svarer deg på e-post.\n\nReferanse: ${ref}\n\nDette skreiv du:\n${message}\n\nVennleg helsing\nSamspill`,
  ownerSubject: (ref: string) => `Ny melding frå kontaktskjemaet (${ref})`,
  ownerBody: (m: {
    name: string;
    email: string;
    municipality: string;
    topic: string;
    programme: string | null;
    message: string;
  }) =>
    `Frå: ${m.name} <${m.email}>\nKommune: ${m.municipality}\nGjeld: ${m.topic}\n${m.programme ? `Tilbod: ${m.programme}\n` : ""}Skrive på nynorsk: svar på nynorsk.\n\n${m.message}`,
};

const en: ContactTexts = {
  title: "Contact us",
  lead: "Write to us about the programmes, applications or gatherings. We reply by e-mail, usually within three working days.",
  phoneAlternative: (phone: string, owner: string) => `You can also call ${owner} on ${phone}.`,
  name: "Name",
  email: "E-mail address",
  emailHint: "We send a receipt and our reply to this address.",
  municipality: "Municipality",
  municipalityHint: "The municipality you work in or write about.",
  programme: "Programme",
  programmeAny: "Not about a particular programme",
  topicName: "what it is about",
  topic: "What is it about?",
  topics: {
    question: "A question about a programme",
    application: "Applying and taking part",
    gathering: "Gatherings",
    technical: "Errors or problems on the website",
    other: "Something else",
  },
  message: "Message",
  messageHint: "Do not write information about individual children or pupils.",
  send: "Send message",
  receiptTitle: "Your message has been sent",
  receiptLead: (email: string) => `We have received your message and sent a receipt to ${email}.`,
  reference: "Reference",
  sentAt: "Sent",
  yourMessage: "Your message",
  mailSubject: (ref: string) => `Receipt: we have received your message (${ref})`,
  mailBody: (name: string, ref: string, message: string) =>
    `Hello ${name},\n\nThank you for your message. We have received it and will reply by e-mail.\n\nReference: ${ref}\n\nYou wrote:\n${message}\n\nKind regards\nSamspill`,
  ownerSubject: (ref: string) => `New message from the contact form (${ref})`,
  ownerBody: (m: {
    name: string;
    email: string;
    municipality: string;
    topic: string;
    programme: string | null;
    message: string;
  }) =>
    `From: ${m.name} <${m.email}>\nMunicipality: ${m.municipality}\nTopic: ${m.topic}\n${m.programme ? `Programme: ${m.programme}\n` : ""}Written in English: reply in English.\n\n${m.message}`,
};

const texts: Record<Lang, ContactTexts> = { nb, nn, en };

export function contactTexts(lang: Lang): ContactTexts {
  return texts[lang];
}

/** The contact form's own error codes; the shared rules' codes come from web/form-errors. */
export const contactErrors: ErrorCatalogues<"municipality"> = {
  nb: { municipality: "Velg en kommune fra listen" },
  nn: { municipality: "Vel ein kommune frå lista" },
  en: { municipality: "Choose a municipality from the list" },
};
