import { eq } from "drizzle-orm";
import { createApp } from "../src/app";
import type { Database } from "../src/db/client";
import { fixedClock } from "../src/kernel/clock";
import { createCohort, recordParticipants } from "../src/modules/cohorts";
import { coverageAtStart, getCohort } from "../src/modules/cohorts/chain";
import { createGathering, sessionsOf } from "../src/modules/gatherings";
import { agendaOn, gatheringInput } from "../src/modules/gatherings/factories";
import { gatheringRegistrations } from "../src/modules/gatherings/schema";
import { people, roleAssignments, sessions } from "../src/modules/identity/schema";
import { hashId, newSecret } from "../src/modules/identity/sessions";
import { countyOfficesAt } from "../src/modules/organisations";
import { seededRandom } from "../src/modules/organisations/factories";
import { bench, log, onBothDatabases, percentile } from "./lib";
import { ibsProgramme } from "./national";

const PARTICIPANTS = 3_000;
const SEATS = 500;
const CLIENTS = 100;
const WINDOW_MS = 60_000;
/** The instant the app's clock shows: registration is open. */
const NOW = new Date("2027-01-12T08:00:00Z");
const ORIGIN = "http://127.0.0.1";

export type Setup = {
  gatheringId: number;
  cookies: string[];
  personIds: number[];
  groups: number[];
};

const DAY_MS = 86_400_000;

/**
 * The cohort, its participants, a gathering whose registration opened a week before `now`, and
 * the signed-in participants (also used by bench/cluster.ts, on the real clock).
 */
export async function prepareRush(
  db: Database["db"],
  opts: { now: Date; participants: number; seats: number; groupCapacity?: number },
): Promise<Setup> {
  const { now: NOW, participants: PARTICIPANTS, seats: SEATS } = opts;
  const at = (days: number) => new Date(NOW.getTime() + days * DAY_MS);
  const day = at(29).toISOString().slice(0, 10);
  const programmeId = await ibsProgramme(db, NOW.toISOString().slice(0, 10), NOW);
  const cohortId = await createCohort(
    db,
    { programmeId, number: 1, startsOn: "2026-08-01", endsOn: "2028-06-30", createdAt: NOW },
    [],
  );
  const cohort = (await getCohort(db, cohortId))!;
  const rows: { municipalityCode: string; officeId: string }[] = [];
  for (const office of await countyOfficesAt(db, cohort.startsOn, "nb")) {
    for (const m of await coverageAtStart(db, cohort, office.id))
      rows.push({ municipalityCode: m.code, officeId: office.id });
  }
  await recordParticipants(db, cohortId, rows, NOW);
  const codes = rows.map((r) => r.municipalityCode);

  const made = await createGathering(
    db,
    gatheringInput(programmeId, {
      cohortId,
      allowedCohorts: [cohortId],
      capacity: SEATS,
      titleNb: "Nasjonal samling for pulje 1",
      titleNn: "Nasjonal samling for pulje 1",
      registrationOpensAt: at(-7),
      registrationClosesAt: at(20),
      day,
      // Two parallel groups of 300 places each (by default): more than the seats together, so
      // none fills.
      sessions: agendaOn(day).map((s) =>
        s.kind === "group" ? { ...s, capacity: opts.groupCapacity ?? 300 } : s,
      ),
    }),
    { personId: null, now: NOW, baseUrl: ORIGIN },
  );
  if (!made.ok) throw new Error(`registration-rush: ${JSON.stringify(made.errors)}`);
  const groups = (await sessionsOf(db, made.gatheringId))
    .filter((s) => s.kind === "group")
    .map((s) => s.id);

  // The participants, their roles and their sessions, in bulk (as sign-in would leave them).
  const personIds: number[] = [];
  const cookies: string[] = [];
  for (let start = 0; start < PARTICIPANTS; start += 500) {
    const batch = Array.from({ length: Math.min(500, PARTICIPANTS - start) }, (_, i) => start + i);
    const inserted = await db
      .insert(people)
      .values(
        batch.map((i) => ({
          name: `Deltaker ${i + 1}`,
          email: `deltaker-${i + 1}@bench.samspill.example`,
          createdAt: NOW,
        })),
      )
      .returning({ id: people.id });
    const ids = inserted.map((r) => r.id);
    await db.insert(roleAssignments).values(
      ids.map((personId, k) => ({
        personId,
        role: (start + k) % 4 === 0 ? "municipal-coordinator" : "resource-person",
        orgKind: "municipality",
        orgId: codes[(start + k) % codes.length]!,
        grantedAt: NOW,
      })),
    );
    const secrets = ids.map(() => newSecret());
    await db.insert(sessions).values(
      ids.map((personId, k) => ({
        idHash: hashId(secrets[k]!),
        personId,
        via: "bench",
        createdAt: NOW,
        lastSeenAt: NOW,
        expiresAt: at(1),
      })),
    );
    personIds.push(...ids);
    cookies.push(...secrets.map((s) => `samspill-session=${s}`));
  }
  return { gatheringId: made.gatheringId, cookies, personIds, groups };
}

type Figures = { overbooked: number; lost: number; p95: number };

async function measure(database: Database, label: string): Promise<Figures> {
  const t0Setup = performance.now();
  await database.migrate();
  const db = database.db;
  const setup = await prepareRush(db, { now: NOW, participants: PARTICIPANTS, seats: SEATS });
  log(
    `registration-rush (${label}): ${PARTICIPANTS} participants in ${(
      (performance.now() - t0Setup) / 1000
    ).toFixed(1)} s of setup`,
  );
  const app = createApp({
    db,
    secret: "bench-secret-that-is-long-enough-0123456789",
    clock: fixedClock(NOW),
    env: "production",
    linkBase: ORIGIN,
    mailKind: "outbox",
    pageCacheSeconds: 0,
    log: () => {},
  });
  const path = `/nb/samlinger/${setup.gatheringId}/pamelding`;
  const random = seededRandom(11);
  // Who registers when: each participant once, at a random instant of the minute.
  const arrivals = setup.cookies
    .map((cookie, i) => ({ i, cookie, at: random.next() * WINDOW_MS }))
    .sort((a, b) => a.at - b.at);
  const ms: number[] = [];
  const lateness: number[] = [];
  const answered = new Map<number, number>(); // participant index → HTTP status
  const sentBy = new Map<number, { client: number; seq: number }>();
  let next = 0;
  const t0 = performance.now();
  const client = async (clientNo: number) => {
    let seq = 0;
    while (next < arrivals.length) {
      const a = arrivals[next++]!;
      const wait = t0 + a.at - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      lateness.push(Math.max(0, performance.now() - (t0 + a.at)));
      sentBy.set(a.i, { client: clientNo, seq: seq++ });
      const form: Record<string, string> = { [`session-${setup.groups[a.i % 2]}`]: "yes" };
      if (a.i % 10 === 0) form.dietary = "Vegetar";
      const s = performance.now();
      try {
        const res = await app.request(`${ORIGIN}${path}`, {
          method: "POST",
          body: new URLSearchParams(form),
          headers: {
            "Content-Type": "application/x-www-form-urlencoded",
            Origin: ORIGIN,
            Cookie: a.cookie,
          },
        });
        await res.arrayBuffer();
        answered.set(a.i, res.status);
      } catch {
        answered.set(a.i, 0);
      }
      ms.push(performance.now() - s);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, k) => client(k)));
  const seconds = (performance.now() - t0) / 1000;

  // What the database holds afterwards.
  const stored = await db
    .select()
    .from(gatheringRegistrations)
    .where(eq(gatheringRegistrations.gatheringId, setup.gatheringId));
  const byPerson = new Map(stored.map((r) => [r.personId, r]));
  const held = stored.filter((r) => r.status === "confirmed" || r.status === "offered").length;
  const confirmed = stored.filter((r) => r.status === "confirmed").length;
  const waiting = stored.filter((r) => r.status === "waiting");
  const overbooked = Math.max(0, held - SEATS);
  let lost = 0;
  setup.personIds.forEach((personId, i) => {
    const ok = answered.get(i) === 303;
    if (!ok || !byPerson.has(personId)) lost++;
  });

  // The order: queue numbers once each; every waiting after every confirmed; each client's
  // registrations in the order it sent them.
  const problems: string[] = [];
  const queue = stored.map((r) => r.queueNumber).sort((a, b) => a - b);
  if (stored.length !== PARTICIPANTS) problems.push(`${stored.length} stored`);
  if (queue.some((q, k) => q !== k + 1)) problems.push("queue numbers not 1..n once each");
  if (confirmed !== Math.min(SEATS, stored.length))
    problems.push(`${confirmed} confirmed, not ${SEATS}`);
  const lastConfirmed = Math.max(
    0,
    ...stored.filter((r) => r.status === "confirmed").map((r) => r.queueNumber),
  );
  if (waiting.some((r) => r.queueNumber < lastConfirmed))
    problems.push("a waiting registration came before a confirmed one");
  const perClient = new Map<number, { seq: number; queue: number }[]>();
  setup.personIds.forEach((personId, i) => {
    const sent = sentBy.get(i);
    const row = byPerson.get(personId);
    if (!sent || !row) return;
    const list = perClient.get(sent.client) ?? [];
    list.push({ seq: sent.seq, queue: row.queueNumber });
    perClient.set(sent.client, list);
  });
  for (const list of perClient.values()) {
    list.sort((a, b) => a.seq - b.seq);
    if (list.some((x, k) => k > 0 && x.queue < list[k - 1]!.queue)) {
      problems.push("a client's later registration is ahead of its earlier one");
      break;
    }
  }
  const statuses = new Map<number, number>();
  for (const s of answered.values()) statuses.set(s, (statuses.get(s) ?? 0) + 1);
  log(
    `registration-rush (${label}): ${PARTICIPANTS} registrations by ${CLIENTS} clients in ${seconds.toFixed(1)} s; ` +
      `answers ${[...statuses].map(([s, n]) => `${s}×${n}`).join(", ")}; ` +
      `${confirmed} confirmed, ${waiting.length} waiting, ${held - confirmed} offered; ` +
      `p50 ${percentile(ms, 50).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms; ` +
      `sends late by p95 ${percentile(lateness, 95).toFixed(1)} ms; order ${problems.length ? problems.join("; ") : "kept"}`,
  );
  if (problems.length > 0) lost = Math.max(lost, 1);
  return { overbooked, lost, p95: percentile(ms, 95) };
}

function print(figures: Figures, suffix: string) {
  // The issue's targets for the first two are equalities, which bench() (>= and <=) does not print.
  console.log(
    `BENCH registration-rush-overbooked${suffix} ${figures.overbooked} seats target == 0`,
  );
  console.log(`BENCH registration-rush-lost${suffix} ${figures.lost} registrations target == 0`);
  bench(`registration-rush-p95${suffix}`, figures.p95.toFixed(0), "ms", "<=", "250");
}

export async function registrationRushBenchmark() {
  await onBothDatabases(
    "registration-rush",
    async (database, { label, suffix }) => print(await measure(database, label), suffix),
    { poolSize: 10 },
  );
}

// Alone: `node --import tsx bench/registration-rush.ts`.
if (import.meta.url === `file://${process.argv[1]}`) await registrationRushBenchmark();
