import { sql } from "drizzle-orm";
import {
  countyOfficesAt,
  fetchKlass,
  importCountyOffices,
  importKlass,
  municipalitiesAt,
  readCountyOfficesFile,
  readKlassSnapshot,
} from "../modules/organisations";
import { addCohortMunicipalities, createCohort, createProgramme } from "../modules/programmes";
import { fubTexts, ibsTexts } from "../modules/programmes/demo-content";
import type { Db } from "./client";

/**
 * Reference data every installation needs: counties, municipalities and county offices.
 * From the Klass API when KLASS_URL is set, otherwise from the snapshot shipped in the repo.
 */
export async function seedReference(
  db: Db,
  opts: { klassUrl?: string | undefined; today: string },
) {
  const snapshot = opts.klassUrl
    ? await fetchKlass(opts.klassUrl, "2017-01-01", opts.today)
    : await readKlassSnapshot();
  const report = await importKlass(db, snapshot);
  const offices = await importCountyOffices(db, await readCountyOfficesFile());
  return { ...report, offices };
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

/** The demo programmes, cohorts and participants; does nothing when programmes exist. */
export async function seedDemo(db: Db): Promise<boolean> {
  const existing = await db.execute(sql`select count(*)::int as n from programmes`);
  if (Number((existing as unknown as { rows: { n: number }[] }).rows[0]?.n) > 0) return false;

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
      contactPhone: "477 99 200",
      contactEmail: "kompetanse@fub.samspill.example",
      publishedAt: new Date("2020-08-01T09:00:00Z"),
      sortOrder: 2,
    },
    fubTexts,
  );

  const start1 = "2017-01-01";
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
  const municipalities = await municipalitiesAt(db, start1);
  const picked = offices1.flatMap((office, i) =>
    municipalities
      .filter((m) => office.countyCodes.includes(m.countyCode))
      .slice(0, COHORT_1_OFFICES[i]!.take)
      .map((m) => ({ municipalityCode: m.code, officeId: office.id })),
  );
  await addCohortMunicipalities(db, cohort1, picked);

  const offices2 = await officeIdsByName(db, "2017-06-01", COHORT_2_OFFICES);
  await createCohort(
    db,
    {
      programmeId: ibs,
      number: 2,
      startsOn: "2018-01-01",
      endsOn: "2019-12-31",
      officeInviteDeadline: "2017-06-01",
    },
    offices2.map((o) => o.id),
  );
  return true;
}
