import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  defaultQuestions,
  questionsAsForm,
  saveQuestions,
} from "../../src/modules/gatherings/evaluation";
import { gatheringInput } from "../../src/modules/gatherings/factories";
import { createGathering } from "../../src/modules/gatherings/gatherings";
import { register } from "../../src/modules/gatherings/registration";
import { gatherings } from "../../src/modules/gatherings/schema";
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
import { h1, summary, useBrowser } from "../support/journey";
import { demoPeopleIds } from "../support/people";
import { type TestServer, testServer } from "../support/server";
import { signInWith } from "../support/sign-in";

const browser = useBrowser();
const TITLE = "Nasjonal samling om læringsmiljø";
/** The day after the gathering of 10 February 2027. */
const AFTER = new Date("2027-02-11T10:00:00Z");

const USEFUL = "Hvor nyttig var samlingen for arbeidet ditt?";
const ORGANISED = "Hvor fornøyd er du med organiseringen av samlingen?";

/** Pick a value on a question's scale (a group of radio buttons named by the question). */
const pick = (page: Page, question: string, label: string) =>
  page.getByRole("group", { name: question }).getByLabel(label, { exact: true }).check();

/**
 * After a national gathering, Kari (with JavaScript) and Rune (without) open the evaluation
 * from the gathering's page, are told what is missing, and answer. Each had the form open in a
 * second tab too, and answers there first: the answer sent from the first tab is refused, once
 * is once. Ada opens the results of cohort 1's national gathering of 2017 (the demo's 20
 * answers): the count, a chart per scale question with its text alternative and table, the open
 * answers. Axe on every page.
 */
describe.each(journeyKinds)("a participant evaluates a gathering, on %s", (kind) => {
  let server: TestServer;
  let gatheringId = 0;

  beforeAll(async () => {
    server = await testServer(kind, { signIn: true });
    const ids = await demoPeopleIds(server.db, ["ada", "kari", "rune"]);
    const now = server.clock.now();
    const actor = (personId: number, at = now) => ({
      personId,
      now: at,
      baseUrl: server.url,
    });
    const made = await createGathering(
      server.db,
      gatheringInput(await programmeIdOf(server.db, IBS), { titleNb: TITLE }),
      actor(ids.ada!),
    );
    if (!made.ok) throw new Error("no gathering");
    gatheringId = made.gatheringId;
    for (const who of ["kari", "rune"]) {
      const r = await register(
        server.db,
        { gatheringId, personId: ids[who]!, sessionIds: [] },
        actor(ids[who]!),
      );
      if (!r.ok) throw new Error(`${who} not registered`);
    }
    const saved = await saveQuestions(
      server.db,
      { gatheringId, values: questionsAsForm(defaultQuestions()) },
      actor(ids.ada!),
    );
    if (!saved.ok) throw new Error("no questions");
    server.clock.set(AFTER);
  });
  afterAll(() => server?.close());

  for (const { js, mode, tag } of scriptModes) {
    const who = js ? "Kari Kommune" : "Rune Ressurs";
    it(`${mode}: ${who} answers once; the answer from a second tab is refused`, async () => {
      const visit = await openPage(browser(), { js, baseURL: server.url });
      const { page, context } = visit;
      visit.allowErrorStatus(422, 409);
      await page.goto("/nb/logg-inn");
      await signInWith(page, server, "ID-porten", who);
      await page.goto(`/nb/samlinger/${gatheringId}`);
      expect(await h1(page)).toBe(TITLE);
      await loadsPage(page, () => page.getByRole("link", { name: "Svar på evalueringen" }).click());
      expect(await h1(page)).toBe(`Evaluering: ${TITLE}`);
      expect(await shown(page.getByRole("main"))).toContain("Svarene dine er anonyme");
      await expectNoAxeViolations(page);

      // The same form in another tab, left open.
      const other = await context.newPage();
      await other.goto(`/nb/samlinger/${gatheringId}/evaluering`);

      await loadsPage(page, () => page.getByRole("button", { name: "Send svarene" }).click());
      const errors = await shown(summary(page));
      expect(errors).toContain(`Velg et svar på «${USEFUL}»`);
      expect(errors).toContain(`Velg et svar på «${ORGANISED}»`);
      await expectNoAxeViolations(page);
      await screenshot(page, `evaluation-errors-${tag}`);

      await pick(other, USEFUL, "4");
      await pick(other, ORGANISED, "5 – svært mye");
      await other.getByLabel("Hva var mest nyttig? (valgfritt)").fill("Gruppearbeidet");
      await loadsPage(other, () => other.getByRole("button", { name: "Send svarene" }).click());
      expect(await shown(other.getByRole("main"))).toContain("Takk for svarene dine!");
      await other.close();

      await pick(page, USEFUL, "2");
      await pick(page, ORGANISED, "3");
      await loadsPage(page, () => page.getByRole("button", { name: "Send svarene" }).click());
      expect(visit.status()).toBe(409);
      expect(await shown(page.getByRole("main"))).toContain(
        "Du har allerede svart på denne evalueringen. Du kan bare svare én gang.",
      );
      expect(await page.getByRole("button", { name: "Send svarene" }).count()).toBe(0);
      await expectNoAxeViolations(page);
      await screenshot(page, `evaluation-refused-${tag}`);
    });

    it(`${mode}: Ada sees the results of the 2017 national gathering, with charts`, async () => {
      const visit = await openPage(browser(), { js, baseURL: server.url });
      const { page } = visit;
      await page.goto("/nb/logg-inn");
      await signInWith(page, server, "ID-porten", "Ada Direktorat");
      const [national] = await server.db
        .select({ id: gatherings.id })
        .from(gatherings)
        .where(eq(gatherings.titleNb, "Nasjonal samling 1 for pulje 1"));
      await page.goto(`/nb/admin/samlinger/${national!.id}/innsjekk`);
      await loadsPage(page, () =>
        page
          .getByRole("navigation", { name: "Samlingens dag" })
          .getByRole("link", {
            name: "Evaluering",
          })
          .click(),
      );
      expect(await h1(page)).toBe("Evaluering: Nasjonal samling 1 for pulje 1");
      expect(await shown(page.getByRole("main"))).toContain(
        "20 deltakere har svart, så spørsmålene kan ikke endres lenger.",
      );
      await expectNoAxeViolations(page);
      await loadsPage(page, () => page.getByRole("link", { name: "Se resultatene" }).click());
      expect(await h1(page)).toBe("Resultater: Nasjonal samling 1 for pulje 1");
      const main = await shown(page.getByRole("main"));
      expect(main).toContain("20 av 22 deltakere har svart.");
      const chart = page.getByRole("img", {
        name: new RegExp(`^Stolpediagram for «${USEFUL.replace("?", "\\?")}»`),
      });
      expect(await chart.count()).toBe(1);
      expect(await chart.getAttribute("aria-label")).toBe(
        `Stolpediagram for «${USEFUL}»: 1: 0, 2: 0, 3: 4, 4: 10, 5: 6. Gjennomsnitt 4,1.`,
      );
      const table = page.getByRole("table", { name: `1. ${USEFUL}` });
      expect(await table.getByRole("row", { name: "4 10" }).count()).toBe(1);
      expect(main).toContain("Foredraget om hvordan vi kartlegger miljøet.");
      expect(await page.getByRole("link", { name: "Last ned svarene (CSV)" }).count()).toBe(1);
      await expectNoAxeViolations(page);
      await screenshot(page, `evaluation-results-${tag}`);
    });
  }
});
