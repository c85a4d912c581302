import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { and, asc, eq } from "drizzle-orm";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../../../tests/support/app";
import { AGDER, useChainTest } from "../../../tests/support/chain";
import { databaseKinds, scratchDatabaseName } from "../../../tests/support/db";
import { migrationsFolder } from "../../db/client";
import { effectiveState, recordParticipants } from "./chain";
import { cohortInvitations, cohorts as cohortsTable } from "./schema";

describe.each(databaseKinds)("the invitation chain on %s: invitations from before it", (kind) => {
  const chain = useChainTest(kind);
  const { newCohort } = chain;
  let t: TestApp;
  let ibsId = 0;
  beforeAll(() => {
    t = chain.app();
    ibsId = chain.ibsId();
  });

  // ------------------------------------------------------------ migration and seed

  describe("invitations from before the chain", () => {
    it("holds seedDemo's cohort 1 as 38 accepted invitations from six offices", async () => {
      const [c] = await t.db
        .select()
        .from(cohortsTable)
        .where(and(eq(cohortsTable.programmeId, ibsId), eq(cohortsTable.number, 1)));
      expect(c).toMatchObject({ number: 1, startsOn: "2017-01-01" });
      const rows = await t.db
        .select()
        .from(cohortInvitations)
        .where(eq(cohortInvitations.cohortId, c!.id));
      expect(rows).toHaveLength(38);
      expect(rows.every((r) => r.state === "accepted" && r.inviteeKind === "municipality")).toBe(
        true,
      );
      expect(new Set(rows.map((r) => r.officeId)).size).toBe(6);
      expect(rows.every((r) => effectiveState(r, "2026-11-23") === "accepted")).toBe(true);
    });

    it("recordParticipants stores accepted invitations once, dated at the given time", async () => {
      const c = await newCohort(
        { startsOn: "2019-01-01", endsOn: "2020-12-31", officeInviteDeadline: null },
        [],
      );
      const rows = [
        { municipalityCode: "1001", officeId: AGDER },
        { municipalityCode: "0906", officeId: AGDER },
      ];
      const when = new Date("2019-01-01T08:00:00Z");
      await recordParticipants(t.db, c.id, rows, when);
      await recordParticipants(t.db, c.id, rows, when);
      const stored = await t.db
        .select()
        .from(cohortInvitations)
        .where(eq(cohortInvitations.cohortId, c.id))
        .orderBy(asc(cohortInvitations.inviteeId));
      expect(stored.map((r) => [r.inviteeId, r.state, r.deadline])).toEqual([
        ["0906", "accepted", "2019-01-01"],
        ["1001", "accepted", "2019-01-01"],
      ]);
      expect(stored.every((r) => r.answeredAt?.getTime() === when.getTime())).toBe(true);
    });
  });

  // ------------------------------------------------------------ effective state

  describe("effectiveState", () => {
    it("reads an open invitation as expired only after its deadline day", () => {
      expect(effectiveState({ state: "invited", deadline: "2027-06-15" }, "2027-06-14")).toBe(
        "invited",
      );
      expect(effectiveState({ state: "invited", deadline: "2027-06-15" }, "2027-06-15")).toBe(
        "invited",
      );
      expect(effectiveState({ state: "invited", deadline: "2027-06-15" }, "2027-06-16")).toBe(
        "expired",
      );
      // Across a month and a year boundary, as strings compare.
      expect(effectiveState({ state: "invited", deadline: "2026-12-31" }, "2027-01-01")).toBe(
        "expired",
      );
      expect(effectiveState({ state: "invited", deadline: "2027-01-31" }, "2027-02-01")).toBe(
        "expired",
      );
    });

    it("leaves answered and expired invitations as they are", () => {
      for (const state of ["accepted", "declined", "expired"] as const) {
        expect(effectiveState({ state, deadline: "2020-01-01" }, "2027-06-16")).toBe(state);
        expect(effectiveState({ state, deadline: "2030-01-01" }, "2027-06-16")).toBe(state);
      }
    });
  });
});

// ---------------------------------------------------------------- the migration itself

/** Run migration files on an empty database, statement by statement, as drizzle does. */
const migrationStatements = (tag: string) =>
  readFileSync(join(migrationsFolder, `${tag}.sql`), "utf8")
    .split("--> statement-breakpoint")
    .map((s) => s.trim())
    .filter(Boolean);
const BEFORE_0004 = [
  "0000_init",
  "0001_people-and-registers",
  "0002_programme-versions",
  "0003_cohort-chain",
];

type Raw = {
  exec(sql: string): Promise<void>;
  rows(sql: string): Promise<Record<string, unknown>[]>;
};

async function emptyDatabase(
  kind: (typeof databaseKinds)[number],
): Promise<Raw & { close(): Promise<void> }> {
  if (kind === "pglite") {
    const client = await PGlite.create();
    return {
      exec: async (s) => {
        await client.exec(s);
      },
      rows: async (s) => (await client.query<Record<string, unknown>>(s)).rows,
      close: () => client.close(),
    };
  }
  const url = process.env.TEST_DATABASE_URL!;
  // Named like the other copies, so the global teardown drops it even if this test dies.
  const name = scratchDatabaseName();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  return {
    exec: async (s) => {
      await client.query(s);
    },
    rows: async (s) => (await client.query(s)).rows,
    async close() {
      await client.end();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

describe.each(databaseKinds)("migration 0004 on %s", (kind) => {
  it("turns the participants of old cohorts into accepted invitations and drops the old table", async () => {
    const db = await emptyDatabase(kind);
    try {
      for (const tag of BEFORE_0004) for (const s of migrationStatements(tag)) await db.exec(s);
      await db.exec(`
        insert into programmes (id, slug, owner, model, duration_min_months, duration_max_months, delivery_mode)
          values (1, 'ibs', 'udir', 'cohorts', 24, 24, 'mixed');
        insert into cohorts (id, programme_id, number, starts_on, ends_on, office_invite_deadline)
          values (1, 1, 1, '2017-01-01', '2018-12-31', null),
                 (2, 1, 2, '2018-01-01', '2019-12-31', '2017-06-01');
        insert into cohort_municipalities (cohort_id, municipality_code, office_id)
          values (1, '0906', 'sf-agder'), (1, '1001', 'sf-agder'), (1, '1804', 'fm-nordland'),
                 (2, '1103', 'fm-rogaland');`);
      for (const s of migrationStatements("0004_cohort-invitations-from-participants")) {
        await db.exec(s);
      }
      const rows = await db.rows(`
        select cohort_id, office_id, invitee_kind, invitee_id, state, deadline::text as deadline,
               to_char(invited_at at time zone 'Europe/Oslo', 'YYYY-MM-DD') as invited_on,
               answered_at = invited_at as answered_then, answered_by, version, reminders_sent
        from cohort_invitations order by cohort_id, invitee_id`);
      expect(rows).toEqual([
        row(1, "sf-agder", "0906", "2017-01-01", "2017-01-01"),
        row(1, "sf-agder", "1001", "2017-01-01", "2017-01-01"),
        row(1, "fm-nordland", "1804", "2017-01-01", "2017-01-01"),
        row(2, "fm-rogaland", "1103", "2017-06-01", "2018-01-01"),
      ]);
      const left = await db.rows(
        "select count(*)::int as n from information_schema.tables where table_name = 'cohort_municipalities'",
      );
      expect(left).toEqual([{ n: 0 }]);
    } finally {
      await db.close();
    }
  }, 120_000); // A database made from nothing: initdb and every migration, not a template clone.
});

function row(cohort: number, office: string, code: string, deadline: string, invitedOn: string) {
  return {
    cohort_id: cohort,
    office_id: office,
    invitee_kind: "municipality",
    invitee_id: code,
    state: "accepted",
    deadline,
    invited_on: invitedOn,
    answered_then: true,
    answered_by: null,
    version: 1,
    reminders_sent: 0,
  };
}
