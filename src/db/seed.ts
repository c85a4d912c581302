import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { osloToday, addDays as plusDays } from "../kernel/clock";
import { appSettings } from "../kernel/schema";
import {
  createCohort,
  forgetSeedMail,
  recordParticipants,
  seedCohort1Work,
  seedCohort2Chain,
  seedCohort3Chain,
} from "../modules/cohorts";
import { cohortPlannedGatherings } from "../modules/cohorts/schema";
import {
  countyOfficesAt,
  createPpService,
  fetchKlass,
  importCountyOffices,
  importKlass,
  importRegisterFile,
  municipalitiesAt,
  readCountyOfficesFile,
  readKlassSnapshot,
  seedWrittenStandards,
  setCountyOfficeMailboxes,
  successorsAt,
} from "../modules/organisations";
import { createProgramme } from "../modules/programmes";
import { fubTexts, ibsTexts } from "../modules/programmes/demo-content";
import type { Database, Db } from "./client";
import { seedDemoPeople } from "./demo-people";

/**
 * Reference data every installation needs: counties, municipalities and county offices.
 * From the Klass API when KLASS_URL is set, otherwise from the snapshot shipped in the repo.
 */
export async function seedReference(
  db: Db,
  opts: { klassUrl?: string | undefined; today: string },
): Promise<ReferenceReport> {
  const snapshot = opts.klassUrl
    ? await fetchKlass(opts.klassUrl, "2017-01-01", opts.today)
    : await readKlassSnapshot();
  const officesFile = await readCountyOfficesFile();
  // The import is an upsert of the same rows every start: skip it when exactly these inputs
  // were imported last time (and the tables still hold them).
  const hash = createHash("sha256")
    .update(JSON.stringify({ version: REFERENCE_IMPORT_VERSION, snapshot, officesFile }))
    .digest("hex");
  const [stored] = await db
    .select({ value: appSettings.value })
    .from(appSettings)
    .where(eq(appSettings.key, REFERENCE_SETTING));
  const last = stored
    ? (JSON.parse(stored.value) as { hash: string; report: ReferenceReport })
    : null;
  if (last?.hash === hash && (await referenceStillThere(db, last.report))) {
    return { ...last.report, skipped: true };
  }
  const report = await importKlass(db, snapshot);
  const offices = await importCountyOffices(db, officesFile);
  const result = { ...report, offices };
  const value = JSON.stringify({ hash, report: result });
  await db
    .insert(appSettings)
    .values({ key: REFERENCE_SETTING, value })
    .onConflictDoUpdate({ target: appSettings.key, set: { value } });
  return { ...result, skipped: false };
}

type ReferenceReport = {
  counties: number;
  municipalities: number;
  changes: number;
  offices: number;
  skipped?: boolean;
};

/** Where the last reference import's input hash is kept (app_settings). */
const REFERENCE_SETTING = "reference-data";
/** Raise when the importers change what they write from the same input: forces a re-import. */
const REFERENCE_IMPORT_VERSION = 1;

/** At least as many counties and municipality periods as the last import wrote. */
async function referenceStillThere(db: Db, report: ReferenceReport) {
  const result = await db.execute(
    sql`select (select count(*) from counties)::int as counties,
               (select count(*) from municipalities)::int as municipalities`,
  );
  const row = (result as unknown as { rows: { counties: number; municipalities: number }[] })
    .rows[0];
  return (
    Number(row?.counties) >= report.counties && Number(row?.municipalities) >= report.municipalities
  );
}

/**
 * What every start does before serving: reference data, and with `demo` the demo programmes and
 * people. Under the startup lock, so instances starting together on an empty database do not
 * both find it empty and collide on a duplicate key.
 */
export async function seedAtStart(
  database: Database,
  opts: {
    klassUrl?: string | undefined;
    now: Date;
    demo: boolean;
    /** Base of links in the demo's queued mail (`Config.linkBase`). */
    linkBase: string;
  },
) {
  return database.exclusive(async () => {
    const today = osloToday(opts.now);
    // Milliseconds per step, for the start-up log line.
    const timings: Record<string, number> = {};
    let t0 = performance.now();
    const took = (name: string) => {
      const now = performance.now();
      timings[name] = now - t0;
      t0 = now;
    };
    const reference = await seedReference(database.db, { klassUrl: opts.klassUrl, today });
    took("reference");
    let demoLoaded = false;
    if (opts.demo) {
      demoLoaded = await seedDemo(database.db, today, opts.linkBase);
      took("demo");
      await seedDemoPeople(database.db, opts.now);
      took("people");
    }
    return { reference, demoLoaded, timings };
  });
}

/** Cohort 1 of IBS: the offices of the seed page and, as demo data, 38 of their municipalities. */
const COHORT_1_OFFICES: { name: string; take: number }[] = [
  { name: "Aust- og Vest-Agder", take: 8 },
  { name: "Finnmark", take: 5 },
  { name: "Møre og Romsdal", take: 7 },
  { name: "Nordland", take: 8 },
  { name: "Oppland", take: 6 },
  { name: "Vestfold", take: 4 },
];
const COHORT_2_OFFICES = [
  "Troms",
  "Hordaland",
  "Sogn og Fjordane",
  "Rogaland",
  "Buskerud",
  "Telemark",
  "Oslo og Akershus",
  "Hedmark",
];

async function officeIdsByName(db: Db, date: string, names: string[]) {
  const offices = await countyOfficesAt(db, date, "nb");
  return names.map((name) => {
    const office = offices.find((o) => o.name === `Fylkesmannen i ${name}`);
    if (!office) throw new Error(`no county office "${name}" on ${date}`);
    return office;
  });
}

/** The 38 municipalities of IBS cohort 1 (2017 codes), each with the office that invited it. */
async function cohort1Municipalities(db: Db, offices: { id: string; countyCodes: string[] }[]) {
  const municipalities = await municipalitiesAt(db, COHORT_1_START);
  return offices.flatMap((office, i) =>
    municipalities
      .filter((m) => office.countyCodes.includes(m.countyCode))
      .slice(0, COHORT_1_OFFICES[i]!.take)
      .map((m) => ({ municipalityCode: m.code, officeId: office.id })),
  );
}

const COHORT_1_START = "2017-01-01";

/** Big municipalities the demo units cover besides cohort 1's. */
export const DEMO_EXTRA_MUNICIPALITIES = ["0301", "3301", "4204", "5001"];

/**
 * The municipalities the bundled demo unit extract covers: today's successors of cohort 1's
 * and the extra ones (registers use today's codes).
 */
export async function demoUnitMunicipalities(db: Db, today: string): Promise<string[]> {
  const offices = await officeIdsByName(
    db,
    COHORT_1_START,
    COHORT_1_OFFICES.map((o) => o.name),
  );
  const codes = new Set(DEMO_EXTRA_MUNICIPALITIES);
  for (const m of await cohort1Municipalities(db, offices)) {
    for (const code of await successorsAt(db, m.municipalityCode, today)) codes.add(code);
  }
  return [...codes].sort();
}

/** The participation terms of the demo's live cohort (our own words). */
const COHORT_TERMS = {
  nb: "Kommunen deltar i to år med barnehager og skoler. Kommunen\n\n- sender ledere og ressursperson til de nasjonale og regionale samlingene,\n- setter av tid til utviklingsarbeid i hver enhet mellom samlingene,\n- dekker egne reiseutgifter og vikarer.",
  nn: "Kommunen deltek i to år med barnehagar og skular. Kommunen\n\n- sender leiarar og ressursperson til dei nasjonale og regionale samlingane,\n- set av tid til utviklingsarbeid i kvar eining mellom samlingane,\n- dekkjer eigne reiseutgifter og vikarar.",
  en: "The municipality takes part for two years with kindergartens and schools. It\n\n- sends leaders and the resource person to the national and regional gatherings,\n- sets aside time for development work in each unit between gatherings,\n- covers its own travel and substitute costs.",
};

const REFERENCE = new URL("./reference/", import.meta.url);

/**
 * Demo kindergartens and schools (src/db/reference/units-demo-*.json, invented, in the shape
 * of the registers) through the same importer as real data, and demo PP-tjenester.
 */
async function seedDemoUnits(db: Db, today: string) {
  for (const source of ["nsr", "nbr"] as const) {
    const report = await importRegisterFile(
      db,
      source,
      new URL(`units-demo-${source}.json`, REFERENCE),
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
export const DEMO_OFFICE_MAILBOXES = ["sf-agder", "sf-rogaland", "sf-innlandet"] as const;
/** A demo office's mailbox: a reserved domain, never the office's real post room. */
export const demoOfficeMailbox = (officeId: string) =>
  `postmottak@${officeId}.demo.samspill.example`;

/**
 * Give the demo offices their reserved-domain mailboxes and take any other address off: a
 * development database loaded before the reference file lost its real post-room addresses
 * still holds them. Runs at every demo start; idempotent.
 */
export function seedDemoOfficeMailboxes(db: Db): Promise<void> {
  return setCountyOfficeMailboxes(
    db,
    Object.fromEntries(DEMO_OFFICE_MAILBOXES.map((id) => [id, demoOfficeMailbox(id)])),
  );
}

/**
 * The demo programmes, cohorts and participants, and the demo kindergartens, schools and
 * PP-tjenester; does nothing when programmes exist.
 */
export async function seedDemo(
  db: Db,
  today: string = osloToday(new Date()),
  baseUrl = "http://localhost:3000",
): Promise<boolean> {
  await seedDemoOfficeMailboxes(db);
  const existing = await db.execute(sql`select count(*)::int as n from programmes`);
  if (Number((existing as unknown as { rows: { n: number }[] }).rows[0]?.n) > 0) return false;
  const seedStarted = new Date();
  await seedDemoUnits(db, today);
  await seedWrittenStandards(db, new Date(`${today}T08:00:00Z`));

  const ibs = await createProgramme(
    db,
    {
      slug: "inkluderende-barnehage-og-skolemiljo",
      owner: "udir",
      model: "cohorts",
      startedOn: "2017-01-01",
      durationMinMonths: 24,
      durationMaxMonths: 24,
      deliveryMode: "mixed",
      contactName: "IBS-teamet i Utdanningsdirektoratet",
      contactPhone: "23 30 12 00",
      contactEmail: "ibs@udir.samspill.example",
      publishedAt: new Date("2016-11-01T09:00:00Z"),
      sortOrder: 1,
    },
    ibsTexts,
  );
  await createProgramme(
    db,
    {
      slug: "bedre-foreldresamarbeid",
      owner: "fub",
      model: "application",
      startedOn: null,
      durationMinMonths: 12,
      durationMaxMonths: 24,
      deliveryMode: "mostly-digital",
      contactName: "Kompetanseteamet i FUB/FUG",
      contactPhone: "477 99 200",
      contactEmail: "kompetanse@fub.samspill.example",
      publishedAt: new Date("2020-08-01T09:00:00Z"),
      sortOrder: 2,
    },
    fubTexts,
  );

  const start1 = COHORT_1_START;
  const offices1 = await officeIdsByName(
    db,
    start1,
    COHORT_1_OFFICES.map((o) => o.name),
  );
  const cohort1 = await createCohort(
    db,
    {
      programmeId: ibs,
      number: 1,
      startsOn: start1,
      endsOn: "2018-12-31",
      officeInviteDeadline: null,
    },
    offices1.map((o) => o.id),
  );
  await recordParticipants(
    db,
    cohort1,
    await cohort1Municipalities(db, offices1),
    new Date(`${start1}T08:00:00Z`),
  );
  await seedCohort1Work(db, cohort1, today);

  const offices2 = await officeIdsByName(db, "2017-06-01", COHORT_2_OFFICES);
  const cohort2 = await createCohort(
    db,
    {
      programmeId: ibs,
      number: 2,
      startsOn: "2018-01-01",
      endsOn: "2019-12-31",
      officeInviteDeadline: "2017-06-01",
      answerDeadline: "2017-09-01",
    },
    offices2.map((o) => o.id),
  );
  await seedCohort2Chain(db, cohort2, offices2);

  // Cohort 3 is live: its dates follow today, so the demo people always have something to do.
  const year = Number(today.slice(0, 4));
  const cohort3 = await createCohort(
    db,
    {
      programmeId: ibs,
      number: 3,
      startsOn: `${year + 1}-08-01`,
      endsOn: `${year + 3}-06-30`,
      officeInviteDeadline: plusDays(today, 14),
      answerDeadline: plusDays(today, 30),
      reminderDaysBefore: 7,
      termsNb: COHORT_TERMS.nb,
      termsNn: COHORT_TERMS.nn,
      termsEn: COHORT_TERMS.en,
      createdAt: new Date(`${plusDays(today, -22)}T09:00:00Z`),
    },
    [],
  );
  await db.insert(cohortPlannedGatherings).values([
    {
      cohortId: cohort3,
      kind: "national",
      title: "Nasjonal oppstartsamling",
      plannedOn: `${year + 1}-09-15`,
    },
    {
      cohortId: cohort3,
      kind: "regional",
      title: "Regional samling 1",
      plannedOn: `${year + 1}-11-10`,
    },
    {
      cohortId: cohort3,
      kind: "national",
      title: "Nasjonal samling 2",
      plannedOn: `${year + 2}-03-08`,
    },
  ]);
  await seedCohort3Chain(db, cohort3, today, baseUrl);
  await forgetSeedMail(db, seedStarted);
  return true;
}
