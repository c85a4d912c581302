import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { IBS, programmeIdOf } from "../../../tests/support/cohorts";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { cohortIdOf } from "../cohorts";
import { gatheringInput } from "./factories";
import { createGathering, gatheringById, registrationCounts, sessionsOf } from "./gatherings";
import { register } from "./registration";
import { gatherings } from "./schema";

const text = async (res: Response) =>
  (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const WEEK = 7 * 86_400_000;

describe.each(databaseKinds)("copying a gathering (%s)", (kind) => {
  let t: TestApp;
  let ids: Record<string, number>;
  let as: ReturnType<typeof requestsAs>;
  let source = 0;
  let cohort3 = 0;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    ids = await demoPeopleIds(t.db, ["ada", "siv", "kari"]);
    as = requestsAs(() => t, ids);
    const programme = await programmeIdOf(t.db, IBS);
    cohort3 = (await cohortIdOf(t.db, programme, 3))!;
    const made = await createGathering(
      t.db,
      gatheringInput(programme, { titleNb: "Samling som kopieres", capacity: 40 }),
      { personId: ids.ada!, now: t.clock.now(), baseUrl: "http://localhost" },
    );
    if (!made.ok) throw new Error("no gathering");
    source = made.gatheringId;
    const r = await register(
      t.db,
      { gatheringId: source, personId: ids.kari!, sessionIds: [] },
      { personId: ids.kari!, now: t.clock.now(), baseUrl: "http://localhost" },
    );
    expect(r.ok).toBe(true);
  });
  afterAll(() => t?.close());

  it("copies texts, place, capacity and agenda to another cohort a week later, without registrations, and opens the copy in the form", async () => {
    const page = await text(await as.get(`/nb/admin/samlinger/${source}/kopi`, "ada"));
    expect(page).toContain("Kopier samlingen: Samling som kopieres");
    expect(page).toContain("Pulje 3");
    const g = (await gatheringById(t.db, source))!;
    const res = await as.post(`/nb/admin/samlinger/${source}/kopi`, "ada", {
      cohort: String(cohort3),
      startsAt: "17.2.2027 09:00",
    });
    expect(res.status).toBe(303);
    const location = res.headers.get("location")!;
    const copyId = Number(
      /\/nb\/admin\/samlinger\/([0-9]+)\?melding=opprettet$/.exec(location)![1],
    );
    expect(copyId).not.toBe(source);
    const copy = (await gatheringById(t.db, copyId))!;
    expect(copy.cohortId).toBe(cohort3);
    expect(copy.titleNb).toBe("Samling som kopieres");
    expect(copy.capacity).toBe(40);
    expect(copy.venue).toBe(g.venue);
    expect(copy.startsAt.getTime() - g.startsAt.getTime()).toBe(WEEK);
    expect(copy.registrationClosesAt.getTime() - g.registrationClosesAt.getTime()).toBe(WEEK);
    expect(copy.registrationOpensAt.getTime() - g.registrationOpensAt.getTime()).toBe(WEEK);
    const [before, after] = [await sessionsOf(t.db, source), await sessionsOf(t.db, copyId)];
    expect(after.map((s) => s.titleNb)).toEqual(before.map((s) => s.titleNb));
    expect(after[0]!.startsAt.getTime() - before[0]!.startsAt.getTime()).toBe(WEEK);
    expect(await registrationCounts(t.db, copyId)).toEqual({
      confirmed: 0,
      offered: 0,
      waiting: 0,
    });
    expect(copy.seatsHeld).toBe(0);
    const form = await text(await as.get(location, "ada"));
    expect(form).toContain("Endre samling: Samling som kopieres");
  });

  it("refuses a cohort outside the organiser's reach, a malformed start, and other organisers", async () => {
    const n = (await t.db.select().from(gatherings)).length;
    const outside = await as.post(`/nb/admin/samlinger/${source}/kopi`, "ada", {
      cohort: "999999",
      startsAt: "17.2.2027 09:00",
    });
    expect(outside.status).toBe(422);
    expect(await text(outside)).toContain("Velg pulje for kopien");
    const bad = await as.post(`/nb/admin/samlinger/${source}/kopi`, "ada", {
      cohort: "",
      startsAt: "i morgen",
    });
    expect(bad.status).toBe(422);
    const body = await bad.text();
    expect(body).toContain('value="i morgen"');
    expect((await t.db.select().from(gatherings).where(eq(gatherings.titleNb, "x"))).length).toBe(
      0,
    );
    expect((await t.db.select().from(gatherings)).length).toBe(n);
    expect(
      (await as.post(`/nb/admin/samlinger/${source}/kopi`, "siv", { cohort: "" })).status,
    ).toBe(403);
  });
});
