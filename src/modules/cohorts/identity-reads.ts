import { inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { IdentityReads } from "../identity";
import { programmeRef, programmesOwnedBy } from "../programmes";
import { cohortEnrolments, cohortInvitations, cohortOffices, cohorts } from "./schema";

// What identity reads of the cohorts (see identity/reads.ts), lent through the manifest.
// Function declarations, so the manifest may name them however the modules' imports cycle.

/** See `IdentityReads.cohortReach`. */
export async function cohortReach(
  db: Db,
  owners: string[],
): ReturnType<IdentityReads["cohortReach"]> {
  const reach = {
    offices: new Set<string>(),
    municipalities: new Set<string>(),
    units: new Set<string>(),
  };
  const programmeIds = (await programmesOwnedBy(db, owners)).map((p) => p.id);
  if (programmeIds.length === 0) return { offices: [], municipalities: [], units: [] };
  const ownCohorts = db
    .select({ id: cohorts.id })
    .from(cohorts)
    .where(inArray(cohorts.programmeId, programmeIds));
  const [offices, invitations, enrolments] = await Promise.all([
    db
      .select({ officeId: cohortOffices.officeId })
      .from(cohortOffices)
      .where(inArray(cohortOffices.cohortId, ownCohorts)),
    db
      .select({
        officeId: cohortInvitations.officeId,
        kind: cohortInvitations.inviteeKind,
        id: cohortInvitations.inviteeId,
      })
      .from(cohortInvitations)
      .where(inArray(cohortInvitations.cohortId, ownCohorts)),
    db
      .select({ unit: cohortEnrolments.unitOrgNumber })
      .from(cohortEnrolments)
      .where(inArray(cohortEnrolments.cohortId, ownCohorts)),
  ]);
  for (const o of offices) reach.offices.add(o.officeId);
  for (const i of invitations) {
    reach.offices.add(i.officeId);
    if (i.kind === "municipality") reach.municipalities.add(i.id);
    else reach.units.add(i.id);
  }
  for (const e of enrolments) reach.units.add(e.unit);
  return {
    offices: [...reach.offices],
    municipalities: [...reach.municipalities],
    units: [...reach.units],
  };
}

/** See `IdentityReads.chainInvitations`. */
export async function chainInvitations(
  db: Db,
  ids: number[],
): ReturnType<IdentityReads["chainInvitations"]> {
  if (ids.length === 0) return [];
  return db
    .select({
      id: cohortInvitations.id,
      cohortId: cohortInvitations.cohortId,
      kind: cohortInvitations.inviteeKind,
      invitee: cohortInvitations.inviteeId,
    })
    .from(cohortInvitations)
    .where(inArray(cohortInvitations.id, ids));
}

/** See `IdentityReads.cohortsById`. */
export async function cohortsById(db: Db, ids: number[]): ReturnType<IdentityReads["cohortsById"]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: cohorts.id, number: cohorts.number, programmeId: cohorts.programmeId })
    .from(cohorts)
    .where(inArray(cohorts.id, ids));
  const slugs = new Map<number, string>();
  for (const programmeId of new Set(rows.map((r) => r.programmeId))) {
    const ref = await programmeRef(db, programmeId);
    if (ref) slugs.set(programmeId, ref.slug);
  }
  return rows.flatMap((r) => {
    const slug = slugs.get(r.programmeId);
    return slug ? [{ id: r.id, number: r.number, slug }] : [];
  });
}
