import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { recordAudit } from "../identity";
import { municipalitiesAt, unitsByOrgNumber } from "../organisations";
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

/** Semicolon-separated lines with RFC 4180 quoting; each record with the line it starts on. */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  let any = false;
  for (let i = 0; i < text.length; i++) {
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
      if (any || field !== "") records.push({ line: start, fields });
      fields = [];
      field = "";
      any = false;
      line++;
      start = line;
    } else {
      field += ch;
      any = true;
    }
  }
  if (any || field !== "") {
    fields.push(field);
    records.push({ line: start, fields });
  }
  return records;
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

async function knownOrganisations(db: Db, orgNumbers: string[], years: number[]): Promise<Known> {
  const schools = new Set<string>();
  for (let i = 0; i < orgNumbers.length; i += 5000) {
    for (const u of await unitsByOrgNumber(db, orgNumbers.slice(i, i + 5000)))
      if (u.isSchool) schools.add(u.orgNumber);
  }
  const municipalities = new Map<number, Set<string>>();
  for (const year of years) {
    // The autumn's survey: the municipality as it was on 1 October of that year. The register
    // (Klass) is kept from 2017 (db/seed.ts): earlier years are checked against its first day.
    const day = `${year}-10-01` < REGISTER_FROM ? REGISTER_FROM : `${year}-10-01`;
    const valid = await municipalitiesAt(db, day);
    municipalities.set(year, new Set(valid.map((m) => m.code)));
  }
  return { schools, municipalities };
}

/**
 * Every row of the file accepted (with its cell), accepted as suppressed, or rejected with its
 * reason; nothing is written. `thisYear` is the latest survey year a file may hold.
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

  const orgNumbers = new Set<string>();
  const years = new Set<number>();
  for (const r of records) {
    const org = (r.fields[index.Organisasjonsnummer] ?? "").replace(/\s/g, "");
    if (/^\d{9}$/.test(org)) orgNumbers.add(org);
    const year = parseYear(r.fields[index.Skoleår] ?? "");
    if (year !== null && year >= FIRST_YEAR && year <= thisYear) years.add(year);
  }
  const known = await knownOrganisations(db, [...orgNumbers], [...years]);

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
    const org = rawOrg.replace(/\s/g, "");
    const level: OutcomeLevel | null = /^\d{9}$/.test(org)
      ? "school"
      : /^\d{4}$/.test(org)
        ? "municipality"
        : null;
    if (!level) {
      reject(line, "orgNumber", rawOrg);
      continue;
    }
    const rawYear = fields[index.Skoleår]!;
    const year = parseYear(rawYear);
    if (year === null || year < FIRST_YEAR || year > thisYear) {
      reject(line, "year", rawYear);
      continue;
    }
    if (level === "school" ? !known.schools.has(org) : !known.municipalities.get(year)?.has(org)) {
      reject(line, "unknownOrg", org);
      continue;
    }
    const rawGrade = fields[index.Trinn]!;
    const grade = parseGrade(rawGrade);
    if (!grade) {
      reject(line, "grade", rawGrade);
      continue;
    }
    const rawIndicator = fields[index.Indikator]!;
    const indicator = parseIndicator(rawIndicator);
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
    const share = parseShare(rawShare);
    if (share === "notNumeric" || share === "outOfRange") {
      reject(line, share, rawShare);
      continue;
    }
    const key = `${level}|${org}|${year}|${grade}|${indicator}`;
    const first = seen.get(key);
    if (first !== undefined) {
      reject(line, "duplicate", `${org} ${year} ${grade}`, first);
      continue;
    }
    seen.set(key, line);
    const cell: OutcomeCell = {
      level,
      orgCode: org,
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
    let replaced = 0;
    // In slices of 10,000 rows, each one statement over seven arrays (unnest): a handful of
    // parameters rather than nine per row, which is what made a 100,000-row file slow.
    for (let i = 0; i < cells.length; i += 10_000) {
      const slice = cells.slice(i, i + 10_000);
      const result = await tx.execute(sql`
        insert into ${outcomeResults}
          (owner, level, org_code, year, grade, indicator, share, suppressed, import_id)
        select ${input.owner}, r.level, r.org_code, r.year, r.grade, r.indicator, r.share,
               r.share is null, ${importId}::int
        from unnest(
          ${pgArray(slice.map((c) => c.level))}::text[],
          ${pgArray(slice.map((c) => c.orgCode))}::text[],
          ${pgArray(slice.map((c) => String(c.year)))}::int[],
          ${pgArray(slice.map((c) => c.grade))}::text[],
          ${pgArray(slice.map((c) => c.indicator))}::text[],
          ${pgArray(slice.map((c) => (c.share === null ? null : String(c.share))))}::float8[]
        ) as r(level, org_code, year, grade, indicator, share)
        on conflict (owner, level, org_code, year, grade, indicator) do update
          set share = excluded.share, suppressed = excluded.suppressed,
              import_id = excluded.import_id
        returning (xmax = 0) as inserted`);
      const rows = (result as unknown as { rows: { inserted: boolean }[] }).rows;
      for (const r of rows) if (!r.inserted) replaced++;
    }
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
