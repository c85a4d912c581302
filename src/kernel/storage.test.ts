import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  docmFile,
  docxFile,
  fakePdf,
  jpegFile,
  odsFile,
  odtFile,
  pdfFile,
  pngFile,
  xlsxFile,
  zip,
} from "../../tests/support/files";
import {
  attachmentDisposition,
  diskFileStore,
  downloadHeaders,
  FILE_KINDS,
  fileTypeLabel,
  kindOfMime,
  layeredFileStore,
  safeFileName,
  sha256Hex,
  sniffFileKind,
} from "./storage";

describe("the file store on disk", () => {
  it("keeps bytes under a new key, gives them back, and forgets them", async () => {
    const dir = await mkdtemp(join(tmpdir(), "samspill-store-"));
    const store = diskFileStore(dir);
    const key = await store.put(new TextEncoder().encode("søknad"));
    const other = await store.put(new TextEncoder().encode("vedlegg"));
    expect(key).not.toBe(other);
    expect((await store.get(key))?.toString("utf8")).toBe("søknad");
    expect(await readdir(dir)).toHaveLength(2); // no temporary files left behind
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
  });

  it("never reads outside its directory, whatever key it is given", async () => {
    const store = diskFileStore(await mkdtemp(join(tmpdir(), "samspill-store-")));
    expect(await store.get("../../etc/passwd")).toBeNull();
    expect(await store.get("")).toBeNull();
    await expect(store.delete("../x")).rejects.toThrow("bad file key");
  });
});

describe("what a file is", () => {
  it("is read from its bytes: PDF, PNG, JPEG, and the ZIPs DOCX, XLSX and ODT are", () => {
    expect(sniffFileKind(pdfFile())).toBe("pdf");
    expect(sniffFileKind(pngFile())).toBe("png");
    expect(sniffFileKind(jpegFile())).toBe("jpg");
    expect(sniffFileKind(docxFile())).toBe("docx");
    expect(sniffFileKind(xlsxFile())).toBe("xlsx");
    expect(sniffFileKind(odtFile())).toBe("odt");
  });

  it("is none of ours for a script, an empty file, another ZIP or an Office file with macros", () => {
    expect(sniffFileKind(fakePdf())).toBeNull();
    expect(sniffFileKind(new Uint8Array())).toBeNull();
    expect(sniffFileKind(odsFile())).toBeNull();
    expect(sniffFileKind(docmFile())).toBeNull();
    expect(sniffFileKind(zip([["notes.txt", "hei"]]))).toBeNull();
    // A ZIP cut short: its directory cannot be read.
    expect(sniffFileKind(docxFile().subarray(0, 40))).toBeNull();
  });

  it("knows the types it sends, by name and label", () => {
    expect(kindOfMime("application/pdf")).toBe("pdf");
    expect(kindOfMime("text/html")).toBeNull();
    expect(fileTypeLabel(FILE_KINDS.odt.mime)).toBe("ODT");
  });
});

describe("a file's name", () => {
  it("keeps the uploader's name without folders, controls or direction marks", () => {
    expect(safeFileName("C:\\Users\\kari\\Vedtak.PDF", "pdf")).toBe("Vedtak.pdf");
    expect(safeFileName("../../etc/passwd", "pdf")).toBe("passwd.pdf");
    expect(safeFileName("faktura\u202Efdp.exe", "pdf")).toBe("fakturafdp.exe.pdf");
    expect(safeFileName("a\u0000b<c>:d.docx", "docx")).toBe("abcd.docx");
    expect(safeFileName("  ...  ", "odt", "dokument")).toBe("dokument.odt");
    expect(safeFileName("bilde.jpeg", "jpg")).toBe("bilde.jpeg");
    expect(safeFileName(`${"å".repeat(300)}.pdf`, "pdf")).toBe(`${"å".repeat(120)}.pdf`);
  });

  it("gives an ending that fits what the file is", () => {
    expect(safeFileName("plan.docx", "pdf")).toBe("plan.docx.pdf");
    expect(safeFileName("plan", "xlsx")).toBe("plan.xlsx");
  });

  it("is sent in ASCII for old clients and in full for the rest", () => {
    expect(attachmentDisposition("Søknad «vår».pdf")).toBe(
      `attachment; filename="S_knad _var_.pdf"; filename*=UTF-8''S%C3%B8knad%20%C2%ABv%C3%A5r%C2%BB.pdf`,
    );
    expect(downloadHeaders({ name: "a.pdf", type: "application/pdf" })["Content-Type"]).toBe(
      "application/pdf",
    );
  });
});

describe("a layered store", () => {
  it("writes on top and reads through to the store below", async () => {
    const below = diskFileStore(await mkdtemp(join(tmpdir(), "samspill-store-")));
    const top = diskFileStore(await mkdtemp(join(tmpdir(), "samspill-store-")));
    const seeded = await below.put(new TextEncoder().encode("demo"));
    const store = layeredFileStore(top, below);
    const own = await store.put(new TextEncoder().encode("eget"));
    expect((await store.get(seeded))?.toString()).toBe("demo");
    expect((await store.get(own))?.toString()).toBe("eget");
    expect(await below.get(own)).toBeNull();
    expect(sha256Hex(new TextEncoder().encode("abc"))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});
