import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, openPage, scriptModes } from "../support/browser";
import { useBrowser } from "../support/journey";

/**
 * The journeys' accessibility check (axe on the browser's checker page, tests/support/browser.ts)
 * is itself tested here: it must find a violation in the page as it is shown, after the page's
 * own scripts ran, and carry nothing over from one page it checked to the next.
 */
const page = (title: string, body: string, script = "") =>
  `<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>${title}</title>${script}</head><body><main><h1>${title}</h1>${body}</main></body></html>`;

const PAGES: Record<string, { type: string; body: string }> = {
  "/fin": { type: "text/html", body: page("Fin side", "<p>Alt er i orden her.</p>") },
  // A text field with no label: axe's rule "label" (WCAG 2.1 A).
  "/uten-etikett": {
    type: "text/html",
    body: page("Uten etikett", '<form><input type="text" name="navn"></form>'),
  },
  // Fine as served; its script adds a field with no label.
  "/skript-feil": {
    type: "text/html",
    body: page(
      "Skript",
      "<p>Skriptet legger til et felt.</p>",
      '<script src="/feil.js" defer></script>',
    ),
  },
  "/feil.js": {
    type: "text/javascript",
    body: 'document.querySelector("main").insertAdjacentHTML("beforeend", \'<input type="text">\');',
  },
};

const browser = useBrowser();

describe("the journeys' accessibility check", () => {
  let server: Server;
  let baseURL = "";
  beforeAll(async () => {
    server = createServer((req, res) => {
      const found = PAGES[req.url ?? ""];
      if (!found) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "Content-Type": `${found.type}; charset=utf-8` }).end(found.body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Chromium keeps idle connections open; the server would wait for them.
    server.closeAllConnections();
    await closed;
  });

  for (const { js, mode } of scriptModes) {
    it(`${mode}: passes a fine page, fails one with a violation, and then passes the fine one again`, async () => {
      const { page: tab } = await openPage(browser(), { js, baseURL });
      await tab.goto("/fin");
      await expectNoAxeViolations(tab);
      await tab.goto("/uten-etikett");
      await expect(expectNoAxeViolations(tab)).rejects.toThrow(/label/);
      await tab.goto("/fin");
      await expectNoAxeViolations(tab);
    });
  }

  it("checks the page after its scripts ran: a field a script added is found", async () => {
    const { page: tab } = await openPage(browser(), { js: true, baseURL });
    await tab.goto("/skript-feil");
    await tab.locator("main input").waitFor({ state: "attached" });
    await expect(expectNoAxeViolations(tab)).rejects.toThrow(/label/);
  });

  it("without JavaScript the script never ran, and the page passes", async () => {
    const { page: tab } = await openPage(browser(), { js: false, baseURL });
    await tab.goto("/skript-feil");
    await expectNoAxeViolations(tab);
  });
});
