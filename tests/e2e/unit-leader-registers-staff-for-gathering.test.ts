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
const GATHERING = "Regional samling i Agder for pulje 3";

/**
 * A unit leader opens the demo's regional gathering in Agder under "Samlinger", follows "Meld på
 * ansatte ved enheten din", is told to choose someone when she sends an empty form, chooses a
 * member of her unit's staff and registers her: the page says she has a seat and lists her.
 * With JavaScript Bente (kindergarten, ID-porten) registers Berit; without, Sverre (school,
 * Feide) registers Stine. Axe on every page.
 */
describe.each(journeyKinds)(
  "a unit leader registers the unit's staff for a gathering, on %s",
  (kind) => {
    let server: TestServer;
    beforeAll(async () => {
      server = await testServer(kind, { signIn: true });
    });
    afterAll(() => server?.close());

    for (const { js, mode, tag } of scriptModes) {
      const [provider, leader, member] = js
        ? (["ID-porten", "Bente Barnehage", "Berit Barnehagelærer"] as const)
        : (["Feide", "Sverre Skoleleder", "Stine Stab"] as const);
      it(`${mode}: ${leader} registers ${member}`, async () => {
        const visit = await openPage(browser(), { js, baseURL: server.url });
        const { page } = visit;
        visit.allowErrorStatus(422);
        await page.goto("/nb/logg-inn");
        await signInWith(page, server, provider, leader);
        await loadsPage(page, () =>
          nav(page).getByRole("link", { name: "Samlinger", exact: true }).click(),
        );
        expect(await h1(page)).toBe("Samlinger");
        await loadsPage(page, () => page.getByRole("link", { name: GATHERING }).click());
        expect(await h1(page)).toBe(GATHERING);
        await expectNoAxeViolations(page);

        await loadsPage(page, () =>
          page.getByRole("link", { name: "Meld på ansatte ved enheten din" }).click(),
        );
        expect(path(page)).toMatch(/^\/nb\/samlinger\/[0-9]+\/ansatte$/);
        expect(await h1(page)).toBe("Meld på ansatte");
        const box = page.getByRole("checkbox", { name: new RegExp(member) });
        expect(await box.isChecked()).toBe(false);
        await expectNoAxeViolations(page);

        // Nothing chosen: said at the top and beside the list.
        await loadsPage(page, () => page.getByRole("button", { name: "Meld på" }).click());
        expect(await shown(summary(page))).toContain("Velg minst én ansatt som skal meldes på");
        expect(await page.title()).toMatch(/^Feil: /);
        await expectNoAxeViolations(page);
        await screenshot(page, `staff-registration-error-${tag}`);

        await page.getByRole("checkbox", { name: new RegExp(member) }).check();
        await loadsPage(page, () => page.getByRole("button", { name: "Meld på" }).click());
        const main = (await shown(page.getByRole("main"))).replace(/\s+/g, " ");
        expect(main).toContain("1 ansatt har fått plass.");
        expect(await shown(page.getByTestId("registered-staff"))).toContain(member);
        expect(main).toContain(
          "Det er ingen flere ved enheten din som kan meldes på denne samlingen.",
        );
        await expectNoAxeViolations(page);
        await screenshot(page, `staff-registered-${tag}`);
      });
    }
  },
);
