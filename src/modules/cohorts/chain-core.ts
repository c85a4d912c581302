import { and, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Db, Executor, Tx } from "../../db/client";
import { addDays } from "../../kernel/clock";
import { personNames, recordAudit } from "../identity";
import { countyOfficesAt, municipalitiesAt, successorsAt } from "../organisations";
import {
  cohortEnrolments,
  cohortInvitationEvents,
  cohortInvitations,
  cohorts,
  type InvitationState,
  type InviteeKind,
} from "./schema";

/** Who acts, when, and the address links in e-mails start with. */
export type Actor = { personId: number | null; now: Date; baseUrl: string };

/** Why the chain refused an act; the views turn each into a sentence beside the field. */
export type ChainError =
  | "notFound"
  | "officeNotInvited"
  | "officeDeadlinePassed"
  | "outsideCoverage"
  | "notPrivateUnit"
  | "alreadyInvited"
  | "deadlineInPast"
  | "deadlineAfterStart"
  | "deadlineNotLater"
  | "reasonRequired"
  | "deadlinePassed"
  | "alreadyAnswered"
  | "changedMeanwhile"
  | "commitmentsRequired"
  | "notAccepted"
  | "unitOutsideMunicipality"
  | "unitNotActive"
  | "alreadyEnrolled"
  | "notEnrolled"
  | "noRecipient"
  | "alreadyRecipient"
  | "notMunicipality";

export type ChainResult<T = Record<never, never>> =
  | ({ ok: true } & T)
  | { ok: false; error: ChainError; field?: string; detail?: Record<string, unknown> };

export type { Executor, Tx };
export type Invitation = typeof cohortInvitations.$inferSelect;
export type Cohort = typeof cohorts.$inferSelect;

export function fail(error: ChainError, field?: string, detail?: Record<string, unknown>) {
  return { ok: false as const, error, ...(field ? { field } : {}), ...(detail ? { detail } : {}) };
}

/** Thrown inside a transaction to roll it back and answer with a refusal. */
export class Refused extends Error {
  constructor(readonly result: ReturnType<typeof fail>) {
    super(result.error);
  }
}

/** Is `today` within the cohort's automatic-reminder window before `deadline`? */
export function inReminderWindow(cohort: Cohort, deadline: string, today: string) {
  if (cohort.reminderDaysBefore <= 0) return false;
  return today >= addDays(deadline, -cohort.reminderDaysBefore);
}

/**
 * The state an invitation is in on a day: an open invitation whose deadline (inclusive, Europe/Oslo)
 * has passed is expired even before the housekeeping job has written it so.
 */
export function effectiveState(inv: Pick<Invitation, "state" | "deadline">, today: string) {
  return inv.state === "invited" && inv.deadline < today ? "expired" : inv.state;
}

export async function event(
  tx: Executor,
  inv: Pick<Invitation, "id">,
  e: {
    event: string;
    at: Date;
    actorId: number | null;
    from?: InvitationState | null;
    to?: InvitationState | null;
    detail?: Record<string, unknown>;
  },
) {
  await tx.insert(cohortInvitationEvents).values({
    invitationId: inv.id,
    at: e.at,
    actorId: e.actorId,
    event: e.event,
    fromState: e.from ?? null,
    toState: e.to ?? null,
    detail: e.detail ?? {},
  });
  await recordAudit(tx, {
    actorId: e.actorId,
    action: `cohort-invitation.${e.event}`,
    entityType: "cohort-invitation",
    entityId: String(inv.id),
    ...(e.from !== undefined ? { before: { state: e.from } } : {}),
    after: { ...(e.to ? { state: e.to } : {}), ...e.detail },
    at: e.at,
  });
}

export async function getCohort(db: Executor, id: number): Promise<Cohort | null> {
  const [row] = await db.select().from(cohorts).where(eq(cohorts.id, id));
  return row ?? null;
}

export async function getInvitation(
  db: Executor,
  cohortId: number,
  kind: InviteeKind,
  inviteeId: string,
): Promise<Invitation | null> {
  const [row] = await db
    .select()
    .from(cohortInvitations)
    .where(
      and(
        eq(cohortInvitations.cohortId, cohortId),
        eq(cohortInvitations.inviteeKind, kind),
        eq(cohortInvitations.inviteeId, inviteeId),
      ),
    );
  return row ?? null;
}

export async function invitationById(db: Executor, id: number, lock = false) {
  const q = db.select().from(cohortInvitations).where(eq(cohortInvitations.id, id));
  const [row] = lock ? await q.for("update") : await q;
  return row ?? null;
}

export async function invitationEvents(db: Executor, invitationId: number) {
  const rows = await db
    .select({
      id: cohortInvitationEvents.id,
      at: cohortInvitationEvents.at,
      event: cohortInvitationEvents.event,
      fromState: cohortInvitationEvents.fromState,
      toState: cohortInvitationEvents.toState,
      detail: cohortInvitationEvents.detail,
      actorId: cohortInvitationEvents.actorId,
    })
    .from(cohortInvitationEvents)
    .where(eq(cohortInvitationEvents.invitationId, invitationId))
    .orderBy(cohortInvitationEvents.at, cohortInvitationEvents.id);
  // Who acted, named by identity: two reads instead of a join into its table.
  const names = await personNames(
    db,
    rows.flatMap((r) => (r.actorId === null ? [] : [r.actorId])),
  );
  return rows.map((r) => ({
    ...r,
    actorName: r.actorId === null ? null : (names.get(r.actorId) ?? null),
  }));
}

/**
 * The municipalities an office covers on a cohort's start date (with the county each is in),
 * the only ones it may invite.
 */
export async function coverageAtStart(db: Db, cohort: Cohort, officeId: string) {
  const office = (await countyOfficesAt(db, cohort.startsOn, "nb")).find((o) => o.id === officeId);
  if (!office) return [];
  return (await municipalitiesAt(db, cohort.startsOn)).filter((m) =>
    office.countyCodes.includes(m.countyCode),
  );
}

/** Today's municipality codes for a code of the cohort's start: registers use today's. */
export async function todaysCodes(db: Db, code: string, today: string): Promise<string[]> {
  const codes = await successorsAt(db, code, today);
  return codes.length > 0 ? codes : [code];
}

/**
 * Which of these units are enrolled in the cohort through another invitation than this one, and
 * through whom (a unit invited directly has itself as invitee).
 */
export async function enrolledElsewhere(
  db: Executor,
  cohortId: number,
  invitationId: number,
  orgNumbers: string[],
) {
  if (orgNumbers.length === 0) return [];
  return db
    .select({
      orgNumber: cohortEnrolments.unitOrgNumber,
      viaKind: cohortInvitations.inviteeKind,
      viaId: cohortInvitations.inviteeId,
    })
    .from(cohortEnrolments)
    .innerJoin(cohortInvitations, eq(cohortInvitations.id, cohortEnrolments.invitationId))
    .where(
      and(
        eq(cohortEnrolments.cohortId, cohortId),
        isNull(cohortEnrolments.withdrawnAt),
        ne(cohortEnrolments.invitationId, invitationId),
        inArray(cohortEnrolments.unitOrgNumber, orgNumbers),
      ),
    );
}
