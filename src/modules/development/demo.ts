import { count } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { DemoSeed } from "../../kernel/manifest";
import { programmesOwnedBy } from "../programmes";
import type { FrameInput } from "./frame";
import { developmentFrames } from "./schema";

/**
 * The development work of the demo: IBS's frame (its four themes, the four phases of cohort 3's
 * two years, three reflection questions).
 */
export const developmentDemo: DemoSeed = {
  // After the cohorts (60: gatherings, which reflections are about).
  order: 70,
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

async function seedDevelopment(db: Db, today: string) {
  const [ibs] = await programmesOwnedBy(db, ["udir"]);
  if (!ibs) throw new Error("the development demo needs the demo programmes");
  await db.insert(developmentFrames).values({
    programmeId: ibs.id,
    cohortId: null,
    version: 1,
    ...ibsFrame(today),
    savedAt: new Date(`${today}T08:00:00Z`),
  });
}
