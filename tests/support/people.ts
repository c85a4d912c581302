import { inArray } from "drizzle-orm";
import type { Db } from "../../src/db/client";
import { demoEmail } from "../../src/modules/identity";
import { people } from "../../src/modules/identity/schema";
import { createSession } from "../../src/modules/identity/sessions";
import type { TestApp } from "./app";

/** The session cookie's name over plain HTTP, as the test app sets it. */
export const SESSION_COOKIE = "samspill-session";

/** The ids of these demo people (seeded with `demoPeople`), by their key: ada, siv, kari… */
export async function demoPeopleIds(
  db: Db,
  keys: readonly string[],
): Promise<Record<string, number>> {
  const rows = await db
    .select({ id: people.id, email: people.email })
    .from(people)
    .where(
      inArray(
        people.email,
        keys.map((key) => demoEmail(key)),
      ),
    );
  const ids: Record<string, number> = {};
  for (const key of keys) {
    const row = rows.find((r) => r.email === demoEmail(key));
    if (!row) throw new Error(`no demo person ${key}`);
    ids[key] = row.id;
  }
  return ids;
}

/** A Cookie header with a new session of this person's, as if they had just signed in. */
export async function sessionCookie(
  t: Pick<TestApp, "db" | "clock">,
  personId: number,
): Promise<string> {
  return `${SESSION_COOKIE}=${await createSession(t.db, personId, "test", t.clock.now())}`;
}

/**
 * Requests to the test app (`app()`, as it is once set up) as one of the people in `ids`, each
 * with a new session, or, for a GET without `who`, as nobody.
 */
export function requestsAs(app: () => TestApp, ids: Record<string, number>) {
  const cookie = (who: string) => sessionCookie(app(), ids[who]!);
  return {
    cookie,
    get: async (path: string, who?: string) =>
      app().app.request(path, who ? { headers: { Cookie: await cookie(who) } } : {}),
    post: async (path: string, who: string, form: Record<string, string> | URLSearchParams = {}) =>
      app().post(path, form, { Cookie: await cookie(who) }),
  };
}
