import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoEmail } from "../../src/modules/identity";
import { auditLog, people, roleAssignments } from "../../src/modules/identity/schema";
import {
  expectNoAxeViolations,
  loadsPage,
  openPage,
  screenshot,
  scriptModes,
  shown,
} from "../support/browser";
import { journeyKinds } from "../support/db";
import { h1, main, nav, path, useBrowser } from "../support/journey";
import { type TestServer, testServer } from "../support/server";
import { signInWith } from "../support/sign-in";

const SCHOOL = "Seljebakken ungdomsskole (demo)";

const browser = useBrowser();

describe.each(journeyKinds)("a school leader signs in with Feide, on %s", (kind) => {
  let server: TestServer;
  /** The org number of Sverre's school, from his role. */
  let school: string;
  beforeAll(async () => {
    server = await testServer(kind, { signIn: true });
    const [role] = await server.db
      .select({ orgId: roleAssignments.orgId })
      .from(roleAssignments)
      .innerJoin(people, eq(people.id, roleAssignments.personId))
      .where(eq(people.email, demoEmail("sverre")));
    school = role!.orgId;
  });
  afterAll(() => server?.close());

  for (const { js, mode, tag } of scriptModes) {
    it(`${mode}: sees his own school and nothing else`, async () => {
      const visit = await openPage(browser(), { js, baseURL: server.url });
      const { page } = visit;
      await page.goto("/nb/logg-inn");
      await expectNoAxeViolations(page);
      await signInWith(page, server, "Feide", "Sverre Skoleleder", {
        screenshotAs: `school-leader-feide-accounts-${tag}`,
      });

      // His page: the unit-leader role, and what Feide said about where he works.
      expect(page.url()).toBe(`${server.url}/nb/meg`);
      expect(await h1(page)).toBe("Min side");
      const roles = page.locator("main ul.ds-list").first().locator("li");
      expect(await roles.allInnerTexts()).toContain(`Leder for barnehage eller skole, ${SCHOOL}`);
      const profile = await main(page);
      expect(profile).toContain("Logget inn nå med Feide");
      expect(profile).toContain("Innloggingsmåter Feide, kode på e-post");
      // The school by name and the affiliation in Norwegian, not "983228070 (employee)".
      expect(profile).toContain(`Organisasjoner fra Feide ${SCHOOL} (ansatt)`);
      expect(profile).not.toContain("employee");
      // His cohorts, gatherings, development work and networks, but no people admin and no audit log in his menu.
      const menu = await nav(page).getByRole("link").allTextContents();
      expect(menu.map((m) => m.replace(/\s+/g, " "))).toEqual([
        "Tilbud",
        "Kontakt oss",
        "Nyhetsbrev",
        "Organisasjoner",
        "Puljer",
        "Samlinger",
        "Utviklingsarbeid",
        "Nettverk",
        "Reisestøtte",
        "Min side: (Sverre Skoleleder)",
      ]);
      await expectNoAxeViolations(page);
      await screenshot(page, `school-leader-profile-${tag}`);

      // Organisations: only his own school.
      await loadsPage(page, () => nav(page).getByRole("link", { name: "Organisasjoner" }).click());
      expect(await h1(page)).toBe("Organisasjoner");
      expect(await main(page)).toContain("Du ser organisasjonene rollen din gir tilgang til.");
      const mine = page.locator("main ul.ds-list a");
      expect(await mine.allInnerTexts()).toEqual([SCHOOL]);
      expect(await page.getByRole("link", { name: "Statsforvaltere" }).count()).toBe(0);
      await expectNoAxeViolations(page);
      await screenshot(page, `school-leader-organisations-${tag}`);

      await loadsPage(page, () => mine.click());
      expect(path(page)).toBe(`/nb/organisasjoner/enhet/${school}`);
      expect(await h1(page)).toBe(SCHOOL);
      expect(await main(page)).toContain(school);
      await expectNoAxeViolations(page);
      await screenshot(page, `school-leader-unit-${tag}`);

      // Oslo's page and the people admin are not for him.
      visit.allowErrorStatus(403);
      for (const forbidden of ["/nb/organisasjoner/kommune/0301", "/nb/admin/personer"]) {
        await page.goto(forbidden);
        expect(visit.status(), forbidden).toBe(403);
        expect(path(page)).toBe(forbidden);
        expect(await page.title()).toBe("Du har ikke tilgang til denne siden – Samspill");
        expect(await h1(page)).toBe("Du har ikke tilgang til denne siden");
        expect(await main(page)).not.toContain("Oslo");
        await expectNoAxeViolations(page);
      }
      await screenshot(page, `school-leader-forbidden-${tag}`);
    });
  }

  it("with JavaScript: a teacher Feide places at a known school becomes its staff at first sign-in", async () => {
    const email = demoEmail("tor");
    expect(await server.db.select().from(people).where(eq(people.email, email))).toEqual([]);

    const { page } = await openPage(browser(), { js: true, baseURL: server.url });
    await page.goto("/nb/meg");
    expect(path(page)).toBe("/nb/logg-inn");
    await expectNoAxeViolations(page);
    await signInWith(page, server, "Feide", "Tor Lærer");
    expect(page.url()).toBe(`${server.url}/nb/meg`);
    expect(await shown(page.locator("main ul.ds-list").first())).toBe(`Ansatt, ${SCHOOL}`);
    const profile = await main(page);
    expect(profile).toContain("Navn Tor Lærer");
    expect(profile).toContain(`Organisasjoner fra Feide ${SCHOOL} (undervisningspersonale)`);
    await expectNoAxeViolations(page);
    await screenshot(page, "teacher-first-sign-in-js");

    const [tor] = await server.db.select().from(people).where(eq(people.email, email));
    expect(tor).toMatchObject({ name: "Tor Lærer" });
    const roles = await server.db
      .select()
      .from(roleAssignments)
      .where(and(eq(roleAssignments.personId, tor!.id), isNull(roleAssignments.revokedAt)));
    expect(roles.map((r) => [r.role, r.orgKind, r.orgId])).toEqual([["staff", "unit", school]]);
    const granted = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "role.grant.feide"), eq(auditLog.entityId, String(tor!.id))));
    expect(granted).toHaveLength(1);
    expect(granted[0]).toMatchObject({ actorId: null, entityType: "person" });
  });
});
