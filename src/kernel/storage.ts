import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FieldError } from "./forms";

/**
 * Where uploaded files' bytes live (attachments, documents on programme pages): one interface,
 * a directory on disk by default (under DATA_DIR), something S3-compatible when several
 * machines share it. Metadata (name, type, size, owner) lives in the owning module's table;
 * the store knows only keys.
 */
export type FileStore = {
  /** Store bytes under a new key, and return the key. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes under a key, or null. */
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
};

const KEY = /^[A-Za-z0-9_-]{22,64}$/;

/** A store in a directory: each file written to a temporary name, then renamed (never half a file). */
export function diskFileStore(dir: string): FileStore {
  let ready: Promise<unknown> | undefined;
  const ensure = () => (ready ??= mkdir(dir, { recursive: true }));
  const pathOf = (key: string) => {
    // Keys are ours, but a key from a URL must never walk out of the directory.
    if (!KEY.test(key)) throw new Error("bad file key");
    return join(dir, key);
  };
  return {
    async put(bytes) {
      await ensure();
      const key = randomBytes(18).toString("base64url");
      const temp = join(dir, `.${key}.part`);
      await writeFile(temp, bytes, { flag: "wx" });
      await rename(temp, pathOf(key));
      return key;
    },
    async get(key) {
      if (!KEY.test(key)) return null;
      try {
        return await readFile(pathOf(key));
      } catch {
        return null;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

/** A store of its own in the system's temporary directory (tests, and apps built without one). */
export function temporaryFileStore(): FileStore {
  return diskFileStore(
    join(tmpdir(), `samspill-files-${process.pid}-${randomBytes(4).toString("hex")}`),
  );
}

/**
 * The file types uploads may have (attachments, documents on programme pages): what each is
 * called, the type it is served with and the endings its name may have. A module allows a
 * subset; which one a file is is read from its bytes (`sniffFileKind`), never from its name or
 * the type the browser sent.
 */
export const FILE_KINDS = {
  pdf: { label: "PDF", mime: "application/pdf", extensions: ["pdf"] },
  docx: {
    label: "DOCX",
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
  },
  xlsx: {
    label: "XLSX",
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extensions: ["xlsx"],
  },
  odt: { label: "ODT", mime: "application/vnd.oasis.opendocument.text", extensions: ["odt"] },
  png: { label: "PNG", mime: "image/png", extensions: ["png"] },
  jpg: { label: "JPEG", mime: "image/jpeg", extensions: ["jpg", "jpeg"] },
} as const;
export type FileKind = keyof typeof FILE_KINDS;

/** The kind of a stored type ("application/pdf" → "pdf"), or null. */
export function kindOfMime(mime: string): FileKind | null {
  for (const [kind, k] of Object.entries(FILE_KINDS)) if (k.mime === mime) return kind as FileKind;
  return null;
}

/** "PDF", "DOCX"… for a stored type; the type itself when it is none of ours. */
export function fileTypeLabel(mime: string): string {
  const kind = kindOfMime(mime);
  return kind ? FILE_KINDS[kind].label : mime;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((ch) => ch.charCodeAt(0));

const PDF = ascii("%PDF-");
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ODT_MIME = "application/vnd.oasis.opendocument.text";

/**
 * What a file is, read from its bytes: PDF, PNG and JPEG by their signatures; DOCX, XLSX and
 * ODT are ZIP archives told apart by what they hold (OpenDocument's first entry names its type;
 * Office Open XML has its parts under word/ or xl/). A macro-enabled Office file is none of
 * ours. Null for anything else, whatever its name says.
 */
export function sniffFileKind(bytes: Uint8Array): FileKind | null {
  if (startsWith(bytes, PDF)) return "pdf";
  if (startsWith(bytes, PNG)) return "png";
  if (startsWith(bytes, JPEG)) return "jpg";
  if (!startsWith(bytes, ZIP_LOCAL)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // OpenDocument: the first entry is "mimetype", stored uncompressed, holding the type.
  if (bytes.length > 38 && view.getUint16(26, true) === 8 && view.getUint16(8, true) === 0) {
    const name = new TextDecoder().decode(bytes.subarray(30, 38));
    const length = view.getUint32(18, true);
    const start = 30 + 8 + view.getUint16(28, true);
    if (name === "mimetype" && start + length <= bytes.length) {
      const type = new TextDecoder().decode(bytes.subarray(start, start + length));
      return type === ODT_MIME ? "odt" : null;
    }
  }
  const names = zipEntryNames(bytes, view);
  if (!names?.includes("[Content_Types].xml")) return null;
  if (names.some((n) => n.toLowerCase().endsWith("vbaproject.bin"))) return null;
  if (names.includes("word/document.xml")) return "docx";
  if (names.includes("xl/workbook.xml")) return "xlsx";
  return null;
}

/** The names in a ZIP archive's central directory, or null when it has none that reads. */
function zipEntryNames(bytes: Uint8Array, view: DataView): string[] | null {
  const decoder = new TextDecoder();
  // The end-of-central-directory record: 22 bytes and a comment of up to 64 kB, at the end.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let end = bytes.length - 22; end >= lowest; end--) {
    if (view.getUint32(end, true) !== 0x06054b50) continue;
    const count = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      if (at + 46 > end || view.getUint32(at, true) !== 0x02014b50) return null;
      const nameLength = view.getUint16(at + 28, true);
      const skip = view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
      names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
      at += 46 + nameLength + skip;
    }
    return names;
  }
  return null;
}

/** What an upload may be: its largest size in bytes and the kinds allowed. */
export type FileLimits = { bytes: number; types: readonly FileKind[] };

/**
 * Why these bytes cannot be stored under these limits (no file, empty, too large, not one of
 * the kinds), or their kind. The kind is read from the bytes, never from the name or from what
 * the browser said.
 */
export function checkFile(
  bytes: Uint8Array | null,
  limits: FileLimits,
): { error: FieldError; kind?: never } | { kind: FileKind; error?: never } {
  if (bytes === null) return { error: { code: "fileRequired" } };
  if (bytes.length === 0) return { error: { code: "fileEmpty" } };
  if (bytes.length > limits.bytes)
    return { error: { code: "fileSize", params: { maxBytes: limits.bytes } } };
  const kind = sniffFileKind(bytes);
  if (!kind || !limits.types.includes(kind)) {
    const types = limits.types.map((t) => FILE_KINDS[t].label).join(", ");
    return { error: { code: "fileType", params: { types } } };
  }
  return { kind };
}

/** SHA-256 of bytes, as hex: stored beside each file and shown where the file is listed. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

// Path separators, the characters file systems refuse, controls, and the direction marks that
// make "fakturaexe.pdf" read as something else.
const UNSAFE_IN_NAME =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
  /[\u0000-\u001f\u007f-\u009f<>:"|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A file's name as the uploader's computer gave it, made safe to store, show and send back:
 * no folders, no controls or characters file systems refuse, at most 120 characters before the
 * ending, and an ending that fits what the file is (one is added when it does not).
 */
export function safeFileName(name: string, kind: FileKind, fallback = "vedlegg"): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    .normalize("NFC")
    .replace(UNSAFE_IN_NAME, "")
    .replace(/\s+/g, " ")
    .replace(/^[.\s]+|[.\s]+$/g, "");
  const endings: readonly string[] = FILE_KINDS[kind].extensions;
  const dot = base.lastIndexOf(".");
  const ending = dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
  const fits = endings.includes(ending);
  const stem = [...(fits ? base.slice(0, dot) : base)].slice(0, 120).join("").trim();
  return `${stem || fallback}.${fits ? ending : endings[0]}`;
}

/**
 * The Content-Disposition of a download: the name in ASCII for old clients, and in full
 * (RFC 6266's filename*) for the rest.
 */
export function attachmentDisposition(name: string): string {
  const plain = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${plain}"; filename*=UTF-8''${encoded}`;
}

/** The headers a stored file is sent with: its own type, as a download, never cached by others. */
export function downloadHeaders(file: { name: string; type: string }): Record<string, string> {
  return {
    "Content-Type": file.type,
    "Content-Disposition": attachmentDisposition(file.name),
    "Cache-Control": "private, no-store",
  };
}

/**
 * A store that writes to `top` and reads from `top`, then from `below`: the tests' apps write
 * to a store of their own and read the demo's files from the store the test templates were
 * seeded with.
 */
export function layeredFileStore(top: FileStore, below: FileStore): FileStore {
  return {
    put: (bytes) => top.put(bytes),
    async get(key) {
      return (await top.get(key)) ?? below.get(key);
    },
    delete: (key) => top.delete(key),
  };
}
