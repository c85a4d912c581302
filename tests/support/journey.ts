import type { Browser, Page } from "playwright-core";
import { beforeAll } from "vitest";
import { launchBrowser, shown } from "./browser";

/** The worker's Chromium, once launched. */
let shared: Promise<Browser> | undefined;

/**
 * The Chromium for the test file that calls this (at its top level), there once the file's
 * tests run: one launch per file (about two seconds of CPU), shared by its tests. Each test has
 * a context of its own (`openPage`), so no cookie or storage crosses from one test to the next.
 * Playwright closes the browser when the file's worker exits.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (shared && !(await shared.catch(() => undefined))?.isConnected()) shared = undefined;
    shared ??= launchBrowser();
    browser = await shared;
  });
  return () => {
    if (!browser) throw new Error("the browser is not launched yet (use it inside a test)");
    return browser;
  };
}

/** The page's level-1 heading, as shown. */
export const h1 = (page: Page) => shown(page.getByRole("heading", { level: 1 }));

/** The path of the page's address. */
export const path = (page: Page) => new URL(page.url()).pathname;

/** The main landmark's text as shown, runs of white space as one space. */
export const main = async (page: Page) =>
  (await shown(page.getByRole("main"))).replace(/\s+/g, " ");

/** The main menu. */
export const nav = (page: Page) => page.getByRole("navigation", { name: "Hovedmeny" });

/** The first alert in the main content, as shown. */
export const alert = (page: Page) => shown(page.locator("main .ds-alert").first());

/** The error summary of a refused form. */
export const summary = (page: Page) => page.locator(".ds-error-summary");
