import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { osloToday } from "../../kernel/clock";
import { unitsByOrgNumber } from "../organisations";
import {
  type Actor,
  type ChainResult,
  type Executor,
  enrolledElsewhere,
  event,
  fail,
  getCohort,
  invitationById,
  todaysCodes,
} from "./chain-core";
import { organisationName } from "./chain-mail";
import { cohortEnrolments } from "./schema";

export async function acceptedMunicipality(tx: Executor, invitationId: number) {
  const inv = await invitationById(tx, invitationId);
  if (!inv) return fail("notFound");
  if (inv.inviteeKind !== "municipality") return fail("notMunicipality");
  if (inv.state !== "accepted") return fail("notAccepted");
  return { ok: true as const, inv };
}

/**
 * Enrol kindergartens and schools (public or private) of the municipality: every unit must be
 * active and lie in the municipality (by today's codes, for a cohort that began before a merger).
 */
export async function enrolUnits(
  db: Db,
  input: { invitationId: number; orgNumbers: string[] },
  actor: Omit<Actor, "baseUrl">,
): Promise<ChainResult<{ enrolled: number }>> {
  const found = await acceptedMunicipality(db, input.invitationId);
  if (!found.ok) return found;
  const { inv } = found;
  const codes = await todaysCodes(db, inv.inviteeId, osloToday(actor.now));
  const wanted = [...new Set(input.orgNumbers)];
  if (wanted.length === 0) return { ok: true, enrolled: 0 };
  const rows = await unitsByOrgNumber(db, wanted);
  for (const orgNumber of wanted) {
    const unit = rows.find((u) => u.orgNumber === orgNumber);
    if (!unit || !codes.includes(unit.municipalityCode)) {
      return fail("unitOutsideMunicipality", "units", { orgNumber });
    }
    if (!unit.active) return fail("unitNotActive", "units", { orgNumber });
  }
  const elsewhere = await enrolledElsewhere(db, inv.cohortId, inv.id, wanted);
  const taken = elsewhere[0];
  if (taken) {
    // Say which unit, and through whom: the unit itself (a private unit invited directly) or
    // another municipality's invitation.
    const cohort = (await getCohort(db, inv.cohortId))!;
    return fail("alreadyEnrolled", "units", {
      orgNumber: taken.orgNumber,
      unitName: rows.find((u) => u.orgNumber === taken.orgNumber)?.name ?? taken.orgNumber,
      self: taken.viaKind === "unit" && taken.viaId === taken.orgNumber,
      via: await organisationName(db, taken.viaKind, taken.viaId, "nb", cohort.startsOn),
    });
  }
  return db.transaction(async (tx) => {
    let enrolled = 0;
    for (const orgNumber of wanted) {
      const [row] = await tx
        .insert(cohortEnrolments)
        .values({
          cohortId: inv.cohortId,
          invitationId: inv.id,
          unitOrgNumber: orgNumber,
          enrolledAt: actor.now,
          enrolledBy: actor.personId,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) continue;
      enrolled++;
      await event(tx, inv, {
        event: "enrolled",
        at: actor.now,
        actorId: actor.personId,
        detail: { orgNumber },
      });
    }
    return { ok: true as const, enrolled };
  });
}

export async function withdrawUnit(
  db: Db,
  input: { invitationId: number; orgNumber: string },
  actor: Omit<Actor, "baseUrl">,
): Promise<ChainResult> {
  const found = await acceptedMunicipality(db, input.invitationId);
  if (!found.ok) return found;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(cohortEnrolments)
      .set({ withdrawnAt: actor.now, withdrawnBy: actor.personId })
      .where(
        and(
          eq(cohortEnrolments.invitationId, input.invitationId),
          eq(cohortEnrolments.unitOrgNumber, input.orgNumber),
          isNull(cohortEnrolments.withdrawnAt),
        ),
      )
      .returning();
    if (!row) return fail("notEnrolled", "units");
    await event(tx, found.inv, {
      event: "withdrawn",
      at: actor.now,
      actorId: actor.personId,
      detail: { orgNumber: input.orgNumber },
    });
    return { ok: true as const };
  });
}

export async function enrolledUnits(db: Executor, invitationId: number) {
  const enrolments = await db
    .select({ orgNumber: cohortEnrolments.unitOrgNumber, enrolledAt: cohortEnrolments.enrolledAt })
    .from(cohortEnrolments)
    .where(
      and(eq(cohortEnrolments.invitationId, invitationId), isNull(cohortEnrolments.withdrawnAt)),
    );
  // The units by name, as organisations orders them; one active enrolment per unit.
  const since = new Map(enrolments.map((e) => [e.orgNumber, e.enrolledAt]));
  const found = await unitsByOrgNumber(db, [...since.keys()], { byName: true });
  return found.map((u) => ({
    orgNumber: u.orgNumber,
    name: u.name,
    isSchool: u.isSchool,
    isKindergarten: u.isKindergarten,
    owner: u.owner,
    enrolledAt: since.get(u.orgNumber)!,
  }));
}
