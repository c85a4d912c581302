import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveForm } from "../../src/modules/applications/forms";
import { fubApplicationForm } from "../../src/modules/applications/fub-form";
import { openRound } from "../../src/modules/applications/rounds";
import { demoEmail } from "../../src/modules/identity";
import { getPublicProgramme } from "../../src/modules/programmes";
import { expectNoAxeViolations, loadsPage, openPage, scriptModes, shown } from "../support/browser";
import { journeyKinds } from "../support/db";
import { h1, path, summary, useBrowser } from "../support/journey";
import { demoPeopleIds } from "../support/people";
import { type TestServer, testServer } from "../support/server";
import { signInWith } from "../support/sign-in";

const browser = useBrowser();

async function pdfText(pdf: Buffer) {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const lines: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    lines.push(content.items.map((i) => ("str" in i ? i.str : "")).join(" "));
  }
  return lines.join("\n");
}

const save = (page: Page) =>
  loadsPage(page, () => page.getByRole("button", { name: "Lagre", exact: true }).click());

/**
 * Kari, the municipal coordinator of Kristiansand, reads FUB/FUG's questions before signing
 * in, starts the application, fills it over its sections (with JavaScript the form saves
 * itself), sees what is missing, submits, gets the receipt on screen and by e-mail with the
 * PDF, whose text can be read. Each mode applies in a round of its own.
 */
describe.each(journeyKinds)("a municipal coordinator applies, on %s", (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await testServer(kind, { signIn: true });
    const now = server.clock.now();
    const { frida } = await demoPeopleIds(server.db, ["frida"]);
    const fub = (await getPublicProgramme(server.db, "bedre-foreldresamarbeid", "nb"))!.programme;
    const admin = { personId: frida!, now };
    await saveForm(server.db, { programmeId: fub.id, definition: fubApplicationForm }, admin);
    // Two rounds (of two cohorts), the earlier deadline first in the list: one per mode.
    for (const [cohortId, deadline] of [
      [9201, "2026-12-15"],
      [9202, "2026-12-20"],
    ] as const) {
      const round = await openRound(
        server.db,
        { cohortId, programmeId: fub.id, deadline, criteria: [] },
        admin,
      );
      if (!round.ok) throw new Error(JSON.stringify(round.errors));
    }
  });
  afterAll(() => server?.close());

  for (const { js, mode } of scriptModes) {
    it(`${mode}: fills the application, submits it and gets the receipt, the e-mail and the PDF`, async () => {
      const visit = await openPage(browser(), { js, baseURL: server.url });
      const { page } = visit;

      await page.goto("/nb/tilbud/bedre-foreldresamarbeid/soknad");
      expect(await shown(page.getByRole("main"))).toContain("Søknadsrunden er åpen.");
      await expectNoAxeViolations(page);
      await loadsPage(page, () => page.getByRole("link", { name: "Logg inn for å søke" }).click());
      await signInWith(page, server, "ID-porten", "Kari Kommune");
      expect(path(page)).toBe("/nb/soknader");
      await expectNoAxeViolations(page);

      await loadsPage(page, () =>
        page.getByRole("button", { name: "Start søknad" }).first().click(),
      );
      expect(await h1(page)).toBe("Søknad: Bedre foreldresamarbeid til det beste for barnet");
      await expectNoAxeViolations(page);

      // Motivation.
      await loadsPage(page, () => page.getByRole("link", { name: "Motivasjon" }).click());
      await page
        .getByLabel(/Hvorfor ønsker kommunen/)
        .fill("Vi vil møte foreldrene bedre i barnehagene.");
      await page.getByRole("checkbox").first().check();
      if (js) {
        // The form saves itself; the live region says when.
        await page.getByLabel(/Hvorfor ønsker kommunen/).blur();
        await expect
          .poll(() => page.locator("[data-autosave=status]").innerText(), { timeout: 10_000 })
          .toMatch(/Lagret kl\. \d\d:\d\d/);
        await page.reload();
        expect(await page.getByLabel(/Hvorfor ønsker kommunen/).inputValue()).toBe(
          "Vi vil møte foreldrene bedre i barnehagene.",
        );
      } else {
        await save(page);
        expect(await shown(page.locator('main .ds-alert[role="status"]'))).toContain(
          "Svarene er lagret.",
        );
      }
      await expectNoAxeViolations(page);

      // A submission now is refused with what is missing, each linked to its field.
      await page.goto(`${new URL(page.url()).pathname.replace(/\/del\/.*/, "")}`);
      visit.allowErrorStatus(422);
      await loadsPage(page, () => page.getByRole("button", { name: "Send inn søknaden" }).click());
      expect(visit.status()).toBe(422);
      expect(await page.title()).toMatch(/^Feil: /);
      expect(await shown(summary(page))).toContain("Fyll ut");
      await expectNoAxeViolations(page);

      // Organisational anchoring, scope and commitments.
      await loadsPage(page, () =>
        page.getByRole("link", { name: "Organisatorisk og strukturell forankring" }).click(),
      );
      const textareas = page.locator("main textarea");
      await textareas.nth(0).fill("Kommunalsjefen leder arbeidet.");
      await textareas.nth(1).fill("Fast sak på ledermøtene.");
      await page.locator('input[name="q-foreldreutvalg"]').first().check();
      await save(page);
      await page.goto(page.url().replace(/\/del\/[^?]*.*$/, "/del/omfang"));
      await page.locator('input[name="q-periode-from"]').fill("2027-08-01");
      await page.locator('input[name="q-periode-to"]').fill("2028-07-31");
      await page.locator('input[name="q-form"]').first().check();
      await page.locator('select[name="q-aktiviteter-0-kind"]').selectOption("parent-meeting");
      await page.locator('select[name="q-aktiviteter-0-mode"]').selectOption("digital");
      await page.locator('input[name="q-aktiviteter-0-count"]').fill("3");
      await page.locator('input[name="q-enheter"]').fill("8");
      await save(page);
      await expectNoAxeViolations(page);
      await page.goto(page.url().replace(/\/del\/[^?]*.*$/, "/del/forpliktelser"));
      for (const box of await page.locator('input[name="q-forpliktelser"]').all())
        await box.check();
      await save(page);

      await page.goto(page.url().replace(/\/del\/.*$/, ""));
      expect(await shown(page.getByRole("main"))).toContain("Alt som kreves er fylt ut.");
      await loadsPage(page, () => page.getByRole("button", { name: "Send inn søknaden" }).click());
      expect(path(page)).toMatch(/\/nb\/soknader\/\d+\/kvittering$/);
      expect(await h1(page)).toBe("Søknaden er sendt inn");
      const hash = await shown(page.getByTestId("receipt-hash"));
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      await expectNoAxeViolations(page);

      const mail = await server.mail(
        (m) => m.to.includes(demoEmail("kari")) && m.text.includes(hash),
      );
      expect(mail.subject).toContain("Kvittering");
      const attachment = mail.raw.attachments[0]!;
      expect(attachment.contentType).toBe("application/pdf");
      const text = await pdfText(attachment.content);
      expect(text).toContain("Kristiansand");
      expect(text).toContain(hash);
      expect(text).toContain("Vi vil møte foreldrene bedre i barnehagene.");
    });
  }
});
