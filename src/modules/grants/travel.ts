import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db, Executor, Tx } from "../../db/client";
import type { FieldErrors } from "../../kernel/forms";
import { type Outcome, RefusedInside, refuse } from "../../kernel/result";
import {
  checkFile,
  FILE_KINDS,
  type FileKind,
  type FileStore,
  safeFileName,
  sha256Hex,
} from "../../kernel/storage";
import { type Attended, attendedNationalGatherings } from "../gatherings";
import { recordAudit } from "../identity";
import { normaliseAccountNumber, parseKroner } from "./money";
import {
  type ClaimState,
  grantSchemes,
  TRANSPORT_MEANS,
  type TransportMeans,
  travelClaimLegs,
  travelClaimReceipts,
  travelClaims,
  travelClaimTotals,
} from "./schema";
import type { Actor, Scheme } from "./schemes";

/**
 * Travel support for participants of national gatherings (decision 0033): a claim under the
 * scheme of the gathering's cohort, within the scheme's ceiling per claim, decided by the
 * programme admin, paid with the scheme's payment batch. Money in øre.
 */

export type TravelClaim = typeof travelClaims.$inferSelect;
export type Receipt = typeof travelClaimReceipts.$inferSelect;
export type Leg = typeof travelClaimLegs.$inferSelect;

/** The named limits, shared by the form (maxlength, accept) and the check. */
export const travelLimits = {
  route: 300,
  reason: 300,
  /** A journey's legs: at most this many, each place at most `place` characters. */
  legs: 8,
  place: 100,
  /** Whole kilometres of one leg. */
  distance: 5_000,
  receipts: 5,
  bytes: 5 * 1024 * 1024,
  types: ["pdf", "png", "jpg"] as FileKind[],
};

/** The transitions of a claim: decided once, paid once. */
export const CLAIM_TRANSITIONS = {
  approve: ["submitted", "approved"],
  reject: ["submitted", "rejected"],
  pay: ["approved", "paid"],
} as const satisfies Record<string, readonly [ClaimState, ClaimState]>;

/** The reference on a travel payment. */
export const claimReference = (claim: Pick<TravelClaim, "id">) => `SAMSPILL-RS-${claim.id}`;

/** Does the scheme pay participants' travel? */
export const paysTravel = (scheme: Pick<Scheme, "purposes" | "travelCeilingOre">) =>
  scheme.purposes.includes("travel") && scheme.travelCeilingOre !== null;

/** A gathering someone attended, the scheme that pays its travel (if any) and the claim made. */
export type Claimable = Attended & { scheme: Scheme | null; claim: TravelClaim | null };

/**
 * The national gatherings these people (or the people of these municipalities) attended, each
 * with its cohort's scheme and the live claim for it, if any.
 */
export async function claimableGatherings(
  db: Executor,
  filter: { personIds?: number[]; municipalityCodes?: string[]; gatheringId?: number },
  now: Date,
): Promise<Claimable[]> {
  const attended = await attendedNationalGatherings(db, filter, now);
  if (attended.length === 0) return [];
  const cohortIds = [...new Set(attended.map((a) => a.cohortId).filter((c) => c !== null))];
  const schemes =
    cohortIds.length === 0
      ? []
      : await db.select().from(grantSchemes).where(inArray(grantSchemes.cohortId, cohortIds));
  const byCohort = new Map(schemes.map((s) => [s.cohortId, s]));
  const claims = await db
    .select()
    .from(travelClaims)
    .where(
      and(
        inArray(
          travelClaims.gatheringId,
          attended.map((a) => a.gatheringId),
        ),
        inArray(
          travelClaims.personId,
          attended.map((a) => a.personId),
        ),
        ne(travelClaims.state, "rejected"),
      ),
    );
  const claimOf = new Map(claims.map((c) => [`${c.gatheringId}:${c.personId}`, c]));
  return attended.map((a) => ({
    ...a,
    scheme: (a.cohortId !== null ? byCohort.get(a.cohortId) : undefined) ?? null,
    claim: claimOf.get(`${a.gatheringId}:${a.personId}`) ?? null,
  }));
}

/** Every claim of these people, newest first (rejected ones too). */
export async function claimsOfPeople(db: Executor, personIds: number[]): Promise<TravelClaim[]> {
  if (personIds.length === 0) return [];
  return db
    .select()
    .from(travelClaims)
    .where(inArray(travelClaims.personId, personIds))
    .orderBy(sql`${travelClaims.id} desc`);
}

export async function claimById(db: Executor, id: number): Promise<TravelClaim | null> {
  const [row] = await db.select().from(travelClaims).where(eq(travelClaims.id, id));
  return row ?? null;
}

export async function claimsOfScheme(db: Executor, schemeId: number): Promise<TravelClaim[]> {
  return db
    .select()
    .from(travelClaims)
    .where(eq(travelClaims.schemeId, schemeId))
    .orderBy(asc(travelClaims.id));
}

export async function receiptsOf(db: Executor, claimId: number): Promise<Receipt[]> {
  return db
    .select()
    .from(travelClaimReceipts)
    .where(eq(travelClaimReceipts.claimId, claimId))
    .orderBy(asc(travelClaimReceipts.id));
}

export async function legsOf(db: Executor, claimId: number): Promise<Leg[]> {
  return db
    .select()
    .from(travelClaimLegs)
    .where(eq(travelClaimLegs.claimId, claimId))
    .orderBy(asc(travelClaimLegs.position));
}

/** One leg as the form sends it (every field text; a row left blank is no leg). */
export type LegInput = {
  from: string;
  to: string;
  means: string;
  distance: string;
  amount: string;
};

/** The field names of the form's leg row n (1, 2, …): `from1`, `to1`, `means1`, … */
export const legField = (name: keyof LegInput, n: number) => `${name}${n}`;

export const blankLeg = (l: LegInput) =>
  l.from.trim() === "" &&
  l.to.trim() === "" &&
  l.means.trim() === "" &&
  l.distance.trim() === "" &&
  l.amount.trim() === "";

export type CheckedLeg = {
  position: number;
  fromPlace: string;
  toPlace: string;
  means: TransportMeans;
  distanceKm: number | null;
  amountOre: number;
};

/**
 * Check a journey's legs, row by row (the form's rows, blank ones skipped): places given, a
 * means of transport, the distance in whole kilometres (required for one's own car, the
 * programme's rule), the amount in kroner. Errors are keyed by the row's fields (`amount2`), or
 * `legs` when there is no leg at all. The total is the sum of the legs' øre (integers: exact).
 */
export function checkLegs(rows: LegInput[]): {
  errors: FieldErrors;
  legs: CheckedLeg[];
  totalOre: number;
  /** Every leg's amount was read: the total is the journey's, whatever else is wrong. */
  amountsOk: boolean;
} {
  const errors: FieldErrors = {};
  const legs: CheckedLeg[] = [];
  let totalOre = 0;
  const filled = rows.map((l, i) => ({ l, n: i + 1 })).filter(({ l }) => !blankLeg(l));
  if (filled.length === 0) errors.legs = { code: "legsRequired" };
  if (rows.length > travelLimits.legs) {
    errors.legs = { code: "tooManyLegs", params: { max: travelLimits.legs } };
  }
  for (const { l, n } of filled) {
    const from = l.from.trim();
    const to = l.to.trim();
    const key = (name: keyof LegInput) => legField(name, n);
    let ok = true;
    for (const [name, value] of [
      ["from", from],
      ["to", to],
    ] as const) {
      if (value === "") errors[key(name)] = { code: "required" };
      else if (value.length > travelLimits.place)
        errors[key(name)] = { code: "max", max: travelLimits.place };
      else continue;
      ok = false;
    }
    const means = l.means as TransportMeans;
    if (!TRANSPORT_MEANS.includes(means)) {
      errors[key("means")] = { code: "choice" };
      ok = false;
    }
    const distanceText = l.distance.replace(/[\s  ]/g, "");
    let distanceKm: number | null = null;
    if (distanceText === "") {
      if (means === "car") {
        errors[key("distance")] = { code: "distanceForCar" };
        ok = false;
      }
    } else if (!/^[0-9]{1,5}$/.test(distanceText)) {
      errors[key("distance")] = { code: "distance", params: { max: travelLimits.distance } };
      ok = false;
    } else {
      distanceKm = Number(distanceText);
      if (distanceKm < 1 || distanceKm > travelLimits.distance) {
        errors[key("distance")] = { code: "distance", params: { max: travelLimits.distance } };
        ok = false;
      }
    }
    const amount = parseKroner(l.amount);
    if (!amount.ok) {
      errors[key("amount")] = { code: l.amount.trim() === "" ? "required" : amount.code };
      ok = false;
    } else totalOre += amount.ore;
    if (ok && amount.ok) {
      legs.push({
        position: legs.length + 1,
        fromPlace: from,
        toPlace: to,
        means,
        distanceKm,
        amountOre: amount.ore,
      });
    }
  }
  const amountsOk =
    filled.length > 0 && !filled.some(({ n }) => errors[legField("amount", n)] !== undefined);
  return { errors, legs, totalOre, amountsOk };
}

/** The journey in one line: "Vennesla – Kristiansand – Oslo", or each leg where they break. */
export function routeOf(legs: Pick<CheckedLeg, "fromPlace" | "toPlace">[]): string {
  const parts: string[] = [];
  for (const [i, l] of legs.entries()) {
    if (i === 0 || legs[i - 1]!.toPlace !== l.fromPlace) {
      parts.push(i === 0 ? l.fromPlace : `, ${l.fromPlace}`);
    }
    parts.push(` – ${l.toPlace}`);
  }
  const route = parts.join("");
  return route.length > travelLimits.route ? `${route.slice(0, travelLimits.route - 1)}…` : route;
}

/** The claim's means: that of its dearest leg (the first of equals). */
export function mainMeans(legs: Pick<CheckedLeg, "means" | "amountOre">[]): TransportMeans {
  let best = legs[0]!;
  for (const l of legs) if (l.amountOre > best.amountOre) best = l;
  return best.means;
}

export type ClaimInput = {
  gatheringId: number;
  personId: number;
  /** The journey, leg by leg (rows as the form sends them; blank rows are skipped). */
  legs: LegInput[];
  accountNumber: string;
  receipts: { name: string; bytes: Uint8Array }[];
};

/**
 * Claim travel support for a national gathering the person attended (the route has checked
 * that the claimant is the person, or their municipality's coordinator). Every field is checked
 * and every refusal given at once; then the gathering (attended, its scheme pays travel, no live
 * claim yet) and the ceiling. The receipts' bytes go to the file store before the transaction
 * and are deleted again if it does not commit: nothing half-stored.
 */
export async function submitClaim(
  db: Db,
  files: FileStore,
  input: ClaimInput,
  actor: Actor,
): Promise<Outcome<{ claimId: number }>> {
  const journey = checkLegs(input.legs);
  const errors: FieldErrors = { ...journey.errors };
  const legsOk = Object.keys(journey.errors).length === 0;
  const account = normaliseAccountNumber(input.accountNumber);
  if (input.accountNumber.trim() === "") errors.accountNumber = { code: "required" };
  else if (!account) errors.accountNumber = { code: "accountNumber" };
  const kinds: FileKind[] = [];
  if (input.receipts.length === 0) errors.receipts = { code: "fileRequired" };
  else if (input.receipts.length > travelLimits.receipts) {
    errors.receipts = { code: "tooManyFiles", params: { max: travelLimits.receipts } };
  } else {
    for (const r of input.receipts) {
      const checked = checkFile(r.bytes, travelLimits);
      if (checked.error) {
        errors.receipts = checked.error;
        break;
      }
      kinds.push(checked.kind);
    }
  }
  const [found] = await claimableGatherings(
    db,
    { personIds: [input.personId], gatheringId: input.gatheringId },
    actor.now,
  );
  if (!found) errors.gathering = { code: "notAttended" };
  else if (!found.scheme || !paysTravel(found.scheme)) errors.gathering = { code: "noTravel" };
  else if (found.claim) errors.gathering = { code: "alreadyClaimed" };
  else if (journey.amountsOk && journey.totalOre > found.scheme.travelCeilingOre!) {
    errors.total = {
      code: "aboveCeiling",
      params: { ceilingOre: found.scheme.travelCeilingOre!, totalOre: journey.totalOre },
    };
  }
  if (Object.keys(errors).length > 0 || !found?.scheme || !legsOk || !account) {
    return { ok: false, errors };
  }
  const legs = journey.legs;
  const amountOre = journey.totalOre;
  const scheme = found.scheme;
  const keys: string[] = [];
  try {
    for (const r of input.receipts) keys.push(await files.put(r.bytes));
    return await db.transaction(async (tx) => {
      const [claim] = await tx
        .insert(travelClaims)
        .values({
          schemeId: scheme.id,
          gatheringId: input.gatheringId,
          personId: input.personId,
          municipalityCode: found.municipalityCode,
          route: routeOf(legs),
          means: mainMeans(legs),
          amountOre,
          accountNumber: account,
          state: "submitted",
          submittedAt: actor.now,
          submittedBy: actor.personId,
        })
        .returning();
      await tx.insert(travelClaimLegs).values(legs.map((l) => ({ ...l, claimId: claim!.id })));
      await addToTotal(tx, scheme.id, "submitted", amountOre, 1);
      await tx.insert(travelClaimReceipts).values(
        input.receipts.map((r, i) => ({
          claimId: claim!.id,
          storageKey: keys[i]!,
          name: safeFileName(r.name, kinds[i]!, "kvittering"),
          type: FILE_KINDS[kinds[i]!].mime,
          bytes: r.bytes.length,
          sha256: sha256Hex(r.bytes),
          uploadedAt: actor.now,
        })),
      );
      await recordAudit(tx, {
        actorId: actor.personId,
        action: "travel-claim.submit",
        entityType: "travel-claim",
        entityId: String(claim!.id),
        after: {
          gatheringId: input.gatheringId,
          personId: input.personId,
          amountOre,
          legs: legs.length,
          receipts: input.receipts.length,
        },
        at: actor.now,
      });
      return { ok: true as const, claimId: claim!.id };
    });
  } catch (e) {
    for (const key of keys) await files.delete(key);
    // Two claims at the same instant: the unique index lets one in.
    if (isUniqueViolation(e)) return refuse("gathering", "alreadyClaimed");
    throw e;
  }
}

/**
 * Move `amountOre` (and one claim) into a scheme's state total, or out of it (negative), in
 * the caller's transaction: the totals move with the claims, never apart (decision 0045).
 */
async function addToTotal(
  tx: Executor,
  schemeId: number,
  state: ClaimState,
  amountOre: number,
  count: 1 | -1,
) {
  await tx
    .insert(travelClaimTotals)
    .values({ schemeId, state, amountOre, count })
    .onConflictDoUpdate({
      target: [travelClaimTotals.schemeId, travelClaimTotals.state],
      set: {
        amountOre: sql`${travelClaimTotals.amountOre} + ${amountOre}`,
        count: sql`${travelClaimTotals.count} + ${count}`,
      },
    });
}

/**
 * Sum the claims of these schemes (every scheme when none is named) into their state totals
 * anew: for claims written past the service (the benchmark's bulk fill) and as the check of
 * the kept totals in the tests.
 */
export async function rebuildTravelTotals(db: Executor, schemeIds?: number[]) {
  const where = schemeIds ? inArray(travelClaimTotals.schemeId, schemeIds) : undefined;
  await db.delete(travelClaimTotals).where(where);
  const scope = schemeIds ? sql`where ${inArray(travelClaims.schemeId, schemeIds)}` : sql``;
  await db.execute(sql`
    insert into ${travelClaimTotals} (scheme_id, state, amount_ore, count)
    select scheme_id, state, sum(amount_ore), count(*) from ${travelClaims} ${scope}
    group by scheme_id, state`);
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/** Lock a claim of the scheme, and move it along one transition, with its audit row. */
async function moveClaim(
  tx: Tx,
  input: { schemeId: number; claimId: number },
  act: keyof typeof CLAIM_TRANSITIONS,
  actor: Actor,
  set: Partial<TravelClaim>,
): Promise<TravelClaim> {
  const [claim] = await tx
    .select()
    .from(travelClaims)
    .where(and(eq(travelClaims.id, input.claimId), eq(travelClaims.schemeId, input.schemeId)))
    .for("update");
  if (!claim) throw new RefusedInside(refuse("claim", "claimNotFound"));
  const [from, to] = CLAIM_TRANSITIONS[act];
  if (claim.state !== from) {
    throw new RefusedInside(refuse("claim", "claimState", { act, state: claim.state }));
  }
  const [after] = await tx
    .update(travelClaims)
    .set({ ...set, state: to })
    .where(and(eq(travelClaims.id, claim.id), eq(travelClaims.state, from)))
    .returning();
  await addToTotal(tx, claim.schemeId, from, -claim.amountOre, -1);
  await addToTotal(tx, claim.schemeId, to, claim.amountOre, 1);
  await recordAudit(tx, {
    actorId: actor.personId,
    action: `travel-claim.${act}`,
    entityType: "travel-claim",
    entityId: String(claim.id),
    before: { state: from },
    after: {
      state: to,
      ...(set.reason ? { reason: set.reason } : {}),
      ...(act === "pay" ? { amountOre: claim.amountOre, reference: set.paymentReference } : {}),
    },
    at: actor.now,
  });
  return after!;
}

/**
 * The programme admin approves or rejects a submitted claim, with a reason (required to
 * reject). Under the claim's row lock: decided once.
 */
export async function decideClaim(
  db: Db,
  input: { schemeId: number; claimId: number; decision: string; reason: string },
  actor: Actor,
): Promise<Outcome> {
  const errors: FieldErrors = {};
  if (input.decision !== "approve" && input.decision !== "reject") {
    errors.decision = { code: "choice" };
  }
  const reason = input.reason.trim();
  if (reason === "" && input.decision === "reject") errors.reason = { code: "required" };
  else if (reason.length > travelLimits.reason)
    errors.reason = { code: "max", max: travelLimits.reason };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  try {
    return await db.transaction(async (tx) => {
      await moveClaim(tx, input, input.decision as "approve" | "reject", actor, {
        decidedAt: actor.now,
        decidedBy: actor.personId,
        reason: reason === "" ? null : reason,
      });
      return { ok: true as const };
    });
  } catch (e) {
    if (e instanceof RefusedInside) return e.refusal;
    throw e;
  }
}

/**
 * Record the payment of every approved claim of the scheme, inside the payment batch's
 * transaction (life.ts `payAccepted`). Returns how many were paid.
 */
export async function payApprovedClaims(tx: Tx, schemeId: number, actor: Actor): Promise<number> {
  const approved = await tx
    .select({ id: travelClaims.id })
    .from(travelClaims)
    .where(and(eq(travelClaims.schemeId, schemeId), eq(travelClaims.state, "approved")))
    .orderBy(asc(travelClaims.id));
  for (const { id } of approved) {
    await moveClaim(tx, { schemeId, claimId: id }, "pay", actor, {
      paidAt: actor.now,
      paidBy: actor.personId,
      paymentReference: claimReference({ id }),
    });
  }
  return approved.length;
}

/** A scheme's travel figures in øre: claimed and waiting, approved (to pay), paid, rejected. */
export type TravelFigures = {
  submitted: number;
  approved: number;
  paid: number;
  rejected: number;
  count: number;
};

export const TRAVEL_FIGURES = ["submitted", "approved", "paid", "rejected"] as const;

/**
 * The travel figures of these schemes: the totals kept with every claim's move (decision
 * 0045), at most four rows a scheme on the primary key, instead of summing every claim on each
 * request. Exact: bigint additions in the database, integers here.
 */
export async function travelTotals(
  db: Executor,
  schemeIds: number[],
): Promise<Map<number, TravelFigures>> {
  if (schemeIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(travelClaimTotals)
    .where(inArray(travelClaimTotals.schemeId, schemeIds));
  const totals = new Map<number, TravelFigures>();
  for (const r of rows) {
    const t =
      totals.get(r.schemeId) ??
      totals
        .set(r.schemeId, { submitted: 0, approved: 0, paid: 0, rejected: 0, count: 0 })
        .get(r.schemeId)!;
    t[r.state] += r.amountOre;
    t.count += r.count;
  }
  return totals;
}

/** The same figures summed from the claims themselves (the check on the kept totals). */
export async function summedTravelTotals(
  db: Executor,
  schemeIds: number[],
): Promise<Map<number, TravelFigures>> {
  if (schemeIds.length === 0) return new Map();
  const s = (state: ClaimState) =>
    sql<string>`coalesce(sum(case when ${travelClaims.state} = ${state} then ${travelClaims.amountOre} end), 0)::bigint::text`;
  const rows = await db
    .select({
      schemeId: travelClaims.schemeId,
      submitted: s("submitted"),
      approved: s("approved"),
      paid: s("paid"),
      rejected: s("rejected"),
      count: sql<number>`count(*)::int`,
    })
    .from(travelClaims)
    .where(inArray(travelClaims.schemeId, schemeIds))
    .groupBy(travelClaims.schemeId);
  return new Map(
    rows.map((r) => [
      r.schemeId,
      {
        submitted: Number(r.submitted),
        approved: Number(r.approved),
        paid: Number(r.paid),
        rejected: Number(r.rejected),
        count: Number(r.count),
      },
    ]),
  );
}

/** One place's travel figures in øre: all claimed (rejected too), approved (paid too), paid. */
export type PlaceFigures = { claimed: number; approved: number; paid: number; count: number };

/**
 * The travel figures of these schemes per participant's municipality (null: not known), summed
 * by the database (bigint sums: exact); only these municipalities when a list is given.
 */
export async function travelByMunicipality(
  db: Executor,
  schemeIds: number[],
  municipalityCodes: string[] | null,
): Promise<(PlaceFigures & { municipalityCode: string | null })[]> {
  if (schemeIds.length === 0 || municipalityCodes?.length === 0) return [];
  const sum = (when: ReturnType<typeof sql>) =>
    sql<string>`coalesce(sum(case when ${when} then ${travelClaims.amountOre} end), 0)::bigint::text`;
  const rows = await db
    .select({
      municipalityCode: travelClaims.municipalityCode,
      claimed: sql<string>`coalesce(sum(${travelClaims.amountOre}), 0)::bigint::text`,
      approved: sum(sql`${travelClaims.state} in ('approved', 'paid')`),
      paid: sum(sql`${travelClaims.state} = 'paid'`),
      count: sql<number>`count(*)::int`,
    })
    .from(travelClaims)
    .where(
      and(
        inArray(travelClaims.schemeId, schemeIds),
        municipalityCodes ? inArray(travelClaims.municipalityCode, municipalityCodes) : undefined,
      ),
    )
    .groupBy(travelClaims.municipalityCode);
  return rows.map((r) => ({
    municipalityCode: r.municipalityCode,
    claimed: Number(r.claimed),
    approved: Number(r.approved),
    paid: Number(r.paid),
    count: Number(r.count),
  }));
}
