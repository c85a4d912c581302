import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { enrolInCohort3, unitOf } from "../../../tests/support/development";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { osloToday } from "../../kernel/clock";
import { followUpsOf } from "./follow-up";

const text = async (res: Response) =>
  (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe.each(databaseKinds)("the resource person's follow-up log (%s)", (kind) => {
  let t: TestApp;
  let as: ReturnType<typeof requestsAs>;
  let school = "";
  let cohort = 0;
  let page = "";
  let today = "";

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    const ids = await demoPeopleIds(t.db, ["siv", "kari", "rune", "sverre"]);
    as = requestsAs(() => t, ids);
    school = await unitOf(t.db, ids.sverre!);
    cohort = await enrolInCohort3(t.db, [school], t.clock.now());
    page = `/nb/oppfolging/${cohort}/${school}`;
    today = osloToday(t.clock.now());
  });
  afterAll(() => t?.close());

  it("lists the municipality's enrolled units, never followed up, under any number of weeks", async () => {
    const list = await as.get("/nb/oppfolging", "rune");
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain(`/nb/oppfolging/${cohort}/${school}`);
    expect(await text(await as.get("/nb/oppfolging?uker=4", "rune"))).toContain("Aldri");
    // An unknown filter is no filter.
    expect((await as.get("/nb/oppfolging?uker=x", "rune")).status).toBe(200);
  });

  it("refuses a bad duration, a missing topic and a date ahead, keeping what was typed", async () => {
    const bad = await as.post(page, "rune", {
      kind: "visit",
      heldOn: today,
      minutes: "abc",
      topics: "",
      note: "Samtale med ledergruppa",
    });
    expect(bad.status).toBe(422);
    const body = await text(bad);
    expect(body).toContain("Skriv varigheten som et helt antall minutter");
    expect(body).toContain("Fyll ut tema");
    expect(
      await (
        await as.post(page, "rune", { kind: "visit", heldOn: today, minutes: "abc", topics: "" })
      ).text(),
    ).toContain('value="abc"');
    const ahead = await as.post(page, "rune", {
      kind: "visit",
      heldOn: "2099-01-01",
      minutes: "60",
      topics: "Oppstart",
    });
    expect(ahead.status).toBe(422);
    expect(await text(ahead)).toContain("Datoen kan ikke være fram i tid");
    expect(await followUpsOf(t.db, cohort, school)).toEqual([]);
  });

  it("logs a follow-up, which then shows as the last one and leaves the overdue filter", async () => {
    const res = await as.post(page, "rune", {
      kind: "guidance",
      heldOn: today,
      minutes: "90",
      topics: "Kartlegging av skolemiljøet",
      note: "Ledergruppa har laget en plan for høsten.",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${page}?lagret=1`);
    const [logged] = await followUpsOf(t.db, cohort, school);
    expect([logged?.kind, logged?.minutes, logged?.municipalityCode]).toEqual([
      "guidance",
      90,
      "4204",
    ]);
    expect(await text(await as.get(`${page}?lagret=1`, "rune"))).toContain(
      "Oppfølgingen er lagret.",
    );
    expect(await (await as.get("/nb/oppfolging?uker=2", "rune")).text()).not.toContain(
      `/nb/oppfolging/${cohort}/${school}`,
    );
  });

  it("warns about a child in the note, and is the resource person's alone", async () => {
    const warned = await as.post(page, "rune", {
      kind: "visit",
      heldOn: today,
      minutes: "30",
      topics: "Besøk",
      note: "Gutten i 5A med ADHD hadde en vanskelig dag.",
    });
    expect(warned.status).toBe(422);
    expect(await text(warned)).toContain("Sjekk dette før du sender");
    for (const who of ["kari", "siv", "sverre"]) {
      expect((await as.get("/nb/oppfolging", who)).status).toBe(403);
      expect((await as.post(page, who, {})).status).toBe(403);
    }
    expect((await as.get(`/nb/oppfolging/${cohort}/999999999`, "rune")).status).toBe(404);
  });
});
