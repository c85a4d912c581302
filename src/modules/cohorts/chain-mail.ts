import type { Db } from "../../db/client";
import { enqueueMail } from "../../kernel/mail-jobs";
import { countyOfficesAt, getUnit, municipalitiesAt, writtenStandardOf } from "../organisations";
import { programmeTextsOf } from "../programmes";
import type { Actor, Cohort, Executor, Invitation } from "./chain-core";
import { chainMail, type WrittenStandard } from "./mail-texts";
import { recipientsOf } from "./recipients";
import type { InviteeKind } from "./schema";

export async function programmeTitle(db: Executor, programmeId: number, lang: WrittenStandard) {
  const rows = await programmeTextsOf(db, programmeId);
  return rows.find((r) => r.lang === lang)?.title ?? rows.find((r) => r.lang === "nb")?.title ?? "";
}

/** The name of an invitee or office as it was at the cohort's start, in a written standard. */
export async function organisationName(
  db: Executor,
  kind: InviteeKind | "county-office",
  id: string,
  lang: WrittenStandard | "en",
  date: string,
) {
  if (kind === "county-office") {
    return (await countyOfficesAt(db as Db, date, lang)).find((o) => o.id === id)?.name ?? id;
  }
  if (kind === "unit") return (await getUnit(db as Db, id))?.name ?? id;
  return (await municipalitiesAt(db as Db, date)).find((m) => m.code === id)?.name ?? id;
}

/** The page where an invitee acts on its invitation. */
export function actPath(inv: Pick<Invitation, "cohortId" | "inviteeKind" | "inviteeId">) {
  return `/puljer/${inv.cohortId}/${inv.inviteeKind === "unit" ? "enhet" : "kommune"}/${inv.inviteeId}`;
}

export type MailKind = "invitation" | "reminder" | "extended";

/**
 * Names for the mails of one batch, each list read once however many invitees are mailed (an
 * office inviting all its municipalities, the housekeeping reminding across cohorts). Reads go
 * through the executor of the moment, so the book may outlive one transaction.
 */
export function nameBook() {
  const lists = new Map<string, Promise<unknown>>();
  function once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let list = lists.get(key) as Promise<T> | undefined;
    if (!list) {
      list = load();
      lists.set(key, list);
    }
    return list;
  }
  return {
    programme: (tx: Executor, programmeId: number, std: WrittenStandard) =>
      once(`programme:${programmeId}:${std}`, () => programmeTitle(tx, programmeId, std)),
    async organisation(
      tx: Executor,
      kind: InviteeKind | "county-office",
      id: string,
      std: WrittenStandard,
      date: string,
    ): Promise<string> {
      if (kind === "county-office") {
        const offices = await once(`offices:${std}:${date}`, () =>
          countyOfficesAt(tx as Db, date, std),
        );
        return offices.find((o) => o.id === id)?.name ?? id;
      }
      if (kind === "municipality") {
        const all = await once(`municipalities:${date}`, () => municipalitiesAt(tx as Db, date));
        return all.find((m) => m.code === id)?.name ?? id;
      }
      return organisationName(tx, kind, id, std, date);
    },
  };
}
export type NameBook = ReturnType<typeof nameBook>;

export async function mailInvitee(
  tx: Executor,
  inv: Invitation,
  cohort: Cohort,
  kind: MailKind,
  actor: Actor,
  key: string,
  opts: { reason?: string; names?: NameBook; only?: string } = {},
) {
  const names = opts.names ?? nameBook();
  const std = await writtenStandardOf(tx, inv.inviteeKind, inv.inviteeId);
  const only = opts.only?.trim().toLowerCase();
  const to = (await recipientsOf(tx, inv.inviteeKind, inv.inviteeId, actor.now)).filter(
    (address) => !only || address.toLowerCase() === only,
  );
  if (to.length === 0) return 0;
  const t = chainMail[std];
  const m = {
    programme: await names.programme(tx, cohort.programmeId, std),
    cohort: cohort.number,
    from: await names.organisation(tx, "county-office", inv.officeId, std, cohort.startsOn),
    to: await names.organisation(tx, inv.inviteeKind, inv.inviteeId, std, cohort.startsOn),
    deadline: inv.deadline,
    message: inv.message,
    link: `${actor.baseUrl}/${std}${actPath(inv)}`,
    reason: opts.reason ?? "",
  };
  const subject =
    kind === "invitation"
      ? t.invitationSubject(m)
      : kind === "reminder"
        ? t.reminderSubject(m)
        : t.extendedSubject(m);
  const text =
    kind === "invitation" ? t.invitation(m) : kind === "reminder" ? t.reminder(m) : t.extended(m);
  for (const address of to) {
    await enqueueMail(
      tx,
      { to: address, subject, text },
      { idempotencyKey: `${key}:${address.toLowerCase()}`, now: actor.now },
    );
  }
  return to.length;
}
