import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectNoAxeViolations,
  openPage,
  screenshot,
  scriptModes,
  shown,
} from "../support/browser";
import { journeyKinds } from "../support/db";
import { useBrowser } from "../support/journey";
import { type TestServer, testServer } from "../support/server";

const IBS = "/tilbud/inkluderende-barnehage-og-skolemiljo";
const FUB = "/tilbud/bedre-foreldresamarbeid";

const browser = useBrowser();

/**
 * A reader, not signed in, finds the upcoming gatherings on a programme's page: title, level,
 * dates and place, and no digital meeting link anywhere on the page (in text or in a link).
 * Bokmål and nynorsk; axe on every page; once with JavaScript and once without.
 */
describe.each(journeyKinds)(
  "a public reader sees a programme's upcoming gatherings, on %s",
  (kind) => {
    let server: TestServer;
    beforeAll(async () => {
      server = await testServer(kind);
    });
    afterAll(() => server?.close());

    for (const { js, mode, tag } of scriptModes) {
      it(`${mode}: IBS and FUB/FUG list their gatherings without their links`, async () => {
        const { page, status } = await openPage(browser(), { js, baseURL: server.url });
        await page.goto(`/nb${IBS}`);
        expect(status()).toBe(200);
        const section = page.getByRole("region", { name: "Kommende samlinger" });
        const items = section.getByTestId("public-gatherings").locator("li");
        expect(await items.count()).toBe(2);
        const first = (await shown(items.first())).replace(/\s+/g, " ");
        expect(first).toContain("Regional samling i Agder for pulje 3");
        expect(first).toContain("Nivå: Regional");
        expect(first).toContain("Tid: 28. desember 2026 kl. 09:00 – 15:00");
        expect(first).toContain("Sted: Statsforvalterens møtesal (demo)");
        expect(await shown(items.nth(1))).toContain("Lokal samling i Kristiansand");
        const html = await page.content();
        expect(html).not.toContain("moete.demo.samspill.example");
        await expectNoAxeViolations(page);
        await screenshot(page, `public-gatherings-ibs-${tag}`);

        await page.goto(`/nn${FUB}`);
        const fub = page.getByRole("region", { name: "Komande samlingar" });
        const digital = (await shown(fub)).replace(/\s+/g, " ");
        expect(digital).toContain("Digitalt nettverksmøte for kommunekontaktar");
        expect(digital).toContain("Stad: Digitalt");
        expect(await page.content()).not.toContain("fub-nettverk");
        await expectNoAxeViolations(page);
      });
    }
  },
);
