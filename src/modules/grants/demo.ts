import { count } from "drizzle-orm";
import type { Db } from "../../db/client";
import { addDays, endOfOsloDay } from "../../kernel/clock";
import type { DemoSeed } from "../../kernel/manifest";
import type { Outcome } from "../../kernel/result";
import { cohortIdOf } from "../cohorts";
import { completeOrgNumber } from "../organisations";
import { programmesOwnedBy } from "../programmes";
import { acceptGrant, payGrant, reportUse, sendLetters } from "./life";
import { grants } from "./schema";
import { allocate, grantsOfScheme, saveScheme } from "./schemes";
import { seedCohort1Grants } from "./travel-demo";

/**
 * The grants of the demo: IBS cohort 3 (live) has a scheme for the local resource person,
 * 60 000 kr per municipality; the municipalities that have said yes to the cohort (Arendal and
 * Sogndal in the cohorts' demo) are allocated and have their letters. Sogndal has accepted and
 * been paid; Arendal has also reported, with some of the money unused (to be returned). When
 * Kari (Kristiansand) says yes to the cohort, Ada can allocate to Kristiansand too.
 */
export const grantsDemo: DemoSeed = {
  // After the cohorts and their chain (order 30) and the gatherings (60).
  order: 70,
  seeded: async (db) => {
    const [row] = await db.select({ n: count() }).from(grants);
    return Number(row?.n ?? 0) > 0;
  },
  seed: async (db, { today, files }) => {
    await seedCohort1Grants(db, files, demoAccountNumber, demoOrgNumber);
    await seedGrants(db, today);
  },
};

function must<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`grants demo: ${JSON.stringify(outcome.errors)}`);
  return outcome;
}

/** A valid account number (MOD11) from ten digits, for the demo only. */
export function demoAccountNumber(first10: string): string {
  const weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  for (let n = Number(first10); ; n++) {
    const digits = String(n).padStart(10, "0");
    let sum = 0;
    for (let i = 0; i < 10; i++) sum += Number(digits[i]) * weights[i]!;
    const r = sum % 11;
    const check = r === 0 ? 0 : 11 - r;
    if (check !== 10) return `${digits}${check}`;
  }
}

/** A valid organisation number (its check digit right) from eight digits, for the demo only. */
export function demoOrgNumber(first8: string): string {
  for (let n = Number(first8); ; n++) {
    const made = completeOrgNumber(String(n).padStart(8, "0"));
    if (made) return made;
  }
}

export const DEMO_CONDITIONS = {
  nb: "Tilskuddet skal brukes til å frikjøpe tid for den lokale ressurspersonen i kommunen.\nUbrukte midler betales tilbake.",
  nn: "Tilskotet skal brukast til å kjøpe fri tid for den lokale ressurspersonen i kommunen.\nUbrukte midlar blir betalte tilbake.",
};

async function seedGrants(db: Db, today: string) {
  const [ibs] = await programmesOwnedBy(db, ["udir"]);
  if (!ibs) throw new Error("the grants' demo needs the demo programmes");
  const cohortId = await cohortIdOf(db, ibs.id, 3);
  if (!cohortId) throw new Error("the grants' demo needs IBS cohort 3");
  const at = (days: number) =>
    new Date(endOfOsloDay(addDays(today, days)).getTime() - 8 * 3_600_000);
  const system = (days: number) => ({ personId: null, now: at(days) });
  const { id: schemeId } = must(
    await saveScheme(
      db,
      cohortId,
      {
        purposes: ["resource-person"],
        basis: "flat",
        amount: "60000",
        floor: "",
        ceiling: "",
        conditionsNb: DEMO_CONDITIONS.nb,
        conditionsNn: DEMO_CONDITIONS.nn,
        acceptDeadline: addDays(today, 30),
        reportDeadline: addDays(today, 365),
      },
      system(-3),
    ),
  );
  must(await allocate(db, cohortId, system(-3)));
  must(await sendLetters(db, { schemeId }, system(-2)));
  const byCode = new Map((await grantsOfScheme(db, schemeId)).map((g) => [g.municipalityCode, g]));
  for (const [code, org, account] of [
    ["4640", "96400001", "1503000000"],
    ["4203", "96400002", "2800000000"],
  ] as const) {
    const grant = byCode.get(code);
    if (!grant) continue;
    must(
      await acceptGrant(
        db,
        {
          grantId: grant.id,
          municipalityCode: code,
          orgNumber: demoOrgNumber(org),
          accountNumber: demoAccountNumber(account),
          conditions: "yes",
        },
        system(-1),
      ),
    );
    must(await payGrant(db, { schemeId, grantId: grant.id }, system(0)));
  }
  const arendal = byCode.get("4203");
  if (arendal) {
    must(
      await reportUse(
        db,
        {
          grantId: arendal.id,
          municipalityCode: "4203",
          used: "52 437,50",
          usedFor: ["resource-person-hours", "substitutes"],
          account:
            "Ressurspersonen har fulgt arbeidet i fire barnehager og skoler, med vikar på møtedagene.",
        },
        system(0),
      ),
    );
  }
}
