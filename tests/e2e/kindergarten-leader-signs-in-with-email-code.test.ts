import { eq, sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoEmail } from "../../src/modules/identity";
import { people, sessions, signInCodes } from "../../src/modules/identity/schema";
import {
  expectNoAxeViolations,
  loadsPage,
  openPage,
  screenshot,
  scriptModes,
  shown,
} from "../support/browser";
import { journeyKinds } from "../support/db";
import { h1, main, path, summary, useBrowser } from "../support/journey";
import { type TestServer, testServer } from "../support/server";
import { signInWith } from "../support/sign-in";

const KINDERGARTEN = "Bakkebø private barnehage (demo)";
const CODE_LEAD =
  "Hvis adressen er registrert hos oss, har vi sendt en kode på seks siffer dit. Koden virker i ti minutter.";

const browser = useBrowser();

/** On the sign-in page: ask for a code by e-mail. */
async function askForCode(page: Page, email: string) {
  const section = page.getByRole("region", { name: "Logg inn med kode på e-post" });
  await section.getByLabel("E-postadresse").fill(email);
  await loadsPage(page, () => section.getByRole("button", { name: "Send kode" }).click());
}

/** On the code page: type a code and send it. */
async function typeCode(page: Page, code: string) {
  await page.getByLabel("Kode", { exact: true }).fill(code);
  await loadsPage(page, () =>
    page.getByRole("main").getByRole("button", { name: "Logg inn" }).click(),
  );
}

describe.each(journeyKinds)(
  "a kindergarten leader signs in with an e-mailed code, on %s",
  (kind) => {
    let server: TestServer;
    beforeAll(async () => {
      server = await testServer(kind, { signIn: true });
    });
    afterAll(() => server?.close());

    const email = demoEmail("bente");
    const liveSessions = async () => {
      const [bente] = await server.db.select().from(people).where(eq(people.email, email));
      const rows = await server.db.select().from(sessions).where(eq(sessions.personId, bente!.id));
      return rows.filter((s) => s.revokedAt === null);
    };

    // With scripts on, she has her phone signed in too (with ID-porten), and both sessions end.
    const runs = [
      { ...scriptModes[0], phone: true },
      { ...scriptModes[1], phone: false },
    ];
    for (const { js, mode, tag, phone: onPhone } of runs) {
      const title = onPhone
        ? "a wrong code, the right one, her phone too, then sign out everywhere"
        : "a wrong code, the right one, then sign out everywhere";
      it(`${mode}: ${title}`, async () => {
        const visit = await openPage(browser(), { js, baseURL: server.url });
        const { page } = visit;
        expect(await liveSessions()).toEqual([]);

        await page.goto("/nb/logg-inn");
        expect(await h1(page)).toBe("Logg inn i Samspill");
        await expectNoAxeViolations(page);
        const mailsBefore = server.smtp.received.length;
        await askForCode(page, email);
        expect(path(page)).toBe("/nb/logg-inn/e-post");
        expect(await h1(page)).toBe("Skriv inn koden");
        expect(await main(page)).toContain(CODE_LEAD);
        await expectNoAxeViolations(page);
        await screenshot(page, `email-code-enter-${tag}`);

        // The code arrives by e-mail: six digits, in the subject and the text.
        const mail = await server.mail(
          (m) => m.to === email && server.smtp.received.indexOf(m) >= mailsBefore,
        );
        const code = mail.subject.match(/^(\d{6}) er koden din for å logge inn i Samspill$/)?.[1];
        expect(code, mail.subject).toBeDefined();
        expect(mail.text).toContain(`Koden din er: ${code}`);

        // A wrong code: the error, in the summary and at the field, with the tries left.
        const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
        visit.allowErrorStatus(422);
        await typeCode(page, wrong);
        expect(visit.status()).toBe(422);
        expect(await page.title()).toBe("Feil: Skriv inn koden – Samspill");
        const error = "Koden stemmer ikke. Du har 4 forsøk igjen.";
        expect(await shown(summary(page).getByRole("heading"))).toBe(
          "For å gå videre må du rette opp dette:",
        );
        expect(await summary(page).getByRole("link").allInnerTexts()).toEqual([error]);
        expect(await summary(page).getByRole("link").getAttribute("href")).toBe("#code");
        expect(await page.locator("#code-error").textContent()).toBe(`Feil: ${error}`);
        const field = page.getByLabel("Kode", { exact: true });
        expect(await field.inputValue()).toBe(wrong);
        expect(await field.getAttribute("aria-invalid")).toBe("true");
        expect(await field.getAttribute("aria-describedby")).toContain("code-error");
        await expectNoAxeViolations(page);
        await screenshot(page, `email-code-wrong-${tag}`);

        // The right code: signed in, on her page.
        await typeCode(page, code!);
        expect(visit.status()).toBe(200);
        expect(page.url()).toBe(`${server.url}/nb/meg`);
        expect(await h1(page)).toBe("Min side");
        expect(await shown(page.locator("main ul.ds-list").first())).toBe(
          `Leder for barnehage eller skole, ${KINDERGARTEN}`,
        );
        expect(await main(page)).toContain(`E-postadresse ${email}`);
        // How she signed in this time: by the code, though ID-porten is linked too.
        expect(await main(page)).toContain("Logget inn nå med kode på e-post");
        await expectNoAxeViolations(page);
        await screenshot(page, `email-code-profile-${tag}`);
        expect((await liveSessions()).map((s) => s.via)).toEqual(["email"]);

        // The code is used up.
        const [used] = await server.db
          .select()
          .from(signInCodes)
          .where(eq(signInCodes.email, email))
          .orderBy(sql`${signInCodes.id} desc`)
          .limit(1);
        expect(used?.usedAt).not.toBeNull();
        // Every try is counted before it is compared: the wrong one and the right one.
        expect(used?.attempts).toBe(2);

        // Meanwhile, on her phone, she signs in with ID-porten.
        const phone = onPhone ? await openPage(browser(), { js, baseURL: server.url }) : undefined;
        if (phone) {
          await phone.page.goto("/nb/logg-inn");
          await signInWith(phone.page, server, "ID-porten", "Bente Barnehage");
          expect(phone.page.url()).toBe(`${server.url}/nb/meg`);
          await expectNoAxeViolations(phone.page);
          expect((await liveSessions()).map((s) => s.via).sort()).toEqual(["email", "idporten"]);
        }

        // Sign out everywhere: every session ends.
        await loadsPage(page, () =>
          page.getByRole("button", { name: "Logg ut på alle enheter" }).click(),
        );
        expect(path(page)).toBe("/nb/logget-ut");
        expect(await h1(page)).toBe("Du er logget ut");
        expect(await main(page)).toContain(
          phone ? "Du er logget ut av 2 økter." : "Du er logget ut av én økt.",
        );
        await expectNoAxeViolations(page);
        await screenshot(page, `email-code-signed-out-everywhere-${tag}`);
        expect(await liveSessions()).toEqual([]);
        await page.goto("/nb/meg");
        expect(path(page)).toBe("/nb/logg-inn");

        if (phone) {
          await phone.page.goto("/nb/meg");
          expect(path(phone.page)).toBe("/nb/logg-inn");
          expect(await h1(phone.page)).toBe("Logg inn i Samspill");
        }
      });
    }

    it("without JavaScript: an unknown address gets the same page, and no e-mail", async () => {
      const known = await openPage(browser(), { js: false, baseURL: server.url });
      await known.page.goto("/nb/logg-inn");
      await expectNoAxeViolations(known.page);
      await askForCode(known.page, demoEmail("kari"));
      const knownPage = await main(known.page);

      const visit = await openPage(browser(), { js: false, baseURL: server.url });
      const { page } = visit;
      const unknown = "ukjent.person@eksempel.no";
      await page.goto("/nb/logg-inn");
      await askForCode(page, unknown);
      expect(path(page)).toBe("/nb/logg-inn/e-post");
      expect(await h1(page)).toBe("Skriv inn koden");
      expect(await main(page)).toBe(knownPage);
      await expectNoAxeViolations(page);

      // Kari's code goes out; nothing is stored or sent for the unknown address.
      await server.mail((m) => m.to === demoEmail("kari"));
      expect(server.smtp.received.filter((m) => m.to === unknown)).toEqual([]);
      expect(
        await server.db.select().from(signInCodes).where(eq(signInCodes.email, unknown)),
      ).toEqual([]);

      // A code typed for it is refused like an expired one.
      visit.allowErrorStatus(422);
      await typeCode(page, "123456");
      expect(visit.status()).toBe(422);
      expect(await summary(page).getByRole("link").allInnerTexts()).toEqual([
        "Koden er utløpt eller brukt opp. Be om en ny kode.",
      ]);
      await expectNoAxeViolations(page);
    });
  },
);
