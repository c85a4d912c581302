// Writes the demo unit extract, src/db/reference/units-demo-{nsr,nbr}.json: invented
// kindergartens and schools for the demo municipalities, in the NSR/NBR v4 list shape.
// Deterministic (seeded), so running it again writes the same files:
//   node --import tsx src/db/generate-units-demo.ts
import { writeFileSync } from "node:fs";
import { demoUnitMunicipalities } from "../modules/cohorts";
import {
  type GeneratedUnit,
  orgNumbers,
  registerPages,
  registerRow,
  seededRandom,
  unitName,
} from "../modules/organisations/factories";
import { openPglite } from "./client";
import { seedReference } from "./seed";

const SNAPSHOT_DATE = "2026-11-23";
const SEED = 20_170_101;

const database = await openPglite(undefined);
try {
  await database.migrate();
  await seedReference(database.db, { today: SNAPSHOT_DATE });
  const codes = await demoUnitMunicipalities(database.db, SNAPSHOT_DATE);
  const random = seededRandom(SEED);
  const nextOrgNumber = orgNumbers(random);
  const out: Record<"nsr" | "nbr", GeneratedUnit[]> = { nsr: [], nbr: [] };
  for (const code of codes) {
    // 2–6 units: at least one active school and one active kindergarten in each.
    const count = random.int(2, 6);
    const names = new Set<string>();
    for (let i = 0; i < count; i++) {
      const source = i === 0 ? "nsr" : i === 1 ? "nbr" : random.chance(0.4) ? "nsr" : "nbr";
      const isPrivate = random.chance(source === "nbr" ? 0.45 : 0.15);
      let name: string;
      do {
        name = `${unitName(random, source === "nsr" ? "school" : "kindergarten", isPrivate ? "private" : "public")} (demo)`;
      } while (names.has(name));
      names.add(name);
      const closed = i >= 2 && random.chance(0.12);
      out[source].push({
        orgNumber: nextOrgNumber(),
        name,
        municipalityCode: code,
        private: isPrivate,
        active: !closed,
        closedOn: closed ? `${random.int(2019, 2025)}-08-01` : null,
        changedAt: `2026-0${random.int(1, 9)}-1${random.int(0, 9)}T0${random.int(1, 9)}:15:00+01:00`,
      });
    }
  }
  for (const source of ["nsr", "nbr"] as const) {
    const [page] = registerPages(out[source].map((u) => registerRow(source, u)));
    const file = new URL(`./reference/units-demo-${source}.json`, import.meta.url);
    writeFileSync(file, `${JSON.stringify(page, null, 2)}\n`);
    console.log(`${out[source].length} units in ${file.pathname}`);
  }
  console.log(`${codes.length} municipalities: ${codes.join(" ")}`);
} finally {
  await database.close();
}
