import type { AuditActionTexts } from "../identity";

/** What the audit log says of the feedback module's acts, in each language. */
export const feedbackAuditActions: AuditActionTexts = {
  nb: {
    "feedback.hide": {
      label: "Tilbakemelding skjult",
      sentence: (w) => `${w.actor} skjulte en tilbakemelding på siden ${w.page}.`,
    },
    "feedback.handle": {
      label: "Tilbakemelding behandlet",
      sentence: (w) => `${w.actor} markerte en tilbakemelding på siden ${w.page} som behandlet.`,
    },
  },
  nn: {
    "feedback.hide": {
      label: "Tilbakemelding gøymd",
      sentence: (w) => `${w.actor} gøymde ei tilbakemelding på sida ${w.page}.`,
    },
    "feedback.handle": {
      label: "Tilbakemelding handsama",
      sentence: (w) => `${w.actor} merkte ei tilbakemelding på sida ${w.page} som handsama.`,
    },
  },
  en: {
    "feedback.hide": {
      label: "Feedback hidden",
      sentence: (w) => `${w.actor} hid a piece of feedback on the page ${w.page}.`,
    },
    "feedback.handle": {
      label: "Feedback handled",
      sentence: (w) => `${w.actor} marked a piece of feedback on the page ${w.page} as handled.`,
    },
  },
};
