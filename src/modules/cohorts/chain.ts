import { and, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { addDays, osloToday } from "../../kernel/clock";
import { enqueueMail } from "../../kernel/mail-jobs";
import { recordAudit } from "../identity/audit";
import { invite } from "../identity/people";
import { people, roleAssignments, roleInvitations } from "../identity/schema";
import { countyOfficesAt, getUnit, municipalitiesAt, successorsAt } from "../organisations";
import { countyOffices, units, writtenStandards } from "../organisations/schema";
import { programmeTexts } from "../programmes/schema";
import { chainMail, type WrittenStandard } from "./mail-texts";
import {
  type ContactKind,
  cohortContacts,
  cohortEnrolments,
  cohortInvitationEvents,
  cohortInvitations,
  cohortOffices,
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

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Executor = Db | Tx;
export type Invitation = typeof cohortInvitations.$inferSelect;
type Cohort = typeof cohorts.$inferSelect;

function fail(error: ChainError, field?: string, detail?: Record<string, unknown>) {
  return { ok: false as const, error, ...(field ? { field } : {}), ...(detail ? { detail } : {}) };
}

/** Thrown inside a transaction to roll it back and answer with a refusal. */
class Refused extends Error {
  constructor(readonly result: ReturnType<typeof fail>) {
    super(result.error);
  }
}

/** Is `today` within the cohort's automatic-reminder window before `deadline`? */
function inReminderWindow(cohort: Cohort, deadline: string, today: string) {
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

async function event(
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

// ---------------------------------------------------------------- written standard and mail

export async function writtenStandardOf(
  db: Executor,
  kind: InviteeKind | "county-office",
  id: string,
): Promise<WrittenStandard> {
  if (kind === "unit") {
    const [row] = await db
      .select({ s: units.writtenStandard })
      .from(units)
      .where(eq(units.orgNumber, id));
    return row?.s === "nn" ? "nn" : "nb";
  }
  const [row] = await db
    .select({ s: writtenStandards.standard })
    .from(writtenStandards)
    .where(and(eq(writtenStandards.orgKind, kind), eq(writtenStandards.orgId, id)));
  return row?.s === "nn" ? "nn" : "nb";
}

/** Record an organisation's chosen written standard (audited). */
export async function setWrittenStandard(
  db: Db,
  kind: "municipality" | "county-office",
  id: string,
  standard: WrittenStandard,
  actor: Omit<Actor, "baseUrl">,
) {
  await db.transaction(async (tx) => {
    const before = await writtenStandardOf(tx, kind, id);
    await tx
      .insert(writtenStandards)
      .values({
        orgKind: kind,
        orgId: id,
        standard,
        changedAt: actor.now,
        changedBy: actor.personId,
      })
      .onConflictDoUpdate({
        target: [writtenStandards.orgKind, writtenStandards.orgId],
        set: { standard, changedAt: actor.now, changedBy: actor.personId },
      });
    await recordAudit(tx, {
      actorId: actor.personId,
      action: "written-standard.set",
      entityType: kind,
      entityId: id,
      before: { standard: before },
      after: { standard },
      at: actor.now,
    });
  });
}

/** The e-mail addresses of the people who act for an organisation, and of those invited to. */
export async function recipientsOf(
  db: Executor,
  kind: InviteeKind | "county-office",
  id: string,
  now: Date,
): Promise<string[]> {
  const role =
    kind === "municipality"
      ? "municipal-coordinator"
      : kind === "unit"
        ? "unit-leader"
        : "county-coordinator";
  const active = await db
    .select({ email: people.email })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .where(
      and(
        eq(roleAssignments.role, role),
        eq(roleAssignments.orgId, id),
        isNull(roleAssignments.revokedAt),
        isNull(people.deletedAt),
      ),
    );
  const invited = await db
    .select({ email: roleInvitations.email })
    .from(roleInvitations)
    .where(
      and(
        eq(roleInvitations.role, role),
        eq(roleInvitations.orgId, id),
        isNull(roleInvitations.acceptedAt),
        isNull(roleInvitations.revokedAt),
        sql`${roleInvitations.expiresAt} > ${now.toISOString()}::timestamptz`,
      ),
    );
  const emails = new Map<string, string>();
  for (const r of [...active, ...invited]) {
    if (r.email) emails.set(r.email.toLowerCase(), r.email);
  }
  if (kind === "county-office") {
    const [office] = await db
      .select({ email: countyOffices.email })
      .from(countyOffices)
      .where(eq(countyOffices.id, id));
    if (office?.email) emails.set(office.email.toLowerCase(), office.email);
  }
  return [...emails.values()].sort();
}

async function programmeTitle(db: Executor, programmeId: number, lang: WrittenStandard) {
  const rows = await db
    .select({ lang: programmeTexts.lang, title: programmeTexts.title })
    .from(programmeTexts)
    .where(eq(programmeTexts.programmeId, programmeId));
  return rows.find((r) => r.lang === lang)?.title ?? rows.find((r) => r.lang === "nb")?.title ?? "";
}

/** The name of an invitee or office as it was at the cohort's start, in a written standard. */
export async function organisationName(
  db: Executor,
  kind: InviteeKind | "county-office",
  id: string,
  lang: WrittenStandard | "en",
  date: string,
) {
  if (kind === "county-office") {
    return (await countyOfficesAt(db as Db, date, lang)).find((o) => o.id === id)?.name ?? id;
  }
  if (kind === "unit") return (await getUnit(db as Db, id))?.name ?? id;
  return (await municipalitiesAt(db as Db, date)).find((m) => m.code === id)?.name ?? id;
}

/** The page where an invitee acts on its invitation. */
export function actPath(inv: Pick<Invitation, "cohortId" | "inviteeKind" | "inviteeId">) {
  return `/puljer/${inv.cohortId}/${inv.inviteeKind === "unit" ? "enhet" : "kommune"}/${inv.inviteeId}`;
}

type MailKind = "invitation" | "reminder" | "extended";

/**
 * Names for the mails of one batch, each list read once however many invitees are mailed (an
 * office inviting all its municipalities, the housekeeping reminding across cohorts). Reads go
 * through the executor of the moment, so the book may outlive one transaction.
 */
function nameBook() {
  const lists = new Map<string, Promise<unknown>>();
  function once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let list = lists.get(key) as Promise<T> | undefined;
    if (!list) {
      list = load();
      lists.set(key, list);
    }
    return list;
  }
  return {
    programme: (tx: Executor, programmeId: number, std: WrittenStandard) =>
      once(`programme:${programmeId}:${std}`, () => programmeTitle(tx, programmeId, std)),
    async organisation(
      tx: Executor,
      kind: InviteeKind | "county-office",
      id: string,
      std: WrittenStandard,
      date: string,
    ): Promise<string> {
      if (kind === "county-office") {
        const offices = await once(`offices:${std}:${date}`, () =>
          countyOfficesAt(tx as Db, date, std),
        );
        return offices.find((o) => o.id === id)?.name ?? id;
      }
      if (kind === "municipality") {
        const all = await once(`municipalities:${date}`, () => municipalitiesAt(tx as Db, date));
        return all.find((m) => m.code === id)?.name ?? id;
      }
      return organisationName(tx, kind, id, std, date);
    },
  };
}
type NameBook = ReturnType<typeof nameBook>;

async function mailInvitee(
  tx: Executor,
  inv: Invitation,
  cohort: Cohort,
  kind: MailKind,
  actor: Actor,
  key: string,
  opts: { reason?: string; names?: NameBook; only?: string } = {},
) {
  const names = opts.names ?? nameBook();
  const std = await writtenStandardOf(tx, inv.inviteeKind, inv.inviteeId);
  const only = opts.only?.trim().toLowerCase();
  const to = (await recipientsOf(tx, inv.inviteeKind, inv.inviteeId, actor.now)).filter(
    (address) => !only || address.toLowerCase() === only,
  );
  if (to.length === 0) return 0;
  const t = chainMail[std];
  const m = {
    programme: await names.programme(tx, cohort.programmeId, std),
    cohort: cohort.number,
    from: await names.organisation(tx, "county-office", inv.officeId, std, cohort.startsOn),
    to: await names.organisation(tx, inv.inviteeKind, inv.inviteeId, std, cohort.startsOn),
    deadline: inv.deadline,
    message: inv.message,
    link: `${actor.baseUrl}/${std}${actPath(inv)}`,
    reason: opts.reason ?? "",
  };
  const subject =
    kind === "invitation"
      ? t.invitationSubject(m)
      : kind === "reminder"
        ? t.reminderSubject(m)
        : t.extendedSubject(m);
  const text =
    kind === "invitation" ? t.invitation(m) : kind === "reminder" ? t.reminder(m) : t.extended(m);
  for (const address of to) {
    await enqueueMail(
      tx,
      { to: address, subject, text },
      { idempotencyKey: `${key}:${address.toLowerCase()}`, now: actor.now },
    );
  }
  return to.length;
}

// ---------------------------------------------------------------- reading

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

async function invitationById(db: Executor, id: number, lock = false) {
  const q = db.select().from(cohortInvitations).where(eq(cohortInvitations.id, id));
  const [row] = lock ? await q.for("update") : await q;
  return row ?? null;
}

export async function invitationEvents(db: Executor, invitationId: number) {
  return db
    .select({
      id: cohortInvitationEvents.id,
      at: cohortInvitationEvents.at,
      event: cohortInvitationEvents.event,
      fromState: cohortInvitationEvents.fromState,
      toState: cohortInvitationEvents.toState,
      detail: cohortInvitationEvents.detail,
      actorId: cohortInvitationEvents.actorId,
      actorName: people.name,
    })
    .from(cohortInvitationEvents)
    .leftJoin(people, eq(people.id, cohortInvitationEvents.actorId))
    .where(eq(cohortInvitationEvents.invitationId, invitationId))
    .orderBy(cohortInvitationEvents.at, cohortInvitationEvents.id);
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

// ---------------------------------------------------------------- directorate → office

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

// ---------------------------------------------------------------- office → municipality

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
  },
  actor: Actor,
): Promise<ChainResult<{ invited: number; mailed: number; unreachable: string[] }>> {
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

/** Whether an address already acts (or is invited to act) for an invitee. */
async function actsFor(tx: Executor, invitee: Invitee, email: string, now: Date) {
  const known = await recipientsOf(tx, invitee.kind, invitee.id, now);
  return known.some((address) => address.toLowerCase() === email.trim().toLowerCase());
}

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

// ---------------------------------------------------------------- municipality answers

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

// ---------------------------------------------------------------- enrolment and contacts

async function acceptedMunicipality(tx: Executor, invitationId: number) {
  const inv = await invitationById(tx, invitationId);
  if (!inv) return fail("notFound");
  if (inv.inviteeKind !== "municipality") return fail("notMunicipality");
  if (inv.state !== "accepted") return fail("notAccepted");
  return { ok: true as const, inv };
}

/**
 * Enrol kindergartens and schools (public or private) of the municipality: every unit must be
 * active and lie in the municipality (by today's codes, for a cohort that began before a merger).
 */
export async function enrolUnits(
  db: Db,
  input: { invitationId: number; orgNumbers: string[] },
  actor: Omit<Actor, "baseUrl">,
): Promise<ChainResult<{ enrolled: number }>> {
  const found = await acceptedMunicipality(db, input.invitationId);
  if (!found.ok) return found;
  const { inv } = found;
  const codes = await todaysCodes(db, inv.inviteeId, osloToday(actor.now));
  const wanted = [...new Set(input.orgNumbers)];
  if (wanted.length === 0) return { ok: true, enrolled: 0 };
  const rows = await db.select().from(units).where(inArray(units.orgNumber, wanted));
  for (const orgNumber of wanted) {
    const unit = rows.find((u) => u.orgNumber === orgNumber);
    if (!unit || !codes.includes(unit.municipalityCode)) {
      return fail("unitOutsideMunicipality", "units", { orgNumber });
    }
    if (!unit.active) return fail("unitNotActive", "units", { orgNumber });
  }
  const elsewhere = await db
    .select({
      orgNumber: cohortEnrolments.unitOrgNumber,
      viaKind: cohortInvitations.inviteeKind,
      viaId: cohortInvitations.inviteeId,
    })
    .from(cohortEnrolments)
    .innerJoin(cohortInvitations, eq(cohortInvitations.id, cohortEnrolments.invitationId))
    .where(
      and(
        eq(cohortEnrolments.cohortId, inv.cohortId),
        inArray(cohortEnrolments.unitOrgNumber, wanted),
        isNull(cohortEnrolments.withdrawnAt),
        sql`${cohortEnrolments.invitationId} <> ${inv.id}`,
      ),
    );
  const taken = elsewhere[0];
  if (taken) {
    // Say which unit, and through whom: the unit itself (a private unit invited directly) or
    // another municipality's invitation.
    const cohort = (await getCohort(db, inv.cohortId))!;
    return fail("alreadyEnrolled", "units", {
      orgNumber: taken.orgNumber,
      unitName: rows.find((u) => u.orgNumber === taken.orgNumber)?.name ?? taken.orgNumber,
      self: taken.viaKind === "unit" && taken.viaId === taken.orgNumber,
      via: await organisationName(db, taken.viaKind, taken.viaId, "nb", cohort.startsOn),
    });
  }
  return db.transaction(async (tx) => {
    let enrolled = 0;
    for (const orgNumber of wanted) {
      const [row] = await tx
        .insert(cohortEnrolments)
        .values({
          cohortId: inv.cohortId,
          invitationId: inv.id,
          unitOrgNumber: orgNumber,
          enrolledAt: actor.now,
          enrolledBy: actor.personId,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) continue;
      enrolled++;
      await event(tx, inv, {
        event: "enrolled",
        at: actor.now,
        actorId: actor.personId,
        detail: { orgNumber },
      });
    }
    return { ok: true as const, enrolled };
  });
}

export async function withdrawUnit(
  db: Db,
  input: { invitationId: number; orgNumber: string },
  actor: Omit<Actor, "baseUrl">,
): Promise<ChainResult> {
  const found = await acceptedMunicipality(db, input.invitationId);
  if (!found.ok) return found;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(cohortEnrolments)
      .set({ withdrawnAt: actor.now, withdrawnBy: actor.personId })
      .where(
        and(
          eq(cohortEnrolments.invitationId, input.invitationId),
          eq(cohortEnrolments.unitOrgNumber, input.orgNumber),
          isNull(cohortEnrolments.withdrawnAt),
        ),
      )
      .returning();
    if (!row) return fail("notEnrolled", "units");
    await event(tx, found.inv, {
      event: "withdrawn",
      at: actor.now,
      actorId: actor.personId,
      detail: { orgNumber: input.orgNumber },
    });
    return { ok: true as const };
  });
}

export async function enrolledUnits(db: Executor, invitationId: number) {
  return db
    .select({
      orgNumber: units.orgNumber,
      name: units.name,
      isSchool: units.isSchool,
      isKindergarten: units.isKindergarten,
      owner: units.owner,
      enrolledAt: cohortEnrolments.enrolledAt,
    })
    .from(cohortEnrolments)
    .innerJoin(units, eq(units.orgNumber, cohortEnrolments.unitOrgNumber))
    .where(
      and(eq(cohortEnrolments.invitationId, invitationId), isNull(cohortEnrolments.withdrawnAt)),
    )
    .orderBy(units.name);
}

/**
 * Name (or change) the resource person or the PP-tjeneste contact. The current one is ended, not
 * overwritten; a new resource person is invited to the resource-person role of the municipality.
 */
export async function setContact(
  db: Db,
  input: {
    invitationId: number;
    kind: ContactKind;
    name: string;
    email: string;
    ppServiceId?: number | null;
  },
  actor: Actor,
): Promise<ChainResult> {
  const found = await acceptedMunicipality(db, input.invitationId);
  if (!found.ok) return found;
  const { inv } = found;
  const email = input.email.trim();
  const ppServiceId = input.ppServiceId ?? null;
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(cohortContacts)
        .where(
          and(
            eq(cohortContacts.invitationId, inv.id),
            eq(cohortContacts.kind, input.kind),
            isNull(cohortContacts.endedAt),
          ),
        )
        .for("update");
      // The same contact again (a form sent twice): nothing changes, no one is invited twice.
      if (
        current &&
        current.name === input.name &&
        current.email.toLowerCase() === email.toLowerCase() &&
        current.ppServiceId === ppServiceId
      ) {
        return { ok: true as const };
      }
      let roleInvitationId: number | null = null;
      if (input.kind === "resource-person") {
        const hasRole = await tx
          .select({ id: roleAssignments.id })
          .from(roleAssignments)
          .innerJoin(people, eq(people.id, roleAssignments.personId))
          .where(
            and(
              eq(roleAssignments.role, "resource-person"),
              eq(roleAssignments.orgId, inv.inviteeId),
              isNull(roleAssignments.revokedAt),
              isNull(people.deletedAt),
              sql`lower(${people.email}) = lower(${email})`,
            ),
          );
        const [open] = await tx
          .select({ id: roleInvitations.id })
          .from(roleInvitations)
          .where(
            and(
              eq(roleInvitations.role, "resource-person"),
              eq(roleInvitations.orgId, inv.inviteeId),
              isNull(roleInvitations.acceptedAt),
              isNull(roleInvitations.revokedAt),
              sql`${roleInvitations.expiresAt} > ${actor.now.toISOString()}::timestamptz`,
              sql`lower(${roleInvitations.email}) = lower(${email})`,
            ),
          );
        if (open) roleInvitationId = open.id;
        else if (hasRole.length === 0) {
          const result = await invite(
            tx,
            {
              email,
              name: input.name,
              role: "resource-person",
              orgId: inv.inviteeId,
              lang: await writtenStandardOf(tx, "municipality", inv.inviteeId),
            },
            actor,
          );
          if (!result.ok) throw new Refused(fail("notMunicipality"));
          roleInvitationId = result.id;
        }
      }
      if (current) {
        await tx
          .update(cohortContacts)
          .set({ endedAt: actor.now, endedBy: actor.personId })
          .where(eq(cohortContacts.id, current.id));
        // A replaced resource person who never signed in is not let in later. A role already
        // accepted stays: the person may work elsewhere in the municipality; admins end roles.
        if (current.roleInvitationId && current.email.toLowerCase() !== email.toLowerCase()) {
          await tx
            .update(roleInvitations)
            .set({ revokedAt: actor.now })
            .where(
              and(
                eq(roleInvitations.id, current.roleInvitationId),
                isNull(roleInvitations.acceptedAt),
                isNull(roleInvitations.revokedAt),
              ),
            );
        }
      }
      const [added] = await tx
        .insert(cohortContacts)
        .values({
          invitationId: inv.id,
          kind: input.kind,
          name: input.name,
          email,
          ppServiceId,
          roleInvitationId,
          setAt: actor.now,
          setBy: actor.personId,
        })
        .onConflictDoNothing()
        .returning({ id: cohortContacts.id });
      // Someone named a first contact at the same moment: theirs stands, this one stores nothing.
      if (!added) throw new Refused(fail("changedMeanwhile"));
      // The history keeps names; the audit log keeps only that a change was made, and by whom.
      await event(tx, inv, {
        event: "contact",
        at: actor.now,
        actorId: actor.personId,
        detail: { kind: input.kind, replaced: current ? current.id : null, ppServiceId },
      });
      return { ok: true as const };
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

export async function contactHistory(db: Executor, invitationId: number) {
  return db
    .select()
    .from(cohortContacts)
    .where(eq(cohortContacts.invitationId, invitationId))
    .orderBy(
      cohortContacts.kind,
      sql`${cohortContacts.setAt} desc`,
      sql`${cohortContacts.id} desc`,
    );
}

// ---------------------------------------------------------------- housekeeping

/**
 * Write `expired` on open invitations whose deadline has passed in Europe/Oslo, and send the
 * automatic reminder `reminderDaysBefore` days before each deadline (once per deadline). Safe to
 * run as often as one likes, from any number of processes.
 */
export async function runChainHousekeeping(db: Db, actor: Omit<Actor, "personId">) {
  const today = osloToday(actor.now);
  const system = { ...actor, personId: null };
  const expired = await db.transaction(async (tx) => {
    const rows = await tx
      .update(cohortInvitations)
      .set({ state: "expired", version: sql`${cohortInvitations.version} + 1` })
      .where(
        and(
          eq(cohortInvitations.state, "invited"),
          sql`${cohortInvitations.deadline} < ${today}::date`,
        ),
      )
      .returning();
    for (const inv of rows) {
      await event(tx, inv, {
        event: "expired",
        at: actor.now,
        actorId: null,
        from: "invited",
        to: "expired",
        detail: { deadline: inv.deadline },
      });
    }
    return rows.length;
  });

  const due = await db
    .select({ inv: cohortInvitations, cohort: cohorts })
    .from(cohortInvitations)
    .innerJoin(cohorts, eq(cohorts.id, cohortInvitations.cohortId))
    .where(
      and(
        eq(cohortInvitations.state, "invited"),
        sql`${cohorts.reminderDaysBefore} > 0`,
        lte(
          sql`${cohortInvitations.deadline} - ${cohorts.reminderDaysBefore}`,
          sql`${today}::date`,
        ),
        sql`${cohortInvitations.autoRemindedFor} is distinct from ${cohortInvitations.deadline}`,
      ),
    );
  let reminded = 0;
  const names = nameBook();
  for (const { inv, cohort } of due) {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .update(cohortInvitations)
        .set({
          autoRemindedFor: inv.deadline,
          lastRemindedAt: actor.now,
          remindersSent: sql`${cohortInvitations.remindersSent} + 1`,
        })
        .where(
          and(
            eq(cohortInvitations.id, inv.id),
            eq(cohortInvitations.state, "invited"),
            eq(cohortInvitations.deadline, inv.deadline),
            sql`${cohortInvitations.autoRemindedFor} is distinct from ${cohortInvitations.deadline}`,
          ),
        )
        .returning();
      if (!row) return;
      await event(tx, inv, {
        event: "auto-reminded",
        at: actor.now,
        actorId: null,
        detail: { deadline: inv.deadline },
      });
      await mailInvitee(
        tx,
        row,
        cohort,
        "reminder",
        system,
        `cohort-reminder:auto:${inv.id}:${inv.deadline}`,
        { names },
      );
      reminded++;
    });
  }
  return { expired, reminded };
}

/** Seed and migration helper: participants of a cohort from before Samspill, as accepted invitations. */
export async function recordParticipants(
  db: Db,
  cohortId: number,
  rows: { municipalityCode: string; officeId: string }[],
  at: Date,
) {
  if (rows.length === 0) return;
  const cohort = (await getCohort(db, cohortId))!;
  await db
    .insert(cohortInvitations)
    .values(
      rows.map((r) => ({
        cohortId,
        officeId: r.officeId,
        inviteeKind: "municipality" as const,
        inviteeId: r.municipalityCode,
        state: "accepted" as const,
        deadline: cohort.officeInviteDeadline ?? cohort.startsOn,
        invitedAt: at,
        answeredAt: at,
      })),
    )
    .onConflictDoNothing();
}
