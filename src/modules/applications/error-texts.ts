import type { ErrorCatalogues } from "../../web/form-errors";
import { formatFileSize, type Lang } from "../../web/i18n";

/**
 * The sentences for the refusals of the applications module's commands and checks, keyed by
 * the codes they return (answers.ts, drafts.ts, submit.ts, assess.ts, decide.ts, plan.ts,
 * rounds.ts, forms.ts). The shared codes (required, max, choice, email, date) come from
 * web/form-errors.ts.
 */
type Code =
  | "notFound"
  | "notDraft"
  | "deadlinePassed"
  | "endBeforeStart"
  | "duration"
  | "number"
  | "rows"
  | "rowsRequired"
  | "rowKind"
  | "rowMode"
  | "rowCount"
  | "rowDate"
  | "rowNote"
  | "commitments"
  | "fileRequired"
  | "fileSize"
  | "fileTooLarge"
  | "fileEmpty"
  | "fileType"
  | "score"
  | "ownMunicipality"
  | "notAssessor"
  | "notSubmitted"
  | "assessmentFinal"
  | "alreadyAssessor"
  | "notDecidable"
  | "unchanged"
  | "notWithdrawable"
  | "roundExists"
  | "noForm"
  | "alreadyClosed"
  | "deadlineInPast"
  | "untilInPast"
  | "months"
  | "amount"
  | "alreadyDone"
  | "key"
  | "duplicateSection"
  | "duplicateQuestion"
  | "duplicateOption"
  | "condition"
  | "range"
  | "nationalId";

const n = (v: string | number | boolean | undefined) => String(v ?? "");
/** A limit in bytes (`params.maxBytes`) as the language writes sizes: "10 MB". */
const size = (lang: Lang, v: string | number | boolean | undefined) =>
  formatFileSize(lang, Number(v ?? 0));

export const applicationErrors: ErrorCatalogues<Code> = {
  nb: {
    notFound: "Vi fant ikke søknaden.",
    notDraft: "Søknaden er allerede sendt inn eller trukket, og kan ikke endres.",
    deadlinePassed: "Søknadsfristen har gått ut. Søknaden er ikke sendt inn.",
    endBeforeStart: (e) => `Sluttdatoen i ${e.label.toLowerCase()} må være etter startdatoen`,
    duration: (e) =>
      `${e.label} må vare fra ${n(e.params.min)} til ${n(e.params.max)} måneder (nå ${n(e.params.months)})`,
    number: (e) => `${e.label} må være et helt tall fra ${n(e.params.min)} til ${n(e.params.max)}`,
    rows: (e) => `${e.label} kan ha høyst ${n(e.params.max)} rader`,
    rowsRequired: (e) => `Legg til minst én rad i ${e.label.toLowerCase()}`,
    rowKind: (e) => `Velg type aktivitet i rad ${n(e.params.row)}`,
    rowMode: (e) => `Velg digitalt eller fysisk i rad ${n(e.params.row)}`,
    rowCount: (e) => `Skriv antall (1 eller flere) i rad ${n(e.params.row)}`,
    rowDate: (e) => `Skriv datoen i rad ${n(e.params.row)} som en dato, for eksempel 1.8.2027`,
    rowNote: (e) => `Merknaden i rad ${n(e.params.row)} kan ha høyst ${e.max} tegn`,
    commitments: "Kommunen må si ja til alle forpliktelsene for å søke",
    fileRequired: (e) => `Last opp ${e.label.toLowerCase()}`,
    fileSize: (e) => `Filen er for stor. Den kan være høyst ${size("nb", e.params.maxBytes)}`,
    fileTooLarge: (e) =>
      `Filen er for stor. Den kan være høyst ${size("nb", e.params.maxBytes)}. Ingenting av det du sendte, ble lagret`,
    fileEmpty: "Filen er tom. Velg en fil med innhold",
    fileType: (e) => `Filen må være av typen ${n(e.params.types)}`,
    score: (e) => `Gi en poengsum fra 0 til ${n(e.params.max)}`,
    ownMunicipality:
      "Du kan ikke vurdere søknaden fra en kommune du selv har en rolle i. Meld inhabilitet.",
    notAssessor: "Du er ikke oppnevnt som vurderer i denne søknadsrunden.",
    notSubmitted: "Bare innsendte søknader kan vurderes.",
    assessmentFinal: "Vurderingen din er sendt og kan ikke endres.",
    alreadyAssessor: "Personen er allerede vurderer i denne runden.",
    notDecidable: "Søknaden kan ikke avgjøres nå.",
    unchanged: "Søknaden har allerede dette vedtaket.",
    notWithdrawable: "Søknaden kan ikke trekkes.",
    roundExists: "Puljen har allerede en søknadsrunde.",
    noForm: "Lag søknadsskjemaet før du åpner en søknadsrunde.",
    alreadyClosed: "Søknadsrunden er allerede stengt.",
    deadlineInPast: "Fristen kan ikke være tilbake i tid",
    untilInPast: "Tidspunktet må være frem i tid",
    months: (e) => `Varigheten må være fra ${n(e.params.min)} til ${n(e.params.max)} måneder`,
    amount: "Skriv beløpet i hele kroner, for eksempel 12 500",
    alreadyDone: "Aktiviteten er allerede markert som gjennomført.",
    key: "Bruk små bokstaver, tall og bindestrek, og begynn med en bokstav",
    duplicateSection: "To deler har samme id",
    duplicateQuestion: "To spørsmål har samme id",
    duplicateOption: "To svaralternativer har samme verdi",
    condition: "Vilkåret må vise til et tidligere valgspørsmål og et av svarene der",
    range: "Største verdi må være minst like stor som minste verdi",
    nationalId: (e) =>
      `${e.label}: ta bort fødselsnummeret eller D-nummeret (det som begynner med ${n(e.params.start)}). Søknaden tar ikke imot fødselsnumre.`,
  },
  nn: {
    notFound: "Vi fann ikkje søknaden.",
    notDraft: "Søknaden er alt send inn eller trekt, og kan ikkje endrast.",
    deadlinePassed: "Søknadsfristen har gått ut. Søknaden er ikkje send inn.",
    endBeforeStart: (e) => `Sluttdatoen i ${e.label.toLowerCase()} må vere etter startdatoen`,
    duration: (e) =>
      `${e.label} må vare frå ${n(e.params.min)} til ${n(e.params.max)} månader (no ${n(e.params.months)})`,
    number: (e) => `${e.label} må vere eit heilt tal frå ${n(e.params.min)} til ${n(e.params.max)}`,
    rows: (e) => `${e.label} kan ha høgst ${n(e.params.max)} rader`,
    rowsRequired: (e) => `Legg til minst éi rad i ${e.label.toLowerCase()}`,
    rowKind: (e) => `Vel type aktivitet i rad ${n(e.params.row)}`,
    rowMode: (e) => `Vel digitalt eller fysisk i rad ${n(e.params.row)}`,
    rowCount: (e) => `Skriv talet (1 eller fleire) i rad ${n(e.params.row)}`,
    rowDate: (e) => `Skriv datoen i rad ${n(e.params.row)} som ein dato, til dømes 1.8.2027`,
    rowNote: (e) => `Merknaden i rad ${n(e.params.row)} kan ha høgst ${e.max} teikn`,
    commitments: "Kommunen må seie ja til alle forpliktingane for å søkje",
    fileRequired: (e) => `Last opp ${e.label.toLowerCase()}`,
    fileSize: (e) => `Fila er for stor. Ho kan vere høgst ${size("nn", e.params.maxBytes)}`,
    fileTooLarge: (e) =>
      `Fila er for stor. Ho kan vere høgst ${size("nn", e.params.maxBytes)}. Ingenting av det du sende, vart lagra`,
    fileEmpty: "Fila er tom. Vel ei fil med innhald",
    fileType: (e) => `Fila må vere av typen ${n(e.params.types)}`,
    score: (e) => `Gi ein poengsum frå 0 til ${n(e.params.max)}`,
    ownMunicipality:
      "Du kan ikkje vurdere søknaden frå ein kommune du sjølv har ei rolle i. Meld inhabilitet.",
    notAssessor: "Du er ikkje oppnemnd som vurderar i denne søknadsrunden.",
    notSubmitted: "Berre innsende søknader kan vurderast.",
    assessmentFinal: "Vurderinga di er send og kan ikkje endrast.",
    alreadyAssessor: "Personen er alt vurderar i denne runden.",
    notDecidable: "Søknaden kan ikkje avgjerast no.",
    unchanged: "Søknaden har alt dette vedtaket.",
    notWithdrawable: "Søknaden kan ikkje trekkjast.",
    roundExists: "Puljen har alt ein søknadsrunde.",
    noForm: "Lag søknadsskjemaet før du opnar ein søknadsrunde.",
    alreadyClosed: "Søknadsrunden er alt stengd.",
    deadlineInPast: "Fristen kan ikkje vere tilbake i tid",
    untilInPast: "Tidspunktet må vere fram i tid",
    months: (e) => `Varigheita må vere frå ${n(e.params.min)} til ${n(e.params.max)} månader`,
    amount: "Skriv beløpet i heile kroner, til dømes 12 500",
    alreadyDone: "Aktiviteten er alt merkt som gjennomført.",
    key: "Bruk små bokstavar, tal og bindestrek, og byrj med ein bokstav",
    duplicateSection: "To delar har same id",
    duplicateQuestion: "To spørsmål har same id",
    duplicateOption: "To svaralternativ har same verdi",
    condition: "Vilkåret må vise til eit tidlegare valspørsmål og eitt av svara der",
    range: "Største verdi må vere minst like stor som minste verdi",
    nationalId: (e) =>
      `${e.label}: ta bort fødselsnummeret eller D-nummeret (det som byrjar med ${n(e.params.start)}). Søknaden tek ikkje imot fødselsnummer.`,
  },
  en: {
    notFound: "We could not find the application.",
    notDraft: "The application has been submitted or withdrawn and cannot be changed.",
    deadlinePassed: "The deadline has passed. The application was not submitted.",
    endBeforeStart: (e) => `The end date of ${e.label.toLowerCase()} must be after the start date`,
    duration: (e) =>
      `${e.label} must last from ${n(e.params.min)} to ${n(e.params.max)} months (now ${n(e.params.months)})`,
    number: (e) =>
      `${e.label} must be a whole number from ${n(e.params.min)} to ${n(e.params.max)}`,
    rows: (e) => `${e.label} can have at most ${n(e.params.max)} rows`,
    rowsRequired: (e) => `Add at least one row to ${e.label.toLowerCase()}`,
    rowKind: (e) => `Choose the kind of activity in row ${n(e.params.row)}`,
    rowMode: (e) => `Choose digital or in person in row ${n(e.params.row)}`,
    rowCount: (e) => `Enter a number (1 or more) in row ${n(e.params.row)}`,
    rowDate: (e) => `Enter the date in row ${n(e.params.row)} as a date, for example 1.8.2027`,
    rowNote: (e) => `The note in row ${n(e.params.row)} can have at most ${e.max} characters`,
    commitments: "The municipality must agree to every commitment to apply",
    fileRequired: (e) => `Upload ${e.label.toLowerCase()}`,
    fileSize: (e) => `The file is too large. It can be at most ${size("en", e.params.maxBytes)}`,
    fileTooLarge: (e) =>
      `The file is too large. It can be at most ${size("en", e.params.maxBytes)}. Nothing you sent was saved`,
    fileEmpty: "The file is empty. Choose a file with content",
    fileType: (e) => `The file must be of type ${n(e.params.types)}`,
    score: (e) => `Give a score from 0 to ${n(e.params.max)}`,
    ownMunicipality:
      "You cannot assess the application of a municipality you have a role in. Declare a conflict of interest.",
    notAssessor: "You are not named as an assessor of this application round.",
    notSubmitted: "Only submitted applications can be assessed.",
    assessmentFinal: "Your assessment has been submitted and cannot be changed.",
    alreadyAssessor: "The person is already an assessor of this round.",
    notDecidable: "The application cannot be decided now.",
    unchanged: "The application already has this decision.",
    notWithdrawable: "The application cannot be withdrawn.",
    roundExists: "The cohort already has an application round.",
    noForm: "Make the application form before you open an application round.",
    alreadyClosed: "The application round is already closed.",
    deadlineInPast: "The deadline cannot be in the past",
    untilInPast: "The time must be in the future",
    months: (e) => `The duration must be from ${n(e.params.min)} to ${n(e.params.max)} months`,
    amount: "Enter the amount in whole kroner, for example 12 500",
    alreadyDone: "The activity is already marked as done.",
    key: "Use lower-case letters, digits and hyphens, starting with a letter",
    duplicateSection: "Two sections have the same id",
    duplicateQuestion: "Two questions have the same id",
    duplicateOption: "Two options have the same value",
    condition: "The condition must name an earlier choice question and one of its answers",
    range: "The largest value must be at least the smallest",
    nationalId: (e) =>
      `${e.label}: remove the national identity number or D number (the one starting ${n(e.params.start)}). The application does not accept identity numbers.`,
  },
};
