import type { Lang } from "../../web/i18n";

const nb = {
  title: (programme: string) => `Åpne data: ${programme}`,
  lead: "Tall for deltakelsen, til fri bruk: per pulje, fylke og kommune, antall barnehager og skoler som er med mot antallet i registrene, og hvor langt invitasjonene har kommet. Ingen personopplysninger og ingen fritekst.",
  json: "Alle tallene som JSON",
  counties: "Per pulje og fylke (CSV)",
  municipalities: "Per pulje og kommune (CSV)",
  chain: "Invitasjonskjeden per pulje (CSV)",
  openapi: "Beskrivelse av grensesnittet (OpenAPI)",
  licence: "Dataene kan brukes fritt etter",
  notes:
    "Fylker og kommuner er slik de var da puljen startet. Barnehager og skoler telles fra Nasjonalt barnehageregister og Nasjonalt skoleregister slik de er i dag. CSV-filene bruker semikolon og UTF-8.",
  sectionTitle: "Åpne data",
  sectionLink: "Tall for deltakelsen som åpne data (JSON og CSV)",
};

type Texts = typeof nb;

const nn: Texts = {
  title: (programme: string) => `Opne data: ${programme}`,
  lead: "Tal for deltakinga, til fri bruk: per pulje, fylke og kommune, talet på barnehagar og skular som er med mot talet i registera, og kor langt invitasjonane har kome. Ingen personopplysningar og ingen fritekst.",
  json: "Alle tala som JSON",
  counties: "Per pulje og fylke (CSV)",
  municipalities: "Per pulje og kommune (CSV)",
  chain: "Invitasjonskjeda per pulje (CSV)",
  openapi: "Skildring av grensesnittet (OpenAPI)",
  licence: "Dataa kan brukast fritt etter",
  notes:
    "Fylke og kommunar er slik dei var då puljen starta. Barnehagar og skular blir talde frå Nasjonalt barnehageregister og Nasjonalt skoleregister slik dei er i dag. CSV-filene bruker semikolon og UTF-8.",
  sectionTitle: "Opne data",
  sectionLink: "Tal for deltakinga som opne data (JSON og CSV)",
};

const en: Texts = {
  title: (programme: string) => `Open data: ${programme}`,
  lead: "Figures on participation, free to use: by cohort, county and municipality, the kindergartens and schools taking part against the number in the registers, and how far the invitations have come. No personal data and no free text.",
  json: "All figures as JSON",
  counties: "By cohort and county (CSV)",
  municipalities: "By cohort and municipality (CSV)",
  chain: "The invitation chain by cohort (CSV)",
  openapi: "Description of the interface (OpenAPI)",
  licence: "The data may be used freely under the",
  notes:
    "Counties and municipalities as they were when the cohort began. Kindergartens and schools are counted from the national registers as they are today. The CSV files use semicolons and UTF-8.",
  sectionTitle: "Open data",
  sectionLink: "Participation figures as open data (JSON and CSV)",
};

const all: Record<Lang, Texts> = { nb, nn, en };

export function openDataTexts(lang: Lang): Texts {
  return all[lang];
}
