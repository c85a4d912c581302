import type { FormDefinition } from "./form-definition";

/**
 * The application form of FUB/FUG's offer as the demo builds it (our own words): what the
 * offer asks of a municipality, in the form a programme admin would build in the editor.
 */
export const fubApplicationForm: FormDefinition = {
  sections: [
    {
      id: "motivasjon",
      title: { nb: "Motivasjon", nn: "Motivasjon", en: "Motivation" },
      intro: {
        nb: "Fortell hvorfor kommunen ønsker tilbudet.",
        nn: "Fortel kvifor kommunen ønskjer tilbodet.",
        en: "Tell us why the municipality wants the offer.",
      },
      questions: [
        {
          id: "hvorfor",
          kind: "long-text",
          label: {
            nb: "Hvorfor ønsker kommunen å styrke samarbeidet mellom hjem og barnehage eller skole?",
            nn: "Kvifor ønskjer kommunen å styrkje samarbeidet mellom heim og barnehage eller skule?",
            en: "Why does the municipality want to strengthen cooperation between home and kindergarten or school?",
          },
          help: {
            nb: "Beskriv behovet slik dere ser det nå. Ikke skriv opplysninger om enkeltbarn.",
            nn: "Beskriv behovet slik de ser det no. Ikkje skriv opplysningar om einskildborn.",
            en: "Describe the need as you see it now. Do not write about individual children.",
          },
          required: true,
          maxLength: 3000,
        },
        {
          id: "malgruppe",
          kind: "multiple-choice",
          label: { nb: "Hvem gjelder det?", nn: "Kven gjeld det?", en: "Who is it for?" },
          required: true,
          options: [
            {
              value: "barnehage",
              label: { nb: "Barnehager", nn: "Barnehagar", en: "Kindergartens" },
            },
            { value: "skole", label: { nb: "Skoler", nn: "Skular", en: "Schools" } },
          ],
        },
      ],
    },
    {
      id: "forankring",
      title: {
        nb: "Organisatorisk og strukturell forankring",
        nn: "Organisatorisk og strukturell forankring",
        en: "Organisational and structural anchoring",
      },
      questions: [
        {
          id: "ledelse",
          kind: "long-text",
          label: {
            nb: "Hvordan vil kommunen sikre arbeidet organisatorisk?",
            nn: "Korleis vil kommunen sikre arbeidet organisatorisk?",
            en: "How will the municipality secure the work organisationally?",
          },
          help: {
            nb: "Hvem leder arbeidet, og hvordan er ledelsen i barnehagene og skolene med?",
            nn: "Kven leier arbeidet, og korleis er leiinga i barnehagane og skulane med?",
            en: "Who leads the work, and how are the leaders of the kindergartens and schools involved?",
          },
          required: true,
          maxLength: 3000,
        },
        {
          id: "struktur",
          kind: "long-text",
          label: {
            nb: "Hvordan vil kommunen sikre arbeidet strukturelt?",
            nn: "Korleis vil kommunen sikre arbeidet strukturelt?",
            en: "How will the municipality secure the work structurally?",
          },
          help: {
            nb: "For eksempel planer, møteplasser og tid satt av til arbeidet.",
            nn: "Til dømes planar, møteplassar og tid sett av til arbeidet.",
            en: "For example plans, meeting places and time set aside for the work.",
          },
          required: true,
          maxLength: 3000,
        },
        {
          id: "foreldreutvalg",
          kind: "single-choice",
          label: {
            nb: "Er foreldrerådet eller samarbeidsutvalget med i arbeidet?",
            nn: "Er foreldrerådet eller samarbeidsutvalet med i arbeidet?",
            en: "Is the parents' council or the cooperation committee part of the work?",
          },
          required: true,
          options: [
            { value: "ja", label: { nb: "Ja", nn: "Ja", en: "Yes" } },
            { value: "nei", label: { nb: "Nei, ikke ennå", nn: "Nei, ikkje enno", en: "Not yet" } },
          ],
        },
        {
          id: "foreldreutvalg-plan",
          kind: "short-text",
          label: {
            nb: "Hvordan vil dere ta dem med?",
            nn: "Korleis vil de ta dei med?",
            en: "How will you involve them?",
          },
          required: true,
          maxLength: 300,
          showIf: { question: "foreldreutvalg", anyOf: ["nei"] },
        },
      ],
    },
    {
      id: "omfang",
      title: { nb: "Omfang og varighet", nn: "Omfang og varigheit", en: "Scope and duration" },
      questions: [
        {
          id: "periode",
          kind: "date-range",
          label: { nb: "Periode", nn: "Periode", en: "Period" },
          help: {
            nb: "Tilbudet varer fra ett til to år.",
            nn: "Tilbodet varer frå eitt til to år.",
            en: "The offer lasts from one to two years.",
          },
          required: true,
          minMonths: 12,
          maxMonths: 24,
        },
        {
          id: "form",
          kind: "single-choice",
          label: { nb: "Gjennomføring", nn: "Gjennomføring", en: "Delivery" },
          required: true,
          options: [
            { value: "physical", label: { nb: "Fysisk", nn: "Fysisk", en: "In person" } },
            {
              value: "mostly-digital",
              label: { nb: "Mest digitalt", nn: "Mest digitalt", en: "Mostly digital" },
            },
          ],
        },
        {
          id: "aktiviteter",
          kind: "activity-table",
          label: {
            nb: "Planlagte aktiviteter",
            nn: "Planlagde aktivitetar",
            en: "Planned activities",
          },
          help: {
            nb: "Kompetansedager for ansatte, personalmøter og foreldremøter.",
            nn: "Kompetansedagar for tilsette, personalmøte og foreldremøte.",
            en: "Training days for staff, staff meetings and parent meetings.",
          },
          required: true,
          maxRows: 20,
        },
        {
          id: "enheter",
          kind: "number",
          label: {
            nb: "Antall barnehager og skoler som skal være med",
            nn: "Talet på barnehagar og skular som skal vere med",
            en: "Number of kindergartens and schools taking part",
          },
          required: true,
          min: 1,
          max: 500,
        },
      ],
    },
    {
      id: "forpliktelser",
      title: { nb: "Forpliktelser", nn: "Forpliktingar", en: "Commitments" },
      questions: [
        {
          id: "forpliktelser",
          kind: "commitments",
          label: {
            nb: "Kommunen forplikter seg til å",
            nn: "Kommunen forpliktar seg til å",
            en: "The municipality commits to",
          },
          required: true,
          items: [
            {
              id: "tid",
              label: {
                nb: "sette av tid til arbeidet for ledere og ansatte",
                nn: "setje av tid til arbeidet for leiarar og tilsette",
                en: "set aside time for the work for leaders and staff",
              },
            },
            {
              id: "kostnader",
              label: {
                nb: "dekke egne kostnader til lokaler, vikarer og reiser",
                nn: "dekkje eigne kostnader til lokale, vikarar og reiser",
                en: "cover its own costs of venues, substitutes and travel",
              },
            },
          ],
        },
        {
          id: "vedlegg",
          kind: "attachment",
          label: {
            nb: "Vedlegg (for eksempel et politisk vedtak)",
            nn: "Vedlegg (til dømes eit politisk vedtak)",
            en: "Attachment (for example a political decision)",
          },
          required: false,
          maxBytes: 10 * 1024 * 1024,
          types: ["pdf", "docx", "odt"],
        },
      ],
    },
  ],
};
