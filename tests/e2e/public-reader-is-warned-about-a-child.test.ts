import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmationCount } from "../../src/kernel/child-guard-forms";
import { contactMessages } from "../../src/modules/contact/schema";
import {
  expectNoAxeViolations,
  loadsPage,
  openPage,
  screenshot,
  scriptModes,
  shown,
} from "../support/browser";
import { journeyKinds } from "../support/db";
import { useBrowser } from "../support/journey";
import { type TestServer, testServer } from "../support/server";

const browser = useBrowser();

const warningSummary = (page: Page) => page.locator(".warning-summary");
const confirmBox = (page: Page) => page.getByLabel("Teksten identifiserer ikke et barn");

/** Fill in everything but the message, as one sender. */
async function fillSender(page: Page, email: string) {
  await page.getByLabel("Navn").fill("Kari Nordmann");
  await page.getByLabel("E-postadresse").fill(email);
  await page.getByLabel("Kommune").selectOption("4204");
  await page.getByLabel("Hva gjelder det?").selectOption("question");
}

/** The reference of the receipt page the browser is on. */
function receiptReference(page: Page): string {
  const match = new URL(page.url()).pathname.match(
    /^\/nb\/kontakt\/kvittering\/(KS-[0-9A-Z]{4}-[0-9A-Z]{4})\/[\w-]+$/,
  );
  expect(match, page.url()).not.toBeNull();
  return match![1]!;
}

describe.each(journeyKinds)("a public reader is warned about naming a child, on %s", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await testServer(kind);
  });
  afterAll(() => server?.close());

  const stored = async (reference: string) =>
    (
      await server.db.select().from(contactMessages).where(eq(contactMessages.reference, reference))
    )[0];

  for (const { js, mode, tag } of scriptModes) {
    it(`${mode}: warned, rewrites the message and sends it; warned again, confirms and sends it`, async () => {
      const visit = await openPage(browser(), { js, baseURL: server.url });
      const { page } = visit;
      visit.allowErrorStatus(422);
      const email = `kari.${tag}@kristiansand.kommune.example`;

      // A message that names a child with an age: held back, with a warning and why.
      await page.goto("/nb/kontakt");
      await fillSender(page, email);
      const naming = "Emma (7 år) blir holdt utenfor i friminuttene. Hva kan skolen gjøre?";
      await page.getByLabel("Melding").fill(naming);
      await loadsPage(page, () => page.getByRole("button", { name: "Send melding" }).click());
      expect(visit.status()).toBe(422);
      // A warning is not an error: no "Feil:" in the title, no error summary.
      expect(await page.title()).toBe("Kontakt oss – Samspill");
      expect(await page.locator(".ds-error-summary").count()).toBe(0);
      expect(await page.locator(".warning-summary:focus").count()).toBe(1);
      expect(await shown(warningSummary(page).getByRole("heading"))).toBe(
        "Sjekk dette før du sender:",
      );
      const link = warningSummary(page).getByRole("link");
      expect(await shown(link)).toBe("Melding: kan identifisere et barn («Emma (7 år)»)");
      const warning = await shown(page.locator("#message-warning"));
      expect(warning).toContain("«Emma (7 år)»: et fornavn sammen med en alder");
      expect(warning).toContain("Skriv om teksten uten navn, alder, klasse eller diagnose.");
      expect(await page.locator("#message-warning .ds-sr-only").textContent()).toBe("Advarsel: ");
      const message = page.getByLabel("Melding");
      expect(await message.getAttribute("aria-describedby")).toContain("message-warning");
      expect(await message.getAttribute("aria-invalid")).toBeNull();
      expect(await message.inputValue()).toBe(naming);
      expect(await page.getByLabel("Navn").inputValue()).toBe("Kari Nordmann");
      expect(await confirmBox(page).isChecked()).toBe(false);
      await expectNoAxeViolations(page);
      await screenshot(page, `child-guard-warned-${tag}`);

      // The summary's link leads to the message.
      await link.click();
      expect(new URL(page.url()).hash).toBe("#message");

      // Rewritten without the child: sent, stored as written, nothing counted.
      const counted = await confirmationCount(server.db, "contact", "message");
      const rewritten = "Noen elever blir holdt utenfor i friminuttene. Hva kan skolen gjøre?";
      await message.fill(rewritten);
      await loadsPage(page, () => page.getByRole("button", { name: "Send melding" }).click());
      expect(visit.status()).toBe(200);
      const first = receiptReference(page);
      expect(await shown(page.getByRole("main"))).toContain(rewritten);
      expect((await stored(first))?.message).toBe(rewritten);
      expect(await confirmationCount(server.db, "contact", "message")).toBe(counted);

      // A message that only looks like it: warned, the writer confirms by keyboard and sends.
      await page.goto("/nb/kontakt");
      await fillSender(page, email);
      const looksLike = "Lise på 2. trinn har laget et fint opplegg om vennskap. Kan vi dele det?";
      await page.getByLabel("Melding").fill(looksLike);
      await loadsPage(page, () => page.getByRole("button", { name: "Send melding" }).click());
      expect(visit.status()).toBe(422);
      expect(await shown(page.locator("#message-warning"))).toContain(
        "«Lise på 2. trinn»: et fornavn sammen med en klasse, et trinn eller en avdeling",
      );
      await confirmBox(page).focus();
      await page.keyboard.press("Space");
      expect(await confirmBox(page).isChecked()).toBe(true);
      await screenshot(page, `child-guard-confirmed-${tag}`);
      await page.keyboard.press("Tab");
      await loadsPage(page, () => page.keyboard.press("Enter"));
      expect(visit.status()).toBe(200);
      const second = receiptReference(page);
      expect(await page.title()).toBe("Meldingen er sendt – Samspill");
      expect((await stored(second))?.message).toBe(looksLike);
      expect(await confirmationCount(server.db, "contact", "message")).toBe(counted + 1);
      await expectNoAxeViolations(page);
    });
  }
});
