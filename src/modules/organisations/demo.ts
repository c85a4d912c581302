import type { Db } from "../../db/client";
import type { DemoSeed } from "../../kernel/manifest";
import { REFERENCE_DIR } from "./klass";
import { createPpService } from "./pp-services";
import { importRegisterFile } from "./registers";
import { setCountyOfficeMailboxes } from "./service";
import { seedWrittenStandards } from "./written-standard";

/**
 * The demo's kindergartens, schools and PP-tjenester, the offices' demo mailboxes and the
 * nynorsk written standards. First of the demo: the cohorts' demo enrols these units.
 */
export const organisationsDemo: DemoSeed = {
  order: 10,
  everyStart: seedDemoOfficeMailboxes,
  async seed(db, { today }) {
    await seedDemoUnits(db, today);
    await seedWrittenStandards(db, new Date(`${today}T08:00:00Z`));
  },
};

/**
 * Demo kindergartens and schools (src/db/reference/units-demo-*.json, invented, in the shape
 * of the registers) through the same importer as real data, and demo PP-tjenester.
 */
async function seedDemoUnits(db: Db, today: string) {
  for (const source of ["nsr", "nbr"] as const) {
    const report = await importRegisterFile(
      db,
      source,
      new URL(`units-demo-${source}.json`, REFERENCE_DIR),
      { date: today },
    );
    if (report.rejected > 0) {
      throw new Error(`demo ${source} extract: ${JSON.stringify(report.rejectedRows[0])}`);
    }
  }
  for (const service of DEMO_PP_SERVICES) await createPpService(db, service);
}

/** Demo PP-tjenester (invented names and org numbers), two of them shared by municipalities. */
const DEMO_PP_SERVICES = [
  {
    name: "Indre Agder interkommunale PP-tjeneste (demo)",
    orgNumber: "899100107",
    hostMunicipalityCode: "4219",
    municipalities: ["4211", "4214", "4216", "4219", "4220", "4222"].map((code) => ({
      code,
      validFrom: "2020-01-01",
    })),
  },
  {
    name: "PPT Aust-Finnmark (demo)",
    orgNumber: "899100212",
    hostMunicipalityCode: "5628",
    municipalities: ["5626", "5628", "5630", "5632"].map((code) => ({
      code,
      validFrom: "2024-01-01",
    })),
  },
  {
    // Served Fræna and Eide until they merged into Hustadvika in 2020, Hustadvika since.
    name: "Nordmøre og Romsdal PP-kontor (demo)",
    orgNumber: "899100328",
    hostMunicipalityCode: "1554",
    municipalities: [
      { code: "1554", validFrom: "2017-01-01" },
      { code: "1557", validFrom: "2017-01-01" },
      { code: "1548", validFrom: "2017-01-01", validTo: "2020-01-01" },
      { code: "1551", validFrom: "2017-01-01", validTo: "2020-01-01" },
      { code: "1579", validFrom: "2020-01-01" },
    ],
  },
  {
    name: "PP-tjenesten i Kristiansand (demo)",
    orgNumber: null,
    hostMunicipalityCode: "4204",
    municipalities: [{ code: "4204", validFrom: "2020-01-01" }],
  },
  {
    name: "Drammen PPT (demo)",
    orgNumber: null,
    hostMunicipalityCode: "3301",
    municipalities: [{ code: "3301", validFrom: "2024-01-01" }],
  },
];

/** The offices that have a mailbox in the demo (as three had when the demo was written). */
const DEMO_OFFICE_MAILBOXES = ["sf-agder", "sf-rogaland", "sf-innlandet"] as const;
/** A demo office's mailbox: a reserved domain, never the office's real post room. */
const demoOfficeMailbox = (officeId: string) => `postmottak@${officeId}.demo.samspill.example`;

/**
 * Give the demo offices their reserved-domain mailboxes and take any other address off: a
 * development database loaded before the reference file lost its real post-room addresses
 * still holds them. Runs at every demo start; idempotent.
 */
function seedDemoOfficeMailboxes(db: Db): Promise<void> {
  return setCountyOfficeMailboxes(
    db,
    Object.fromEntries(DEMO_OFFICE_MAILBOXES.map((id) => [id, demoOfficeMailbox(id)])),
  );
}
