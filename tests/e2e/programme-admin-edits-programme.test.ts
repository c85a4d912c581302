import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageFeedback } from "../../src/modules/feedback/schema";
import { expectNoAxeViolations, loadsPage, openPage, screenshot, shown } from "../support/browser";
import { journeyKinds } from "../support/db";
import { alert, h1, nav, path, useBrowser } from "../support/journey";
import { type TestServer, testServer } from "../support/server";
import { signInWith } from "../support/sign-in";

const browser = useBrowser();

const IBS = "inkluderende-barnehage-og-skolemiljo";

/**
 * Ada edits Udir's programme page: a refused save, a preview with a script in it, a save, a
 * publish, a restore (with JavaScript, in nynorsk) or an unpublish (without, in bokmål), then
 * moderates a page-feedback comment.
 */
describe.each(journeyKinds)("a programme admin edits a programme page, on %s", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await testServer(kind, { signIn: true });
    const when = server.clock.now();
    await server.db.insert(pageFeedback).values([
      { page: `/tilbud/${IBS}`, lang: "nb", found: true, createdAt: when },
      {
        page: `/tilbud/${IBS}`,
        lang: "nb",
        found: false,
        comment: "Hvor finner jeg søknadsfristen?",
        createdAt: when,
        commentedAt: when,
      },
    ]);
  });
  afterAll(() => server?.close());

  for (const run of [
    {
      js: true,
      tag: "js",
      textLang: "nn",
      language: "Nynorsk",
      title: "Trygge miljø for alle",
      theme: "Leiing og organisasjon",
    },
    {
      js: false,
      tag: "nojs",
      textLang: "nb",
      language: "Bokmål",
      title: "Trygge miljøer for alle",
      theme: "Ledelse og organisasjon",
    },
  ] as const) {
    it(`${run.js ? "with" : "without"} JavaScript: previews, saves, publishes and moderates`, async () => {
      const visit = await openPage(browser(), { js: run.js, baseURL: server.url });
      const { page } = visit;
      const dialogs: string[] = [];
      page.on("dialog", (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });

      // Straight to the programme pages: sign in through ID-porten first, then back there.
      await page.goto("/nb/admin/tilbud");
      expect(path(page)).toBe("/nb/logg-inn");
      await expectNoAxeViolations(page);
      await signInWith(page, server, "ID-porten", "Ada Direktorat");
      expect(path(page)).toBe("/nb/admin/tilbud");
      expect(await h1(page)).toBe("Tilbudssider");
      // Udir's programme only: FUB/FUG's is not Ada's to edit.
      const rows = page.getByRole("table", { name: "Tilbudssider" }).locator("tbody tr");
      expect(await rows.count()).toBe(1);
      await expectNoAxeViolations(page);
      await screenshot(page, `programme-admin-list-${run.tag}`);

      // The editor, in the language of this run.
      await loadsPage(page, () =>
        rows
          .first()
          .getByRole("link", { name: "Inkluderende barnehage- og skolemiljø", exact: true })
          .click(),
      );
      expect(path(page)).toBe(`/nb/admin/tilbud/${IBS}`);
      await expectNoAxeViolations(page);
      await loadsPage(page, () =>
        page
          .getByRole("navigation", { name: "Tekstens språk" })
          .getByRole("link", { name: run.language })
          .click(),
      );
      expect(new URL(page.url()).searchParams.get("sprak")).toBe(run.textLang);
      const oldTitle = await page.getByLabel("Tittel", { exact: true }).inputValue();
      expect(oldTitle.length).toBeGreaterThan(0);

      // A save with no title: 422, the error at the top and beside the field, input kept.
      visit.allowErrorStatus(422);
      await page.getByLabel("Tittel", { exact: true }).fill("");
      await page.getByLabel("Ingress").fill("Kort ingress.");
      await loadsPage(page, () => page.getByRole("button", { name: "Lagre", exact: true }).click());
      expect(visit.status()).toBe(422);
      expect(await page.title()).toMatch(/^Feil: /);
      expect(await shown(page.locator(".ds-error-summary"))).toContain("Fyll ut tittel");
      expect(await page.getByLabel("Ingress").inputValue()).toBe("Kort ingress.");
      await expectNoAxeViolations(page);
      await screenshot(page, `programme-admin-error-${run.tag}`);

      // A preview of a text with a script and a javascript: link: neither survives.
      await page.getByLabel("Tittel", { exact: true }).fill(run.title);
      await page
        .getByLabel("Innhold")
        .fill(
          '## Om tilbodet\n\nTrygg tekst.\n\n<script>alert("xss")</script>\n\n[Klikk](javascript:alert(1)) og [Udir](https://www.udir.no)',
        );
      await loadsPage(page, () => page.getByRole("button", { name: "Forhåndsvis" }).click());
      const preview = page.getByRole("region", { name: "Forhåndsvisning" });
      expect(await shown(preview)).toContain("Trygg tekst.");
      expect(await shown(preview)).toContain("Noe i teksten er ikke tillatt");
      expect(await preview.locator("script").count()).toBe(0);
      expect(await preview.getByRole("link", { name: "Udir" }).getAttribute("href")).toBe(
        "https://www.udir.no",
      );
      expect(await preview.locator('a[href^="javascript"]').count()).toBe(0);
      await expectNoAxeViolations(page);
      await screenshot(page, `programme-admin-preview-${run.tag}`);

      // Saving it as it is, is refused beside the field; without the script and the bad link it
      // is saved, with a theme added, then published: the public page shows the new text.
      await loadsPage(page, () => page.getByRole("button", { name: "Lagre", exact: true }).click());
      expect(visit.status()).toBe(422);
      expect(await shown(page.locator(".ds-error-summary"))).toContain(
        "Teksten har innhold som ikke er tillatt",
      );
      await expectNoAxeViolations(page);
      await page
        .getByLabel("Innhold")
        .fill("## Om tilbodet\n\nTrygg tekst.\n\nLes meir hos [Udir](https://www.udir.no).");
      await page.getByLabel("Tema", { exact: true }).fill(`Trygghet\n${run.theme}`);
      await loadsPage(page, () => page.getByRole("button", { name: "Lagre", exact: true }).click());
      expect(await alert(page)).toBe(
        "Teksten er lagret som en ny versjon. Den blir synlig for alle når du publiserer.",
      );
      await expectNoAxeViolations(page);
      await loadsPage(page, () =>
        page.getByRole("button", { name: "Publiser", exact: true }).click(),
      );
      expect(await alert(page)).toBe("Tilbudet er publisert.");
      await expectNoAxeViolations(page);
      await page.goto(`/${run.textLang}/tilbud/${IBS}`);
      expect(await h1(page)).toBe(run.title);
      expect(await page.locator("main script").count()).toBe(0);
      expect(await shown(page.getByRole("region", { name: "Tema" }))).toContain(run.theme);
      await expectNoAxeViolations(page);

      // Rules and contact: a duration out of range is refused beside the field, then saved.
      await page.goto(`/nb/admin/tilbud/${IBS}`);
      const rules = page.getByRole("region", { name: "Regler og kontakt" });
      await rules.getByLabel("Korteste varighet (måneder)").fill("6");
      await rules.getByLabel("Kontaktpunkt").fill("IBS-teamet");
      await loadsPage(page, () =>
        rules.getByRole("button", { name: "Lagre regler og kontakt" }).click(),
      );
      expect(visit.status()).toBe(422);
      expect(await shown(page.locator(".ds-error-summary"))).toContain(
        "Skriv et antall måneder fra 12 til 24",
      );
      expect(await rules.getByLabel("Kontaktpunkt").inputValue()).toBe("IBS-teamet");
      await expectNoAxeViolations(page);
      await rules.getByLabel("Korteste varighet (måneder)").fill("12");
      await loadsPage(page, () =>
        rules.getByRole("button", { name: "Lagre regler og kontakt" }).click(),
      );
      expect(await alert(page)).toBe(
        "Regler og kontakt er lagret og vises på den offentlige siden.",
      );
      await expectNoAxeViolations(page);
      await screenshot(page, `programme-admin-rules-${run.tag}`);
      await page.goto(`/nb/tilbud/${IBS}`);
      const main = await shown(page.locator("main"));
      expect(main).toContain("12 til 24 måneder");
      expect(main).toContain("Kontaktpunkt: IBS-teamet");

      if (run.js) {
        // Restore the text as it was, and publish it.
        await page.goto(`/nb/admin/tilbud/${IBS}?sprak=${run.textLang}`);
        const versions = page.getByRole("table", { name: "Versjoner" });
        await loadsPage(page, () =>
          versions
            .getByRole("button", { name: /Gjenopprett/ })
            .first()
            .click(),
        );
        expect(await alert(page)).toContain("Den gamle versjonen er lagret som den nyeste.");
        expect(await page.getByLabel("Tittel", { exact: true }).inputValue()).toBe(oldTitle);
        // Numbered per language, newest first, down to 1 (the seeded text, restored here).
        const numbers = await versions.locator("tbody tr td:first-child").allInnerTexts();
        expect(numbers).toEqual(numbers.map((_, i) => String(numbers.length - i)));
        expect(await shown(versions.locator("tbody tr").first())).toContain(
          "Gjenopprettet fra versjon 1",
        );
        await expectNoAxeViolations(page);
        await loadsPage(page, () =>
          page.getByRole("button", { name: "Publiser", exact: true }).click(),
        );
        await page.goto(`/${run.textLang}/tilbud/${IBS}`);
        expect(await h1(page)).toBe(oldTitle);
      } else {
        // Unpublish: the public page is gone; publish again.
        visit.allowErrorStatus(404);
        await page.goto(`/nb/admin/tilbud/${IBS}`);
        await loadsPage(page, () => page.getByRole("button", { name: "Avpubliser" }).click());
        expect(await alert(page)).toBe("Tilbudet er ikke lenger publisert.");
        await expectNoAxeViolations(page);
        await page.goto(`/nb/tilbud/${IBS}`);
        expect(visit.status()).toBe(404);
        await page.goto(`/nb/admin/tilbud/${IBS}`);
        await loadsPage(page, () =>
          page.getByRole("button", { name: "Publiser", exact: true }).click(),
        );
        await page.goto(`/nb/tilbud/${IBS}`);
        expect(visit.status()).toBe(200);
      }

      // The page feedback: the numbers and the comment, moderated.
      await page.goto("/nb/");
      await loadsPage(page, () =>
        nav(page).getByRole("link", { name: "Tilbakemeldinger" }).click(),
      );
      expect(await h1(page)).toBe("Tilbakemeldinger på sidene");
      const perPage = page.getByRole("table", { name: "Per side og språk" });
      expect(await shown(perPage.locator("tbody tr").first())).toContain(`/tilbud/${IBS}`);
      await expectNoAxeViolations(page);
      const comments = page.getByRole("table", { name: "Kommentarer" });
      if (run.js) {
        await loadsPage(page, () =>
          comments.getByRole("button", { name: /Merk som behandlet/ }).click(),
        );
        expect(await alert(page)).toBe("Kommentaren er merket som behandlet.");
        expect(await shown(comments)).toContain("Behandlet");
      } else {
        await loadsPage(page, () => comments.getByRole("button", { name: /Skjul/ }).click());
        expect(await alert(page)).toBe("Kommentaren er skjult.");
        expect(await shown(page.locator("main"))).not.toContain("Hvor finner jeg søknadsfristen?");
      }
      await expectNoAxeViolations(page);
      await screenshot(page, `programme-admin-feedback-${run.tag}`);
      expect(dialogs).toEqual([]);
    });
  }
});
