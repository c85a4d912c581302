import type { AuditActionTexts } from "../identity";

// The reminder to those a gathering admits who have not registered, in the written standard of
// the person's place (språklova § 15).
type Standard = "nb" | "nn";

const when = (standard: Standard, at: Date) =>
  new Intl.DateTimeFormat(standard === "nn" ? "nn-NO" : "nb-NO", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Oslo",
  }).format(at);

export type ReminderLetterInput = {
  title: string;
  startsAt: Date;
  closesAt: Date;
  /** The gathering's page, where the person registers (from configuration). */
  link: string;
};

export const reminderLetters: Record<
  Standard,
  (r: ReminderLetterInput) => { subject: string; text: string }
> = {
  nb: (r) => ({
    subject: `Påminnelse: meld deg på ${r.title}`,
    text: [
      `Du kan melde deg på ${r.title} (${when("nb", r.startsAt)}), men vi har ikke fått påmeldingen din ennå.`,
      "",
      `Påmeldingen stenger ${when("nb", r.closesAt)}.`,
      "",
      "Se programmet og meld deg på her:",
      r.link,
      "",
      "Har du bestemt deg for ikke å komme, kan du se bort fra denne e-posten.",
      "",
      "Vennlig hilsen",
      "Samspill",
    ].join("\n"),
  }),
  nn: (r) => ({
    subject: `Påminning: meld deg på ${r.title}`,
    text: [
      `Du kan melde deg på ${r.title} (${when("nn", r.startsAt)}), men vi har ikkje fått påmeldinga di enno.`,
      "",
      `Påmeldinga stengjer ${when("nn", r.closesAt)}.`,
      "",
      "Sjå programmet og meld deg på her:",
      r.link,
      "",
      "Har du bestemt deg for ikkje å kome, kan du sjå bort frå denne e-posten.",
      "",
      "Vennleg helsing",
      "Samspill",
    ].join("\n"),
  }),
};

/** What the audit log says of the organiser's mail to invitees and participants. */
export const organiserMailAuditActions: AuditActionTexts = {
  nb: {
    "gathering.remind-invitees": {
      label: "Påminnelse om påmelding sendt",
      sentence: (w) =>
        `${w.actor} minnet dem som ikke har meldt seg på en samling, om påmeldingen.`,
    },
    "gathering.message": {
      label: "Melding til påmeldte sendt",
      sentence: (w) => `${w.actor} sendte en melding til de påmeldte på en samling.`,
    },
  },
  nn: {
    "gathering.remind-invitees": {
      label: "Påminning om påmelding send",
      sentence: (w) => `${w.actor} minte dei som ikkje har meldt seg på ei samling, om påmeldinga.`,
    },
    "gathering.message": {
      label: "Melding til påmelde send",
      sentence: (w) => `${w.actor} sende ei melding til dei påmelde på ei samling.`,
    },
  },
  en: {
    "gathering.remind-invitees": {
      label: "Registration reminder sent",
      sentence: (w) => `${w.actor} reminded those who have not registered for a gathering.`,
    },
    "gathering.message": {
      label: "Message to registered sent",
      sentence: (w) => `${w.actor} sent a message to those registered for a gathering.`,
    },
  },
};
