import { lt, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { HousekeepingJob } from "../../kernel/manifest";
import { sessions, signInAttempts, signInCodes } from "./schema";

/** How long what sign-in leaves behind is kept after it ended (decision 0035). */
export const RETENTION = {
  /** A one-time code (it names an e-mail address): a day after it expired. */
  codesMs: 86_400_000,
  /** An OpenID sign-in under way (state, nonce, verifier): an hour after it began. */
  attemptsMs: 3_600_000,
  /** A session: 30 days after it expired or was ended (the security log of who was signed in). */
  sessionsMs: 30 * 86_400_000,
};

/**
 * Deletes what sign-in leaves behind once it is of no use: expired one-time codes, OpenID
 * sign-ins that never came back, and sessions long over. Idempotent: a second run finds nothing.
 */
export async function purgeSignInLeftovers(db: Db, now: Date) {
  const before = (ms: number) => new Date(now.getTime() - ms);
  const codes = await db
    .delete(signInCodes)
    .where(lt(signInCodes.expiresAt, before(RETENTION.codesMs)))
    .returning({ id: signInCodes.id });
  const attempts = await db
    .delete(signInAttempts)
    .where(lt(signInAttempts.createdAt, before(RETENTION.attemptsMs)))
    .returning({ id: signInAttempts.idHash });
  const ended = await db
    .delete(sessions)
    .where(
      or(
        lt(sessions.expiresAt, before(RETENTION.sessionsMs)),
        lt(sessions.revokedAt, before(RETENTION.sessionsMs)),
      ),
    )
    .returning({ id: sessions.idHash });
  return { codes: codes.length, attempts: attempts.length, sessions: ended.length };
}

export const signInRetention: HousekeepingJob = {
  name: "sign-in retention",
  everyMinutes: 60,
  async run(db, context) {
    const n = await purgeSignInLeftovers(db, context.now);
    return n.codes + n.attempts + n.sessions > 0
      ? `deleted ${n.codes} sign-in codes, ${n.attempts} sign-in attempts, ${n.sessions} sessions`
      : null;
  },
};
