import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newsletterSubscriptions } from "../../src/modules/newsletter/schema";
import { programmes } from "../../src/modules/programmes/schema";
import {
  expectNoAxeViolations,
  loadsPage,
  openPage,
  screenshot,
  scriptModes,
  shown,
} from "../support/browser";
import { journeyKinds } from "../support/db";
import { h1, summary, useBrowser } from "../support/journey";
import { type TestServer, testServer } from "../support/server";
import type { ReceivedMail } from "../support/smtp";

const IBS = "inkluderende-barnehage-og-skolemiljo";
const IBS_TITLE = "Inkluderende barnehage- og skolemiljø";

const browser = useBrowser();

/** A header exactly as it was sent (unfolded), e.g. "List-Unsubscribe: <https://…>". */
function headerLine(mail: ReceivedMail, name: string): string | undefined {
  const line = mail.raw.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line?.replace(/\r?\n[ \t]+/g, " ");
}

describe.each(journeyKinds)("a public reader subscribes to the newsletter, on %s", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await testServer(kind);
  });
  afterAll(() => server?.close());

  for (const { js, mode, tag } of scriptModes) {
    it(`${mode}: consent, double opt-in by e-mail, already subscribed, unsubscribe`, async () => {
      const email = `lise.${tag}@bodo.kommune.no`;
      const masked = `l***@bodo.kommune.no`;
      const visit = await openPage(browser(), { js, baseURL: server.url });
      const { page } = visit;
      await page.goto("/nb/nyhetsbrev");
      expect(await h1(page)).toBe("Nyhetsbrev");
      expect(await page.getByLabel("Alle tilbud").isChecked()).toBe(true);
      await expectNoAxeViolations(page);
      await screenshot(page, `newsletter-form-${tag}`);

      // Without consent: refused, with the choices kept.
      visit.allowErrorStatus(422);
      await page.getByLabel("E-postadresse", { exact: true }).fill(email);
      await page.getByLabel(IBS_TITLE).check();
      await loadsPage(page, () => page.getByRole("button", { name: "Meld meg på" }).click());
      expect(visit.status()).toBe(422);
      expect(await page.title()).toBe("Feil: Nyhetsbrev – Samspill");
      const consentError = "Du må samtykke for å abonnere";
      expect(await summary(page).getByRole("link").allInnerTexts()).toEqual([consentError]);
      expect(await summary(page).getByRole("link").getAttribute("href")).toBe("#consent");
      expect(await page.locator("#consent-error").textContent()).toBe(`Feil: ${consentError}`);
      expect(await page.getByLabel("E-postadresse", { exact: true }).inputValue()).toBe(email);
      expect(await page.getByLabel(IBS_TITLE).isChecked()).toBe(true);
      expect(await page.getByRole("checkbox").isChecked()).toBe(false);
      await expectNoAxeViolations(page);
      await screenshot(page, `newsletter-no-consent-${tag}`);

      // With consent: check your e-mail.
      await page.getByRole("checkbox", { name: /Jeg samtykker/ }).check();
      await loadsPage(page, () => page.getByRole("button", { name: "Meld meg på" }).click());
      expect(visit.status()).toBe(200);
      expect(new URL(page.url()).pathname).toMatch(/^\/nb\/nyhetsbrev\/sendt\/\d+\/[\w-]+$/);
      expect(await h1(page)).toBe("Sjekk e-posten din");
      expect(await shown(page.getByRole("main"))).toContain(
        `Vi har sendt en e-post til ${masked}.`,
      );
      await expectNoAxeViolations(page);
      await screenshot(page, `newsletter-check-email-${tag}`);

      const id = Number(new URL(page.url()).pathname.split("/")[4]);
      const subscription = () =>
        server.db.select().from(newsletterSubscriptions).where(eq(newsletterSubscriptions.id, id));
      const [ibs] = await server.db.select().from(programmes).where(eq(programmes.slug, IBS));
      expect((await subscription())[0]).toMatchObject({
        email,
        programmeId: ibs!.id,
        status: "pending",
        consentTextVersion: "newsletter-2026-11",
      });

      // The confirmation mail links back to this server.
      const confirmation = await server.mail(
        (m) => m.to === email && m.subject === "Bekreft påmeldingen til nyhetsbrevet",
      );
      const confirmLink = confirmation.text.match(/^(http\S+\/nyhetsbrev\/bekreft\/\S+)$/m)?.[1];
      expect(confirmLink?.startsWith(`${server.url}/nb/nyhetsbrev/bekreft/${id}.`)).toBe(true);
      await page.goto(confirmLink!);
      expect(await h1(page)).toBe("Bekreft påmeldingen");
      expect(await shown(page.getByRole("main"))).toContain(
        `Bekreft at ${masked} skal få nyhetsbrevet.`,
      );
      // Opening the link changes nothing (mail scanners open links too).
      expect((await subscription())[0]?.status).toBe("pending");
      await expectNoAxeViolations(page);
      await screenshot(page, `newsletter-confirm-${tag}`);
      await loadsPage(page, () =>
        page.getByRole("button", { name: "Bekreft påmeldingen" }).click(),
      );
      expect(new URL(page.url()).pathname).toBe("/nb/nyhetsbrev/bekreftet");
      expect(await h1(page)).toBe("Du er påmeldt");
      expect((await subscription())[0]?.status).toBe("confirmed");
      await expectNoAxeViolations(page);
      await screenshot(page, `newsletter-confirmed-${tag}`);

      // The welcome mail offers one-click unsubscribe (RFC 8058) and a link in its text.
      const welcome = await server.mail(
        (m) => m.to === email && m.subject === "Du er påmeldt nyhetsbrevet",
      );
      const unsubscribeLink = welcome.text.match(/(http\S+\/nyhetsbrev\/avmeld\/\S+)/)?.[1];
      expect(unsubscribeLink?.startsWith(`${server.url}/nb/nyhetsbrev/avmeld/${id}.`)).toBe(true);
      expect(headerLine(welcome, "List-Unsubscribe")).toBe(
        `List-Unsubscribe: <${unsubscribeLink}>`,
      );
      expect(headerLine(welcome, "List-Unsubscribe-Post")).toBe(
        "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
      );

      // The same address and programme again: already subscribed.
      await page.goto(`/nb/nyhetsbrev?tilbud=${IBS}`);
      expect(await page.getByLabel(IBS_TITLE).isChecked()).toBe(true);
      await page.getByLabel("E-postadresse", { exact: true }).fill(email);
      await page.getByRole("checkbox", { name: /Jeg samtykker/ }).check();
      await loadsPage(page, () => page.getByRole("button", { name: "Meld meg på" }).click());
      expect(visit.status()).toBe(422);
      expect(await page.title()).toBe("Feil: Nyhetsbrev – Samspill");
      const already = "Denne e-postadressen abonnerer allerede på dette nyhetsbrevet";
      expect(await summary(page).getByRole("link").allInnerTexts()).toEqual([already]);
      expect(await page.locator("#email-error").textContent()).toBe(`Feil: ${already}`);
      expect(await page.getByLabel("E-postadresse", { exact: true }).inputValue()).toBe(email);
      await expectNoAxeViolations(page);
      await screenshot(page, `newsletter-already-${tag}`);

      // Unsubscribing from the welcome mail's link: a question, a button, done.
      await page.goto(unsubscribeLink!);
      expect(await h1(page)).toBe("Meld deg av nyhetsbrevet");
      expect(await shown(page.getByRole("main"))).toContain(
        `Vil du at ${masked} ikke lenger skal få nyhetsbrevet?`,
      );
      expect((await subscription())[0]?.status).toBe("confirmed");
      await expectNoAxeViolations(page);
      await loadsPage(page, () => page.getByRole("button", { name: "Meld meg av" }).click());
      expect(new URL(page.url()).pathname).toBe("/nb/nyhetsbrev/avmeldt");
      expect(await h1(page)).toBe("Du er meldt av");
      await expectNoAxeViolations(page);
      await screenshot(page, `newsletter-unsubscribed-${tag}`);
      const [gone] = await subscription();
      expect(gone?.status).toBe("unsubscribed");
      expect(gone?.email).toMatch(/^sha256:[0-9a-f]{64}$/);
    });
  }

  it("without JavaScript: a forged confirmation link does not work", async () => {
    const visit = await openPage(browser(), { js: false, baseURL: server.url });
    const { page } = visit;
    visit.allowErrorStatus(400);
    const forged = `/nb/nyhetsbrev/bekreft/1.${Math.floor(Date.UTC(2026, 11, 1) / 1000)}.${"A".repeat(32)}`;
    await page.goto(forged);
    expect(visit.status()).toBe(400);
    expect(await h1(page)).toBe("Lenken virker ikke");
    expect(await shown(page.getByRole("main"))).toContain(
      "Lenken er ikke gyldig. Sjekk at du har kopiert hele lenken fra e-posten.",
    );
    const again = page.getByRole("main").getByRole("link", { name: "Meld deg på nyhetsbrevet" });
    expect(await again.getAttribute("href")).toBe("/nb/nyhetsbrev");
    await expectNoAxeViolations(page);
    await screenshot(page, "newsletter-forged-link-nojs");
  });
});
