import type { AuditActionTexts } from "../identity";

/** What the audit log says of the development module's acts, in each language. */
export const developmentAuditActions: AuditActionTexts = {
  nb: {
    "development.frame.save": {
      label: "Rammeverk lagret",
      sentence: (w) => `${w.actor} lagret en ny versjon av et rammeverk for utviklingsarbeid.`,
    },
    "development.plan.save": {
      label: "Utviklingsplan lagret",
      sentence: (w) => `${w.actor} lagret en utviklingsplan.`,
    },
    "development.measure.add": {
      label: "Tiltak lagt til",
      sentence: (w) => `${w.actor} la til et tiltak i en utviklingsplan.`,
    },
    "development.measure.status": {
      label: "Tiltak endret",
      sentence: (w) => `${w.actor} endret statusen til et tiltak.`,
    },
    "development.reflection.write": {
      label: "Refleksjon skrevet",
      sentence: (w) => `${w.actor} skrev en refleksjon.`,
    },
    "development.follow-up.log": {
      label: "Oppfølging logget",
      sentence: (w) => `${w.actor} logget en oppfølging av en enhet.`,
    },
  },
  nn: {
    "development.frame.save": {
      label: "Rammeverk lagra",
      sentence: (w) => `${w.actor} lagra ein ny versjon av eit rammeverk for utviklingsarbeid.`,
    },
    "development.plan.save": {
      label: "Utviklingsplan lagra",
      sentence: (w) => `${w.actor} lagra ein utviklingsplan.`,
    },
    "development.measure.add": {
      label: "Tiltak lagt til",
      sentence: (w) => `${w.actor} la til eit tiltak i ein utviklingsplan.`,
    },
    "development.measure.status": {
      label: "Tiltak endra",
      sentence: (w) => `${w.actor} endra statusen til eit tiltak.`,
    },
    "development.reflection.write": {
      label: "Refleksjon skriven",
      sentence: (w) => `${w.actor} skreiv ein refleksjon.`,
    },
    "development.follow-up.log": {
      label: "Oppfølging logga",
      sentence: (w) => `${w.actor} logga ei oppfølging av ei eining.`,
    },
  },
  en: {
    "development.frame.save": {
      label: "Frame saved",
      sentence: (w) => `${w.actor} saved a new version of a frame for development work.`,
    },
    "development.plan.save": {
      label: "Development plan saved",
      sentence: (w) => `${w.actor} saved a development plan.`,
    },
    "development.measure.add": {
      label: "Measure added",
      sentence: (w) => `${w.actor} added a measure to a development plan.`,
    },
    "development.measure.status": {
      label: "Measure changed",
      sentence: (w) => `${w.actor} changed the status of a measure.`,
    },
    "development.reflection.write": {
      label: "Reflection written",
      sentence: (w) => `${w.actor} wrote a reflection.`,
    },
    "development.follow-up.log": {
      label: "Follow-up logged",
      sentence: (w) => `${w.actor} logged a follow-up of a unit.`,
    },
  },
};
