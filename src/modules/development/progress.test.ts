import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { enrolInCohort3, heldGathering, unitOf } from "../../../tests/support/development";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { municipalityProgress, municipalityProgressOf, unitProgress } from "./progress";

const text = async (res: Response) =>
  (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe.each(databaseKinds)("progress of the development work (%s)", (kind) => {
  let t: TestApp;
  let as: ReturnType<typeof requestsAs>;
  let school = "";
  let cohort = 0;
  const progress = () => `/nb/utviklingsarbeid/framdrift?pulje=${cohort}`;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    const ids = await demoPeopleIds(t.db, ["ada", "frida", "siv", "kari", "rune", "sverre"]);
    as = requestsAs(() => t, ids);
    school = await unitOf(t.db, ids.sverre!);
    cohort = await enrolInCohort3(t.db, [school], t.clock.now());
    const held = await heldGathering(t.db, "2026-10-15", "Nasjonal samling i oktober");
    const page = `/nb/utviklingsarbeid/${cohort}/${school}`;
    const ok = async (res: Promise<Response>) => expect((await res).status).toBe(303);
    await ok(
      as.post(`${page}/plan`, "sverre", { version: "0", phase: "2", goals: "Hemmelig mål" }),
    );
    for (const status of ["planned", "under-way", "under-way", "done"])
      await ok(
        as.post(`${page}/tiltak`, "sverre", {
          what: "Tiltak",
          responsible: "Alle lærere",
          due: "våren",
          status,
        }),
      );
    const reflection = { gathering: String(held), saw: "Vi så mye.", next: "Videre." };
    await ok(
      as.post(`${page}/refleksjon`, "sverre", { ...reflection, tried: "Privat refleksjon" }),
    );
    await ok(
      as.post(`${page}/refleksjon`, "sverre", {
        ...reflection,
        tried: "Delt refleksjon",
        shared: "yes",
      }),
    );
    await ok(
      as.post(`/nb/oppfolging/${cohort}/${school}`, "rune", {
        kind: "visit",
        heldOn: "2026-11-02",
        minutes: "60",
        topics: "Oppstart",
      }),
    );
  });
  afterAll(() => t?.close());

  it("counts per unit and per municipality in SQL", async () => {
    const [unit] = await unitProgress(t.db, cohort, ["4204"]);
    expect(unit).toMatchObject({
      orgNumber: school,
      phase: "2",
      planned: 1,
      underWay: 2,
      done: 1,
      dropped: 0,
      reflections: 2,
      shared: 1,
      followUps: 1,
      lastFollowUp: "2026-11-02",
    });
    const m = (await municipalityProgress(t.db, cohort, null)).find(
      (r) => r.municipalityCode === "4204",
    );
    expect(m).toMatchObject({
      municipalityCode: "4204",
      units: 1,
      phases: { "2": 1 },
      underWay: 2,
    });
    expect(await unitProgress(t.db, cohort, ["4201"])).toEqual([]);
    expect((await unitProgress(t.db, cohort, ["4203"])).length).toBe(4);
  });

  it("sums each municipality in SQL as its units add up, and pages the units", async () => {
    const every = await unitProgress(t.db, cohort, null);
    expect(every.length).toBeGreaterThan(4);
    expect(await municipalityProgress(t.db, cohort, null)).toEqual(municipalityProgressOf(every));
    const second = await unitProgress(t.db, cohort, null, undefined, { limit: 2, offset: 2 });
    expect(second).toEqual(every.slice(2, 4));
  });

  it("shows the municipality its units with links to their plans", async () => {
    const res = await as.get(progress(), "kari");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`/nb/utviklingsarbeid/${cohort}/${school}`);
    expect(html).not.toContain("Delt refleksjon");
  });

  it("shows the county office and the programme figures, and only the texts a unit shared", async () => {
    for (const who of ["siv", "ada"]) {
      const body = await text(await as.get(progress(), who));
      expect(body).toContain("Kristiansand");
      expect(body).toContain("Delt refleksjon");
      expect(body).not.toContain("Privat refleksjon");
      expect(body).not.toContain("Hemmelig mål");
    }
    // FUB/FUG's admin follows only FUB/FUG's programmes: IBS's cohort is not hers.
    expect(await text(await as.get(progress(), "frida"))).not.toContain("Kristiansand");
  });

  it("exports the per-unit figures as CSV and XLSX", async () => {
    const csv = await as.get(`/nb/utviklingsarbeid/framdrift.csv?pulje=${cohort}`, "siv");
    expect(csv.status).toBe(200);
    const body = await csv.text();
    expect(body.split("\r\n")[0]).toContain("Kommune;Enhet;Organisasjonsnummer;Fase");
    expect(body).toContain(`;${school};`);
    const xlsx = await as.get(`/nb/utviklingsarbeid/framdrift.xlsx?pulje=${cohort}`, "kari");
    expect(xlsx.status).toBe(200);
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(
      new Uint8Array([0x50, 0x4b]),
    );
  });

  it("is refused to those who follow no progress", async () => {
    for (const who of ["rune", "sverre"]) expect((await as.get(progress(), who)).status).toBe(403);
  });

  it("keeps the counted figures when measures, reflections and follow-ups change or go", async () => {
    const plan = sql`(select id from development_plans where cohort_id = ${cohort} and unit_org_number = ${school})`;
    await t.db.execute(
      sql`update development_measures set status = 'dropped' where plan_id = ${plan} and status = 'planned'`,
    );
    await t.db.execute(
      sql`update development_reflections set shared = true where plan_id = ${plan}`,
    );
    await t.db.execute(
      sql`delete from development_follow_ups where cohort_id = ${cohort} and unit_org_number = ${school}`,
    );
    const [unit] = await unitProgress(t.db, cohort, ["4204"]);
    expect(unit).toMatchObject({
      planned: 0,
      underWay: 2,
      done: 1,
      dropped: 1,
      reflections: 2,
      shared: 2,
      followUps: 0,
      lastFollowUp: null,
    });
  });
});
