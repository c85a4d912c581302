import { date, index, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/** Counties (fylker) from SSB Klass classification 104, one row per code and validity period. */
export const counties = pgTable(
  "counties",
  {
    code: text("code").notNull(),
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to"),
    name: text("name").notNull(),
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
