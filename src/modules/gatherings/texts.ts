import type { Lang } from "../../web/i18n";
import type { GatheringLevel, GatheringMode, SessionKind } from "./schema";

/** The participant's side of gatherings: the list, a gathering's page, registering. */
type GatheringTexts = {
  nav: string;
  listTitle: string;
  listLead: string;
  none: string;
  title: string;
  about: string;
  when: string;
  where: string;
  status: string;
  notRegistered: string;
  levels: Record<GatheringLevel, string>;
  modes: Record<GatheringMode, string>;
  sessionKinds: Record<SessionKind, string>;
  level: string;
  mode: string;
  digital: string;
  digitalLink: string;
  digitalLinkLater: string;
  seats: string;
  seatsLeft: (left: number, capacity: number) => string;
  registration: string;
  registrationWindow: (opens: string, closes: string) => string;
  agenda: string;
  time: string;
  session: string;
  speaker: string;
  room: string;
  full: string;
  placesLeft: (n: number) => string;
  registerHeading: string;
  chooseSessions: string;
  chooseSessionsHint: string;
  needsHeading: string;
  needsHint: string;
  dietary: string;
  accessibility: string;
  register: string;
  confirmedNotice: string;
  waitingNotice: (position: number) => string;
  offeredNotice: (until: string) => string;
  confirmSeat: string;
  declineSeat: string;
  cancelHeading: string;
  cancelLead: string;
  cancel: string;
  cancelledNotice: string;
  yourSessions: string;
  notOpenYet: (opens: string) => string;
  closed: string;
  notAdmitted: string;
  started: string;
  backToList: string;
  statuses: { confirmed: string; waiting: (n: number) => string; offered: string };
};

const nb: GatheringTexts = {
  nav: "Samlinger",
  listTitle: "Samlinger",
  listLead: "Samlingene du kan melde deg på, og dem du er påmeldt.",
  none: "Det er ingen samlinger du kan melde deg på nå.",
  title: "Samling",
  about: "Om samlingen",
  when: "Tid",
  where: "Sted",
  status: "Din påmelding",
  notRegistered: "Ikke påmeldt",
  levels: { national: "Nasjonal", regional: "Regional", local: "Lokal" },
  modes: { physical: "Fysisk", digital: "Digital", hybrid: "Fysisk og digital" },
  sessionKinds: { lecture: "Foredrag", group: "Gruppearbeid", break: "Pause" },
  level: "Nivå",
  mode: "Form",
  digital: "Digitalt",
  digitalLink: "Lenke til det digitale møtet",
  digitalLinkLater: "Lenken til det digitale møtet vises her når du har fått plass.",
  seats: "Plasser",
  seatsLeft: (left, capacity) => `${left} av ${capacity} ledige`,
  registration: "Påmelding",
  registrationWindow: (opens, closes) => `Fra ${opens} til ${closes}`,
  agenda: "Program",
  time: "Tid",
  session: "Økt",
  speaker: "Foredragsholder",
  room: "Rom",
  full: "Full",
  placesLeft: (n) => (n === 1 ? "1 plass igjen" : `${n} plasser igjen`),
  registerHeading: "Meld deg på",
  chooseSessions: "Velg økter",
  chooseSessionsHint: "Velg høyst én økt av dem som går samtidig.",
  needsHeading: "Behov",
  needsHint:
    "Bare arrangøren ser dette, og det slettes når samlingen er over. Skriv bare det arrangøren trenger å vite.",
  dietary: "Matbehov (valgfritt)",
  accessibility: "Behov for tilrettelegging (valgfritt)",
  register: "Meld meg på",
  confirmedNotice: "Du er påmeldt og har plass på samlingen.",
  waitingNotice: (n) =>
    `Samlingen er full. Du står som nummer ${n} på ventelisten, og får e-post hvis du får plass.`,
  offeredNotice: (until) =>
    `Du har fått tilbud om plass. Bekreft innen ${until}, ellers går plassen videre.`,
  confirmSeat: "Bekreft plassen",
  declineSeat: "Si fra meg plassen",
  cancelHeading: "Meld deg av",
  cancelLead: "Hvis du melder deg av, går plassen din til den første på ventelisten.",
  cancel: "Meld meg av",
  cancelledNotice: "Du er meldt av samlingen.",
  yourSessions: "Dine økter",
  notOpenYet: (opens) => `Påmeldingen åpner ${opens}.`,
  closed: "Påmeldingen er stengt.",
  notAdmitted: "Denne samlingen er ikke åpen for påmelding fra deg.",
  started: "Samlingen har begynt.",
  backToList: "Alle samlinger",
  statuses: {
    confirmed: "Påmeldt",
    waiting: (n) => `Venteliste, nummer ${n}`,
    offered: "Tilbud om plass",
  },
};

const nn: GatheringTexts = {
  nav: "Samlingar",
  listTitle: "Samlingar",
  listLead: "Samlingane du kan melde deg på, og dei du er påmeld til.",
  none: "Det er ingen samlingar du kan melde deg på no.",
  title: "Samling",
  about: "Om samlinga",
  when: "Tid",
  where: "Stad",
  status: "Påmeldinga di",
  notRegistered: "Ikkje påmeld",
  levels: { national: "Nasjonal", regional: "Regional", local: "Lokal" },
  modes: { physical: "Fysisk", digital: "Digital", hybrid: "Fysisk og digital" },
  sessionKinds: { lecture: "Føredrag", group: "Gruppearbeid", break: "Pause" },
  level: "Nivå",
  mode: "Form",
  digital: "Digitalt",
  digitalLink: "Lenkje til det digitale møtet",
  digitalLinkLater: "Lenkja til det digitale møtet blir vist her når du har fått plass.",
  seats: "Plassar",
  seatsLeft: (left, capacity) => `${left} av ${capacity} ledige`,
  registration: "Påmelding",
  registrationWindow: (opens, closes) => `Frå ${opens} til ${closes}`,
  agenda: "Program",
  time: "Tid",
  session: "Økt",
  speaker: "Føredragshaldar",
  room: "Rom",
  full: "Full",
  placesLeft: (n) => (n === 1 ? "1 plass att" : `${n} plassar att`),
  registerHeading: "Meld deg på",
  chooseSessions: "Vel økter",
  chooseSessionsHint: "Vel høgst éi økt av dei som går samtidig.",
  needsHeading: "Behov",
  needsHint:
    "Berre arrangøren ser dette, og det blir sletta når samlinga er over. Skriv berre det arrangøren treng å vite.",
  dietary: "Matbehov (valfritt)",
  accessibility: "Behov for tilrettelegging (valfritt)",
  register: "Meld meg på",
  confirmedNotice: "Du er påmeld og har plass på samlinga.",
  waitingNotice: (n) =>
    `Samlinga er full. Du står som nummer ${n} på ventelista, og får e-post viss du får plass.`,
  offeredNotice: (until) =>
    `Du har fått tilbod om plass. Stadfest innan ${until}, elles går plassen vidare.`,
  confirmSeat: "Stadfest plassen",
  declineSeat: "Sei frå meg plassen",
  cancelHeading: "Meld deg av",
  cancelLead: "Viss du melder deg av, går plassen din til den første på ventelista.",
  cancel: "Meld meg av",
  cancelledNotice: "Du er meld av samlinga.",
  yourSessions: "Øktene dine",
  notOpenYet: (opens) => `Påmeldinga opnar ${opens}.`,
  closed: "Påmeldinga er stengd.",
  notAdmitted: "Denne samlinga er ikkje open for påmelding frå deg.",
  started: "Samlinga har byrja.",
  backToList: "Alle samlingar",
  statuses: {
    confirmed: "Påmeld",
    waiting: (n) => `Venteliste, nummer ${n}`,
    offered: "Tilbod om plass",
  },
};

const en: GatheringTexts = {
  nav: "Gatherings",
  listTitle: "Gatherings",
  listLead: "The gatherings you can register for, and those you are registered for.",
  none: "There are no gatherings you can register for now.",
  title: "Gathering",
  about: "About the gathering",
  when: "Time",
  where: "Place",
  status: "Your registration",
  notRegistered: "Not registered",
  levels: { national: "National", regional: "Regional", local: "Local" },
  modes: { physical: "In person", digital: "Online", hybrid: "In person and online" },
  sessionKinds: { lecture: "Lecture", group: "Group work", break: "Break" },
  level: "Level",
  mode: "Format",
  digital: "Online",
  digitalLink: "Link to the online meeting",
  digitalLinkLater: "The link to the online meeting is shown here once you have a seat.",
  seats: "Seats",
  seatsLeft: (left, capacity) => `${left} of ${capacity} free`,
  registration: "Registration",
  registrationWindow: (opens, closes) => `From ${opens} to ${closes}`,
  agenda: "Agenda",
  time: "Time",
  session: "Session",
  speaker: "Speaker",
  room: "Room",
  full: "Full",
  placesLeft: (n) => (n === 1 ? "1 place left" : `${n} places left`),
  registerHeading: "Register",
  chooseSessions: "Choose sessions",
  chooseSessionsHint: "Choose at most one of the sessions that run at the same time.",
  needsHeading: "Needs",
  needsHint:
    "Only the organiser sees this, and it is deleted when the gathering is over. Write only what the organiser needs to know.",
  dietary: "Dietary needs (optional)",
  accessibility: "Accessibility needs (optional)",
  register: "Register me",
  confirmedNotice: "You are registered and have a seat at the gathering.",
  waitingNotice: (n) =>
    `The gathering is full. You are number ${n} on the waiting list, and will get an e-mail if a seat frees up.`,
  offeredNotice: (until) =>
    `You have been offered a seat. Confirm by ${until}, or the seat goes to the next person.`,
  confirmSeat: "Confirm the seat",
  declineSeat: "Give up the seat",
  cancelHeading: "Cancel your registration",
  cancelLead: "If you cancel, your seat goes to the first person on the waiting list.",
  cancel: "Cancel my registration",
  cancelledNotice: "Your registration is cancelled.",
  yourSessions: "Your sessions",
  notOpenYet: (opens) => `Registration opens ${opens}.`,
  closed: "Registration has closed.",
  notAdmitted: "This gathering is not open for you to register.",
  started: "The gathering has started.",
  backToList: "All gatherings",
  statuses: {
    confirmed: "Registered",
    waiting: (n) => `Waiting list, number ${n}`,
    offered: "Offered a seat",
  },
};

export const gatheringTexts: Record<Lang, GatheringTexts> = { nb, nn, en };
