import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { IdentityReads } from "../identity";
// The cohort tables still live in programmes/schema.ts; this import goes when they move here.
import { cohortOffices, cohorts, programmes } from "../programmes/schema";
import { cohortEnrolments, cohortInvitations } from "./schema";

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
  if (owners.length === 0) return { offices: [], municipalities: [], units: [] };
  const ownCohorts = db
    .select({ id: cohorts.id })
    .from(cohorts)
    .innerJoin(programmes, eq(programmes.id, cohorts.programmeId))
    .where(inArray(programmes.owner, owners));
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
  return db
    .select({ id: cohorts.id, number: cohorts.number, slug: programmes.slug })
    .from(cohorts)
    .innerJoin(programmes, eq(programmes.id, cohorts.programmeId))
    .where(inArray(cohorts.id, ids));
}
