type Standard = "nb" | "nn";

export type MeetingLetterInput = {
  network: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  digitalLink: string;
  agenda: string;
  /** The meeting's page in Samspill (from configuration, never a request). */
  link: string;
  /**
   * What the letter tells: the invitation (default), the meeting changed, cancelled, or a
   * reminder before it.
   */
  kind?: MeetingLetterKind;
};

export type MeetingLetterKind = "invitation" | "changed" | "cancelled" | "reminder";

const when = (standard: Standard, at: Date) =>
  new Intl.DateTimeFormat(standard === "nn" ? "nn-NO" : "nb-NO", {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: "Europe/Oslo",
  }).format(at);

const until = (standard: Standard, at: Date) =>
  new Intl.DateTimeFormat(standard === "nn" ? "nn-NO" : "nb-NO", {
    timeStyle: "short",
    timeZone: "Europe/Oslo",
  }).format(at);

type Letter = { subject: string; text: string };

const subjectPrefix: Record<Standard, Record<MeetingLetterKind, string>> = {
  nb: {
    invitation: "Møte i ",
    changed: "Endret møte i ",
    cancelled: "Avlyst møte i ",
    reminder: "Påminnelse om møte i ",
  },
  nn: {
    invitation: "Møte i ",
    changed: "Endra møte i ",
    cancelled: "Avlyst møte i ",
    reminder: "Påminning om møte i ",
  },
};

const opening: Record<Standard, Record<MeetingLetterKind, (network: string) => string>> = {
  nb: {
    invitation: (n) => `Du er invitert til møte i det lærende nettverket ${n}.`,
    changed: (n) =>
      `Møtet i det lærende nettverket ${n} er endret. Slik er det nå; kalenderfilen som ligger ved, oppdaterer avtalen i kalenderen din.`,
    cancelled: (n) =>
      `Møtet i det lærende nettverket ${n} er avlyst. Kalenderfilen som ligger ved, tar det ut av kalenderen din.`,
    reminder: (n) => `Påminnelse: snart er det møte i det lærende nettverket ${n}.`,
  },
  nn: {
    invitation: (n) => `Du er invitert til møte i det lærande nettverket ${n}.`,
    changed: (n) =>
      `Møtet i det lærande nettverket ${n} er endra. Slik er det no; kalenderfila som ligg ved, oppdaterer avtalen i kalenderen din.`,
    cancelled: (n) =>
      `Møtet i det lærande nettverket ${n} er avlyst. Kalenderfila som ligg ved, tek det ut av kalenderen din.`,
    reminder: (n) => `Påminning: snart er det møte i det lærande nettverket ${n}.`,
  },
};

/** The invitation to a network meeting, in the member's written standard (språklova § 15). */
export const meetingLetters: Record<Standard, (m: MeetingLetterInput) => Letter> = {
  nb: (m) => ({
    subject: `${subjectPrefix.nb[m.kind ?? "invitation"]}${m.network}: ${m.title}`,
    text: [
      opening.nb[m.kind ?? "invitation"](m.network),
      "",
      `${m.title}`,
      `Tid: ${when("nb", m.startsAt)}–${until("nb", m.endsAt)}`,
      ...(m.place ? [`Sted: ${m.place}`] : []),
      ...(m.digitalLink ? [`Digital lenke: ${m.digitalLink}`] : []),
      ...(m.agenda ? ["", "Saksliste:", m.agenda] : []),
      "",
      "Kalenderfilen ligger ved. Møtet, referatet og refleksjonene finner du her:",
      m.link,
      "",
      "Vennlig hilsen",
      "Samspill",
    ].join("\n"),
  }),
  nn: (m) => ({
    subject: `${subjectPrefix.nn[m.kind ?? "invitation"]}${m.network}: ${m.title}`,
    text: [
      opening.nn[m.kind ?? "invitation"](m.network),
      "",
      `${m.title}`,
      `Tid: ${when("nn", m.startsAt)}–${until("nn", m.endsAt)}`,
      ...(m.place ? [`Stad: ${m.place}`] : []),
      ...(m.digitalLink ? [`Digital lenkje: ${m.digitalLink}`] : []),
      ...(m.agenda ? ["", "Saksliste:", m.agenda] : []),
      "",
      "Kalenderfila ligg ved. Møtet, referatet og refleksjonane finn du her:",
      m.link,
      "",
      "Venleg helsing",
      "Samspill",
    ].join("\n"),
  }),
};

export const calendarFileName: Record<Standard, string> = {
  nb: "nettverksmote.ics",
  nn: "nettverksmote.ics",
};
