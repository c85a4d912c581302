import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  completeFubAnswers,
  createTestApplication,
  createTestAssessor,
} from "../../src/modules/applications/admin-factories";
import { nameAssessor } from "../../src/modules/applications/assess";
import { roundOfCohort } from "../../src/modules/applications/rounds";
import { createCohort } from "../../src/modules/cohorts";
import { createSession } from "../../src/modules/identity/sessions";
import { expectNoAxeViolations, loadsPage, openPage, scriptModes } from "../support/browser";
import { programmeIdOf } from "../support/cohorts";
import { journeyKinds } from "../support/db";
import { h1, main, useBrowser } from "../support/journey";
import { demoPeopleIds } from "../support/people";
import { type TestServer, testServer } from "../support/server";

/** Kristiansand: the demo municipality, where Kari is coordinator. */
const DEMO_MUNICIPALITY = "4204";

const browser = useBrowser();
const FUB = "bedre-foreldresamarbeid";

/**
 * Frida, FUB/FUG's programme admin, builds a small application form without code, opens a
 * round on an application cohort; an assessor scores; Frida reads the application. Axe on
 * every page, with and without JavaScript.
 */
describe.each(journeyKinds)("the programme admin builds an application form, on %s", (kind) => {
  let server: TestServer;
  const ids: Record<string, number> = {};
  let fub = 0;

  beforeAll(async () => {
    server = await testServer(kind, { signIn: true });
    Object.assign(ids, await demoPeopleIds(server.db, ["frida", "kari"]));
    fub = await programmeIdOf(server.db, FUB);
    ids.vera = await createTestAssessor(
      server.db,
      { name: "Vera Vurderer", email: "vera@example.org", owner: "fub" },
      { personId: ids.frida!, now: server.clock.now() },
    );
  });
  afterAll(() => server?.close());

  const signedIn = async (who: string, js: boolean) => {
    const visit = await openPage(browser(), { js, baseURL: server.url });
    const value = await createSession(server.db, ids[who]!, "test", server.clock.now());
    await visit.context.addCookies([{ name: "samspill-session", value, url: server.url }]);
    return visit;
  };

  for (const mode of scriptModes) {
    it(`Frida builds a form and opens a round (${mode.mode})`, async () => {
      const number = mode.js ? 11 : 12;
      const cohortId = await createCohort(
        server.db,
        {
          programmeId: fub,
          number,
          wayIn: "application",
          startsOn: "2027-08-01",
          endsOn: "2029-06-30",
        },
        [],
      );
      const { page, allowErrorStatus } = await signedIn("frida", mode.js);
      allowErrorStatus(422);
      await loadsPage(page, () => page.goto(`/nb/admin/tilbud/${FUB}/soknadsskjema`));
      expect(await h1(page)).toContain("Søknadsskjema for");
      await expectNoAxeViolations(page);
      await loadsPage(page, () => page.getByRole("button", { name: "Legg til en del" }).click());
      await loadsPage(page, () =>
        page.getByRole("link", { name: "Nytt spørsmål" }).first().click(),
      );
      await expectNoAxeViolations(page);
      await page.getByLabel("Spørsmål (nynorsk)").fill("");
      await loadsPage(page, () => page.getByRole("button", { name: "Lagre spørsmålet" }).click());
      expect(await main(page)).toContain("For å gå videre må du rette opp dette");
      await expectNoAxeViolations(page);
      await page.getByLabel("Id for spørsmålet").fill(`prosjekt-${mode.tag}`);
      await page.getByLabel("Spørsmål (bokmål)").fill("Hva heter prosjektet?");
      await page.getByLabel("Spørsmål (nynorsk)").fill("Kva heiter prosjektet?");
      await loadsPage(page, () => page.getByRole("button", { name: "Lagre spørsmålet" }).click());
      expect(await main(page)).toContain("Skjemaet er lagret.");
      expect(await main(page)).toContain("Hva heter prosjektet?");
      await expectNoAxeViolations(page);
      await loadsPage(page, () => page.goto(`/nb/admin/puljer/${cohortId}/soknadsrunde`));
      await expectNoAxeViolations(page);
      await page.getByLabel("Søknadsfrist").fill("2027-03-15");
      await page.getByLabel("Navn på bokmål").first().fill("Forankring");
      await page.getByLabel("Navn på nynorsk").first().fill("Forankring");
      await page.getByLabel("Høyeste poengsum").first().fill("5");
      await loadsPage(page, () => page.getByRole("button", { name: "Åpne søknadsrunden" }).click());
      expect(await main(page)).toContain("Søknadsrunden er åpnet.");
      await expectNoAxeViolations(page);
      const round = await roundOfCohort(server.db, cohortId);
      expect(round).not.toBeNull();
      await nameAssessor(
        server.db,
        { roundId: round!.id, personId: ids.vera! },
        { personId: ids.frida!, now: server.clock.now() },
      );
      const applicationId = await createTestApplication(
        server.db,
        {
          roundId: round!.id,
          municipalityCode: DEMO_MUNICIPALITY,
          // FUB/FUG's demo form already holds its questions; Frida's new one is added to them.
          answers: {
            ...completeFubAnswers,
            [`prosjekt-${mode.tag}`]: { kind: "text", value: "Heime og skule" },
          },
          submit: true,
        },
        { personId: ids.kari!, now: server.clock.now() },
      );
      await loadsPage(page, () => page.goto(`/nb/admin/soknader/${applicationId}`));
      expect(await h1(page)).toBe("Søknad fra Kristiansand");
      await expectNoAxeViolations(page);

      const vera = await signedIn("vera", mode.js);
      await loadsPage(vera.page, () => vera.page.goto("/nb/vurdering"));
      await expectNoAxeViolations(vera.page);
      await loadsPage(vera.page, () => vera.page.goto(`/nb/vurdering/soknader/${applicationId}`));
      await expectNoAxeViolations(vera.page);
    });
  }
});
