import { and, desc, eq } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { osloToday } from "../../kernel/clock";
import { enqueueMail } from "../../kernel/mail-jobs";
import { type Outcome, refuse } from "../../kernel/result";
import { cohortParticipants } from "../cohorts";
import { peopleHoldingRoles, recordAudit } from "../identity";
import { municipalitiesOfUnits } from "../organisations";
import { gatheringLink } from "./calendar-events";
import { type Actor, type Gathering, gatheringById } from "./gatherings";
import { reminderLetters } from "./invitee-reminder-texts";
import { admits, type Place, placeOfRole } from "./registration";
import { gatheringInviteeReminders, gatheringRegistrations } from "./schema";
import { standardOfPlace } from "./ticket";

export type Invitee = { personId: number; email: string; place: Place };

/**
 * Those the gathering admits (its rule, `admits`) who have not registered: everyone with an
 * address and a role, narrowed by the gathering's lists, less anyone with a registration of any
 * status (a cancellation was an answer too). Each with the first place the rule admits, whose
 * written standard the reminder is written in. The cohort rule is read once for all
 * (`cohortParticipants`), not once per person.
 */
export async function inviteesNotRegistered(db: Db, gathering: Gathering): Promise<Invitee[]> {
  const held = await peopleHoldingRoles(db, { roles: gathering.allowedRoles });
  const unitMunicipality = await municipalitiesOfUnits(db, [
    ...new Set(held.filter((r) => r.orgKind === "unit").map((r) => r.orgId)),
  ]);
  const taking =
    gathering.allowedCohorts.length > 0
      ? await cohortParticipants(db, gathering.allowedCohorts)
      : null;
  const takesPart = (p: Place) =>
    taking !== null &&
    (p.unitOrgNumber
      ? taking.units.has(p.unitOrgNumber)
      : p.municipalityCode !== null && taking.municipalities.has(p.municipalityCode));
  const registered = new Set(
    (
      await db
        .select({ personId: gatheringRegistrations.personId })
        .from(gatheringRegistrations)
        .where(eq(gatheringRegistrations.gatheringId, gathering.id))
    ).map((r) => r.personId),
  );
  const found = new Map<number, Invitee>();
  for (const r of held) {
    if (registered.has(r.personId) || found.has(r.personId)) continue;
    const place = placeOfRole(r, unitMunicipality);
    if (await admits(gathering, place, takesPart))
      found.set(r.personId, { personId: r.personId, email: r.email, place });
  }
  return [...found.values()];
}

/** The last reminder sent for the gathering, if any. */
export async function lastInviteeReminder(db: Executor, gatheringId: number) {
  const [row] = await db
    .select()
    .from(gatheringInviteeReminders)
    .where(eq(gatheringInviteeReminders.gatheringId, gatheringId))
    .orderBy(desc(gatheringInviteeReminders.sentAt))
    .limit(1);
  return row ?? null;
}

/** Why a reminder cannot be sent now, as a refusal's code; null when it can. */
export async function reminderBlocked(
  db: Executor,
  g: Gathering,
  now: Date,
): Promise<string | null> {
  if (g.closedAt || now >= g.registrationClosesAt) return "reminderWindowClosed";
  if (now < g.registrationOpensAt) return "reminderNotOpen";
  const [today] = await db
    .select({ id: gatheringInviteeReminders.id })
    .from(gatheringInviteeReminders)
    .where(
      and(
        eq(gatheringInviteeReminders.gatheringId, g.id),
        eq(gatheringInviteeReminders.day, osloToday(now)),
      ),
    );
  return today ? "reminderSentToday" : null;
}

/**
 * Remind those the gathering admits who have not registered (organiser's act): one mail each,
 * queued in one transaction with the record of the day and the audit row, each with an
 * idempotency key of person, gathering and day. At most once a day per gathering (the day's
 * row is unique); refused while registration is not open, and when there is nobody to remind.
 */
export async function remindInvitees(
  db: Db,
  gatheringId: number,
  actor: Actor,
): Promise<Outcome<{ recipients: number }>> {
  const g = await gatheringById(db, gatheringId);
  if (!g) return refuse("gathering", "notFound");
  const blocked = await reminderBlocked(db, g, actor.now);
  if (blocked) return refuse("gathering", blocked);
  const invitees = await inviteesNotRegistered(db, g);
  if (invitees.length === 0) return refuse("gathering", "reminderNobody");
  const day = osloToday(actor.now);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(gatheringInviteeReminders)
      .values({
        gatheringId: g.id,
        day,
        recipients: invitees.length,
        sentAt: actor.now,
        sentBy: actor.personId,
      })
      .onConflictDoNothing()
      .returning({ id: gatheringInviteeReminders.id });
    // Another click or instance sent today's first: nothing more is queued.
    if (!row) return refuse("gathering", "reminderSentToday");
    const standards = new Map<string, "nb" | "nn">();
    for (const invitee of invitees) {
      const key = `${invitee.place.unitOrgNumber}:${invitee.place.municipalityCode}`;
      let standard = standards.get(key);
      if (!standard) {
        standard = await standardOfPlace(tx, invitee.place);
        standards.set(key, standard);
      }
      const letter = reminderLetters[standard]({
        title: standard === "nn" ? g.titleNn : g.titleNb,
        startsAt: g.startsAt,
        closesAt: g.registrationClosesAt,
        link: gatheringLink(actor.baseUrl, standard, g.id),
      });
      await enqueueMail(
        tx,
        { to: invitee.email, subject: letter.subject, text: letter.text },
        {
          idempotencyKey: `gathering-invitee-reminder:${g.id}:${invitee.personId}:${day}`,
          now: actor.now,
        },
      );
    }
    await recordAudit(tx, {
      at: actor.now,
      actorId: actor.personId,
      action: "gathering.remind-invitees",
      entityType: "gathering",
      entityId: String(g.id),
      after: { recipients: invitees.length, day },
    });
    return { ok: true as const, recipients: invitees.length };
  });
}
