import { and, asc, count, eq, inArray, lt, lte, ne, sql } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { type Outcome, RefusedInside, refuse } from "../../kernel/result";
import { placesTakingPart } from "../cohorts";
import { activeRoles } from "../identity";
import { municipalitiesOfUnits } from "../organisations";
import {
  type Actor,
  type Gathering,
  gatheringById,
  gatheringLimits,
  lockGathering,
  type Session,
  sessionSeatsTaken,
  sessionsOf,
} from "./gatherings";
import {
  gatheringRegistrations,
  gatherings,
  type RegistrationStatus,
  registrationNeeds,
  registrationSessions,
} from "./schema";
import { fillFreeSeats } from "./seats";
import { placedInLine, seatConfirmed } from "./ticket";
import {
  admits,
  cohortQuestion,
  type Place,
  passesRoleAndMunicipality,
  placesFrom,
  type RoleOf,
} from "./who-may-register";

export type Registration = typeof gatheringRegistrations.$inferSelect;
export type { Place, RoleOf } from "./who-may-register";

/**
 * The person's places. `roles`: the person's active roles when the caller has just read them
 * (the signed-in person's, read with the session), to spare a read in the rush.
 */
export async function placesOf(db: Db, personId: number, roles?: RoleOf[]): Promise<Place[]> {
  roles ??= await activeRoles(db, personId);
  const unitNumbers = roles.filter((r) => r.orgKind === "unit").map((r) => r.orgId);
  return placesFrom(roles, await municipalitiesOfUnits(db, unitNumbers));
}

/**
 * The first of the person's places the gathering admits, or null (the rule: `admits` in
 * who-may-register.ts). Cohort participation is asked of the cohorts module once, for the
 * places that pass the role and municipality lists.
 */
export async function admittedPlace(
  db: Db,
  gathering: Pick<Gathering, "allowedCohorts" | "allowedMunicipalities" | "allowedRoles">,
  places: Place[],
  preferUnit?: string,
): Promise<Place | null> {
  const ordered = (
    preferUnit
      ? [...places].sort(
          (a, b) => Number(b.unitOrgNumber === preferUnit) - Number(a.unitOrgNumber === preferUnit),
        )
      : places
  ).filter((p) => passesRoleAndMunicipality(gathering, p));
  if (ordered.length === 0) return null;
  const taking =
    gathering.allowedCohorts.length > 0
      ? await placesTakingPart(db, gathering.allowedCohorts, cohortQuestion(ordered))
      : null;
  return ordered.find((p) => admits(gathering, p, taking)) ?? null;
}

/** Two sessions overlap when one starts before the other ends. */
export function overlapping(a: Pick<Session, "startsAt" | "endsAt">, b: typeof a): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

export type RegisterInput = {
  gatheringId: number;
  /** Who is registered: the actor, or a member of staff of the actor's unit. */
  personId: number;
  /** Chosen sessions (those with a capacity); others are for everyone registered. */
  sessionIds: number[];
  needs?: { dietary: string; accessibility: string };
  /** The unit to register from, when the person works in several. */
  unitOrgNumber?: string;
};

export type Registered = {
  registrationId: number;
  status: "confirmed" | "waiting";
  /** Place on the waiting list (1 first) when waiting. */
  position: number | null;
  queueNumber: number;
};

/** May `actor` register `personId`? Themselves, or as unit leader a person of the same unit. */
async function actsFor(db: Db, actorId: number | null, personId: number): Promise<boolean> {
  if (actorId === personId) return true;
  if (actorId === null) return false;
  const led = new Set(
    (await activeRoles(db, actorId))
      .filter((r) => r.orgKind === "unit" && r.role === "unit-leader")
      .map((r) => r.orgId),
  );
  return (await activeRoles(db, personId)).some((r) => r.orgKind === "unit" && led.has(r.orgId));
}

/**
 * Register for a gathering: a seat while seats remain, else a place on the waiting list in the
 * order registrations came (the answer says which, and the place in line). Refused: outside
 * the registration window, a second registration, someone the gathering does not admit, two
 * sessions at the same time, a chosen session that is full. The seat is taken with the
 * gathering row locked, so seats are never over-booked and queue numbers never repeat.
 */
export async function register(
  db: Db,
  input: RegisterInput,
  actor: Actor & { roles?: RoleOf[] },
): Promise<Outcome<Registered>> {
  const gathering = await gatheringById(db, input.gatheringId);
  if (!gathering) return refuse("gathering", "notFound");
  if (!(await actsFor(db, actor.personId, input.personId)))
    return refuse("gathering", "notAllowed");
  const place = await admittedPlace(
    db,
    gathering,
    await placesOf(db, input.personId, input.personId === actor.personId ? actor.roles : undefined),
    input.unitOrgNumber,
  );
  if (!place) return refuse("gathering", "notAllowed");
  const needs = input.needs ?? { dietary: "", accessibility: "" };
  needs.dietary = needs.dietary.trim();
  needs.accessibility = needs.accessibility.trim();
  if (needs.dietary.length > gatheringLimits.needs)
    return refuse("dietary", "max", { max: gatheringLimits.needs });
  if (needs.accessibility.length > gatheringLimits.needs)
    return refuse("accessibility", "max", { max: gatheringLimits.needs });
  const sessionIds = [...new Set(input.sessionIds)];
  let chosen: Session[] = [];
  if (sessionIds.length > 0) {
    const agenda = await sessionsOf(db, gathering.id);
    chosen = agenda.filter((s) => sessionIds.includes(s.id));
    if (chosen.length !== sessionIds.length || chosen.some((s) => s.capacity === null))
      return refuse("sessions", "unknownSession");
    for (let i = 0; i < chosen.length; i++)
      for (let j = i + 1; j < chosen.length; j++)
        if (overlapping(chosen[i]!, chosen[j]!)) return refuse("sessions", "overlap");
  }

  // A second registration of the same person (a second click, or two at the same instant)
  // meets the unique index on insert: its transaction, queue number and seat are undone.
  try {
    return await db.transaction(async (tx) => {
      // One statement locks the gathering, hands out the next queue number, takes a seat — or
      // a place in line when the seats are held or anyone waits (nobody waits while a seat is
      // free: every freed seat is offered at once) — and inserts the registration with its
      // sessions and needs. PostgreSQL re-reads the row's latest version once it has waited for
      // the lock, so the decision is made on the latest counts; and the lock is held for as few
      // round trips as can be (on PostgreSQL each is a wait for everyone in line).
      const now = actor.now.toISOString();
      const parts = [
        sql`with g as (
          update ${gatherings} set
            last_queue_number = last_queue_number + 1,
            seats_held = case when seats_held < capacity and waiting_count = 0
              then seats_held + 1 else seats_held end,
            waiting_count = case when seats_held < capacity and waiting_count = 0
              then waiting_count else waiting_count + 1 end
          where id = ${gathering.id}
            and registration_opens_at <= ${now}::timestamptz
            and registration_closes_at > ${now}::timestamptz
            and closed_at is null
          returning last_queue_number as queue_number, waiting_count
        ), r as (
          insert into ${gatheringRegistrations}
            (gathering_id, person_id, unit_org_number, municipality_code, status, queue_number,
             confirmed_at, created_at, created_by)
          select ${gathering.id}, ${input.personId}, ${place.unitOrgNumber},
            ${place.municipalityCode},
            case when g.waiting_count = 0 then 'confirmed' else 'waiting' end, g.queue_number,
            case when g.waiting_count = 0 then ${now}::timestamptz end, ${now}::timestamptz,
            ${actor.personId}
          from g
          returning id
        )`,
      ];
      if (chosen.length > 0)
        parts.push(sql`, s as (
          insert into ${registrationSessions} (registration_id, session_id)
          select r.id, x from r, unnest(${`{${chosen.map((c) => c.id).join(",")}}`}::int[]) as x
        )`);
      if (needs.dietary !== "" || needs.accessibility !== "")
        parts.push(sql`, n as (
          insert into ${registrationNeeds} (registration_id, dietary, accessibility, recorded_at)
          select r.id, ${needs.dietary}, ${needs.accessibility}, ${now}::timestamptz from r
        )`);
      parts.push(sql` select r.id, g.queue_number, g.waiting_count from r, g`);
      const result = await tx.execute(sql.join(parts));
      const [row] = (
        result as unknown as {
          rows: {
            id: number | string;
            queue_number: number | string;
            waiting_count: number | string;
          }[];
        }
      ).rows;
      if (!row) {
        throw new RefusedInside(
          refuse("gathering", actor.now < gathering.registrationOpensAt ? "notOpenYet" : "closed"),
        );
      }
      const registrationId = Number(row.id);
      const g = { queueNumber: Number(row.queue_number), waitingCount: Number(row.waiting_count) };
      const status = g.waitingCount === 0 ? ("confirmed" as const) : ("waiting" as const);
      if (status === "confirmed" && chosen.length > 0) {
        // With the lock held: the places now taken in each chosen session, this one's included.
        const taken = await sessionSeatsTaken(
          tx,
          chosen.map((s) => s.id),
        );
        const full = chosen.find((s) => (taken.get(s.id) ?? 0) > s.capacity!);
        if (full)
          throw new RefusedInside(refuse("sessions", "sessionFull", { session: full.titleNb }));
      }
      // The check-in code, and the job that mails the confirmation (code, .ics, QR) or the
      // place in line once this transaction has let go of the lock (decision 0026).
      if (status === "confirmed") await seatConfirmed(tx, gathering, registrationId, actor);
      else await placedInLine(tx, registrationId, actor);
      return {
        ok: true as const,
        registrationId,
        status,
        // The one who just joined the line is last in it.
        position: status === "waiting" ? g.waitingCount : null,
        queueNumber: g.queueNumber,
      };
    });
  } catch (error) {
    // Everything the transaction did is undone, the seat or the place in line included.
    if (error instanceof RefusedInside) return error.refusal;
    if (isUniqueViolation(error)) {
      const found = await registrationOf(db, gathering.id, input.personId);
      return refuse("gathering", "already", { status: found?.status ?? "confirmed" });
    }
    throw error;
  }
}

/** A unique index refused the row (the same person registering twice at the same instant). */
function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/** A person's registration for a gathering that is not cancelled, or null. */
export async function registrationOf(
  db: Executor,
  gatheringId: number,
  personId: number,
): Promise<Registration | null> {
  const [row] = await db
    .select()
    .from(gatheringRegistrations)
    .where(
      and(
        eq(gatheringRegistrations.gatheringId, gatheringId),
        eq(gatheringRegistrations.personId, personId),
        ne(gatheringRegistrations.status, "cancelled"),
      ),
    );
  return row ?? null;
}

/** Place on the waiting list (1 first) of a waiting registration. */
export async function waitingPosition(db: Executor, r: Registration): Promise<number | null> {
  if (r.status !== "waiting") return null;
  const [row] = await db
    .select({ n: count() })
    .from(gatheringRegistrations)
    .where(
      and(
        eq(gatheringRegistrations.gatheringId, r.gatheringId),
        eq(gatheringRegistrations.status, "waiting"),
        lte(gatheringRegistrations.queueNumber, r.queueNumber),
      ),
    );
  return row?.n ?? null;
}

/** The sessions a registration chose. */
export async function chosenSessions(db: Executor, registrationId: number): Promise<number[]> {
  const rows = await db
    .select({ id: registrationSessions.sessionId })
    .from(registrationSessions)
    .where(eq(registrationSessions.registrationId, registrationId));
  return rows.map((r) => r.id);
}

/** Lock a registration with its gathering (gathering first, always: one order, no deadlock). */
async function lockRegistration(
  tx: Parameters<Parameters<Db["transaction"]>[0]>[0],
  registrationId: number,
) {
  const [peek] = await tx
    .select({ gatheringId: gatheringRegistrations.gatheringId })
    .from(gatheringRegistrations)
    .where(eq(gatheringRegistrations.id, registrationId));
  if (!peek) return null;
  const gathering = (await lockGathering(tx, peek.gatheringId))!;
  const [registration] = await tx
    .select()
    .from(gatheringRegistrations)
    .where(eq(gatheringRegistrations.id, registrationId))
    .for("update");
  return { gathering, registration: registration! };
}

export type Cancelled = {
  /** The status the registration had (a repeated click finds it cancelled already). */
  was: RegistrationStatus;
  /** Registrations offered the freed seat. */
  offered: number[];
};

/**
 * Cancel a registration (the person's own, or the organiser's act): a held seat is offered to
 * the first waiting at once, in the same transaction, so one cancellation gives one offer. A
 * second click finds it cancelled and changes nothing. Not once the gathering has started.
 */
export async function cancelRegistration(
  db: Db,
  input: { registrationId: number; byOrganiser?: boolean },
  actor: Actor,
): Promise<Outcome<Cancelled>> {
  return db.transaction(async (tx) => {
    const locked = await lockRegistration(tx, input.registrationId);
    if (!locked) return refuse("registration", "notFound");
    const { gathering, registration } = locked;
    if (!input.byOrganiser && registration.personId !== actor.personId)
      return refuse("registration", "notFound");
    if (registration.status === "cancelled")
      return { ok: true as const, was: "cancelled" as const, offered: [] };
    if (actor.now >= gathering.startsAt) return refuse("registration", "started");
    await tx
      .update(gatheringRegistrations)
      .set({
        status: "cancelled",
        cancelledAt: actor.now,
        cancelReason: input.byOrganiser ? "organiser" : "participant",
      })
      .where(eq(gatheringRegistrations.id, registration.id));
    await tx
      .update(gatherings)
      .set(
        registration.status === "waiting"
          ? { waitingCount: sql`${gatherings.waitingCount} - 1` }
          : { seatsHeld: sql`${gatherings.seatsHeld} - 1` },
      )
      .where(eq(gatherings.id, gathering.id));
    await tx.delete(registrationNeeds).where(eq(registrationNeeds.registrationId, registration.id));
    const offered =
      registration.status === "waiting" ? [] : await fillFreeSeats(tx, gathering, actor);
    return { ok: true as const, was: registration.status, offered };
  });
}

/**
 * Confirm a seat offered from the waiting list, before the offer's time limit. A second click
 * finds it confirmed. After the limit the offer has lapsed: it is cancelled and passed on here
 * (if the job has not done so already), and the person is told.
 */
export async function confirmOffer(
  db: Db,
  input: { registrationId: number },
  actor: Actor,
): Promise<Outcome<{ repeated: boolean }>> {
  return db.transaction(async (tx) => {
    const locked = await lockRegistration(tx, input.registrationId);
    if (!locked || locked.registration.personId !== actor.personId)
      return refuse("registration", "notFound");
    const { gathering, registration } = locked;
    if (registration.status === "confirmed") return { ok: true as const, repeated: true };
    if (registration.status === "waiting") return refuse("registration", "notOffered");
    if (registration.status === "cancelled")
      return refuse(
        "registration",
        registration.cancelReason === "offer-expired" ? "offerExpired" : "cancelledAlready",
      );
    if (registration.offeredUntil && actor.now >= registration.offeredUntil) {
      await lapse(tx, gathering, [registration.id], actor);
      return { ok: false as const, errors: { registration: { code: "offerExpired" } } };
    }
    await tx
      .update(gatheringRegistrations)
      .set({ status: "confirmed", confirmedAt: actor.now })
      .where(eq(gatheringRegistrations.id, registration.id));
    await seatConfirmed(tx, gathering, registration.id, actor, "offer-confirmed");
    return { ok: true as const, repeated: false };
  });
}

/** Cancel lapsed offers and pass their seats on (gathering locked by the caller). */
async function lapse(
  tx: Parameters<Parameters<Db["transaction"]>[0]>[0],
  gathering: Gathering,
  ids: number[],
  actor: Actor,
) {
  const lapsed = await tx
    .update(gatheringRegistrations)
    .set({ status: "cancelled", cancelledAt: actor.now, cancelReason: "offer-expired" })
    .where(
      and(inArray(gatheringRegistrations.id, ids), eq(gatheringRegistrations.status, "offered")),
    )
    .returning({ id: gatheringRegistrations.id });
  await tx
    .update(gatherings)
    .set({ seatsHeld: sql`${gatherings.seatsHeld} - ${lapsed.length}` })
    .where(eq(gatherings.id, gathering.id));
  await tx.delete(registrationNeeds).where(inArray(registrationNeeds.registrationId, ids));
  return fillFreeSeats(tx, gathering, actor);
}

/**
 * The job: offers not confirmed by their time limit lapse and pass to the next waiting. Each
 * gathering is handled under its lock, so a lapse and a confirmation or cancellation at the
 * same moment are one after the other, and each offer lapses once. Returns lapsed and offered.
 */
export async function expireOffers(db: Db, actor: Actor) {
  const due = await db
    .selectDistinct({ gatheringId: gatheringRegistrations.gatheringId })
    .from(gatheringRegistrations)
    .where(
      and(
        eq(gatheringRegistrations.status, "offered"),
        lte(gatheringRegistrations.offeredUntil, actor.now),
      ),
    );
  let lapsed = 0;
  let offered = 0;
  for (const { gatheringId } of due) {
    await db.transaction(async (tx) => {
      const gathering = (await lockGathering(tx, gatheringId))!;
      const rows = await tx
        .select({ id: gatheringRegistrations.id })
        .from(gatheringRegistrations)
        .where(
          and(
            eq(gatheringRegistrations.gatheringId, gatheringId),
            eq(gatheringRegistrations.status, "offered"),
            lte(gatheringRegistrations.offeredUntil, actor.now),
          ),
        )
        .for("update");
      if (rows.length === 0) return;
      lapsed += rows.length;
      offered += (
        await lapse(
          tx,
          gathering,
          rows.map((r) => r.id),
          actor,
        )
      ).length;
    });
  }
  return { lapsed, offered };
}

/**
 * The job: dietary and accessibility needs are deleted once a gathering has ended; the
 * gathering notes when. Returns how many gatherings had theirs deleted.
 */
export async function deleteNeedsAfterGatherings(db: Db, now: Date): Promise<number> {
  const ended = await db
    .select({ id: gatherings.id })
    .from(gatherings)
    .where(and(lt(gatherings.endsAt, now), sql`${gatherings.needsDeletedAt} is null`));
  for (const { id } of ended) {
    await db.transaction(async (tx) => {
      await tx
        .delete(registrationNeeds)
        .where(
          inArray(
            registrationNeeds.registrationId,
            tx
              .select({ id: gatheringRegistrations.id })
              .from(gatheringRegistrations)
              .where(eq(gatheringRegistrations.gatheringId, id)),
          ),
        );
      await tx.update(gatherings).set({ needsDeletedAt: now }).where(eq(gatherings.id, id));
    });
  }
  return ended.length;
}

/** The waiting list in order (for the organiser and the tests). */
export async function waitingList(db: Executor, gatheringId: number) {
  return db
    .select()
    .from(gatheringRegistrations)
    .where(
      and(
        eq(gatheringRegistrations.gatheringId, gatheringId),
        eq(gatheringRegistrations.status, "waiting"),
      ),
    )
    .orderBy(asc(gatheringRegistrations.queueNumber));
}

/**
 * The gatherings a person sees: those not yet over that admit one of the person's places, and
 * those the person is registered for, each with the person's registration (if any) and, when
 * waiting, the place in line. In time order.
 */
export async function gatheringsFor(db: Db, personId: number, now: Date) {
  const upcoming = await db
    .select()
    .from(gatherings)
    .where(sql`${gatherings.endsAt} > ${now}`)
    .orderBy(asc(gatherings.startsAt));
  if (upcoming.length === 0) return [];
  const mine = await db
    .select()
    .from(gatheringRegistrations)
    .where(
      and(
        eq(gatheringRegistrations.personId, personId),
        ne(gatheringRegistrations.status, "cancelled"),
        inArray(
          gatheringRegistrations.gatheringId,
          upcoming.map((g) => g.id),
        ),
      ),
    );
  const places = await placesOf(db, personId);
  const out = [];
  for (const gathering of upcoming) {
    const registration = mine.find((r) => r.gatheringId === gathering.id) ?? null;
    if (!registration && !(await admittedPlace(db, gathering, places))) continue;
    const position = registration ? await waitingPosition(db, registration) : null;
    out.push({ gathering, registration, position });
  }
  return out;
}

export async function registrationById(db: Executor, id: number): Promise<Registration | null> {
  const [row] = await db
    .select()
    .from(gatheringRegistrations)
    .where(eq(gatheringRegistrations.id, id));
  return row ?? null;
}
