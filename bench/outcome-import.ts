// Benchmark: importing 100,000 Elevundersøkelsen rows (issue 15) as Udir's export gives them
// (semicolons, decimal commas, 2 % suppressed, a few bad rows) into a fresh embedded database
// (PGlite, in this process), and the same on PostgreSQL when BENCH_DATABASE_URL or
// TEST_DATABASE_URL is set (a database of its own, dropped afterwards). The time is the import
// alone: decoding, checking every row against the registers, and writing the accepted rows with
// the run and its audit entry in one transaction. 4,200 generated schools (NSR shape) and the
// reference data are imported before the clock starts.
import { randomBytes } from "node:crypto";
import { count } from "drizzle-orm";
import pg from "pg";
import { type Database, openPglite, openPostgres } from "../src/db/client";
import { seedReference } from "../src/db/seed";
import { importRegister } from "../src/modules/organisations";
import { importOutcomeFile } from "../src/modules/outcomes";
import { outcomeResults } from "../src/modules/outcomes/schema";
import { currentMunicipalityCodes, generateRegister } from "./generate-registers";
import { bench, log } from "./lib";

const DATE = "2026-11-23";
const NOW = new Date(`${DATE}T10:00:00Z`);
const ROWS = 100_000;
const SCHOOLS = 4_200;

async function fileOf(database: Database) {
  const { pages } = generateRegister({
    source: "nsr",
    count: SCHOOLS,
    municipalityCodes: await currentMunicipalityCodes(),
    seed: 15,
  });
  await importRegister(database.db, {
    source: "nsr",
    pages,
    origin: "bench",
    coverage: "register",
    date: DATE,
  });
  const schools = pages.flatMap((p) =>
    (p.EnhetListe as { ErSkole?: boolean; Organisasjonsnummer: string }[])
      .filter((u) => u.ErSkole)
      .map((u) => u.Organisasjonsnummer),
  );
  const lines = ["Organisasjonsnummer;Enhetsnavn;Skoleår;Trinn;Indikator;AndelMobbet"];
  let i = 0;
  outer: for (const year of [2016, 2017, 2018, 2019, 2020, 2021]) {
    for (const org of schools) {
      for (const grade of ["5", "6", "7", "8", "9", "10"]) {
        if (lines.length > ROWS) break outer;
        i++;
        const share =
          i % 50 === 0 ? "*" : i % 997 === 0 ? "n/a" : `${(i % 137) / 10}`.replace(".", ",");
        lines.push(
          `${org};Skole;${year}-${String(year + 1).slice(2)};${grade}. trinn;Mobbing på skolen;${share}`,
        );
      }
    }
  }
  return lines.join("\r\n");
}

async function measure(database: Database, label: string) {
  await database.migrate();
  await seedReference(database.db, { today: DATE });
  const text = await fileOf(database);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const done = await importOutcomeFile(database.db, {
    owner: "udir",
    programmeId: 1,
    fileName: "bench.csv",
    text,
    personId: null,
    now: NOW,
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  if (!done.ok) throw new Error(`outcome-import: ${JSON.stringify(done.problem)}`);
  const stored = (await database.db.select({ n: count() }).from(outcomeResults))[0]!.n;
  const s = done.summary;
  if (s.rows !== ROWS || stored !== s.accepted + s.suppressed)
    throw new Error(`outcome-import: ${JSON.stringify(s)}, ${stored} stored`);
  log(
    `outcome-import (${label}): ${s.rows} rows, ${s.accepted} accepted, ${s.suppressed} suppressed, ` +
      `${s.rejected} rejected, in ${seconds.toFixed(2)} s (${((cpu.user + cpu.system) / 1e6).toFixed(2)} s ` +
      `of this process's CPU${label.startsWith("PGlite") ? ", the database's included" : ""})`,
  );
  return seconds;
}

export async function outcomeImportBenchmark() {
  const pglite = await openPglite(undefined);
  try {
    const seconds = await measure(pglite, "PGlite, in this process");
    bench("outcome-import-100k", seconds.toFixed(2), "s", "<=", "10", "PGlite");
  } finally {
    await pglite.close();
  }
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!url) {
    log("outcome-import: no BENCH_DATABASE_URL or TEST_DATABASE_URL, PostgreSQL skipped");
    return;
  }
  const name = `samspill_bench_${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const postgres = await openPostgres(target.toString(), 5);
  try {
    const seconds = await measure(postgres, "PostgreSQL");
    bench("outcome-import-100k-postgres", seconds.toFixed(2), "s", "<=", "10", "PostgreSQL");
  } finally {
    await postgres.close();
    const drop = new pg.Client({ connectionString: url });
    await drop.connect();
    await drop.query(`drop database if exists ${name} with (force)`);
    await drop.end();
  }
}

if (process.argv[1]?.endsWith("outcome-import.ts")) await outcomeImportBenchmark();
