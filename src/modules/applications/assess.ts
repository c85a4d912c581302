import { and, eq, isNotNull } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { type Outcome, refuse } from "../../kernel/result";
import { activeRoles, recordAudit } from "../identity";
import { municipalitiesOfUnits } from "../organisations";
import type { Actor } from "./forms";
import {
  applicationRounds,
  applications,
  assessments,
  type Proposal,
  roundAssessors,
} from "./schema";

export const assessmentCommentMax = 2000;
export const PROPOSALS = ["granted", "waitlisted", "declined"] as const;

/** Name the people who assess a round (the programme admin's act; audited). */
export async function nameAssessor(
  db: Db,
  input: { roundId: number; personId: number },
  actor: Actor,
): Promise<Outcome> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(roundAssessors)
      .values({
        roundId: input.roundId,
        personId: input.personId,
        namedAt: actor.now,
        namedBy: actor.personId,
      })
      .onConflictDoNothing()
      .returning({ personId: roundAssessors.personId });
    if (!row) return refuse("person", "alreadyAssessor");
    await recordAudit(tx, {
      at: actor.now,
      actorId: actor.personId,
      action: "application-round.assessor",
      entityType: "application-round",
      entityId: String(input.roundId),
      after: { personId: input.personId },
    });
    return { ok: true as const };
  });
}

export async function isAssessorOf(db: Executor, roundId: number, personId: number) {
  const [row] = await db
    .select({ personId: roundAssessors.personId })
    .from(roundAssessors)
    .where(and(eq(roundAssessors.roundId, roundId), eq(roundAssessors.personId, personId)));
  return row !== undefined;
}

/**
 * Whether a person acts for a municipality (a role there, or in one of its units): such a
 * person may not assess that municipality's application.
 */
export async function actsForMunicipality(db: Db, personId: number, municipalityCode: string) {
  const roles = await activeRoles(db, personId);
  if (roles.some((r) => r.orgKind === "municipality" && r.orgId === municipalityCode)) return true;
  const units = roles.filter((r) => r.orgKind === "unit").map((r) => r.orgId);
  if (units.length === 0) return false;
  const municipalities = await municipalitiesOfUnits(db, units);
  return [...municipalities.values()].includes(municipalityCode);
}

type ScoreInput = Record<string, { score: string; comment: string }>;

/**
 * Save one assessor's assessment of an application: a declared conflict of interest (then no
 * scores), or a score per criterion (0 to the criterion's maximum) with comments and a
 * proposed decision. `submit` makes it final; only then does the assessor see the others'.
 */
export async function saveAssessment(
  db: Db,
  input: {
    applicationId: number;
    conflict: boolean;
    conflictNote: string;
    scores: ScoreInput;
    comment: string;
    proposal: string;
    submit: boolean;
  },
  actor: Actor & { personId: number },
): Promise<Outcome> {
  const [found] = await db
    .select({ app: applications, round: applicationRounds })
    .from(applications)
    .innerJoin(applicationRounds, eq(applicationRounds.id, applications.roundId))
    .where(eq(applications.id, input.applicationId));
  if (!found) return refuse("application", "notFound");
  const { app, round } = found;
  if (!(await isAssessorOf(db, round.id, actor.personId)))
    return refuse("application", "notAssessor");
  if (app.state !== "submitted") return refuse("application", "notSubmitted", { state: app.state });
  if (!input.conflict && (await actsForMunicipality(db, actor.personId, app.municipalityCode))) {
    return refuse("conflict", "ownMunicipality");
  }
  const errors: Record<string, { code: string; max?: number; params?: Record<string, number> }> =
    {};
  const scores: Record<string, { score: number; comment: string }> = {};
  if (!input.conflict) {
    for (const c of round.criteria) {
      const given = input.scores[c.id];
      const raw = given?.score.trim() ?? "";
      if (raw === "") {
        if (input.submit) errors[`score-${c.id}`] = { code: "score", params: { max: c.maxScore } };
      } else if (!/^[0-9]{1,3}$/.test(raw) || Number(raw) > c.maxScore) {
        errors[`score-${c.id}`] = { code: "score", params: { max: c.maxScore } };
      }
      const comment = given?.comment.trim() ?? "";
      if (comment.length > assessmentCommentMax) {
        errors[`comment-${c.id}`] = { code: "max", max: assessmentCommentMax };
      }
      if (raw !== "" && !errors[`score-${c.id}`]) scores[c.id] = { score: Number(raw), comment };
    }
    if (input.submit && !PROPOSALS.includes(input.proposal as Proposal)) {
      errors.proposal = { code: "choice" };
    }
  }
  if (input.comment.trim().length > assessmentCommentMax) {
    errors.comment = { code: "max", max: assessmentCommentMax };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const values = {
    conflict: input.conflict ? ("declared" as const) : ("none" as const),
    conflictNote: input.conflict ? input.conflictNote.trim() || null : null,
    scores: input.conflict ? {} : scores,
    proposal:
      !input.conflict && PROPOSALS.includes(input.proposal as Proposal)
        ? (input.proposal as Proposal)
        : null,
    comment: input.comment.trim(),
    submittedAt: input.submit || input.conflict ? actor.now : null,
    savedAt: actor.now,
  };
  // A submitted assessment is final: saving over it is refused (the others may have read it).
  const [existing] = await db
    .select({ submittedAt: assessments.submittedAt })
    .from(assessments)
    .where(and(eq(assessments.applicationId, app.id), eq(assessments.personId, actor.personId)));
  if (existing?.submittedAt) return refuse("application", "assessmentFinal");
  await db
    .insert(assessments)
    .values({ applicationId: app.id, personId: actor.personId, ...values })
    .onConflictDoUpdate({ target: [assessments.applicationId, assessments.personId], set: values });
  return { ok: true };
}

/**
 * The assessments of an application as one assessor may see them: their own always, the
 * others' only once their own is submitted (or a conflict declared, which ends their part).
 */
export async function assessmentsFor(db: Db, applicationId: number, personId: number) {
  const all = await db
    .select()
    .from(assessments)
    .where(eq(assessments.applicationId, applicationId));
  const own = all.find((a) => a.personId === personId) ?? null;
  const others =
    own?.submittedAt && own.conflict === "none"
      ? all.filter((a) => a.personId !== personId && a.submittedAt !== null)
      : [];
  return { own, others };
}

/** Every submitted assessment of an application (for the programme admin deciding). */
export async function submittedAssessments(db: Db, applicationId: number) {
  return db
    .select()
    .from(assessments)
    .where(and(eq(assessments.applicationId, applicationId), isNotNull(assessments.submittedAt)));
}
