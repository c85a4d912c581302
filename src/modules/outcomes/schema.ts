import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/** Whose results a row is: a school (its NSR organisation number) or a municipality (its code). */
export type OutcomeLevel = "school" | "municipality";

/**
 * The indicators of Elevundersøkelsen's bullying tables that Samspill keeps (series.ts):
 * "mobbing" is the headline since autumn 2016 (bullied at school by pupils, adults or
 * digitally); "mobbet-av-elever" (bullied by other pupils) was the headline before it.
 */
export type OutcomeIndicator = "mobbing" | "mobbet-av-elever";

/** One import run: who, when, from which file, and what became of its rows. */
export const outcomeImports = pgTable("outcome_imports", {
  id: serial("id").primaryKey(),
  owner: text("owner").notNull(),
  programmeId: integer("programme_id").notNull(),
  fileName: text("file_name").notNull(),
  accepted: integer("accepted").notNull(),
  suppressed: integer("suppressed").notNull(),
  rejected: integer("rejected").notNull(),
  replaced: integer("replaced").notNull(),
  createdBy: integer("created_by"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

/**
 * Elevundersøkelsen results as the programme owner imported them (decision 0037): one row per
 * school or municipality, survey year (the autumn's), grade and indicator. A suppressed cell
 * ("prikket", too few answers) is kept as suppressed with no share, never as zero.
 */
export const outcomeResults = pgTable(
  "outcome_results",
  {
    id: serial("id").primaryKey(),
    /** The programme owner whose admins imported it (identity's OWNERS key). */
    owner: text("owner").notNull(),
    level: text("level").$type<OutcomeLevel>().notNull(),
    /** The school's organisation number (9 digits) or the municipality's code then (4 digits). */
    orgCode: text("org_code").notNull(),
    year: integer("year").notNull(),
    /** "5"–"10", "vg1"–"vg3". */
    grade: text("grade").notNull(),
    indicator: text("indicator").$type<OutcomeIndicator>().notNull(),
    /** Per cent of pupils, 0–100; null when suppressed. */
    share: doublePrecision("share"),
    suppressed: boolean("suppressed").notNull().default(false),
    importId: integer("import_id")
      .notNull()
      .references(() => outcomeImports.id),
  },
  (t) => [
    uniqueIndex("outcome_results_cell_uq").on(
      t.owner,
      t.level,
      t.orgCode,
      t.year,
      t.grade,
      t.indicator,
    ),
    index("outcome_results_year_idx").on(t.owner, t.level, t.year),
    check(
      "outcome_results_share_ck",
      sql`(${t.suppressed} and ${t.share} is null) or (not ${t.suppressed} and ${t.share} between 0 and 100)`,
    ),
  ],
);

/**
 * An uploaded file waiting for its importer to see the preview and say go (a day at most;
 * the importer's alone). The text as decoded; checked again when run.
 */
export const outcomeImportDrafts = pgTable("outcome_import_drafts", {
  id: serial("id").primaryKey(),
  programmeId: integer("programme_id").notNull(),
  fileName: text("file_name").notNull(),
  content: text("content").notNull(),
  createdBy: integer("created_by").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});
