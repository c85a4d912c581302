import { formatDate } from "../../web/i18n";

/** A written standard: the state writes to an organisation in the one it has chosen. */
export type WrittenStandard = "nb" | "nn";

type InvitationMail = {
  programme: string;
  cohort: number;
  from: string;
  to: string;
  deadline: string;
  message: string;
  link: string;
};

type OfficeMail = {
  programme: string;
  cohort: number;
  office: string;
  deadline: string | null;
  link: string;
};

const signature = {
  nb: "Hilsen\nSamspill",
  nn: "Helsing\nSamspill",
} as const;

function messageBlock(label: string, message: string) {
  return message.trim() ? `\n${label}\n${message.trim()}\n` : "";
}

/** The e-mails of the invitation chain, in bokmål and nynorsk. */
export const chainMail = {
  nb: {
    officeInvitationSubject: (m: OfficeMail) => `Invitasjon: ${m.programme}, pulje ${m.cohort}`,
    officeInvitation: (m: OfficeMail) =>
      [
        `${m.office} er invitert til å delta i ${m.programme}, pulje ${m.cohort}.`,
        "",
        m.deadline
          ? `Inviter kommunene dere dekker innen ${formatDate("nb", m.deadline)}.`
          : "Inviter kommunene dere dekker.",
        "",
        `Inviter kommuner her: ${m.link}`,
        "",
        signature.nb,
      ].join("\n"),
    invitationSubject: (m: InvitationMail) => `Invitasjon: ${m.programme}, pulje ${m.cohort}`,
    invitation: (m: InvitationMail) =>
      [
        `${m.from} inviterer ${m.to} til å delta i ${m.programme}, pulje ${m.cohort}.`,
        messageBlock(`Melding fra ${m.from}:`, m.message),
        `Svar innen ${formatDate("nb", m.deadline)}.`,
        "",
        `Svar på invitasjonen her: ${m.link}`,
        "",
        signature.nb,
      ].join("\n"),
    reminderSubject: (m: InvitationMail) =>
      `Påminnelse: svar på invitasjonen til ${m.programme}, pulje ${m.cohort}`,
    reminder: (m: InvitationMail) =>
      [
        `${m.to} har ennå ikke svart på invitasjonen fra ${m.from} til ${m.programme}, pulje ${m.cohort}.`,
        "",
        `Fristen er ${formatDate("nb", m.deadline)}.`,
        "",
        `Svar her: ${m.link}`,
        "",
        signature.nb,
      ].join("\n"),
    extendedSubject: (m: InvitationMail) => `Ny svarfrist: ${m.programme}, pulje ${m.cohort}`,
    extended: (m: InvitationMail & { reason: string }) =>
      [
        `${m.from} har gitt ${m.to} ny frist til å svare på invitasjonen til ${m.programme}, pulje ${m.cohort}: ${formatDate("nb", m.deadline)}.`,
        messageBlock("Begrunnelse:", m.reason),
        `Svar her: ${m.link}`,
        "",
        signature.nb,
      ].join("\n"),
  },
  nn: {
    officeInvitationSubject: (m: OfficeMail) => `Invitasjon: ${m.programme}, pulje ${m.cohort}`,
    officeInvitation: (m: OfficeMail) =>
      [
        `${m.office} er invitert til å delta i ${m.programme}, pulje ${m.cohort}.`,
        "",
        m.deadline
          ? `Inviter kommunane de dekkjer innan ${formatDate("nn", m.deadline)}.`
          : "Inviter kommunane de dekkjer.",
        "",
        `Inviter kommunar her: ${m.link}`,
        "",
        signature.nn,
      ].join("\n"),
    invitationSubject: (m: InvitationMail) => `Invitasjon: ${m.programme}, pulje ${m.cohort}`,
    invitation: (m: InvitationMail) =>
      [
        `${m.from} inviterer ${m.to} til å delta i ${m.programme}, pulje ${m.cohort}.`,
        messageBlock(`Melding frå ${m.from}:`, m.message),
        `Svar innan ${formatDate("nn", m.deadline)}.`,
        "",
        `Svar på invitasjonen her: ${m.link}`,
        "",
        signature.nn,
      ].join("\n"),
    reminderSubject: (m: InvitationMail) =>
      `Påminning: svar på invitasjonen til ${m.programme}, pulje ${m.cohort}`,
    reminder: (m: InvitationMail) =>
      [
        `${m.to} har enno ikkje svart på invitasjonen frå ${m.from} til ${m.programme}, pulje ${m.cohort}.`,
        "",
        `Fristen er ${formatDate("nn", m.deadline)}.`,
        "",
        `Svar her: ${m.link}`,
        "",
        signature.nn,
      ].join("\n"),
    extendedSubject: (m: InvitationMail) => `Ny svarfrist: ${m.programme}, pulje ${m.cohort}`,
    extended: (m: InvitationMail & { reason: string }) =>
      [
        `${m.from} har gitt ${m.to} ny frist til å svare på invitasjonen til ${m.programme}, pulje ${m.cohort}: ${formatDate("nn", m.deadline)}.`,
        messageBlock("Grunngiving:", m.reason),
        `Svar her: ${m.link}`,
        "",
        signature.nn,
      ].join("\n"),
  },
} satisfies Record<WrittenStandard, unknown>;
