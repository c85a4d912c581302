import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { recordAudit } from "../identity";
import { municipalitiesAt, schoolOrgNumbers } from "../organisations";
import {
  type OutcomeIndicator,
  type OutcomeLevel,
  outcomeImportDrafts,
  outcomeImports,
  outcomeResults,
} from "./schema";
import { FIRST_YEAR, indicatorBreak } from "./series";

/**
 * Udir's statistics export of Elevundersøkelsen as CSV (FACTS.md): semicolons between fields,
 * decimal commas, small groups suppressed ("prikket", written `*`). One row per school or
 * municipality, survey year, grade and indicator. The columns Samspill reads, by name in any
 * order (others, such as the unit's name or county, are ignored):
 */
export const REQUIRED_COLUMNS = [
  "Organisasjonsnummer",
  "Skoleår",
  "Trinn",
  "Indikator",
  "AndelMobbet",
] as const;

/** The marks Udir and SSB write in a suppressed or withheld cell. */
const SUPPRESSED = new Set(["*", "**", "..", ":"]);

/** A cell as stored: share null when suppressed. */
export type OutcomeCell = {
  level: OutcomeLevel;
  orgCode: string;
  year: number;
  grade: string;
  indicator: OutcomeIndicator;
  share: number | null;
};

export type RejectReason =
  | "columns"
  | "orgNumber"
  | "unknownOrg"
  | "year"
  | "grade"
  | "indicator"
  | "beforeBreak"
  | "afterBreak"
  | "notNumeric"
  | "outOfRange"
  | "duplicate";

export type Verdict =
  | { line: number; status: "accepted" | "suppressed"; cell: OutcomeCell }
  | {
      line: number;
      status: "rejected";
      reason: RejectReason;
      /** What the row said where it went wrong (control characters replaced, cut to 60). */
      value: string;
      /** The line of the first row with the same cell (duplicates). */
      firstLine?: number;
    };

export type ImportSummary = {
  rows: number;
  accepted: number;
  suppressed: number;
  rejected: number;
  byReason: Partial<Record<RejectReason, number>>;
};

/** A file that cannot be read row by row: its columns are missing or it is empty. */
export type FileProblem = { code: "noRows" } | { code: "columns"; params: { missing: string } };

export type ImportCheck =
  | { ok: true; verdicts: Verdict[]; summary: ImportSummary }
  | { ok: false; problem: FileProblem };

const shown = (s: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: replaced so that they are seen
  s.replace(/[\u0000-\u001f\u007f-\u009f]/g, "\uFFFD").slice(0, 60);

/** Bytes as text: UTF-8 (a byte order mark dropped), or Windows-1252 when not valid UTF-8. */
export function decodeUpload(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  return text.replace(/^\uFEFF/, "");
}

/**
 * Semicolon-separated lines with RFC 4180 quoting; each record with the line it starts on.
 * One pass: a line without a quote (all of Udir's) is split where it stands; a record with
 * quotes is read character by character.
 */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  const n = text.length;
  let pos = 0;
  let line = 1;
  while (pos < n) {
    let end = pos;
    let quote = false;
    for (; end < n; end++) {
      const ch = text.charCodeAt(end);
      if (ch === 10 || ch === 13) break;
      if (ch === 34) {
        quote = true;
        break;
      }
    }
    if (quote) {
      const record = quotedRecord(text, pos, line);
      if (record.fields) records.push({ line, fields: record.fields });
      pos = record.next;
      line = record.line;
      continue;
    }
    if (end > pos) records.push({ line, fields: text.slice(pos, end).split(";") });
    pos = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    line++;
  }
  return records;
}

/**
 * One record from `pos`, quotes and all, to the line break that ends it: its fields (null for
 * a blank line), where the next record starts and on which line.
 */
function quotedRecord(
  text: string,
  pos: number,
  startLine: number,
): { fields: string[] | null; next: number; line: number } {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  let any = false;
  let line = startLine;
  let i = pos;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === "") {
      quoted = true;
      any = true;
    } else if (ch === ";") {
      fields.push(field);
      field = "";
      any = true;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      fields.push(field);
      return { fields: any || field !== "" ? fields : null, next: i + 1, line: line + 1 };
    } else {
      field += ch;
      any = true;
    }
  }
  fields.push(field);
  return { fields: any || field !== "" ? fields : null, next: i, line: line + 1 };
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

export function parseYear(raw: string): number | null {
  const m = /^(\d{4})(?:\s*[-/–]\s*(\d{2}|\d{4}))?$/.exec(raw.trim());
  return m ? Number(m[1]) : null;
}

export function parseGrade(raw: string): string | null {
  const s = norm(raw);
  const m = /^(?:trinn )?(5|6|7|8|9|10)\.?(?: ?trinn)?$/.exec(s);
  if (m) return m[1]!;
  const vg = /^vg ?([1-3])$/.exec(s);
  return vg ? `vg${vg[1]}` : null;
}

export function parseIndicator(raw: string): OutcomeIndicator | null {
  const s = norm(raw);
  if (s === "mobbing på skolen" || s === "mobbing" || s === "mobbing pa skolen") return "mobbing";
  if (s === "mobbet av andre elever" || s === "mobbet-av-elever") return "mobbet-av-elever";
  return null;
}

/** A share in per cent: "6,1", "6.1", "12"; "suppressed" for a suppression mark. */
export function parseShare(raw: string): number | "suppressed" | "notNumeric" | "outOfRange" {
  const s = raw
    .trim()
    .replace(/\s|\u00a0/g, "")
    .replace(/%$/, "");
  if (SUPPRESSED.has(s)) return "suppressed";
  if (!/^-?\d{1,4}(?:[.,]\d{1,4})?$/.test(s)) return "notNumeric";
  const n = Number(s.replace(",", "."));
  return n < 0 || n > 100 ? "outOfRange" : n;
}

/** The first day of the municipality register Samspill keeps (the Klass snapshot's start). */
const REGISTER_FROM = "2017-01-01";

/** What the database knows: schools by organisation number, municipality codes by year. */
type Known = { schools: Set<string>; municipalities: Map<number, Set<string>> };

/** The schools in one query however many the file names; municipalities only for their years. */
async function knownOrganisations(
  db: Db,
  schoolNumbers: Set<string>,
  municipalityYears: Set<number>,
): Promise<Known> {
  const schools = await schoolOrgNumbers(db, [...schoolNumbers]);
  const municipalities = new Map<number, Set<string>>();
  for (const year of municipalityYears) {
    // The autumn's survey: the municipality as it was on 1 October of that year. The register
    // (Klass) is kept from 2017 (db/seed.ts): earlier years are checked against its first day.
    const day = `${year}-10-01` < REGISTER_FROM ? REGISTER_FROM : `${year}-10-01`;
    const valid = await municipalitiesAt(db, day);
    municipalities.set(year, new Set(valid.map((m) => m.code)));
  }
  return { schools, municipalities };
}

/** `parse` remembered per raw cell: a file repeats its years, grades and indicators. */
function remembered<T>(parse: (raw: string) => T): (raw: string) => T {
  const seen = new Map<string, T>();
  return (raw) => {
    let value = seen.get(raw);
    if (value === undefined && !seen.has(raw)) {
      value = parse(raw);
      seen.set(raw, value);
    }
    return value as T;
  };
}

/** A school's organisation number (9 digits) or a municipality's code (4), spaces dropped. */
function orgOf(raw: string): { org: string; level: OutcomeLevel | null } {
  const org = raw.replace(/\s/g, "");
  return {
    org,
    level: /^\d{9}$/.test(org) ? "school" : /^\d{4}$/.test(org) ? "municipality" : null,
  };
}

/**
 * Every row of the file accepted (with its cell), accepted as suppressed, or rejected with its
 * reason; nothing is written. `thisYear` is the latest survey year a file may hold. The file is
 * read once; the organisations it names are looked up together; duplicates are found here.
 */
export async function checkOutcomeFile(
  db: Db,
  text: string,
  thisYear: number,
): Promise<ImportCheck> {
  const records = parseCsv(text);
  const header = records.shift();
  if (!header || records.length === 0) return { ok: false, problem: { code: "noRows" } };
  const names = header.fields.map(norm);
  const index = Object.fromEntries(
    REQUIRED_COLUMNS.map((c) => [c, names.indexOf(c.toLowerCase())]),
  ) as Record<(typeof REQUIRED_COLUMNS)[number], number>;
  const missing = REQUIRED_COLUMNS.filter((c) => index[c] < 0);
  if (missing.length > 0)
    return { ok: false, problem: { code: "columns", params: { missing: missing.join(", ") } } };

  const org = remembered(orgOf);
  const yearOf = remembered((raw: string) => {
    const year = parseYear(raw);
    return year === null || year < FIRST_YEAR || year > thisYear ? null : year;
  });
  const gradeOf = remembered(parseGrade);
  const indicatorOf = remembered(parseIndicator);
  const shareOf = remembered(parseShare);

  const schoolNumbers = new Set<string>();
  const municipalityYears = new Set<number>();
  for (const { fields } of records) {
    const { org: code, level } = org(fields[index.Organisasjonsnummer] ?? "");
    if (level === "school") schoolNumbers.add(code);
    else if (level === "municipality") {
      const year = yearOf(fields[index.Skoleår] ?? "");
      if (year !== null) municipalityYears.add(year);
    }
  }
  const known = await knownOrganisations(db, schoolNumbers, municipalityYears);

  const seen = new Map<string, number>();
  const verdicts: Verdict[] = [];
  const summary: ImportSummary = {
    rows: records.length,
    accepted: 0,
    suppressed: 0,
    rejected: 0,
    byReason: {},
  };
  const reject = (line: number, reason: RejectReason, value: string, firstLine?: number) => {
    verdicts.push({
      line,
      status: "rejected",
      reason,
      value: shown(value),
      ...(firstLine ? { firstLine } : {}),
    });
    summary.rejected++;
    summary.byReason[reason] = (summary.byReason[reason] ?? 0) + 1;
  };
  for (const { line, fields } of records) {
    if (fields.length !== header.fields.length) {
      reject(line, "columns", String(fields.length));
      continue;
    }
    const rawOrg = fields[index.Organisasjonsnummer]!;
    const { org: code, level } = org(rawOrg);
    if (!level) {
      reject(line, "orgNumber", rawOrg);
      continue;
    }
    const rawYear = fields[index.Skoleår]!;
    const year = yearOf(rawYear);
    if (year === null) {
      reject(line, "year", rawYear);
      continue;
    }
    if (
      level === "school" ? !known.schools.has(code) : !known.municipalities.get(year)?.has(code)
    ) {
      reject(line, "unknownOrg", code);
      continue;
    }
    const rawGrade = fields[index.Trinn]!;
    const grade = gradeOf(rawGrade);
    if (!grade) {
      reject(line, "grade", rawGrade);
      continue;
    }
    const rawIndicator = fields[index.Indikator]!;
    const indicator = indicatorOf(rawIndicator);
    if (!indicator) {
      reject(line, "indicator", rawIndicator);
      continue;
    }
    const wrongSide = indicatorBreak(indicator, year);
    if (wrongSide) {
      reject(line, wrongSide, `${rawIndicator} ${year}`);
      continue;
    }
    const rawShare = fields[index.AndelMobbet]!;
    const share = shareOf(rawShare);
    if (share === "notNumeric" || share === "outOfRange") {
      reject(line, share, rawShare);
      continue;
    }
    const key = `${level}|${code}|${year}|${grade}|${indicator}`;
    const first = seen.get(key);
    if (first !== undefined) {
      reject(line, "duplicate", `${code} ${year} ${grade}`, first);
      continue;
    }
    seen.set(key, line);
    const cell: OutcomeCell = {
      level,
      orgCode: code,
      year,
      grade,
      indicator,
      share: share === "suppressed" ? null : share,
    };
    if (share === "suppressed") {
      verdicts.push({ line, status: "suppressed", cell });
      summary.suppressed++;
    } else {
      verdicts.push({ line, status: "accepted", cell });
      summary.accepted++;
    }
  }
  return { ok: true, verdicts, summary };
}

/**
 * A PostgreSQL array literal of text or null, passed as one parameter: the values are checked
 * (digits, codes) or quoted here, so both drivers send it the same way.
 */
function pgArray(values: (string | null)[]): string {
  return `{${values
    .map((v) => (v === null ? "NULL" : `"${v.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`))
    .join(",")}}`;
}

/**
 * Rows written by one statement. Larger statements are no faster on PostgreSQL, and on PGlite
 * they are slower (its memory grows and collects in large steps).
 */
const ROWS_PER_STATEMENT = 10_000;

/** Any value; with the owner, so two imports of one owner's results never interleave. */
const IMPORT_LOCK = 72_616_015;

type CellKey = Pick<OutcomeCell, "level" | "orgCode" | "year" | "grade" | "indicator">;
const keyOf = (c: CellKey) => `${c.level}|${c.orgCode}|${c.year}|${c.grade}|${c.indicator}`;

/** Cells as a row source of six arrays (unnest): six parameters however many cells. */
function cellRows(cells: OutcomeCell[]) {
  return sql`unnest(
    ${pgArray(cells.map((c) => c.level))}::text[],
    ${pgArray(cells.map((c) => c.orgCode))}::text[],
    ${pgArray(cells.map((c) => String(c.year)))}::int[],
    ${pgArray(cells.map((c) => c.grade))}::text[],
    ${pgArray(cells.map((c) => c.indicator))}::text[],
    ${pgArray(cells.map((c) => (c.share === null ? null : String(c.share))))}::float8[]
  ) as r(level, org_code, year, grade, indicator, share)`;
}

/**
 * Write the file's cells as the run's: the cells already held (found in one query over the
 * organisations the file names) are updated, the others inserted, both in slices of one
 * statement each. Returns how many were held. The file has no duplicates by now, and the
 * caller holds the owner's import lock, so nothing else writes these cells meanwhile.
 */
async function writeCells(
  tx: Tx,
  owner: string,
  importId: number,
  cells: OutcomeCell[],
): Promise<number> {
  const orgCodes = [...new Set(cells.map((c) => c.orgCode))];
  const held = await tx
    .select({
      id: outcomeResults.id,
      level: outcomeResults.level,
      orgCode: outcomeResults.orgCode,
      year: outcomeResults.year,
      grade: outcomeResults.grade,
      indicator: outcomeResults.indicator,
    })
    .from(outcomeResults)
    .where(
      sql`${outcomeResults.owner} = ${owner} and ${outcomeResults.orgCode} = any(${pgArray(orgCodes)}::text[])`,
    );
  const heldIds = new Map(held.map((h) => [keyOf(h), h.id]));
  const fresh: OutcomeCell[] = [];
  const again: { id: number; share: number | null }[] = [];
  for (const c of cells) {
    const id = heldIds.get(keyOf(c));
    if (id === undefined) fresh.push(c);
    else again.push({ id, share: c.share });
  }
  for (let i = 0; i < fresh.length; i += ROWS_PER_STATEMENT) {
    await tx.execute(sql`
      insert into ${outcomeResults}
        (owner, level, org_code, year, grade, indicator, share, suppressed, import_id)
      select ${owner}, r.level, r.org_code, r.year, r.grade, r.indicator, r.share,
             r.share is null, ${importId}::int
      from ${cellRows(fresh.slice(i, i + ROWS_PER_STATEMENT))}`);
  }
  // The held rows by id: one integer to join on rather than five columns of text.
  for (let i = 0; i < again.length; i += ROWS_PER_STATEMENT) {
    const slice = again.slice(i, i + ROWS_PER_STATEMENT);
    await tx.execute(sql`
      update ${outcomeResults} o
      set share = r.share, suppressed = r.share is null, import_id = ${importId}::int
      from unnest(
        ${pgArray(slice.map((c) => String(c.id)))}::int[],
        ${pgArray(slice.map((c) => (c.share === null ? null : String(c.share))))}::float8[]
      ) as r(id, share)
      where o.id = r.id`);
  }
  return again.length;
}

export type ImportDone = { importId: number; summary: ImportSummary; replaced: number };

/**
 * Check the file again and write its accepted and suppressed rows, all in one transaction with
 * the run and its audit entry: a row already held for the same school or municipality, year,
 * grade and indicator is replaced. Rejected rows are not written. Null when no row is
 * acceptable (nothing written).
 */
export async function importOutcomeFile(
  db: Db,
  input: {
    owner: string;
    programmeId: number;
    fileName: string;
    text: string;
    personId: number | null;
    now: Date;
    /** The draft the file came from: deleted in the same transaction. */
    draftId?: number;
  },
): Promise<({ ok: true } & ImportDone) | { ok: false; problem: FileProblem }> {
  const thisYear = Number(input.now.toISOString().slice(0, 4));
  const check = await checkOutcomeFile(db, input.text, thisYear);
  if (!check.ok) return check;
  const { verdicts, summary } = check;
  if (summary.accepted + summary.suppressed === 0)
    return { ok: false, problem: { code: "noRows" } };
  return db.transaction(async (tx) => {
    // The held cells are updated and the others inserted, rather than "on conflict" on each
    // row: a second import of the same owner's cells waits here until this one is done.
    await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK}, hashtext(${input.owner}))`);
    const [run] = await tx
      .insert(outcomeImports)
      .values({
        owner: input.owner,
        programmeId: input.programmeId,
        fileName: input.fileName,
        accepted: summary.accepted,
        suppressed: summary.suppressed,
        rejected: summary.rejected,
        replaced: 0,
        createdBy: input.personId,
        createdAt: input.now,
      })
      .returning({ id: outcomeImports.id });
    const importId = run!.id;
    const cells = verdicts.flatMap((v) => (v.status === "rejected" ? [] : [v.cell]));
    const replaced = await writeCells(tx, input.owner, importId, cells);
    await tx
      .update(outcomeImports)
      .set({ replaced })
      .where(sql`${outcomeImports.id} = ${importId}`);
    if (input.draftId)
      await tx.delete(outcomeImportDrafts).where(eq(outcomeImportDrafts.id, input.draftId));
    await recordAudit(tx, {
      actorId: input.personId,
      action: "outcome.import",
      entityType: "outcome-import",
      entityId: String(importId),
      after: {
        programmeId: input.programmeId,
        accepted: summary.accepted,
        suppressed: summary.suppressed,
        rejected: summary.rejected,
        replaced,
      },
      at: input.now,
    });
    return { ok: true as const, importId, summary, replaced };
  });
}
