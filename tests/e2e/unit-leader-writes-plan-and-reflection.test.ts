import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMembers, createNetwork, planMeeting } from "../../src/modules/networks";
import {
  expectNoAxeViolations,
  loadsPage,
  openPage,
  screenshot,
  scriptModes,
  shown,
} from "../support/browser";
import { journeyKinds } from "../support/db";
import { enrolInCohort3, heldGathering, unitOf } from "../support/development";
import { h1, nav, summary, useBrowser } from "../support/journey";
import { demoPeopleIds } from "../support/people";
import { type TestServer, testServer } from "../support/server";
import { signInWith } from "../support/sign-in";

const browser = useBrowser();
const HELD = "Nasjonal samling i oktober";
const NETWORK = "Nettverk Sør";
const MEETING = "Erfaringer fra utprøvingen";

/**
 * A school leader (Sverre, Feide) whose school Kristiansand has enrolled in cohort 3 opens
 * "Utviklingsarbeid", his school's plan, chooses the phase and writes the goals; adds a measure,
 * first without a responsible group (told so, the rest kept), then with one; writes a reflection,
 * first on the regional gathering not yet held (told so, the text kept), then on the national
 * one held in October. With and without JavaScript; axe on every page. Then (decision 0044) he
 * ties a reflection to the meeting of Kari's learning network he took part in, and finds it on
 * the meeting's page.
 */
describe.each(journeyKinds)("a unit leader writes the plan and a reflection, on %s", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await testServer(kind, { signIn: true });
    const { sverre, kari } = await demoPeopleIds(server.db, ["sverre", "kari"]);
    const now = server.clock.now();
    const cohortId = await enrolInCohort3(server.db, [await unitOf(server.db, sverre!)], now);
    await heldGathering(server.db, "2026-10-15", HELD);
    // Kari's network with Sverre as member and a meeting held two days ago (decision 0044).
    const actor = {
      personId: kari!,
      roles: [{ role: "municipal-coordinator", orgKind: "municipality", orgId: "4204" }],
      now,
      baseUrl: server.url,
    };
    const network = await createNetwork(
      server.db,
      { cohortId, municipality: "4204", name: NETWORK, coLeads: [] },
      actor,
    );
    if (!network.ok) throw new Error(JSON.stringify(network));
    await addMembers(
      server.db,
      { networkId: network.networkId, keys: [`person-${sverre}`] },
      actor,
    );
    const startsAt = new Date(now.getTime() - 48 * 3_600_000);
    const meeting = await planMeeting(
      server.db,
      network.networkId,
      {
        title: MEETING,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
        place: "Rådhuset",
        digitalLink: "",
        agenda: "",
      },
      actor,
    );
    if (!meeting.ok) throw new Error(JSON.stringify(meeting));
  });
  afterAll(() => server?.close());

  for (const { js, mode, tag } of scriptModes) {
    it(`${mode}: Sverre writes the plan, a measure and a reflection`, async () => {
      const visit = await openPage(browser(), { js, baseURL: server.url });
      const { page } = visit;
      visit.allowErrorStatus(422);
      await page.goto("/nb/logg-inn");
      await signInWith(page, server, "Feide", "Sverre Skoleleder");
      await loadsPage(page, () =>
        nav(page).getByRole("link", { name: "Utviklingsarbeid", exact: true }).click(),
      );
      expect(await h1(page)).toBe("Utviklingsarbeid");
      await expectNoAxeViolations(page);
      await loadsPage(page, () => page.locator("main table a").first().click());
      expect(await h1(page)).toMatch(/^Utviklingsplan for /);
      await expectNoAxeViolations(page);

      // The plan: phase, one theme's score, the goals.
      await page.getByLabel("Fase", { exact: true }).selectOption({ label: "Tiltak" });
      await page.getByLabel("Vurdering: Trygge og gode miljøer", { exact: true }).selectOption("3");
      await page
        .getByLabel("Mål", { exact: true })
        .fill(`Alle ansatte bruker aktivitetsplikten (${tag}).`);
      await loadsPage(page, () => page.getByRole("button", { name: "Lagre planen" }).click());
      expect(await shown(page.locator("main .ds-alert").first())).toContain("Planen er lagret.");
      await expectNoAxeViolations(page);

      // A measure without a responsible group: told beside the field and at the top.
      await page.getByLabel("Hva", { exact: true }).fill(`Felles regler for friminuttet (${tag})`);
      await page.getByLabel("Når", { exact: true }).fill("høsten 2027");
      await loadsPage(page, () => page.getByRole("button", { name: "Legg til tiltak" }).click());
      expect(await shown(summary(page))).toContain("Skriv hvilken gruppe ansatte som har ansvaret");
      expect(await page.title()).toMatch(/^Feil: /);
      expect(await page.getByLabel("Hva", { exact: true }).inputValue()).toBe(
        `Felles regler for friminuttet (${tag})`,
      );
      await expectNoAxeViolations(page);
      await screenshot(page, `plan-measure-error-${tag}`);
      await page.getByLabel("Ansvarlig gruppe", { exact: true }).fill("Alle lærere");
      await loadsPage(page, () => page.getByRole("button", { name: "Legg til tiltak" }).click());
      expect(await shown(page.locator("main .ds-alert").first())).toContain(
        "Tiltaket er lagt til.",
      );
      expect(await shown(page.getByRole("main"))).toContain(
        `Felles regler for friminuttet (${tag})`,
      );

      // A reflection on a gathering not yet held: refused, the text kept.
      const gathering = page.getByLabel("Samling eller nettverksmøte", { exact: true });
      const upcoming = await page
        .locator("#reflection-gathering option", { hasText: "ikke holdt ennå" })
        .first()
        .getAttribute("value");
      await gathering.selectOption(upcoming!);
      await page.getByLabel("Hva prøvde vi?").fill("Vi prøvde faste plasser i garderoben.");
      await page.getByLabel("Hva så vi?").fill("Mindre uro ved inngangen.");
      await page.getByLabel("Hva gjør vi videre?").fill("Vi tar det med til personalmøtet.");
      await loadsPage(page, () => page.getByRole("button", { name: "Lagre refleksjonen" }).click());
      expect(await shown(summary(page))).toContain("Samlingen eller møtet er ikke holdt ennå");
      expect(await page.getByLabel("Hva så vi?").inputValue()).toBe("Mindre uro ved inngangen.");
      await expectNoAxeViolations(page);
      const held = await page
        .locator("#reflection-gathering option", { hasText: HELD })
        .first()
        .getAttribute("value");
      await page.getByLabel("Samling eller nettverksmøte", { exact: true }).selectOption(held!);
      await loadsPage(page, () => page.getByRole("button", { name: "Lagre refleksjonen" }).click());
      expect(await shown(page.locator("main .ds-alert").first())).toContain(
        "Refleksjonen er lagret.",
      );
      expect(await shown(page.getByRole("main"))).toContain(`Etter ${HELD}`);
      await expectNoAxeViolations(page);
      await screenshot(page, `plan-written-${tag}`);
    });
  }
  it("Sverre ties a reflection to the network meeting, and the meeting's page shows it", async () => {
    const visit = await openPage(browser(), { js: scriptModes[0]!.js, baseURL: server.url });
    const { page } = visit;
    await page.goto("/nb/logg-inn");
    await signInWith(page, server, "Feide", "Sverre Skoleleder");
    await loadsPage(page, () =>
      nav(page).getByRole("link", { name: "Utviklingsarbeid", exact: true }).click(),
    );
    await loadsPage(page, () => page.locator("main table a").first().click());
    const meeting = await page
      .locator("#reflection-gathering option", {
        hasText: `Nettverksmøte: ${NETWORK} – ${MEETING}`,
      })
      .first()
      .getAttribute("value");
    await page.getByLabel("Samling eller nettverksmøte", { exact: true }).selectOption(meeting!);
    await page
      .getByLabel("Hva prøvde vi?")
      .fill("Vi prøvde felles inspeksjonsplan fra nettverket.");
    await page.getByLabel("Hva så vi?").fill("Roligere overganger.");
    await page.getByLabel("Hva gjør vi videre?").fill("Vi deler planen med de andre enhetene.");
    await loadsPage(page, () => page.getByRole("button", { name: "Lagre refleksjonen" }).click());
    expect(await shown(page.locator("main .ds-alert").first())).toContain(
      "Refleksjonen er lagret.",
    );
    expect(await shown(page.getByRole("main"))).toContain(
      `Etter Nettverksmøte: ${NETWORK} – ${MEETING}`,
    );
    await expectNoAxeViolations(page);

    // The meeting's page, through the network's.
    await loadsPage(page, () =>
      nav(page).getByRole("link", { name: "Nettverk", exact: true }).click(),
    );
    await loadsPage(page, () => page.getByRole("link", { name: NETWORK }).first().click());
    await loadsPage(page, () => page.getByRole("link", { name: MEETING }).first().click());
    expect(await h1(page)).toBe(MEETING);
    const section = page.locator("section", {
      hasText: "Refleksjoner i enhetenes utviklingsplaner",
    });
    expect(await shown(section)).toContain("Vi prøvde felles inspeksjonsplan fra nettverket.");
    await expectNoAxeViolations(page);
    await screenshot(page, "meeting-with-plan-reflection");
  });
});
