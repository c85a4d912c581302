import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getInvitation, inviteToCohort } from "../../src/modules/cohorts/chain";
import { createTestCohort } from "../../src/modules/cohorts/factories";
import {
  expectNoAxeViolations,
  loadsPage,
  openPage,
  screenshot,
  scriptModes,
  shown,
} from "../support/browser";
import { IBS, programmeIdOf } from "../support/cohorts";
import { journeyKinds } from "../support/db";
import { alert, h1, main, path, useBrowser } from "../support/journey";
import { demoPeopleIds } from "../support/people";
import { type TestServer, testServer } from "../support/server";
import { signInWith } from "../support/sign-in";

const browser = useBrowser();

const AGDER = "sf-agder";
const summary = (page: Page) => shown(page.locator(".ds-error-summary"));

/**
 * Siv, the county coordinator of Statsforvalteren i Agder, opens a cohort her office is
 * invited to, invites Kristiansand and one more town with a message (the town needs a contact
 * person first), sees them invited, reminds them (once a day), and gives the town a new deadline
 * with a reason. A municipality invited earlier has no one to mail: the page says so, and she
 * adds a contact person, who gets the invitation.
 */
describe.each(journeyKinds)("a county coordinator invites and reminds, on %s", (kind) => {
  let server: TestServer;
  /** One cohort per run, so each run starts with nobody invited. */
  const cohorts: Record<string, { id: number; number: number }> = {};
  /** Invited earlier, with no one in Samspill to receive mail (issue 8, finding 10). */
  const silent = {
    js: { code: "4214", name: "Froland" },
    nojs: { code: "4213", name: "Tvedestrand" },
  } as const;

  beforeAll(async () => {
    server = await testServer(kind, { signIn: true });
    const programmeId = await programmeIdOf(server.db, IBS);
    const { ada } = await demoPeopleIds(server.db, ["ada"]);
    for (const [tag, number] of [
      ["js", 7],
      ["nojs", 8],
    ] as const) {
      const id = await createTestCohort(
        server.db,
        {
          programmeId,
          number,
          reminderDaysBefore: 7,
          termsNb: "Kommunen deltar i to år.",
          termsNn: "Kommunen deltek i to år.",
        },
        {
          offices: [AGDER],
          actor: { personId: ada!, now: server.clock.now(), baseUrl: server.url },
        },
      );
      cohorts[tag] = { id, number };
      const earlier = await inviteToCohort(
        server.db,
        {
          cohortId: id,
          officeId: AGDER,
          invitees: [{ kind: "municipality", id: silent[tag].code }],
          message: "",
        },
        { personId: null, now: server.clock.now(), baseUrl: server.url },
      );
      expect(earlier).toMatchObject({ ok: true, unreachable: [silent[tag].code] });
    }
  });
  afterAll(() => server?.close());

  for (const { js, mode, tag } of scriptModes) {
    it(`${mode}: invites two municipalities, reminds them and extends a deadline`, async () => {
      const cohort = cohorts[tag]!;
      const office = `/nb/puljer/${cohort.id}/kontor/${AGDER}`;
      // A municipality nobody in Samspill receives mail for yet (each run its own, since the
      // contact person named in one run can receive mail for it in the next).
      const town = js ? { code: "4203", name: "Arendal" } : { code: "4202", name: "Grimstad" };
      const contact = `kontakt-${tag}@${town.name.toLowerCase()}.example`;
      const visit = await openPage(browser(), { js, baseURL: server.url });
      const { page } = visit;

      // Straight to the office's page: sign in through ID-porten first, then back there.
      await page.goto(office);
      expect(path(page)).toBe("/nb/logg-inn");
      await expectNoAxeViolations(page);
      await signInWith(page, server, "ID-porten", "Siv Statsforvalter");
      expect(path(page)).toBe(office);
      expect(await h1(page)).toBe(`Statsforvalteren i Agder: pulje ${cohort.number}`);
      const facts = await shown(page.getByRole("region", { name: "Om puljen" }));
      expect(facts).toContain("15. januar 2027");
      expect(facts).toContain("Automatisk påminnelse sendes 7 dager før fristen");
      // The cohort starts in the future: the page speaks of it so (issue 8, finding 14).
      expect(await main(page)).toMatch(/Dere dekker \d+ kommuner når puljen starter:/);
      expect(await main(page)).not.toContain("da puljen startet");
      expect(
        await page
          .getByRole("link", { name: "Vilkår for deltakelse og oversikt over hele puljen" })
          .getAttribute("href"),
      ).toBe(`/nb/puljer/${cohort.id}`);
      await expectNoAxeViolations(page);
      await screenshot(page, `county-office-page-${tag}`);

      // The town chosen without a contact person: refused, with the error beside the row.
      visit.allowErrorStatus(422);
      const inviteForm = page.getByRole("region", { name: "Inviter kommuner" });
      const message = () => inviteForm.getByLabel(/^Personlig melding/);
      await page.getByLabel("Kristiansand", { exact: true }).check();
      await page.getByLabel(town.name, { exact: true }).check();
      await message().fill("Velkommen med i puljen!");
      await loadsPage(page, () =>
        page.getByRole("button", { name: "Inviter valgte kommuner" }).click(),
      );
      expect(visit.status()).toBe(422);
      expect(await page.title()).toMatch(/^Feil: /);
      expect(await summary(page)).toContain(`Fyll ut navn på kontaktperson i ${town.name}`);
      expect(await message().inputValue()).toBe("Velkommen med i puljen!");
      expect(await page.getByLabel(town.name, { exact: true }).isChecked()).toBe(true);
      await expectNoAxeViolations(page);
      await screenshot(page, `county-office-invite-error-${tag}`);

      await page.getByLabel(`Navn på kontaktperson i ${town.name}`).fill("Anne Kontakt");
      await page.getByLabel(`E-post til kontaktperson i ${town.name}`).fill(contact);
      await loadsPage(page, () =>
        page.getByRole("button", { name: "Inviter valgte kommuner" }).click(),
      );
      expect(visit.status()).toBe(200);
      expect(await alert(page)).toBe("2 kommuner er invitert. Invitasjonene sendes på e-post nå.");
      const invited = page.getByRole("table", { name: "Kommuner som er invitert" });
      const rows = invited.locator("tbody tr");
      expect(await rows.count()).toBe(3);
      for (const name of [town.name, "Kristiansand"]) {
        const row = rows.filter({ hasText: name });
        expect(await shown(row)).toContain("Invitert");
        expect(await shown(row)).toContain("1. mars 2027");
      }
      await expectNoAxeViolations(page);
      await screenshot(page, `county-office-invited-${tag}`);
      const mail = await server.mail(
        (m) => m.to.includes(contact) && m.subject.startsWith("Invitasjon:"),
      );
      expect(mail.text).toContain("Velkommen med i puljen!");
      expect(mail.text).toContain(`/nb/puljer/${cohort.id}/kommune/${town.code}`);

      // Reminders: all at once with JavaScript, one row without.
      if (js) {
        await loadsPage(page, () =>
          page.getByRole("button", { name: "Send påminnelse til alle som ikke har svart" }).click(),
        );
        const said = await alert(page);
        expect(said).toContain("Påminnelse er sendt til 2 som ikke har svart.");
        // Nothing was sent where no one receives mail, and the page says so (finding 10).
        expect(said).toContain(
          `Ingen påminnelse sendt til ${silent[tag].name}: ingen å sende til. Legg til en kontaktperson.`,
        );
        expect(
          await page
            .locator("main .ds-alert")
            .getByRole("link", { name: `Legg til kontaktperson for ${silent[tag].name}` })
            .count(),
        ).toBe(1);
      } else {
        await loadsPage(page, () =>
          page.getByRole("button", { name: `Send påminnelse til ${town.name}` }).click(),
        );
        expect(await alert(page)).toBe("Påminnelse er sendt til 1 som ikke har svart.");
      }
      expect(await shown(rows.filter({ hasText: town.name }))).toContain("1, sist");
      // One reminder a day (finding 6): said on the page, and no second button today.
      expect(await main(page)).toContain(
        "Du kan sende én påminnelse per dag til hver kommune og enhet.",
      );
      expect(await shown(rows.filter({ hasText: town.name }))).toMatch(
        /Påminnelse sendt i dag kl\. \d\d:\d\d/,
      );
      expect(
        await page.getByRole("button", { name: `Send påminnelse til ${town.name}` }).count(),
      ).toBe(0);
      await expectNoAxeViolations(page);
      await server.mail((m) => m.to.includes(contact) && m.subject.startsWith("Påminnelse:"));

      // The town's history, and a new deadline with a reason (refused first without one).
      await loadsPage(page, () =>
        page.getByRole("link", { name: `Historikk og ny frist for ${town.name}` }).click(),
      );
      expect(await h1(page)).toBe(`Invitasjonen til ${town.name}`);
      const history = page.getByRole("table", { name: "Historikk" });
      expect(await shown(history)).toContain("Påminnelse sendt");
      await expectNoAxeViolations(page);
      await page.getByLabel("Ny svarfrist", { exact: true }).fill("2027-04-15");
      await loadsPage(page, () => page.getByRole("button", { name: "Gi ny frist" }).click());
      expect(visit.status()).toBe(422);
      expect(await summary(page)).toContain("Skriv en begrunnelse for den nye fristen");
      expect(await page.getByLabel("Ny svarfrist", { exact: true }).inputValue()).toBe(
        "2027-04-15",
      );
      await expectNoAxeViolations(page);
      // Required, and marked so (finding 14).
      expect(await page.getByLabel("Begrunnelse").getAttribute("required")).not.toBeNull();
      await page.getByLabel("Begrunnelse").fill("Kommunestyret møtes i april.");
      await loadsPage(page, () => page.getByRole("button", { name: "Gi ny frist" }).click());
      expect(await alert(page)).toBe(
        "Svarfristen er endret, og det er sendt e-post om den nye fristen til 1 mottaker.",
      );
      expect(await shown(history)).toContain(
        "Fra 1. mars 2027 til 15. april 2027. Begrunnelse: Kommunestyret møtes i april.",
      );
      await expectNoAxeViolations(page);
      await screenshot(page, `county-office-extended-${tag}`);
      const extended = await server.mail(
        (m) => m.to.includes(contact) && m.subject.startsWith("Ny svarfrist"),
      );
      expect(extended.text).toContain("15. april 2027");

      // Back on the office's page: the new deadline is in the town's row.
      await loadsPage(page, () =>
        page.getByRole("link", { name: /^Tilbake til Statsforvalteren i Agder/ }).click(),
      );
      expect(await shown(rows.filter({ hasText: town.name }))).toContain("15. april 2027");
      await expectNoAxeViolations(page);
      const arendal = await getInvitation(server.db, cohort.id, "municipality", town.code);
      expect(arendal).toMatchObject({ state: "invited", deadline: "2027-04-15" });

      // The municipality no one receives mail for: a new deadline says no mail went, and a
      // contact person added there gets the invitation (finding 10).
      const quiet = silent[tag];
      expect(await shown(rows.filter({ hasText: quiet.name }))).toContain(
        "Ingen i Samspill får e-posten ennå",
      );
      await loadsPage(page, () =>
        page.getByRole("link", { name: `Legg til kontaktperson for ${quiet.name}` }).click(),
      );
      expect(await h1(page)).toBe(`Invitasjonen til ${quiet.name}`);
      await page.getByLabel("Ny svarfrist", { exact: true }).fill("2027-04-20");
      await page.getByLabel("Begrunnelse").fill("Vi fant ingen mottaker.");
      await loadsPage(page, () => page.getByRole("button", { name: "Gi ny frist" }).click());
      expect(await alert(page)).toBe(
        `Svarfristen er endret, men ingen fikk e-post om den: ingen i Samspill mottar e-post for ${quiet.name}. Legg til en kontaktperson nedenfor.`,
      );
      await expectNoAxeViolations(page);
      const contactForm = page.getByRole("region", { name: "Kontaktperson" });
      expect(await shown(contactForm)).toContain(
        `Ingen i Samspill får e-post for ${quiet.name} ennå.`,
      );
      await loadsPage(page, () =>
        contactForm.getByRole("button", { name: "Legg til kontaktperson" }).click(),
      );
      expect(visit.status()).toBe(422);
      expect(await summary(page)).toContain(`Fyll ut navn på kontaktperson i ${quiet.name}`);
      await expectNoAxeViolations(page);
      const quietContact = `kontakt-${tag}@${quiet.name.toLowerCase()}.example`;
      await contactForm.getByLabel("Navn på kontaktperson").fill("Kari Kontakt");
      await contactForm.getByLabel("E-post til kontaktperson").fill(quietContact);
      await loadsPage(page, () =>
        contactForm.getByRole("button", { name: "Legg til kontaktperson" }).click(),
      );
      expect(await alert(page)).toBe(
        "Kontaktpersonen er lagt til og invitert, og har fått invitasjonen på e-post.",
      );
      expect(await shown(history)).toContain("Kontaktperson lagt til");
      await expectNoAxeViolations(page);
      await screenshot(page, `county-office-contact-added-${tag}`);
      const reached = await server.mail(
        (m) => m.to.includes(quietContact) && m.subject.startsWith("Invitasjon:"),
      );
      expect(reached.text).toContain(`/nb/puljer/${cohort.id}/kommune/${quiet.code}`);
      expect(reached.text).toContain("20. april 2027");
    });
  }

  // Issue 14 (decision 0040): Siv writes to the municipalities in IBS cohort 3 that have not
  // answered her office's invitation: she sees how many and a few of them first, is refused an
  // empty subject with her text kept, and sends; Kristiansand's coordinator gets it, replies
  // going to Siv.
  it("writes to the municipalities that have not answered", async () => {
    const visit = await openPage(browser(), { js: true, baseURL: server.url });
    const { page } = visit;
    await page.goto("/nb/admin/meldinger");
    await signInWith(page, server, "ID-porten", "Siv Statsforvalter");
    expect(path(page)).toBe("/nb/admin/meldinger");
    expect(await h1(page)).toBe("Meldinger");
    // The demo's message to cohort 3's non-respondents, sent three days ago.
    expect(await main(page)).toContain("Påminnelse: svar på invitasjonen til pulje 3");
    await expectNoAxeViolations(page);
    await loadsPage(page, () =>
      page.getByRole("link", { name: /^Inviterte som ikke har svart: .*, pulje 3$/ }).click(),
    );
    expect(await h1(page)).toBe("Ny melding");
    const recipients = await shown(page.getByRole("region", { name: "Mottakere" }));
    expect(recipients).toMatch(/\d+ mottakere? får meldingen slik det står nå/);
    expect(recipients).toContain("Kari Kommune (Kristiansand)");
    await expectNoAxeViolations(page);

    visit.allowErrorStatus(422);
    await page.getByLabel("Tekst (bokmål)").fill("Fristen nærmer seg. Svar i Samspill.");
    await loadsPage(page, () => page.getByRole("button", { name: "Lagre utkastet" }).click());
    expect(visit.status()).toBe(422);
    expect(await summary(page)).toContain("Fyll ut emne (bokmål)");
    expect(await page.getByLabel("Tekst (bokmål)").inputValue()).toBe(
      "Fristen nærmer seg. Svar i Samspill.",
    );
    await expectNoAxeViolations(page);
    await page.getByLabel("Emne (bokmål)").fill("Husk å svare på invitasjonen");
    await loadsPage(page, () => page.getByRole("button", { name: "Lagre utkastet" }).click());
    expect(await alert(page)).toBe("Utkastet er lagret. Se over mottakerne og send.");
    await expectNoAxeViolations(page);
    await loadsPage(page, () => page.getByRole("button", { name: "Send meldingen" }).click());
    expect(await shown(page.locator("#mailing-status"))).toMatch(/Planlagt|Sendes|Sendt/);
    await expectNoAxeViolations(page);
    await screenshot(page, "county-office-message-sent");

    // The sending is spaced by the rate: the minute after, every one is due.
    const now = server.clock.now();
    server.clock.set(new Date(now.getTime() + 60_000));
    const mail = await server.mail(
      (m) =>
        m.to.includes("kari@demo.samspill.example") && m.subject === "Husk å svare på invitasjonen",
    );
    server.clock.set(now);
    expect(mail.headers.get("reply-to")).toContain("siv@demo.samspill.example");
    expect(mail.text).toContain("Du får denne meldingen fordi");
  });
});
