import type { Gathering } from "./gatherings";

/** Where a person works, one per active role: what "who may register" is checked against. */
export type Place = { role: string; unitOrgNumber: string | null; municipalityCode: string | null };

export type RoleOf = { role: string; orgKind: string; orgId: string };

/** The places and cohorts the rule asks about: the unit's, or a municipal role's municipality. */
export type TakingPart = { municipalities: Set<string>; units: Set<string> };

type Rule = Pick<Gathering, "allowedCohorts" | "allowedMunicipalities" | "allowedRoles">;

/** A person's places from their active roles (`unitMunicipality`: each unit's municipality). */
export function placesFrom(roles: RoleOf[], unitMunicipality: Map<string, string>): Place[] {
  return roles.map((r) => {
    if (r.orgKind === "unit")
      return {
        role: r.role,
        unitOrgNumber: r.orgId,
        municipalityCode: unitMunicipality.get(r.orgId) ?? null,
      };
    if (r.orgKind === "municipality")
      return { role: r.role, unitOrgNumber: null, municipalityCode: r.orgId };
    return { role: r.role, unitOrgNumber: null, municipalityCode: null };
  });
}

/** Does the place pass the gathering's role and municipality lists (the cohorts aside)? */
export function passesRoleAndMunicipality(gathering: Rule, place: Place): boolean {
  if (gathering.allowedRoles.length > 0 && !gathering.allowedRoles.includes(place.role))
    return false;
  if (
    gathering.allowedMunicipalities.length > 0 &&
    (place.municipalityCode === null ||
      !gathering.allowedMunicipalities.includes(place.municipalityCode))
  )
    return false;
  return true;
}

/**
 * What to ask the cohorts module for these places: a unit for a place at a unit, the
 * municipality for a municipal role.
 */
export function cohortQuestion(places: Place[]) {
  const units = new Set<string>();
  const municipalities = new Set<string>();
  for (const p of places) {
    if (p.unitOrgNumber) units.add(p.unitOrgNumber);
    else if (p.municipalityCode) municipalities.add(p.municipalityCode);
  }
  return { units: [...units], municipalities: [...municipalities] };
}

/**
 * Does the gathering admit the place? Each list that is not empty narrows it: the role, the
 * municipality, and taking part in one of the cohorts (`taking`: the places that do, as the
 * cohorts module answered; the unit enrolled, or for a municipal role the municipality's yes).
 */
export function admits(gathering: Rule, place: Place, taking: TakingPart | null): boolean {
  if (!passesRoleAndMunicipality(gathering, place)) return false;
  if (gathering.allowedCohorts.length === 0) return true;
  if (!taking) return false;
  if (place.unitOrgNumber) return taking.units.has(place.unitOrgNumber);
  if (place.municipalityCode) return taking.municipalities.has(place.municipalityCode);
  return false;
}
