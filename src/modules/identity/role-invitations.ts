import { and, eq, gt, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Role } from "./roles";
import { people, roleAssignments, roleInvitations } from "./schema";

// What other modules need to know of roles and role invitations, so that they never read the
// identity tables themselves (the cohort chain mails, invites and replaces resource persons).

/** A database or an open transaction: these reads and writes take part in the caller's. */
type Executor = Pick<Db, "select" | "selectDistinct" | "update">;

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
    .where(
      and(
        eq(roleAssignments.role, role),
        eq(roleAssignments.orgId, orgId),
        isNull(roleAssignments.revokedAt),
        isNull(people.deletedAt),
      ),
    );
  const invited = await db
    .select({ email: roleInvitations.email })
    .from(roleInvitations)
    .where(
      and(
        eq(roleInvitations.role, role),
        eq(roleInvitations.orgId, orgId),
        isNull(roleInvitations.acceptedAt),
        isNull(roleInvitations.revokedAt),
        sql`${roleInvitations.expiresAt} > ${now.toISOString()}::timestamptz`,
      ),
    );
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
    .where(
      and(
        eq(roleAssignments.role, role),
        inArray(roleAssignments.orgId, orgIds),
        isNull(roleAssignments.revokedAt),
        isNull(people.deletedAt),
        isNotNull(people.email),
      ),
    );
  const invited = await db
    .selectDistinct({ id: roleInvitations.orgId })
    .from(roleInvitations)
    .where(
      and(
        eq(roleInvitations.role, role),
        inArray(roleInvitations.orgId, orgIds),
        isNull(roleInvitations.acceptedAt),
        isNull(roleInvitations.revokedAt),
        gt(roleInvitations.expiresAt, now),
      ),
    );
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
        eq(roleAssignments.role, role),
        eq(roleAssignments.orgId, orgId),
        isNull(roleAssignments.revokedAt),
        isNull(people.deletedAt),
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
        eq(roleInvitations.role, role),
        eq(roleInvitations.orgId, orgId),
        isNull(roleInvitations.acceptedAt),
        isNull(roleInvitations.revokedAt),
        sql`${roleInvitations.expiresAt} > ${now.toISOString()}::timestamptz`,
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
