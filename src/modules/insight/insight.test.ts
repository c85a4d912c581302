import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { enrolInCohort3, ibsCohort3, unitOf } from "../../../tests/support/development";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { getUnit } from "../organisations";
import { type Insight, insightFor, type Selection } from "./figures";

const text = async (res: Response) =>
  (await res.text())
    .replace(/<svg[\s\S]*?<\/svg>/g, "[SVG]")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

const panel = (insight: Insight, key: string) => insight.panels.find((p) => p.key === key)!;

describe.each(databaseKinds)("insight (%s)", (kind) => {
  let t: TestApp;
  let as: ReturnType<typeof requestsAs>;
  let cohort = 0;
  let school = "";

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    const ids = await demoPeopleIds(t.db, ["ada", "frida", "siv", "kari", "sverre", "stine"]);
    as = requestsAs(() => t, ids);
    school = await unitOf(t.db, ids.sverre!);
    cohort = (await ibsCohort3(t.db)).cohortId;
  });
  afterAll(() => t?.close());

  const selection = (over: Partial<Selection> = {}): Selection => ({
    cohorts: [{ id: cohort, number: 3, label: "IBS 3" }],
    municipalities: null,
    county: "42",
    year: null,
    today: "2026-12-07",
    divisionDate: "2026-12-07",
    lang: "nb",
    feedback: false,
    ...over,
  });

  it("counts what a municipality's yes and one enrolled school add, by hand", async () => {
    const before = await insightFor(t.db, selection());
    const unit = (await getUnit(t.db, school))!;
    expect(unit.countyCode).toBe("42");
    const agder = (i: Insight) => i.counties.find((k) => k.code === "42")!;
    const kristiansand = (i: Insight) => i.municipalities.find((m) => m.code === "4204")!;
    const states = (i: Insight) => panel(i, "chainStates").rows[0]!;
    expect(kristiansand(before).taking).toBe(false);

    await enrolInCohort3(t.db, [school], t.clock.now());
    const after = await insightFor(t.db, selection());
    // Kristiansand said yes: one more municipality, one fewer not answered.
    expect(agder(after).municipalitiesIn).toBe(agder(before).municipalitiesIn + 1);
    expect(agder(after).municipalitiesAll).toBe(agder(before).municipalitiesAll);
    expect(states(after)[1]).toBe(Number(states(before)[1]) - 1);
    expect(states(after)[2]).toBe(Number(states(before)[2]) + 1);
    // Sverre's school: one school, public or private as the register says, and its two people
    // (Sverre the leader and Stine on the staff).
    expect(agder(after).schoolsIn).toBe(agder(before).schoolsIn + 1);
    expect(agder(after).publicIn + agder(after).privateIn).toBe(
      agder(before).publicIn + agder(before).privateIn + 1,
    );
    expect(agder(after).staff).toBe(agder(before).staff + 2);
    expect(kristiansand(after).taking).toBe(true);
    expect(kristiansand(after).unitsIn).toBe(kristiansand(before).unitsIn + 1);
    // Against the register: the number of Kristiansand's units does not move.
    expect(kristiansand(after).unitsAll).toBe(kristiansand(before).unitsAll);
  });

  it("says no data, never zero, for a selection with nothing in it", async () => {
    const empty = await insightFor(t.db, selection({ municipalities: [] }));
    for (const key of ["reachCounty", "chainStates", "gatherings", "grants", "development"])
      expect({ key, rows: panel(empty, key).rows }).toEqual({ key, rows: [] });
    const res = await as.get("/nb/innsikt?utvalg=k999999&aar=2016", "ada");
    expect(res.status).toBe(200);
    expect(await text(res)).toContain("Ingen data for dette utvalget.");
  });

  it("shows the programme admin every panel with its chart, table and the map", async () => {
    const res = await as.get("/nb/innsikt?utvalg=p1", "ada");
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const title of [
      "Kart over deltakelse",
      "Deltakelse per fylke",
      "Deltakelse per pulje",
      "Invitasjonskjeden over tid",
      "Samlinger",
      "Lokalt utviklingsarbeid",
      "Tilskudd",
    ])
      expect(html).toContain(title);
    expect(html).toContain("Du ser alle kommuner.");
    expect(html).toMatch(/<svg role="img" aria-label="Rutekart over Norge/);
    expect(html).toMatch(/<svg role="img" aria-label="Linjediagram over invitasjonskjeden/);
    // Zoomed into Agder: its municipalities.
    const agder = await text(await as.get("/nb/innsikt?utvalg=p1&fylke=42", "ada"));
    expect(agder).toContain("Kart over deltakelse: Agder");
    expect(agder).toContain("Deltakelse per kommune");
    expect(agder).toContain("Arendal");
  });

  it("scopes the county coordinator to her counties and refuses the rest", async () => {
    const siv = await text(await as.get("/nb/innsikt?utvalg=p1", "siv"));
    expect(siv).toMatch(/Du ser tall for \d+ kommuner du har ansvar for/);
    expect(siv).toContain("Agder");
    expect(siv).not.toContain("Rogaland");
    // A malformed filter is a 400, not a 500.
    expect((await as.get("/nb/innsikt?fylke=abc", "siv")).status).toBe(400);
    expect((await as.get("/nb/innsikt?utvalg=x'1", "ada")).status).toBe(400);
    for (const who of ["sverre", "stine"])
      expect((await as.get("/nb/innsikt", who)).status).toBe(403);
  });

  it("downloads every panel as CSV and as an Excel workbook", async () => {
    const csv = await as.get("/nb/innsikt/reach-county.csv?utvalg=p1", "ada");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const body = await csv.text();
    expect(body.split("\r\n")[0]).toContain("Fylke;Kommuner med;Kommuner i alt");
    expect(body).toContain("Agder;");
    const xlsx = await as.get("/nb/innsikt/chain-states.xlsx?utvalg=p1", "ada");
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Pulje");
    expect((await as.get("/nb/innsikt/unknown.csv", "ada")).status).toBe(404);
    expect((await as.get("/nb/innsikt/reach-county.csv", "sverre")).status).toBe(403);
  });
});
