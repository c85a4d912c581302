import type { Lang } from "../../web/i18n";

/** The programmes module's public texts: the catalogue on the front page and a programme's page. */
const nb = {
  title: "Tilbud om kompetanseutvikling",
  intro:
    "Her finner du tilbudene kommuner, barnehager og skoler kan delta i. Les om hvem tilbudet er for, hvordan det er organisert og hvordan dere blir med.",
  catalogue: "Tilbud",
  by: (owner: string) => `Fra ${owner}`,
  facts: "Kort om tilbudet",
  status: "Status",
  startedIn: (monthYear: string) => `Startet i ${monthYear}`,
  targetGroup: "Målgruppe",
  duration: "Varighet",
  durationRange: (min: number, max: number) =>
    min === max ? `${min} måneder` : `${min} til ${max} måneder`,
  delivery: "Gjennomføring",
  deliveryModes: {
    mixed: "Nasjonale og regionale samlinger, lokalt utviklingsarbeid og lærende nettverk",
    "mostly-digital": "Noe fysisk, mest digitalt",
  } as Record<string, string>,
  howToJoin: "Slik blir dere med",
  models: {
    cohorts:
      "Utdanningsdirektoratet inviterer statsforvalterne, og statsforvalterne inviterer kommuner i sine fylker.",
    application: "Kommunen søker om å delta. Søknaden blir vurdert før dere får svar.",
  } as Record<string, string>,
  contact: "Kontakt",
  contactLead: "Har du spørsmål om tilbudet?",
  contactForm: "Bruk kontaktskjemaet",
  phone: (phone: string) => `eller ring ${phone}`,
  newsletterLead: "Vil du få nyheter om tilbudet?",
  newsletterLink: "Meld deg på nyhetsbrevet",
  themes: "Tema",
  costs: "Kostnader",
  commitments: "Dette forplikter kommunen seg til",
  documents: "Dokumenter",
  documentDetails: (type: string, size: string) => `${type}, ${size}`,
  contactPoint: "Kontaktpunkt",
};

export type ProgrammePageTexts = typeof nb;
const nn: ProgrammePageTexts = {
  title: "Tilbod om kompetanseutvikling",
  intro:
    "Her finn du tilboda kommunar, barnehagar og skular kan vere med i. Les om kven tilbodet er for, korleis det er organisert og korleis de blir med.",
  catalogue: "Tilbod",
  by: (owner: string) => `Frå ${owner}`,
  facts: "Kort om tilbodet",
  status: "Status",
  startedIn: (monthYear: string) => `Starta i ${monthYear}`,
  targetGroup: "Målgruppe",
  duration: "Varigheit",
  durationRange: (min: number, max: number) =>
    min === max ? `${min} månader` : `${min} til ${max} månader`,
  delivery: "Gjennomføring",
  deliveryModes: {
    mixed: "Nasjonale og regionale samlingar, lokalt utviklingsarbeid og lærande nettverk",
    "mostly-digital": "Noko fysisk, mest digitalt",
  },
  howToJoin: "Slik blir de med",
  models: {
    cohorts:
      "Utdanningsdirektoratet inviterer statsforvaltarane, og statsforvaltarane inviterer kommunar i fylka sine.",
    application: "Kommunen søkjer om å vere med. Søknaden blir vurdert før de får svar.",
  },
  contact: "Kontakt",
  contactLead: "Har du spørsmål om tilbodet?",
  contactForm: "Bruk kontaktskjemaet",
  phone: (phone: string) => `eller ring ${phone}`,
  newsletterLead: "Vil du få nyheiter om tilbodet?",
  newsletterLink: "Meld deg på nyheitsbrevet",
  themes: "Tema",
  costs: "Kostnader",
  commitments: "Dette forpliktar kommunen seg til",
  documents: "Dokument",
  documentDetails: (type: string, size: string) => `${type}, ${size}`,
  contactPoint: "Kontaktpunkt",
};

const en: ProgrammePageTexts = {
  title: "Competence development programmes",
  intro:
    "These are the programmes municipalities, kindergartens and schools can take part in. Read who each programme is for, how it is organised and how to join.",
  catalogue: "Programmes",
  by: (owner: string) => `From ${owner}`,
  facts: "At a glance",
  status: "Status",
  startedIn: (monthYear: string) => `Started in ${monthYear}`,
  targetGroup: "Target group",
  duration: "Duration",
  durationRange: (min: number, max: number) =>
    min === max ? `${min} months` : `${min} to ${max} months`,
  delivery: "Delivery",
  deliveryModes: {
    mixed: "National and regional gatherings, local development work and learning networks",
    "mostly-digital": "Partly in person, mostly digital",
  },
  howToJoin: "How to join",
  models: {
    cohorts:
      "The Directorate invites the county governors, and the county governors invite municipalities in their counties.",
    application:
      "The municipality applies to take part. The application is assessed before you get an answer.",
  },
  contact: "Contact",
  contactLead: "Questions about the programme?",
  contactForm: "Use the contact form",
  phone: (phone: string) => `or call ${phone}`,
  newsletterLead: "Want news about the programme?",
  newsletterLink: "Subscribe to the newsletter",
  themes: "Themes",
  costs: "Costs",
  commitments: "What the municipality commits to",
  documents: "Documents",
  documentDetails: (type: string, size: string) => `${type}, ${size}`,
  contactPoint: "Contact point",
};

const texts: Record<Lang, ProgrammePageTexts> = { nb, nn, en };

export function programmePageTexts(lang: Lang): ProgrammePageTexts {
  return texts[lang];
}
