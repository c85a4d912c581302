import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { calendarFile } from "../../kernel/calendar";
import { guardFreeText } from "../../kernel/child-guard-forms";
import type { FieldErrors } from "../../kernel/forms";
import { enqueueMail } from "../../kernel/mail-jobs";
import { type Outcome, RefusedInside, refuse } from "../../kernel/result";
import type { Lang } from "../../web/i18n";
import { recordAudit } from "../identity";
import { writtenStandardOf } from "../organisations";
import { accessTo } from "./access";
import { calendarFileName, type MeetingLetterKind, meetingLetters } from "./mail-texts";
import { type Actor, type Member, membersOf } from "./networks";
import { networkAttendance, networkMeetings, networkMembers } from "./schema";

export const meetingLimits = {
  title: 200,
  place: 300,
  digitalLink: 500,
  agenda: 4000,
  minutes: 20000,
} as const;

export type Meeting = typeof networkMeetings.$inferSelect;

export type MeetingInput = {
  title: string;
  startsAt: Date | null;
  endsAt: Date | null;
  place: string;
  digitalLink: string;
  agenda: string;
  confirmations?: Record<string, string>;
};

/** The meeting's page in Samspill (from configuration, never a request header). */
export const meetingLink = (baseUrl: string, lang: Lang, networkId: number, meetingId: number) =>
  `${baseUrl}/${lang}/nettverk/${networkId}/moter/${meetingId}`;

/** The meeting as a calendar file for a member: place and link included (members only). */
export function meetingCalendarFile(
  m: Meeting,
  network: string,
  opts: { lang: Lang; baseUrl: string },
): string {
  const cancelled = m.cancelledAt !== null;
  return calendarFile({
    name: network,
    method: cancelled ? "cancel" : "publish",
    events: [
      {
        uid: `network-meeting-${m.id}@${new URL(opts.baseUrl).host}`,
        start: m.startsAt,
        end: m.endsAt,
        title: `${network}: ${m.title}`,
        description: [m.agenda, m.digitalLink].filter((s) => s !== "").join("\n\n"),
        location: m.place || m.digitalLink,
        url: meetingLink(opts.baseUrl, opts.lang, m.networkId, m.id),
        // Each change members were told of (an edit, the cancellation) bumped it.
        sequence: m.sequence,
        cancelled,
        stamp: m.cancelledAt ?? m.updatedAt ?? m.createdAt,
      },
    ],
  });
}

function checkInput(input: MeetingInput): FieldErrors {
  const errors: FieldErrors = {};
  const text = (field: "title" | "place" | "digitalLink" | "agenda", required = false) => {
    const v = input[field].trim();
    if (required && v === "") errors[field] = { code: "required" };
    else if (v.length > meetingLimits[field])
      errors[field] = { code: "max", max: meetingLimits[field] };
  };
  text("title", true);
  text("place");
  text("digitalLink");
  text("agenda");
  const link = input.digitalLink.trim();
  if (!errors.digitalLink && link !== "" && !/^https:\/\/[^\s]+$/.test(link))
    errors.digitalLink = { code: "link" };
  if (!errors.place && !errors.digitalLink && input.place.trim() === "" && link === "")
    errors.place = { code: "placeOrLink" };
  if (!input.startsAt) errors.startsAt ??= { code: "dateTime" };
  if (!input.endsAt) errors.endsAt ??= { code: "dateTime" };
  if (input.startsAt && input.endsAt && input.endsAt <= input.startsAt)
    errors.endsAt = { code: "endBeforeStart" };
  return errors;
}

/**
 * A leader plans a meeting. Every member with an address gets the invitation, queued in the same
 * transaction: in the written standard of the member's unit (else municipality), with the
 * meeting as an .ics and the link back; each member once (idempotency key per meeting and
 * member). The agenda goes through the child guard.
 */
export async function planMeeting(
  db: Db,
  networkId: number,
  input: MeetingInput,
  actor: Actor,
): Promise<Outcome<{ meetingId: number; invited: number }>> {
  const access = await accessTo(db, networkId, actor);
  if (!access) return refuse("network", "notFound");
  if (!access.leads) return refuse("network", "notLeader");
  const errors = checkInput(input);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  try {
    return await db.transaction(async (tx) => {
      const refusal = await guardFreeText(tx, {
        form: "network-meeting",
        fields: { title: input.title, agenda: input.agenda },
        confirmations: input.confirmations,
        now: actor.now,
      });
      if (refusal) throw new RefusedInside(refusal);
      const [meeting] = await tx
        .insert(networkMeetings)
        .values({
          networkId,
          title: input.title.trim(),
          startsAt: input.startsAt!,
          endsAt: input.endsAt!,
          place: input.place.trim(),
          digitalLink: input.digitalLink.trim(),
          agenda: input.agenda.trim(),
          createdAt: actor.now,
          createdBy: actor.personId,
        })
        .returning();
      const m = meeting!;
      const members = await membersOf(tx, networkId);
      await queueMeetingMail(tx, "invitation", m, access.network.name, members, actor);
      await recordAudit(tx, {
        at: actor.now,
        actorId: actor.personId,
        action: "network.meeting",
        entityType: "network_meeting",
        entityId: String(m.id),
        after: { networkId, startsAt: m.startsAt, endsAt: m.endsAt },
      });
      return { ok: true as const, meetingId: m.id, invited: members.length };
    });
  } catch (e) {
    if (e instanceof RefusedInside) return e.refusal;
    throw e;
  }
}

/** Each letter's key: every member gets each letter once (an edit: once per sequence). */
const letterKey = (kind: MeetingLetterKind, m: Meeting, memberId: number) =>
  kind === "invitation"
    ? `network-meeting:${m.id}:${memberId}`
    : kind === "changed"
      ? `network-meeting-changed:${m.id}:${m.sequence}:${memberId}`
      : `network-meeting-${kind}:${m.id}:${memberId}`;

/**
 * One mail per member about the meeting, in the written standard of the member's unit (else
 * municipality), with the meeting as an .ics (a cancellation's with METHOD:CANCEL) and the link
 * back; each under its own key, so a retry or a second run sends nothing twice.
 */
export async function queueMeetingMail(
  tx: Executor,
  kind: MeetingLetterKind,
  m: Meeting,
  network: string,
  members: Member[],
  actor: { now: Date; baseUrl: string },
): Promise<number> {
  for (const member of members) {
    const standard = member.unitOrgNumber
      ? await writtenStandardOf(tx, "unit", member.unitOrgNumber)
      : await writtenStandardOf(tx, "municipality", member.municipalityCode);
    const letter = meetingLetters[standard]({
      network,
      title: m.title,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      place: m.place,
      digitalLink: m.digitalLink,
      agenda: m.agenda,
      link: meetingLink(actor.baseUrl, standard, m.networkId, m.id),
      kind,
    });
    const ics = meetingCalendarFile(m, network, { lang: standard, baseUrl: actor.baseUrl });
    await enqueueMail(
      tx,
      {
        to: member.email,
        subject: letter.subject,
        text: letter.text,
        attachments: [
          {
            filename: calendarFileName[standard],
            contentType: `text/calendar; charset=utf-8; method=${m.cancelledAt ? "CANCEL" : "PUBLISH"}`,
            contentBase64: Buffer.from(ics, "utf8").toString("base64"),
          },
        ],
      },
      { idempotencyKey: letterKey(kind, m, member.id), now: actor.now },
    );
  }
  return members.length;
}

/**
 * A leader changes a meeting that has not started: the same checks as planning it, from the
 * version the form was drawn from (a change meanwhile refuses it, what was typed kept). The
 * sequence is bumped and every member gets the changed meeting with its updated .ics.
 */
export async function updateMeeting(
  db: Db,
  input: { networkId: number; meetingId: number; sequence: number } & MeetingInput,
  actor: Actor,
): Promise<Outcome<{ informed: number }>> {
  const access = await accessTo(db, input.networkId, actor);
  if (!access) return refuse("network", "notFound");
  if (!access.leads) return refuse("network", "notLeader");
  const meeting = await meetingOf(db, input.networkId, input.meetingId);
  if (!meeting) return refuse("meeting", "notFound");
  if (meeting.cancelledAt) return refuse("title", "meetingCancelled");
  if (actor.now >= meeting.startsAt) return refuse("title", "meetingStarted");
  const errors = checkInput(input);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  try {
    return await db.transaction(async (tx) => {
      const refusal = await guardFreeText(tx, {
        form: "network-meeting",
        fields: { title: input.title, agenda: input.agenda },
        confirmations: input.confirmations,
        now: actor.now,
      });
      if (refusal) throw new RefusedInside(refusal);
      const [row] = await tx
        .update(networkMeetings)
        .set({
          title: input.title.trim(),
          startsAt: input.startsAt!,
          endsAt: input.endsAt!,
          place: input.place.trim(),
          digitalLink: input.digitalLink.trim(),
          agenda: input.agenda.trim(),
          sequence: sql`${networkMeetings.sequence} + 1`,
          updatedAt: actor.now,
        })
        .where(
          and(
            eq(networkMeetings.id, meeting.id),
            eq(networkMeetings.sequence, input.sequence),
            isNull(networkMeetings.cancelledAt),
          ),
        )
        .returning();
      if (!row) throw new RefusedInside(refuse("title", "changedMeanwhile"));
      const members = await membersOf(tx, input.networkId);
      await queueMeetingMail(tx, "changed", row, access.network.name, members, actor);
      await recordAudit(tx, {
        at: actor.now,
        actorId: actor.personId,
        action: "network.meeting.change",
        entityType: "network_meeting",
        entityId: String(meeting.id),
        before: { startsAt: meeting.startsAt, endsAt: meeting.endsAt, sequence: meeting.sequence },
        after: { startsAt: row.startsAt, endsAt: row.endsAt, sequence: row.sequence },
      });
      return { ok: true as const, informed: members.length };
    });
  } catch (e) {
    if (e instanceof RefusedInside) return e.refusal;
    throw e;
  }
}

/**
 * A leader cancels a meeting that has not started: it stays on the timeline as cancelled, the
 * sequence is bumped and every member gets the cancellation with an .ics (METHOD:CANCEL) that
 * takes it out of their calendar. Once.
 */
export async function cancelMeeting(
  db: Db,
  input: { networkId: number; meetingId: number },
  actor: Actor,
): Promise<Outcome<{ informed: number }>> {
  const access = await accessTo(db, input.networkId, actor);
  if (!access) return refuse("network", "notFound");
  if (!access.leads) return refuse("network", "notLeader");
  const meeting = await meetingOf(db, input.networkId, input.meetingId);
  if (!meeting) return refuse("meeting", "notFound");
  if (meeting.cancelledAt) return refuse("cancel", "meetingCancelled");
  if (actor.now >= meeting.startsAt) return refuse("cancel", "meetingStarted");
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .update(networkMeetings)
        .set({
          sequence: sql`${networkMeetings.sequence} + 1`,
          cancelledAt: actor.now,
          cancelledBy: actor.personId,
        })
        .where(and(eq(networkMeetings.id, meeting.id), isNull(networkMeetings.cancelledAt)))
        .returning();
      if (!row) throw new RefusedInside(refuse("cancel", "meetingCancelled"));
      const members = await membersOf(tx, input.networkId);
      await queueMeetingMail(tx, "cancelled", row, access.network.name, members, actor);
      await recordAudit(tx, {
        at: actor.now,
        actorId: actor.personId,
        action: "network.meeting.cancel",
        entityType: "network_meeting",
        entityId: String(meeting.id),
        after: { sequence: row.sequence },
      });
      return { ok: true as const, informed: members.length };
    });
  } catch (e) {
    if (e instanceof RefusedInside) return e.refusal;
    throw e;
  }
}

export async function meetingsOf(db: Executor, networkId: number): Promise<Meeting[]> {
  return db
    .select()
    .from(networkMeetings)
    .where(eq(networkMeetings.networkId, networkId))
    .orderBy(asc(networkMeetings.startsAt), asc(networkMeetings.id));
}

/** The meeting, when it belongs to the network. */
export async function meetingOf(
  db: Executor,
  networkId: number,
  meetingId: number,
): Promise<Meeting | null> {
  const [m] = await db
    .select()
    .from(networkMeetings)
    .where(and(eq(networkMeetings.id, meetingId), eq(networkMeetings.networkId, networkId)));
  return m ?? null;
}

/** The members recorded as having come. */
export async function attendanceOf(db: Executor, meetingId: number): Promise<number[]> {
  const rows = await db
    .select({ id: networkAttendance.memberId })
    .from(networkAttendance)
    .where(eq(networkAttendance.meetingId, meetingId));
  return rows.map((r) => r.id);
}

/**
 * A leader records who came, once the meeting has begun: the list replaces the one before.
 * Someone who is not a member of the network refuses the form.
 */
export async function recordAttendance(
  db: Db,
  input: { networkId: number; meetingId: number; memberIds: number[] },
  actor: Actor,
): Promise<Outcome> {
  const access = await accessTo(db, input.networkId, actor);
  if (!access) return refuse("network", "notFound");
  if (!access.leads) return refuse("network", "notLeader");
  const meeting = await meetingOf(db, input.networkId, input.meetingId);
  if (!meeting) return refuse("meeting", "notFound");
  if (meeting.cancelledAt) return refuse("attendance", "meetingCancelled");
  if (actor.now < meeting.startsAt) return refuse("attendance", "notStarted");
  const ids = [...new Set(input.memberIds)];
  if (ids.length > 0) {
    const found = await db
      .select({ id: networkMembers.id })
      .from(networkMembers)
      .where(and(eq(networkMembers.networkId, input.networkId), inArray(networkMembers.id, ids)));
    if (found.length !== ids.length) return refuse("attendance", "notMember");
  }
  await db.transaction(async (tx) => {
    await tx.delete(networkAttendance).where(eq(networkAttendance.meetingId, meeting.id));
    if (ids.length > 0)
      await tx
        .insert(networkAttendance)
        .values(ids.map((memberId) => ({ meetingId: meeting.id, memberId })));
    await recordAudit(tx, {
      at: actor.now,
      actorId: actor.personId,
      action: "network.attendance",
      entityType: "network_meeting",
      entityId: String(meeting.id),
      after: { came: ids.length },
    });
  });
  return { ok: true };
}

/** A leader writes (or rewrites) the minutes, through the child guard. */
export async function writeMinutes(
  db: Db,
  input: {
    networkId: number;
    meetingId: number;
    minutes: string;
    confirmations?: Record<string, string>;
  },
  actor: Actor,
): Promise<Outcome> {
  const access = await accessTo(db, input.networkId, actor);
  if (!access) return refuse("network", "notFound");
  if (!access.leads) return refuse("network", "notLeader");
  const meeting = await meetingOf(db, input.networkId, input.meetingId);
  if (!meeting) return refuse("meeting", "notFound");
  if (meeting.cancelledAt) return refuse("minutes", "meetingCancelled");
  const minutes = input.minutes.trim();
  if (minutes === "") return refuse("minutes", "required");
  if (minutes.length > meetingLimits.minutes)
    return { ok: false, errors: { minutes: { code: "max", max: meetingLimits.minutes } } };
  if (actor.now < meeting.startsAt) return refuse("minutes", "notStarted");
  try {
    await db.transaction(async (tx) => {
      const refusal = await guardFreeText(tx, {
        form: "network-minutes",
        fields: { minutes },
        confirmations: input.confirmations,
        now: actor.now,
      });
      if (refusal) throw new RefusedInside(refusal);
      await tx
        .update(networkMeetings)
        .set({ minutes, minutesAt: actor.now, minutesBy: actor.personId })
        .where(eq(networkMeetings.id, meeting.id));
      await recordAudit(tx, {
        at: actor.now,
        actorId: actor.personId,
        action: "network.minutes",
        entityType: "network_meeting",
        entityId: String(meeting.id),
      });
    });
  } catch (e) {
    if (e instanceof RefusedInside) return e.refusal;
    throw e;
  }
  return { ok: true };
}
