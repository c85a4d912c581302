import { boolean, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/**
 * The units of each municipality counted by the cohorts they are enrolled in (decision 0047):
 * one row per municipality, county, set of cohorts (sorted, not withdrawn; empty for a unit in
 * none) and whether the register has the unit as active, with the units by type and owner and
 * the people working at them (identity's kept staff counts). A cohort's units are the rows
 * whose set holds it; several cohorts' units, each once, the rows whose set meets theirs; the
 * register's, the active rows. Kept by triggers on `units`, `cohort_enrolments` and
 * `unit_staff_counts` (migration 0029), which count the touched municipalities afresh, so the
 * insight page adds up a few hundred rows rather than join every enrolment to its unit.
 */
export const insightReachCounts = pgTable(
  "insight_reach_counts",
  {
    municipalityCode: text("municipality_code").notNull(),
    countyCode: text("county_code").notNull(),
    cohortIds: integer("cohort_ids").array().notNull(),
    active: boolean("active").notNull(),
    units: integer("units").notNull(),
    kindergartens: integer("kindergartens").notNull(),
    schools: integer("schools").notNull(),
    public: integer("public").notNull(),
    private: integer("private").notNull(),
    staff: integer("staff").notNull(),
  },
  (t) => [
    primaryKey({
      name: "insight_reach_counts_pk",
      columns: [t.municipalityCode, t.countyCode, t.cohortIds, t.active],
    }),
  ],
);
