import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, loadsPage, openPage, scriptModes, shown } from "../support/browser";
import { journeyKinds } from "../support/db";
import { pdfFile } from "../support/files";
import { alert, h1, path, summary, useBrowser } from "../support/journey";
import { type TestServer, testServer } from "../support/server";
import { signInWith } from "../support/sign-in";

const browser = useBrowser();

const IBS = "inkluderende-barnehage-og-skolemiljo";

/**
 * Ada adds a document to Udir's programme page: refused without a file and titles, uploaded
 * with its three titles, not public until she publishes, then listed on the public page with
 * its type and size, where a reader downloads it and the demo's information letter.
 */
describe.each(journeyKinds)("a programme admin adds a document, on %s", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await testServer(kind, { signIn: true });
  });
  afterAll(() => server?.close());

  for (const { js, mode, tag } of scriptModes) {
    it(`${mode}: uploads a document, publishes it, and a reader downloads it`, async () => {
      const visit = await openPage(browser(), { js, baseURL: server.url });
      const { page } = visit;
      const title = `Veileder for skoleeiere (${tag})`;

      await page.goto(`/nb/admin/tilbud/${IBS}`);
      await signInWith(page, server, "ID-porten", "Ada Direktorat");
      expect(path(page)).toBe(`/nb/admin/tilbud/${IBS}`);
      const documents = page.getByRole("table", { name: "Dokumenter" });
      expect(await shown(documents)).toContain("Les fullstendig informasjonsbrev om tilbudet");
      await expectNoAxeViolations(page);

      // Nothing filled in: each field's error, and the summary.
      const upload = page.getByRole("button", { name: "Last opp dokumentet" });
      visit.allowErrorStatus(422);
      await loadsPage(page, () => upload.click());
      expect(visit.status()).toBe(422);
      const errors = await shown(summary(page));
      expect(errors).toContain("Fyll ut tittel på bokmål");
      expect(errors).toContain("Velg en fil å laste opp");
      await expectNoAxeViolations(page);

      await page.getByLabel("Tittel på bokmål").fill(title);
      await page.getByLabel("Tittel på nynorsk").fill(`Rettleiar for skuleeigarar (${tag})`);
      await page.getByLabel("Tittel på engelsk").fill(`Guide for school owners (${tag})`);
      await page.getByLabel("Fil", { exact: true }).setInputFiles({
        name: "veileder.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from(pdfFile("Veileder")),
      });
      await loadsPage(page, () => upload.click());
      expect(await alert(page)).toContain("Dokumentet er lagt til.");
      const row = documents.getByRole("row").filter({ hasText: title });
      expect(await shown(row)).toContain("veileder.pdf (PDF, 1 kB)");
      expect(await shown(row)).toContain("Ikke publisert ennå");
      await expectNoAxeViolations(page);

      // Public once published, with type and size.
      await loadsPage(page, () =>
        page.getByRole("button", { name: "Publiser", exact: true }).click(),
      );
      await loadsPage(page, () =>
        page.getByRole("link", { name: "Se den offentlige siden" }).click(),
      );
      expect(await h1(page)).toBe("Inkluderende barnehage- og skolemiljø");
      const list = await shown(page.locator("main ul.documents"));
      expect(list).toContain(`${title} (PDF, 1 kB)`);
      expect(list).toMatch(/Les fullstendig informasjonsbrev om tilbudet \(PDF, \d+ kB\)/);
      await expectNoAxeViolations(page);
      for (const [link, file] of [
        [title, "veileder.pdf"],
        [
          "Les fullstendig informasjonsbrev om tilbudet",
          "informasjonsbrev-inkluderende-barnehage-og-skolemiljo.pdf",
        ],
      ] as const) {
        const download = page.waitForEvent("download");
        await page.getByRole("link", { name: link }).click();
        expect((await download).suggestedFilename()).toBe(file);
      }
    });
  }
});
