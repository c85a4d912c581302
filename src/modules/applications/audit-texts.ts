import type { AuditActionTexts } from "../identity";

/** What the audit log says of the applications module's acts, in each language. */
export const applicationAuditActions: AuditActionTexts = {
  nb: {
    "application-round.open": {
      label: "Søknadsrunde åpnet",
      sentence: (w) => `${w.actor} åpnet en søknadsrunde.`,
    },
    "application-round.close": {
      label: "Søknadsrunde stengt",
      sentence: (w) => `${w.actor} stengte en søknadsrunde.`,
    },
    "application-round.assessor": {
      label: "Vurderer oppnevnt",
      sentence: (w) => `${w.actor} oppnevnte en vurderer i en søknadsrunde.`,
    },
    "application.reopen": {
      label: "Søknad åpnet etter fristen",
      sentence: (w) => `${w.actor} lot en kommune sende søknaden etter fristen.`,
    },
    "application.submit-after-reopening": {
      label: "Søknad sendt etter fristen",
      sentence: (w) => `${w.actor} sendte en søknad etter fristen, etter at den var åpnet igjen.`,
    },
    "application.decide": {
      label: "Søknad avgjort",
      sentence: (w) => `${w.actor} fattet vedtak om en søknad.`,
    },
    "application.withdraw": {
      label: "Søknad trukket",
      sentence: (w) => `${w.actor} trakk en søknad.`,
    },
  },
  nn: {
    "application-round.open": {
      label: "Søknadsrunde opna",
      sentence: (w) => `${w.actor} opna ein søknadsrunde.`,
    },
    "application-round.close": {
      label: "Søknadsrunde stengd",
      sentence: (w) => `${w.actor} stengde ein søknadsrunde.`,
    },
    "application-round.assessor": {
      label: "Vurderar oppnemnd",
      sentence: (w) => `${w.actor} oppnemnde ein vurderar i ein søknadsrunde.`,
    },
    "application.reopen": {
      label: "Søknad opna etter fristen",
      sentence: (w) => `${w.actor} lét ein kommune sende søknaden etter fristen.`,
    },
    "application.submit-after-reopening": {
      label: "Søknad send etter fristen",
      sentence: (w) => `${w.actor} sende ein søknad etter fristen, etter at han var opna att.`,
    },
    "application.decide": {
      label: "Søknad avgjord",
      sentence: (w) => `${w.actor} gjorde vedtak om ein søknad.`,
    },
    "application.withdraw": {
      label: "Søknad trekt",
      sentence: (w) => `${w.actor} trekte ein søknad.`,
    },
  },
  en: {
    "application-round.open": {
      label: "Application round opened",
      sentence: (w) => `${w.actor} opened an application round.`,
    },
    "application-round.close": {
      label: "Application round closed",
      sentence: (w) => `${w.actor} closed an application round.`,
    },
    "application-round.assessor": {
      label: "Assessor named",
      sentence: (w) => `${w.actor} named an assessor of an application round.`,
    },
    "application.reopen": {
      label: "Application reopened after the deadline",
      sentence: (w) => `${w.actor} let a municipality submit its application after the deadline.`,
    },
    "application.submit-after-reopening": {
      label: "Application submitted after the deadline",
      sentence: (w) => `${w.actor} submitted an application after the deadline, once reopened.`,
    },
    "application.decide": {
      label: "Application decided",
      sentence: (w) => `${w.actor} decided an application.`,
    },
    "application.withdraw": {
      label: "Application withdrawn",
      sentence: (w) => `${w.actor} withdrew an application.`,
    },
  },
};
