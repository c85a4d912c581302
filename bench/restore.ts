// Benchmark: backup and restore (issue 16, decision 0035). The demo data plus a national-scale
// data set — 5,500 kindergartens and 3,000 schools over all 357 municipalities (the organisations
// module's register generators, imported with the importer) and 5,000 people with roles — and
// the demo's uploaded files, backed up with src/db/backup.ts (scripts/backup.ts) and restored into
// a fresh database (scripts/restore.ts). `restore-mismatch` counts the tables whose row count or
// checksum differ, plus the files whose SHA-256 differ. In-memory PGlite in this process;
// PostgreSQL too (pg_dump/pg_restore) when BENCH_DATABASE_URL or TEST_DATABASE_URL is set, in
// databases of its own that are dropped afterwards.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import {
  backupPglite,
  backupPostgres,
  restorePglite,
  restorePostgres,
  verifyRestore,
} from "../src/db/backup";
import { type Database, openPostgres, wrapPglite } from "../src/db/client";
import { seedAtStart } from "../src/db/seed";
import { diskFileStore } from "../src/kernel/storage";
import { people, roleAssignments } from "../src/modules/identity/schema";
import { importRegister, municipalitiesAt } from "../src/modules/organisations";
import {
  generateUnits,
  orgNumbers,
  registerPages,
  registerRow,
  seededRandom,
} from "../src/modules/organisations/factories";
import { bench, log, tempDir } from "./lib";

const NOW = new Date("2026-11-23T10:00:00Z");
const TODAY = "2026-11-23";
const UNITS = { kindergartens: 5500, schools: 3000 };
const PEOPLE = 5000;

async function nationalData(database: Database, filesDir: string) {
  const t0 = performance.now();
  const db = database.db;
  await seedAtStart(database, {
    now: NOW,
    demo: true,
    linkBase: "http://localhost",
    files: diskFileStore(filesDir),
  });
  const codes = (await municipalitiesAt(db, TODAY)).map((m) => m.code);
  const random = seededRandom(16);
  const taken = new Set<string>();
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
      closedShare: 0.02,
    });
    await importRegister(db, {
      source,
      pages: registerPages(generated.map((u) => registerRow(source, u))),
      origin: "bench",
      coverage: "register",
      date: TODAY,
    });
  }
  for (let start = 0; start < PEOPLE; start += 500) {
    const rows = await db
      .insert(people)
      .values(
        Array.from({ length: Math.min(500, PEOPLE - start) }, (_, i) => ({
          name: `Person ${start + i} Benk`,
          email: `person-${start + i}@restore.bench.example`,
          createdAt: NOW,
        })),
      )
      .returning({ id: people.id });
    await db.insert(roleAssignments).values(
      rows.map((r, i) => ({
        personId: r.id,
        role: "municipal-coordinator",
        orgKind: "municipality",
        orgId: codes[(start + i) % codes.length]!,
        grantedAt: NOW,
      })),
    );
  }
  log(`restore: data built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

function report(kind: string, differs: { tables: string[]; files: string[] }, tables: number) {
  for (const t of differs.tables) log(`restore (${kind}): table ${t} differs`);
  for (const f of differs.files) log(`restore (${kind}): file ${f} differs`);
  bench(
    "restore-mismatch",
    String(differs.tables.length + differs.files.length),
    "tables",
    "==",
    "0",
    `${kind}: ${tables} tables, demo + ${UNITS.kindergartens + UNITS.schools} units + ${PEOPLE} people, files counted with the tables`,
  );
}

export async function restoreBenchmark() {
  {
    const client = await PGlite.create();
    const database = wrapPglite(client);
    await database.migrate();
    const filesDir = tempDir("restore-files");
    await nationalData(database, filesDir);
    const out = tempDir("restore-pglite");
    const t0 = performance.now();
    const manifest = await backupPglite({ source: client, filesDir, out });
    const t1 = performance.now();
    await database.close();
    const restoredFiles = join(tempDir("restore-pglite-to"), "files");
    const restored = wrapPglite(
      await restorePglite({ backup: out, dataDir: undefined, filesDir: restoredFiles }),
    );
    const differs = await verifyRestore(restored.db, restoredFiles, manifest);
    log(
      `restore (pglite): backup ${((t1 - t0) / 1000).toFixed(1)} s, restore and check ${((performance.now() - t1) / 1000).toFixed(1)} s, ${Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0)} rows, ${Object.keys(manifest.files).length} files`,
    );
    await restored.close();
    report("pglite", differs, Object.keys(manifest.tables).length);
  }

  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const names = [0, 1].map(() => `samspill_bench_restore_${randomBytes(4).toString("hex")}`);
  const urlOf = (name: string) => {
    const u = new URL(url);
    u.pathname = `/${name}`;
    return u.toString();
  };
  try {
    for (const name of names) await admin.query(`create database ${name}`);
    const database = await openPostgres(urlOf(names[0]!), 4);
    await database.migrate();
    const filesDir = tempDir("restore-pg-files");
    await nationalData(database, filesDir);
    await database.close();
    const out = tempDir("restore-pg");
    const t0 = performance.now();
    const manifest = await backupPostgres({ url: urlOf(names[0]!), filesDir, out });
    const t1 = performance.now();
    const restoredFiles = join(tempDir("restore-pg-to"), "files");
    await restorePostgres({ backup: out, url: urlOf(names[1]!), filesDir: restoredFiles });
    const restored = await openPostgres(urlOf(names[1]!), 1);
    const differs = await verifyRestore(restored.db, restoredFiles, manifest);
    await restored.close();
    log(
      `restore (postgres): pg_dump ${((t1 - t0) / 1000).toFixed(1)} s, pg_restore and check ${((performance.now() - t1) / 1000).toFixed(1)} s`,
    );
    report("postgres", differs, Object.keys(manifest.tables).length);
  } finally {
    for (const name of names) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
