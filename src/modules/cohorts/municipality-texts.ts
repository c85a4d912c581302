import type { ErrorCatalogues, ErrorContext } from "../../web/form-errors";
import type { Lang } from "../../web/i18n";
import type { ContactKind, InvitationState, InviteeKind } from "./schema";

/**
 * The strings of the municipality's (and the private unit's) page of its invitation, in bokmål,
 * nynorsk and English. `Subject` is who answers: "Kommunen" or "Enheten".
 */
type Subject = Record<InviteeKind, string>;

const nb = {
  title: (programme: string, cohort: number) => `${programme}, pulje ${cohort}`,
  invitationFor: (invitee: string) => `Invitasjon til ${invitee}`,
  myCohorts: "Mine puljer",
  cohortOverview: "Oversikt over puljen",
  officePage: "Kontorets side for puljen",
  readOnly: "Du kan se invitasjonen, men ikke svare eller endre noe her.",
  subject: { municipality: "Kommunen", unit: "Enheten" } satisfies Subject,
  facts: "Om invitasjonen",
  programme: "Tilbud",
  cohort: "Pulje",
  cohortValue: (n: number) => `Pulje ${n}`,
  period: "Periode",
  periodValue: (from: string, to: string) => `${from}–${to}`,
  invitedBy: "Invitert av",
  invitedOn: (office: string, date: string) => `${office}, ${date}`,
  deadline: "Svarfrist",
  deadlineValue: (date: string) => `svar innen ${date}`,
  state: "Status",
  states: {
    invited: "Venter på svar",
    accepted: "Takket ja",
    declined: "Takket nei",
    expired: "Fristen gikk ut uten svar",
  } satisfies Record<InvitationState, string>,
  messageFrom: (office: string) => `Melding fra ${office}`,

  answerHeading: "Svar på invitasjonen",
  answerLegend: "Svar",
  accept: "Ja, vi takker ja og blir med",
  decline: "Nei, vi takker nei",
  commitmentsHeading: "Forpliktelser og vilkår",
  commitmentsLead: "Når dere takker ja, forplikter dere dere til dette:",
  noCommitments: "Tilbudet har ingen forpliktelser ut over vilkårene nedenfor.",
  termsHeading: "Vilkår for å delta i puljen",
  commitmentsLegend: "Forpliktelsene (må godtas for å takke ja)",
  commitmentsLabel: "Vi godtar forpliktelsene",
  reasonLabel: "Begrunnelse hvis dere takker nei",
  reasonHint: "Skriv kort hvorfor. Ikke skriv personopplysninger.",
  send: "Send svaret",
  expired: (date: string) =>
    `Fristen gikk ut ${date}. Ta kontakt med Statsforvalteren for å få ny frist.`,
  answeredAccepted: (who: string | null, date: string) =>
    who ? `${who} takket ja ${date}.` : `Takket ja ${date}.`,
  answeredDeclined: (who: string | null, date: string) =>
    who ? `${who} takket nei ${date}.` : `Takket nei ${date}.`,
  commitmentsAccepted: (date: string) => `Forpliktelsene ble godtatt ${date}.`,
  declineReason: "Begrunnelse",
  unitEnrolled: "Enheten er påmeldt puljen. Alle ansatte i enheten er med.",

  unitsHeading: "Barnehager og skoler",
  unitsLead:
    "Meld på kommunens barnehager og skoler, både kommunale og private. Alle ansatte i en påmeldt barnehage eller skole er med i tilbudet.",
  unitsCount: (enrolled: number, total: number) =>
    `${enrolled} av ${total} aktive barnehager og skoler er påmeldt.`,
  enrolledHeading: "Påmeldt nå",
  noneEnrolled: "Ingen barnehager eller skoler er påmeldt ennå.",
  enrolledColumns: ["Navn", "Type", "Eier", "Påmeldt", "Handling"],
  withdraw: "Trekk",
  withdrawUnit: (name: string) => `Trekk ${name} fra puljen`,
  chooseHeading: "Meld på flere",
  filterType: "Type",
  filterOwner: "Eier",
  filterAll: "Alle",
  filterShow: "Vis",
  typeKindergarten: "Barnehage",
  typeSchool: "Skole",
  typeBoth: "Barnehage og skole",
  typesPlural: { kindergarten: "Barnehager", school: "Skoler", both: "Oppvekstsentre" },
  ownerPublic: "Offentlig",
  ownerPrivate: "Privat",
  ownerUnknown: "Ukjent eier",
  group: (label: string, total: number, enrolled: number) =>
    `${label} (${total}, ${enrolled} påmeldt)`,
  orgNumber: (n: string) => `org.nr. ${n}`,
  enrolledSince: (date: string) => `Påmeldt ${date}`,
  enrolledVia: (via: string) => `meldt på via ${via}`,
  enrolledSelf: "meldt på selv, invitert direkte av Statsforvalteren",
  enrol: "Meld på de valgte",
  noUnits: "Vi fant ingen aktive barnehager eller skoler i kommunen i registrene.",
  noneMatch: "Ingen barnehager eller skoler passer med filteret.",
  allEnrolled: "Alle som passer med filteret, er påmeldt.",

  rpHeading: "Ressursperson",
  rpLead: "Kommunens lokale ressursperson følger arbeidet i barnehagene og skolene.",
  rpNone: "Kommunen har ikke navngitt en ressursperson ennå.",
  rpInviteHint:
    "Vi sender en invitasjon til e-postadressen, slik at personen får rollen som ressursperson for kommunen i Samspill.",
  rpSave: "Lagre ressursperson",
  ppHeading: "Kontakt i PP-tjenesten",
  ppLead: "Hvem i PP-tjenesten skal være med i arbeidet?",
  ppNone: "Kommunen har ikke navngitt en kontakt i PP-tjenesten ennå.",
  ppService: "PP-tjeneste",
  ppChoose: "Velg PP-tjeneste",
  ppAllShown:
    "Vi fant ingen PP-tjeneste registrert for kommunen, så alle PP-tjenester står i listen.",
  ppSave: "Lagre PP-kontakt",
  contactName: "Navn",
  contactEmail: "E-post på jobben",
  current: "Nå",
  currentValue: (name: string, email: string, since: string) => `${name} (${email}), fra ${since}`,
  earlier: "Tidligere",
  earlierValue: (name: string, email: string, from: string, to: string) =>
    `${name} (${email}), ${from}–${to}`,

  wsHeading: "Målform",
  wsLead: "Brev og e-post til kommunen skrives på den målformen kommunen har valgt.",
  wsLegend: "Kommunens målform",
  wsNames: { nb: "Bokmål", nn: "Nynorsk" },
  wsCurrent: (name: string) => `Kommunens målform er ${name.toLowerCase()}.`,
  wsSave: "Lagre målform",

  historyHeading: "Historikk",
  historyColumns: ["Tidspunkt", "Hendelse", "Utført av", "Detaljer"],
  system: "Samspill (automatisk)",
  deletedPerson: "Slettet person",
  events: {
    invited: "Invitert",
    reminded: "Påminnelse sendt",
    "auto-reminded": "Automatisk påminnelse sendt",
    extended: "Fristen forlenget",
    accepted: "Takket ja",
    declined: "Takket nei",
    expired: "Fristen gikk ut",
    enrolled: "Påmeldt",
    withdrawn: "Trukket",
    contact: "Kontakt endret",
  } as Record<string, string>,
  detailDeadline: (date: string) => `Frist ${date}`,
  detailExtended: (from: string, to: string) => `Ny frist ${to} (var ${from})`,
  detailReason: (reason: string) => `Begrunnelse: ${reason}`,
  detailCommitments: "Forpliktelsene er godtatt",
  detailReminder: (n: number) => `Påminnelse nr. ${n}`,
  contactKinds: {
    "resource-person": "Ressursperson",
    "pp-service": "Kontakt i PP-tjenesten",
  } satisfies Record<ContactKind, string>,

  done: {
    accepted:
      "Takk! Dere har takket ja. Meld på barnehager og skoler, og navngi ressursperson og kontakt i PP-tjenesten nedenfor.",
    acceptedUnit: "Takk! Enheten har takket ja og er påmeldt. Alle ansatte i enheten er med.",
    declined: "Svaret er sendt: dere har takket nei.",
    enrolled: "Påmeldingen er lagret.",
    withdrawn: "Enheten er trukket fra puljen.",
    resourceInvited: (name: string, email: string) =>
      `Ressurspersonen er lagret. Vi sender en invitasjon til ${name} (${email}).`,
    resourceSaved: (name: string) =>
      `Ressurspersonen er lagret. ${name} har allerede rollen som ressursperson.`,
    pp: "Kontakten i PP-tjenesten er lagret.",
    standard: "Målformen er lagret.",
  },
};

export type MunicipalityTexts = typeof nb;

const nn: MunicipalityTexts = {
  title: (programme, cohort) => `${programme}, pulje ${cohort}`,
  invitationFor: (invitee) => `Invitasjon til ${invitee}`,
  myCohorts: "Mine puljar",
  cohortOverview: "Oversikt over puljen",
  officePage: "Sida til kontoret for puljen",
  readOnly: "Du kan sjå invitasjonen, men ikkje svare eller endre noko her.",
  subject: { municipality: "Kommunen", unit: "Eininga" },
  facts: "Om invitasjonen",
  programme: "Tilbod",
  cohort: "Pulje",
  cohortValue: (n) => `Pulje ${n}`,
  period: "Periode",
  periodValue: (from, to) => `${from}–${to}`,
  invitedBy: "Invitert av",
  invitedOn: (office, date) => `${office}, ${date}`,
  deadline: "Svarfrist",
  deadlineValue: (date) => `svar innan ${date}`,
  state: "Status",
  states: {
    invited: "Ventar på svar",
    accepted: "Takka ja",
    declined: "Takka nei",
    expired: "Fristen gjekk ut utan svar",
  },
  messageFrom: (office) => `Melding frå ${office}`,

  answerHeading: "Svar på invitasjonen",
  answerLegend: "Svar",
  accept: "Ja, vi takkar ja og blir med",
  decline: "Nei, vi takkar nei",
  commitmentsHeading: "Plikter og vilkår",
  commitmentsLead: "Når de takkar ja, forpliktar de dykk til dette:",
  noCommitments: "Tilbodet har ingen plikter ut over vilkåra nedanfor.",
  termsHeading: "Vilkår for å delta i puljen",
  commitmentsLegend: "Pliktene (må godtakast for å takke ja)",
  commitmentsLabel: "Vi godtek pliktene",
  reasonLabel: "Grunngiving dersom de takkar nei",
  reasonHint: "Skriv kort kvifor. Ikkje skriv personopplysningar.",
  send: "Send svaret",
  expired: (date) => `Fristen gjekk ut ${date}. Ta kontakt med Statsforvaltaren for å få ny frist.`,
  answeredAccepted: (who, date) => (who ? `${who} takka ja ${date}.` : `Takka ja ${date}.`),
  answeredDeclined: (who, date) => (who ? `${who} takka nei ${date}.` : `Takka nei ${date}.`),
  commitmentsAccepted: (date) => `Pliktene vart godtekne ${date}.`,
  declineReason: "Grunngiving",
  unitEnrolled: "Eininga er påmeld puljen. Alle tilsette i eininga er med.",

  unitsHeading: "Barnehagar og skular",
  unitsLead:
    "Meld på barnehagane og skulane i kommunen, både kommunale og private. Alle tilsette i ein påmeld barnehage eller skule er med i tilbodet.",
  unitsCount: (enrolled, total) =>
    `${enrolled} av ${total} aktive barnehagar og skular er påmelde.`,
  enrolledHeading: "Påmeld no",
  noneEnrolled: "Ingen barnehagar eller skular er påmelde enno.",
  enrolledColumns: ["Namn", "Type", "Eigar", "Påmeld", "Handling"],
  withdraw: "Trekk",
  withdrawUnit: (name) => `Trekk ${name} frå puljen`,
  chooseHeading: "Meld på fleire",
  filterType: "Type",
  filterOwner: "Eigar",
  filterAll: "Alle",
  filterShow: "Vis",
  typeKindergarten: "Barnehage",
  typeSchool: "Skule",
  typeBoth: "Barnehage og skule",
  typesPlural: { kindergarten: "Barnehagar", school: "Skular", both: "Oppvekstsenter" },
  ownerPublic: "Offentleg",
  ownerPrivate: "Privat",
  ownerUnknown: "Ukjend eigar",
  group: (label, total, enrolled) => `${label} (${total}, ${enrolled} påmelde)`,
  orgNumber: (n) => `org.nr. ${n}`,
  enrolledSince: (date) => `Påmeld ${date}`,
  enrolledVia: (via) => `meld på via ${via}`,
  enrolledSelf: "meld på sjølv, invitert direkte av Statsforvaltaren",
  enrol: "Meld på dei valde",
  noUnits: "Vi fann ingen aktive barnehagar eller skular i kommunen i registera.",
  noneMatch: "Ingen barnehagar eller skular passar med filteret.",
  allEnrolled: "Alle som passar med filteret, er påmelde.",

  rpHeading: "Ressursperson",
  rpLead: "Den lokale ressurspersonen i kommunen følgjer arbeidet i barnehagane og skulane.",
  rpNone: "Kommunen har ikkje namngitt ein ressursperson enno.",
  rpInviteHint:
    "Vi sender ein invitasjon til e-postadressa, slik at personen får rolla som ressursperson for kommunen i Samspill.",
  rpSave: "Lagre ressursperson",
  ppHeading: "Kontakt i PP-tenesta",
  ppLead: "Kven i PP-tenesta skal vere med i arbeidet?",
  ppNone: "Kommunen har ikkje namngitt ein kontakt i PP-tenesta enno.",
  ppService: "PP-teneste",
  ppChoose: "Vel PP-teneste",
  ppAllShown: "Vi fann inga PP-teneste registrert for kommunen, så alle PP-tenester står i lista.",
  ppSave: "Lagre PP-kontakt",
  contactName: "Namn",
  contactEmail: "E-post på jobben",
  current: "No",
  currentValue: (name, email, since) => `${name} (${email}), frå ${since}`,
  earlier: "Tidlegare",
  earlierValue: (name, email, from, to) => `${name} (${email}), ${from}–${to}`,

  wsHeading: "Målform",
  wsLead: "Brev og e-post til kommunen blir skrivne på den målforma kommunen har valt.",
  wsLegend: "Målforma til kommunen",
  wsNames: { nb: "Bokmål", nn: "Nynorsk" },
  wsCurrent: (name) => `Målforma til kommunen er ${name.toLowerCase()}.`,
  wsSave: "Lagre målform",

  historyHeading: "Historikk",
  historyColumns: ["Tidspunkt", "Hending", "Utført av", "Detaljar"],
  system: "Samspill (automatisk)",
  deletedPerson: "Sletta person",
  events: {
    invited: "Invitert",
    reminded: "Påminning send",
    "auto-reminded": "Automatisk påminning send",
    extended: "Fristen forlengd",
    accepted: "Takka ja",
    declined: "Takka nei",
    expired: "Fristen gjekk ut",
    enrolled: "Påmeld",
    withdrawn: "Trekt",
    contact: "Kontakt endra",
  },
  detailDeadline: (date) => `Frist ${date}`,
  detailExtended: (from, to) => `Ny frist ${to} (var ${from})`,
  detailReason: (reason) => `Grunngiving: ${reason}`,
  detailCommitments: "Pliktene er godtekne",
  detailReminder: (n) => `Påminning nr. ${n}`,
  contactKinds: {
    "resource-person": "Ressursperson",
    "pp-service": "Kontakt i PP-tenesta",
  },

  done: {
    accepted:
      "Takk! De har takka ja. Meld på barnehagar og skular, og namngi ressursperson og kontakt i PP-tenesta nedanfor.",
    acceptedUnit: "Takk! Eininga har takka ja og er påmeld. Alle tilsette i eininga er med.",
    declined: "Svaret er sendt: de har takka nei.",
    enrolled: "Påmeldinga er lagra.",
    withdrawn: "Eininga er trekt frå puljen.",
    resourceInvited: (name, email) =>
      `Ressurspersonen er lagra. Vi sender ein invitasjon til ${name} (${email}).`,
    resourceSaved: (name) =>
      `Ressurspersonen er lagra. ${name} har allereie rolla som ressursperson.`,
    pp: "Kontakten i PP-tenesta er lagra.",
    standard: "Målforma er lagra.",
  },
};

const en: MunicipalityTexts = {
  title: (programme, cohort) => `${programme}, cohort ${cohort}`,
  invitationFor: (invitee) => `Invitation to ${invitee}`,
  myCohorts: "My cohorts",
  cohortOverview: "Cohort overview",
  officePage: "The office's page for the cohort",
  readOnly: "You can see the invitation, but not answer or change anything here.",
  subject: { municipality: "The municipality", unit: "The unit" },
  facts: "About the invitation",
  programme: "Programme",
  cohort: "Cohort",
  cohortValue: (n) => `Cohort ${n}`,
  period: "Period",
  periodValue: (from, to) => `${from}–${to}`,
  invitedBy: "Invited by",
  invitedOn: (office, date) => `${office}, ${date}`,
  deadline: "Deadline",
  deadlineValue: (date) => `answer by ${date}`,
  state: "Status",
  states: {
    invited: "Awaiting an answer",
    accepted: "Accepted",
    declined: "Declined",
    expired: "The deadline passed without an answer",
  },
  messageFrom: (office) => `Message from ${office}`,

  answerHeading: "Answer the invitation",
  answerLegend: "Answer",
  accept: "Yes, we accept and take part",
  decline: "No, we decline",
  commitmentsHeading: "Commitments and terms",
  commitmentsLead: "By accepting, you commit to the following:",
  noCommitments: "The programme has no commitments beyond the terms below.",
  termsHeading: "Terms of taking part in the cohort",
  commitmentsLegend: "The commitments (must be accepted to say yes)",
  commitmentsLabel: "We accept the commitments",
  reasonLabel: "Reason, if you decline",
  reasonHint: "Say briefly why. Do not write personal information.",
  send: "Send the answer",
  expired: (date) =>
    `The deadline passed on ${date}. Contact the county governor (Statsforvalteren) for a new deadline.`,
  answeredAccepted: (who, date) => (who ? `${who} accepted on ${date}.` : `Accepted on ${date}.`),
  answeredDeclined: (who, date) => (who ? `${who} declined on ${date}.` : `Declined on ${date}.`),
  commitmentsAccepted: (date) => `The commitments were accepted on ${date}.`,
  declineReason: "Reason",
  unitEnrolled: "The unit is enrolled in the cohort. All its staff take part.",

  unitsHeading: "Kindergartens and schools",
  unitsLead:
    "Enrol the municipality's kindergartens and schools, public and private. All staff of an enrolled kindergarten or school take part in the programme.",
  unitsCount: (enrolled, total) =>
    `${enrolled} of ${total} active kindergartens and schools are enrolled.`,
  enrolledHeading: "Enrolled now",
  noneEnrolled: "No kindergartens or schools are enrolled yet.",
  enrolledColumns: ["Name", "Type", "Owner", "Enrolled", "Action"],
  withdraw: "Withdraw",
  withdrawUnit: (name) => `Withdraw ${name} from the cohort`,
  chooseHeading: "Enrol more",
  filterType: "Type",
  filterOwner: "Owner",
  filterAll: "All",
  filterShow: "Show",
  typeKindergarten: "Kindergarten",
  typeSchool: "School",
  typeBoth: "Kindergarten and school",
  typesPlural: {
    kindergarten: "Kindergartens",
    school: "Schools",
    both: "Combined kindergartens and schools",
  },
  ownerPublic: "Public",
  ownerPrivate: "Private",
  ownerUnknown: "Owner unknown",
  group: (label, total, enrolled) => `${label} (${total}, ${enrolled} enrolled)`,
  orgNumber: (n) => `org. no. ${n}`,
  enrolledSince: (date) => `Enrolled ${date}`,
  enrolledVia: (via) => `enrolled through ${via}`,
  enrolledSelf: "enrolled itself, invited directly by the county governor's office",
  enrol: "Enrol the selected",
  noUnits: "We found no active kindergartens or schools in the municipality in the registers.",
  noneMatch: "No kindergartens or schools match the filter.",
  allEnrolled: "Everything that matches the filter is enrolled.",

  rpHeading: "Resource person",
  rpLead:
    "The municipality's local resource person follows the work in the kindergartens and schools.",
  rpNone: "The municipality has not named a resource person yet.",
  rpInviteHint:
    "We send an invitation to the e-mail address, so that the person gets the resource-person role for the municipality in Samspill.",
  rpSave: "Save resource person",
  ppHeading: "Contact in the PP service",
  ppLead: "Who in the educational-psychological service (PP-tjenesten) takes part in the work?",
  ppNone: "The municipality has not named a contact in the PP service yet.",
  ppService: "PP service",
  ppChoose: "Choose a PP service",
  ppAllShown:
    "We found no PP service registered for the municipality, so every PP service is in the list.",
  ppSave: "Save PP contact",
  contactName: "Name",
  contactEmail: "Work e-mail",
  current: "Now",
  currentValue: (name, email, since) => `${name} (${email}), since ${since}`,
  earlier: "Earlier",
  earlierValue: (name, email, from, to) => `${name} (${email}), ${from}–${to}`,

  wsHeading: "Written standard",
  wsLead:
    "Letters and e-mail to the municipality are written in the written standard of Norwegian it has chosen.",
  wsLegend: "The municipality's written standard",
  wsNames: { nb: "Bokmål", nn: "Nynorsk" },
  wsCurrent: (name) => `The municipality's written standard is ${name}.`,
  wsSave: "Save written standard",

  historyHeading: "History",
  historyColumns: ["Time", "Event", "By", "Details"],
  system: "Samspill (automatic)",
  deletedPerson: "Deleted person",
  events: {
    invited: "Invited",
    reminded: "Reminder sent",
    "auto-reminded": "Automatic reminder sent",
    extended: "Deadline extended",
    accepted: "Accepted",
    declined: "Declined",
    expired: "Deadline passed",
    enrolled: "Enrolled",
    withdrawn: "Withdrawn",
    contact: "Contact changed",
  },
  detailDeadline: (date) => `Deadline ${date}`,
  detailExtended: (from, to) => `New deadline ${to} (was ${from})`,
  detailReason: (reason) => `Reason: ${reason}`,
  detailCommitments: "The commitments are accepted",
  detailReminder: (n) => `Reminder no. ${n}`,
  contactKinds: {
    "resource-person": "Resource person",
    "pp-service": "Contact in the PP service",
  },

  done: {
    accepted:
      "Thank you! You have accepted. Enrol kindergartens and schools, and name the resource person and the PP-service contact below.",
    acceptedUnit: "Thank you! The unit has accepted and is enrolled. All its staff take part.",
    declined: "The answer is sent: you have declined.",
    enrolled: "The enrolment is saved.",
    withdrawn: "The unit is withdrawn from the cohort.",
    resourceInvited: (name, email) =>
      `The resource person is saved. We are sending an invitation to ${name} (${email}).`,
    resourceSaved: (name) =>
      `The resource person is saved. ${name} already has the resource-person role.`,
    pp: "The PP-service contact is saved.",
    standard: "The written standard is saved.",
  },
};

export const municipalityTexts = { nb, nn, en } satisfies Record<Lang, MunicipalityTexts>;

/** Who answered and when, as the "already answered" sentence names it. */
const answered = (e: ErrorContext) => ({
  who: String(e.params.who ?? ""),
  date: String(e.params.answeredOn ?? ""),
  declined: e.params.declined === true,
});

/**
 * The errors of the invitation page's forms: the answer (`answer`, `commitments`, `reason`),
 * the units (`units`), the resource person and the PP contact (`ppServiceId`, `name`, `email`)
 * and the written standard (`standard`). The page gives `subject` ("Kommunen"), `deadline`,
 * and who answered (`who`, `answeredOn`, `declined`); the chain names the unit it refuses
 * (`orgNumber`, `unitName`, `self`, `via`).
 */
export const municipalityErrors: ErrorCatalogues<
  | "answer.choice"
  | "commitmentsRequired"
  | "reasonRequired"
  | "reason.max"
  | "deadlinePassed"
  | "alreadyAnswered"
  | "changedMeanwhile"
  | "name.changedMeanwhile"
  | "ppServiceId.changedMeanwhile"
  | "notAccepted"
  | "units.required"
  | "alreadyEnrolled"
  | "unitOutsideMunicipality"
  | "unitNotActive"
  | "notEnrolled"
  | "name.required"
  | "name.max"
  | "email.required"
  | "email.max"
  | "email"
  | "ppServiceId.choice"
  | "standard.choice"
  | "notFound"
  | "notMunicipality"
> = {
  nb: {
    "answer.choice": "Velg om dere takker ja eller nei",
    commitmentsRequired: "Kryss av for at dere godtar forpliktelsene for å takke ja",
    reasonRequired: "Skriv en begrunnelse for å takke nei",
    "reason.max": (e) => `Begrunnelsen kan ha høyst ${e.max} tegn`,
    deadlinePassed: (e) => nb.expired(String(e.params.deadline)),
    alreadyAnswered: (e) => {
      const { who, date, declined } = answered(e);
      const answer = declined
        ? who
          ? `${who} takket nei ${date}`
          : `takket nei ${date}`
        : who
          ? `${who} takket ja ${date}`
          : `takket ja ${date}`;
      return `${e.params.subject} har allerede svart (${answer})`;
    },
    changedMeanwhile:
      "Invitasjonen ble endret mens du svarte. Se over den slik den er nå, og send svaret på nytt.",
    "name.changedMeanwhile":
      "Noen andre endret kontakten samtidig. Se over og prøv igjen hvis det trengs.",
    "ppServiceId.changedMeanwhile":
      "Noen andre endret kontakten samtidig. Se over og prøv igjen hvis det trengs.",
    notAccepted: (e) =>
      `${e.params.subject} må takke ja før dere kan melde på barnehager og skoler eller navngi kontakter.`,
    "units.required": "Velg minst én barnehage eller skole",
    alreadyEnrolled: (e) =>
      e.params.self
        ? `${e.params.unitName ?? e.params.orgNumber} er allerede meldt på puljen selv, etter en invitasjon direkte fra Statsforvalteren. En enhet kan bare meldes på én gang`
        : `${e.params.unitName ?? e.params.orgNumber} er allerede meldt på puljen via ${e.params.via ?? ""}. En enhet kan bare meldes på én gang`,
    unitOutsideMunicipality: (e) =>
      `Enheten med organisasjonsnummer ${e.params.orgNumber} ligger ikke i kommunen`,
    unitNotActive: (e) =>
      `Enheten med organisasjonsnummer ${e.params.orgNumber} er ikke lenger i drift`,
    notEnrolled: "Enheten er ikke påmeldt (kanskje noen trakk den akkurat nå)",
    "name.required": "Fyll ut navn",
    "name.max": (e) => `Navnet kan ha høyst ${e.max} tegn`,
    "email.required": "Fyll ut e-post",
    "email.max": "Skriv inn en gyldig e-postadresse, for eksempel navn@kommune.no",
    email: "Skriv inn en gyldig e-postadresse, for eksempel navn@kommune.no",
    "ppServiceId.choice": "Velg PP-tjeneste",
    "standard.choice": "Velg bokmål eller nynorsk",
    notFound: "Det gikk ikke å lagre. Last siden på nytt og prøv igjen.",
    notMunicipality: "Det gikk ikke å lagre. Last siden på nytt og prøv igjen.",
  },
  nn: {
    "answer.choice": "Vel om de takkar ja eller nei",
    commitmentsRequired: "Kryss av for at de godtek pliktene for å takke ja",
    reasonRequired: "Skriv ei grunngiving for å takke nei",
    "reason.max": (e) => `Grunngivinga kan ha høgst ${e.max} teikn`,
    deadlinePassed: (e) => nn.expired(String(e.params.deadline)),
    alreadyAnswered: (e) => {
      const { who, date, declined } = answered(e);
      const answer = declined
        ? who
          ? `${who} takka nei ${date}`
          : `takka nei ${date}`
        : who
          ? `${who} takka ja ${date}`
          : `takka ja ${date}`;
      return `${e.params.subject} har allereie svart (${answer})`;
    },
    changedMeanwhile:
      "Invitasjonen vart endra medan du svarte. Sjå over slik han er no, og send svaret på nytt.",
    "name.changedMeanwhile":
      "Nokon andre endra kontakten samtidig. Sjå over og prøv igjen om det trengst.",
    "ppServiceId.changedMeanwhile":
      "Nokon andre endra kontakten samtidig. Sjå over og prøv igjen om det trengst.",
    notAccepted: (e) =>
      `${e.params.subject} må takke ja før de kan melde på barnehagar og skular eller namngi kontaktar.`,
    "units.required": "Vel minst éin barnehage eller skule",
    alreadyEnrolled: (e) =>
      e.params.self
        ? `${e.params.unitName ?? e.params.orgNumber} er allereie meld på puljen sjølv, etter ein invitasjon direkte frå Statsforvaltaren. Ei eining kan berre meldast på éin gong`
        : `${e.params.unitName ?? e.params.orgNumber} er allereie meld på puljen via ${e.params.via ?? ""}. Ei eining kan berre meldast på éin gong`,
    unitOutsideMunicipality: (e) =>
      `Eininga med organisasjonsnummer ${e.params.orgNumber} ligg ikkje i kommunen`,
    unitNotActive: (e) =>
      `Eininga med organisasjonsnummer ${e.params.orgNumber} er ikkje lenger i drift`,
    notEnrolled: "Eininga er ikkje påmeld (kanskje nokon trekte henne akkurat no)",
    "name.required": "Fyll ut namn",
    "name.max": (e) => `Namnet kan ha høgst ${e.max} teikn`,
    "email.required": "Fyll ut e-post",
    "email.max": "Skriv inn ei gyldig e-postadresse, til dømes namn@kommune.no",
    email: "Skriv inn ei gyldig e-postadresse, til dømes namn@kommune.no",
    "ppServiceId.choice": "Vel PP-teneste",
    "standard.choice": "Vel bokmål eller nynorsk",
    notFound: "Det gjekk ikkje å lagre. Last sida på nytt og prøv igjen.",
    notMunicipality: "Det gjekk ikkje å lagre. Last sida på nytt og prøv igjen.",
  },
  en: {
    "answer.choice": "Choose whether you accept or decline",
    commitmentsRequired: "Tick that you accept the commitments to say yes",
    reasonRequired: "Give a reason to decline",
    "reason.max": (e) => `The reason can have at most ${e.max} characters`,
    deadlinePassed: (e) => en.expired(String(e.params.deadline)),
    alreadyAnswered: (e) => {
      const { who, date, declined } = answered(e);
      const answer = declined
        ? who
          ? `${who} declined on ${date}`
          : `declined on ${date}`
        : who
          ? `${who} accepted on ${date}`
          : `accepted on ${date}`;
      return `${e.params.subject} has already answered (${answer})`;
    },
    changedMeanwhile:
      "The invitation changed while you were answering. Look it over as it is now and send the answer again.",
    "name.changedMeanwhile":
      "Someone else changed the contact at the same moment. Look it over and try again if needed.",
    "ppServiceId.changedMeanwhile":
      "Someone else changed the contact at the same moment. Look it over and try again if needed.",
    notAccepted: (e) =>
      `${e.params.subject} must accept before you can enrol kindergartens and schools or name contacts.`,
    "units.required": "Choose at least one kindergarten or school",
    alreadyEnrolled: (e) =>
      e.params.self
        ? `${e.params.unitName ?? e.params.orgNumber} is already enrolled in the cohort itself, after an invitation straight from the county governor's office. A unit can be enrolled only once`
        : `${e.params.unitName ?? e.params.orgNumber} is already enrolled in the cohort through ${e.params.via ?? ""}. A unit can be enrolled only once`,
    unitOutsideMunicipality: (e) =>
      `The unit with organisation number ${e.params.orgNumber} is not in the municipality`,
    unitNotActive: (e) =>
      `The unit with organisation number ${e.params.orgNumber} is no longer in operation`,
    notEnrolled: "The unit is not enrolled (someone may just have withdrawn it)",
    "name.required": "Enter a name",
    "name.max": (e) => `The name can have at most ${e.max} characters`,
    "email.required": "Enter an e-mail address",
    "email.max": "Enter a valid e-mail address, such as name@kommune.no",
    email: "Enter a valid e-mail address, such as name@kommune.no",
    "ppServiceId.choice": "Choose a PP service",
    "standard.choice": "Choose bokmål or nynorsk",
    notFound: "It could not be saved. Reload the page and try again.",
    notMunicipality: "It could not be saved. Reload the page and try again.",
  },
};
