import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { holdsRole, invite, openRoleInvitation, withdrawRoleInvitation } from "../identity";
import { writtenStandardOf } from "../organisations";
import { type Actor, type ChainResult, type Executor, event, fail, Refused } from "./chain-core";
import { acceptedMunicipality } from "./enrol";
import { type ContactKind, cohortContacts } from "./schema";

/**
 * Name (or change) the resource person or the PP-tjeneste contact. The current one is ended, not
 * overwritten; a new resource person is invited to the resource-person role of the municipality.
 */
export async function setContact(
  db: Db,
  input: {
    invitationId: number;
    kind: ContactKind;
    name: string;
    email: string;
    ppServiceId?: number | null;
  },
  actor: Actor,
): Promise<ChainResult> {
  const found = await acceptedMunicipality(db, input.invitationId);
  if (!found.ok) return found;
  const { inv } = found;
  const email = input.email.trim();
  const ppServiceId = input.ppServiceId ?? null;
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(cohortContacts)
        .where(
          and(
            eq(cohortContacts.invitationId, inv.id),
            eq(cohortContacts.kind, input.kind),
            isNull(cohortContacts.endedAt),
          ),
        )
        .for("update");
      // The same contact again (a form sent twice): nothing changes, no one is invited twice.
      if (
        current &&
        current.name === input.name &&
        current.email.toLowerCase() === email.toLowerCase() &&
        current.ppServiceId === ppServiceId
      ) {
        return { ok: true as const };
      }
      let roleInvitationId: number | null = null;
      if (input.kind === "resource-person") {
        const open = await openRoleInvitation(
          tx,
          "resource-person",
          inv.inviteeId,
          email,
          actor.now,
        );
        if (open !== null) roleInvitationId = open;
        else if (!(await holdsRole(tx, "resource-person", inv.inviteeId, email))) {
          const result = await invite(
            tx,
            {
              email,
              name: input.name,
              role: "resource-person",
              orgId: inv.inviteeId,
              lang: await writtenStandardOf(tx, "municipality", inv.inviteeId),
            },
            actor,
          );
          if (!result.ok) throw new Refused(fail("notMunicipality"));
          roleInvitationId = result.id;
        }
      }
      if (current) {
        await tx
          .update(cohortContacts)
          .set({ endedAt: actor.now, endedBy: actor.personId })
          .where(eq(cohortContacts.id, current.id));
        // A replaced resource person who never signed in is not let in later. A role already
        // accepted stays: the person may work elsewhere in the municipality; admins end roles.
        if (current.roleInvitationId && current.email.toLowerCase() !== email.toLowerCase()) {
          await withdrawRoleInvitation(tx, current.roleInvitationId, actor.now);
        }
      }
      const [added] = await tx
        .insert(cohortContacts)
        .values({
          invitationId: inv.id,
          kind: input.kind,
          name: input.name,
          email,
          ppServiceId,
          roleInvitationId,
          setAt: actor.now,
          setBy: actor.personId,
        })
        .onConflictDoNothing()
        .returning({ id: cohortContacts.id });
      // Someone named a first contact at the same moment: theirs stands, this one stores nothing.
      if (!added) throw new Refused(fail("changedMeanwhile"));
      // The history keeps names; the audit log keeps only that a change was made, and by whom.
      await event(tx, inv, {
        event: "contact",
        at: actor.now,
        actorId: actor.personId,
        detail: { kind: input.kind, replaced: current ? current.id : null, ppServiceId },
      });
      return { ok: true as const };
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

export async function contactHistory(db: Executor, invitationId: number) {
  return db
    .select()
    .from(cohortContacts)
    .where(eq(cohortContacts.invitationId, invitationId))
    .orderBy(
      cohortContacts.kind,
      sql`${cohortContacts.setAt} desc`,
      sql`${cohortContacts.id} desc`,
    );
}
