import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { people, roleAssignments, sessions } from "./schema";

/** A session ends after two hours without use, and after twelve hours whatever happens. */
export const IDLE_MS = 2 * 3_600_000;
export const ABSOLUTE_MS = 12 * 3_600_000;
const TOUCH_EVERY_MS = 60_000;

export function hashId(raw: string): string {
  return createHash("sha256").update(raw).digest("base64url");
}

export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

export async function createSession(
  db: Db,
  personId: number,
  via: string,
  now: Date,
): Promise<string> {
  const raw = newSecret();
  await db.insert(sessions).values({
    idHash: hashId(raw),
    personId,
    via,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + ABSOLUTE_MS),
  });
  return raw;
}

export type LiveSession = { personId: number; createdAt: Date; via: string };

type SessionRow = typeof sessions.$inferSelect;

/** Whether a session row is alive at `now`; refreshes its idle clock (once a minute at most). */
async function alive(db: Db, row: SessionRow | undefined, now: Date): Promise<boolean> {
  if (!row || row.revokedAt) return false;
  if (row.expiresAt <= now || row.lastSeenAt.getTime() + IDLE_MS <= now.getTime()) return false;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, row.idHash));
  }
  return true;
}

const wellFormed = (raw: string) => /^[\w-]{20,100}$/.test(raw);

/** The session behind a cookie value, if it is still alive; refreshes its idle clock. */
export async function readSession(db: Db, raw: string, now: Date): Promise<LiveSession | null> {
  if (!wellFormed(raw)) return null;
  const [row] = await db
    .select()
    .from(sessions)
    .where(eq(sessions.idHash, hashId(raw)));
  if (!row || !(await alive(db, row, now))) return null;
  return { personId: row.personId, createdAt: row.createdAt, via: row.via };
}

export type SignedIn = {
  session: LiveSession;
  person: typeof people.$inferSelect;
  /** The person's roles not revoked, oldest first. */
  roles: (typeof roleAssignments.$inferSelect)[];
};

/**
 * What every signed-in request needs, in one query: the live session behind a cookie value,
 * its person and the person's roles (a join: three queries were most of a small page's
 * database time). Null when the session is not alive.
 */
export async function readSignedIn(db: Db, raw: string, now: Date): Promise<SignedIn | null> {
  if (!wellFormed(raw)) return null;
  const rows = await db
    .select({ session: sessions, person: people, role: roleAssignments })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .leftJoin(
      roleAssignments,
      and(eq(roleAssignments.personId, people.id), isNull(roleAssignments.revokedAt)),
    )
    .where(eq(sessions.idHash, hashId(raw)))
    .orderBy(asc(roleAssignments.id));
  const first = rows[0];
  if (!first || !(await alive(db, first.session, now))) return null;
  return {
    session: {
      personId: first.session.personId,
      createdAt: first.session.createdAt,
      via: first.session.via,
    },
    person: first.person,
    roles: rows.flatMap((r) => (r.role ? [r.role] : [])),
  };
}

export async function endSession(db: Db, raw: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(eq(sessions.idHash, hashId(raw)));
}

/** "Sign out everywhere": every session of the person, on every device. */
export async function endAllSessions(db: Db, personId: number, now: Date): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.personId, personId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.idHash });
  return rows.length;
}

export async function purgeOldSessions(db: Db, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - 30 * 86_400_000);
  await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, cutoff), lt(sessions.revokedAt, cutoff)));
}
