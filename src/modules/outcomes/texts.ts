import type { ErrorCatalogues } from "../../web/form-errors";
import type { Lang } from "../../web/i18n";
import type { EstimateStatus } from "./estimates";
import type { RejectReason } from "./import";
import type { OutcomeLevel } from "./schema";

type Texts = {
  nav: string;
  title: string;
  listIntro: string;
  noProgrammes: string;
  programmeTitle: (programme: string) => string;
  importLink: string;
  importTitle: (programme: string) => string;
  importIntro: string;
  columnsHelp: (columns: string) => string;
  file: string;
  fileHint: string;
  upload: string;
  previewTitle: string;
  previewIntro: string;
  summary: {
    rows: string;
    accepted: string;
    suppressed: string;
    rejected: string;
  };
  rejectedTitle: string;
  rejectedShown: (shown: number, all: number) => string;
  line: string;
  value: string;
  reasonHead: string;
  reasons: Record<RejectReason, string>;
  suppressedNote: string;
  confirm: string;
  discard: string;
  gone: string;
  done: (accepted: number, suppressed: number, rejected: number, replaced: number) => string;
  cohortFilter: string;
  allCohorts: string;
  show: string;
  cohort: (n: number) => string;
  level: Record<OutcomeLevel, string>;
  grade: (g: string) => string;
  tableCaption: string;
  head: {
    cohort: string;
    level: string;
    grade: string;
    years: string;
    treated: string;
    control: string;
    estimate: string;
    interval: string;
    note: string;
  };
  units: (n: number) => string;
  change: (before: string, after: string) => string;
  status: Record<Exclude<EstimateStatus, "estimate">, (before: number, after: number) => string>;
  small: (threshold: number) => string;
  chartAlt: (items: string) => string;
  chartItem: (label: string, est: string, low: string, high: string) => string;
  axis: string;
  noEstimates: string;
  scopeCounty: string;
  explainTitle: string;
  explain: string[];
  downloads: string;
  csv: string;
  xlsx: string;
  sheet: string;
  exportHeaders: string[];
};

const nb: Texts = {
  nav: "Resultater",
  title: "Resultater: mobbing i Elevundersøkelsen",
  listIntro:
    "Sammenlign andelen elever som opplever mobbing, før og etter at skoler og kommuner deltok.",
  noProgrammes: "Du har ingen tilbud med resultater å vise.",
  programmeTitle: (p) => `Resultater for ${p}`,
  importLink: "Importer resultater fra Elevundersøkelsen",
  importTitle: (p) => `Importer Elevundersøkelsen for ${p}`,
  importIntro:
    "Last opp CSV-filen slik Udirs statistikkbank eksporterer den: semikolon mellom feltene, desimalkomma, og prikkede celler merket med *. Du ser resultatet av hver rad før noe blir lagret.",
  columnsHelp: (c) => `Filen må ha disse kolonnene: ${c}.`,
  file: "CSV-fil",
  fileHint: "Høyst 50 MB.",
  upload: "Se gjennom filen",
  previewTitle: "Se gjennom importen",
  previewIntro:
    "Ingenting er lagret ennå. Radene som er godtatt, blir lagret samlet når du importerer; avviste rader blir ikke lagret.",
  summary: {
    rows: "Rader i filen",
    accepted: "Godtatt",
    suppressed: "Godtatt som prikket (uten tall)",
    rejected: "Avvist",
  },
  rejectedTitle: "Avviste rader",
  rejectedShown: (s, a) => (s < a ? `Viser de ${s} første av ${a}.` : `${a} rader.`),
  line: "Linje",
  value: "Verdi",
  reasonHead: "Grunn",
  reasons: {
    columns: "Feil antall kolonner",
    orgNumber:
      "Organisasjonsnummeret er verken et skolenummer (9 sifre) eller et kommunenummer (4 sifre)",
    unknownOrg: "Ukjent skole, eller kommunen fantes ikke det året",
    year: "Skoleåret mangler, er ugyldig eller er i fremtiden",
    grade: "Ukjent trinn",
    indicator: "Ukjent indikator",
    beforeBreak: "«Mobbing på skolen» finnes først fra 2016 (brudd i serien)",
    afterBreak: "«Mobbet av andre elever» var hovedindikator bare til 2015 (brudd i serien i 2016)",
    notNumeric: "Andelen er ikke et tall",
    outOfRange: "Andelen må være mellom 0 og 100",
    duplicate: "Samme skole eller kommune, år, trinn og indikator står på en tidligere linje",
  },
  suppressedNote:
    "Prikkede celler blir lagret som prikket, ikke som null, og brukes ikke i beregningene.",
  confirm: "Importer",
  discard: "Forkast filen",
  gone: "Filen finnes ikke lenger. Last den opp på nytt.",
  done: (a, s, r, rep) =>
    `Importert: ${a} rader med tall og ${s} prikkede. ${r} avvist. ${rep} erstattet tidligere tall.`,
  cohortFilter: "Pulje",
  allCohorts: "Alle puljer",
  show: "Vis",
  cohort: (n) => `Pulje ${n}`,
  level: { school: "Skoler", municipality: "Kommuner" },
  grade: (g) => (g.startsWith("vg") ? `Vg${g.slice(2)}` : `${g}. trinn`),
  tableCaption: "Anslag per pulje (prosentpoeng)",
  head: {
    cohort: "Pulje",
    level: "Nivå",
    grade: "Trinn",
    years: "Før → etter",
    treated: "Deltakere",
    control: "Ikke deltakere",
    estimate: "Anslag",
    interval: "95 % konfidensintervall",
    note: "Merknad",
  },
  units: (n) => `${n} ${n === 1 ? "enhet" : "enheter"}`,
  change: (b, a) => `${b} → ${a} %`,
  status: {
    break: (b, a) =>
      `Ikke beregnet: ${b} og ${a} hører til ulike serier (brudd i Elevundersøkelsen i 2013 eller 2016), og tallene kan ikke sammenlignes.`,
    notYet: (_b, a) => `Ikke beregnet ennå: Elevundersøkelsen høsten ${a} er ikke gjennomført.`,
    noData: (b, a) => `Ikke beregnet: ingen resultater for både ${b} og ${a}.`,
    tooFew: () => "Ikke beregnet: færre enn to enheter med tall begge år i en av gruppene.",
  },
  small: (t) => `Få enheter (under ${t} i en gruppe): anslaget er svært usikkert.`,
  chartAlt: (items) => `Punktdiagram med konfidensintervall per pulje: ${items}.`,
  chartItem: (l, e, lo, hi) => `${l}: ${e} prosentpoeng (${lo} til ${hi})`,
  axis: "Endring i prosentpoeng, deltakere minus ikke deltakere",
  noEstimates: "Ingen data for dette utvalget.",
  scopeCounty: "Du ser skolene og kommunene i fylket ditt.",
  explainTitle: "Hva tallet kan og ikke kan si",
  explain: [
    "Anslaget er forskjellen i endring: hvor mye andelen elever som opplever mobbing endret seg fra høsten før puljen til siste høst i puljen hos dem som deltok, minus endringen hos skoler eller kommuner som ikke deltok i noen pulje. Et negativt tall betyr at andelen falt mer (eller steg mindre) hos deltakerne.",
    "Intervallet viser usikkerheten: med 95 % konfidens ligger forskjellen innenfor det. Går intervallet over null, kan vi ikke skille forskjellen fra tilfeldig variasjon.",
    "Tallet viser ikke at programmet virket. Deltakerne ble ikke trukket tilfeldig; skoler og kommuner som velger å delta kan ha vært i endring allerede. Anslaget forutsetter at de to gruppene ville endret seg likt uten programmet, og det kan vi ikke kontrollere.",
    "Vi sammenligner aldri tall på tvers av bruddene i Elevundersøkelsen (2013 og 2016). Prikkede celler er utelatt, og hver skole eller kommune teller likt uansett antall elever.",
  ],
  downloads: "Last ned anslagene",
  csv: "CSV",
  xlsx: "Excel (XLSX)",
  sheet: "Anslag",
  exportHeaders: [
    "Pulje",
    "Nivå",
    "Trinn",
    "År før",
    "År etter",
    "Deltakere (antall)",
    "Deltakere før (%)",
    "Deltakere etter (%)",
    "Ikke deltakere (antall)",
    "Ikke deltakere før (%)",
    "Ikke deltakere etter (%)",
    "Anslag (prosentpoeng)",
    "Nedre grense",
    "Øvre grense",
    "Merknad",
  ],
};

const nn: Texts = {
  ...nb,
  nav: "Resultat",
  title: "Resultat: mobbing i Elevundersøkinga",
  listIntro:
    "Samanlikn delen elevar som opplever mobbing, før og etter at skular og kommunar deltok.",
  noProgrammes: "Du har ingen tilbod med resultat å vise.",
  programmeTitle: (p) => `Resultat for ${p}`,
  importLink: "Importer resultat frå Elevundersøkinga",
  importTitle: (p) => `Importer Elevundersøkinga for ${p}`,
  importIntro:
    "Last opp CSV-fila slik statistikkbanken til Udir eksporterer ho: semikolon mellom felta, desimalkomma, og prikka celler merkte med *. Du ser resultatet av kvar rad før noko blir lagra.",
  columnsHelp: (c) => `Fila må ha desse kolonnane: ${c}.`,
  file: "CSV-fil",
  fileHint: "Høgst 50 MB.",
  upload: "Sjå gjennom fila",
  previewTitle: "Sjå gjennom importen",
  previewIntro:
    "Ingenting er lagra enno. Radene som er godtekne, blir lagra samla når du importerer; avviste rader blir ikkje lagra.",
  summary: {
    rows: "Rader i fila",
    accepted: "Godteke",
    suppressed: "Godteke som prikka (utan tal)",
    rejected: "Avvist",
  },
  rejectedTitle: "Avviste rader",
  rejectedShown: (s, a) => (s < a ? `Viser dei ${s} første av ${a}.` : `${a} rader.`),
  line: "Linje",
  value: "Verdi",
  reasonHead: "Grunn",
  reasons: {
    columns: "Feil tal på kolonnar",
    orgNumber:
      "Organisasjonsnummeret er verken eit skulenummer (9 siffer) eller eit kommunenummer (4 siffer)",
    unknownOrg: "Ukjend skule, eller kommunen fanst ikkje det året",
    year: "Skuleåret manglar, er ugyldig eller er i framtida",
    grade: "Ukjent trinn",
    indicator: "Ukjend indikator",
    beforeBreak: "«Mobbing på skolen» finst først frå 2016 (brot i serien)",
    afterBreak: "«Mobbet av andre elever» var hovudindikator berre til 2015 (brot i serien i 2016)",
    notNumeric: "Delen er ikkje eit tal",
    outOfRange: "Delen må vere mellom 0 og 100",
    duplicate: "Same skule eller kommune, år, trinn og indikator står på ei tidlegare linje",
  },
  suppressedNote:
    "Prikka celler blir lagra som prikka, ikkje som null, og blir ikkje brukte i utrekningane.",
  confirm: "Importer",
  discard: "Forkast fila",
  gone: "Fila finst ikkje lenger. Last ho opp på nytt.",
  done: (a, s, r, rep) =>
    `Importert: ${a} rader med tal og ${s} prikka. ${r} avvist. ${rep} erstatta tidlegare tal.`,
  cohortFilter: "Pulje",
  allCohorts: "Alle puljer",
  show: "Vis",
  cohort: (n) => `Pulje ${n}`,
  level: { school: "Skular", municipality: "Kommunar" },
  tableCaption: "Overslag per pulje (prosentpoeng)",
  head: {
    cohort: "Pulje",
    level: "Nivå",
    grade: "Trinn",
    years: "Før → etter",
    treated: "Deltakarar",
    control: "Ikkje deltakarar",
    estimate: "Overslag",
    interval: "95 % konfidensintervall",
    note: "Merknad",
  },
  units: (n) => `${n} ${n === 1 ? "eining" : "einingar"}`,
  status: {
    break: (b, a) =>
      `Ikkje rekna ut: ${b} og ${a} høyrer til ulike seriar (brot i Elevundersøkinga i 2013 eller 2016), og tala kan ikkje samanliknast.`,
    notYet: (_b, a) => `Ikkje rekna ut enno: Elevundersøkinga hausten ${a} er ikkje gjennomført.`,
    noData: (b, a) => `Ikkje rekna ut: ingen resultat for både ${b} og ${a}.`,
    tooFew: () => "Ikkje rekna ut: færre enn to einingar med tal begge åra i ei av gruppene.",
  },
  small: (t) => `Få einingar (under ${t} i ei gruppe): overslaget er svært usikkert.`,
  chartAlt: (items) => `Punktdiagram med konfidensintervall per pulje: ${items}.`,
  chartItem: (l, e, lo, hi) => `${l}: ${e} prosentpoeng (${lo} til ${hi})`,
  axis: "Endring i prosentpoeng, deltakarar minus ikkje deltakarar",
  noEstimates: "Ingen data for dette utvalet.",
  scopeCounty: "Du ser skulane og kommunane i fylket ditt.",
  explainTitle: "Kva talet kan og ikkje kan seie",
  explain: [
    "Overslaget er skilnaden i endring: kor mykje delen elevar som opplever mobbing endra seg frå hausten før puljen til siste haust i puljen hos dei som deltok, minus endringa hos skular eller kommunar som ikkje deltok i nokon pulje. Eit negativt tal tyder at delen fall meir (eller steig mindre) hos deltakarane.",
    "Intervallet viser uvissa: med 95 % konfidens ligg skilnaden innanfor det. Går intervallet over null, kan vi ikkje skilje skilnaden frå tilfeldig variasjon.",
    "Talet viser ikkje at programmet verka. Deltakarane vart ikkje trekte tilfeldig; skular og kommunar som vel å delta kan ha vore i endring alt. Overslaget føreset at dei to gruppene ville endra seg likt utan programmet, og det kan vi ikkje kontrollere.",
    "Vi samanliknar aldri tal på tvers av brota i Elevundersøkinga (2013 og 2016). Prikka celler er utelatne, og kvar skule eller kommune tel likt same kor mange elevar han har.",
  ],
  downloads: "Last ned overslaga",
  sheet: "Overslag",
  exportHeaders: [
    "Pulje",
    "Nivå",
    "Trinn",
    "År før",
    "År etter",
    "Deltakarar (tal)",
    "Deltakarar før (%)",
    "Deltakarar etter (%)",
    "Ikkje deltakarar (tal)",
    "Ikkje deltakarar før (%)",
    "Ikkje deltakarar etter (%)",
    "Overslag (prosentpoeng)",
    "Nedre grense",
    "Øvre grense",
    "Merknad",
  ],
};

const en: Texts = {
  nav: "Outcomes",
  title: "Outcomes: bullying in the Pupil Survey",
  listIntro:
    "Compare the share of pupils who experience bullying before and after schools and municipalities took part.",
  noProgrammes: "You have no programmes with outcomes to show.",
  programmeTitle: (p) => `Outcomes of ${p}`,
  importLink: "Import results from the Pupil Survey (Elevundersøkelsen)",
  importTitle: (p) => `Import the Pupil Survey for ${p}`,
  importIntro:
    "Upload the CSV file as Udir's statistics bank exports it: semicolons between fields, decimal commas, and suppressed cells marked *. You see what becomes of every row before anything is saved.",
  columnsHelp: (c) => `The file must have these columns: ${c}.`,
  file: "CSV file",
  fileHint: "At most 50 MB.",
  upload: "Review the file",
  previewTitle: "Review the import",
  previewIntro:
    "Nothing is saved yet. The accepted rows are saved together when you import; rejected rows are not saved.",
  summary: {
    rows: "Rows in the file",
    accepted: "Accepted",
    suppressed: "Accepted as suppressed (no figure)",
    rejected: "Rejected",
  },
  rejectedTitle: "Rejected rows",
  rejectedShown: (s, a) => (s < a ? `Showing the first ${s} of ${a}.` : `${a} rows.`),
  line: "Line",
  value: "Value",
  reasonHead: "Reason",
  reasons: {
    columns: "Wrong number of columns",
    orgNumber:
      "The organisation number is neither a school's (9 digits) nor a municipality's code (4 digits)",
    unknownOrg: "Unknown school, or the municipality did not exist that year",
    year: "The school year is missing, not valid, or in the future",
    grade: "Unknown grade",
    indicator: "Unknown indicator",
    beforeBreak: "“Mobbing på skolen” exists only from 2016 (a break in the series)",
    afterBreak: "“Mobbet av andre elever” was the headline only until 2015 (a break in 2016)",
    notNumeric: "The share is not a number",
    outOfRange: "The share must be between 0 and 100",
    duplicate: "The same school or municipality, year, grade and indicator is on an earlier line",
  },
  suppressedNote:
    "Suppressed cells are saved as suppressed, not as zero, and are not used in the estimates.",
  confirm: "Import",
  discard: "Discard the file",
  gone: "The file is no longer there. Upload it again.",
  done: (a, s, r, rep) =>
    `Imported: ${a} rows with figures and ${s} suppressed. ${r} rejected. ${rep} replaced earlier figures.`,
  cohortFilter: "Cohort",
  allCohorts: "All cohorts",
  show: "Show",
  cohort: (n) => `Cohort ${n}`,
  level: { school: "Schools", municipality: "Municipalities" },
  grade: (g) => (g.startsWith("vg") ? `Upper secondary year ${g.slice(2)}` : `Grade ${g}`),
  tableCaption: "Estimates per cohort (percentage points)",
  head: {
    cohort: "Cohort",
    level: "Level",
    grade: "Grade",
    years: "Before → after",
    treated: "Took part",
    control: "Did not take part",
    estimate: "Estimate",
    interval: "95 % confidence interval",
    note: "Note",
  },
  units: (n) => `${n} ${n === 1 ? "unit" : "units"}`,
  change: (b, a) => `${b} → ${a} %`,
  status: {
    break: (b, a) =>
      `Not estimated: ${b} and ${a} belong to different series (the Pupil Survey changed in 2013 and 2016), and the figures cannot be compared.`,
    notYet: (_b, a) => `Not estimated yet: the Pupil Survey of autumn ${a} has not been held.`,
    noData: (b, a) => `Not estimated: no results for both ${b} and ${a}.`,
    tooFew: () => "Not estimated: fewer than two units with figures in both years in a group.",
  },
  small: (t) => `Few units (under ${t} in a group): the estimate is very uncertain.`,
  chartAlt: (items) => `Dot chart with confidence intervals per cohort: ${items}.`,
  chartItem: (l, e, lo, hi) => `${l}: ${e} percentage points (${lo} to ${hi})`,
  axis: "Change in percentage points, took part minus did not",
  noEstimates: "No data for this selection.",
  scopeCounty: "You see the schools and municipalities of your county.",
  explainTitle: "What the figure can and cannot say",
  explain: [
    "The estimate is a difference in changes: how much the share of pupils who experience bullying changed from the autumn before the cohort to its last autumn among those who took part, minus the change among schools or municipalities that took part in no cohort. A negative figure means the share fell more (or rose less) among those who took part.",
    "The interval shows the uncertainty: with 95 % confidence the difference lies within it. If the interval spans zero, the difference cannot be told apart from chance.",
    "The figure does not show that the programme worked. Participants were not drawn at random; schools and municipalities that choose to take part may already have been changing. The estimate assumes both groups would have changed alike without the programme, which cannot be checked here.",
    "Figures are never compared across the Pupil Survey's breaks (2013 and 2016). Suppressed cells are left out, and every school or municipality counts the same whatever its number of pupils.",
  ],
  downloads: "Download the estimates",
  csv: "CSV",
  xlsx: "Excel (XLSX)",
  sheet: "Estimates",
  exportHeaders: [
    "Cohort",
    "Level",
    "Grade",
    "Year before",
    "Year after",
    "Took part (number)",
    "Took part before (%)",
    "Took part after (%)",
    "Did not (number)",
    "Did not before (%)",
    "Did not after (%)",
    "Estimate (percentage points)",
    "Lower limit",
    "Upper limit",
    "Note",
  ],
};

export function outcomeTexts(lang: Lang): Texts {
  return lang === "nn" ? nn : lang === "en" ? en : nb;
}

type Code = "noFile" | "noRows" | "columns" | "tooLarge";

/** The import form's errors (decision 0019). */
export const outcomeErrors: ErrorCatalogues<Code> = {
  nb: {
    noFile: "Velg en CSV-fil",
    noRows: "Filen har ingen rader som kan importeres",
    columns: (e) =>
      `Filen mangler kolonnene ${e.params.missing}. Sjekk at den er semikolonseparert.`,
    tooLarge: "Filen er større enn 50 MB",
  },
  nn: {
    noFile: "Vel ei CSV-fil",
    noRows: "Fila har ingen rader som kan importerast",
    columns: (e) => `Fila manglar kolonnane ${e.params.missing}. Sjekk at ho er semikolonseparert.`,
    tooLarge: "Fila er større enn 50 MB",
  },
  en: {
    noFile: "Choose a CSV file",
    noRows: "The file has no rows that can be imported",
    columns: (e) =>
      `The file lacks the columns ${e.params.missing}. Check that it is separated by semicolons.`,
    tooLarge: "The file is larger than 50 MB",
  },
};
