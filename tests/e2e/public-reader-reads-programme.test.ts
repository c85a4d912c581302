import type { Page } from "playwright-core";
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
import { useBrowser } from "../support/journey";
import { type TestServer, testServer } from "../support/server";

const IBS = "/tilbud/inkluderende-barnehage-og-skolemiljo";
const FUB = "/tilbud/bedre-foreldresamarbeid";

const browser = useBrowser();

const heading = (page: Page) => page.getByRole("heading", { level: 1 });
const lang = (page: Page) => page.locator("html").getAttribute("lang");
const text = async (page: Page) => (await shown(page.locator("main"))).replace(/\s+/g, " ");

describe.each(journeyKinds)("a public reader reads about the programmes on %s", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await testServer(kind);
  });
  afterAll(() => server?.close());

  for (const { js, mode, tag } of scriptModes) {
    it(`${mode}: catalogue, IBS in bokmål and nynorsk, FUB, footer pages`, async () => {
      const { page, status } = await openPage(browser(), { js, baseURL: server.url });

      // The front page lists both programmes.
      await page.goto("/nb/");
      expect(status()).toBe(200);
      expect(await lang(page)).toBe("nb");
      expect(await shown(heading(page))).toBe("Tilbud om kompetanseutvikling");
      const catalogue = page.locator("ul.catalogue");
      expect(await catalogue.getByRole("heading", { level: 3 }).allInnerTexts()).toEqual([
        "Inkluderende barnehage- og skolemiljø",
        "Bedre foreldresamarbeid til det beste for barnet",
      ]);
      await expectNoAxeViolations(page);
      await screenshot(page, `reads-programme-front-nb-${tag}`);

      // IBS, with its facts, cohorts and the county offices invited.
      await loadsPage(page, () =>
        catalogue.getByRole("link", { name: "Inkluderende barnehage- og skolemiljø" }).click(),
      );
      expect(new URL(page.url()).pathname).toBe(`/nb${IBS}`);
      expect(await page.title()).toBe("Inkluderende barnehage- og skolemiljø – Samspill");
      expect(await shown(heading(page))).toBe("Inkluderende barnehage- og skolemiljø");
      const ibs = await text(page);
      expect(ibs).toContain("Startet i januar 2017");
      expect(ibs).toContain("38 kommuner i pulje 1");
      expect(ibs).toContain("Pulje 2");
      expect(ibs).toContain("Embetene inviterer kommuner innen 1. juni 2017.");
      expect(ibs).toContain("Fylkesmannen i Oppland (6)");
      expect(ibs).toContain("Fylkesmannen i Troms");
      // The municipalities behind an office open without script (details/summary).
      const oppland = page.locator("details", { hasText: "Fylkesmannen i Oppland" });
      const municipalities = oppland.locator("ul.municipalities > li");
      expect(await municipalities.first().isVisible()).toBe(false);
      await oppland.locator("summary").click();
      await municipalities.first().waitFor({ state: "visible" });
      expect(await municipalities.count()).toBe(6);
      expect(await alternates(page)).toEqual({
        nb: `/nb${IBS}`,
        nn: `/nn${IBS}`,
        en: `/en${IBS}`,
        "x-default": `/nb${IBS}`,
      });
      for (const href of Object.values(await alternates(page))) {
        expect((await page.request.get(href)).status(), href).toBe(200);
      }
      await expectNoAxeViolations(page);
      await screenshot(page, `reads-programme-ibs-nb-${tag}`);

      // The language links lead to the same page in nynorsk.
      const languages = page.getByRole("navigation", { name: "Språk" });
      expect(
        await languages.getByRole("link", { name: "Bokmål" }).getAttribute("aria-current"),
      ).toBe("true");
      await loadsPage(page, () => languages.getByRole("link", { name: "Nynorsk" }).click());
      expect(new URL(page.url()).pathname).toBe(`/nn${IBS}`);
      expect(await lang(page)).toBe("nn");
      expect(await shown(heading(page))).toBe("Inkluderande barnehage- og skulemiljø");
      const nn = await text(page);
      expect(nn).toContain("Starta i januar 2017");
      expect(nn).toContain("Pulje 2");
      expect(nn).toContain("Embeta inviterer kommunar innan 1. juni 2017.");
      expect(nn).toContain("Fylkesmannen i Oppland");
      expect(await alternates(page)).toEqual({
        nb: `/nb${IBS}`,
        nn: `/nn${IBS}`,
        en: `/en${IBS}`,
        "x-default": `/nb${IBS}`,
      });
      const nynorsk = page.getByRole("navigation", { name: "Språk" }).getByRole("link", {
        name: "Nynorsk",
      });
      expect(await nynorsk.getAttribute("aria-current")).toBe("true");
      await expectNoAxeViolations(page);
      await screenshot(page, `reads-programme-ibs-nn-${tag}`);

      // Back to bokmål, through the main menu to FUB and its phone number.
      await loadsPage(page, () =>
        page
          .getByRole("navigation", { name: "Språk" })
          .getByRole("link", { name: "Bokmål" })
          .click(),
      );
      expect(new URL(page.url()).pathname).toBe(`/nb${IBS}`);
      await loadsPage(page, () =>
        page
          .getByRole("navigation", { name: "Hovedmeny" })
          .getByRole("link", { name: "Tilbud" })
          .click(),
      );
      expect(new URL(page.url()).pathname).toBe("/nb/");
      await loadsPage(page, () =>
        page
          .getByRole("link", { name: "Bedre foreldresamarbeid til det beste for barnet" })
          .click(),
      );
      expect(new URL(page.url()).pathname).toBe(`/nb${FUB}`);
      expect(await shown(heading(page))).toBe("Bedre foreldresamarbeid til det beste for barnet");
      expect(await shown(page.locator("#contact-heading + p"))).toContain("ring 477 99 200");
      await expectNoAxeViolations(page);
      await screenshot(page, `reads-programme-fub-nb-${tag}`);

      // The accessibility statement and the privacy page, from the footer.
      const footer = page.getByRole("contentinfo");
      await loadsPage(page, () =>
        footer.getByRole("link", { name: "Tilgjengelighetserklæring" }).click(),
      );
      expect(new URL(page.url()).pathname).toBe("/nb/tilgjengelighet");
      expect(await shown(heading(page))).toBe("Tilgjengelighetserklæring");
      expect(await text(page)).toContain("WCAG 2.1 nivå A og AA");
      await expectNoAxeViolations(page);
      await screenshot(page, `reads-programme-accessibility-nb-${tag}`);

      await loadsPage(page, () =>
        page.getByRole("contentinfo").getByRole("link", { name: "Personvern" }).click(),
      );
      expect(new URL(page.url()).pathname).toBe("/nb/personvern");
      expect(await shown(heading(page))).toBe("Personvern");
      expect(await text(page)).toContain("aldri opplysninger om barn");
      await expectNoAxeViolations(page);
      await screenshot(page, `reads-programme-privacy-nb-${tag}`);
    });

    it(`${mode}: an unknown address gives a 404 page in English`, async () => {
      const visit = await openPage(browser(), { js, baseURL: server.url });
      const { page } = visit;
      visit.allowErrorStatus(404);
      const response = await page.goto("/en/finnes-ikke");
      expect(response?.status()).toBe(404);
      expect(await lang(page)).toBe("en");
      expect(await page.title()).toBe("Page not found – Samspill");
      expect(await shown(heading(page))).toBe("Page not found");
      const home = page.getByRole("main").getByRole("link", { name: "Go to the home page" });
      expect(await home.getAttribute("href")).toBe("/en/");
      await expectNoAxeViolations(page);
      await screenshot(page, `reads-programme-404-en-${tag}`);
      await loadsPage(page, () => home.click());
      expect(visit.status()).toBe(200);
      expect(await shown(heading(page))).toBe("Competence development programmes");
    });
  }
});

/** The page's `<link rel="alternate" hreflang>` as hreflang → href. */
async function alternates(page: Page): Promise<Record<string, string>> {
  const links = await page.locator("head link[rel=alternate][hreflang]").all();
  const map: Record<string, string> = {};
  for (const link of links) {
    map[(await link.getAttribute("hreflang")) ?? ""] = (await link.getAttribute("href")) ?? "";
  }
  return map;
}
