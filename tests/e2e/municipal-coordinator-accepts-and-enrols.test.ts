import { and, eq, isNull } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCohort, createTestInvitation } from "../../src/modules/cohorts/factories";
import { cohortEnrolments, cohortInvitations } from "../../src/modules/cohorts/schema";
import { demoEmail } from "../../src/modules/identity";
import { roleInvitations } from "../../src/modules/identity/schema";
import { insertTestUnits, type TestUnit } from "../../src/modules/organisations";
import { createProgramme } from "../../src/modules/programmes";
import {
  expectNoAxeViolations,
  loadsPage,
  openPage,
  screenshot,
  scriptModes,
  shown,
} from "../support/browser";
import { testOrgNumbers } from "../support/cohorts";
import { journeyKinds } from "../support/db";
import { h1, path, summary, useBrowser } from "../support/journey";
import { demoPeopleIds } from "../support/people";
import { type TestServer, testServer } from "../support/server";
import { signInWith } from "../support/sign-in";

const browser = useBrowser();

const OFFICE = "sf-agder";
const KINDERGARTEN = "Testlia barnehage (e2e)";
const SCHOOL = "Testheia skole (e2e)";
const PRIVATE = "Testtunet privat barnehage (e2e)";
const COMMITMENTS_ERROR = "Kryss av for at dere godtar forpliktelsene for å takke ja";

const success = (page: Page) => shown(page.locator('main .ds-alert[role="status"]'));

/**
 * Kari, the municipal coordinator of Kristiansand, follows the link in her invitation e-mail,
 * signs in, tries to accept without the commitments, accepts, enrols a kindergarten and a school
 * and names the resource person. Each run has its own cohort, so each starts fresh.
 */
describe.each(journeyKinds)("a municipal coordinator accepts and enrols, on %s", (kind) => {
  let server: TestServer;
  const [kindergarten, school, privateKindergarten] = testOrgNumbers("82", 3) as [
    string,
    string,
    string,
  ];
  const cohorts: Record<string, { id: number; number: number }> = {};

  beforeAll(async () => {
    server = await testServer(kind, { signIn: true });
    const now = server.clock.now();
    const { ada, siv } = await demoPeopleIds(server.db, ["ada", "siv"]);
    await insertTestUnits(
      server.db,
      [
        { orgNumber: kindergarten, name: KINDERGARTEN, kind: "kindergarten", owner: "public" },
        { orgNumber: school, name: SCHOOL, kind: "school", owner: "public" },
        { orgNumber: privateKindergarten, name: PRIVATE, kind: "kindergarten", owner: "private" },
      ].map((u) => ({ ...u, municipalityCode: "4204" }) as TestUnit),
      now,
    );
    const programmeId = await createProgramme(
      server.db,
      {
        slug: "trygt-miljo-e2e",
        owner: "udir",
        model: "cohorts",
        startedOn: "2027-08-01",
        durationMinMonths: 24,
        durationMaxMonths: 24,
        deliveryMode: "mixed",
        publishedAt: now,
      },
      [
        {
          lang: "nb",
          title: "Trygt miljø (e2e)",
          ownerName: "Utdanningsdirektoratet",
          summary: "Test.",
          targetGroup: "Kommuner.",
          bodyMarkdown: "Test.",
          commitments: "Hele personalet deltar.\nKommunen leder lærende nettverk.",
        },
      ],
    );
    for (const [tag, number] of [
      ["js", 8],
      ["nojs", 9],
    ] as const) {
      const actor = { now, baseUrl: server.url };
      const id = await createTestCohort(
        server.db,
        {
          programmeId,
          number,
          termsNb: "## Vilkår\n\nKommunen setter av **tid** til arbeidet.",
          createdAt: now,
        },
        { offices: [OFFICE], actor: { ...actor, personId: ada! } },
      );
      await createTestInvitation(
        server.db,
        {
          cohortId: id,
          officeId: OFFICE,
          invitee: { kind: "municipality", id: "4204" },
          message: "Vi håper Kristiansand blir med!",
        },
        { state: "invited", office: { ...actor, personId: siv! } },
      );
      // A private kindergarten in Kristiansand, invited directly, said yes first (finding 11).
      await createTestInvitation(
        server.db,
        {
          cohortId: id,
          officeId: OFFICE,
          invitee: { kind: "unit", id: privateKindergarten },
          message: "",
        },
        {
          state: "accepted",
          office: { ...actor, personId: siv! },
          answerer: { ...actor, personId: null },
        },
      );
      cohorts[tag] = { id, number };
    }
  });
  afterAll(() => server?.close());

  for (const { js, mode, tag } of scriptModes) {
    it(`${mode}: opens the invitation, accepts, enrols two units and names the resource person`, async () => {
      const visit = await openPage(browser(), { js, baseURL: server.url });
      const { page } = visit;
      const cohort = cohorts[tag]!;
      const invitationPath = `/nb/puljer/${cohort.id}/kommune/4204`;

      // The invitation e-mail links straight to the page.
      const mail = await server.mail(
        (m) => m.to.includes(demoEmail("kari")) && m.subject.includes(`pulje ${cohort.number}`),
      );
      const link = mail.text.match(
        /http:\/\/127\.0\.0\.1:\d+\/nb\/puljer\/\d+\/kommune\/4204/,
      )?.[0];
      expect(link).toBe(`${server.url}${invitationPath}`);

      await page.goto(link!);
      expect(path(page)).toBe("/nb/logg-inn");
      await expectNoAxeViolations(page);
      await signInWith(page, server, "ID-porten", "Kari Kommune");
      expect(path(page)).toBe(invitationPath);
      expect(await h1(page)).toBe(`Trygt miljø (e2e), pulje ${cohort.number}`);
      const main = await shown(page.getByRole("main"));
      expect(main).toContain("Statsforvalteren i Agder");
      expect(main).toContain("Vi håper Kristiansand blir med!");
      expect(main).toContain("svar innen 1. mars 2027");
      expect(main).toContain("Hele personalet deltar.");
      expect(await shown(page.getByTestId("state"))).toBe("Venter på svar");
      await expectNoAxeViolations(page);
      await screenshot(page, `municipality-invitation-${tag}`);

      // A yes without ticking the commitments: refused, said at the top and beside the box.
      visit.allowErrorStatus(422);
      await page.getByLabel("Ja, vi takker ja og blir med").check();
      await loadsPage(page, () => page.getByRole("button", { name: "Send svaret" }).click());
      expect(visit.status()).toBe(422);
      expect(await page.title()).toMatch(/^Feil: /);
      expect(await shown(summary(page))).toContain(COMMITMENTS_ERROR);
      expect(await shown(page.locator("#commitments-error"))).toContain(COMMITMENTS_ERROR);
      expect(await page.getByLabel("Ja, vi takker ja og blir med").isChecked()).toBe(true);
      await expectNoAxeViolations(page);
      await screenshot(page, `municipality-invitation-error-${tag}`);

      // The error summary links to the box.
      await summary(page).getByRole("link", { name: COMMITMENTS_ERROR }).click();
      expect(new URL(page.url()).hash).toBe("#commitments");

      // Accepted.
      await page.getByLabel("Vi godtar forpliktelsene").check();
      await loadsPage(page, () => page.getByRole("button", { name: "Send svaret" }).click());
      expect(visit.status()).toBe(200);
      expect(path(page)).toBe(invitationPath);
      expect(await success(page)).toContain("Takk! Dere har takket ja.");
      expect(await shown(page.getByTestId("state"))).toBe("Takket ja");
      expect(await shown(page.getByTestId("answered"))).toContain("Kari Kommune takket ja");
      await expectNoAxeViolations(page);
      await screenshot(page, `municipality-accepted-${tag}`);

      // A kindergarten and a school.
      const unitsSection = page.getByRole("region", { name: "Barnehager og skoler" });
      expect(await shown(unitsSection)).toContain(
        "Alle ansatte i en påmeldt barnehage eller skole er med i tilbudet.",
      );
      // The private kindergarten enrolled itself: shown, not offered again (finding 11).
      expect(await shown(unitsSection)).toContain(
        `${PRIVATE} (privat, meldt på selv, invitert direkte av Statsforvalteren)`,
      );
      expect(await unitsSection.getByRole("checkbox", { name: PRIVATE }).count()).toBe(0);
      await unitsSection.getByRole("checkbox", { name: KINDERGARTEN }).check();
      await unitsSection.getByRole("checkbox", { name: SCHOOL }).check();
      await loadsPage(page, () =>
        unitsSection.getByRole("button", { name: "Meld på de valgte" }).click(),
      );
      expect(await success(page)).toBe("Påmeldingen er lagret.");
      const enrolled = page.getByRole("table", { name: "Påmeldt nå" });
      expect(await shown(enrolled)).toContain(KINDERGARTEN);
      expect(await shown(enrolled)).toContain(SCHOOL);
      expect(
        await enrolled.getByRole("button", { name: `Trekk ${SCHOOL} fra puljen` }).count(),
      ).toBe(1);
      await expectNoAxeViolations(page);
      await screenshot(page, `municipality-enrolled-${tag}`);
      const [inv] = await server.db
        .select()
        .from(cohortInvitations)
        .where(
          and(eq(cohortInvitations.cohortId, cohort.id), eq(cohortInvitations.inviteeId, "4204")),
        );
      const rows = await server.db
        .select()
        .from(cohortEnrolments)
        .where(
          and(eq(cohortEnrolments.invitationId, inv!.id), isNull(cohortEnrolments.withdrawnAt)),
        );
      expect(rows.map((r) => r.unitOrgNumber).sort()).toEqual([kindergarten, school].sort());

      // The resource person: invited to the role by e-mail.
      const email = `rita.${tag}@kristiansand.kommune.no`;
      const rp = page.getByRole("region", { name: "Ressursperson" });
      expect(await shown(rp)).toContain("Kommunen har ikke navngitt en ressursperson ennå.");
      await rp.getByLabel("Navn").fill("Rita Ressurs");
      await rp.getByLabel("E-post på jobben").fill(email);
      await loadsPage(page, () => rp.getByRole("button", { name: "Lagre ressursperson" }).click());
      expect(await success(page)).toBe(
        `Ressurspersonen er lagret. Vi sender en invitasjon til Rita Ressurs (${email}).`,
      );
      expect(await shown(page.getByRole("region", { name: "Ressursperson" }))).toContain(
        `Rita Ressurs (${email})`,
      );
      await expectNoAxeViolations(page);
      await screenshot(page, `municipality-resource-person-${tag}`);
      const [roleInvitation] = await server.db
        .select()
        .from(roleInvitations)
        .where(eq(roleInvitations.email, email));
      expect(roleInvitation).toMatchObject({ role: "resource-person", orgId: "4204" });
      const invitationMail = await server.mail((m) => m.to.includes(email));
      expect(invitationMail.subject).toBe("Du er invitert til Samspill");
    });
  }
});
