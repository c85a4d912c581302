import { and, eq, lte, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { osloToday } from "../../kernel/clock";
import { type Actor, event } from "./chain-core";
import { mailInvitee, nameBook } from "./chain-mail";
import { cohortInvitations, cohorts } from "./schema";

/**
 * Write `expired` on open invitations whose deadline has passed in Europe/Oslo, and send the
 * automatic reminder `reminderDaysBefore` days before each deadline (once per deadline). Safe to
 * run as often as one likes, from any number of processes.
 */
export async function runChainHousekeeping(db: Db, actor: Omit<Actor, "personId">) {
  const today = osloToday(actor.now);
  const system = { ...actor, personId: null };
  const expired = await db.transaction(async (tx) => {
    const rows = await tx
      .update(cohortInvitations)
      .set({ state: "expired", version: sql`${cohortInvitations.version} + 1` })
      .where(
        and(
          eq(cohortInvitations.state, "invited"),
          sql`${cohortInvitations.deadline} < ${today}::date`,
        ),
      )
      .returning();
    for (const inv of rows) {
      await event(tx, inv, {
        event: "expired",
        at: actor.now,
        actorId: null,
        from: "invited",
        to: "expired",
        detail: { deadline: inv.deadline },
      });
    }
    return rows.length;
  });

  const due = await db
    .select({ inv: cohortInvitations, cohort: cohorts })
    .from(cohortInvitations)
    .innerJoin(cohorts, eq(cohorts.id, cohortInvitations.cohortId))
    .where(
      and(
        eq(cohortInvitations.state, "invited"),
        sql`${cohorts.reminderDaysBefore} > 0`,
        lte(
          sql`${cohortInvitations.deadline} - ${cohorts.reminderDaysBefore}`,
          sql`${today}::date`,
        ),
        sql`${cohortInvitations.autoRemindedFor} is distinct from ${cohortInvitations.deadline}`,
      ),
    );
  let reminded = 0;
  const names = nameBook();
  for (const { inv, cohort } of due) {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .update(cohortInvitations)
        .set({
          autoRemindedFor: inv.deadline,
          lastRemindedAt: actor.now,
          remindersSent: sql`${cohortInvitations.remindersSent} + 1`,
        })
        .where(
          and(
            eq(cohortInvitations.id, inv.id),
            eq(cohortInvitations.state, "invited"),
            eq(cohortInvitations.deadline, inv.deadline),
            sql`${cohortInvitations.autoRemindedFor} is distinct from ${cohortInvitations.deadline}`,
          ),
        )
        .returning();
      if (!row) return;
      await event(tx, inv, {
        event: "auto-reminded",
        at: actor.now,
        actorId: null,
        detail: { deadline: inv.deadline },
      });
      await mailInvitee(
        tx,
        row,
        cohort,
        "reminder",
        system,
        `cohort-reminder:auto:${inv.id}:${inv.deadline}`,
        { names },
      );
      reminded++;
    });
  }
  return { expired, reminded };
}
