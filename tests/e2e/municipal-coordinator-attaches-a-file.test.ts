import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveForm } from "../../src/modules/applications/forms";
import { fubApplicationForm } from "../../src/modules/applications/fub-form";
import { openRound } from "../../src/modules/applications/rounds";
import { getPublicProgramme } from "../../src/modules/programmes";
import { expectNoAxeViolations, loadsPage, openPage, scriptModes, shown } from "../support/browser";
import { journeyKinds } from "../support/db";
import { docxFile, pdfFile } from "../support/files";
import { alert, h1, path, summary, useBrowser } from "../support/journey";
import { demoPeopleIds } from "../support/people";
import { type TestServer, testServer } from "../support/server";
import { signInWith } from "../support/sign-in";

const browser = useBrowser();

const save = (page: Page) =>
  loadsPage(page, () => page.getByRole("button", { name: "Lagre", exact: true }).click());

/**
 * Kari attaches the municipal council's decision to FUB/FUG's application (its optional
 * attachment question, at most 10 MB of PDF, DOCX or ODT): a file that only calls itself a PDF
 * and one too large are refused (with JavaScript the large one before it is sent), a PDF is
 * uploaded and downloaded again, replaced by a DOCX and removed. Enter in a field saves and
 * presses no "remove" button. Each mode applies in a round of its own.
 */
describe.each(journeyKinds)("a municipal coordinator attaches a file, on %s", (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await testServer(kind, { signIn: true });
    const { frida } = await demoPeopleIds(server.db, ["frida"]);
    const fub = (await getPublicProgramme(server.db, "bedre-foreldresamarbeid", "nb"))!.programme;
    const admin = { personId: frida!, now: server.clock.now() };
    await saveForm(server.db, { programmeId: fub.id, definition: fubApplicationForm }, admin);
    // The demo's open round, and one more: Kari starts one application per mode.
    const round = await openRound(
      server.db,
      { cohortId: 9401, programmeId: fub.id, deadline: "2026-12-20", criteria: [] },
      admin,
    );
    if (!round.ok) throw new Error(JSON.stringify(round.errors));
  });
  afterAll(() => server?.close());

  for (const { js, mode } of scriptModes) {
    it(`${mode}: uploads, is refused, downloads, replaces and removes the attachment`, async () => {
      const visit = await openPage(browser(), { js, baseURL: server.url });
      const { page } = visit;
      await page.goto("/nb/soknader");
      await signInWith(page, server, "ID-porten", "Kari Kommune");
      expect(path(page)).toBe("/nb/soknader");
      await loadsPage(page, () =>
        page.getByRole("button", { name: "Start søknad" }).first().click(),
      );
      const overview = path(page);
      await page.goto(`${overview}/del/forpliktelser`);
      expect(await h1(page)).toBe("Forpliktelser");
      const field = page.getByLabel(/^Vedlegg \(for eksempel et politisk vedtak\)/);
      expect(await shown(page.getByTestId("file-vedlegg"))).toBe("Ingen fil er lastet opp.");
      await expectNoAxeViolations(page);

      // A script that calls itself a PDF: refused by what it is, the ticked boxes kept.
      for (const box of await page.locator('input[name="q-forpliktelser"]').all()) {
        await box.check();
      }
      await field.setInputFiles({
        name: "vedtak.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("#!/bin/sh\necho hei\n"),
      });
      visit.allowErrorStatus(422);
      await save(page);
      expect(visit.status()).toBe(422);
      expect(await page.title()).toMatch(/^Feil: /);
      expect(await shown(summary(page))).toContain("Filen må være av typen PDF, DOCX, ODT");
      expect(await shown(page.locator("#q-vedlegg-error"))).toContain("Filen må være av typen");
      expect(await page.locator('input[name="q-forpliktelser"]:checked').count()).toBe(2);
      await expectNoAxeViolations(page);

      // Too large: with JavaScript refused as it is chosen, without it by the server.
      const large = {
        name: "stor.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from(pdfFile("stor", 11 * 1024 * 1024)),
      };
      if (js) {
        await field.setInputFiles(large);
        expect(await shown(page.locator("#q-vedlegg-client-error"))).toContain(
          "Filen er for stor. Den kan være høyst 10 MB",
        );
        expect(await field.evaluate((input: HTMLInputElement) => input.files?.length)).toBe(0);
        expect(await field.getAttribute("aria-invalid")).toBe("true");
        await expectNoAxeViolations(page);
      } else {
        await field.setInputFiles(large);
        await save(page);
        expect(visit.status()).toBe(422);
        expect(await shown(summary(page))).toContain("Filen er for stor. Den kan være høyst 10 MB");
      }

      // A PDF: uploaded with the page's answers, shown with a link, downloaded again.
      const pdf = Buffer.from(pdfFile("Vedtak i kommunestyret"));
      await field.setInputFiles({
        name: "Vedtak i kommunestyret.pdf",
        mimeType: "application/pdf",
        buffer: pdf,
      });
      await save(page);
      expect(path(page)).toBe(`${overview}/del/forpliktelser`);
      expect(await alert(page)).toContain("Vedlegget er lastet opp.");
      expect(await shown(page.getByTestId("file-vedlegg"))).toBe(
        "Lastet opp: Vedtak i kommunestyret.pdf (PDF, 1 kB)",
      );
      await expectNoAxeViolations(page);
      const download = page.waitForEvent("download");
      await page.getByRole("link", { name: "Vedtak i kommunestyret.pdf" }).click();
      expect((await download).suggestedFilename()).toBe("Vedtak i kommunestyret.pdf");

      // Replaced by a DOCX, then removed.
      await field.setInputFiles({
        name: "plan.docx",
        mimeType: "",
        buffer: Buffer.from(docxFile()),
      });
      await save(page);
      expect(await shown(page.getByTestId("file-vedlegg"))).toBe(
        "Lastet opp: plan.docx (DOCX, 1 kB)",
      );
      await loadsPage(page, () =>
        page.getByRole("button", { name: /^Fjern vedlegget\s*: plan\.docx$/ }).click(),
      );
      expect(await alert(page)).toContain("Vedlegget er fjernet.");
      expect(await shown(page.getByTestId("file-vedlegg"))).toBe("Ingen fil er lastet opp.");
      await expectNoAxeViolations(page);

      // Enter in a field saves: the first button of the form is a hidden Save, not the button
      // that removes the table's first row.
      await page.goto(`${overview}/del/omfang`);
      await page.locator('select[name="q-aktiviteter-0-kind"]').selectOption("parent-meeting");
      await page.locator('select[name="q-aktiviteter-0-mode"]').selectOption("digital");
      await page.locator('input[name="q-aktiviteter-0-count"]').fill("3");
      await save(page);
      await page.locator('input[name="q-enheter"]').fill("7");
      await loadsPage(page, () => page.locator('input[name="q-enheter"]').press("Enter"));
      expect(await alert(page)).toContain("Svarene er lagret.");
      expect(await page.locator('select[name="q-aktiviteter-0-kind"]').inputValue()).toBe(
        "parent-meeting",
      );
      expect(await page.locator('input[name="q-enheter"]').inputValue()).toBe("7");
    });
  }
});
