import { and, asc, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { guardFreeText } from "../../kernel/child-guard-forms";
import { osloToday } from "../../kernel/clock";
import type { FieldErrors } from "../../kernel/forms";
import { type Outcome, type Refusal, RefusedInside, refuse } from "../../kernel/result";
import { recordAudit } from "../identity";
import { isValidOrgNumber } from "../organisations";
import { queueLetter } from "./letter-job";
import { normaliseAccountNumber, parseKroner } from "./money";
import { type GrantState, grantSchemes, grants } from "./schema";
import { type Actor, type Grant, grantLimits, lockGrant, type Scheme } from "./schemes";
import { payApprovedClaims } from "./travel";

/**
 * A grant's life: every act moves its state along one allowed transition, under the grant's row
 * lock, with its audit row in the same transaction. Any other move is refused with the state the
 * grant is in (`grant: state`), never applied.
 */
export const TRANSITIONS = {
  letter: ["allocated", "letter-sent"],
  accept: ["letter-sent", "accepted"],
  decline: ["letter-sent", "declined"],
  pay: ["accepted", "paid"],
  report: ["paid", "reported"],
  settle: ["reported", "closed"],
} as const satisfies Record<string, readonly [GrantState, GrantState]>;
export type Act = keyof typeof TRANSITIONS;

/** What the coordinator says the money paid for. */
export const USES = ["resource-person-hours", "substitutes", "other"] as const;

/** The reference on a payment: what finance and the municipality's bank statement show. */
export const paymentReference = (grant: Pick<Grant, "id">) => `SAMSPILL-TS-${grant.id}`;

async function run<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T | Refusal> {
  try {
    return await db.transaction(work);
  } catch (e) {
    if (e instanceof RefusedInside) return e.refusal;
    throw e;
  }
}

/**
 * Move one locked grant by an act: refused unless it is in the act's starting state. `check`
 * may refuse with the scheme at hand (deadlines); `set` is what else changes on the row.
 */
async function move(
  tx: Tx,
  input: { grantId: number; schemeId?: number; municipalityCode?: string },
  act: Act,
  actor: Actor,
  change: (grant: Grant, scheme: Scheme) => Promise<Partial<Grant>> | Partial<Grant>,
): Promise<Grant> {
  const grant = await lockGrant(tx, input.grantId, input.schemeId);
  if (!grant || (input.municipalityCode && grant.municipalityCode !== input.municipalityCode)) {
    throw new RefusedInside(refuse("grant", "notFound"));
  }
  const [from, to] = TRANSITIONS[act];
  if (grant.state !== from) {
    throw new RefusedInside(refuse("grant", "state", { act, state: grant.state }));
  }
  const [scheme] = await tx.select().from(grantSchemes).where(eq(grantSchemes.id, grant.schemeId));
  const set = await change(grant, scheme!);
  const [after] = await tx
    .update(grants)
    .set({ ...set, state: to })
    .where(and(eq(grants.id, grant.id), eq(grants.state, from)))
    .returning();
  await recordAudit(tx, {
    actorId: actor.personId,
    action: `grant.${act}`,
    entityType: "grant",
    entityId: String(grant.id),
    before: { state: from },
    after: { state: to, ...auditOf(act, after!) },
    at: actor.now,
  });
  return after!;
}

function auditOf(act: Act, g: Grant): Record<string, unknown> {
  switch (act) {
    case "accept":
      // The account number is the municipality's, not a person's: kept, shown in the log.
      return { orgNumber: g.orgNumber, accountNumber: g.accountNumber };
    case "pay":
      return { amountOre: g.amountOre, reference: g.paymentReference };
    case "report":
      return { usedOre: g.usedOre, usedFor: g.usedFor };
    case "settle":
      return { returnedOre: g.returnedOre };
    default:
      return {};
  }
}

/**
 * Send the grant letters: every allocated grant of the scheme (or the one named) moves to
 * "letter sent", and its letter (PDF and mail) is queued as a job, once per grant.
 */
export async function sendLetters(
  db: Db,
  input: { schemeId: number; grantId?: number },
  actor: Actor,
): Promise<Outcome<{ sent: number }>> {
  return run(db, async (tx) => {
    const waiting = input.grantId
      ? [{ id: input.grantId }]
      : await tx
          .select({ id: grants.id })
          .from(grants)
          .where(and(eq(grants.schemeId, input.schemeId), eq(grants.state, "allocated")))
          .orderBy(asc(grants.id));
    if (waiting.length === 0) throw new RefusedInside(refuse("scheme", "noLetters"));
    for (const { id } of waiting) {
      await move(tx, { grantId: id, schemeId: input.schemeId }, "letter", actor, () => ({
        letterSentAt: actor.now,
      }));
      await queueLetter(tx, id, actor.now);
    }
    return { ok: true as const, sent: waiting.length };
  });
}

export type AcceptInput = {
  grantId: number;
  municipalityCode: string;
  orgNumber: string;
  accountNumber: string;
  conditions: string;
};

/**
 * The municipal coordinator accepts the grant and its conditions by the acceptance deadline,
 * giving the municipality's organisation number and the account to pay to (both checked by
 * their check digits).
 */
export async function acceptGrant(db: Db, input: AcceptInput, actor: Actor): Promise<Outcome> {
  const errors: FieldErrors = {};
  const orgNumber = input.orgNumber.replace(/\s/g, "");
  if (orgNumber === "") errors.orgNumber = { code: "required" };
  else if (!isValidOrgNumber(orgNumber)) errors.orgNumber = { code: "orgNumber" };
  const account = normaliseAccountNumber(input.accountNumber);
  if (input.accountNumber.trim() === "") errors.accountNumber = { code: "required" };
  else if (!account) errors.accountNumber = { code: "accountNumber" };
  if (input.conditions !== "yes") errors.conditions = { code: "conditions" };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return run(db, async (tx) => {
    await move(tx, input, "accept", actor, (_grant, scheme) => {
      if (osloToday(actor.now) > scheme.acceptDeadline) {
        throw new RefusedInside(
          refuse("grant", "acceptDeadline", { deadline: scheme.acceptDeadline }),
        );
      }
      return {
        answeredAt: actor.now,
        answeredBy: actor.personId,
        orgNumber,
        accountNumber: account,
      };
    });
    return { ok: true as const };
  });
}

/** The coordinator declines the grant (before the acceptance deadline or after: no money moves). */
export async function declineGrant(
  db: Db,
  input: { grantId: number; municipalityCode: string },
  actor: Actor,
): Promise<Outcome> {
  return run(db, async (tx) => {
    await move(tx, input, "decline", actor, () => ({
      answeredAt: actor.now,
      answeredBy: actor.personId,
    }));
    return { ok: true as const };
  });
}

/**
 * The coordinator reports the use of a paid grant: the amount used (at most the grant), what it
 * paid for, a short account (the child guard reads it). Late reports are taken; the reminders
 * say the deadline.
 */
export async function reportUse(
  db: Db,
  input: {
    grantId: number;
    municipalityCode: string;
    used: string;
    usedFor: string[];
    account: string;
    confirmations?: Record<string, string>;
  },
  actor: Actor,
): Promise<Outcome> {
  const errors: FieldErrors = {};
  const used = parseKroner(input.used, { allowZero: true });
  if (!used.ok) errors.used = { code: input.used.trim() === "" ? "required" : used.code };
  const usedFor = [...new Set(input.usedFor)];
  if (usedFor.length === 0 || usedFor.some((u) => !USES.includes(u as never))) {
    errors.usedFor = { code: "choice" };
  }
  const account = input.account.trim();
  if (account === "") errors.account = { code: "required" };
  else if (account.length > grantLimits.account) {
    errors.account = { code: "max", max: grantLimits.account };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return run(db, async (tx) => {
    await move(tx, input, "report", actor, async (grant) => {
      if (used.ok && used.ore > grant.amountOre) {
        throw new RefusedInside(refuse("used", "exceedsGrant", { amountOre: grant.amountOre }));
      }
      const guarded = await guardFreeText(tx, {
        form: "grant-report",
        fields: { account },
        confirmations: input.confirmations,
        now: actor.now,
      });
      if (guarded) throw new RefusedInside(guarded);
      return {
        usedOre: used.ok ? used.ore : 0,
        usedFor,
        account,
        reportedAt: actor.now,
        reportedBy: actor.personId,
      };
    });
    return { ok: true as const };
  });
}

/**
 * Record the payment of one accepted grant. The grant's row lock makes a second payment (a
 * double click, two admins at once) wait and then find the grant paid: refused, never paid twice.
 */
export async function payGrant(
  db: Db,
  input: { schemeId: number; grantId: number },
  actor: Actor,
): Promise<Outcome> {
  return run(db, async (tx) => {
    await pay(tx, input, actor);
    return { ok: true as const };
  });
}

const pay = (tx: Tx, input: { schemeId: number; grantId: number }, actor: Actor) =>
  move(tx, input, "pay", actor, (grant) => ({
    paidAt: actor.now,
    paidBy: actor.personId,
    paymentReference: paymentReference(grant),
  }));

/**
 * Record the payment of every accepted grant of the scheme and every approved travel claim in
 * one act (one transaction): the payment batch (decision 0033).
 */
export async function payAccepted(
  db: Db,
  schemeId: number,
  actor: Actor,
): Promise<Outcome<{ paid: number }>> {
  return run(db, async (tx) => {
    const accepted = await tx
      .select({ id: grants.id })
      .from(grants)
      .where(and(eq(grants.schemeId, schemeId), eq(grants.state, "accepted")))
      .orderBy(asc(grants.id));
    for (const { id } of accepted) await pay(tx, { schemeId, grantId: id }, actor);
    const claims = await payApprovedClaims(tx, schemeId, actor);
    if (accepted.length + claims === 0) throw new RefusedInside(refuse("scheme", "nothingToPay"));
    return { ok: true as const, paid: accepted.length + claims };
  });
}

/**
 * Close a reported grant: with unused funds, when their return is received (the amount is
 * recorded); without, at once.
 */
export async function settleGrant(
  db: Db,
  input: { schemeId: number; grantId: number },
  actor: Actor,
): Promise<Outcome> {
  return run(db, async (tx) => {
    await move(tx, input, "settle", actor, (grant) => ({
      returnedOre: grant.amountOre - (grant.usedOre ?? 0),
      closedAt: actor.now,
    }));
    return { ok: true as const };
  });
}
