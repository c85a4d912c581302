import { count } from "drizzle-orm";
import type { Db } from "../../db/client";
import { addDays } from "../../kernel/clock";
import type { DemoSeed } from "../../kernel/manifest";
import { cohortIdOf, enrolmentsOfUnits } from "../cohorts";
import { activeUnitsIn } from "../organisations";
import { programmesOwnedBy } from "../programmes";
import type { FrameInput } from "./frame";
import {
  developmentFollowUps,
  developmentFrames,
  developmentMeasures,
  developmentPlans,
  developmentPlanVersions,
  FOLLOW_UP_KINDS,
  type MeasureStatus,
} from "./schema";

/**
 * The development work of the demo: IBS's frame (its four themes, the four phases of cohort 3's
 * two years, three reflection questions); a plan for every unit enrolled in cohort 3 (Arendal's,
 * in the demo), each in another phase, with measures; and the follow-up log of Arendal's
 * resource person: two units followed up lately, one not for ten weeks, one never. Kristiansand
 * (Rune's municipality) has not answered cohort 3 in the demo: once Kari enrols units, Rune's
 * page lists them, never followed up.
 */
export const developmentDemo: DemoSeed = {
  // After the cohorts (60: gatherings, which reflections are about).
  order: 72,
  seeded: async (db) => {
    const [row] = await db.select({ n: count() }).from(developmentFrames);
    return Number(row?.n ?? 0) > 0;
  },
  seed: (db, { today }) => seedDevelopment(db, today),
};

/** IBS's frame, its phases dated by cohort 3 (which starts on 1 August next year). */
export function ibsFrame(today: string): FrameInput {
  const year = Number(today.slice(0, 4));
  return {
    themes: [
      { key: "1", nb: "Trygge og gode miljøer", nn: "Trygge og gode miljø" },
      {
        key: "2",
        nb: "Regelverket om barnehage- og skolemiljøet",
        nn: "Regelverket om barnehage- og skulemiljøet",
      },
      { key: "3", nb: "Organisering og ledelse", nn: "Organisering og leiing" },
      {
        key: "4",
        nb: "Forebygge, avdekke og håndtere mobbing",
        nn: "Førebyggje, avdekkje og handtere mobbing",
      },
    ],
    phases: [
      {
        key: "1",
        nb: "Kartlegging av nå-situasjonen",
        nn: "Kartlegging av no-situasjonen",
        startsOn: `${year + 1}-08-01`,
        endsOn: `${year + 1}-12-31`,
      },
      {
        key: "2",
        nb: "Tiltak",
        nn: "Tiltak",
        startsOn: `${year + 2}-01-01`,
        endsOn: `${year + 2}-06-30`,
      },
      {
        key: "3",
        nb: "Utprøving",
        nn: "Utprøving",
        startsOn: `${year + 2}-08-01`,
        endsOn: `${year + 2}-12-31`,
      },
      {
        key: "4",
        nb: "Evaluering og videreføring",
        nn: "Evaluering og vidareføring",
        startsOn: `${year + 3}-01-01`,
        endsOn: `${year + 3}-06-30`,
      },
    ],
    questions: [
      { key: "1", nb: "Hva prøvde vi ut siden sist?", nn: "Kva prøvde vi ut sidan sist?" },
      { key: "2", nb: "Hva så vi i praksisen vår?", nn: "Kva såg vi i praksisen vår?" },
      { key: "3", nb: "Hva gjør vi videre?", nn: "Kva gjer vi vidare?" },
    ],
  };
}

const MEASURES: [what: string, responsible: string, due: string, status: MeasureStatus][] = [
  ["Kartlegge hvordan barn og elever opplever miljøet", "Ledergruppa", "høsten", "done"],
  ["Felles regler for uteområdet", "Alle pedagoger", "før jul", "under-way"],
  ["Gjennomgang av aktivitetsplikten på personalmøte", "Alle ansatte", "januar", "planned"],
  ["Observasjon i overgangssituasjoner", "Assistentene", "våren", "dropped"],
];

async function seedDevelopment(db: Db, today: string) {
  const [ibs] = await programmesOwnedBy(db, ["udir"]);
  if (!ibs) throw new Error("the development demo needs the demo programmes");
  const frame = ibsFrame(today);
  const at = (days: number) => new Date(`${addDays(today, days)}T09:00:00Z`);
  await db.insert(developmentFrames).values({
    programmeId: ibs.id,
    cohortId: null,
    version: 1,
    ...frame,
    savedAt: at(-30),
  });
  const cohort3 = await cohortIdOf(db, ibs.id, 3);
  if (cohort3 === null) return;
  const arendal = (await activeUnitsIn(db, ["4203"])).map((u) => u.orgNumber);
  const enrolled = (await enrolmentsOfUnits(db, arendal, [cohort3])).map((e) => e.unitOrgNumber);
  for (const [i, orgNumber] of enrolled.sort().entries()) {
    const phase = frame.phases[i % frame.phases.length]!.key;
    const selfAssessment = Object.fromEntries(
      frame.themes.map((t, j) => [
        t.key,
        {
          score: 1 + ((i + j) % 5),
          text: j === 0 ? "Vi har begynt å snakke felles om dette." : "",
        },
      ]),
    );
    const goals = "Alle ansatte kjenner aktivitetsplikten og bruker den i hverdagen.";
    const [plan] = await db
      .insert(developmentPlans)
      .values({
        cohortId: cohort3,
        unitOrgNumber: orgNumber,
        municipalityCode: "4203",
        phase,
        selfAssessment,
        goals,
        version: 1,
        createdAt: at(-3),
        updatedAt: at(-3),
      })
      .returning({ id: developmentPlans.id });
    await db.insert(developmentPlanVersions).values({
      planId: plan!.id,
      version: 1,
      phase,
      selfAssessment,
      goals,
      savedAt: at(-3),
    });
    await db.insert(developmentMeasures).values(
      MEASURES.slice(0, i + 1).map(([what, responsible, due, status]) => ({
        planId: plan!.id,
        what,
        responsible,
        due,
        status,
        createdAt: at(-3),
        updatedAt: at(-2),
      })),
    );
    // Two units followed up lately, one not for ten weeks, the last never.
    const daysAgo = [[-3, -20], [-9], [-70], []][i % 4]!;
    for (const days of daysAgo)
      await db.insert(developmentFollowUps).values({
        cohortId: cohort3,
        unitOrgNumber: orgNumber,
        municipalityCode: "4203",
        kind: FOLLOW_UP_KINDS[(i + Math.abs(days)) % FOLLOW_UP_KINDS.length]!,
        heldOn: addDays(today, days),
        minutes: 60,
        topics: "Kartlegging og neste steg",
        note: "Ledergruppa har god oversikt over arbeidet.",
        loggedAt: at(days),
      });
  }
}
