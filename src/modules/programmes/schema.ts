import {
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

export const programmes = pgTable(
  "programmes",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull(),
    owner: text("owner").notNull(),
    /** "cohorts": invited through county offices; "application": municipalities apply. */
    model: text("model").notNull(),
    startedOn: date("started_on"),
    durationMinMonths: integer("duration_min_months").notNull(),
    durationMaxMonths: integer("duration_max_months").notNull(),
    /** "mixed" (gatherings and local work) or "mostly-digital". */
    deliveryMode: text("delivery_mode").notNull(),
    /** The programme's contact point: a team or function, not a person's private details. */
    contactName: text("contact_name"),
    contactPhone: text("contact_phone"),
    contactEmail: text("contact_email"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [uniqueIndex("programmes_slug_uq").on(t.slug)],
);

/**
 * Every saved text of a programme page, per language; never changed once written. Saving and
 * restoring add a row; publishing copies the newest row of each language to `programme_texts`.
 */
export const programmeTextVersions = pgTable(
  "programme_text_versions",
  {
    id: serial("id").primaryKey(),
    programmeId: integer("programme_id")
      .notNull()
      .references(() => programmes.id),
    lang: text("lang").notNull(),
    title: text("title").notNull(),
    ownerName: text("owner_name").notNull(),
    summary: text("summary").notNull(),
    targetGroup: text("target_group").notNull(),
    bodyMarkdown: text("body_markdown").notNull(),
    /** One theme per line. */
    themes: text("themes").notNull().default(""),
    /** What taking part costs the participant (travel, substitutes, own time). */
    costs: text("costs").notNull().default(""),
    /** One commitment per line: what a participating municipality accepts. */
    commitments: text("commitments").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    /** Null for texts from the seed or the migration. */
    createdBy: integer("created_by"),
    /** The version this one was restored from, if any. */
    restoredFrom: integer("restored_from"),
  },
  (t) => [index("programme_text_versions_programme_idx").on(t.programmeId, t.lang, t.id)],
);

/**
 * The published copy of each language, read by the public pages; bodies are Markdown, rendered
 * and sanitised on output. `versionId` names the version it was copied from.
 */
export const programmeTexts = pgTable(
  "programme_texts",
  {
    programmeId: integer("programme_id")
      .notNull()
      .references(() => programmes.id),
    lang: text("lang").notNull(),
    title: text("title").notNull(),
    ownerName: text("owner_name").notNull(),
    summary: text("summary").notNull(),
    targetGroup: text("target_group").notNull(),
    bodyMarkdown: text("body_markdown").notNull(),
    themes: text("themes").notNull().default(""),
    costs: text("costs").notNull().default(""),
    commitments: text("commitments").notNull().default(""),
    versionId: integer("version_id").references(() => programmeTextVersions.id),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.lang] })],
);
