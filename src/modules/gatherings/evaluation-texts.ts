import type { ErrorCatalogues } from "../../web/form-errors";
import type { Lang } from "../../web/i18n";
import type { AuditActionTexts } from "../identity";
import type { QuestionKind } from "./evaluation-schema";

const dateIn = (lang: Lang, at: Date) =>
  new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "nb-NO", {
    dateStyle: "long",
    timeZone: "Europe/Oslo",
  }).format(at);

const decimal = (lang: Lang, n: number) =>
  new Intl.NumberFormat(lang === "en" ? "en-GB" : "nb-NO", {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(n);

/** The evaluation after a gathering: the organiser's questions and results, the participant's form. */
const nb = {
  tab: "Evaluering",
  // The organiser's questions
  editTitle: (title: string) => `Evaluering: ${title}`,
  editLead:
    "Spørsmålene deltakerne får etter samlingen. Svarene er anonyme, og hver deltaker kan svare én gang. Spørsmålene kan endres til det første svaret har kommet.",
  defaultsOffered:
    "Her er noen forslag til spørsmål. Endre dem, ta dem bort eller legg til flere, og lagre.",
  locked: (n: number) =>
    n === 1
      ? "Én deltaker har svart, så spørsmålene kan ikke endres lenger."
      : `${n} deltakere har svart, så spørsmålene kan ikke endres lenger.`,
  saved: "Spørsmålene er lagret.",
  question: (i: number) => `Spørsmål ${i}`,
  newQuestion: (i: number) => `Spørsmål ${i} (nytt, valgfritt)`,
  removeHint: "Tøm tekstfeltene for å ta bort et spørsmål.",
  kind: "Type svar",
  kinds: {
    scale: "Skala fra 1 til 5",
    choice: "Ett valg blant alternativer",
    text: "Fritekst",
  } satisfies Record<QuestionKind, string>,
  textNb: "Spørsmål på bokmål",
  textNn: "Spørsmål på nynorsk",
  textEn: "Spørsmål på engelsk (valgfritt, ellers vises bokmål)",
  required: "Må besvares",
  requiredLegend: "Svar",
  optionsNb: "Alternativer på bokmål",
  optionsNn: "Alternativer på nynorsk",
  optionsEn: "Alternativer på engelsk (valgfritt)",
  optionsHint: "Bare for «ett valg»: ett alternativ per linje, i samme rekkefølge på hvert språk.",
  maxLength: "Lengste svar (tegn)",
  maxLengthHint: "Bare for fritekst. Tomt: 1000 tegn.",
  save: "Lagre spørsmålene",
  seeResults: "Se resultatene",
  editQuestions: "Spørsmålene",
  noneYet: "Ingen spørsmål er lagret ennå.",
  questionsList: "Spørsmål",
  requiredMark: "(må besvares)",
  // The results
  resultsTitle: (title: string) => `Resultater: ${title}`,
  answeredOf: (n: number, of: number) => `${n} av ${of} deltakere har svart.`,
  invitedOn: (date: string) => `Invitasjonen til å svare ble sendt ${date}.`,
  notInvited: "Invitasjonen sendes på e-post når samlingen er over.",
  tooFew: (min: number) =>
    `Resultatene vises når minst ${min} har svart på et spørsmål, slik at ingen kan kjennes igjen.`,
  questionTooFew: (n: number, min: number) =>
    `${n} har svart på dette spørsmålet. Fordelingen vises fra ${min} svar.`,
  mean: (n: number) => `Gjennomsnitt: ${decimal("nb", n)}`,
  answeredQuestion: (n: number) => (n === 1 ? "1 svar" : `${n} svar`),
  chartAlt: (question: string, parts: string[], mean: number | null) =>
    `Stolpediagram for «${question}»: ${parts.join(", ")}.${mean === null ? "" : ` Gjennomsnitt ${decimal("nb", mean)}.`}`,
  answer: "Svar",
  count: "Antall",
  openAnswers: "Fritekstsvar",
  noOpenAnswers: "Ingen har skrevet noe her.",
  csv: "Last ned svarene (CSV)",
  csvDay: "Dato",
  scaleLabel: (v: number) => String(v),
  // The participant's form
  answerLink: "Svar på evalueringen",
  answerTitle: (title: string) => `Evaluering: ${title}`,
  answerLead: (date: string) =>
    `Svarene dine er anonyme: vi lagrer at du har svart, men ikke hva du svarte sammen med navnet ditt. Du kan svare én gang, senest ${date}.`,
  scaleHint: "1 er svært lite, 5 er svært mye.",
  scaleEnds: (v: number) => (v === 1 ? "1 – svært lite" : v === 5 ? "5 – svært mye" : String(v)),
  send: "Send svarene",
  thanks: "Takk for svarene dine!",
  answered: "Du har svart på evalueringen av denne samlingen. Takk!",
  notYet: "Evalueringen åpner når samlingen er over.",
  closed: "Evalueringen er stengt.",
  notParticipant: "Evalueringen er for dem som var med på samlingen.",
  noEvaluation: "Denne samlingen har ingen evaluering.",
  backToGathering: "Tilbake til samlingen",
};

type Texts = typeof nb;

const nn: Texts = {
  tab: "Evaluering",
  editTitle: (title) => `Evaluering: ${title}`,
  editLead:
    "Spørsmåla deltakarane får etter samlinga. Svara er anonyme, og kvar deltakar kan svare éin gong. Spørsmåla kan endrast til det første svaret har kome.",
  defaultsOffered:
    "Her er nokre forslag til spørsmål. Endra dei, ta dei bort eller legg til fleire, og lagra.",
  locked: (n) =>
    n === 1
      ? "Éin deltakar har svart, så spørsmåla kan ikkje endrast lenger."
      : `${n} deltakarar har svart, så spørsmåla kan ikkje endrast lenger.`,
  saved: "Spørsmåla er lagra.",
  question: (i) => `Spørsmål ${i}`,
  newQuestion: (i) => `Spørsmål ${i} (nytt, valfritt)`,
  removeHint: "Tøm tekstfelta for å ta bort eit spørsmål.",
  kind: "Type svar",
  kinds: {
    scale: "Skala frå 1 til 5",
    choice: "Eitt val mellom alternativ",
    text: "Fritekst",
  },
  textNb: "Spørsmål på bokmål",
  textNn: "Spørsmål på nynorsk",
  textEn: "Spørsmål på engelsk (valfritt, elles blir bokmål vist)",
  required: "Må svarast på",
  requiredLegend: "Svar",
  optionsNb: "Alternativ på bokmål",
  optionsNn: "Alternativ på nynorsk",
  optionsEn: "Alternativ på engelsk (valfritt)",
  optionsHint:
    "Berre for «eitt val»: eitt alternativ per linje, i same rekkjefølgje på kvart språk.",
  maxLength: "Lengste svar (teikn)",
  maxLengthHint: "Berre for fritekst. Tomt: 1000 teikn.",
  save: "Lagra spørsmåla",
  seeResults: "Sjå resultata",
  editQuestions: "Spørsmåla",
  noneYet: "Ingen spørsmål er lagra enno.",
  questionsList: "Spørsmål",
  requiredMark: "(må svarast på)",
  resultsTitle: (title) => `Resultat: ${title}`,
  answeredOf: (n, of) => `${n} av ${of} deltakarar har svart.`,
  invitedOn: (date) => `Invitasjonen til å svare vart send ${date}.`,
  notInvited: "Invitasjonen blir send på e-post når samlinga er over.",
  tooFew: (min) =>
    `Resultata blir viste når minst ${min} har svart på eit spørsmål, slik at ingen kan kjennast att.`,
  questionTooFew: (n, min) =>
    `${n} har svart på dette spørsmålet. Fordelinga blir vist frå ${min} svar.`,
  mean: (n) => `Gjennomsnitt: ${decimal("nn", n)}`,
  answeredQuestion: (n) => (n === 1 ? "1 svar" : `${n} svar`),
  chartAlt: (question, parts, mean) =>
    `Stolpediagram for «${question}»: ${parts.join(", ")}.${mean === null ? "" : ` Gjennomsnitt ${decimal("nn", mean)}.`}`,
  answer: "Svar",
  count: "Tal",
  openAnswers: "Fritekstsvar",
  noOpenAnswers: "Ingen har skrive noko her.",
  csv: "Last ned svara (CSV)",
  csvDay: "Dato",
  scaleLabel: (v) => String(v),
  answerLink: "Svar på evalueringa",
  answerTitle: (title) => `Evaluering: ${title}`,
  answerLead: (date) =>
    `Svara dine er anonyme: vi lagrar at du har svart, men ikkje kva du svarte saman med namnet ditt. Du kan svare éin gong, seinast ${date}.`,
  scaleHint: "1 er svært lite, 5 er svært mykje.",
  scaleEnds: (v) => (v === 1 ? "1 – svært lite" : v === 5 ? "5 – svært mykje" : String(v)),
  send: "Send svara",
  thanks: "Takk for svara dine!",
  answered: "Du har svart på evalueringa av denne samlinga. Takk!",
  notYet: "Evalueringa opnar når samlinga er over.",
  closed: "Evalueringa er stengd.",
  notParticipant: "Evalueringa er for dei som var med på samlinga.",
  noEvaluation: "Denne samlinga har inga evaluering.",
  backToGathering: "Tilbake til samlinga",
};

const en: Texts = {
  tab: "Evaluation",
  editTitle: (title) => `Evaluation: ${title}`,
  editLead:
    "The questions participants get after the gathering. Answers are anonymous, and each participant can answer once. The questions can be changed until the first answer has arrived.",
  defaultsOffered:
    "Here are some suggested questions. Change them, remove them or add more, and save.",
  locked: (n) =>
    n === 1
      ? "One participant has answered, so the questions can no longer be changed."
      : `${n} participants have answered, so the questions can no longer be changed.`,
  saved: "The questions have been saved.",
  question: (i) => `Question ${i}`,
  newQuestion: (i) => `Question ${i} (new, optional)`,
  removeHint: "Empty the text fields to remove a question.",
  kind: "Kind of answer",
  kinds: {
    scale: "Scale from 1 to 5",
    choice: "One choice among options",
    text: "Open text",
  },
  textNb: "Question in Bokmål",
  textNn: "Question in Nynorsk",
  textEn: "Question in English (optional, else the Bokmål is shown)",
  required: "Must be answered",
  requiredLegend: "Answer",
  optionsNb: "Options in Bokmål",
  optionsNn: "Options in Nynorsk",
  optionsEn: "Options in English (optional)",
  optionsHint: "Only for “one choice”: one option per line, in the same order in each language.",
  maxLength: "Longest answer (characters)",
  maxLengthHint: "Only for open text. Empty: 1000 characters.",
  save: "Save the questions",
  seeResults: "See the results",
  editQuestions: "The questions",
  noneYet: "No questions have been saved yet.",
  questionsList: "Questions",
  requiredMark: "(must be answered)",
  resultsTitle: (title) => `Results: ${title}`,
  answeredOf: (n, of) => `${n} of ${of} participants have answered.`,
  invitedOn: (date) => `The invitation to answer was sent on ${date}.`,
  notInvited: "The invitation is sent by e-mail when the gathering is over.",
  tooFew: (min) =>
    `Results are shown once at least ${min} have answered a question, so that nobody can be recognised.`,
  questionTooFew: (n, min) =>
    `${n} answered this question. The distribution is shown from ${min} answers.`,
  mean: (n) => `Mean: ${decimal("en", n)}`,
  answeredQuestion: (n) => (n === 1 ? "1 answer" : `${n} answers`),
  chartAlt: (question, parts, mean) =>
    `Bar chart for “${question}”: ${parts.join(", ")}.${mean === null ? "" : ` Mean ${decimal("en", mean)}.`}`,
  answer: "Answer",
  count: "Count",
  openAnswers: "Open answers",
  noOpenAnswers: "Nobody wrote anything here.",
  csv: "Download the answers (CSV)",
  csvDay: "Date",
  scaleLabel: (v) => String(v),
  answerLink: "Answer the evaluation",
  answerTitle: (title) => `Evaluation: ${title}`,
  answerLead: (date) =>
    `Your answers are anonymous: we store that you have answered, but not what you answered together with your name. You can answer once, by ${date}.`,
  scaleHint: "1 is very little, 5 is very much.",
  scaleEnds: (v) => (v === 1 ? "1 – very little" : v === 5 ? "5 – very much" : String(v)),
  send: "Send the answers",
  thanks: "Thank you for your answers!",
  answered: "You have answered the evaluation of this gathering. Thank you!",
  notYet: "The evaluation opens when the gathering is over.",
  closed: "The evaluation is closed.",
  notParticipant: "The evaluation is for those who took part in the gathering.",
  noEvaluation: "This gathering has no evaluation.",
  backToGathering: "Back to the gathering",
};

export const evaluationTexts: Record<Lang, Texts> = { nb, nn, en };

type Code =
  | "optionsCount"
  | "optionsMismatch"
  | "optionMax"
  | "answerMaxRange"
  | "noQuestions"
  | "tooManyQuestions"
  | "answerChoice"
  | "answerText"
  | "locked"
  | "answered"
  | "notYet"
  | "closed"
  | "notParticipant"
  | "notFound";

export const evaluationErrors: ErrorCatalogues<Code> = {
  nb: {
    optionsCount: (e) =>
      `Skriv fra ${e.params.min} til ${e.params.max} alternativer, ett per linje`,
    optionsMismatch: (e) => `Skriv like mange alternativer som på bokmål (${e.params.n})`,
    optionMax: (e) => `Et alternativ kan ha høyst ${e.max} tegn`,
    answerMaxRange: (e) => `Lengste svar må være et helt tall fra 1 til ${e.max}`,
    noQuestions: "Skriv minst ett spørsmål",
    tooManyQuestions: (e) => `En evaluering kan ha høyst ${e.max} spørsmål`,
    answerChoice: (e) => `Velg et svar på «${e.label}»`,
    answerText: (e) => `Skriv et svar på «${e.label}»`,
    locked: "Noen har alt svart, så spørsmålene kan ikke endres lenger.",
    answered: "Du har allerede svart på denne evalueringen. Du kan bare svare én gang.",
    notYet: nb.notYet,
    closed: nb.closed,
    notParticipant: nb.notParticipant,
    notFound: nb.noEvaluation,
  },
  nn: {
    optionsCount: (e) => `Skriv frå ${e.params.min} til ${e.params.max} alternativ, eitt per linje`,
    optionsMismatch: (e) => `Skriv like mange alternativ som på bokmål (${e.params.n})`,
    optionMax: (e) => `Eit alternativ kan ha høgst ${e.max} teikn`,
    answerMaxRange: (e) => `Lengste svar må vere eit heilt tal frå 1 til ${e.max}`,
    noQuestions: "Skriv minst eitt spørsmål",
    tooManyQuestions: (e) => `Ei evaluering kan ha høgst ${e.max} spørsmål`,
    answerChoice: (e) => `Vel eit svar på «${e.label}»`,
    answerText: (e) => `Skriv eit svar på «${e.label}»`,
    locked: "Nokon har alt svart, så spørsmåla kan ikkje endrast lenger.",
    answered: "Du har alt svart på denne evalueringa. Du kan berre svare éin gong.",
    notYet: nn.notYet,
    closed: nn.closed,
    notParticipant: nn.notParticipant,
    notFound: nn.noEvaluation,
  },
  en: {
    optionsCount: (e) => `Enter from ${e.params.min} to ${e.params.max} options, one per line`,
    optionsMismatch: (e) => `Enter as many options as in Bokmål (${e.params.n})`,
    optionMax: (e) => `An option can have at most ${e.max} characters`,
    answerMaxRange: (e) => `The longest answer must be a whole number from 1 to ${e.max}`,
    noQuestions: "Enter at least one question",
    tooManyQuestions: (e) => `An evaluation can have at most ${e.max} questions`,
    answerChoice: (e) => `Choose an answer to “${e.label}”`,
    answerText: (e) => `Write an answer to “${e.label}”`,
    locked: "Someone has already answered, so the questions can no longer be changed.",
    answered: "You have already answered this evaluation. You can only answer once.",
    notYet: en.notYet,
    closed: en.closed,
    notParticipant: en.notParticipant,
    notFound: en.noEvaluation,
  },
};

/** The invitation to answer, in the written standard of the participant's place. */
export function evaluationLetter(
  lang: "nb" | "nn",
  g: { title: string; link: string; closesAt: Date },
): { subject: string; text: string } {
  const by = dateIn(lang, g.closesAt);
  if (lang === "nn") {
    return {
      subject: `Kva syntest du om ${g.title}?`,
      text: [
        "Hei!",
        "",
        `Takk for at du var med på ${g.title}. Vi vil gjerne høyre kva du syntest, så neste samling blir betre.`,
        "",
        `Svar på evalueringa her (anonymt, éin gong, seinast ${by}):`,
        g.link,
        "",
        "Helsing Samspill",
      ].join("\n"),
    };
  }
  return {
    subject: `Hva syntes du om ${g.title}?`,
    text: [
      "Hei!",
      "",
      `Takk for at du var med på ${g.title}. Vi vil gjerne høre hva du syntes, så neste samling blir bedre.`,
      "",
      `Svar på evalueringen her (anonymt, én gang, senest ${by}):`,
      g.link,
      "",
      "Hilsen Samspill",
    ].join("\n"),
  };
}

export const evaluationAuditActions: AuditActionTexts = {
  nb: {
    "gathering.evaluation": {
      label: "Evalueringsspørsmål lagret",
      sentence: (w) => `${w.actor} lagret spørsmålene i evalueringen av en samling.`,
    },
  },
  nn: {
    "gathering.evaluation": {
      label: "Evalueringsspørsmål lagra",
      sentence: (w) => `${w.actor} lagra spørsmåla i evalueringa av ei samling.`,
    },
  },
  en: {
    "gathering.evaluation": {
      label: "Evaluation questions saved",
      sentence: (w) => `${w.actor} saved the questions of a gathering's evaluation.`,
    },
  },
};
