import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectNoAxeViolations,
  loadsPage,
  openPage,
  screenshot,
  scriptModes,
  shown,
} from "../support/browser";
import { journeyKinds } from "../support/db";
import { enrolInCohort3, namePpContact, unitOf } from "../support/development";
import { h1, nav, summary, useBrowser } from "../support/journey";
import { demoPeopleIds } from "../support/people";
import { type TestServer, testServer } from "../support/server";
import { signInWith } from "../support/sign-in";

const browser = useBrowser();

/**
 * Kristiansand's resource person (Rune, ID-porten) opens "Oppfølging av enhetene": the school
 * Kristiansand enrolled in cohort 3 is listed. He logs a guidance session, first with a duration that is no number and no topic (told so,
 * the rest kept), then properly; the log shows it, and the unit leaves the two-week filter.
 * Below, the PP-tjeneste's part names the contact Kristiansand named and her PP-tjeneste.
 * With and without JavaScript; axe on every page.
 */
describe.each(journeyKinds)("a resource person logs a follow-up, on %s", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await testServer(kind, { signIn: true });
    const { sverre } = await demoPeopleIds(server.db, ["sverre"]);
    await enrolInCohort3(server.db, [await unitOf(server.db, sverre!)], server.clock.now());
    await namePpContact(
      server.db,
      { name: "Petra PP", email: "petra@ppt.example" },
      server.clock.now(),
    );
  });
  afterAll(() => server?.close());

  for (const { js, mode, tag } of scriptModes) {
    it(`${mode}: Rune logs a follow-up`, async () => {
      const visit = await openPage(browser(), { js, baseURL: server.url });
      const { page } = visit;
      visit.allowErrorStatus(422);
      await page.goto("/nb/logg-inn");
      await signInWith(page, server, "ID-porten", "Rune Ressurs");
      await loadsPage(page, () =>
        nav(page).getByRole("link", { name: "Oppfølging av enhetene", exact: true }).click(),
      );
      expect(await h1(page)).toBe("Oppfølging av enhetene");
      await expectNoAxeViolations(page);
      expect(await page.locator("main table tbody tr").count()).toBeGreaterThan(0);

      await loadsPage(page, () =>
        page
          .getByRole("link", { name: /^Logg oppfølging/ })
          .first()
          .click(),
      );
      expect(await h1(page)).toMatch(/^Logg oppfølging av /);
      await expectNoAxeViolations(page);
      await page.getByLabel("Type", { exact: true }).selectOption({ label: "Veiledning" });
      await page.getByLabel("Varighet i minutter").fill("en time");
      await page.getByLabel("Notat").fill(`Ledergruppa har laget en plan (${tag}).`);
      await loadsPage(page, () => page.getByRole("button", { name: "Lagre oppfølgingen" }).click());
      const errors = await shown(summary(page));
      expect(errors).toContain("Skriv varigheten som et helt antall minutter");
      expect(errors).toContain("Fyll ut tema");
      expect(await page.getByLabel("Notat").inputValue()).toBe(
        `Ledergruppa har laget en plan (${tag}).`,
      );
      expect(await page.title()).toMatch(/^Feil: /);
      await expectNoAxeViolations(page);
      await screenshot(page, `follow-up-error-${tag}`);

      await page.getByLabel("Varighet i minutter").fill("90");
      await page.getByLabel("Tema", { exact: true }).fill(`Kartlegging av skolemiljøet (${tag})`);
      await loadsPage(page, () => page.getByRole("button", { name: "Lagre oppfølgingen" }).click());
      expect(await shown(page.locator("main .ds-alert").first())).toContain(
        "Oppfølgingen er lagret.",
      );
      expect(await shown(page.getByRole("main"))).toContain(`Kartlegging av skolemiljøet (${tag})`);
      await expectNoAxeViolations(page);

      // Followed up today: not among those without follow-up for two weeks.
      await loadsPage(page, () =>
        page.getByRole("link", { name: "Oppfølging av enhetene" }).first().click(),
      );
      await page.getByLabel("Uten oppfølging de siste …").selectOption("2");
      await loadsPage(page, () => page.getByRole("button", { name: "Vis" }).click());
      expect(await shown(page.getByRole("main"))).toContain("Ingen enheter å vise.");
      await expectNoAxeViolations(page);
      // The PP-tjeneste's part: the contact Kristiansand named, and her PP-tjeneste.
      const pp = await shown(page.locator("#pp-heading + p + section, #pp-heading ~ *").last());
      expect(await shown(page.getByRole("main"))).toContain("PP-tjenestens del");
      expect(pp).toContain("Petra PP");
      expect(pp).toContain("PP-tjenesten i Kristiansand (demo)");
    });
  }
});
