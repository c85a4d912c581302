/**
 * A chart's SVG, as Vega drew it on the server (kernel/charts), painted into a PDF with pdfkit's
 * own primitives: the groups' translations, the paths (pdfkit reads SVG path data), the lines
 * and the texts in the embedded Inter. Only what Vega's SVG renderer writes is understood (g,
 * rect, path, line, text with translate/rotate); the layout is Vega's, nothing is drawn by hand.
 */

/** The part of a pdfkit document the painter uses. */
export type PdfCanvas = {
  save(): PdfCanvas;
  restore(): PdfCanvas;
  translate(x: number, y: number): PdfCanvas;
  rotate(angle: number, options?: { origin?: [number, number] }): PdfCanvas;
  scale(factor: number): PdfCanvas;
  path(d: string): PdfCanvas;
  rect(x: number, y: number, w: number, h: number): PdfCanvas;
  moveTo(x: number, y: number): PdfCanvas;
  lineTo(x: number, y: number): PdfCanvas;
  fill(color: string): PdfCanvas;
  stroke(color: string): PdfCanvas;
  lineWidth(w: number): PdfCanvas;
  dash(length: number, options: { space: number }): PdfCanvas;
  undash(): PdfCanvas;
  opacity(o: number): PdfCanvas;
  font(name: string): PdfCanvas;
  fontSize(size: number): PdfCanvas;
  fillColor(color: string): PdfCanvas;
  widthOfString(text: string): number;
  text(
    text: string,
    x: number,
    y: number,
    options: { lineBreak: boolean; baseline: string },
  ): PdfCanvas;
};

type Style = {
  fill: string;
  stroke: string;
  strokeWidth: number;
  dash: string;
  fontSize: number;
  bold: boolean;
  anchor: string;
  hidden: boolean;
};

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&apos;": "'",
};
const decode = (s: string) =>
  s
    .replace(/&(amp|lt|gt|quot|apos|#39);/g, (e) => ENTITIES[e] ?? e)
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(Number.parseInt(n, 16)));

function attributes(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of raw.matchAll(/([\w:-]+)="([^"]*)"/g)) out[m[1]!] = decode(m[2]!);
  return out;
}

/** translate(x,y) and rotate(a), in that order, as Vega writes them. */
function transformOf(value: string | undefined) {
  const t = /translate\(\s*(-?[\d.e-]+)[ ,]+(-?[\d.e-]+)\s*\)/.exec(value ?? "");
  const r = /rotate\(\s*(-?[\d.e-]+)/.exec(value ?? "");
  return { x: t ? Number(t[1]) : 0, y: t ? Number(t[2]) : 0, rotate: r ? Number(r[1]) : 0 };
}

function styled(parent: Style, a: Record<string, string>): Style {
  return {
    fill: a.fill ?? parent.fill,
    stroke: a.stroke ?? parent.stroke,
    strokeWidth: a["stroke-width"] ? Number(a["stroke-width"]) : parent.strokeWidth,
    dash: a["stroke-dasharray"] ?? parent.dash,
    fontSize: a["font-size"] ? Number.parseFloat(a["font-size"]) : parent.fontSize,
    bold: a["font-weight"] ? /bold|[6-9]00/.test(a["font-weight"]) : parent.bold,
    anchor: a["text-anchor"] ?? parent.anchor,
    hidden: parent.hidden || a.display === "none",
  };
}

const painted = (color: string) => color !== "none" && color !== "transparent" && color !== "";

function paint(doc: PdfCanvas, s: Style, a: Record<string, string>) {
  const opacity = a.opacity ? Number(a.opacity) : 1;
  if (opacity <= 0) return;
  doc.opacity(opacity);
  if (painted(s.fill)) doc.fill(s.fill);
  else if (painted(s.stroke)) {
    doc.lineWidth(s.strokeWidth);
    const dash = s.dash.split(/[ ,]+/).map(Number);
    if (dash.length >= 2 && dash[0]! > 0) doc.dash(dash[0]!, { space: dash[1]! });
    doc.stroke(s.stroke);
    doc.undash();
  }
  doc.opacity(1);
}

/** The SVG's size (its width and height attributes). */
export function svgSize(svg: string): { width: number; height: number } {
  const a = attributes(/<svg([^>]*)>/.exec(svg)?.[1] ?? "");
  return { width: Number(a.width ?? 0), height: Number(a.height ?? 0) };
}

/** Paints `svg` with its top left corner at the document's current origin. */
export function paintSvg(doc: PdfCanvas, svg: string) {
  const root: Style = {
    fill: "black",
    stroke: "none",
    strokeWidth: 1,
    dash: "",
    fontSize: 10,
    bold: false,
    anchor: "start",
    hidden: false,
  };
  const stack: Style[] = [root];
  let text: { a: Record<string, string>; style: Style; content: string } | null = null;
  for (const m of svg.matchAll(/<(\/?)([\w:-]+)([^>]*?)(\/?)>|([^<]+)/g)) {
    const [, closing, tag, raw, selfClosing, chars] = m;
    if (chars !== undefined) {
      if (text) text.content += chars;
      continue;
    }
    const top = stack.at(-1)!;
    if (closing) {
      if (tag === "g" && stack.length > 1) {
        stack.pop();
        doc.restore();
      } else if (tag === "text" && text) {
        drawText(doc, text.a, text.style, decode(text.content));
        text = null;
      }
      continue;
    }
    const a = attributes(raw ?? "");
    const style = styled(top, a);
    if (tag === "g") {
      const t = transformOf(a.transform);
      doc.save().translate(t.x, t.y);
      if (selfClosing) doc.restore();
      else stack.push(style);
      continue;
    }
    if (style.hidden) continue;
    if (tag === "text") {
      text = { a, style, content: "" };
      if (selfClosing) text = null;
      continue;
    }
    const t = transformOf(a.transform);
    doc.save().translate(t.x, t.y);
    if (t.rotate) doc.rotate(t.rotate, { origin: [0, 0] });
    if (tag === "rect") {
      doc.rect(Number(a.x ?? 0), Number(a.y ?? 0), Number(a.width ?? 0), Number(a.height ?? 0));
      paint(doc, style, a);
    } else if (tag === "path" && a.d) {
      doc.path(a.d);
      paint(doc, style, a);
    } else if (tag === "line") {
      doc.moveTo(Number(a.x1 ?? 0), Number(a.y1 ?? 0)).lineTo(Number(a.x2 ?? 0), Number(a.y2 ?? 0));
      paint(doc, { ...style, fill: "none" }, a);
    }
    doc.restore();
  }
}

function drawText(doc: PdfCanvas, a: Record<string, string>, s: Style, content: string) {
  const value = content.trim();
  if (!value || !painted(s.fill)) return;
  const t = transformOf(a.transform);
  doc.save().translate(t.x + Number(a.x ?? 0), t.y + Number(a.y ?? 0));
  if (t.rotate) doc.rotate(t.rotate, { origin: [0, 0] });
  doc
    .font(s.bold ? "Inter-Bold" : "Inter")
    .fontSize(s.fontSize)
    .fillColor(s.fill);
  const width = doc.widthOfString(value);
  const dx = s.anchor === "end" ? -width : s.anchor === "middle" ? -width / 2 : 0;
  doc.text(value, dx, 0, { lineBreak: false, baseline: "alphabetic" });
  doc.fillColor("black").restore();
}
