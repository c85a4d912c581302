import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, freshDatabase } from "../../../tests/support/db";
import { TEMPLATE_CLOCK, TEMPLATE_DATE } from "../../../tests/support/templates";
import type { Database } from "../../db/client";
import { demoPersonId } from "../identity";
import { programmesOwnedBy } from "../programmes";
import { applicationsDemo } from "./demo";
import { planOf } from "./plan";
import { isOpen } from "./rounds";
import {
  applicationFiles,
  applicationForms,
  applicationRounds,
  applicationSubmissions,
  applications,
  assessments,
  participations,
  roundAssessors,
} from "./schema";
import { contentHashOf } from "./submit";

describe.each(databaseKinds)("the applications' demo on %s", (kind) => {
  let database: Database;
  beforeAll(async () => {
    // The template is seeded as db/seed.ts seeds it: every module's data, then the people.
    database = await freshDatabase(kind, "people");
  });
  afterAll(() => database.close());

  it("gives FUB/FUG's programme the form and two rounds, the second open today", async () => {
    const db = database.db;
    expect(await applicationsDemo.seeded!(db)).toBe(true);
    const [fub] = await programmesOwnedBy(db, ["fub"]);
    const forms = await db
      .select()
      .from(applicationForms)
      .where(eq(applicationForms.programmeId, fub!.id));
    expect(forms).toHaveLength(1);
    expect(forms[0]!.publishedAt).not.toBeNull();
    const rounds = await db
      .select()
      .from(applicationRounds)
      .where(eq(applicationRounds.programmeId, fub!.id))
      .orderBy(applicationRounds.deadline);
    expect(rounds.map((r) => isOpen(r, TEMPLATE_CLOCK))).toEqual([false, true]);
  });

  it("has drafts, submissions and every kind of decision, from different municipalities", async () => {
    const rows = await database.db.select().from(applications);
    const states = rows.map((r) => r.state).sort();
    expect(states).toEqual([
      "declined",
      "draft",
      "draft",
      "granted",
      "granted",
      "granted",
      "submitted",
      "submitted",
      "submitted",
      "waitlisted",
    ]);
    expect(new Set(rows.map((r) => r.municipalityCode)).size).toBe(9);
    // Each submitted one as submitting would have stored it: its receipt's hash matches.
    const sent = await database.db.select().from(applicationSubmissions);
    expect(sent).toHaveLength(8);
    for (const s of sent) {
      const app = rows.find((r) => r.id === s.applicationId)!;
      expect(contentHashOf(s.formId, s.answers)).toBe(app.contentHash);
      expect(s.contentHash).toBe(app.contentHash);
    }
    // One sent the council's decision along: a file whose row says what the answer says.
    const withFile = sent.filter((s) => s.answers.vedlegg?.kind === "file");
    expect(withFile).toHaveLength(1);
    const answer = withFile[0]!.answers.vedlegg!;
    const files = await database.db.select().from(applicationFiles);
    expect(files).toHaveLength(1);
    expect(answer.kind === "file" && answer.file).toMatchObject({
      fileId: files[0]!.id,
      name: files[0]!.name,
      type: "application/pdf",
      sha256: files[0]!.sha256,
    });
    expect(files[0]!.applicationId).toBe(withFile[0]!.applicationId);
  });

  it("grants Kristiansand, whose tailored plan is under way", async () => {
    const db = database.db;
    const [kristiansand] = await db
      .select()
      .from(participations)
      .where(eq(participations.municipalityCode, "4204"));
    expect(kristiansand!.months).toBeGreaterThanOrEqual(12);
    expect(kristiansand!.months).toBeLessThanOrEqual(24);
    expect(kristiansand!.startsOn < TEMPLATE_DATE).toBe(true);
    const [round] = await db
      .select()
      .from(applicationRounds)
      .where(eq(applicationRounds.cohortId, kristiansand!.cohortId));
    expect(round!.deadline < TEMPLATE_CLOCK).toBe(true);
    const plan = await planOf(db, kristiansand!.id);
    expect(plan.activities.filter((a) => a.doneAt !== null)).toHaveLength(2);
    expect(plan.activities.filter((a) => a.doneAt === null).length).toBeGreaterThan(1);
    expect(plan.activities.some((a) => a.units.length > 0)).toBe(true);
    expect(plan.guidance).toHaveLength(2);
    expect(plan.costs.map((c) => c.amount)).toEqual([4500, 18_000, 2350, 15_600]);
    expect(plan.costs.map((c) => c.estimate)).toEqual([false, false, false, true]);
  });

  it("names the demo assessor to both rounds, with one assessment given and one begun", async () => {
    const db = database.db;
    const vera = await demoPersonId(db, "vera");
    expect(vera).not.toBeNull();
    const named = await db.select().from(roundAssessors).where(eq(roundAssessors.personId, vera!));
    expect(named).toHaveLength(2);
    const given = await db.select().from(assessments).where(eq(assessments.personId, vera!));
    expect(given.map((a) => a.submittedAt !== null).sort()).toEqual([false, true]);
    // Every start runs the people step: the second time changes nothing.
    await applicationsDemo.people!(db, new Date(TEMPLATE_CLOCK.getTime() + 60_000));
    expect(await db.select().from(assessments)).toHaveLength(2);
    expect(await db.select().from(roundAssessors)).toHaveLength(2);
  });
});
