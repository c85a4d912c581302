// People for tests, named as the people they play ("Nora Uten Rolle", "Roar Rogaland"). Roles
// go through grantRole, so a test person holds a role exactly as an administrator gives it
// (checked organisation, audit line), never as a row a test wrote by hand.
import type { Db } from "../../db/client";
import { grantRole } from "./people";
import type { Role } from "./roles";
import { people } from "./schema";

export type TestPerson = {
  name: string;
  email: string;
  /** A role to hold from `now`, granted by the system. */
  role?: { role: Role; orgId: string };
};

/** Store a person (and the role, if given) as of `now`; the person's id. */
export async function insertTestPerson(db: Db, person: TestPerson, now: Date): Promise<number> {
  const [row] = await db
    .insert(people)
    .values({ name: person.name, email: person.email, createdAt: now })
    .returning({ id: people.id });
  if (!row) throw new Error(`could not store ${person.email}`);
  if (person.role) {
    const granted = await grantRole(
      db,
      { personId: row.id, ...person.role },
      { personId: null, now },
    );
    if (!granted.ok) {
      throw new Error(
        `could not give ${person.email} the role ${person.role.role} for ${person.role.orgId}: ${JSON.stringify(granted.errors)}`,
      );
    }
  }
  return row.id;
}
