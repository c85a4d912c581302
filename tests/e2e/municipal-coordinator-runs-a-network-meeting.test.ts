import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { osloTyped } from "../../src/modules/gatherings";
import {
  expectNoAxeViolations,
  loadsPage,
  openPage,
  screenshot,
  scriptModes,
  shown,
} from "../support/browser";
import { journeyKinds } from "../support/db";
import { h1, main, nav, path, summary, useBrowser } from "../support/journey";
import { kristiansandInCohort3 } from "../support/networks";
import { demoPeopleIds } from "../support/people";
import { type TestServer, testServer } from "../support/server";
import { signInWith } from "../support/sign-in";

const browser = useBrowser();
const MINUTE = 60_000;

/**
 * Kari (Kristiansand, which has said yes to cohort 3 and enrolled Sverre's school) creates a
 * learning network under "Nettverk" (told what is missing when she sends the form empty), adds
 * Sverre and Stine, plans a meeting (told when its end comes before its start) — the invitation
 * with its .ics reaches Stine at the SMTP server — and, once the meeting has been held, records
 * who came and writes the minutes. Stine then signs in with Feide and adds a reflection, which
 * the network's timeline shows. Before it is held Kari moves it to another room (the members get
 * the change, SEQUENCE bumped), plans a second meeting and cancels it (METHOD:CANCEL), and at
 * the end removes Sverre, who is then listed among the former members. With and without
 * JavaScript; axe on every page.
 */
describe.each(journeyKinds)("a municipal coordinator runs a network meeting, on %s", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await testServer(kind, { signIn: true });
    const ids = await demoPeopleIds(server.db, ["kari", "sverre"]);
    await kristiansandInCohort3(server.db, ids, server.clock.now());
  });
  afterAll(() => server?.close());

  for (const { js, mode, tag } of scriptModes) {
    it(`${mode}: Kari runs the meeting, Stine reflects`, async () => {
      const name = `Nettverk Sør (${tag})`;
      const visit = await openPage(browser(), { js, baseURL: server.url });
      const { page } = visit;
      visit.allowErrorStatus(422);
      await page.goto("/nb/logg-inn");
      await signInWith(page, server, "ID-porten", "Kari Kommune");
      await loadsPage(page, () => nav(page).getByRole("link", { name: "Nettverk" }).click());
      expect(await h1(page)).toBe("Lærende nettverk");
      await expectNoAxeViolations(page);

      await loadsPage(page, () =>
        page.getByRole("link", { name: "Opprett lærende nettverk" }).click(),
      );
      expect(await h1(page)).toBe("Nytt lærende nettverk");
      await expectNoAxeViolations(page);
      await loadsPage(page, () => page.getByRole("button", { name: "Opprett nettverket" }).click());
      expect(await shown(summary(page))).toContain("Fyll ut navn på nettverket");
      expect(await page.title()).toMatch(/^Feil: /);
      await expectNoAxeViolations(page);
      await page.getByLabel("Navn på nettverket").fill(name);
      await loadsPage(page, () => page.getByRole("button", { name: "Opprett nettverket" }).click());
      expect(await h1(page)).toBe(name);
      expect(await main(page)).toContain("Nettverket er opprettet.");
      await expectNoAxeViolations(page);

      await page.getByRole("checkbox", { name: /Sverre Skoleleder/ }).check();
      await page.getByRole("checkbox", { name: /Stine Stab/ }).check();
      await loadsPage(page, () => page.getByRole("button", { name: "Legg til" }).click());
      expect(await main(page)).toContain("2 deltakere er lagt til.");
      await expectNoAxeViolations(page);

      await loadsPage(page, () => page.getByRole("link", { name: "Planlegg et møte" }).click());
      expect(await h1(page)).toBe("Planlegg møte");
      await expectNoAxeViolations(page);
      // Soon, and short: the clock moves past its end within the session's idle time.
      const start = new Date(server.clock.now().getTime() + 30 * MINUTE);
      const end = new Date(start.getTime() + 60 * MINUTE);
      await page.getByLabel("Tittel").fill(`Første møte (${tag})`);
      await page.getByLabel("Starter").fill(osloTyped(end));
      await page.getByLabel("Slutter").fill(osloTyped(start));
      await page.getByLabel("Sted").fill("Rådhuset, møterom 3");
      await page.getByLabel("Saksliste").fill("1. Erfaringer siden sist\n2. Neste steg");
      await loadsPage(page, () => page.getByRole("button", { name: "Planlegg møte" }).click());
      expect(await shown(summary(page))).toContain("Møtet må slutte etter at det starter");
      expect(await page.getByLabel("Saksliste").inputValue()).toContain("Neste steg");
      await expectNoAxeViolations(page);
      await page.getByLabel("Starter").fill(osloTyped(start));
      await page.getByLabel("Slutter").fill(osloTyped(end));
      await loadsPage(page, () => page.getByRole("button", { name: "Planlegg møte" }).click());
      expect(await h1(page)).toBe(`Første møte (${tag})`);
      expect(await main(page)).toContain("2 deltakere får invitasjonen");
      const meetingPath = path(page);
      const mail = await server.mail(
        (m) => m.to.includes("stine") && m.subject.includes(`Første møte (${tag})`),
      );
      expect(mail.text).toContain(`${server.url}${meetingPath}`);
      const ics = mail.raw.attachments.find((a) => a.contentType.startsWith("text/calendar"));
      expect(ics?.content.toString("utf8")).toContain("BEGIN:VEVENT");
      await expectNoAxeViolations(page);
      await screenshot(page, `network-meeting-planned-${tag}`);

      // Kari moves the meeting to another room: each member gets the change with the .ics's
      // SEQUENCE bumped.
      await loadsPage(page, () => page.getByRole("link", { name: "Endre møtet" }).click());
      expect(await h1(page)).toBe("Endre nettverksmøte");
      expect(await page.getByLabel("Sted").inputValue()).toBe("Rådhuset, møterom 3");
      await expectNoAxeViolations(page);
      await page.getByLabel("Sted").fill("Rådhuset, møterom 4");
      await loadsPage(page, () => page.getByRole("button", { name: "Lagre endringene" }).click());
      expect(await main(page)).toContain("Møtet er endret. 2 deltakere får e-post");
      const changed = await server.mail(
        (m) =>
          m.to.includes("stine") &&
          m.subject.startsWith("Endret møte") &&
          m.subject.includes(`Første møte (${tag})`),
      );
      expect(changed.text).toContain("Rådhuset, møterom 4");
      const changedIcs = changed.raw.attachments.find((a) =>
        a.contentType.startsWith("text/calendar"),
      );
      expect(changedIcs?.content.toString("utf8")).toContain("SEQUENCE:1");

      // A second meeting, planned and then cancelled: METHOD:CANCEL reaches the members.
      await loadsPage(page, () => page.getByRole("link", { name }).first().click());
      await loadsPage(page, () => page.getByRole("link", { name: "Planlegg et møte" }).click());
      const later = new Date(start.getTime() + 2 * 24 * 60 * MINUTE);
      await page.getByLabel("Tittel").fill(`Andre møte (${tag})`);
      await page.getByLabel("Starter").fill(osloTyped(later));
      await page.getByLabel("Slutter").fill(osloTyped(new Date(later.getTime() + 60 * MINUTE)));
      await page.getByLabel("Sted").fill("Biblioteket");
      await loadsPage(page, () => page.getByRole("button", { name: "Planlegg møte" }).click());
      expect(await h1(page)).toBe(`Andre møte (${tag})`);
      await loadsPage(page, () => page.getByRole("button", { name: "Avlys møtet" }).click());
      expect(await main(page)).toContain("Møtet er avlyst. 2 deltakere får beskjed på e-post.");
      expect(await h1(page)).toBe(`Andre møte (${tag}) (avlyst)`);
      await expectNoAxeViolations(page);
      const cancelled = await server.mail(
        (m) =>
          m.to.includes("stine") &&
          m.subject.startsWith("Avlyst møte") &&
          m.subject.includes(`Andre møte (${tag})`),
      );
      const cancelIcs = cancelled.raw.attachments.find((a) =>
        a.contentType.startsWith("text/calendar"),
      );
      expect(cancelIcs?.content.toString("utf8")).toContain("METHOD:CANCEL");
      await loadsPage(page, () => page.goto(meetingPath));

      // The meeting has been held.
      server.clock.set(new Date(end.getTime() + 5 * MINUTE));
      await loadsPage(page, () => page.reload());
      await page.getByRole("checkbox", { name: "Stine Stab" }).check();
      await loadsPage(page, () => page.getByRole("button", { name: "Lagre oppmøte" }).click());
      expect(await main(page)).toContain("1 av 2 deltakere kom.");
      await page
        .getByRole("textbox", { name: "Referat" })
        .fill("Vi delte erfaringer med faste rutiner i overgangene.");
      await loadsPage(page, () => page.getByRole("button", { name: "Lagre referatet" }).click());
      expect(await main(page)).toContain("Referatet er lagret.");
      await expectNoAxeViolations(page);

      // A member adds a reflection.
      const member = await openPage(browser(), { js, baseURL: server.url });
      member.allowErrorStatus(422);
      const p2 = member.page;
      await p2.goto("/nb/logg-inn");
      await signInWith(p2, server, "Feide", "Stine Stab");
      await loadsPage(p2, () => nav(p2).getByRole("link", { name: "Nettverk" }).click());
      await loadsPage(p2, () => p2.getByRole("link", { name }).click());
      expect(await h1(p2)).toBe(name);
      await expectNoAxeViolations(p2);
      await loadsPage(p2, () =>
        p2
          .getByRole("link", { name: `Første møte (${tag})` })
          .first()
          .click(),
      );
      expect(await main(p2)).toContain("Rådhuset, møterom 4");
      await loadsPage(p2, () => p2.getByRole("button", { name: "Legg til refleksjon" }).click());
      expect(await shown(summary(p2))).toContain("Fyll ut din refleksjon");
      await p2
        .getByLabel("Din refleksjon")
        .fill("Vi prøvde faste rutiner i overgangene og så roligere starter på timene.");
      await loadsPage(p2, () => p2.getByRole("button", { name: "Legg til refleksjon" }).click());
      expect(await main(p2)).toContain("Refleksjonen er lagt til.");
      await expectNoAxeViolations(p2);
      await loadsPage(p2, () => p2.getByRole("link", { name }).first().click());
      const timeline = await main(p2);
      expect(timeline).toContain("Refleksjon fra Stine Stab");
      expect(timeline).toContain("Referat");
      await screenshot(p2, `network-timeline-${tag}`);

      // Kari removes Sverre: he is listed among the former members, his history kept.
      await loadsPage(page, () => page.getByRole("link", { name }).first().click());
      await loadsPage(page, () =>
        page.getByRole("button", { name: "Fjern Sverre Skoleleder fra nettverket" }).click(),
      );
      expect(await main(page)).toContain("Deltakeren er fjernet.");
      expect(await main(page)).toContain("Tidligere deltakere");
      expect(await main(page)).toContain("(avlyst)");
      await expectNoAxeViolations(page);
    });
  }
});
