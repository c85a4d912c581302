// Benchmark: importing an 18,000-unit NSR register file (generated in the real v4 list shape,
// 18 pages of 1,000 in one file) into a fresh embedded database (PGlite, in this process).
// The time is the import alone: reading and checking the file, the transaction, the run and
// the history. Database start, migrations and reference data come before the clock starts.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { count } from "drizzle-orm";
import { openPglite } from "../src/db/client";
import { seedReference } from "../src/db/seed";
import { importRegisterFile } from "../src/modules/organisations";
import { units } from "../src/modules/organisations/schema";
import { currentMunicipalityCodes, generateRegister } from "./generate-registers";
import { bench, log } from "./lib";

const DATE = "2026-11-23";
const UNITS = 18_000;

export async function nsrImportBenchmark(dir: string) {
  const { pages } = generateRegister({
    source: "nsr",
    count: UNITS,
    municipalityCodes: await currentMunicipalityCodes(),
    seed: 18,
  });
  const file = join(dir, "nsr-18k.json");
  writeFileSync(file, JSON.stringify(pages));
  const database = await openPglite(undefined);
  try {
    await database.migrate();
    await seedReference(database.db, { today: DATE });
    const t0 = performance.now();
    const report = await importRegisterFile(database.db, "nsr", file, { date: DATE });
    const seconds = (performance.now() - t0) / 1000;
    const stored = (await database.db.select({ n: count() }).from(units))[0]!.n;
    if (report.added !== UNITS || stored !== UNITS) {
      throw new Error(`nsr-import: added ${report.added}, stored ${stored}, expected ${UNITS}`);
    }
    const t1 = performance.now();
    const again = await importRegisterFile(database.db, "nsr", file, { date: DATE });
    log(
      `nsr-import: ${pages.length} pages, ${report.added} added, ${report.rejected} rejected in ${seconds.toFixed(2)}s; ` +
        `the same file again: ${again.unchanged} unchanged in ${((performance.now() - t1) / 1000).toFixed(2)}s`,
    );
    bench("nsr-import-18k", seconds.toFixed(2), "s", "<=", "10");
  } finally {
    await database.close();
  }
}
