import { readFile } from "node:fs/promises";
import { and, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, enrolUnits, getInvitation, setContact } from "../../src/modules/cohorts/chain";
import { createTestCohort, createTestInvitation } from "../../src/modules/cohorts/factories";
import { roleAssignments } from "../../src/modules/identity/schema";
import { completeOrgNumber, insertTestUnits } from "../../src/modules/organisations";
import { units } from "../../src/modules/organisations/schema";
import { expectNoAxeViolations, loadsPage, openPage, screenshot, shown } from "../support/browser";
import { IBS, programmeIdOf } from "../support/cohorts";
import { journeyKinds } from "../support/db";
import { h1, path, useBrowser } from "../support/journey";
import { demoPeopleIds } from "../support/people";
import { type TestServer, testServer } from "../support/server";
import { signInWith } from "../support/sign-in";

const browser = useBrowser();

const IBS_NB = "Inkluderende barnehage- og skolemiljø";
const COHORT = `${IBS_NB}, pulje 9`;
const agderTable = (page: Page) =>
  page.getByRole("table", { name: "Invitert av Statsforvalteren i Agder" });
/** A figure by its row header (sub-figures are marked "– " for the eye only). */
const figure = async (page: Page, label: string) =>
  shown(
    page
      .getByRole("table", { name: "Tall for puljen" })
      .locator("tr", { has: page.getByRole("rowheader", { name: label, exact: true }) })
      .getByRole("cell"),
  );

/**
 * A county coordinator (with JavaScript) and a programme admin (without) follow IBS cohort 9:
 * "Mine puljer", the chain overview, a selection by status, the print view and the CSV export.
 */
describe.each(journeyKinds)("the cohort overview, on %s", (kind) => {
  let server: TestServer;
  let cohortId = 0;
  let staffSchool = "";
  let staffSchoolName = "";

  beforeAll(async () => {
    server = await testServer(kind, { signIn: true });
    const db = server.db;
    const now = server.clock.now();
    const ids = await demoPeopleIds(db, ["ada", "siv", "kari", "stine"]);
    const actor = (who: string): Actor => ({ personId: ids[who]!, now, baseUrl: server.url });
    cohortId = await createTestCohort(
      db,
      {
        programmeId: await programmeIdOf(db, IBS),
        number: 9,
        termsNb: "Kommunen **forplikter seg** til å delta i hele perioden.",
        createdAt: now,
        createdBy: ids.ada!,
      },
      { offices: ["sf-agder", "sf-rogaland"], actor: actor("ada") },
    );
    // Kristiansand said yes, Grimstad no, Lindesnes has not answered, and Risør's deadline
    // passed without an answer.
    for (const [code, state] of [
      ["4204", "accepted"],
      ["4202", "declined"],
      ["4205", "invited"],
      ["4201", "overdue"],
    ] as const) {
      await createTestInvitation(
        db,
        {
          cohortId,
          officeId: "sf-agder",
          invitee: { kind: "municipality", id: code },
          message: "Vi håper dere blir med.",
        },
        { state, office: actor("siv"), answerer: actor("kari") },
      );
    }
    const inv = async (code: string) => (await getInvitation(db, cohortId, "municipality", code))!;
    // Two kindergartens and a school of our own in Kristiansand, enrolled; a resource person.
    const orgNumbers: string[] = [];
    let prefix = 99_200_000;
    for (const [name, school] of [
      ["Journeylia barnehage", false],
      ["Journeyvik barnehage", false],
      ["Journeyhaug skole", true],
    ] as const) {
      let number: string | null = null;
      while (!number) number = completeOrgNumber(String(prefix++));
      orgNumbers.push(number);
      await insertTestUnits(
        db,
        [
          {
            orgNumber: number,
            name,
            municipalityCode: "4204",
            kind: school ? "school" : "kindergarten",
            owner: "public",
          },
        ],
        now,
      );
    }
    const kristiansand = await inv("4204");
    expect(
      await enrolUnits(db, { invitationId: kristiansand.id, orgNumbers }, actor("kari")),
    ).toEqual({ ok: true, enrolled: 3 });
    // Stine's school (she is staff there) is enrolled too (issue 8, finding 12).
    const [stineRole] = await db
      .select({ orgId: roleAssignments.orgId })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.personId, ids.stine!), eq(roleAssignments.role, "staff")));
    staffSchool = stineRole!.orgId;
    const [school] = await db.select().from(units).where(eq(units.orgNumber, staffSchool));
    staffSchoolName = school!.name;
    expect(
      await enrolUnits(
        db,
        { invitationId: kristiansand.id, orgNumbers: [staffSchool] },
        actor("kari"),
      ),
    ).toEqual({ ok: true, enrolled: 1 });
    const contact = await setContact(
      db,
      {
        invitationId: kristiansand.id,
        kind: "resource-person",
        name: "Rita Ressurs",
        email: "rita@kristiansand.test",
      },
      actor("kari"),
    );
    expect(contact.ok).toBe(true);
  });
  afterAll(() => server?.close());

  for (const run of [
    { js: true, tag: "js", who: "Siv Statsforvalter" },
    { js: false, tag: "nojs", who: "Ada Direktorat" },
  ] as const) {
    it(`${run.who}, ${run.js ? "with" : "without"} JavaScript: landing, overview, selection, print, CSV`, async () => {
      const visit = await openPage(browser(), { js: run.js, baseURL: server.url });
      const { page } = visit;

      // "Mine puljer", straight from its address: sign in first, then back there.
      await page.goto("/nb/puljer");
      expect(path(page)).toBe("/nb/logg-inn");
      await expectNoAxeViolations(page);
      await signInWith(page, server, "ID-porten", run.who);
      expect(path(page)).toBe("/nb/puljer");
      expect(await h1(page)).toBe("Mine puljer");
      await expectNoAxeViolations(page);
      await screenshot(page, `cohort-landing-${run.tag}`);
      if (run.js) {
        // Siv's office may still invite municipalities: it waits for her, first on the page.
        const waiting = page.getByRole("region", { name: "Venter på deg" });
        const card = waiting.getByRole("listitem").filter({ hasText: COHORT });
        expect(
          await card.getByRole("link", { name: /^Inviter kommuner/ }).getAttribute("href"),
        ).toBe(`/nb/puljer/${cohortId}/kontor/sf-agder`);
        await loadsPage(page, () =>
          card.getByRole("link", { name: `Se oversikten over ${COHORT}` }).click(),
        );
      } else {
        const table = page.getByRole("table", { name: `Puljer i ${IBS_NB}` });
        await loadsPage(page, () =>
          table.getByRole("link", { name: "Pulje 9", exact: true }).click(),
        );
      }

      // The overview: the cohort, the figures and the chain.
      expect(path(page)).toBe(`/nb/puljer/${cohortId}`);
      expect(await h1(page)).toBe(COHORT);
      expect(await shown(page.getByRole("main"))).toContain("forplikter seg");
      expect(await figure(page, "Kommuner invitert")).toBe("4");
      expect(await figure(page, "Takket ja")).toBe("1");
      expect(await figure(page, "Fristen er ute")).toBe("1");
      expect(await figure(page, "Enheter påmeldt")).toBe("4");
      expect(await figure(page, "Barnehager")).toBe("2");
      expect(await figure(page, "Ressurspersoner navngitt")).toBe("1");
      const rows = agderTable(page).locator("tbody tr");
      expect(await rows.count()).toBe(4);
      expect(await shown(rows.filter({ hasText: "Risør" }))).toContain("Fristen er ute");
      expect(await shown(page.getByRole("main"))).not.toContain("Rita Ressurs");
      if (run.js) {
        // Another office's part of the chain is not Siv's to follow (finding 9).
        expect(await shown(page.getByRole("main"))).not.toContain("Statsforvalteren i Rogaland");
      } else {
        expect(await shown(page.getByRole("main"))).toContain(
          "Kontoret har ikke invitert noen ennå.",
        );
      }
      await expectNoAxeViolations(page);
      await screenshot(page, `cohort-overview-${run.tag}`);

      // Only those who said yes: the selection is in the address, the figures follow it.
      await page.getByLabel("Status").selectOption({ label: "Takket ja" });
      await loadsPage(page, () => page.getByRole("button", { name: "Vis utvalget" }).click());
      expect(new URL(page.url()).searchParams.get("status")).toBe("ja");
      expect(await rows.count()).toBe(1);
      expect(await shown(rows.first())).toContain("Kristiansand (4204)");
      if (run.js) {
        // A county office follows its own rows; its figures are the national ones (finding 9).
        expect(await figure(page, "Kommuner invitert")).toBe("4");
        expect(await figure(page, "Statsforvaltere invitert")).toBe("2");
        expect(await shown(page.getByRole("main"))).toContain("Tallene gjelder hele landet.");
      } else {
        expect(await figure(page, "Kommuner invitert")).toBe("1");
        expect(await figure(page, "Statsforvaltere invitert")).toBe("1");
        expect(await shown(page.getByRole("main"))).toContain("Tallene gjelder utvalget.");
      }
      await expectNoAxeViolations(page);

      // The CSV of the selection.
      const [file] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Last ned som CSV" }).click(),
      ]);
      expect(file.suggestedFilename()).toBe("ibs-pulje-9.csv");
      const csv = await readFile((await file.path())!, "utf8");
      expect(csv.startsWith("\uFEFFStatsforvalter;Fylke;Kode;Navn;")).toBe(true);
      const lines = csv.split("\r\n");
      expect(lines).toHaveLength(3);
      expect(lines[1]).toMatch(
        /^Statsforvalteren i Agder;Agder;4204;Kristiansand;Kommune;Takket ja;2027-03-01;.*;2;2;4;0;Ja;Nei$/,
      );
      // The link itself, fetched with the same session: the same file.
      const href = await page.getByRole("link", { name: "Last ned som CSV" }).getAttribute("href");
      expect(href).toBe(`/nb/puljer/${cohortId}/eksport.csv?status=ja`);
      const fetched = await page.context().request.get(href!);
      expect(fetched.status()).toBe(200);
      expect(fetched.headers()["content-type"]).toBe("text/csv; charset=utf-8");
      expect(await fetched.text()).toBe(csv);

      // The print view: the same selection, without the site's navigation.
      await loadsPage(page, () => page.getByRole("link", { name: "Skriv ut" }).click());
      expect(new URL(page.url()).searchParams.get("visning")).toBe("utskrift");
      expect(await h1(page)).toBe(COHORT);
      expect(await page.getByRole("navigation").count()).toBe(0);
      expect(await shown(page.getByRole("main"))).toContain("Utvalg: Status: Takket ja.");
      expect(await rows.count()).toBe(1);
      await expectNoAxeViolations(page);
      await page.emulateMedia({ media: "print" });
      await screenshot(page, `cohort-overview-print-${run.tag}`);
      await page.emulateMedia({ media: "screen" });
      await loadsPage(page, () =>
        page.getByRole("link", { name: "Tilbake til oversikten" }).click(),
      );
      expect(new URL(page.url()).search).toBe("?status=ja");

      // All again.
      await loadsPage(page, () => page.getByRole("link", { name: "Vis alle" }).click());
      expect(await rows.count()).toBe(4);
      await expectNoAxeViolations(page);
    });
  }

  // Issue 8, findings 12 and 9: staff of an enrolled school saw "Du har ingen rolle i noen pulje
  // ennå"; now they see the cohort, their own enrolment and the national figures, nothing more.
  it("Stine (staff of an enrolled school), without JavaScript: her cohort and her own enrolment only", async () => {
    const visit = await openPage(browser(), { js: false, baseURL: server.url });
    const { page } = visit;
    await page.goto("/nb/puljer");
    await signInWith(page, server, "Feide", "Stine Stab");
    expect(path(page)).toBe("/nb/puljer");
    const landing = await shown(page.getByRole("main"));
    expect(landing).not.toContain("Du har ingen rolle i noen pulje ennå");
    expect(landing).toContain(staffSchoolName);
    expect(landing).toContain(COHORT);
    await expectNoAxeViolations(page);
    await screenshot(page, "cohort-landing-staff");
    await loadsPage(page, () =>
      page
        .getByRole("link", { name: /^Se oversikten/ })
        .first()
        .click(),
    );
    expect(path(page)).toBe(`/nb/puljer/${cohortId}`);
    const overview = await shown(page.getByRole("main"));
    expect(overview).toContain(`${staffSchoolName} er meldt på via Kristiansand.`);
    expect(overview).toContain("Tallene gjelder hele landet.");
    expect(await figure(page, "Kommuner invitert")).toBe("4");
    for (const other of ["Grimstad", "Risør", "Journeylia barnehage"]) {
      expect(overview).not.toContain(other);
    }
    await expectNoAxeViolations(page);
    await screenshot(page, "cohort-overview-staff");
    const csv = await page.context().request.get(`/nb/puljer/${cohortId}/eksport.csv`);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split("\r\n").filter(Boolean)).toHaveLength(1);
  });
});
