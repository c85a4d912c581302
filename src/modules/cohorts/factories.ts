// Cohorts and invitations for tests, made through the chain's own commands (createCohort,
// inviteOffices, inviteToCohort, answerInvitation), so that a test's rows carry the events,
// audit lines and queued mail the real acts leave. Only a deadline that has already passed is
// written by hand: no command may set one, and the overview must still show it as expired.
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { addDays, osloToday } from "../../kernel/clock";
import { createCohort } from "./admin";
import { answerInvitation } from "./answer";
import { type Actor, getInvitation, type Invitation } from "./chain-core";
import { type Invitee, inviteOffices, inviteToCohort } from "./invite";
import { cohortInvitations, type cohorts } from "./schema";

type CohortInput = Omit<typeof cohorts.$inferInsert, "id">;

/**
 * A cohort made with `createCohort`, and the county offices in `offices` invited through the
 * chain (`inviteOffices`, their mails queued) by `actor`. Unless given, it runs 2027-08-01 to
 * 2029-06-30, offices invite until 15 January 2027 and answers are due 1 March 2027. Its id.
 */
export async function createTestCohort(
  db: Db,
  cohort: Pick<CohortInput, "programmeId" | "number"> & Partial<CohortInput>,
  invite: { offices: string[]; actor: Actor },
): Promise<number> {
  const id = await createCohort(
    db,
    {
      startsOn: "2027-08-01",
      endsOn: "2029-06-30",
      officeInviteDeadline: "2027-01-15",
      answerDeadline: "2027-03-01",
      ...cohort,
    },
    [],
  );
  if (invite.offices.length > 0) {
    const invited = await inviteOffices(db, id, invite.offices, invite.actor);
    if (!invited.ok || invited.invited !== invite.offices.length) {
      throw new Error(`could not invite ${invite.offices.join(", ")}: ${JSON.stringify(invited)}`);
    }
  }
  return id;
}

/**
 * Where a test invitation stands: open; answered yes (with the commitments) or no; or open with
 * its deadline passed yesterday and no answer (the overview reads it as expired before the
 * housekeeping job has written it).
 */
export type TestInvitationState = "invited" | "accepted" | "declined" | "overdue";

/**
 * `invitee` invited to the cohort by `office` (an office the cohort has invited), then brought
 * to `state`: answered by `answerer` (declining with "Vi har ikke kapasitet i år." unless a
 * `reason` is given). The invitation as it is then.
 */
export async function createTestInvitation(
  db: Db,
  invitation: {
    cohortId: number;
    officeId: string;
    invitee: Invitee;
    message?: string;
    deadline?: string;
  },
  opts: { state: TestInvitationState; office: Actor; answerer?: Actor; reason?: string },
): Promise<Invitation> {
  const { cohortId, invitee } = invitation;
  const invited = await inviteToCohort(
    db,
    {
      cohortId,
      officeId: invitation.officeId,
      invitees: [invitee],
      message: invitation.message ?? "Vi håper dere blir med.",
      ...(invitation.deadline ? { deadline: invitation.deadline } : {}),
    },
    opts.office,
  );
  if (!invited.ok || invited.invited !== 1) {
    throw new Error(`could not invite ${invitee.kind} ${invitee.id}: ${JSON.stringify(invited)}`);
  }
  const inv = await getInvitation(db, cohortId, invitee.kind, invitee.id);
  if (!inv) throw new Error(`no invitation for ${invitee.kind} ${invitee.id}`);
  if (opts.state === "invited") return inv;
  if (opts.state === "overdue") {
    const [row] = await db
      .update(cohortInvitations)
      .set({ deadline: addDays(osloToday(opts.office.now), -1) })
      .where(eq(cohortInvitations.id, inv.id))
      .returning();
    return row!;
  }
  if (!opts.answerer) throw new Error(`an invitation ${opts.state} needs someone to answer it`);
  const answered = await answerInvitation(
    db,
    {
      invitationId: inv.id,
      answer: opts.state === "accepted" ? "accept" : "decline",
      commitments: opts.state === "accepted",
      reason: opts.state === "declined" ? (opts.reason ?? "Vi har ikke kapasitet i år.") : "",
      version: inv.version,
    },
    opts.answerer,
  );
  if (!answered.ok) {
    throw new Error(`could not answer ${invitee.kind} ${invitee.id}: ${JSON.stringify(answered)}`);
  }
  return (await getInvitation(db, cohortId, invitee.kind, invitee.id))!;
}
