import { readFile } from "node:fs/promises";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { type Clock, osloToday, systemClock } from "../../kernel/clock";
import { hasControlCharacter, replaceControlCharacters } from "../../kernel/forms";
import { isValidOrgNumber } from "./org-number";
import {
  importRuns,
  municipalities,
  type RegisterSource,
  type RejectedRow,
  unitHistory,
  units,
} from "./schema";

// Udir's registers of schools (NSR, https://data-nsr.udir.no/v4) and kindergartens (NBR,
// https://data-nbr.udir.no/v4), API v4: the paged list `/enheter?sidenummer=N&antallperside=M`,
// a municipality's units `/enheter/kommune/{knr}` and one unit `/enhet/{orgnr}`.

const flag = z.boolean().nullable().optional();
const twoDigits = z.string().regex(/^\d{2}$/, "expected two digits");
const fourDigits = z.string().regex(/^\d{4}$/, "expected four digits");

/** One unit as the list gives it; the detail's extra fields (`Kommune`, `Maalform`, …) may occur. */
const unitFields = {
  Organisasjonsnummer: z.string(),
  Navn: z.string().trim().min(1, "empty name"),
  Kommunenummer: fourDigits.nullable().optional(),
  Fylkesnummer: twoDigits.nullable().optional(),
  Kommune: z
    .object({
      Kommunenummer: fourDigits,
      Navn: z.string().nullable().optional(),
      Fylkesnummer: twoDigits.nullable().optional(),
    })
    .nullable()
    .optional(),
  Fylke: z
    .object({ Fylkesnummer: twoDigits, Navn: z.string().nullable().optional() })
    .nullable()
    .optional(),
  ErAktiv: z.boolean(),
  Maalform: z
    .object({ Id: z.string().nullable().optional(), Navn: z.string().nullable().optional() })
    .nullable()
    .optional(),
  UtgaattDato: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}/, "expected a date")
    .nullable()
    .optional(),
  DatoEndret: z.string().nullable().optional(),
};

export const nsrUnitSchema = z.object({
  ...unitFields,
  ErSkole: z.boolean(),
  ErGrunnskole: flag,
  ErVideregaaendeSkole: flag,
  ErPrivatskole: flag,
  ErOffentligSkole: flag,
});

export const nbrUnitSchema = z.object({
  ...unitFields,
  ErBarnehage: z.boolean(),
  ErPrivatBarnehage: flag,
  ErOffentligBarnehage: flag,
});

export type NsrUnit = z.infer<typeof nsrUnitSchema>;
export type NbrUnit = z.infer<typeof nbrUnitSchema>;

/**
 * A page of `/enheter`. `/enheter/kommune/{knr}` answers with the list alone (no paging
 * fields), so they are optional here; rows stay unparsed until the importer checks each.
 */
export const registerPageSchema = z.object({
  Sidenummer: z.number().int().positive().optional(),
  AntallPerSide: z.number().int().nonnegative().optional(),
  AntallSider: z.number().int().nonnegative().optional(),
  TotaltAntallEnheter: z.number().int().nonnegative().optional(),
  EnhetListe: z.array(z.unknown()),
});
export type RegisterPage = z.infer<typeof registerPageSchema>;

/** A file: one page, or an array of pages. */
export function parseRegisterFile(json: unknown): RegisterPage[] {
  const parsed = z.union([registerPageSchema, z.array(registerPageSchema)]).safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `not an NSR/NBR v4 list (a page {"EnhetListe": […]} or an array of pages): ${z.prettifyError(parsed.error)}`,
    );
  }
  return Array.isArray(parsed.data) ? parsed.data : [parsed.data];
}

export async function readRegisterFile(path: string | URL): Promise<RegisterPage[]> {
  return parseRegisterFile(JSON.parse(await readFile(path, "utf8")));
}

async function getJson(url: string, fetchFn: typeof fetch): Promise<unknown> {
  const response = await fetchFn(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`the register answered ${response.status} for ${url}`);
  return response.json();
}

/**
 * Every page of the register (`baseUrl` like `https://data-nsr.udir.no/v4`), or of one
 * municipality, fetched before anything is written, so a failure halfway writes nothing.
 */
export async function fetchRegisterPages(
  baseUrl: string,
  opts: { municipality?: string; pageSize?: number; fetch?: typeof fetch } = {},
): Promise<RegisterPage[]> {
  const base = baseUrl.replace(/\/$/, "");
  const fetchFn = opts.fetch ?? fetch;
  const size = opts.pageSize ?? 1000;
  const path = opts.municipality
    ? `/enheter/kommune/${encodeURIComponent(opts.municipality)}`
    : "/enheter";
  const pages: RegisterPage[] = [];
  for (let n = 1; ; n++) {
    const url = `${base}${path}?sidenummer=${n}&antallperside=${size}`;
    const page = registerPageSchema.safeParse(await getJson(url, fetchFn));
    if (!page.success) {
      throw new Error(`not an NSR/NBR v4 list at ${url}: ${z.prettifyError(page.error)}`);
    }
    pages.push(page.data);
    const last = page.data.AntallSider ?? 1;
    if (n >= last || page.data.EnhetListe.length === 0) break;
    if (n >= 10_000) throw new Error(`more than 10,000 pages at ${base}${path}`);
  }
  return pages;
}

/** One unit's detail, `/enhet/{orgnr}`, as a one-row page. */
export async function fetchRegisterDetail(
  baseUrl: string,
  orgNumber: string,
  opts: { fetch?: typeof fetch } = {},
): Promise<RegisterPage[]> {
  const url = `${baseUrl.replace(/\/$/, "")}/enhet/${encodeURIComponent(orgNumber)}`;
  const detail = await getJson(url, opts.fetch ?? fetch);
  return [{ EnhetListe: [detail] }];
}

/**
 * What the import may conclude about units it does not see: "register" (a full listing: a
 * unit of this register that is missing has closed), `{ municipalities }` (full for those
 * municipalities) or "partial" (nothing).
 */
export type Coverage = "register" | "partial" | { municipalities: string[] };

/**
 * A full listing that would close more than this share of the active units it covers (and more
 * than `MASS_CLOSURE_MIN_UNITS`) is most likely an incomplete file: the import stops and asks.
 * Real registers close a few per cent a year at most.
 */
export const MASS_CLOSURE_SHARE = 0.05;
export const MASS_CLOSURE_MIN_UNITS = 10;

export type MassClosure = { closing: number; active: number };

export type RegisterImportReport = {
  /** The import run; null for a preview, or when the import stopped before writing. */
  runId: number | null;
  /** True when the changes were written. */
  applied: boolean;
  /** Set when the import would close many units: it is written only once confirmed. */
  massClosure: MassClosure | null;
  source: RegisterSource;
  coverage: "register" | "municipalities" | "partial";
  added: number;
  changed: number;
  closed: number;
  unchanged: number;
  rejected: number;
  skipped: number;
  rejectedRows: RejectedRow[];
  notes: string[];
};

/** A row that passed every check, in our terms. Undefined: the row does not say. */
type Candidate = {
  orgNumber: string;
  name: string;
  municipalityCode: string;
  countyCode: string;
  /** ErSkole (NSR) or ErBarnehage (NBR). */
  listed: boolean;
  owner: "public" | "private" | undefined;
  active: boolean;
  closedOn: string | null | undefined;
  writtenStandard: "nb" | "nn" | undefined;
};

type UnitRow = typeof units.$inferSelect;
type Tracked = Pick<
  UnitRow,
  | "name"
  | "municipalityCode"
  | "countyCode"
  | "isSchool"
  | "isKindergarten"
  | "owner"
  | "active"
  | "closedOn"
  | "writtenStandard"
  | "sources"
>;
const TRACKED: (keyof Tracked)[] = [
  "name",
  "municipalityCode",
  "countyCode",
  "isSchool",
  "isKindergarten",
  "owner",
  "active",
  "closedOn",
  "writtenStandard",
  "sources",
];

/** A row as read, without the column the database computes. */
function stored({ searchKey: _, ...row }: UnitRow): typeof units.$inferInsert {
  return row;
}

function same(a: unknown, b: unknown) {
  return Array.isArray(a) && Array.isArray(b) ? a.join(",") === b.join(",") : a === b;
}

function diff(before: Tracked | null, after: Tracked) {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of TRACKED) {
    const b = before ? before[key] : null;
    if (!same(b, after[key])) changes[key] = { before: b, after: after[key] };
  }
  return changes;
}

function rawAt(row: unknown, path: PropertyKey[]): unknown {
  let value: unknown = row;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

type Check = { ok: true; candidate: Candidate } | { ok: false; rejected: Omit<RejectedRow, "row"> };

/** Our reading of one row, or why it is refused. `municipalityKnown` checks the code. */
function checkRow(
  source: RegisterSource,
  raw: unknown,
  municipalityKnown: (code: string, active: boolean) => boolean,
): Check {
  const rawOrgNumber = rawAt(raw, ["Organisasjonsnummer"]);
  const rawName = rawAt(raw, ["Navn"]);
  // What a rejection quotes is stored: never a control character (PostgreSQL refuses NUL).
  const quoted = (v: unknown) => (typeof v === "string" ? replaceControlCharacters(v) : null);
  const orgNumber = quoted(rawOrgNumber);
  const name = quoted(rawName);
  const refuse = (reason: RejectedRow["reason"], detail: string): Check => ({
    ok: false,
    rejected: { orgNumber, name, reason, detail },
  });
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return refuse("invalid-field", "the row is not an object");
  }
  for (const [field, value] of Object.entries(raw)) {
    if (typeof value === "string" && hasControlCharacter(value, { multiline: false })) {
      return refuse("invalid-field", `${quoted(field)}: holds a control character`);
    }
  }
  const parsed = (source === "nsr" ? nsrUnitSchema : nbrUnitSchema).safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const missing = issues.some((i) => rawAt(raw, i.path) == null);
    const detail = issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    return refuse(missing ? "missing-field" : "invalid-field", detail);
  }
  const u = parsed.data;
  if (!isValidOrgNumber(u.Organisasjonsnummer)) {
    return refuse(
      "bad-org-number",
      `Organisasjonsnummer ${u.Organisasjonsnummer}: not nine digits with a valid check digit`,
    );
  }
  const municipalityCode = u.Kommunenummer ?? u.Kommune?.Kommunenummer;
  if (!municipalityCode) return refuse("missing-field", "Kommunenummer: missing");
  if (u.Kommunenummer && u.Kommune && u.Kommune.Kommunenummer !== u.Kommunenummer) {
    return refuse(
      "inconsistent",
      `Kommunenummer ${u.Kommunenummer} but Kommune.Kommunenummer ${u.Kommune.Kommunenummer}`,
    );
  }
  const countyCode = municipalityCode.slice(0, 2);
  const county = u.Fylkesnummer ?? u.Fylke?.Fylkesnummer ?? u.Kommune?.Fylkesnummer;
  if (county && county !== countyCode) {
    return refuse(
      "inconsistent",
      `Fylkesnummer ${county} does not match Kommunenummer ${municipalityCode}`,
    );
  }
  if (!municipalityKnown(municipalityCode, u.ErAktiv)) {
    return refuse(
      "unknown-municipality",
      u.ErAktiv
        ? `Kommunenummer ${municipalityCode} is not a municipality on the import date`
        : `Kommunenummer ${municipalityCode} is not a known municipality`,
    );
  }
  const [isPrivate, isPublic, listed] =
    "ErSkole" in u
      ? [u.ErPrivatskole, u.ErOffentligSkole, u.ErSkole]
      : [u.ErPrivatBarnehage, u.ErOffentligBarnehage, u.ErBarnehage];
  if (isPrivate && isPublic) {
    return refuse("inconsistent", "marked both private and public");
  }
  const maalform = u.Maalform?.Id;
  return {
    ok: true,
    candidate: {
      orgNumber: u.Organisasjonsnummer,
      name: u.Navn.replace(/\s+/g, " "),
      municipalityCode,
      countyCode,
      listed,
      owner: isPrivate ? "private" : isPublic ? "public" : undefined,
      active: u.ErAktiv,
      closedOn: u.UtgaattDato ? u.UtgaattDato.slice(0, 10) : u.UtgaattDato,
      writtenStandard: maalform === "B" ? "nb" : maalform === "N" ? "nn" : undefined,
    },
  };
}

/** Any value; the same for every instance, so two imports never interleave. */
const IMPORT_LOCK = 72_616_002;
const BATCH = 1000;

function chunks<T>(rows: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** `column in (…)` for many values with one parameter (a JSON array), as both drivers allow. */
function inJson(column: typeof units.orgNumber | typeof units.municipalityCode, values: string[]) {
  return sql`${column} in (select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}

function completeness(pages: RegisterPage[], rows: number): string | null {
  if (rows === 0) return "the listing is empty";
  const paged = pages.filter((p) => p.AntallSider !== undefined);
  if (paged.length === 0) return null;
  const count = paged[0]!.AntallSider!;
  const numbers = new Set(paged.map((p) => p.Sidenummer));
  for (let n = 1; n <= count; n++) {
    if (!numbers.has(n)) return `page ${n} of ${count} is missing`;
  }
  const total = paged[0]!.TotaltAntallEnheter;
  if (total !== undefined && total !== rows) {
    return `the register reports ${total} units but the pages hold ${rows}`;
  }
  return null;
}

/**
 * Import units from NSR or NBR pages. Row by row: a row with a bad organisation number, an
 * unknown municipality, a wrong type or a missing field, or a second row for the same
 * organisation number, is refused with the reason, and the rest import. Everything is written
 * in one transaction (with the run and the history), so nothing is ever half-written. Running
 * the same data again changes nothing. A unit the register marks inactive, or that is missing
 * from a full listing, is closed, never deleted.
 */
export async function importRegister(
  db: Db,
  opts: {
    source: RegisterSource;
    pages: RegisterPage[];
    origin: string;
    coverage: Coverage;
    /** The import date (Europe/Oslo): municipalities must be valid on it. Default: today. */
    date?: string;
    clock?: Clock;
    /** "preview": work out every count, write nothing. Default "apply". */
    mode?: "preview" | "apply";
    /** The person confirmed a mass closure (see `MASS_CLOSURE_SHARE`). */
    confirmMassClosure?: boolean;
  },
): Promise<RegisterImportReport> {
  const clock = opts.clock ?? systemClock;
  const startedAt = clock.now();
  const date = opts.date ?? osloToday(startedAt);
  const { source } = opts;
  const flagKey = source === "nsr" ? "isSchool" : "isKindergarten";
  const notes: string[] = [];
  const rows = opts.pages.flatMap((p) => p.EnhetListe);

  let coverage = opts.coverage;
  const gap = coverage === "partial" ? null : completeness(opts.pages, rows.length);
  if (gap) {
    notes.push(`${gap}, so no unit is closed for being missing`);
    coverage = "partial";
  }

  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`);

    const periods = await tx
      .select({
        code: municipalities.code,
        validFrom: municipalities.validFrom,
        validTo: municipalities.validTo,
      })
      .from(municipalities);
    if (periods.length === 0) {
      throw new Error("no municipalities are known: load the reference data (Klass) first");
    }
    const everKnown = new Set(periods.map((p) => p.code));
    const validOnDate = new Set(
      periods
        .filter((p) => p.validFrom <= date && (p.validTo === null || p.validTo > date))
        .map((p) => p.code),
    );
    // An active unit must be in a municipality of today; a closed one keeps the code it had
    // when it closed, which may be gone since.
    const municipalityKnown = (code: string, active: boolean) =>
      active ? validOnDate.has(code) : everKnown.has(code);

    const rejectedRows: RejectedRow[] = [];
    const candidates: Candidate[] = [];
    const seen = new Set<string>();
    const firstRow = new Map<string, number>();
    rows.forEach((raw, i) => {
      const row = i + 1;
      const check = checkRow(source, raw, municipalityKnown);
      const orgNumber = check.ok ? check.candidate.orgNumber : check.rejected.orgNumber;
      if (orgNumber) seen.add(orgNumber);
      if (!check.ok) {
        rejectedRows.push({ row, ...check.rejected });
        return;
      }
      const earlier = firstRow.get(orgNumber!);
      if (earlier !== undefined) {
        rejectedRows.push({
          row,
          orgNumber,
          name: check.candidate.name,
          reason: "duplicate",
          detail: `Organisasjonsnummer ${orgNumber} is also on row ${earlier}; the first is imported`,
        });
        return;
      }
      firstRow.set(orgNumber!, row);
      candidates.push(check.candidate);
    });

    // Every unit the import may touch, read once.
    const orgNumbers = candidates.map((c) => c.orgNumber);
    const where =
      coverage === "register"
        ? undefined
        : coverage === "partial"
          ? inJson(units.orgNumber, orgNumbers)
          : sql`${inJson(units.orgNumber, orgNumbers)} or ${inJson(units.municipalityCode, coverage.municipalities)}`;
    const existingRows = await tx.select().from(units).where(where);
    const existing = new Map(existingRows.map((u) => [u.orgNumber, u]));

    const now = clock.now();
    const inserts: (typeof units.$inferInsert)[] = [];
    const updates: (typeof units.$inferInsert)[] = [];
    const history: (typeof unitHistory.$inferInsert)[] = [];
    const report = { added: 0, changed: 0, closed: 0, unchanged: 0, skipped: 0 };

    for (const c of candidates) {
      const before = existing.get(c.orgNumber);
      if (!before && !c.listed) {
        report.skipped++;
        continue;
      }
      const next: Tracked = {
        name: c.name,
        municipalityCode: c.municipalityCode,
        countyCode: c.countyCode,
        isSchool: before?.isSchool ?? false,
        isKindergarten: before?.isKindergarten ?? false,
        owner: c.owner ?? before?.owner ?? null,
        active: c.active,
        // Closed without a date: the day we learnt it, if we knew the unit open; else unknown.
        closedOn: c.active
          ? null
          : (c.closedOn ?? before?.closedOn ?? (before?.active ? date : null)),
        writtenStandard: c.writtenStandard ?? before?.writtenStandard ?? null,
        sources: [...new Set([...(before?.sources ?? []), source])].sort() as RegisterSource[],
      };
      next[flagKey] = c.listed;
      if (!before) {
        report.added++;
        inserts.push({
          orgNumber: c.orgNumber,
          ...next,
          firstSeenAt: now,
          changedAt: now,
        });
        history.push({
          orgNumber: c.orgNumber,
          at: now,
          event: "added",
          changes: diff(null, next),
        });
        continue;
      }
      const changes = diff(before, next);
      if (Object.keys(changes).length === 0) {
        report.unchanged++;
        continue;
      }
      const event =
        before.active && !next.active
          ? "closed"
          : !before.active && next.active
            ? "reopened"
            : "changed";
      if (event === "closed") report.closed++;
      else report.changed++;
      updates.push({ ...stored(before), ...next, changedAt: now });
      history.push({ orgNumber: c.orgNumber, at: now, event, changes });
    }

    if (coverage !== "partial") {
      const scope = coverage === "register" ? null : new Set(coverage.municipalities);
      for (const before of existingRows) {
        if (seen.has(before.orgNumber) || !before.sources.includes(source)) continue;
        if (scope && !scope.has(before.municipalityCode)) continue;
        const others = before.sources.filter((s) => s !== source);
        let next: Tracked;
        if (others.length > 0) {
          // Still listed by the other register: it is only no longer in this one.
          next = { ...before, sources: others, [flagKey]: false };
        } else if (before.active) {
          next = { ...before, active: false, closedOn: before.closedOn ?? date };
        } else {
          continue;
        }
        const changes = diff(before, next);
        const event = before.active && !next.active ? "closed" : "changed";
        if (event === "closed") report.closed++;
        else report.changed++;
        updates.push({ ...stored(before), ...next, changedAt: now });
        history.push({ orgNumber: before.orgNumber, at: now, event, changes });
      }
    }

    const coverageReport = typeof coverage === "string" ? coverage : ("municipalities" as const);
    // The active units of this register that the listing speaks for, before the import.
    const scopeOfListing = typeof coverage === "object" ? new Set(coverage.municipalities) : null;
    const active = existingRows.filter(
      (u) =>
        u.active &&
        u.sources.includes(source) &&
        (!scopeOfListing || scopeOfListing.has(u.municipalityCode)),
    ).length;
    const massClosure =
      coverage !== "partial" &&
      report.closed > MASS_CLOSURE_MIN_UNITS &&
      report.closed > active * MASS_CLOSURE_SHARE
        ? { closing: report.closed, active }
        : null;
    const outcome = {
      source,
      coverage: coverageReport,
      ...report,
      rejected: rejectedRows.length,
      rejectedRows,
      notes,
      massClosure,
    };
    if (opts.mode === "preview" || (massClosure && !opts.confirmMassClosure)) {
      return { runId: null, applied: false, ...outcome };
    }
    if (massClosure) {
      notes.push(
        `closing ${massClosure.closing} of ${massClosure.active} active units was confirmed`,
      );
    }

    const [run] = await tx
      .insert(importRuns)
      .values({
        source,
        origin: opts.origin,
        coverage:
          typeof coverage === "string"
            ? coverage
            : `municipalities:${coverage.municipalities.join(",")}`,
        startedAt,
      })
      .returning({ id: importRuns.id });
    const runId = run!.id;
    for (const h of history) h.runId = runId;

    for (const batch of chunks(inserts)) await tx.insert(units).values(batch);
    for (const batch of chunks(updates)) {
      await tx
        .insert(units)
        .values(batch)
        .onConflictDoUpdate({
          target: units.orgNumber,
          set: {
            name: sql`excluded.name`,
            municipalityCode: sql`excluded.municipality_code`,
            countyCode: sql`excluded.county_code`,
            isSchool: sql`excluded.is_school`,
            isKindergarten: sql`excluded.is_kindergarten`,
            owner: sql`excluded.owner`,
            active: sql`excluded.active`,
            closedOn: sql`excluded.closed_on`,
            writtenStandard: sql`excluded.written_standard`,
            sources: sql`excluded.sources`,
            changedAt: sql`excluded.changed_at`,
          },
        });
    }
    for (const batch of chunks(history)) await tx.insert(unitHistory).values(batch);

    await tx
      .update(importRuns)
      .set({
        ...report,
        rejected: rejectedRows.length,
        rejectedRows,
        notes,
        finishedAt: clock.now(),
      })
      .where(eq(importRuns.id, runId));

    return { runId, applied: true, ...outcome };
  });
}

type ImportOptions = {
  date?: string;
  clock?: Clock;
  fetch?: typeof fetch;
  mode?: "preview" | "apply";
  confirmMassClosure?: boolean;
};

function when(opts: ImportOptions) {
  return {
    ...(opts.date ? { date: opts.date } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.mode ? { mode: opts.mode } : {}),
    ...(opts.confirmMassClosure ? { confirmMassClosure: true } : {}),
  };
}

/** A file of one page or an array of pages; a complete listing closes the units it lacks. */
export async function importRegisterFile(
  db: Db,
  source: RegisterSource,
  path: string | URL,
  opts: ImportOptions & { coverage?: Coverage } = {},
) {
  const pages = await readRegisterFile(path);
  return importRegister(db, {
    source,
    pages,
    origin: path instanceof URL ? path.pathname.split("/").pop()! : path,
    coverage: opts.coverage ?? "register",
    ...when(opts),
  });
}

/**
 * From a register's API (`NSR_URL`/`NBR_URL`, e.g. `https://data-nsr.udir.no/v4`): the whole
 * register, or one municipality's units (then only that municipality's missing units close).
 */
export async function importRegisterFromUrl(
  db: Db,
  source: RegisterSource,
  baseUrl: string,
  opts: ImportOptions & { municipality?: string; pageSize?: number } = {},
) {
  const pages = await fetchRegisterPages(baseUrl, opts);
  return importRegister(db, {
    source,
    pages,
    origin: opts.municipality
      ? `${baseUrl}/enheter/kommune/${opts.municipality}`
      : `${baseUrl}/enheter`,
    coverage: opts.municipality ? { municipalities: [opts.municipality] } : "register",
    ...when(opts),
  });
}

/** One unit's detail (adds what the list lacks: målform, closing date). */
export async function importRegisterDetailFromUrl(
  db: Db,
  source: RegisterSource,
  baseUrl: string,
  orgNumber: string,
  opts: ImportOptions = {},
) {
  const pages = await fetchRegisterDetail(baseUrl, orgNumber, opts);
  return importRegister(db, {
    source,
    pages,
    origin: `${baseUrl}/enhet/${orgNumber}`,
    coverage: "partial",
    ...when(opts),
  });
}
