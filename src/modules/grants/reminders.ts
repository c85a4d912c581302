import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { addDays, osloToday } from "../../kernel/clock";
import { enqueueMail } from "../../kernel/mail-jobs";
import { addressesActingAs } from "../identity";
import { letterFacts } from "./letter";
import { grantLink } from "./letter-job";
import { letterWords } from "./mail-texts";
import { grantSchemes, grants } from "./schema";

/** Reminders go this many days before a deadline; the overdue one the day after it. */
export const REMIND_DAYS_BEFORE = 7;

type Kind = "accept" | "report" | "overdue";

/**
 * The grants' clock (manifest housekeeping): a reminder before the acceptance deadline to those
 * who have not answered, one before the report deadline and one after it to those who have not
 * reported. Each is marked on the grant by a conditional update, in the transaction that queues
 * its mail (keyed per grant, kind and address): once each, whichever instance runs it.
 */
export async function runGrantReminders(
  db: Db,
  context: { now: Date; baseUrl: string },
): Promise<number> {
  const today = osloToday(context.now);
  const soon = addDays(today, REMIND_DAYS_BEFORE);
  const due = await db
    .select({
      id: grants.id,
      state: grants.state,
      accept: grants.acceptRemindedAt,
      report: grants.reportRemindedAt,
      overdue: grants.reportOverdueAt,
      acceptDeadline: grantSchemes.acceptDeadline,
      reportDeadline: grantSchemes.reportDeadline,
    })
    .from(grants)
    .innerJoin(grantSchemes, eq(grantSchemes.id, grants.schemeId))
    .where(sql`${grants.state} in ('letter-sent', 'paid')`);
  let sent = 0;
  for (const g of due) {
    let kind: Kind | null = null;
    if (
      g.state === "letter-sent" &&
      !g.accept &&
      g.acceptDeadline <= soon &&
      g.acceptDeadline >= today
    )
      kind = "accept";
    else if (g.state === "paid" && !g.overdue && g.reportDeadline < today) kind = "overdue";
    else if (
      g.state === "paid" &&
      !g.report &&
      g.reportDeadline <= soon &&
      g.reportDeadline >= today
    )
      kind = "report";
    if (kind && (await remind(db, g.id, kind, context))) sent++;
  }
  return sent;
}

const column = {
  accept: grants.acceptRemindedAt,
  report: grants.reportRemindedAt,
  overdue: grants.reportOverdueAt,
} as const;
const field = {
  accept: "acceptRemindedAt",
  report: "reportRemindedAt",
  overdue: "reportOverdueAt",
} as const;
const stateFor = { accept: "letter-sent", report: "paid", overdue: "paid" } as const;

async function remind(
  db: Db,
  grantId: number,
  kind: Kind,
  context: { now: Date; baseUrl: string },
) {
  const facts = await letterFacts(db, grantId, context.now);
  if (!facts) return false;
  const to = await addressesActingAs(
    db,
    "municipal-coordinator",
    facts.grant.municipalityCode,
    context.now,
  );
  const w = letterWords[facts.standard];
  const deadline = kind === "accept" ? facts.scheme.acceptDeadline : facts.scheme.reportDeadline;
  const words = (
    kind === "accept" ? w.acceptReminder : kind === "report" ? w.reportReminder : w.reportOverdue
  )(facts.programmeTitle, deadline);
  return db.transaction(async (tx) => {
    const [marked] = await tx
      .update(grants)
      .set({ [field[kind]]: context.now })
      .where(and(eq(grants.id, grantId), eq(grants.state, stateFor[kind]), isNull(column[kind])))
      .returning({ id: grants.id });
    if (!marked) return false;
    for (const address of to) {
      await enqueueMail(
        tx,
        {
          to: address,
          subject: words.subject,
          text: [
            words.lead,
            "",
            grantLink(context.baseUrl, facts.standard, grantId),
            "",
            w.closing,
          ].join("\n"),
        },
        { idempotencyKey: `grant-reminder:${grantId}:${kind}:${address}`, now: context.now },
      );
    }
    return true;
  });
}
