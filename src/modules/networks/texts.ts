import type { ErrorCatalogues } from "../../web/form-errors";
import type { Lang } from "../../web/i18n";

/** The learning networks' pages (decision 0031). */
type NetworkTexts = {
  nav: string;
  title: string;
  lead: string;
  none: string;
  create: string;
  invitationsHeading: string;
  invitationLead: (lead: string) => string;
  accept: string;
  decline: string;
  countsHeading: string;
  countsLead: string;
  municipality: string;
  networks: string;
  meetingsHeld: string;
  noCounts: string;
  cohortLabel: (programme: string, n: number) => string;
  newTitle: string;
  newLead: string;
  name: string;
  nameHint: string;
  cohort: string;
  leadMunicipality: string;
  coLeads: string;
  coLeadsHint: string;
  save: string;
  noCohort: string;
  backToList: string;
  backToNetwork: string;
  leadBy: string;
  coLeadStates: Record<string, string>;
  membersHeading: string;
  noMembers: string;
  memberKinds: Record<string, string>;
  roles: Record<string, string>;
  addMembersHeading: string;
  addMembersLead: string;
  membersLegend: string;
  noCandidates: string;
  addMembers: string;
  added: (n: number) => string;
  created: string;
  meetingsHeading: string;
  planMeeting: string;
  planTitle: string;
  planLead: string;
  meetingTitle: string;
  startsAt: string;
  endsAt: string;
  timeHint: string;
  place: string;
  digitalLink: string;
  digitalLinkHint: string;
  agenda: string;
  planned: (n: number) => string;
  timelineHeading: string;
  timelineEmpty: string;
  entry: {
    meeting: string;
    minutes: string;
    reflection: (who: string) => string;
    document: (who: string) => string;
  };
  open: string;
  when: string;
  where: string;
  calendar: string;
  attendanceHeading: string;
  attendanceLegend: string;
  attendanceNotYet: string;
  saveAttendance: string;
  attendanceSaved: string;
  came: (n: number, of: number) => string;
  minutesHeading: string;
  minutes: string;
  saveMinutes: string;
  minutesSaved: string;
  noMinutes: string;
  reflectionsHeading: string;
  planReflectionsHeading: string;
  planReflectionsLead: string;
  planTried: string;
  planSaw: string;
  planNext: string;
  reflection: string;
  reflectionHint: string;
  addReflection: string;
  reflectionSaved: string;
  reflectionNotYet: string;
  noReflections: string;
  documentsHeading: string;
  document: string;
  documentHint: (types: string, mb: number) => string;
  share: string;
  documentShared: string;
  noDocuments: string;
  formerMembersHeading: string;
  removedOn: (date: string) => string;
  remove: string;
  removeLabel: (name: string) => string;
  removed: string;
  editMeeting: string;
  editTitle: string;
  editLead: string;
  saveChanges: string;
  changed: (n: number) => string;
  cancelHeading: string;
  cancelLead: string;
  cancelButton: string;
  cancelled: (n: number) => string;
  cancelledNote: (date: string) => string;
  cancelledTag: string;
};

const nb: NetworkTexts = {
  nav: "Nettverk",
  title: "Lærende nettverk",
  lead: "Nettverkene der enheter deler erfaringer og reflekterer sammen, ledet av kommunen.",
  none: "Du er ikke med i noe lærende nettverk ennå.",
  create: "Opprett lærende nettverk",
  invitationsHeading: "Invitasjoner til å lede sammen",
  invitationLead: (lead) => `${lead} spør om kommunen din vil lede nettverket sammen med dem.`,
  accept: "Bli med og led",
  decline: "Takk nei",
  countsHeading: "Nettverk i kommunene dine",
  countsLead: "Tall per kommune som leder nettverk. Innholdet i nettverkene ser bare deltakerne.",
  municipality: "Kommune",
  networks: "Nettverk",
  meetingsHeld: "Møter holdt",
  noCounts: "Ingen kommuner i fylkene dine leder lærende nettverk ennå.",
  cohortLabel: (p, n) => `${p}, pulje ${n}`,
  newTitle: "Nytt lærende nettverk",
  newLead:
    "Et nettverk hører til en pulje kommunen er med i. Inviter gjerne nabokommuner i samme pulje til å lede det sammen med dere.",
  name: "Navn på nettverket",
  nameHint: "For eksempel «Nettverk for skolene i øst».",
  cohort: "Pulje",
  leadMunicipality: "Kommune",
  coLeads: "Nabokommuner som skal lede sammen med dere",
  coLeadsHint:
    "Kommunenummer, skilt med komma, for eksempel 4203. Kommunene må være med i samme pulje. La stå tomt for et nettverk i egen kommune.",
  save: "Opprett nettverket",
  noCohort: "Kommunen din er ikke med i noen pulje ennå. Et nettverk hører til en pulje.",
  backToList: "Tilbake til nettverkene",
  backToNetwork: "Tilbake til nettverket",
  leadBy: "Ledes av",
  coLeadStates: {
    lead: "leder",
    invited: "invitert til å lede",
    accepted: "leder sammen",
    declined: "takket nei",
  },
  membersHeading: "Deltakere",
  noMembers: "Ingen deltakere ennå.",
  memberKinds: { unit: "Enhet", "resource-person": "Ressursperson", "pp-service": "PP-tjenesten" },
  roles: {
    "unit-leader": "leder",
    staff: "ansatt",
    "resource-person": "ressursperson",
    "pp-service": "kontakt i PP-tjenesten",
  },
  addMembersHeading: "Legg til deltakere",
  addMembersLead:
    "Ledere og ansatte ved enhetene kommunene har meldt på i puljen, ressurspersonen og kontakten i PP-tjenesten.",
  membersLegend: "Velg deltakere",
  noCandidates: "Alle som kan være med, er allerede deltakere.",
  addMembers: "Legg til",
  added: (n) => (n === 1 ? "1 deltaker er lagt til." : `${n} deltakere er lagt til.`),
  created: "Nettverket er opprettet.",
  meetingsHeading: "Møter",
  planMeeting: "Planlegg et møte",
  planTitle: "Planlegg møte",
  planLead: "Deltakerne får invitasjonen på e-post med en kalenderfil.",
  meetingTitle: "Tittel",
  startsAt: "Starter",
  endsAt: "Slutter",
  timeHint: "Norsk tid, for eksempel 10.2.2027 09:00.",
  place: "Sted",
  digitalLink: "Digital lenke",
  digitalLinkHint: "Begynner med https://. Bare deltakerne ser stedet og lenken.",
  agenda: "Saksliste",
  planned: (n) =>
    n === 1
      ? "Møtet er planlagt, og 1 deltaker får invitasjonen."
      : `Møtet er planlagt, og ${n} deltakere får invitasjonen.`,
  timelineHeading: "Tidslinje",
  timelineEmpty: "Ingenting her ennå.",
  entry: {
    meeting: "Møte",
    minutes: "Referat",
    reflection: (w) => `Refleksjon fra ${w}`,
    document: (w) => `Dokument delt av ${w}`,
  },
  open: "Åpne",
  when: "Tid",
  where: "Sted",
  calendar: "Last ned kalenderfil",
  attendanceHeading: "Hvem kom",
  attendanceLegend: "Kryss av for dem som kom",
  attendanceNotYet: "Du kan registrere oppmøte når møtet har begynt.",
  saveAttendance: "Lagre oppmøte",
  attendanceSaved: "Oppmøtet er lagret.",
  came: (n, of) => `${n} av ${of} deltakere kom.`,
  minutesHeading: "Referat",
  minutes: "Referat",
  saveMinutes: "Lagre referatet",
  minutesSaved: "Referatet er lagret.",
  noMinutes: "Ikke skrevet ennå.",
  reflectionsHeading: "Refleksjoner",
  planReflectionsHeading: "Refleksjoner i enhetenes utviklingsplaner",
  planReflectionsLead:
    "Enhetene skrev disse refleksjonene i utviklingsplanen etter møtet. Du ser dem du kan lese planen til.",
  planTried: "Hva prøvde vi?",
  planSaw: "Hva så vi?",
  planNext: "Hva gjør vi videre?",
  reflection: "Din refleksjon",
  reflectionHint:
    "Hva prøvde dere, hva så dere, hva gjør dere videre? Skriv om grupper og praksis, ikke om enkeltbarn.",
  addReflection: "Legg til refleksjon",
  reflectionSaved: "Refleksjonen er lagt til.",
  reflectionNotYet: "Du kan skrive refleksjoner når møtet er holdt.",
  noReflections: "Ingen refleksjoner ennå.",
  documentsHeading: "Del et dokument",
  document: "Dokument",
  documentHint: (types, mb) => `${types}, høyst ${mb} MB.`,
  share: "Del dokumentet",
  documentShared: "Dokumentet er delt.",
  noDocuments: "",
  formerMembersHeading: "Tidligere deltakere",
  removedOn: (d) => `fjernet ${d}`,
  remove: "Fjern",
  removeLabel: (name) => `Fjern ${name} fra nettverket`,
  removed: "Deltakeren er fjernet. Det hun eller han har skrevet og oppmøtet, står.",
  editMeeting: "Endre møtet",
  editTitle: "Endre nettverksmøte",
  editLead:
    "Deltakerne får en e-post om endringen med en oppdatert kalenderfil. Tidspunkt skrives i norsk tid.",
  saveChanges: "Lagre endringene",
  changed: (n) => `Møtet er endret. ${n} deltakere får e-post med oppdatert kalenderfil.`,
  cancelHeading: "Avlys møtet",
  cancelLead:
    "Deltakerne får en e-post om at møtet er avlyst, med en kalenderfil som tar det ut av kalenderen deres. Møtet blir stående som avlyst.",
  cancelButton: "Avlys møtet",
  cancelled: (n) => `Møtet er avlyst. ${n} deltakere får beskjed på e-post.`,
  cancelledNote: (d) => `Møtet ble avlyst ${d}.`,
  cancelledTag: "avlyst",
};

const nn: NetworkTexts = {
  nav: "Nettverk",
  title: "Lærande nettverk",
  lead: "Nettverka der einingar deler erfaringar og reflekterer saman, leia av kommunen.",
  none: "Du er ikkje med i noko lærande nettverk enno.",
  create: "Opprett lærande nettverk",
  invitationsHeading: "Invitasjonar til å leie saman",
  invitationLead: (lead) => `${lead} spør om kommunen din vil leie nettverket saman med dei.`,
  accept: "Bli med og lei",
  decline: "Takk nei",
  countsHeading: "Nettverk i kommunane dine",
  countsLead: "Tal per kommune som leier nettverk. Innhaldet i nettverka ser berre deltakarane.",
  municipality: "Kommune",
  networks: "Nettverk",
  meetingsHeld: "Møte haldne",
  noCounts: "Ingen kommunar i fylka dine leier lærande nettverk enno.",
  cohortLabel: (p, n) => `${p}, pulje ${n}`,
  newTitle: "Nytt lærande nettverk",
  newLead:
    "Eit nettverk høyrer til ein pulje kommunen er med i. Inviter gjerne nabokommunar i same pulje til å leie det saman med dykk.",
  name: "Namn på nettverket",
  nameHint: "Til dømes «Nettverk for skulane i aust».",
  cohort: "Pulje",
  leadMunicipality: "Kommune",
  coLeads: "Nabokommunar som skal leie saman med dykk",
  coLeadsHint:
    "Kommunenummer, skilde med komma, til dømes 4203. Kommunane må vere med i same pulje. La stå tomt for eit nettverk i eigen kommune.",
  save: "Opprett nettverket",
  noCohort: "Kommunen din er ikkje med i nokon pulje enno. Eit nettverk høyrer til ein pulje.",
  backToList: "Tilbake til nettverka",
  backToNetwork: "Tilbake til nettverket",
  leadBy: "Leia av",
  coLeadStates: {
    lead: "leier",
    invited: "invitert til å leie",
    accepted: "leier saman",
    declined: "takka nei",
  },
  membersHeading: "Deltakarar",
  noMembers: "Ingen deltakarar enno.",
  memberKinds: { unit: "Eining", "resource-person": "Ressursperson", "pp-service": "PP-tenesta" },
  roles: {
    "unit-leader": "leiar",
    staff: "tilsett",
    "resource-person": "ressursperson",
    "pp-service": "kontakt i PP-tenesta",
  },
  addMembersHeading: "Legg til deltakarar",
  addMembersLead:
    "Leiarar og tilsette ved einingane kommunane har meldt på i puljen, ressurspersonen og kontakten i PP-tenesta.",
  membersLegend: "Vel deltakarar",
  noCandidates: "Alle som kan vere med, er allereie deltakarar.",
  addMembers: "Legg til",
  added: (n) => (n === 1 ? "1 deltakar er lagd til." : `${n} deltakarar er lagde til.`),
  created: "Nettverket er oppretta.",
  meetingsHeading: "Møte",
  planMeeting: "Planlegg eit møte",
  planTitle: "Planlegg møte",
  planLead: "Deltakarane får invitasjonen på e-post med ei kalenderfil.",
  meetingTitle: "Tittel",
  startsAt: "Byrjar",
  endsAt: "Sluttar",
  timeHint: "Norsk tid, til dømes 10.2.2027 09:00.",
  place: "Stad",
  digitalLink: "Digital lenkje",
  digitalLinkHint: "Byrjar med https://. Berre deltakarane ser staden og lenkja.",
  agenda: "Saksliste",
  planned: (n) =>
    n === 1
      ? "Møtet er planlagt, og 1 deltakar får invitasjonen."
      : `Møtet er planlagt, og ${n} deltakarar får invitasjonen.`,
  timelineHeading: "Tidsline",
  timelineEmpty: "Ingenting her enno.",
  entry: {
    meeting: "Møte",
    minutes: "Referat",
    reflection: (w) => `Refleksjon frå ${w}`,
    document: (w) => `Dokument delt av ${w}`,
  },
  open: "Opne",
  when: "Tid",
  where: "Stad",
  calendar: "Last ned kalenderfil",
  attendanceHeading: "Kven kom",
  attendanceLegend: "Kryss av for dei som kom",
  attendanceNotYet: "Du kan registrere oppmøte når møtet har byrja.",
  saveAttendance: "Lagre oppmøte",
  attendanceSaved: "Oppmøtet er lagra.",
  came: (n, of) => `${n} av ${of} deltakarar kom.`,
  minutesHeading: "Referat",
  minutes: "Referat",
  saveMinutes: "Lagre referatet",
  minutesSaved: "Referatet er lagra.",
  noMinutes: "Ikkje skrive enno.",
  reflectionsHeading: "Refleksjonar",
  planReflectionsHeading: "Refleksjonar i utviklingsplanane til einingane",
  planReflectionsLead:
    "Einingane skreiv desse refleksjonane i utviklingsplanen etter møtet. Du ser dei du kan lese planen til.",
  planTried: "Kva prøvde vi?",
  planSaw: "Kva såg vi?",
  planNext: "Kva gjer vi vidare?",
  reflection: "Refleksjonen din",
  reflectionHint:
    "Kva prøvde de, kva såg de, kva gjer de vidare? Skriv om grupper og praksis, ikkje om enkeltborn.",
  addReflection: "Legg til refleksjon",
  reflectionSaved: "Refleksjonen er lagd til.",
  reflectionNotYet: "Du kan skrive refleksjonar når møtet er halde.",
  noReflections: "Ingen refleksjonar enno.",
  documentsHeading: "Del eit dokument",
  document: "Dokument",
  documentHint: (types, mb) => `${types}, høgst ${mb} MB.`,
  share: "Del dokumentet",
  documentShared: "Dokumentet er delt.",
  noDocuments: "",
  formerMembersHeading: "Tidlegare deltakarar",
  removedOn: (d) => `fjerna ${d}`,
  remove: "Fjern",
  removeLabel: (name) => `Fjern ${name} frå nettverket`,
  removed: "Deltakaren er fjerna. Det ho eller han har skrive, og oppmøtet, står.",
  editMeeting: "Endre møtet",
  editTitle: "Endre nettverksmøte",
  editLead:
    "Deltakarane får ein e-post om endringa med ei oppdatert kalenderfil. Tidspunkt skriv du i norsk tid.",
  saveChanges: "Lagre endringane",
  changed: (n) => `Møtet er endra. ${n} deltakarar får e-post med oppdatert kalenderfil.`,
  cancelHeading: "Avlys møtet",
  cancelLead:
    "Deltakarane får ein e-post om at møtet er avlyst, med ei kalenderfil som tek det ut av kalenderen deira. Møtet blir ståande som avlyst.",
  cancelButton: "Avlys møtet",
  cancelled: (n) => `Møtet er avlyst. ${n} deltakarar får melding på e-post.`,
  cancelledNote: (d) => `Møtet vart avlyst ${d}.`,
  cancelledTag: "avlyst",
};

const en: NetworkTexts = {
  nav: "Networks",
  title: "Learning networks",
  lead: "The networks where units share experience and reflect together, led by the municipality.",
  none: "You are not in any learning network yet.",
  create: "Create a learning network",
  invitationsHeading: "Invitations to co-lead",
  invitationLead: (lead) =>
    `${lead} asks whether your municipality will lead the network with them.`,
  accept: "Accept and co-lead",
  decline: "Decline",
  countsHeading: "Networks in your municipalities",
  countsLead: "Figures per municipality leading networks. Only the members see what is in them.",
  municipality: "Municipality",
  networks: "Networks",
  meetingsHeld: "Meetings held",
  noCounts: "No municipality in your counties leads a learning network yet.",
  cohortLabel: (p, n) => `${p}, cohort ${n}`,
  newTitle: "New learning network",
  newLead:
    "A network belongs to a cohort your municipality takes part in. You may ask neighbouring municipalities of the same cohort to lead it with you.",
  name: "Name of the network",
  nameHint: "For example “Network for the eastern schools”.",
  cohort: "Cohort",
  leadMunicipality: "Municipality",
  coLeads: "Neighbouring municipalities to co-lead",
  coLeadsHint:
    "Municipality numbers separated by commas, for example 4203. They must take part in the same cohort. Leave empty for a network within your municipality.",
  save: "Create the network",
  noCohort: "Your municipality takes part in no cohort yet. A network belongs to a cohort.",
  backToList: "Back to the networks",
  backToNetwork: "Back to the network",
  leadBy: "Led by",
  coLeadStates: {
    lead: "leads",
    invited: "invited to co-lead",
    accepted: "co-leads",
    declined: "declined",
  },
  membersHeading: "Members",
  noMembers: "No members yet.",
  memberKinds: { unit: "Unit", "resource-person": "Resource person", "pp-service": "PP service" },
  roles: {
    "unit-leader": "leader",
    staff: "staff",
    "resource-person": "resource person",
    "pp-service": "PP service contact",
  },
  addMembersHeading: "Add members",
  addMembersLead:
    "Leaders and staff of the units the municipalities enrolled in the cohort, the resource person and the PP service contact.",
  membersLegend: "Choose members",
  noCandidates: "Everyone who may take part is a member already.",
  addMembers: "Add",
  added: (n) => (n === 1 ? "1 member added." : `${n} members added.`),
  created: "The network has been created.",
  meetingsHeading: "Meetings",
  planMeeting: "Plan a meeting",
  planTitle: "Plan a meeting",
  planLead: "The members get the invitation by e-mail with a calendar file.",
  meetingTitle: "Title",
  startsAt: "Starts",
  endsAt: "Ends",
  timeHint: "Norwegian time, for example 10.2.2027 09:00.",
  place: "Place",
  digitalLink: "Online meeting link",
  digitalLinkHint: "Starts with https://. Only the members see the place and the link.",
  agenda: "Agenda",
  planned: (n) =>
    n === 1
      ? "The meeting is planned, and 1 member gets the invitation."
      : `The meeting is planned, and ${n} members get the invitation.`,
  timelineHeading: "Timeline",
  timelineEmpty: "Nothing here yet.",
  entry: {
    meeting: "Meeting",
    minutes: "Minutes",
    reflection: (w) => `Reflection by ${w}`,
    document: (w) => `Document shared by ${w}`,
  },
  open: "Open",
  when: "Time",
  where: "Place",
  calendar: "Download calendar file",
  attendanceHeading: "Who came",
  attendanceLegend: "Tick those who came",
  attendanceNotYet: "You can record attendance once the meeting has begun.",
  saveAttendance: "Save attendance",
  attendanceSaved: "Attendance saved.",
  came: (n, of) => `${n} of ${of} members came.`,
  minutesHeading: "Minutes",
  minutes: "Minutes",
  saveMinutes: "Save the minutes",
  minutesSaved: "The minutes are saved.",
  noMinutes: "Not written yet.",
  reflectionsHeading: "Reflections",
  planReflectionsHeading: "Reflections in the units' development plans",
  planReflectionsLead:
    "The units wrote these reflections in their development plan after the meeting. You see those whose plan you may read.",
  planTried: "What did we try?",
  planSaw: "What did we see?",
  planNext: "What do we do next?",
  reflection: "Your reflection",
  reflectionHint:
    "What did you try, what did you see, what next? Write about groups and practice, not about single children.",
  addReflection: "Add reflection",
  reflectionSaved: "The reflection has been added.",
  reflectionNotYet: "You can write reflections once the meeting has been held.",
  noReflections: "No reflections yet.",
  documentsHeading: "Share a document",
  document: "Document",
  documentHint: (types, mb) => `${types}, at most ${mb} MB.`,
  share: "Share the document",
  documentShared: "The document has been shared.",
  noDocuments: "",
  formerMembersHeading: "Former members",
  removedOn: (d) => `removed ${d}`,
  remove: "Remove",
  removeLabel: (name) => `Remove ${name} from the network`,
  removed: "The member has been removed. What they wrote and their attendance are kept.",
  editMeeting: "Change the meeting",
  editTitle: "Change a network meeting",
  editLead:
    "Members get an e-mail about the change with an updated calendar file. Times are in Norwegian time.",
  saveChanges: "Save the changes",
  changed: (n) =>
    `The meeting has been changed. ${n} members get an e-mail with an updated calendar file.`,
  cancelHeading: "Cancel the meeting",
  cancelLead:
    "Members get an e-mail that the meeting is cancelled, with a calendar file that takes it out of their calendar. The meeting stays listed as cancelled.",
  cancelButton: "Cancel the meeting",
  cancelled: (n) => `The meeting has been cancelled. ${n} members are told by e-mail.`,
  cancelledNote: (d) => `The meeting was cancelled on ${d}.`,
  cancelledTag: "cancelled",
};

export const networkTexts: Record<Lang, NetworkTexts> = { nb, nn, en };

type Code =
  | "notCoordinator"
  | "cohortNotJoined"
  | "coLeadNotInCohort"
  | "tooManyCoLeads"
  | "municipalityCodes"
  | "notInvited"
  | "notLeader"
  | "noneChosen"
  | "notInEnrolledUnit"
  | "alreadyMember"
  | "dateTime"
  | "endBeforeStart"
  | "placeOrLink"
  | "link"
  | "notStarted"
  | "notMember"
  | "notHappened"
  | "fileEmpty"
  | "fileSize"
  | "fileType"
  | "meetingCancelled"
  | "meetingStarted"
  | "changedMeanwhile";

const mb = (bytes: unknown) => Math.round(Number(bytes) / 1024 / 1024);

export const networkErrors: ErrorCatalogues<Code> = {
  nb: {
    notCoordinator: "Du er ikke kommunekoordinator for denne kommunen.",
    cohortNotJoined: "Kommunen din må takke ja til puljen først",
    coLeadNotInCohort: (e) => `Kommune ${e.params.code} er ikke med i puljen`,
    tooManyCoLeads: (e) => `Du kan invitere høyst ${e.max} kommuner`,
    municipalityCodes: "Skriv kommunenummer med fire sifre, skilt med komma",
    notInvited: "Kommunen din er ikke invitert til å lede dette nettverket, eller har svart alt.",
    notLeader: "Bare kommunene som leder nettverket, kan gjøre dette.",
    noneChosen: "Velg minst én deltaker",
    notInEnrolledUnit:
      "Bare ansatte ved enheter som er meldt på i puljen, ressurspersonen og PP-kontakten kan være deltakere",
    alreadyMember: "En av dem du valgte, er allerede deltaker",
    dateTime: (e) =>
      `Skriv ${e.label.toLowerCase()} som dato og klokkeslett, for eksempel 10.2.2027 09:00`,
    endBeforeStart: "Møtet må slutte etter at det starter",
    placeOrLink: "Skriv et sted eller en digital lenke",
    link: "Lenken må begynne med https://",
    notStarted: "Møtet har ikke begynt ennå",
    notMember: "Bare deltakerne i nettverket kan gjøre dette",
    notHappened: "Du kan skrive en refleksjon når møtet er holdt",
    fileEmpty: "Filen er tom",
    fileSize: (e) => `Filen er for stor. Den kan være høyst ${mb(e.params.maxBytes)} MB`,
    fileType: (e) => `Filen må være en av disse typene: ${e.params.types}`,
    meetingCancelled: "Møtet er avlyst",
    meetingStarted: "Møtet har begynt og kan ikke endres eller avlyses",
    changedMeanwhile:
      "Noen andre endret møtet mens du skrev. Se over det som står nå; det du skrev, er tatt vare på i skjemaet",
  },
  nn: {
    notCoordinator: "Du er ikkje kommunekoordinator for denne kommunen.",
    cohortNotJoined: "Kommunen din må takke ja til puljen først",
    coLeadNotInCohort: (e) => `Kommune ${e.params.code} er ikkje med i puljen`,
    tooManyCoLeads: (e) => `Du kan invitere høgst ${e.max} kommunar`,
    municipalityCodes: "Skriv kommunenummer med fire siffer, skilde med komma",
    notInvited: "Kommunen din er ikkje invitert til å leie dette nettverket, eller har svart alt.",
    notLeader: "Berre kommunane som leier nettverket, kan gjere dette.",
    noneChosen: "Vel minst éin deltakar",
    notInEnrolledUnit:
      "Berre tilsette ved einingar som er melde på i puljen, ressurspersonen og PP-kontakten kan vere deltakarar",
    alreadyMember: "Ein av dei du valde, er allereie deltakar",
    dateTime: (e) =>
      `Skriv ${e.label.toLowerCase()} som dato og klokkeslett, til dømes 10.2.2027 09:00`,
    endBeforeStart: "Møtet må slutte etter at det byrjar",
    placeOrLink: "Skriv ein stad eller ei digital lenkje",
    link: "Lenkja må byrje med https://",
    notStarted: "Møtet har ikkje byrja enno",
    notMember: "Berre deltakarane i nettverket kan gjere dette",
    notHappened: "Du kan skrive ein refleksjon når møtet er halde",
    fileEmpty: "Fila er tom",
    fileSize: (e) => `Fila er for stor. Ho kan vere høgst ${mb(e.params.maxBytes)} MB`,
    fileType: (e) => `Fila må vere ein av desse typane: ${e.params.types}`,
    meetingCancelled: "Møtet er avlyst",
    meetingStarted: "Møtet har byrja og kan ikkje endrast eller avlysast",
    changedMeanwhile:
      "Nokon andre endra møtet medan du skreiv. Sjå over det som står no; det du skreiv, er teke vare på i skjemaet",
  },
  en: {
    notCoordinator: "You are not the municipal coordinator of this municipality.",
    cohortNotJoined: "Your municipality must accept the cohort first",
    coLeadNotInCohort: (e) => `Municipality ${e.params.code} does not take part in the cohort`,
    tooManyCoLeads: (e) => `You can invite at most ${e.max} municipalities`,
    municipalityCodes: "Enter four-digit municipality numbers separated by commas",
    notInvited:
      "Your municipality is not invited to co-lead this network, or has answered already.",
    notLeader: "Only the municipalities leading the network can do this.",
    noneChosen: "Choose at least one member",
    notInEnrolledUnit:
      "Only staff of units enrolled in the cohort, the resource person and the PP contact can be members",
    alreadyMember: "One of those you chose is a member already",
    dateTime: (e) =>
      `Enter ${e.label.toLowerCase()} as a date and time, for example 10.2.2027 09:00`,
    endBeforeStart: "The meeting must end after it starts",
    placeOrLink: "Enter a place or an online meeting link",
    link: "The link must start with https://",
    notStarted: "The meeting has not begun yet",
    notMember: "Only the network's members can do this",
    notHappened: "You can write a reflection once the meeting has been held",
    fileEmpty: "The file is empty",
    fileSize: (e) => `The file is too large. It can be at most ${mb(e.params.maxBytes)} MB`,
    fileType: (e) => `The file must be one of these types: ${e.params.types}`,
    meetingCancelled: "The meeting is cancelled",
    meetingStarted: "The meeting has begun and can no longer be changed or cancelled",
    changedMeanwhile:
      "Someone else changed the meeting while you were writing. Check what it says now; what you typed is kept in the form",
  },
};
