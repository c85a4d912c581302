import type { Lang } from "../../web/i18n";
import type { AttendanceStatus } from "./schema";

/** The organiser's side of a gathering's day: the door, attendance, closing. */
const nb = {
  tabs: "Samlingens dag",
  dayLink: "Innsjekking, oppmøte og avslutning",
  doorTab: "Innsjekking",
  attendanceTab: "Oppmøte",
  closeTab: "Avslutt samlingen",
  doorTitle: (title: string) => `Innsjekking: ${title}`,
  doorLead:
    "Skann deltakerens QR-kode, skriv koden fra e-posten, eller finn deltakeren i listen nedenfor.",
  checkedInCount: (n: number, of: number) => `${n} av ${of} påmeldte er sjekket inn.`,
  code: "Kode fra QR-koden",
  codeHint:
    "Åtte tegn, for eksempel ABCD-EFGH. Store og små bokstaver og bindestrek spiller ingen rolle.",
  checkIn: "Sjekk inn",
  checkInPerson: (name: string) => `Sjekk inn ${name}`,
  scan: {
    start: "Skann QR-kode",
    stop: "Stopp kameraet",
    noCamera: "Fant ikke noe kamera. Skriv koden i feltet.",
  },
  checkedIn: (name: string) => `${name} er sjekket inn.`,
  alreadyCheckedIn: (name: string, time: string) => `${name} ble allerede sjekket inn kl. ${time}.`,
  search: "Søk etter navn, enhet eller kommune",
  searchButton: "Søk",
  showAll: "Vis alle",
  participants: "Påmeldte",
  found: (n: number) => (n === 1 ? "1 treff" : `${n} treff`),
  none: "Ingen påmeldte å vise.",
  name: "Navn",
  unit: "Enhet",
  municipality: "Kommune",
  checkInColumn: "Innsjekking",
  checkedInAt: (time: string) => `Sjekket inn kl. ${time}`,
  attendanceTitle: (title: string) => `Oppmøte: ${title}`,
  attendanceLead:
    "Merk hvem som var til stede, borte eller hadde gyldig fravær, for hele samlingen eller for hver økt, også de digitale. Du kan endre merkingen senere.",
  part: "Del av samlingen",
  wholeGathering: "Hele samlingen",
  show: "Vis",
  attendanceFor: (name: string) => `Oppmøte for ${name}`,
  statuses: { present: "Til stede", absent: "Borte", excused: "Gyldig fravær" } as Record<
    AttendanceStatus,
    string
  >,
  notMarked: "Ikke merket",
  tally: (present: number, absent: number, excused: number, unmarked: number) =>
    `Til stede: ${present}. Borte: ${absent}. Gyldig fravær: ${excused}. Ikke merket: ${unmarked}.`,
  saveAttendance: "Lagre oppmøte",
  saved: (n: number) =>
    n === 0
      ? "Ingen endringer å lagre."
      : n === 1
        ? "1 endring er lagret."
        : `${n} endringer er lagret.`,
  chosenOnly: "Økten har begrenset plass: listen viser dem som valgte den.",
  closeTitle: (title: string) => `Avslutt ${title}`,
  closeLead:
    "Skriv referat fra samlingen og hvor mange som kom. Når samlingen er avsluttet, er påmeldingen stengt.",
  closedOn: (at: string) =>
    `Samlingen ble avsluttet ${at}. Du kan fortsatt rette referatet og antallet.`,
  minutes: "Referat",
  minutesHint: "Hva ble gjennomgått, hva ble avtalt, og hva skal følges opp.",
  presentCount: "Antall til stede",
  presentHint: (n: number) =>
    `Talt fra oppmøtet: ${n} merket til stede. Rett tallet om noen kom uten å være merket.`,
  close: "Avslutt samlingen",
  saveClosing: "Lagre",
  closedNotice: "Samlingen er avsluttet.",
  closingSaved: "Referatet og antallet er lagret.",
  notStartedYet: (at: string) =>
    `Samlingen begynner ${at}. Du kan avslutte den når den har begynt.`,
};

type DoorTexts = typeof nb;

const nn: DoorTexts = {
  tabs: "Dagen for samlinga",
  dayLink: "Innsjekking, oppmøte og avslutning",
  doorTab: "Innsjekking",
  attendanceTab: "Oppmøte",
  closeTab: "Avslutt samlinga",
  doorTitle: (title) => `Innsjekking: ${title}`,
  doorLead:
    "Skann QR-koden til deltakaren, skriv koden frå e-posten, eller finn deltakaren i lista nedanfor.",
  checkedInCount: (n, of) => `${n} av ${of} påmelde er sjekka inn.`,
  code: "Kode frå QR-koden",
  codeHint:
    "Åtte teikn, til dømes ABCD-EFGH. Store og små bokstavar og bindestrek spelar inga rolle.",
  checkIn: "Sjekk inn",
  checkInPerson: (name) => `Sjekk inn ${name}`,
  scan: {
    start: "Skann QR-kode",
    stop: "Stopp kameraet",
    noCamera: "Fann ikkje noko kamera. Skriv koden i feltet.",
  },
  checkedIn: (name) => `${name} er sjekka inn.`,
  alreadyCheckedIn: (name, time) => `${name} vart allereie sjekka inn kl. ${time}.`,
  search: "Søk etter namn, eining eller kommune",
  searchButton: "Søk",
  showAll: "Vis alle",
  participants: "Påmelde",
  found: (n) => (n === 1 ? "1 treff" : `${n} treff`),
  none: "Ingen påmelde å vise.",
  name: "Namn",
  unit: "Eining",
  municipality: "Kommune",
  checkInColumn: "Innsjekking",
  checkedInAt: (time) => `Sjekka inn kl. ${time}`,
  attendanceTitle: (title) => `Oppmøte: ${title}`,
  attendanceLead:
    "Merk kven som var til stades, borte eller hadde gyldig fråvær, for heile samlinga eller for kvar økt, også dei digitale. Du kan endre merkinga seinare.",
  part: "Del av samlinga",
  wholeGathering: "Heile samlinga",
  show: "Vis",
  attendanceFor: (name) => `Oppmøte for ${name}`,
  statuses: { present: "Til stades", absent: "Borte", excused: "Gyldig fråvær" },
  notMarked: "Ikkje merkt",
  tally: (present, absent, excused, unmarked) =>
    `Til stades: ${present}. Borte: ${absent}. Gyldig fråvær: ${excused}. Ikkje merkt: ${unmarked}.`,
  saveAttendance: "Lagre oppmøte",
  saved: (n) =>
    n === 0
      ? "Ingen endringar å lagre."
      : n === 1
        ? "1 endring er lagra."
        : `${n} endringar er lagra.`,
  chosenOnly: "Økta har avgrensa plass: lista viser dei som valde ho.",
  closeTitle: (title) => `Avslutt ${title}`,
  closeLead:
    "Skriv referat frå samlinga og kor mange som kom. Når samlinga er avslutta, er påmeldinga stengd.",
  closedOn: (at) => `Samlinga vart avslutta ${at}. Du kan framleis rette referatet og talet.`,
  minutes: "Referat",
  minutesHint: "Kva vart gått gjennom, kva vart avtalt, og kva skal følgjast opp.",
  presentCount: "Talet til stades",
  presentHint: (n) =>
    `Talt frå oppmøtet: ${n} merkte til stades. Rett talet om nokon kom utan å vere merkte.`,
  close: "Avslutt samlinga",
  saveClosing: "Lagre",
  closedNotice: "Samlinga er avslutta.",
  closingSaved: "Referatet og talet er lagra.",
  notStartedYet: (at) => `Samlinga byrjar ${at}. Du kan avslutte ho når ho har byrja.`,
};

const en: DoorTexts = {
  tabs: "The gathering's day",
  dayLink: "Check-in, attendance and closing",
  doorTab: "Check-in",
  attendanceTab: "Attendance",
  closeTab: "Close the gathering",
  doorTitle: (title) => `Check-in: ${title}`,
  doorLead:
    "Scan the participant's QR code, type the code from the e-mail, or find the participant in the list below.",
  checkedInCount: (n, of) => `${n} of ${of} registered are checked in.`,
  code: "Code from the QR code",
  codeHint:
    "Eight characters, for example ABCD-EFGH. Upper or lower case and dashes do not matter.",
  checkIn: "Check in",
  checkInPerson: (name) => `Check in ${name}`,
  scan: {
    start: "Scan QR code",
    stop: "Stop the camera",
    noCamera: "No camera found. Type the code in the field.",
  },
  checkedIn: (name) => `${name} is checked in.`,
  alreadyCheckedIn: (name, time) => `${name} was already checked in at ${time}.`,
  search: "Search by name, unit or municipality",
  searchButton: "Search",
  showAll: "Show all",
  participants: "Registered",
  found: (n) => (n === 1 ? "1 match" : `${n} matches`),
  none: "Nobody registered to show.",
  name: "Name",
  unit: "Unit",
  municipality: "Municipality",
  checkInColumn: "Check-in",
  checkedInAt: (time) => `Checked in at ${time}`,
  attendanceTitle: (title) => `Attendance: ${title}`,
  attendanceLead:
    "Mark who was present, absent or excused, for the whole gathering or for each session, online ones too. You can change the marks later.",
  part: "Part of the gathering",
  wholeGathering: "The whole gathering",
  show: "Show",
  attendanceFor: (name) => `Attendance of ${name}`,
  statuses: { present: "Present", absent: "Absent", excused: "Excused" },
  notMarked: "Not marked",
  tally: (present, absent, excused, unmarked) =>
    `Present: ${present}. Absent: ${absent}. Excused: ${excused}. Not marked: ${unmarked}.`,
  saveAttendance: "Save attendance",
  saved: (n) =>
    n === 0 ? "No changes to save." : n === 1 ? "1 change saved." : `${n} changes saved.`,
  chosenOnly: "The session has limited places: the list shows those who chose it.",
  closeTitle: (title) => `Close ${title}`,
  closeLead:
    "Write the minutes of the gathering and how many came. Once the gathering is closed, registration is closed.",
  closedOn: (at) =>
    `The gathering was closed on ${at}. You can still correct the minutes and the number.`,
  minutes: "Minutes",
  minutesHint: "What was covered, what was agreed, and what is to be followed up.",
  presentCount: "Number present",
  presentHint: (n) =>
    `Counted from attendance: ${n} marked present. Correct the number if some came without being marked.`,
  close: "Close the gathering",
  saveClosing: "Save",
  closedNotice: "The gathering is closed.",
  closingSaved: "The minutes and the number are saved.",
  notStartedYet: (at) => `The gathering starts ${at}. You can close it once it has started.`,
};

export const doorTexts: Record<Lang, DoorTexts> = { nb, nn, en };
