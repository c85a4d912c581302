import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbKind, databaseKinds, freshDatabase } from "../../../tests/support/db";
import type { Database } from "../../db/client";
import { endOfOsloDay } from "../../kernel/clock";
import { jobs } from "../../kernel/schema";
import { auditLog } from "../identity/schema";
import type { Answers } from "./answers";
import { answersOf, fingerprint, saveAnswers, startApplication } from "./drafts";
import { latestForm, saveForm } from "./forms";
import { fubApplicationForm } from "./fub-form";
import { RECEIPT_JOB } from "./receipt-mail";
import { openRound } from "./rounds";
import { applicationSubmissions } from "./schema";
import { reopenApplication, submissionOf, submitApplication } from "./submit";

// Ids of rows in other modules' tables: the applications module holds them as plain numbers.
const PROGRAMME = 2;
const KARI = 101; // a municipal coordinator in Kristiansand
const KNUT = 102; // her colleague
const ADA = 1; // FUB/FUG's programme admin
const KRISTIANSAND = "4204";

const text = (value: string) => ({ kind: "text" as const, value });
const choices = (...values: string[]) => ({ kind: "choices" as const, values });

/** FUB/FUG's form answered in full. */
const complete: Answers = {
  hvorfor: text("Vi vil bli bedre på foreldremøter."),
  malgruppe: choices("barnehage"),
  ledelse: text("Kommunalsjefen leder arbeidet."),
  struktur: text("Fast sak på ledermøtene."),
  foreldreutvalg: text("ja"),
  periode: { kind: "range", from: "2027-08-01", to: "2028-07-31" },
  form: text("mostly-digital"),
  aktiviteter: {
    kind: "rows",
    rows: [{ kind: "parent-meeting", mode: "digital", count: "3", when: "", note: "" }],
  },
  enheter: text("8"),
  forpliktelser: choices("tid", "kostnader"),
};

/** Everything a page drew: the fingerprint of each stored answer. */
async function pageSeen(db: Database["db"], applicationId: number) {
  const { answers } = await answersOf(db, applicationId);
  const seen: Record<string, string> = {};
  for (const id of Object.keys(complete)) seen[id] = fingerprint(answers[id]);
  return seen;
}

describe.each(databaseKinds)("an application's life (%s)", (kind: DbKind) => {
  let database: Database;
  let cohort = 1000;
  const at = (iso: string) => ({ personId: ADA, now: new Date(iso) });

  beforeAll(async () => {
    database = await freshDatabase(kind);
  });
  afterAll(() => database.close());

  /** A round of a new cohort with the deadline on `deadline`, and Kristiansand's draft in it. */
  async function draftIn(deadline: string, now = "2027-03-01T09:00:00Z") {
    cohort += 1;
    const round = await openRound(
      database.db,
      { cohortId: cohort, programmeId: PROGRAMME, deadline, criteria: [] },
      at(now),
    );
    if (!round.ok) throw new Error(JSON.stringify(round.errors));
    const app = await startApplication(
      database.db,
      { roundId: round.roundId, municipalityCode: KRISTIANSAND },
      { personId: KARI, now: new Date(now) },
    );
    if (!app.ok) throw new Error("not started");
    return app.applicationId;
  }

  it("keeps a form's published version frozen: saving over it makes the next one", async () => {
    const bad = await saveForm(
      database.db,
      { programmeId: PROGRAMME, definition: { sections: [] } },
      at("2027-02-01T09:00:00Z"),
    );
    expect(bad).toEqual({ ok: false, errors: { sections: { code: expect.any(String) } } });

    const first = await saveForm(
      database.db,
      { programmeId: PROGRAMME, definition: fubApplicationForm },
      at("2027-02-01T09:00:00Z"),
    );
    const again = await saveForm(
      database.db,
      { programmeId: PROGRAMME, definition: fubApplicationForm },
      at("2027-02-02T09:00:00Z"),
    );
    expect(first.ok && again.ok && again.formId === first.formId && again.version === 1).toBe(true);

    await draftIn("2027-03-15"); // opening a round publishes version 1
    const changed = structuredClone(fubApplicationForm);
    changed.sections[0]!.title.nb = "Hvorfor dere søker";
    const next = await saveForm(
      database.db,
      { programmeId: PROGRAMME, definition: changed },
      at("2027-03-02T09:00:00Z"),
    );
    expect(next.ok && next.version).toBe(2);
    const latest = await latestForm(database.db, PROGRAMME);
    expect(latest?.publishedAt).toBeNull();
  });

  it("keeps a half-done draft, lists what is missing, and stores exactly what was submitted", async () => {
    const id = await draftIn("2027-03-15");
    const kari = { personId: KARI, now: new Date("2027-03-02T10:00:00Z") };
    const first = await saveAnswers(
      database.db,
      {
        applicationId: id,
        answers: { hvorfor: complete.hvorfor! },
        seen: await pageSeen(database.db, id),
        questionIds: ["hvorfor", "malgruppe"],
      },
      kari,
    );
    expect(first).toMatchObject({ ok: true, saved: ["hvorfor"], conflicts: [] });

    const early = await submitApplication(database.db, { applicationId: id }, kari);
    expect(early.ok).toBe(false);
    if (!early.ok) expect(Object.keys(early.errors)).toContain("q-ledelse");

    await saveAnswers(
      database.db,
      {
        applicationId: id,
        answers: complete,
        seen: await pageSeen(database.db, id),
        questionIds: Object.keys(complete),
      },
      kari,
    );
    const receipt = await submitApplication(database.db, { applicationId: id }, kari);
    expect(receipt).toMatchObject({ ok: true, repeated: false });
    const stored = await submissionOf(database.db, id);
    expect(stored?.answers).toEqual(complete);
    expect(receipt.ok && stored?.contentHash).toBe(receipt.ok && receipt.contentHash);

    const late = await saveAnswers(
      database.db,
      {
        applicationId: id,
        answers: { hvorfor: text("Endret") },
        seen: {},
        questionIds: ["hvorfor"],
      },
      kari,
    );
    expect(late).toEqual({
      ok: false,
      errors: { application: { code: "notDraft", params: { state: "submitted" } } },
    });
  });

  it("never lets a second editor overwrite a colleague silently", async () => {
    const id = await draftIn("2027-03-15");
    const drawnForBoth = await pageSeen(database.db, id);
    const knut = { personId: KNUT, now: new Date("2027-03-02T10:00:00Z") };
    const kari = { personId: KARI, now: new Date("2027-03-02T10:01:00Z") };
    await saveAnswers(
      database.db,
      {
        applicationId: id,
        answers: { hvorfor: text("Knuts tekst"), ledelse: text("Knut leder") },
        seen: drawnForBoth,
        questionIds: ["hvorfor", "ledelse", "struktur"],
      },
      knut,
    );
    // Kari's page was drawn before Knut saved: she changed `hvorfor` too, `ledelse` not,
    // and wrote `struktur`, which nobody else touched.
    const hers = await saveAnswers(
      database.db,
      {
        applicationId: id,
        answers: { hvorfor: text("Karis tekst"), ledelse: text(""), struktur: text("Karis plan") },
        seen: drawnForBoth,
        questionIds: ["hvorfor", "ledelse", "struktur"],
      },
      kari,
    );
    expect(hers).toMatchObject({
      ok: true,
      saved: ["struktur"],
      conflicts: [
        {
          questionId: "hvorfor",
          theirs: text("Knuts tekst"),
          yours: text("Karis tekst"),
          savedBy: KNUT,
        },
      ],
    });
    const { answers } = await answersOf(database.db, id);
    expect(answers.hvorfor).toEqual(text("Knuts tekst"));
    expect(answers.ledelse).toEqual(text("Knut leder"));
    expect(answers.struktur).toEqual(text("Karis plan"));
  });

  it("takes a submission until the deadline's last millisecond, and not one after", async () => {
    const id = await draftIn("2027-03-15");
    const seen = await pageSeen(database.db, id);
    await saveAnswers(
      database.db,
      { applicationId: id, answers: complete, seen, questionIds: Object.keys(complete) },
      { personId: KARI, now: new Date("2027-03-10T10:00:00Z") },
    );
    const end = endOfOsloDay("2027-03-15");
    expect(end.toISOString()).toBe("2027-03-15T23:00:00.000Z");
    const late = await submitApplication(
      database.db,
      { applicationId: id },
      { personId: KARI, now: end },
    );
    expect(late).toEqual({ ok: false, errors: { application: { code: "deadlinePassed" } } });

    const reopened = await reopenApplication(
      database.db,
      { applicationId: id, until: new Date(end.getTime() + 86_400_000) },
      { personId: ADA, now: new Date(end.getTime() + 1000) },
    );
    expect(reopened.ok).toBe(true);
    const afterReopening = await submitApplication(
      database.db,
      { applicationId: id },
      { personId: KARI, now: new Date(end.getTime() + 60_000) },
    );
    expect(afterReopening.ok).toBe(true);
    const [audited] = await database.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "application"), eq(auditLog.entityId, String(id))));
    expect(audited?.n).toBe(2); // the reopening and the late submission

    const id2 = await draftIn("2027-03-15");
    await saveAnswers(
      database.db,
      {
        applicationId: id2,
        answers: complete,
        seen: await pageSeen(database.db, id2),
        questionIds: Object.keys(complete),
      },
      { personId: KARI, now: new Date("2027-03-10T10:00:00Z") },
    );
    const justInTime = await submitApplication(
      database.db,
      { applicationId: id2 },
      { personId: KARI, now: new Date(end.getTime() - 1) },
    );
    expect(justInTime.ok).toBe(true);
  });

  it("makes one submission of a double click", async () => {
    const id = await draftIn("2027-03-15");
    await saveAnswers(
      database.db,
      {
        applicationId: id,
        answers: complete,
        seen: await pageSeen(database.db, id),
        questionIds: Object.keys(complete),
      },
      { personId: KARI, now: new Date("2027-03-10T10:00:00Z") },
    );
    const kari = { personId: KARI, now: new Date("2027-03-10T10:05:00Z") };
    const both = await Promise.all([
      submitApplication(database.db, { applicationId: id }, kari),
      submitApplication(database.db, { applicationId: id }, kari),
    ]);
    expect(both.every((r) => r.ok)).toBe(true);
    expect(both.filter((r) => r.ok && r.repeated)).toHaveLength(1);
    const [rows] = await database.db
      .select({ n: count() })
      .from(applicationSubmissions)
      .where(eq(applicationSubmissions.applicationId, id));
    expect(rows?.n).toBe(1);
  });

  it("queues the receipt in the submitting transaction: with the submission or not at all", async () => {
    const receiptJobs = async (id: number) =>
      database.db
        .select({ payload: jobs.payload, runAt: jobs.runAt })
        .from(jobs)
        .where(
          and(eq(jobs.kind, RECEIPT_JOB), eq(jobs.idempotencyKey, `application-receipt:${id}`)),
        );
    const submissions = async (id: number) =>
      (
        await database.db
          .select({ n: count() })
          .from(applicationSubmissions)
          .where(eq(applicationSubmissions.applicationId, id))
      )[0]!.n;
    const id = await draftIn("2027-03-15");
    const kari = { personId: KARI, now: new Date("2027-03-10T10:05:00Z") };

    // Refused (answers missing): nothing queued.
    expect((await submitApplication(database.db, { applicationId: id }, kari)).ok).toBe(false);
    expect(await receiptJobs(id)).toEqual([]);

    await saveAnswers(
      database.db,
      {
        applicationId: id,
        answers: complete,
        seen: await pageSeen(database.db, id),
        questionIds: Object.keys(complete),
      },
      { personId: KARI, now: new Date("2027-03-10T10:00:00Z") },
    );
    // A receipt that cannot be queued takes the submission with it.
    await database.db.execute(
      sql.raw(`create function refuse_receipt() returns trigger language plpgsql as $$
        begin raise exception 'no receipt queue'; end $$`),
    );
    await database.db.execute(
      sql.raw(`create trigger refuse_receipt before insert on jobs for each row
        when (new.kind = '${RECEIPT_JOB}') execute function refuse_receipt()`),
    );
    try {
      await expect(submitApplication(database.db, { applicationId: id }, kari)).rejects.toThrow();
    } finally {
      await database.db.execute(sql.raw("drop trigger refuse_receipt on jobs"));
      await database.db.execute(sql.raw("drop function refuse_receipt()"));
    }
    expect(await submissions(id)).toBe(0);
    expect(await receiptJobs(id)).toEqual([]);

    // Submitted: one receipt job, due at once; a second click queues no other.
    const receipt = await submitApplication(database.db, { applicationId: id }, kari);
    expect(receipt).toMatchObject({ ok: true, repeated: false });
    expect(await submitApplication(database.db, { applicationId: id }, kari)).toMatchObject({
      ok: true,
      repeated: true,
    });
    expect(await submissions(id)).toBe(1);
    expect(await receiptJobs(id)).toEqual([{ payload: { applicationId: id }, runAt: kari.now }]);
  });
});
