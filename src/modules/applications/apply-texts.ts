import type { Lang } from "../../web/i18n";
import type { ApplicationState } from "./schema";

/** The municipality's side of applications: its list, the form by section, the receipt. */
type ApplyTexts = {
  nav: string;
  listTitle: string;
  listLead: string;
  openRounds: string;
  noOpenRounds: string;
  deadline: string;
  start: string;
  continueDraft: string;
  ownApplications: string;
  noApplications: string;
  programme: string;
  municipality: string;
  state: string;
  forMunicipality: (name: string) => string;
  states: Record<ApplicationState, string>;
  overviewTitle: (programme: string) => string;
  sections: string;
  sectionComplete: string;
  sectionMissing: (n: number) => string;
  edit: string;
  missingHeading: string;
  nothingMissing: string;
  submitHeading: string;
  submitLead: string;
  submit: string;
  deadlinePassedInfo: string;
  withdrawHeading: string;
  withdrawLead: string;
  withdraw: string;
  decisionHeading: string;
  decisionReason: string;
  receiptHeading: string;
  receiptTitle: string;
  receiptLead: string;
  submittedAt: string;
  submittedBy: string;
  contentHash: string;
  formVersion: string;
  pdfLink: string;
  receiptMailed: string;
  backToOverview: string;
  backToList: string;
  sectionOf: (n: number, total: number) => string;
  save: string;
  saveAndNext: string;
  saved: string;
  savedAt: (time: string) => string;
  saving: string;
  saveFailed: string;
  /** After the child guard's warning in the autosave: where to answer it (decision 0024). */
  guardHeld: string;
  withdrawn: string;
  optional: string;
  conflict: (who: string, time: string, theirs: string) => string;
  /** A file someone else stored meanwhile; `yours` is the file not uploaded (null: a removal). */
  fileConflict: (who: string, time: string, theirs: string, yours: string | null) => string;
  someone: string;
  chooseOne: string;
  from: string;
  to: string;
  rowsLegend: string;
  rowKind: string;
  rowMode: string;
  rowCount: string;
  rowWhen: string;
  rowNote: string;
  row: (n: number) => string;
  newRow: string;
  addRow: string;
  removeRow: (n: number) => string;
  kinds: Record<string, string>;
  modes: Record<string, string>;
  commitmentYes: string;
  attachmentTypes: (types: string, size: string) => string;
  fileNone: string;
  fileStored: string;
  fileDetails: (type: string, size: string) => string;
  uploadHint: string;
  replaceHint: string;
  removeFile: string;
  fileSaved: string;
  fileRemoved: string;
  numberHint: (min: number, max: number) => string;
  monthsHint: (min: number, max: number) => string;
  publicTitle: (programme: string) => string;
  publicLead: string;
  roundOpen: (deadline: string) => string;
  roundClosed: (deadline: string) => string;
  roundNotYet: string;
  signInToApply: string;
  goToApplications: string;
  questionsHeading: string;
  required: string;
  applicationHeading: string;
  readQuestions: string;
  /** The programme page's section (`programmeSections`). */
  sectionHeading: string;
  roundForCohort: (cohort: number, from: string, to: string) => string;
  applyNow: string;
};

const states = {
  nb: {
    draft: "Utkast",
    submitted: "Sendt inn",
    withdrawn: "Trukket",
    granted: "Innvilget",
    waitlisted: "På venteliste",
    declined: "Avslått",
  },
  nn: {
    draft: "Utkast",
    submitted: "Send inn",
    withdrawn: "Trekt",
    granted: "Innvilga",
    waitlisted: "På venteliste",
    declined: "Avslått",
  },
  en: {
    draft: "Draft",
    submitted: "Submitted",
    withdrawn: "Withdrawn",
    granted: "Granted",
    waitlisted: "On the waiting list",
    declined: "Declined",
  },
} satisfies Record<Lang, Record<ApplicationState, string>>;

export const applyTexts: Record<Lang, ApplyTexts> = {
  nb: {
    nav: "Søknader",
    listTitle: "Søknader",
    listLead: "Søk om tilbud for kommunen, og følg søknadene dere har sendt.",
    openRounds: "Åpne søknadsrunder",
    noOpenRounds: "Ingen søknadsrunder er åpne nå.",
    deadline: "Frist",
    start: "Start søknad",
    continueDraft: "Fortsett søknaden",
    ownApplications: "Kommunens søknader",
    noApplications: "Kommunen har ingen søknader ennå.",
    programme: "Tilbud",
    municipality: "Kommune",
    state: "Status",
    forMunicipality: (name) => `For ${name}`,
    states: states.nb,
    overviewTitle: (p) => `Søknad: ${p}`,
    sections: "Deler av søknaden",
    sectionComplete: "Ferdig utfylt",
    sectionMissing: (n) => (n === 1 ? "1 svar mangler" : `${n} svar mangler`),
    edit: "Fyll ut",
    missingHeading: "Dette mangler før dere kan sende inn",
    nothingMissing: "Alt som kreves er fylt ut. Dere kan sende inn søknaden.",
    submitHeading: "Send inn",
    submitLead: "Når søknaden er sendt inn, kan den ikke endres. Dere får en kvittering.",
    submit: "Send inn søknaden",
    deadlinePassedInfo: "Søknadsfristen har gått ut.",
    withdrawHeading: "Trekk søknaden",
    withdrawLead: "Trekker dere søknaden, blir den ikke vurdert.",
    withdraw: "Trekk søknaden",
    decisionHeading: "Vedtak",
    decisionReason: "Begrunnelse",
    receiptHeading: "Kvittering",
    receiptTitle: "Søknaden er sendt inn",
    receiptLead: "Ta vare på kvitteringen. Den viser nøyaktig hva dere sendte inn.",
    submittedAt: "Sendt inn",
    submittedBy: "Sendt av",
    contentHash: "Kontrollsum (SHA-256)",
    formVersion: "Skjemaversjon",
    pdfLink: "Last ned søknaden som PDF",
    receiptMailed: "Kvitteringen er også sendt på e-post til kommunens koordinatorer.",
    backToOverview: "Tilbake til søknaden",
    backToList: "Alle søknader",
    sectionOf: (n, total) => `Del ${n} av ${total}`,
    save: "Lagre",
    saveAndNext: "Lagre og gå videre",
    saved: "Svarene er lagret.",
    savedAt: (time) => `Lagret kl. ${time}`,
    saving: "Lagrer …",
    saveFailed: "Vi fikk ikke lagret. Trykk Lagre for å prøve igjen.",
    guardHeld: "Svaret er ikke lagret. Trykk Lagre for å skrive om eller bekrefte teksten.",
    withdrawn: "Søknaden er trukket.",
    optional: "(valgfritt)",
    conflict: (who, time, theirs) =>
      `${who} endret dette kl. ${time}: «${theirs}». Teksten din er beholdt nedenfor; lagre igjen for å bruke den.`,
    fileConflict: (who, time, theirs, yours) =>
      `${who} endret dette kl. ${time}: «${theirs}». ${
        yours
          ? `Filen din (${yours}) er ikke lastet opp. Velg den igjen og lagre hvis den skal erstatte denne.`
          : "Vedlegget er ikke fjernet. Trykk «Fjern vedlegget» igjen hvis det skal fjernes."
      }`,
    someone: "En kollega",
    chooseOne: "Velg",
    from: "Fra dato",
    to: "Til dato",
    rowsLegend: "Aktiviteter",
    rowKind: "Type",
    rowMode: "Form",
    rowCount: "Antall",
    rowWhen: "Dato (valgfritt)",
    rowNote: "Merknad (valgfritt)",
    row: (n) => `Rad ${n}`,
    newRow: "Ny rad",
    addRow: "Lagre og legg til rad",
    removeRow: (n) => `Fjern rad ${n}`,
    kinds: {
      "training-day": "Kompetansedag",
      "staff-meeting": "Personalmøte",
      "parent-meeting": "Foreldremøte",
      gathering: "Samling",
    },
    modes: { digital: "Digitalt", physical: "Fysisk" },
    commitmentYes: "Ja, kommunen forplikter seg til dette",
    attachmentTypes: (types, size) => `Filtyper: ${types}. Høyst ${size}.`,
    fileNone: "Ingen fil er lastet opp.",
    fileStored: "Lastet opp:",
    fileDetails: (type, size) => `${type}, ${size}`,
    uploadHint: "Filen lastes opp når du lagrer.",
    replaceHint:
      "Velg en annen fil hvis du vil bytte ut den som er lastet opp. Den nye lastes opp når du lagrer.",
    removeFile: "Fjern vedlegget",
    fileSaved: "Vedlegget er lastet opp.",
    fileRemoved: "Vedlegget er fjernet.",
    numberHint: (min, max) => `Et helt tall fra ${min} til ${max}.`,
    monthsHint: (min, max) => `Perioden må vare fra ${min} til ${max} måneder.`,
    publicTitle: (p) => `Søknad om ${p}`,
    publicLead: "Her ser du hva søknaden spør om. Du må logge inn for å søke for kommunen.",
    roundOpen: (d) => `Søknadsrunden er åpen. Fristen er ${d}.`,
    roundClosed: (d) => `Søknadsrunden er stengt. Fristen var ${d}.`,
    roundNotYet: "Det er ingen åpen søknadsrunde nå.",
    signInToApply: "Logg inn for å søke",
    goToApplications: "Gå til kommunens søknader",
    questionsHeading: "Spørsmålene i søknaden",
    required: "Må fylles ut",
    applicationHeading: "Søknad",
    readQuestions: "Les spørsmålene i søknaden",
    sectionHeading: "Slik søker kommunen",
    roundForCohort: (n, from, to) => `Søknadsrunden gjelder pulje ${n}, fra ${from} til ${to}.`,
    applyNow: "Søk for kommunen",
  },
  nn: {
    nav: "Søknader",
    listTitle: "Søknader",
    listLead: "Søk om tilbod for kommunen, og følg søknadene de har sendt.",
    openRounds: "Opne søknadsrundar",
    noOpenRounds: "Ingen søknadsrundar er opne no.",
    deadline: "Frist",
    start: "Start søknad",
    continueDraft: "Hald fram med søknaden",
    ownApplications: "Søknadene til kommunen",
    noApplications: "Kommunen har ingen søknader enno.",
    programme: "Tilbod",
    municipality: "Kommune",
    state: "Status",
    forMunicipality: (name) => `For ${name}`,
    states: states.nn,
    overviewTitle: (p) => `Søknad: ${p}`,
    sections: "Delar av søknaden",
    sectionComplete: "Ferdig utfylt",
    sectionMissing: (n) => (n === 1 ? "1 svar manglar" : `${n} svar manglar`),
    edit: "Fyll ut",
    missingHeading: "Dette manglar før de kan sende inn",
    nothingMissing: "Alt som krevst er fylt ut. De kan sende inn søknaden.",
    submitHeading: "Send inn",
    submitLead: "Når søknaden er send inn, kan han ikkje endrast. De får ei kvittering.",
    submit: "Send inn søknaden",
    deadlinePassedInfo: "Søknadsfristen har gått ut.",
    withdrawHeading: "Trekk søknaden",
    withdrawLead: "Trekkjer de søknaden, blir han ikkje vurdert.",
    withdraw: "Trekk søknaden",
    decisionHeading: "Vedtak",
    decisionReason: "Grunngiving",
    receiptHeading: "Kvittering",
    receiptTitle: "Søknaden er send inn",
    receiptLead: "Ta vare på kvitteringa. Ho viser nøyaktig kva de sende inn.",
    submittedAt: "Send inn",
    submittedBy: "Send av",
    contentHash: "Kontrollsum (SHA-256)",
    formVersion: "Skjemaversjon",
    pdfLink: "Last ned søknaden som PDF",
    receiptMailed: "Kvitteringa er òg send på e-post til koordinatorane i kommunen.",
    backToOverview: "Tilbake til søknaden",
    backToList: "Alle søknader",
    sectionOf: (n, total) => `Del ${n} av ${total}`,
    save: "Lagre",
    saveAndNext: "Lagre og gå vidare",
    saved: "Svara er lagra.",
    savedAt: (time) => `Lagra kl. ${time}`,
    saving: "Lagrar …",
    saveFailed: "Vi fekk ikkje lagra. Trykk Lagre for å prøve igjen.",
    guardHeld: "Svaret er ikkje lagra. Trykk Lagre for å skrive om eller stadfeste teksten.",
    withdrawn: "Søknaden er trekt.",
    optional: "(valfritt)",
    conflict: (who, time, theirs) =>
      `${who} endra dette kl. ${time}: «${theirs}». Teksten din er teken vare på nedanfor; lagre igjen for å bruke han.`,
    fileConflict: (who, time, theirs, yours) =>
      `${who} endra dette kl. ${time}: «${theirs}». ${
        yours
          ? `Fila di (${yours}) er ikkje lasta opp. Vel ho igjen og lagre viss ho skal erstatte denne.`
          : "Vedlegget er ikkje fjerna. Trykk «Fjern vedlegget» igjen viss det skal fjernast."
      }`,
    someone: "Ein kollega",
    chooseOne: "Vel",
    from: "Frå dato",
    to: "Til dato",
    rowsLegend: "Aktivitetar",
    rowKind: "Type",
    rowMode: "Form",
    rowCount: "Tal",
    rowWhen: "Dato (valfritt)",
    rowNote: "Merknad (valfritt)",
    row: (n) => `Rad ${n}`,
    newRow: "Ny rad",
    addRow: "Lagre og legg til rad",
    removeRow: (n) => `Fjern rad ${n}`,
    kinds: {
      "training-day": "Kompetansedag",
      "staff-meeting": "Personalmøte",
      "parent-meeting": "Foreldremøte",
      gathering: "Samling",
    },
    modes: { digital: "Digitalt", physical: "Fysisk" },
    commitmentYes: "Ja, kommunen forpliktar seg til dette",
    attachmentTypes: (types, size) => `Filtypar: ${types}. Høgst ${size}.`,
    fileNone: "Inga fil er lasta opp.",
    fileStored: "Lasta opp:",
    fileDetails: (type, size) => `${type}, ${size}`,
    uploadHint: "Fila blir lasta opp når du lagrar.",
    replaceHint:
      "Vel ei anna fil viss du vil byte ut den som er lasta opp. Den nye blir lasta opp når du lagrar.",
    removeFile: "Fjern vedlegget",
    fileSaved: "Vedlegget er lasta opp.",
    fileRemoved: "Vedlegget er fjerna.",
    numberHint: (min, max) => `Eit heilt tal frå ${min} til ${max}.`,
    monthsHint: (min, max) => `Perioden må vare frå ${min} til ${max} månader.`,
    publicTitle: (p) => `Søknad om ${p}`,
    publicLead: "Her ser du kva søknaden spør om. Du må logge inn for å søkje for kommunen.",
    roundOpen: (d) => `Søknadsrunden er open. Fristen er ${d}.`,
    roundClosed: (d) => `Søknadsrunden er stengd. Fristen var ${d}.`,
    roundNotYet: "Det er ingen open søknadsrunde no.",
    signInToApply: "Logg inn for å søkje",
    goToApplications: "Gå til søknadene til kommunen",
    questionsHeading: "Spørsmåla i søknaden",
    required: "Må fyllast ut",
    applicationHeading: "Søknad",
    readQuestions: "Les spørsmåla i søknaden",
    sectionHeading: "Slik søkjer kommunen",
    roundForCohort: (n, from, to) => `Søknadsrunden gjeld pulje ${n}, frå ${from} til ${to}.`,
    applyNow: "Søk for kommunen",
  },
  en: {
    nav: "Applications",
    listTitle: "Applications",
    listLead: "Apply for programmes for the municipality, and follow the applications you sent.",
    openRounds: "Open application rounds",
    noOpenRounds: "No application round is open now.",
    deadline: "Deadline",
    start: "Start an application",
    continueDraft: "Continue the application",
    ownApplications: "The municipality's applications",
    noApplications: "The municipality has no applications yet.",
    programme: "Programme",
    municipality: "Municipality",
    state: "Status",
    forMunicipality: (name) => `For ${name}`,
    states: states.en,
    overviewTitle: (p) => `Application: ${p}`,
    sections: "Parts of the application",
    sectionComplete: "Complete",
    sectionMissing: (n) => (n === 1 ? "1 answer missing" : `${n} answers missing`),
    edit: "Fill in",
    missingHeading: "Missing before you can submit",
    nothingMissing: "Everything required is filled in. You can submit the application.",
    submitHeading: "Submit",
    submitLead: "Once submitted, the application cannot be changed. You will get a receipt.",
    submit: "Submit the application",
    deadlinePassedInfo: "The deadline has passed.",
    withdrawHeading: "Withdraw the application",
    withdrawLead: "If you withdraw the application, it will not be assessed.",
    withdraw: "Withdraw the application",
    decisionHeading: "Decision",
    decisionReason: "Reason",
    receiptHeading: "Receipt",
    receiptTitle: "The application has been submitted",
    receiptLead: "Keep the receipt. It shows exactly what you submitted.",
    submittedAt: "Submitted",
    submittedBy: "Submitted by",
    contentHash: "Checksum (SHA-256)",
    formVersion: "Form version",
    pdfLink: "Download the application as PDF",
    receiptMailed: "The receipt has also been e-mailed to the municipality's coordinators.",
    backToOverview: "Back to the application",
    backToList: "All applications",
    sectionOf: (n, total) => `Part ${n} of ${total}`,
    save: "Save",
    saveAndNext: "Save and continue",
    saved: "Your answers are saved.",
    savedAt: (time) => `Saved at ${time}`,
    saving: "Saving …",
    saveFailed: "We could not save. Press Save to try again.",
    guardHeld: "The answer is not saved. Press Save to rewrite or confirm the text.",
    withdrawn: "The application has been withdrawn.",
    optional: "(optional)",
    conflict: (who, time, theirs) =>
      `${who} changed this at ${time}: “${theirs}”. Your text is kept below; save again to use it.`,
    fileConflict: (who, time, theirs, yours) =>
      `${who} changed this at ${time}: “${theirs}”. ${
        yours
          ? `Your file (${yours}) was not uploaded. Choose it again and save if it should replace this one.`
          : "The attachment was not removed. Press “Remove the attachment” again if it should be removed."
      }`,
    someone: "A colleague",
    chooseOne: "Choose",
    from: "From date",
    to: "To date",
    rowsLegend: "Activities",
    rowKind: "Kind",
    rowMode: "Mode",
    rowCount: "Number",
    rowWhen: "Date (optional)",
    rowNote: "Note (optional)",
    row: (n) => `Row ${n}`,
    newRow: "New row",
    addRow: "Save and add a row",
    removeRow: (n) => `Remove row ${n}`,
    kinds: {
      "training-day": "Training day",
      "staff-meeting": "Staff meeting",
      "parent-meeting": "Parent meeting",
      gathering: "Gathering",
    },
    modes: { digital: "Digital", physical: "In person" },
    commitmentYes: "Yes, the municipality commits to this",
    attachmentTypes: (types, size) => `File types: ${types}. At most ${size}.`,
    fileNone: "No file has been uploaded.",
    fileStored: "Uploaded:",
    fileDetails: (type, size) => `${type}, ${size}`,
    uploadHint: "The file is uploaded when you save.",
    replaceHint:
      "Choose another file if you want to replace the one uploaded. The new one is uploaded when you save.",
    removeFile: "Remove the attachment",
    fileSaved: "The attachment has been uploaded.",
    fileRemoved: "The attachment has been removed.",
    numberHint: (min, max) => `A whole number from ${min} to ${max}.`,
    monthsHint: (min, max) => `The period must last from ${min} to ${max} months.`,
    publicTitle: (p) => `Applying for ${p}`,
    publicLead:
      "Here you can read what the application asks. You must sign in to apply for the municipality.",
    roundOpen: (d) => `The application round is open. The deadline is ${d}.`,
    roundClosed: (d) => `The application round is closed. The deadline was ${d}.`,
    roundNotYet: "No application round is open now.",
    signInToApply: "Sign in to apply",
    goToApplications: "Go to the municipality's applications",
    questionsHeading: "The questions of the application",
    required: "Required",
    applicationHeading: "Application",
    readQuestions: "Read the questions of the application",
    sectionHeading: "How the municipality applies",
    roundForCohort: (n, from, to) =>
      `The application round is for cohort ${n}, from ${from} to ${to}.`,
    applyNow: "Apply for the municipality",
  },
};
