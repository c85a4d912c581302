import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { type RegisterSource, unitHistory, units } from "./schema";

export type Unit = {
  orgNumber: string;
  name: string;
  municipalityCode: string;
  countyCode: string;
  isSchool: boolean;
  isKindergarten: boolean;
  owner: "public" | "private" | null;
  active: boolean;
  closedOn: string | null;
  writtenStandard: "nb" | "nn" | null;
  sources: RegisterSource[];
  firstSeenAt: Date;
  changedAt: Date;
};

const unitColumns = {
  orgNumber: units.orgNumber,
  name: units.name,
  municipalityCode: units.municipalityCode,
  countyCode: units.countyCode,
  isSchool: units.isSchool,
  isKindergarten: units.isKindergarten,
  owner: units.owner,
  active: units.active,
  closedOn: units.closedOn,
  writtenStandard: units.writtenStandard,
  sources: units.sources,
  firstSeenAt: units.firstSeenAt,
  changedAt: units.changedAt,
};

/** The municipality of each of these units (those that exist), in one query. */
export async function municipalitiesOfUnits(
  db: Db,
  orgNumbers: string[],
): Promise<Map<string, string>> {
  if (orgNumbers.length === 0) return new Map();
  const rows = await db
    .select({ orgNumber: units.orgNumber, municipalityCode: units.municipalityCode })
    .from(units)
    .where(inArray(units.orgNumber, orgNumbers));
  return new Map(rows.map((r) => [r.orgNumber, r.municipalityCode]));
}

/** A kindergarten or school by organisation number, or null. */
export async function getUnit(db: Db, orgNumber: string): Promise<Unit | null> {
  const [unit] = await db.select(unitColumns).from(units).where(eq(units.orgNumber, orgNumber));
  return unit ?? null;
}

export type UnitHistoryEntry = {
  at: Date;
  event: "added" | "changed" | "closed" | "reopened";
  changes: Record<string, { before: unknown; after: unknown }>;
  runId: number | null;
};

/** A unit with every change the imports made to it, newest first. */
export async function unitWithHistory(
  db: Db,
  orgNumber: string,
): Promise<(Unit & { history: UnitHistoryEntry[] }) | null> {
  const unit = await getUnit(db, orgNumber);
  if (!unit) return null;
  const history = await db
    .select({
      at: unitHistory.at,
      event: unitHistory.event,
      changes: unitHistory.changes,
      runId: unitHistory.runId,
    })
    .from(unitHistory)
    .where(eq(unitHistory.orgNumber, orgNumber))
    .orderBy(desc(unitHistory.at), desc(unitHistory.id));
  return { ...unit, history: history as UnitHistoryEntry[] };
}

export type UnitFilter = {
  type?: "school" | "kindergarten";
  owner?: "public" | "private";
  active?: boolean;
};

/** The kindergartens and schools of a municipality, by name, optionally filtered. */
export async function unitsOfMunicipality(
  db: Db,
  municipalityCode: string,
  filter: UnitFilter = {},
): Promise<Unit[]> {
  const conditions: SQL[] = [eq(units.municipalityCode, municipalityCode)];
  if (filter.type === "school") conditions.push(eq(units.isSchool, true));
  if (filter.type === "kindergarten") conditions.push(eq(units.isKindergarten, true));
  if (filter.owner) conditions.push(eq(units.owner, filter.owner));
  if (filter.active !== undefined) conditions.push(eq(units.active, filter.active));
  return db
    .select(unitColumns)
    .from(units)
    .where(and(...conditions))
    .orderBy(desc(units.active), asc(units.searchKey), asc(units.orgNumber));
}

/**
 * Kindergartens and schools by organisation number; unknown numbers left out. In no order, or
 * by name (the database's order, as a join ordered by the unit's name would give).
 */
export async function unitsByOrgNumber(
  db: Pick<Db, "select">,
  orgNumbers: string[],
  opts: { byName?: boolean } = {},
): Promise<Unit[]> {
  if (orgNumbers.length === 0) return [];
  const q = db.select(unitColumns).from(units).where(inArray(units.orgNumber, orgNumbers));
  return opts.byName ? q.orderBy(units.name) : q;
}

/**
 * The names of these units, by org number (unknown ones left out): one array parameter however
 * many there are (a county's progress view names 600 units on every request).
 */
export async function unitNamesByOrgNumber(
  db: Pick<Db, "select">,
  orgNumbers: string[],
): Promise<Map<string, string>> {
  if (orgNumbers.length === 0) return new Map();
  const rows = await db
    .select({ orgNumber: units.orgNumber, name: units.name })
    .from(units)
    .where(sql`${units.orgNumber} = any(${sql.param([...new Set(orgNumbers)])}::text[])`);
  return new Map(rows.map((r) => [r.orgNumber, r.name]));
}

/**
 * Which of these organisation numbers are schools in the register (closed ones too): one array
 * parameter and one column back however many there are (an outcome file names thousands).
 */
export async function schoolOrgNumbers(
  db: Pick<Db, "select">,
  orgNumbers: string[],
): Promise<Set<string>> {
  if (orgNumbers.length === 0) return new Set();
  const rows = await db
    .select({ orgNumber: units.orgNumber })
    .from(units)
    .where(
      sql`${units.orgNumber} = any(${sql.param([...new Set(orgNumbers)])}::text[]) and ${units.isSchool}`,
    );
  return new Set(rows.map((r) => r.orgNumber));
}

/** The active kindergartens and schools of these municipalities, by search key. */
export async function activeUnitsIn(db: Db, municipalityCodes: string[]): Promise<Unit[]> {
  return db
    .select(unitColumns)
    .from(units)
    .where(and(inArray(units.municipalityCode, municipalityCodes), eq(units.active, true)))
    .orderBy(asc(units.searchKey), asc(units.orgNumber));
}

/** Units counted by kind and owner (a unit can be both kindergarten and school). */
export type UnitCounts = {
  total: number;
  kindergartens: number;
  schools: number;
  public: number;
  private: number;
};

/**
 * Units counted by kind and owner per group, for another module's list of units: `members` is
 * a query yielding `group_id` and `org_number` columns (e.g. a cohort's enrolments per
 * invitation). Unknown org numbers are not counted; groups with none are left out. One
 * statement, the units joined in it, so a national cohort's overview stays one query
 * (bench/cohort-overview.ts), answered as one JSON value: the embedded database decodes a
 * result value by value, which for a few hundred rows costs more than the query.
 */
export async function countUnitsPerGroup<Group extends number | string>(
  db: Db,
  members: SQL,
): Promise<Map<Group, UnitCounts>> {
  const result = await db.execute(
    sql`select coalesce(json_agg(x), '[]'::json) as rows from (
          select m.group_id,
                 count(*) as total,
                 count(*) filter (where u.is_kindergarten) as kindergartens,
                 count(*) filter (where u.is_school) as schools,
                 count(*) filter (where u.owner = 'public') as public,
                 count(*) filter (where u.owner = 'private') as private
            from (${members}) m
            join ${units} u on u.org_number = m.org_number
           group by m.group_id) x`,
  );
  type Row = UnitCounts & { group_id: Group };
  const value = (result as unknown as { rows: { rows: Row[] | string }[] }).rows[0]?.rows ?? [];
  const rows = typeof value === "string" ? (JSON.parse(value) as Row[]) : value;
  return new Map(
    rows.map(({ group_id, ...counts }) => [
      group_id,
      {
        total: Number(counts.total),
        kindergartens: Number(counts.kindergartens),
        schools: Number(counts.schools),
        public: Number(counts.public),
        private: Number(counts.private),
      },
    ]),
  );
}
