import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { people, roleAssignments } from "./schema";

export type RoleHolder = {
  personId: number;
  email: string;
  role: string;
  orgKind: string;
  orgId: string;
};

/**
 * Every active role of every person not deleted who has an e-mail address, one row per role;
 * only these roles when `roles` is not empty. For mail to everyone who may do something
 * (gatherings: the reminder before registration closes), which never reads these tables itself.
 */
export async function activeRoleHolders(db: Db, roles: string[] = []): Promise<RoleHolder[]> {
  const rows = await db
    .select({
      personId: roleAssignments.personId,
      email: people.email,
      role: roleAssignments.role,
      orgKind: roleAssignments.orgKind,
      orgId: roleAssignments.orgId,
    })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .where(
      and(
        isNull(roleAssignments.revokedAt),
        isNull(people.deletedAt),
        isNotNull(people.email),
        ...(roles.length > 0 ? [inArray(roleAssignments.role, roles)] : []),
      ),
    )
    .orderBy(asc(roleAssignments.personId), asc(roleAssignments.id));
  return rows.map((r) => ({ ...r, email: r.email! }));
}
