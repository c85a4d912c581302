import { and, desc, eq, or, type SQL } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { osloToday } from "../../kernel/clock";
import type { FieldErrors } from "../../kernel/forms";
import { type CohortChoice, cohortsJoinedBy, cohortsOfProgrammes } from "../cohorts";
import { activeRoles, type Permission, permissionsOf } from "../identity";
import { countyOfficesAt, municipalitiesAt, unitsOfMunicipality } from "../organisations";
import { programmesOwnedBy } from "../programmes";
import { type GatheringLevel, gatherings, type OrganiserKind } from "./schema";

/**
 * Who organises gatherings, and what each may organise (decision 0029). A gathering has one
 * organiser — a programme owner, a county office or a municipality — and only those who act
 * for that organiser create, edit and run it:
 * - a programme admin (`manage:gathering:owner`): national gatherings of the owner's
 *   programmes, for a cohort or the whole programme;
 * - a county coordinator (`manage:gathering:office`): regional gatherings for a cohort the
 *   office takes part in, open to the office's counties' municipalities only;
 * - a municipal coordinator (`manage:gathering:municipality`): local gatherings for a cohort
 *   the municipality takes part in, open to its own units enrolled in it.
 */
export type Organiser = { kind: OrganiserKind; id: string };

export const LEVEL_OF: Record<OrganiserKind, GatheringLevel> = {
  owner: "national",
  "county-office": "regional",
  municipality: "local",
};

export const PERMISSION_OF: Record<OrganiserKind, Permission> = {
  owner: "manage:gathering:owner",
  "county-office": "manage:gathering:office",
  municipality: "manage:gathering:municipality",
};

type RoleOf = { role: string; orgKind: string; orgId: string };

/** The organisers a person acts for: each role that itself grants organising for its organisation. */
export function organisersOf(roles: RoleOf[]): Organiser[] {
  const found: Organiser[] = [];
  for (const role of roles) {
    for (const kind of Object.keys(PERMISSION_OF) as OrganiserKind[]) {
      if (
        role.orgKind === kind &&
        permissionsOf([role]).includes(PERMISSION_OF[kind]) &&
        !found.some((o) => o.kind === kind && o.id === role.orgId)
      )
        found.push({ kind, id: role.orgId });
    }
  }
  return found;
}

export const organiserKey = (o: Organiser) => `${o.kind}:${o.id}`;

export const sameOrganiser = (
  a: Organiser,
  b: { organiserKind: OrganiserKind; organiserId: string },
) => a.kind === b.organiserKind && a.id === b.organiserId;

/**
 * What one organiser may organise on a date: the programmes and cohorts, whether a gathering
 * may be for the whole programme, and the municipalities it may open a gathering to (null: any).
 */
export type Reach = {
  organiser: Organiser;
  programmeIds: number[];
  cohorts: CohortChoice[];
  wholeProgramme: boolean;
  municipalities: string[] | null;
};

export async function reachOf(db: Db, organiser: Organiser, now: Date): Promise<Reach> {
  if (organiser.kind === "owner") {
    const programmeIds = (await programmesOwnedBy(db, [organiser.id])).map((p) => p.id);
    return {
      organiser,
      programmeIds,
      cohorts: await cohortsOfProgrammes(db, programmeIds),
      wholeProgramme: true,
      municipalities: null,
    };
  }
  const date = osloToday(now);
  let cohorts: CohortChoice[];
  let municipalities: string[];
  if (organiser.kind === "county-office") {
    cohorts = await cohortsJoinedBy(db, { offices: [organiser.id] });
    const office = (await countyOfficesAt(db, date, "nb")).find((o) => o.id === organiser.id);
    municipalities = office
      ? (await municipalitiesAt(db, date))
          .filter((m) => office.countyCodes.includes(m.countyCode))
          .map((m) => m.code)
      : [];
  } else {
    const units = (await unitsOfMunicipality(db, organiser.id)).map((u) => u.orgNumber);
    cohorts = await cohortsJoinedBy(db, { municipalities: [organiser.id], units });
    municipalities = [organiser.id];
  }
  return {
    organiser,
    programmeIds: [...new Set(cohorts.map((c) => c.programmeId))],
    cohorts,
    wholeProgramme: false,
    municipalities,
  };
}

/** What of a gathering's input the organiser's scope decides. */
type Scoped = {
  programmeId: number;
  cohortId: number | null;
  level: GatheringLevel;
  organiserKind: OrganiserKind;
  organiserId: string;
  allowedCohorts: number[];
  allowedMunicipalities: string[];
};

/**
 * The input as the organiser may have it, or the errors (keyed by the form's fields) of what
 * is outside its reach. A county office's gathering with no municipalities named is opened to
 * all of its counties' municipalities; a municipality's is for its own units in the cohort.
 */
export function withinReach<T extends Scoped>(
  reach: Reach,
  input: T,
): { input: T; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const { organiser } = reach;
  if (!reach.programmeIds.includes(input.programmeId)) errors.programme = { code: "choice" };
  if (input.cohortId === null) {
    if (!reach.wholeProgramme) errors.cohort = { code: "cohortRequired" };
  } else if (
    !reach.cohorts.some((c) => c.id === input.cohortId && c.programmeId === input.programmeId)
  )
    errors.cohort = { code: organiser.kind === "owner" ? "choice" : "cohortOutsideReach" };
  if (input.level !== LEVEL_OF[organiser.kind])
    errors.level = { code: "levelOfOrganiser", params: { level: LEVEL_OF[organiser.kind] } };
  let out: T = input;
  if (reach.municipalities !== null) {
    const area = reach.municipalities;
    const outside = input.allowedMunicipalities.find((m) => !area.includes(m));
    if (outside)
      errors.allowedMunicipalities = {
        code: "municipalityOutsideReach",
        params: { code: outside },
      };
    out = {
      ...out,
      allowedMunicipalities:
        input.allowedMunicipalities.length > 0 ? input.allowedMunicipalities : area,
    };
    if (organiser.kind === "municipality" && input.cohortId !== null)
      out = { ...out, allowedCohorts: [input.cohortId] };
  }
  return { input: out, errors };
}

/**
 * The rule every create and edit of a gathering by a person keeps (gatherings.ts): the person
 * acts for the gathering's organiser, and the gathering is within that organiser's reach.
 * `stored`: the gathering's organiser as stored, when editing (it never changes hands).
 */
export async function organiserRule<T extends Scoped>(
  db: Db,
  personId: number,
  input: T,
  now: Date,
  stored?: { organiserKind: OrganiserKind; organiserId: string },
): Promise<{ ok: true; input: T } | { ok: false; errors: FieldErrors }> {
  const organiser = organisersOf(await activeRoles(db, personId)).find((o) =>
    sameOrganiser(o, input),
  );
  if (!organiser || (stored && !sameOrganiser(organiser, stored)))
    return { ok: false, errors: { gathering: { code: "notOrganiser" } } };
  const checked = withinReach(await reachOf(db, organiser, now), input);
  if (Object.keys(checked.errors).length > 0) return { ok: false, errors: checked.errors };
  return { ok: true, input: checked.input };
}

/** The gatherings these organisers hold, latest first (the organiser's list). */
export async function gatheringsOrganisedBy(db: Executor, organisers: Organiser[]) {
  if (organisers.length === 0) return [];
  const conditions: SQL[] = organisers.map(
    (o) => and(eq(gatherings.organiserKind, o.kind), eq(gatherings.organiserId, o.id))!,
  );
  return db
    .select()
    .from(gatherings)
    .where(or(...conditions))
    .orderBy(desc(gatherings.startsAt), desc(gatherings.id));
}
