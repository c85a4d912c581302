import { readFile } from "node:fs/promises";
import { and, asc, eq, gt, isNull, lte, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "../../db/client";
import type { KlassCodes, KlassSnapshot } from "./klass";
import { REFERENCE_DIR } from "./klass";
import {
  counties,
  countyOfficeCoverage,
  countyOfficeNames,
  countyOffices,
  municipalities,
  municipalityChanges,
} from "./schema";

/** Rows valid on `date` (YYYY-MM-DD): validFrom <= date < validTo. */
function validAt(table: { validFrom: AnyPgColumn; validTo: AnyPgColumn }, date: string) {
  return and(lte(table.validFrom, date), or(isNull(table.validTo), gt(table.validTo, date)));
}

/**
 * Klass answers a range query with the range's end as validTo for codes still valid. Every
 * reform of counties and municipalities takes effect on 1 January, so a last validTo that is
 * not a 1 January is the range's end: the code is still valid.
 */
function openEnded(codes: KlassCodes["codes"]) {
  const ends = codes.map((c) => c.validToInRequestedRange).filter((d): d is string => !!d);
  const last = ends.sort().at(-1);
  return codes.map((c) => ({
    code: c.code,
    name: c.name,
    validFrom: c.validFromInRequestedRange,
    validTo:
      !c.validToInRequestedRange || (c.validToInRequestedRange === last && !last.endsWith("-01-01"))
        ? null
        : c.validToInRequestedRange,
  }));
}

export type ImportReport = { counties: number; municipalities: number; changes: number };

/** Load counties, municipalities and their changes; running it again changes nothing. */
export async function importKlass(db: Db, snapshot: KlassSnapshot): Promise<ImportReport> {
  const countyRows = openEnded(snapshot.counties.codes);
  const municipalityRows = openEnded(snapshot.municipalities.codes).map((m) => ({
    ...m,
    countyCode: m.code.slice(0, 2),
  }));
  const changeRows = snapshot.changes.codeChanges.map((c) => ({
    oldCode: c.oldCode,
    newCode: c.newCode,
    changedOn: c.changeOccurred,
    oldName: c.oldName,
    newName: c.newName,
  }));
  await db.transaction(async (tx) => {
    for (const row of countyRows) {
      await tx
        .insert(counties)
        .values(row)
        .onConflictDoUpdate({
          target: [counties.code, counties.validFrom],
          set: { name: row.name, validTo: row.validTo },
        });
    }
    for (let i = 0; i < municipalityRows.length; i += 200) {
      await tx
        .insert(municipalities)
        .values(municipalityRows.slice(i, i + 200))
        .onConflictDoUpdate({
          target: [municipalities.code, municipalities.validFrom],
          set: {
            name: sql`excluded.name`,
            validTo: sql`excluded.valid_to`,
            countyCode: sql`excluded.county_code`,
          },
        });
    }
    for (let i = 0; i < changeRows.length; i += 200) {
      await tx
        .insert(municipalityChanges)
        .values(changeRows.slice(i, i + 200))
        .onConflictDoNothing();
    }
  });
  namesOnDate.delete(db);
  optionsOnDate.delete(db);
  return {
    counties: countyRows.length,
    municipalities: municipalityRows.length,
    changes: changeRows.length,
  };
}

const period = { validFrom: z.string(), validTo: z.string().nullable() };
export const countyOfficesFileSchema = z.object({
  offices: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9-]+$/),
      validFrom: z.string(),
      validTo: z.string().nullable(),
      // No mail address: this file loads in development and demo too (see its README).
      names: z.array(z.object({ nb: z.string(), nn: z.string(), ...period })).min(1),
      coverage: z.array(z.object({ countyCode: z.string().regex(/^\d{2}$/), ...period })).min(1),
    }),
  ),
});

/**
 * Set the county offices' mailboxes to exactly these (by office id); every other office has
 * none. For the demo, whose mailboxes are reserved-domain addresses (src/db/seed.ts).
 */
export async function setCountyOfficeMailboxes(
  db: Db,
  mailboxes: Record<string, string>,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(countyOffices)
      .set({ email: null })
      .where(sql`${countyOffices.email} is not null`);
    for (const [id, email] of Object.entries(mailboxes)) {
      await tx.update(countyOffices).set({ email }).where(eq(countyOffices.id, id));
    }
  });
}

export async function readCountyOfficesFile(dir: URL = REFERENCE_DIR) {
  const raw = JSON.parse(await readFile(new URL("county-offices.json", dir), "utf8"));
  return countyOfficesFileSchema.parse(raw);
}

export async function importCountyOffices(
  db: Db,
  file: z.infer<typeof countyOfficesFileSchema>,
): Promise<number> {
  await db.transaction(async (tx) => {
    for (const office of file.offices) {
      await tx
        .insert(countyOffices)
        .values({
          id: office.id,
          validFrom: office.validFrom,
          validTo: office.validTo,
        })
        .onConflictDoUpdate({
          target: countyOffices.id,
          set: { validFrom: office.validFrom, validTo: office.validTo },
        });
      for (const name of office.names) {
        await tx
          .insert(countyOfficeNames)
          .values({
            officeId: office.id,
            validFrom: name.validFrom,
            validTo: name.validTo,
            nameNb: name.nb,
            nameNn: name.nn,
          })
          .onConflictDoUpdate({
            target: [countyOfficeNames.officeId, countyOfficeNames.validFrom],
            set: { validTo: name.validTo, nameNb: name.nb, nameNn: name.nn },
          });
      }
      for (const cover of office.coverage) {
        await tx
          .insert(countyOfficeCoverage)
          .values({ officeId: office.id, ...cover })
          .onConflictDoUpdate({
            target: [
              countyOfficeCoverage.officeId,
              countyOfficeCoverage.countyCode,
              countyOfficeCoverage.validFrom,
            ],
            set: { validTo: cover.validTo },
          });
      }
    }
  });
  return file.offices.length;
}

export type MunicipalityOption = {
  code: string;
  name: string;
  countyCode: string;
  countyName: string;
};

/**
 * Municipalities valid on a date, per database, kept a few minutes like their names
 * (`municipalityPlacesAt`): a county office's scope reads all of them on every request (the
 * progress view, issue 12). Emptied when Klass is imported.
 */
const optionsOnDate = new WeakMap<
  Db,
  Map<string, { until: number; options: readonly MunicipalityOption[] }>
>();

/** Municipalities valid on a date, with their county, sorted by county and name. */
export async function municipalitiesAt(db: Db, date: string): Promise<MunicipalityOption[]> {
  const byDate: Map<string, { until: number; options: readonly MunicipalityOption[] }> =
    optionsOnDate.get(db) ?? new Map();
  optionsOnDate.set(db, byDate);
  let kept = byDate.get(date);
  if (!kept || kept.until < Date.now()) {
    kept = { until: Date.now() + NAMES_KEPT_MS, options: await readMunicipalitiesAt(db, date) };
    if (byDate.size > 16) byDate.clear();
    byDate.set(date, kept);
  }
  return kept.options.map((m) => ({ ...m }));
}

async function readMunicipalitiesAt(db: Db, date: string): Promise<MunicipalityOption[]> {
  const rows = await db
    .select({
      code: municipalities.code,
      name: municipalities.name,
      countyCode: municipalities.countyCode,
      countyName: counties.name,
    })
    .from(municipalities)
    .innerJoin(counties, and(eq(counties.code, municipalities.countyCode), validAt(counties, date)))
    .where(validAt(municipalities, date))
    .orderBy(asc(municipalities.countyCode), asc(municipalities.name));
  return rows;
}

/** A municipality's name and its county's name on a date. */
export type MunicipalityPlace = { name: string; countyName: string };

/**
 * Every municipality's name and county on a date, per database, kept a few minutes: pages of one
 * municipality (an application, its receipt) name it on every request, and the grants' ledger
 * sums per county. The register changes only when Klass is imported, which empties this.
 */
const namesOnDate = new WeakMap<
  Db,
  Map<string, { until: number; places: Map<string, MunicipalityPlace> }>
>();
const NAMES_KEPT_MS = 10 * 60_000;

/** Every municipality valid on a date, by code, with its county's name ("" if none then). */
export async function municipalityPlacesAt(
  db: Db,
  date: string,
): Promise<ReadonlyMap<string, MunicipalityPlace>> {
  const byDate = namesOnDate.get(db) ?? new Map();
  namesOnDate.set(db, byDate);
  let kept = byDate.get(date);
  if (!kept || kept.until < Date.now()) {
    const rows = await db
      .select({ code: municipalities.code, name: municipalities.name, countyName: counties.name })
      .from(municipalities)
      .leftJoin(
        counties,
        and(eq(counties.code, municipalities.countyCode), validAt(counties, date)),
      )
      .where(validAt(municipalities, date));
    kept = {
      until: Date.now() + NAMES_KEPT_MS,
      places: new Map(rows.map((r) => [r.code, { name: r.name, countyName: r.countyName ?? "" }])),
    };
    // One date a day is asked for: the map stays small.
    if (byDate.size > 16) byDate.clear();
    byDate.set(date, kept);
  }
  return kept.places;
}

/** The names of these municipalities on a date, by code (a code not valid then is left out). */
export async function municipalityNamesAt(
  db: Db,
  codes: string[],
  date: string,
): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const places = await municipalityPlacesAt(db, date);
  return new Map(
    codes.flatMap((code) => {
      const place = places.get(code);
      return place ? [[code, place.name] as const] : [];
    }),
  );
}

export async function isMunicipalityValidAt(db: Db, code: string, date: string): Promise<boolean> {
  const rows = await db
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(and(eq(municipalities.code, code), validAt(municipalities, date)))
    .limit(1);
  return rows.length > 0;
}

export async function countiesAt(db: Db, date: string) {
  return db
    .select({ code: counties.code, name: counties.name })
    .from(counties)
    .where(validAt(counties, date))
    .orderBy(asc(counties.code));
}

export type OfficeAt = { id: string; name: string; countyCodes: string[] };

/** County offices existing on a date, named as they were then, with the counties they covered. */
export async function countyOfficesAt(
  db: Db,
  date: string,
  lang: "nb" | "nn" | "en",
): Promise<OfficeAt[]> {
  const names = await db
    .select({
      id: countyOfficeNames.officeId,
      nb: countyOfficeNames.nameNb,
      nn: countyOfficeNames.nameNn,
    })
    .from(countyOfficeNames)
    .innerJoin(countyOffices, eq(countyOffices.id, countyOfficeNames.officeId))
    .where(and(validAt(countyOfficeNames, date), validAt(countyOffices, date)));
  const coverage = await db
    .select({ id: countyOfficeCoverage.officeId, county: countyOfficeCoverage.countyCode })
    .from(countyOfficeCoverage)
    .where(validAt(countyOfficeCoverage, date));
  return names
    .map((n) => ({
      id: n.id,
      name: lang === "nn" ? n.nn : n.nb,
      countyCodes: coverage
        .filter((c) => c.id === n.id)
        .map((c) => c.county)
        .sort(),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "nb"));
}

/** The municipalities that a code became after reforms, followed to the given date. */
export async function successorsAt(db: Db, code: string, date: string): Promise<string[]> {
  let current = [code];
  for (let step = 0; step < 5; step++) {
    const valid = [];
    const next: string[] = [];
    for (const c of current) {
      if (await isMunicipalityValidAt(db, c, date)) {
        valid.push(c);
        continue;
      }
      const changes = await db
        .select({ newCode: municipalityChanges.newCode })
        .from(municipalityChanges)
        .where(and(eq(municipalityChanges.oldCode, c), lte(municipalityChanges.changedOn, date)));
      next.push(...changes.map((ch) => ch.newCode).filter((n) => n !== c));
    }
    if (next.length === 0) return [...new Set(valid)].sort();
    current = [...new Set([...valid, ...next])];
  }
  return [...new Set(current)].sort();
}

/**
 * `successorsAt` for many codes at once, in two queries: what each code became after reforms,
 * followed to the date (the outcomes module maps the survey's historic codes to today's).
 */
export async function successorsOfAll(
  db: Db,
  codes: string[],
  date: string,
): Promise<Map<string, string[]>> {
  const valid = new Set(
    (
      await db
        .select({ code: municipalities.code })
        .from(municipalities)
        .where(validAt(municipalities, date))
    ).map((r) => r.code),
  );
  const next = new Map<string, string[]>();
  for (const ch of await db
    .select({ oldCode: municipalityChanges.oldCode, newCode: municipalityChanges.newCode })
    .from(municipalityChanges)
    .where(lte(municipalityChanges.changedOn, date))) {
    if (ch.newCode === ch.oldCode) continue;
    next.set(ch.oldCode, [...(next.get(ch.oldCode) ?? []), ch.newCode]);
  }
  const out = new Map<string, string[]>();
  for (const code of codes) {
    let current = [code];
    for (let step = 0; step < 5; step++) {
      const kept = current.filter((c) => valid.has(c));
      const moved = current.filter((c) => !valid.has(c)).flatMap((c) => next.get(c) ?? []);
      if (moved.length === 0) {
        current = kept;
        break;
      }
      current = [...new Set([...kept, ...moved])];
    }
    out.set(code, [...new Set(current)].sort());
  }
  return out;
}

/** A county office's shared mailbox (postmottak), if it has one; null for an unknown office. */
export async function countyOfficeMailbox(
  db: Pick<Db, "select">,
  officeId: string,
): Promise<{ email: string | null } | null> {
  const [office] = await db
    .select({ email: countyOffices.email })
    .from(countyOffices)
    .where(eq(countyOffices.id, officeId));
  return office ?? null;
}
