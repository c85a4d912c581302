import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { AxeResults } from "axe-core";
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from "playwright-core";
import { onTestFinished } from "vitest";

/**
 * Chromium from the Debian package, quiet: no calls home, no updates, no QUIC. With `camera`
 * (a .y4m file, see fake-camera.ts), the camera shows that picture and is allowed without asking.
 */
export function launchBrowser(options: { camera?: string } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...(options.camera
        ? [
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            `--use-file-for-fake-video-capture=${options.camera}`,
          ]
        : []),
    ],
  });
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost"]);
const VIEWPORT = { width: 1024, height: 768 };
const FAILED_LOAD = /^Failed to load resource: the server responded with a status of (\d+)/;

export type Visit = {
  context: BrowserContext;
  page: Page;
  /** Say that a page answered with this error status is part of the journey (a 404, a 422). */
  allowErrorStatus(...statuses: number[]): void;
  /** The status of the last page the browser loaded (after redirects). */
  status(): number | undefined;
};

/**
 * A fresh context and page for one test, with JavaScript on or off. When the test ends, any
 * console error, any uncaught page error, any page that answered with an error status the test
 * did not allow, and any request to a host other than our own fails it. Such requests are
 * stopped too, so nothing is ever loaded from a third party.
 */
export async function openPage(
  browser: Browser,
  opts: { js: boolean; baseURL: string; viewport?: { width: number; height: number } },
): Promise<Visit> {
  const context = await browser.newContext({
    javaScriptEnabled: opts.js,
    baseURL: opts.baseURL,
    locale: "nb-NO",
    viewport: opts.viewport ?? VIEWPORT,
  });
  const problems: string[] = [];
  const consoleErrors: { text: string; url: string }[] = [];
  const errorPages = new Set<string>();
  const allowed = new Set<number>();
  let lastStatus: number | undefined;

  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (LOCAL_HOSTS.has(url.hostname)) return route.continue();
    problems.push(`request to a third-party host: ${url.href}`);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("response", (response) => {
    const request = response.request();
    if (!request.isNavigationRequest() || request.frame() !== page.mainFrame()) return;
    lastStatus = response.status();
    if (lastStatus >= 400) {
      errorPages.add(response.url());
      if (!allowed.has(lastStatus)) {
        problems.push(`${request.method()} ${response.url()} answered ${lastStatus}`);
      }
    }
  });
  page.on("console", (message) => {
    if (message.type() === "error") {
      consoleErrors.push({ text: message.text(), url: message.location().url });
    }
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));

  onTestFinished(async () => {
    await context.close();
    for (const { text, url } of consoleErrors) {
      // Chromium logs every page that answers 4xx/5xx as a console error; those pages are
      // judged above, by whether the test allowed their status.
      if (FAILED_LOAD.test(text) && errorPages.has(url)) continue;
      problems.push(`console error: ${text}${url ? ` (${url})` : ""}`);
    }
    if (problems.length > 0) {
      throw new Error(`The browser reported problems:\n${problems.join("\n")}`);
    }
  });

  return {
    context,
    page,
    allowErrorStatus: (...statuses) => {
      for (const s of statuses) allowed.add(s);
    },
    status: () => lastStatus,
  };
}

/** JavaScript on and off: the journeys run both ways. */
export const scriptModes = [
  { js: true, mode: "with JavaScript", tag: "js" },
  { js: false, mode: "without JavaScript", tag: "nojs" },
] as const;

/**
 * Do something that loads a new page (a click on a link or a submit) and wait until that page
 * has loaded, also when it has the same address as the page before (a form shown again).
 */
export async function loadsPage(page: Page, action: () => Promise<unknown>): Promise<void> {
  const committed = page.waitForEvent("framenavigated", {
    predicate: (frame) => frame === page.mainFrame(),
  });
  await action();
  await committed;
  await page.waitForLoadState("load");
}

/** The text of an element as it is shown on screen (Playwright's innerText, not the DOM's). */
export function shown(locator: Locator): Promise<string> {
  return locator.innerText();
}

const axeSource = readFileSync(join(process.cwd(), "node_modules/axe-core/axe.min.js"), "utf8");

declare global {
  interface Window {
    axe?: { run: (context: Document, options: object) => Promise<AxeResults> };
  }
}

type Violation = { id: string; impact: string | null | undefined; help: string; nodes: string[] };

const AXE_OPTIONS = {
  runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
  resultTypes: ["violations"],
};

/**
 * One page per browser where axe is loaded once and every page of the journeys is checked: each
 * check writes the page's DOM as it is now (`page.content()`, after whatever its scripts did)
 * into this page's document, with the same stylesheets, fonts and viewport, and runs axe on it.
 * Loading axe into a page costs its renderer about a second of CPU and its first run another;
 * done once per journey server instead of once per check, a check costs about 0.3–0.6 s.
 * It also lets pages with scripts off be checked (axe's timers never fire in such a page). The
 * checker's own address is on the journey server's origin, so the page's `/assets/…` load from
 * that server; scripts are kept out, so nothing changes the DOM while axe reads it.
 */
type Checker = { page: Page; origin: string; queue: Promise<unknown> };
const checkers = new WeakMap<Browser, Promise<Checker>>();
const CHECKER_PATH = "/__axe-checker";

function checkerFor(browser: Browser): Promise<Checker> {
  let checker = checkers.get(browser);
  if (!checker) {
    checker = (async () => {
      const context = await browser.newContext({ javaScriptEnabled: true, viewport: VIEWPORT });
      await context.route("**/*", (route) => {
        const request = route.request();
        const target = new URL(request.url());
        if (target.pathname === CHECKER_PATH && request.isNavigationRequest()) {
          return route.fulfill({
            status: 200,
            contentType: "text/html; charset=utf-8",
            body: "<!DOCTYPE html><html><head><title>axe</title></head><body></body></html>",
          });
        }
        if (!LOCAL_HOSTS.has(target.hostname) || request.resourceType() === "script") {
          return route.abort("blockedbyclient");
        }
        return route.continue();
      });
      return { page: await context.newPage(), origin: "", queue: Promise.resolve() };
    })();
    checkers.set(browser, checker);
  }
  return checker;
}

/** The page's DOM as it is now, checked by axe on the browser's checker page. */
async function runAxe(page: Page): Promise<Violation[]> {
  const browser = page.context().browser();
  if (!browser) throw new Error("no browser");
  const checker = await checkerFor(browser);
  const run = checker.queue.then(async () => {
    const origin = new URL(page.url()).origin;
    if (checker.origin !== origin) {
      // A new journey server: the checker moves to its origin and loads axe there, once.
      await checker.page.goto(`${origin}${CHECKER_PATH}`, { waitUntil: "load" });
      await checker.page.evaluate(axeSource);
      checker.origin = origin;
    }
    await checker.page.setViewportSize(page.viewportSize() ?? VIEWPORT);
    // Without the page's scripts: they would run again in the checker and change what is read.
    const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
    return checker.page.evaluate(
      async ({ html, options }) => {
        document.open();
        document.write(html);
        document.close();
        if (document.readyState !== "complete") {
          await new Promise((resolve) => window.addEventListener("load", resolve, { once: true }));
        }
        await document.fonts.ready;
        const results = await window.axe!.run(document, options);
        return results.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`),
        }));
      },
      { html, options: AXE_OPTIONS },
    );
  });
  checker.queue = run.catch(() => undefined);
  return run;
}

/** axe-core for WCAG 2.1 A and AA on the page as it is now; fails with a readable list. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  const violations = await runAxe(page);
  if (violations.length > 0) {
    const list = violations
      .map((v) => `- ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join("\n    ")}`)
      .join("\n");
    throw new Error(`axe found ${violations.length} violation(s) on ${page.url()}:\n${list}`);
  }
}

/**
 * Remove an attribute through the DevTools protocol, which works with the page's scripts off:
 * used to get past a browser-side limit (maxlength) and reach the server's own check.
 */
export async function removeAttribute(page: Page, selector: string, name: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send("DOM.getDocument", {});
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`no element matches ${selector}`);
    await cdp.send("DOM.removeAttribute", { nodeId, name });
  } finally {
    await cdp.detach();
  }
}

const screenshotDir = join(process.cwd(), "test-results", "screenshots");

/** Names already taken in this test file's process. */
const taken = new Set<string>();

/** Screenshots are for people looking at the pages, so only when asked (SCREENSHOTS=1). */
const screenshotsWanted = process.env.SCREENSHOTS === "1";

/**
 * A full-page PNG under test-results/screenshots/ (git-ignored), for people to look at, when
 * the run was started with SCREENSHOTS=1 (encoding some 160 full pages costs the suite CPU it
 * needs for the tests). Taken once per name: a journey that runs again shows the same page.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!screenshotsWanted || taken.has(name)) return;
  taken.add(name);
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}
