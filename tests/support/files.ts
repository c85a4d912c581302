import { crc32 } from "node:zlib";

/**
 * Small files of each type uploads may have, made here rather than committed: a PDF, a PNG,
 * and the ZIP archives DOCX, XLSX and ODT are (with just the parts that make them what they
 * are), plus files that only pretend.
 */

const bytes = (text: string) => new TextEncoder().encode(text);

/** A ZIP archive of stored (uncompressed) entries, in the given order. */
export function zip(entries: [name: string, content: string | Uint8Array][]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = typeof content === "string" ? bytes(content) : content;
    const nameBytes = bytes(name);
    const crc = crc32(data);
    const local = new Uint8Array(30 + nameBytes.length + data.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint32(14, crc, true);
    l.setUint32(18, data.length, true);
    l.setUint32(22, data.length, true);
    l.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    local.set(data, 30 + nameBytes.length);
    const central = new Uint8Array(46 + nameBytes.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, data.length, true);
    c.setUint32(24, data.length, true);
    c.setUint16(28, nameBytes.length, true);
    c.setUint32(42, offset, true);
    central.set(nameBytes, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, centralSize, true);
  e.setUint32(16, offset, true);
  return concat([...locals, ...centrals, end]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const CONTENT_TYPES = '<?xml version="1.0"?><Types/>';

/** A one-page PDF that says `text`, padded to at least `size` bytes with a comment. */
export function pdfFile(text = "Vedtak i kommunestyret", size = 0): Uint8Array {
  const body = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >> endobj
% ${text}
trailer << /Root 1 0 R >>
%%EOF
`;
  const head = bytes(body);
  if (size <= head.length) return head;
  // A comment line of x's up to the size.
  const out = new Uint8Array(size).fill(0x78);
  out.set(head);
  out[head.length] = 0x25;
  out[size - 1] = 0x0a;
  return out;
}

export const pngFile = () =>
  concat([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), bytes("IHDR")]);
export const jpegFile = () => concat([new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), bytes("JFIF")]);

export const docxFile = () =>
  zip([
    ["[Content_Types].xml", CONTENT_TYPES],
    ["_rels/.rels", "<Relationships/>"],
    ["word/document.xml", "<w:document/>"],
  ]);

/** A Word file with macros: a DOCX by its parts, but not one we take. */
export const docmFile = () =>
  zip([
    ["[Content_Types].xml", CONTENT_TYPES],
    ["word/document.xml", "<w:document/>"],
    ["word/vbaProject.bin", "macro"],
  ]);

export const xlsxFile = () =>
  zip([
    ["[Content_Types].xml", CONTENT_TYPES],
    ["xl/workbook.xml", "<workbook/>"],
  ]);

export const odtFile = () =>
  zip([
    ["mimetype", "application/vnd.oasis.opendocument.text"],
    ["content.xml", "<office:document-content/>"],
    ["META-INF/manifest.xml", "<manifest:manifest/>"],
  ]);

/** An OpenDocument spreadsheet: a ZIP like ODT, of another type. */
export const odsFile = () =>
  zip([
    ["mimetype", "application/vnd.oasis.opendocument.spreadsheet"],
    ["content.xml", "<office:document-content/>"],
  ]);

/** A script that calls itself a PDF by its name only. */
export const fakePdf = () => bytes("#!/bin/sh\necho hei\n");

/** Bytes as a File for a multipart form. */
export const asFile = (content: Uint8Array, name: string, type = "application/octet-stream") =>
  new File([new Uint8Array(content)], name, { type });
