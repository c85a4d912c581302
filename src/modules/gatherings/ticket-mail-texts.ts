// The mail a participant gets when a seat is confirmed (with the .ics and the QR code), and
// when a registration goes on the waiting list: in the written standard of the person's place.
type Standard = "nb" | "nn";

const when = (standard: Standard, at: Date) =>
  new Intl.DateTimeFormat(standard === "nn" ? "nn-NO" : "nb-NO", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Oslo",
  }).format(at);

export type ConfirmationLetterInput = {
  title: string;
  startsAt: Date;
  endsAt: Date;
  /** Venue and address; empty for a digital gathering. */
  place: string;
  /** The digital link, for a digital or hybrid gathering; else empty. */
  digitalLink: string;
  /** The check-in code as shown ("ABCD-EFGH"). */
  code: string;
  /** The gathering's page (from configuration, never a request). */
  link: string;
};

/** The names of the attachments, in the letter's standard. */
export const attachmentNames: Record<Standard, { calendar: string; qr: string }> = {
  nb: { calendar: "samling.ics", qr: "innsjekking.png" },
  nn: { calendar: "samling.ics", qr: "innsjekking.png" },
};

/** A seat confirmed: when and where, the digital link, the check-in code, the link back. */
export function confirmationLetter(standard: Standard, r: ConfirmationLetterInput) {
  if (standard === "nn") {
    return {
      subject: `Påmeld: ${r.title}`,
      text: [
        `Du er påmeld til ${r.title}.`,
        "",
        `Tid: ${when("nn", r.startsAt)} – ${when("nn", r.endsAt)}`,
        ...(r.place ? [`Stad: ${r.place}`] : []),
        ...(r.digitalLink ? [`Digitalt møte: ${r.digitalLink}`] : []),
        "",
        `Innsjekkingskoden din er ${r.code}. Vis QR-koden i vedlegget når du kjem, eller sei koden, så sjekkar arrangøren deg inn.`,
        "",
        "Kalenderfila i vedlegget legg samlinga inn i kalenderen din.",
        "",
        "Sjå programmet eller meld deg av her:",
        r.link,
        "",
        "Venleg helsing",
        "Samspill",
      ].join("\n"),
    };
  }
  return {
    subject: `Påmeldt: ${r.title}`,
    text: [
      `Du er påmeldt ${r.title}.`,
      "",
      `Tid: ${when("nb", r.startsAt)} – ${when("nb", r.endsAt)}`,
      ...(r.place ? [`Sted: ${r.place}`] : []),
      ...(r.digitalLink ? [`Digitalt møte: ${r.digitalLink}`] : []),
      "",
      `Innsjekkingskoden din er ${r.code}. Vis QR-koden i vedlegget når du kommer, eller si koden, så sjekker arrangøren deg inn.`,
      "",
      "Kalenderfilen i vedlegget legger samlingen inn i kalenderen din.",
      "",
      "Se programmet eller meld deg av her:",
      r.link,
      "",
      "Vennlig hilsen",
      "Samspill",
    ].join("\n"),
  };
}

export type WaitingLetterInput = {
  title: string;
  startsAt: Date;
  /** Place on the waiting list, 1 first. */
  position: number;
  /** Hours a freed seat is held for the person to confirm it. */
  offerHours: number;
  link: string;
};

/** A registration on the waiting list: the place in line, and what happens when a seat frees. */
export function waitingLetter(standard: Standard, r: WaitingLetterInput) {
  if (standard === "nn") {
    return {
      subject: `Venteliste: ${r.title}`,
      text: [
        `${r.title} (${when("nn", r.startsAt)}) er full, så du står på ventelista. Du er nummer ${r.position} i køen.`,
        "",
        `Blir ein plass ledig, får du ein e-post og ${r.offerHours} timar på å stadfeste han.`,
        "",
        "Sjå plassen din i køen eller meld deg av her:",
        r.link,
        "",
        "Venleg helsing",
        "Samspill",
      ].join("\n"),
    };
  }
  return {
    subject: `Venteliste: ${r.title}`,
    text: [
      `${r.title} (${when("nb", r.startsAt)}) er full, så du står på ventelisten. Du er nummer ${r.position} i køen.`,
      "",
      `Blir en plass ledig, får du en e-post og ${r.offerHours} timer på å bekrefte den.`,
      "",
      "Se plassen din i køen eller meld deg av her:",
      r.link,
      "",
      "Vennlig hilsen",
      "Samspill",
    ].join("\n"),
  };
}
