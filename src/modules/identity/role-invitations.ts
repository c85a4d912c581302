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

/**
 * The addresses acting for organisations, as a query another module composes into its own
 * (a message's segment, issue 14): `orgs` yields `org_kind`, `org_id`, `lang` and `label`;
 * the result yields `address`, `lang`, `label`, `name` for each active holder of one of
 * `roles` there (deleted people left out) and each open role invitation.
 */
export function roleAddressesQuery(orgs: SQL, roles: Role[], now: Date): SQL {
  const list = sql.join(
    roles.map((r) => sql`${r}`),
    sql`, `,
  );
  const at = now.toISOString();
  return sql`select p.email as address, o.lang, o.label, p.name as name
      from (${orgs}) o
      join ${roleAssignments} ra on ra.org_kind = o.org_kind and ra.org_id = o.org_id
       and ra.role in (${list}) and ra.revoked_at is null
      join ${people} p on p.id = ra.person_id and p.deleted_at is null and p.email is not null
    union all
    select ri.email as address, o.lang, o.label, null as name
      from (${orgs}) o
      join ${roleInvitations} ri on ri.org_kind = o.org_kind and ri.org_id = o.org_id
       and ri.role in (${list}) and ri.accepted_at is null and ri.revoked_at is null
       and ri.expires_at > ${at}::timestamptz`;
}

/**
 * The addresses of people, as a query another module composes (a message's segment): `persons`
 * yields `person_id`, `lang` and `label`; the result yields `address`, `lang`, `label`, `name`
 * for each person not deleted who has an address.
 */
export function personAddressesQuery(persons: SQL): SQL {
  return sql`select p.email as address, x.lang, x.label, p.name as name
      from (${persons}) x
      join ${people} p on p.id = x.person_id and p.deleted_at is null and p.email is not null`;
}
