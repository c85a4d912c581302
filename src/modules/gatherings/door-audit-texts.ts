import type { AuditActionTexts } from "../identity";

/** What the audit log says of the door's acts (door.ts), in each language. */
export const doorAuditActions: AuditActionTexts = {
  nb: {
    "gathering.check-in": {
      label: "Sjekket inn på samling",
      sentence: (w) => `${w.actor} sjekket inn en deltaker på en samling.`,
    },
    "gathering.attendance": {
      label: "Oppmøte merket",
      sentence: (w) => `${w.actor} merket oppmøte på en samling.`,
    },
    "gathering.close": {
      label: "Samling avsluttet",
      sentence: (w) => `${w.actor} avsluttet en samling med referat og antall til stede.`,
    },
  },
  nn: {
    "gathering.check-in": {
      label: "Sjekka inn på samling",
      sentence: (w) => `${w.actor} sjekka inn ein deltakar på ei samling.`,
    },
    "gathering.attendance": {
      label: "Oppmøte merkt",
      sentence: (w) => `${w.actor} merkte oppmøte på ei samling.`,
    },
    "gathering.close": {
      label: "Samling avslutta",
      sentence: (w) => `${w.actor} avslutta ei samling med referat og talet til stades.`,
    },
  },
  en: {
    "gathering.check-in": {
      label: "Checked in at a gathering",
      sentence: (w) => `${w.actor} checked a participant in at a gathering.`,
    },
    "gathering.attendance": {
      label: "Attendance marked",
      sentence: (w) => `${w.actor} marked attendance at a gathering.`,
    },
    "gathering.close": {
      label: "Gathering closed",
      sentence: (w) => `${w.actor} closed a gathering with minutes and the number present.`,
    },
  },
};
