import type { ErrorCatalogues, ErrorContext } from "../../web/form-errors";
import { type Lang, pluralText } from "../../web/i18n";

/** The county office's page of a cohort: bokmål, nynorsk and English. */
const nb = {
  title: (office: string, cohort: number) => `${office}: pulje ${cohort}`,
  lead: (programme: string, cohort: number) =>
    `Her inviterer dere kommuner og private barnehager og skoler til ${programme}, pulje ${cohort}, og følger med på svarene.`,
  readOnly:
    "Du ser denne siden som programadministrator. Bare koordinatorer hos statsforvalteren kan invitere, minne på og gi ny frist.",
  breadcrumbCohort: (cohort: number) => `Pulje ${cohort}`,
  factsHeading: "Om puljen",
  programme: "Tilbud",
  cohort: "Pulje",
  period: "Periode",
  periodValue: (from: string, to: string) => `${from} – ${to}`,
  officeDeadline: "Frist for å invitere kommuner",
  noOfficeDeadline: "Ingen frist",
  answerDeadline: "Svarfrist for kommunene (forhåndsvalgt)",
  reminders: "Påminnelser",
  autoReminder: (days: number) =>
    pluralText(
      "nb-NO",
      {
        one: "Automatisk påminnelse sendes {n} dag før fristen til dem som ikke har svart.",
        other: "Automatisk påminnelse sendes {n} dager før fristen til dem som ikke har svart.",
      },
      days,
    ),
  noAutoReminder: "Denne puljen har ingen automatiske påminnelser.",
  overviewLink: "Vilkår for deltakelse og oversikt over hele puljen",
  officeDeadlinePassed: (date: string) =>
    `Fristen for å invitere kommuner gikk ut ${date}. Dere kan fortsatt minne på og gi ny svarfrist.`,
  statusHeading: "Status",
  statusSummary: (total: number, started: boolean) =>
    started
      ? `Dere dekket ${total} kommuner da puljen startet:`
      : `Dere dekker ${total} kommuner når puljen starter:`,
  countLine: (n: number, state: string) => `${state}: ${n}`,

  states: {
    notInvited: "Ikke invitert",
    invited: "Invitert",
    accepted: "Takket ja",
    declined: "Takket nei",
    expired: "Fristen gikk ut",
  },
  stateInvited: (deadline: string) => `Invitert, svarfrist ${deadline}`,
  stateDeclined: (reason: string) => `Takket nei. Begrunnelse: ${reason}`,
  stateExpired: (deadline: string) => `Fristen gikk ut ${deadline}`,

  invitedHeading: "Kommuner som er invitert",
  noneInvited: "Ingen kommuner er invitert ennå.",
  colMunicipality: "Kommune",
  colNumber: "Nummer",
  colCounty: "Fylke",
  colState: "Status",
  colDeadline: "Svarfrist",
  colReminders: "Påminnelser",
  colRecipient: "E-post",
  colActions: "Handlinger",
  remindersValue: (n: number, last: string | null) =>
    n === 0 ? "Ingen" : last ? `${n}, sist ${last}` : String(n),
  recipientYes: "Noen i Samspill får e-posten",
  recipientNo: "Ingen i Samspill får e-posten ennå",
  remindAll: "Send påminnelse til alle som ikke har svart",
  remindOne: "Send påminnelse",
  remindTo: (name: string) => `til ${name}`,
  historyLink: "Historikk og ny frist",
  historyFor: (name: string) => `for ${name}`,
  otherOffice: "Invitert av et annet kontor",

  inviteHeading: "Inviter kommuner",
  inviteLead: (date: string, started: boolean) =>
    `Dere kan invitere kommunene dere ${started ? `dekket da puljen startet (${date})` : `dekker når puljen starter (${date})`}. Kommunene får invitasjonen på e-post på sin målform, med en lenke til svarsiden.`,
  chooseLegend: "Velg kommuner som ikke er invitert",
  allInvited: "Alle kommunene dere dekker, er invitert.",
  contactHint:
    "Der ingen i kommunen får e-post fra Samspill ennå, må dere oppgi en kontaktperson. Hen blir invitert som kommunekoordinator og får invitasjonen.",
  contactNameFor: (name: string) => `Navn på kontaktperson i ${name}`,
  contactEmailFor: (name: string) => `E-post til kontaktperson i ${name}`,
  contactName: "Navn",
  contactEmail: "E-post",
  addContact: "Oppgi kontaktperson",
  inPlace: (name: string) => `i ${name}`,
  message: "Personlig melding",
  messageHint: "Kommer med i e-posten og på invitasjonen. Ikke skriv personopplysninger om barn.",
  deadline: "Svarfrist",
  deadlineHint: (date: string, start: string) =>
    `Siste dag for å svare. Forhåndsvalgt: ${date}. Kan ikke være etter at puljen starter (${start}).`,
  inviteChosen: "Inviter valgte kommuner",
  inviteAll: "Inviter alle som ikke er invitert",

  unitsHeading: "Private barnehager og skoler",
  unitsLead:
    "Private barnehager og skoler i fylkene dere dekker, kan inviteres direkte med organisasjonsnummeret.",
  noUnits: "Ingen private barnehager eller skoler er invitert.",
  colUnit: "Barnehage eller skole",
  colOrgNumber: "Organisasjonsnummer",
  searchLabel: "Søk etter privat barnehage eller skole",
  searchHint: "Navn eller organisasjonsnummer. Bare aktive, private enheter i fylkene dere dekker.",
  searchButton: "Søk",
  searchResults: (n: number) => pluralText("nb-NO", { other: "{n} treff" }, n),
  noSearchResults: "Ingen aktive, private barnehager eller skoler passer med søket.",
  useUnit: "Bruk",
  useUnitFor: (name: string) => `organisasjonsnummeret til ${name}`,
  unitInviteHeading: "Inviter en privat barnehage eller skole",
  unitOrgNumber: "Organisasjonsnummer",
  unitOrgNumberHint: "Ni siffer.",
  unitContactName: "Kontaktperson ved enheten: navn",
  unitContactEmail: "Kontaktperson ved enheten: e-post",
  unitContactHint:
    "Må fylles ut hvis ingen ved enheten får e-post fra Samspill ennå. Kontaktpersonen blir invitert som leder for enheten.",
  unitInvite: "Inviter enheten",
  school: "Skole",
  kindergarten: "Barnehage",

  invited: (n: number) =>
    pluralText(
      "nb-NO",
      {
        one: "1 kommune er invitert. Invitasjonen sendes på e-post nå.",
        other: "{n} kommuner er invitert. Invitasjonene sendes på e-post nå.",
      },
      n,
    ),
  unitInvited: "Enheten er invitert. Invitasjonen sendes på e-post nå.",
  reminded: (n: number) =>
    n === 0
      ? "Ingen påminnelse ble sendt: ingen invitasjon venter på svar."
      : pluralText(
          "nb-NO",
          {
            one: "Påminnelse er sendt til 1 som ikke har svart.",
            other: "Påminnelse er sendt til {n} som ikke har svart.",
          },
          n,
        ),
  extended: (n: number) =>
    pluralText(
      "nb-NO",
      {
        one: "Svarfristen er endret, og det er sendt e-post om den nye fristen til 1 mottaker.",
        other:
          "Svarfristen er endret, og det er sendt e-post om den nye fristen til {n} mottakere.",
      },
      n,
    ),
  extendedNoRecipient: (name: string) =>
    `Svarfristen er endret, men ingen fikk e-post om den: ingen i Samspill mottar e-post for ${name}. Legg til en kontaktperson nedenfor.`,
  remindPolicy: "Du kan sende én påminnelse per dag til hver kommune og enhet.",
  remindedToday: (time: string) => `Påminnelse sendt i dag kl. ${time}`,
  alreadyToday: (names: string) =>
    `${names} har allerede fått påminnelse i dag. Du kan sende én påminnelse per dag.`,
  noRecipient: (names: string) =>
    `Ingen påminnelse sendt til ${names}: ingen å sende til. Legg til en kontaktperson.`,
  addContactFor: (name: string) => `Legg til kontaktperson for ${name}`,
  recipientHeading: "Kontaktperson",
  recipientLead: (name: string) =>
    `Ingen i Samspill får e-post for ${name} ennå. Legg til en kontaktperson: hen blir invitert som koordinator og får invitasjonen på e-post.`,
  recipientMoreLead: (name: string) =>
    `Legg til en kontaktperson til for ${name}: hen blir invitert som koordinator og får invitasjonen på e-post.`,
  recipientName: "Navn på kontaktperson",
  recipientEmail: "E-post til kontaktperson",
  recipientButton: "Legg til kontaktperson",
  recipientAdded: (mailed: number): string =>
    mailed > 0
      ? "Kontaktpersonen er lagt til og invitert, og har fått invitasjonen på e-post."
      : "Kontaktpersonen er lagt til og invitert som koordinator.",

  invitationTitle: (name: string) => `Invitasjonen til ${name}`,
  backTo: (office: string) => `Tilbake til ${office}`,
  aboutInvitation: "Om invitasjonen",
  invitedAt: "Invitert",
  messageLabel: "Melding",
  noMessage: "Ingen melding",
  answeredAt: "Svart",
  declineReason: "Begrunnelse for nei",
  historyHeading: "Historikk",
  colAt: "Tidspunkt",
  colEvent: "Hendelse",
  colBy: "Av",
  colDetail: "Detaljer",
  system: "Samspill (automatisk)",
  deletedPerson: "Slettet person",
  events: {
    invited: "Invitert",
    reminded: "Påminnelse sendt",
    "auto-reminded": "Automatisk påminnelse sendt",
    extended: "Ny svarfrist",
    accepted: "Takket ja",
    declined: "Takket nei",
    expired: "Fristen gikk ut",
    enrolled: "Enhet meldt på",
    withdrawn: "Enhet meldt av",
    contact: "Kontaktperson endret",
    recipient: "Kontaktperson lagt til",
  } as Record<string, string>,
  eventDeadline: (date: string) => `Svarfrist ${date}`,
  eventExtended: (from: string, to: string, reason: string) =>
    `Fra ${from} til ${to}. Begrunnelse: ${reason}`,
  eventReminder: (n: number) => `Påminnelse nr. ${n}`,
  eventReason: (reason: string) => `Begrunnelse: ${reason}`,
  eventUnit: (orgNumber: string) => `Organisasjonsnummer ${orgNumber}`,
  contactKinds: {
    "resource-person": "Ressursperson",
    "pp-service": "PP-tjenesten",
  } as Record<string, string>,
  extendHeading: "Gi ny svarfrist",
  extendLead: (start: string) =>
    `Den nye fristen må være senere enn den gamle, og senest ${start}, da puljen starter. En invitasjon der fristen har gått ut, åpnes igjen.`,
  newDeadline: "Ny svarfrist",
  reason: "Begrunnelse",
  reasonHint: "Må fylles ut. Kommer med i e-posten om den nye fristen.",
  extendButton: "Gi ny frist",
  cannotExtend: "Det er svart på invitasjonen, så fristen kan ikke endres.",
};

export type OfficeTexts = typeof nb;

const nn: OfficeTexts = {
  title: (office, cohort) => `${office}: pulje ${cohort}`,
  lead: (programme, cohort) =>
    `Her inviterer de kommunar og private barnehagar og skular til ${programme}, pulje ${cohort}, og følgjer med på svara.`,
  readOnly:
    "Du ser denne sida som programadministrator. Berre koordinatorar hos statsforvaltaren kan invitere, minne på og gi ny frist.",
  breadcrumbCohort: (cohort) => `Pulje ${cohort}`,
  factsHeading: "Om puljen",
  programme: "Tilbod",
  cohort: "Pulje",
  period: "Periode",
  periodValue: (from, to) => `${from} – ${to}`,
  officeDeadline: "Frist for å invitere kommunar",
  noOfficeDeadline: "Inga frist",
  answerDeadline: "Svarfrist for kommunane (førehandsvald)",
  reminders: "Påminningar",
  autoReminder: (days) =>
    pluralText(
      "nn-NO",
      {
        one: "Automatisk påminning blir send {n} dag før fristen til dei som ikkje har svart.",
        other: "Automatisk påminning blir send {n} dagar før fristen til dei som ikkje har svart.",
      },
      days,
    ),
  noAutoReminder: "Denne puljen har ingen automatiske påminningar.",
  overviewLink: "Vilkår for deltaking og oversikt over heile puljen",
  officeDeadlinePassed: (date) =>
    `Fristen for å invitere kommunar gjekk ut ${date}. De kan framleis minne på og gi ny svarfrist.`,
  statusHeading: "Status",
  statusSummary: (total, started) =>
    started
      ? `De dekte ${total} kommunar då puljen starta:`
      : `De dekkjer ${total} kommunar når puljen startar:`,
  countLine: (n, state) => `${state}: ${n}`,

  states: {
    notInvited: "Ikkje invitert",
    invited: "Invitert",
    accepted: "Takka ja",
    declined: "Takka nei",
    expired: "Fristen gjekk ut",
  },
  stateInvited: (deadline) => `Invitert, svarfrist ${deadline}`,
  stateDeclined: (reason) => `Takka nei. Grunngiving: ${reason}`,
  stateExpired: (deadline) => `Fristen gjekk ut ${deadline}`,

  invitedHeading: "Kommunar som er inviterte",
  noneInvited: "Ingen kommunar er inviterte enno.",
  colMunicipality: "Kommune",
  colNumber: "Nummer",
  colCounty: "Fylke",
  colState: "Status",
  colDeadline: "Svarfrist",
  colReminders: "Påminningar",
  colRecipient: "E-post",
  colActions: "Handlingar",
  remindersValue: (n, last) => (n === 0 ? "Ingen" : last ? `${n}, sist ${last}` : String(n)),
  recipientYes: "Nokon i Samspill får e-posten",
  recipientNo: "Ingen i Samspill får e-posten enno",
  remindAll: "Send påminning til alle som ikkje har svart",
  remindOne: "Send påminning",
  remindTo: (name) => `til ${name}`,
  historyLink: "Historikk og ny frist",
  historyFor: (name) => `for ${name}`,
  otherOffice: "Invitert av eit anna kontor",

  inviteHeading: "Inviter kommunar",
  inviteLead: (date, started) =>
    `De kan invitere kommunane de ${started ? `dekte då puljen starta (${date})` : `dekkjer når puljen startar (${date})`}. Kommunane får invitasjonen på e-post på si målform, med ei lenkje til svarsida.`,
  chooseLegend: "Vel kommunar som ikkje er inviterte",
  allInvited: "Alle kommunane de dekkjer, er inviterte.",
  contactHint:
    "Der ingen i kommunen får e-post frå Samspill enno, må de gi opp ein kontaktperson. Vedkomande blir invitert som kommunekoordinator og får invitasjonen.",
  contactNameFor: (name) => `Namn på kontaktperson i ${name}`,
  contactEmailFor: (name) => `E-post til kontaktperson i ${name}`,
  contactName: "Namn",
  contactEmail: "E-post",
  addContact: "Gi opp kontaktperson",
  inPlace: (name) => `i ${name}`,
  message: "Personleg melding",
  messageHint: "Kjem med i e-posten og på invitasjonen. Ikkje skriv personopplysningar om barn.",
  deadline: "Svarfrist",
  deadlineHint: (date, start) =>
    `Siste dag for å svare. Førehandsvald: ${date}. Kan ikkje vere etter at puljen startar (${start}).`,
  inviteChosen: "Inviter valde kommunar",
  inviteAll: "Inviter alle som ikkje er inviterte",

  unitsHeading: "Private barnehagar og skular",
  unitsLead:
    "Private barnehagar og skular i fylka de dekkjer, kan bli inviterte direkte med organisasjonsnummeret.",
  noUnits: "Ingen private barnehagar eller skular er inviterte.",
  colUnit: "Barnehage eller skule",
  colOrgNumber: "Organisasjonsnummer",
  searchLabel: "Søk etter privat barnehage eller skule",
  searchHint: "Namn eller organisasjonsnummer. Berre aktive, private einingar i fylka de dekkjer.",
  searchButton: "Søk",
  searchResults: (n) => pluralText("nn-NO", { other: "{n} treff" }, n),
  noSearchResults: "Ingen aktive, private barnehagar eller skular passar med søket.",
  useUnit: "Bruk",
  useUnitFor: (name) => `organisasjonsnummeret til ${name}`,
  unitInviteHeading: "Inviter ein privat barnehage eller skule",
  unitOrgNumber: "Organisasjonsnummer",
  unitOrgNumberHint: "Ni siffer.",
  unitContactName: "Kontaktperson ved eininga: namn",
  unitContactEmail: "Kontaktperson ved eininga: e-post",
  unitContactHint:
    "Må fyllast ut viss ingen ved eininga får e-post frå Samspill enno. Kontaktpersonen blir invitert som leiar for eininga.",
  unitInvite: "Inviter eininga",
  school: "Skule",
  kindergarten: "Barnehage",

  invited: (n) =>
    pluralText(
      "nn-NO",
      {
        one: "1 kommune er invitert. Invitasjonen blir send på e-post no.",
        other: "{n} kommunar er inviterte. Invitasjonane blir sende på e-post no.",
      },
      n,
    ),
  unitInvited: "Eininga er invitert. Invitasjonen blir send på e-post no.",
  reminded: (n) =>
    n === 0
      ? "Inga påminning vart send: ingen invitasjon ventar på svar."
      : pluralText(
          "nn-NO",
          {
            one: "Påminning er send til 1 som ikkje har svart.",
            other: "Påminning er send til {n} som ikkje har svart.",
          },
          n,
        ),
  extended: (n) =>
    pluralText(
      "nn-NO",
      {
        one: "Svarfristen er endra, og det er sendt e-post om den nye fristen til 1 mottakar.",
        other:
          "Svarfristen er endra, og det er sendt e-post om den nye fristen til {n} mottakarar.",
      },
      n,
    ),
  extendedNoRecipient: (name) =>
    `Svarfristen er endra, men ingen fekk e-post om han: ingen i Samspill får e-post for ${name}. Legg til ein kontaktperson nedanfor.`,
  remindPolicy: "Du kan sende éi påminning per dag til kvar kommune og eining.",
  remindedToday: (time) => `Påminning send i dag kl. ${time}`,
  alreadyToday: (names) =>
    `${names} har allereie fått påminning i dag. Du kan sende éi påminning per dag.`,
  noRecipient: (names) =>
    `Inga påminning send til ${names}: ingen å sende til. Legg til ein kontaktperson.`,
  addContactFor: (name) => `Legg til kontaktperson for ${name}`,
  recipientHeading: "Kontaktperson",
  recipientLead: (name) =>
    `Ingen i Samspill får e-post for ${name} enno. Legg til ein kontaktperson: vedkomande blir invitert som koordinator og får invitasjonen på e-post.`,
  recipientMoreLead: (name) =>
    `Legg til ein kontaktperson til for ${name}: vedkomande blir invitert som koordinator og får invitasjonen på e-post.`,
  recipientName: "Namn på kontaktperson",
  recipientEmail: "E-post til kontaktperson",
  recipientButton: "Legg til kontaktperson",
  recipientAdded: (mailed) =>
    mailed > 0
      ? "Kontaktpersonen er lagd til og invitert, og har fått invitasjonen på e-post."
      : "Kontaktpersonen er lagd til og invitert som koordinator.",

  invitationTitle: (name) => `Invitasjonen til ${name}`,
  backTo: (office) => `Tilbake til ${office}`,
  aboutInvitation: "Om invitasjonen",
  invitedAt: "Invitert",
  messageLabel: "Melding",
  noMessage: "Inga melding",
  answeredAt: "Svart",
  declineReason: "Grunngiving for nei",
  historyHeading: "Historikk",
  colAt: "Tidspunkt",
  colEvent: "Hending",
  colBy: "Av",
  colDetail: "Detaljar",
  system: "Samspill (automatisk)",
  deletedPerson: "Sletta person",
  events: {
    invited: "Invitert",
    reminded: "Påminning send",
    "auto-reminded": "Automatisk påminning send",
    extended: "Ny svarfrist",
    accepted: "Takka ja",
    declined: "Takka nei",
    expired: "Fristen gjekk ut",
    enrolled: "Eining meld på",
    withdrawn: "Eining meld av",
    contact: "Kontaktperson endra",
    recipient: "Kontaktperson lagd til",
  },
  eventDeadline: (date) => `Svarfrist ${date}`,
  eventExtended: (from, to, reason) => `Frå ${from} til ${to}. Grunngiving: ${reason}`,
  eventReminder: (n) => `Påminning nr. ${n}`,
  eventReason: (reason) => `Grunngiving: ${reason}`,
  eventUnit: (orgNumber) => `Organisasjonsnummer ${orgNumber}`,
  contactKinds: {
    "resource-person": "Ressursperson",
    "pp-service": "PP-tenesta",
  },
  extendHeading: "Gi ny svarfrist",
  extendLead: (start) =>
    `Den nye fristen må vere seinare enn den gamle, og seinast ${start}, då puljen startar. Ein invitasjon der fristen har gått ut, blir opna igjen.`,
  newDeadline: "Ny svarfrist",
  reason: "Grunngiving",
  reasonHint: "Må fyllast ut. Kjem med i e-posten om den nye fristen.",
  extendButton: "Gi ny frist",
  cannotExtend: "Det er svart på invitasjonen, så fristen kan ikkje endrast.",
};

const en: OfficeTexts = {
  title: (office, cohort) => `${office}: cohort ${cohort}`,
  lead: (programme, cohort) =>
    `Invite municipalities and private kindergartens and schools to ${programme}, cohort ${cohort}, and follow their answers.`,
  readOnly:
    "You are viewing this page as a programme administrator. Only the county governor's coordinators can invite, remind and extend deadlines.",
  breadcrumbCohort: (cohort) => `Cohort ${cohort}`,
  factsHeading: "About the cohort",
  programme: "Programme",
  cohort: "Cohort",
  period: "Period",
  periodValue: (from, to) => `${from} – ${to}`,
  officeDeadline: "Deadline for inviting municipalities",
  noOfficeDeadline: "No deadline",
  answerDeadline: "Answer deadline for municipalities (default)",
  reminders: "Reminders",
  autoReminder: (days) =>
    pluralText(
      "en-GB",
      {
        one: "An automatic reminder is sent {n} day before the deadline to those who have not answered.",
        other:
          "An automatic reminder is sent {n} days before the deadline to those who have not answered.",
      },
      days,
    ),
  noAutoReminder: "This cohort sends no automatic reminders.",
  overviewLink: "Terms of participation and an overview of the whole cohort",
  officeDeadlinePassed: (date) =>
    `The deadline for inviting municipalities passed on ${date}. You can still remind and extend answer deadlines.`,
  statusHeading: "Status",
  statusSummary: (total, started) =>
    started
      ? `You covered ${total} municipalities when the cohort started:`
      : `You cover ${total} municipalities when the cohort starts:`,
  countLine: (n, state) => `${state}: ${n}`,

  states: {
    notInvited: "Not invited",
    invited: "Invited",
    accepted: "Accepted",
    declined: "Declined",
    expired: "Deadline passed",
  },
  stateInvited: (deadline) => `Invited, answer by ${deadline}`,
  stateDeclined: (reason) => `Declined. Reason: ${reason}`,
  stateExpired: (deadline) => `The deadline passed on ${deadline}`,

  invitedHeading: "Invited municipalities",
  noneInvited: "No municipalities have been invited yet.",
  colMunicipality: "Municipality",
  colNumber: "Number",
  colCounty: "County",
  colState: "Status",
  colDeadline: "Answer deadline",
  colReminders: "Reminders",
  colRecipient: "E-mail",
  colActions: "Actions",
  remindersValue: (n, last) => (n === 0 ? "None" : last ? `${n}, last ${last}` : String(n)),
  recipientYes: "Someone in Samspill receives the e-mail",
  recipientNo: "Nobody in Samspill receives the e-mail yet",
  remindAll: "Remind everyone who has not answered",
  remindOne: "Send a reminder",
  remindTo: (name) => `to ${name}`,
  historyLink: "History and new deadline",
  historyFor: (name) => `for ${name}`,
  otherOffice: "Invited by another office",

  inviteHeading: "Invite municipalities",
  inviteLead: (date, started) =>
    `You can invite the municipalities you ${started ? `covered when the cohort started (${date})` : `cover when the cohort starts (${date})`}. Each gets the invitation by e-mail in its own written standard, with a link to the page where it answers.`,
  chooseLegend: "Choose municipalities not yet invited",
  allInvited: "All the municipalities you cover have been invited.",
  contactHint:
    "Where nobody in the municipality receives e-mail from Samspill yet, give a contact person. They are invited as municipal coordinator and receive the invitation.",
  contactNameFor: (name) => `Name of the contact person in ${name}`,
  contactEmailFor: (name) => `E-mail of the contact person in ${name}`,
  contactName: "Name",
  contactEmail: "E-mail",
  addContact: "Give a contact person",
  inPlace: (name) => `in ${name}`,
  message: "Personal message",
  messageHint:
    "Included in the e-mail and on the invitation. Do not write personal details about children.",
  deadline: "Answer deadline",
  deadlineHint: (date, start) =>
    `The last day to answer. Default: ${date}. It cannot be after the cohort starts (${start}).`,
  inviteChosen: "Invite the chosen municipalities",
  inviteAll: "Invite all not yet invited",

  unitsHeading: "Private kindergartens and schools",
  unitsLead:
    "Private kindergartens and schools in the counties you cover can be invited directly by their organisation number.",
  noUnits: "No private kindergartens or schools have been invited.",
  colUnit: "Kindergarten or school",
  colOrgNumber: "Organisation number",
  searchLabel: "Search for a private kindergarten or school",
  searchHint: "Name or organisation number. Only active private units in the counties you cover.",
  searchButton: "Search",
  searchResults: (n) => pluralText("en-GB", { one: "1 result", other: "{n} results" }, n),
  noSearchResults: "No active private kindergarten or school matches the search.",
  useUnit: "Use",
  useUnitFor: (name) => `the organisation number of ${name}`,
  unitInviteHeading: "Invite a private kindergarten or school",
  unitOrgNumber: "Organisation number",
  unitOrgNumberHint: "Nine digits.",
  unitContactName: "Contact person at the unit: name",
  unitContactEmail: "Contact person at the unit: e-mail",
  unitContactHint:
    "Required if nobody at the unit receives e-mail from Samspill yet. The contact person is invited as the unit's leader.",
  unitInvite: "Invite the unit",
  school: "School",
  kindergarten: "Kindergarten",

  invited: (n) =>
    pluralText(
      "en-GB",
      {
        one: "1 municipality has been invited. The invitation is being sent by e-mail.",
        other: "{n} municipalities have been invited. The invitations are being sent by e-mail.",
      },
      n,
    ),
  unitInvited: "The unit has been invited. The invitation is being sent by e-mail.",
  reminded: (n) =>
    n === 0
      ? "No reminder was sent: no invitation is waiting for an answer."
      : pluralText(
          "en-GB",
          {
            one: "A reminder has been sent to 1 who has not answered.",
            other: "A reminder has been sent to {n} who have not answered.",
          },
          n,
        ),
  extended: (n) =>
    pluralText(
      "en-GB",
      {
        one: "The answer deadline has been changed, and an e-mail about it has been sent to 1 recipient.",
        other:
          "The answer deadline has been changed, and an e-mail about it has been sent to {n} recipients.",
      },
      n,
    ),
  extendedNoRecipient: (name) =>
    `The answer deadline has been changed, but nobody was e-mailed: nobody in Samspill receives e-mail for ${name}. Add a contact person below.`,
  remindPolicy: "You can send one reminder a day to each municipality and unit.",
  remindedToday: (time) => `Reminder sent today at ${time}`,
  alreadyToday: (names) =>
    `${names} has already been reminded today. You can send one reminder a day.`,
  noRecipient: (names) =>
    `No reminder sent to ${names}: there is no one to send it to. Add a contact person.`,
  addContactFor: (name) => `Add a contact person for ${name}`,
  recipientHeading: "Contact person",
  recipientLead: (name) =>
    `Nobody in Samspill receives e-mail for ${name} yet. Add a contact person: they are invited as coordinator and get the invitation by e-mail.`,
  recipientMoreLead: (name) =>
    `Add another contact person for ${name}: they are invited as coordinator and get the invitation by e-mail.`,
  recipientName: "Contact person's name",
  recipientEmail: "Contact person's e-mail",
  recipientButton: "Add contact person",
  recipientAdded: (mailed) =>
    mailed > 0
      ? "The contact person has been added and invited, and has been sent the invitation by e-mail."
      : "The contact person has been added and invited as coordinator.",

  invitationTitle: (name) => `The invitation to ${name}`,
  backTo: (office) => `Back to ${office}`,
  aboutInvitation: "About the invitation",
  invitedAt: "Invited",
  messageLabel: "Message",
  noMessage: "No message",
  answeredAt: "Answered",
  declineReason: "Reason for declining",
  historyHeading: "History",
  colAt: "Time",
  colEvent: "Event",
  colBy: "By",
  colDetail: "Details",
  system: "Samspill (automatic)",
  deletedPerson: "Deleted person",
  events: {
    invited: "Invited",
    reminded: "Reminder sent",
    "auto-reminded": "Automatic reminder sent",
    extended: "New answer deadline",
    accepted: "Accepted",
    declined: "Declined",
    expired: "Deadline passed",
    enrolled: "Unit enrolled",
    withdrawn: "Unit withdrawn",
    contact: "Contact person changed",
    recipient: "Contact person added",
  },
  eventDeadline: (date) => `Answer by ${date}`,
  eventExtended: (from, to, reason) => `From ${from} to ${to}. Reason: ${reason}`,
  eventReminder: (n) => `Reminder no. ${n}`,
  eventReason: (reason) => `Reason: ${reason}`,
  eventUnit: (orgNumber) => `Organisation number ${orgNumber}`,
  contactKinds: {
    "resource-person": "Resource person",
    "pp-service": "Educational-psychological service (PPT)",
  },
  extendHeading: "Give a new answer deadline",
  extendLead: (start) =>
    `The new deadline must be later than the old one, and no later than ${start}, when the cohort starts. An invitation whose deadline has passed opens again.`,
  newDeadline: "New answer deadline",
  reason: "Reason",
  reasonHint: "Required. Included in the e-mail about the new deadline.",
  extendButton: "Give new deadline",
  cannotExtend: "The invitation has been answered, so its deadline cannot change.",
};

export const officeTexts = { nb, nn, en } satisfies Record<Lang, OfficeTexts>;

export function officeText(lang: Lang): OfficeTexts {
  return officeTexts[lang];
}

/** Sentences both of the office's pages use: a deadline refused, a date or an address mistyped. */
const shared = {
  nb: {
    deadlineInPast: "Svarfristen kan ikke være før i dag",
    deadlineAfterStart: (e: ErrorContext) =>
      `Svarfristen kan ikke være etter at puljen starter (${e.params.start})`,
    date: "Skriv en dato, for eksempel 2027-03-01",
    email: "Skriv en gyldig e-postadresse, for eksempel navn@kommune.no",
    notFound: "Invitasjonen finnes ikke",
  },
  nn: {
    deadlineInPast: "Svarfristen kan ikkje vere før i dag",
    deadlineAfterStart: (e: ErrorContext) =>
      `Svarfristen kan ikkje vere etter at puljen startar (${e.params.start})`,
    date: "Skriv ein dato, til dømes 2027-03-01",
    email: "Skriv ei gyldig e-postadresse, til dømes namn@kommune.no",
    notFound: "Invitasjonen finst ikkje",
  },
  en: {
    deadlineInPast: "The answer deadline cannot be before today",
    deadlineAfterStart: (e: ErrorContext) =>
      `The answer deadline cannot be after the cohort starts (${e.params.start})`,
    date: "Enter a date, for example 2027-03-01",
    email: "Enter a valid e-mail address, for example name@municipality.no",
    notFound: "The invitation does not exist",
  },
} as const;

/**
 * The errors of the office page's two forms: inviting municipalities (`invitees`, the contact
 * of each row) and inviting a private unit (`orgNumber`, `name`, `email`). `subject` names the
 * municipality, `start` and `officeDeadline` are the cohort's dates as the page shows them.
 */
export const officeErrors: ErrorCatalogues<
  | keyof (typeof shared)["nb"]
  | "noneChosen"
  | "noneLeft"
  | "invitees.alreadyInvited"
  | "invitees.outsideCoverage"
  | "orgNumber.alreadyInvited"
  | "orgNumber.outsideCoverage"
  | "orgNumber.required"
  | "orgNumber"
  | "unknownUnit"
  | "notPrivateUnit"
  | "officeDeadlinePassed"
  | "officeNotInvited"
  | "contactName"
  | "contactEmail"
  | "name.required"
  | "email.required"
  | "unitNoRecipient"
> = {
  nb: {
    ...shared.nb,
    noneChosen: "Velg minst én kommune",
    noneLeft: "Alle kommunene er allerede invitert",
    "invitees.alreadyInvited": (e) => `${e.params.subject} er allerede invitert`,
    "invitees.outsideCoverage": (e) =>
      `${e.params.subject} er ikke blant kommunene dere dekker på puljens startdato`,
    "orgNumber.alreadyInvited": "Enheten er allerede invitert",
    "orgNumber.outsideCoverage": "Enheten ligger ikke i fylkene dere dekker",
    "orgNumber.required": "Fyll ut organisasjonsnummeret",
    orgNumber: "Skriv et gyldig organisasjonsnummer på ni siffer",
    unknownUnit: "Fant ingen barnehage eller skole med dette organisasjonsnummeret",
    notPrivateUnit: "Dette er ikke en aktiv, privat barnehage eller skole",
    officeDeadlinePassed: (e) =>
      `Fristen for å invitere kommuner gikk ut ${e.params.officeDeadline}. Ta kontakt med direktoratet hvis dere trenger mer tid.`,
    officeNotInvited: "Kontoret deres er ikke invitert til denne puljen",
    contactName: (e) => `Fyll ut navn på kontaktperson i ${e.params.subject}`,
    contactEmail: (e) => `Fyll ut e-post til kontaktperson i ${e.params.subject}`,
    "name.required": "Fyll ut navn på kontaktperson ved enheten",
    "email.required": "Fyll ut e-post til kontaktperson ved enheten",
    unitNoRecipient:
      "Ingen ved enheten får e-post fra Samspill ennå. Fyll ut navn og e-post til en kontaktperson.",
  },
  nn: {
    ...shared.nn,
    noneChosen: "Vel minst éin kommune",
    noneLeft: "Alle kommunane er allereie inviterte",
    "invitees.alreadyInvited": (e) => `${e.params.subject} er allereie invitert`,
    "invitees.outsideCoverage": (e) =>
      `${e.params.subject} er ikkje blant kommunane de dekkjer på startdatoen til puljen`,
    "orgNumber.alreadyInvited": "Eininga er allereie invitert",
    "orgNumber.outsideCoverage": "Eininga ligg ikkje i fylka de dekkjer",
    "orgNumber.required": "Fyll ut organisasjonsnummeret",
    orgNumber: "Skriv eit gyldig organisasjonsnummer på ni siffer",
    unknownUnit: "Fann ingen barnehage eller skule med dette organisasjonsnummeret",
    notPrivateUnit: "Dette er ikkje ein aktiv, privat barnehage eller skule",
    officeDeadlinePassed: (e) =>
      `Fristen for å invitere kommunar gjekk ut ${e.params.officeDeadline}. Ta kontakt med direktoratet viss de treng meir tid.`,
    officeNotInvited: "Kontoret dykkar er ikkje invitert til denne puljen",
    contactName: (e) => `Fyll ut namn på kontaktperson i ${e.params.subject}`,
    contactEmail: (e) => `Fyll ut e-post til kontaktperson i ${e.params.subject}`,
    "name.required": "Fyll ut namn på kontaktperson ved eininga",
    "email.required": "Fyll ut e-post til kontaktperson ved eininga",
    unitNoRecipient:
      "Ingen ved eininga får e-post frå Samspill enno. Fyll ut namn og e-post til ein kontaktperson.",
  },
  en: {
    ...shared.en,
    noneChosen: "Choose at least one municipality",
    noneLeft: "All the municipalities have already been invited",
    "invitees.alreadyInvited": (e) => `${e.params.subject} has already been invited`,
    "invitees.outsideCoverage": (e) =>
      `${e.params.subject} is not among the municipalities you cover on the cohort's start date`,
    "orgNumber.alreadyInvited": "The unit has already been invited",
    "orgNumber.outsideCoverage": "The unit is not in the counties you cover",
    "orgNumber.required": "Enter the organisation number",
    orgNumber: "Enter a valid nine-digit organisation number",
    unknownUnit: "No kindergarten or school has this organisation number",
    notPrivateUnit: "This is not an active private kindergarten or school",
    officeDeadlinePassed: (e) =>
      `The deadline for inviting municipalities passed on ${e.params.officeDeadline}. Contact the Directorate if you need more time.`,
    officeNotInvited: "Your office is not invited to this cohort",
    contactName: (e) => `Enter the name of the contact person in ${e.params.subject}`,
    contactEmail: (e) => `Enter the e-mail of the contact person in ${e.params.subject}`,
    "name.required": "Enter the name of the contact person at the unit",
    "email.required": "Enter the e-mail of the contact person at the unit",
    unitNoRecipient:
      "Nobody at the unit receives e-mail from Samspill yet. Enter the name and e-mail of a contact person.",
  },
};

/**
 * The errors of one invitation's two forms: a new deadline (`deadline`, `reason`) and a
 * contact person (`name`, `email`). `subject` names the invitee, `oldDeadline` and `start` are
 * dates as the page shows them.
 */
export const invitationErrors: ErrorCatalogues<
  | keyof (typeof shared)["nb"]
  | "reason.required"
  | "reasonRequired"
  | "deadlineNotLater"
  | "alreadyAnswered"
  | "name.required"
  | "email.required"
  | "alreadyRecipient"
> = {
  nb: {
    ...shared.nb,
    "reason.required": "Skriv en begrunnelse for den nye fristen",
    reasonRequired: "Skriv en begrunnelse for den nye fristen",
    deadlineNotLater: (e) =>
      `Den nye fristen må være senere enn den gamle (${e.params.oldDeadline})`,
    alreadyAnswered: "Det er allerede svart på invitasjonen, så fristen kan ikke endres",
    "name.required": (e) => `Fyll ut navn på kontaktperson i ${e.params.subject}`,
    "email.required": (e) => `Fyll ut e-post til kontaktperson i ${e.params.subject}`,
    alreadyRecipient: "Denne adressen får allerede e-post fra Samspill for dem",
  },
  nn: {
    ...shared.nn,
    "reason.required": "Skriv ei grunngiving for den nye fristen",
    reasonRequired: "Skriv ei grunngiving for den nye fristen",
    deadlineNotLater: (e) =>
      `Den nye fristen må vere seinare enn den gamle (${e.params.oldDeadline})`,
    alreadyAnswered: "Det er allereie svart på invitasjonen, så fristen kan ikkje endrast",
    "name.required": (e) => `Fyll ut namn på kontaktperson i ${e.params.subject}`,
    "email.required": (e) => `Fyll ut e-post til kontaktperson i ${e.params.subject}`,
    alreadyRecipient: "Denne adressa får allereie e-post frå Samspill for dei",
  },
  en: {
    ...shared.en,
    "reason.required": "Give a reason for the new deadline",
    reasonRequired: "Give a reason for the new deadline",
    deadlineNotLater: (e) =>
      `The new deadline must be later than the old one (${e.params.oldDeadline})`,
    alreadyAnswered: "The invitation has been answered, so its deadline cannot change",
    "name.required": (e) => `Enter the name of the contact person in ${e.params.subject}`,
    "email.required": (e) => `Enter the e-mail of the contact person in ${e.params.subject}`,
    alreadyRecipient: "This address already receives e-mail from Samspill for them",
  },
};
