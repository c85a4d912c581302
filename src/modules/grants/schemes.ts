import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db, Executor, Tx } from "../../db/client";
import { isCalendarDate } from "../../kernel/clock";
import type { FieldErrors } from "../../kernel/forms";
import { type Outcome, RefusedInside, refuse } from "../../kernel/result";
import { acceptedMunicipalities } from "../cohorts";
import { recordAudit } from "../identity";
import { parseKroner } from "./money";
import {
  type Basis,
  type GrantState,
  grantSchemes,
  grants,
  PURPOSES,
  type Purpose,
} from "./schema";

/** Who acts and when: a person (null for the system: demo, jobs). */
export type Actor = { personId: number | null; now: Date };
export type Scheme = typeof grantSchemes.$inferSelect;
export type Grant = typeof grants.$inferSelect;

/** The named limits, shared by the forms (maxlength) and the commands (the check). */
export const grantLimits = { conditions: 4000, reason: 300, account: 2000 };

export type SchemeInput = {
  purposes: string[];
  basis: string;
  amount: string;
  floor: string;
  ceiling: string;
  /** The most one travel claim may be (the scheme's participant-travel part). */
  travelCeiling?: string;
  conditionsNb: string;
  conditionsNn: string;
  acceptDeadline: string;
  reportDeadline: string;
};

export async function schemeOfCohort(db: Executor, cohortId: number): Promise<Scheme | null> {
  const [row] = await db.select().from(grantSchemes).where(eq(grantSchemes.cohortId, cohortId));
  return row ?? null;
}

export async function schemesOfCohorts(db: Executor, cohortIds: number[]): Promise<Scheme[]> {
  if (cohortIds.length === 0) return [];
  return db.select().from(grantSchemes).where(inArray(grantSchemes.cohortId, cohortIds));
}

export async function grantById(db: Executor, id: number): Promise<Grant | null> {
  const [row] = await db.select().from(grants).where(eq(grants.id, id));
  return row ?? null;
}

export async function grantsOfScheme(db: Executor, schemeId: number): Promise<Grant[]> {
  return db
    .select()
    .from(grants)
    .where(eq(grants.schemeId, schemeId))
    .orderBy(asc(grants.municipalityCode));
}

/** The amount a municipality gets: the flat amount, or per unit held within floor and ceiling. */
export function amountFor(
  scheme: Pick<Scheme, "basis" | "amountOre" | "floorOre" | "ceilingOre">,
  units: number,
): number {
  if (scheme.basis === "flat") return scheme.amountOre;
  const raw = scheme.amountOre * units;
  return Math.min(Math.max(raw, scheme.floorOre ?? 0), scheme.ceilingOre ?? raw);
}

function parseScheme(input: SchemeInput) {
  const errors: FieldErrors = {};
  const purposes = [...new Set(input.purposes)];
  if (purposes.length === 0 || purposes.some((p) => !PURPOSES.includes(p as Purpose))) {
    errors.purposes = { code: "choice" };
  }
  const basis = input.basis as Basis;
  if (basis !== "flat" && basis !== "per-unit") errors.basis = { code: "choice" };
  const money = (field: "amount" | "floor" | "ceiling") => {
    const parsed = parseKroner(input[field]);
    if (!parsed.ok) {
      errors[field] = { code: input[field].trim() === "" ? "required" : parsed.code };
      return null;
    }
    return parsed.ore;
  };
  const amountOre = money("amount");
  const floorOre = basis === "per-unit" ? money("floor") : null;
  const ceilingOre = basis === "per-unit" ? money("ceiling") : null;
  let travelCeilingOre: number | null = null;
  if (purposes.includes("travel")) {
    const typed = input.travelCeiling ?? "";
    const parsed = parseKroner(typed);
    if (!parsed.ok) errors.travelCeiling = { code: typed.trim() === "" ? "required" : parsed.code };
    else travelCeilingOre = parsed.ore;
  }
  if (floorOre !== null && ceilingOre !== null && floorOre > ceilingOre) {
    errors.ceiling = { code: "belowFloor" };
  }
  const conditionsNb = input.conditionsNb.trim();
  const conditionsNn = input.conditionsNn.trim();
  for (const [field, text] of [
    ["conditionsNb", conditionsNb],
    ["conditionsNn", conditionsNn],
  ] as const) {
    if (text === "") errors[field] = { code: "required" };
    else if (text.length > grantLimits.conditions) {
      errors[field] = { code: "max", max: grantLimits.conditions };
    }
  }
  if (!isCalendarDate(input.acceptDeadline)) errors.acceptDeadline = { code: "date" };
  if (!isCalendarDate(input.reportDeadline)) errors.reportDeadline = { code: "date" };
  else if (isCalendarDate(input.acceptDeadline) && input.reportDeadline <= input.acceptDeadline) {
    errors.reportDeadline = { code: "afterAccept" };
  }
  if (Object.keys(errors).length > 0) return { ok: false as const, errors };
  return {
    ok: true as const,
    values: {
      purposes: purposes as Purpose[],
      basis,
      amountOre: amountOre!,
      floorOre,
      ceilingOre,
      travelCeilingOre,
      conditionsNb,
      conditionsNn,
      acceptDeadline: input.acceptDeadline,
      reportDeadline: input.reportDeadline,
    },
  };
}

/**
 * Set a cohort's grant scheme (the programme admin of the owner; the route checks the owner).
 * A change applies to grants allocated after it; allocated amounts change one by one, with a
 * reason (`adjustAllocation`).
 */
export async function saveScheme(
  db: Db,
  cohortId: number,
  input: SchemeInput,
  actor: Actor,
): Promise<Outcome<{ id: number }>> {
  const parsed = parseScheme(input);
  if (!parsed.ok) return parsed;
  return db.transaction(async (tx) => {
    const before = await schemeOfCohort(tx, cohortId);
    const values = { ...parsed.values, updatedAt: actor.now, updatedBy: actor.personId };
    const [row] = await tx
      .insert(grantSchemes)
      .values({ cohortId, ...values })
      .onConflictDoUpdate({ target: grantSchemes.cohortId, set: values })
      .returning();
    await recordAudit(tx, {
      actorId: actor.personId,
      action: "grant-scheme.save",
      entityType: "grant-scheme",
      entityId: String(row!.id),
      before: before ? schemeAudit(before) : null,
      after: schemeAudit(row!),
      at: actor.now,
    });
    return { ok: true as const, id: row!.id };
  });
}

const schemeAudit = (s: Scheme) => ({
  cohortId: s.cohortId,
  purposes: s.purposes,
  basis: s.basis,
  amountOre: s.amountOre,
  floorOre: s.floorOre,
  ceilingOre: s.ceilingOre,
  travelCeilingOre: s.travelCeilingOre,
  acceptDeadline: s.acceptDeadline,
  reportDeadline: s.reportDeadline,
});

/**
 * Allocate a grant to every municipality that has accepted the cohort's invitation and has none
 * yet, in one act: the scheme's row is locked, so two clicks allocate once.
 */
export async function allocate(
  db: Db,
  cohortId: number,
  actor: Actor,
): Promise<Outcome<{ allocated: number }>> {
  return db.transaction(async (tx) => {
    const [scheme] = await tx
      .select()
      .from(grantSchemes)
      .where(eq(grantSchemes.cohortId, cohortId))
      .for("update");
    if (!scheme) return refuse("scheme", "noScheme");
    const accepted = await acceptedMunicipalities(tx, cohortId);
    const have = new Set((await grantsOfScheme(tx, scheme.id)).map((g) => g.municipalityCode));
    const fresh = accepted.filter((m) => !have.has(m.municipalityCode));
    if (fresh.length === 0) return refuse("scheme", "nothingToAllocate");
    const rows = await tx
      .insert(grants)
      .values(
        fresh.map((m) => ({
          schemeId: scheme.id,
          municipalityCode: m.municipalityCode,
          enrolledUnits: m.enrolledUnits,
          amountOre: amountFor(scheme, m.enrolledUnits),
          state: "allocated" as GrantState,
          allocatedAt: actor.now,
        })),
      )
      .returning();
    for (const g of rows) {
      await recordAudit(tx, {
        actorId: actor.personId,
        action: "grant.allocate",
        entityType: "grant",
        entityId: String(g.id),
        after: { municipality: g.municipalityCode, units: g.enrolledUnits, amountOre: g.amountOre },
        at: actor.now,
      });
    }
    return { ok: true as const, allocated: rows.length };
  });
}

/** Lock a grant of a scheme for a change (null: no such grant in this scheme). */
export async function lockGrant(tx: Tx, grantId: number, schemeId?: number): Promise<Grant | null> {
  const [row] = await tx
    .select()
    .from(grants)
    .where(
      schemeId === undefined
        ? eq(grants.id, grantId)
        : and(eq(grants.id, grantId), eq(grants.schemeId, schemeId)),
    )
    .for("update");
  return row ?? null;
}

/** Change one allocation's amount before its letter goes, with a reason (kept in the audit log). */
export async function adjustAllocation(
  db: Db,
  input: { schemeId: number; grantId: number; amount: string; reason: string },
  actor: Actor,
): Promise<Outcome> {
  const errors: FieldErrors = {};
  const parsed = parseKroner(input.amount);
  if (!parsed.ok) errors.amount = { code: input.amount.trim() === "" ? "required" : parsed.code };
  const reason = input.reason.trim();
  if (reason === "") errors.reason = { code: "required" };
  else if (reason.length > grantLimits.reason)
    errors.reason = { code: "max", max: grantLimits.reason };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  try {
    return await db.transaction(async (tx) => {
      const grant = await lockGrant(tx, input.grantId, input.schemeId);
      if (!grant) throw new RefusedInside(refuse("grant", "notFound"));
      if (grant.state !== "allocated") {
        throw new RefusedInside(refuse("grant", "state", { act: "adjust", state: grant.state }));
      }
      const amountOre = parsed.ok ? parsed.ore : 0;
      await tx.update(grants).set({ amountOre }).where(eq(grants.id, grant.id));
      await recordAudit(tx, {
        actorId: actor.personId,
        action: "grant.adjust",
        entityType: "grant",
        entityId: String(grant.id),
        before: { amountOre: grant.amountOre },
        after: { amountOre, reason },
        at: actor.now,
      });
      return { ok: true as const };
    });
  } catch (e) {
    if (e instanceof RefusedInside) return e.refusal;
    throw e;
  }
}
