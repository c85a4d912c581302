import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
import { summary, useBrowser } from "../support/journey";
import { type TestServer, testServer } from "../support/server";

const browser = useBrowser();

/** The error shown beside a field, with its visually hidden "Feil:" prefix. */
const fieldError = (page: Page, field: string) => page.locator(`#${field}-error`);

/** What each run sends: with JavaScript about a programme, without about nothing in particular. */
const senders = {
  js: {
    name: "Kari Nordmann",
    email: "kari.nordmann@oslo.kommune.no",
    programme: "inkluderende-barnehage-og-skolemiljo",
    inbox: "ibs@udir.samspill.example",
  },
  nojs: {
    name: "Ola Nordmann",
    email: "ola.nordmann@oslo.kommune.no",
    programme: "",
    inbox: "postmottak@samspill.example",
  },
};

describe.each(journeyKinds)("a public reader uses the contact form, on %s", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await testServer(kind);
  });
  afterAll(() => server?.close());

  for (const { js, mode, tag } of scriptModes) {
    it(`${mode}: errors, a kept form, a receipt page and a receipt e-mail`, async () => {
      const sender = senders[tag];
      const visit = await openPage(browser(), { js, baseURL: server.url });
      const { page } = visit;
      await page.goto("/nb/kontakt");
      expect(await page.title()).toBe("Kontakt oss – Samspill");
      // Those who would rather call are told how.
      const main = page.getByRole("main");
      const phones = main.getByText(/^Du kan også ringe/);
      expect(await phones.allInnerTexts()).toEqual([
        "Du kan også ringe Utdanningsdirektoratet på 23 30 12 00.",
        "Du kan også ringe FUB/FUG på 477 99 200.",
      ]);
      await expectNoAxeViolations(page);
      await screenshot(page, `contact-form-${tag}`);

      // Sent empty: a summary linking to each field, the errors beside the fields.
      visit.allowErrorStatus(422);
      await loadsPage(page, () => page.getByRole("button", { name: "Send melding" }).click());
      expect(visit.status()).toBe(422);
      expect(await page.title()).toBe("Feil: Kontakt oss – Samspill");
      expect(await page.locator(".ds-error-summary:focus").count()).toBe(1);
      const errors = {
        name: "Fyll ut navn",
        email: "Fyll ut e-postadresse",
        municipality: "Velg en kommune fra listen",
        topic: "Velg hva det gjelder",
        message: "Fyll ut melding",
      };
      const links = await summary(page).getByRole("link").all();
      const listed: Record<string, string> = {};
      for (const link of links) listed[(await link.getAttribute("href")) ?? ""] = await shown(link);
      expect(listed).toEqual(
        Object.fromEntries(Object.entries(errors).map(([field, text]) => [`#${field}`, text])),
      );
      for (const [field, text] of Object.entries(errors)) {
        expect(await fieldError(page, field).textContent()).toBe(`Feil: ${text}`);
        const control = page.locator(`#${field}`);
        expect(await control.getAttribute("aria-invalid")).toBe("true");
        expect(await control.getAttribute("aria-describedby")).toContain(`${field}-error`);
      }
      expect(await fieldError(page, "programme").count()).toBe(0);
      await expectNoAxeViolations(page);
      await screenshot(page, `contact-form-empty-${tag}`);

      // The summary's links lead to their fields.
      await summary(page).getByRole("link", { name: "Velg en kommune fra listen" }).click();
      expect(new URL(page.url()).hash).toBe("#municipality");

      // Everything filled in, but the address is malformed.
      const message = "Når kommer neste pulje, og kan barnehagene i bydelen være med?";
      await page.getByLabel("Navn").fill(sender.name);
      const malformed = sender.email.replace(".kommune.no", "");
      await page.getByLabel("E-postadresse").fill(malformed);
      await page.getByLabel("Kommune").selectOption("0301");
      await page.getByLabel("Tilbud", { exact: true }).selectOption(sender.programme);
      await page.getByLabel("Hva gjelder det?").selectOption("question");
      await page.getByLabel("Melding").fill(message);
      await loadsPage(page, () => page.getByRole("button", { name: "Send melding" }).click());
      expect(visit.status()).toBe(422);
      expect(await page.title()).toBe("Feil: Kontakt oss – Samspill");
      const emailError = "Skriv inn en gyldig e-postadresse, for eksempel navn@kommune.no";
      expect(await summary(page).getByRole("link").allInnerTexts()).toEqual([emailError]);
      expect(await summary(page).getByRole("link").getAttribute("href")).toBe("#email");
      expect(await fieldError(page, "email").textContent()).toBe(`Feil: ${emailError}`);
      for (const field of ["name", "municipality", "topic", "message"]) {
        expect(await fieldError(page, field).count()).toBe(0);
      }
      expect(await page.getByLabel("Navn").inputValue()).toBe(sender.name);
      expect(await page.getByLabel("E-postadresse").inputValue()).toBe(malformed);
      expect(await page.getByLabel("Kommune").inputValue()).toBe("0301");
      expect(await shown(page.getByLabel("Kommune").locator("option:checked"))).toBe(
        "Oslo - Oslove",
      );
      expect(await page.getByLabel("Tilbud", { exact: true }).inputValue()).toBe(sender.programme);
      expect(await page.getByLabel("Hva gjelder det?").inputValue()).toBe("question");
      expect(await page.getByLabel("Melding").inputValue()).toBe(message);
      await expectNoAxeViolations(page);
      await screenshot(page, `contact-form-bad-email-${tag}`);

      // Corrected: the receipt page, with a reference to quote.
      await page.getByLabel("E-postadresse").fill(sender.email);
      await loadsPage(page, () => page.getByRole("button", { name: "Send melding" }).click());
      expect(visit.status()).toBe(200);
      const receipt = new URL(page.url()).pathname.match(
        /^\/nb\/kontakt\/kvittering\/(KS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})\/[\w-]+$/,
      );
      expect(receipt, page.url()).not.toBeNull();
      const reference = receipt![1]!;
      expect(await page.title()).toBe("Meldingen er sendt – Samspill");
      expect(await shown(page.getByRole("heading", { level: 1 }))).toBe("Meldingen er sendt");
      const receiptText = await shown(page.getByRole("main"));
      expect(receiptText).toContain(
        `Vi har fått meldingen din og sendt en kvittering til ${sender.email}.`,
      );
      expect(receiptText).toContain(reference);
      expect(receiptText).toContain(message);
      await expectNoAxeViolations(page);
      await screenshot(page, `contact-receipt-${tag}`);

      const [stored] = await server.db
        .select()
        .from(contactMessages)
        .where(eq(contactMessages.reference, reference));
      expect(stored).toMatchObject({
        name: sender.name,
        email: sender.email,
        municipalityCode: "0301",
        topic: "question",
        message,
        lang: "nb",
      });
      expect(stored?.programmeId === null).toBe(sender.programme === "");

      // The receipt reaches the sender, and the message the programme's (or the general) inbox.
      const mail = await server.mail((m) => m.to === sender.email);
      expect(mail.subject).toBe(`Kvittering: vi har fått meldingen din (${reference})`);
      expect(mail.text).toContain(`Hei ${sender.name}!`);
      expect(mail.text).toContain(`Referanse: ${reference}`);
      expect(mail.text).toContain(message);
      const forward = await server.mail(
        (m) => m.to === sender.inbox && m.subject.includes(reference),
      );
      expect(forward.subject).toBe(`Ny melding fra kontaktskjemaet (${reference})`);
    });
  }
});
