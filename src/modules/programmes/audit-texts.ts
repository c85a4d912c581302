import type { AuditActionTexts } from "../identity";

/** What the audit log says of the programmes module's acts, in each language. */
export const programmesAuditActions: AuditActionTexts = {
  nb: {
    "programme.document.add": {
      label: "Dokument lagt til tilbudsside",
      sentence: (w) => `${w.actor} la til et dokument på siden for ${w.programme}.`,
    },
    "programme.document.remove": {
      label: "Dokument fjernet fra tilbudsside",
      sentence: (w) => `${w.actor} fjernet et dokument fra siden for ${w.programme}.`,
    },
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
    "programme.document.add": {
      label: "Dokument lagt til tilbodsside",
      sentence: (w) => `${w.actor} la til eit dokument på sida for ${w.programme}.`,
    },
    "programme.document.remove": {
      label: "Dokument fjerna frå tilbodsside",
      sentence: (w) => `${w.actor} fjerna eit dokument frå sida for ${w.programme}.`,
    },
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
    "programme.document.add": {
      label: "Document added to programme page",
      sentence: (w) => `${w.actor} added a document to the page of ${w.programme}.`,
    },
    "programme.document.remove": {
      label: "Document removed from programme page",
      sentence: (w) => `${w.actor} removed a document from the page of ${w.programme}.`,
    },
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
