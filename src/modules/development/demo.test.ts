import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { ibsCohort3 } from "../../../tests/support/development";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { lastFollowUps } from "./follow-up";
import { developmentPlans } from "./schema";

const text = async (res: Response) =>
  (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe.each(databaseKinds)("the development demo (%s)", (kind) => {
  let t: TestApp;
  let as: ReturnType<typeof requestsAs>;
  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    as = requestsAs(() => t, await demoPeopleIds(t.db, ["siv", "ada"]));
  });
  afterAll(() => t?.close());

  it("has a plan for every unit of cohort 3, in different phases, and a log with one overdue", async () => {
    const { cohortId } = await ibsCohort3(t.db);
    const plans = await t.db
      .select()
      .from(developmentPlans)
      .where(eq(developmentPlans.cohortId, cohortId));
    expect(plans.length).toBe(4);
    expect(new Set(plans.map((p) => p.phase)).size).toBe(4);
    const last = await lastFollowUps(
      t.db,
      plans.map((p) => p.unitOrgNumber),
    );
    expect(last.size).toBe(3);
    const body = await text(
      await as.get(`/nb/utviklingsarbeid/framdrift?pulje=${cohortId}`, "siv"),
    );
    expect(body).toContain("Arendal");
    expect(body).toContain("Kartlegging av nå-situasjonen: 1");
    expect(
      (await as.get("/nb/admin/rammeverk/inkluderende-barnehage-og-skolemiljo", "ada")).status,
    ).toBe(200);
  });
});
