import { and, count, eq } from "drizzle-orm";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { MAIL_JOB } from "../../kernel/mail-jobs";
import { jobs } from "../../kernel/schema";
import { demoEmail, insertTestPerson } from "../identity";
import { getPublicProgramme } from "../programmes";
import { answersOf, fingerprint } from "./drafts";
import { saveForm } from "./forms";
import { fubApplicationForm } from "./fub-form";
import { RECEIPT_JOB } from "./receipt-mail";
import { openRound } from "./rounds";
import { applicationSubmissions, applications } from "./schema";

const text = async (res: Response) =>
  (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

/** The text of a PDF, as a reader gets it out (words joined by single spaces). */
async function pdfText(pdf: Uint8Array) {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    pages.push(content.items.map((i) => ("str" in i ? i.str : "")).join(" "));
  }
  return pages.join(" ").replace(/\s+/g, " ");
}

/** The hidden fingerprints of a page's section form, as a browser would post them back. */
async function seenOnPage(res: Response | string) {
  const html = typeof res === "string" ? res : await res.text();
  const seen: Record<string, string> = {};
  for (const m of html.matchAll(/name="(seen-[a-z0-9-]+)" value="([^"]*)"/g)) seen[m[1]!] = m[2]!;
  return seen;
}

describe.each(databaseKinds)("the municipality applies (%s)", (kind) => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  let roundId = 0;
  const cohortId = 9000;
  // The demo may have published versions of FUB/FUG's form before this test's.
  let formVersion = 0;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    Object.assign(ids, await demoPeopleIds(t.db, ["kari", "frida", "bente", "ada"]));
    const now = t.clock.now();
    // Knut coordinates Kristiansand with Kari; Olga coordinates Arendal.
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
    const fub = (await getPublicProgramme(t.db, "bedre-foreldresamarbeid", "nb"))!.programme;
    const admin = { personId: ids.frida!, now };
    const form = await saveForm(
      t.db,
      { programmeId: fub.id, definition: fubApplicationForm },
      admin,
    );
    if (!form.ok) throw new Error("form");
    formVersion = form.version;
    const round = await openRound(
      t.db,
      { cohortId, programmeId: fub.id, deadline: "2026-12-15", criteria: [] },
      admin,
    );
    if (!round.ok) throw new Error(JSON.stringify(round.errors));
    roundId = round.roundId;
  });
  afterAll(() => t.close());

  const { get, post } = requestsAs(() => t, ids);
  const postJson = async (path: string, who: string, form: Record<string, string>) =>
    t.post(path, form, {
      Cookie: (await requestsAs(() => t, ids).cookie(who)) as string,
      Accept: "application/json",
    });

  let appId = 0;
  const at = (rest = "") => `/nb/soknader/${appId}${rest}`;

  it("shows anyone the round and the questions before signing in, with the way in", async () => {
    const res = await get("/nb/tilbud/bedre-foreldresamarbeid/soknad");
    expect(res.status).toBe(200);
    const page = await text(res);
    expect(page).toContain("Søknadsrunden er åpen. Fristen er 15. desember 2026 kl. 23:59.");
    expect(page).toContain("Logg inn for å søke");
    expect(page).toContain("Motivasjon");
    expect(page).toContain("Forpliktelser");
    const nn = await text(await get("/nn/tilbud/bedre-foreldresamarbeid/soknad"));
    expect(nn).toContain("Logg inn for å søkje");
    const signedIn = await text(await get("/nb/tilbud/bedre-foreldresamarbeid/soknad", "kari"));
    expect(signedIn).toContain("Gå til kommunens søknader");
    expect((await get("/nb/tilbud/finnes-ikke/soknad")).status).toBe(404);
  });

  it("lets only municipal coordinators in: sign-in for nobody, 403 for others", async () => {
    const anonymous = await get("/nb/soknader");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toContain("/nb/logg-inn");
    expect((await get("/nb/soknader", "bente")).status).toBe(403);
    expect((await get("/nb/soknader", "frida")).status).toBe(403);
    expect(
      (await post("/nb/soknader", "bente", { round: String(roundId), municipality: "4204" }))
        .status,
    ).toBe(403);
    const kari = await get("/nb/soknader", "kari");
    expect(kari.status).toBe(200);
    const page = await text(kari);
    expect(page).toContain("Bedre foreldresamarbeid");
    expect(page).toContain("Start søknad");
  });

  it("starts one application per municipality: a colleague opens the same draft", async () => {
    const start = { round: String(roundId), municipality: "4204" };
    const first = await post("/nb/soknader", "kari", start);
    expect(first.status).toBe(303);
    appId = Number(first.headers.get("location")!.split("/").at(-1));
    expect(appId).toBeGreaterThan(0);
    const second = await post("/nb/soknader", "knut", start);
    expect(second.headers.get("location")).toBe(`/nb/soknader/${appId}`);
    const [n] = await t.db
      .select({ n: count() })
      .from(applications)
      .where(eq(applications.roundId, roundId));
    expect(n!.n).toBe(1);
    expect(await text(await get("/nb/soknader", "kari"))).toContain("Utkast");
  });

  it("refuses a malformed start (400), another municipality's (403) and an unknown round (404)", async () => {
    expect((await post("/nb/soknader", "kari", { round: "x", municipality: "4204" })).status).toBe(
      400,
    );
    expect(
      (await post("/nb/soknader", "kari", { round: String(roundId), municipality: "4203" })).status,
    ).toBe(403);
    expect(
      (await post("/nb/soknader", "kari", { round: "99999", municipality: "4204" })).status,
    ).toBe(404);
  });

  it("shows the overview to the municipality only: 403 for another's coordinator, 404 for none", async () => {
    const res = await get(at(), "kari");
    expect(res.status).toBe(200);
    const page = await text(res);
    expect(page).toContain("Søknad: Bedre foreldresamarbeid");
    expect(page).toContain("Dette mangler før dere kan sende inn");
    expect(page).toContain("Motivasjon");
    expect((await get(at(), "olga")).status).toBe(403);
    expect((await get(at(), "bente")).status).toBe(403);
    expect((await get(at("/del/motivasjon"), "olga")).status).toBe(403);
    expect((await post(at("/send"), "olga")).status).toBe(403);
    expect((await get("/nb/soknader/999999", "kari")).status).toBe(404);
    expect((await get(at("/del/finnes-ikke"), "kari")).status).toBe(404);
    expect((await get(at("/kvittering"), "kari")).status).toBe(302);
    expect((await get(at("/soknad.pdf"), "kari")).status).toBe(404);
  });

  it("saves a section without JavaScript, and says so", async () => {
    const seen = await seenOnPage(await get(at("/del/motivasjon"), "kari"));
    expect(Object.keys(seen)).toEqual(["seen-hvorfor", "seen-malgruppe"]);
    const form = new URLSearchParams({ ...seen, "q-hvorfor": "Vi vil møte foreldrene bedre." });
    form.append("q-malgruppe", "barnehage");
    form.append("q-malgruppe", "skole");
    const res = await post(at("/del/motivasjon"), "kari", form);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${at("/del/motivasjon")}?melding=lagret`);
    const page = await get(`${at("/del/motivasjon")}?melding=lagret`, "kari");
    const html = await page.text();
    expect(html).toContain("Svarene er lagret.");
    expect(html).toContain("Vi vil møte foreldrene bedre.");
    const { answers } = await answersOf(t.db, appId);
    expect(answers.malgruppe).toEqual({ kind: "choices", values: ["barnehage", "skole"] });
  });

  it("keeps the input and shows the error beside the field and in the summary (422)", async () => {
    const seen = await seenOnPage(await get(at("/del/omfang"), "kari"));
    const res = await post(at("/del/omfang"), "kari", {
      ...seen,
      "q-periode-from": "2027-08-01",
      "q-periode-to": "2027-07-01",
      "q-enheter": "åtte",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('href="#q-periode-to"');
    expect(html).toContain('id="q-periode-to-error"');
    expect(html).toContain('value="åtte"');
    expect(html).toContain("Feil:");
    const { answers } = await answersOf(t.db, appId);
    expect(answers.periode).toBeUndefined();
  });

  it("refuses a form that is not a form (400)", async () => {
    const cookie = await requestsAs(() => t, ids).cookie("kari");
    const res = await t.app.request(at("/del/omfang"), {
      method: "POST",
      body: "{}",
      headers: { "Content-Type": "application/json", Origin: "http://localhost", Cookie: cookie },
    });
    expect(res.status).toBe(400);
  });

  it("shows a colleague's newer answer beside the field and keeps the user's own (409)", async () => {
    const karisPage = await seenOnPage(await get(at("/del/motivasjon"), "kari"));
    const knutsPage = await seenOnPage(await get(at("/del/motivasjon"), "knut"));
    const knut = await post(at("/del/motivasjon"), "knut", {
      ...knutsPage,
      "q-hvorfor": "Knuts tekst.",
    });
    expect(knut.status).toBe(303);
    const kari = await post(at("/del/motivasjon"), "kari", {
      ...karisPage,
      "q-hvorfor": "Karis tekst.",
    });
    expect(kari.status).toBe(409);
    const html = await kari.text();
    const page = html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(page).toContain("Knut Kollega endret dette kl.");
    expect(page).toContain("«Knuts tekst.»");
    expect(page).toContain("Karis tekst.");
    expect((await answersOf(t.db, appId)).answers.hvorfor).toEqual({
      kind: "text",
      value: "Knuts tekst.",
    });
    // Saving again from that page means Kari's text, knowingly.
    const again = await post(at("/del/motivasjon"), "kari", {
      ...(await seenOnPage(html)),
      "q-hvorfor": "Karis tekst.",
    });
    expect(again.status).toBe(303);
    expect((await answersOf(t.db, appId)).answers.hvorfor).toEqual({
      kind: "text",
      value: "Karis tekst.",
    });
  });

  it("autosaves with JSON: the version, the fingerprints and errors as sentences", async () => {
    const seen = await seenOnPage(await get(at("/del/motivasjon"), "kari"));
    const res = await postJson(at("/del/motivasjon"), "kari", {
      ...seen,
      "q-hvorfor": "Autolagret tekst.",
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      version: number;
      saved: string[];
      seen: Record<string, string>;
      savedAt: string;
    };
    expect(body.saved).toEqual(["hvorfor"]);
    expect(body.seen.hvorfor).toBe(fingerprint({ kind: "text", value: "Autolagret tekst." }));
    expect(body.savedAt).toMatch(/^\d\d:\d\d$/);
    const bad = await postJson(at("/del/omfang"), "kari", { "seen-enheter": "", "q-enheter": "x" });
    expect(bad.status).toBe(422);
    const errors = ((await bad.json()) as { errors: Record<string, string> }).errors;
    expect(errors["q-enheter"]).toContain("helt tall");
  });

  it("shows a conditional question after the answer that asks it is saved", async () => {
    const before = await (await get(at("/del/forankring"), "kari")).text();
    expect(before).toMatch(/data-question="foreldreutvalg-plan"[^>]*hidden/);
    const seen = await seenOnPage(await get(at("/del/forankring"), "kari"));
    await post(at("/del/forankring"), "kari", { ...seen, "q-foreldreutvalg": "nei" });
    const after = await (await get(at("/del/forankring"), "kari")).text();
    expect(after).not.toMatch(/data-question="foreldreutvalg-plan"[^>]*hidden/);
  });

  it("adds and removes activity rows without JavaScript", async () => {
    const seen = await seenOnPage(await get(at("/del/omfang"), "kari"));
    const row = (i: number, kindOf: string) => ({
      [`q-aktiviteter-${i}-kind`]: kindOf,
      [`q-aktiviteter-${i}-mode`]: "digital",
      [`q-aktiviteter-${i}-count`]: "2",
    });
    const added = await post(at("/del/omfang"), "kari", {
      ...seen,
      ...row(0, "parent-meeting"),
      add: "aktiviteter",
    });
    expect(added.status).toBe(303);
    expect(added.headers.get("location")).toContain("#q-aktiviteter");
    const seen2 = await seenOnPage(await get(at("/del/omfang"), "kari"));
    await post(at("/del/omfang"), "kari", {
      ...seen2,
      ...row(0, "parent-meeting"),
      ...row(1, "staff-meeting"),
    });
    const seen3 = await seenOnPage(await get(at("/del/omfang"), "kari"));
    await post(at("/del/omfang"), "kari", {
      ...seen3,
      ...row(0, "parent-meeting"),
      ...row(1, "staff-meeting"),
      remove: "aktiviteter:0",
    });
    const rows = (await answersOf(t.db, appId)).answers.aktiviteter;
    expect(rows).toEqual({
      kind: "rows",
      rows: [{ kind: "staff-meeting", mode: "digital", count: "2", when: "", note: "" }],
    });
  });

  it("lists what is missing on submit (422), then submits once, with a receipt, a PDF and mail", async () => {
    const refused = await post(at("/send"), "kari");
    expect(refused.status).toBe(422);
    const page = await refused.text();
    expect(page).toContain(`href="/nb/soknader/${appId}/del/forankring#q-ledelse"`);
    expect(page).toContain(`href="/nb/soknader/${appId}/del/forpliktelser#q-forpliktelser"`);

    const fill = async (section: string, form: URLSearchParams) => {
      const seen = await seenOnPage(await get(at(`/del/${section}`), "kari"));
      for (const [k, v] of Object.entries(seen)) form.set(k, v);
      const res = await post(at(`/del/${section}`), "kari", form);
      expect(res.status).toBe(303);
    };
    const motivation = new URLSearchParams({ "q-hvorfor": "Karis tekst." });
    motivation.append("q-malgruppe", "barnehage");
    await fill("motivasjon", motivation);
    await fill(
      "forankring",
      new URLSearchParams({
        "q-ledelse": "Kommunalsjefen leder.",
        "q-struktur": "Fast sak i ledermøtet.",
        "q-foreldreutvalg": "ja",
      }),
    );
    await fill(
      "omfang",
      new URLSearchParams({
        "q-periode-from": "2027-08-01",
        "q-periode-to": "2028-07-31",
        "q-form": "mostly-digital",
        "q-aktiviteter-0-kind": "parent-meeting",
        "q-aktiviteter-0-mode": "digital",
        "q-aktiviteter-0-count": "3",
        "q-enheter": "8",
      }),
    );
    const commitments = new URLSearchParams();
    commitments.append("q-forpliktelser", "tid");
    commitments.append("q-forpliktelser", "kostnader");
    await fill("forpliktelser", commitments);

    const overview = await text(await get(at(), "kari"));
    expect(overview).toContain("Alt som kreves er fylt ut.");

    const [first, second] = await Promise.all([
      post(at("/send"), "kari"),
      post(at("/send"), "knut"),
    ]);
    expect(first.status).toBe(303);
    expect(second.status).toBe(303);
    expect(first.headers.get("location")).toBe(at("/kvittering"));
    const [n] = await t.db
      .select({ n: count() })
      .from(applicationSubmissions)
      .where(eq(applicationSubmissions.applicationId, appId));
    expect(n!.n).toBe(1);
    const [stored] = await t.db
      .select()
      .from(applicationSubmissions)
      .where(eq(applicationSubmissions.applicationId, appId));

    const receipt = await text(await get(at("/kvittering"), "kari"));
    expect(receipt).toContain("Søknaden er sendt inn");
    expect(receipt).toContain(stored!.contentHash);
    expect(receipt).toContain(`Skjemaversjon ${formVersion}`);

    const pdf = await get(at("/soknad.pdf"), "kari");
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");

    // A submitted application's sections are closed to edits.
    expect((await get(at("/del/motivasjon"), "kari")).status).toBe(302);
    const late = await post(at("/del/motivasjon"), "kari", {
      "seen-hvorfor": "",
      "q-hvorfor": "x",
    });
    expect(late.status).toBe(422);

    // The request queued the receipt with the submission, once for the two clicks, and built
    // no PDF: the job loop does, from what was stored.
    const queued = await t.db
      .select({ kind: jobs.kind, payload: jobs.payload, done: jobs.doneAt })
      .from(jobs)
      .where(
        and(eq(jobs.kind, RECEIPT_JOB), eq(jobs.idempotencyKey, `application-receipt:${appId}`)),
      );
    expect(queued).toEqual([{ kind: RECEIPT_JOB, payload: { applicationId: appId }, done: null }]);
    const mailKeys = async () =>
      (await t.db.select({ key: jobs.idempotencyKey }).from(jobs).where(eq(jobs.kind, MAIL_JOB)))
        .map((j) => j.key)
        .filter((key) => key?.startsWith(`application-receipt:${appId}:`));
    expect(await mailKeys()).toEqual([]);

    await t.jobs.runDue();
    expect((await mailKeys()).sort()).toEqual([
      `application-receipt:${appId}:${demoEmail("kari")}`,
      `application-receipt:${appId}:knut@kommune.example.org`,
    ]);
    for (const who of ["kari", "knut"]) {
      const email = who === "kari" ? demoEmail("kari") : "knut@kommune.example.org";
      const mail = await t.smtp.waitFor(
        (m) => m.to === email && m.subject.startsWith("Kvittering"),
      );
      expect(mail.text).toContain(stored!.contentHash);
      expect(mail.text).toContain(`http://localhost/nb/soknader/${appId}/kvittering`);
      expect(mail.raw.attachments.map((a) => a.contentType)).toEqual(["application/pdf"]);
      const attached = await pdfText(mail.raw.attachments[0]!.content);
      // The PDF is the stored submission: its hash, and the answers as they were sent.
      expect(attached).toContain(stored!.contentHash);
      expect(attached).toContain("Karis tekst.");
      expect(attached).toContain("Kommunalsjefen leder.");
    }
    const kariMails = t.smtp.received.filter((m) => m.to === demoEmail("kari"));
    expect(kariMails.filter((m) => m.subject.startsWith("Kvittering"))).toHaveLength(1);
  });

  it("withdraws the application", async () => {
    expect((await post(at("/trekk"), "olga")).status).toBe(403);
    const res = await post(at("/trekk"), "kari");
    expect(res.status).toBe(303);
    const page = await text(await get(`${at()}?melding=withdrawn`, "kari"));
    expect(page).toContain("Søknaden er trukket.");
    expect(page).toContain("Trukket");
    expect((await post(at("/trekk"), "kari")).status).toBe(422);
  });
});
