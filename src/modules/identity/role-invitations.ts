import { and, eq, gt, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Role } from "./roles";
import { people, roleAssignments, roleInvitations } from "./schema";

// What other modules need to know of roles and role invitations, so that they never read the
// identity tables themselves (the cohort chain mails, invites and replaces resource persons).

/** A database or an open transaction: these reads and writes take part in the caller's. */
type Executor = Pick<Db, "select" | "selectDistinct" | "update">;

/** An active role (of a person not deleted; the query joins people) for these organisations. */
function holding(role: Role, orgs: SQL) {
  return and(
    eq(roleAssignments.role, role),
    orgs,
    isNull(roleAssignments.revokedAt),
    isNull(people.deletedAt),
  );
}

/** A role invitation for these organisations, neither accepted nor withdrawn nor expired. */
function openInvitation(role: Role, orgs: SQL, now: Date) {
  return and(
    eq(roleInvitations.role, role),
    orgs,
    isNull(roleInvitations.acceptedAt),
    isNull(roleInvitations.revokedAt),
    gt(roleInvitations.expiresAt, now),
  );
}

/**
 * The addresses of the people who hold `role` for an organisation (deleted people left out),
 * then of those invited to it whose invitation is still open at `now`; as stored, unsorted.
 */
export async function addressesActingAs(
  db: Executor,
  role: Role,
  orgId: string,
  now: Date,
): Promise<string[]> {
  const active = await db
    .select({ email: people.email })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .where(holding(role, eq(roleAssignments.orgId, orgId)));
  const invited = await db
    .select({ email: roleInvitations.email })
    .from(roleInvitations)
    .where(openInvitation(role, eq(roleInvitations.orgId, orgId), now));
  return [...active, ...invited].flatMap((r) => (r.email ? [r.email] : []));
}

/**
 * Of these organisations, the ones someone can be mailed for in `role`: an active holder with an
 * address, or an open role invitation. Two queries for the whole list.
 */
export async function orgsWithSomeoneAs(
  db: Executor,
  role: Role,
  orgIds: string[],
  now: Date,
): Promise<Set<string>> {
  if (orgIds.length === 0) return new Set();
  const active = await db
    .selectDistinct({ id: roleAssignments.orgId })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .where(and(holding(role, inArray(roleAssignments.orgId, orgIds)), isNotNull(people.email)));
  const invited = await db
    .selectDistinct({ id: roleInvitations.orgId })
    .from(roleInvitations)
    .where(openInvitation(role, inArray(roleInvitations.orgId, orgIds), now));
  return new Set([...active, ...invited].map((r) => r.id));
}

/** Does the person with this address (any case) hold `role` for the organisation? */
export async function holdsRole(
  db: Executor,
  role: Role,
  orgId: string,
  email: string,
): Promise<boolean> {
  const rows = await db
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .where(
      and(
        holding(role, eq(roleAssignments.orgId, orgId)),
        sql`lower(${people.email}) = lower(${email})`,
      ),
    );
  return rows.length > 0;
}

/** The id of an open invitation of this address (any case) to `role` for the organisation. */
export async function openRoleInvitation(
  db: Executor,
  role: Role,
  orgId: string,
  email: string,
  now: Date,
): Promise<number | null> {
  const [open] = await db
    .select({ id: roleInvitations.id })
    .from(roleInvitations)
    .where(
      and(
        openInvitation(role, eq(roleInvitations.orgId, orgId), now),
        sql`lower(${roleInvitations.email}) = lower(${email})`,
      ),
    );
  return open?.id ?? null;
}

/**
 * Withdraw a role invitation not yet accepted, so that it no longer lets anyone in; one already
 * accepted or withdrawn is left as it is. Not audited here: the caller records its own act.
 */
export async function withdrawRoleInvitation(db: Executor, id: number, now: Date) {
  await db
    .update(roleInvitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(roleInvitations.id, id),
        isNull(roleInvitations.acceptedAt),
        isNull(roleInvitations.revokedAt),
      ),
    );
}

/** People's names by id, deleted people included (their stored name, as a join would give). */
export async function personNames(
  db: Executor,
  ids: number[],
): Promise<Map<number, string | null>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(inArray(people.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}
