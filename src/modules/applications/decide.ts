import { and, asc, eq, max, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { enqueueMail } from "../../kernel/mail-jobs";
import { type Outcome, refuse } from "../../kernel/result";
import { addressesActingAs, recordAudit } from "../identity";
import { durationOf } from "./answers";
import type { Application } from "./drafts";
import type { Actor } from "./forms";
import { decisionLetter } from "./mail-texts";
import { applicationRounds, applicationSubmissions, applications, participations } from "./schema";

export const decisionReasonMax = 2000;
export type Decision = "granted" | "waitlisted" | "declined";
export const DECISIONS: readonly Decision[] = ["granted", "waitlisted", "declined"];

type Mailing = Actor & { baseUrl: string };

/** The path of an application's page for the municipality, in a language. */
export const applicationPath = (lang: string, id: number) => `/${lang}/soknader/${id}`;

/**
 * The programme admin decides a submitted (or waitlisted) application with a reason: granted
 * makes a participation for the tailored plan; waitlisted puts it last on the list; the decision
 * letter goes to the municipality's coordinators in its written standard.
 */
export async function decide(
  db: Db,
  input: { applicationId: number; decision: string; reason: string },
  actor: Mailing,
): Promise<Outcome<{ state: Decision }>> {
  const decision = input.decision as Decision;
  if (!DECISIONS.includes(decision)) return refuse("decision", "choice");
  const reason = input.reason.trim();
  if (reason === "") return refuse("reason", "required");
  if (reason.length > decisionReasonMax) {
    return { ok: false, errors: { reason: { code: "max", max: decisionReasonMax } } };
  }
  return db.transaction(async (tx) => {
    const [app] = await tx
      .select()
      .from(applications)
      .where(eq(applications.id, input.applicationId))
      .for("update");
    if (!app) return refuse("application", "notFound");
    if (app.state !== "submitted" && app.state !== "waitlisted") {
      return refuse("application", "notDecidable", { state: app.state });
    }
    if (app.state === decision) return refuse("decision", "unchanged");
    await setDecision(tx, app, decision, reason, actor);
    return { ok: true as const, state: decision };
  });
}

async function setDecision(
  tx: Tx,
  app: Application,
  decision: Decision,
  reason: string,
  actor: Mailing,
  promoted = false,
) {
  let position: number | null = null;
  if (decision === "waitlisted") {
    const [last] = await tx
      .select({ n: max(applications.waitlistPosition) })
      .from(applications)
      .where(and(eq(applications.roundId, app.roundId), eq(applications.state, "waitlisted")));
    position = (last?.n ?? 0) + 1;
  }
  await tx
    .update(applications)
    .set({
      state: decision,
      decidedAt: actor.now,
      decidedBy: actor.personId,
      decisionReason: reason,
      waitlistPosition: position,
      version: sql`${applications.version} + 1`,
    })
    .where(eq(applications.id, app.id));
  if (decision === "granted") await startParticipation(tx, app, actor.now);
  await recordAudit(tx, {
    at: actor.now,
    actorId: actor.personId,
    action: "application.decide",
    entityType: "application",
    entityId: String(app.id),
    before: { state: app.state },
    after: { state: decision, waitlistPosition: position },
  });
  const lang = app.writtenStandard ?? "nb";
  const link = `${actor.baseUrl}${applicationPath(lang, app.id)}`;
  const letter = decisionLetter(lang, { decision, reason, position, link, promoted });
  const recipients = await addressesActingAs(
    tx,
    "municipal-coordinator",
    app.municipalityCode,
    actor.now,
  );
  for (const to of recipients) {
    await enqueueMail(
      tx,
      { to, subject: letter.subject, text: letter.text },
      {
        idempotencyKey: `application-decision:${app.id}:${decision}:${actor.now.getTime()}:${to}`,
        now: actor.now,
      },
    );
  }
}

/** The participation a granted application becomes: its period from the application's answer. */
async function startParticipation(tx: Tx, app: Application, now: Date) {
  const [round] = await tx
    .select({ cohortId: applicationRounds.cohortId })
    .from(applicationRounds)
    .where(eq(applicationRounds.id, app.roundId));
  const [submission] = await tx
    .select({ answers: applicationSubmissions.answers })
    .from(applicationSubmissions)
    .where(eq(applicationSubmissions.applicationId, app.id));
  const range = Object.values(submission?.answers ?? {}).find((a) => a.kind === "range");
  const startsOn =
    range?.kind === "range" && range.from ? range.from : now.toISOString().slice(0, 10);
  const months =
    range?.kind === "range" && range.from && range.to
      ? Math.min(24, Math.max(12, durationOf(range.from, range.to).months))
      : 12;
  await tx
    .insert(participations)
    .values({
      applicationId: app.id,
      cohortId: round!.cohortId,
      municipalityCode: app.municipalityCode,
      startsOn,
      months,
      createdAt: now,
    })
    .onConflictDoNothing();
}

/**
 * The municipality withdraws its application. A granted one that withdraws frees its place:
 * the first on the waiting list is granted in the same transaction, and told so.
 */
export async function withdrawApplication(
  db: Db,
  input: { applicationId: number },
  actor: Mailing,
): Promise<Outcome<{ promoted: number | null }>> {
  return db.transaction(async (tx) => {
    const [app] = await tx
      .select()
      .from(applications)
      .where(eq(applications.id, input.applicationId))
      .for("update");
    if (!app) return refuse("application", "notFound");
    if (app.state === "withdrawn" || app.state === "declined") {
      return refuse("application", "notWithdrawable", { state: app.state });
    }
    await tx
      .update(applications)
      .set({
        state: "withdrawn",
        withdrawnAt: actor.now,
        waitlistPosition: null,
        version: sql`${applications.version} + 1`,
      })
      .where(eq(applications.id, app.id));
    await recordAudit(tx, {
      at: actor.now,
      actorId: actor.personId,
      action: "application.withdraw",
      entityType: "application",
      entityId: String(app.id),
      before: { state: app.state },
    });
    if (app.state !== "granted") return { ok: true as const, promoted: null };
    const [next] = await tx
      .select()
      .from(applications)
      .where(and(eq(applications.roundId, app.roundId), eq(applications.state, "waitlisted")))
      .orderBy(asc(applications.waitlistPosition))
      .limit(1)
      .for("update");
    if (!next) return { ok: true as const, promoted: null };
    await setDecision(tx, next, "granted", next.decisionReason ?? "", actor, true);
    return { ok: true as const, promoted: next.id };
  });
}
