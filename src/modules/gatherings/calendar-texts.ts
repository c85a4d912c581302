import type { Lang } from "../../web/i18n";

/** The participant's check-in code and calendar: on a gathering's page, and the feed's page. */
const nb = {
  ticketHeading: "Innsjekking og kalender",
  ticketLead: "Vis QR-koden når du kommer, eller si koden, så sjekker arrangøren deg inn.",
  qrAlt: (code: string) => `QR-kode for innsjekking. Koden er ${code}.`,
  yourCode: "Koden din:",
  downloadIcs: "Legg samlingen i kalenderen (.ics)",
  feedLink: "Alle samlingene dine i kalenderappen",
  feedTitle: "Samlingene i kalenderen din",
  feedLead:
    "Med en privat adresse kan kalenderappen din (Outlook, Google Kalender, Apple Kalender og andre) vise samlingene du har plass på, og holde dem oppdatert. Avmeldte samlinger blir merket som avlyst.",
  secret: "Adressen er hemmelig: alle som har den, kan se samlingene dine. Del den ikke med andre.",
  newAddress:
    "Dette er den nye adressen. Kopier den nå og lim den inn i kalenderappen som et abonnement. Vi viser den bare denne ene gangen.",
  freshHeading: "Ny kalenderadresse",
  address: "Adressen til kalenderen",
  openFeed: "Åpne kalenderen",
  live: (made: string) =>
    `Du har en kalenderadresse, laget ${made}. Av sikkerhetshensyn viser vi den ikke igjen.`,
  renewHint:
    "Har du mistet adressen, eller tror du andre har fått den, lager du en ny. Da slutter den gamle å virke.",
  none: "Du har ingen kalenderadresse.",
  make: "Lag kalenderadresse",
  renew: "Lag ny adresse",
  revoke: "Slå av adressen",
  revoked: "Kalenderadressen er slått av. Kalenderappen får ikke lenger nye samlinger fra den.",
  backToList: "Tilbake til samlingene",
};

type CalendarTexts = typeof nb;

const nn: CalendarTexts = {
  ticketHeading: "Innsjekking og kalender",
  ticketLead: "Vis QR-koden når du kjem, eller sei koden, så sjekkar arrangøren deg inn.",
  qrAlt: (code) => `QR-kode for innsjekking. Koden er ${code}.`,
  yourCode: "Koden din:",
  downloadIcs: "Legg samlinga i kalenderen (.ics)",
  feedLink: "Alle samlingane dine i kalenderappen",
  feedTitle: "Samlingane i kalenderen din",
  feedLead:
    "Med ei privat adresse kan kalenderappen din (Outlook, Google Kalender, Apple Kalender og andre) vise samlingane du har plass på, og halde dei oppdaterte. Samlingar du har meldt deg av, blir merkte som avlyste.",
  secret: "Adressa er hemmeleg: alle som har ho, kan sjå samlingane dine. Del ho ikkje med andre.",
  newAddress:
    "Dette er den nye adressa. Kopier ho no og lim ho inn i kalenderappen som eit abonnement. Vi viser ho berre denne eine gongen.",
  freshHeading: "Ny kalenderadresse",
  address: "Adressa til kalenderen",
  openFeed: "Opne kalenderen",
  live: (made) =>
    `Du har ei kalenderadresse, laga ${made}. Av omsyn til tryggleiken viser vi ho ikkje igjen.`,
  renewHint:
    "Har du mista adressa, eller trur du andre har fått ho, lagar du ei ny. Då sluttar den gamle å verke.",
  none: "Du har inga kalenderadresse.",
  make: "Lag kalenderadresse",
  renew: "Lag ny adresse",
  revoke: "Slå av adressa",
  revoked: "Kalenderadressa er slått av. Kalenderappen får ikkje lenger nye samlingar frå ho.",
  backToList: "Tilbake til samlingane",
};

const en: CalendarTexts = {
  ticketHeading: "Check-in and calendar",
  ticketLead: "Show the QR code when you arrive, or say the code, and the organiser checks you in.",
  qrAlt: (code) => `QR code for check-in. The code is ${code}.`,
  yourCode: "Your code:",
  downloadIcs: "Add the gathering to your calendar (.ics)",
  feedLink: "All your gatherings in your calendar app",
  feedTitle: "Your gatherings in your calendar",
  feedLead:
    "With a private address, your calendar app (Outlook, Google Calendar, Apple Calendar and others) can show the gatherings you have a seat at, and keep them up to date. Gatherings you cancelled are marked as cancelled.",
  secret: "The address is secret: anyone who has it can see your gatherings. Do not share it.",
  newAddress:
    "This is the new address. Copy it now and add it to your calendar app as a subscription. We show it this one time only.",
  freshHeading: "A new calendar address",
  address: "The calendar's address",
  openFeed: "Open the calendar",
  live: (made) =>
    `You have a calendar address, made on ${made}. For your security we do not show it again.`,
  renewHint:
    "If you have lost the address, or think others have it, make a new one. The old one then stops working.",
  none: "You have no calendar address.",
  make: "Make a calendar address",
  renew: "Make a new address",
  revoke: "Turn the address off",
  revoked: "The calendar address is turned off. Your calendar app gets no more gatherings from it.",
  backToList: "Back to the gatherings",
};

export const calendarTexts: Record<Lang, CalendarTexts> = { nb, nn, en };
