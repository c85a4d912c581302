import { randomBytes } from "node:crypto";
import { and, count, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { addDays } from "../../kernel/clock";
import type { DemoSeed } from "../../kernel/manifest";
import { FILE_KINDS, type FileStore, sha256Hex } from "../../kernel/storage";
import { createCohort } from "../cohorts";
import { demoPersonId } from "../identity";
import { unitsOfMunicipality, writtenStandardOf } from "../organisations";
import { programmesOwnedBy } from "../programmes";
import {
  type Answers,
  checkAnswers,
  durationOf,
  isAsked,
  isEmpty,
  type StoredFile,
} from "./answers";
import { nameAssessor, saveAssessment } from "./assess";
import { questionsOf } from "./form-definition";
import { saveForm } from "./forms";
import { fubApplicationForm } from "./fub-form";
import { openRound } from "./rounds";
import {
  type ApplicationState,
  applicationAnswers,
  applicationFiles,
  applicationForms,
  applicationRounds,
  applicationSubmissions,
  applications,
  type Criterion,
  guidanceEntries,
  ownCosts,
  participations,
  planActivities,
} from "./schema";
import { contentHashOf } from "./submit";

/**
 * FUB/FUG's application rounds as they would have happened: cohort 1's round is decided, and
 * Kristiansand (where Kari is coordinator) is granted with a tailored plan under way; cohort 2's
 * round is open, with drafts, submissions and an assessor's work. Dates follow `today`.
 */
export const applicationsDemo: DemoSeed = {
  // After the programmes (FUB's) and the organisations' units; its people step after identity's.
  order: 50,
  seeded: async (db) => {
    const [row] = await db.select({ n: count() }).from(applicationForms);
    return Number(row?.n ?? 0) > 0;
  },
  seed: (db, { today, files }) => seedApplications(db, today, files),
  people: (db, now) => nameDemoAssessor(db, now),
};

const at = (date: string, hour = 9) => new Date(`${date}T${String(hour).padStart(2, "0")}:00:00Z`);
const text = (value: string) => ({ kind: "text" as const, value });

/** The demo municipality of the demo people. */
const KRISTIANSAND = "4204";

const CRITERIA: Criterion[] = [
  {
    id: "forankring",
    label: {
      nb: "Forankring i ledelsen",
      nn: "Forankring i leiinga",
      en: "Anchoring in management",
    },
    maxScore: 5,
  },
  {
    id: "plan",
    label: { nb: "Gjennomførbar plan", nn: "Gjennomførleg plan", en: "A feasible plan" },
    maxScore: 5,
  },
];

/** A complete application, with the period it asks for and a note of its own. */
function filled(from: string, to: string, why: string): Answers {
  return {
    hvorfor: text(why),
    malgruppe: { kind: "choices", values: ["barnehage", "skole"] },
    ledelse: text("Kommunalsjef for oppvekst leder arbeidet og rapporterer til rådmannen."),
    struktur: text("Foreldresamarbeid er fast sak på ledermøtene, og hver enhet har en kontakt."),
    foreldreutvalg: text("ja"),
    periode: { kind: "range", from, to },
    form: text("physical"),
    aktiviteter: {
      kind: "rows",
      rows: [
        { kind: "training-day", mode: "physical", count: "2", when: "", note: "" },
        { kind: "parent-meeting", mode: "physical", count: "4", when: "", note: "" },
        { kind: "staff-meeting", mode: "digital", count: "3", when: "", note: "" },
      ],
    },
    enheter: text("6"),
    forpliktelser: { kind: "choices", values: ["tid", "kostnader"] },
  };
}

/** Start of the month `months` after a date's month. */
function monthStart(date: string, months: number) {
  const d = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

async function seedApplications(db: Db, today: string, files: FileStore) {
  const [fub] = await programmesOwnedBy(db, ["fub"]);
  if (!fub) throw new Error("the applications' demo needs FUB/FUG's programme");
  const system = (date: string) => ({ personId: null, now: at(date) });
  const { formId } = must(
    await saveForm(
      db,
      { programmeId: fub.id, definition: fubApplicationForm },
      system(addDays(today, -240)),
    ),
  );

  // Cohort 1: applied for last half-year, decided, under way since the start of a month.
  const planStart = monthStart(addDays(today, -100), 0);
  const cohort1 = await createCohort(
    db,
    {
      programmeId: fub.id,
      number: 1,
      wayIn: "application",
      startsOn: planStart,
      endsOn: addDays(monthStart(planStart, 24), -1),
      officeInviteDeadline: null,
      createdAt: at(addDays(today, -230)),
    },
    [],
  );
  const round1 = must(
    await openRound(
      db,
      {
        cohortId: cohort1,
        programmeId: fub.id,
        deadline: addDays(today, -170),
        criteria: CRITERIA,
      },
      system(addDays(today, -220)),
    ),
  ).roundId;
  // Cohort 2: its round is open until three weeks from today.
  const year = Number(today.slice(0, 4));
  const cohort2 = await createCohort(
    db,
    {
      programmeId: fub.id,
      number: 2,
      wayIn: "application",
      startsOn: `${year + 1}-08-01`,
      endsOn: `${year + 3}-07-31`,
      officeInviteDeadline: null,
      createdAt: at(addDays(today, -30)),
    },
    [],
  );
  const round2 = must(
    await openRound(
      db,
      { cohortId: cohort2, programmeId: fub.id, deadline: addDays(today, 21), criteria: CRITERIA },
      system(addDays(today, -21)),
    ),
  ).roundId;

  const decision = await demoAttachment(files, "vedtak-formannskapet.pdf", [
    "Utdrag av møtebok",
    "Formannskapet vedtok å søke om tilbudet Bedre foreldresamarbeid for barnehagene og skolene i kommunen, og ber kommunedirektøren sette av tid til arbeidet.",
    "Dette er et eksempeldokument i demoen av Samspill.",
  ]);
  const until = addDays(monthStart(planStart, 18), -1);
  const decided = (day: number, decision: ApplicationState, reason: string, position?: number) => ({
    decision,
    decidedAt: at(addDays(today, day), 12),
    reason,
    position: position ?? null,
  });
  const demo: DemoApplication[] = [
    {
      roundId: round1,
      code: KRISTIANSAND,
      day: -190,
      answers: filled(
        planStart,
        until,
        "Foreldremøtene samler få, og vi vil at foreldre skal bli hørt i skolen.",
      ),
      decided: decided(-150, "granted", "Søknaden viser god forankring og en realistisk plan."),
    },
    {
      roundId: round1,
      code: "4601",
      day: -189,
      answers: filled(
        planStart,
        until,
        "Vi vil styrke foreldreutvalgene i barnehagene og skolene i bydelene.",
      ),
      decided: decided(-150, "granted", "Godt forankret i ledelsen, med tydelige aktiviteter."),
    },
    {
      roundId: round1,
      code: "5001",
      day: -188,
      answers: filled(
        planStart,
        until,
        "Samarbeidet med foreldre er ulikt fra skole til skole, og vi vil gjøre det likere.",
      ),
      decided: decided(
        -150,
        "waitlisted",
        "En god søknad; tilbudet har ikke plass til flere i denne runden.",
        1,
      ),
    },
    {
      roundId: round1,
      code: "1804",
      day: -187,
      answers: filled(
        planStart,
        until,
        "Kommunen har nye foreldreutvalg og ønsker et felles grunnlag for arbeidet.",
      ),
      decided: decided(
        -150,
        "declined",
        "Planen er for lite konkret ennå. Vi oppfordrer kommunen til å søke igjen.",
      ),
    },
    {
      roundId: round1,
      code: "4203",
      day: -186,
      answers: filled(
        planStart,
        until,
        "Vi har startet arbeidet og ønsker veiledning for å komme videre.",
      ),
      decided: decided(-150, "granted", "Kommunen har et godt utgangspunkt og et tydelig behov."),
    },
    ...(
      [
        ["3301", "Vi vil gi foreldreutvalgene en tydeligere rolle i skolemiljøarbeidet."],
        ["1804", "Vi har konkretisert planen siden forrige søknad og søker på nytt."],
        ["4621", "Vi vil at foreldre i alle grendene skal nå fram til barnehagen og skolen."],
      ] as const
    ).map(([code, why], i) => ({
      roundId: round2,
      code,
      day: -9 + i,
      answers: {
        ...filled(`${year + 1}-08-01`, `${year + 2}-12-31`, why),
        // The first of them sent the council's decision along.
        ...(i === 0 ? { vedlegg: { kind: "file" as const, file: decision.file } } : {}),
      },
      submitted: true,
    })),
    // Drafts in progress: Lillesand has answered the first section, Sogndal only started.
    {
      roundId: round2,
      code: "4215",
      day: -5,
      answers: {
        hvorfor: text("Vi ønsker å lære av andre kommuner om foreldremøter."),
        malgruppe: { kind: "choices", values: ["skole"] },
      },
    },
    { roundId: round2, code: "4640", day: -4, answers: {} },
  ];
  await insertApplications(
    db,
    formId,
    demo,
    today,
    new Map([
      [round1, cohort1],
      [round2, cohort2],
    ]),
  );
  // The attachment's row, under the application that answers with it.
  const [withFile] = await db
    .select({ id: applications.id, submittedAt: applications.submittedAt })
    .from(applications)
    .where(and(eq(applications.roundId, round2), eq(applications.municipalityCode, "3301")));
  await db.insert(applicationFiles).values({
    id: decision.file.fileId,
    applicationId: withFile!.id,
    questionId: "vedlegg",
    storageKey: decision.storageKey,
    name: decision.file.name,
    type: decision.file.type,
    bytes: decision.file.bytes,
    sha256: decision.file.sha256,
    uploadedAt: withFile!.submittedAt!,
  });
  const [kristiansand] = await db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.roundId, round1), eq(applications.municipalityCode, KRISTIANSAND)));
  await seedKristiansandPlan(db, kristiansand!.id, planStart, today);
}

type DemoApplication = {
  roundId: number;
  code: string;
  /** The day it was started and (when submitted) submitted, counted from today. */
  day: number;
  answers: Answers;
  submitted?: boolean;
  decided?: {
    decision: ApplicationState;
    decidedAt: Date;
    reason: string;
    position: number | null;
  };
};

/**
 * The demo's applications in a few bulk inserts (the services would take seconds of the cold
 * start): each submitted one checked against the form as submitting checks it, stored with its
 * content hash; a granted one with its participation, its period from the answer.
 */
async function insertApplications(
  db: Db,
  formId: number,
  demo: DemoApplication[],
  today: string,
  cohortOfRound: Map<number, number>,
) {
  const codes = [...new Set(demo.map((d) => d.code))];
  const standards = new Map(
    await Promise.all(
      codes.map(async (c) => [c, await writtenStandardOf(db, "municipality", c)] as const),
    ),
  );
  const rows = demo.map((d) => {
    const startedAt = at(addDays(today, d.day), 8);
    const submittedAt = d.submitted || d.decided ? at(addDays(today, d.day), 13) : null;
    const answers = submittedAt ? submitted(d.answers) : d.answers;
    return {
      d,
      answers,
      submittedAt,
      contentHash: submittedAt ? contentHashOf(formId, answers) : null,
      startedAt,
    };
  });
  const inserted = await db
    .insert(applications)
    .values(
      rows.map((r) => ({
        roundId: r.d.roundId,
        municipalityCode: r.d.code,
        formId,
        state:
          r.d.decided?.decision ?? (r.submittedAt ? ("submitted" as const) : ("draft" as const)),
        version: r.submittedAt ? 3 : 2,
        startedAt: r.startedAt,
        submittedAt: r.submittedAt,
        contentHash: r.contentHash,
        writtenStandard: r.submittedAt ? standards.get(r.d.code)! : null,
        decidedAt: r.d.decided?.decidedAt ?? null,
        decisionReason: r.d.decided?.reason ?? null,
        waitlistPosition: r.d.decided?.position ?? null,
      })),
    )
    .returning({ id: applications.id });
  const withIds = rows.map((r, i) => ({ ...r, id: inserted[i]!.id }));
  const answerRows = withIds.flatMap((r) =>
    Object.entries(r.d.answers).map(([questionId, value]) => ({
      applicationId: r.id,
      questionId,
      value,
      savedAtVersion: 2,
      savedAt: at(addDays(today, r.d.day), 10),
    })),
  );
  if (answerRows.length > 0) await db.insert(applicationAnswers).values(answerRows);
  const sent = withIds.filter((r) => r.submittedAt !== null);
  if (sent.length > 0) {
    await db.insert(applicationSubmissions).values(
      sent.map((r) => ({
        applicationId: r.id,
        formId,
        answers: r.answers,
        contentHash: r.contentHash!,
        submittedAt: r.submittedAt!,
      })),
    );
  }
  const granted = withIds.filter((r) => r.d.decided?.decision === "granted");
  if (granted.length > 0) {
    await db.insert(participations).values(
      granted.map((r) => {
        const range = r.answers.periode;
        if (range?.kind !== "range" || !range.from || !range.to) {
          throw new Error("a granted demo application needs its period");
        }
        return {
          applicationId: r.id,
          cohortId: cohortOfRound.get(r.d.roundId)!,
          municipalityCode: r.d.code,
          startsOn: range.from,
          months: Math.min(24, Math.max(12, durationOf(range.from, range.to).months)),
          createdAt: r.d.decided!.decidedAt,
        };
      }),
    );
  }
}

/** The answers a submission keeps, refusing what submitting would refuse. */
function submitted(answers: Answers): Answers {
  const errors = checkAnswers(fubApplicationForm, answers, { submitting: true });
  if (Object.keys(errors).length > 0) {
    throw new Error(`a demo application would not submit: ${JSON.stringify(errors)}`);
  }
  const kept: Answers = {};
  for (const q of questionsOf(fubApplicationForm)) {
    const a = answers[q.id];
    if (a && !isEmpty(a) && isAsked(q, answers)) kept[q.id] = a;
  }
  return kept;
}

/**
 * Kristiansand's tailored plan, some way in: the first training day and a staff meeting done,
 * parent meetings and a gathering ahead; two guidance meetings; a few of its own costs.
 */
async function seedKristiansandPlan(db: Db, applicationId: number, start: string, today: string) {
  const [participation] = await db
    .select({ id: participations.id })
    .from(participations)
    .where(eq(participations.applicationId, applicationId));
  if (!participation) throw new Error("Kristiansand's grant made no participation");
  const units = (await unitsOfMunicipality(db, KRISTIANSAND, { active: true }))
    .map((u) => u.orgNumber)
    .sort();
  const some = (n: number) => units.slice(0, n);
  const p = participation.id;
  const day = (n: number) => addDays(start, n);
  await db.insert(planActivities).values([
    {
      participationId: p,
      kind: "training-day",
      mode: "physical",
      plannedOn: day(20),
      units: some(4),
      note: "Oppstart for ledere og foreldrekontakter.",
      doneAt: at(day(20), 15),
    },
    {
      participationId: p,
      kind: "staff-meeting",
      mode: "digital",
      plannedOn: day(45),
      units: some(3),
      note: "",
      doneAt: at(day(45), 14),
    },
    {
      participationId: p,
      kind: "parent-meeting",
      mode: "physical",
      plannedOn: addDays(today, 12),
      units: some(2),
      note: "Foreldremøte om samarbeid mellom hjem og skole.",
    },
    {
      participationId: p,
      kind: "training-day",
      mode: "physical",
      plannedOn: addDays(today, 40),
      units: some(4),
      note: "",
    },
    {
      participationId: p,
      kind: "gathering",
      mode: "digital",
      plannedOn: null,
      units: [],
      note: "",
    },
  ]);
  await db.insert(guidanceEntries).values([
    {
      participationId: p,
      givenOn: day(5),
      mode: "digital",
      topics: "Oppstart, roller og plan for første halvår",
      note: "Kommunen setter opp foreldremøtene selv.",
      recordedAt: at(day(5), 12),
    },
    {
      participationId: p,
      givenOn: day(60),
      mode: "physical",
      topics: "Foreldreutvalgenes arbeid",
      note: "",
      recordedAt: at(day(60), 12),
    },
  ]);
  await db.insert(ownCosts).values([
    {
      participationId: p,
      kind: "venue",
      amount: 4500,
      note: "Leie av sal",
      recordedAt: at(day(21)),
    },
    { participationId: p, kind: "substitutes", amount: 18_000, note: "", recordedAt: at(day(21)) },
    { participationId: p, kind: "travel", amount: 2350, note: "", recordedAt: at(day(46)) },
    // Staff time ahead, estimated: 24 hours at 650 kr (decision 0033).
    {
      participationId: p,
      kind: "staff-time",
      amount: 15_600,
      estimate: true,
      note: "24 timer à 650 kr, anslått",
      recordedAt: at(day(46)),
    },
  ]);
}

/**
 * Name the demo assessor to FUB/FUG's rounds, and give her work in the open one: one
 * application assessed and submitted, one begun. Once: the naming is what tells it was done.
 */
async function nameDemoAssessor(db: Db, now: Date) {
  const vera = await demoPersonId(db, "vera");
  if (vera === null) return;
  const [fub] = await programmesOwnedBy(db, ["fub"]);
  if (!fub) return;
  const rounds = await db
    .select({ id: applicationRounds.id, deadline: applicationRounds.deadline })
    .from(applicationRounds)
    .where(eq(applicationRounds.programmeId, fub.id));
  for (const round of rounds) {
    const named = await nameAssessor(
      db,
      { roundId: round.id, personId: vera },
      { personId: null, now },
    );
    if (!named.ok || round.deadline <= now) continue;
    const submitted = await db
      .select({ id: applications.id, code: applications.municipalityCode })
      .from(applications)
      .where(inArray(applications.roundId, [round.id]))
      .orderBy(applications.id);
    const [first, second] = submitted.filter((a) => a.code !== KRISTIANSAND);
    const actor = { personId: vera, now };
    if (first) {
      await saveAssessment(
        db,
        {
          applicationId: first.id,
          conflict: false,
          conflictNote: "",
          scores: {
            forankring: { score: "4", comment: "Ledelsen eier arbeidet." },
            plan: { score: "3", comment: "Aktivitetene kunne vært mer konkrete." },
          },
          comment: "En god søknad.",
          proposal: "granted",
          submit: true,
        },
        actor,
      );
    }
    if (second) {
      await saveAssessment(
        db,
        {
          applicationId: second.id,
          conflict: false,
          conflictNote: "",
          scores: { forankring: { score: "3", comment: "" } },
          comment: "",
          proposal: "",
          submit: false,
        },
        actor,
      );
    }
  }
}

function must<T extends { ok: boolean }>(result: T): T & { ok: true } {
  if (!result.ok) throw new Error(`applications' demo refused: ${JSON.stringify(result)}`);
  return result as T & { ok: true };
}

/**
 * A demo municipality's attachment: a small PDF (pdfkit's built-in font: it is an example
 * letter, not one of our documents), stored in the demo's file store.
 */
async function demoAttachment(files: FileStore, name: string, paragraphs: string[]) {
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({ size: "A4", margin: 64, info: { Title: paragraphs[0] } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const [title, ...rest] = paragraphs;
  doc.fontSize(16).text(title ?? "");
  doc.moveDown();
  for (const p of rest) doc.fontSize(11).text(p).moveDown();
  doc.end();
  const bytes = await done;
  const file: StoredFile = {
    fileId: randomBytes(16).toString("base64url"),
    name,
    type: FILE_KINDS.pdf.mime,
    bytes: bytes.length,
    sha256: sha256Hex(bytes),
  };
  return { file, storageKey: await files.put(bytes) };
}
