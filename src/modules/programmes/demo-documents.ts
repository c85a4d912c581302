import { createRequire } from "node:module";
import type { DocumentTitles } from "./documents";

/**
 * The documents the demo's programme pages link to, as small PDFs made when the demo is seeded
 * (our own words, marked as demo documents): IBS's information letter and FUB/FUG's longer
 * description of its offer. Tagged, with Inter embedded, like the application receipts.
 */

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve("@fontsource/inter/files/inter-latin-400-normal.woff");
const FONT_BOLD = require.resolve("@fontsource/inter/files/inter-latin-600-normal.woff");

type Block = { heading?: string; text: string };

export type DemoDocument = {
  titles: DocumentTitles;
  fileName: string;
  pdfTitle: string;
  author: string;
  blocks: Block[];
};

const DEMO_NOTE =
  "Dette er et eksempeldokument i demoen av Samspill. Innholdet er skrevet for demoen og er ikke et offisielt brev.";

export const ibsLetter: DemoDocument = {
  titles: {
    titleNb: "Les fullstendig informasjonsbrev om tilbudet",
    titleNn: "Les heile informasjonsbrevet om tilbodet",
    titleEn: "Read the full information letter about the programme",
  },
  fileName: "informasjonsbrev-inkluderende-barnehage-og-skolemiljo.pdf",
  pdfTitle: "Informasjonsbrev: Inkluderende barnehage- og skolemiljø",
  author: "Utdanningsdirektoratet",
  blocks: [
    { text: "Til kommuner, barnehageeiere og skoleeiere" },
    {
      text: "Utdanningsdirektoratet tilbyr kommuner, barnehager og skoler støtte til å bygge trygge og gode miljøer der alle barn og elever hører til. Dette brevet forteller kort hva tilbudet gir, og hva vi venter av dem som deltar.",
    },
    {
      heading: "Hva tilbudet gir",
      text: "Deltakerne møtes på samlinger nasjonalt og i fylket, får støtte til utviklingsarbeid i egen barnehage eller skole og er med i et lærende nettverk som kommunen leder. Kommunen får støtte til en lokal ressursperson som følger opp arbeidet.",
    },
    {
      heading: "Hva deltakerne forplikter seg til",
      text: "Ledere og ansatte setter av tid til arbeidet i to år, deltar på samlingene og arbeider mellom dem med spørsmål fra egen praksis. Vi anbefaler at PP-tjenesten er med i arbeidet.",
    },
    {
      heading: "Slik blir kommunen med",
      text: "Tilbudet gis i puljer. Statsforvalteren inviterer kommuner i sitt fylke, og kommunen melder på barnehager og skoler innen fristen for puljen.",
    },
    {
      heading: "Spørsmål",
      text: "Skriv til oss gjennom kontaktskjemaet på tilbudssiden, så svarer IBS-teamet.",
    },
    { text: DEMO_NOTE },
  ],
};

export const fubDescription: DemoDocument = {
  titles: {
    titleNb: "Les mer om tilbudet her",
    titleNn: "Les meir om tilbodet her",
    titleEn: "Read more about the offer here",
  },
  fileName: "bedre-foreldresamarbeid-om-tilbudet.pdf",
  pdfTitle: "Bedre foreldresamarbeid: mer om tilbudet",
  author: "FUB og FUG",
  blocks: [
    {
      text: "FUB og FUG tilbyr kommuner et opplegg som styrker samarbeidet mellom hjem og barnehage og mellom hjem og skole, til det beste for barnet.",
    },
    {
      heading: "Innhold",
      text: "Opplegget tilpasses hver kommune. Det kan bestå av kompetansedager for ansatte, personalmøter, foreldremøter og samlinger, de fleste digitale og noen fysiske. FUB og FUG veileder kommunen underveis.",
    },
    {
      heading: "Varighet",
      text: "Et forløp varer fra ett til to år. Når søknaden er innvilget, lager kommunen og FUB/FUG en plan sammen.",
    },
    {
      heading: "Søknad",
      text: "Kommunen søker i Samspill når en søknadsrunde er åpen. Søknaden spør hvorfor kommunen vil delta, hvordan arbeidet er forankret i ledelsen, og hvilket omfang kommunen ønsker.",
    },
    {
      heading: "Kostnader",
      text: "Selve tilbudet er gratis. Kommunen dekker egne kostnader til lokaler, vikarer og reiser.",
    },
    { text: DEMO_NOTE },
  ],
};

/** A demo document as a tagged PDF in bokmål. */
export async function demoDocumentPdf(doc: DemoDocument): Promise<Buffer> {
  const { default: PDFDocument } = await import("pdfkit");
  const pdf = new PDFDocument({
    size: "A4",
    margin: 64,
    pdfVersion: "1.7",
    tagged: true,
    displayTitle: true,
    lang: "nb-NO",
    // pdfkit declares PDF/UA-1 conformance in the metadata (its types list only PDF/A).
    subset: "PDF/UA" as never,
    info: { Title: doc.pdfTitle, Author: doc.author, Subject: doc.pdfTitle },
  });
  pdf.registerFont("Inter", FONT_REGULAR);
  pdf.registerFont("Inter-Bold", FONT_BOLD);
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  const root = pdf.struct("Document");
  pdf.addStructure(root);
  const block = (tag: string, font: string, size: number, text: string, gap: number) => {
    root.add(
      pdf.struct(tag, {}, () => {
        pdf.font(font).fontSize(size).text(text);
      }),
    );
    pdf.moveDown(gap);
  };
  block("H1", "Inter-Bold", 18, doc.pdfTitle, 0.8);
  for (const b of doc.blocks) {
    if (b.heading) block("H2", "Inter-Bold", 12, b.heading, 0.3);
    block("P", "Inter", 11, b.text, 0.8);
  }
  root.end();
  pdf.end();
  return done;
}
