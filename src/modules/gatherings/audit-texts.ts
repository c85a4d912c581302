import type { AuditActionTexts } from "../identity";

/** What the audit log says of the gatherings module's acts, in each language. */
export const gatheringAuditActions: AuditActionTexts = {
  nb: {
    "gathering.create": {
      label: "Samling opprettet",
      sentence: (w) => `${w.actor} opprettet en samling.`,
    },
    "gathering.edit": {
      label: "Samling endret",
      sentence: (w) => `${w.actor} endret en samling.`,
    },
  },
  nn: {
    "gathering.create": {
      label: "Samling oppretta",
      sentence: (w) => `${w.actor} oppretta ei samling.`,
    },
    "gathering.edit": {
      label: "Samling endra",
      sentence: (w) => `${w.actor} endra ei samling.`,
    },
  },
  en: {
    "gathering.create": {
      label: "Gathering created",
      sentence: (w) => `${w.actor} created a gathering.`,
    },
    "gathering.edit": {
      label: "Gathering changed",
      sentence: (w) => `${w.actor} changed a gathering.`,
    },
  },
};
