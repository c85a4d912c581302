import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { cohortIdOf } from "../cohorts";
import { programmesOwnedBy } from "../programmes";
import { grants } from "./schema";

describe.each(databaseKinds)("the grants pages (%s)", (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let as: ReturnType<typeof requestsAs>;
  let cohort3: number;
  const admin = (rest = "") => `/nb/admin/tilskudd/${cohort3}${rest}`;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    const ids = await demoPeopleIds(t.db, ["ada", "frida", "kari"]);
    as = requestsAs(() => t, ids);
    const [ibs] = await programmesOwnedBy(t.db, ["udir"]);
    cohort3 = (await cohortIdOf(t.db, ibs!.id, 3))!;
  });
  afterAll(() => t.close());

  it("shows Ada the scheme, the grants and the ledger, in every language", async () => {
    const list = await (await as.get("/nb/admin/tilskudd", "ada")).text();
    expect(list).toContain("pulje 3");
    for (const [lang, word] of [
      ["nb", "Skal tilbakebetales"],
      ["nn", "Skal betalast tilbake"],
      ["en", "To be returned"],
    ] as const) {
      const res = await as.get(`/${lang}/admin/tilskudd/${cohort3}`, "ada");
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(word);
      expect(html).toContain("Arendal");
    }
    const html = await (await as.get(admin(), "ada")).text();
    // Arendal used 52 437,50 of 60 000: 7 562,50 to return; the total row says the same.
    expect(html).toMatch(/data-testid="total-toReturn">7\s562,50 kr/);
    expect(html).toMatch(/data-testid="total-allocated">120\s000,00 kr/);
    expect((await as.get(admin(), "frida")).status).toBe(403);
  });

  it("answers a bad scheme with its errors beside the fields and the input kept", async () => {
    const res = await as.post(admin("/ordning"), "ada", {
      purposes: "resource-person",
      basis: "flat",
      amount: "100,005",
      conditionsNb: "Mine vilkår",
      conditionsNn: "",
      acceptDeadline: "2027-01-10",
      reportDeadline: "2026-12-01",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("ds-error-summary");
    expect(html).toContain("Beløp i kroner kan ha høyst to desimaler (øre)");
    expect(html).toContain('href="#scheme-amount"');
    expect(html).toContain("Fristen for rapport må være etter fristen for å ta imot");
    expect(html).toContain('value="100,005"');
    expect(html).toContain("Mine vilkår");
  });

  it("refuses an act out of turn with the reason, and a malformed post with 400", async () => {
    const res = await as.post(admin("/utbetal"), "ada");
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("Ingen aksepterte tilskudd venter på utbetaling");
    const [arendal] = await t.db.select().from(grants).where(eq(grants.municipalityCode, "4203"));
    const twice = await as.post(admin(`/${arendal!.id}/utbetal`), "ada");
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain(
      "Du kan ikke betale ut et tilskudd som har status «rapportert»",
    );
    const nul = await as.post(admin("/ordning"), "ada", { amount: "1\u0000" });
    expect(nul.status).toBe(400);
  });

  it("exports the payment file in its documented columns, the amounts with two decimals", async () => {
    const csv = await (await as.get(admin("/utbetalinger.csv"), "ada")).text();
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("organisasjonsnummer;navn;kontonummer;belop;referanse;pulje");
    expect(lines.length).toBe(3);
    const arendal = lines.find((l) => l.includes("Arendal"))!.split(";");
    expect(arendal[0]).toMatch(/^[0-9]{9}$/);
    expect(arendal[2]).toMatch(/^[0-9]{11}$/);
    expect(arendal[3]).toBe("60000.00");
    expect(arendal[4]).toMatch(/^SAMSPILL-TS-[0-9]+$/);
    expect(arendal[5]).toBe("3");
    const xlsx = await as.get(admin("/utbetalinger.xlsx"), "ada");
    expect(xlsx.status).toBe(200);
    const { default: ExcelJS } = await import("exceljs");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "organisasjonsnummer",
      "navn",
      "kontonummer",
      "belop",
      "referanse",
      "pulje",
    ]);
    expect(sheet.rowCount).toBe(3);
  });

  it("lets Ada adjust an allocation only before its letter", async () => {
    const [arendal] = await t.db.select().from(grants).where(eq(grants.municipalityCode, "4203"));
    const page = await as.post(admin(`/${arendal!.id}/juster`), "ada", {
      amount: "1",
      reason: "x",
    });
    expect(page.status).toBe(422);
    expect(await page.text()).toContain("Du kan ikke justere et tilskudd");
  });
});
