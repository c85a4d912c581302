import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { osloToday } from "../../kernel/clock";
import {
  type Actor,
  type ChainResult,
  effectiveState,
  event,
  fail,
  getCohort,
  inReminderWindow,
  invitationById,
} from "./chain-core";
import { mailInvitee } from "./chain-mail";
import { cohortInvitations } from "./schema";

/**
 * A new, later deadline for one invitee, with a reason. An invitation that expired opens again.
 */
export async function extendDeadline(
  db: Db,
  input: { invitationId: number; officeId: string; deadline: string; reason: string },
  actor: Actor,
): Promise<ChainResult<{ mailed: number }>> {
  const today = osloToday(actor.now);
  if (!input.reason.trim()) return fail("reasonRequired", "reason");
  return db.transaction(async (tx) => {
    const inv = await invitationById(tx, input.invitationId, true);
    if (!inv || inv.officeId !== input.officeId) return fail("notFound");
    const cohort = (await getCohort(tx, inv.cohortId))!;
    const state = effectiveState(inv, today);
    if (state === "accepted" || state === "declined") return fail("alreadyAnswered");
    if (input.deadline <= inv.deadline) return fail("deadlineNotLater", "deadline");
    if (input.deadline < today) return fail("deadlineInPast", "deadline");
    if (input.deadline > cohort.startsOn) return fail("deadlineAfterStart", "deadline");
    const updated = { ...inv, state: "invited" as const, deadline: input.deadline };
    await tx
      .update(cohortInvitations)
      .set({
        state: "invited",
        deadline: input.deadline,
        // The extension's own mail is the reminder when the new deadline is already close.
        autoRemindedFor: inReminderWindow(cohort, input.deadline, today)
          ? input.deadline
          : inv.autoRemindedFor,
        version: sql`${cohortInvitations.version} + 1`,
      })
      .where(eq(cohortInvitations.id, inv.id));
    await event(tx, inv, {
      event: "extended",
      at: actor.now,
      actorId: actor.personId,
      from: inv.state,
      to: "invited",
      detail: { before: inv.deadline, after: input.deadline, reason: input.reason.trim() },
    });
    const mailed = await mailInvitee(
      tx,
      updated,
      cohort,
      "extended",
      actor,
      `cohort-extended:${inv.id}:${input.deadline}`,
      { reason: input.reason.trim() },
    );
    return { ok: true as const, mailed };
  });
}
