import { createApp } from "../src/app";
import type { Database } from "../src/db/client";
import { fixedClock } from "../src/kernel/clock";
import { createCohort } from "../src/modules/cohorts";
import {
  type Actor,
  answerInvitation,
  coverageAtStart,
  enrolUnits,
  getCohort,
  inviteOffices,
  inviteToCohort,
  setContact,
} from "../src/modules/cohorts/chain";
import { cohortInvitations } from "../src/modules/cohorts/schema";
import { createSession } from "../src/modules/identity/sessions";
import { countyOfficesAt, importRegister } from "../src/modules/organisations";
import {
  generateUnits,
  orgNumbers,
  registerPages,
  registerRow,
  seededRandom,
} from "../src/modules/organisations/factories";
import { units } from "../src/modules/organisations/schema";
import { bench, log, onBothDatabases, percentile } from "./lib";
import { ibsProgramme, udirProgrammeAdmin } from "./national";

const NOW = new Date("2026-11-23T10:00:00Z");
const TODAY = "2026-11-23";
const START = "2027-08-01";
const UNITS = { kindergartens: 1800, schools: 1200 };
const REQUESTS = 200;
const WARMUP = 30;

/** The national cohort, built through the chain's own commands; returns its id and the admin. */
async function nationalCohort(db: Database["db"]) {
  const t0 = performance.now();
  const programmeId = await ibsProgramme(db, TODAY, NOW);
  const admin = await udirProgrammeAdmin(db, NOW, "cohort-overview");
  const actor: Actor = { personId: admin.id, now: NOW, baseUrl: "http://127.0.0.1" };

  const cohortId = await createCohort(
    db,
    {
      programmeId,
      number: 1,
      startsOn: START,
      endsOn: "2029-06-30",
      officeInviteDeadline: "2027-01-15",
      answerDeadline: "2027-03-01",
      termsNb: "Kommunen **forplikter seg** til å delta i hele perioden.",
      createdAt: NOW,
      createdBy: admin.id,
    },
    [],
  );
  const offices = await countyOfficesAt(db, START, "nb");
  const invitedOffices = await inviteOffices(
    db,
    cohortId,
    offices.map((o) => o.id),
    actor,
  );
  if (!invitedOffices.ok) throw new Error(`cohort-overview: ${invitedOffices.error}`);
  const cohort = (await getCohort(db, cohortId))!;
  let invited = 0;
  for (const office of offices) {
    const covered = await coverageAtStart(db, cohort, office.id);
    const r = await inviteToCohort(
      db,
      {
        cohortId,
        officeId: office.id,
        invitees: covered.map((m) => ({ kind: "municipality" as const, id: m.code })),
        message: "Velkommen med i puljen.",
      },
      actor,
    );
    if (!r.ok) throw new Error(`cohort-overview: ${office.id} ${JSON.stringify(r)}`);
    invited += r.invited;
  }

  // Of every 20 municipalities, 17 accept, 2 decline and 1 leaves it open.
  const invitations = await db
    .select()
    .from(cohortInvitations)
    .orderBy(cohortInvitations.inviteeId);
  const accepted: typeof invitations = [];
  for (const [i, inv] of invitations.entries()) {
    const roll = i % 20;
    if (roll === 19) continue;
    const answer = roll >= 17 ? "decline" : "accept";
    const r = await answerInvitation(
      db,
      {
        invitationId: inv.id,
        answer,
        commitments: answer === "accept",
        reason: answer === "decline" ? "Vi har ikke kapasitet denne gangen." : "",
        version: inv.version,
      },
      actor,
    );
    if (!r.ok) throw new Error(`cohort-overview: answer ${inv.inviteeId} ${r.error}`);
    if (answer === "accept") accepted.push(inv);
  }

  // 3,000 units over the accepting municipalities, imported as the registers would give them.
  const random = seededRandom(4);
  const taken = new Set<string>();
  const codes = accepted.map((a) => a.inviteeId);
  for (const [source, count] of [
    ["nbr", UNITS.kindergartens],
    ["nsr", UNITS.schools],
  ] as const) {
    const generated = generateUnits({
      source,
      count,
      municipalityCodes: codes,
      random,
      nextOrgNumber: orgNumbers(random, taken),
      privateShare: source === "nbr" ? 0.45 : 0.1,
      closedShare: 0,
    });
    const report = await importRegister(db, {
      source,
      pages: registerPages(generated.map((u) => registerRow(source, u))),
      origin: "bench",
      coverage: "register",
      date: TODAY,
    });
    if (report.added !== count) {
      throw new Error(`cohort-overview: ${source} imported ${report.added} of ${count}`);
    }
  }
  const byMunicipality = new Map<string, string[]>();
  const all = await db
    .select({ orgNumber: units.orgNumber, municipalityCode: units.municipalityCode })
    .from(units);
  for (const u of all) {
    const list = byMunicipality.get(u.municipalityCode) ?? [];
    list.push(u.orgNumber);
    byMunicipality.set(u.municipalityCode, list);
  }
  let enrolled = 0;
  let resourcePersons = 0;
  let ppContacts = 0;
  for (const [i, inv] of accepted.entries()) {
    const r = await enrolUnits(
      db,
      { invitationId: inv.id, orgNumbers: byMunicipality.get(inv.inviteeId) ?? [] },
      actor,
    );
    if (!r.ok) throw new Error(`cohort-overview: enrol ${inv.inviteeId} ${r.error}`);
    enrolled += r.enrolled;
    // Four in five name a resource person, three in five a PP-tjeneste contact.
    if (i % 5 !== 4) {
      const c = await setContact(
        db,
        {
          invitationId: inv.id,
          kind: "resource-person",
          name: `Ressurs ${inv.inviteeId}`,
          email: `ressurs.${inv.inviteeId}@kommune.bench.example`,
        },
        actor,
      );
      if (!c.ok) throw new Error(`cohort-overview: contact ${inv.inviteeId} ${c.error}`);
      resourcePersons++;
    }
    if (i % 5 < 3) {
      const c = await setContact(
        db,
        {
          invitationId: inv.id,
          kind: "pp-service",
          name: `PP ${inv.inviteeId}`,
          email: `pp.${inv.inviteeId}@kommune.bench.example`,
        },
        actor,
      );
      if (!c.ok) throw new Error(`cohort-overview: pp ${inv.inviteeId} ${c.error}`);
      ppContacts++;
    }
  }
  if (invited !== 357 || enrolled !== UNITS.kindergartens + UNITS.schools) {
    throw new Error(
      `cohort-overview: ${invited} municipalities invited, ${enrolled} units enrolled`,
    );
  }
  log(
    `cohort-overview: ${offices.length} offices, ${invited} municipalities invited (${accepted.length} accepted), ` +
      `${enrolled} units enrolled, ${resourcePersons} resource persons and ${ppContacts} PP contacts named ` +
      `in ${((performance.now() - t0) / 1000).toFixed(1)}s through the chain's commands`,
  );
  return { cohortId, adminId: admin.id, invited };
}

/** p95 of the overview page on one database; the database is migrated and filled here. */
async function measure(database: Database, label: string) {
  await database.migrate();
  const { cohortId, adminId, invited } = await nationalCohort(database.db);
  const clock = fixedClock(NOW);
  const app = createApp({
    db: database.db,
    secret: "bench-secret-that-is-long-enough-0123456789",
    clock,
    env: "production",
    linkBase: "https://samspill.example",
    mailKind: "outbox",
    pageCacheSeconds: 0,
    log: () => {},
  });
  const cookie = `samspill-session=${await createSession(database.db, adminId, "bench", NOW)}`;
  const path = `/nb/puljer/${cohortId}`;
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const t0 = performance.now();
    const res = await app.request(path, { headers: { Cookie: cookie } });
    const body = await res.text();
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`cohort-overview: ${path} answered ${res.status}`);
    if (i === 0 && !body.includes(`Kommuner invitert</th><td>${invited}<`)) {
      throw new Error("cohort-overview: the page does not show the national figures");
    }
    if (i < WARMUP) continue;
    times.push(ms);
    bytes = body.length;
  }
  log(
    `cohort-overview (${label}): ${REQUESTS} requests of GET ${path} as a programme admin after ${WARMUP} warm-up, ` +
      `${(bytes / 1024).toFixed(0)} kB of HTML each; p50 ${percentile(times, 50).toFixed(2)} ms, ` +
      `max ${Math.max(...times).toFixed(2)} ms`,
  );
  return percentile(times, 95);
}

export async function cohortOverviewBenchmark() {
  await onBothDatabases("cohort-overview", async (database, { label, suffix }) => {
    const p95 = await measure(database, label);
    bench(`cohort-overview-p95${suffix}`, p95.toFixed(2), "ms", "<=", "100");
  });
}
