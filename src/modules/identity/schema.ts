import { sql } from "drizzle-orm";
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/** A person who works with a programme: staff data only, as little as the work needs. */
export const people = pgTable(
  "people",
  {
    id: serial("id").primaryKey(),
    /** null once the person has been deleted (the row stays, anonymised, for the records). */
    name: text("name"),
    email: text("email"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    /** Demo people are marked so that nobody mistakes them for real ones. */
    demo: text("demo"),
  },
  (t) => [
    uniqueIndex("people_email_uq").on(sql`lower(${t.email})`).where(sql`${t.email} is not null`),
  ],
);

/** How a person signs in: an OpenID subject at a provider. No national id number is stored. */
export const identities = pgTable(
  "identities",
  {
    id: serial("id").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    provider: text("provider").notNull(),
    subject: text("subject").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("identities_provider_subject_uq").on(t.provider, t.subject)],
);

/** Organisations a person belongs to according to Feide's groups (by organisation number). */
export const affiliations = pgTable(
  "affiliations",
  {
    id: serial("id").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    orgNumber: text("org_number").notNull(),
    kind: text("kind").notNull(),
    affiliation: text("affiliation"),
    seenAt: timestamp("seen_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("affiliations_person_org_uq").on(t.personId, t.orgNumber)],
);

/** A role in an organisation: programme owner, county office, municipality or unit. */
export const roleAssignments = pgTable(
  "role_assignments",
  {
    id: serial("id").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    role: text("role").notNull(),
    orgKind: text("org_kind").notNull(),
    orgId: text("org_id").notNull(),
    grantedBy: integer("granted_by"),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull(),
    revokedBy: integer("revoked_by"),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    index("role_assignments_person_idx").on(t.personId),
    // The people working at a unit: what `unit_staff_counts` is counted afresh from.
    index("role_assignments_unit_staff_idx")
      .on(t.orgId, t.personId)
      .where(
        sql`${t.orgKind} = 'unit' and ${t.revokedAt} is null and ${t.role} in ('staff', 'unit-leader')`,
      ),
    uniqueIndex("role_assignments_active_uq")
      .on(t.personId, t.role, t.orgKind, t.orgId)
      .where(sql`${t.revokedAt} is null`),
  ],
);

/**
 * The people working at a unit now (an active staff or unit-leader role, not deleted), per unit:
 * kept by triggers on `role_assignments` and `people` (migration 0025), so that the insight
 * page's reach counts (decision 0047) add up a few thousand rows rather than group 200,000 role
 * assignments.
 */
export const unitStaffCounts = pgTable("unit_staff_counts", {
  orgNumber: text("org_number").primaryKey(),
  people: integer("people").notNull(),
});

/** A role offered by e-mail; accepted at the person's first sign-in with that address. */
export const roleInvitations = pgTable(
  "role_invitations",
  {
    id: serial("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role").notNull(),
    orgKind: text("org_kind").notNull(),
    orgId: text("org_id").notNull(),
    invitedBy: integer("invited_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: integer("accepted_by"),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("role_invitations_email_idx").on(sql`lower(${t.email})`)],
);

/** Sessions live here; the cookie holds only a random id, and only its hash is stored. */
export const sessions = pgTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    via: text("via").notNull(),
  },
  (t) => [index("sessions_person_idx").on(t.personId)],
);

/** An OpenID sign-in under way: state, nonce and PKCE verifier, for ten minutes. */
export const signInAttempts = pgTable("sign_in_attempts", {
  idHash: text("id_hash").primaryKey(),
  provider: text("provider").notNull(),
  state: text("state").notNull(),
  nonce: text("nonce").notNull(),
  codeVerifier: text("code_verifier").notNull(),
  returnTo: text("return_to").notNull(),
  lang: text("lang").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

/** One-time sign-in codes sent by e-mail: hashed, short-lived, a few tries. */
export const signInCodes = pgTable(
  "sign_in_codes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    email: text("email").notNull(),
    codeHash: text("code_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("sign_in_codes_email_idx").on(sql`lower(${t.email})`)],
);

/** Every change anyone makes: who, what, when, before and after. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorId: integer("actor_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_entity_idx").on(t.entityType, t.entityId),
    index("audit_log_actor_idx").on(t.actorId),
  ],
);
