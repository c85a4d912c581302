import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { databaseKinds, freshDatabase } from "../../../tests/support/db";
import type { Database, Db } from "../../db/client";
import { fixedClock } from "../../kernel/clock";
import { registerPages } from "./factories";
import {
  getUnit,
  importRegister,
  importRegisterDetailFromUrl,
  importRegisterFile,
  importRegisterFromUrl,
  type RegisterPage,
  unitWithHistory,
} from "./index";
import { completeOrgNumber } from "./org-number";
import { importRuns, unitHistory, units } from "./schema";

const DATE = "2026-11-23";

/** A valid organisation number for a small test number: 9100000n completed. */
function org(n: number): string {
  for (let base = 91_000_000 + n * 10; ; base++) {
    const number = completeOrgNumber(String(base));
    if (number) return number;
  }
}

/** A school as NSR's `/v4/enheter` lists it. */
function school(n: number, fields: Record<string, unknown> = {}) {
  return {
    Organisasjonsnummer: org(n),
    Navn: `Testskole ${n}`,
    Kommunenummer: "3301",
    Fylkesnummer: "33",
    ErAktiv: true,
    ErSkole: true,
    ErGrunnskole: true,
    ErVideregaaendeSkole: false,
    ErPrivatskole: false,
    ErOffentligSkole: true,
    DatoEndret: "2026-02-14T07:35:10.39+01:00",
    ...fields,
  };
}

/** A kindergarten as NBR's `/v4/enheter` lists it. */
function kindergarten(n: number, fields: Record<string, unknown> = {}) {
  return {
    Organisasjonsnummer: org(n),
    Navn: `Testbarnehage ${n}`,
    Kommunenummer: "4204",
    Fylkesnummer: "42",
    ErAktiv: true,
    ErBarnehage: true,
    ErPrivatBarnehage: true,
    ErOffentligBarnehage: false,
    DatoEndret: "2026-02-14T07:35:10.39+01:00",
    ...fields,
  };
}

const page = (rows: unknown[]): RegisterPage[] => registerPages(rows);

async function countOf(db: Db, table: typeof units | typeof unitHistory | typeof importRuns) {
  return (await db.select({ n: count() }).from(table))[0]!.n;
}

describe.each(databaseKinds)("the NSR/NBR importer on %s", (kind) => {
  let database: Database;
  let db: Db;
  const clock = fixedClock(new Date("2026-11-23T10:00:00Z"));
  const nsr = (rows: unknown[], coverage: "register" | "partial" = "register") =>
    importRegister(db, {
      source: "nsr",
      pages: page(rows),
      origin: "test",
      coverage,
      date: DATE,
      clock,
    });
  const nbr = (rows: unknown[]) =>
    importRegister(db, {
      source: "nbr",
      pages: page(rows),
      origin: "test",
      coverage: "register",
      date: DATE,
      clock,
    });

  beforeAll(async () => {
    database = await freshDatabase(kind);
    db = database.db;
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    await db.execute(sql`truncate unit_history, units, import_runs restart identity cascade`);
    clock.set(new Date("2026-11-23T10:00:00Z"));
  });

  it("imports the good rows and lists every bad one with its reason", async () => {
    const good = school(1);
    const { ErAktiv: _, ...noActive } = school(7);
    const report = await nsr([
      good,
      school(2, {
        ErPrivatskole: true,
        ErOffentligSkole: false,
        Kommunenummer: "0301",
        Fylkesnummer: "03",
      }),
      school(3, { Organisasjonsnummer: `${org(3).slice(0, 8)}${(Number(org(3)[8]) + 1) % 10}` }),
      school(4, { Kommunenummer: "0602", Fylkesnummer: "06" }), // Drammen's number until 2019
      school(5, { Kommunenummer: "9999", Fylkesnummer: "99" }),
      school(6, { ErAktiv: "true" }),
      noActive,
      school(8, { Navn: null }),
      school(9, { Kommunenummer: 3301 }),
      { ...good, Navn: "Testskole 1 igjen" },
      school(10, { Fylkesnummer: "42" }),
      school(11, { ErPrivatskole: true, ErOffentligSkole: true }),
      "not a unit",
    ]);

    expect(report).toMatchObject({ added: 2, changed: 0, closed: 0, unchanged: 0, rejected: 11 });
    expect(report.rejectedRows.map((r) => [r.row, r.reason])).toEqual([
      [3, "bad-org-number"],
      [4, "unknown-municipality"],
      [5, "unknown-municipality"],
      [6, "invalid-field"],
      [7, "missing-field"],
      [8, "missing-field"],
      [9, "invalid-field"],
      [10, "duplicate"],
      [11, "inconsistent"],
      [12, "inconsistent"],
      [13, "invalid-field"],
    ]);
    expect(report.rejectedRows[3]).toMatchObject({ orgNumber: org(6), name: "Testskole 6" });
    expect(report.rejectedRows[3]!.detail).toContain("ErAktiv");
    expect(report.rejectedRows[7]!.detail).toContain("row 1");
    expect(report.rejectedRows[1]!.detail).toContain("0602");

    expect(await countOf(db, units)).toBe(2);
    expect(await getUnit(db, org(2))).toMatchObject({
      name: "Testskole 2",
      municipalityCode: "0301",
      countyCode: "03",
      isSchool: true,
      isKindergarten: false,
      owner: "private",
      active: true,
      sources: ["nsr"],
    });
    expect((await getUnit(db, org(1)))?.name).toBe("Testskole 1");
    const [run] = await db.select().from(importRuns);
    expect(run).toMatchObject({ id: report.runId, source: "nsr", added: 2, rejected: 11 });
    expect(run!.rejectedRows).toEqual(report.rejectedRows);
    expect(run!.finishedAt).not.toBeNull();
  });

  it("writes nothing at all when the database fails halfway", async () => {
    await nsr([school(1)]);
    const before = {
      units: await countOf(db, units),
      history: await countOf(db, unitHistory),
      runs: await countOf(db, importRuns),
    };
    // A failure the importer cannot foresee (a full disk, a lost connection): a trigger that
    // refuses one row of the second batch of a thousand.
    await db.execute(sql`create function refuse_unit() returns trigger language plpgsql as $$
      begin
        if new.name = 'Testskole 1500' then raise exception 'refused by test trigger'; end if;
        return new;
      end $$`);
    await db.execute(
      sql`create trigger refuse_unit before insert or update on units for each row execute function refuse_unit()`,
    );
    try {
      const rows = Array.from({ length: 1600 }, (_, i) =>
        school(i + 2, { Navn: `Testskole ${i + 2}` }),
      );
      rows.push(school(1, { Navn: "Testskole 1 med nytt navn" }));
      await expect(nsr(rows)).rejects.toThrow();
    } finally {
      await db.execute(sql`drop trigger refuse_unit on units`);
      await db.execute(sql`drop function refuse_unit()`);
    }
    expect({
      units: await countOf(db, units),
      history: await countOf(db, unitHistory),
      runs: await countOf(db, importRuns),
    }).toEqual(before);
    expect((await getUnit(db, org(1)))?.name).toBe("Testskole 1");
  });

  it("changes nothing when the same data is imported again", async () => {
    const rows = [
      school(1),
      school(2, { ErAktiv: false, UtgaattDato: "2024-07-31T00:00:00" }),
      school(3),
    ];
    const first = await nsr(rows);
    expect(first).toMatchObject({ added: 3, changed: 0, closed: 0, unchanged: 0, rejected: 0 });
    const stored = await db.select().from(units).orderBy(units.orgNumber);
    const history = await countOf(db, unitHistory);

    clock.advance(86_400_000);
    const second = await nsr(rows);
    expect(second).toMatchObject({ added: 0, changed: 0, closed: 0, unchanged: 3, rejected: 0 });
    expect(await db.select().from(units).orderBy(units.orgNumber)).toEqual(stored);
    expect(await countOf(db, unitHistory)).toBe(history);
    expect(await countOf(db, importRuns)).toBe(2);
  });

  it("closes a unit the register marks inactive or no longer lists, and never deletes it", async () => {
    await nsr([school(1), school(2), school(3)]);
    clock.advance(86_400_000);
    const report = await nsr([
      school(1),
      school(2, { ErAktiv: false, UtgaattDato: "2026-07-31T00:00:00" }),
    ]);
    expect(report).toMatchObject({ added: 0, changed: 0, closed: 2, unchanged: 1 });

    expect(await getUnit(db, org(2))).toMatchObject({ active: false, closedOn: "2026-07-31" });
    expect(await getUnit(db, org(3))).toMatchObject({ active: false, closedOn: DATE });
    expect(await countOf(db, units)).toBe(3);

    const gone = await unitWithHistory(db, org(3));
    expect(gone!.history.map((h) => h.event)).toEqual(["closed", "added"]);
    expect(gone!.history[0]!.changes).toEqual({
      active: { before: true, after: false },
      closedOn: { before: null, after: DATE },
    });
    expect(gone!.history[0]!.runId).toBe(report.runId);

    // Listed and active again: reopened.
    clock.advance(86_400_000);
    const back = await nsr([
      school(1),
      school(2, { ErAktiv: false, UtgaattDato: "2026-07-31T00:00:00" }),
      school(3),
    ]);
    expect(back).toMatchObject({ added: 0, changed: 1, closed: 0, unchanged: 2 });
    expect(await getUnit(db, org(3))).toMatchObject({ active: true, closedOn: null });
    expect((await unitWithHistory(db, org(3)))!.history[0]!.event).toBe("reopened");
  });

  it("previews every count and writes nothing", async () => {
    await nsr([school(1), school(2), school(3)]);
    const runs = await countOf(db, importRuns);
    const history = await countOf(db, unitHistory);
    const preview = await importRegister(db, {
      source: "nsr",
      pages: page([school(1, { Navn: "Nytt navn skole" }), school(2), school(4), { junk: true }]),
      origin: "test",
      coverage: "register",
      date: DATE,
      clock,
      mode: "preview",
    });
    expect(preview).toMatchObject({
      applied: false,
      runId: null,
      added: 1,
      changed: 1,
      closed: 1,
      unchanged: 1,
      rejected: 1,
      massClosure: null,
    });
    expect(await countOf(db, importRuns)).toBe(runs);
    expect(await countOf(db, unitHistory)).toBe(history);
    expect(await getUnit(db, org(3))).toMatchObject({ active: true });
    expect(await getUnit(db, org(4))).toBeNull();
  });

  it("stops a full listing that would close many units until it is confirmed", async () => {
    // Issue 8, finding 3: one unit in a "whole register" file closed every other school.
    const many = Array.from({ length: 40 }, (_, i) => school(i + 1));
    await nsr(many);
    const runs = await countOf(db, importRuns);
    const stopped = await nsr([school(1)]);
    expect(stopped).toMatchObject({
      applied: false,
      runId: null,
      closed: 39,
      massClosure: { closing: 39, active: 40 },
    });
    expect(await countOf(db, importRuns)).toBe(runs);
    expect(await getUnit(db, org(2))).toMatchObject({ active: true });

    const confirmed = await importRegister(db, {
      source: "nsr",
      pages: page([school(1)]),
      origin: "test",
      coverage: "register",
      date: DATE,
      clock,
      confirmMassClosure: true,
    });
    expect(confirmed).toMatchObject({ applied: true, closed: 39 });
    expect(confirmed.runId).toBeGreaterThan(0);
    expect(confirmed.notes).toContain("closing 39 of 40 active units was confirmed");
    expect(await getUnit(db, org(2))).toMatchObject({ active: false });
  });

  it("lets a few closures through without asking, and never asks for a partial listing", async () => {
    const many = Array.from({ length: 40 }, (_, i) => school(i + 1));
    await nsr(many);
    // Two of forty (5 %) and no more than ten: a normal year.
    expect(await nsr(many.slice(0, 38))).toMatchObject({ applied: true, closed: 2 });
    expect(await nsr([school(1)], "partial")).toMatchObject({ applied: true, massClosure: null });
  });

  it("refuses a row holding a control character, quoting it safely, and imports the rest", async () => {
    const report = await nsr([school(1, { Navn: "Skole\u0000med NUL" }), school(2)], "partial");
    expect(report).toMatchObject({ applied: true, added: 1, rejected: 1 });
    expect(report.rejectedRows[0]).toMatchObject({
      row: 1,
      name: "Skole\uFFFDmed NUL",
      reason: "invalid-field",
    });
  });

  it("closes nothing for missing units when the listing is incomplete", async () => {
    await nsr([school(1), school(2), school(3)]);
    // Page 1 of 2 only.
    const [first] = registerPages([school(1), school(2)], 1);
    const partial = await importRegister(db, {
      source: "nsr",
      pages: [first!],
      origin: "test",
      coverage: "register",
      date: DATE,
      clock,
    });
    expect(partial).toMatchObject({ coverage: "partial", closed: 0, unchanged: 1 });
    expect(partial.notes[0]).toContain("page 2 of 2 is missing");
    // Every page, but fewer units than the register says it has.
    const short = await importRegister(db, {
      source: "nsr",
      pages: [{ ...registerPages([school(1)])[0]!, TotaltAntallEnheter: 3 }],
      origin: "test",
      coverage: "register",
      date: DATE,
      clock,
    });
    expect(short).toMatchObject({ coverage: "partial", closed: 0 });
    expect(short.notes[0]).toContain("reports 3 units");
    // An empty listing never closes the register.
    expect(await nsr([])).toMatchObject({ coverage: "partial", closed: 0 });
    expect((await db.select().from(units)).every((u) => u.active)).toBe(true);
  });

  it("keeps the history of every change, before and after", async () => {
    await nsr([school(1)]);
    clock.advance(3_600_000);
    const changed = await nsr([
      school(1, { Navn: "Testskole 1 (ny)", ErPrivatskole: true, ErOffentligSkole: false }),
    ]);
    expect(changed).toMatchObject({ changed: 1, unchanged: 0 });
    const unit = await unitWithHistory(db, org(1));
    expect(unit).toMatchObject({ name: "Testskole 1 (ny)", owner: "private" });
    expect(unit!.changedAt).toEqual(new Date("2026-11-23T11:00:00Z"));
    expect(unit!.firstSeenAt).toEqual(new Date("2026-11-23T10:00:00Z"));
    expect(unit!.history).toHaveLength(2);
    expect(unit!.history[0]).toMatchObject({
      event: "changed",
      runId: changed.runId,
      changes: {
        name: { before: "Testskole 1", after: "Testskole 1 (ny)" },
        owner: { before: "public", after: "private" },
      },
    });
    expect(Object.keys(unit!.history[0]!.changes)).toEqual(["name", "owner"]);
    expect(unit!.history[1]!.event).toBe("added");
    expect(unit!.history[1]!.changes).toMatchObject({
      name: { before: null, after: "Testskole 1" },
      municipalityCode: { before: null, after: "3301" },
      active: { before: null, after: true },
      sources: { before: null, after: ["nsr"] },
    });
    expect(unit!.history[1]!.changes).not.toHaveProperty("closedOn");
  });

  it("knows a unit in both registers, and keeps it open when only one stops listing it", async () => {
    await nsr([school(1), school(2)]);
    await nbr([
      kindergarten(1, {
        Kommunenummer: "3301",
        Fylkesnummer: "33",
        ErPrivatBarnehage: false,
        ErOffentligBarnehage: true,
      }),
    ]);
    expect(await getUnit(db, org(1))).toMatchObject({
      isSchool: true,
      isKindergarten: true,
      sources: ["nbr", "nsr"],
      active: true,
    });
    const report = await nsr([school(2)]);
    expect(report).toMatchObject({ changed: 1, closed: 0, unchanged: 1 });
    expect(await getUnit(db, org(1))).toMatchObject({
      isSchool: false,
      isKindergarten: true,
      sources: ["nbr"],
      active: true,
    });
  });

  it("reads the detail's shape: municipality object, målform, closing date", async () => {
    const detail = {
      Organisasjonsnummer: org(1),
      Navn: "Testskole 1",
      Kommune: { Navn: "Drammen", Kommunenummer: "3301", Fylkesnummer: "33", ErNedlagt: false },
      Fylke: { Fylkesnummer: "33", Navn: "Buskerud" },
      Maalform: { Id: "N", Navn: "Nynorsk" },
      Utgaattype: { Id: "A", Navn: "Ingen utgåttype" },
      UtgaattDato: null,
      ErAktiv: true,
      ErSkole: true,
      ErGrunnskole: true,
      ErPrivatskole: false,
      ErOffentligSkole: true,
      DatoEndret: "2024-02-14T07:35:10.39+01:00",
    };
    expect(await nsr([detail], "partial")).toMatchObject({ added: 1, rejected: 0 });
    expect(await getUnit(db, org(1))).toMatchObject({
      municipalityCode: "3301",
      writtenStandard: "nn",
    });
    // The list does not carry the målform: a list import keeps it.
    expect(await nsr([school(1)])).toMatchObject({ unchanged: 1 });
    expect((await getUnit(db, org(1)))?.writtenStandard).toBe("nn");
  });

  it("lets a closed unit keep the municipality number it had, but not an active one", async () => {
    const report = await nsr([
      // Levanger was 1719 until 2018.
      school(1, {
        Kommunenummer: "1719",
        Fylkesnummer: "17",
        ErAktiv: false,
        UtgaattDato: "2017-07-31T00:00:00",
      }),
      school(2, { Kommunenummer: "1719", Fylkesnummer: "17" }),
      school(3, { ErAktiv: false }),
    ]);
    expect(report).toMatchObject({ added: 2, rejected: 1 });
    expect(report.rejectedRows[0]).toMatchObject({ row: 2, reason: "unknown-municipality" });
    expect(await getUnit(db, org(1))).toMatchObject({ active: false, closedOn: "2017-07-31" });
    // Closed before we ever saw it, and the register gives no date: the date is unknown.
    expect(await getUnit(db, org(3))).toMatchObject({ active: false, closedOn: null });
  });

  it("skips owners and other rows that are neither a school nor a kindergarten", async () => {
    const report = await nsr([
      school(1),
      school(2, { Navn: "Drammen kommune", ErSkole: false, ErGrunnskole: false }),
    ]);
    expect(report).toMatchObject({ added: 1, skipped: 1, rejected: 0 });
    expect(await getUnit(db, org(2))).toBeNull();
  });

  it("imports a file of one page or of several pages", async () => {
    const dir = mkdtempSync(join(tmpdir(), "samspill-register-"));
    try {
      const one = join(dir, "one.json");
      writeFileSync(one, JSON.stringify(registerPages([school(1), school(2)])[0]));
      expect(await importRegisterFile(db, "nsr", one, { date: DATE, clock })).toMatchObject({
        added: 2,
      });
      const many = join(dir, "many.json");
      writeFileSync(many, JSON.stringify(registerPages([school(1), school(3), school(4)], 2)));
      const report = await importRegisterFile(db, "nsr", many, { date: DATE, clock });
      expect(report).toMatchObject({ added: 2, unchanged: 1, closed: 1, coverage: "register" });
      const broken = join(dir, "broken.json");
      writeFileSync(broken, JSON.stringify({ enheter: [] }));
      await expect(importRegisterFile(db, "nsr", broken, { date: DATE })).rejects.toThrow(
        /EnhetListe/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(databaseKinds)("the NSR/NBR importer over HTTP on %s", (kind) => {
  let database: Database;
  let db: Db;
  let server: Server;
  let base: string;
  const asked: string[] = [];
  // Seven schools in 3301 and one in 4204: three pages of three.
  let all = [
    ...Array.from({ length: 7 }, (_, i) => school(i + 1)),
    school(8, { Kommunenummer: "4204", Fylkesnummer: "42" }),
  ];
  let failPage: number | null = null;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    db = database.db;
    server = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://x");
      asked.push(`${url.pathname}${url.search} ${req.headers.accept}`);
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { "Content-Type": "application/json" });
        res.end(JSON.stringify(body));
      };
      const kommune = url.pathname.match(/^\/v4\/enheter\/kommune\/(\d{4})$/);
      if (url.pathname === "/v4/enheter") {
        const n = Number(url.searchParams.get("sidenummer"));
        if (n === failPage) return json(500, { error: "down" });
        const size = Number(url.searchParams.get("antallperside"));
        const pages = registerPages(all, size);
        return json(200, pages[n - 1] ?? { ...pages[0], Sidenummer: n, EnhetListe: [] });
      }
      if (kommune) {
        // Like Udir's: the municipality's whole list, without paging fields.
        return json(200, { EnhetListe: all.filter((u) => u.Kommunenummer === kommune[1]) });
      }
      const enhet = url.pathname.match(/^\/v4\/enhet\/(\d{9})$/);
      const unit = enhet && all.find((u) => u.Organisasjonsnummer === enhet[1]);
      if (unit) return json(200, { ...unit, Maalform: { Id: "B", Navn: "Bokmål" } });
      return json(404, {});
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v4`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    await database.close();
  });

  it("pages through the register until AntallSider, asking for JSON", async () => {
    asked.length = 0;
    const report = await importRegisterFromUrl(db, "nsr", base, { pageSize: 3, date: DATE });
    expect(report).toMatchObject({ added: 8, rejected: 0, coverage: "register" });
    expect(asked).toEqual([
      "/v4/enheter?sidenummer=1&antallperside=3 application/json",
      "/v4/enheter?sidenummer=2&antallperside=3 application/json",
      "/v4/enheter?sidenummer=3&antallperside=3 application/json",
    ]);
    const [run] = await db.select().from(importRuns).where(eq(importRuns.id, report.runId!));
    expect(run!.origin).toBe(`${base}/enheter`);
  });

  it("writes nothing when a page fails", async () => {
    const before = await countOf(db, importRuns);
    all = [...all, school(9)];
    failPage = 3;
    try {
      await expect(
        importRegisterFromUrl(db, "nsr", base, { pageSize: 3, date: DATE }),
      ).rejects.toThrow(/500/);
    } finally {
      failPage = null;
      all = all.slice(0, -1);
    }
    expect(await countOf(db, importRuns)).toBe(before);
    expect(await getUnit(db, org(9))).toBeNull();
  });

  it("imports one municipality, closing only that municipality's missing units", async () => {
    all = all.filter((u) => u.Organisasjonsnummer !== org(7));
    const report = await importRegisterFromUrl(db, "nsr", base, {
      municipality: "3301",
      date: DATE,
    });
    expect(report).toMatchObject({ coverage: "municipalities", unchanged: 6, closed: 1 });
    expect(asked.at(-1)).toBe(
      "/v4/enheter/kommune/3301?sidenummer=1&antallperside=1000 application/json",
    );
    expect((await getUnit(db, org(7)))?.active).toBe(false);
    expect((await getUnit(db, org(8)))?.active).toBe(true);
  });

  it("reads one unit's detail", async () => {
    const report = await importRegisterDetailFromUrl(db, "nsr", base, org(1), { date: DATE });
    expect(report).toMatchObject({ changed: 1, coverage: "partial" });
    expect(asked.at(-1)).toBe(`/v4/enhet/${org(1)} application/json`);
    expect((await getUnit(db, org(1)))?.writtenStandard).toBe("nb");
  });
});
