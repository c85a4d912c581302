import { eq } from "drizzle-orm";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORIGIN, type TestApp, testApp } from "../../../tests/support/app";
import { IBS, programmeIdOf } from "../../../tests/support/cohorts";
import { databaseKinds } from "../../../tests/support/db";
import { asFile, docxFile, fakePdf, odtFile, pdfFile, pngFile } from "../../../tests/support/files";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { sha256Hex, temporaryFileStore } from "../../kernel/storage";
import { auditLog } from "../identity/schema";
import { addProgrammeDocument } from "./documents";
import { programmeDocuments, programmeDocumentVersions } from "./schema";

const FUB = "bedre-foreldresamarbeid";
const EDITOR = `/nb/admin/tilbud/${IBS}`;

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

async function pdfText(pdf: Uint8Array) {
  const doc = await getDocument({ data: pdf, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    pages.push(content.items.map((i) => ("str" in i ? i.str : "")).join(" "));
  }
  return pages.join("\n");
}

describe.each(databaseKinds)("documents on a programme's page (%s)", (kind) => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  let ibsId = 0;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    Object.assign(ids, await demoPeopleIds(t.db, ["ada", "frida", "kari"]));
    ibsId = await programmeIdOf(t.db, IBS);
  });
  afterAll(() => t.close());

  const { get, post, cookie } = requestsAs(() => t, ids);

  /** The editor's document form, as the browser sends it. */
  async function addDocument(
    who: string | undefined,
    fields: Record<string, string>,
    file?: File,
    slug = IBS,
  ) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append("file", file ?? new File([], ""));
    return t.app.request(`/nb/admin/tilbud/${slug}/dokumenter`, {
      method: "POST",
      body: form,
      headers: { Origin: ORIGIN, ...(who ? { Cookie: await cookie(who) } : {}) },
    });
  }
  const titles = (nb: string) => ({ titleNb: nb, titleNn: `${nb} (nn)`, titleEn: "" });
  const docsNamed = async (titleNb: string) =>
    t.db.select().from(programmeDocuments).where(eq(programmeDocuments.titleNb, titleNb));
  const publicPage = async (lang = "nb") => (await t.app.request(`/${lang}/tilbud/${IBS}`)).text();

  it("lists the demo's documents on the public pages with type and size, and gives the file", async () => {
    const page = await publicPage();
    const [letter] = await docsNamed("Les fullstendig informasjonsbrev om tilbudet");
    expect(letter).toBeTruthy();
    expect(page).toContain(`href="/nb/tilbud/${IBS}/dokumenter/${letter!.id}"`);
    expect(text(page)).toMatch(/Les fullstendig informasjonsbrev om tilbudet \(PDF, \d+ kB\)/);
    expect(text(await publicPage("nn"))).toContain("Les heile informasjonsbrevet om tilbodet");
    expect(text(await publicPage("en"))).toContain(
      "Read the full information letter about the programme",
    );
    const res = await t.app.request(`/nb/tilbud/${IBS}/dokumenter/${letter!.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(sha256Hex(bytes)).toBe(letter!.sha256);
    expect(await pdfText(bytes)).toContain(
      "Informasjonsbrev: Inkluderende barnehage- og skolemiljø",
    );
    const fub = text(await (await t.app.request(`/nb/tilbud/${FUB}`)).text());
    expect(fub).toMatch(/Les mer om tilbudet her \(PDF, \d+ kB\)/);
  });

  it("adds a document to the draft: the editor shows it, the public page not yet", async () => {
    const res = await addDocument(
      "ada",
      { ...titles("Veileder for ressurspersoner"), titleEn: "Guide for resource persons" },
      asFile(odtFile(), "Veileder.odt"),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${EDITOR}?melding=document-added#documents-heading`);
    const [doc] = await docsNamed("Veileder for ressurspersoner");
    expect(doc).toMatchObject({
      fileName: "Veileder.odt",
      type: "application/vnd.oasis.opendocument.text",
      titleEn: "Guide for resource persons",
      addedBy: ids.ada,
    });
    const editor = text(await (await get(`${EDITOR}?melding=document-added`, "ada")).text());
    expect(editor).toContain("Dokumentet er lagt til.");
    expect(editor).toMatch(
      /Veileder for ressurspersoner Veileder\.odt \(ODT, 1 kB\) Ikke publisert ennå/,
    );
    expect(text(await publicPage())).not.toContain("Veileder for ressurspersoner");
    expect((await t.app.request(`/nb/tilbud/${IBS}/dokumenter/${doc!.id}`)).status).toBe(404);
    const draft = await get(`${EDITOR}/dokumenter/${doc!.id}`, "ada");
    expect(draft.status).toBe(200);
    expect(new Uint8Array(await draft.arrayBuffer())).toEqual(odtFile());
    const list = text(await (await get("/nb/admin/tilbud", "ada")).text());
    expect(list).toContain("Har endringer som ikke er publisert");
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "programme.document.add"));
    expect(audit).toMatchObject({ actorId: ids.ada, entityId: IBS });
  });

  it("refuses missing titles, no file, an empty file, a type not allowed and a pretender, keeping the titles", async () => {
    const none = await addDocument("ada", { titleNb: "", titleNn: "", titleEn: "" });
    expect(none.status).toBe(422);
    const html = await none.text();
    for (const id of ["doc-titleNb", "doc-titleNn", "doc-file"]) {
      expect(html).toContain(`href="#${id}"`);
      expect(html).toContain(`id="${id}-error"`);
    }
    expect(text(html)).toContain("Velg en fil å laste opp");
    const cases: [File, string][] = [
      [asFile(new Uint8Array(), "tom.pdf"), "Filen er tom"],
      [asFile(pngFile(), "bilde.png", "image/png"), "Filen må være av typen PDF, DOCX, ODT, XLSX"],
      [
        asFile(fakePdf(), "brev.pdf", "application/pdf"),
        "Filen må være av typen PDF, DOCX, ODT, XLSX",
      ],
    ];
    for (const [file, sentence] of cases) {
      const res = await addDocument("ada", titles("Beholdt tittel"), file);
      expect(res.status, file.name).toBe(422);
      const page = await res.text();
      expect(text(page), file.name).toContain(sentence);
      expect(page, file.name).toContain('value="Beholdt tittel"');
    }
    expect(await docsNamed("Beholdt tittel")).toEqual([]);
  });

  it("refuses a file over 20 MB: by the command, and at the route's body limit (413)", async () => {
    const over = await addProgrammeDocument(
      t.db,
      temporaryFileStore(),
      {
        programmeId: ibsId,
        titles: titles("For stor"),
        upload: { name: "stor.pdf", bytes: pdfFile("stor", 20 * 1024 * 1024 + 1) },
      },
      { personId: ids.ada!, now: t.clock.now() },
    );
    expect(over).toEqual({
      ok: false,
      errors: { file: { code: "fileSize", params: { maxBytes: 20 * 1024 * 1024 } } },
    });
    const huge = new Uint8Array(21 * 1024 * 1024);
    huge.set(pdfFile());
    const tooLarge = await addDocument("ada", titles("Enorm"), asFile(huge, "enorm.pdf"));
    expect(tooLarge.status).toBe(413);
    const page = await tooLarge.text();
    expect(text(page)).toContain("Filen er for stor. Den kan være høyst 20 MB");
    expect(page).toContain('href="#doc-file"');
    expect(await docsNamed("Enorm")).toEqual([]);
  });

  it("publishes the documents with the page, and keeps the published list until the next publish", async () => {
    expect((await post(`${EDITOR}/publiser`, "ada")).status).toBe(303);
    const [guide] = await docsNamed("Veileder for ressurspersoner");
    expect(text(await publicPage())).toMatch(/Veileder for ressurspersoner \(ODT, 1 kB\)/);
    const en = await publicPage("en");
    expect(text(en)).toContain("Guide for resource persons");
    // A document without an English title shows the bokmål one, marked as bokmål.
    const added = await addDocument(
      "ada",
      titles("Bare norsk tittel"),
      asFile(docxFile(), "x.docx"),
    );
    expect(added.status).toBe(303);
    expect((await post(`${EDITOR}/publiser`, "ada")).status).toBe(303);
    const [norwegian] = await docsNamed("Bare norsk tittel");
    expect(await publicPage("en")).toMatch(
      new RegExp(
        `href="/en/tilbud/${IBS}/dokumenter/${norwegian!.id}" lang="nb">Bare norsk tittel`,
      ),
    );

    // Taken off the draft: still on the public page (and downloadable) until it is published.
    const removed = await post(`${EDITOR}/dokumenter/${guide!.id}/fjern`, "ada");
    expect(removed.status).toBe(303);
    expect(text(await publicPage())).toContain("Veileder for ressurspersoner");
    expect((await t.app.request(`/nb/tilbud/${IBS}/dokumenter/${guide!.id}`)).status).toBe(200);
    expect((await post(`${EDITOR}/publiser`, "ada")).status).toBe(303);
    expect(text(await publicPage())).not.toContain("Veileder for ressurspersoner");
    expect((await t.app.request(`/nb/tilbud/${IBS}/dokumenter/${guide!.id}`)).status).toBe(404);
    // The editor still has it in an earlier version of the list, with its file.
    const editor = await (await get(EDITOR, "ada")).text();
    expect(text(editor)).toContain("Tidligere versjoner av dokumentlisten");
    expect(editor).toContain(`href="${EDITOR}/dokumenter/${guide!.id}"`);
    expect((await get(`${EDITOR}/dokumenter/${guide!.id}`, "ada")).status).toBe(200);
    // Removing what the draft no longer lists finds nothing.
    expect((await post(`${EDITOR}/dokumenter/${guide!.id}/fjern`, "ada")).status).toBe(404);
    const versions = await t.db
      .select()
      .from(programmeDocumentVersions)
      .where(eq(programmeDocumentVersions.programmeId, ibsId));
    expect(versions.length).toBe(4);
  });

  it("lets only the programme's own editors add, remove and read its documents", async () => {
    const [letter] = await docsNamed("Les fullstendig informasjonsbrev om tilbudet");
    const file = () => asFile(pdfFile(), "brev.pdf");
    expect((await addDocument("frida", titles("Fra FUB"), file())).status).toBe(403);
    expect((await addDocument("kari", titles("Fra Kari"), file())).status).toBe(403);
    const anonymous = await addDocument(undefined, titles("Fra ingen"), file());
    expect(anonymous.status).toBe(302);
    expect(await docsNamed("Fra FUB")).toEqual([]);
    for (const who of ["frida", "kari"]) {
      expect((await post(`${EDITOR}/dokumenter/${letter!.id}/fjern`, who)).status).toBe(403);
      expect((await get(`${EDITOR}/dokumenter/${letter!.id}`, who)).status).toBe(403);
    }
    expect((await get(`${EDITOR}/dokumenter/${letter!.id}`)).status).toBe(302);
    // Another programme's document is not found through this one's addresses.
    const [fubDoc] = await docsNamed("Les mer om tilbudet her");
    expect((await get(`${EDITOR}/dokumenter/${fubDoc!.id}`, "ada")).status).toBe(404);
    expect((await t.app.request(`/nb/tilbud/${IBS}/dokumenter/${fubDoc!.id}`)).status).toBe(404);
    expect(text(await publicPage())).toContain("Les fullstendig informasjonsbrev om tilbudet");
  });
});
