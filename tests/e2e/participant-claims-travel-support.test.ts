import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cohortIdOf } from "../../src/modules/cohorts";
import { createGathering, register } from "../../src/modules/gatherings";
import { gatheringInput } from "../../src/modules/gatherings/factories";
import { demoAccountNumber } from "../../src/modules/grants/demo";
import { programmesOwnedBy } from "../../src/modules/programmes";
import { expectNoAxeViolations, loadsPage, openPage, scriptModes, shown } from "../support/browser";
import { journeyKinds } from "../support/db";
import { h1, path, summary, useBrowser } from "../support/journey";
import { demoPeopleIds } from "../support/people";
import { type TestServer, testServer } from "../support/server";
import { signInWith } from "../support/sign-in";

const browser = useBrowser();

const GATHERING = "Nasjonal samling 2 for pulje 1";
const CEILING_ERROR = "Beløpet er over taket i ordningen, som er 4\u00a0500,00 kr";
const success = (page: Page) => shown(page.locator('main .ds-alert[role="status"]'));

/**
 * Rune, a resource person who attended a national gathering of IBS cohort 1, claims travel
 * support leg by leg with a receipt: he adds a third leg for the way home (the form again, his
 * input kept, the total summed), is refused above the scheme's ceiling and for a car leg with
 * no kilometres (each error beside its leg), then claims within it. Ada approves the claim and pays the batch, and the claim is a row of the payment
 * file. Each mode has a database of its own.
 */
for (const { js, mode } of scriptModes) {
  describe.each(journeyKinds)(`a participant claims travel support, ${mode}, on %s`, (kind) => {
    let server: TestServer;
    let cohort1: number;
    let receipt: string;

    beforeAll(async () => {
      server = await testServer(kind, { signIn: true });
      const { rune } = await demoPeopleIds(server.db, ["rune"]);
      const [ibs] = await programmesOwnedBy(server.db, ["udir"]);
      cohort1 = (await cohortIdOf(server.db, ibs!.id, 1))!;
      const opens = new Date("2018-04-01T08:00:00Z");
      const system = (now: Date) => ({ personId: null, now, baseUrl: server.url });
      const made = await createGathering(
        server.db,
        gatheringInput(ibs!.id, {
          day: "2018-05-15",
          cohortId: cohort1,
          titleNb: GATHERING,
          titleNn: GATHERING,
          registrationOpensAt: opens,
          registrationClosesAt: new Date("2018-05-10T08:00:00Z"),
        }),
        system(opens),
      );
      if (!made.ok) throw new Error(JSON.stringify(made.errors));
      const at = new Date("2018-04-15T08:00:00Z");
      const registered = await register(
        server.db,
        { gatheringId: made.gatheringId, personId: rune!, sessionIds: [] },
        { ...system(at), personId: rune! },
      );
      if (!registered.ok) throw new Error(JSON.stringify(registered.errors));
      receipt = `/tmp/kvittering-${process.pid}-${mode.replace(/\W/g, "")}.pdf`;
      const { writeFile } = await import("node:fs/promises");
      await writeFile(receipt, "%PDF-1.4\n% togbillett Kristiansand–Oslo\n%%EOF\n");
    });
    afterAll(() => server?.close());

    it("Rune claims, Ada approves and pays, the claim is in the payment file", async () => {
      const rune = await openPage(browser(), { js, baseURL: server.url });
      const r = rune.page;
      await r.goto("/nb/logg-inn");
      await signInWith(r, server, "ID-porten", "Rune Ressurs");
      await loadsPage(r, () => r.goto("/nb/reisestotte"));
      expect(await h1(r)).toBe("Reisestøtte");
      await expectNoAxeViolations(r);
      await loadsPage(r, () =>
        r
          .getByRole("link", { name: `Søk om reisestøtte Søk om reisestøtte til ${GATHERING}` })
          .click(),
      );
      expect(path(r)).toBe("/nb/reisestotte/ny");
      expect(await h1(r)).toBe("Søk om reisestøtte");
      await expectNoAxeViolations(r);

      // His journey leg by leg: by car to the station, the train to Oslo; one more row for the
      // way home, added without losing what he typed, the total summed by the server.
      const leg = (n: number) => r.getByRole("group", { name: `Etappe ${n}`, exact: true });
      const fill = async (n: number, from: string, to: string, means: string, amount: string) => {
        await leg(n).getByLabel("Fra", { exact: true }).fill(from);
        await leg(n).getByLabel("Til", { exact: true }).fill(to);
        await leg(n).getByLabel("Reisemåte").selectOption({ label: means });
        await leg(n).getByLabel("Beløp i kroner").fill(amount);
      };
      await fill(1, "Hjemme", "Kristiansand stasjon", "Egen bil", "50");
      await fill(2, "Kristiansand stasjon", "Oslo S", "Tog", "4 600");
      await r.getByLabel("Kontonummer for utbetaling").fill(demoAccountNumber("6000000000"));
      await loadsPage(r, () => r.getByRole("button", { name: "Legg til en etappe" }).click());
      expect(rune.status()).toBe(200);
      expect(await shown(r.getByTestId("claim-total"))).toBe("4\u00a0650,00 kr");
      expect(await leg(2).getByLabel("Til", { exact: true }).inputValue()).toBe("Oslo S");
      await fill(3, "Oslo S", "Kristiansand stasjon", "Tog", "600");
      await expectNoAxeViolations(r);

      rune.allowErrorStatus(422);
      await r.getByLabel("Kvitteringer").setInputFiles(receipt);
      await loadsPage(r, () => r.getByRole("button", { name: "Send kravet" }).click());
      expect(rune.status()).toBe(422);
      expect(await r.title()).toMatch(/^Feil: /);
      const errors = await shown(summary(r));
      expect(errors).toContain(CEILING_ERROR);
      expect(errors).toContain("Fyll ut etappe 1, kilometer: det må være med for egen bil");
      expect(await shown(r.locator("#claim-distance1-error"))).toContain("egen bil");
      expect(await shown(r.locator("#claim-total-error"))).toContain(CEILING_ERROR);
      expect(await leg(3).getByLabel("Fra", { exact: true }).inputValue()).toBe("Oslo S");
      expect(await leg(2).getByLabel("Beløp i kroner").inputValue()).toBe("4 600");
      await expectNoAxeViolations(r);

      await leg(1).getByLabel("Kilometer").fill("8");
      await leg(2).getByLabel("Beløp i kroner").fill("617,25");
      await r.getByLabel("Kvitteringer").setInputFiles(receipt);
      await loadsPage(r, () => r.getByRole("button", { name: "Send kravet" }).click());
      expect(rune.status()).toBe(200);
      expect(await success(r)).toBe("Kravet er sendt. Du får svar her når det er behandlet.");
      expect(await shown(r.getByTestId("claim-state"))).toBe("Sendt");
      expect(await shown(r.getByTestId("claim-amount"))).toBe("1\u00a0267,25 kr");
      expect(await r.getByTestId("claim-legs").locator("li").allInnerTexts()).toEqual([
        "Hjemme – Kristiansand stasjon: Egen bil, 8 km, 50,00 kr",
        "Kristiansand stasjon – Oslo S: Tog, 617,25 kr",
        "Oslo S – Kristiansand stasjon: Tog, 600,00 kr",
      ]);
      await expectNoAxeViolations(r);
      const claimId = path(r).split("/").pop()!;
      // The receipt is his to open.
      const file = await r.request.get(
        (await r.getByRole("link", { name: /\.pdf$/ }).getAttribute("href"))!,
      );
      expect(file.headers()["content-type"]).toBe("application/pdf");
      expect((await file.body()).toString()).toBe(await readFile(receipt, "utf8"));

      // Ada approves it and pays the batch.
      const ada = await openPage(browser(), { js, baseURL: server.url });
      const a = ada.page;
      await a.goto("/nb/logg-inn");
      await signInWith(a, server, "ID-porten", "Ada Direktorat");
      await loadsPage(a, () => a.goto(`/nb/admin/tilskudd/${cohort1}`));
      await expectNoAxeViolations(a);
      await loadsPage(a, () => a.getByRole("link", { name: "Reisekrav", exact: true }).click());
      expect(path(a)).toBe(`/nb/admin/tilskudd/${cohort1}/reisekrav`);
      await expectNoAxeViolations(a);
      await loadsPage(a, () =>
        a.getByRole("link", { name: "Åpne kravet fra Rune Ressurs" }).click(),
      );
      expect(await h1(a)).toBe(`Reisekrav: ${GATHERING}`);
      await expectNoAxeViolations(a);
      ada.allowErrorStatus(422);
      await a.getByLabel("Avvis").check();
      await loadsPage(a, () => a.getByRole("button", { name: "Lagre avgjørelsen" }).click());
      expect(ada.status()).toBe(422);
      expect(await shown(summary(a))).toContain("Fyll ut begrunnelse");
      await expectNoAxeViolations(a);
      await a.getByLabel("Godkjenn").check();
      await a.getByLabel("Begrunnelse").fill("Billigste reisemåte.");
      await loadsPage(a, () => a.getByRole("button", { name: "Lagre avgjørelsen" }).click());
      expect(await success(a)).toBe("Kravet er godkjent.");
      await loadsPage(a, () => a.goto(`/nb/admin/tilskudd/${cohort1}`));
      await loadsPage(a, () =>
        a.getByRole("button", { name: "Registrer utbetaling av alle aksepterte" }).click(),
      );
      expect(await success(a)).toMatch(/^\d+ utbetalinger er registrert\.$/);
      await expectNoAxeViolations(a);

      const csv = await (
        await a.request.get(`/nb/admin/tilskudd/${cohort1}/utbetalinger.csv`)
      ).text();
      const lines = csv
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n");
      expect(lines[0]).toBe("organisasjonsnummer;navn;kontonummer;belop;referanse;pulje");
      expect(lines.find((l) => l.includes(`SAMSPILL-RS-${claimId};`))!.split(";")).toEqual([
        "",
        "Rune Ressurs",
        demoAccountNumber("6000000000"),
        "1267.25",
        `SAMSPILL-RS-${claimId}`,
        "1",
      ]);
      // Rune sees it paid.
      await loadsPage(r, () => r.reload());
      expect(await shown(r.getByTestId("claim-state"))).toBe("Utbetalt");
    });
  });
}
