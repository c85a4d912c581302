import {
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

/**
 * Documents attached to a programme's page (an information letter), each a file behind the
 * file store (kernel/storage) with its title per language. Never changed or deleted: the
 * published page, and every earlier version of its list, keep pointing at their documents.
 */
export const programmeDocuments = pgTable(
  "programme_documents",
  {
    id: serial("id").primaryKey(),
    programmeId: integer("programme_id")
      .notNull()
      .references(() => programmes.id),
    titleNb: text("title_nb").notNull(),
    titleNn: text("title_nn").notNull(),
    /** Empty when there is no English title: the English page shows the bokmål one. */
    titleEn: text("title_en").notNull().default(""),
    storageKey: text("storage_key").notNull(),
    /** The name as uploaded, made safe to store and send back. */
    fileName: text("file_name").notNull(),
    /** The type read from the bytes ("application/pdf"). */
    type: text("type").notNull(),
    bytes: integer("bytes").notNull(),
    sha256: text("sha256").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull(),
    /** Null for documents from the seed. */
    addedBy: integer("added_by"),
  },
  (t) => [index("programme_documents_programme_idx").on(t.programmeId)],
);

/**
 * The documents of a programme's page, versioned with it: adding or removing one saves the
 * next version of the list (the newest is the draft); publishing the page marks the newest
 * published, and the public page lists the one published last.
 */
export const programmeDocumentVersions = pgTable(
  "programme_document_versions",
  {
    id: serial("id").primaryKey(),
    programmeId: integer("programme_id")
      .notNull()
      .references(() => programmes.id),
    /** The documents, in the order the page lists them. */
    documentIds: jsonb("document_ids").$type<number[]>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdBy: integer("created_by"),
    /** When the page was published with this list; null while it has not been. */
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [index("programme_document_versions_programme_idx").on(t.programmeId, t.id)],
);
