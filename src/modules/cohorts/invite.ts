import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { guardFreeText } from "../../kernel/child-guard-forms";
import { addDays, osloToday } from "../../kernel/clock";
import { enqueueMail } from "../../kernel/mail-jobs";
import type { Refusal } from "../../kernel/result";
import { invite, recordAudit } from "../identity";
import { countyOfficesAt, getUnit, writtenStandardOf } from "../organisations";
import {
  type Actor,
  type ChainResult,
  coverageAtStart,
  effectiveState,
  event,
  fail,
  getCohort,
  inReminderWindow,
  invitationById,
  Refused,
} from "./chain-core";
import { mailInvitee, nameBook } from "./chain-mail";
import { chainMail } from "./mail-texts";
import { actsFor, recipientsOf } from "./recipients";
import { cohortInvitations, cohortOffices, type InviteeKind } from "./schema";

/**
 * The Directorate invites county offices to a cohort: each gets an e-mail (to the office's
 * address and its coordinators, in its written standard) and sees the cohort in Samspill.
 * Offices already invited are left as they are.
 */
export async function inviteOffices(
  db: Db,
  cohortId: number,
  officeIds: string[],
  actor: Actor,
): Promise<ChainResult<{ invited: number }>> {
  const cohort = await getCohort(db, cohortId);
  if (!cohort) return fail("notFound");
  const known = new Set((await countyOfficesAt(db, cohort.startsOn, "nb")).map((o) => o.id));
  const unknown = officeIds.find((id) => !known.has(id));
  if (unknown) return fail("outsideCoverage", "offices", { officeId: unknown });
  const names = nameBook();
  return db.transaction(async (tx) => {
    let invited = 0;
    for (const officeId of officeIds) {
      const [row] = await tx
        .insert(cohortOffices)
        .values({ cohortId, officeId, invitedAt: actor.now, invitedBy: actor.personId })
        .onConflictDoNothing()
        .returning();
      if (!row) continue;
      invited++;
      await recordAudit(tx, {
        actorId: actor.personId,
        action: "cohort-office.invite",
        entityType: "cohort",
        entityId: String(cohortId),
        after: { officeId },
        at: actor.now,
      });
      const std = await writtenStandardOf(tx, "county-office", officeId);
      const t = chainMail[std];
      const m = {
        programme: await names.programme(tx, cohort.programmeId, std),
        cohort: cohort.number,
        office: await names.organisation(tx, "county-office", officeId, std, cohort.startsOn),
        deadline: cohort.officeInviteDeadline,
        link: `${actor.baseUrl}/${std}/puljer/${cohortId}/kontor/${officeId}`,
      };
      for (const address of await recipientsOf(tx, "county-office", officeId, actor.now)) {
        await enqueueMail(
          tx,
          { to: address, subject: t.officeInvitationSubject(m), text: t.officeInvitation(m) },
          {
            idempotencyKey: `cohort-office:${cohortId}:${officeId}:${address.toLowerCase()}`,
            now: actor.now,
          },
        );
      }
    }
    return { ok: true as const, invited };
  });
}

export type Invitee = {
  kind: InviteeKind;
  id: string;
  /** Where no one acts for the invitee in Samspill yet: the address to invite as coordinator. */
  contact?: { email: string; name: string };
};

/**
 * A county office invites municipalities it covers (at the cohort's start) or private units in
 * its counties. All or nothing: one invitee outside the office's reach refuses the whole batch.
 */
export async function inviteToCohort(
  db: Db,
  input: {
    cohortId: number;
    officeId: string;
    invitees: Invitee[];
    message: string;
    deadline?: string;
    /** The form's confirmations of the child guard's warnings (confirmationsOf). */
    confirmations?: Readonly<Record<string, string>> | undefined;
  },
  actor: Actor,
): Promise<ChainResult<{ invited: number; mailed: number; unreachable: string[] }> | Refusal> {
  const cohort = await getCohort(db, input.cohortId);
  if (!cohort) return fail("notFound");
  const today = osloToday(actor.now);
  const [officeRow] = await db
    .select()
    .from(cohortOffices)
    .where(and(eq(cohortOffices.cohortId, cohort.id), eq(cohortOffices.officeId, input.officeId)));
  if (!officeRow) return fail("officeNotInvited");
  if (cohort.officeInviteDeadline && cohort.officeInviteDeadline < today) {
    return fail("officeDeadlinePassed", undefined, { deadline: cohort.officeInviteDeadline });
  }
  const deadline = input.deadline || cohort.answerDeadline || cohort.startsOn;
  if (deadline < today) return fail("deadlineInPast", "deadline");
  if (deadline > cohort.startsOn) return fail("deadlineAfterStart", "deadline");

  const covered = new Set((await coverageAtStart(db, cohort, input.officeId)).map((m) => m.code));
  const office = (await countyOfficesAt(db, today, "nb")).find((o) => o.id === input.officeId);
  for (const invitee of input.invitees) {
    if (invitee.kind === "municipality" && !covered.has(invitee.id)) {
      return fail("outsideCoverage", "invitees", { id: invitee.id });
    }
    if (invitee.kind === "unit") {
      const unit = await getUnit(db, invitee.id);
      if (!unit || !office?.countyCodes.includes(unit.countyCode)) {
        return fail("outsideCoverage", "invitees", { id: invitee.id });
      }
      if (unit.owner !== "private" || !unit.active) {
        return fail("notPrivateUnit", "invitees", { id: invitee.id });
      }
    }
  }

  // One transaction for the whole batch, role invitations included: a refusal stores nothing.
  try {
    const names = nameBook();
    return await db.transaction(async (tx) => {
      // The personal message goes into every invitation and its mail: guarded (decision 0024)
      // before anything is stored, and a confirmation counted only with the invitations.
      const guarded = await guardFreeText(tx, {
        form: "cohort-invitation",
        fields: { message: input.message },
        confirmations: input.confirmations,
        now: actor.now,
      });
      if (guarded) return guarded;
      let invited = 0;
      let mailed = 0;
      const unreachable: string[] = [];
      for (const invitee of input.invitees) {
        const [inv] = await tx
          .insert(cohortInvitations)
          .values({
            cohortId: cohort.id,
            officeId: input.officeId,
            inviteeKind: invitee.kind,
            inviteeId: invitee.id,
            state: "invited",
            message: input.message,
            deadline,
            invitedAt: actor.now,
            invitedBy: actor.personId,
            // Invited inside the reminder window: the invitation itself is the reminder.
            autoRemindedFor: inReminderWindow(cohort, deadline, today) ? deadline : null,
          })
          .onConflictDoNothing()
          .returning();
        // Invited before (by this office or another): nothing more, not even the contact.
        if (!inv) continue;
        invited++;
        await event(tx, inv, {
          event: "invited",
          at: actor.now,
          actorId: actor.personId,
          from: null,
          to: "invited",
          detail: { deadline, officeId: input.officeId },
        });
        // The contact is invited to the coordinator role first, so the invitation reaches them too.
        if (invitee.contact && !(await actsFor(tx, invitee, invitee.contact.email, actor.now))) {
          const result = await invite(
            tx,
            {
              email: invitee.contact.email,
              name: invitee.contact.name,
              role: invitee.kind === "unit" ? "unit-leader" : "municipal-coordinator",
              orgId: invitee.id,
              lang: await writtenStandardOf(tx, invitee.kind, invitee.id),
              // Reminders and new deadlines must still reach them: past the deadline, with room.
              validUntil: new Date(`${addDays(deadline, 30)}T12:00:00Z`),
            },
            { personId: actor.personId, now: actor.now, baseUrl: actor.baseUrl },
          );
          if (!result.ok)
            throw new Refused(fail("outsideCoverage", "invitees", { id: invitee.id }));
        }
        const n = await mailInvitee(
          tx,
          inv,
          cohort,
          "invitation",
          actor,
          `cohort-invitation:${inv.id}`,
          { names },
        );
        if (n === 0) unreachable.push(invitee.id);
        mailed += n;
      }
      return { ok: true as const, invited, mailed, unreachable };
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

/**
 * The office names a contact person for an invitee nobody in Samspill receives mail for (or one
 * more): the person is invited to the coordinator role (unit leader for a unit), and, while the
 * invitation is open, gets the invitation itself. Reports the mails queued. Names stay in the
 * role invitation, not in the chain's history or the audit log.
 */
export async function addRecipient(
  db: Db,
  input: { invitationId: number; officeId: string; name: string; email: string },
  actor: Actor,
): Promise<ChainResult<{ mailed: number }>> {
  const today = osloToday(actor.now);
  try {
    return await db.transaction(async (tx) => {
      const inv = await invitationById(tx, input.invitationId, true);
      if (!inv || inv.officeId !== input.officeId) return fail("notFound");
      const state = effectiveState(inv, today);
      if (state === "accepted" || state === "declined") return fail("alreadyAnswered");
      const cohort = (await getCohort(tx, inv.cohortId))!;
      const invitee: Invitee = { kind: inv.inviteeKind, id: inv.inviteeId };
      if (await actsFor(tx, invitee, input.email, actor.now)) {
        return fail("alreadyRecipient", "email");
      }
      const result = await invite(
        tx,
        {
          email: input.email.trim(),
          name: input.name.trim(),
          role: inv.inviteeKind === "unit" ? "unit-leader" : "municipal-coordinator",
          orgId: inv.inviteeId,
          lang: await writtenStandardOf(tx, inv.inviteeKind, inv.inviteeId),
          validUntil: new Date(`${addDays(inv.deadline, 30)}T12:00:00Z`),
        },
        actor,
      );
      if (!result.ok) throw new Refused(fail("notFound"));
      await event(tx, inv, {
        event: "recipient",
        at: actor.now,
        actorId: actor.personId,
        detail: { roleInvitationId: result.id },
      });
      // An open invitation reaches the new contact now; earlier recipients are not mailed twice.
      const mailed =
        state === "invited"
          ? await mailInvitee(tx, inv, cohort, "invitation", actor, `cohort-invitation:${inv.id}`, {
              only: input.email,
            })
          : 0;
      return { ok: true as const, mailed };
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}
