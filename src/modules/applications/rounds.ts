import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { endOfOsloDay, isCalendarDate, osloToday } from "../../kernel/clock";
import { type Outcome, refuse } from "../../kernel/result";
import { recordAudit } from "../identity";
import type { Actor } from "./forms";
import { applicationForms, applicationRounds, type Criterion } from "./schema";

export type Round = typeof applicationRounds.$inferSelect;

/** Whether a round takes submissions at an instant (not counting reopenings for one municipality). */
export function isOpen(round: Pick<Round, "opensAt" | "deadline" | "closedAt">, now: Date) {
  return round.closedAt === null && now >= round.opensAt && now < round.deadline;
}

export async function roundById(db: Db, id: number): Promise<Round | null> {
  const [row] = await db.select().from(applicationRounds).where(eq(applicationRounds.id, id));
  return row ?? null;
}

export async function roundOfCohort(db: Db, cohortId: number): Promise<Round | null> {
  const [row] = await db
    .select()
    .from(applicationRounds)
    .where(eq(applicationRounds.cohortId, cohortId));
  return row ?? null;
}

/** Each of these cohorts' application deadline (its newest round's), for the cohort pages. */
export async function applicationDeadlines(db: Db, cohortIds: number[]) {
  const found = new Map<number, Date>();
  if (cohortIds.length === 0) return found;
  const rows = await db
    .select({ cohortId: applicationRounds.cohortId, deadline: applicationRounds.deadline })
    .from(applicationRounds)
    .where(inArray(applicationRounds.cohortId, cohortIds));
  for (const r of rows) {
    const known = found.get(r.cohortId);
    if (!known || r.deadline > known) found.set(r.cohortId, r.deadline);
  }
  return found;
}

/** The rounds of the given cohorts, newest first, with the form version each uses. */
export async function roundsOfCohorts(db: Db, cohortIds: number[]) {
  if (cohortIds.length === 0) return [];
  return db
    .select({ round: applicationRounds, form: applicationForms })
    .from(applicationRounds)
    .innerJoin(applicationForms, eq(applicationForms.id, applicationRounds.formId))
    .where(inArray(applicationRounds.cohortId, cohortIds))
    .orderBy(desc(applicationRounds.deadline));
}

/**
 * Open a cohort's application round on the programme's newest form version, which is thereby
 * published (frozen). The deadline is a day in Norway; submissions are taken until it ends.
 */
export async function openRound(
  db: Db,
  input: { cohortId: number; programmeId: number; deadline: string; criteria: Criterion[] },
  actor: Actor,
): Promise<Outcome<{ roundId: number }>> {
  if (!isCalendarDate(input.deadline)) return refuse("deadline", "date");
  if (input.deadline < osloToday(actor.now)) return refuse("deadline", "deadlineInPast");
  return db.transaction(async (tx) => {
    const [form] = await tx
      .select()
      .from(applicationForms)
      .where(eq(applicationForms.programmeId, input.programmeId))
      .orderBy(desc(applicationForms.version))
      .limit(1)
      .for("update");
    if (!form) return refuse("form", "noForm");
    if (form.publishedAt === null) {
      await tx
        .update(applicationForms)
        .set({ publishedAt: actor.now })
        .where(and(eq(applicationForms.id, form.id), isNull(applicationForms.publishedAt)));
    }
    const [row] = await tx
      .insert(applicationRounds)
      .values({
        cohortId: input.cohortId,
        programmeId: input.programmeId,
        formId: form.id,
        opensAt: actor.now,
        deadline: endOfOsloDay(input.deadline),
        criteria: input.criteria,
        createdAt: actor.now,
        createdBy: actor.personId,
      })
      .onConflictDoNothing()
      .returning({ id: applicationRounds.id });
    if (!row) return refuse("cohort", "roundExists");
    await recordAudit(tx, {
      at: actor.now,
      actorId: actor.personId,
      action: "application-round.open",
      entityType: "application-round",
      entityId: String(row.id),
      after: { cohortId: input.cohortId, formVersion: form.version, deadline: input.deadline },
    });
    return { ok: true as const, roundId: row.id };
  });
}

/** Close a round before its deadline: no more submissions (drafts stay, for the record). */
export async function closeRound(db: Db, roundId: number, actor: Actor): Promise<Outcome> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(applicationRounds)
      .set({ closedAt: actor.now })
      .where(and(eq(applicationRounds.id, roundId), isNull(applicationRounds.closedAt)))
      .returning({ id: applicationRounds.id });
    if (!row) return refuse("round", "alreadyClosed");
    await recordAudit(tx, {
      at: actor.now,
      actorId: actor.personId,
      action: "application-round.close",
      entityType: "application-round",
      entityId: String(roundId),
    });
    return { ok: true as const };
  });
}
