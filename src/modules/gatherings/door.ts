import { and, count, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { readCheckInCode } from "../../kernel/check-in-code";
import { osloToday } from "../../kernel/clock";
import type { FieldErrors } from "../../kernel/forms";
import { type Outcome, refuse } from "../../kernel/result";
import { personNames, recordAudit } from "../identity";
import { municipalitiesAt, searchKey, unitsByOrgNumber } from "../organisations";
import { type Actor, type Gathering, gatheringById, lockGathering, sessionsOf } from "./gatherings";
import {
  type AttendanceStatus,
  gatheringAttendance,
  gatheringRegistrations,
  gatherings,
  registrationSessions,
} from "./schema";

export const ATTENDANCE = ["present", "absent", "excused"] as const satisfies AttendanceStatus[];

/** The named limits of the closing form, shared by the view (maxlength) and the command. */
export const closingLimits = { minutes: 10_000, present: 100_000 } as const;

/** One participant at the door: a confirmed seat, with where the person comes from. */
export type DoorRow = {
  registrationId: number;
  personId: number;
  name: string;
  unit: string;
  municipality: string;
  checkedInAt: Date | null;
};

/**
 * The gathering's participants (confirmed seats) by name, with their unit and municipality,
 * narrowed by `q` when given: every word of it must be in the name, the unit or the
 * municipality ("Bærum", "baerum" and "barum" alike).
 */
export async function doorList(db: Db, gatheringId: number, now: Date, q = ""): Promise<DoorRow[]> {
  const rows = await db
    .select()
    .from(gatheringRegistrations)
    .where(
      and(
        eq(gatheringRegistrations.gatheringId, gatheringId),
        eq(gatheringRegistrations.status, "confirmed"),
      ),
    );
  const names = await personNames(
    db,
    rows.map((r) => r.personId),
  );
  const units = new Map(
    (
      await unitsByOrgNumber(db, [
        ...new Set(rows.flatMap((r) => (r.unitOrgNumber ? [r.unitOrgNumber] : []))),
      ])
    ).map((u) => [u.orgNumber, u.name]),
  );
  const municipalities = new Map(
    (await municipalitiesAt(db, osloToday(now))).map((m) => [m.code, m.name]),
  );
  const list = rows.map((r) => ({
    registrationId: r.id,
    personId: r.personId,
    name: names.get(r.personId) ?? "–",
    unit: r.unitOrgNumber ? (units.get(r.unitOrgNumber) ?? r.unitOrgNumber) : "",
    municipality: r.municipalityCode
      ? (municipalities.get(r.municipalityCode) ?? r.municipalityCode)
      : "",
    checkedInAt: r.checkedInAt,
  }));
  const words = searchKey(q).split(" ").filter(Boolean);
  const found =
    words.length === 0
      ? list
      : list.filter((row) => {
          const text = searchKey(`${row.name} ${row.unit} ${row.municipality}`);
          return words.every((w) => text.includes(w));
        });
  return found.sort(
    (a, b) => a.name.localeCompare(b.name, "nb") || a.registrationId - b.registrationId,
  );
}

/** Seats confirmed and people checked in, for the door's heading. */
export async function doorCounts(db: Executor, gatheringId: number) {
  const [row] = await db
    .select({
      confirmed: count(),
      checkedIn: sql<number>`count(${gatheringRegistrations.checkedInAt})::int`,
    })
    .from(gatheringRegistrations)
    .where(
      and(
        eq(gatheringRegistrations.gatheringId, gatheringId),
        eq(gatheringRegistrations.status, "confirmed"),
      ),
    );
  return { confirmed: row?.confirmed ?? 0, checkedIn: row?.checkedIn ?? 0 };
}

export type CheckInInput = { gatheringId: number } & (
  | { code: string; registrationId?: never }
  | { registrationId: number; code?: never }
);

export type CheckedIn = {
  registrationId: number;
  personId: number;
  /** The person was checked in before: said so, not refused. */
  already: boolean;
  at: Date;
};

/**
 * Check a participant in at the door, by the code from the QR code or typed, or from the list:
 * the whole gathering is marked present. Refused, each with its own sentence: a code that
 * cannot be one, a code of another gathering, an unknown code, a cancelled registration, one
 * without a confirmed seat, a closed gathering. A second check-in (two phones at the door) is
 * no error: the answer says when the person was checked in.
 */
export async function checkIn(
  db: Db,
  input: CheckInInput,
  actor: Actor,
): Promise<Outcome<CheckedIn>> {
  const field = input.code !== undefined ? "code" : "registration";
  const gathering = await gatheringById(db, input.gatheringId);
  if (!gathering) return refuse("gathering", "notFound");
  if (gathering.closedAt) return refuse(field, "gatheringClosed");
  let match: typeof gatheringRegistrations.$inferSelect | undefined;
  if (input.code !== undefined) {
    const code = readCheckInCode(input.code);
    if (!code) return refuse(field, input.code.trim() === "" ? "required" : "codeFormat");
    const found = await db
      .select()
      .from(gatheringRegistrations)
      .where(eq(gatheringRegistrations.checkInCode, code));
    match = found.find((r) => r.gatheringId === gathering.id);
    if (!match) return refuse(field, found.length > 0 ? "otherGathering" : "unknownCode");
  } else {
    [match] = await db
      .select()
      .from(gatheringRegistrations)
      .where(
        and(
          eq(gatheringRegistrations.id, input.registrationId),
          eq(gatheringRegistrations.gatheringId, gathering.id),
        ),
      );
    if (!match) return refuse(field, "unknownRegistration");
  }
  if (match.status === "cancelled") return refuse(field, "cancelledRegistration");
  if (match.status !== "confirmed") return refuse(field, "notConfirmed", { status: match.status });
  if (match.checkedInAt)
    return {
      ok: true,
      registrationId: match.id,
      personId: match.personId,
      already: true,
      at: match.checkedInAt,
    };
  return db.transaction(async (tx) => {
    // Only the first of two check-ins at the same moment sets the time.
    const [done] = await tx
      .update(gatheringRegistrations)
      .set({ checkedInAt: actor.now, checkedInBy: actor.personId })
      .where(
        and(
          eq(gatheringRegistrations.id, match.id),
          isNull(gatheringRegistrations.checkedInAt),
          eq(gatheringRegistrations.status, "confirmed"),
        ),
      )
      .returning({ id: gatheringRegistrations.id });
    if (!done) {
      const [now] = await tx
        .select()
        .from(gatheringRegistrations)
        .where(eq(gatheringRegistrations.id, match.id));
      if (now?.checkedInAt)
        return {
          ok: true as const,
          registrationId: match.id,
          personId: match.personId,
          already: true,
          at: now.checkedInAt,
        };
      return refuse(field, "cancelledRegistration");
    }
    const before = await setMark(tx, gathering.id, match.id, null, "present", actor);
    await recordAudit(tx, {
      at: actor.now,
      actorId: actor.personId,
      action: "gathering.check-in",
      entityType: "gathering",
      entityId: String(gathering.id),
      before: before ? { registration: match.id, status: before } : null,
      after: { registration: match.id, person: match.personId, status: "present" },
    });
    return {
      ok: true as const,
      registrationId: match.id,
      personId: match.personId,
      already: false,
      at: actor.now,
    };
  });
}

/** Record one mark; returns the mark it replaced, if any. */
async function setMark(
  tx: Executor,
  gatheringId: number,
  registrationId: number,
  sessionId: number | null,
  status: AttendanceStatus,
  actor: Actor,
): Promise<AttendanceStatus | null> {
  const where = and(
    eq(gatheringAttendance.registrationId, registrationId),
    sessionId === null
      ? isNull(gatheringAttendance.sessionId)
      : eq(gatheringAttendance.sessionId, sessionId),
  );
  const [old] = await tx.select().from(gatheringAttendance).where(where).for("update");
  if (old) {
    if (old.status !== status)
      await tx
        .update(gatheringAttendance)
        .set({ status, recordedAt: actor.now, recordedBy: actor.personId })
        .where(eq(gatheringAttendance.id, old.id));
    return old.status;
  }
  const [made] = await tx
    .insert(gatheringAttendance)
    .values({
      gatheringId,
      registrationId,
      sessionId,
      status,
      recordedAt: actor.now,
      recordedBy: actor.personId,
    })
    .onConflictDoNothing()
    .returning({ id: gatheringAttendance.id });
  // Someone else recorded the first mark at the same moment: this one is the newer word.
  if (!made) return setMark(tx, gatheringId, registrationId, sessionId, status, actor);
  return null;
}

/** The marks of the whole gathering (session null) or of one session, by registration. */
export async function attendanceOf(
  db: Executor,
  gatheringId: number,
  sessionId: number | null,
): Promise<Map<number, AttendanceStatus>> {
  const rows = await db
    .select({
      registrationId: gatheringAttendance.registrationId,
      status: gatheringAttendance.status,
    })
    .from(gatheringAttendance)
    .where(
      and(
        eq(gatheringAttendance.gatheringId, gatheringId),
        sessionId === null
          ? isNull(gatheringAttendance.sessionId)
          : eq(gatheringAttendance.sessionId, sessionId),
      ),
    );
  return new Map(rows.map((r) => [r.registrationId, r.status]));
}

export type Mark = {
  registrationId: number;
  status: AttendanceStatus;
  /** The mark the page showed when it was drawn: a row nobody changed on the page is not written. */
  was: AttendanceStatus | null;
};

/**
 * Mark attendance for the whole gathering or one session (not a break): present, absent or
 * excused, for participants with a confirmed seat. Only the rows changed on the page are
 * written, so two organisers marking different people at once do not undo each other.
 * Audited as one entry with each change.
 */
export async function markAttendance(
  db: Db,
  input: { gatheringId: number; sessionId: number | null; marks: Mark[] },
  actor: Actor,
): Promise<Outcome<{ changed: number }>> {
  const gathering = await gatheringById(db, input.gatheringId);
  if (!gathering) return refuse("gathering", "notFound");
  if (input.sessionId !== null) {
    const session = (await sessionsOf(db, gathering.id)).find((s) => s.id === input.sessionId);
    if (!session || session.kind === "break") return refuse("session", "unknownSession");
  }
  const changes = input.marks.filter((m) => m.status !== m.was);
  if (changes.length === 0) return { ok: true, changed: 0 };
  const ids = [...new Set(changes.map((m) => m.registrationId))];
  const confirmed = new Set(
    (
      await db
        .select({ id: gatheringRegistrations.id })
        .from(gatheringRegistrations)
        .where(
          and(
            eq(gatheringRegistrations.gatheringId, gathering.id),
            eq(gatheringRegistrations.status, "confirmed"),
            inArray(gatheringRegistrations.id, ids),
          ),
        )
    ).map((r) => r.id),
  );
  const errors: FieldErrors = {};
  for (const id of ids) if (!confirmed.has(id)) errors[`a-${id}`] = { code: "unknownRegistration" };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return db.transaction(async (tx) => {
    const done: { registration: number; from: AttendanceStatus | null; to: AttendanceStatus }[] =
      [];
    for (const m of changes) {
      const from = await setMark(
        tx,
        gathering.id,
        m.registrationId,
        input.sessionId,
        m.status,
        actor,
      );
      if (from !== m.status) done.push({ registration: m.registrationId, from, to: m.status });
    }
    if (done.length > 0)
      await recordAudit(tx, {
        at: actor.now,
        actorId: actor.personId,
        action: "gathering.attendance",
        entityType: "gathering",
        entityId: String(gathering.id),
        after: { session: input.sessionId, marks: done },
      });
    return { ok: true as const, changed: done.length };
  });
}

/** How many are marked present for the whole gathering: the closing form's suggestion. */
export async function countPresent(db: Executor, gatheringId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(gatheringAttendance)
    .innerJoin(
      gatheringRegistrations,
      eq(gatheringRegistrations.id, gatheringAttendance.registrationId),
    )
    .where(
      and(
        eq(gatheringAttendance.gatheringId, gatheringId),
        isNull(gatheringAttendance.sessionId),
        eq(gatheringAttendance.status, "present"),
        ne(gatheringRegistrations.status, "cancelled"),
      ),
    );
  return row?.n ?? 0;
}

/**
 * Close a gathering once it has begun: the minutes and the number present (the count from
 * attendance, which the organiser may correct). Registration is closed from then on. Closing
 * again updates the minutes and the number. Audited.
 */
export async function closeGathering(
  db: Db,
  input: { gatheringId: number; minutes: string; presentCount: string },
  actor: Actor,
): Promise<Outcome<{ first: boolean }>> {
  const minutes = input.minutes.trim();
  const errors: FieldErrors = {};
  if (minutes.length > closingLimits.minutes)
    errors.minutes = { code: "max", max: closingLimits.minutes };
  const raw = input.presentCount.trim();
  if (raw === "") errors.presentCount = { code: "required" };
  else if (!/^[0-9]{1,6}$/.test(raw) || Number(raw) > closingLimits.present)
    errors.presentCount = { code: "presentRange", max: closingLimits.present };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return db.transaction(async (tx) => {
    const g: Gathering | null = await lockGathering(tx, input.gatheringId);
    if (!g) return refuse("gathering", "notFound");
    if (actor.now < g.startsAt) return refuse("gathering", "notStarted");
    const first = g.closedAt === null;
    await tx
      .update(gatherings)
      .set({
        closedAt: g.closedAt ?? actor.now,
        closedBy: g.closedBy ?? actor.personId,
        minutes,
        presentCount: Number(raw),
      })
      .where(eq(gatherings.id, g.id));
    await recordAudit(tx, {
      at: actor.now,
      actorId: actor.personId,
      action: "gathering.close",
      entityType: "gathering",
      entityId: String(g.id),
      before: first ? null : { presentCount: g.presentCount },
      after: { presentCount: Number(raw) },
    });
    return { ok: true as const, first };
  });
}

/** The registrations that chose a session (one with a capacity: a chosen group). */
export async function choosersOf(db: Executor, sessionId: number): Promise<Set<number>> {
  const rows = await db
    .select({ id: registrationSessions.registrationId })
    .from(registrationSessions)
    .where(eq(registrationSessions.sessionId, sessionId));
  return new Set(rows.map((r) => r.id));
}
