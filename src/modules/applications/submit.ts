import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { type Outcome, refuse } from "../../kernel/result";
import { recordAudit } from "../identity";
import { writtenStandardOf } from "../organisations";
import { type Answers, checkAnswers, isAsked, isEmpty } from "./answers";
import { canonicalJson } from "./drafts";
import { questionsOf } from "./form-definition";
import { type Actor, formDefinitionOf } from "./forms";
import { queueReceipt } from "./receipt-mail";
import {
  applicationAnswers,
  applicationRounds,
  applicationSubmissions,
  applications,
} from "./schema";

export type Receipt = {
  applicationId: number;
  contentHash: string;
  submittedAt: Date;
  /** True when this request found the application submitted already (a second click). */
  repeated: boolean;
};

/** The answers that count: those of asked questions, not empty, in the form's order. */
function submittedAnswers(definition: Parameters<typeof questionsOf>[0], answers: Answers) {
  const out: Answers = {};
  for (const q of questionsOf(definition)) {
    const a = answers[q.id];
    if (a && !isEmpty(a) && isAsked(q, answers)) out[q.id] = a;
  }
  return out;
}

/** SHA-256 of the submission's canonical JSON: the same answers give the same hash. */
export function contentHashOf(formId: number, answers: Answers): string {
  return createHash("sha256").update(canonicalJson({ formId, answers })).digest("hex");
}

/**
 * Submit a draft: checked against its own form version, taken only before the round's deadline
 * (or a reopening for this municipality), stored exactly as it was with a content hash. Two
 * clicks on Submit make one submission: the second finds it and gets the same receipt. The
 * receipt's mail (with the PDF, built by the job loop) is queued in the same transaction.
 */
export async function submitApplication(
  db: Db,
  input: { applicationId: number },
  actor: Actor,
): Promise<Outcome<Receipt>> {
  return db.transaction(async (tx) => {
    // The application locked, with its round (read, not locked) in the same query.
    const [row] = await tx
      .select({ app: applications, round: applicationRounds })
      .from(applications)
      .innerJoin(applicationRounds, eq(applicationRounds.id, applications.roundId))
      .where(eq(applications.id, input.applicationId))
      .for("update", { of: applications });
    if (!row) return refuse("application", "notFound");
    const { app, round } = row;
    if (app.state !== "draft") {
      if (app.submittedAt && app.contentHash) {
        return {
          ok: true as const,
          applicationId: app.id,
          contentHash: app.contentHash,
          submittedAt: app.submittedAt,
          repeated: true,
        };
      }
      return refuse("application", "notDraft", { state: app.state });
    }
    const open =
      round.closedAt === null && actor.now >= round.opensAt && actor.now < round.deadline;
    const reopened = app.reopenedUntil !== null && actor.now < app.reopenedUntil;
    if (!open && !reopened) return refuse("application", "deadlinePassed");
    const definition = await formDefinitionOf(db, app.formId, tx);
    const rows = await tx
      .select()
      .from(applicationAnswers)
      .where(eq(applicationAnswers.applicationId, app.id));
    const all: Answers = {};
    for (const r of rows) all[r.questionId] = r.value;
    const errors = checkAnswers(definition, all, { submitting: true });
    if (Object.keys(errors).length > 0) return { ok: false as const, errors };
    const answers = submittedAnswers(definition, all);
    const contentHash = contentHashOf(app.formId, answers);
    const standard = await writtenStandardOf(tx, "municipality", app.municipalityCode);
    await tx.insert(applicationSubmissions).values({
      applicationId: app.id,
      formId: app.formId,
      answers,
      contentHash,
      submittedAt: actor.now,
      submittedBy: actor.personId,
    });
    await tx
      .update(applications)
      .set({
        state: "submitted",
        submittedAt: actor.now,
        submittedBy: actor.personId,
        contentHash,
        writtenStandard: standard,
        version: sql`${applications.version} + 1`,
      })
      .where(and(eq(applications.id, app.id), eq(applications.state, "draft")));
    await queueReceipt(tx, app.id, actor.now);
    if (reopened && !open) {
      await recordAudit(tx, {
        at: actor.now,
        actorId: actor.personId,
        action: "application.submit-after-reopening",
        entityType: "application",
        entityId: String(app.id),
      });
    }
    return {
      ok: true as const,
      applicationId: app.id,
      contentHash,
      submittedAt: actor.now,
      repeated: false,
    };
  });
}

/** What was submitted, exactly (for the receipt, the PDF and the export). */
export async function submissionOf(db: Db, applicationId: number) {
  const [row] = await db
    .select()
    .from(applicationSubmissions)
    .where(eq(applicationSubmissions.applicationId, applicationId));
  return row ?? null;
}

/**
 * Let one municipality submit after the deadline, until a given instant (the programme admin's
 * act, audited). A withdrawn or decided application is not reopened.
 */
export async function reopenApplication(
  db: Db,
  input: { applicationId: number; until: Date },
  actor: Actor,
): Promise<Outcome> {
  if (input.until <= actor.now) return refuse("until", "untilInPast");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(applications)
      .set({ reopenedUntil: input.until })
      .where(and(eq(applications.id, input.applicationId), eq(applications.state, "draft")))
      .returning({ id: applications.id });
    if (!row) return refuse("application", "notDraft");
    await recordAudit(tx, {
      at: actor.now,
      actorId: actor.personId,
      action: "application.reopen",
      entityType: "application",
      entityId: String(row.id),
      after: { until: input.until.toISOString() },
    });
    return { ok: true as const };
  });
}
