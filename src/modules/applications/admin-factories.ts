// Application rounds and applications for tests and demo data, made through the module's own
// commands (saveForm, openRound, startApplication, saveAnswers, submitApplication), so that
// the rows carry the versions, hashes and audit lines the real acts leave.
import type { Db } from "../../db/client";
import { createCohort } from "../cohorts";
import { grantRole, insertTestPerson } from "../identity";
import type { Answers } from "./answers";
import { fingerprint, saveAnswers, startApplication } from "./drafts";
import { saveForm } from "./forms";
import { fubApplicationForm } from "./fub-form";
import { openRound } from "./rounds";
import type { Criterion } from "./schema";
import { submitApplication } from "./submit";

type Actor = { personId: number; now: Date };

const text = (value: string) => ({ kind: "text" as const, value });

/** A complete answer to FUB/FUG's form (fub-form.ts): submittable as it is. */
export const completeFubAnswers: Answers = {
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

export const testCriteria: Criterion[] = [
  { id: "forankring", label: { nb: "Forankring", nn: "Forankring" }, maxScore: 5 },
  { id: "plan", label: { nb: "Plan", nn: "Plan" }, maxScore: 10 },
];

/** An application cohort of a programme with FUB/FUG's form saved (not yet published). Its id. */
export async function createTestApplicationCohort(
  db: Db,
  input: { programmeId: number; number: number },
  actor: Actor,
): Promise<number> {
  const id = await createCohort(
    db,
    {
      programmeId: input.programmeId,
      number: input.number,
      wayIn: "application",
      startsOn: "2027-08-01",
      endsOn: "2029-06-30",
    },
    [],
  );
  const saved = await saveForm(
    db,
    { programmeId: input.programmeId, definition: fubApplicationForm },
    actor,
  );
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  return id;
}

/** A round opened on a cohort with the test criteria. Its id. */
export async function openTestRound(
  db: Db,
  input: { cohortId: number; programmeId: number; deadline: string },
  actor: Actor,
): Promise<number> {
  const opened = await openRound(db, { ...input, criteria: testCriteria }, actor);
  if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
  return opened.roundId;
}

/** A municipality's application with the given answers saved, submitted if asked. Its id. */
export async function createTestApplication(
  db: Db,
  input: { roundId: number; municipalityCode: string; answers?: Answers; submit?: boolean },
  actor: Actor,
): Promise<number> {
  const started = await startApplication(
    db,
    { roundId: input.roundId, municipalityCode: input.municipalityCode },
    actor,
  );
  if (!started.ok) throw new Error(JSON.stringify(started.errors));
  const answers = input.answers ?? completeFubAnswers;
  await saveAnswers(
    db,
    {
      applicationId: started.applicationId,
      answers,
      seen: Object.fromEntries(Object.keys(answers).map((k) => [k, fingerprint(undefined)])),
      questionIds: Object.keys(answers),
    },
    actor,
  );
  if (input.submit) {
    const receipt = await submitApplication(db, { applicationId: started.applicationId }, actor);
    if (!receipt.ok) throw new Error(JSON.stringify(receipt.errors));
  }
  return started.applicationId;
}

/** A person with the assessor role at a programme owner. Their id. */
export async function createTestAssessor(
  db: Db,
  input: { name: string; email: string; owner: string },
  actor: Actor,
): Promise<number> {
  const personId = await insertTestPerson(db, { name: input.name, email: input.email }, actor.now);
  const granted = await grantRole(db, { personId, role: "assessor", orgId: input.owner }, actor);
  if (!granted.ok) throw new Error(JSON.stringify(granted.errors));
  return personId;
}
