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
import { enrolInCohort3, heldGathering, unitOf } from "../support/development";
import { h1, nav, summary, useBrowser } from "../support/journey";
import { demoPeopleIds } from "../support/people";
import { type TestServer, testServer } from "../support/server";
import { signInWith } from "../support/sign-in";

const browser = useBrowser();
const HELD = "Nasjonal samling i oktober";

/**
 * A school leader (Sverre, Feide) whose school Kristiansand has enrolled in cohort 3 opens
 * "Utviklingsarbeid", his school's plan, chooses the phase and writes the goals; adds a measure,
 * first without a responsible group (told so, the rest kept), then with one; writes a reflection,
 * first on the regional gathering not yet held (told so, the text kept), then on the national
 * one held in October. With and without JavaScript; axe on every page.
 */
describe.each(journeyKinds)("a unit leader writes the plan and a reflection, on %s", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await testServer(kind, { signIn: true });
    const { sverre } = await demoPeopleIds(server.db, ["sverre"]);
    await enrolInCohort3(server.db, [await unitOf(server.db, sverre!)], server.clock.now());
    await heldGathering(server.db, "2026-10-15", HELD);
  });
  afterAll(() => server?.close());

  for (const { js, mode, tag } of scriptModes) {
    it(`${mode}: Sverre writes the plan, a measure and a reflection`, async () => {
      const visit = await openPage(browser(), { js, baseURL: server.url });
      const { page } = visit;
      visit.allowErrorStatus(422);
      await page.goto("/nb/logg-inn");
      await signInWith(page, server, "Feide", "Sverre Skoleleder");
      await loadsPage(page, () =>
        nav(page).getByRole("link", { name: "Utviklingsarbeid", exact: true }).click(),
      );
      expect(await h1(page)).toBe("Utviklingsarbeid");
      await expectNoAxeViolations(page);
      await loadsPage(page, () => page.locator("main table a").first().click());
      expect(await h1(page)).toMatch(/^Utviklingsplan for /);
      await expectNoAxeViolations(page);

      // The plan: phase, one theme's score, the goals.
      await page.getByLabel("Fase", { exact: true }).selectOption({ label: "Tiltak" });
      await page.getByLabel("Vurdering: Trygge og gode miljøer", { exact: true }).selectOption("3");
      await page
        .getByLabel("Mål", { exact: true })
        .fill(`Alle ansatte bruker aktivitetsplikten (${tag}).`);
      await loadsPage(page, () => page.getByRole("button", { name: "Lagre planen" }).click());
      expect(await shown(page.locator("main .ds-alert").first())).toContain("Planen er lagret.");
      await expectNoAxeViolations(page);

      // A measure without a responsible group: told beside the field and at the top.
      await page.getByLabel("Hva", { exact: true }).fill(`Felles regler for friminuttet (${tag})`);
      await page.getByLabel("Når", { exact: true }).fill("høsten 2027");
      await loadsPage(page, () => page.getByRole("button", { name: "Legg til tiltak" }).click());
      expect(await shown(summary(page))).toContain("Skriv hvilken gruppe ansatte som har ansvaret");
      expect(await page.title()).toMatch(/^Feil: /);
      expect(await page.getByLabel("Hva", { exact: true }).inputValue()).toBe(
        `Felles regler for friminuttet (${tag})`,
      );
      await expectNoAxeViolations(page);
      await screenshot(page, `plan-measure-error-${tag}`);
      await page.getByLabel("Ansvarlig gruppe", { exact: true }).fill("Alle lærere");
      await loadsPage(page, () => page.getByRole("button", { name: "Legg til tiltak" }).click());
      expect(await shown(page.locator("main .ds-alert").first())).toContain(
        "Tiltaket er lagt til.",
      );
      expect(await shown(page.getByRole("main"))).toContain(
        `Felles regler for friminuttet (${tag})`,
      );

      // A reflection on a gathering not yet held: refused, the text kept.
      const gathering = page.getByLabel("Samling", { exact: true });
      const upcoming = await page
        .locator("#reflection-gathering option", { hasText: "ikke holdt ennå" })
        .first()
        .getAttribute("value");
      await gathering.selectOption(upcoming!);
      await page.getByLabel("Hva prøvde vi?").fill("Vi prøvde faste plasser i garderoben.");
      await page.getByLabel("Hva så vi?").fill("Mindre uro ved inngangen.");
      await page.getByLabel("Hva gjør vi videre?").fill("Vi tar det med til personalmøtet.");
      await loadsPage(page, () => page.getByRole("button", { name: "Lagre refleksjonen" }).click());
      expect(await shown(summary(page))).toContain("Samlingen er ikke holdt ennå");
      expect(await page.getByLabel("Hva så vi?").inputValue()).toBe("Mindre uro ved inngangen.");
      await expectNoAxeViolations(page);
      const held = await page
        .locator("#reflection-gathering option", { hasText: HELD })
        .first()
        .getAttribute("value");
      await page.getByLabel("Samling", { exact: true }).selectOption(held!);
      await loadsPage(page, () => page.getByRole("button", { name: "Lagre refleksjonen" }).click());
      expect(await shown(page.locator("main .ds-alert").first())).toContain(
        "Refleksjonen er lagret.",
      );
      expect(await shown(page.getByRole("main"))).toContain(`Etter ${HELD}`);
      await expectNoAxeViolations(page);
      await screenshot(page, `plan-written-${tag}`);
    });
  }
});
