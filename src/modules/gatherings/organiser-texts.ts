import type { Lang } from "../../web/i18n";

/** The organiser's side: the list of gatherings, and the form that creates and edits one. */
type OrganiserTexts = {
  nav: string;
  listTitle: string;
  listLead: string;
  none: string;
  create: string;
  newTitle: string;
  editTitle: (title: string) => string;
  created: string;
  saved: string;
  counts: (confirmed: number, offered: number, waiting: number) => string;
  registrations: string;
  listCounts: (held: number, capacity: number, waiting: number) => string;
  labels: {
    programme: string;
    cohort: string;
    onlyCohort: string;
    level: string;
    titleNb: string;
    titleNn: string;
    descriptionNb: string;
    descriptionNn: string;
    startsAt: string;
    endsAt: string;
    mode: string;
    venue: string;
    address: string;
    digitalLink: string;
    capacity: string;
    offerHours: string;
    registrationOpensAt: string;
    registrationClosesAt: string;
    allowedMunicipalities: string;
    allowedRoles: string;
  };
  wholeProgramme: string;
  cohortNumber: (n: number) => string;
  onlyCohortOption: string;
  dateTimeHint: string;
  digitalLinkHint: string;
  municipalitiesHint: string;
  rolesHint: string;
  whoHeading: string;
  whereHeading: string;
  whenHeading: string;
  agendaHeading: string;
  agendaHint: string;
  sessionLegend: (n: number) => string;
  session: {
    kind: string;
    titleNb: string;
    titleNn: string;
    speaker: string;
    room: string;
    startsAt: string;
    endsAt: string;
    capacity: string;
    capacityHint: string;
    remove: string;
  };
  save: string;
  roleNames: Record<string, string>;
};

const nb: OrganiserTexts = {
  nav: "Samlinger (arrangør)",
  listTitle: "Samlinger du arrangerer",
  listLead: "Samlingene i programmene dine, med påmeldte og venteliste.",
  none: "Ingen samlinger ennå.",
  create: "Ny samling",
  newTitle: "Ny samling",
  editTitle: (title) => `Endre samling: ${title}`,
  created: "Samlingen er opprettet.",
  saved: "Endringene er lagret.",
  counts: (c, o, w) => `${c} påmeldt, ${o} med tilbud om plass, ${w} på venteliste`,
  registrations: "Påmeldinger",
  listCounts: (h, c, w) => `${h} av ${c} plasser tatt, ${w} på venteliste`,
  labels: {
    programme: "Program",
    cohort: "Pulje",
    onlyCohort: "Hvem kan melde seg på",
    level: "Nivå",
    titleNb: "Tittel (bokmål)",
    titleNn: "Tittel (nynorsk)",
    descriptionNb: "Beskrivelse (bokmål)",
    descriptionNn: "Beskrivelse (nynorsk)",
    startsAt: "Start",
    endsAt: "Slutt",
    mode: "Form",
    venue: "Sted",
    address: "Adresse",
    digitalLink: "Lenke til digitalt møte",
    capacity: "Antall plasser",
    offerHours: "Timer til å bekrefte en ledig plass",
    registrationOpensAt: "Påmeldingen åpner",
    registrationClosesAt: "Påmeldingen stenger",
    allowedMunicipalities: "Bare fra disse kommunene (valgfritt)",
    allowedRoles: "Bare disse rollene (valgfritt)",
  },
  wholeProgramme: "Hele programmet",
  cohortNumber: (n) => `Pulje ${n}`,
  onlyCohortOption: "Bare deltakere i puljen",
  dateTimeHint: "Norsk tid, for eksempel 10.2.2027 09:00",
  digitalLinkHint: "Vises bare for dem som har fått plass. Begynner med https://",
  municipalitiesHint: "Kommunenumre, skilt med komma, for eksempel 4204, 4203",
  rolesHint: "Velg ingen for å la alle roller melde seg på.",
  whoHeading: "Hvem samlingen er for",
  whereHeading: "Sted og plasser",
  whenHeading: "Tid og påmelding",
  agendaHeading: "Program",
  agendaHint:
    "Økter med plassbegrensning velger deltakerne selv ved påmelding. Tomme rader lagres ikke.",
  sessionLegend: (n) => `Økt ${n}`,
  session: {
    kind: "Type",
    titleNb: "Tittel (bokmål)",
    titleNn: "Tittel (nynorsk)",
    speaker: "Foredragsholder (valgfritt)",
    room: "Rom (valgfritt)",
    startsAt: "Start",
    endsAt: "Slutt",
    capacity: "Plasser (valgfritt)",
    capacityHint: "Fyll ut for økter deltakerne velger, for eksempel parallelle grupper.",
    remove: "Fjern økten",
  },
  save: "Lagre samlingen",
  roleNames: {
    "programme-admin": "Programadministrator",
    "county-coordinator": "Koordinator hos statsforvalteren",
    "municipal-coordinator": "Kommunekoordinator",
    "resource-person": "Ressursperson",
    "unit-leader": "Leder for barnehage eller skole",
    staff: "Ansatt i barnehage eller skole",
  },
};

const nn: OrganiserTexts = {
  nav: "Samlingar (arrangør)",
  listTitle: "Samlingar du arrangerer",
  listLead: "Samlingane i programma dine, med påmelde og venteliste.",
  none: "Ingen samlingar enno.",
  create: "Ny samling",
  newTitle: "Ny samling",
  editTitle: (title) => `Endre samling: ${title}`,
  created: "Samlinga er oppretta.",
  saved: "Endringane er lagra.",
  counts: (c, o, w) => `${c} påmelde, ${o} med tilbod om plass, ${w} på venteliste`,
  registrations: "Påmeldingar",
  listCounts: (h, c, w) => `${h} av ${c} plassar tekne, ${w} på venteliste`,
  labels: {
    programme: "Program",
    cohort: "Pulje",
    onlyCohort: "Kven kan melde seg på",
    level: "Nivå",
    titleNb: "Tittel (bokmål)",
    titleNn: "Tittel (nynorsk)",
    descriptionNb: "Skildring (bokmål)",
    descriptionNn: "Skildring (nynorsk)",
    startsAt: "Start",
    endsAt: "Slutt",
    mode: "Form",
    venue: "Stad",
    address: "Adresse",
    digitalLink: "Lenkje til digitalt møte",
    capacity: "Talet på plassar",
    offerHours: "Timar til å stadfeste ein ledig plass",
    registrationOpensAt: "Påmeldinga opnar",
    registrationClosesAt: "Påmeldinga stengjer",
    allowedMunicipalities: "Berre frå desse kommunane (valfritt)",
    allowedRoles: "Berre desse rollene (valfritt)",
  },
  wholeProgramme: "Heile programmet",
  cohortNumber: (n) => `Pulje ${n}`,
  onlyCohortOption: "Berre deltakarar i pulja",
  dateTimeHint: "Norsk tid, til dømes 10.2.2027 09:00",
  digitalLinkHint: "Blir berre vist for dei som har fått plass. Byrjar med https://",
  municipalitiesHint: "Kommunenummer, skilde med komma, til dømes 4204, 4203",
  rolesHint: "Vel ingen for å la alle roller melde seg på.",
  whoHeading: "Kven samlinga er for",
  whereHeading: "Stad og plassar",
  whenHeading: "Tid og påmelding",
  agendaHeading: "Program",
  agendaHint:
    "Økter med plassavgrensing vel deltakarane sjølve ved påmelding. Tomme rader blir ikkje lagra.",
  sessionLegend: (n) => `Økt ${n}`,
  session: {
    kind: "Type",
    titleNb: "Tittel (bokmål)",
    titleNn: "Tittel (nynorsk)",
    speaker: "Føredragshaldar (valfritt)",
    room: "Rom (valfritt)",
    startsAt: "Start",
    endsAt: "Slutt",
    capacity: "Plassar (valfritt)",
    capacityHint: "Fyll ut for økter deltakarane vel, til dømes parallelle grupper.",
    remove: "Fjern økta",
  },
  save: "Lagre samlinga",
  roleNames: {
    "programme-admin": "Programadministrator",
    "county-coordinator": "Koordinator hos statsforvaltaren",
    "municipal-coordinator": "Kommunekoordinator",
    "resource-person": "Ressursperson",
    "unit-leader": "Leiar for barnehage eller skule",
    staff: "Tilsett i barnehage eller skule",
  },
};

const en: OrganiserTexts = {
  nav: "Gatherings (organiser)",
  listTitle: "Gatherings you organise",
  listLead: "The gatherings of your programmes, with registrations and waiting lists.",
  none: "No gatherings yet.",
  create: "New gathering",
  newTitle: "New gathering",
  editTitle: (title) => `Edit gathering: ${title}`,
  created: "The gathering is created.",
  saved: "The changes are saved.",
  counts: (c, o, w) => `${c} registered, ${o} offered a seat, ${w} on the waiting list`,
  registrations: "Registrations",
  listCounts: (h, c, w) => `${h} of ${c} seats taken, ${w} on the waiting list`,
  labels: {
    programme: "Programme",
    cohort: "Cohort",
    onlyCohort: "Who may register",
    level: "Level",
    titleNb: "Title (Bokmål)",
    titleNn: "Title (Nynorsk)",
    descriptionNb: "Description (Bokmål)",
    descriptionNn: "Description (Nynorsk)",
    startsAt: "Start",
    endsAt: "End",
    mode: "Format",
    venue: "Venue",
    address: "Address",
    digitalLink: "Link to the online meeting",
    capacity: "Number of seats",
    offerHours: "Hours to confirm a freed seat",
    registrationOpensAt: "Registration opens",
    registrationClosesAt: "Registration closes",
    allowedMunicipalities: "Only from these municipalities (optional)",
    allowedRoles: "Only these roles (optional)",
  },
  wholeProgramme: "The whole programme",
  cohortNumber: (n) => `Cohort ${n}`,
  onlyCohortOption: "Only participants of the cohort",
  dateTimeHint: "Norwegian time, for example 10.2.2027 09:00",
  digitalLinkHint: "Shown only to those with a seat. Starts with https://",
  municipalitiesHint: "Municipality numbers separated by commas, for example 4204, 4203",
  rolesHint: "Choose none to let every role register.",
  whoHeading: "Who the gathering is for",
  whereHeading: "Place and seats",
  whenHeading: "Time and registration",
  agendaHeading: "Agenda",
  agendaHint:
    "Participants choose sessions with a limit on places when they register. Empty rows are not saved.",
  sessionLegend: (n) => `Session ${n}`,
  session: {
    kind: "Kind",
    titleNb: "Title (Bokmål)",
    titleNn: "Title (Nynorsk)",
    speaker: "Speaker (optional)",
    room: "Room (optional)",
    startsAt: "Start",
    endsAt: "End",
    capacity: "Places (optional)",
    capacityHint: "Fill in for sessions participants choose, such as parallel groups.",
    remove: "Remove the session",
  },
  save: "Save the gathering",
  roleNames: {
    "programme-admin": "Programme administrator",
    "county-coordinator": "County office coordinator",
    "municipal-coordinator": "Municipal coordinator",
    "resource-person": "Resource person",
    "unit-leader": "Kindergarten or school leader",
    staff: "Kindergarten or school staff",
  },
};

export const organiserTexts: Record<Lang, OrganiserTexts> = { nb, nn, en };
