import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { osloToday } from "../../kernel/clock";
import {
  type Actor,
  type ChainResult,
  effectiveState,
  event,
  fail,
  invitationById,
} from "./chain-core";
import { cohortEnrolments, cohortInvitations, type InvitationState } from "./schema";

/**
 * Accept (with the commitments) or decline (with a reason) an open invitation before its
 * deadline. The update is conditional on the state and on the version the person saw, so of two
 * answers sent at once exactly one is stored; the other is told what happened.
 */
export async function answerInvitation(
  db: Db,
  input: {
    invitationId: number;
    answer: "accept" | "decline";
    commitments: boolean;
    reason: string;
    /** The version the form was drawn from. */
    version: number;
  },
  actor: Actor,
): Promise<ChainResult<{ state: InvitationState }>> {
  const today = osloToday(actor.now);
  if (input.answer === "accept" && !input.commitments)
    return fail("commitmentsRequired", "commitments");
  if (input.answer === "decline" && !input.reason.trim()) return fail("reasonRequired", "reason");
  return db.transaction(async (tx) => {
    const inv = await invitationById(tx, input.invitationId);
    if (!inv) return fail("notFound");
    if (inv.state === "accepted" || inv.state === "declined") {
      return fail("alreadyAnswered", "answer", { state: inv.state, at: inv.answeredAt });
    }
    if (effectiveState(inv, today) === "expired") {
      return fail("deadlinePassed", "answer", { deadline: inv.deadline });
    }
    const state: InvitationState = input.answer === "accept" ? "accepted" : "declined";
    const [row] = await tx
      .update(cohortInvitations)
      .set({
        state,
        answeredAt: actor.now,
        answeredBy: actor.personId,
        declineReason: state === "declined" ? input.reason.trim() : null,
        commitmentsAcceptedAt: state === "accepted" ? actor.now : null,
        version: sql`${cohortInvitations.version} + 1`,
      })
      .where(
        and(
          eq(cohortInvitations.id, inv.id),
          eq(cohortInvitations.state, "invited"),
          eq(cohortInvitations.version, input.version),
        ),
      )
      .returning();
    if (!row) {
      const now = await invitationById(tx, inv.id);
      return now && (now.state === "accepted" || now.state === "declined")
        ? fail("alreadyAnswered", "answer", { state: now.state, at: now.answeredAt })
        : fail("changedMeanwhile", "answer");
    }
    await event(tx, row, {
      event: state,
      at: actor.now,
      actorId: actor.personId,
      from: "invited",
      to: state,
      detail: state === "declined" ? { reason: input.reason.trim() } : { commitments: true },
    });
    // A private unit that says yes takes part itself (unless its municipality enrolled it already).
    if (state === "accepted" && row.inviteeKind === "unit") {
      await tx
        .insert(cohortEnrolments)
        .values({
          cohortId: row.cohortId,
          invitationId: row.id,
          unitOrgNumber: row.inviteeId,
          enrolledAt: actor.now,
          enrolledBy: actor.personId,
        })
        .onConflictDoNothing();
    }
    return { ok: true as const, state };
  });
}
