import type { ErrorCatalogues } from "../../web/form-errors";
import type { Lang } from "../../web/i18n";
import type { GatheringLevel } from "./schema";

/** The organiser's choice of organiser on the form, and what is outside an organiser's reach. */
type ScopeTexts = {
  organiserLabel: string;
  organiserHint: string;
  organiserIs: (name: string) => string;
  nothingToOrganise: string;
  /** The levels as a sentence names them. */
  levels: Record<GatheringLevel, string>;
};

const nb: ScopeTexts = {
  organiserLabel: "Arrangør",
  organiserHint:
    "Direktoratet og FUB/FUG arrangerer nasjonale samlinger, statsforvalteren regionale og kommunen lokale.",
  organiserIs: (name) => `Arrangør: ${name}`,
  nothingToOrganise:
    "Dere tar ikke del i noen pulje ennå. Når dere er med i en pulje, kan dere lage samlinger for den her.",
  levels: { national: "nasjonale", regional: "regionale", local: "lokale" },
};

const nn: ScopeTexts = {
  organiserLabel: "Arrangør",
  organiserHint:
    "Direktoratet og FUB/FUG arrangerer nasjonale samlingar, statsforvaltaren regionale og kommunen lokale.",
  organiserIs: (name) => `Arrangør: ${name}`,
  nothingToOrganise:
    "De tek ikkje del i noka pulje enno. Når de er med i ei pulje, kan de lage samlingar for ho her.",
  levels: { national: "nasjonale", regional: "regionale", local: "lokale" },
};

const en: ScopeTexts = {
  organiserLabel: "Organiser",
  organiserHint:
    "The Directorate and FUB/FUG hold national gatherings, the county governor's office regional ones and the municipality local ones.",
  organiserIs: (name) => `Organiser: ${name}`,
  nothingToOrganise:
    "You do not take part in any cohort yet. Once you do, you can create gatherings for it here.",
  levels: { national: "national", regional: "regional", local: "local" },
};

export const organiserScopeTexts: Record<Lang, ScopeTexts> = { nb, nn, en };

type Code =
  | "notOrganiser"
  | "cohortRequired"
  | "cohortOutsideReach"
  | "levelOfOrganiser"
  | "municipalityOutsideReach";

const p = (v: string | number | boolean | undefined) => String(v ?? "");
const level = (lang: Lang, v: string | number | boolean | undefined) =>
  organiserScopeTexts[lang].levels[p(v) as GatheringLevel] ?? p(v);

export const organiserScopeErrors: ErrorCatalogues<Code> = {
  nb: {
    notOrganiser: "Du kan bare opprette og endre samlinger for din egen organisasjon.",
    cohortRequired: "Velg puljen samlingen er for",
    cohortOutsideReach: "Velg en pulje dere er med i",
    levelOfOrganiser: (e) => `Denne arrangøren holder ${level("nb", e.params.level)} samlinger`,
    municipalityOutsideReach: (e) =>
      `Kommune ${p(e.params.code)} er utenfor området deres. Skriv bare kommuner dere har ansvar for`,
  },
  nn: {
    notOrganiser: "Du kan berre opprette og endre samlingar for din eigen organisasjon.",
    cohortRequired: "Vel pulja samlinga er for",
    cohortOutsideReach: "Vel ei pulje de er med i",
    levelOfOrganiser: (e) => `Denne arrangøren held ${level("nn", e.params.level)} samlingar`,
    municipalityOutsideReach: (e) =>
      `Kommune ${p(e.params.code)} er utanfor området dykkar. Skriv berre kommunar de har ansvar for`,
  },
  en: {
    notOrganiser: "You can only create and edit gatherings for your own organisation.",
    cohortRequired: "Choose the cohort the gathering is for",
    cohortOutsideReach: "Choose a cohort you take part in",
    levelOfOrganiser: (e) => `This organiser holds ${level("en", e.params.level)} gatherings`,
    municipalityOutsideReach: (e) =>
      `Municipality ${p(e.params.code)} is outside your area. Enter only municipalities you are responsible for`,
  },
};
