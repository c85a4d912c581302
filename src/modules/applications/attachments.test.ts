import { count, eq } from "drizzle-orm";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORIGIN, type TestApp, testApp } from "../../../tests/support/app";
import { programmeIdOf } from "../../../tests/support/cohorts";
import { databaseKinds } from "../../../tests/support/db";
import { asFile, docxFile, fakePdf, pdfFile, xlsxFile } from "../../../tests/support/files";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { sha256Hex } from "../../kernel/storage";
import { insertTestPerson } from "../identity";
import {
  completeFubAnswers,
  createTestApplicationCohort,
  createTestAssessor,
} from "./admin-factories";
import { nameAssessor } from "./assess";
import { answersOf, fingerprint, saveAnswers } from "./drafts";
import type { FormDefinition } from "./form-definition";
import { saveForm } from "./forms";
import { fubApplicationForm } from "./fub-form";
import { openRound } from "./rounds";
import { applicationFiles, applicationSubmissions } from "./schema";
import { contentHashOf } from "./submit";

const FUB = "bedre-foreldresamarbeid";

/**
 * FUB/FUG's form with a required attachment beside the first text question ("the plan", at
 * most 64 kB, PDF, DOCX or ODT): a refused file and typed text travel in one post.
 */
const formWithPlan: FormDefinition = {
  sections: fubApplicationForm.sections.map((s) =>
    s.id === "motivasjon"
      ? {
          ...s,
          questions: [
            ...s.questions,
            {
              id: "plan",
              kind: "attachment" as const,
              label: { nb: "Plan for arbeidet", nn: "Plan for arbeidet" },
              required: true,
              maxBytes: 64 * 1024,
              types: ["pdf", "docx", "odt"],
            },
          ],
        }
      : s,
  ),
};

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

/** The hidden fingerprints of a section's form, as a browser posts them back. */
function seenOn(html: string) {
  const seen: Record<string, string> = {};
  for (const m of html.matchAll(/name="(seen-[a-z0-9-]+)" value="([^"]*)"/g)) seen[m[1]!] = m[2]!;
  return seen;
}

async function pdfText(pdf: Uint8Array) {
  const doc = await getDocument({ data: pdf, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    pages.push(content.items.map((i) => ("str" in i ? i.str : "")).join(" "));
  }
  return pages.join("\n");
}

describe.each(databaseKinds)("attachments on an application (%s)", (kind) => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  let roundId = 0;
  let appId = 0;
  let otherAppId = 0;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    Object.assign(ids, await demoPeopleIds(t.db, ["kari", "frida", "ada", "bente"]));
    const now = t.clock.now();
    ids.knut = await insertTestPerson(
      t.db,
      {
        name: "Knut Kollega",
        email: "knut@kommune.example.org",
        role: { role: "municipal-coordinator", orgId: "4204" },
      },
      now,
    );
    ids.olga = await insertTestPerson(
      t.db,
      {
        name: "Olga Annenby",
        email: "olga@kommune.example.org",
        role: { role: "municipal-coordinator", orgId: "4203" },
      },
      now,
    );
    const fub = await programmeIdOf(t.db, FUB);
    const admin = { personId: ids.frida!, now };
    // An application cohort of FUB/FUG's (the admin's pages need one), its form the one above.
    const cohortId = await createTestApplicationCohort(
      t.db,
      { programmeId: fub, number: 9 },
      admin,
    );
    const saved = await saveForm(t.db, { programmeId: fub, definition: formWithPlan }, admin);
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    const round = await openRound(
      t.db,
      { cohortId, programmeId: fub, deadline: "2026-12-15", criteria: [] },
      admin,
    );
    if (!round.ok) throw new Error(JSON.stringify(round.errors));
    roundId = round.roundId;
    ids.vera = await createTestAssessor(
      t.db,
      { name: "Vera Vurderer", email: "vera@example.org", owner: "fub" },
      admin,
    );
    ids.nils = await createTestAssessor(
      t.db,
      { name: "Nils Navnløs", email: "nils@example.org", owner: "fub" },
      admin,
    );
    await nameAssessor(t.db, { roundId, personId: ids.vera! }, admin);
  });
  afterAll(() => t.close());

  const { get, post, cookie } = requestsAs(() => t, ids);
  const at = (rest = "") => `/nb/soknader/${appId}${rest}`;
  const section = () => at("/del/motivasjon");

  /** A section's multipart post, as the browser sends the form with its file field. */
  async function postSection(
    who: string,
    fields: Record<string, string | string[]>,
    files: Record<string, File> = {},
    path = section(),
  ) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) form.append(k, x);
    for (const [k, f] of Object.entries(files)) form.append(k, f);
    return t.app.request(path, {
      method: "POST",
      body: form,
      headers: { Origin: ORIGIN, Cookie: await cookie(who) },
    });
  }
  const pageOf = async (who = "kari") => (await get(section(), who)).text();
  const stored = async () => (await answersOf(t.db, appId)).answers;
  const storedPlan = async () => {
    const a = (await stored()).plan;
    return a?.kind === "file" ? a.file : null;
  };
  const fileRows = async () =>
    t.db.select().from(applicationFiles).where(eq(applicationFiles.applicationId, appId));

  it("asks for the file in a multipart form, with its types and limit", async () => {
    const start = await post("/nb/soknader", "kari", {
      round: String(roundId),
      municipality: "4204",
    });
    appId = Number(start.headers.get("location")!.split("/").at(-1));
    const other = await post("/nb/soknader", "olga", {
      round: String(roundId),
      municipality: "4203",
    });
    otherAppId = Number(other.headers.get("location")!.split("/").at(-1));
    const html = await pageOf();
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toMatch(/<input[^>]*type="file"[^>]*id="q-plan"[^>]*name="q-plan"/);
    expect(html).toContain('accept=".pdf,application/pdf,.docx,');
    expect(html).toContain('data-max-bytes="65536"');
    expect(text(html)).toContain("Filtyper: PDF, DOCX, ODT. Høyst 64 kB.");
    expect(text(html)).toContain("Ingen fil er lastet opp.");
    expect(Object.keys(seenOn(html))).toEqual(["seen-hvorfor", "seen-malgruppe", "seen-plan"]);
  });

  it("uploads a PDF with the section's answers, without JavaScript (303)", async () => {
    const pdf = pdfFile("Plan for Kristiansand");
    const res = await postSection(
      "kari",
      { ...seenOn(await pageOf()), "q-hvorfor": "Vi vil møte foreldrene bedre." },
      { "q-plan": asFile(pdf, "C:\\fakepath\\Plan for arbeidet.pdf", "application/pdf") },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${section()}?melding=vedlegg#q-plan`);
    const file = await storedPlan();
    expect(file).toMatchObject({
      name: "Plan for arbeidet.pdf",
      type: "application/pdf",
      bytes: pdf.length,
      sha256: sha256Hex(pdf),
    });
    expect((await stored()).hvorfor).toEqual({
      kind: "text",
      value: "Vi vil møte foreldrene bedre.",
    });
    const page = await (await get(`${section()}?melding=vedlegg`, "kari")).text();
    expect(text(page)).toContain("Vedlegget er lastet opp.");
    expect(page).toContain(`href="${at(`/vedlegg/${file!.fileId}`)}"`);
    expect(text(page)).toContain("Lastet opp: Plan for arbeidet.pdf (PDF, 1 kB)");
    const download = await get(at(`/vedlegg/${file!.fileId}`), "kari");
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toContain(
      "filename*=UTF-8''Plan%20for%20arbeidet.pdf",
    );
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);
  });

  it("keeps the stored file when the section is saved with the file field left empty", async () => {
    const before = await storedPlan();
    const res = await postSection(
      "kari",
      { ...seenOn(await pageOf()), "q-hvorfor": "Vi vil møte alle foreldrene." },
      { "q-plan": new File([], "") },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${section()}?melding=lagret`);
    expect(await storedPlan()).toEqual(before);
  });

  it("refuses a file too large, of a type not allowed, pretending, or empty, and keeps the rest", async () => {
    const cases: [string, File, string][] = [
      [
        "too large",
        asFile(pdfFile("stor", 100 * 1024), "stor.pdf", "application/pdf"),
        "Filen er for stor. Den kan være høyst 64 kB",
      ],
      [
        "a spreadsheet",
        asFile(xlsxFile(), "budsjett.xlsx"),
        "Filen må være av typen PDF, DOCX, ODT",
      ],
      [
        "a script named .pdf",
        asFile(fakePdf(), "vedtak.pdf", "application/pdf"),
        "Filen må være av typen PDF, DOCX, ODT",
      ],
      ["empty", asFile(new Uint8Array(), "tom.pdf", "application/pdf"), "Filen er tom"],
    ];
    const before = await storedPlan();
    for (const [name, file, sentence] of cases) {
      const typed = `Tekst skrevet sammen med ${name}.`;
      const res = await postSection(
        "kari",
        { ...seenOn(await pageOf()), "q-hvorfor": typed },
        { "q-plan": file },
      );
      expect(res.status, name).toBe(422);
      const html = await res.text();
      expect(html, name).toContain('href="#q-plan"');
      expect(html, name).toContain('id="q-plan-error"');
      expect(text(html), name).toContain(sentence);
      expect(html, name).toContain(typed);
      // The text went in; the file there before stayed.
      expect((await stored()).hvorfor, name).toEqual({ kind: "text", value: typed });
      expect(await storedPlan(), name).toEqual(before);
    }
    expect(await fileRows()).toHaveLength(1);
  });

  it("answers a post over the body limit with the section and the error beside the file (413)", async () => {
    const huge = new Uint8Array(25 * 1024 * 1024);
    huge.set(pdfFile());
    const res = await postSection(
      "kari",
      { ...seenOn(await pageOf()) },
      {
        "q-plan": asFile(huge, "enorm.pdf", "application/pdf"),
      },
    );
    expect(res.status).toBe(413);
    const page = text(await res.text());
    expect(page).toContain(
      "Filen er for stor. Den kan være høyst 64 kB. Ingenting av det du sendte, ble lagret",
    );
    expect(page).toContain("Lastet opp: Plan for arbeidet.pdf");
  });

  it("replaces the file with a DOCX, and the old one is gone", async () => {
    const old = (await storedPlan())!;
    const res = await postSection("kari", seenOn(await pageOf()), {
      "q-plan": asFile(docxFile(), "plan.docx"),
    });
    expect(res.status).toBe(303);
    const now = (await storedPlan())!;
    expect(now.type).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(now.fileId).not.toBe(old.fileId);
    expect((await fileRows()).map((r) => r.id)).toEqual([now.fileId]);
    expect((await get(at(`/vedlegg/${old.fileId}`), "kari")).status).toBe(404);
  });

  it("tells a colleague's newer file apart, keeps it, and uploads nothing over it (409)", async () => {
    const karisPage = await pageOf("kari");
    const knut = await postSection("knut", seenOn(await pageOf("knut")), {
      "q-plan": asFile(pdfFile("Knuts plan"), "knuts-plan.pdf"),
    });
    expect(knut.status).toBe(303);
    const res = await postSection("kari", seenOn(karisPage), {
      "q-plan": asFile(pdfFile("Karis plan"), "karis-plan.pdf"),
    });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(text(html)).toContain("Knut Kollega endret dette kl.");
    expect(text(html)).toContain("Filen din (karis-plan.pdf) er ikke lastet opp.");
    expect((await storedPlan())!.name).toBe("knuts-plan.pdf");
    expect(await fileRows()).toHaveLength(1);
    // From that page, choosing the file again means: mine over theirs, knowingly.
    const again = await postSection("kari", seenOn(html), {
      "q-plan": asFile(pdfFile("Karis plan"), "karis-plan.pdf"),
    });
    expect(again.status).toBe(303);
    expect((await storedPlan())!.name).toBe("karis-plan.pdf");
  });

  it("removes the file with its button", async () => {
    const res = await postSection("kari", { ...seenOn(await pageOf()), removeFile: "plan" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${section()}?melding=vedlegg-fjernet#q-plan`);
    expect(await storedPlan()).toBeNull();
    expect(await fileRows()).toHaveLength(0);
  });

  it("autosaves the section's text (JSON, no file) without touching the file", async () => {
    await postSection("kari", seenOn(await pageOf()), {
      "q-plan": asFile(pdfFile("Planen"), "planen.pdf"),
    });
    const before = await storedPlan();
    const res = await t.post(
      section(),
      { ...seenOn(await pageOf()), "q-hvorfor": "Autolagret." },
      { Cookie: await cookie("kari"), Accept: "application/json" },
    );
    expect(res.status).toBe(200);
    expect(await storedPlan()).toEqual(before);
  });

  it("lists a required attachment left out among what is missing, linked to its field", async () => {
    // Olga's application has everything but the plan.
    const rest = completeFubAnswers;
    await saveAnswers(
      t.db,
      {
        applicationId: otherAppId,
        answers: rest,
        seen: Object.fromEntries(Object.keys(rest).map((k) => [k, fingerprint(undefined)])),
        questionIds: Object.keys(rest),
      },
      { personId: ids.olga!, now: t.clock.now() },
    );
    const res = await post(`/nb/soknader/${otherAppId}/send`, "olga");
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(`/nb/soknader/${otherAppId}/del/motivasjon#q-plan`);
    expect(text(html)).toContain("Last opp plan for arbeidet");
  });

  let fileId = "";

  it("freezes the files with the submission: in the hash, the receipt PDF and the export", async () => {
    await saveAnswers(
      t.db,
      {
        applicationId: appId,
        answers: completeFubAnswers,
        seen: Object.fromEntries(
          Object.entries(await stored()).map(([k, v]) => [k, fingerprint(v)]),
        ),
        questionIds: Object.keys(completeFubAnswers),
      },
      { personId: ids.kari!, now: t.clock.now() },
    );
    const file = (await storedPlan())!;
    fileId = file.fileId;
    expect((await post(at("/send"), "kari")).status).toBe(303);
    const [submission] = await t.db
      .select()
      .from(applicationSubmissions)
      .where(eq(applicationSubmissions.applicationId, appId));
    expect(submission!.answers.plan).toEqual({ kind: "file", file });
    expect(submission!.contentHash).toBe(contentHashOf(submission!.formId, submission!.answers));
    // The same answers with another file's checksum give another hash.
    const other = {
      ...submission!.answers,
      plan: { kind: "file" as const, file: { ...file, sha256: "0".repeat(64) } },
    };
    expect(contentHashOf(submission!.formId, other)).not.toBe(submission!.contentHash);

    const pdf = await get(at("/soknad.pdf"), "kari");
    const words = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(words).toContain("Vedlegg: planen.pdf (PDF, 1 kB)");
    expect(words).toContain(`SHA-256: ${file.sha256}`);

    const exported = await get(`/nb/admin/soknader/${appId}/soknad.json`, "frida");
    expect(exported.status).toBe(200);
    const json = (await exported.json()) as {
      application: { attachments: unknown[] };
    };
    expect(json.application.attachments).toEqual([
      {
        questionId: "plan",
        name: "planen.pdf",
        type: "application/pdf",
        size: file.bytes,
        sha256: file.sha256,
      },
    ]);
  });

  it("refuses any change to a submitted application's files", async () => {
    const upload = await postSection("kari", seenOn(await pageOf()), {
      "q-plan": asFile(pdfFile("Etterpå"), "etterpa.pdf"),
    });
    expect(upload.status).toBe(422);
    const remove = await postSection("kari", { removeFile: "plan" });
    expect(remove.status).toBe(422);
    expect((await storedPlan())!.fileId).toBe(fileId);
    const [n] = await t.db
      .select({ n: count() })
      .from(applicationFiles)
      .where(eq(applicationFiles.applicationId, appId));
    expect(n!.n).toBe(1);
  });

  it("shows the file to the admin and the assessors with a link, by the application's permissions", async () => {
    const admin = await (await get(`/nb/admin/soknader/${appId}`, "frida")).text();
    expect(admin).toContain(`href="/nb/admin/soknader/${appId}/vedlegg/${fileId}"`);
    const assessor = await (await get(`/nb/vurdering/soknader/${appId}`, "vera")).text();
    expect(assessor).toContain(`href="/nb/vurdering/soknader/${appId}/vedlegg/${fileId}"`);
    const cases: [string, string | undefined, number][] = [
      [at(`/vedlegg/${fileId}`), "kari", 200],
      [at(`/vedlegg/${fileId}`), "knut", 200],
      [at(`/vedlegg/${fileId}`), "olga", 403],
      [at(`/vedlegg/${fileId}`), "bente", 403],
      [at(`/vedlegg/${fileId}`), "frida", 403],
      [at(`/vedlegg/${fileId}`), undefined, 302],
      [`/nb/soknader/${otherAppId}/vedlegg/${fileId}`, "olga", 404],
      [at("/vedlegg/AAAAAAAAAAAAAAAAAAAAAA"), "kari", 404],
      [`/nb/admin/soknader/${appId}/vedlegg/${fileId}`, "frida", 200],
      [`/nb/admin/soknader/${appId}/vedlegg/${fileId}`, "ada", 403],
      [`/nb/admin/soknader/${appId}/vedlegg/${fileId}`, "kari", 403],
      [`/nb/admin/soknader/${appId}/vedlegg/${fileId}`, undefined, 302],
      [`/nb/vurdering/soknader/${appId}/vedlegg/${fileId}`, "vera", 200],
      [`/nb/vurdering/soknader/${appId}/vedlegg/${fileId}`, "nils", 403],
      [`/nb/vurdering/soknader/${appId}/vedlegg/${fileId}`, "kari", 403],
      [`/nb/vurdering/soknader/${appId}/vedlegg/${fileId}`, undefined, 302],
    ];
    for (const [path, who, status] of cases) {
      const res = await get(path, who);
      expect({ path, who, status: res.status }).toEqual({ path, who, status });
      if (status === 200) {
        expect(res.headers.get("content-type")).toBe("application/pdf");
        expect(res.headers.get("cache-control")).toBe("private, no-store");
      }
    }
  });
});
