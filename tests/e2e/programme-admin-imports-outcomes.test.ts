import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { programmesOwnedBy } from "../../src/modules/programmes";
import { expectNoAxeViolations, loadsPage, openPage, scriptModes, shown } from "../support/browser";
import { journeyKinds } from "../support/db";
import { h1, path, summary, useBrowser } from "../support/journey";
import { type TestServer, testServer } from "../support/server";
import { signInWith } from "../support/sign-in";

const browser = useBrowser();

const HEADER = "Organisasjonsnummer;Enhetsnavn;Skoleår;Trinn;Indikator;AndelMobbet";
const TITLE = "Resultater for Inkluderende barnehage- og skolemiljø";

/**
 * Ada, the programme admin, reads the outcome estimates of IBS (the demo's invented
 * Elevundersøkelsen extract): the explanation, the chart and the table; she chooses cohort 1;
 * she imports a file, first one without the columns (refused beside the field), then one with
 * a row for a municipality that does not exist, which the preview rejects with its reason,
 * and confirms. Siv, the county coordinator, sees the page for her county, without the import.
 */
for (const { js, mode } of scriptModes) {
  describe.each(journeyKinds)(`a programme admin imports outcomes, ${mode}, on %s`, (kind) => {
    let server: TestServer;
    let ibs = 0;

    beforeAll(async () => {
      server = await testServer(kind, { signIn: true });
      ibs = (await programmesOwnedBy(server.db, ["udir"])).find((p) =>
        p.slug.startsWith("inkluderende"),
      )!.id;
    });
    afterAll(() => server?.close());

    it("reads the estimates, imports a file with a rejected row, and Siv sees her county", async () => {
      const { page, allowErrorStatus } = await openPage(browser(), { js, baseURL: server.url });
      allowErrorStatus(422);
      await page.goto("/nb/logg-inn");
      await signInWith(page, server, "ID-porten", "Ada Direktorat");
      await loadsPage(page, () => page.goto("/nb/admin/resultater"));
      expect(await h1(page)).toBe("Resultater: mobbing i Elevundersøkelsen");
      await expectNoAxeViolations(page);
      await loadsPage(page, () => page.getByRole("link", { name: TITLE }).click());
      expect(path(page)).toBe(`/nb/admin/resultater/${ibs}`);
      expect(await h1(page)).toBe(TITLE);
      const main = await shown(page.getByRole("main"));
      expect(main).toContain("Hva tallet kan og ikke kan si");
      expect(main).toContain("Pulje 1, Kommuner, 7. trinn");
      expect(main).toContain("Elevundersøkelsen høsten 2028 er ikke gjennomført");
      expect(await page.locator('figure.chart svg[role="img"]').count()).toBe(1);
      await expectNoAxeViolations(page);

      await page.getByLabel("Pulje", { exact: true }).selectOption({ label: "Pulje 1" });
      await loadsPage(page, () => page.getByRole("button", { name: "Vis" }).click());
      expect(await shown(page.getByRole("main"))).not.toContain("Pulje 2,");
      await expectNoAxeViolations(page);

      await loadsPage(page, () =>
        page.getByRole("link", { name: "Importer resultater fra Elevundersøkelsen" }).click(),
      );
      expect(path(page)).toBe(`/nb/admin/resultater/${ibs}/import`);
      await expectNoAxeViolations(page);
      await page.getByLabel("CSV-fil").setInputFiles({
        name: "feil.csv",
        mimeType: "text/csv",
        buffer: Buffer.from("Orgnr,År,Andel\n0118,2017,5\n"),
      });
      await loadsPage(page, () => page.getByRole("button", { name: "Se gjennom filen" }).click());
      expect(await shown(summary(page))).toContain("Filen mangler kolonnene");
      expect(await shown(page.locator("#file-error"))).toContain("Filen mangler kolonnene");
      await expectNoAxeViolations(page);

      const file = [
        HEADER,
        "0118;Aremark;2019-20;7. trinn;Mobbing på skolen;4,2",
        "0118;Aremark;2019-20;10. trinn;Mobbing på skolen;*",
        "9999;Finnes ikke;2019-20;7. trinn;Mobbing på skolen;4,2",
      ].join("\r\n");
      await page.getByLabel("CSV-fil").setInputFiles({
        name: "elevundersokelsen.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(file),
      });
      await loadsPage(page, () => page.getByRole("button", { name: "Se gjennom filen" }).click());
      expect(await h1(page)).toBe("Se gjennom importen");
      expect(await shown(page.getByTestId("accepted"))).toBe("1");
      expect(await shown(page.getByTestId("suppressed"))).toBe("1");
      expect(await shown(page.getByTestId("rejected"))).toBe("1");
      expect(await shown(page.getByRole("main"))).toContain(
        "Ukjent skole, eller kommunen fantes ikke det året",
      );
      await expectNoAxeViolations(page);
      await loadsPage(page, () => page.getByRole("button", { name: "Importer" }).click());
      expect(path(page)).toBe(`/nb/admin/resultater/${ibs}`);
      expect(await shown(page.locator('main .ds-alert[role="status"]'))).toContain(
        "Importert: 1 rader med tall og 1 prikkede. 1 avvist.",
      );
      await expectNoAxeViolations(page);

      const siv = await openPage(browser(), { js, baseURL: server.url });
      await siv.page.goto("/nb/logg-inn");
      await signInWith(siv.page, server, "ID-porten", "Siv Statsforvalter");
      await loadsPage(siv.page, () => siv.page.goto(`/nb/admin/resultater/${ibs}`));
      expect(await h1(siv.page)).toBe(TITLE);
      const sivMain = await shown(siv.page.getByRole("main"));
      expect(sivMain).toContain("Du ser skolene og kommunene i fylket ditt.");
      expect(sivMain).not.toContain("Importer resultater");
      await expectNoAxeViolations(siv.page);
    });

    it("reads insight: filters to Agder, a chart with its table, the map, and a download", async () => {
      const { page } = await openPage(browser(), { js, baseURL: server.url });
      await page.goto("/nb/logg-inn");
      await signInWith(page, server, "ID-porten", "Ada Direktorat");
      await loadsPage(page, () => page.goto("/nb/innsikt"));
      expect(await h1(page)).toBe("Innsikt");
      await expectNoAxeViolations(page);

      // The county map from outlines: each county a link named with its figure; Agder's,
      // followed from the keyboard, zooms into Agder's municipalities.
      const map = page.locator("#kart figure svg.county-map");
      expect(await map.getAttribute("role")).toBe("group");
      const agderOnMap = map.getByRole("link", {
        name: /^Agder: (\d+ av \d+ kommuner er med, \d+ %|ingen data)\. Se kommunene$/,
      });
      expect(await agderOnMap.count()).toBe(1);
      await agderOnMap.focus();
      await loadsPage(page, () => page.keyboard.press("Enter"));
      expect(new URL(page.url()).searchParams.get("fylke")).toBe("42");
      expect(await shown(page.locator("#insight-map-h"))).toBe("Kart over deltakelse: Agder");
      await loadsPage(page, () => page.goto("/nb/innsikt"));

      await page.getByLabel("Fylke", { exact: true }).selectOption({ label: "Agder" });
      await loadsPage(page, () => page.getByRole("button", { name: "Vis" }).click());
      expect(path(page)).toBe("/nb/innsikt");
      expect(new URL(page.url()).searchParams.get("fylke")).toBe("42");
      // The map zoomed into Agder, and each chart an image with its words and its table beside it.
      expect(await shown(page.locator("#insight-map-h"))).toBe("Kart over deltakelse: Agder");
      const panel = page.locator("#panel-reach-county");
      const chart = panel.locator('figure.insight-chart svg[role="img"]');
      expect(await chart.count()).toBe(1);
      expect(await chart.getAttribute("aria-label")).toMatch(
        /^Stolpediagram, Deltakelse per fylke: Agder: \d+/,
      );
      const table = await shown(panel.getByRole("table"));
      expect(table).toContain("Agder");
      await expectNoAxeViolations(page);

      const link = panel.getByRole("link", { name: "Last ned CSV: Deltakelse per fylke" });
      const href = await link.getAttribute("href");
      expect(href).toMatch(/^\/nb\/innsikt\/reach-county\.csv\?utvalg=k\d+&fylke=42$/);
      const csv = await page.context().request.get(href!);
      expect(csv.status()).toBe(200);
      expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
      const lines = (await csv.text()).replace(/^\uFEFF/, "").split("\r\n");
      expect(lines[0]).toMatch(/^Fylke;Kommuner med;/);
      expect(lines[1]).toMatch(/^Agder;\d+;\d+;/);

      // On paper: no navigation, filters or downloads; the chart and its table are there.
      await page.emulateMedia({ media: "print" });
      expect(await page.locator(".site-header").isVisible()).toBe(false);
      expect(await page.getByRole("button", { name: "Vis" }).isVisible()).toBe(false);
      expect(await link.isVisible()).toBe(false);
      expect(await chart.isVisible()).toBe(true);
      expect(await panel.getByRole("table").isVisible()).toBe(true);
    });
  });
}
