import { and, asc, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { people, roleAssignments } from "./schema";

export type HeldRole = { role: string; orgKind: string; orgId: string };

/**
 * The active roles of these people, by person (in the order granted). For lists that show
 * where a person works (a gathering's participants), which never read the identity tables.
 */
export async function rolesOfPeople(
  db: Executor,
  personIds: number[],
): Promise<Map<number, HeldRole[]>> {
  const found = new Map<number, HeldRole[]>();
  const unique = [...new Set(personIds)];
  if (unique.length === 0) return found;
  const rows = await db
    .select({
      personId: roleAssignments.personId,
      role: roleAssignments.role,
      orgKind: roleAssignments.orgKind,
      orgId: roleAssignments.orgId,
    })
    .from(roleAssignments)
    .where(and(inArray(roleAssignments.personId, unique), isNull(roleAssignments.revokedAt)))
    .orderBy(asc(roleAssignments.id));
  for (const { personId, ...role } of rows) {
    const list = found.get(personId) ?? [];
    list.push(role);
    found.set(personId, list);
  }
  return found;
}

/** The addresses of these people (not deleted, with an address), by person. */
export async function emailsOf(db: Executor, personIds: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(personIds)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: people.id, email: people.email })
    .from(people)
    .where(and(inArray(people.id, unique), isNull(people.deletedAt), isNotNull(people.email)));
  return new Map(rows.map((r) => [r.id, r.email ?? ""]));
}
