import { and, asc, count, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { enqueueMail } from "../../kernel/mail-jobs";
import { getPerson } from "../identity";
import { writtenStandardOf } from "../organisations";
import type { Actor, Gathering } from "./gatherings";
import { offerLetter } from "./mail-texts";
import {
  gatheringRegistrations,
  gatheringSessions,
  gatherings,
  registrationSessions,
} from "./schema";

const HOUR = 3_600_000;

/**
 * Offer every free seat to the first waiting, in queue order, each with a time limit to confirm
 * and an e-mail saying so. Called with the gathering row locked (`lockGathering`) after every
 * change that can free a seat: a cancellation, an expired offer, a larger capacity. Because the
 * lock is held and the count is made inside it, a freed seat is offered exactly once. Nothing
 * is offered once the gathering has started. Returns the registrations offered.
 */
export async function fillFreeSeats(tx: Tx, gathering: Gathering, actor: Actor): Promise<number[]> {
  if (actor.now >= gathering.startsAt) return [];
  // The caller holds the row's lock: these are its latest values, its own changes included.
  const [row] = await tx
    .select({ capacity: gatherings.capacity, seatsHeld: gatherings.seatsHeld })
    .from(gatherings)
    .where(eq(gatherings.id, gathering.id));
  const free = row!.capacity - row!.seatsHeld;
  if (free <= 0) return [];
  const next = await tx
    .select()
    .from(gatheringRegistrations)
    .where(
      and(
        eq(gatheringRegistrations.gatheringId, gathering.id),
        eq(gatheringRegistrations.status, "waiting"),
      ),
    )
    .orderBy(asc(gatheringRegistrations.queueNumber))
    .limit(free)
    .for("update");
  if (next.length === 0) return [];
  // The offer stands for the gathering's own time limit, and never past its start.
  const until = new Date(
    Math.min(actor.now.getTime() + gathering.offerHours * HOUR, gathering.startsAt.getTime()),
  );
  const ids = next.map((r) => r.id);
  await tx
    .update(gatheringRegistrations)
    .set({ status: "offered", offeredAt: actor.now, offeredUntil: until })
    .where(
      and(inArray(gatheringRegistrations.id, ids), eq(gatheringRegistrations.status, "waiting")),
    );
  await tx
    .update(gatherings)
    .set({
      seatsHeld: sql`${gatherings.seatsHeld} + ${ids.length}`,
      waitingCount: sql`${gatherings.waitingCount} - ${ids.length}`,
    })
    .where(eq(gatherings.id, gathering.id));
  await dropFullSessionWishes(tx, gathering.id, ids);
  for (const r of next) {
    const person = await getPerson(tx, r.personId);
    if (!person?.email) continue;
    const standard = r.municipalityCode
      ? await writtenStandardOf(tx, "municipality", r.municipalityCode)
      : "nb";
    const letter = offerLetter(standard, {
      title: standard === "nn" ? gathering.titleNn : gathering.titleNb,
      startsAt: gathering.startsAt,
      until,
      link: `${actor.baseUrl}/${standard}/samlinger/${gathering.id}`,
    });
    await enqueueMail(
      tx,
      { to: person.email, subject: letter.subject, text: letter.text },
      { idempotencyKey: `gathering-offer:${r.id}:${actor.now.getTime()}`, now: actor.now },
    );
  }
  return ids;
}

/**
 * A waiting person's session choices are wishes: sessions with a capacity count only seats that
 * are held. When people are offered seats, a wish for a session that has filled meanwhile is
 * dropped, in queue order (the page then shows the sessions the person has).
 */
async function dropFullSessionWishes(tx: Tx, gatheringId: number, offered: number[]) {
  const wishes = await tx
    .select({
      registrationId: registrationSessions.registrationId,
      sessionId: registrationSessions.sessionId,
      queueNumber: gatheringRegistrations.queueNumber,
    })
    .from(registrationSessions)
    .innerJoin(
      gatheringRegistrations,
      eq(gatheringRegistrations.id, registrationSessions.registrationId),
    )
    .where(inArray(registrationSessions.registrationId, offered))
    .orderBy(asc(gatheringRegistrations.queueNumber));
  if (wishes.length === 0) return;
  const sessions = await tx
    .select({ id: gatheringSessions.id, capacity: gatheringSessions.capacity })
    .from(gatheringSessions)
    .where(eq(gatheringSessions.gatheringId, gatheringId));
  const capacity = new Map(sessions.map((s) => [s.id, s.capacity]));
  // Places held by those who held a seat before this offer.
  const held = await tx
    .select({ sessionId: registrationSessions.sessionId, n: count() })
    .from(registrationSessions)
    .innerJoin(
      gatheringRegistrations,
      eq(gatheringRegistrations.id, registrationSessions.registrationId),
    )
    .where(
      and(
        eq(gatheringRegistrations.gatheringId, gatheringId),
        inArray(gatheringRegistrations.status, ["confirmed", "offered"]),
        notInArray(gatheringRegistrations.id, offered),
      ),
    )
    .groupBy(registrationSessions.sessionId);
  const tally = new Map(held.map((h) => [h.sessionId, h.n]));
  for (const w of wishes) {
    const cap = capacity.get(w.sessionId);
    if (cap === null || cap === undefined) continue;
    const n = tally.get(w.sessionId) ?? 0;
    if (n < cap) {
      tally.set(w.sessionId, n + 1);
      continue;
    }
    await tx
      .delete(registrationSessions)
      .where(
        and(
          eq(registrationSessions.registrationId, w.registrationId),
          eq(registrationSessions.sessionId, w.sessionId),
        ),
      );
  }
}
