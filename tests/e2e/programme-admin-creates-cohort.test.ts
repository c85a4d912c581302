import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoEmail } from "../../src/modules/identity";
import {
  expectNoAxeViolations,
  loadsPage,
  openPage,
  screenshot,
  scriptModes,
  shown,
} from "../support/browser";
import { journeyKinds } from "../support/db";
import { alert, h1, path, useBrowser } from "../support/journey";
import { type TestServer, testServer } from "../support/server";
import { signInWith } from "../support/sign-in";

const browser = useBrowser();

const IBS = "inkluderende-barnehage-og-skolemiljo";
const LIST = `/nb/admin/tilbud/${IBS}/puljer`;
const row = (page: Page, n: number) =>
  page.getByRole("group", { name: `Samling ${n}`, exact: true });

/**
 * Ada, Udir's programme admin, creates a new IBS cohort: a first try with a half-filled
 * gathering row and no nynorsk terms is refused with the errors shown; she completes it, two
 * county offices are invited (and mailed), and the cohort is listed with a planned gathering.
 */
describe.each(journeyKinds)("a programme admin creates a cohort, on %s", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await testServer(kind, { signIn: true });
  });
  afterAll(() => server?.close());

  for (const { js, mode, tag } of scriptModes) {
    const number = js ? 7 : 8;
    it(`${mode}: creates cohort ${number} with two offices and a planned gathering`, async () => {
      const visit = await openPage(browser(), { js, baseURL: server.url });
      const { page } = visit;

      // Signed in through ID-porten, straight back to the programme pages.
      await page.goto("/nb/admin/tilbud");
      expect(path(page)).toBe("/nb/logg-inn");
      await signInWith(page, server, "ID-porten", "Ada Direktorat");
      expect(path(page)).toBe("/nb/admin/tilbud");
      await expectNoAxeViolations(page);

      // From the programme list to the programme's cohorts.
      await loadsPage(page, () =>
        page
          .getByRole("table", { name: "Tilbudssider" })
          .getByRole("link", { name: /^Puljer\s*:\s*Inkluderende barnehage- og skolemiljø$/ })
          .click(),
      );
      expect(path(page)).toBe(LIST);
      expect(await h1(page)).toBe("Puljer i «Inkluderende barnehage- og skolemiljø»");
      await expectNoAxeViolations(page);
      await screenshot(page, `cohort-admin-list-before-${tag}`);

      await loadsPage(page, () =>
        page.getByRole("link", { name: "Ny pulje", exact: true }).click(),
      );
      expect(path(page)).toBe(`${LIST}/ny`);
      expect(await h1(page)).toBe("Ny pulje i «Inkluderende barnehage- og skolemiljø»");
      await expectNoAxeViolations(page);

      // A first try: the gathering has a title only, and the nynorsk terms are missing.
      await page.getByLabel("Nummer på puljen").fill(String(number));
      await page.getByLabel("Startdato").fill("2027-08-01");
      await page.getByLabel("Sluttdato").fill("2029-06-30");
      await page.getByLabel("Frist for embetene").fill("2027-02-01");
      await page.getByLabel("Svarfrist for kommunene").fill("2027-04-15");
      await page.getByLabel("Påminnelse, antall dager før svarfristen").fill("10");
      await page.getByLabel("Statsforvalteren i Agder", { exact: true }).check();
      await page.getByLabel("Statsforvalteren i Rogaland", { exact: true }).check();
      await page
        .getByLabel("Vilkår på bokmål")
        .fill("## Vilkår\n\n- Alle ansatte deltar.\n- Kommunen leder nettverk.");
      await row(page, 1).getByLabel("Tittel").fill("Nasjonal oppstartssamling");
      visit.allowErrorStatus(422);
      await loadsPage(page, () =>
        page.getByRole("button", { name: "Opprett puljen og inviter embetene" }).click(),
      );
      expect(visit.status()).toBe(422);
      expect(await page.title()).toMatch(/^Feil: /);
      const summary = await shown(page.locator(".ds-error-summary"));
      expect(summary).toContain("Fyll ut vilkår på nynorsk");
      expect(summary).toContain("Samling 1: fyll ut type, tittel og dato, eller tøm raden");
      expect(await shown(row(page, 1))).toContain("fyll ut type, tittel og dato");
      expect(await row(page, 1).getByLabel("Tittel").inputValue()).toBe(
        "Nasjonal oppstartssamling",
      );
      expect(await page.getByLabel("Startdato").inputValue()).toBe("2027-08-01");
      expect(await page.getByLabel("Statsforvalteren i Agder", { exact: true }).isChecked()).toBe(
        true,
      );
      await expectNoAxeViolations(page);
      await screenshot(page, `cohort-admin-error-${tag}`);

      // Completed: the gathering's kind and date, the nynorsk terms, previewed, then created.
      await row(page, 1).getByLabel("Type").selectOption({ label: "Nasjonal samling" });
      await row(page, 1).getByLabel("Dato").fill("2027-09-15");
      await page
        .getByLabel("Vilkår på nynorsk")
        .fill("## Vilkår\n\n- Alle tilsette er med.\n- Kommunen leier nettverk.");
      if (js) {
        await loadsPage(page, () =>
          page.getByRole("button", { name: "Forhåndsvis", exact: true }).click(),
        );
        const preview = page.getByRole("region", { name: "Forhåndsvisning av vilkårene" });
        expect(await shown(preview)).toContain("Alle tilsette er med.");
        await expectNoAxeViolations(page);
      }
      await loadsPage(page, () =>
        page.getByRole("button", { name: "Opprett puljen og inviter embetene" }).click(),
      );
      expect(path(page)).toBe(LIST);
      expect(await alert(page)).toBe(
        `Pulje ${number} er opprettet. Embetene er invitert og får e-post.`,
      );
      const listed = page
        .getByRole("table", { name: "Puljer" })
        .getByRole("row", { name: new RegExp(`Pulje ${number}\\b`) });
      const text = await shown(listed);
      expect(text).toContain("Statsforvalteren i Agder, Statsforvalteren i Rogaland");
      expect(text).toContain("1 planlagt samling");
      expect(text).toContain("1. august 2027 til 30. juni 2029");
      await expectNoAxeViolations(page);
      await screenshot(page, `cohort-admin-list-after-${tag}`);

      // Both offices are mailed, with a link to their page for the cohort.
      const mail = await server.mail(
        (m) =>
          m.to.includes(demoEmail("siv")) &&
          m.subject === `Invitasjon: Inkluderende barnehage- og skolemiljø, pulje ${number}`,
      );
      expect(mail.text).toMatch(/\/nb\/puljer\/[0-9]+\/kontor\/sf-agder/);
      await server.mail(
        (m) =>
          m.to.includes("postmottak@sf-rogaland.demo.samspill.example") &&
          m.subject.endsWith(`${number}`),
      );

      // The cohort's own page: the offices invited stay, ticked and fixed.
      await loadsPage(page, () =>
        listed.getByRole("link", { name: `Pulje ${number}`, exact: true }).click(),
      );
      expect(path(page)).toBe(`${LIST}/${number}`);
      const agder = page.getByLabel(/^Statsforvalteren i Agder \(invitert/);
      expect(await agder.isChecked()).toBe(true);
      expect(await agder.isDisabled()).toBe(true);
      expect(await row(page, 1).getByLabel("Tittel").inputValue()).toBe(
        "Nasjonal oppstartssamling",
      );
      await expectNoAxeViolations(page);
      await screenshot(page, `cohort-admin-edit-${tag}`);
    });
  }
});
