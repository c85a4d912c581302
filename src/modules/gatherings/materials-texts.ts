import type { ErrorCatalogues } from "../../web/form-errors";
import type { Lang } from "../../web/i18n";
import type { AuditActionTexts } from "../identity";

/** Materials of a gathering: the organiser's page, and the participants' list. */
const nb = {
  tab: "Materiell",
  title: (title: string) => `Materiell: ${title}`,
  lead: "Filer til deltakerne, for eksempel presentasjoner og arbeidsark. Bare de som har bekreftet plass på samlingen, kan laste dem ned.",
  none: "Ingen filer er lagt til ennå.",
  material: "Tittel",
  file: "Fil",
  remove: "Fjern",
  removeNamed: (title: string) => `Fjern ${title}`,
  addTitle: "Legg til en fil",
  titleNb: "Tittel på bokmål",
  titleNn: "Tittel på nynorsk",
  fileHint: (types: string, size: string) => `Filtyper: ${types}. Høyst ${size}.`,
  tooLarge: (size: string) => `Filen er for stor. Den kan være høyst ${size}.`,
  add: "Legg til filen",
  added: "Filen er lagt til.",
  removed: "Filen er fjernet.",
  participantTitle: (title: string) => `Materiell fra ${title}`,
  participantLead: "Filene arrangøren har lagt ut for deltakerne.",
  participantLink: "Materiell fra samlingen",
  backToGathering: "Tilbake til samlingen",
};

type MaterialsTexts = typeof nb;

const nn: MaterialsTexts = {
  tab: "Materiell",
  title: (title) => `Materiell: ${title}`,
  lead: "Filer til deltakarane, til dømes presentasjonar og arbeidsark. Berre dei som har stadfesta plass på samlinga, kan laste dei ned.",
  none: "Ingen filer er lagde til enno.",
  material: "Tittel",
  file: "Fil",
  remove: "Fjern",
  removeNamed: (title) => `Fjern ${title}`,
  addTitle: "Legg til ei fil",
  titleNb: "Tittel på bokmål",
  titleNn: "Tittel på nynorsk",
  fileHint: (types, size) => `Filtypar: ${types}. Høgst ${size}.`,
  tooLarge: (size) => `Fila er for stor. Ho kan vere høgst ${size}.`,
  add: "Legg til fila",
  added: "Fila er lagd til.",
  removed: "Fila er fjerna.",
  participantTitle: (title) => `Materiell frå ${title}`,
  participantLead: "Filene arrangøren har lagt ut for deltakarane.",
  participantLink: "Materiell frå samlinga",
  backToGathering: "Tilbake til samlinga",
};

const en: MaterialsTexts = {
  tab: "Materials",
  title: (title) => `Materials: ${title}`,
  lead: "Files for the participants, such as slides and worksheets. Only those with a confirmed seat at the gathering can download them.",
  none: "No files have been added yet.",
  material: "Title",
  file: "File",
  remove: "Remove",
  removeNamed: (title) => `Remove ${title}`,
  addTitle: "Add a file",
  titleNb: "Title in Bokmål",
  titleNn: "Title in Nynorsk",
  fileHint: (types, size) => `File types: ${types}. At most ${size}.`,
  tooLarge: (size) => `The file is too large. It can be at most ${size}.`,
  add: "Add the file",
  added: "The file was added.",
  removed: "The file was removed.",
  participantTitle: (title) => `Materials from ${title}`,
  participantLead: "The files the organiser has shared with participants.",
  participantLink: "Materials from the gathering",
  backToGathering: "Back to the gathering",
};

export const materialsTexts: Record<Lang, MaterialsTexts> = { nb, nn, en };

type Code = "fileRequired" | "fileEmpty" | "fileSize" | "fileType";

const mb = (bytes: unknown) => `${Math.round(Number(bytes) / 1024 / 1024)} MB`;

export const materialsErrors: ErrorCatalogues<Code> = {
  nb: {
    fileRequired: "Velg en fil",
    fileEmpty: "Filen er tom. Velg en annen fil",
    fileSize: (e) => `Filen er for stor. Den kan være høyst ${mb(e.params.maxBytes)}`,
    fileType: (e) => `Filen må være en av disse typene: ${String(e.params.types)}`,
  },
  nn: {
    fileRequired: "Vel ei fil",
    fileEmpty: "Fila er tom. Vel ei anna fil",
    fileSize: (e) => `Fila er for stor. Ho kan vere høgst ${mb(e.params.maxBytes)}`,
    fileType: (e) => `Fila må vere ein av desse typane: ${String(e.params.types)}`,
  },
  en: {
    fileRequired: "Choose a file",
    fileEmpty: "The file is empty. Choose another file",
    fileSize: (e) => `The file is too large. It can be at most ${mb(e.params.maxBytes)}`,
    fileType: (e) => `The file must be one of these types: ${String(e.params.types)}`,
  },
};

export const materialsAuditActions: AuditActionTexts = {
  nb: {
    "gathering.material.add": {
      label: "Materiell lagt til",
      sentence: (w) => `${w.actor} la til en fil for deltakerne på en samling.`,
    },
    "gathering.material.remove": {
      label: "Materiell fjernet",
      sentence: (w) => `${w.actor} fjernet en fil fra en samling.`,
    },
  },
  nn: {
    "gathering.material.add": {
      label: "Materiell lagt til",
      sentence: (w) => `${w.actor} la til ei fil for deltakarane på ei samling.`,
    },
    "gathering.material.remove": {
      label: "Materiell fjerna",
      sentence: (w) => `${w.actor} fjerna ei fil frå ei samling.`,
    },
  },
  en: {
    "gathering.material.add": {
      label: "Material added",
      sentence: (w) => `${w.actor} added a file for the participants of a gathering.`,
    },
    "gathering.material.remove": {
      label: "Material removed",
      sentence: (w) => `${w.actor} removed a file from a gathering.`,
    },
  },
};
