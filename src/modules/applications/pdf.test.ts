import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import type { Answers } from "./answers";
import { fubApplicationForm } from "./fub-form";
import { applicationPdf } from "./pdf";

const text = (value: string) => ({ kind: "text" as const, value });
const answers: Answers = {
  hvorfor: text("Vi vil bli bedre på foreldremøter i alle barnehager."),
  malgruppe: { kind: "choices", values: ["barnehage"] },
  foreldreutvalg: text("nei"),
  "foreldreutvalg-plan": text("Vi inviterer foreldrerådet til første møte."),
  periode: { kind: "range", from: "2027-08-01", to: "2028-07-31" },
  aktiviteter: {
    kind: "rows",
    rows: [{ kind: "parent-meeting", mode: "digital", count: "3", when: "", note: "Høst" }],
  },
  forpliktelser: { kind: "choices", values: ["tid", "kostnader"] },
};

/** The text a reader (or a screen reader) gets out of the PDF, page by page. */
async function extract(pdf: Buffer) {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const lines: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    lines.push(
      content.items.map((i) => ("str" in i ? i.str + (i.hasEOL ? "\n" : "") : "")).join(""),
    );
  }
  const marked = (await doc.getMarkInfo())?.Marked === true;
  const tree = await (await doc.getPage(1)).getStructTree();
  const meta = await doc.getMetadata();
  return { text: lines.join("\n"), marked, tree, meta };
}

describe("the PDF copy of a submitted application", () => {
  it("is tagged, in the written standard, and its text can be read out", async () => {
    const pdf = await applicationPdf({
      standard: "nn",
      programmeTitle: "Betre foreldresamarbeid",
      municipalityName: "Kristiansand",
      submittedAt: new Date("2027-03-10T10:05:00Z"),
      contentHash: "ab".repeat(32),
      formVersion: 1,
      definition: fubApplicationForm,
      answers,
    });
    const { text: raw, marked, tree, meta } = await extract(pdf);
    // Text runs may be split at any glyph the font lacks or any line break: compare words.
    const all = raw.replace(/\s+/g, " ");
    expect(all).toContain("Søknad: Betre foreldresamarbeid – Kristiansand");
    expect(all).toContain("Vi vil bli bedre på foreldremøter i alle barnehager.");
    expect(all).toContain("Korleis vil de ta dei med?"); // asked: the condition holds
    expect(all).toContain("Foreldremøte, digitalt, 3 gonger, Høst");
    expect(all).toContain("1.8.2027 – 31.7.2028");
    expect(all).toContain("Ja: setje av tid til arbeidet for leiarar og tilsette");
    expect(all).toContain("Ikkje svart på"); // a question left empty says so
    expect(all).toContain("ab".repeat(32));
    expect(marked).toBe(true);
    expect(JSON.stringify(tree)).toContain('"role":"H1"');
    expect(meta.info).toMatchObject({ Title: "Søknad: Betre foreldresamarbeid – Kristiansand" });
  });
});
