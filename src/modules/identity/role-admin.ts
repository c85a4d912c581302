import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { osloToday } from "../../kernel/clock";
import type { FieldErrors } from "../../kernel/forms";
import type { Lang } from "../../web/i18n";
import {
  countyOfficesAt,
  municipalitiesAt,
  municipalitiesOfUnits,
  searchOrganisations,
} from "../organisations";
import {
  activeRoles,
  changeRole,
  getPerson,
  grantRole,
  invite,
  listOpenInvitations,
  listPeople,
  orgExists,
  type PersonListRow,
  revokeInvitation,
  revokeRole,
} from "./people";
import type { IdentityReads } from "./reads";
import { type OrgKind, OWNERS, ROLES, type Role } from "./roles";
import { roleAssignments, roleInvitations } from "./schema";

/**
 * What a programme admin governs, and so where they may grant, change and end roles: their
 * owner itself; the county offices of their owner's cohorts; the municipalities those offices
 * cover (on the date) or invited; the units in those municipalities and any unit invited to or
 * enrolled in one of the cohorts directly. See docs/decisions (role management is scoped).
 */
export type Governed = {
  owners: Set<string>;
  offices: Set<string>;
  municipalities: Set<string>;
  units: Set<string>;
};

const nothing = (): Governed => ({
  owners: new Set(),
  offices: new Set(),
  municipalities: new Set(),
  units: new Set(),
});

export async function governedBy(
  db: Db,
  personId: number,
  date: string,
  cohortReach: IdentityReads["cohortReach"],
): Promise<Governed> {
  const scope = nothing();
  for (const r of await activeRoles(db, personId)) {
    if (r.role === "programme-admin" && r.orgKind === "owner") scope.owners.add(r.orgId);
  }
  if (scope.owners.size === 0) return scope;
  const reach = await cohortReach(db, [...scope.owners]);
  for (const o of reach.offices) scope.offices.add(o);
  for (const m of reach.municipalities) scope.municipalities.add(m);
  for (const u of reach.units) scope.units.add(u);
  if (scope.offices.size > 0) {
    const counties = new Set(
      (await countyOfficesAt(db, date, "nb"))
        .filter((o) => scope.offices.has(o.id))
        .flatMap((o) => o.countyCodes),
    );
    for (const m of await municipalitiesAt(db, date)) {
      if (counties.has(m.countyCode)) scope.municipalities.add(m.code);
    }
  }
  return scope;
}

/** Which of these organisations (kind and id) lie within what the scope governs. */
export async function withinScope(
  db: Db,
  scope: Governed,
  orgs: { orgKind: string; orgId: string }[],
): Promise<boolean[]> {
  const unitIds = orgs.filter((o) => o.orgKind === "unit").map((o) => o.orgId);
  const unitHome = await municipalitiesOfUnits(db, [...new Set(unitIds)]);
  return orgs.map(({ orgKind, orgId }) => {
    switch (orgKind) {
      case "owner":
        return scope.owners.has(orgId);
      case "county-office":
        return scope.offices.has(orgId);
      case "municipality":
        return scope.municipalities.has(orgId);
      case "unit": {
        const home = unitHome.get(orgId);
        return scope.units.has(orgId) || (home !== undefined && scope.municipalities.has(home));
      }
      default:
        return false;
    }
  });
}

async function governs(db: Db, scope: Governed, orgKind: string, orgId: string) {
  const [ok] = await withinScope(db, scope, [{ orgKind, orgId }]);
  return ok === true;
}

/**
 * The acting admin: always a person (the system grants roles through people.ts directly), with
 * the read that says how far their cohorts reach (lent by the cohorts module; see reads.ts).
 */
export type AdminActor = {
  personId: number;
  now: Date;
  cohortReach: IdentityReads["cohortReach"];
};

export type AdminResult<T = object> =
  | ({ ok: true } & T)
  | { ok: false; forbidden: true }
  | { ok: false; forbidden?: false; errors: FieldErrors };

const forbidden = { ok: false as const, forbidden: true as const };

async function scopeOf(db: Db, actor: AdminActor) {
  return governedBy(db, actor.personId, osloToday(actor.now), actor.cohortReach);
}

/** An organisation that does not exist is a mistake in the form (422), not a refusal (403). */
async function unknownOrg(db: Db, role: Role, orgId: string, actor: AdminActor) {
  return !(await orgExists(db, ROLES[role].orgKind, orgId, osloToday(actor.now)));
}

const unknownOrgError = { ok: false as const, errors: { orgId: { code: "unknownOrg" } } };

/** Grant a role to someone else, for an organisation the actor governs. */
export async function grantRoleAsAdmin(
  db: Db,
  input: { personId: number; role: Role; orgId: string },
  actor: AdminActor,
): Promise<AdminResult<{ id: number }>> {
  if (input.personId === actor.personId) return forbidden;
  if (await unknownOrg(db, input.role, input.orgId, actor)) return unknownOrgError;
  const scope = await scopeOf(db, actor);
  if (!(await governs(db, scope, ROLES[input.role].orgKind, input.orgId))) return forbidden;
  return grantRole(db, input, actor);
}

/** The role, if still active, locked until the transaction ends. */
async function lockActiveRole(tx: Parameters<Parameters<Db["transaction"]>[0]>[0], roleId: number) {
  const [row] = await tx
    .select()
    .from(roleAssignments)
    .where(and(eq(roleAssignments.id, roleId), isNull(roleAssignments.revokedAt)))
    .for("update");
  return row;
}

/**
 * Change someone else's role: the role as it is and the role as it becomes must both lie
 * within what the actor governs. Nobody changes their own roles.
 */
export async function changeRoleAsAdmin(
  db: Db,
  roleId: number,
  input: { role: Role; orgId: string },
  actor: AdminActor,
): Promise<AdminResult> {
  const scope = await scopeOf(db, actor);
  return db.transaction(async (tx) => {
    const current = await lockActiveRole(tx, roleId);
    if (!current) return { ok: false as const, errors: { role: { code: "staleRole" } } };
    if (
      current.personId !== actor.personId &&
      (await unknownOrg(tx, input.role, input.orgId, actor))
    )
      return unknownOrgError;
    if (current.personId === actor.personId) return forbidden;
    if (!(await governs(tx, scope, current.orgKind, current.orgId))) return forbidden;
    if (!(await governs(tx, scope, ROLES[input.role].orgKind, input.orgId))) return forbidden;
    return changeRole(tx, roleId, input, actor);
  });
}

/** End someone else's role within what the actor governs; false when there was none to end. */
export async function revokeRoleAsAdmin(
  db: Db,
  roleId: number,
  actor: AdminActor,
): Promise<AdminResult<{ revoked: boolean }>> {
  const scope = await scopeOf(db, actor);
  return db.transaction(async (tx) => {
    const current = await lockActiveRole(tx, roleId);
    if (!current) return { ok: true as const, revoked: false };
    if (current.personId === actor.personId) return forbidden;
    if (!(await governs(tx, scope, current.orgKind, current.orgId))) return forbidden;
    return { ok: true as const, revoked: await revokeRole(tx, roleId, actor) };
  });
}

/** Invite someone (not oneself) by e-mail to a role in an organisation the actor governs. */
export async function inviteAsAdmin(
  db: Db,
  input: { email: string; name: string; role: Role; orgId: string; lang: Lang },
  actor: AdminActor & { baseUrl: string },
): Promise<AdminResult<{ id: number }>> {
  const self = await getPerson(db, actor.personId);
  if (self?.email && self.email.toLowerCase() === input.email.trim().toLowerCase())
    return forbidden;
  if (await unknownOrg(db, input.role, input.orgId, actor)) return unknownOrgError;
  const scope = await scopeOf(db, actor);
  if (!(await governs(db, scope, ROLES[input.role].orgKind, input.orgId))) return forbidden;
  return invite(db, input, actor);
}

/** Withdraw an open invitation to an organisation the actor governs. */
export async function revokeInvitationAsAdmin(
  db: Db,
  id: number,
  actor: AdminActor,
): Promise<AdminResult<{ revoked: boolean }>> {
  const scope = await scopeOf(db, actor);
  const [row] = await db
    .select({ orgKind: roleInvitations.orgKind, orgId: roleInvitations.orgId })
    .from(roleInvitations)
    .where(
      and(
        eq(roleInvitations.id, id),
        isNull(roleInvitations.acceptedAt),
        isNull(roleInvitations.revokedAt),
      ),
    );
  if (!row) return { ok: true, revoked: false };
  if (!(await governs(db, scope, row.orgKind, row.orgId))) return forbidden;
  return { ok: true, revoked: await revokeInvitation(db, id, actor) };
}

/**
 * The people the actor may manage, each with only the roles within the actor's scope (the
 * actor's own roles are shown but cannot be managed by themselves).
 */
export async function listPeopleInScope(
  db: Db,
  filter: { q?: string; role?: string },
  actor: AdminActor,
): Promise<(PersonListRow & { self: boolean })[]> {
  const scope = await scopeOf(db, actor);
  const rows = await listPeople(db, filter);
  const all = rows.flatMap((p) => p.roles);
  const inside = await withinScope(db, scope, all);
  const allowed = new Set(all.filter((_, i) => inside[i]).map((r) => r.id));
  return rows
    .map((p) => ({
      ...p,
      roles: p.roles.filter((r) => allowed.has(r.id)),
      self: p.id === actor.personId,
    }))
    .filter((p) => p.roles.length > 0)
    .filter((p) => !filter.role || p.roles.some((r) => r.role === filter.role));
}

/** Open invitations to organisations within the actor's scope. */
export async function listOpenInvitationsInScope(db: Db, actor: AdminActor) {
  const scope = await scopeOf(db, actor);
  const rows = await listOpenInvitations(db, actor.now);
  const inside = await withinScope(db, scope, rows);
  return rows.filter((_, i) => inside[i]);
}

/** An organisation the admin may choose in a role form: its kind, id and name. */
export type OrgChoice = {
  orgKind: OrgKind;
  orgId: string;
  name: string;
  /** Where it is, for units: the municipality's name. */
  place: string | null;
};

export const ORG_CHOICES_LIMIT = 15;

/**
 * Organisations within the actor's scope whose name (or number) matches `query`, of the kind
 * the role needs (all kinds when no role is chosen yet): the search behind the role forms.
 */
export async function findOrgsInScope(
  db: Db,
  query: string,
  orgKind: OrgKind | null,
  lang: Lang,
  actor: AdminActor,
): Promise<OrgChoice[]> {
  const q = query.trim();
  if (!q) return [];
  const date = osloToday(actor.now);
  const scope = await scopeOf(db, actor);
  const choices: OrgChoice[] = [];
  if (orgKind === null || orgKind === "owner") {
    const needle = q.toLowerCase();
    for (const id of scope.owners) {
      const names = OWNERS[id as keyof typeof OWNERS];
      if (!names) continue;
      if (id === needle || Object.values(names).some((n) => n.toLowerCase().includes(needle)))
        choices.push({ orgKind: "owner", orgId: id, name: names[lang], place: null });
    }
  }
  const kinds = (["county-office", "municipality", "unit"] as const).filter(
    (k) => orgKind === null || orgKind === k,
  );
  if (kinds.length > 0) {
    const hits = await searchOrganisations(db, q, {
      date,
      kinds: [...kinds],
      limit: 100,
      lang: lang === "nn" ? "nn" : "nb",
    });
    const found: OrgChoice[] = [];
    for (const hit of hits) {
      if (hit.kind === "county-office")
        found.push({ orgKind: "county-office", orgId: hit.id, name: hit.name, place: null });
      else if (hit.kind === "municipality")
        found.push({ orgKind: "municipality", orgId: hit.code, name: hit.name, place: null });
      else if (hit.kind === "unit" && hit.active)
        found.push({
          orgKind: "unit",
          orgId: hit.orgNumber,
          name: hit.name,
          place: hit.municipalityName,
        });
    }
    const inside = await withinScope(db, scope, found);
    choices.push(...found.filter((_, i) => inside[i]));
  }
  return choices.slice(0, ORG_CHOICES_LIMIT);
}

/** The role to be changed, for its form: only within the actor's scope, never their own. */
export async function roleToChange(db: Db, roleId: number, actor: AdminActor) {
  const [current] = await db
    .select()
    .from(roleAssignments)
    .where(and(eq(roleAssignments.id, roleId), isNull(roleAssignments.revokedAt)));
  if (!current) return null;
  if (current.personId === actor.personId) return forbidden;
  const scope = await scopeOf(db, actor);
  if (!(await governs(db, scope, current.orgKind, current.orgId))) return forbidden;
  return { ok: true as const, role: current, person: await getPerson(db, current.personId) };
}
