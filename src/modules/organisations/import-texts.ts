import type { ErrorCatalogues } from "../../web/form-errors";
import type { Lang } from "../../web/i18n";

/** The register import's preview, confirmation and run pages: bokmål, nynorsk and English. */
const nb = {
  preview: "Se hva importen vil gjøre",
  previewTitle: "Forhåndsvisning av importen",
  previewLead: (source: string, origin: string) =>
    `${source} fra ${origin}. Ingenting er endret ennå: tallene viser hva importen vil gjøre med registeret slik det er nå.`,
  coverageOf: (full: boolean): string =>
    full
      ? "Omfang: hele registeret. Enheter som mangler i filen, legges ned."
      : "Omfang: bare enhetene i filen. Ingen legges ned.",
  wouldAdd: "Legges til",
  wouldChange: "Endres",
  wouldClose: "Legges ned",
  unchanged: "Uendret",
  rejected: "Avvises",
  skipped: "Hoppes over (verken skole eller barnehage)",
  massClosureHeading: "Importen vil legge ned mange enheter",
  massClosure: (closing: number, active: number) =>
    `Importen vil legge ned ${closing} av ${active} aktive enheter. Det skjer nesten bare når filen ikke er hele registeret. Sjekk filen, eller velg «Bare disse enhetene» på nytt.`,
  confirmLegend: "Bekreft nedleggelsen",
  confirmLabel: (closing: number) => `Ja, legg ned ${closing} enheter`,
  run: "Importer",
  discard: "Avbryt og slett filen",
  gone: "Importen finnes ikke lenger. Filer som ikke er importert, slettes etter ett døgn. Last opp filen på nytt.",
  runTitle: (id: number) => `Import ${id}`,
  runLead: (source: string, origin: string) => `${source} fra ${origin}.`,
  done: "Importen er gjennomført.",
  notes: "Merknader",
  newImport: "Ny import",
  rejectedRows: "Avviste rader",
};

type ImportTexts = typeof nb;

const nn: ImportTexts = {
  preview: "Sjå kva importen vil gjere",
  previewTitle: "Førehandsvising av importen",
  previewLead: (source, origin) =>
    `${source} frå ${origin}. Ingenting er endra enno: tala viser kva importen vil gjere med registeret slik det er no.`,
  coverageOf: (full) =>
    full
      ? "Omfang: heile registeret. Einingar som manglar i fila, blir lagde ned."
      : "Omfang: berre einingane i fila. Ingen blir lagde ned.",
  wouldAdd: "Blir lagde til",
  wouldChange: "Blir endra",
  wouldClose: "Blir lagde ned",
  unchanged: "Uendra",
  rejected: "Blir avviste",
  skipped: "Blir hoppa over (verken skule eller barnehage)",
  massClosureHeading: "Importen vil leggje ned mange einingar",
  massClosure: (closing, active) =>
    `Importen vil leggje ned ${closing} av ${active} aktive einingar. Det skjer nesten berre når fila ikkje er heile registeret. Sjekk fila, eller vel «Berre desse einingane» på nytt.`,
  confirmLegend: "Stadfest nedlegginga",
  confirmLabel: (closing) => `Ja, legg ned ${closing} einingar`,
  run: "Importer",
  discard: "Avbryt og slett fila",
  gone: "Importen finst ikkje lenger. Filer som ikkje er importerte, blir sletta etter eitt døgn. Last opp fila på nytt.",
  runTitle: (id) => `Import ${id}`,
  runLead: (source, origin) => `${source} frå ${origin}.`,
  done: "Importen er gjennomført.",
  notes: "Merknader",
  newImport: "Ny import",
  rejectedRows: "Avviste rader",
};

const en: ImportTexts = {
  preview: "See what the import will do",
  previewTitle: "Import preview",
  previewLead: (source, origin) =>
    `${source} from ${origin}. Nothing has changed yet: the figures show what the import will do to the register as it is now.`,
  coverageOf: (full) =>
    full
      ? "Scope: the whole register. Units missing from the file are closed."
      : "Scope: only the units in the file. None are closed.",
  wouldAdd: "To be added",
  wouldChange: "To be changed",
  wouldClose: "To be closed",
  unchanged: "Unchanged",
  rejected: "To be rejected",
  skipped: "To be skipped (neither a school nor a kindergarten)",
  massClosureHeading: "The import will close many units",
  massClosure: (closing, active) =>
    `The import will close ${closing} of ${active} active units. That almost only happens when the file is not the whole register. Check the file, or choose "Only these units" again.`,
  confirmLegend: "Confirm the closures",
  confirmLabel: (closing) => `Yes, close ${closing} units`,
  run: "Import",
  discard: "Cancel and delete the file",
  gone: "This import no longer exists. Files that are not imported are deleted after a day. Upload the file again.",
  runTitle: (id) => `Import ${id}`,
  runLead: (source, origin) => `${source} from ${origin}.`,
  done: "The import is done.",
  notes: "Notes",
  newImport: "New import",
  rejectedRows: "Rejected rows",
};

const texts: Record<Lang, ImportTexts> = { nb, nn, en };

export function importTexts(lang: Lang): ImportTexts {
  return texts[lang];
}

/**
 * The import forms' own codes: no file, a file that is not a register listing, a register
 * that could not be fetched (`params.url`), and a mass closure not confirmed
 * (`params.closing`, the number of units to close).
 */
export const importErrors: ErrorCatalogues<
  "noFile" | "badFile" | "fetchFailed" | "confirmRequired"
> = {
  nb: {
    noFile: "Velg en fil",
    badFile: "Filen er ikke JSON i formatet til NSR/NBR API v4.",
    fetchFailed: (e) => `Fikk ikke hentet registeret fra ${e.params.url}. Prøv igjen senere.`,
    confirmRequired: (e) =>
      `Bekreft at ${e.params.closing} enheter skal legges ned, eller avbryt importen`,
  },
  nn: {
    noFile: "Vel ei fil",
    badFile: "Fila er ikkje JSON i formatet til NSR/NBR API v4.",
    fetchFailed: (e) => `Fekk ikkje henta registeret frå ${e.params.url}. Prøv igjen seinare.`,
    confirmRequired: (e) =>
      `Stadfest at ${e.params.closing} einingar skal leggjast ned, eller avbryt importen`,
  },
  en: {
    noFile: "Choose a file",
    badFile: "The file is not JSON in the NSR/NBR API v4 format.",
    fetchFailed: (e) => `Could not fetch the register from ${e.params.url}. Try again later.`,
    confirmRequired: (e) =>
      `Confirm that ${e.params.closing} units are to be closed, or cancel the import`,
  },
};
