import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageFeedback } from "../../src/modules/feedback/schema";
import {
  expectNoAxeViolations,
  loadsPage,
  openPage,
  removeAttribute,
  screenshot,
  shown,
} from "../support/browser";
import { journeyKinds } from "../support/db";
import { useBrowser } from "../support/journey";
import { type TestServer, testServer } from "../support/server";

const IBS = "/tilbud/inkluderende-barnehage-og-skolemiljo";

const browser = useBrowser();

const widget = (page: Page) => page.locator("section#tilbakemelding");
const widgetHeading = (page: Page) => widget(page).locator("#feedback-heading");
const counter = (page: Page) => widget(page).locator("[data-counter=visual]");
const focusedId = (page: Page) => page.locator(":focus").getAttribute("id");

describe.each(journeyKinds)("a public reader gives feedback on a page, on %s", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await testServer(kind);
  });
  afterAll(() => server?.close());

  const feedbackRows = () =>
    server.db
      .select()
      .from(pageFeedback)
      .where(eq(pageFeedback.page, IBS))
      .orderBy(pageFeedback.id);

  it("with JavaScript: Nei, a comment and thanks, all without leaving the page", async () => {
    const { page } = await openPage(browser(), { js: true, baseURL: server.url });
    await page.goto(`/nb${IBS}`);
    await expectNoAxeViolations(page);
    const address = page.url();
    let loads = 0;
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) loads++;
    });
    const before = (await feedbackRows()).length;

    expect(await shown(widgetHeading(page))).toBe("Fant du det du lette etter?");
    await widget(page).getByRole("button", { name: "Nei" }).click();
    await widgetHeading(page).filter({ hasText: "Hva lette du etter?" }).waitFor();
    expect(page.url()).toBe(address);
    expect(loads).toBe(0);
    expect(await focusedId(page)).toBe("feedback-heading");
    expect(await shown(counter(page))).toBe("0/250");
    await expectNoAxeViolations(page);

    const comment = "Jeg lette etter søknadsfristen for pulje 3.";
    await widget(page).getByLabel("Kommentar (valgfritt)").pressSequentially(comment);
    expect(await shown(counter(page))).toBe(`${comment.length}/250`);
    expect(await shown(widget(page).locator("[data-counter=text]"))).toBe(
      `${250 - comment.length} tegn igjen`,
    );
    // Screen readers hear the count once typing pauses, from a polite live region.
    await widget(page)
      .locator("[aria-live=polite]", { hasText: `${250 - comment.length} tegn igjen` })
      .waitFor({ state: "attached" });
    await screenshot(page, "gives-feedback-comment-js");

    await widget(page).getByRole("button", { name: "Send" }).click();
    await widgetHeading(page).filter({ hasText: "Tusen takk for hjelpen!" }).waitFor();
    expect(page.url()).toBe(address);
    expect(loads).toBe(0);
    expect(await focusedId(page)).toBe("feedback-heading");
    await expectNoAxeViolations(page);
    await screenshot(page, "gives-feedback-thanks-js");

    const rows = await feedbackRows();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ page: IBS, lang: "nb", found: false, comment });
  });

  it("with JavaScript, in English: the counter's words agree with the count", async () => {
    const { page } = await openPage(browser(), { js: true, baseURL: server.url });
    await page.goto(`/en${IBS}`);
    await widget(page).getByRole("button", { name: "No" }).click();
    const field = widget(page).getByLabel("Comment (optional)");
    await field.waitFor();
    const text = widget(page).locator("[data-counter=text]");
    for (const [length, words] of [
      [249, "1 character left"],
      [248, "2 characters left"],
      [250, "0 characters left"],
      [0, "You can enter 250 characters"],
    ] as const) {
      await field.fill("x".repeat(length));
      expect(await shown(text), String(length)).toBe(words);
    }
    // Past the limit (the browser's maxlength taken away, as a paste can get past it).
    await removeAttribute(page, "#feedback-comment", "maxlength");
    await field.fill("x".repeat(251));
    expect(await shown(text)).toBe("1 character too many");
    await widget(page)
      .locator("[aria-live=polite]", { hasText: "1 character too many" })
      .waitFor({ state: "attached" });
    await expectNoAxeViolations(page);
  });

  it("without JavaScript: Ja, the follow-up page, a comment and thanks", async () => {
    const { page } = await openPage(browser(), { js: false, baseURL: server.url });
    await page.goto(`/nb${IBS}`);
    await expectNoAxeViolations(page);
    const before = (await feedbackRows()).length;

    await loadsPage(page, () => widget(page).getByRole("button", { name: "Ja" }).click());
    const followUp = new URL(page.url());
    expect(followUp.pathname).toBe(`/nb${IBS}`);
    expect(followUp.searchParams.get("tilbakemelding")).toMatch(/^\d+\.1\.[\w-]+$/);
    expect(followUp.hash).toBe("#tilbakemelding");
    expect(await shown(widgetHeading(page))).toBe(
      "Så bra! Er det noe vi kan gjøre bedre på denne siden?",
    );
    expect(await shown(counter(page))).toBe("0/250");
    expect(await shown(widget(page).locator("[data-counter=text]"))).toBe("Du kan skrive 250 tegn");
    // The answer is stored before the comment is asked for.
    expect(await feedbackRows()).toHaveLength(before + 1);
    await expectNoAxeViolations(page);
    await screenshot(page, "gives-feedback-follow-up-nojs");

    const comment = "Fint med listen over embeter, men jeg savner kontaktpersonene.";
    await widget(page).getByLabel("Kommentar (valgfritt)").fill(comment);
    await loadsPage(page, () => widget(page).getByRole("button", { name: "Send" }).click());
    const thanks = new URL(page.url());
    expect(thanks.pathname).toBe(`/nb${IBS}`);
    expect(thanks.search).toBe("?tilbakemelding=takk");
    expect(await shown(widgetHeading(page))).toBe("Tusen takk for hjelpen!");
    await expectNoAxeViolations(page);
    await screenshot(page, "gives-feedback-thanks-nojs");

    const rows = await feedbackRows();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ page: IBS, lang: "nb", found: true, comment });
  });

  it("without JavaScript: a comment over 250 characters gets the server's error page", async () => {
    const visit = await openPage(browser(), { js: false, baseURL: server.url });
    const { page } = visit;
    await page.goto(`/nb${IBS}`);
    await loadsPage(page, () => widget(page).getByRole("button", { name: "Nei" }).click());
    expect(await shown(widgetHeading(page))).toBe("Hva lette du etter?");
    const id = Number(new URL(page.url()).searchParams.get("tilbakemelding")!.split(".")[0]);

    // The browser stops at 250 characters; take its limit away to reach the server's check.
    const field = widget(page).getByLabel("Kommentar (valgfritt)");
    expect(await field.getAttribute("maxlength")).toBe("250");
    await removeAttribute(page, "#feedback-comment", "maxlength");
    const long = "Søknadsfrister og samlinger for pulje 3, takk. ".repeat(5).padEnd(251, "!");
    expect(long).toHaveLength(251);
    await field.fill(long);
    visit.allowErrorStatus(422);
    await loadsPage(page, () => widget(page).getByRole("button", { name: "Send" }).click());

    expect(visit.status()).toBe(422);
    expect(new URL(page.url()).pathname).toBe("/nb/tilbakemelding");
    expect(await page.title()).toBe("Feil: Inkluderende barnehage- og skolemiljø – Samspill");
    const summary = widget(page).locator(".ds-error-summary");
    expect(await shown(summary.getByRole("heading"))).toBe(
      "For å gå videre må du rette opp dette:",
    );
    const link = summary.getByRole("link", { name: "Kommentaren kan ha høyst 250 tegn" });
    expect(await link.getAttribute("href")).toBe("#feedback-comment");
    expect(await page.locator(".ds-error-summary:focus").count()).toBe(1);
    // The prefix is for screen readers only (visually hidden), so read the text, not what shows.
    expect(await widget(page).locator("#feedback-comment-error").textContent()).toBe(
      "Feil: Kommentaren kan ha høyst 250 tegn",
    );
    const kept = widget(page).getByLabel("Kommentar (valgfritt)");
    expect(await kept.inputValue()).toBe(long);
    expect(await kept.getAttribute("aria-invalid")).toBe("true");
    expect(await kept.getAttribute("aria-describedby")).toContain("feedback-comment-error");
    expect(await shown(counter(page))).toBe("251/250");
    // Shown as over the limit by the server too, not only by the script.
    expect(await widget(page).locator("[data-field=counter]").getAttribute("class")).toBe(
      "counter counter--over",
    );
    expect(await shown(widget(page).locator("[data-counter=text]"))).toBe("1 tegn for mye");
    await expectNoAxeViolations(page);
    await screenshot(page, "gives-feedback-too-long-nojs");

    const [refused] = await server.db.select().from(pageFeedback).where(eq(pageFeedback.id, id));
    expect(refused).toMatchObject({ found: false, comment: null });

    // Shortened, it goes through.
    await kept.fill(long.slice(0, 250));
    await loadsPage(page, () => widget(page).getByRole("button", { name: "Send" }).click());
    expect(visit.status()).toBe(200);
    expect(await shown(widgetHeading(page))).toBe("Tusen takk for hjelpen!");
    await expectNoAxeViolations(page);
    const [stored] = await server.db.select().from(pageFeedback).where(eq(pageFeedback.id, id));
    expect(stored?.comment).toBe(long.slice(0, 250));
  });
});
