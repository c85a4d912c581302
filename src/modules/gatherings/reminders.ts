import { and, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { showCheckInCode } from "../../kernel/check-in-code";
import { enqueue, type JobHandlers } from "../../kernel/jobs";
import { enqueueMail } from "../../kernel/mail-jobs";
import type { JobContext } from "../../kernel/manifest";
import { jobs } from "../../kernel/schema";
import { placesTakingPart } from "../cohorts";
import { activeRoleHolders, getPerson } from "../identity";
import { municipalitiesOfUnits } from "../organisations";
import { gatheringLink } from "./calendar-events";
import { type Gathering, gatheringById } from "./gatherings";
import { deadlineLetters, upcomingLetters } from "./reminder-mail-texts";
import { gatheringRegistrations, gatherings } from "./schema";
import { standardOfPlace } from "./ticket";
import { placeAndLink, ticketAttachments } from "./ticket-job";
import {
  admits,
  cohortQuestion,
  type Place,
  passesRoleAndMunicipality,
  placesFrom,
} from "./who-may-register";

const DAY = 86_400_000;
/** Those who may register and have not are reminded this long before registration closes. */
export const DEADLINE_REMINDER_MS = 3 * DAY;
/** Those with a seat are reminded this long before the gathering starts. */
export const UPCOMING_REMINDER_MS = 2 * DAY;

/**
 * The reminders of a gathering, each kind a job of its own per gathering (decision 0026):
 * `deadline` to those who may register and have not, `upcoming` to those with a seat. The job
 * queues one mail per person, keyed per person, gathering and kind: each is sent once, however
 * often the housekeeping runs, on however many instances, and when the job is retried.
 */
export const REMINDER_JOB = "gathering.reminders";
const KINDS = ["deadline", "upcoming"] as const;
type ReminderKind = (typeof KINDS)[number];
const reminderPayload = z.object({
  gatheringId: z.number().int().positive(),
  kind: z.enum(KINDS),
});
const batchKey = (kind: ReminderKind, gatheringId: number) =>
  `gathering-reminders:${kind}:${gatheringId}`;

/**
 * The housekeeping: queue the reminder job of every gathering whose reminder is due and not yet
 * queued: registration open and closing within three days; starting within two days. Returns
 * how many were queued.
 */
export async function queueDueReminders(db: Db, now: Date): Promise<number> {
  const at = now.toISOString();
  const notQueued = (kind: ReminderKind) =>
    sql`not exists (select 1 from ${jobs} j
      where j.idempotency_key = ${`gathering-reminders:${kind}:`} || ${gatherings.id})`;
  const deadline = await db
    .select({ id: gatherings.id })
    .from(gatherings)
    .where(
      and(
        isNull(gatherings.closedAt),
        lte(gatherings.registrationOpensAt, now),
        sql`${gatherings.registrationClosesAt} > ${at}::timestamptz`,
        sql`${gatherings.registrationClosesAt} <= ${new Date(now.getTime() + DEADLINE_REMINDER_MS).toISOString()}::timestamptz`,
        notQueued("deadline"),
      ),
    );
  const upcoming = await db
    .select({ id: gatherings.id })
    .from(gatherings)
    .where(
      and(
        isNull(gatherings.closedAt),
        sql`${gatherings.startsAt} > ${at}::timestamptz`,
        sql`${gatherings.startsAt} <= ${new Date(now.getTime() + UPCOMING_REMINDER_MS).toISOString()}::timestamptz`,
        notQueued("upcoming"),
      ),
    );
  const due = [
    ...deadline.map((g) => ({ gatheringId: g.id, kind: "deadline" as const })),
    ...upcoming.map((g) => ({ gatheringId: g.id, kind: "upcoming" as const })),
  ];
  for (const d of due)
    await enqueue(db, {
      kind: REMINDER_JOB,
      payload: d,
      idempotencyKey: batchKey(d.kind, d.gatheringId),
      runAt: now,
    });
  return due.length;
}

/**
 * Everyone the gathering admits who has not registered (nor registered and cancelled), with
 * the place they would register from: the same rule as a registration (`admits`), for all
 * holders of a role at once: the roles in one query, cohort participation in one question to
 * the cohorts module.
 */
export async function mayRegisterAndHaveNot(
  db: Db,
  gathering: Gathering,
): Promise<{ personId: number; email: string; place: Place }[]> {
  const holders = await activeRoleHolders(db, gathering.allowedRoles);
  const unitMunicipality = await municipalitiesOfUnits(db, [
    ...new Set(holders.filter((h) => h.orgKind === "unit").map((h) => h.orgId)),
  ]);
  const byPerson = new Map<number, { email: string; places: Place[] }>();
  for (const h of holders) {
    const [place] = placesFrom([h], unitMunicipality);
    if (!passesRoleAndMunicipality(gathering, place!)) continue;
    const entry = byPerson.get(h.personId) ?? { email: h.email, places: [] };
    entry.places.push(place!);
    byPerson.set(h.personId, entry);
  }
  if (byPerson.size === 0) return [];
  const taking =
    gathering.allowedCohorts.length > 0
      ? await placesTakingPart(
          db,
          gathering.allowedCohorts,
          cohortQuestion([...byPerson.values()].flatMap((e) => e.places)),
        )
      : null;
  const registered = new Set(
    (
      await db
        .select({ personId: gatheringRegistrations.personId })
        .from(gatheringRegistrations)
        .where(eq(gatheringRegistrations.gatheringId, gathering.id))
    ).map((r) => r.personId),
  );
  const out = [];
  for (const [personId, e] of byPerson) {
    if (registered.has(personId)) continue;
    const place = e.places.find((p) => admits(gathering, p, taking));
    if (place) out.push({ personId, email: e.email, place });
  }
  return out;
}

/** The written standard of each place, read once per place. */
function standards(db: Db) {
  const known = new Map<string, Promise<"nb" | "nn">>();
  return (place: { unitOrgNumber: string | null; municipalityCode: string | null }) => {
    const key = `${place.unitOrgNumber ?? ""}:${place.municipalityCode ?? ""}`;
    let found = known.get(key);
    if (!found) {
      found = standardOfPlace(db, place);
      known.set(key, found);
    }
    return found;
  };
}

/** How many mails a reminder job queues in one transaction. */
const CHUNK = 200;

async function remindBeforeDeadline(db: Db, gathering: Gathering, now: Date, linkBase: string) {
  if (now < gathering.registrationOpensAt || now >= gathering.registrationClosesAt) return 0;
  const recipients = await mayRegisterAndHaveNot(db, gathering);
  const standardOf = standards(db);
  for (let i = 0; i < recipients.length; i += CHUNK) {
    const mails: { r: (typeof recipients)[number]; letter: { subject: string; text: string } }[] =
      [];
    for (const r of recipients.slice(i, i + CHUNK)) {
      const standard = await standardOf(r.place);
      const letter = deadlineLetters[standard]({
        title: standard === "nn" ? gathering.titleNn : gathering.titleNb,
        startsAt: gathering.startsAt,
        closesAt: gathering.registrationClosesAt,
        link: gatheringLink(linkBase, standard, gathering.id),
      });
      mails.push({ r, letter });
    }
    await db.transaction(async (tx) => {
      for (const { r, letter } of mails)
        await enqueueMail(
          tx,
          { to: r.email, subject: letter.subject, text: letter.text },
          { idempotencyKey: `gathering-reminder:deadline:${gathering.id}:${r.personId}`, now },
        );
    });
  }
  return recipients.length;
}

async function remindBeforeStart(db: Db, gathering: Gathering, now: Date, linkBase: string) {
  if (now >= gathering.startsAt) return 0;
  const seated = await db
    .select()
    .from(gatheringRegistrations)
    .where(
      and(
        eq(gatheringRegistrations.gatheringId, gathering.id),
        inArray(gatheringRegistrations.status, ["confirmed"]),
      ),
    );
  const standardOf = standards(db);
  let sent = 0;
  for (const r of seated) {
    const person = await getPerson(db, r.personId);
    if (!person?.email || person.deletedAt || !r.checkInCode) continue;
    const standard = await standardOf(r);
    const letter = upcomingLetters[standard]({
      title: standard === "nn" ? gathering.titleNn : gathering.titleNb,
      startsAt: gathering.startsAt,
      endsAt: gathering.endsAt,
      ...placeAndLink(gathering),
      code: showCheckInCode(r.checkInCode),
      link: gatheringLink(linkBase, standard, gathering.id),
    });
    await enqueueMail(
      db,
      {
        to: person.email,
        subject: letter.subject,
        text: letter.text,
        attachments: await ticketAttachments(gathering, r.checkInCode, standard, linkBase),
      },
      { idempotencyKey: `gathering-reminder:upcoming:${gathering.id}:${r.personId}`, now },
    );
    sent++;
  }
  return sent;
}

/** The reminder job: the mails of one gathering's reminder of one kind, as things are now. */
export function reminderJobHandlers(context: JobContext): JobHandlers {
  const { db, clock } = context;
  const linkBase = context.linkBase.replace(/\/+$/, "");
  return {
    async [REMINDER_JOB](payload) {
      const { gatheringId, kind } = reminderPayload.parse(payload);
      const gathering = await gatheringById(db, gatheringId);
      if (!gathering || gathering.closedAt) return;
      const now = clock.now();
      if (kind === "deadline") await remindBeforeDeadline(db, gathering, now, linkBase);
      else await remindBeforeStart(db, gathering, now, linkBase);
    },
  };
}
