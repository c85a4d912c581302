import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { units } from "../../src/modules/organisations/schema";
import {
  expectNoAxeViolations,
  loadsPage,
  openPage,
  screenshot,
  scriptModes,
  shown,
} from "../support/browser";
import { journeyKinds } from "../support/db";
import { h1, path, summary, useBrowser } from "../support/journey";
import { type TestServer, testServer } from "../support/server";
import { signInWith } from "../support/sign-in";

const browser = useBrowser();

/**
 * Ada uploads a register file that claims to be the whole register but holds one unit: the
 * preview says what it would close, the import stops until she confirms, and then it runs.
 * With JavaScript the file is NSR (schools), without it NBR (kindergartens), so each run meets
 * a register that is still whole.
 */
describe.each(journeyKinds)("a programme admin imports a register file, on %s", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await testServer(kind, { signIn: true });
  });
  afterAll(() => server?.close());

  for (const run of scriptModes) {
    it(`${run.mode}: previews, is stopped by the mass closure, confirms and imports`, async () => {
      const nsr = run.js;
      const flag = nsr ? units.isSchool : units.isKindergarten;
      const active = await server.db
        .select({ orgNumber: units.orgNumber, name: units.name })
        .from(units)
        .where(and(eq(flag, true), eq(units.active, true)));
      expect(active.length).toBeGreaterThan(11);
      const kept = active[0]!;
      const row = nsr
        ? { ErSkole: true, ErGrunnskole: true, ErPrivatskole: false, ErOffentligSkole: true }
        : { ErBarnehage: true, ErPrivatBarnehage: false, ErOffentligBarnehage: true };
      const file = JSON.stringify({
        EnhetListe: [
          {
            Organisasjonsnummer: kept.orgNumber,
            Navn: kept.name,
            Kommunenummer: "4204",
            Fylkesnummer: "42",
            ErAktiv: true,
            ...row,
          },
        ],
      });

      const visit = await openPage(browser(), { js: run.js, baseURL: server.url });
      const { page } = visit;
      await page.goto("/nb/admin/import");
      await signInWith(page, server, "ID-porten", "Ada Direktorat");
      expect(path(page)).toBe("/nb/admin/import");
      expect(await h1(page)).toBe("Importer barnehager og skoler");
      await expectNoAxeViolations(page);

      await page.getByLabel(nsr ? "NSR – skoler" : "NBR – barnehager").check();
      await page.getByLabel("Fil (JSON fra API v4)").setInputFiles({
        name: "enheter.json",
        mimeType: "application/json",
        buffer: Buffer.from(file),
      });
      await loadsPage(page, () =>
        page.getByRole("button", { name: "Se hva importen vil gjøre" }).click(),
      );
      expect(path(page)).toMatch(/^\/nb\/admin\/import\/\d+$/);
      expect(await h1(page)).toBe("Forhåndsvisning av importen");
      const warning = await shown(page.locator("main .ds-alert"));
      expect(warning).toContain(
        `legge ned ${active.length - 1} av ${active.length} aktive enheter`,
      );
      await expectNoAxeViolations(page);
      await screenshot(page, `register-import-preview-${run.tag}`);
      // Nothing has changed yet.
      const stillActive = await server.db
        .select({ orgNumber: units.orgNumber })
        .from(units)
        .where(and(eq(flag, true), eq(units.active, true)));
      expect(stillActive.length).toBe(active.length);

      // "Importer" without the confirmation: stopped, with the error at the top and beside it.
      visit.allowErrorStatus(422);
      await loadsPage(page, () => page.getByRole("button", { name: "Importer" }).click());
      expect(visit.status()).toBe(422);
      expect(await page.title()).toMatch(/^Feil: /);
      expect(await shown(summary(page))).toContain(
        `Bekreft at ${active.length - 1} enheter skal legges ned`,
      );
      await expectNoAxeViolations(page);

      await page.getByLabel(`Ja, legg ned ${active.length - 1} enheter`).check();
      await loadsPage(page, () => page.getByRole("button", { name: "Importer" }).click());
      expect(path(page)).toMatch(/^\/nb\/admin\/import\/kjoringer\/\d+$/);
      expect(await shown(page.locator("main"))).toContain("Importen er gjennomført.");
      await expectNoAxeViolations(page);
      await screenshot(page, `register-import-done-${run.tag}`);
      const after = await server.db
        .select({ orgNumber: units.orgNumber })
        .from(units)
        .where(and(eq(flag, true), eq(units.active, true)));
      expect(after.map((u) => u.orgNumber)).toEqual([kept.orgNumber]);
    });
  }
});
