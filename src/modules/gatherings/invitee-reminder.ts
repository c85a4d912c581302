import { and, desc, eq } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { osloToday } from "../../kernel/clock";
import { enqueueMail } from "../../kernel/mail-jobs";
import { type Outcome, refuse } from "../../kernel/result";
import { recordAudit } from "../identity";
import { gatheringLink } from "./calendar-events";
import { type Actor, type Gathering, gatheringById } from "./gatherings";
import { reminderLetters } from "./invitee-reminder-texts";
import { mayRegisterAndHaveNot } from "./reminders";
import { gatheringInviteeReminders } from "./schema";
import { standardOfPlace } from "./ticket";

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
  const invitees = await mayRegisterAndHaveNot(db, g);
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
