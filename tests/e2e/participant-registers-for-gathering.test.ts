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
import { h1, nav, path, summary, useBrowser } from "../support/journey";
import { type TestServer, testServer } from "../support/server";
import { signInWith } from "../support/sign-in";

const browser = useBrowser();
const GATHERING = "Digitalt nettverksmøte for kommunekontakter";

/**
 * Kari, municipal coordinator of Kristiansand, finds the demo's digital FUB/FUG gathering under
 * "Samlinger", registers with a dietary need, gets her seat and the meeting's link, and cancels
 * again. Ada opens the organiser's form, is told what is missing, and sees the gathering's
 * registrations. Axe on every page; once with JavaScript and once without.
 */
describe.each(journeyKinds)("a participant registers for a gathering, on %s", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await testServer(kind, { signIn: true });
  });
  afterAll(() => server?.close());

  for (const { js, mode, tag } of scriptModes) {
    it(`${mode}: Kari registers, sees her seat and the link, and cancels`, async () => {
      const visit = await openPage(browser(), { js, baseURL: server.url });
      const { page } = visit;
      await page.goto("/nb/logg-inn");
      await signInWith(page, server, "ID-porten", "Kari Kommune");
      await loadsPage(page, () =>
        nav(page).getByRole("link", { name: "Samlinger", exact: true }).click(),
      );
      expect(await h1(page)).toBe("Samlinger");
      await expectNoAxeViolations(page);

      await loadsPage(page, () => page.getByRole("link", { name: GATHERING }).click());
      expect(await h1(page)).toBe(GATHERING);
      expect(await shown(page.getByRole("main"))).toContain(
        "Lenken til det digitale møtet vises her når du har fått plass.",
      );
      await expectNoAxeViolations(page);
      await page.getByLabel("Matbehov (valgfritt)").fill("Vegetar");
      await loadsPage(page, () => page.getByRole("button", { name: "Meld meg på" }).click());
      expect(path(page)).toMatch(/^\/nb\/samlinger\/[0-9]+$/);
      const main = await shown(page.getByRole("main"));
      expect(main).toContain("Du er påmeldt og har plass på samlingen.");
      expect(await page.getByTestId("digital-link").getAttribute("href")).toBe(
        "https://moete.demo.samspill.example/fub-nettverk",
      );
      await expectNoAxeViolations(page);
      await screenshot(page, `gathering-registered-${tag}`);

      await loadsPage(page, () => page.getByRole("button", { name: "Meld meg av" }).click());
      expect(await shown(page.getByRole("main"))).toContain("Du er meldt av samlingen.");
      await expectNoAxeViolations(page);
    });

    it(`${mode}: Ada's form for a new gathering says what is missing`, async () => {
      const visit = await openPage(browser(), { js, baseURL: server.url });
      const { page } = visit;
      visit.allowErrorStatus(422);
      await page.goto("/nb/logg-inn");
      await signInWith(page, server, "ID-porten", "Ada Direktorat");
      await loadsPage(page, () =>
        nav(page).getByRole("link", { name: "Samlinger (arrangør)" }).click(),
      );
      expect(await h1(page)).toBe("Samlinger du arrangerer");
      await expectNoAxeViolations(page);
      await loadsPage(page, () => page.getByRole("link", { name: "Ny samling" }).click());
      expect(await h1(page)).toBe("Ny samling");
      await expectNoAxeViolations(page);
      await page.getByLabel("Tittel (bokmål)").first().fill("Nasjonal samling 2");
      await loadsPage(page, () => page.getByRole("button", { name: "Lagre samlingen" }).click());
      const errors = await shown(summary(page));
      expect(errors).toContain("Fyll ut tittel (nynorsk)");
      expect(await page.getByLabel("Tittel (bokmål)").first().inputValue()).toBe(
        "Nasjonal samling 2",
      );
      await expectNoAxeViolations(page);
      await screenshot(page, `gathering-form-errors-${tag}`);
    });
  }
});
