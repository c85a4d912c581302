// Benchmark: backup and restore (issue 16, decision 0035). The demo data plus a national-scale
// data set — 5,500 kindergartens and 3,000 schools over all 357 municipalities (the organisations
// module's register generators, imported with the importer) and 5,000 people with roles — and
// the demo's uploaded files, backed up with src/db/backup.ts (scripts/backup.ts) and restored into
// a fresh database (scripts/restore.ts). `restore-mismatch` counts the tables whose row count or
// checksum differ, plus the files whose SHA-256 differ. In-memory PGlite in this process;
// PostgreSQL too (pg_dump/pg_restore) when BENCH_DATABASE_URL or TEST_DATABASE_URL is set, in
// databases of its own that are dropped afterwards (onBothDatabases, and one more to restore to).
import { join } from "node:path";
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
import {
  type BenchDatabase,
  bench,
  benchPostgresUrl,
  log,
  onBothDatabases,
  scratchPostgres,
  tempDir,
} from "./lib";

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

function report(
  where: BenchDatabase,
  differs: { tables: string[]; files: string[] },
  tables: number,
) {
  const kind = where.label;
  for (const t of differs.tables) log(`restore (${kind}): table ${t} differs`);
  for (const f of differs.files) log(`restore (${kind}): file ${f} differs`);
  bench(
    `restore-mismatch${where.suffix}`,
    String(differs.tables.length + differs.files.length),
    "tables",
    "==",
    "0",
    `${kind}: ${tables} tables, demo + ${UNITS.kindergartens + UNITS.schools} units + ${PEOPLE} people, files counted with the tables`,
  );
}

async function measure(database: Database, where: BenchDatabase) {
  await database.migrate();
  const filesDir = tempDir("restore-files");
  await nationalData(database, filesDir);
  const out = tempDir("restore-backup");
  const restoredFiles = join(tempDir("restore-to"), "files");
  const t0 = performance.now();
  if (where.pglite) {
    const manifest = await backupPglite({ source: where.pglite, filesDir, out });
    const t1 = performance.now();
    const restored = wrapPglite(
      await restorePglite({ backup: out, dataDir: undefined, filesDir: restoredFiles }),
    );
    try {
      const differs = await verifyRestore(restored.db, restoredFiles, manifest);
      log(
        `restore (${where.label}): backup ${((t1 - t0) / 1000).toFixed(1)} s, restore and check ${((performance.now() - t1) / 1000).toFixed(1)} s, ${Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0)} rows, ${Object.keys(manifest.files).length} files`,
      );
      report(where, differs, Object.keys(manifest.tables).length);
    } finally {
      await restored.close();
    }
    return;
  }
  if (!where.url) throw new Error("restore: neither a PGlite client nor a PostgreSQL URL");
  const manifest = await backupPostgres({ url: where.url, filesDir, out });
  const t1 = performance.now();
  // Into a fresh database of its own on the same server.
  const target = await scratchPostgres(benchPostgresUrl()!, "samspill_bench_restored");
  try {
    await restorePostgres({ backup: out, url: target.url, filesDir: restoredFiles });
    const restored = await openPostgres(target.url, 1);
    try {
      const differs = await verifyRestore(restored.db, restoredFiles, manifest);
      log(
        `restore (${where.label}): pg_dump ${((t1 - t0) / 1000).toFixed(1)} s, pg_restore and check ${((performance.now() - t1) / 1000).toFixed(1)} s`,
      );
      report(where, differs, Object.keys(manifest.tables).length);
    } finally {
      await restored.close();
    }
  } finally {
    await target.drop();
  }
}

export async function restoreBenchmark() {
  await onBothDatabases("restore-mismatch", measure, { poolSize: 4 });
}

// Alone: `node --import tsx bench/restore.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  await restoreBenchmark();
  process.exit(0);
}
