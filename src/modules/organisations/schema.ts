import type { SQL } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { searchKeySql } from "./search-key";

/** Counties (fylker) from SSB Klass classification 104, one row per code and validity period. */
export const counties = pgTable(
  "counties",
  {
    code: text("code").notNull(),
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to"),
    name: text("name").notNull(),
    /** `searchKey(name)`, kept by the database. */
    searchKey: text("search_key")
      .notNull()
      .generatedAlwaysAs((): SQL => searchKeySql(counties.name)),
  },
  (t) => [primaryKey({ columns: [t.code, t.validFrom] })],
);

/** Municipalities (kommuner) from SSB Klass classification 131; validTo is exclusive. */
export const municipalities = pgTable(
  "municipalities",
  {
    code: text("code").notNull(),
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to"),
    name: text("name").notNull(),
    countyCode: text("county_code").notNull(),
    /** `searchKey(name)`, kept by the database. */
    searchKey: text("search_key")
      .notNull()
      .generatedAlwaysAs((): SQL => searchKeySql(municipalities.name)),
  },
  (t) => [
    primaryKey({ columns: [t.code, t.validFrom] }),
    index("municipalities_county_idx").on(t.countyCode),
  ],
);

/** Renumberings, mergers and splits, as Klass reports them. */
export const municipalityChanges = pgTable(
  "municipality_changes",
  {
    oldCode: text("old_code").notNull(),
    newCode: text("new_code").notNull(),
    changedOn: date("changed_on").notNull(),
    oldName: text("old_name").notNull(),
    newName: text("new_name").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.oldCode, t.newCode, t.changedOn] }),
    index("municipality_changes_new_idx").on(t.newCode),
  ],
);

/** County governor offices (Fylkesmannen, from 2021 Statsforvalteren). */
export const countyOffices = pgTable("county_offices", {
  id: text("id").primaryKey(),
  validFrom: date("valid_from").notNull(),
  validTo: date("valid_to"),
  email: text("email"),
});

export const countyOfficeNames = pgTable(
  "county_office_names",
  {
    officeId: text("office_id")
      .notNull()
      .references(() => countyOffices.id),
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to"),
    nameNb: text("name_nb").notNull(),
    nameNn: text("name_nn").notNull(),
    searchKeyNb: text("search_key_nb")
      .notNull()
      .generatedAlwaysAs((): SQL => searchKeySql(countyOfficeNames.nameNb)),
    searchKeyNn: text("search_key_nn")
      .notNull()
      .generatedAlwaysAs((): SQL => searchKeySql(countyOfficeNames.nameNn)),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.validFrom] })],
);

export const countyOfficeCoverage = pgTable(
  "county_office_coverage",
  {
    officeId: text("office_id")
      .notNull()
      .references(() => countyOffices.id),
    countyCode: text("county_code").notNull(),
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to"),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.countyCode, t.validFrom] })],
);

/** A register a unit comes from: NSR (schools) or NBR (kindergartens), both run by Udir. */
export type RegisterSource = "nsr" | "nbr";

/**
 * Kindergartens and schools from Udir's registers, keyed by organisation number. A unit may be
 * in both registers (an oppvekstsenter). Never deleted: a unit that closes keeps its row with
 * `active` false, and every change is in `unit_history`.
 */
export const units = pgTable(
  "units",
  {
    orgNumber: text("org_number").primaryKey(),
    name: text("name").notNull(),
    /** As the register gives it: today's code for an active unit, the last one for a closed. */
    municipalityCode: text("municipality_code").notNull(),
    countyCode: text("county_code").notNull(),
    isSchool: boolean("is_school").notNull().default(false),
    isKindergarten: boolean("is_kindergarten").notNull().default(false),
    /** "public" or "private"; null when the register does not say. */
    owner: text("owner").$type<"public" | "private">(),
    active: boolean("active").notNull(),
    /** The register's `UtgaattDato`, or the day an import found the unit gone. */
    closedOn: date("closed_on"),
    /** The register's `Maalform` (B → nb, N → nn), where known. */
    writtenStandard: text("written_standard").$type<"nb" | "nn">(),
    /** `searchKey(name)`, kept by the database: what search matches against. */
    searchKey: text("search_key")
      .notNull()
      .generatedAlwaysAs((): SQL => searchKeySql(units.name)),
    /** The registers that list the unit (or last listed it, for a closed unit). */
    sources: text("sources").array().$type<RegisterSource[]>().notNull(),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("units_municipality_idx").on(t.municipalityCode)],
);

/** One register import: what it found, and the rows it refused with the reasons. */
export const importRuns = pgTable("import_runs", {
  id: serial("id").primaryKey(),
  source: text("source").$type<RegisterSource>().notNull(),
  /** Where the data came from: a file name or a URL. */
  origin: text("origin").notNull(),
  /** "register" (a full listing), "municipalities" (full for some) or "partial". */
  coverage: text("coverage").notNull(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
  added: integer("added").notNull().default(0),
  changed: integer("changed").notNull().default(0),
  closed: integer("closed").notNull().default(0),
  unchanged: integer("unchanged").notNull().default(0),
  rejected: integer("rejected").notNull().default(0),
  /** Rows that are neither a school nor a kindergarten (owners, offices) and not known to us. */
  skipped: integer("skipped").notNull().default(0),
  rejectedRows: jsonb("rejected_rows").$type<RejectedRow[]>().notNull().default([]),
  notes: jsonb("notes").$type<string[]>().notNull().default([]),
});

/**
 * A register file or download waiting for the importer's go-ahead: the preview shows what it
 * would do, and the import runs from this copy, so a big file is uploaded once. Kept a day.
 */
export const registerImportDrafts = pgTable("register_import_drafts", {
  id: serial("id").primaryKey(),
  source: text("source").$type<RegisterSource>().notNull(),
  origin: text("origin").notNull(),
  /** "register" or "partial". */
  coverage: text("coverage").$type<"register" | "partial">().notNull(),
  /** The pages as JSON text (text, not jsonb: jsonb refuses a NUL that a bad row may hold). */
  pages: text("pages").notNull(),
  /** The person who uploaded it; only they run or discard it. */
  createdBy: integer("created_by").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

export type RejectedRow = {
  /** 1-based position in the import, counted across pages. */
  row: number;
  orgNumber: string | null;
  name: string | null;
  reason:
    | "invalid-field"
    | "missing-field"
    | "bad-org-number"
    | "unknown-municipality"
    | "inconsistent"
    | "duplicate";
  detail: string;
};

/** One row per change to a unit: the fields that changed, before and after. */
export const unitHistory = pgTable(
  "unit_history",
  {
    id: serial("id").primaryKey(),
    orgNumber: text("org_number")
      .notNull()
      .references(() => units.orgNumber),
    at: timestamp("at", { withTimezone: true }).notNull(),
    /** "added", "changed", "closed" or "reopened". */
    event: text("event").notNull(),
    changes: jsonb("changes")
      .$type<Record<string, { before: unknown; after: unknown }>>()
      .notNull(),
    runId: integer("run_id").references(() => importRuns.id),
  },
  (t) => [index("unit_history_unit_idx").on(t.orgNumber, t.at)],
);

/** PP-tjenester (educational-psychological services); one often serves several municipalities. */
export const ppServices = pgTable(
  "pp_services",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    orgNumber: text("org_number"),
    hostMunicipalityCode: text("host_municipality_code").notNull(),
    searchKey: text("search_key")
      .notNull()
      .generatedAlwaysAs((): SQL => searchKeySql(ppServices.name)),
  },
  (t) => [uniqueIndex("pp_services_org_number_uq").on(t.orgNumber)],
);

/** Which municipalities a PP-tjeneste serves, and when; validTo is exclusive. */
export const ppServiceMunicipalities = pgTable(
  "pp_service_municipalities",
  {
    ppServiceId: integer("pp_service_id")
      .notNull()
      .references(() => ppServices.id),
    municipalityCode: text("municipality_code").notNull(),
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to"),
  },
  (t) => [
    primaryKey({ columns: [t.ppServiceId, t.municipalityCode, t.validFrom] }),
    index("pp_service_municipalities_code_idx").on(t.municipalityCode),
  ],
);

/**
 * The written standard (målform) an organisation has chosen: the state writes to a municipality
 * in its standard (mållova § 15). Units carry theirs from the register; municipalities and
 * county offices get a row here when it is set. Without a row, bokmål is assumed.
 */
export const writtenStandards = pgTable(
  "written_standards",
  {
    /** "municipality" or "county-office". */
    orgKind: text("org_kind").notNull(),
    orgId: text("org_id").notNull(),
    standard: text("standard").$type<"nb" | "nn">().notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull(),
    changedBy: integer("changed_by"),
  },
  (t) => [primaryKey({ columns: [t.orgKind, t.orgId] })],
);
