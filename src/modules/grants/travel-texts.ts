import type { ErrorCatalogues } from "../../web/form-errors";
import type { Lang } from "../../web/i18n";
import { formatKroner } from "./money";
import type { ClaimState, TransportMeans } from "./schema";
import { grantErrors } from "./texts";

/** The travel-support pages: bokmål, nynorsk and English. */
const nb = {
  nav: "Reisestøtte",
  title: "Reisestøtte",
  lead: "Søk om å få dekket reisen til nasjonale samlinger du har deltatt på, innenfor tilskuddsordningen for puljen.",
  attendedHeading: "Samlinger du kan søke reisestøtte for",
  municipalityHeading: "Deltakere fra kommunen",
  claimsHeading: "Reisekrav",
  none: "Det er ingen samlinger å søke reisestøtte for.",
  noClaims: "Det er ingen reisekrav ennå.",
  gathering: "Samling",
  participant: "Deltaker",
  date: "Dato",
  claim: "Søk om reisestøtte",
  claimFor: (who: string, g: string) => `Søk om reisestøtte for ${who} til ${g}`,
  claimOwn: (g: string) => `Søk om reisestøtte til ${g}`,
  noTravel: "Ordningen dekker ikke reise",
  formTitle: "Søk om reisestøtte",
  formLead: (g: string, ceiling: string) =>
    `Reisen til ${g}. Ordningen dekker høyst ${ceiling} per deltaker og samling.`,
  forWhom: (who: string) => `Du søker for ${who}.`,
  route: "Reiserute",
  routeHint: "For eksempel Kristiansand–Oslo tur-retur.",
  means: "Reisemåte",
  meansOptions: {
    train: "Tog",
    bus: "Buss",
    plane: "Fly",
    boat: "Båt",
    car: "Egen bil",
    other: "Annet",
  } as Record<TransportMeans, string>,
  amount: "Beløp i kroner",
  amountHint: "Det reisen kostet, etter kvitteringene. Bruk komma for øre.",
  accountNumber: "Kontonummer for utbetaling",
  accountNumberHint: "Elleve sifre, for eksempel 1234.56.78903.",
  receipts: "Kvitteringer",
  receiptsHint: (types: string, size: string, n: number) =>
    `Filtyper: ${types}. Høyst ${size} per fil, høyst ${n} filer.`,
  tooLarge: (size: string) => `Filen er for stor. Den kan være høyst ${size}.`,
  send: "Send kravet",
  legsHeading: "Reisen, etappe for etappe",
  legsHint:
    "Én rad per etappe, for eksempel hjemmefra til stasjonen, toget til Oslo og samme vei hjem. Tomme rader tas ikke med.",
  leg: (n: number) => `Etappe ${n}`,
  legLabel: (n: number, field: string) => `Etappe ${n}, ${field.toLowerCase()}`,
  from: "Fra",
  to: "Til",
  distance: "Kilometer",
  distanceHint: "Hele kilometer. Må fylles ut for egen bil.",
  legAmountHint: "Etter kvitteringen. Bruk komma for øre.",
  addLeg: "Legg til en etappe",
  total: "Sum for reisen",
  totalNote: "Regnes ut av etappene når du sender kravet eller legger til en etappe.",
  legsFacts: "Etapper",
  legLine: (from: string, to: string, means: string, km: string | null, amount: string) =>
    `${from} – ${to}: ${means}${km ? `, ${km} km` : ""}, ${amount}`,
  figuresTitle: "Reisestøtte per fylke og kommune",
  figuresLead:
    "Hva deltakerne har søkt om, hva som er godkjent og hva som er utbetalt. Søkt tar med alle krav, også avviste; godkjent tar med det som er utbetalt.",
  figuresCohort: "Pulje",
  figuresAll: "Alle puljer",
  figuresShow: "Vis",
  county: "Fylke",
  municipality: "Kommune",
  claimCount: "Krav",
  claimed: "Søkt",
  approvedSum: "Godkjent",
  paidSum: "Utbetalt",
  byCounty: "Per fylke",
  byMunicipality: "Per kommune",
  sum: "Sum",
  noMunicipality: "Uten kommune",
  downloadCsv: "Last ned som CSV",
  downloadXlsx: "Last ned som Excel (XLSX)",
  claimTitle: (g: string) => `Reisekrav: ${g}`,
  factsHeading: "Om kravet",
  state: "Status",
  states: {
    submitted: "Sendt",
    approved: "Godkjent",
    rejected: "Avvist",
    paid: "Utbetalt",
  } as Record<ClaimState, string>,
  reason: "Begrunnelse",
  reasonHint: "Må fylles ut når kravet avvises.",
  reference: "Referanse",
  submittedOn: "Sendt",
  sent: "Kravet er sendt. Du får svar her når det er behandlet.",
  adminTitle: (cohort: string) => `Reisekrav: ${cohort}`,
  adminLink: "Reisekrav",
  adminLead: (ceiling: string) =>
    `Ordningen dekker høyst ${ceiling} per deltaker og samling. Godkjente krav kommer med i neste utbetaling og i utbetalingsfilen.`,
  adminNoTravel: "Ordningen dekker ikke reise. Kryss av for reise og sett et tak i ordningen.",
  totalsHeading: "Reisestøtte i regnskapet",
  figures: {
    submitted: "Til behandling",
    approved: "Godkjent, ikke utbetalt",
    paid: "Utbetalt",
    rejected: "Avvist",
  },
  decideHeading: "Behandle kravet",
  decision: "Avgjørelse",
  decisions: { approve: "Godkjenn", reject: "Avvis" },
  decide: "Lagre avgjørelsen",
  decided: { approve: "Kravet er godkjent.", reject: "Kravet er avvist." },
  open: (who: string) => `Åpne kravet fra ${who}`,
  ceilingField: "Tak per reisekrav i kroner",
  ceilingHint: "Bare når ordningen dekker reise: det meste ett krav for én samling kan være.",
};

type TravelTexts = typeof nb;

const nn: TravelTexts = {
  nav: "Reisestønad",
  title: "Reisestønad",
  lead: "Søk om å få dekt reisa til nasjonale samlingar du har delteke på, innanfor tilskotsordninga for pulja.",
  attendedHeading: "Samlingar du kan søkje reisestønad for",
  municipalityHeading: "Deltakarar frå kommunen",
  claimsHeading: "Reisekrav",
  none: "Det er ingen samlingar å søkje reisestønad for.",
  noClaims: "Det er ingen reisekrav enno.",
  gathering: "Samling",
  participant: "Deltakar",
  date: "Dato",
  claim: "Søk om reisestønad",
  claimFor: (who, g) => `Søk om reisestønad for ${who} til ${g}`,
  claimOwn: (g) => `Søk om reisestønad til ${g}`,
  noTravel: "Ordninga dekkjer ikkje reise",
  formTitle: "Søk om reisestønad",
  formLead: (g, ceiling) =>
    `Reisa til ${g}. Ordninga dekkjer høgst ${ceiling} per deltakar og samling.`,
  forWhom: (who) => `Du søkjer for ${who}.`,
  route: "Reiserute",
  routeHint: "Til dømes Kristiansand–Oslo tur-retur.",
  means: "Reisemåte",
  meansOptions: {
    train: "Tog",
    bus: "Buss",
    plane: "Fly",
    boat: "Båt",
    car: "Eigen bil",
    other: "Anna",
  },
  amount: "Beløp i kroner",
  amountHint: "Det reisa kosta, etter kvitteringane. Bruk komma for øre.",
  accountNumber: "Kontonummer for utbetaling",
  accountNumberHint: "Elleve siffer, til dømes 1234.56.78903.",
  receipts: "Kvitteringar",
  receiptsHint: (types, size, n) => `Filtypar: ${types}. Høgst ${size} per fil, høgst ${n} filer.`,
  tooLarge: (size) => `Fila er for stor. Ho kan vere høgst ${size}.`,
  send: "Send kravet",
  legsHeading: "Reisa, etappe for etappe",
  legsHint:
    "Éi rad per etappe, til dømes heimanfrå til stasjonen, toget til Oslo og same vegen heim. Tomme rader blir ikkje tekne med.",
  leg: (n) => `Etappe ${n}`,
  legLabel: (n, field) => `Etappe ${n}, ${field.toLowerCase()}`,
  from: "Frå",
  to: "Til",
  distance: "Kilometer",
  distanceHint: "Heile kilometer. Må fyllast ut for eigen bil.",
  legAmountHint: "Etter kvitteringa. Bruk komma for øre.",
  addLeg: "Legg til ein etappe",
  total: "Sum for reisa",
  totalNote: "Blir rekna ut av etappane når du sender kravet eller legg til ein etappe.",
  legsFacts: "Etappar",
  legLine: (from, to, means, km, amount) =>
    `${from} – ${to}: ${means}${km ? `, ${km} km` : ""}, ${amount}`,
  figuresTitle: "Reisestønad per fylke og kommune",
  figuresLead:
    "Kva deltakarane har søkt om, kva som er godkjent og kva som er utbetalt. Søkt tek med alle krav, også avviste; godkjent tek med det som er utbetalt.",
  figuresCohort: "Pulje",
  figuresAll: "Alle puljer",
  figuresShow: "Vis",
  county: "Fylke",
  municipality: "Kommune",
  claimCount: "Krav",
  claimed: "Søkt",
  approvedSum: "Godkjent",
  paidSum: "Utbetalt",
  byCounty: "Per fylke",
  byMunicipality: "Per kommune",
  sum: "Sum",
  noMunicipality: "Utan kommune",
  downloadCsv: "Last ned som CSV",
  downloadXlsx: "Last ned som Excel (XLSX)",
  claimTitle: (g) => `Reisekrav: ${g}`,
  factsHeading: "Om kravet",
  state: "Status",
  states: { submitted: "Sendt", approved: "Godkjent", rejected: "Avvist", paid: "Utbetalt" },
  reason: "Grunngiving",
  reasonHint: "Må fyllast ut når kravet blir avvist.",
  reference: "Referanse",
  submittedOn: "Sendt",
  sent: "Kravet er sendt. Du får svar her når det er behandla.",
  adminTitle: (cohort) => `Reisekrav: ${cohort}`,
  adminLink: "Reisekrav",
  adminLead: (ceiling) =>
    `Ordninga dekkjer høgst ${ceiling} per deltakar og samling. Godkjende krav kjem med i neste utbetaling og i utbetalingsfila.`,
  adminNoTravel: "Ordninga dekkjer ikkje reise. Kryss av for reise og set eit tak i ordninga.",
  totalsHeading: "Reisestønad i rekneskapen",
  figures: {
    submitted: "Til behandling",
    approved: "Godkjent, ikkje utbetalt",
    paid: "Utbetalt",
    rejected: "Avvist",
  },
  decideHeading: "Behandle kravet",
  decision: "Avgjerd",
  decisions: { approve: "Godkjenn", reject: "Avvis" },
  decide: "Lagre avgjerda",
  decided: { approve: "Kravet er godkjent.", reject: "Kravet er avvist." },
  open: (who) => `Opne kravet frå ${who}`,
  ceilingField: "Tak per reisekrav i kroner",
  ceilingHint: "Berre når ordninga dekkjer reise: det meste eitt krav for ei samling kan vere.",
};

const en: TravelTexts = {
  nav: "Travel support",
  title: "Travel support",
  lead: "Claim the cost of travelling to national gatherings you attended, within the cohort's grant scheme.",
  attendedHeading: "Gatherings you can claim travel support for",
  municipalityHeading: "Participants from the municipality",
  claimsHeading: "Travel claims",
  none: "There are no gatherings to claim travel support for.",
  noClaims: "There are no travel claims yet.",
  gathering: "Gathering",
  participant: "Participant",
  date: "Date",
  claim: "Claim travel support",
  claimFor: (who, g) => `Claim travel support for ${who} to ${g}`,
  claimOwn: (g) => `Claim travel support to ${g}`,
  noTravel: "The scheme does not pay travel",
  formTitle: "Claim travel support",
  formLead: (g, ceiling) =>
    `The journey to ${g}. The scheme pays at most ${ceiling} per participant and gathering.`,
  forWhom: (who) => `You are claiming for ${who}.`,
  route: "Route",
  routeHint: "For example Kristiansand–Oslo and back.",
  means: "Means of transport",
  meansOptions: {
    train: "Train",
    bus: "Bus",
    plane: "Plane",
    boat: "Boat",
    car: "Own car",
    other: "Other",
  },
  amount: "Amount in kroner",
  amountHint: "What the journey cost, by the receipts. Use a comma for øre.",
  accountNumber: "Account number for the payment",
  accountNumberHint: "Eleven digits, for example 1234.56.78903.",
  receipts: "Receipts",
  receiptsHint: (types, size, n) =>
    `File types: ${types}. At most ${size} per file, at most ${n} files.`,
  tooLarge: (size) => `The file is too large. It can be at most ${size}.`,
  send: "Send the claim",
  legsHeading: "The journey, leg by leg",
  legsHint:
    "One row per leg, for example from home to the station, the train to Oslo and the same way home. Empty rows are left out.",
  leg: (n) => `Leg ${n}`,
  legLabel: (n, field) => `Leg ${n}, ${field.toLowerCase()}`,
  from: "From",
  to: "To",
  distance: "Kilometres",
  distanceHint: "Whole kilometres. Required for your own car.",
  legAmountHint: "As on the receipt. Use a comma for øre.",
  addLeg: "Add a leg",
  total: "Total for the journey",
  totalNote: "Worked out from the legs when you send the claim or add a leg.",
  legsFacts: "Legs",
  legLine: (from, to, means, km, amount) =>
    `${from} – ${to}: ${means}${km ? `, ${km} km` : ""}, ${amount}`,
  figuresTitle: "Travel support by county and municipality",
  figuresLead:
    "What participants claimed, what was approved and what was paid. Claimed includes every claim, rejected ones too; approved includes what was paid.",
  figuresCohort: "Cohort",
  figuresAll: "All cohorts",
  figuresShow: "Show",
  county: "County",
  municipality: "Municipality",
  claimCount: "Claims",
  claimed: "Claimed",
  approvedSum: "Approved",
  paidSum: "Paid",
  byCounty: "By county",
  byMunicipality: "By municipality",
  sum: "Total",
  noMunicipality: "No municipality",
  downloadCsv: "Download as CSV",
  downloadXlsx: "Download as Excel (XLSX)",
  claimTitle: (g) => `Travel claim: ${g}`,
  factsHeading: "About the claim",
  state: "State",
  states: { submitted: "Submitted", approved: "Approved", rejected: "Rejected", paid: "Paid" },
  reason: "Reason",
  reasonHint: "Required when the claim is rejected.",
  reference: "Reference",
  submittedOn: "Submitted",
  sent: "The claim has been sent. You will find the answer here once it is handled.",
  adminTitle: (cohort) => `Travel claims: ${cohort}`,
  adminLink: "Travel claims",
  adminLead: (ceiling) =>
    `The scheme pays at most ${ceiling} per participant and gathering. Approved claims join the next payment and the payment file.`,
  adminNoTravel: "The scheme does not pay travel. Tick travel and set a ceiling in the scheme.",
  totalsHeading: "Travel support in the ledger",
  figures: {
    submitted: "To be handled",
    approved: "Approved, not paid",
    paid: "Paid",
    rejected: "Rejected",
  },
  decideHeading: "Handle the claim",
  decision: "Decision",
  decisions: { approve: "Approve", reject: "Reject" },
  decide: "Save the decision",
  decided: { approve: "The claim is approved.", reject: "The claim is rejected." },
  open: (who) => `Open the claim from ${who}`,
  ceilingField: "Ceiling per travel claim in kroner",
  ceilingHint: "Only when the scheme pays travel: the most one claim for one gathering may be.",
};

export const travelTexts = (lang: Lang): TravelTexts => ({ nb, nn, en })[lang];

type Code =
  | "fileRequired"
  | "fileEmpty"
  | "fileSize"
  | "fileType"
  | "tooManyFiles"
  | "notAttended"
  | "noTravel"
  | "alreadyClaimed"
  | "aboveCeiling"
  | "legsRequired"
  | "tooManyLegs"
  | "distanceForCar"
  | "distance"
  | "claimNotFound"
  | "claimState";

const mb = (bytes: unknown) => `${Math.round(Number(bytes) / (1024 * 1024))} MB`;
const state = (lang: Lang, s: unknown) =>
  travelTexts(lang).states[String(s) as ClaimState]?.toLowerCase() ?? String(s);
const acts: Record<Lang, Record<string, string>> = {
  nb: { approve: "godkjenne", reject: "avvise", pay: "betale ut" },
  nn: { approve: "godkjenne", reject: "avvise", pay: "betale ut" },
  en: { approve: "approve", reject: "reject", pay: "pay" },
};

const own: ErrorCatalogues<Code> = {
  nb: {
    fileRequired: "Legg ved minst én kvittering",
    fileEmpty: "En av filene er tom. Velg en annen fil",
    fileSize: (e) => `En av filene er for stor. Hver fil kan være høyst ${mb(e.params.maxBytes)}`,
    fileType: (e) => `Kvitteringene må være en av disse filtypene: ${String(e.params.types)}`,
    tooManyFiles: (e) => `Legg ved høyst ${e.params.max} kvitteringer`,
    notAttended: "Du kan bare søke reisestøtte for en nasjonal samling deltakeren har vært på",
    noTravel: "Tilskuddsordningen for denne puljen dekker ikke reise",
    alreadyClaimed: "Det er allerede sendt et reisekrav for denne samlingen",
    aboveCeiling: (e) =>
      `Beløpet er over taket i ordningen, som er ${formatKroner("nb", Number(e.params.ceilingOre))}`,
    legsRequired: "Fyll ut minst én etappe av reisen",
    tooManyLegs: (e) => `Reisen kan ha høyst ${e.params.max} etapper`,
    distanceForCar: (e) => `Fyll ut ${e.label.toLowerCase()}: det må være med for egen bil`,
    distance: (e) => `${e.label} må være hele kilometer, fra 1 til ${e.params.max}`,
    claimNotFound: "Reisekravet finnes ikke",
    claimState: (e) =>
      `Du kan ikke ${acts.nb[String(e.params.act)] ?? ""} et reisekrav som har status «${state("nb", e.params.state)}»`,
  },
  nn: {
    fileRequired: "Legg ved minst éi kvittering",
    fileEmpty: "Ei av filene er tom. Vel ei anna fil",
    fileSize: (e) => `Ei av filene er for stor. Kvar fil kan vere høgst ${mb(e.params.maxBytes)}`,
    fileType: (e) => `Kvitteringane må vere ein av desse filtypane: ${String(e.params.types)}`,
    tooManyFiles: (e) => `Legg ved høgst ${e.params.max} kvitteringar`,
    notAttended: "Du kan berre søkje reisestønad for ei nasjonal samling deltakaren har vore på",
    noTravel: "Tilskotsordninga for denne pulja dekkjer ikkje reise",
    alreadyClaimed: "Det er alt sendt eit reisekrav for denne samlinga",
    aboveCeiling: (e) =>
      `Beløpet er over taket i ordninga, som er ${formatKroner("nn", Number(e.params.ceilingOre))}`,
    legsRequired: "Fyll ut minst éin etappe av reisa",
    tooManyLegs: (e) => `Reisa kan ha høgst ${e.params.max} etappar`,
    distanceForCar: (e) => `Fyll ut ${e.label.toLowerCase()}: det må vere med for eigen bil`,
    distance: (e) => `${e.label} må vere heile kilometer, frå 1 til ${e.params.max}`,
    claimNotFound: "Reisekravet finst ikkje",
    claimState: (e) =>
      `Du kan ikkje ${acts.nn[String(e.params.act)] ?? ""} eit reisekrav som har status «${state("nn", e.params.state)}»`,
  },
  en: {
    fileRequired: "Attach at least one receipt",
    fileEmpty: "One of the files is empty. Choose another file",
    fileSize: (e) =>
      `One of the files is too large. Each file can be at most ${mb(e.params.maxBytes)}`,
    fileType: (e) => `The receipts must be one of these file types: ${String(e.params.types)}`,
    tooManyFiles: (e) => `Attach at most ${e.params.max} receipts`,
    notAttended:
      "Travel support can only be claimed for a national gathering the participant attended",
    noTravel: "The grant scheme of this cohort does not pay travel",
    alreadyClaimed: "A travel claim has already been sent for this gathering",
    aboveCeiling: (e) =>
      `The amount is above the scheme's ceiling, which is ${formatKroner("en", Number(e.params.ceilingOre))}`,
    legsRequired: "Fill in at least one leg of the journey",
    tooManyLegs: (e) => `The journey can have at most ${e.params.max} legs`,
    distanceForCar: (e) => `Enter ${e.label.toLowerCase()}: it is required for your own car`,
    distance: (e) => `${e.label} must be whole kilometres, from 1 to ${e.params.max}`,
    claimNotFound: "The travel claim does not exist",
    claimState: (e) =>
      `You cannot ${acts.en[String(e.params.act)] ?? ""} a travel claim whose state is "${state("en", e.params.state)}"`,
  },
};

/** The travel forms' errors: their own, then the grants' (amounts, account numbers). */
export const travelErrors = {
  nb: { ...grantErrors.nb, ...own.nb },
  nn: { ...grantErrors.nn, ...own.nn },
  en: { ...grantErrors.en, ...own.en },
};
