import type { ErrorCatalogues } from "../../web/form-errors";

/**
 * The sentences for the development module's refusals, keyed by the codes its commands and
 * checks return. The shared codes (required, max, choice, date, nationalId) come from
 * web/form-errors.ts.
 */
type Code =
  | "endBeforeStart"
  | "noTheme"
  | "noPhase"
  | "noQuestion"
  | "staleFrame"
  | "stale"
  | "score"
  | "responsible.required"
  | "notHeldYet"
  | "minutes"
  | "future"
  | "notFound";

export const developmentErrors: ErrorCatalogues<Code> = {
  nb: {
    endBeforeStart: "Sluttdatoen kan ikke være før startdatoen",
    noTheme: "Skriv minst ett tema",
    noPhase: "Skriv minst én fase",
    noQuestion: "Skriv minst ett refleksjonsspørsmål",
    staleFrame:
      "Noen andre lagret rammeverket etter at du åpnet siden. Det du skrev står fortsatt i skjemaet; lagre igjen for å lage en ny versjon av det.",
    stale: "Noen andre lagret planen mens du skrev. Les versjonen som er lagret, og lagre igjen.",
    score: "Velg en vurdering fra 1 til 5",
    "responsible.required": "Skriv hvilken gruppe ansatte som har ansvaret",
    notHeldYet: "Samlingen eller møtet er ikke holdt ennå. Skriv refleksjonen når det er holdt.",
    minutes: "Skriv varigheten som et helt antall minutter, fra 1 til 1440",
    future: "Datoen kan ikke være fram i tid",
    notFound: "Vi fant ikke tiltaket",
  },
  nn: {
    endBeforeStart: "Sluttdatoen kan ikkje vere før startdatoen",
    noTheme: "Skriv minst eitt tema",
    noPhase: "Skriv minst éin fase",
    noQuestion: "Skriv minst eitt refleksjonsspørsmål",
    staleFrame:
      "Nokon andre lagra rammeverket etter at du opna sida. Det du skreiv står framleis i skjemaet; lagre igjen for å lage ein ny versjon av det.",
    stale: "Nokon andre lagra planen medan du skreiv. Les versjonen som er lagra, og lagre igjen.",
    score: "Vel ei vurdering frå 1 til 5",
    "responsible.required": "Skriv kva gruppe tilsette som har ansvaret",
    notHeldYet: "Samlinga eller møtet er ikkje halde enno. Skriv refleksjonen når det er halde.",
    minutes: "Skriv varigheita som eit heilt tal minutt, frå 1 til 1440",
    future: "Datoen kan ikkje vere fram i tid",
    notFound: "Vi fann ikkje tiltaket",
  },
  en: {
    endBeforeStart: "The end date cannot be before the start date",
    noTheme: "Enter at least one theme",
    noPhase: "Enter at least one phase",
    noQuestion: "Enter at least one reflection question",
    staleFrame:
      "Someone else saved the frame after you opened the page. What you wrote is still in the form; save again to make a new version of it.",
    stale:
      "Someone else saved the plan while you were writing. Read the saved version and save again.",
    score: "Choose an assessment from 1 to 5",
    "responsible.required": "Enter which group of staff is responsible",
    notHeldYet: "The gathering or meeting has not been held yet. Write the reflection once it has.",
    minutes: "Enter the duration as a whole number of minutes, from 1 to 1440",
    future: "The date cannot be in the future",
    notFound: "We did not find the measure",
  },
};
