import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { launchBrowser, shown } from "./browser";

/**
 * Browser journeys run beside the unit files (the sequencer spreads them among those), at most
 * this many at once on the machine: each is a server, a database and a Chromium, and two keep
 * two cores busy together with the unit files. A slot is a directory made atomically in the
 * run's slot folder, removed when the file ends.
 */
const SLOTS = Number(process.env.JOURNEY_SLOTS ?? 2);

async function takeSlot(): Promise<string> {
  const dir = inject("browserSlots");
  for (;;) {
    for (let i = 0; i < SLOTS; i++) {
      const slot = join(dir, `slot-${i}`);
      try {
        mkdirSync(slot);
        return slot;
      } catch {
        // taken
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

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
  let slot: string | undefined;
  // Registered before the file's own hooks: the slot is held from before its server starts
  // until after it has stopped. Waiting for a slot may take as long as the journeys before it.
  beforeAll(async () => {
    slot = await takeSlot();
    if (shared && !(await shared.catch(() => undefined))?.isConnected()) shared = undefined;
    shared ??= launchBrowser();
    browser = await shared;
  }, 30 * 60_000);
  afterAll(() => {
    if (slot) rmSync(slot, { recursive: true, force: true });
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
