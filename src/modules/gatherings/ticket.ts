import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor, Tx } from "../../db/client";
import { newCheckInCode } from "../../kernel/check-in-code";
import { enqueue } from "../../kernel/jobs";
import { writtenStandardOf } from "../organisations";
import type { Actor, Gathering } from "./gatherings";
import { gatheringRegistrations } from "./schema";

/**
 * The written standard of the place a person registered from: the unit's, else the
 * municipality's, else bokmål (as the chain's mail chooses).
 */
export async function standardOfPlace(
  db: Executor,
  place: { unitOrgNumber: string | null; municipalityCode: string | null },
): Promise<"nb" | "nn"> {
  if (place.unitOrgNumber) return writtenStandardOf(db, "unit", place.unitOrgNumber);
  if (place.municipalityCode) return writtenStandardOf(db, "municipality", place.municipalityCode);
  return "nb";
}

/**
 * The participant's mail about a registration (decision 0026): a job queued in the
 * registration's transaction, done by the job loop once the gathering's lock is let go
 * (ticket-job.ts builds the mail from the stored rows). `confirmed`: a registration that got a
 * seat; `offer-confirmed`: an offered seat confirmed; `waiting`: a place in line.
 */
export const TICKET_JOB = "gathering.ticket";
export const TICKET_EVENTS = ["confirmed", "offer-confirmed", "waiting"] as const;
export type TicketEvent = (typeof TICKET_EVENTS)[number];

/** Queue the ticket job, once per registration and event. */
export function queueTicket(tx: Executor, registrationId: number, event: TicketEvent, now: Date) {
  return enqueue(tx, {
    kind: TICKET_JOB,
    payload: { registrationId, event },
    idempotencyKey: `gathering-ticket:${registrationId}:${event}`,
    runAt: now,
  });
}

/**
 * Give a registration its check-in code, one no other registration of the gathering has, in one
 * statement (a conditional update; the unique index backs it). A registration that has a code
 * keeps it. The caller holds the gathering's lock; a clash (one in a trillion per pair) draws
 * again.
 */
async function giveCheckInCode(tx: Tx, gatheringId: number, registrationId: number) {
  for (;;) {
    const code = newCheckInCode();
    const given = await tx
      .update(gatheringRegistrations)
      .set({ checkInCode: code })
      .where(
        and(
          eq(gatheringRegistrations.id, registrationId),
          isNull(gatheringRegistrations.checkInCode),
          sql`not exists (select 1 from ${gatheringRegistrations} o
            where o.gathering_id = ${gatheringId} and o.check_in_code = ${code})`,
        ),
      )
      .returning({ id: gatheringRegistrations.id });
    if (given.length > 0) return;
    const [r] = await tx
      .select({ code: gatheringRegistrations.checkInCode })
      .from(gatheringRegistrations)
      .where(eq(gatheringRegistrations.id, registrationId));
    if (!r || r.code !== null) return;
  }
}

/**
 * A seat is confirmed (a registration that got one, or an offered seat confirmed): the
 * registration gets its check-in code, and the job that mails the confirmation (code, QR, .ics)
 * is queued, both in the caller's transaction. Called with the gathering locked: nothing here
 * builds the mail.
 */
export async function seatConfirmed(
  tx: Tx,
  gathering: Gathering,
  registrationId: number,
  actor: Actor,
  event: "confirmed" | "offer-confirmed" = "confirmed",
): Promise<void> {
  await giveCheckInCode(tx, gathering.id, registrationId);
  await queueTicket(tx, registrationId, event, actor.now);
}

/** A registration went on the waiting list: the job tells the person the place in line. */
export async function placedInLine(tx: Tx, registrationId: number, actor: Actor): Promise<void> {
  await queueTicket(tx, registrationId, "waiting", actor.now);
}
