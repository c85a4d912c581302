import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { osloToday } from "../../kernel/clock";
import {
  type Actor,
  type ChainResult,
  type Executor,
  effectiveState,
  event,
  fail,
  getCohort,
} from "./chain-core";
import { mailInvitee, nameBook } from "./chain-mail";
import { cohortInvitationEvents, cohortInvitations } from "./schema";

/**
 * The last manual reminder of each of these invitations sent today (Europe/Oslo), if any: an
 * office sends at most one manual reminder per invitation per day.
 */
export async function remindedToday(
  db: Executor,
  invitationIds: number[],
  now: Date,
): Promise<Map<number, Date>> {
  const found = new Map<number, Date>();
  if (invitationIds.length === 0) return found;
  const today = osloToday(now);
  const rows = await db
    .select({ id: cohortInvitationEvents.invitationId, at: cohortInvitationEvents.at })
    .from(cohortInvitationEvents)
    .where(
      and(
        inArray(cohortInvitationEvents.invitationId, invitationIds),
        eq(cohortInvitationEvents.event, "reminded"),
        // A day in Oslo is at most 25 hours long: look back two days, then compare dates.
        sql`${cohortInvitationEvents.at} > ${new Date(now.getTime() - 2 * 86_400_000).toISOString()}::timestamptz`,
      ),
    );
  for (const r of rows) {
    if (osloToday(r.at) !== today) continue;
    const before = found.get(r.id);
    if (!before || before < r.at) found.set(r.id, r.at);
  }
  return found;
}

/**
 * Remind open invitations by e-mail (one click from the office). At most one manual reminder
 * per invitation per day (Europe/Oslo); an invitation nobody in Samspill receives mail for is
 * not reminded (nothing would be sent). Reports what really happened: the invitations reminded
 * and the mails queued, those already reminded today, those with no one to send to.
 */
export async function remind(
  db: Db,
  input: { cohortId: number; officeId: string; invitationIds: number[] },
  actor: Actor,
): Promise<
  ChainResult<{
    reminded: number;
    mailed: number;
    alreadyToday: { inviteeId: string; at: Date }[];
    unreachable: string[];
  }>
> {
  const cohort = await getCohort(db, input.cohortId);
  if (!cohort || input.invitationIds.length === 0) return fail("notFound");
  const today = osloToday(actor.now);
  const names = nameBook();
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(cohortInvitations)
      .where(
        and(
          eq(cohortInvitations.cohortId, cohort.id),
          eq(cohortInvitations.officeId, input.officeId),
          inArray(cohortInvitations.id, input.invitationIds),
          eq(cohortInvitations.state, "invited"),
        ),
      )
      // An answer being stored at this moment wins: its invitation is then not reminded. The
      // lock also makes a second reminder sent at the same moment wait, and then see the first.
      .for("update");
    const sentToday = await remindedToday(
      tx,
      rows.map((r) => r.id),
      actor.now,
    );
    let reminded = 0;
    let mailed = 0;
    const alreadyToday: { inviteeId: string; at: Date }[] = [];
    const unreachable: string[] = [];
    for (const inv of rows) {
      if (effectiveState(inv, today) !== "invited") continue;
      const at = sentToday.get(inv.id);
      if (at) {
        alreadyToday.push({ inviteeId: inv.inviteeId, at });
        continue;
      }
      const count = inv.remindersSent + 1;
      const n = await mailInvitee(
        tx,
        inv,
        cohort,
        "reminder",
        actor,
        `cohort-reminder:${inv.id}:${count}`,
        { names },
      );
      if (n === 0) {
        unreachable.push(inv.inviteeId);
        continue;
      }
      await tx
        .update(cohortInvitations)
        // No new version: a reminder changes nothing the invitee answers to, so a form they
        // have open stays valid.
        .set({ lastRemindedAt: actor.now, remindersSent: count })
        .where(eq(cohortInvitations.id, inv.id));
      await event(tx, inv, {
        event: "reminded",
        at: actor.now,
        actorId: actor.personId,
        detail: { count, recipients: n },
      });
      reminded++;
      mailed += n;
    }
    return { ok: true as const, reminded, mailed, alreadyToday, unreachable };
  });
}
