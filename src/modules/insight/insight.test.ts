import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { enrolInCohort3, ibsCohort3, unitOf } from "../../../tests/support/development";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { deletePerson, grantRole } from "../identity";
import { revokeRole } from "../identity/people";
import { people } from "../identity/schema";
import { getUnit } from "../organisations";
import { type Insight, insightFor, type Selection } from "./figures";
import { recountInsight } from "./recount";

const text = async (res: Response) =>
  (await res.text())
    .replace(/<svg[\s\S]*?<\/svg>/g, "[SVG]")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

const rowsOf = <T = Record<string, unknown>>(r: unknown) => (r as { rows: T[] }).rows;

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

  it("keeps the staff and attendance counts equal to a count afresh through every change", async () => {
    const kept = async () =>
      rowsOf<{ org: string; n: number }>(
        await t.db.execute(sql`select org_number as org, people as n from unit_staff_counts
                                where people > 0 order by 1`),
      );
    const afresh = async () =>
      rowsOf<{ org: string; n: number }>(
        await t.db.execute(sql`select r.org_id as org, count(distinct r.person_id)::int as n
            from role_assignments r join people p on p.id = r.person_id and p.deleted_at is null
           where r.org_kind = 'unit' and r.revoked_at is null and r.role in ('staff', 'unit-leader')
           group by 1 order by 1`),
      );
    const actor = { personId: null, now: t.clock.now() };
    const before = await kept();
    expect(before.length).toBeGreaterThan(0);
    expect(before).toEqual(await afresh());
    const [p1, p2] = await t.db
      .insert(people)
      .values([
        { name: "Telle En", email: "telle1@skole.test", createdAt: t.clock.now() },
        { name: "Telle To", email: "telle2@skole.test", createdAt: t.clock.now() },
      ])
      .returning();
    // One person at two units, one with two roles at one unit: counted once per unit.
    for (const [personId, role] of [
      [p1!.id, "staff"],
      [p1!.id, "unit-leader"],
      [p2!.id, "staff"],
    ] as const)
      expect((await grantRole(t.db, { personId, role, orgId: school }, actor)).ok).toBe(true);
    const n = async (org: string) => (await kept()).find((r) => r.org === org)?.n ?? 0;
    const before1 = before.find((r) => r.org === school)?.n ?? 0;
    expect(await n(school)).toBe(before1 + 2);
    expect(await kept()).toEqual(await afresh());
    const [role] = rowsOf<{ id: number }>(
      await t.db.execute(
        sql`select id from role_assignments where person_id = ${p2!.id} and revoked_at is null`,
      ),
    );
    await revokeRole(t.db, role!.id, actor);
    expect(await n(school)).toBe(before1 + 1);
    await deletePerson(t.db, p1!.id, actor);
    expect(await n(school)).toBe(before1);
    expect(await kept()).toEqual(await afresh());

    // Attendance: marks added, changed and removed move the gathering's kept count.
    const marks = sql`select gathering_id as g, count(*)::int as marked,
        (count(*) filter (where status = 'present'))::int as present
        from gathering_attendance where session_id is null group by 1 order by 1`;
    const keptMarks = sql`select gathering_id as g, marked, present
        from gathering_attendance_counts where marked > 0 order by 1`;
    expect(rowsOf(await t.db.execute(keptMarks))).toEqual(rowsOf(await t.db.execute(marks)));
    const [reg] = rowsOf<{ id: number; g: number }>(
      await t.db.execute(sql`select r.id, r.gathering_id as g from gathering_registrations r
        where not exists (select 1 from gathering_attendance a where a.registration_id = r.id)
        order by r.id limit 1`),
    );
    expect(reg).toBeDefined();
    await t.db.execute(sql`insert into gathering_attendance
        (gathering_id, registration_id, status, recorded_at)
        values (${reg!.g}, ${reg!.id}, 'absent', ${t.clock.now()})`);
    await t.db.execute(
      sql`update gathering_attendance set status = 'present' where registration_id = ${reg!.id}`,
    );
    expect(rowsOf(await t.db.execute(keptMarks))).toEqual(rowsOf(await t.db.execute(marks)));
    await t.db.execute(sql`delete from gathering_attendance where registration_id = ${reg!.id}`);
    expect(rowsOf(await t.db.execute(keptMarks))).toEqual(rowsOf(await t.db.execute(marks)));
  });

  it("keeps the reach counts equal to a count afresh, and recounts every kept count in bulk", async () => {
    const kept = sql`select municipality_code as m, county_code as k, cohort_ids as ids,
        active as a, units as n, kindergartens as kg, schools as sc, public as pu, private as pr,
        staff from insight_reach_counts order by 1, 2, 3, 4`;
    // The same counted from the units, their enrolments and their people's roles directly.
    const afresh = sql`select u.municipality_code as m, u.county_code as k,
        coalesce(e.ids, '{}') as ids, u.active as a, count(*)::int as n,
        (count(*) filter (where u.is_kindergarten))::int as kg,
        (count(*) filter (where u.is_school))::int as sc,
        (count(*) filter (where u.owner = 'public'))::int as pu,
        (count(*) filter (where u.owner = 'private'))::int as pr,
        coalesce(sum((select count(distinct r.person_id) from role_assignments r
          join people p on p.id = r.person_id and p.deleted_at is null
         where r.org_id = u.org_number and r.org_kind = 'unit' and r.revoked_at is null
           and r.role in ('staff', 'unit-leader'))), 0)::int as staff
      from units u
      left join (select unit_org_number, array_agg(distinct cohort_id order by cohort_id) as ids
                   from cohort_enrolments where withdrawn_at is null group by 1) e
        on e.unit_org_number = u.org_number
     group by 1, 2, 3, 4 order by 1, 2, 3, 4`;
    const same = async () =>
      expect(rowsOf(await t.db.execute(kept))).toEqual(rowsOf(await t.db.execute(afresh)));
    await same();
    const [other] = rowsOf<{ org: string; m: string; owner: string | null; kg: boolean }>(
      await t.db.execute(sql`select org_number as org, municipality_code as m, owner,
          is_kindergarten as kg from units
         where municipality_code = '4204' and active and org_number <> ${school}
         order by 1 limit 1`),
    );
    const now = t.clock.now();
    // Enrolled, then withdrawn; a unit changing owner and type and moving; a new person.
    await enrolInCohort3(t.db, [other!.org], now);
    await same();
    await t.db.execute(sql`update units set owner = 'private', is_kindergarten = not is_kindergarten,
        municipality_code = '4203' where org_number = ${other!.org}`);
    await same();
    await t.db.execute(sql`update cohort_enrolments set withdrawn_at = ${now}
        where unit_org_number = ${other!.org} and withdrawn_at is null`);
    await same();
    const [person] = await t.db
      .insert(people)
      .values({ name: "Rekke Vidde", email: "rekke@skole.test", createdAt: now })
      .returning();
    const role = { personId: person!.id, role: "staff" as const, orgId: school };
    expect((await grantRole(t.db, role, { personId: null, now })).ok).toBe(true);
    await same();
    await t.db.execute(sql`update units set owner = ${other!.owner}, is_kindergarten = ${other!.kg},
        municipality_code = ${other!.m} where org_number = ${other!.org}`);
    await same();

    // Every kept count wiped and made again in bulk: as the triggers kept them.
    const all = sql`select (select json_agg(x order by x::text) from unit_staff_counts x) as staff,
        (select json_agg(x order by x::text) from gathering_attendance_counts x where marked > 0) as marks,
        (select json_agg(x order by x::text) from page_feedback_monthly x) as feedback,
        (select json_agg(x order by x::text) from insight_reach_counts x) as reach`;
    const before = rowsOf(await t.db.execute(all));
    await t.db.execute(sql`delete from unit_staff_counts`);
    await t.db.execute(sql`delete from gathering_attendance_counts`);
    await t.db.execute(sql`delete from page_feedback_monthly`);
    await t.db.execute(sql`delete from insight_reach_counts`);
    await recountInsight(t.db);
    expect(rowsOf(await t.db.execute(all))).toEqual(before);
    await same();
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
    expect(html).toContain('role="group" aria-label="Kart over Norge med fylkene.');
    expect(html).toMatch(
      /<a href="\/nb\/innsikt\?utvalg=p1&amp;fylke=42#kart" class="county-map-link" aria-label="Agder: \d+ av \d+ kommuner er med, \d+ %. Se kommunene">/,
    );
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

  it("publishes the open figures as JSON and CSV under NLOD, described by OpenAPI", async () => {
    const slug = "inkluderende-barnehage-og-skolemiljo";
    const res = await t.app.request(`/api/apne-data/v1/tilbud/${slug}.json`);
    expect(res.status).toBe(200);
    const raw = await res.text();
    const data = JSON.parse(raw);
    expect(data.licence.url).toBe("https://data.norge.no/nlod/no/2.0");
    expect(data.cohorts.map((k: { number: number }) => k.number)).toEqual([1, 2]);
    const first = data.cohorts[0];
    expect(first.chain.accepted).toBeGreaterThan(0);
    // The chain's yes and the municipalities taking part are the same municipalities.
    expect(
      first.counties.reduce(
        (a: number, c: { municipalitiesTakingPart: number }) => a + c.municipalitiesTakingPart,
        0,
      ),
    ).toBe(first.chain.accepted);
    // No personal data, no free text: no e-mail addresses, no names of people, no counts of staff.
    expect(raw).not.toMatch(/@|staff|ansatte/i);
    const csv = await (await t.app.request(`/api/apne-data/v1/tilbud/${slug}/fylker.csv`)).text();
    expect(csv.split("\r\n")[0]).toBe(
      "pulje;fylkesnummer;fylke;kommuner_med;kommuner;barnehager_med;barnehager;skoler_med;skoler",
    );
    const api = await (await t.app.request("/api/apne-data/v1/openapi.json")).json();
    expect(api.openapi).toBe("3.1.0");
    expect(api.info.license.name).toContain("NLOD");
    expect((await t.app.request("/api/apne-data/v1/tilbud/finnes-ikke.json")).status).toBe(404);
    expect((await t.app.request(`/api/apne-data/v1/tilbud/${slug}/annet.csv`)).status).toBe(404);
    const programme = await (await t.app.request(`/nb/tilbud/${slug}`)).text();
    expect(programme).toContain(`href="/nb/apne-data/${slug}"`);
    expect((await t.app.request(`/nn/apne-data/${slug}`)).status).toBe(200);
  });

  it("writes the annual report as a print page and a PDF whose text can be extracted", async () => {
    const page = await as.get("/nn/innsikt/arsrapport?utvalg=p1&aar=2017", "ada");
    expect(page.status).toBe(200);
    const html = await text(page);
    expect(html).toContain("Årsrapport 2017:");
    expect(html).toContain("Deltaking per fylke");
    const pdf = await as.get("/nb/innsikt/arsrapport.pdf?utvalg=p1&aar=2017", "ada");
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const doc = await getDocument({
      data: new Uint8Array(await pdf.arrayBuffer()),
      useSystemFonts: false,
    }).promise;
    let all = "";
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      all += content.items.map((i) => ("str" in i ? i.str : "")).join(" ");
    }
    // The charts drawn in: tagged figures with their text alternatives, their labels as text.
    const tree = JSON.stringify(await (await doc.getPage(1)).getStructTree());
    expect(tree).toMatch(
      /"role":"Figure","children":\[[^\]]*\],"alt":"Stolpediagram, Deltakelse per fylke: /,
    );
    const ops = await (await doc.getPage(1)).getOperatorList();
    expect(ops.fnArray.length).toBeGreaterThan(100);
    expect(all).toContain("Årsrapport 2017");
    expect(all).toContain("Deltakelse per fylke");
    expect(all).toContain("Samlinger");
    expect((await as.get("/en/innsikt/arsrapport", "ada")).status).toBe(404);
    expect((await as.get("/nb/innsikt/arsrapport.pdf", "sverre")).status).toBe(403);
  });
});
