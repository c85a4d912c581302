import type { ErrorCatalogues } from "../../web/form-errors";
import type { Lang } from "../../web/i18n";

type Standard = "nb" | "nn";

export type FooterInput = { title: string; link: string; replyable: boolean };

/** The footer of an organiser's message, in the written standard of the person's place. */
export const messageFooters: Record<Standard, (r: FooterInput) => string> = {
  nb: (r) =>
    [
      `Du får denne meldingen fordi du er påmeldt ${r.title}.`,
      r.replyable ? "Svar på e-posten for å nå arrangøren." : "",
      `Samlingen: ${r.link}`,
    ]
      .filter(Boolean)
      .join("\n"),
  nn: (r) =>
    [
      `Du får denne meldinga fordi du er påmeld til ${r.title}.`,
      r.replyable ? "Svar på e-posten for å nå arrangøren." : "",
      `Samlinga: ${r.link}`,
    ]
      .filter(Boolean)
      .join("\n"),
};

/** The organiser's pages for mail: the reminder to those not registered, and the message. */
const nb = {
  reminderTab: "Påminnelse",
  messageTab: "Melding til påmeldte",
  reminderTitle: (title: string) => `Påminnelse om påmelding: ${title}`,
  reminderLead:
    "Send én e-post til alle som kan melde seg på samlingen, men ikke har gjort det. Hvem som kan melde seg på, følger samlingens regler for puljer, kommuner og roller. Du kan sende én påminnelse per dag.",
  notRegistered: (n: number) =>
    n === 0
      ? "Alle som kan melde seg på, har gjort det."
      : n === 1
        ? "1 person kan melde seg på, men har ikke gjort det."
        : `${n} personer kan melde seg på, men har ikke gjort det.`,
  lastReminder: (at: string, n: number) =>
    `Siste påminnelse ble sendt ${at} til ${n === 1 ? "1 person" : `${n} personer`}.`,
  sendReminder: (n: number) =>
    n === 1 ? "Send påminnelse til 1 person" : `Send påminnelse til ${n} personer`,
  reminderSent: (n: number) =>
    n === 1 ? "Påminnelsen er sendt til 1 person." : `Påminnelsen er sendt til ${n} personer.`,
  messageTitle: (title: string) => `Melding til påmeldte: ${title}`,
  messageLead:
    "Meldingen sendes som e-post til alle med plass på samlingen. Svar fra deltakerne kommer til e-postadressen din.",
  recipients: (seated: number, waiting: number) =>
    `${seated === 1 ? "1 har" : `${seated} har`} plass, og ${waiting} står på ventelisten.`,
  subject: "Emne",
  text: "Melding",
  textHint: "Skriv ikke noe som kan identifisere et barn.",
  includeWaiting: "Mottakere",
  includeWaitingOption: "Send også til dem på ventelisten",
  send: "Send meldingen",
  messageSent: (n: number) =>
    n === 1 ? "Meldingen er sendt til 1 person." : `Meldingen er sendt til ${n} personer.`,
};

type MessagesTexts = typeof nb;

const nn: MessagesTexts = {
  reminderTab: "Påminning",
  messageTab: "Melding til påmelde",
  reminderTitle: (title) => `Påminning om påmelding: ${title}`,
  reminderLead:
    "Send éin e-post til alle som kan melde seg på samlinga, men ikkje har gjort det. Kven som kan melde seg på, følgjer reglane til samlinga for puljer, kommunar og roller. Du kan sende éi påminning per dag.",
  notRegistered: (n) =>
    n === 0
      ? "Alle som kan melde seg på, har gjort det."
      : n === 1
        ? "1 person kan melde seg på, men har ikkje gjort det."
        : `${n} personar kan melde seg på, men har ikkje gjort det.`,
  lastReminder: (at, n) =>
    `Siste påminning vart send ${at} til ${n === 1 ? "1 person" : `${n} personar`}.`,
  sendReminder: (n) =>
    n === 1 ? "Send påminning til 1 person" : `Send påminning til ${n} personar`,
  reminderSent: (n) =>
    n === 1 ? "Påminninga er send til 1 person." : `Påminninga er send til ${n} personar.`,
  messageTitle: (title) => `Melding til påmelde: ${title}`,
  messageLead:
    "Meldinga blir send som e-post til alle med plass på samlinga. Svar frå deltakarane kjem til e-postadressa di.",
  recipients: (seated, waiting) =>
    `${seated === 1 ? "1 har" : `${seated} har`} plass, og ${waiting} står på ventelista.`,
  subject: "Emne",
  text: "Melding",
  textHint: "Skriv ikkje noko som kan identifisere eit barn.",
  includeWaiting: "Mottakarar",
  includeWaitingOption: "Send òg til dei på ventelista",
  send: "Send meldinga",
  messageSent: (n) =>
    n === 1 ? "Meldinga er send til 1 person." : `Meldinga er send til ${n} personar.`,
};

const en: MessagesTexts = {
  reminderTab: "Reminder",
  messageTab: "Message to registered",
  reminderTitle: (title) => `Registration reminder: ${title}`,
  reminderLead:
    "Send one e-mail to everyone who may register for the gathering but has not. Who may register follows the gathering's rules for cohorts, municipalities and roles. You can send one reminder a day.",
  notRegistered: (n) =>
    n === 0
      ? "Everyone who may register has done so."
      : n === 1
        ? "1 person may register but has not."
        : `${n} people may register but have not.`,
  lastReminder: (at, n) =>
    `The last reminder was sent ${at} to ${n === 1 ? "1 person" : `${n} people`}.`,
  sendReminder: (n) => (n === 1 ? "Send a reminder to 1 person" : `Send a reminder to ${n} people`),
  reminderSent: (n) =>
    n === 1 ? "The reminder was sent to 1 person." : `The reminder was sent to ${n} people.`,
  messageTitle: (title) => `Message to registered: ${title}`,
  messageLead:
    "The message is sent by e-mail to everyone with a seat at the gathering. Replies from participants come to your e-mail address.",
  recipients: (seated, waiting) =>
    `${seated} ${seated === 1 ? "has" : "have"} a seat, and ${waiting} ${waiting === 1 ? "is" : "are"} on the waiting list.`,
  subject: "Subject",
  text: "Message",
  textHint: "Do not write anything that could identify a child.",
  includeWaiting: "Recipients",
  includeWaitingOption: "Also send to those on the waiting list",
  send: "Send the message",
  messageSent: (n) =>
    n === 1 ? "The message was sent to 1 person." : `The message was sent to ${n} people.`,
};

export const messagesTexts: Record<Lang, MessagesTexts> = { nb, nn, en };

type Code =
  | "reminderWindowClosed"
  | "reminderNotOpen"
  | "reminderSentToday"
  | "reminderNobody"
  | "messageNobody"
  | "messageStale";

/** The refusals of the reminder and the message (invitee-reminder.ts, messages.ts). */
export const messagesErrors: ErrorCatalogues<Code> = {
  nb: {
    reminderWindowClosed: "Påmeldingen er stengt, så det er ingen å minne på.",
    reminderNotOpen: "Påmeldingen har ikke åpnet ennå. Send påminnelsen når den er åpen.",
    reminderSentToday: "En påminnelse er allerede sendt i dag. Du kan sende en ny i morgen.",
    reminderNobody: "Alle som kan melde seg på, har gjort det. Ingen påminnelse er sendt.",
    messageNobody: "Ingen er påmeldt ennå, så meldingen har ingen mottakere.",
    messageStale: "Skjemaet var for gammelt. Last inn siden på nytt og send meldingen igjen.",
  },
  nn: {
    reminderWindowClosed: "Påmeldinga er stengd, så det er ingen å minne på.",
    reminderNotOpen: "Påmeldinga har ikkje opna enno. Send påminninga når ho er open.",
    reminderSentToday: "Ei påminning er alt send i dag. Du kan sende ei ny i morgon.",
    reminderNobody: "Alle som kan melde seg på, har gjort det. Inga påminning er send.",
    messageNobody: "Ingen er påmelde enno, så meldinga har ingen mottakarar.",
    messageStale: "Skjemaet var for gammalt. Last inn sida på nytt og send meldinga igjen.",
  },
  en: {
    reminderWindowClosed: "Registration is closed, so there is nobody to remind.",
    reminderNotOpen: "Registration has not opened yet. Send the reminder once it is open.",
    reminderSentToday: "A reminder has already been sent today. You can send another tomorrow.",
    reminderNobody: "Everyone who may register has done so. No reminder was sent.",
    messageNobody: "Nobody has registered yet, so the message has no recipients.",
    messageStale: "The form was too old. Reload the page and send the message again.",
  },
};
