import type { AuditActionTexts } from "../identity";

/** What the audit log says of the programmes module's acts, in each language. */
export const programmesAuditActions: AuditActionTexts = {
  nb: {
    "programme.publish": {
      label: "Tilbud publisert",
      sentence: (w) => `${w.actor} publiserte ${w.programme}.`,
    },
    "programme.unpublish": {
      label: "Tilbud avpublisert",
      sentence: (w) => `${w.actor} avpubliserte ${w.programme}.`,
    },
    "programme.rules.save": {
      label: "Regler for tilbud lagret",
      sentence: (w) => `${w.actor} endret reglene for ${w.programme}.`,
    },
    "programme.text.save": {
      label: "Tekst for tilbud lagret",
      sentence: (w) => `${w.actor} lagret teksten på ${w.standard} for ${w.programme}.`,
    },
    "programme.text.restore": {
      label: "Tekstversjon gjenopprettet",
      sentence: (w) =>
        `${w.actor} gjenopprettet en tidligere tekst på ${w.standard} for ${w.programme}.`,
    },
  },
  nn: {
    "programme.publish": {
      label: "Tilbod publisert",
      sentence: (w) => `${w.actor} publiserte ${w.programme}.`,
    },
    "programme.unpublish": {
      label: "Tilbod avpublisert",
      sentence: (w) => `${w.actor} avpubliserte ${w.programme}.`,
    },
    "programme.rules.save": {
      label: "Reglar for tilbod lagra",
      sentence: (w) => `${w.actor} endra reglane for ${w.programme}.`,
    },
    "programme.text.save": {
      label: "Tekst for tilbod lagra",
      sentence: (w) => `${w.actor} lagra teksten på ${w.standard} for ${w.programme}.`,
    },
    "programme.text.restore": {
      label: "Tekstversjon henta fram att",
      sentence: (w) =>
        `${w.actor} henta fram att ein tidlegare tekst på ${w.standard} for ${w.programme}.`,
    },
  },
  en: {
    "programme.publish": {
      label: "Programme published",
      sentence: (w) => `${w.actor} published ${w.programme}.`,
    },
    "programme.unpublish": {
      label: "Programme unpublished",
      sentence: (w) => `${w.actor} unpublished ${w.programme}.`,
    },
    "programme.rules.save": {
      label: "Programme rules saved",
      sentence: (w) => `${w.actor} changed the rules of ${w.programme}.`,
    },
    "programme.text.save": {
      label: "Programme text saved",
      sentence: (w) => `${w.actor} saved the ${w.standard} text of ${w.programme}.`,
    },
    "programme.text.restore": {
      label: "Text version restored",
      sentence: (w) => `${w.actor} restored an earlier ${w.standard} text of ${w.programme}.`,
    },
  },
};
