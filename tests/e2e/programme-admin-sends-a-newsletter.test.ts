import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newsletterSubscriptions } from "../../src/modules/newsletter/schema";
import { programmesOwnedBy } from "../../src/modules/programmes";
import { expectNoAxeViolations, loadsPage, openPage, scriptModes, shown } from "../support/browser";
import { journeyKinds } from "../support/db";
import { h1, path, summary, useBrowser } from "../support/journey";
import { type TestServer, testServer } from "../support/server";
import { signInWith } from "../support/sign-in";

const browser = useBrowser();

/**
 * Frida, FUB/FUG's programme admin, writes a newsletter in bokmål and nynorsk (an empty subject
 * first, refused with her text kept), previews it as the mail and as the web page, sends a test
 * to herself, sends it (a time in the past first, refused) and follows the progress bar on a
 * refreshed page until every subscriber has it; the public archive then lists it.
 */
for (const { js, mode, tag } of scriptModes) {
  describe.each(journeyKinds)(`a programme admin sends a newsletter, ${mode}, on %s`, (kind) => {
    let server: TestServer;
    beforeAll(async () => {
      server = await testServer(kind, { signIn: true });
      const [fub] = await programmesOwnedBy(server.db, ["fub"]);
      const now = server.clock.now();
      await server.db.insert(newsletterSubscriptions).values(
        ["en", "to"].map((x, i) => ({
          email: `${x}.${tag}@lesere.demo.samspill.example`,
          programmeId: fub!.id,
          lang: i === 0 ? "nn" : "nb",
          status: "confirmed" as const,
          consentTextVersion: "t",
          consentedAt: now,
          confirmedAt: now,
        })),
      );
    });
    afterAll(() => server?.close());

    it("composes, previews, tests, sends once and follows the progress", async () => {
      const frida = await openPage(browser(), { js, baseURL: server.url });
      const { page } = frida;
      await page.goto("/nb/logg-inn");
      await signInWith(page, server, "ID-porten", "Frida Foreldreutvalg");
      await loadsPage(page, () => page.goto("/nb/admin/nyhetsbrev"));
      expect(await h1(page)).toBe("Nyhetsbrev");
      await expectNoAxeViolations(page);

      await loadsPage(page, () => page.getByRole("link", { name: "Nytt nyhetsbrev" }).click());
      expect(await h1(page)).toBe("Nytt nyhetsbrev");
      await expectNoAxeViolations(page);
      frida.allowErrorStatus(422);
      await page.getByLabel("Tekst (bokmål)").fill("## Hei\n\nNytt fra FUB.");
      await page.getByLabel("Emne (nynorsk)").fill(`Vinterbrev ${tag} (nn)`);
      await page.getByLabel("Tekst (nynorsk)").fill("## Hei\n\nNytt frå FUB.");
      await loadsPage(page, () => page.getByRole("button", { name: "Lagre utkastet" }).click());
      expect(await summary(page).getByRole("link").allInnerTexts()).toHaveLength(1);
      expect(await page.getByLabel("Tekst (bokmål)").inputValue()).toBe("## Hei\n\nNytt fra FUB.");
      await expectNoAxeViolations(page);
      await page.getByLabel("Emne (bokmål)").fill(`Vinterbrev ${tag}`);
      await loadsPage(page, () => page.getByRole("button", { name: "Lagre utkastet" }).click());
      expect(await h1(page)).toBe(`Vinterbrev ${tag}`);
      expect(await shown(page.getByRole("main"))).toContain(
        "2 abonnenter får det slik det står nå.",
      );
      const editor = path(page);
      await expectNoAxeViolations(page);

      await loadsPage(page, () => page.getByRole("link", { name: "Som e-post (Nynorsk)" }).click());
      expect(await page.title()).toBe(`Vinterbrev ${tag} (nn)`);
      await expectNoAxeViolations(page);
      await loadsPage(page, () => page.goto(editor));
      await loadsPage(page, () =>
        page.getByRole("link", { name: "Som nettside (Bokmål)" }).click(),
      );
      expect(await h1(page)).toBe(`Vinterbrev ${tag}`);
      await expectNoAxeViolations(page);
      await loadsPage(page, () => page.goto(editor));

      await loadsPage(page, () => page.getByRole("button", { name: "Send test" }).click());
      expect(await shown(page.getByRole("main"))).toContain("Testen er sendt.");
      const test = await server.mail((m) => m.subject === `[Test] Vinterbrev ${tag}`);
      expect(test.raw.html).toContain("Nytt fra FUB.");

      await page.getByLabel("Send på et bestemt tidspunkt (valgfritt)").fill("1.1.2020 09:00");
      await loadsPage(page, () => page.getByRole("button", { name: "Send nyhetsbrevet" }).click());
      expect(await summary(page).getByRole("link").allInnerTexts()).toEqual([
        "Tidspunktet har vært. Velg et tidspunkt fram i tid, eller la feltet stå tomt.",
      ]);
      await expectNoAxeViolations(page);
      await page.getByLabel("Send på et bestemt tidspunkt (valgfritt)").fill("");
      await loadsPage(page, () => page.getByRole("button", { name: "Send nyhetsbrevet" }).click());
      expect(path(page)).toBe(editor);
      expect(await shown(page.locator("#mailing-status"))).toContain("Planlagt");
      await expectNoAxeViolations(page);

      for (let i = 0; i < 3; i++) {
        await server.jobs.runDue();
        server.clock.advance(1000);
      }
      await loadsPage(page, () => page.getByRole("link", { name: "Oppdater" }).click());
      expect(await shown(page.locator("#mailing-status"))).toContain("Sendt");
      expect(await page.locator("#progress-bar").getAttribute("value")).toBe("2");
      expect(await shown(page.getByRole("main"))).toContain("2 av 2 behandlet");
      await expectNoAxeViolations(page);
      const got = server.smtp.received.filter((m) => m.subject.startsWith("Vinterbrev"));
      expect(got.map((m) => m.to).sort()).toEqual([
        `en.${tag}@lesere.demo.samspill.example`,
        `to.${tag}@lesere.demo.samspill.example`,
      ]);

      // The public archive of the programme, in nynorsk.
      const id = editor.split("/").pop();
      await loadsPage(page, () => page.goto(`/nn/nyhetsbrev/utgaver/${id}`));
      expect(await h1(page)).toBe(`Vinterbrev ${tag} (nn)`);
      await expectNoAxeViolations(page);
    });
  });
}
