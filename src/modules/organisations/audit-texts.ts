import type { AuditActionTexts } from "../identity";

/** What the audit log says of the organisations module's acts, in each language. */
export const organisationsAuditActions: AuditActionTexts = {
  nb: {
    "register.import": {
      label: "Register lest inn",
      sentence: (w) =>
        `${w.actor} leste inn ${w.source}: ${w.added} nye, ${w.changed} endret, ${w.closed} nedlagt, ${w.rejected} avvist.`,
    },
    "written-standard.set": {
      label: "Målform satt",
      sentence: (w) => `${w.actor} satte målformen for ${w.org} til ${w.standard}.`,
    },
  },
  nn: {
    "register.import": {
      label: "Register lese inn",
      sentence: (w) =>
        `${w.actor} las inn ${w.source}: ${w.added} nye, ${w.changed} endra, ${w.closed} nedlagde, ${w.rejected} avviste.`,
    },
    "written-standard.set": {
      label: "Målform sett",
      sentence: (w) => `${w.actor} sette målforma for ${w.org} til ${w.standard}.`,
    },
  },
  en: {
    "register.import": {
      label: "Register imported",
      sentence: (w) =>
        `${w.actor} imported ${w.source}: ${w.added} new, ${w.changed} changed, ${w.closed} closed, ${w.rejected} rejected.`,
    },
    "written-standard.set": {
      label: "Written standard set",
      sentence: (w) => `${w.actor} set the written standard of ${w.org} to ${w.standard}.`,
    },
  },
};
