import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { jobs } from "../../kernel/schema";
import { contactMessages } from "./schema";

const valid = {
  name: "Kari Nordmann",
  email: "kari@kommune.samspill.example",
  municipality: "3301",
  programme: "inkluderende-barnehage-og-skolemiljo",
  topic: "question",
  message: "Når åpner påmeldingen til neste pulje?",
};

describe.each(databaseKinds)("contact form on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(kind);
  });
  afterAll(() => t.close());

  const messages = async () => (await t.db.select({ n: count() }).from(contactMessages))[0]!.n;

  it("offers the real municipalities of today, grouped by county, and the phone numbers", async () => {
    const html = await (await t.app.request("/nb/kontakt")).text();
    expect(html).toContain('<optgroup label="Buskerud"><option value="3301">Drammen</option>');
    expect(html).not.toContain('value="3005"');
    expect((html.match(/<option value="\d{4}"/g) ?? []).length).toBe(357);
    expect(html).toContain("477 99 200");
  });

  it("stores the message, shows a receipt and e-mails it to the sender and the inbox", async () => {
    const before = await messages();
    const res = await t.post("/nb/kontakt", valid);
    expect(res.status).toBe(303);
    const location = res.headers.get("location")!;
    expect(location).toMatch(/^\/nb\/kontakt\/kvittering\/KS-[0-9A-Z]{4}-[0-9A-Z]{4}\/[\w-]+$/);
    expect(await messages()).toBe(before + 1);
    const reference = location.split("/")[4]!;

    const receipt = await t.app.request(location);
    expect(receipt.status).toBe(200);
    const html = await receipt.text();
    expect(html).toContain(reference);
    expect(html).toContain("kari@kommune.samspill.example");
    expect(receipt.headers.get("cache-control")).toBe("no-store");

    expect(await t.jobs.runDue()).toBe(2);
    const mail = await t.smtp.waitFor((m) => m.to === "kari@kommune.samspill.example");
    expect(mail.subject).toBe(`Kvittering: vi har fått meldingen din (${reference})`);
    expect(mail.text).toContain("Når åpner påmeldingen til neste pulje?");
    const inbox = await t.smtp.waitFor(
      (m) => m.subject.includes(reference) && m.to !== "kari@kommune.samspill.example",
    );
    expect(inbox.to).toBe("ibs@udir.samspill.example");
    // Issue 8, finding 13: the staff read names, not "3301 · question".
    expect(inbox.text).not.toContain("3301 · question");
    expect(inbox.text).toContain("Kommune: Drammen (3301)");
    expect(inbox.text).toContain("Gjelder: Spørsmål om et tilbud");
    expect(inbox.text).toContain("Tilbud: Inkluderende barnehage- og skolemiljø");
    expect(inbox.text).toContain("Skrevet på bokmål: svar på bokmål.");
  });

  it("writes the receipt in the sender's language", async () => {
    const res = await t.post("/nn/kontakt", {
      ...valid,
      email: "per@samspill.example",
      programme: "",
    });
    expect(res.status).toBe(303);
    await t.jobs.runDue();
    const mail = await t.smtp.waitFor((m) => m.to === "per@samspill.example");
    expect(mail.subject).toMatch(/^Kvittering: vi har fått meldinga di/);
  });

  it("shows every error beside its field and in a summary, keeps the input and stores nothing", async () => {
    const before = await messages();
    const jobsBefore = (await t.db.select({ n: count() }).from(jobs))[0]!.n;
    const res = await t.post("/nb/kontakt", {
      name: "",
      email: "ikke-en-adresse",
      municipality: "9999",
      programme: "",
      topic: "",
      message: "Hei",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("<title>Feil: Kontakt oss");
    for (const id of ["name", "email", "municipality", "topic"]) {
      expect(html).toContain(`href="#${id}"`);
      expect(html).toContain(`id="${id}-error"`);
    }
    expect(html).toContain("Fyll ut navn");
    expect(html).toContain("Skriv inn en gyldig e-postadresse");
    expect(html).toContain('value="ikke-en-adresse"');
    expect(html).toContain(">Hei</textarea>");
    expect(await messages()).toBe(before);
    expect((await t.db.select({ n: count() }).from(jobs))[0]!.n).toBe(jobsBefore);
  });

  it("refuses a municipality code that no longer exists (merged in 2024)", async () => {
    const res = await t.post("/en/kontakt", { ...valid, municipality: "3005" });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Choose a municipality from the list");
  });

  it("refuses a message over 2000 characters", async () => {
    const res = await t.post("/nb/kontakt", { ...valid, message: "x".repeat(2001) });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Melding kan ha høyst 2000 tegn");
  });

  it("masks a national identity number in the message and says so on the receipt", async () => {
    const res = await t.post("/nb/kontakt", {
      ...valid,
      message: "Gjelder 01010012356, kan dere ringe?",
    });
    const html = await (await t.app.request(res.headers.get("location")!)).text();
    expect(html).toContain("Gjelder [***], kan dere ringe?");
    expect(html).toContain("noe som så ut som et fødselsnummer");
  });

  it("does not show a receipt without its signature", async () => {
    const res = await t.post("/nb/kontakt", valid);
    const location = res.headers.get("location")!;
    const forged = location.replace(/\/[\w-]+$/, "/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    expect((await t.app.request(forged)).status).toBe(404);
  });

  it("answers a post that is not a form with 400, and a cross-site post with 403", async () => {
    const json = await t.app.request("/nb/kontakt", {
      method: "POST",
      body: JSON.stringify(valid),
      headers: { "Content-Type": "application/json", Origin: "http://localhost" },
    });
    expect(json.status).toBe(400);
    const cross = await t.post("/nb/kontakt", valid, { Origin: "https://evil.example" });
    expect(cross.status).toBe(403);
    const noOrigin = await t.app.request("/nb/kontakt", {
      method: "POST",
      body: new URLSearchParams(valid),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(noOrigin.status).toBe(403);
  });

  it("answers a body over 64 kB with 413", async () => {
    const res = await t.post("/nb/kontakt", { ...valid, message: "x".repeat(70_000) });
    expect(res.status).toBe(413);
  });
});
