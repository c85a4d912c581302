import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { guardFreeText } from "../../kernel/child-guard-forms";
import type { CurrentUser } from "../../kernel/context";
import { type Outcome, RefusedInside, refuse } from "../../kernel/result";
import { gatheringById } from "../gatherings";
import { recordAudit } from "../identity";
import { meetingsOfUnit } from "../networks";
import { type PlanPlace, planAccess } from "./access";
import {
  developmentComments,
  developmentMeasures,
  developmentPlans,
  developmentPlanVersions,
  developmentReflections,
  type MeasureStatus,
  type ReflectionAbout,
  type SelfAssessment,
} from "./schema";

/**
 * A unit's development plan for a cohort (issue 12): where it stands on each theme, its goals,
 * its measures and its phase; reflections after gatherings; comments by its staff. The plan's
 * text is saved whole, each save a version (the history); a save drawn from an older version
 * is refused as stale, and the writer keeps what they typed beside what the other saved.
 * Measures change one at a time, each change in the audit log with before and after.
 */

export const goalsMax = 2000;
export const assessmentTextMax = 500;
export const measureWhatMax = 300;
export const measureResponsibleMax = 120;
export const measureDueMax = 60;
export const commentMax = 1000;
export const reflectionMax = 2000;

export type Plan = typeof developmentPlans.$inferSelect;
export type Measure = typeof developmentMeasures.$inferSelect;
export type Reflection = typeof developmentReflections.$inferSelect;
export type Comment = typeof developmentComments.$inferSelect;

type Actor = { personId: number; now: Date };

export async function planOf(
  db: Executor,
  cohortId: number,
  orgNumber: string,
): Promise<Plan | null> {
  const [row] = await db
    .select()
    .from(developmentPlans)
    .where(
      and(eq(developmentPlans.cohortId, cohortId), eq(developmentPlans.unitOrgNumber, orgNumber)),
    );
  return row ?? null;
}

/** Everything of a plan its page shows: measures, reflections, comments, versions. */
export async function planDetails(db: Db, planId: number) {
  const [measures, reflections, comments, versions] = await Promise.all([
    db
      .select()
      .from(developmentMeasures)
      .where(eq(developmentMeasures.planId, planId))
      .orderBy(asc(developmentMeasures.id)),
    db
      .select()
      .from(developmentReflections)
      .where(eq(developmentReflections.planId, planId))
      .orderBy(desc(developmentReflections.writtenAt), desc(developmentReflections.id)),
    db
      .select()
      .from(developmentComments)
      .where(eq(developmentComments.planId, planId))
      .orderBy(asc(developmentComments.at), asc(developmentComments.id)),
    db
      .select({
        version: developmentPlanVersions.version,
        savedAt: developmentPlanVersions.savedAt,
        savedBy: developmentPlanVersions.savedBy,
        phase: developmentPlanVersions.phase,
      })
      .from(developmentPlanVersions)
      .where(eq(developmentPlanVersions.planId, planId))
      .orderBy(desc(developmentPlanVersions.version)),
  ]);
  return { measures, reflections, comments, versions };
}

/** The plan of the place, made empty (version 0) when it has none yet, inside `tx`. */
async function ensurePlan(tx: Executor, place: PlanPlace, now: Date): Promise<Plan> {
  await tx
    .insert(developmentPlans)
    .values({
      cohortId: place.cohort.id,
      unitOrgNumber: place.unit.orgNumber,
      municipalityCode: place.unit.municipalityCode,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(developmentPlans)
    .where(
      and(
        eq(developmentPlans.cohortId, place.cohort.id),
        eq(developmentPlans.unitOrgNumber, place.unit.orgNumber),
      ),
    )
    .for("update");
  return row!;
}

async function inTransaction<T>(
  db: Db,
  work: (tx: Executor) => Promise<Outcome<T>>,
): Promise<Outcome<T>> {
  try {
    return await db.transaction((tx) => work(tx));
  } catch (e) {
    if (e instanceof RefusedInside) return e.refusal;
    throw e;
  }
}

export type PlanInput = {
  /** The version the form was drawn from (0 for a plan not yet saved). */
  version: number;
  phase: string | null;
  selfAssessment: SelfAssessment;
  goals: string;
  confirmations?: Record<string, string>;
};

/**
 * Save the plan's text as its next version. Refused as `stale` when someone saved since the
 * form was drawn (the refusal carries the version now saved, so the page can show both).
 */
export async function savePlan(
  db: Db,
  place: PlanPlace,
  input: PlanInput,
  actor: Actor,
): Promise<Outcome<{ version: number }>> {
  return inTransaction(db, async (tx) => {
    const plan = await ensurePlan(tx, place, actor.now);
    if (plan.version !== input.version)
      throw new RefusedInside(refuse("form", "stale", { version: plan.version }));
    const fields: Record<string, string> = { goals: input.goals };
    for (const [key, a] of Object.entries(input.selfAssessment))
      fields[`assessment-${key}-text`] = a.text;
    const refusal = await guardFreeText(tx, {
      form: "development-plan",
      fields,
      confirmations: input.confirmations,
      now: actor.now,
    });
    if (refusal) throw new RefusedInside(refusal);
    const version = plan.version + 1;
    await tx
      .update(developmentPlans)
      .set({
        phase: input.phase,
        selfAssessment: input.selfAssessment,
        goals: input.goals,
        version,
        updatedAt: actor.now,
        updatedBy: actor.personId,
      })
      .where(eq(developmentPlans.id, plan.id));
    await tx.insert(developmentPlanVersions).values({
      planId: plan.id,
      version,
      phase: input.phase,
      selfAssessment: input.selfAssessment,
      goals: input.goals,
      savedAt: actor.now,
      savedBy: actor.personId,
    });
    await recordAudit(tx, {
      at: actor.now,
      actorId: actor.personId,
      action: "development.plan.save",
      entityType: "development_plan",
      entityId: String(plan.id),
      before: { version: plan.version, phase: plan.phase },
      after: { version, phase: input.phase },
    });
    return { ok: true as const, version };
  });
}

export type MeasureInput = {
  what: string;
  responsible: string;
  due: string;
  status: MeasureStatus;
  confirmations?: Record<string, string>;
};

/** Add a measure to the plan (made if the unit has none yet). */
export async function addMeasure(
  db: Db,
  place: PlanPlace,
  input: MeasureInput,
  actor: Actor,
): Promise<Outcome<{ id: number }>> {
  return inTransaction(db, async (tx) => {
    const plan = await ensurePlan(tx, place, actor.now);
    const refusal = await guardFreeText(tx, {
      form: "development-measure",
      fields: { what: input.what, responsible: input.responsible, due: input.due },
      confirmations: input.confirmations,
      now: actor.now,
    });
    if (refusal) throw new RefusedInside(refusal);
    const [row] = await tx
      .insert(developmentMeasures)
      .values({
        planId: plan.id,
        what: input.what,
        responsible: input.responsible,
        due: input.due,
        status: input.status,
        createdAt: actor.now,
        createdBy: actor.personId,
        updatedAt: actor.now,
      })
      .returning({ id: developmentMeasures.id });
    await recordAudit(tx, {
      at: actor.now,
      actorId: actor.personId,
      action: "development.measure.add",
      entityType: "development_measure",
      entityId: String(row!.id),
      after: { planId: plan.id, status: input.status },
    });
    return { ok: true as const, id: row!.id };
  });
}

/** Change a measure's status; a measure of another plan is `notFound`. */
export async function setMeasureStatus(
  db: Db,
  place: PlanPlace,
  input: { measureId: number; status: MeasureStatus },
  actor: Actor,
): Promise<Outcome> {
  return inTransaction(db, async (tx) => {
    const plan = await planOf(tx, place.cohort.id, place.unit.orgNumber);
    if (!plan) throw new RefusedInside(refuse("measure", "notFound"));
    const [measure] = await tx
      .select()
      .from(developmentMeasures)
      .where(
        and(eq(developmentMeasures.id, input.measureId), eq(developmentMeasures.planId, plan.id)),
      )
      .for("update");
    if (!measure) throw new RefusedInside(refuse("measure", "notFound"));
    if (measure.status === input.status) return { ok: true as const };
    await tx
      .update(developmentMeasures)
      .set({ status: input.status, updatedAt: actor.now })
      .where(eq(developmentMeasures.id, measure.id));
    await recordAudit(tx, {
      at: actor.now,
      actorId: actor.personId,
      action: "development.measure.status",
      entityType: "development_measure",
      entityId: String(measure.id),
      before: { status: measure.status },
      after: { status: input.status },
    });
    return { ok: true as const };
  });
}

/** A comment on the plan by someone of the unit. */
export async function addComment(
  db: Db,
  place: PlanPlace,
  input: { text: string; authorName: string; confirmations?: Record<string, string> },
  actor: Actor,
): Promise<Outcome> {
  return inTransaction(db, async (tx) => {
    const plan = await ensurePlan(tx, place, actor.now);
    const refusal = await guardFreeText(tx, {
      form: "development-comment",
      fields: { comment: input.text },
      confirmations: input.confirmations,
      now: actor.now,
    });
    if (refusal) throw new RefusedInside(refusal);
    await tx.insert(developmentComments).values({
      planId: plan.id,
      personId: actor.personId,
      authorName: input.authorName,
      text: input.text,
      at: actor.now,
    });
    return { ok: true as const };
  });
}

export type ReflectionInput = {
  /** What it is about: a gathering of the cohort, or a meeting of a network the unit is in. */
  about: { kind: ReflectionAbout; id: number };
  tried: string;
  saw: string;
  next: string;
  shared: boolean;
  confirmations?: Record<string, string>;
};

/**
 * Whether the unit may reflect on this gathering or network meeting, and when it ended: a
 * gathering of the unit's cohort (or of its whole programme); a meeting (not cancelled) of a
 * network of the cohort the unit is a member of (decision 0044).
 */
async function reflectionSubject(
  db: Db,
  place: PlanPlace,
  about: ReflectionInput["about"],
): Promise<{ endsAt: Date } | null> {
  if (about.kind === "network-meeting") {
    const meetings = await meetingsOfUnit(db, place.cohort.id, place.unit.orgNumber);
    return meetings.find((m) => m.id === about.id) ?? null;
  }
  const gathering = await gatheringById(db, about.id);
  if (
    !gathering ||
    gathering.programmeId !== place.cohort.programmeId ||
    (gathering.cohortId !== null && gathering.cohortId !== place.cohort.id)
  )
    return null;
  return gathering;
}

/**
 * A reflection after a gathering of the unit's cohort (or of its whole programme) or after a
 * meeting of one of its networks, refused on one that has not ended yet.
 */
export async function writeReflection(
  db: Db,
  place: PlanPlace,
  input: ReflectionInput,
  actor: Actor,
): Promise<Outcome<{ id: number }>> {
  const subject = await reflectionSubject(db, place, input.about);
  if (!subject) return refuse("gathering", "choice");
  if (subject.endsAt > actor.now) return refuse("gathering", "notHeldYet");
  return inTransaction(db, async (tx) => {
    const plan = await ensurePlan(tx, place, actor.now);
    const refusal = await guardFreeText(tx, {
      form: "development-reflection",
      fields: { tried: input.tried, saw: input.saw, next: input.next },
      confirmations: input.confirmations,
      now: actor.now,
    });
    if (refusal) throw new RefusedInside(refusal);
    const [row] = await tx
      .insert(developmentReflections)
      .values({
        planId: plan.id,
        aboutKind: input.about.kind,
        aboutId: input.about.id,
        tried: input.tried,
        saw: input.saw,
        next: input.next,
        shared: input.shared,
        writtenAt: actor.now,
        writtenBy: actor.personId,
      })
      .returning({ id: developmentReflections.id });
    await recordAudit(tx, {
      at: actor.now,
      actorId: actor.personId,
      action: "development.reflection.write",
      entityType: "development_reflection",
      entityId: String(row!.id),
      after: {
        planId: plan.id,
        ...(input.about.kind === "gathering"
          ? { gatheringId: input.about.id }
          : { meetingId: input.about.id }),
        shared: input.shared,
      },
    });
    return { ok: true as const, id: row!.id };
  });
}

/** A unit's plan reflection on a network meeting, as the meeting's page shows it. */
export type MeetingReflection = {
  id: number;
  cohortId: number;
  orgNumber: string;
  tried: string;
  saw: string;
  next: string;
  writtenAt: Date;
};

/**
 * The plan reflections tied to a network meeting that the person may read (decision 0044): those
 * of the units whose plan she reads (her own unit's; her municipality's units' as coordinator or
 * resource person). A leader of another municipality in an inter-municipal network sees none of
 * that municipality's units' texts, as on the plans themselves.
 */
export async function planReflectionsOnMeeting(
  db: Executor,
  meetingId: number,
  user: CurrentUser | null,
): Promise<MeetingReflection[]> {
  const rows = await db
    .select({
      id: developmentReflections.id,
      cohortId: developmentPlans.cohortId,
      orgNumber: developmentPlans.unitOrgNumber,
      municipalityCode: developmentPlans.municipalityCode,
      tried: developmentReflections.tried,
      saw: developmentReflections.saw,
      next: developmentReflections.next,
      writtenAt: developmentReflections.writtenAt,
    })
    .from(developmentReflections)
    .innerJoin(developmentPlans, eq(developmentPlans.id, developmentReflections.planId))
    .where(
      and(
        eq(developmentReflections.aboutKind, "network-meeting"),
        eq(developmentReflections.aboutId, meetingId),
      ),
    )
    .orderBy(asc(developmentReflections.writtenAt), asc(developmentReflections.id));
  return rows.filter((r) => planAccess(user, r).read).map(({ municipalityCode: _, ...r }) => r);
}

/** The plans of these units, in every cohort (the list of plans). */
export async function plansOfUnits(db: Db, orgNumbers: string[]): Promise<Plan[]> {
  if (orgNumbers.length === 0) return [];
  return db
    .select()
    .from(developmentPlans)
    .where(inArray(developmentPlans.unitOrgNumber, [...new Set(orgNumbers)]));
}
