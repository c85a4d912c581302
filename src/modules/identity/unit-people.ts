import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { people, roleAssignments } from "./schema";

export type UnitPerson = { personId: number; name: string; role: string; unitOrgNumber: string };

/**
 * The people who work at these units now: an active role at the unit (staff or leader), of a
 * person not deleted, by name. For a unit leader who registers the unit's staff for a
 * gathering (gatherings), which never reads the identity tables itself. Names only.
 */
export async function peopleOfUnits(db: Db, orgNumbers: string[]): Promise<UnitPerson[]> {
  if (orgNumbers.length === 0) return [];
  const rows = await db
    .select({
      personId: people.id,
      name: people.name,
      role: roleAssignments.role,
      unitOrgNumber: roleAssignments.orgId,
    })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .where(
      and(
        eq(roleAssignments.orgKind, "unit"),
        inArray(roleAssignments.orgId, orgNumbers),
        isNull(roleAssignments.revokedAt),
        isNull(people.deletedAt),
      ),
    )
    .orderBy(asc(people.name), asc(people.id));
  return rows.map((r) => ({ ...r, name: r.name ?? "" }));
}
