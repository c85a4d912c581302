import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectNoAxeViolations,
  loadsPage,
  openPage,
  screenshot,
  scriptModes,
} from "../support/browser";
import { journeyKinds } from "../support/db";
import { h1, nav, path, useBrowser } from "../support/journey";
import { type TestServer, testServer } from "../support/server";
import { signInWith } from "../support/sign-in";

const browser = useBrowser();

const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1280, height: 900 };

/** Every table on the page that is wider than the box it scrolls in, by its caption or label. */
const clippedTables = (page: Page) =>
  page.locator("main .table-wrap").evaluateAll((wraps) =>
    wraps
      .filter((w) => w.scrollWidth > w.clientWidth + 1)
      .map((w) => {
        const table = w.querySelector("table");
        return table?.getAttribute("aria-label") ?? table?.caption?.textContent ?? "a table";
      }),
  );

const menuToggle = (page: Page) => nav(page).locator("summary");

/**
 * The signed-in pages' layout: on a phone the long menu folds behind "Meny" so the page starts
 * on the first screen; on a wide screen the menu is open and the work pages' tables have room.
 */
describe.each(journeyKinds)("the signed-in layout, on %s", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await testServer(kind, { signIn: true });
  });
  afterAll(() => server?.close());

  for (const { js, mode, tag } of scriptModes) {
    it(`on a 390 px phone ${mode}: Ada's menu folds behind "Meny", and opens by keyboard`, async () => {
      const { page } = await openPage(browser(), {
        js,
        baseURL: server.url,
        viewport: PHONE,
      });
      await page.goto("/nb/logg-inn");
      await signInWith(page, server, "ID-porten", "Ada Direktorat");
      await page.goto("/nb/admin/personer");
      expect(await h1(page)).toBe("Personer og roller");

      // Folded: only "Meny" shows, and the page's heading is within the first third of the screen.
      expect(await menuToggle(page).innerText()).toBe("Meny");
      expect(await nav(page).getByRole("link", { name: "Puljer" }).isVisible()).toBe(false);
      const header = (await page.locator(".site-header").boundingBox())!;
      expect(header.y + header.height).toBeLessThan(PHONE.height / 3);
      await expectNoAxeViolations(page);
      await screenshot(page, `layout-phone-menu-folded-${tag}`);

      // The summary is a native disclosure: Enter opens it, with or without script.
      await menuToggle(page).focus();
      await page.keyboard.press("Enter");
      const cohorts = nav(page).getByRole("link", { name: "Puljer" });
      expect(await cohorts.isVisible()).toBe(true);
      expect(await nav(page).getByRole("link", { name: "Endringslogg" }).isVisible()).toBe(true);
      await expectNoAxeViolations(page);
      await screenshot(page, `layout-phone-menu-open-${tag}`);
      await loadsPage(page, () => cohorts.click());
      expect(path(page)).toBe("/nb/puljer");
    });
  }

  it("on a 1280 px screen: the menu is open, and the office page's tables are not clipped", async () => {
    const { page } = await openPage(browser(), { js: true, baseURL: server.url, viewport: WIDE });
    await page.goto("/nb/logg-inn");
    await signInWith(page, server, "ID-porten", "Siv Statsforvalter");
    await page.goto("/nb/puljer/3/kontor/sf-agder");
    expect(await h1(page)).toBe("Statsforvalteren i Agder: pulje 3");
    expect(await menuToggle(page).isVisible()).toBe(false);
    expect(await nav(page).getByRole("link", { name: "Puljer" }).isVisible()).toBe(true);
    expect(await clippedTables(page)).toEqual([]);
    await expectNoAxeViolations(page);
    await screenshot(page, "layout-wide-office-page");

    // A reading page keeps its measure for the same person.
    await page.goto("/nb/tilbud/inkluderende-barnehage-og-skolemiljo");
    const column = (await page.getByRole("main").boundingBox())!;
    expect(column.width).toBeLessThanOrEqual(52 * 16);
  });

  it("on a 1280 px screen without JavaScript: the print view's chain tables are not clipped", async () => {
    const { page } = await openPage(browser(), { js: false, baseURL: server.url, viewport: WIDE });
    await page.goto("/nb/logg-inn");
    await signInWith(page, server, "ID-porten", "Ada Direktorat");
    await page.goto("/nb/puljer/3?visning=utskrift");
    expect(await h1(page)).toBe("Inkluderende barnehage- og skolemiljø, pulje 3");
    expect(await clippedTables(page)).toEqual([]);
    await expectNoAxeViolations(page);
    await screenshot(page, "layout-wide-print-view");

    // The icon every page links, and the one browsers ask for by its old name, both load.
    for (const icon of [
      await page.locator('link[rel="icon"]').getAttribute("href"),
      "/favicon.ico",
    ]) {
      const response = await page.request.get(icon!);
      expect(response.status(), icon!).toBe(200);
    }
  });
});
