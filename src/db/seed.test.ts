import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, freshDatabase } from "../../tests/support/db";
import { jobs } from "../kernel/schema";
import { temporaryFileStore } from "../kernel/storage";
import { demoUnitMunicipalities } from "../modules/cohorts";
import { cohortEnrolments, cohortInvitations, cohorts } from "../modules/cohorts/schema";
import { people } from "../modules/identity/schema";
import { isValidOrgNumber, ppServicesAt, unitsOfMunicipality } from "../modules/organisations";
import { importRuns, units } from "../modules/organisations/schema";
import { programmes } from "../modules/programmes/schema";
import { type Database, openPostgres } from "./client";
import { seedAtStart, seedDemo, seedReference } from "./seed";

const DATE = "2026-11-23";
/** Time for a test that seeds the whole demo twice (see below). */
const SEEDING_TWICE_MS = 120_000;

describe.each(databaseKinds)("the demo kindergartens, schools and PP-tjenester on %s", (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    expect(await seedDemo(database.db, DATE)).toBe(true);
  });
  afterAll(() => database.close());

  it("cover cohort 1's municipalities under today's codes, and four big ones", async () => {
    const codes = await demoUnitMunicipalities(database.db, DATE);
    expect(codes).toHaveLength(40);
    // 2017 codes that merged: Hof and Holmestrand, Fræna and Eide.
    expect(codes).toContain("3903");
    expect(codes).toContain("1579");
    for (const code of ["0301", "3301", "4204", "5001"]) expect(codes).toContain(code);
    const all = await database.db.select().from(units);
    expect(new Set(all.map((u) => u.municipalityCode))).toEqual(new Set(codes));
    for (const code of codes) {
      const here = await unitsOfMunicipality(database.db, code);
      expect(here.length, code).toBeGreaterThanOrEqual(2);
      // Kristiansand, the demo people's municipality, has a few more (public and private).
      expect(here.length, code).toBeLessThanOrEqual(code === "4204" ? 8 : 6);
      expect(
        here.some((u) => u.isSchool && u.active),
        code,
      ).toBe(true);
      expect(
        here.some((u) => u.isKindergarten && u.active),
        code,
      ).toBe(true);
    }
  });

  it("are marked as demo, with distinct valid org numbers, public and private, some closed", async () => {
    const all = await database.db.select().from(units);
    expect(all).toHaveLength(156);
    expect(all.every((u) => u.name.endsWith(" (demo)"))).toBe(true);
    const services = await ppServicesAt(database.db, { date: DATE });
    const numbers = [
      ...all.map((u) => u.orgNumber),
      ...services.flatMap((s) => (s.orgNumber ? [s.orgNumber] : [])),
    ];
    expect(numbers.every(isValidOrgNumber)).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(all.filter((u) => u.owner === "private").length).toBeGreaterThan(20);
    expect(all.filter((u) => u.owner === "public").length).toBeGreaterThan(60);
    const closed = all.filter((u) => !u.active);
    expect(closed).toHaveLength(9);
    expect(closed.every((u) => u.closedOn !== null && u.closedOn < DATE)).toBe(true);
    const runs = await database.db.select().from(importRuns);
    expect(runs.map((r) => [r.source, r.added, r.rejected])).toEqual([
      ["nsr", 76, 0],
      ["nbr", 80, 0],
    ]);
  });

  it("include PP-tjenester shared by several municipalities", async () => {
    const services = await ppServicesAt(database.db, { date: DATE });
    expect(services.every((s) => s.name.endsWith("(demo)"))).toBe(true);
    expect(services.filter((s) => s.municipalities.length > 1).length).toBeGreaterThanOrEqual(2);
    const [hustadvika] = await ppServicesAt(database.db, { date: DATE, scope: ["1579"] });
    expect(hustadvika?.municipalities.map((m) => m.code)).toEqual(["1554", "1557", "1579"]);
    const [before] = await ppServicesAt(database.db, { date: "2019-06-01", scope: ["1548"] });
    expect(before?.municipalities.map((m) => m.code)).toEqual(["1548", "1551", "1554", "1557"]);
  });

  it("show a living invitation chain: cohort 1 done, cohort 2 partly answered, cohort 3 open", async () => {
    const rows = await database.db
      .select({
        number: cohorts.number,
        state: cohortInvitations.state,
        kind: cohortInvitations.inviteeKind,
        n: count(),
      })
      .from(cohortInvitations)
      .innerJoin(cohorts, eq(cohorts.id, cohortInvitations.cohortId))
      .groupBy(cohorts.number, cohortInvitations.state, cohortInvitations.inviteeKind);
    const n = (number: number, state: string, kind = "municipality") =>
      rows.find((r) => r.number === number && r.state === state && r.kind === kind)?.n ?? 0;
    expect(n(1, "accepted")).toBe(38);
    expect(n(2, "accepted")).toBeGreaterThan(0);
    expect(n(2, "declined")).toBeGreaterThan(0);
    expect(n(2, "expired")).toBeGreaterThan(0);
    expect(n(2, "invited")).toBe(0);
    // Cohort 3: Kristiansand still to answer, one expired (to extend), a private unit invited.
    expect(n(3, "invited")).toBe(3);
    expect(n(3, "accepted")).toBe(2);
    expect(n(3, "declined")).toBe(1);
    expect(n(3, "expired")).toBe(1);
    expect(n(3, "invited", "unit")).toBe(1);
    const [kristiansand] = await database.db
      .select()
      .from(cohortInvitations)
      .innerJoin(cohorts, eq(cohorts.id, cohortInvitations.cohortId))
      .where(and(eq(cohorts.number, 3), eq(cohortInvitations.inviteeId, "4204")));
    expect(kristiansand?.cohort_invitations.deadline).toBe("2026-12-23");
    expect(kristiansand?.cohort_invitations.state).toBe("invited");
    const [enrolled] = await database.db.select({ n: count() }).from(cohortEnrolments);
    expect(enrolled!.n).toBeGreaterThan(90);
    // History is not re-sent: the seed leaves no mail in the queue.
    expect((await database.db.select({ n: count() }).from(jobs))[0]!.n).toBe(0);
  });

  it("are not loaded twice", async () => {
    expect(await seedDemo(database.db, DATE)).toBe(false);
    expect((await database.db.select({ n: count() }).from(importRuns))[0]!.n).toBe(2);
  });
});

describe.each(databaseKinds)("the reference data at start on %s", (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(kind);
  });
  afterAll(() => database.close());

  it("is imported once, skipped while the snapshot is unchanged, imported again when rows are gone", async () => {
    // The template already holds it, imported by seedReference: the next start skips it.
    const again = await seedReference(database.db, { today: DATE });
    expect(again.skipped).toBe(true);
    expect(again.municipalities).toBeGreaterThan(300);
    expect(again.offices).toBeGreaterThan(10);
    await database.db.execute(sql`delete from municipality_changes`);
    await database.db.execute(sql`delete from municipalities where valid_to is not null`);
    const after = await seedReference(database.db, { today: DATE });
    expect(after.skipped).toBe(false);
    expect(after.municipalities).toBe(again.municipalities);
    const [row] = (
      (await database.db.execute(
        sql`select count(*)::int as n from municipalities`,
      )) as unknown as { rows: { n: number }[] }
    ).rows;
    expect(row!.n).toBe(again.municipalities);
  });
});

// Two instances starting together on an empty PostgreSQL: each with its own pool, as two
// processes would be. PGlite is one process and cannot race itself.
if (process.env.TEST_DATABASE_URL)
  describe("seeding at start on PostgreSQL", () => {
    // Two whole demo seeds on PostgreSQL: about 10 s on a quiet machine, three times that when
    // the machine is busy, which is no failure of the lock this proves.
    it(
      "two instances seeding an empty database at once both succeed, and the data is there once",
      async () => {
        const first = await freshDatabase("postgres");
        const second = await openPostgres(first.url!, 5);
        try {
          const now = new Date(`${DATE}T08:00:00Z`);
          const opts = {
            now,
            demo: true,
            linkBase: "http://localhost:3000",
            files: temporaryFileStore(),
          };
          const results = await Promise.all([seedAtStart(first, opts), seedAtStart(second, opts)]);
          expect(results.map((r) => r.demoLoaded).sort()).toEqual([false, true]);
          expect((await first.db.select({ n: count() }).from(programmes))[0]!.n).toBe(2);
          expect((await first.db.select({ n: count() }).from(cohorts))[0]!.n).toBe(5); // IBS 1–3, FUB/FUG 1–2
          const names = (await first.db.select({ name: people.name }).from(people)).map(
            (p) => p.name,
          );
          expect(names).toContain("Ada Direktorat");
          expect(new Set(names).size).toBe(names.length);
        } finally {
          await second.close();
          await first.close();
        }
      },
      SEEDING_TWICE_MS,
    );

    it(
      "an instance seeding while another holds the startup lock waits for it, then finds the data",
      async () => {
        const first = await freshDatabase("postgres");
        const second = await openPostgres(first.url!, 5);
        try {
          const now = new Date(`${DATE}T08:00:00Z`);
          const opts = {
            now,
            demo: true,
            linkBase: "http://localhost:3000",
            files: temporaryFileStore(),
          };
          // The first instance migrates (or seeds) under the lock; the second starts meanwhile.
          const waiting = await first.exclusive(async () => {
            const later = seedAtStart(second, opts);
            let blocked = 0;
            for (let i = 0; i < 50 && blocked === 0; i++) {
              await new Promise((r) => setTimeout(r, 50));
              const rows = await first.db.execute(
                sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())`,
              );
              blocked = (rows as unknown as { rows: { n: number }[] }).rows[0]!.n;
            }
            expect(blocked).toBe(1);
            expect((await first.db.select({ n: count() }).from(programmes))[0]!.n).toBe(0);
            expect(await seedDemo(first.db, DATE)).toBe(true);
            return { later };
          });
          expect((await waiting.later).demoLoaded).toBe(false);
          expect((await first.db.select({ n: count() }).from(programmes))[0]!.n).toBe(2);
        } finally {
          await second.close();
          await first.close();
        }
      },
      SEEDING_TWICE_MS,
    );
  });
