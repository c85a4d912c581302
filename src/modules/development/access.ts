import type { Db } from "../../db/client";
import type { CurrentUser } from "../../kernel/context";
import { cohortRef, cohortsTakingPart } from "../cohorts";
import { orgsGranting } from "../identity";
import { getUnit, type Unit } from "../organisations";

/**
 * Who may do what with a unit's plan (issue 12): a unit sees its own plan, a municipality its
 * units'. The unit's leader edits it; the unit's staff (and its leader) read and comment; the
 * municipality's coordinator and resource person read it. Each grant comes from the role that
 * holds the permission at the organisation concerned (roles.ts).
 */
export type PlanAccess = { read: boolean; edit: boolean; comment: boolean };

export function planAccess(
  user: CurrentUser | null,
  unit: Pick<Unit, "orgNumber" | "municipalityCode">,
): PlanAccess {
  const atUnit = (p: "read:plan:unit" | "edit:plan:unit" | "comment:plan:unit") =>
    orgsGranting(user, p, "unit").has(unit.orgNumber);
  const atMunicipality = orgsGranting(user, "read:plan:municipality", "municipality").has(
    unit.municipalityCode,
  );
  return {
    read: atUnit("read:plan:unit") || atMunicipality,
    edit: atUnit("edit:plan:unit"),
    comment: atUnit("comment:plan:unit"),
  };
}

export type PlanPlace = {
  unit: Unit;
  cohort: { id: number; number: number; programmeId: number };
};

/**
 * The unit and cohort of a plan's path when the unit is enrolled in the cohort; null when
 * either is unknown or the unit takes no part (the page is then "not found").
 */
export async function planPlace(
  db: Db,
  cohortId: number,
  orgNumber: string,
): Promise<PlanPlace | null> {
  const [cohort, unit] = await Promise.all([cohortRef(db, cohortId), getUnit(db, orgNumber)]);
  if (!cohort || !unit) return null;
  const taking = await cohortsTakingPart(db, [cohortId], {
    municipalities: [],
    units: [orgNumber],
  });
  if (!taking.has(cohortId)) return null;
  return {
    unit,
    cohort: { id: cohort.id, number: cohort.number, programmeId: cohort.programmeId },
  };
}
