import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGathering, register } from "../../src/modules/gatherings";
import { gatheringInput } from "../../src/modules/gatherings/factories";
import { demoEmail } from "../../src/modules/identity";
import { expectNoAxeViolations, loadsPage, openPage, scriptModes, shown } from "../support/browser";
import { IBS, programmeIdOf } from "../support/cohorts";
import { journeyKinds } from "../support/db";
import { pdfFile } from "../support/files";
import { alert, h1, path, summary, useBrowser } from "../support/journey";
import { demoPeopleIds } from "../support/people";
import { type TestServer, testServer } from "../support/server";
import { signInWith } from "../support/sign-in";

const browser = useBrowser();

/**
 * Ada organises a national gathering open to Kristiansand, where Kari and Stine have registered.
 * She follows the registrations by municipality and unit, narrows the list, downloads it as CSV
 * (read back) and XLSX, opens the print view, reminds those who may register and have not, writes
 * to those registered (the mail lands with her address to reply to), adds a PDF for the
 * participants, and copies the gathering to
 * cohort 3 a week later; the copy opens in the form. Each mode on a gathering of its own.
 */
describe.each(journeyKinds)("an organiser follows the registrations, on %s", (kind) => {
  let server: TestServer;
  const gatherings: Record<string, { id: number; title: string }> = {};

  beforeAll(async () => {
    server = await testServer(kind, { signIn: true });
    const ids = await demoPeopleIds(server.db, ["ada", "kari", "stine"]);
    const programmeId = await programmeIdOf(server.db, IBS);
    for (const [tag, day] of [
      ["js", "2027-02-10"],
      ["nojs", "2027-02-17"],
    ] as const) {
      const title = `Samling i Kristiansand ${day}`;
      const made = await createGathering(
        server.db,
        gatheringInput(programmeId, {
          day,
          titleNb: title,
          titleNn: title,
          allowedMunicipalities: ["4204"],
        }),
        { personId: ids.ada!, now: server.clock.now(), baseUrl: server.url },
      );
      if (!made.ok) throw new Error(JSON.stringify(made.errors));
      for (const who of ["kari", "stine"]) {
        const r = await register(
          server.db,
          { gatheringId: made.gatheringId, personId: ids[who]!, sessionIds: [] },
          { personId: ids[who]!, now: server.clock.now(), baseUrl: server.url },
        );
        if (!r.ok) throw new Error(`${who}: ${JSON.stringify(r.errors)}`);
      }
      gatherings[tag] = { id: made.gatheringId, title };
    }
  });
  afterAll(async () => {
    await server?.close();
  });

  const tool = (page: Page, name: string) =>
    loadsPage(page, () =>
      page
        .getByRole("navigation", { name: "Arrangørens verktøy" })
        .getByRole("link", { name, exact: true })
        .click(),
    );

  for (const { js, mode, tag } of scriptModes) {
    it(`${mode}: Ada follows the registrations, exports them, reminds, messages and copies`, async () => {
      const g = gatherings[tag]!;
      const visit = await openPage(browser(), { js, baseURL: server.url });
      const { page } = visit;

      // The overview, from the list of her gatherings.
      await page.goto("/nb/admin/samlinger");
      await signInWith(page, server, "ID-porten", "Ada Direktorat");
      expect(path(page)).toBe("/nb/admin/samlinger");
      await loadsPage(page, () =>
        page.locator(`main a[href="/nb/admin/samlinger/${g.id}/pameldte"]`).click(),
      );
      expect(path(page)).toBe(`/nb/admin/samlinger/${g.id}/pameldte`);
      expect(await h1(page)).toBe(`Påmeldte: ${g.title}`);
      expect(await shown(page.getByTestId("overview-total"))).toMatch(
        /^Totalt\s+2\s+0\s+0\s+0\s+0\s+0$/,
      );
      expect(await shown(page.getByTestId("participant-count"))).toBe("2 påmeldinger");
      expect(await shown(page.getByRole("main"))).toContain("Kari Kommune");
      await expectNoAxeViolations(page);

      await page.getByLabel("Kommune", { exact: true }).selectOption({ label: "Kristiansand" });
      await page.getByLabel("Status", { exact: true }).selectOption({ label: "Bekreftet" });
      await loadsPage(page, () => page.getByRole("button", { name: "Vis utvalget" }).click());
      expect(await shown(page.getByRole("main"))).toContain(
        "Utvalg: Kommune: Kristiansand, Status: Bekreftet.",
      );
      await expectNoAxeViolations(page);

      // The CSV of the selection, downloaded and read back.
      const [file] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Last ned CSV" }).click(),
      ]);
      expect(file.suggestedFilename()).toBe(`samling-${g.id}-deltakere.csv`);
      const csv = await readFile((await file.path())!, "utf8");
      const lines = csv
        .replace(/^\uFEFF/, "")
        .trimEnd()
        .split("\r\n");
      expect(lines[0]).toBe("Navn;Rolle;Enhet;Kommune;Valgte økter;Status;Nummer i køen;Oppmøte");
      expect(lines).toHaveLength(3);
      expect(
        lines.some((l) => l.startsWith("Kari Kommune;Kommunekoordinator;;Kristiansand;")),
      ).toBe(true);
      const xlsx = await page
        .context()
        .request.get(
          (await page.getByRole("link", { name: "Last ned Excel (XLSX)" }).getAttribute("href"))!,
        );
      expect(xlsx.status()).toBe(200);
      const { default: ExcelJS } = await import("exceljs");
      const book = new ExcelJS.Workbook();
      const body = await xlsx.body();
      await book.xlsx.load(
        body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
      );
      expect(book.getWorksheet("Deltakere")!.rowCount).toBe(3);

      // The print view of the same selection.
      await loadsPage(page, () =>
        page.getByRole("link", { name: "Utskriftsvennlig liste" }).click(),
      );
      expect(await h1(page)).toBe(`Deltakerliste: ${g.title}`);
      expect(await shown(page.getByRole("main"))).toContain("Skrevet ut");
      await expectNoAxeViolations(page);
      await loadsPage(page, () =>
        page.getByRole("link", { name: "Tilbake til oversikten" }).click(),
      );

      // A reminder to those who may register and have not: the number first.
      await tool(page, "Påminnelse");
      expect(await h1(page)).toBe(`Påminnelse om påmelding: ${g.title}`);
      const count = await shown(page.getByTestId("not-registered"));
      const n = Number(/^([0-9]+) personer/.exec(count)![1]);
      expect(n).toBeGreaterThan(0);
      await expectNoAxeViolations(page);
      await loadsPage(page, () =>
        page.getByRole("button", { name: `Send påminnelse til ${n} personer` }).click(),
      );
      expect(await alert(page)).toBe(`Påminnelsen er sendt til ${n} personer.`);
      expect(await page.getByRole("button", { name: /^Send påminnelse/ }).count()).toBe(0);
      await expectNoAxeViolations(page);
      const reminder = await server.mail(
        (m) =>
          m.to.includes(demoEmail("sverre")) && m.subject === `Påminnelse: meld deg på ${g.title}`,
      );
      expect(reminder.text).toContain(`${server.url}/nb/samlinger/${g.id}`);

      // A message to those registered.
      await tool(page, "Melding til påmeldte");
      expect(await h1(page)).toBe(`Melding til påmeldte: ${g.title}`);
      expect(await shown(page.getByTestId("message-recipients"))).toBe(
        "2 har plass, og 0 står på ventelisten.",
      );
      await expectNoAxeViolations(page);
      if (!js) {
        // Nothing written: refused beside the fields, in the summary.
        visit.allowErrorStatus(422);
        await loadsPage(page, () => page.getByRole("button", { name: "Send meldingen" }).click());
        expect(visit.status()).toBe(422);
        expect(await page.title()).toMatch(/^Feil: /);
        expect(await shown(summary(page))).toContain("Fyll ut emne");
        await expectNoAxeViolations(page);
      }
      const subject = `Nytt rom (${tag})`;
      await page.getByLabel("Emne").fill(subject);
      await page.getByLabel("Melding", { exact: true }).fill("Vi møtes i Storsalen.");
      await loadsPage(page, () => page.getByRole("button", { name: "Send meldingen" }).click());
      expect(await alert(page)).toBe("Meldingen er sendt til 2 personer.");
      await expectNoAxeViolations(page);
      const message = await server.mail(
        (m) => m.to.includes(demoEmail("stine")) && m.subject === subject,
      );
      expect(message.text).toContain("Vi møtes i Storsalen.");
      expect(message.headers.get("reply-to")).toContain(demoEmail("ada"));

      // Materials for those with a seat: a PDF uploaded, listed with its type.
      await tool(page, "Materiell");
      expect(await h1(page)).toBe(`Materiell: ${g.title}`);
      await expectNoAxeViolations(page);
      await page.getByLabel("Tittel på bokmål").fill("Lysark");
      await page.getByLabel("Tittel på nynorsk").fill("Lysark");
      await page.getByLabel("Fil", { exact: true }).setInputFiles({
        name: "lysark.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from(pdfFile("Lysark")),
      });
      await loadsPage(page, () => page.getByRole("button", { name: "Legg til filen" }).click());
      expect(await alert(page)).toBe("Filen er lagt til.");
      expect(await shown(page.getByRole("main"))).toContain("Lysark (PDF,");
      await expectNoAxeViolations(page);

      // A copy for cohort 3, a week later: it opens in the form.
      await tool(page, "Kopier");
      expect(await h1(page)).toBe(`Kopier samlingen: ${g.title}`);
      await expectNoAxeViolations(page);
      await page.getByLabel("Pulje for kopien").selectOption({ label: "Pulje 3" });
      await page
        .getByLabel("Start for kopien")
        .fill(tag === "js" ? "3.3.2027 09:00" : "10.3.2027 09:00");
      await loadsPage(page, () => page.getByRole("button", { name: "Lag kopien" }).click());
      expect(await h1(page)).toBe(`Endre samling: ${g.title}`);
      expect(path(page)).not.toBe(`/nb/admin/samlinger/${g.id}`);
      expect(await page.getByLabel("Pulje", { exact: true }).inputValue()).not.toBe("");
      await expectNoAxeViolations(page);
    });
  }
});
