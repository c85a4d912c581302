import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IBS, programmeIdOf } from "../../../tests/support/cohorts";
import { type DbKind, databaseKinds, freshDatabase } from "../../../tests/support/db";
import { demoPeopleIds } from "../../../tests/support/people";
import type { Database } from "../../db/client";
import { screenFields } from "../../kernel/child-guard-forms";
import { jobs } from "../../kernel/schema";
import { insertTestPerson, listAudit } from "../identity";
import { setWrittenStandard } from "../organisations";
import { markAttendance } from "./door";
import {
  defaultQuestions,
  evaluationOf,
  evaluationResults,
  inviteToEvaluations,
  questionsAsForm,
  saveQuestions,
  standingOf,
  submitAnswers,
} from "./evaluation";
import { evaluationRespondents, evaluationResponses } from "./evaluation-schema";
import { gatheringInput } from "./factories";
import { createGathering, gatheringById } from "./gatherings";
import { register } from "./registration";

const NOW = new Date("2026-11-23T10:00:00Z");
/** The day after the gathering of 10 February 2027. */
const AFTER = new Date("2027-02-11T10:00:00Z");
const BASE = "https://samspill.example";

describe.each(databaseKinds)(
  "gatherings: the evaluation after a gathering (%s)",
  (kind: DbKind) => {
    let database: Database;
    let programmeId: number;
    let ada = 0;
    let serial = 0;
    const db = () => database.db;
    const as = (personId: number | null, now = NOW) => ({ personId, now, baseUrl: BASE });

    async function person(name: string, municipality = "4204") {
      serial++;
      return insertTestPerson(
        db(),
        {
          name,
          email: `evaluation-${serial}@test.samspill.example`,
          role: { role: "resource-person", orgId: municipality },
        },
        NOW,
      );
    }

    async function gathering() {
      const made = await createGathering(db(), gatheringInput(programmeId), as(ada));
      if (!made.ok) throw new Error(JSON.stringify(made.errors));
      return made.gatheringId;
    }

    async function registered(gatheringId: number, personId: number) {
      const r = await register(db(), { gatheringId, personId, sessionIds: [] }, as(personId));
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return r.registrationId;
    }

    /** The default questions saved, and `n` participants registered. */
    async function evaluated(n: number) {
      const id = await gathering();
      const saved = await saveQuestions(
        db(),
        { gatheringId: id, values: questionsAsForm(defaultQuestions()) },
        as(ada),
      );
      expect(saved).toEqual({ ok: true });
      const people: number[] = [];
      for (let i = 0; i < n; i++) {
        const p = await person(`Deltaker ${serial + 1}`);
        await registered(id, p);
        people.push(p);
      }
      return { id, people };
    }

    const answer = (
      gatheringId: number,
      personId: number,
      values: Record<string, string>,
      now = AFTER,
    ) => submitAnswers(db(), { gatheringId, personId, values }, as(personId, now));

    beforeAll(async () => {
      database = await freshDatabase(kind, "people");
      programmeId = await programmeIdOf(db(), IBS);
      ada = (await demoPeopleIds(db(), ["ada"])).ada!;
    });
    afterAll(() => database?.close());

    it("saves questions of the three kinds, refuses what is missing or uneven, and audits", async () => {
      const id = await gathering();
      const bad = await saveQuestions(
        db(),
        {
          gatheringId: id,
          values: {
            slots: "3",
            "q1-kind": "scale",
            "q1-nb": "Hvor nyttig?",
            "q2-kind": "choice",
            "q2-nb": "Hvilken dag?",
            "q2-nn": "Kva dag?",
            "q2-options-nb": "Mandag\nTirsdag",
            "q2-options-nn": "Måndag",
            "q3-kind": "text",
            "q3-nb": "Hva mer?",
            "q3-nn": "Kva meir?",
            "q3-max": "0",
          },
        },
        as(ada),
      );
      expect(bad.ok ? null : bad.errors).toEqual({
        "q1-nn": { code: "required" },
        "q2-options-nn": { code: "optionsMismatch", params: { n: 2 } },
        "q3-max": { code: "answerMaxRange", max: 5000 },
      });
      expect(await evaluationOf(db(), id)).toBeNull();
      const empty = await saveQuestions(db(), { gatheringId: id, values: { slots: "2" } }, as(ada));
      expect(empty.ok ? null : empty.errors).toEqual({ "q1-nb": { code: "noQuestions" } });

      const good = await saveQuestions(
        db(),
        {
          gatheringId: id,
          values: {
            slots: "4",
            "q1-kind": "scale",
            "q1-nb": "Hvor nyttig?",
            "q1-nn": "Kor nyttig?",
            "q1-required": "yes",
            // An empty slot in the middle is left out.
            "q3-kind": "choice",
            "q3-nb": "Hvilken dag?",
            "q3-nn": "Kva dag?",
            "q3-options-nb": "Mandag\n\nTirsdag\n",
            "q3-options-nn": "Måndag\nTysdag",
            "q4-kind": "text",
            "q4-nb": "Hva mer?",
            "q4-nn": "Kva meir?",
            "q4-en": "What else?",
          },
        },
        as(ada),
      );
      expect(good).toEqual({ ok: true });
      const stored = (await evaluationOf(db(), id))!;
      expect(stored.answers).toBe(0);
      expect(stored.questions).toEqual([
        {
          key: "1",
          kind: "scale",
          text: { nb: "Hvor nyttig?", nn: "Kor nyttig?", en: "" },
          required: true,
          options: [],
          maxLength: 0,
        },
        {
          key: "2",
          kind: "choice",
          text: { nb: "Hvilken dag?", nn: "Kva dag?", en: "" },
          required: false,
          options: [
            { nb: "Mandag", nn: "Måndag", en: "" },
            { nb: "Tirsdag", nn: "Tysdag", en: "" },
          ],
          maxLength: 0,
        },
        {
          key: "3",
          kind: "text",
          text: { nb: "Hva mer?", nn: "Kva meir?", en: "What else?" },
          required: false,
          options: [],
          maxLength: 1000,
        },
      ]);
      const audit = await listAudit(db(), { entityType: "gathering", entityId: String(id) });
      expect(audit.rows.map((a) => a.action)).toContain("gathering.evaluation");
    });

    it("takes one anonymous answer per participant after the gathering, and locks the questions", async () => {
      const { id, people } = await evaluated(2);
      const [kari, ola] = people as [number, number];
      const outsider = await person("Utenfor Samlingen");
      const values = { "a-1": "5", "a-2": "4", "a-3": "Gruppearbeidet", "a-4": "" };

      const early = await answer(id, kari, values, NOW);
      expect(early.ok ? null : early.errors).toEqual({ evaluation: { code: "notYet" } });
      const stranger = await answer(id, outsider, values);
      expect(stranger.ok ? null : stranger.errors).toEqual({
        evaluation: { code: "notParticipant" },
      });
      const missing = await answer(id, kari, { "a-3": "x".repeat(1001) });
      expect(missing.ok ? null : missing.errors).toEqual({
        "a-1": { code: "answerChoice" },
        "a-2": { code: "answerChoice" },
        "a-3": { code: "max", max: 1000 },
      });
      await expect(answer(id, kari, { ...values, "a-1": "6" })).rejects.toThrow("scale");

      expect(await answer(id, kari, values)).toEqual({ ok: true });
      const again = await answer(id, kari, { ...values, "a-1": "1" });
      expect(again.ok ? null : again.errors).toEqual({ evaluation: { code: "answered" } });
      const g = (await gatheringById(db(), id))!;
      expect(await standingOf(db(), g, kari, AFTER)).toEqual({ state: "answered" });
      expect((await standingOf(db(), g, ola, AFTER)).state).toBe("open");

      // Who answered and what was answered are apart: the answer has only the day.
      const responses = await db()
        .select()
        .from(evaluationResponses)
        .where(eq(evaluationResponses.gatheringId, id));
      expect(responses).toEqual([
        {
          gatheringId: id,
          answeredOn: "2027-02-11",
          answers: { "1": "5", "2": "4", "3": "Gruppearbeidet" },
        },
      ]);
      const respondents = await db()
        .select()
        .from(evaluationRespondents)
        .where(eq(evaluationRespondents.gatheringId, id));
      expect(respondents).toHaveLength(1);
      expect(Object.keys(respondents[0]!).sort()).toEqual(["gatheringId", "registrationId"]);

      const edit = await saveQuestions(
        db(),
        { gatheringId: id, values: questionsAsForm(defaultQuestions().slice(0, 1)) },
        as(ada),
      );
      expect(edit.ok ? null : edit.errors).toEqual({ evaluation: { code: "locked" } });
      expect((await evaluationOf(db(), id))!.questions).toHaveLength(4);

      // Too late: answers close 30 days after the end.
      const late = await answer(id, ola, values, new Date("2027-03-20T10:00:00Z"));
      expect(late.ok ? null : late.errors).toEqual({ evaluation: { code: "closed" } });
    });

    it("lets two answers of one person at once store one", async () => {
      const { id, people } = await evaluated(1);
      const values = { "a-1": "3", "a-2": "3" };
      const both = await Promise.all([
        answer(id, people[0]!, values),
        answer(id, people[0]!, values),
      ]);
      expect(both.filter((r) => r.ok)).toHaveLength(1);
      const responses = await db()
        .select()
        .from(evaluationResponses)
        .where(eq(evaluationResponses.gatheringId, id));
      expect(responses).toHaveLength(1);
    });

    it("guards the open answers: refuses an identity number, warns of a child until confirmed", async () => {
      const { id, people } = await evaluated(1);
      const p = people[0]!;
      const child = "Emma (7 år) i 2B lærte mest av dagen.";
      const withId = await answer(id, p, {
        "a-1": "4",
        "a-2": "4",
        "a-3": "Ring 01010012356 om det",
      });
      expect(withId.ok ? null : withId.errors["a-3"]?.code).toBe("nationalId");
      const warned = await answer(id, p, { "a-1": "4", "a-2": "4", "a-3": child });
      expect(warned.ok).toBe(false);
      if (warned.ok) return;
      expect(warned.errors).toEqual({});
      const confirm = warned.warnings!["a-3"]!.confirm;
      expect(confirm).toBe(screenFields({ "a-3": child }).warnings["a-3"]!.confirm);
      const done = await submitAnswers(
        db(),
        {
          gatheringId: id,
          personId: p,
          values: { "a-1": "4", "a-2": "4", "a-3": child },
          confirmations: { "confirm-a-3": confirm },
        },
        as(p, AFTER),
      );
      expect(done).toEqual({ ok: true });
    });

    it("asks only those marked present once attendance was taken", async () => {
      const { id, people } = await evaluated(2);
      const [came, stayed] = people as [number, number];
      const g = (await gatheringById(db(), id))!;
      expect((await standingOf(db(), g, stayed, AFTER)).state).toBe("open");
      const regs = await Promise.all(
        people.map(async (p) => (await import("./registration")).registrationOf(db(), id, p)),
      );
      const marked = await markAttendance(
        db(),
        {
          gatheringId: id,
          sessionId: null,
          marks: [
            { registrationId: regs[0]!.id, status: "present", was: null },
            { registrationId: regs[1]!.id, status: "absent", was: null },
          ],
        },
        as(ada, new Date("2027-02-10T10:00:00Z")),
      );
      expect(marked.ok).toBe(true);
      expect((await standingOf(db(), g, came, AFTER)).state).toBe("open");
      expect((await standingOf(db(), g, stayed, AFTER)).state).toBe("notParticipant");
    });

    it("invites each participant once after the gathering, and not before", async () => {
      const { id, people } = await evaluated(3);
      const keys = people.length;
      const invitations = async () =>
        db()
          .select({ key: jobs.idempotencyKey, payload: jobs.payload })
          .from(jobs)
          .where(like(jobs.idempotencyKey, "gathering-evaluation:%"));
      const before = (await invitations()).length;
      await inviteToEvaluations(db(), { now: NOW, baseUrl: BASE });
      expect((await invitations()).length).toBe(before);
      const first = await inviteToEvaluations(db(), { now: AFTER, baseUrl: BASE });
      expect(first.mails).toBeGreaterThanOrEqual(keys);
      const mails = await invitations();
      const ours = mails.filter((m) =>
        JSON.stringify(m.payload).includes(`${BASE}/nb/samlinger/${id}/evaluering`),
      );
      expect(ours).toHaveLength(keys);
      const second = await inviteToEvaluations(db(), { now: AFTER, baseUrl: BASE });
      expect(second).toEqual({ gatherings: 0, mails: 0 });
      expect((await invitations()).length).toBe(mails.length);
      expect((await evaluationOf(db(), id))!.invitedAt).toEqual(AFTER);
    });

    it("invites in the written standard of the participant's place", async () => {
      await setWrittenStandard(db(), "municipality", "4221", "nn", { personId: null, now: NOW });
      const { id } = await evaluated(0);
      const nynorsk = await person("Nils Nynorsk", "4221");
      const rid = await registered(id, nynorsk);
      await inviteToEvaluations(db(), { now: AFTER, baseUrl: BASE });
      const [job] = await db()
        .select({ payload: jobs.payload })
        .from(jobs)
        .where(eq(jobs.idempotencyKey, `gathering-evaluation:${rid}`));
      const mail = job!.payload as { subject: string; text: string };
      expect(mail.subject).toBe("Kva syntest du om Nasjonal samling?");
      expect(mail.text).toContain(`${BASE}/nn/samlinger/${id}/evaluering`);
      expect(mail.text).toContain("seinast 12. mars 2027");
    });

    it("counts the answers, and shows a question's figures only from three answers", async () => {
      const { id, people } = await evaluated(4);
      const given: Record<string, string>[] = [
        { "a-1": "5", "a-2": "4", "a-3": "Foredraget" },
        { "a-1": "4", "a-2": "4", "a-3": "Gruppearbeidet" },
        { "a-1": "3", "a-2": "2" },
      ];
      for (const [i, values] of given.entries()) {
        expect(await answer(id, people[i]!, values)).toEqual({ ok: true });
      }
      const { questions } = (await evaluationOf(db(), id))!;
      const results = await evaluationResults(db(), id, questions);
      expect([results.answers, results.participants]).toEqual([3, 4]);
      const [useful, organised, best, better] = results.questions;
      expect(useful).toMatchObject({ answered: 3, shown: true, counts: [0, 0, 1, 1, 1], mean: 4 });
      expect(organised).toMatchObject({ answered: 3, shown: true, counts: [0, 1, 0, 2, 0] });
      expect(best).toMatchObject({ answered: 2, shown: false });
      expect(better).toMatchObject({ answered: 0, shown: false, texts: [] });
    });
  },
);
