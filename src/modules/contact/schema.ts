import { bigserial, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const contactMessages = pgTable(
  "contact_messages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** Shown on the receipt and in the e-mail, e.g. "KS-7K3M-9QXD". */
    reference: text("reference").notNull(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    municipalityCode: text("municipality_code").notNull(),
    programmeId: integer("programme_id"),
    topic: text("topic").notNull(),
    message: text("message").notNull(),
    lang: text("lang").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    handledAt: timestamp("handled_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("contact_messages_reference_uq").on(t.reference)],
);
