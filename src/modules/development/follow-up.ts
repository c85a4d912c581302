import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { guardFreeText } from "../../kernel/child-guard-forms";
import { type Outcome, RefusedInside } from "../../kernel/result";
import { recordAudit } from "../identity";
import type { PlanPlace } from "./access";
import { developmentFollowUps, type FollowUpKind } from "./schema";

/**
 * The resource person's log (issue 12): each follow-up of a unit — kind, date, duration,
 * topics and a short note — and, for the overview, each unit's last follow-up.
 */

export const topicsMax = 300;
export const noteMax = 1000;
export const MINUTES_MAX = 1440;

export type FollowUp = typeof developmentFollowUps.$inferSelect;

export type FollowUpInput = {
  kind: FollowUpKind;
  heldOn: string;
  minutes: number;
  topics: string;
  note: string;
  confirmations?: Record<string, string>;
};

/** Log a follow-up of the unit of `place`; the topics and the note pass the child guard. */
export async function logFollowUp(
  db: Db,
  place: PlanPlace,
  input: FollowUpInput,
  actor: { personId: number; now: Date },
): Promise<Outcome<{ id: number }>> {
  try {
    return await db.transaction(async (tx) => {
      const refusal = await guardFreeText(tx, {
        form: "development-follow-up",
        fields: { topics: input.topics, note: input.note },
        confirmations: input.confirmations,
        now: actor.now,
      });
      if (refusal) throw new RefusedInside(refusal);
      const [row] = await tx
        .insert(developmentFollowUps)
        .values({
          cohortId: place.cohort.id,
          unitOrgNumber: place.unit.orgNumber,
          municipalityCode: place.unit.municipalityCode,
          kind: input.kind,
          heldOn: input.heldOn,
          minutes: input.minutes,
          topics: input.topics,
          note: input.note,
          loggedAt: actor.now,
          loggedBy: actor.personId,
        })
        .returning({ id: developmentFollowUps.id });
      await recordAudit(tx, {
        at: actor.now,
        actorId: actor.personId,
        action: "development.follow-up.log",
        entityType: "development_follow_up",
        entityId: String(row!.id),
        after: { unit: place.unit.orgNumber, cohortId: place.cohort.id, kind: input.kind },
      });
      return { ok: true as const, id: row!.id };
    });
  } catch (e) {
    if (e instanceof RefusedInside) return e.refusal;
    throw e;
  }
}

/** A unit's follow-ups in a cohort, newest first. */
export async function followUpsOf(
  db: Db,
  cohortId: number,
  orgNumber: string,
): Promise<FollowUp[]> {
  return db
    .select()
    .from(developmentFollowUps)
    .where(
      and(
        eq(developmentFollowUps.cohortId, cohortId),
        eq(developmentFollowUps.unitOrgNumber, orgNumber),
      ),
    )
    .orderBy(desc(developmentFollowUps.heldOn), desc(developmentFollowUps.id));
}

/** The date of each unit's last follow-up per cohort ("cohortId:orgNumber" → ISO date). */
export async function lastFollowUps(db: Db, orgNumbers: string[]): Promise<Map<string, string>> {
  if (orgNumbers.length === 0) return new Map();
  const rows = await db
    .select({
      cohortId: developmentFollowUps.cohortId,
      orgNumber: developmentFollowUps.unitOrgNumber,
      last: sql<string>`max(${developmentFollowUps.heldOn})::text`,
    })
    .from(developmentFollowUps)
    .where(inArray(developmentFollowUps.unitOrgNumber, [...new Set(orgNumbers)]))
    .groupBy(developmentFollowUps.cohortId, developmentFollowUps.unitOrgNumber);
  return new Map(rows.map((r) => [`${r.cohortId}:${r.orgNumber}`, r.last]));
}

/** How many follow-ups each unit has had per cohort ("cohortId:orgNumber" → count). */
export async function followUpCounts(db: Db, orgNumbers: string[]): Promise<Map<string, number>> {
  if (orgNumbers.length === 0) return new Map();
  const rows = await db
    .select({
      cohortId: developmentFollowUps.cohortId,
      orgNumber: developmentFollowUps.unitOrgNumber,
      n: sql<number>`count(*)::int`,
    })
    .from(developmentFollowUps)
    .where(inArray(developmentFollowUps.unitOrgNumber, [...new Set(orgNumbers)]))
    .groupBy(developmentFollowUps.cohortId, developmentFollowUps.unitOrgNumber);
  return new Map(rows.map((r) => [`${r.cohortId}:${r.orgNumber}`, Number(r.n)]));
}
