// Writes src/modules/outcomes/demo-data/elevundersokelsen-demo.csv: an INVENTED extract in the
// shape of Udir's Elevundersøkelsen export, for the demo's municipalities and schools (see the
// README beside it). Run: node --import tsx scripts/outcome-demo-extract.ts
// It seeds the demo in a throw-away PGlite to learn who took part in IBS's cohorts 1 and 2, then
// draws shares from a fixed-seed generator: every unit has its own level, the country a slight
// downward trend, participants a somewhat larger fall from the year they start.
import { writeFileSync } from "node:fs";
import { openPglite } from "../src/db/client";
import { seedDemo, seedReference } from "../src/db/seed";
import { acceptedMunicipalities, cohortIdOf, enrolmentsOfUnits } from "../src/modules/cohorts";
import { municipalitiesAt, unitsOfMunicipality } from "../src/modules/organisations";
import { programmesOwnedBy } from "../src/modules/programmes";

const TODAY = "2026-11-23";
const YEARS = [2015, 2016, 2017, 2018, 2019];
const GRADES = ["7", "10"];
const OUT = new URL(
  "../src/modules/outcomes/demo-data/elevundersokelsen-demo.csv",
  import.meta.url,
);

function generator(seed: string) {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  let a = h >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () =>
    Math.sqrt(-2 * Math.log(uniform() || 1e-12)) * Math.cos(2 * Math.PI * uniform());
  return { uniform, normal };
}

const database = await openPglite(undefined);
await database.migrate();
const db = database.db;
await seedReference(db, { today: TODAY });
await seedDemo(db, TODAY);
const [ibs] = (await programmesOwnedBy(db, ["udir"])).filter((p) =>
  p.slug.startsWith("inkluderende"),
);
const started = new Map<string, number>();
for (const [number, year] of [
  [1, 2017],
  [2, 2018],
] as const) {
  const id = (await cohortIdOf(db, ibs!.id, number))!;
  for (const m of await acceptedMunicipalities(db, id)) started.set(`m${m.municipalityCode}`, year);
}
const schools: { orgNumber: string; name: string }[] = [];
for (const m of await municipalitiesAt(db, TODAY)) {
  for (const u of await unitsOfMunicipality(db, m.code)) if (u.isSchool) schools.push(u);
}
const cohort1 = (await cohortIdOf(db, ibs!.id, 1))!;
for (const e of await enrolmentsOfUnits(
  db,
  schools.map((s) => s.orgNumber),
  [cohort1],
))
  started.set(`s${e.unitOrgNumber}`, 2017);

const lines = ["Organisasjonsnummer;Enhetsnavn;Skoleår;Trinn;Indikator;AndelMobbet"];
const share = (key: string, year: number, grade: string, small: boolean) => {
  const unit = generator(`${key}|${grade}`);
  const base = 6.5 + 1.6 * unit.normal() + (grade === "7" ? 0.8 : 0);
  const noise = generator(`${key}|${grade}|${year}`).normal() * (small ? 1.6 : 0.7);
  const from = started.get(key);
  const effect = from && year >= from ? -0.6 * (year - from + 1) : 0;
  // The old headline (2015) was reported at a lower level than the new one.
  const level = year < 2016 ? base * 0.75 : base;
  const value = Math.min(40, Math.max(0.5, level - 0.1 * (year - 2015) + noise + effect));
  return value.toFixed(1).replace(".", ",");
};
for (const year of YEARS) {
  const indicator = year < 2016 ? "Mobbet av andre elever" : "Mobbing på skolen";
  const day = `${year}-10-01` < "2017-01-01" ? "2017-01-01" : `${year}-10-01`;
  for (const m of await municipalitiesAt(db, day)) {
    const key = `m${m.code}`;
    const suppressed = generator(key).uniform() < 0.04;
    for (const grade of GRADES)
      lines.push(
        `${m.code};${m.name};${year}-${String(year + 1).slice(2)};${grade}. trinn;${indicator};${suppressed ? "*" : share(key, year, grade, false)}`,
      );
  }
  for (const s of schools) {
    const key = `s${s.orgNumber}`;
    for (const grade of GRADES) {
      const suppressed = generator(`${key}|${grade}|${year}|p`).uniform() < 0.08;
      lines.push(
        `${s.orgNumber};${s.name};${year}-${String(year + 1).slice(2)};${grade}. trinn;${indicator};${suppressed ? "*" : share(key, year, grade, true)}`,
      );
    }
  }
}
writeFileSync(OUT, `\uFEFF${lines.join("\r\n")}\r\n`);
console.log(`${lines.length - 1} rows, ${started.size} participants`);
await database.close();
