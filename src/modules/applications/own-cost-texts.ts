import type { Lang } from "../../web/i18n";

/** The programme's summary of the municipalities' own costs: bokmål, nynorsk and English. */
const nb = {
  title: "Kommunenes egne kostnader",
  lead: "Det kommunene har registrert og anslått av egne kostnader ved å delta (tilbudet selv er gratis), i hele kroner, til evalueringen.",
  none: "Ingen kommuner har registrert egne kostnader ennå.",
  perCohort: "Per pulje",
  perCounty: "Per fylke",
  perMunicipality: "Per kommune",
  cohort: "Pulje",
  county: "Fylke",
  municipality: "Kommune",
  recorded: "Registrert",
  estimated: "Anslått",
  total: "Sum",
  exportHeading: "Last ned",
  exportLead:
    "Kolonner: pulje, fylke, kommunenummer, kommune, type kostnad, anslag (ja/nei), beløp i hele kroner.",
  csv: "Last ned CSV",
  xlsx: "Last ned Excel (XLSX)",
  cohortTitle: (programme: string, n: number) => `${programme}, pulje ${n}`,
  estimate: "Anslag (kostnaden er ikke kommet ennå)",
  estimateMark: "anslag",
  link: "Kommunenes egne kostnader",
};

type OwnCostTexts = typeof nb;

const nn: OwnCostTexts = {
  title: "Eigne kostnader i kommunane",
  lead: "Det kommunane har registrert og anslått av eigne kostnader ved å delta (tilbodet sjølv er gratis), i heile kroner, til evalueringa.",
  none: "Ingen kommunar har registrert eigne kostnader enno.",
  perCohort: "Per pulje",
  perCounty: "Per fylke",
  perMunicipality: "Per kommune",
  cohort: "Pulje",
  county: "Fylke",
  municipality: "Kommune",
  recorded: "Registrert",
  estimated: "Anslått",
  total: "Sum",
  exportHeading: "Last ned",
  exportLead:
    "Kolonnar: pulje, fylke, kommunenummer, kommune, type kostnad, anslag (ja/nei), beløp i heile kroner.",
  csv: "Last ned CSV",
  xlsx: "Last ned Excel (XLSX)",
  cohortTitle: (programme, n) => `${programme}, pulje ${n}`,
  estimate: "Anslag (kostnaden er ikkje komen enno)",
  estimateMark: "anslag",
  link: "Eigne kostnader i kommunane",
};

const en: OwnCostTexts = {
  title: "The municipalities' own costs",
  lead: "What the municipalities have recorded and estimated of their own costs of taking part (the offer itself is free), in whole kroner, for the evaluation.",
  none: "No municipality has recorded costs of its own yet.",
  perCohort: "Per cohort",
  perCounty: "Per county",
  perMunicipality: "Per municipality",
  cohort: "Cohort",
  county: "County",
  municipality: "Municipality",
  recorded: "Recorded",
  estimated: "Estimated",
  total: "Total",
  exportHeading: "Download",
  exportLead:
    "Columns: cohort, county, municipality number, municipality, kind of cost, estimate (yes/no), amount in whole kroner.",
  csv: "Download CSV",
  xlsx: "Download Excel (XLSX)",
  cohortTitle: (programme, n) => `${programme}, cohort ${n}`,
  estimate: "Estimate (the cost has not been incurred yet)",
  estimateMark: "estimate",
  link: "The municipalities' own costs",
};

export const ownCostTexts = (lang: Lang): OwnCostTexts => ({ nb, nn, en })[lang];
