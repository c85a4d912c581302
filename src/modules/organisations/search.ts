import { and, asc, desc, eq, gt, inArray, isNull, like, lte, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client";
import { ppServicesAt } from "./pp-services";
import {
  counties,
  countyOfficeCoverage,
  countyOfficeNames,
  countyOffices,
  municipalities,
  municipalityChanges,
  ppServices,
  units,
} from "./schema";
import { searchKey } from "./search-key";

export type SearchKind = "county" | "municipality" | "county-office" | "pp-service" | "unit";

/** How a hit matched: the whole name, its start, the start of a word in it, or inside it. */
export type Match = "exact" | "prefix" | "word" | "contains";

type Common = { match: Match };
export type CountyHit = Common & { kind: "county"; code: string; name: string };
export type MunicipalityHit = Common & {
  kind: "municipality";
  code: string;
  name: string;
  countyCode: string;
  /** Set when the hit came through an earlier name or number that led here (a merger). */
  formerly: { code: string; name: string } | null;
};
export type CountyOfficeHit = Common & {
  kind: "county-office";
  id: string;
  name: string;
  /** The counties it covers on the date. */
  countyCodes: string[];
};
export type PpServiceHit = Common & {
  kind: "pp-service";
  id: number;
  name: string;
  orgNumber: string | null;
  hostMunicipalityCode: string;
  municipalities: { code: string; name: string }[];
};
export type UnitHit = Common & {
  kind: "unit";
  orgNumber: string;
  name: string;
  municipalityCode: string;
  municipalityName: string | null;
  isSchool: boolean;
  isKindergarten: boolean;
  owner: "public" | "private" | null;
  active: boolean;
  closedOn: string | null;
};
export type SearchHit = CountyHit | MunicipalityHit | CountyOfficeHit | PpServiceHit | UnitHit;

export type SearchOptions = {
  /** The date (YYYY-MM-DD) names, coverage and validity are read on. */
  date: string;
  /** At most this many hits (default 20, at most 100). */
  limit?: number;
  /** Only what concerns these municipalities (a coordinator's own): see `searchOrganisations`. */
  scope?: string[];
  /** Only these kinds (default: all). */
  kinds?: SearchKind[];
  /** The language of county office names (default nb; both forms are searched). */
  lang?: "nb" | "nn";
};

const MATCHES: Match[] = ["exact", "prefix", "word", "contains"];
const KIND_ORDER: SearchKind[] = ["county", "municipality", "county-office", "pp-service", "unit"];

/** How `key` matches the query, or null; every word of the query must occur in it. */
function matchOf(key: string, q: string, words: string[]): Match | null {
  if (key === q) return "exact";
  if (key.startsWith(q)) return "prefix";
  if (key.includes(` ${q}`)) return "word";
  return words.every((w) => key.includes(w)) ? "contains" : null;
}

function codeMatch(code: string, digits: string): Match | null {
  if (code === digits) return "exact";
  return code.startsWith(digits) ? "prefix" : null;
}

/** SQL: every word occurs in the key. */
function containsAll(key: SQL | AnyPgColumn, words: string[]) {
  return and(...words.map((w) => like(key, `%${w}%`)));
}

function validAt(table: { validFrom: AnyPgColumn; validTo: AnyPgColumn }, date: string) {
  return and(lte(table.validFrom, date), or(isNull(table.validTo), gt(table.validTo, date)));
}

/**
 * Search counties, municipalities (by name or number, tolerant of æ/ø/å spelled ae/oe/aa or
 * without marks, and of names and numbers from before a merger, which lead to today's
 * municipality with a note), county offices, PP-tjenester and kindergartens and schools.
 * Exact matches first, then names starting with the query, then names with a word starting
 * with it, then the rest; active units before closed ones.
 *
 * With `scope` (municipality codes), only: those municipalities; their counties and the
 * offices covering them on the date; PP-tjenester serving one of them; units in them.
 */
export async function searchOrganisations(
  db: Db,
  query: string,
  opts: SearchOptions,
): Promise<SearchHit[]> {
  const limit = Math.min(Math.max(opts.limit ?? 20, 1), 100);
  const q = searchKey(query);
  if (!q) return [];
  const digits = /^\d+$/.test(q.replaceAll(" ", "")) ? q.replaceAll(" ", "") : null;
  const words = q.split(" ");
  const kinds = new Set(opts.kinds ?? KIND_ORDER);
  const scope = opts.scope ? new Set(opts.scope) : null;
  const scopeCounties = opts.scope ? new Set(opts.scope.map((c) => c.slice(0, 2))) : null;
  const ctx: Ctx = { db, q, words, digits, date: opts.date, limit, scope, scopeCounties };
  const hits: SearchHit[] = [];
  if (kinds.has("county")) hits.push(...(await searchCounties(ctx)));
  if (kinds.has("municipality")) hits.push(...(await searchMunicipalities(ctx)));
  if (kinds.has("county-office")) hits.push(...(await searchOffices(ctx, opts.lang ?? "nb")));
  if (kinds.has("pp-service")) hits.push(...(await searchPpServices(ctx)));
  if (kinds.has("unit")) hits.push(...(await searchUnits(ctx)));
  // A stable sort: within a kind and a kind of match, each search's own order stays.
  return hits
    .map((hit, i) => ({ hit, i }))
    .sort(
      (a, b) =>
        MATCHES.indexOf(a.hit.match) - MATCHES.indexOf(b.hit.match) ||
        KIND_ORDER.indexOf(a.hit.kind) - KIND_ORDER.indexOf(b.hit.kind) ||
        a.i - b.i,
    )
    .slice(0, limit)
    .map(({ hit }) => hit);
}

type Ctx = {
  db: Db;
  q: string;
  words: string[];
  digits: string | null;
  date: string;
  limit: number;
  scope: Set<string> | null;
  scopeCounties: Set<string> | null;
};

function byMatchThenName<T extends { match: Match; name: string }>(rows: T[]): T[] {
  return rows.sort(
    (a, b) =>
      MATCHES.indexOf(a.match) - MATCHES.indexOf(b.match) || a.name.localeCompare(b.name, "nb"),
  );
}

async function searchCounties(ctx: Ctx): Promise<CountyHit[]> {
  const key = counties.searchKey;
  const rows = await ctx.db
    .select({ code: counties.code, name: counties.name, key })
    .from(counties)
    .where(
      and(
        validAt(counties, ctx.date),
        ctx.digits ? like(counties.code, `${ctx.digits}%`) : containsAll(key, ctx.words),
      ),
    );
  const hits: CountyHit[] = [];
  for (const r of rows) {
    if (ctx.scopeCounties && !ctx.scopeCounties.has(r.code)) continue;
    const match = ctx.digits ? codeMatch(r.code, ctx.digits) : matchOf(r.key, ctx.q, ctx.words);
    if (match) hits.push({ kind: "county", code: r.code, name: r.name, match });
  }
  return byMatchThenName(hits);
}

/**
 * Today's municipalities by name or number, and earlier names and numbers (from 2017 on)
 * followed through the recorded changes to the municipalities that succeeded them on the date.
 */
async function searchMunicipalities(ctx: Ctx): Promise<MunicipalityHit[]> {
  const key = municipalities.searchKey;
  const current = sql<boolean>`(${validAt(municipalities, ctx.date)})`;
  const rows = await ctx.db
    .select({
      code: municipalities.code,
      name: municipalities.name,
      countyCode: municipalities.countyCode,
      validFrom: municipalities.validFrom,
      key,
      current,
    })
    .from(municipalities)
    .where(
      and(
        lte(municipalities.validFrom, ctx.date),
        ctx.digits ? like(municipalities.code, `${ctx.digits}%`) : containsAll(key, ctx.words),
      ),
    );
  const matchRow = (r: { code: string; key: string }) =>
    ctx.digits ? codeMatch(r.code, ctx.digits) : matchOf(r.key, ctx.q, ctx.words);

  const best = new Map<string, MunicipalityHit>();
  const offer = (hit: MunicipalityHit) => {
    if (ctx.scope && !ctx.scope.has(hit.code)) return;
    const held = best.get(hit.code);
    const rank = (h: MunicipalityHit) => MATCHES.indexOf(h.match) * 2 + (h.formerly ? 1 : 0);
    if (!held || rank(hit) < rank(held)) best.set(hit.code, hit);
  };
  const currentByCode = new Map<string, { name: string; countyCode: string }>();
  for (const r of rows) {
    if (!r.current) continue;
    currentByCode.set(r.code, r);
    const match = matchRow(r);
    if (match) {
      offer({
        kind: "municipality",
        code: r.code,
        name: r.name,
        countyCode: r.countyCode,
        match,
        formerly: null,
      });
    }
  }
  const former = rows.filter((r) => !r.current && matchRow(r));
  if (former.length > 0) {
    const successors = await successorMap(ctx.db, ctx.date);
    const named = await currentMunicipalities(
      ctx.db,
      ctx.date,
      [...new Set(former.flatMap((r) => successors(r.code)))].filter((c) => !currentByCode.has(c)),
    );
    for (const [code, m] of named) currentByCode.set(code, m);
    // Newest earlier name first, so a code renamed twice is noted by its latest former name.
    former.sort((a, b) => b.validFrom.localeCompare(a.validFrom));
    for (const r of former) {
      for (const code of successors(r.code)) {
        const now = currentByCode.get(code);
        if (!now) continue;
        offer({
          kind: "municipality",
          code,
          name: now.name,
          countyCode: now.countyCode,
          match: matchRow(r)!,
          formerly: { code: r.code, name: r.name },
        });
      }
    }
  }
  return [...best.values()]
    .sort(
      (a, b) =>
        MATCHES.indexOf(a.match) - MATCHES.indexOf(b.match) ||
        Number(a.formerly !== null) - Number(b.formerly !== null) ||
        a.name.localeCompare(b.name, "nb"),
    )
    .slice(0, ctx.limit);
}

async function currentMunicipalities(db: Db, date: string, codes: string[]) {
  const out = new Map<string, { name: string; countyCode: string }>();
  if (codes.length === 0) return out;
  const rows = await db
    .select({
      code: municipalities.code,
      name: municipalities.name,
      countyCode: municipalities.countyCode,
    })
    .from(municipalities)
    .where(and(inArray(municipalities.code, codes), validAt(municipalities, date)));
  for (const r of rows) out.set(r.code, r);
  return out;
}

/** old code → the codes valid on `date` it became, through every recorded change up to then. */
async function successorMap(db: Db, date: string): Promise<(code: string) => string[]> {
  const changes = await db
    .select({ oldCode: municipalityChanges.oldCode, newCode: municipalityChanges.newCode })
    .from(municipalityChanges)
    .where(lte(municipalityChanges.changedOn, date));
  const validNow = new Set(
    (
      await db
        .select({ code: municipalities.code })
        .from(municipalities)
        .where(validAt(municipalities, date))
    ).map((r) => r.code),
  );
  const next = new Map<string, string[]>();
  for (const c of changes) {
    if (c.oldCode === c.newCode) continue;
    next.set(c.oldCode, [...(next.get(c.oldCode) ?? []), c.newCode]);
  }
  return (code) => {
    const found = new Set<string>();
    const seen = new Set<string>();
    let frontier = [code];
    while (frontier.length > 0) {
      const following: string[] = [];
      for (const c of frontier) {
        if (seen.has(c)) continue;
        seen.add(c);
        if (validNow.has(c)) found.add(c);
        else following.push(...(next.get(c) ?? []));
      }
      frontier = following;
    }
    return [...found].sort();
  };
}

async function searchOffices(ctx: Ctx, lang: "nb" | "nn"): Promise<CountyOfficeHit[]> {
  if (ctx.digits) return [];
  const nb = countyOfficeNames.searchKeyNb;
  const nn = countyOfficeNames.searchKeyNn;
  const rows = await ctx.db
    .select({
      id: countyOfficeNames.officeId,
      nb: countyOfficeNames.nameNb,
      nn: countyOfficeNames.nameNn,
      nbKey: nb,
      nnKey: nn,
    })
    .from(countyOfficeNames)
    .innerJoin(countyOffices, eq(countyOffices.id, countyOfficeNames.officeId))
    .where(
      and(
        validAt(countyOfficeNames, ctx.date),
        validAt(countyOffices, ctx.date),
        or(containsAll(nb, ctx.words), containsAll(nn, ctx.words)),
      ),
    );
  if (rows.length === 0) return [];
  const coverage = await ctx.db
    .select({ id: countyOfficeCoverage.officeId, county: countyOfficeCoverage.countyCode })
    .from(countyOfficeCoverage)
    .where(
      and(
        validAt(countyOfficeCoverage, ctx.date),
        inArray(
          countyOfficeCoverage.officeId,
          rows.map((r) => r.id),
        ),
      ),
    );
  const hits: CountyOfficeHit[] = [];
  for (const r of rows) {
    const countyCodes = coverage
      .filter((c) => c.id === r.id)
      .map((c) => c.county)
      .sort();
    if (ctx.scopeCounties && !countyCodes.some((c) => ctx.scopeCounties!.has(c))) continue;
    const a = matchOf(r.nbKey, ctx.q, ctx.words);
    const b = matchOf(r.nnKey, ctx.q, ctx.words);
    const match = [a, b]
      .filter((m): m is Match => m !== null)
      .sort((x, y) => MATCHES.indexOf(x) - MATCHES.indexOf(y))[0];
    if (match) {
      hits.push({
        kind: "county-office",
        id: r.id,
        name: lang === "nn" ? r.nn : r.nb,
        countyCodes,
        match,
      });
    }
  }
  return byMatchThenName(hits);
}

async function searchPpServices(ctx: Ctx): Promise<PpServiceHit[]> {
  const rows = await ctx.db
    .select({ id: ppServices.id, key: ppServices.searchKey, orgNumber: ppServices.orgNumber })
    .from(ppServices)
    .where(
      ctx.digits
        ? like(ppServices.orgNumber, `${ctx.digits}%`)
        : containsAll(ppServices.searchKey, ctx.words),
    );
  if (rows.length === 0) return [];
  const services = await ppServicesAt(ctx.db, {
    date: ctx.date,
    ids: rows.map((r) => r.id),
    ...(ctx.scope ? { scope: [...ctx.scope] } : {}),
  });
  const hits: PpServiceHit[] = [];
  for (const s of services) {
    const row = rows.find((r) => r.id === s.id)!;
    const match = ctx.digits
      ? codeMatch(row.orgNumber ?? "", ctx.digits)
      : matchOf(row.key, ctx.q, ctx.words);
    if (match) hits.push({ kind: "pp-service", ...s, match });
  }
  return byMatchThenName(hits);
}

async function searchUnits(ctx: Ctx): Promise<UnitHit[]> {
  if (ctx.digits && ctx.digits.length < 3) return [];
  const rank = ctx.digits
    ? sql<number>`case when ${units.orgNumber} = ${ctx.digits} then 0 else 1 end`
    : sql<number>`case when ${units.searchKey} = ${ctx.q} then 0
        when ${units.searchKey} like ${`${ctx.q}%`} then 1
        when ${units.searchKey} like ${`% ${ctx.q}%`} then 2 else 3 end`;
  const municipalityName = sql<string | null>`(select m.name from ${municipalities} m
    where m.code = ${units.municipalityCode} and m.valid_from <= ${ctx.date}
    order by (m.valid_to is null or m.valid_to > ${ctx.date}) desc, m.valid_from desc limit 1)`;
  const rows = await ctx.db
    .select({
      orgNumber: units.orgNumber,
      name: units.name,
      municipalityCode: units.municipalityCode,
      municipalityName,
      isSchool: units.isSchool,
      isKindergarten: units.isKindergarten,
      owner: units.owner,
      active: units.active,
      closedOn: units.closedOn,
      rank,
    })
    .from(units)
    .where(
      and(
        ctx.digits
          ? like(units.orgNumber, `${ctx.digits}%`)
          : containsAll(units.searchKey, ctx.words),
        ctx.scope ? inArray(units.municipalityCode, [...ctx.scope]) : undefined,
      ),
    )
    .orderBy(asc(rank), desc(units.active), asc(units.searchKey), asc(units.orgNumber))
    .limit(ctx.limit);
  return rows.map(({ rank: r, ...u }) => ({
    kind: "unit",
    ...u,
    match: MATCHES[Number(r)]!,
  }));
}
