import { and, count, eq, isNotNull } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  completeFubAnswers,
  createTestApplication,
  createTestAssessor,
} from "../../src/modules/applications/admin-factories";
import { nameAssessor } from "../../src/modules/applications/assess";
import {
  applicationRounds,
  applications,
  guidanceEntries,
  ownCosts,
  participations,
  planActivities,
} from "../../src/modules/applications/schema";
import { grantRole, insertTestPerson } from "../../src/modules/identity";
import { createSession } from "../../src/modules/identity/sessions";
import { expectNoAxeViolations, loadsPage, openPage, scriptModes, shown } from "../support/browser";
import { journeyKinds } from "../support/db";
import { alert, h1, main, summary, useBrowser } from "../support/journey";
import { demoPeopleIds } from "../support/people";
import { type TestServer, testServer } from "../support/server";

const browser = useBrowser();

const PROGRAMME = "Bedre foreldresamarbeid til det beste for barnet";
const NOT_ALLOWED = "Du har ikke tilgang til denne siden";

type Decision = {
  municipality: string;
  code: string;
  /** Made here with the factories; the others are the demo's submitted applications. */
  made: boolean;
  choice: "Innvilget" | "Sett på venteliste" | "Avslått";
  reason: string;
  letter: { subject: string; opening: RegExp; reasonHeading: string; lang: "nb" | "nn" };
};

const granted = (standard: "nb" | "nn") =>
  standard === "nn"
    ? {
        subject: "Søknaden er innvilga",
        opening: /^Kommunen har fått tilbodet\./,
        reasonHeading: "Grunngiving:",
        lang: "nn" as const,
      }
    : {
        subject: "Søknaden er innvilget",
        opening: /^Kommunen har fått tilbudet\./,
        reasonHeading: "Begrunnelse:",
        lang: "nb" as const,
      };
const waitlisted = (standard: "nb" | "nn") => ({
  subject: "Søknaden står på venteliste",
  opening: /^Kommunen står på venteliste, som nummer \d+\./,
  reasonHeading: standard === "nn" ? "Grunngiving:" : "Begrunnelse:",
  lang: standard,
});
const declined = (standard: "nb" | "nn") =>
  standard === "nn"
    ? {
        subject: "Søknaden er avslått",
        opening: /^Kommunen har diverre ikkje fått tilbodet denne gongen\./,
        reasonHeading: "Grunngiving:",
        lang: "nn" as const,
      }
    : {
        subject: "Søknaden er avslått",
        opening: /^Kommunen har dessverre ikke fått tilbudet denne gangen\./,
        reasonHeading: "Begrunnelse:",
        lang: "nb" as const,
      };

/**
 * Each mode has its own people and applications, so either runs alone. Voss, Ørsta and Volda
 * write nynorsk (the organisations' demo records it); the letters to them are in nynorsk.
 */
const MODES = {
  js: {
    assessor: { name: "Vilde Vurderer", email: "vilde@fub.example" },
    insider: { name: "Ivar Innenfra", email: "ivar@fub.example" },
    decisions: [
      {
        municipality: "Voss",
        code: "4621",
        made: false,
        choice: "Innvilget",
        reason: "Søknaden viser god forankring i leiinga og ein realistisk plan.",
        letter: granted("nn"),
      },
      {
        municipality: "Hamar",
        code: "3403",
        made: true,
        choice: "Sett på venteliste",
        reason: "En god søknad; tilbudet har ikke plass til flere i denne runden.",
        letter: waitlisted("nb"),
      },
      {
        municipality: "Bodø",
        code: "1804",
        made: false,
        choice: "Avslått",
        reason: "Planen er for lite konkret ennå. Vi oppfordrer kommunen til å søke igjen.",
        letter: declined("nb"),
      },
    ] satisfies Decision[],
  },
  nojs: {
    assessor: { name: "Vetle Vurderer", email: "vetle@fub.example" },
    insider: { name: "Inga Innenfra", email: "inga@fub.example" },
    decisions: [
      {
        municipality: "Ørsta",
        code: "1520",
        made: true,
        choice: "Innvilget",
        reason: "Kommunen har eit godt utgangspunkt og eit tydeleg behov.",
        letter: granted("nn"),
      },
      {
        municipality: "Volda",
        code: "1577",
        made: true,
        choice: "Sett på venteliste",
        reason: "Ein god søknad; tilbodet har ikkje plass til fleire i denne runden.",
        letter: waitlisted("nn"),
      },
      {
        municipality: "Kristiansund",
        code: "1505",
        made: true,
        choice: "Avslått",
        reason: "Søknaden sier lite om hvordan arbeidet skal forankres.",
        letter: declined("nb"),
      },
    ] satisfies Decision[],
  },
} as const;

const coordinatorEmail = (code: string) => `koordinator-${code}@kommune.example`;

/** The rows of the main content with a cell that reads exactly `first`. */
const rowOf = (page: Page, first: string) =>
  page.locator("main tr").filter({ has: page.getByRole("cell", { name: first, exact: true }) });

/**
 * FUB/FUG's open round of the demo (cohort 2, criteria "Forankring i ledelsen" and
 * "Gjennomførbar plan", each up to 5 points), where Vera has already assessed Drammen's
 * application: an assessor named with the factories scores Drammen's, sees Vera's and proposes
 * a decision, and one who also works for Drammen is refused and declares the conflict; Frida,
 * FUB/FUG's programme admin, decides three applications, and the letters arrive at the
 * loopback SMTP server in each municipality's written standard; Frida and Kari follow
 * Kristiansand's tailored plan, each refused the other's part. Axe on every page, with and
 * without JavaScript.
 */
describe.each(journeyKinds)(
  "an application round assessed, decided and followed, on %s",
  (kind) => {
    let server: TestServer;
    const ids: Record<string, number> = {};
    let round = 0;
    let cohort = 0;
    let drammen = 0;
    let plan = 0;
    const applicationOf = new Map<string, number>();

    beforeAll(async () => {
      server = await testServer(kind, { signIn: true });
      Object.assign(ids, await demoPeopleIds(server.db, ["frida", "kari"]));
      const now = server.clock.now();
      const [row] = await server.db
        .select({ app: applications, round: applicationRounds })
        .from(applications)
        .innerJoin(applicationRounds, eq(applicationRounds.id, applications.roundId))
        .where(eq(applications.municipalityCode, "3301"));
      round = row!.round.id;
      cohort = row!.round.cohortId;
      drammen = row!.app.id;
      // A coordinator in each municipality decided here, to receive the letter; the
      // applications the demo does not hold are made and submitted by them.
      for (const d of [...MODES.js.decisions, ...MODES.nojs.decisions]) {
        const coordinator = await insertTestPerson(
          server.db,
          {
            name: `Koordinator ${d.municipality}`,
            email: coordinatorEmail(d.code),
            role: { role: "municipal-coordinator", orgId: d.code },
          },
          now,
        );
        ids[d.code] = coordinator;
        const id = d.made
          ? await createTestApplication(
              server.db,
              {
                roundId: round,
                municipalityCode: d.code,
                answers: completeFubAnswers,
                submit: true,
              },
              { personId: coordinator, now },
            )
          : (
              await server.db
                .select({ id: applications.id })
                .from(applications)
                .where(
                  and(eq(applications.roundId, round), eq(applications.municipalityCode, d.code)),
                )
            )[0]!.id;
        applicationOf.set(d.code, id);
      }
      const [kristiansand] = await server.db
        .select({ id: participations.id })
        .from(participations)
        .where(eq(participations.municipalityCode, "4204"));
      plan = kristiansand!.id;
    });
    afterAll(() => server?.close());

    const signedIn = async (personId: number, js: boolean) => {
      const visit = await openPage(browser(), { js, baseURL: server.url });
      const value = await createSession(server.db, personId, "test", server.clock.now());
      await visit.context.addCookies([{ name: "samspill-session", value, url: server.url }]);
      return visit;
    };

    for (const mode of scriptModes) {
      const people = MODES[mode.tag];

      it(`an assessor scores Drammen's application against the criteria, sees Vera's and proposes a decision; one from Drammen is refused (${mode.mode})`, async () => {
        const admin = { personId: ids.frida!, now: server.clock.now() };
        const assessor = await createTestAssessor(
          server.db,
          { ...people.assessor, owner: "fub" },
          admin,
        );
        const insider = await createTestAssessor(
          server.db,
          { ...people.insider, owner: "fub" },
          admin,
        );
        // The insider is also Drammen's resource person: an assessor from the municipality applying.
        const role = await grantRole(
          server.db,
          { personId: insider, role: "resource-person", orgId: "3301" },
          admin,
        );
        expect(role.ok).toBe(true);
        for (const personId of [assessor, insider]) {
          expect((await nameAssessor(server.db, { roundId: round, personId }, admin)).ok).toBe(
            true,
          );
        }

        const visit = await signedIn(assessor, mode.js);
        const { page } = visit;
        visit.allowErrorStatus(422);
        await loadsPage(page, () => page.goto("/nb/vurdering"));
        expect(await h1(page)).toBe("Vurdering av søknader");
        expect(await main(page)).toContain(`${PROGRAMME}, pulje 2`);
        expect(await shown(rowOf(page, "Drammen"))).toContain("Ikke begynt");
        await expectNoAxeViolations(page);

        await loadsPage(page, () =>
          page.getByRole("link", { name: "Drammen", exact: true }).click(),
        );
        expect(await h1(page)).toBe("Vurder søknaden fra Drammen");
        // Before giving one's own, nothing of the others'.
        expect(await main(page)).toContain(
          "Du ser de andres vurderinger når du har sendt din egen.",
        );
        expect(await main(page)).not.toContain("Vera Vurderer");
        await expectNoAxeViolations(page);

        // No conflict of interest to declare: the box stays unchecked. A score above the
        // criterion's maximum is refused, with everything typed kept.
        const conflict = page.getByLabel("Jeg er inhabil og vurderer ikke denne søknaden");
        expect(await conflict.isChecked()).toBe(false);
        const anchoring = page.getByLabel("Forankring i ledelsen: poeng fra 0 til 5");
        await anchoring.fill("7");
        await page
          .getByLabel("Forankring i ledelsen: kommentar")
          .fill("Kommunalsjefen eier arbeidet, og ledermøtet følger det opp.");
        await page.getByLabel("Gjennomførbar plan: poeng fra 0 til 5").fill("4");
        await page.getByLabel("Gjennomførbar plan: kommentar").fill("Tydelige aktiviteter.");
        await page.getByLabel("Samlet kommentar").fill("En søknad å satse på.");
        await page.getByRole("radio", { name: "Innvilge" }).check();
        await loadsPage(page, () => page.getByRole("button", { name: "Send vurderingen" }).click());
        expect(visit.status()).toBe(422);
        expect(await page.title()).toMatch(/^Feil: /);
        expect(await shown(summary(page))).toContain("Gi en poengsum fra 0 til 5");
        expect(await anchoring.inputValue()).toBe("7");
        expect(await page.getByLabel("Gjennomførbar plan: kommentar").inputValue()).toBe(
          "Tydelige aktiviteter.",
        );
        expect(await page.getByRole("radio", { name: "Innvilge" }).isChecked()).toBe(true);
        await expectNoAxeViolations(page);

        await anchoring.fill("4");
        await loadsPage(page, () => page.getByRole("button", { name: "Send vurderingen" }).click());
        expect(visit.status()).toBe(200);
        expect(await alert(page)).toContain("Vurderingen er sendt.");
        const mine = await main(page);
        expect(mine).toContain("Du har sendt vurderingen din.");
        // Now the other assessor's scores, comments and proposal.
        expect(mine).toContain("Vera Vurderer");
        expect(mine).toContain("Ledelsen eier arbeidet.");
        expect(mine).toContain("Aktivitetene kunne vært mer konkrete.");
        expect(mine).toContain("Forslag: Innvilge");
        expect(mine).toContain("7 / 10");
        await expectNoAxeViolations(page);
        await loadsPage(page, () =>
          page.getByRole("main").getByRole("link", { name: "Vurdering av søknader" }).click(),
        );
        expect(await shown(rowOf(page, "Drammen"))).toContain("Sendt");
        await expectNoAxeViolations(page);

        // The assessor who is also Drammen's resource person may not score it: she is told why,
        // and declares the conflict instead.
        const other = await signedIn(insider, mode.js);
        other.allowErrorStatus(422);
        await loadsPage(other.page, () => other.page.goto("/nb/vurdering"));
        await loadsPage(other.page, () =>
          other.page.getByRole("link", { name: "Drammen", exact: true }).click(),
        );
        await other.page.getByLabel("Forankring i ledelsen: poeng fra 0 til 5").fill("5");
        await other.page.getByLabel("Gjennomførbar plan: poeng fra 0 til 5").fill("5");
        await other.page.getByRole("radio", { name: "Innvilge" }).check();
        await loadsPage(other.page, () =>
          other.page.getByRole("button", { name: "Send vurderingen" }).click(),
        );
        expect(other.status()).toBe(422);
        const refusal =
          "Du kan ikke vurdere søknaden fra en kommune du selv har en rolle i. Meld inhabilitet.";
        expect(await shown(summary(other.page))).toContain(refusal);
        expect(await main(other.page)).not.toContain("Vera Vurderer");
        await expectNoAxeViolations(other.page);
        await other.page.getByLabel("Jeg er inhabil og vurderer ikke denne søknaden").check();
        await other.page
          .getByLabel("Hvorfor (valgfritt)")
          .fill("Jeg er ressursperson i Drammen kommune.");
        await loadsPage(other.page, () =>
          other.page.getByRole("button", { name: "Send vurderingen" }).click(),
        );
        expect(await alert(other.page)).toContain("Vurderingen er sendt.");
        expect(await main(other.page)).not.toContain("Vera Vurderer");
        await expectNoAxeViolations(other.page);
        await loadsPage(other.page, () => other.page.goto("/nb/vurdering"));
        expect(await shown(rowOf(other.page, "Drammen"))).toContain("Inhabil");
        await expectNoAxeViolations(other.page);

        // The programme admin reads both with the application.
        const frida = await signedIn(ids.frida!, mode.js);
        await loadsPage(frida.page, () => frida.page.goto(`/nb/admin/soknader/${drammen}`));
        const read = await main(frida.page);
        expect(read).toContain(people.assessor.name);
        expect(read).toContain(`${people.insider.name} Meldte seg inhabil`);
        expect(read).toContain("En søknad å satse på.");
        await expectNoAxeViolations(frida.page);
      });

      it(`the programme admin grants, waitlists and declines with reasons, and the letters arrive in each municipality's written standard (${mode.mode})`, async () => {
        const visit = await signedIn(ids.frida!, mode.js);
        const { page } = visit;
        visit.allowErrorStatus(422);
        const roundPage = `/nb/admin/puljer/${cohort}/soknadsrunde`;
        await loadsPage(page, () => page.goto(roundPage));
        expect(await h1(page)).toBe(`Søknadsrunde for pulje 2 i «${PROGRAMME}»`);
        await expectNoAxeViolations(page);

        for (const d of people.decisions) {
          await loadsPage(page, () =>
            page.getByRole("link", { name: d.municipality, exact: true }).click(),
          );
          expect(await h1(page)).toBe(`Søknad fra ${d.municipality}`);
          await expectNoAxeViolations(page);
          await page.getByRole("radio", { name: d.choice, exact: true }).check();
          if (d.choice === "Avslått") {
            // A decision without a reason is refused: the letter must say why.
            await loadsPage(page, () =>
              page.getByRole("button", { name: "Fatt vedtak og send brev" }).click(),
            );
            expect(visit.status()).toBe(422);
            expect(await page.title()).toMatch(/^Feil: /);
            expect(await shown(summary(page))).toContain("Fyll ut begrunnelse");
            expect(await page.getByRole("radio", { name: d.choice, exact: true }).isChecked()).toBe(
              true,
            );
            await expectNoAxeViolations(page);
          }
          await page.getByLabel("Begrunnelse").fill(d.reason);
          await loadsPage(page, () =>
            page.getByRole("button", { name: "Fatt vedtak og send brev" }).click(),
          );
          expect(visit.status()).toBe(200);
          expect(await alert(page)).toContain(
            "Vedtaket er fattet, og brevet er sendt til kommunen.",
          );
          const state = await shown(page.getByTestId("application-state"));
          expect(state).toContain(
            { Innvilget: "Innvilget", "Sett på venteliste": "På venteliste", Avslått: "Avslått" }[
              d.choice
            ],
          );
          // Decided, the form is gone; a waitlisted one keeps it, to be granted when a place frees.
          expect(await page.getByRole("button", { name: "Fatt vedtak og send brev" }).count()).toBe(
            d.choice === "Sett på venteliste" ? 1 : 0,
          );
          await expectNoAxeViolations(page);
          await loadsPage(page, () =>
            page.getByRole("main").getByRole("link", { name: "Søknadsrunden" }).click(),
          );
        }
        const waitlist = await shown(
          page
            .locator("main h3", { hasText: "Venteliste" })
            .locator("xpath=following-sibling::*[1]"),
        );
        expect(waitlist).toContain(people.decisions[1]!.municipality);
        await expectNoAxeViolations(page);

        for (const d of people.decisions) {
          const id = applicationOf.get(d.code)!;
          const mail = await server.mail(
            (m) => m.to === coordinatorEmail(d.code) && m.subject === d.letter.subject,
          );
          expect(mail.text).toMatch(d.letter.opening);
          expect(mail.text).toContain(`${d.letter.reasonHeading}\n${d.reason}`);
          expect(mail.text).toContain(`${server.url}/${d.letter.lang}/soknader/${id}`);
        }

        // The granted municipality's coordinator follows the letter's link: the decision and
        // its reason, in nynorsk.
        const grant = people.decisions[0]!;
        const coordinator = await signedIn(ids[grant.code]!, mode.js);
        await loadsPage(coordinator.page, () =>
          coordinator.page.goto(`/nn/soknader/${applicationOf.get(grant.code)}`),
        );
        expect(await shown(coordinator.page.getByTestId("decision"))).toContain("Innvilga");
        expect(await main(coordinator.page)).toContain(grant.reason);
        await expectNoAxeViolations(coordinator.page);
        const [participation] = await server.db
          .select()
          .from(participations)
          .where(eq(participations.applicationId, applicationOf.get(grant.code)!));
        expect(participation?.municipalityCode).toBe(grant.code);
      });

      it(`the programme admin and the municipal coordinator follow the tailored plan, each refused the other's part (${mode.mode})`, async () => {
        const counts = async () => ({
          guidance: (
            await server.db
              .select({ n: count() })
              .from(guidanceEntries)
              .where(eq(guidanceEntries.participationId, plan))
          )[0]!.n,
          costs: (
            await server.db
              .select({ n: count() })
              .from(ownCosts)
              .where(eq(ownCosts.participationId, plan))
          )[0]!.n,
          done: (
            await server.db
              .select({ n: count() })
              .from(planActivities)
              .where(
                and(eq(planActivities.participationId, plan), isNotNull(planActivities.doneAt)),
              )
          )[0]!.n,
        });
        const before = await counts();
        const forged = async (visit: Awaited<ReturnType<typeof signedIn>>, part: string) => {
          const res = await visit.context.request.post(
            `${server.url}/nb/deltakelser/${plan}/${part}`,
            {
              form:
                part === "veiledning"
                  ? { givenOn: "2026-11-20", mode: "digital", topics: "Forsøk", note: "" }
                  : { kind: "travel", amount: "1000", note: "" },
              headers: { Origin: server.url },
              maxRedirects: 0,
            },
          );
          return { status: res.status(), text: await res.text() };
        };

        // Kari, Kristiansand's coordinator: marks an activity done and records a cost.
        const kari = await signedIn(ids.kari!, mode.js);
        kari.allowErrorStatus(422);
        const { page } = kari;
        await loadsPage(page, () => page.goto("/nb/deltakelser"));
        expect(await h1(page)).toBe("Deltakelser");
        await expectNoAxeViolations(page);
        await loadsPage(page, () =>
          page.getByRole("link", { name: "Kristiansand", exact: true }).click(),
        );
        expect(await h1(page)).toBe("Plan for Kristiansand");
        expect(await main(page)).toContain("Selve tilbudet er gratis for kommunen.");
        // FUB/FUG's parts are not hers to write.
        expect(await page.getByRole("button", { name: "Registrer veiledning" }).count()).toBe(0);
        expect(await page.getByRole("button", { name: "Lagre periode" }).count()).toBe(0);
        await expectNoAxeViolations(page);

        const activity = mode.js ? "Foreldremøte" : "Fagdag for ansatte";
        const markDone = page.getByRole("button", { name: new RegExp(`^Merk «${activity}, `) });
        expect(await markDone.count()).toBe(1);
        await loadsPage(page, () => markDone.click());
        expect(await markDone.count()).toBe(0);
        expect(await main(page)).toMatch(/Gjennomført \d/);
        await expectNoAxeViolations(page);

        await page.locator("#cost-kind").selectOption({ label: "Reise" });
        const amount = page.locator("#cost-amount");
        await amount.fill("tre tusen");
        await page.locator("#cost-note").fill(`Reise til fagdag (${mode.tag})`);
        await loadsPage(page, () =>
          page.getByRole("button", { name: "Registrer kostnad" }).click(),
        );
        expect(kari.status()).toBe(422);
        expect(await shown(summary(page))).toContain("Skriv beløpet i hele kroner");
        expect(await amount.inputValue()).toBe("tre tusen");
        expect(await page.locator("#cost-note").inputValue()).toBe(
          `Reise til fagdag (${mode.tag})`,
        );
        await expectNoAxeViolations(page);
        await amount.fill("3 200");
        await loadsPage(page, () =>
          page.getByRole("button", { name: "Registrer kostnad" }).click(),
        );
        expect(kari.status()).toBe(200);
        const costRow = (
          await shown(rowOf(page, "Reise").filter({ hasText: `(${mode.tag})` }))
        ).replace(/\s+/g, " ");
        expect(costRow).toContain("3 200 kr");
        await expectNoAxeViolations(page);

        // A guidance entry forged past the page: refused, nothing stored.
        const kariForges = await forged(kari, "veiledning");
        expect(kariForges.status).toBe(403);
        expect(kariForges.text).toContain(NOT_ALLOWED);

        // Frida, FUB/FUG's admin: sees Kari's work and records guidance.
        const frida = await signedIn(ids.frida!, mode.js);
        frida.allowErrorStatus(422);
        const admin = frida.page;
        await loadsPage(admin, () => admin.goto("/nb/deltakelser"));
        expect(await main(admin)).toContain("Kristiansand");
        await expectNoAxeViolations(admin);
        await loadsPage(admin, () =>
          admin.getByRole("link", { name: "Kristiansand", exact: true }).click(),
        );
        expect(await h1(admin)).toBe("Plan for Kristiansand");
        expect(await main(admin)).toContain(`Reise til fagdag (${mode.tag})`);
        expect(
          await admin.getByRole("button", { name: new RegExp(`^Merk «${activity}, `) }).count(),
        ).toBe(0);
        // The municipality's costs are not hers to write.
        expect(await admin.getByRole("button", { name: "Registrer kostnad" }).count()).toBe(0);
        await expectNoAxeViolations(admin);

        const topics = `Foreldremøter i ungdomsskolen (${mode.tag})`;
        await admin.locator("#guidance-givenOn").fill("2026-11-20");
        await admin.locator("#guidance-note").fill("Kommunen prøver ut nytt opplegg.");
        await loadsPage(admin, () =>
          admin.getByRole("button", { name: "Registrer veiledning" }).click(),
        );
        expect(frida.status()).toBe(422);
        const refused = await shown(summary(admin));
        expect(refused).toContain("Fyll ut tema");
        expect(await admin.locator("#guidance-note").inputValue()).toBe(
          "Kommunen prøver ut nytt opplegg.",
        );
        await expectNoAxeViolations(admin);
        await admin
          .locator("#veiledning-heading")
          .locator("xpath=..")
          .getByRole("radio", { name: "Digitalt" })
          .check();
        await admin.locator("#guidance-topics").fill(topics);
        await loadsPage(admin, () =>
          admin.getByRole("button", { name: "Registrer veiledning" }).click(),
        );
        expect(frida.status()).toBe(200);
        expect(await main(admin)).toContain(topics);
        await expectNoAxeViolations(admin);

        const fridaForges = await forged(frida, "kostnader");
        expect(fridaForges.status).toBe(403);
        expect(fridaForges.text).toContain(NOT_ALLOWED);

        // Kari sees the guidance; what each forged is not there.
        await loadsPage(page, () => page.reload());
        expect(await main(page)).toContain(topics);
        await expectNoAxeViolations(page);
        expect(await counts()).toEqual({
          guidance: before.guidance + 1,
          costs: before.costs + 1,
          done: before.done + 1,
        });
      });
    }
  },
);
