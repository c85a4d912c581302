// Registers at national scale in the real NSR/NBR v4 list shape (`/v4/enheter` pages of 1,000),
// for the benchmarks. Deterministic: the same seed gives the same units.
//
//   node --import tsx bench/generate-registers.ts nsr 18000 out.json   writes a file
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { RegisterPage, RegisterSource } from "../src/modules/organisations";
import {
  generateUnits,
  orgNumbers,
  registerPages,
  registerRow,
  seededRandom,
} from "../src/modules/organisations/factories";

/** The 357 municipalities of today (2024–), by code: the bundled Klass snapshot's. */
export async function currentMunicipalityCodes(): Promise<string[]> {
  const { readKlassSnapshot } = await import("../src/modules/organisations");
  const snapshot = await readKlassSnapshot();
  return snapshot.municipalities.codes
    .filter((c) => !c.validToInRequestedRange)
    .map((c) => c.code)
    .sort();
}

/**
 * `count` units of one register over the given municipalities: about a third of the
 * kindergartens and a tenth of the schools private, as in the registers, and 8 % closed.
 */
export function generateRegister(opts: {
  source: RegisterSource;
  count: number;
  municipalityCodes: string[];
  seed: number;
  taken?: Set<string>;
}): { pages: RegisterPage[]; names: string[] } {
  const random = seededRandom(opts.seed);
  const units = generateUnits({
    source: opts.source,
    count: opts.count,
    municipalityCodes: opts.municipalityCodes,
    random,
    nextOrgNumber: orgNumbers(random, opts.taken ?? new Set()),
    privateShare: opts.source === "nbr" ? 0.45 : 0.1,
    closedShare: 0.08,
  });
  return {
    pages: registerPages(units.map((u) => registerRow(opts.source, u))),
    names: units.map((u) => u.name),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [source, count, out] = process.argv.slice(2);
  if ((source !== "nsr" && source !== "nbr") || !count || !out) {
    console.error("usage: generate-registers.ts nsr|nbr <count> <out.json>");
    process.exit(2);
  }
  const { pages } = generateRegister({
    source,
    count: Number(count),
    municipalityCodes: await currentMunicipalityCodes(),
    seed: 2026,
  });
  writeFileSync(out, JSON.stringify(pages));
  console.log(`wrote ${count} ${source} units in ${pages.length} pages to ${out}`);
}
