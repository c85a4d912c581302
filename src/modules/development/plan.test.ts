import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { enrolInCohort3, heldGathering, unitOf } from "../../../tests/support/development";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { auditLog } from "../identity/schema";
import { planOf } from "./plan";
import { developmentPlanVersions } from "./schema";

const text = async (res: Response) =>
  (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe.each(databaseKinds)("a unit's development plan (%s)", (kind) => {
  let t: TestApp;
  let as: ReturnType<typeof requestsAs>;
  let ids: Record<string, number>;
  let school = "";
  let cohort = 0;
  let held = 0;
  let page = "";

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    ids = await demoPeopleIds(t.db, ["ada", "siv", "kari", "rune", "bente", "sverre", "stine"]);
    as = requestsAs(() => t, ids);
    school = await unitOf(t.db, ids.sverre!);
    cohort = await enrolInCohort3(t.db, [school], t.clock.now());
    held = await heldGathering(t.db, "2026-10-15", "Nasjonal samling i oktober");
    page = `/nb/utviklingsarbeid/${cohort}/${school}`;
  });
  afterAll(() => t?.close());

  it("is written by the unit's leader, each save a version, read by the staff and the municipality", async () => {
    const res = await as.post(`${page}/plan`, "sverre", {
      version: "0",
      phase: "1",
      "score-1": "2",
      "assessment-1-text": "Vi har lite felles språk om trygge miljøer.",
      goals: "Alle ansatte kjenner aktivitetsplikten.",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${page}?lagret=plan#plan-heading`);
    const second = await as.post(`${page}/plan`, "sverre", {
      version: "1",
      phase: "2",
      "score-1": "3",
      goals: "Alle ansatte kjenner og bruker aktivitetsplikten.",
    });
    expect(second.status).toBe(303);
    const plan = (await planOf(t.db, cohort, school))!;
    expect([plan.version, plan.phase, plan.selfAssessment["1"]?.score]).toEqual([2, "2", 3]);
    const versions = await t.db
      .select()
      .from(developmentPlanVersions)
      .where(eq(developmentPlanVersions.planId, plan.id));
    expect(versions.map((v) => v.goals).sort()).toEqual([
      "Alle ansatte kjenner aktivitetsplikten.",
      "Alle ansatte kjenner og bruker aktivitetsplikten.",
    ]);
    for (const who of ["stine", "kari", "rune"]) {
      const read = await as.get(page, who);
      expect(read.status).toBe(200);
      expect(await text(read)).toContain("Alle ansatte kjenner og bruker aktivitetsplikten.");
    }
    expect(await text(await as.get(page, "stine"))).toContain(
      "Det er enhetens leder som endrer den.",
    );
    const list = await text(await as.get("/nb/utviklingsarbeid", "sverre"));
    expect(list).toContain("Tiltak");
    for (const who of ["stine", "kari", "rune"])
      expect((await as.post(`${page}/plan`, who, { version: "2" })).status).toBe(403);
    for (const who of ["bente", "siv", "ada"]) expect((await as.get(page, who)).status).toBe(403);
  });

  it("tells the second of two writers, who keeps what they typed beside what was saved", async () => {
    const res = await as.post(`${page}/plan`, "sverre", {
      version: "1",
      goals: "Min versjon av målene",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Noen andre lagret planen (versjon 2)");
    expect(html).toContain("Min versjon av målene");
    expect(html).toContain("Alle ansatte kjenner og bruker aktivitetsplikten.");
    expect(html).toContain('name="version" value="2"');
    expect((await planOf(t.db, cohort, school))!.version).toBe(2);
  });

  it("refuses a measure without a responsible group, keeps the input, and logs status changes", async () => {
    const bad = await as.post(`${page}/tiltak`, "sverre", {
      what: "Observasjon i friminuttene",
      responsible: "",
      due: "høsten 2027",
      status: "planned",
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain("Skriv hvilken gruppe ansatte som har ansvaret");
    expect(html).toContain("Observasjon i friminuttene");
    const ok = await as.post(`${page}/tiltak`, "sverre", {
      what: "Observasjon i friminuttene",
      responsible: "Alle lærere på mellomtrinnet",
      due: "høsten 2027",
      status: "planned",
    });
    expect(ok.status).toBe(303);
    const shown = await as.get(page, "stine");
    const measureId = /tiltak\/([0-9]+)"/.exec(await (await as.get(page, "sverre")).text())![1]!;
    expect(await text(shown)).toContain("Alle lærere på mellomtrinnet");
    expect(
      (await as.post(`${page}/tiltak/${measureId}`, "sverre", { status: "under-way" })).status,
    ).toBe(303);
    const [row] = await t.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, "development.measure.status"), eq(auditLog.entityId, measureId)),
      );
    expect([row?.before, row?.after]).toEqual([{ status: "planned" }, { status: "under-way" }]);
    expect((await as.post(`${page}/tiltak/999999`, "sverre", { status: "done" })).status).toBe(404);
    expect((await as.post(`${page}/tiltak/${measureId}`, "sverre", { status: "x" })).status).toBe(
      400,
    );
  });

  it("takes a reflection after a gathering held, and refuses one on a gathering not yet held", async () => {
    const gatherings = await t.db.execute(
      "select id from gatherings where title_nb = 'Regional samling i Agder for pulje 3'" as never,
    );
    const upcoming = (gatherings as unknown as { rows: { id: number }[] }).rows[0]!.id;
    const form = {
      tried: "Vi prøvde felles regler for friminuttet.",
      saw: "Færre konflikter ved inngangen.",
      next: "Vi tar det inn i planen for våren.",
    };
    const early = await as.post(`${page}/refleksjon`, "sverre", {
      ...form,
      gathering: String(upcoming),
    });
    expect(early.status).toBe(422);
    const html = await early.text();
    expect(html).toContain("Samlingen eller møtet er ikke holdt ennå");
    expect(html).toContain("Færre konflikter ved inngangen.");
    const ok = await as.post(`${page}/refleksjon`, "sverre", {
      ...form,
      gathering: String(held),
      shared: "yes",
    });
    expect(ok.status).toBe(303);
    const shown = await text(await as.get(page, "stine"));
    expect(shown).toContain("Etter Nasjonal samling i oktober");
    expect(shown).toContain("Delt med Statsforvalteren og direktoratet");
  });

  it("lets the staff comment, warns about a child and refuses an identity number", async () => {
    expect((await as.post(`${page}/kommentar`, "stine", { comment: "Godt tiltak!" })).status).toBe(
      303,
    );
    expect(await text(await as.get(page, "sverre"))).toContain("Godt tiltak!");
    expect((await as.post(`${page}/kommentar`, "kari", { comment: "Fint" })).status).toBe(403);
    const warned = await as.post(`${page}/kommentar`, "stine", {
      comment: "Eleven Jonas i 5A har ADHD og trenger ro.",
    });
    expect(warned.status).toBe(422);
    const html = await warned.text();
    expect(html).toContain("Sjekk dette før du sender");
    expect(html).toContain("Eleven Jonas i 5A har ADHD og trenger ro.");
    const refused = await as.post(`${page}/plan`, "sverre", {
      version: "2",
      goals: "Se 01017010170 for detaljer",
    });
    expect(refused.status).toBe(422);
    expect(await text(refused)).toContain("Ta bort fødselsnummeret");
    expect((await planOf(t.db, cohort, school))!.goals).not.toContain("01017010170");
  });

  it("is not found for a unit not enrolled in the cohort, and 400 for a malformed version", async () => {
    expect((await as.get(`/nb/utviklingsarbeid/${cohort}/999999999`, "sverre")).status).toBe(404);
    expect((await as.post(`${page}/plan`, "sverre", { version: "x" })).status).toBe(400);
  });
});
