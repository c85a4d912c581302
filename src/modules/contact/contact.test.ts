import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { confirmationCount } from "../../kernel/child-guard-forms";
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

  it("refuses a message with a national identity number beside the field, keeping the text", async () => {
    const before = await messages();
    const message = "Gjelder 010100 12356, kan dere ringe?";
    const res = await t.post("/nb/kontakt", { ...valid, message });
    expect(res.status).toBe(422);
    const html = await res.text();
    const sentence =
      "Ta bort fødselsnummeret eller D-nummeret (det som begynner med 010100). Vi tar ikke imot fødselsnumre her.";
    expect(html).toContain(`<a class="ds-link" href="#message">${sentence}</a>`);
    expect(html).toContain('id="message-error"');
    expect(html).toContain(`>${message}</textarea>`);
    expect(html).toContain('value="kari@kommune.samspill.example"');
    expect(await messages()).toBe(before);
  });

  it("holds back a message that looks as if it names a child, then stores it once confirmed", async () => {
    const before = await messages();
    const countBefore = await confirmationCount(t.db, "contact", "message");
    const message = "Emma (7 år) blir holdt utenfor i friminuttene. Hva gjør vi?";
    const warned = await t.post("/nb/kontakt", { ...valid, message });
    expect(warned.status).toBe(422);
    const html = await warned.text();
    // A warning, not an error: its own summary, the places beside the field, the box to tick.
    expect(html).toContain("Sjekk dette før du sender:");
    expect(html).not.toContain("For å gå videre må du rette opp dette:");
    expect(html).toContain(
      '<a class="ds-link" href="#message">Melding: kan identifisere et barn («Emma (7 år)»)</a>',
    );
    expect(html).toContain('id="message-warning"');
    expect(html).toContain("«Emma (7 år)»: et fornavn sammen med en alder");
    expect(html).toContain('aria-describedby="message-warning message-hint message-counter"');
    expect(html).toContain(`>${message}</textarea>`);
    expect(html).not.toContain("<title>Feil:");
    const box = html.match(
      /<input class="ds-input" type="checkbox" id="confirm-message" name="confirm-message" value="([\w-]+)"\/>/,
    );
    expect(box, "an unticked confirmation box").not.toBeNull();
    expect(await messages()).toBe(before);

    // Sent again with the box ticked: stored as written, and the confirmation counted.
    const confirmed = await t.post("/nb/kontakt", {
      ...valid,
      message,
      "confirm-message": box![1]!,
    });
    expect(confirmed.status).toBe(303);
    expect(await messages()).toBe(before + 1);
    const reference = confirmed.headers.get("location")!.split("/")[4]!;
    const [row] = await t.db
      .select()
      .from(contactMessages)
      .where(eq(contactMessages.reference, reference));
    expect(row?.message).toBe(message);
    expect(await confirmationCount(t.db, "contact", "message")).toBe(countBefore + 1);
  });

  it("shows the warning beside other errors at once, and keeps the box ticked", async () => {
    const message = "Ola i 3B kjem ofte for seint.";
    const first = await (await t.post("/nn/kontakt", { ...valid, message })).text();
    const value = first.match(/name="confirm-message" value="([\w-]+)"/)![1]!;
    const res = await t.post("/nn/kontakt", {
      ...valid,
      email: "",
      message,
      "confirm-message": value,
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Fyll ut e-postadresse");
    expect(html).toContain(
      "«Ola i 3B»: eit førenamn saman med ein klasse, eit trinn eller ei avdeling",
    );
    expect(html).toContain(`name="confirm-message" value="${value}" checked=""`);
    // Confirmed: no warning summary, only the error's.
    expect(html).not.toContain("Sjekk dette før du sender:");
  });

  it("warns again when the text changed to name another child after the box was ticked", async () => {
    const before = await messages();
    const first = await (
      await t.post("/en/kontakt", { ...valid, message: "Lise på 2. trinn." })
    ).text();
    const value = first.match(/name="confirm-message" value="([\w-]+)"/)![1]!;
    const res = await t.post("/en/kontakt", {
      ...valid,
      message: "Lise på 2. trinn og Jonas (8 år).",
      "confirm-message": value,
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Check this before you send:");
    expect(html).toContain("“Jonas (8 år)”: a first name with an age");
    expect(await messages()).toBe(before);
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
