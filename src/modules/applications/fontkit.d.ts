// The part of fontkit (pdfkit's own font engine, which ships no types) the PDF uses: a font
// parsed once, handed to pdfkit for every document (pdfkit takes a fontkit font as a source).
declare module "fontkit" {
  export function create(buffer: Uint8Array): { layout: (...args: never[]) => unknown };
}
