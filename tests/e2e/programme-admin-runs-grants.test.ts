import { and, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerInvitation, cohortIdOf } from "../../src/modules/cohorts";
import { cohortInvitations } from "../../src/modules/cohorts/schema";
import { demoOrgNumber } from "../../src/modules/grants/demo";
import { demoEmail } from "../../src/modules/identity";
import { programmesOwnedBy } from "../../src/modules/programmes";
import { expectNoAxeViolations, loadsPage, openPage, scriptModes, shown } from "../support/browser";
import { journeyKinds } from "../support/db";
import { h1, path, summary, useBrowser } from "../support/journey";
import { demoPeopleIds } from "../support/people";
import { type TestServer, testServer } from "../support/server";
import { signInWith } from "../support/sign-in";

const browser = useBrowser();

const COHORT = "Inkluderende barnehage- og skolemiljø, pulje 3";
const ACCOUNT_ERROR =
  "Kontonummeret er ikke gyldig. Sjekk at du har skrevet de elleve sifrene riktig.";
const success = (page: Page) => shown(page.locator('main .ds-alert[role="status"]'));

/**
 * Ada, the programme admin, runs cohort 3's grants: Kristiansand has just said yes to the
 * cohort, so she allocates to it and sends the letter; the letter arrives by mail with its PDF;
 * Kari accepts with the account number (a wrong check digit first, refused with her input kept);
 * Ada records the payment and reads the payment file back, CSV and XLSX. Each mode has a
 * database of its own (one Kristiansand to allocate to).
 */
for (const { js, mode } of scriptModes) {
  describe.each(journeyKinds)(
    `a programme admin runs a cohort's grants, ${mode}, on %s`,
    (kind) => {
      let server: TestServer;
      let cohort3: number;

      beforeAll(async () => {
        server = await testServer(kind, { signIn: true });
        const { kari } = await demoPeopleIds(server.db, ["kari"]);
        const [ibs] = await programmesOwnedBy(server.db, ["udir"]);
        cohort3 = (await cohortIdOf(server.db, ibs!.id, 3))!;
        const [invitation] = await server.db
          .select()
          .from(cohortInvitations)
          .where(
            and(eq(cohortInvitations.cohortId, cohort3), eq(cohortInvitations.inviteeId, "4204")),
          );
        const answered = await answerInvitation(
          server.db,
          {
            invitationId: invitation!.id,
            answer: "accept",
            commitments: true,
            reason: "",
            version: invitation!.version,
          },
          { personId: kari!, now: server.clock.now(), baseUrl: server.url },
        );
        expect(answered.ok).toBe(true);
      });
      afterAll(() => server?.close());

      it("allocates, sends the letter, Kari accepts, Ada pays and exports", async () => {
        const ada = await openPage(browser(), { js, baseURL: server.url });
        const { page } = ada;
        await page.goto("/nb/logg-inn");
        await signInWith(page, server, "ID-porten", "Ada Direktorat");
        await loadsPage(page, () => page.goto("/nb/admin/tilskudd"));
        expect(await h1(page)).toBe("Tilskudd");
        await expectNoAxeViolations(page);
        await loadsPage(page, () => page.getByRole("link", { name: COHORT }).click());
        expect(path(page)).toBe(`/nb/admin/tilskudd/${cohort3}`);
        expect(await h1(page)).toBe(COHORT);
        expect(await shown(page.getByRole("main"))).toContain(
          "1 kommuner har takket ja til puljen uten å ha fått tildeling ennå.",
        );
        await expectNoAxeViolations(page);

        await loadsPage(page, () =>
          page.getByRole("button", { name: "Tildel til alle som har takket ja" }).click(),
        );
        expect(await success(page)).toBe("1 kommuner er tildelt tilskudd.");
        const table = page.getByRole("table", { name: "Per kommune" });
        expect(await shown(table)).toContain("Kristiansand");
        // Kristiansand is larger than most: Ada adjusts its allocation, with a reason.
        await loadsPage(page, () =>
          page.getByRole("link", { name: "Juster tildelingen til Kristiansand" }).click(),
        );
        expect(await h1(page)).toBe("Juster tildelingen til Kristiansand");
        await expectNoAxeViolations(page);
        ada.allowErrorStatus(422);
        await page.getByLabel("Nytt beløp i kroner").fill("62 500,505");
        await loadsPage(page, () => page.getByRole("button", { name: "Juster" }).click());
        expect(ada.status()).toBe(422);
        expect(await shown(summary(page))).toContain(
          "Nytt beløp i kroner kan ha høyst to desimaler (øre)",
        );
        expect(await shown(summary(page))).toContain("Fyll ut begrunnelse");
        await expectNoAxeViolations(page);
        await page.getByLabel("Nytt beløp i kroner").fill("62 500,50");
        await page.getByLabel("Begrunnelse").fill("Mange enheter i kommunen.");
        await loadsPage(page, () => page.getByRole("button", { name: "Juster" }).click());
        expect(await success(page)).toBe("Tildelingen er justert.");
        await loadsPage(page, () =>
          page.getByRole("button", { name: "Send tilskuddsbrev til alle som er tildelt" }).click(),
        );
        expect(await success(page)).toBe("1 tilskuddsbrev er sendt.");
        await expectNoAxeViolations(page);

        // The letter arrives, with its PDF and the link to the grant's page.
        const mail = await server.mail(
          (m) => m.to.includes(demoEmail("kari")) && m.subject.startsWith("Tilskuddsbrev"),
        );
        expect(mail.subject).toBe(`Tilskuddsbrev: ${COHORT} – Kristiansand`);
        expect(mail.text).toMatch(/Beløp: 62\s500,50 kr/);
        expect(mail.raw.attachments.map((a) => a.contentType)).toEqual(["application/pdf"]);
        const link = mail.text.match(/http:\/\/127\.0\.0\.1:\d+\/nb\/tilskudd\/\d+/)?.[0];
        expect(link).toBeDefined();

        // Kari accepts, first with a wrong check digit.
        const kari = await openPage(browser(), { js, baseURL: server.url });
        const k = kari.page;
        await k.goto(link!);
        await signInWith(k, server, "ID-porten", "Kari Kommune");
        expect(await h1(k)).toBe("Tilskudd til Kristiansand");
        expect(await shown(k.getByTestId("grant-state"))).toBe("Brev sendt");
        await expectNoAxeViolations(k);
        const orgNumber = demoOrgNumber("96329674");
        kari.allowErrorStatus(422);
        await k.getByLabel("Kommunens organisasjonsnummer").fill(orgNumber);
        await k.getByLabel("Kontonummer for utbetaling").fill("8601.11.17948");
        await k.getByLabel("Kommunen godtar vilkårene").check();
        await loadsPage(k, () => k.getByRole("button", { name: "Ta imot tilskuddet" }).click());
        expect(kari.status()).toBe(422);
        expect(await k.title()).toMatch(/^Feil: /);
        expect(await shown(summary(k))).toContain(ACCOUNT_ERROR);
        expect(await shown(k.locator("#answer-accountNumber-error"))).toContain(ACCOUNT_ERROR);
        expect(await k.getByLabel("Kommunens organisasjonsnummer").inputValue()).toBe(orgNumber);
        expect(await k.getByLabel("Kontonummer for utbetaling").inputValue()).toBe("8601.11.17948");
        await expectNoAxeViolations(k);
        await k.getByLabel("Kontonummer for utbetaling").fill("8601.11.17947");
        if (!(await k.getByLabel("Kommunen godtar vilkårene").isChecked())) {
          await k.getByLabel("Kommunen godtar vilkårene").check();
        }
        await loadsPage(k, () => k.getByRole("button", { name: "Ta imot tilskuddet" }).click());
        expect(kari.status()).toBe(200);
        expect(await success(k)).toBe("Dere har tatt imot tilskuddet.");
        expect(await shown(k.getByTestId("grant-state"))).toBe("Akseptert");
        await expectNoAxeViolations(k);

        // Ada records the payment.
        await loadsPage(page, () => page.reload());
        await loadsPage(page, () =>
          page.getByRole("button", { name: "Registrer utbetaling til Kristiansand" }).click(),
        );
        expect(await success(page)).toBe("1 utbetalinger er registrert.");
        expect(await shown(table)).toMatch(/Kristiansand\s+0\s+Utbetalt/);
        await expectNoAxeViolations(page);

        // The payment file, read back column by column.
        const csv = await (
          await page.request.get(`/nb/admin/tilskudd/${cohort3}/utbetalinger.csv`)
        ).text();
        const lines = csv
          .replace(/^\uFEFF/, "")
          .trim()
          .split("\r\n");
        expect(lines[0]).toBe("organisasjonsnummer;navn;kontonummer;belop;referanse;pulje");
        const row = lines.find((l) => l.includes("Kristiansand"))!.split(";");
        expect(row).toEqual([
          orgNumber,
          "Kristiansand",
          "86011117947",
          "62500.50",
          expect.stringMatching(/^SAMSPILL-TS-\d+$/),
          "3",
        ]);
        // Kari reports the use: more than the grant is refused; then what was used.
        await loadsPage(k, () => k.goto("/nb/tilskudd"));
        expect(await h1(k)).toBe("Tilskudd til kommunen");
        await expectNoAxeViolations(k);
        await loadsPage(k, () => k.getByRole("link", { name: COHORT }).click());
        expect(await shown(k.getByTestId("grant-state"))).toBe("Utbetalt");
        await k.getByLabel("Brukt beløp i kroner").fill("62 500,51");
        await k.getByLabel("Timer for ressurspersonen").check();
        await k
          .getByLabel("Kort redegjørelse")
          .fill("Ressurspersonen fulgte arbeidet i tre enheter.");
        await loadsPage(k, () => k.getByRole("button", { name: "Send rapporten" }).click());
        expect(kari.status()).toBe(422);
        expect(await shown(summary(k))).toContain(
          "Brukt beløp kan ikke være større enn tilskuddet",
        );
        expect(await k.getByLabel("Kort redegjørelse").inputValue()).toBe(
          "Ressurspersonen fulgte arbeidet i tre enheter.",
        );
        expect(await k.getByLabel("Timer for ressurspersonen").isChecked()).toBe(true);
        await expectNoAxeViolations(k);
        await k.getByLabel("Brukt beløp i kroner").fill("60 000");
        await loadsPage(k, () => k.getByRole("button", { name: "Send rapporten" }).click());
        expect(await success(k)).toBe("Rapporten er sendt. Takk!");
        expect(await shown(k.getByRole("main"))).toMatch(/Skal tilbakebetales\s*2\s500,50 kr/);
        await expectNoAxeViolations(k);

        const xlsx = await page.request.get(`/nb/admin/tilskudd/${cohort3}/utbetalinger.xlsx`);
        const { default: ExcelJS } = await import("exceljs");
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(new Uint8Array(await xlsx.body()).buffer);
        const sheet = book.worksheets[0]!;
        const rows: unknown[][] = [];
        sheet.eachRow((r) => {
          rows.push((r.values as unknown[]).slice(1));
        });
        expect(rows.find((r) => r[1] === "Kristiansand")).toEqual(row);
      });
    },
  );
}
