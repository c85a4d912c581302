// Benchmark: searching organisations by the name of a unit, on the embedded database (PGlite).
//
// A fresh in-memory PGlite in this process, migrated, with the reference data (357
// municipalities today) and 9,000 generated units (5,800 kindergartens, 3,200 schools) in the
// real NSR/NBR v4 shape, imported with the importer. Then 1,000 searches for realistic partial
// unit names, each an in-process call of `searchOrganisations` (all kinds: counties,
// municipalities, offices, PP-tjenester and units; 20 hits), timed from call to result.
import { openPglite } from "../src/db/client";
import { seedReference } from "../src/db/seed";
import { importRegister, searchKey, searchOrganisations } from "../src/modules/organisations";
import { seededRandom } from "../src/modules/organisations/factories";
import { currentMunicipalityCodes, generateRegister } from "./generate-registers";
import { bench, log, percentile } from "./lib";

const DATE = "2026-11-23";
const QUERIES = 1000;
const WARMUP = 100;

/** What a person types: the start of the name, a word and the start of the next, no marks. */
export function partialName(name: string, random: ReturnType<typeof seededRandom>): string {
  const words = name.split(" ");
  const first = words[0]!;
  const roll = random.next();
  let q: string;
  if (roll < 0.45) q = first.slice(0, random.int(3, first.length));
  else if (roll < 0.7 && words[1])
    q = `${first} ${words[1].slice(0, random.int(1, words[1].length))}`;
  else if (roll < 0.85) q = first;
  else q = first.slice(random.int(2, Math.max(2, first.length - 3))); // the end of a word
  q = q.toLowerCase();
  // Some type without æ, ø and å.
  if (random.chance(0.3)) q = q.replaceAll("æ", "ae").replaceAll("ø", "o").replaceAll("å", "aa");
  return q;
}

export async function orgSearchBenchmark() {
  const database = await openPglite(undefined);
  try {
    await database.migrate();
    await seedReference(database.db, { today: DATE });
    const codes = await currentMunicipalityCodes();
    const taken = new Set<string>();
    const kindergartens = generateRegister({
      source: "nbr",
      count: 5800,
      municipalityCodes: codes,
      seed: 11,
      taken,
    });
    const schools = generateRegister({
      source: "nsr",
      count: 3200,
      municipalityCodes: codes,
      seed: 12,
      taken,
    });
    const t0 = performance.now();
    for (const [source, data] of [
      ["nbr", kindergartens],
      ["nsr", schools],
    ] as const) {
      const report = await importRegister(database.db, {
        source,
        pages: data.pages,
        origin: "bench",
        coverage: "register",
        date: DATE,
      });
      if (report.added !== data.names.length) {
        throw new Error(`org-search: ${source} imported ${report.added} of ${data.names.length}`);
      }
    }
    log(
      `org-search: ${codes.length} municipalities, ${kindergartens.names.length + schools.names.length} units imported in ${((performance.now() - t0) / 1000).toFixed(1)}s (fresh in-memory PGlite, in this process)`,
    );

    const names = [...kindergartens.names, ...schools.names];
    const random = seededRandom(2026);
    const queries = Array.from({ length: WARMUP + QUERIES }, () =>
      partialName(random.pick(names), random),
    );
    const times: number[] = [];
    let hits = 0;
    let found = 0;
    for (const [i, q] of queries.entries()) {
      const start = performance.now();
      const result = await searchOrganisations(database.db, q, { date: DATE, limit: 20 });
      const ms = performance.now() - start;
      if (i < WARMUP) continue;
      times.push(ms);
      hits += result.length;
      if (
        result.some((h) => h.kind === "unit" && h.name && searchKey(h.name).includes(searchKey(q)))
      )
        found++;
    }
    log(
      `org-search: ${QUERIES} queries (after ${WARMUP} warm-up) such as ${queries
        .slice(WARMUP, WARMUP + 6)
        .map((q) => JSON.stringify(q))
        .join(
          ", ",
        )}; p50 ${percentile(times, 50).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms, ` +
        `${(hits / QUERIES).toFixed(1)} hits a query, a matching unit among them in ${found} of ${QUERIES}`,
    );
    bench("org-search-p95", percentile(times, 95).toFixed(2), "ms", "<=", "15");
  } finally {
    await database.close();
  }
}
