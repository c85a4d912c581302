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
};

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

/** The invitation to a network meeting, in the member's written standard (språklova § 15). */
export const meetingLetters: Record<Standard, (m: MeetingLetterInput) => Letter> = {
  nb: (m) => ({
    subject: `Møte i ${m.network}: ${m.title}`,
    text: [
      `Du er invitert til møte i det lærende nettverket ${m.network}.`,
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
    subject: `Møte i ${m.network}: ${m.title}`,
    text: [
      `Du er invitert til møte i det lærande nettverket ${m.network}.`,
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
