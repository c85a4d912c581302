import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { isCalendarDate } from "../../kernel/clock";
import type { FieldErrors } from "../../kernel/forms";
import { type Outcome, refuse } from "../../kernel/result";
import { ACTIVITY_KINDS, ACTIVITY_MODES } from "./form-definition";
import type { Actor } from "./forms";
import { guidanceEntries, ownCosts, participations, planActivities } from "./schema";

/** A granted municipality's tailored plan: activities, FUB/FUG's guidance, its own costs. */

export const planLimits = {
  note: 500,
  topics: 300,
  maxAmount: 10_000_000,
  minMonths: 12,
  maxMonths: 24,
};
export const COST_KINDS = ["venue", "staff-time", "substitutes", "travel", "other"] as const;
export type CostKind = (typeof COST_KINDS)[number];
export type Participation = typeof participations.$inferSelect;

export async function participationById(db: Db, id: number): Promise<Participation | null> {
  const [row] = await db.select().from(participations).where(eq(participations.id, id));
  return row ?? null;
}

export async function participationOfApplication(db: Db, applicationId: number) {
  const [row] = await db
    .select()
    .from(participations)
    .where(eq(participations.applicationId, applicationId));
  return row ?? null;
}

/** Everything of a plan, in date order (activities without a date last). */
export async function planOf(db: Db, participationId: number) {
  const [activities, guidance, costs] = await Promise.all([
    db
      .select()
      .from(planActivities)
      .where(eq(planActivities.participationId, participationId))
      .orderBy(asc(planActivities.plannedOn), asc(planActivities.id)),
    db
      .select()
      .from(guidanceEntries)
      .where(eq(guidanceEntries.participationId, participationId))
      .orderBy(asc(guidanceEntries.givenOn), asc(guidanceEntries.id)),
    db
      .select()
      .from(ownCosts)
      .where(eq(ownCosts.participationId, participationId))
      .orderBy(asc(ownCosts.id)),
  ]);
  return { activities, guidance, costs };
}

/** Change the plan's frame: its start and its length, 12 to 24 months. */
export async function setPlanPeriod(
  db: Db,
  input: { participationId: number; startsOn: string; months: string },
): Promise<Outcome> {
  const errors: FieldErrors = {};
  if (!isCalendarDate(input.startsOn)) errors.startsOn = { code: "date" };
  const months = Number(input.months);
  if (
    !/^[0-9]{1,2}$/.test(input.months) ||
    months < planLimits.minMonths ||
    months > planLimits.maxMonths
  ) {
    errors.months = {
      code: "months",
      params: { min: planLimits.minMonths, max: planLimits.maxMonths },
    };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  await db
    .update(participations)
    .set({ startsOn: input.startsOn, months })
    .where(eq(participations.id, input.participationId));
  return { ok: true };
}

/** Add an activity to the plan: a training day, staff meeting, parent meeting or gathering. */
export async function addActivity(
  db: Db,
  input: {
    participationId: number;
    kind: string;
    mode: string;
    plannedOn: string;
    units: string[];
    note: string;
  },
): Promise<Outcome<{ id: number }>> {
  const errors: FieldErrors = {};
  if (!ACTIVITY_KINDS.includes(input.kind as never)) errors.kind = { code: "choice" };
  if (!ACTIVITY_MODES.includes(input.mode as never)) errors.mode = { code: "choice" };
  if (input.plannedOn !== "" && !isCalendarDate(input.plannedOn))
    errors.plannedOn = { code: "date" };
  if (input.note.trim().length > planLimits.note)
    errors.note = { code: "max", max: planLimits.note };
  if (input.units.some((u) => !/^[0-9]{9}$/.test(u))) errors.units = { code: "choice" };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const [row] = await db
    .insert(planActivities)
    .values({
      participationId: input.participationId,
      kind: input.kind,
      mode: input.mode as "digital" | "physical",
      plannedOn: input.plannedOn || null,
      units: [...new Set(input.units)].sort(),
      note: input.note.trim(),
    })
    .returning({ id: planActivities.id });
  return { ok: true, id: row!.id };
}

/** Mark an activity done (either side may): the first mark stands, with who and when. */
export async function markActivityDone(
  db: Db,
  input: { participationId: number; activityId: number },
  actor: Actor,
): Promise<Outcome> {
  const [row] = await db
    .update(planActivities)
    .set({ doneAt: actor.now, doneBy: actor.personId })
    .where(
      and(
        eq(planActivities.id, input.activityId),
        eq(planActivities.participationId, input.participationId),
        isNull(planActivities.doneAt),
      ),
    )
    .returning({ id: planActivities.id });
  if (row) return { ok: true };
  // Nothing changed: marked already, or no such activity in this plan.
  const [there] = await db
    .select({ id: planActivities.id })
    .from(planActivities)
    .where(
      and(
        eq(planActivities.id, input.activityId),
        eq(planActivities.participationId, input.participationId),
      ),
    );
  return refuse("activity", there ? "alreadyDone" : "notFound");
}

/** FUB/FUG records guidance given to the municipality: date, mode, topics, a short note. */
export async function recordGuidance(
  db: Db,
  input: { participationId: number; givenOn: string; mode: string; topics: string; note: string },
  actor: Actor,
): Promise<Outcome> {
  const errors: FieldErrors = {};
  if (!isCalendarDate(input.givenOn)) errors.givenOn = { code: "date" };
  if (!ACTIVITY_MODES.includes(input.mode as never)) errors.mode = { code: "choice" };
  const topics = input.topics.trim();
  if (topics === "") errors.topics = { code: "required" };
  else if (topics.length > planLimits.topics)
    errors.topics = { code: "max", max: planLimits.topics };
  if (input.note.trim().length > planLimits.note)
    errors.note = { code: "max", max: planLimits.note };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  await db.insert(guidanceEntries).values({
    participationId: input.participationId,
    givenOn: input.givenOn,
    mode: input.mode as "digital" | "physical",
    topics,
    note: input.note.trim(),
    recordedAt: actor.now,
    recordedBy: actor.personId,
  });
  return { ok: true };
}

/** The municipality records one of its own costs (whole kroner); the offer itself is free. */
export async function recordOwnCost(
  db: Db,
  input: {
    participationId: number;
    kind: string;
    amount: string;
    note: string;
    /** "yes": an estimate ahead of the cost (decision 0033). */
    estimate?: string;
  },
  actor: Actor,
): Promise<Outcome> {
  const errors: FieldErrors = {};
  if (!COST_KINDS.includes(input.kind as CostKind)) errors.kind = { code: "choice" };
  const digits = input.amount.replace(/[\s\u00a0]/g, "");
  const amount = Number(digits);
  if (!/^[0-9]{1,8}$/.test(digits) || amount < 1 || amount > planLimits.maxAmount) {
    errors.amount = { code: "amount" };
  }
  if (input.note.trim().length > planLimits.note)
    errors.note = { code: "max", max: planLimits.note };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  await db.insert(ownCosts).values({
    participationId: input.participationId,
    kind: input.kind as CostKind,
    amount,
    estimate: input.estimate === "yes",
    note: input.note.trim(),
    recordedAt: actor.now,
    recordedBy: actor.personId,
  });
  return { ok: true };
}
