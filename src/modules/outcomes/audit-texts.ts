import type { AuditActionTexts } from "../identity";

/** What the audit log says of the outcomes module's acts, in each language. */
export const outcomesAuditActions: AuditActionTexts = {
  nb: {
    "outcome.import": {
      label: "Elevundersøkelsen importert",
      sentence: (w) => `${w.actor} importerte resultater fra Elevundersøkelsen.`,
    },
  },
  nn: {
    "outcome.import": {
      label: "Elevundersøkinga importert",
      sentence: (w) => `${w.actor} importerte resultat frå Elevundersøkinga.`,
    },
  },
  en: {
    "outcome.import": {
      label: "Pupil survey imported",
      sentence: (w) => `${w.actor} imported results from the Pupil Survey (Elevundersøkelsen).`,
    },
  },
};
