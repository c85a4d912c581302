import type { ErrorCatalogues } from "../../web/form-errors";

/**
 * The sentences for the refusals of the door, the attendance and the closing (door.ts), keyed
 * by the codes they return. The views use them before the module's other codes (error-texts.ts).
 */
type Code =
  | "codeFormat"
  | "otherGathering"
  | "unknownCode"
  | "cancelledRegistration"
  | "notConfirmed"
  | "gatheringClosed"
  | "unknownRegistration"
  | "presentRange"
  | "notStarted";

export const doorErrors: ErrorCatalogues<Code> = {
  nb: {
    codeFormat: "Skriv koden slik den står i e-posten, åtte tegn, for eksempel ABCD-EFGH",
    otherGathering: "Koden hører til en annen samling. Be deltakeren finne e-posten for denne.",
    unknownCode: "Vi fant ingen påmelding med denne koden. Sjekk koden, eller søk i listen.",
    cancelledRegistration: "Denne påmeldingen er avmeldt.",
    notConfirmed: (e) =>
      e.params.status === "offered"
        ? "Deltakeren har fått tilbud om plass, men har ikke bekreftet den."
        : "Deltakeren står på ventelisten og har ikke plass.",
    gatheringClosed: "Samlingen er avsluttet, og ingen kan sjekkes inn lenger.",
    unknownRegistration: "Vi fant ikke denne deltakeren blant de påmeldte.",
    presentRange: (e) => `Antall til stede må være et helt tall fra 0 til ${e.max}`,
    notStarted: "Samlingen kan avsluttes når den har begynt.",
  },
  nn: {
    codeFormat: "Skriv koden slik han står i e-posten, åtte teikn, til dømes ABCD-EFGH",
    otherGathering: "Koden høyrer til ei anna samling. Be deltakaren finne e-posten for denne.",
    unknownCode: "Vi fann inga påmelding med denne koden. Sjekk koden, eller søk i lista.",
    cancelledRegistration: "Denne påmeldinga er meld av.",
    notConfirmed: (e) =>
      e.params.status === "offered"
        ? "Deltakaren har fått tilbod om plass, men har ikkje stadfesta han."
        : "Deltakaren står på ventelista og har ikkje plass.",
    gatheringClosed: "Samlinga er avslutta, og ingen kan sjekkast inn lenger.",
    unknownRegistration: "Vi fann ikkje denne deltakaren mellom dei påmelde.",
    presentRange: (e) => `Talet til stades må vere eit heilt tal frå 0 til ${e.max}`,
    notStarted: "Samlinga kan avsluttast når ho har byrja.",
  },
  en: {
    codeFormat: "Enter the code as it is in the e-mail, eight characters, for example ABCD-EFGH",
    otherGathering:
      "The code belongs to another gathering. Ask the participant for the e-mail for this one.",
    unknownCode: "No registration has this code. Check the code, or search the list.",
    cancelledRegistration: "This registration has been cancelled.",
    notConfirmed: (e) =>
      e.params.status === "offered"
        ? "The participant has been offered a seat but has not confirmed it."
        : "The participant is on the waiting list and has no seat.",
    gatheringClosed: "The gathering is closed, and nobody can be checked in any more.",
    unknownRegistration: "This participant is not among those registered.",
    presentRange: (e) => `The number present must be a whole number from 0 to ${e.max}`,
    notStarted: "A gathering can be closed once it has started.",
  },
};
