// Benchmark: the grants' ledger (GET /nb/admin/tilskudd/:cohort and GET /nb/admin/tilskudd), as a
// programme admin, over 3 cohorts × 357 municipalities with allocations, acceptances, payments,
// reports and returns (odd amounts, every state), and 20,000 travel claims (decision 0033), on
// both databases (bench/lib onBothDatabases). Also `grant-ledger-diff`: the øre by which the
// ledger's totals (summed by the database) differ from the sum of its rows' figures, travel
// claims included.
import { eq } from "drizzle-orm";
import { createApp } from "../src/app";
import type { Database } from "../src/db/client";
import { fixedClock } from "../src/kernel/clock";
import { createCohort } from "../src/modules/cohorts";
import { addInto, databaseTotals, FIGURES, figuresOf, zero } from "../src/modules/grants/ledger";
import { type GrantState, grantSchemes, grants, travelClaims } from "../src/modules/grants/schema";
import { rebuildTravelTotals, TRAVEL_FIGURES, travelTotals } from "../src/modules/grants/travel";
import { createSession } from "../src/modules/identity/sessions";
import { municipalitiesAt } from "../src/modules/organisations";
import { bench, log, onBothDatabases, percentile } from "./lib";
import { ibsProgramme, udirProgrammeAdmin } from "./national";

const NOW = new Date("2026-11-23T10:00:00Z");
const TODAY = "2026-11-23";
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 30);
/** The 20,000 travel claims (20,001), over the three cohorts. */
const CLAIMS_PER_COHORT = 6_667;
const STATES: GrantState[] = [
  "allocated",
  "letter-sent",
  "accepted",
  "declined",
  "paid",
  "reported",
  "closed",
];

export async function fill(db: Database["db"]) {
  const t0 = performance.now();
  const programmeId = await ibsProgramme(db, TODAY, NOW);
  const admin = await udirProgrammeAdmin(db, NOW, "grant-ledger");
  const codes = (await municipalitiesAt(db, TODAY)).map((m) => m.code);
  const cohortIds: number[] = [];
  const schemeIds: number[] = [];
  let rows = 0;
  let claims = 0;
  for (const number of [1, 2, 3]) {
    const cohortId = await createCohort(
      db,
      {
        programmeId,
        number,
        startsOn: `${2015 + number * 2}-08-01`,
        endsOn: `${2017 + number * 2}-06-30`,
        createdAt: NOW,
      },
      [],
    );
    cohortIds.push(cohortId);
    const [scheme] = await db
      .insert(grantSchemes)
      .values({
        cohortId,
        purposes: ["resource-person", "travel"],
        basis: "per-unit",
        travelCeilingOre: 4_500_00,
        amountOre: 12_345_67,
        floorOre: 25_000_01,
        ceilingOre: 150_000_99,
        conditionsNb: "Vilkår.",
        conditionsNn: "Vilkår.",
        acceptDeadline: "2027-01-15",
        reportDeadline: "2028-01-15",
        updatedAt: NOW,
      })
      .returning();
    schemeIds.push(scheme!.id);
    const values = codes.map((code, i) => {
      const state = STATES[(i * 7 + number) % STATES.length]!;
      // Odd amounts: never a round number of kroner.
      const amountOre = 25_000_01 + ((i * 104_729 + number * 7_919) % 12_500_000);
      const usedOre =
        state === "reported" || state === "closed" ? amountOre - ((i * 31) % amountOre) : null;
      return {
        schemeId: scheme!.id,
        municipalityCode: code,
        enrolledUnits: (i % 23) + 1,
        amountOre,
        state,
        allocatedAt: NOW,
        usedOre,
        returnedOre: state === "closed" ? amountOre - usedOre! : null,
        paymentReference: ["paid", "reported", "closed"].includes(state)
          ? `SAMSPILL-TS-${number}-${i}`
          : null,
      };
    });
    await db.insert(grants).values(values);
    rows += values.length;
    // Travel claims (decision 0033): 20 000 over the three cohorts, odd amounts in every state.
    const claimStates = ["submitted", "approved", "rejected", "paid"] as const;
    for (let from = 0; from < CLAIMS_PER_COHORT; from += 2_000) {
      const chunk = Array.from({ length: Math.min(2_000, CLAIMS_PER_COHORT - from) }, (_, j) => {
        const i = from + j;
        const state = claimStates[(i * 3 + number) % 4]!;
        return {
          schemeId: scheme!.id,
          gatheringId: 1 + (i % 5),
          personId: 1_000_000 + number * 100_000 + i,
          municipalityCode: codes[i % codes.length]!,
          route: "Benk–Oslo tur-retur",
          means: "train" as const,
          amountOre: 1 + ((i * 7_919 + number * 104_729) % 4_500_00),
          accountNumber: "12345678903",
          state,
          submittedAt: NOW,
          paymentReference: state === "paid" ? `SAMSPILL-RS-${number}-${i}` : null,
        };
      });
      await db.insert(travelClaims).values(chunk);
    }
    claims += CLAIMS_PER_COHORT;
    // Written past the service: their kept totals summed once, as the service keeps them.
    await rebuildTravelTotals(db, [scheme!.id]);
  }
  log(
    `grant-ledger: 3 cohorts × ${codes.length} municipalities, ${rows} grants in every state, ` +
      `${claims} travel claims, ` +
      `filled in ${((performance.now() - t0) / 1000).toFixed(1)}s`,
  );
  return { cohortIds, schemeIds, adminId: admin.id };
}

/** The ledger's totals against the sum of its rows, in øre (0 when exact). */
async function difference(db: Database["db"], schemeIds: number[]) {
  const totals = await databaseTotals(db, schemeIds);
  let diff = 0;
  for (const id of schemeIds) {
    const sum = (await db.select().from(grants))
      .filter((g) => g.schemeId === id)
      .reduce((s, g) => addInto(s, figuresOf(g)), zero());
    const total = totals.get(id) ?? zero();
    for (const k of FIGURES) diff += Math.abs(total[k] - sum[k]);
  }
  // The travel figures likewise: the database's sums against the rows added up here.
  const travel = await travelTotals(db, schemeIds);
  for (const id of schemeIds) {
    const rows = await db.select().from(travelClaims).where(eq(travelClaims.schemeId, id));
    const sums = { submitted: 0, approved: 0, paid: 0, rejected: 0 };
    for (const c of rows) sums[c.state] += c.amountOre;
    const total = travel.get(id);
    for (const k of TRAVEL_FIGURES) diff += Math.abs((total?.[k] ?? 0) - sums[k]);
  }
  return diff;
}

async function measure(database: Database, label: string) {
  await database.migrate();
  const { cohortIds, schemeIds, adminId } = await fill(database.db);
  const app = createApp({
    db: database.db,
    secret: "bench-secret-that-is-long-enough-0123456789",
    clock: fixedClock(NOW),
    env: "production",
    linkBase: "https://samspill.example",
    mailKind: "outbox",
    pageCacheSeconds: 0,
    log: () => {},
  });
  const cookie = `samspill-session=${await createSession(database.db, adminId, "bench", NOW)}`;
  const result: Record<string, number> = {};
  for (const path of [`/nb/admin/tilskudd/${cohortIds[2]}`, "/nb/admin/tilskudd"]) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < WARMUP + REQUESTS; i++) {
      const t0 = performance.now();
      const res = await app.request(path, { headers: { Cookie: cookie } });
      const body = await res.text();
      const ms = performance.now() - t0;
      if (res.status !== 200) throw new Error(`grant-ledger: ${path} answered ${res.status}`);
      if (i < WARMUP) continue;
      times.push(ms);
      bytes = body.length;
    }
    log(
      `grant-ledger (${label}): ${REQUESTS} requests of GET ${path} after ${WARMUP} warm-up, ` +
        `${(bytes / 1024).toFixed(0)} kB each; p50 ${percentile(times, 50).toFixed(2)} ms, ` +
        `p95 ${percentile(times, 95).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms`,
    );
    result[path] = percentile(times, 95);
  }
  return {
    p95: Math.max(...Object.values(result)),
    diff: await difference(database.db, schemeIds),
  };
}

export async function grantLedgerBenchmark() {
  await onBothDatabases("grant-ledger", async (database, { label, suffix }) => {
    const { p95, diff } = await measure(database, label);
    const note = suffix
      ? undefined
      : "the cohort's page and the list, the slower; with 20,000 travel claims";
    bench(`grant-ledger-p95${suffix}`, p95.toFixed(2), "ms", "<=", "100", note);
    bench(`grant-ledger-diff${suffix}`, String(diff), "øre", "==", "0");
  });
}
