import { and, asc, count, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db, Executor, Tx } from "../../db/client";
import type { FieldErrors } from "../../kernel/forms";
import { type Outcome, refuse } from "../../kernel/result";
import { recordAudit } from "../identity";
import { organiserRule } from "./organiser-scope";
import {
  type GatheringLevel,
  type GatheringMode,
  gatheringRegistrations,
  gatheringSessions,
  gatherings,
  type OrganiserKind,
  registrationSessions,
  type SessionKind,
} from "./schema";
import { fillFreeSeats } from "./seats";

export type Actor = { personId: number | null; now: Date; baseUrl: string };
export type Gathering = typeof gatherings.$inferSelect;
export type Session = typeof gatheringSessions.$inferSelect;

export const LEVELS = ["national", "regional", "local"] as const satisfies GatheringLevel[];
export const MODES = ["physical", "digital", "hybrid"] as const satisfies GatheringMode[];
export const SESSION_KINDS = ["lecture", "group", "break"] as const satisfies SessionKind[];
export const ORGANISER_KINDS = [
  "owner",
  "county-office",
  "municipality",
] as const satisfies OrganiserKind[];

/** The named limits, shared by the forms (maxlength) and the commands (the check). */
export const gatheringLimits = {
  title: 200,
  description: 5000,
  venue: 200,
  address: 300,
  link: 500,
  capacity: 100_000,
  offerHours: 24 * 14,
  sessions: 60,
  speaker: 200,
  room: 100,
  needs: 500,
} as const;

export type SessionInput = {
  /** Set when editing a session that exists. */
  id?: number;
  kind: SessionKind;
  titleNb: string;
  titleNn: string;
  speaker: string;
  room: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number | null;
};

/** A gathering as the organiser's form gives it, already parsed into values. */
export type GatheringInput = {
  programmeId: number;
  cohortId: number | null;
  level: GatheringLevel;
  organiserKind: OrganiserKind;
  organiserId: string;
  titleNb: string;
  titleNn: string;
  descriptionNb: string;
  descriptionNn: string;
  startsAt: Date;
  endsAt: Date;
  mode: GatheringMode;
  venue: string;
  address: string;
  digitalLink: string;
  capacity: number;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  allowedCohorts: number[];
  allowedMunicipalities: string[];
  allowedRoles: string[];
  offerHours: number;
  sessions: SessionInput[];
};

const isHttpsUrl = (value: string) => {
  try {
    return new URL(value).protocol === "https:";
  } catch {
    return false;
  }
};

/**
 * The rules a gathering keeps whoever writes it: an end after the start, a registration window
 * that closes after it opens and before the gathering ends, a place for a physical gathering
 * and a link for a digital one, sessions inside the gathering. Errors name the form's fields.
 */
export function checkGathering(input: GatheringInput): FieldErrors {
  const errors: FieldErrors = {};
  const L = gatheringLimits;
  if (input.titleNb.trim() === "") errors.titleNb = { code: "required" };
  if (input.titleNn.trim() === "") errors.titleNn = { code: "required" };
  for (const [field, max] of [
    ["titleNb", L.title],
    ["titleNn", L.title],
    ["descriptionNb", L.description],
    ["descriptionNn", L.description],
    ["venue", L.venue],
    ["address", L.address],
    ["digitalLink", L.link],
  ] as const) {
    if (input[field].length > max && !errors[field]) errors[field] = { code: "max", max };
  }
  if (input.endsAt <= input.startsAt) errors.endsAt = { code: "endBeforeStart" };
  if (!Number.isInteger(input.capacity) || input.capacity < 1 || input.capacity > L.capacity)
    errors.capacity = { code: "capacityRange", max: L.capacity };
  if (input.registrationClosesAt <= input.registrationOpensAt)
    errors.registrationClosesAt = { code: "closesBeforeOpens" };
  else if (input.registrationClosesAt > input.endsAt)
    errors.registrationClosesAt = { code: "closesAfterEnd" };
  if (input.mode !== "digital" && input.venue.trim() === "" && !errors.venue)
    errors.venue = { code: "venueRequired" };
  if (input.mode !== "physical" && !errors.digitalLink && !isHttpsUrl(input.digitalLink))
    errors.digitalLink = { code: "linkRequired" };
  if (
    !Number.isInteger(input.offerHours) ||
    input.offerHours < 1 ||
    input.offerHours > L.offerHours
  )
    errors.offerHours = { code: "offerHoursRange", max: L.offerHours };
  if (input.sessions.length > L.sessions) errors.sessions = { code: "tooMany", max: L.sessions };
  input.sessions.forEach((s, i) => {
    const at = `session-${i + 1}`;
    if (s.titleNb.trim() === "" || s.titleNn.trim() === "")
      errors[`${at}-titleNb`] = { code: "required" };
    else if (s.titleNb.length > L.title || s.titleNn.length > L.title)
      errors[`${at}-titleNb`] = { code: "max", max: L.title };
    if (s.endsAt <= s.startsAt) errors[`${at}-endsAt`] = { code: "endBeforeStart" };
    else if (s.startsAt < input.startsAt || s.endsAt > input.endsAt)
      errors[`${at}-endsAt`] = { code: "sessionOutside" };
    if (s.speaker.length > L.speaker) errors[`${at}-speaker`] = { code: "max", max: L.speaker };
    if (s.room.length > L.room) errors[`${at}-room`] = { code: "max", max: L.room };
    if (s.capacity !== null && (!Number.isInteger(s.capacity) || s.capacity < 1))
      errors[`${at}-capacity`] = { code: "capacityRange", max: L.capacity };
    if (s.kind === "break" && s.capacity !== null)
      errors[`${at}-capacity`] = { code: "breakCapacity" };
  });
  return errors;
}

const columnsOf = (input: GatheringInput) => ({
  programmeId: input.programmeId,
  cohortId: input.cohortId,
  level: input.level,
  organiserKind: input.organiserKind,
  organiserId: input.organiserId,
  titleNb: input.titleNb.trim(),
  titleNn: input.titleNn.trim(),
  descriptionNb: input.descriptionNb.trim(),
  descriptionNn: input.descriptionNn.trim(),
  startsAt: input.startsAt,
  endsAt: input.endsAt,
  mode: input.mode,
  venue: input.mode === "digital" ? "" : input.venue.trim(),
  address: input.mode === "digital" ? "" : input.address.trim(),
  digitalLink: input.mode === "physical" ? "" : input.digitalLink.trim(),
  capacity: input.capacity,
  registrationOpensAt: input.registrationOpensAt,
  registrationClosesAt: input.registrationClosesAt,
  allowedCohorts: [...new Set(input.allowedCohorts)].sort((a, b) => a - b),
  allowedMunicipalities: [...new Set(input.allowedMunicipalities)].sort(),
  allowedRoles: [...new Set(input.allowedRoles)].sort(),
  offerHours: input.offerHours,
});

const sessionColumns = (gatheringId: number, s: SessionInput) => ({
  gatheringId,
  kind: s.kind,
  titleNb: s.titleNb.trim(),
  titleNn: s.titleNn.trim(),
  speaker: s.speaker.trim(),
  room: s.room.trim(),
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  capacity: s.kind === "break" ? null : s.capacity,
});

/**
 * Create a gathering with its agenda (audited). A person must act for its organiser and keep
 * within the organiser's reach (organiser-scope.ts); the system (demo, imports) need not.
 */
export async function createGathering(
  db: Db,
  given: GatheringInput,
  actor: Actor,
): Promise<Outcome<{ gatheringId: number }>> {
  let input = given;
  if (actor.personId !== null) {
    const scoped = await organiserRule(db, actor.personId, input, actor.now);
    if (!scoped.ok) return scoped;
    input = scoped.input;
  }
  const errors = checkGathering(input);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(gatherings)
      .values({ ...columnsOf(input), createdAt: actor.now, createdBy: actor.personId })
      .returning({ id: gatherings.id });
    const id = row!.id;
    if (input.sessions.length > 0)
      await tx.insert(gatheringSessions).values(input.sessions.map((s) => sessionColumns(id, s)));
    await recordAudit(tx, {
      at: actor.now,
      actorId: actor.personId,
      action: "gathering.create",
      entityType: "gathering",
      entityId: String(id),
      after: { title: input.titleNb, capacity: input.capacity },
    });
    return { ok: true as const, gatheringId: id };
  });
}

/** Places taken in each session that has a capacity: choices of confirmed and offered seats. */
export async function sessionSeatsTaken(
  db: Executor,
  sessionIds: number[],
): Promise<Map<number, number>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await db
    .select({ sessionId: registrationSessions.sessionId, n: count() })
    .from(registrationSessions)
    .innerJoin(
      gatheringRegistrations,
      eq(gatheringRegistrations.id, registrationSessions.registrationId),
    )
    .where(
      and(
        inArray(registrationSessions.sessionId, sessionIds),
        inArray(gatheringRegistrations.status, ["confirmed", "offered"]),
      ),
    )
    .groupBy(registrationSessions.sessionId);
  return new Map(rows.map((r) => [r.sessionId, r.n]));
}

/** The gathering row, locked until the transaction ends: every change of seats goes through here. */
export async function lockGathering(tx: Tx, id: number): Promise<Gathering | null> {
  const [row] = await tx.select().from(gatherings).where(eq(gatherings.id, id)).for("update");
  return row ?? null;
}

/**
 * Edit a gathering and its agenda. The page's `version` must be the stored one (else someone
 * saved in between). Capacity may not go below the seats taken, nor a session's below the
 * places chosen in it; a larger capacity offers the freed seats to the waiting list at once.
 * Sessions missing from the input are removed with their choices.
 */
export async function editGathering(
  db: Db,
  given: GatheringInput & { gatheringId: number; version: number },
  actor: Actor,
): Promise<Outcome<{ offered: number[] }>> {
  let input = given;
  if (actor.personId !== null) {
    // Only those acting for the gathering's organiser edit it, and it stays that organiser's.
    const stored = await gatheringById(db, input.gatheringId);
    if (!stored) return refuse("gathering", "notFound");
    const scoped = await organiserRule(db, actor.personId, input, actor.now, stored);
    if (!scoped.ok) return scoped;
    input = scoped.input;
  }
  const errors = checkGathering(input);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return db.transaction(async (tx) => {
    const before = await lockGathering(tx, input.gatheringId);
    if (!before) return refuse("gathering", "notFound");
    if (before.organiserKind !== input.organiserKind || before.organiserId !== input.organiserId)
      return refuse("gathering", "notOrganiser");
    if (before.version !== input.version) return refuse("gathering", "stale");
    const taken = before.seatsHeld;
    if (input.capacity < taken) return refuse("capacity", "belowTaken", { taken });
    const existing = await tx
      .select()
      .from(gatheringSessions)
      .where(eq(gatheringSessions.gatheringId, before.id));
    const existingIds = new Set(existing.map((s) => s.id));
    const kept = input.sessions.filter((s) => s.id !== undefined);
    for (const s of kept) {
      if (!existingIds.has(s.id!)) return refuse("sessions", "unknownSession");
    }
    const chosen = await sessionSeatsTaken(
      tx,
      kept.map((s) => s.id!),
    );
    const sessionErrors: FieldErrors = {};
    input.sessions.forEach((s, i) => {
      const n = s.id === undefined ? 0 : (chosen.get(s.id) ?? 0);
      if (s.capacity !== null && s.capacity < n)
        sessionErrors[`session-${i + 1}-capacity`] = { code: "belowTaken", params: { taken: n } };
    });
    if (Object.keys(sessionErrors).length > 0) return { ok: false as const, errors: sessionErrors };

    await tx
      .update(gatherings)
      .set({
        ...columnsOf(input),
        version: sql`${gatherings.version} + 1`,
        updatedAt: actor.now,
        updatedBy: actor.personId,
      })
      .where(eq(gatherings.id, before.id));
    const keptIds = new Set(kept.map((s) => s.id!));
    const removed = existing.filter((s) => !keptIds.has(s.id)).map((s) => s.id);
    if (removed.length > 0) {
      await tx.delete(registrationSessions).where(inArray(registrationSessions.sessionId, removed));
      await tx.delete(gatheringSessions).where(inArray(gatheringSessions.id, removed));
    }
    for (const s of kept) {
      await tx
        .update(gatheringSessions)
        .set(sessionColumns(before.id, s))
        .where(eq(gatheringSessions.id, s.id!));
      // A session that became a break, or lost its capacity, is no longer chosen.
      if (s.kind === "break" || s.capacity === null)
        await tx.delete(registrationSessions).where(eq(registrationSessions.sessionId, s.id!));
    }
    const added = input.sessions.filter((s) => s.id === undefined);
    if (added.length > 0)
      await tx.insert(gatheringSessions).values(added.map((s) => sessionColumns(before.id, s)));
    const after = (await lockGathering(tx, before.id))!;
    const offered = await fillFreeSeats(tx, after, actor);
    await recordAudit(tx, {
      at: actor.now,
      actorId: actor.personId,
      action: "gathering.edit",
      entityType: "gathering",
      entityId: String(before.id),
      before: { capacity: before.capacity, startsAt: before.startsAt.toISOString() },
      after: { capacity: input.capacity, startsAt: input.startsAt.toISOString() },
    });
    return { ok: true as const, offered };
  });
}

export async function gatheringById(db: Executor, id: number): Promise<Gathering | null> {
  const [row] = await db.select().from(gatherings).where(eq(gatherings.id, id));
  return row ?? null;
}

/** The agenda, in time order. */
export async function sessionsOf(db: Executor, gatheringId: number): Promise<Session[]> {
  return db
    .select()
    .from(gatheringSessions)
    .where(eq(gatheringSessions.gatheringId, gatheringId))
    .orderBy(asc(gatheringSessions.startsAt), asc(gatheringSessions.id));
}

/** Registrations that are not cancelled, counted by status. */
export async function registrationCounts(db: Executor, gatheringId: number) {
  const rows = await db
    .select({ status: gatheringRegistrations.status, n: count() })
    .from(gatheringRegistrations)
    .where(
      and(
        eq(gatheringRegistrations.gatheringId, gatheringId),
        ne(gatheringRegistrations.status, "cancelled"),
      ),
    )
    .groupBy(gatheringRegistrations.status);
  const out = { confirmed: 0, offered: 0, waiting: 0 };
  for (const r of rows) if (r.status !== "cancelled") out[r.status] = r.n;
  return out;
}

/** The gatherings of these programmes, latest first (the organiser's list). */
export async function gatheringsOfProgrammes(
  db: Executor,
  programmeIds: number[],
): Promise<Gathering[]> {
  if (programmeIds.length === 0) return [];
  return db
    .select()
    .from(gatherings)
    .where(inArray(gatherings.programmeId, programmeIds))
    .orderBy(desc(gatherings.startsAt), desc(gatherings.id));
}
