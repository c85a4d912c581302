import { createApp } from "../src/app";
import type { Database } from "../src/db/client";
import { fixedClock } from "../src/kernel/clock";
import { createCohort, inviteOffices } from "../src/modules/cohorts";
import { ibsFrame } from "../src/modules/development/demo";
import { UNITS_PER_PAGE } from "../src/modules/development/progress-routes";
import {
  developmentFollowUps,
  developmentFrames,
  developmentMeasures,
  developmentPlans,
  developmentReflections,
  FOLLOW_UP_KINDS,
  MEASURE_STATUSES,
} from "../src/modules/development/schema";
import { grantRole } from "../src/modules/identity";
import { people } from "../src/modules/identity/schema";
import { createSession } from "../src/modules/identity/sessions";
import {
  learningNetworks,
  networkMeetings,
  networkMembers,
  networkMunicipalities,
} from "../src/modules/networks/schema";
import { countyOfficesAt, importRegister, municipalitiesAt } from "../src/modules/organisations";
import {
  generateUnits,
  orgNumbers,
  registerPages,
  registerRow,
  seededRandom,
} from "../src/modules/organisations/factories";
import { units } from "../src/modules/organisations/schema";
import { bench, log, onBothDatabases, percentile } from "./lib";
import { ibsProgramme } from "./national";

const NOW = new Date("2026-11-23T10:00:00Z");
const TODAY = "2026-11-23";
const MUNICIPALITIES = 40;
const UNITS = 600;
const MEASURES = 6_000;
const FOLLOW_UPS = 10_000;
const REFLECTIONS = 10_000;
/** Two learning networks per municipality, every unit in one, six meetings each (four held). */
const NETWORKS = MUNICIPALITIES * 2;
const MEETINGS_PER_NETWORK = 6;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 30);

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 1000) await insert(rows.slice(i, i + 1000));
}

export async function countyProgress(db: Database["db"]) {
  const t0 = performance.now();
  const programmeId = await ibsProgramme(db, TODAY, NOW);
  const cohortId = await createCohort(
    db,
    { programmeId, number: 1, startsOn: "2027-08-01", endsOn: "2029-06-30", createdAt: NOW },
    [],
  );
  // The office with the most municipalities today (at least 40 of them).
  const offices = await countyOfficesAt(db, TODAY, "nb");
  const all = await municipalitiesAt(db, TODAY);
  const covered = offices
    .map((o) => ({
      o,
      codes: all.filter((m) => o.countyCodes.includes(m.countyCode)).map((m) => m.code),
    }))
    .sort((a, b) => b.codes.length - a.codes.length)[0]!;
  if (covered.codes.length < MUNICIPALITIES)
    throw new Error(
      `progress-overview: ${covered.o.id} covers ${covered.codes.length} municipalities`,
    );
  const codes = covered.codes.slice(0, MUNICIPALITIES);
  const invited = await inviteOffices(db, cohortId, [covered.o.id], {
    personId: null,
    now: NOW,
    baseUrl: "http://127.0.0.1",
  });
  if (!invited.ok) throw new Error("progress-overview: office not invited");
  const [coordinator] = await db
    .insert(people)
    .values({ name: "Benk Statsforvalter", email: "sf@bench.example", createdAt: NOW })
    .returning();
  const granted = await grantRole(
    db,
    { personId: coordinator!.id, role: "county-coordinator", orgId: covered.o.id },
    { personId: null, now: NOW },
  );
  if (!granted.ok) throw new Error("progress-overview: role refused");
  await db.insert(developmentFrames).values({
    programmeId,
    cohortId: null,
    version: 1,
    ...ibsFrame(TODAY),
    savedAt: NOW,
  });

  const random = seededRandom(12);
  const generated = generateUnits({
    source: "nsr",
    count: UNITS,
    municipalityCodes: codes,
    random,
    nextOrgNumber: orgNumbers(random, new Set()),
    privateShare: 0.1,
    closedShare: 0,
  });
  const report = await importRegister(db, {
    source: "nsr",
    pages: registerPages(generated.map((u) => registerRow("nsr", u))),
    origin: "bench",
    coverage: "register",
    date: TODAY,
  });
  if (report.added !== UNITS) throw new Error(`progress-overview: imported ${report.added}`);
  const unitRows = await db
    .select({ orgNumber: units.orgNumber, municipalityCode: units.municipalityCode })
    .from(units);
  const plans = await db
    .insert(developmentPlans)
    .values(
      unitRows.map((u, i) => ({
        cohortId,
        unitOrgNumber: u.orgNumber,
        municipalityCode: u.municipalityCode,
        phase: i % 5 === 4 ? null : String((i % 4) + 1),
        goals: "Alle ansatte kjenner aktivitetsplikten.",
        version: 1,
        createdAt: NOW,
        updatedAt: NOW,
      })),
    )
    .returning({
      id: developmentPlans.id,
      orgNumber: developmentPlans.unitOrgNumber,
      municipalityCode: developmentPlans.municipalityCode,
    });
  await inChunks(
    Array.from({ length: MEASURES }, (_, i) => ({
      planId: plans[i % plans.length]!.id,
      what: `Tiltak ${i + 1}`,
      responsible: "Alle pedagoger",
      due: "våren 2028",
      status: MEASURE_STATUSES[i % MEASURE_STATUSES.length]!,
      createdAt: NOW,
      updatedAt: NOW,
    })),
    (chunk) => db.insert(developmentMeasures).values(chunk),
  );
  await inChunks(
    Array.from({ length: FOLLOW_UPS }, (_, i) => {
      const plan = plans[i % plans.length]!;
      return {
        cohortId,
        unitOrgNumber: plan.orgNumber,
        municipalityCode: plan.municipalityCode,
        kind: FOLLOW_UP_KINDS[i % FOLLOW_UP_KINDS.length]!,
        heldOn: `2026-${String((i % 11) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}`,
        minutes: 60,
        topics: "Kartlegging",
        note: "",
        loggedAt: NOW,
      };
    }),
    (chunk) => db.insert(developmentFollowUps).values(chunk),
  );
  await inChunks(
    Array.from({ length: REFLECTIONS }, (_, i) => ({
      planId: plans[i % plans.length]!.id,
      aboutKind: "gathering" as const,
      aboutId: 1 + (i % 4),
      tried: "Felles regler for friminuttet.",
      saw: "Færre konflikter.",
      next: "Videre i våren.",
      shared: i % 10 === 0,
      writtenAt: new Date(NOW.getTime() - i * 60_000),
    })),
    (chunk) => db.insert(developmentReflections).values(chunk),
  );
  const networks = await db
    .insert(learningNetworks)
    .values(
      Array.from({ length: NETWORKS }, (_, i) => ({
        cohortId,
        name: `Nettverk ${i + 1}`,
        leadMunicipality: codes[i % codes.length]!,
        createdAt: NOW,
      })),
    )
    .returning({ id: learningNetworks.id, lead: learningNetworks.leadMunicipality });
  await db.insert(networkMunicipalities).values(
    networks.map((n) => ({
      networkId: n.id,
      municipalityCode: n.lead,
      state: "lead" as const,
      invitedAt: NOW,
    })),
  );
  // Each unit in one of its municipality's two networks.
  const byLead = new Map<string, number[]>();
  for (const n of networks) byLead.set(n.lead, [...(byLead.get(n.lead) ?? []), n.id]);
  await inChunks(
    plans.map((p, i) => {
      const own = byLead.get(p.municipalityCode) ?? [networks[0]!.id];
      return {
        networkId: own[i % own.length]!,
        kind: "unit" as const,
        unitOrgNumber: p.orgNumber,
        municipalityCode: p.municipalityCode,
        name: `Leder ${i + 1}`,
        email: `leder-${i + 1}@bench.example`,
        addedAt: NOW,
      };
    }),
    (chunk) => db.insert(networkMembers).values(chunk),
  );
  await inChunks(
    networks.flatMap((n, i) =>
      Array.from({ length: MEETINGS_PER_NETWORK }, (_, k) => {
        const startsAt = new Date(NOW.getTime() + (k - 4) * 14 * 86_400_000 + i * 3_600_000);
        return {
          networkId: n.id,
          title: `Møte ${k + 1}`,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
          place: "Rådhuset",
          createdAt: NOW,
        };
      }),
    ),
    (chunk) => db.insert(networkMeetings).values(chunk),
  );
  log(
    `progress-overview: ${covered.o.id}, ${codes.length} municipalities, ${plans.length} plans, ` +
      `${NETWORKS} networks with ${NETWORKS * MEETINGS_PER_NETWORK} meetings, ` +
      `${MEASURES} measures, ${FOLLOW_UPS} follow-ups, ${REFLECTIONS} reflections in ` +
      `${((performance.now() - t0) / 1000).toFixed(1)}s`,
  );
  return { cohortId, coordinatorId: coordinator!.id };
}

/** p95 of the progress page on one database; the database is migrated and filled here. */
async function measure(database: Database, label: string) {
  await database.migrate();
  const { cohortId, coordinatorId } = await countyProgress(database.db);
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
  const cookie = `samspill-session=${await createSession(database.db, coordinatorId, "bench", NOW)}`;
  const path = `/nb/utviklingsarbeid/framdrift?pulje=${cohortId}`;
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const t0 = performance.now();
    const res = await app.request(path, { headers: { Cookie: cookie } });
    const body = await res.text();
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`progress-overview: ${path} answered ${res.status}`);
    // One page of units (50 of 600) and every municipality, with their network figures.
    if (i === 0 && (body.match(/<tr>/g) ?? []).length < UNITS_PER_PAGE + MUNICIPALITIES) {
      throw new Error(
        "progress-overview: the page does not show a page of units and every municipality",
      );
    }
    if (i === 0 && !body.includes(`Side 1 av ${Math.ceil(UNITS / UNITS_PER_PAGE)}`))
      throw new Error("progress-overview: the page does not say which page of units it shows");
    if (process.env.BENCH_VERBOSE) log(`progress-overview: request ${i} ${ms.toFixed(0)} ms`);
    if (i < WARMUP) continue;
    times.push(ms);
    bytes = body.length;
  }
  log(
    `progress-overview (${label}): ${REQUESTS} requests of GET ${path} as a county coordinator after ${WARMUP} warm-up, ` +
      `${(bytes / 1024).toFixed(0)} kB of HTML each; p50 ${percentile(times, 50).toFixed(2)} ms, ` +
      `max ${Math.max(...times).toFixed(2)} ms`,
  );
  return percentile(times, 95);
}

export async function progressOverviewBenchmark() {
  await onBothDatabases("progress-overview", async (database, { label, suffix }) => {
    const p95 = await measure(database, label);
    bench(`progress-overview-p95${suffix}`, p95.toFixed(2), "ms", "<=", "100");
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await progressOverviewBenchmark();
  process.exit(0);
}
