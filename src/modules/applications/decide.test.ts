import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbKind, databaseKinds, freshDatabase } from "../../../tests/support/db";
import { demoPeopleIds } from "../../../tests/support/people";
import type { Database } from "../../db/client";
import { jobs } from "../../kernel/schema";
import { demoEmail } from "../identity";
import { setWrittenStandard } from "../organisations";
import type { Answers } from "./answers";
import { assessmentsFor, nameAssessor, saveAssessment } from "./assess";
import { decide, withdrawApplication } from "./decide";
import { fingerprint, saveAnswers, startApplication } from "./drafts";
import { saveForm } from "./forms";
import { fubApplicationForm } from "./fub-form";
import {
  addActivity,
  markActivityDone,
  participationOfApplication,
  planOf,
  recordGuidance,
  recordOwnCost,
  setPlanPeriod,
} from "./plan";
import { openRound } from "./rounds";
import { applications, participations } from "./schema";
import { submitApplication } from "./submit";

const PROGRAMME = 2;
const DEMO_MUNICIPALITY = "4204"; // Kristiansand, where Kari is coordinator
const BASE = "https://samspill.example";
const OTHERS = ["4201", "4202", "4203"]; // Risør, Grimstad, Arendal

const text = (value: string) => ({ kind: "text" as const, value });
const complete: Answers = {
  hvorfor: text("Vi vil bli bedre på foreldremøter."),
  malgruppe: { kind: "choices", values: ["skole"] },
  ledelse: text("Kommunalsjefen leder arbeidet."),
  struktur: text("Fast sak på ledermøtene."),
  foreldreutvalg: text("ja"),
  periode: { kind: "range", from: "2027-08-01", to: "2029-01-31" },
  form: text("physical"),
  aktiviteter: {
    kind: "rows",
    rows: [{ kind: "training-day", mode: "physical", count: "2", when: "", note: "" }],
  },
  enheter: text("4"),
  forpliktelser: { kind: "choices", values: ["tid", "kostnader"] },
};

describe.each(databaseKinds)("assessing and deciding (%s)", (kind: DbKind) => {
  let database: Database;
  let ids: Record<string, number>;
  let roundId: number;
  const apps: Record<string, number> = {};
  const now = new Date("2027-03-01T09:00:00Z");
  const as = (person: string, at = now) => ({ personId: ids[person]!, now: at, baseUrl: BASE });

  beforeAll(async () => {
    database = await freshDatabase(kind, "people");
    ids = await demoPeopleIds(database.db, ["frida", "kari", "siv"]);
    await saveForm(
      database.db,
      { programmeId: PROGRAMME, definition: fubApplicationForm },
      as("frida"),
    );
    const round = await openRound(
      database.db,
      {
        cohortId: 4242,
        programmeId: PROGRAMME,
        deadline: "2027-03-15",
        criteria: [
          { id: "forankring", label: { nb: "Forankring", nn: "Forankring" }, maxScore: 5 },
          { id: "plan", label: { nb: "Plan", nn: "Plan" }, maxScore: 5 },
        ],
      },
      as("frida"),
    );
    if (!round.ok) throw new Error("no round");
    roundId = round.roundId;
    await setWrittenStandard(database.db, "municipality", DEMO_MUNICIPALITY, "nn", {
      personId: ids.frida!,
      now,
    });
    for (const code of [DEMO_MUNICIPALITY, ...OTHERS]) {
      const started = await startApplication(
        database.db,
        { roundId, municipalityCode: code },
        as("kari"),
      );
      if (!started.ok) throw new Error("not started");
      apps[code] = started.applicationId;
      const seen = Object.fromEntries(
        Object.keys(complete).map((k) => [k, fingerprint(undefined)]),
      );
      await saveAnswers(
        database.db,
        {
          applicationId: started.applicationId,
          answers: complete,
          seen,
          questionIds: Object.keys(complete),
        },
        as("kari"),
      );
      const receipt = await submitApplication(
        database.db,
        { applicationId: started.applicationId },
        as("kari"),
      );
      if (!receipt.ok) throw new Error(JSON.stringify(receipt.errors));
    }
    await nameAssessor(database.db, { roundId, personId: ids.siv! }, as("frida"));
    await nameAssessor(database.db, { roundId, personId: ids.kari! }, as("frida"));
  });
  afterAll(() => database.close());

  it("refuses an assessor scoring their own municipality, and anyone not named", async () => {
    const own = await saveAssessment(
      database.db,
      {
        applicationId: apps[DEMO_MUNICIPALITY]!,
        conflict: false,
        conflictNote: "",
        scores: { forankring: { score: "5", comment: "" } },
        comment: "",
        proposal: "granted",
        submit: true,
      },
      as("kari"),
    );
    expect(own).toEqual({ ok: false, errors: { conflict: { code: "ownMunicipality" } } });
    const notNamed = await saveAssessment(
      database.db,
      {
        applicationId: apps["4201"]!,
        conflict: false,
        conflictNote: "",
        scores: {},
        comment: "",
        proposal: "",
        submit: false,
      },
      as("frida"),
    );
    expect(notNamed).toEqual({ ok: false, errors: { application: { code: "notAssessor" } } });
  });

  it("checks scores against the criteria, and shows others' scores only after one's own", async () => {
    const app = apps["4201"]!;
    const bad = await saveAssessment(
      database.db,
      {
        applicationId: app,
        conflict: false,
        conflictNote: "",
        scores: { forankring: { score: "9", comment: "" } },
        comment: "",
        proposal: "",
        submit: true,
      },
      as("siv"),
    );
    expect(bad).toEqual({
      ok: false,
      errors: {
        "score-forankring": { code: "score", params: { max: 5 } },
        "score-plan": { code: "score", params: { max: 5 } },
        proposal: { code: "choice" },
      },
    });
    const kariFirst = await saveAssessment(
      database.db,
      {
        applicationId: app,
        conflict: false,
        conflictNote: "",
        scores: { forankring: { score: "3", comment: "Ok" }, plan: { score: "4", comment: "" } },
        comment: "",
        proposal: "waitlisted",
        submit: true,
      },
      as("kari"),
    );
    expect(kariFirst.ok).toBe(true);
    expect((await assessmentsFor(database.db, app, ids.siv!)).others).toEqual([]);
    await saveAssessment(
      database.db,
      {
        applicationId: app,
        conflict: false,
        conflictNote: "",
        scores: { forankring: { score: "4", comment: "" }, plan: { score: "5", comment: "" } },
        comment: "God søknad",
        proposal: "granted",
        submit: true,
      },
      as("siv"),
    );
    const seen = await assessmentsFor(database.db, app, ids.siv!);
    expect(seen.others.map((a) => a.scores)).toEqual([
      { forankring: { score: 3, comment: "Ok" }, plan: { score: 4, comment: "" } },
    ]);
  });

  it("decides with a reason, keeps a waiting list, and moves it up when a granted one withdraws", async () => {
    const noReason = await decide(
      database.db,
      { applicationId: apps[DEMO_MUNICIPALITY]!, decision: "granted", reason: " " },
      as("frida"),
    );
    expect(noReason).toEqual({ ok: false, errors: { reason: { code: "required" } } });

    const granted = await decide(
      database.db,
      { applicationId: apps[DEMO_MUNICIPALITY]!, decision: "granted", reason: "Godt forankret." },
      as("frida"),
    );
    expect(granted).toEqual({ ok: true, state: "granted" });
    const [plan] = await database.db
      .select()
      .from(participations)
      .where(eq(participations.applicationId, apps[DEMO_MUNICIPALITY]!));
    expect(plan).toMatchObject({
      municipalityCode: DEMO_MUNICIPALITY,
      startsOn: "2027-08-01",
      months: 18,
    });

    // The letter goes to Kari in Kristiansand's written standard (nynorsk), linking to our base.
    const letters = await database.db
      .select({ payload: jobs.payload })
      .from(jobs)
      .where(
        sql`${jobs.idempotencyKey} like ${`application-decision:${apps[DEMO_MUNICIPALITY]}:%`}`,
      );
    expect(letters).toHaveLength(1);
    expect(letters[0]!.payload).toMatchObject({
      to: demoEmail("kari"),
      subject: "Søknaden er innvilga",
    });
    expect((letters[0]!.payload as { text: string }).text).toContain(
      `${BASE}/nn/soknader/${apps[DEMO_MUNICIPALITY]}`,
    );

    for (const code of ["4201", "4202"]) {
      const r = await decide(
        database.db,
        { applicationId: apps[code]!, decision: "waitlisted", reason: "Mange søkere." },
        as("frida"),
      );
      expect(r.ok).toBe(true);
    }
    const withdrawn = await withdrawApplication(
      database.db,
      { applicationId: apps[DEMO_MUNICIPALITY]! },
      as("kari"),
    );
    expect(withdrawn).toEqual({ ok: true, promoted: apps["4201"] });
    const states = await database.db
      .select({
        id: applications.id,
        state: applications.state,
        pos: applications.waitlistPosition,
      })
      .from(applications)
      .where(eq(applications.roundId, roundId));
    const byId = new Map(states.map((s) => [s.id, s]));
    expect(byId.get(apps[DEMO_MUNICIPALITY]!)?.state).toBe("withdrawn");
    expect(byId.get(apps["4201"]!)).toMatchObject({ state: "granted", pos: null });
    expect(byId.get(apps["4202"]!)).toMatchObject({ state: "waitlisted", pos: 2 });
  });

  it("follows a granted municipality's tailored plan: activities done, guidance, own costs", async () => {
    const plan = await participationOfApplication(database.db, apps["4201"]!);
    expect(plan).not.toBeNull();
    const id = plan!.id;
    const period = await setPlanPeriod(database.db, {
      participationId: id,
      startsOn: "2027-08-01",
      months: "30",
    });
    expect(period).toEqual({
      ok: false,
      errors: { months: { code: "months", params: { min: 12, max: 24 } } },
    });
    const bad = await addActivity(database.db, {
      participationId: id,
      kind: "party",
      mode: "digital",
      plannedOn: "2027-02-30",
      units: [],
      note: "",
    });
    expect(bad.ok ? [] : Object.keys(bad.errors).sort()).toEqual(["kind", "plannedOn"]);
    const added = await addActivity(database.db, {
      participationId: id,
      kind: "parent-meeting",
      mode: "digital",
      plannedOn: "2027-09-10",
      units: ["974767880"],
      note: "Felles foreldremøte",
    });
    if (!added.ok) throw new Error("not added");
    expect(
      await markActivityDone(
        database.db,
        { participationId: id, activityId: added.id },
        as("kari"),
      ),
    ).toEqual({ ok: true });
    expect(
      await markActivityDone(
        database.db,
        { participationId: id, activityId: added.id },
        as("frida"),
      ),
    ).toEqual({
      ok: false,
      errors: { activity: { code: "alreadyDone" } },
    });
    expect(
      await recordGuidance(
        database.db,
        {
          participationId: id,
          givenOn: "2027-09-01",
          mode: "digital",
          topics: "Planlegging",
          note: "",
        },
        as("frida"),
      ),
    ).toEqual({ ok: true });
    expect(
      await recordOwnCost(
        database.db,
        { participationId: id, kind: "venue", amount: "12 500", note: "" },
        as("kari"),
      ),
    ).toEqual({ ok: true });
    expect(
      await recordOwnCost(
        database.db,
        { participationId: id, kind: "venue", amount: "-3", note: "" },
        as("kari"),
      ),
    ).toEqual({ ok: false, errors: { amount: { code: "amount" } } });
    const all = await planOf(database.db, id);
    expect(all.activities).toMatchObject([{ kind: "parent-meeting", doneBy: ids.kari }]);
    expect(all.guidance).toMatchObject([{ topics: "Planlegging", recordedBy: ids.frida }]);
    expect(all.costs).toMatchObject([{ kind: "venue", amount: 12500 }]);
  });
});
