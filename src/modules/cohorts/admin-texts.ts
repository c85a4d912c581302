import type { ErrorCatalogues } from "../../web/form-errors";
import { type Lang, pluralText } from "../../web/i18n";

/** The cohort admin's strings: the same keys in bokmål, nynorsk and English. */
export const cohortAdminTexts = {
  nb: {
    wayInLegend: "Hvordan kommer kommunene med?",
    wayIns: {
      invitation: "Ved invitasjon (statsforvalterne inviterer kommunene)",
      application: "Ved søknad (kommunene søker i en søknadsrunde)",
    },
    wayInShort: { invitation: "Invitasjon", application: "Søknad" },
    wayInHint:
      "Ved søknad inviteres ingen embeter, og fristene for embetene og kommunene trengs ikke: søknadsfristen settes i søknadsrunden.",
    applicationRound: "Søknadsrunde",
    applicationRoundOf: (n: number) => `for pulje ${n}`,
    noOfficesForApplication: "Ingen (søknad)",
    listTitle: (p: string) => `Puljer i «${p}»`,
    listLead:
      "Puljene i tilbudet og embetene som er invitert. Opprett en ny pulje for å invitere statsforvalterne.",
    none: "Tilbudet har ingen puljer ennå.",
    newCohort: "Ny pulje",
    programmes: "Tilbudssider",
    cohorts: "Puljer",
    colCohort: "Pulje",
    colPeriod: "Periode",
    colDeadlines: "Frister",
    colOffices: "Inviterte embeter",
    colOverview: "Oversikt",
    cohortName: (n: number) => `Pulje ${n}`,
    period: (from: string, to: string) => `${from} til ${to}`,
    officeDeadlineShort: (d: string) => `Embetene: ${d}`,
    answerDeadlineShort: (d: string) => `Kommunene: ${d}`,
    noOffices: "Ingen ennå",
    gatheringsCount: (n: number) =>
      n === 0
        ? ""
        : pluralText("nb-NO", { one: "1 planlagt samling", other: "{n} planlagte samlinger" }, n),
    overview: "Se oversikten",
    overviewOf: (n: number) => `over pulje ${n}`,
    edit: "Endre",
    editOf: (n: number) => `pulje ${n}`,
    created: (n: number) => `Pulje ${n} er opprettet. Embetene er invitert og får e-post.`,
    saved: (n: number) => `Endringene i pulje ${n} er lagret.`,
    savedInvited: (n: number, k: number) =>
      pluralText(
        "nb-NO",
        {
          one: `Endringene i pulje ${n} er lagret, og 1 embete til er invitert.`,
          other: `Endringene i pulje ${n} er lagret, og {n} embeter til er invitert.`,
        },
        k,
      ),
    newTitle: (p: string) => `Ny pulje i «${p}»`,
    editTitle: (n: number, p: string) => `Pulje ${n} i «${p}»`,
    number: "Nummer på puljen",
    numberHint: "Nummeret puljen har i tilbudet, for eksempel 4.",
    datesLegend: "Periode og frister",
    startsOn: "Startdato",
    endsOn: "Sluttdato",
    officeInviteDeadline: "Frist for embetene",
    officeInviteDeadlineHint: "Siste dag embetene kan invitere kommuner. Må være før startdatoen.",
    answerDeadline: "Svarfrist for kommunene",
    answerDeadlineHint:
      "Fristen kommunene får når embetet ikke setter en egen: etter fristen for embetene og senest på startdatoen.",
    reminderDaysBefore: "Påminnelse, antall dager før svarfristen",
    reminderHint:
      "Kommuner som ikke har svart, får en påminnelse så mange dager før fristen. 0 betyr ingen påminnelse.",
    officesLegend: "Embeter som inviteres",
    officesHint: (date: string) =>
      `Embetene slik de er på startdatoen, ${date}. Endrer du startdatoen, trykk «Forhåndsvis» for å få listen for den nye datoen.`,
    officesHintEdit:
      "Embeter som er invitert, blir stående. Kryss av for embeter som skal inviteres i tillegg; de får e-post når du lagrer.",
    invitedOn: (d: string) => `invitert ${d}`,
    invited: "invitert",
    termsLegend: "Vilkår for å delta",
    termsHint:
      "Skriv i Markdown: ## for overskrift, - for punktliste, [tekst](https://adresse) for lenke. Skript og lenker som ikke begynner med https://, mailto: eller tel: blir avvist.",
    termsNb: "Vilkår på bokmål",
    termsNn: "Vilkår på nynorsk",
    termsEn: "Vilkår på engelsk",
    gatheringsLegend: "Planlagte samlinger",
    gatheringsHint:
      "Fyll ut type, tittel og dato for hver samling, eller la raden stå tom. Tøm en rad for å fjerne samlingen.",
    gatheringRow: (n: number) => `Samling ${n}`,
    kind: "Type",
    kinds: { national: "Nasjonal samling", regional: "Regional samling" },
    choose: "Velg",
    gatheringTitle: "Tittel",
    gatheringDate: "Dato",
    preview: "Forhåndsvis",
    create: "Opprett puljen og inviter embetene",
    save: "Lagre endringene",
    previewTitle: "Forhåndsvisning av vilkårene",
    previewLead: "Slik blir vilkårene. Ingenting er lagret ennå.",
    previewEmpty: "Ingen tekst.",
    removed:
      "Noe i teksten er ikke tillatt: skript, stiler, innebygde elementer eller lenker som ikke virker. Det må tas bort før du lagrer.",
  },
  nn: {
    wayInLegend: "Korleis kjem kommunane med?",
    wayIns: {
      invitation: "Ved invitasjon (statsforvaltarane inviterer kommunane)",
      application: "Ved søknad (kommunane søkjer i ein søknadsrunde)",
    },
    wayInShort: { invitation: "Invitasjon", application: "Søknad" },
    wayInHint:
      "Ved søknad blir ingen embete inviterte, og fristane for embeta og kommunane trengst ikkje: søknadsfristen blir sett i søknadsrunden.",
    applicationRound: "Søknadsrunde",
    applicationRoundOf: (n: number) => `for pulje ${n}`,
    noOfficesForApplication: "Ingen (søknad)",
    listTitle: (p: string) => `Puljar i «${p}»`,
    listLead:
      "Puljane i tilbodet og embeta som er inviterte. Opprett ein ny pulje for å invitere statsforvaltarane.",
    none: "Tilbodet har ingen puljar enno.",
    newCohort: "Ny pulje",
    programmes: "Tilbodssider",
    cohorts: "Puljar",
    colCohort: "Pulje",
    colPeriod: "Periode",
    colDeadlines: "Fristar",
    colOffices: "Inviterte embete",
    colOverview: "Oversikt",
    cohortName: (n: number) => `Pulje ${n}`,
    period: (from: string, to: string) => `${from} til ${to}`,
    officeDeadlineShort: (d: string) => `Embeta: ${d}`,
    answerDeadlineShort: (d: string) => `Kommunane: ${d}`,
    noOffices: "Ingen enno",
    gatheringsCount: (n: number) =>
      n === 0
        ? ""
        : pluralText("nn-NO", { one: "1 planlagd samling", other: "{n} planlagde samlingar" }, n),
    overview: "Sjå oversikta",
    overviewOf: (n: number) => `over pulje ${n}`,
    edit: "Endre",
    editOf: (n: number) => `pulje ${n}`,
    created: (n: number) => `Pulje ${n} er oppretta. Embeta er inviterte og får e-post.`,
    saved: (n: number) => `Endringane i pulje ${n} er lagra.`,
    savedInvited: (n: number, k: number) =>
      pluralText(
        "nn-NO",
        {
          one: `Endringane i pulje ${n} er lagra, og 1 embete til er invitert.`,
          other: `Endringane i pulje ${n} er lagra, og {n} embete til er inviterte.`,
        },
        k,
      ),
    newTitle: (p: string) => `Ny pulje i «${p}»`,
    editTitle: (n: number, p: string) => `Pulje ${n} i «${p}»`,
    number: "Nummer på puljen",
    numberHint: "Nummeret puljen har i tilbodet, til dømes 4.",
    datesLegend: "Periode og fristar",
    startsOn: "Startdato",
    endsOn: "Sluttdato",
    officeInviteDeadline: "Frist for embeta",
    officeInviteDeadlineHint: "Siste dag embeta kan invitere kommunar. Må vere før startdatoen.",
    answerDeadline: "Svarfrist for kommunane",
    answerDeadlineHint:
      "Fristen kommunane får når embetet ikkje set ein eigen: etter fristen for embeta og seinast på startdatoen.",
    reminderDaysBefore: "Påminning, tal dagar før svarfristen",
    reminderHint:
      "Kommunar som ikkje har svart, får ei påminning så mange dagar før fristen. 0 tyder inga påminning.",
    officesLegend: "Embete som blir inviterte",
    officesHint: (date: string) =>
      `Embeta slik dei er på startdatoen, ${date}. Endrar du startdatoen, trykk «Førehandsvis» for å få lista for den nye datoen.`,
    officesHintEdit:
      "Embete som er inviterte, blir ståande. Kryss av for embete som skal inviterast i tillegg; dei får e-post når du lagrar.",
    invitedOn: (d: string) => `invitert ${d}`,
    invited: "invitert",
    termsLegend: "Vilkår for å vere med",
    termsHint:
      "Skriv i Markdown: ## for overskrift, - for punktliste, [tekst](https://adresse) for lenkje. Skript og lenkjer som ikkje byrjar med https://, mailto: eller tel: blir avviste.",
    termsNb: "Vilkår på bokmål",
    termsNn: "Vilkår på nynorsk",
    termsEn: "Vilkår på engelsk",
    gatheringsLegend: "Planlagde samlingar",
    gatheringsHint:
      "Fyll ut type, tittel og dato for kvar samling, eller la rada stå tom. Tøm ei rad for å fjerne samlinga.",
    gatheringRow: (n: number) => `Samling ${n}`,
    kind: "Type",
    kinds: { national: "Nasjonal samling", regional: "Regional samling" },
    choose: "Vel",
    gatheringTitle: "Tittel",
    gatheringDate: "Dato",
    preview: "Førehandsvis",
    create: "Opprett puljen og inviter embeta",
    save: "Lagre endringane",
    previewTitle: "Førehandsvising av vilkåra",
    previewLead: "Slik blir vilkåra. Ingenting er lagra enno.",
    previewEmpty: "Ingen tekst.",
    removed:
      "Noko i teksten er ikkje tillate: skript, stilar, innebygde element eller lenkjer som ikkje verkar. Det må takast bort før du lagrar.",
  },
  en: {
    wayInLegend: "How do municipalities join?",
    wayIns: {
      invitation: "By invitation (the county offices invite the municipalities)",
      application: "By application (municipalities apply in an application round)",
    },
    wayInShort: { invitation: "Invitation", application: "Application" },
    wayInHint:
      "By application, no offices are invited and the deadlines for offices and municipalities are not needed: the application deadline is set in the application round.",
    applicationRound: "Application round",
    applicationRoundOf: (n: number) => `of cohort ${n}`,
    noOfficesForApplication: "None (application)",
    listTitle: (p: string) => `Cohorts of “${p}”`,
    listLead:
      "The programme's cohorts and the county governors' offices invited. Create a new cohort to invite the offices.",
    none: "The programme has no cohorts yet.",
    newCohort: "New cohort",
    programmes: "Programme pages",
    cohorts: "Cohorts",
    colCohort: "Cohort",
    colPeriod: "Period",
    colDeadlines: "Deadlines",
    colOffices: "Offices invited",
    colOverview: "Overview",
    cohortName: (n: number) => `Cohort ${n}`,
    period: (from: string, to: string) => `${from} to ${to}`,
    officeDeadlineShort: (d: string) => `Offices: ${d}`,
    answerDeadlineShort: (d: string) => `Municipalities: ${d}`,
    noOffices: "None yet",
    gatheringsCount: (n: number) =>
      n === 0
        ? ""
        : pluralText("en-GB", { one: "1 planned gathering", other: "{n} planned gatherings" }, n),
    overview: "See the overview",
    overviewOf: (n: number) => `of cohort ${n}`,
    edit: "Edit",
    editOf: (n: number) => `cohort ${n}`,
    created: (n: number) => `Cohort ${n} is created. The offices are invited and get an email.`,
    saved: (n: number) => `The changes to cohort ${n} are saved.`,
    savedInvited: (n: number, k: number) =>
      pluralText(
        "en-GB",
        {
          one: `The changes to cohort ${n} are saved, and 1 more office is invited.`,
          other: `The changes to cohort ${n} are saved, and {n} more offices are invited.`,
        },
        k,
      ),
    newTitle: (p: string) => `New cohort of “${p}”`,
    editTitle: (n: number, p: string) => `Cohort ${n} of “${p}”`,
    number: "Cohort number",
    numberHint: "The cohort's number in the programme, such as 4.",
    datesLegend: "Period and deadlines",
    startsOn: "Start date",
    endsOn: "End date",
    officeInviteDeadline: "Deadline for the offices",
    officeInviteDeadlineHint:
      "The last day the offices can invite municipalities. Must be before the start date.",
    answerDeadline: "Answer deadline for municipalities",
    answerDeadlineHint:
      "The deadline municipalities get when the office sets none: after the offices' deadline and no later than the start date.",
    reminderDaysBefore: "Reminder, days before the answer deadline",
    reminderHint:
      "Municipalities that have not answered get a reminder this many days before the deadline. 0 means no reminder.",
    officesLegend: "Offices to invite",
    officesHint: (date: string) =>
      `The offices as they are on the start date, ${date}. If you change the start date, press “Preview” to get the list for the new date.`,
    officesHintEdit:
      "Offices already invited stay. Tick further offices to invite; they get an email when you save.",
    invitedOn: (d: string) => `invited ${d}`,
    invited: "invited",
    termsLegend: "Terms of taking part",
    termsHint:
      "Write in Markdown: ## for a heading, - for a bullet list, [text](https://address) for a link. Scripts and links that do not start with https://, mailto: or tel: are refused.",
    termsNb: "Terms in Bokmål",
    termsNn: "Terms in Nynorsk",
    termsEn: "Terms in English",
    gatheringsLegend: "Planned gatherings",
    gatheringsHint:
      "Fill in the kind, title and date of each gathering, or leave the row empty. Empty a row to remove its gathering.",
    gatheringRow: (n: number) => `Gathering ${n}`,
    kind: "Kind",
    kinds: { national: "National gathering", regional: "Regional gathering" },
    choose: "Choose",
    gatheringTitle: "Title",
    gatheringDate: "Date",
    preview: "Preview",
    create: "Create the cohort and invite the offices",
    save: "Save the changes",
    previewTitle: "Preview of the terms",
    previewLead: "This is how the terms will look. Nothing is saved yet.",
    previewEmpty: "No text.",
    removed:
      "Something in the text is not allowed: scripts, styles, embedded elements or links that do not work. Remove it before you save.",
  },
} satisfies Record<Lang, unknown>;

export type CohortAdminTexts = (typeof cohortAdminTexts)["nb"];
export const cohortTexts = (lang: Lang): CohortAdminTexts => cohortAdminTexts[lang];

/**
 * The errors of the cohort form. A date's or a text's sentence names its field (`label`); a
 * gathering row's names the row (`row`, from 1). The chain's refusals: an office that does
 * not exist on the start date (`offices`), or a cohort gone meanwhile.
 */
export const cohortErrors: ErrorCatalogues<
  | "number"
  | "numberTaken"
  | "date"
  | "endBeforeStart"
  | "officeDeadlineAfterStart"
  | "answerBeforeOffice"
  | "answerAfterStart"
  | "inPast"
  | "reminder"
  | "script"
  | "brokenLink"
  | "officesRequired"
  | "officeNotAtStart"
  | "invitedOfficeGone"
  | "rowIncomplete"
  | "rowDate"
  | "rowOutside"
  | "rowMax"
  | "offices.outsideCoverage"
  | "notFound"
> = {
  nb: {
    number: "Skriv et helt tall fra 1 til 999 som nummer på puljen",
    numberTaken: "Tilbudet har allerede en pulje med dette nummeret. Velg et annet nummer.",
    date: (e) => `${e.label} må være en gyldig dato, for eksempel 1.8.2027`,
    endBeforeStart: "Sluttdatoen må være etter startdatoen",
    officeDeadlineAfterStart: "Fristen for embetene må være før startdatoen",
    answerBeforeOffice: "Svarfristen for kommunene må være etter fristen for embetene",
    answerAfterStart: "Svarfristen for kommunene kan ikke være etter startdatoen",
    inPast: (e) => `${e.label} kan ikke være en dag som har passert`,
    reminder: "Skriv et antall dager fra 0 til 30 for påminnelsen",
    script: (e) => `${e.label} inneholder skript, stiler eller innebygde elementer. Ta dem bort.`,
    brokenLink: (e) =>
      `${e.label} har en lenke som ikke virker. En lenke må begynne med https://, mailto: eller tel:.`,
    officesRequired: "Velg minst ett embete å invitere",
    officeNotAtStart:
      "Et av embetene du valgte, finnes ikke på startdatoen. Velg blant embetene i listen.",
    invitedOfficeGone:
      "Et embete som er invitert, finnes ikke på denne startdatoen. Velg en annen startdato.",
    rowIncomplete: (e) => `Samling ${e.params.row}: fyll ut type, tittel og dato, eller tøm raden`,
    rowDate: (e) => `Samling ${e.params.row}: skriv en gyldig dato, for eksempel 15.9.2027`,
    rowOutside: (e) => `Samling ${e.params.row}: datoen må være i puljens periode`,
    rowMax: (e) => `Samling ${e.params.row}: tittelen kan ha høyst ${e.max} tegn`,
    "offices.outsideCoverage":
      "Embetene kunne ikke inviteres: et av dem finnes ikke på startdatoen.",
    notFound: "Puljen kunne ikke lagres. Last siden på nytt og prøv igjen.",
  },
  nn: {
    number: "Skriv eit heilt tal frå 1 til 999 som nummer på puljen",
    numberTaken: "Tilbodet har alt ein pulje med dette nummeret. Vel eit anna nummer.",
    date: (e) => `${e.label} må vere ein gyldig dato, til dømes 1.8.2027`,
    endBeforeStart: "Sluttdatoen må vere etter startdatoen",
    officeDeadlineAfterStart: "Fristen for embeta må vere før startdatoen",
    answerBeforeOffice: "Svarfristen for kommunane må vere etter fristen for embeta",
    answerAfterStart: "Svarfristen for kommunane kan ikkje vere etter startdatoen",
    inPast: (e) => `${e.label} kan ikkje vere ein dag som har passert`,
    reminder: "Skriv eit tal dagar frå 0 til 30 for påminninga",
    script: (e) => `${e.label} inneheld skript, stilar eller innebygde element. Ta dei bort.`,
    brokenLink: (e) =>
      `${e.label} har ei lenkje som ikkje verkar. Ei lenkje må byrje med https://, mailto: eller tel:.`,
    officesRequired: "Vel minst eitt embete å invitere",
    officeNotAtStart:
      "Eitt av embeta du valde, finst ikkje på startdatoen. Vel blant embeta i lista.",
    invitedOfficeGone:
      "Eit embete som er invitert, finst ikkje på denne startdatoen. Vel ein annan startdato.",
    rowIncomplete: (e) => `Samling ${e.params.row}: fyll ut type, tittel og dato, eller tøm rada`,
    rowDate: (e) => `Samling ${e.params.row}: skriv ein gyldig dato, til dømes 15.9.2027`,
    rowOutside: (e) => `Samling ${e.params.row}: datoen må vere i perioden til puljen`,
    rowMax: (e) => `Samling ${e.params.row}: tittelen kan ha høgst ${e.max} teikn`,
    "offices.outsideCoverage":
      "Embeta kunne ikkje inviterast: eitt av dei finst ikkje på startdatoen.",
    notFound: "Puljen kunne ikkje lagrast. Last sida på nytt og prøv igjen.",
  },
  en: {
    number: "Enter a whole number from 1 to 999 as the cohort number",
    numberTaken: "The programme already has a cohort with this number. Choose another number.",
    date: (e) => `${e.label} must be a valid date, such as 1.8.2027`,
    endBeforeStart: "The end date must be after the start date",
    officeDeadlineAfterStart: "The offices' deadline must be before the start date",
    answerBeforeOffice: "The municipalities' answer deadline must be after the offices' deadline",
    answerAfterStart: "The municipalities' answer deadline cannot be after the start date",
    inPast: (e) => `${e.label} cannot be a day that has passed`,
    reminder: "Enter a number of days from 0 to 30 for the reminder",
    script: (e) => `${e.label} contains scripts, styles or embedded elements. Remove them.`,
    brokenLink: (e) =>
      `${e.label} has a link that does not work. A link must start with https://, mailto: or tel:.`,
    officesRequired: "Choose at least one office to invite",
    officeNotAtStart:
      "One of the offices you chose does not exist on the start date. Choose from the offices in the list.",
    invitedOfficeGone:
      "An office already invited does not exist on this start date. Choose another start date.",
    rowIncomplete: (e) =>
      `Gathering ${e.params.row}: fill in the kind, title and date, or empty the row`,
    rowDate: (e) => `Gathering ${e.params.row}: enter a valid date, such as 15.9.2027`,
    rowOutside: (e) => `Gathering ${e.params.row}: the date must be within the cohort's period`,
    rowMax: (e) => `Gathering ${e.params.row}: the title can have at most ${e.max} characters`,
    "offices.outsideCoverage":
      "The offices could not be invited: one of them does not exist on the start date.",
    notFound: "The cohort could not be saved. Reload the page and try again.",
  },
};
