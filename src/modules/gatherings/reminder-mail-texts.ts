// The reminders of a gathering (decision 0026), in the written standard of the person's place:
// to those who may register and have not, before registration closes; to those with a seat,
// two days before the gathering (with the .ics and the QR code again).
type Standard = "nb" | "nn";
type Letter = { subject: string; text: string };

const when = (standard: Standard, at: Date) =>
  new Intl.DateTimeFormat(standard === "nn" ? "nn-NO" : "nb-NO", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Oslo",
  }).format(at);

export type DeadlineLetterInput = {
  title: string;
  startsAt: Date;
  closesAt: Date;
  /** The gathering's page, where one registers (from configuration, never a request). */
  link: string;
};

/** Registration closes soon, to one who may register and has not. */
export const deadlineLetters: Record<Standard, (r: DeadlineLetterInput) => Letter> = {
  nb: (r) => ({
    subject: `Påmeldingen stenger snart: ${r.title}`,
    text: [
      `Du kan melde deg på ${r.title} (${when("nb", r.startsAt)}).`,
      `Påmeldingen stenger ${when("nb", r.closesAt)}.`,
      "",
      "Les programmet og meld deg på her:",
      r.link,
      "",
      "Vennlig hilsen",
      "Samspill",
    ].join("\n"),
  }),
  nn: (r) => ({
    subject: `Påmeldinga stengjer snart: ${r.title}`,
    text: [
      `Du kan melde deg på ${r.title} (${when("nn", r.startsAt)}).`,
      `Påmeldinga stengjer ${when("nn", r.closesAt)}.`,
      "",
      "Les programmet og meld deg på her:",
      r.link,
      "",
      "Venleg helsing",
      "Samspill",
    ].join("\n"),
  }),
};

export type UpcomingLetterInput = {
  title: string;
  startsAt: Date;
  endsAt: Date;
  /** Venue and address; empty for a digital gathering. */
  place: string;
  /** The digital link, for a digital or hybrid gathering; else empty. */
  digitalLink: string;
  /** The check-in code as shown ("ABCD-EFGH"). */
  code: string;
  link: string;
};

/** The gathering is in two days, to one with a seat. */
export const upcomingLetters: Record<Standard, (r: UpcomingLetterInput) => Letter> = {
  nb: (r) => ({
    subject: `Påminnelse: ${r.title}`,
    text: [
      `Velkommen til ${r.title}!`,
      "",
      `Tid: ${when("nb", r.startsAt)} – ${when("nb", r.endsAt)}`,
      ...(r.place ? [`Sted: ${r.place}`] : []),
      ...(r.digitalLink ? [`Digitalt møte: ${r.digitalLink}`] : []),
      "",
      `Innsjekkingskoden din er ${r.code}. QR-koden og kalenderfilen ligger vedlagt igjen.`,
      "",
      "Se programmet eller meld deg av her:",
      r.link,
      "",
      "Vennlig hilsen",
      "Samspill",
    ].join("\n"),
  }),
  nn: (r) => ({
    subject: `Påminning: ${r.title}`,
    text: [
      `Velkomen til ${r.title}!`,
      "",
      `Tid: ${when("nn", r.startsAt)} – ${when("nn", r.endsAt)}`,
      ...(r.place ? [`Stad: ${r.place}`] : []),
      ...(r.digitalLink ? [`Digitalt møte: ${r.digitalLink}`] : []),
      "",
      `Innsjekkingskoden din er ${r.code}. QR-koden og kalenderfila ligg ved att.`,
      "",
      "Sjå programmet eller meld deg av her:",
      r.link,
      "",
      "Venleg helsing",
      "Samspill",
    ].join("\n"),
  }),
};
