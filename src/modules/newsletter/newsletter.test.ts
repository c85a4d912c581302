import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { CONSENT_TEXTS, CURRENT_CONSENT } from "./consent";
import { newsletterSubscriptions } from "./schema";

const linkIn = (text: string, kind: "bekreft" | "avmeld") => {
  const match = text.match(new RegExp(`https?://[^\\s]+/nyhetsbrev/${kind}/[\\w.-]+`));
  if (!match) throw new Error(`no ${kind} link in mail`);
  return new URL(match[0]).pathname;
};

describe.each(databaseKinds)("newsletter on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(kind);
  });
  afterAll(() => t.close());

  async function subscribeAndReadMail(
    email: string,
    scope = "inkluderende-barnehage-og-skolemiljo",
  ) {
    const res = await t.post("/nb/nyhetsbrev", { email, scope, consent: "yes" });
    expect(res.status).toBe(303);
    await t.jobs.runDue();
    return {
      res,
      mail: await t.smtp.waitFor((m) => m.to === email && m.subject.startsWith("Bekreft")),
    };
  }

  it("takes a subscription with consent recorded, then confirms it through the link (double opt-in)", async () => {
    const { res, mail } = await subscribeAndReadMail("ola@samspill.example");
    const check = await t.app.request(res.headers.get("location")!);
    expect(await check.text()).toContain("o***@samspill.example");
    const [pending] = await t.db
      .select()
      .from(newsletterSubscriptions)
      .where(eq(newsletterSubscriptions.email, "ola@samspill.example"));
    expect(pending).toMatchObject({
      status: "pending",
      consentTextVersion: CURRENT_CONSENT,
      lang: "nb",
    });
    expect(pending?.consentedAt.toISOString()).toBe("2026-11-23T10:00:00.000Z");
    expect(CONSENT_TEXTS[CURRENT_CONSENT]?.nb).toContain("Jeg samtykker");
    expect(mail.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");

    const confirmPath = linkIn(mail.text, "bekreft");
    // Opening the link changes nothing: mail scanners open links too.
    const page = await t.app.request(confirmPath);
    expect(await page.text()).toContain("Bekreft påmeldingen");
    const [stillPending] = await t.db
      .select()
      .from(newsletterSubscriptions)
      .where(eq(newsletterSubscriptions.id, pending!.id));
    expect(stillPending?.status).toBe("pending");

    const confirm = await t.post(confirmPath, {});
    expect(confirm.status).toBe(303);
    expect(confirm.headers.get("location")).toBe("/nb/nyhetsbrev/bekreftet");
    const [confirmed] = await t.db
      .select()
      .from(newsletterSubscriptions)
      .where(eq(newsletterSubscriptions.id, pending!.id));
    expect(confirmed?.status).toBe("confirmed");

    await t.jobs.runDue();
    const welcome = await t.smtp.waitFor(
      (m) => m.to === "ola@samspill.example" && m.subject.includes("påmeldt"),
    );
    const header = String(welcome.headers.get("list-unsubscribe"));
    expect(header).toMatch(/^<http:\/\/localhost\/nb\/nyhetsbrev\/avmeld\/[\w.-]+>$/);
  });

  it("refuses a second subscription of a confirmed address with a message beside the field", async () => {
    const res = await t.post("/nb/nyhetsbrev", {
      email: "OLA@samspill.example",
      scope: "inkluderende-barnehage-og-skolemiljo",
      consent: "yes",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("abonnerer allerede");
    expect(html).toContain('href="#email"');
  });

  it("sends a fresh link when a pending address subscribes again, without a second row", async () => {
    await subscribeAndReadMail("kari@samspill.example", "all");
    t.clock.advance(60_000);
    await subscribeAndReadMail("kari@samspill.example", "all");
    const rows = await t.db
      .select()
      .from(newsletterSubscriptions)
      .where(eq(newsletterSubscriptions.email, "kari@samspill.example"));
    expect(rows).toHaveLength(1);
    expect(t.smtp.received.filter((m) => m.to === "kari@samspill.example")).toHaveLength(2);
  });

  it("unsubscribes with one click from a mail client (RFC 8058), forgetting the address", async () => {
    const { mail } = await subscribeAndReadMail("one@samspill.example");
    const unsubscribePath = linkIn(mail.text, "avmeld");
    // A mail client posts from no page of ours: no Origin, no Sec-Fetch-Site.
    const res = await t.app.request(unsubscribePath, {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(200);
    const rows = await t.db
      .select()
      .from(newsletterSubscriptions)
      .where(eq(newsletterSubscriptions.status, "unsubscribed"));
    const row = rows.find((r) => r.email.startsWith("sha256:"));
    expect(row?.unsubscribedAt).not.toBeNull();
    expect(rows.some((r) => r.email.includes("one@samspill.example"))).toBe(false);
  });

  it("unsubscribes through the page with a button", async () => {
    const { mail } = await subscribeAndReadMail("two@samspill.example");
    const path = linkIn(mail.text, "avmeld");
    expect(await (await t.app.request(path)).text()).toContain("Meld meg av");
    const res = await t.post(path, {});
    expect(res.status).toBe(303);
    expect(await (await t.app.request(res.headers.get("location")!)).text()).toContain(
      "Du er meldt av",
    );
  });

  it("explains an expired or a forged confirmation link", async () => {
    const { mail } = await subscribeAndReadMail("late@samspill.example");
    const path = linkIn(mail.text, "bekreft");
    const forged = path.replace(/\.[\w-]+$/, ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    const forgedPage = await t.app.request(forged);
    expect(forgedPage.status).toBe(400);
    expect(await forgedPage.text()).toContain("Lenken er ikke gyldig");
    t.clock.advance(8 * 86_400_000);
    const expired = await t.post(path, {});
    expect(expired.status).toBe(400);
    expect(await expired.text()).toContain("Lenken er for gammel");
    t.clock.advance(-8 * 86_400_000);
  });

  it("requires consent and a valid address, keeping what was typed", async () => {
    const res = await t.post("/en/nyhetsbrev", { email: "not-an-address", scope: "all" });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("You must give your consent to subscribe");
    expect(html).toContain("Enter a valid e-mail address");
    expect(html).toContain('value="not-an-address"');
    const unknown = await t.post("/nb/nyhetsbrev", {
      email: "x@samspill.example",
      scope: "finnes-ikke",
      consent: "yes",
    });
    expect(unknown.status).toBe(422);
  });
});
