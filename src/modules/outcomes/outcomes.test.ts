import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { cohortIdOf } from "../cohorts";
import { programmesOwnedBy } from "../programmes";
import { outcomeEstimates } from "./estimates";
import { checkOutcomeFile, importOutcomeFile, parseCsv, parseShare } from "./import";
import { outcomeImports, outcomeResults } from "./schema";
import { cohortYears, seriesOf } from "./series";

const NOW = new Date("2026-11-23T10:00:00Z");
const HEADER = "Organisasjonsnummer;Enhetsnavn;Skoleår;Trinn;Indikator;AndelMobbet";

describe("parsing Udir's cells", () => {
  it("reads decimal commas, suppression marks and refuses the rest", () => {
    expect(parseShare("6,1")).toBe(6.1);
    expect(parseShare(" 12.5 ")).toBe(12.5);
    expect(parseShare("*")).toBe("suppressed");
    expect(parseShare("")).toBe("notNumeric");
    expect(parseShare("seks")).toBe("notNumeric");
    expect(parseShare("101")).toBe("outOfRange");
  });

  it("reads records by line, quoted fields as one, blank lines skipped but counted", () => {
    const text = 'a;b\r\n\r\n1;"x;\ny"\n2;"say ""hi"""\r3;\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 3, fields: ["1", "x;\ny"] },
      { line: 5, fields: ["2", 'say "hi"'] },
      { line: 6, fields: ["3", ""] },
    ]);
  });

  it("puts the survey's breaks where FACTS.md says", () => {
    expect([2012, 2013, 2015, 2016].map(seriesOf)).toEqual([
      "2007-2012",
      "2013-2015",
      "2013-2015",
      "2016-",
    ]);
    expect(cohortYears({ startsOn: "2017-01-01", endsOn: "2018-12-31" })).toEqual({
      before: 2016,
      after: 2018,
    });
    expect(cohortYears({ startsOn: "2027-08-01", endsOn: "2029-06-30" })).toEqual({
      before: 2026,
      after: 2028,
    });
  });
});

describe.each(databaseKinds)("Elevundersøkelsen results on %s", (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ibs: { id: number; owner: string };

  beforeAll(async () => {
    t = await testApp(kind);
    [ibs] = (await programmesOwnedBy(t.db, ["udir"])).filter((p) =>
      p.slug.startsWith("inkluderende"),
    ) as unknown as [{ id: number; owner: string }];
  });
  afterAll(() => t.close());

  it("holds the demo's invented extract, suppressed cells as suppressed", async () => {
    const rows = await t.db.select().from(outcomeResults).where(eq(outcomeResults.owner, "udir"));
    expect(rows.length).toBeGreaterThan(4000);
    const suppressed = rows.filter((r) => r.suppressed);
    expect(suppressed.length).toBeGreaterThan(0);
    expect(suppressed.every((r) => r.share === null)).toBe(true);
  });

  it("accepts or rejects each row with its reason, and writes nothing of a refused file", async () => {
    const file = [
      HEADER,
      "0118;Aremark;2017-18;7. trinn;Mobbing på skolen;5,5", // accepted
      "0118;Aremark;2017-18;10. trinn;Mobbing på skolen;*", // suppressed
      "9999;Nowhere;2017-18;7. trinn;Mobbing på skolen;4,0", // unknown municipality
      "12345;Odd;2017-18;7. trinn;Mobbing på skolen;4,0", // not an organisation number
      "0118;Aremark;2014-15;7. trinn;Mobbing på skolen;4,0", // before the 2016 break
      "0118;Aremark;2017-18;7. trinn;Mobbet av andre elever;4,0", // after the break
      "0118;Aremark;2017-18;7. trinn;Mobbing på skolen;fire", // not numeric
      "0118;Aremark;2017-18;7. trinn;Mobbing på skolen;5,6", // duplicate of line 2
      "0118;Aremark;2017-18;4. trinn;Mobbing på skolen;5,6", // grade
      "0118;Aremark;2017-18;7. trinn", // columns
      "0118;Aremark;2031-32;7. trinn;Mobbing på skolen;5,6", // future year
    ].join("\n");
    const check = await checkOutcomeFile(t.db, file, 2026);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.summary).toMatchObject({ rows: 11, accepted: 1, suppressed: 1, rejected: 9 });
    const reasons = check.verdicts.flatMap((v) =>
      v.status === "rejected" ? [[v.line, v.reason]] : [],
    );
    expect(reasons).toEqual([
      [4, "unknownOrg"],
      [5, "orgNumber"],
      [6, "beforeBreak"],
      [7, "afterBreak"],
      [8, "notNumeric"],
      [9, "duplicate"],
      [10, "grade"],
      [11, "columns"],
      [12, "year"],
    ]);
    const wrong = await checkOutcomeFile(t.db, "Orgnr,År,Andel\n0118,2017,5", 2026);
    expect(wrong).toMatchObject({ ok: false, problem: { code: "columns" } });

    const before = await t.db.select().from(outcomeImports);
    const refused = await importOutcomeFile(t.db, {
      owner: "udir",
      programmeId: ibs.id,
      fileName: "x.csv",
      text: `${HEADER}\n9999;Nowhere;2017;7;Mobbing på skolen;4,0\n`,
      personId: null,
      now: NOW,
    });
    expect(refused).toMatchObject({ ok: false, problem: { code: "noRows" } });
    expect(await t.db.select().from(outcomeImports)).toHaveLength(before.length);
  });

  it("replaces a cell imported again, in one transaction with its run", async () => {
    const file = `${HEADER}\n0118;Aremark;2017-18;7. trinn;Mobbing på skolen;5,5\n`;
    const done = await importOutcomeFile(t.db, {
      owner: "udir",
      programmeId: ibs.id,
      fileName: "again.csv",
      text: file,
      personId: null,
      now: NOW,
    });
    expect(done).toMatchObject({ ok: true, replaced: 1, summary: { accepted: 1 } });
    const [row] = await t.db
      .select()
      .from(outcomeResults)
      .where(eq(outcomeResults.orgCode, "0118"))
      .then((rows) => rows.filter((r) => r.year === 2017 && r.grade === "7"));
    expect(row!.share).toBe(5.5);
  });

  it("updates the cells held and inserts the new ones of one file, all as its run's", async () => {
    const cells = [
      ["0301", 2018, "7", "4,4", 4.4],
      ["0301", 2018, "5", "*", null],
      ["0301", 2019, "6", "3", 3],
    ] as const;
    const ofOslo = () =>
      t.db
        .select()
        .from(outcomeResults)
        .where(and(eq(outcomeResults.owner, "udir"), eq(outcomeResults.orgCode, "0301")));
    const before = await ofOslo();
    const key = (year: number, grade: string) => `${year}|${grade}`;
    const held = new Set(before.map((r) => key(r.year, r.grade)));
    const file = [
      HEADER,
      ...cells.map(([org, year, grade, share]) =>
        [
          org,
          "Oslo",
          `${year}-${String(year + 1).slice(2)}`,
          `${grade}. trinn`,
          "Mobbing",
          share,
        ].join(";"),
      ),
    ].join("\n");
    const done = await importOutcomeFile(t.db, {
      owner: "udir",
      programmeId: ibs.id,
      fileName: "oslo.csv",
      text: file,
      personId: null,
      now: NOW,
    });
    if (!done.ok) throw new Error("refused");
    const wasHeld = cells.filter(([, year, grade]) => held.has(key(year, grade))).length;
    expect(done).toMatchObject({ replaced: wasHeld, summary: { accepted: 2, suppressed: 1 } });
    const after = await ofOslo();
    expect(after).toHaveLength(before.length + cells.length - wasHeld);
    for (const [, year, grade, , share] of cells) {
      const row = after.find((r) => r.year === year && r.grade === grade);
      expect(row).toMatchObject({ share, suppressed: share === null, importId: done.importId });
    }
  });

  it("estimates cohorts 1 and 2 from the demo, and says why not cohort 3", async () => {
    const estimates = await outcomeEstimates(t.db, { programmeId: ibs.id, today: "2026-11-23" });
    const c1 = estimates.filter((e) => e.cohortNumber === 1 && e.level === "municipality");
    expect(c1.map((e) => e.grade)).toEqual(["7", "10"]);
    for (const e of c1) {
      expect(e.status).toBe("estimate");
      expect(e.treated.n).toBeGreaterThan(20);
      expect(e.control.n).toBeGreaterThan(100);
      expect(e.did!.low).toBeLessThan(e.did!.estimate);
      expect(e.did!.high).toBeGreaterThan(e.did!.estimate);
      // The generator lowers participants' shares by 0.6 points a year from 2017: 1.2 by 2018.
      expect(e.did!.estimate).toBeLessThan(0);
    }
    expect(estimates.some((e) => e.cohortNumber === 2 && e.status === "estimate")).toBe(true);
    const c3 = estimates.filter((e) => e.cohortNumber === 3);
    expect(c3).toMatchObject([{ status: "notYet", afterYear: 2028 }]);
    const cohort1 = (await cohortIdOf(t.db, ibs.id, 1))!;
    const one = await outcomeEstimates(t.db, {
      programmeId: ibs.id,
      cohortId: cohort1,
      today: "2026-11-23",
    });
    expect(new Set(one.map((e) => e.cohortNumber))).toEqual(new Set([1]));
  });

  it("gives no estimate across a break, and narrows to a county's municipalities", async () => {
    // A cohort from 2015 to 2016: the autumn before (2014) and its last (2016) are two series.
    const { createCohort } = await import("../cohorts");
    const id = await createCohort(
      t.db,
      { programmeId: ibs.id, number: 9, startsOn: "2015-08-01", endsOn: "2016-12-31" },
      [],
    );
    const e = await outcomeEstimates(t.db, {
      programmeId: ibs.id,
      cohortId: id,
      today: "2026-11-23",
    });
    expect(e).toMatchObject([{ status: "break", beforeYear: 2014, afterYear: 2016, did: null }]);
    // Agder today (42xx): the 2017 codes of Aust- and Vest-Agder lead there.
    const agder = new Set(["4201", "4202", "4203", "4204", "4205", "4206", "4207"]);
    const narrowed = await outcomeEstimates(t.db, {
      programmeId: ibs.id,
      cohortId: (await cohortIdOf(t.db, ibs.id, 1))!,
      municipalities: agder,
      today: "2026-11-23",
    });
    const all = await outcomeEstimates(t.db, {
      programmeId: ibs.id,
      cohortId: (await cohortIdOf(t.db, ibs.id, 1))!,
      today: "2026-11-23",
    });
    // The bulk successor lookup agrees with the one-code lookup.
    const { successorsAt, successorsOfAll } = await import("../organisations");
    const bulk = await successorsOfAll(t.db, ["1001", "0904", "0118", "0301"], "2026-11-23");
    for (const code of ["1001", "0904", "0118", "0301"])
      expect(bulk.get(code)).toEqual(await successorsAt(t.db, code, "2026-11-23"));
    const n = (es: typeof all) =>
      es.filter((x) => x.level === "municipality").reduce((a, x) => a + x.control.n, 0);
    expect(n(narrowed)).toBeLessThan(n(all));
    expect(n(narrowed)).toBeGreaterThan(0);
  });
});
