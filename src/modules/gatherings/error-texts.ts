import type { ErrorCatalogues } from "../../web/form-errors";

/**
 * The sentences for the refusals of the gatherings module's commands and checks, keyed by the
 * codes they return (gatherings.ts, registration.ts). The shared codes (required, max, choice,
 * date) come from web/form-errors.ts.
 */
type Code =
  | "notFound"
  | "stale"
  | "endBeforeStart"
  | "capacityRange"
  | "closesBeforeOpens"
  | "closesAfterEnd"
  | "venueRequired"
  | "linkRequired"
  | "offerHoursRange"
  | "tooMany"
  | "sessionOutside"
  | "breakCapacity"
  | "belowTaken"
  | "unknownSession"
  | "dateTime"
  | "notAllowed"
  | "notOpenYet"
  | "closed"
  | "already"
  | "overlap"
  | "sessionFull"
  | "started"
  | "notOffered"
  | "offerExpired"
  | "cancelledAlready"
  | "municipalityCodes"
  | "unknownMunicipality";

const n = (v: string | number | boolean | undefined) => String(v ?? "");

export const gatheringErrors: ErrorCatalogues<Code> = {
  nb: {
    notFound: "Vi fant ikke samlingen eller påmeldingen.",
    stale:
      "Noen andre har endret samlingen etter at du åpnet siden. Last siden på nytt og prøv igjen.",
    endBeforeStart: "Slutt må være etter start",
    capacityRange: (e) => `Antall plasser må være et helt tall fra 1 til ${e.max}`,
    closesBeforeOpens: "Påmeldingen må stenge etter at den åpner",
    closesAfterEnd: "Påmeldingen må stenge før samlingen er slutt",
    venueRequired: "Skriv hvor samlingen holdes",
    linkRequired: "Skriv lenken til det digitale møtet, som begynner med https://",
    offerHoursRange: (e) =>
      `Fristen for å bekrefte en ledig plass må være fra 1 til ${e.max} timer`,
    tooMany: (e) => `Programmet kan ha høyst ${e.max} økter`,
    sessionOutside: "Økten må ligge innenfor samlingens tid",
    breakCapacity: "En pause har ikke plassbegrensning",
    belowTaken: (e) =>
      `Antall plasser kan ikke være lavere enn de ${n(e.params.taken)} som er tatt`,
    unknownSession: "Velg blant øktene i programmet",
    dateTime: (e) =>
      `Skriv ${e.label.toLowerCase()} som dato og klokkeslett, for eksempel 1.8.2027 09:00`,
    notAllowed: "Denne samlingen er ikke åpen for påmelding fra deg.",
    notOpenYet: "Påmeldingen har ikke åpnet ennå.",
    closed: "Påmeldingen er stengt.",
    already: (e) =>
      e.params.status === "waiting"
        ? "Du står allerede på ventelisten til denne samlingen."
        : "Du er allerede påmeldt denne samlingen.",
    overlap: "Du har valgt to økter som går samtidig. Velg én av dem.",
    sessionFull: (e) => `Økten «${n(e.params.session)}» er full. Velg en annen økt.`,
    started: "Samlingen har begynt, og påmeldingen kan ikke endres.",
    notOffered: "Du har ikke fått tilbud om plass ennå. Du står på ventelisten.",
    offerExpired: "Fristen for å bekrefte plassen har gått ut, og plassen er gitt videre.",
    cancelledAlready: "Påmeldingen er avmeldt.",
    municipalityCodes: "Skriv kommunenumre med fire sifre, skilt med komma",
    unknownMunicipality: (e) => `Det finnes ingen kommune med nummer ${n(e.params.code)}`,
  },
  nn: {
    notFound: "Vi fann ikkje samlinga eller påmeldinga.",
    stale: "Nokon andre har endra samlinga etter at du opna sida. Last sida på nytt og prøv igjen.",
    endBeforeStart: "Slutt må vere etter start",
    capacityRange: (e) => `Talet på plassar må vere eit heilt tal frå 1 til ${e.max}`,
    closesBeforeOpens: "Påmeldinga må stengje etter at ho opnar",
    closesAfterEnd: "Påmeldinga må stengje før samlinga er slutt",
    venueRequired: "Skriv kvar samlinga blir halden",
    linkRequired: "Skriv lenkja til det digitale møtet, som byrjar med https://",
    offerHoursRange: (e) =>
      `Fristen for å stadfeste ein ledig plass må vere frå 1 til ${e.max} timar`,
    tooMany: (e) => `Programmet kan ha høgst ${e.max} økter`,
    sessionOutside: "Økta må liggje innanfor tida til samlinga",
    breakCapacity: "Ein pause har inga plassavgrensing",
    belowTaken: (e) =>
      `Talet på plassar kan ikkje vere lågare enn dei ${n(e.params.taken)} som er tekne`,
    unknownSession: "Vel mellom øktene i programmet",
    dateTime: (e) =>
      `Skriv ${e.label.toLowerCase()} som dato og klokkeslett, til dømes 1.8.2027 09:00`,
    notAllowed: "Denne samlinga er ikkje open for påmelding frå deg.",
    notOpenYet: "Påmeldinga har ikkje opna enno.",
    closed: "Påmeldinga er stengd.",
    already: (e) =>
      e.params.status === "waiting"
        ? "Du står allereie på ventelista til denne samlinga."
        : "Du er allereie påmeld til denne samlinga.",
    overlap: "Du har valt to økter som går samtidig. Vel éi av dei.",
    sessionFull: (e) => `Økta «${n(e.params.session)}» er full. Vel ei anna økt.`,
    started: "Samlinga har byrja, og påmeldinga kan ikkje endrast.",
    notOffered: "Du har ikkje fått tilbod om plass enno. Du står på ventelista.",
    offerExpired: "Fristen for å stadfeste plassen har gått ut, og plassen er gitt vidare.",
    cancelledAlready: "Påmeldinga er meld av.",
    municipalityCodes: "Skriv kommunenummer med fire siffer, skilde med komma",
    unknownMunicipality: (e) => `Det finst ingen kommune med nummer ${n(e.params.code)}`,
  },
  en: {
    notFound: "We could not find the gathering or the registration.",
    stale:
      "Someone else changed the gathering after you opened the page. Reload the page and try again.",
    endBeforeStart: "The end must be after the start",
    capacityRange: (e) => `The number of seats must be a whole number from 1 to ${e.max}`,
    closesBeforeOpens: "Registration must close after it opens",
    closesAfterEnd: "Registration must close before the gathering ends",
    venueRequired: "Enter where the gathering is held",
    linkRequired: "Enter the link to the online meeting, starting with https://",
    offerHoursRange: (e) => `The time to confirm a freed seat must be from 1 to ${e.max} hours`,
    tooMany: (e) => `The agenda can have at most ${e.max} sessions`,
    sessionOutside: "The session must lie within the gathering's time",
    breakCapacity: "A break has no limit on places",
    belowTaken: (e) => `The number of seats cannot be lower than the ${n(e.params.taken)} taken`,
    unknownSession: "Choose among the sessions of the agenda",
    dateTime: (e) =>
      `Enter ${e.label.toLowerCase()} as a date and time, for example 1.8.2027 09:00`,
    notAllowed: "This gathering is not open for you to register.",
    notOpenYet: "Registration has not opened yet.",
    closed: "Registration has closed.",
    already: (e) =>
      e.params.status === "waiting"
        ? "You are already on the waiting list of this gathering."
        : "You are already registered for this gathering.",
    overlap: "You chose two sessions at the same time. Choose one of them.",
    sessionFull: (e) => `The session “${n(e.params.session)}” is full. Choose another session.`,
    started: "The gathering has started, and the registration can no longer be changed.",
    notOffered: "You have not been offered a seat yet. You are on the waiting list.",
    offerExpired:
      "The time to confirm the seat has passed, and the seat has gone to the next person.",
    cancelledAlready: "The registration is cancelled.",
    municipalityCodes: "Enter four-digit municipality numbers separated by commas",
    unknownMunicipality: (e) => `There is no municipality numbered ${n(e.params.code)}`,
  },
};
