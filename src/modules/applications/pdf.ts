import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { inflateSync } from "node:zlib";
import { create as createFont } from "fontkit";
import { fileTypeLabel } from "../../kernel/storage";
import { formatFileSize } from "../../web/i18n";
import { type Answer, isAsked } from "./answers";
import type { FormDefinition, Localised, Question } from "./form-definition";

/**
 * The PDF copy of exactly what was submitted: tagged (a logical structure of headings and
 * paragraphs, PDF/UA-1 as pdfkit declares it), the text selectable, the fonts embedded (Inter,
 * shipped with the app), in the municipality's written standard.
 */

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve("@fontsource/inter/files/inter-latin-400-normal.woff");
const FONT_BOLD = require.resolve("@fontsource/inter/files/inter-latin-600-normal.woff");

/**
 * A WOFF font as the plain font file (SFNT) inside it. fontkit reads WOFF by inflating each
 * table with a JavaScript inflater on every document (about two thirds of a PDF's time, most
 * of it measured in the deadline rush); node's zlib does it once here.
 */
export function sfntOfWoff(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) throw new Error("not a WOFF font");
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const stored = woff.subarray(offset, offset + compLength);
    return {
      tag: woff.readUInt32BE(at),
      checksum: woff.readUInt32BE(at + 16),
      data: compLength < origLength ? inflateSync(stored) : stored,
    };
  });
  const headerLength = 12 + numTables * 16;
  const padded = (n: number) => (n + 3) & ~3;
  const out = Buffer.alloc(
    headerLength + tables.reduce((sum, t) => sum + padded(t.data.length), 0),
  );
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  out.writeUInt32BE(woff.readUInt32BE(4), 0); // the flavour: TrueType or CFF
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);
  let offset = headerLength;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    out.writeUInt32BE(t.tag, at);
    out.writeUInt32BE(t.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(t.data.length, at + 12);
    t.data.copy(out, offset);
    offset += padded(t.data.length);
  });
  return out;
}

/** The two faces, parsed once: fontkit keeps what it has read of a font (its tables, the glyphs
 * laid out), which every document then reuses (a third of a PDF's time). */
let fonts:
  | { regular: ReturnType<typeof createFont>; bold: ReturnType<typeof createFont> }
  | undefined;
const interFonts = () => {
  fonts ??= {
    regular: createFont(sfntOfWoff(readFileSync(FONT_REGULAR))),
    bold: createFont(sfntOfWoff(readFileSync(FONT_BOLD))),
  };
  return fonts;
};

type Standard = "nb" | "nn";

const words: Record<
  Standard,
  {
    title: string;
    municipality: string;
    programme: string;
    submitted: string;
    hash: string;
    formVersion: string;
    notAnswered: string;
    yes: string;
    activity: Record<string, string>;
    mode: Record<string, string>;
    times: (n: string) => string;
    file: (name: string, details: string) => string;
  }
> = {
  nb: {
    title: "Søknad",
    municipality: "Kommune",
    programme: "Tilbud",
    submitted: "Sendt inn",
    hash: "Kontrollsum (SHA-256)",
    formVersion: "Skjemaversjon",
    notAnswered: "Ikke besvart",
    yes: "Ja",
    activity: {
      "training-day": "Kompetansedag",
      "staff-meeting": "Personalmøte",
      "parent-meeting": "Foreldremøte",
      gathering: "Samling",
    },
    mode: { digital: "digitalt", physical: "fysisk" },
    times: (n) => `${n} ganger`,
    file: (name, details) => `Vedlegg: ${name} (${details})`,
  },
  nn: {
    title: "Søknad",
    municipality: "Kommune",
    programme: "Tilbod",
    submitted: "Sendt inn",
    hash: "Kontrollsum (SHA-256)",
    formVersion: "Skjemaversjon",
    notAnswered: "Ikkje svart på",
    yes: "Ja",
    activity: {
      "training-day": "Kompetansedag",
      "staff-meeting": "Personalmøte",
      "parent-meeting": "Foreldremøte",
      gathering: "Samling",
    },
    mode: { digital: "digitalt", physical: "fysisk" },
    times: (n) => `${n} gonger`,
    file: (name, details) => `Vedlegg: ${name} (${details})`,
  },
};

const local = (text: Localised, standard: Standard) => text[standard];

/** An answer as lines of text, in the written standard. */
export function answerLines(q: Question, a: Answer | undefined, standard: Standard): string[] {
  const w = words[standard];
  if (!a) return [w.notAnswered];
  switch (a.kind) {
    case "text": {
      if (q.kind === "single-choice") {
        const o = q.options.find((x) => x.value === a.value);
        return [o ? local(o.label, standard) : a.value];
      }
      return a.value.split("\n");
    }
    case "choices": {
      if (q.kind === "multiple-choice") {
        return a.values.map((v) => {
          const o = q.options.find((x) => x.value === v);
          return `• ${o ? local(o.label, standard) : v}`;
        });
      }
      if (q.kind === "commitments") {
        return q.items
          .filter((i) => a.values.includes(i.id))
          .map((i) => `${w.yes}: ${local(i.label, standard)}`);
      }
      return a.values;
    }
    case "range":
      return [`${norwegianDate(a.from)} – ${norwegianDate(a.to)}`];
    case "rows":
      return a.rows.map((r) =>
        [
          w.activity[r.kind] ?? r.kind,
          w.mode[r.mode] ?? r.mode,
          w.times(r.count),
          r.when ? norwegianDate(r.when) : "",
          r.note,
        ]
          .filter(Boolean)
          .join(", "),
      );
    case "file":
      // The checksum lets a reader of the archive tell that a file is the one submitted.
      return a.file
        ? [
            w.file(
              a.file.name,
              `${fileTypeLabel(a.file.type)}, ${formatFileSize(standard, a.file.bytes)}`,
            ),
            `SHA-256: ${a.file.sha256}`,
          ]
        : [w.notAnswered];
  }
}

function norwegianDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return y && m && d ? `${Number(d)}.${Number(m)}.${y}` : iso;
}

export type PdfInput = {
  standard: Standard;
  programmeTitle: string;
  municipalityName: string;
  submittedAt: Date;
  contentHash: string;
  formVersion: number;
  definition: FormDefinition;
  answers: Record<string, Answer>;
};

/** A block of the document: its structure tag (H1, H2, P…), face, size and the gap after it. */
export type PdfBlock = (
  tag: string,
  font: "Inter" | "Inter-Bold",
  size: number,
  text: string,
  gap?: number,
) => void;

/**
 * A figure of the document (tagged Figure with its text alternative): `draw` paints it in a
 * box of `width` × `height` points at the current position (a new page first if it does not fit).
 */
export type PdfFigure = (
  alt: string,
  width: number,
  height: number,
  draw: (doc: PDFKit.PDFDocument) => void,
) => void;

/**
 * A tagged A4 PDF (PDF/UA-1 as pdfkit declares it) with the text selectable and the Inter faces
 * embedded, its content written block by block: the application's copy, the grant letter.
 */
export async function taggedPdf(
  meta: { standard: Standard; title: string; subject: string },
  write: (block: PdfBlock, figure: PdfFigure) => void,
): Promise<Buffer> {
  // Loaded with the first PDF, not at start (pdfkit is a large part of every start-up).
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    pdfVersion: "1.7",
    tagged: true,
    displayTitle: true,
    lang: meta.standard === "nn" ? "nn-NO" : "nb-NO",
    // pdfkit declares PDF/UA-1 conformance in the metadata (its types list only PDF/A).
    subset: "PDF/UA" as never,
    info: { Title: meta.title, Author: "Samspill", Subject: meta.subject },
  });
  doc.registerFont("Inter", interFonts().regular as never);
  doc.registerFont("Inter-Bold", interFonts().bold as never);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const root = doc.struct("Document");
  doc.addStructure(root);
  write(
    (tag, font, size, text, gap = 0.4) => {
      root.add(
        doc.struct(tag, {}, () => {
          doc.font(font).fontSize(size).text(text);
        }),
      );
      doc.moveDown(gap);
    },
    (alt, _width, height, draw) => {
      const bottom = doc.page.height - doc.page.margins.bottom;
      if (doc.y + height > bottom) doc.addPage();
      const x = doc.page.margins.left;
      const y = doc.y;
      root.add(
        doc.struct("Figure", { alt }, () => {
          doc.save().translate(x, y);
          draw(doc);
          doc.restore();
        }),
      );
      doc.x = x;
      doc.y = y + height;
      doc.moveDown(0.6);
    },
  );
  root.end();
  doc.end();
  return done;
}

/** The submitted application as a tagged PDF. */
export async function applicationPdf(input: PdfInput): Promise<Buffer> {
  const w = words[input.standard];
  const title = `${w.title}: ${input.programmeTitle} – ${input.municipalityName}`;
  return taggedPdf({ standard: input.standard, title, subject: input.programmeTitle }, (block) => {
    block("H1", "Inter-Bold", 18, title, 0.6);
    const at = new Intl.DateTimeFormat(input.standard === "nn" ? "nn-NO" : "nb-NO", {
      dateStyle: "long",
      timeStyle: "short",
      timeZone: "Europe/Oslo",
    }).format(input.submittedAt);
    block("P", "Inter", 10, `${w.municipality}: ${input.municipalityName}`, 0.1);
    block("P", "Inter", 10, `${w.programme}: ${input.programmeTitle}`, 0.1);
    block("P", "Inter", 10, `${w.submitted}: ${at}`, 0.1);
    block("P", "Inter", 10, `${w.formVersion}: ${input.formVersion}`, 0.1);
    block("P", "Inter", 8, `${w.hash}: ${input.contentHash}`, 1);

    for (const section of input.definition.sections) {
      const asked = section.questions.filter((q) => isAsked(q, input.answers));
      if (asked.length === 0) continue;
      block("H2", "Inter-Bold", 14, local(section.title, input.standard), 0.4);
      for (const q of asked) {
        block("H3", "Inter-Bold", 11, local(q.label, input.standard), 0.2);
        const lines = answerLines(q, input.answers[q.id], input.standard);
        // The last line of an answer leaves room before the next question.
        lines.forEach((line, n) => {
          block("P", "Inter", 10, line || " ", n === lines.length - 1 ? 0.7 : 0.1);
        });
      }
    }
  });
}
