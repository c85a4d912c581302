import { and, asc, eq, gt, ilike, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { osloToday } from "../../kernel/clock";
import type { FieldErrors } from "../../kernel/forms";
import { enqueueMail } from "../../kernel/mail-jobs";
import type { Lang } from "../../web/i18n";
import {
  countyOfficesAt,
  getUnit,
  isMunicipalityValidAt,
  municipalitiesAt,
} from "../organisations";
import { listAudit, recordAudit } from "./audit";
import { type OrgKind, OWNERS, ROLES, type Role } from "./roles";
import {
  affiliations,
  identities,
  people,
  roleAssignments,
  roleInvitations,
  sessions,
  signInCodes,
} from "./schema";
import { identityText } from "./texts";

export const INVITATION_DAYS = 30;

export type RoleRow = typeof roleAssignments.$inferSelect;
export type Person = typeof people.$inferSelect;

export async function getPerson(db: Db, id: number): Promise<Person | null> {
  const [row] = await db.select().from(people).where(eq(people.id, id));
  return row ?? null;
}

export async function findPersonByEmail(db: Db, email: string): Promise<Person | null> {
  const [row] = await db
    .select()
    .from(people)
    .where(and(sql`lower(${people.email}) = lower(${email})`, isNull(people.deletedAt)));
  return row ?? null;
}

export async function activeRoles(db: Db, personId: number): Promise<RoleRow[]> {
  return db
    .select()
    .from(roleAssignments)
    .where(and(eq(roleAssignments.personId, personId), isNull(roleAssignments.revokedAt)))
    .orderBy(asc(roleAssignments.id));
}

export async function pendingInvitations(db: Db, email: string, now: Date) {
  return db
    .select()
    .from(roleInvitations)
    .where(
      and(
        sql`lower(${roleInvitations.email}) = lower(${email})`,
        isNull(roleInvitations.acceptedAt),
        isNull(roleInvitations.revokedAt),
        gt(roleInvitations.expiresAt, now),
      ),
    );
}

/** Does the organisation exist, in the kind the role needs, on the given date? */
export async function orgExists(
  db: Db,
  orgKind: OrgKind,
  orgId: string,
  date: string,
): Promise<boolean> {
  switch (orgKind) {
    case "owner":
      return Object.hasOwn(OWNERS, orgId);
    case "county-office":
      return (await countyOfficesAt(db, date, "nb")).some((o) => o.id === orgId);
    case "municipality":
      return /^\d{4}$/.test(orgId) && isMunicipalityValidAt(db, orgId, date);
    case "unit": {
      if (!/^\d{9}$/.test(orgId)) return false;
      const unit = await getUnit(db, orgId);
      return unit?.active ?? false;
    }
  }
}

/** A human name for an organisation, for lists and e-mails. */
export async function orgName(db: Db, orgKind: string, orgId: string, lang: Lang, date: string) {
  switch (orgKind) {
    case "owner":
      return OWNERS[orgId as keyof typeof OWNERS]?.[lang] ?? orgId;
    case "county-office":
      return (await countyOfficesAt(db, date, lang)).find((o) => o.id === orgId)?.name ?? orgId;
    case "municipality":
      return (await municipalitiesAt(db, date)).find((m) => m.code === orgId)?.name ?? orgId;
    case "unit":
      return (await getUnit(db, orgId))?.name ?? orgId;
    default:
      return orgId;
  }
}

type Actor = { personId: number | null; now: Date };

export async function grantRole(
  db: Db,
  input: { personId: number; role: Role; orgId: string },
  actor: Actor,
): Promise<{ ok: true; id: number } | { ok: false; errors: FieldErrors }> {
  const orgKind = ROLES[input.role].orgKind;
  if (!(await orgExists(db, orgKind, input.orgId, osloToday(actor.now)))) {
    return { ok: false, errors: { orgId: { code: "unknownOrg" } } };
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(roleAssignments)
      .values({ ...input, orgKind, grantedBy: actor.personId, grantedAt: actor.now })
      .onConflictDoNothing()
      .returning();
    if (!row) return { ok: false as const, errors: { role: { code: "duplicateRole" } } };
    await recordAudit(tx, {
      actorId: actor.personId,
      action: "role.grant",
      entityType: "person",
      entityId: String(input.personId),
      after: { role: row.role, orgKind, orgId: row.orgId },
      at: actor.now,
    });
    return { ok: true as const, id: row.id };
  });
}

export async function revokeRole(db: Db, roleId: number, actor: Actor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(roleAssignments)
      .set({ revokedAt: actor.now, revokedBy: actor.personId })
      .where(and(eq(roleAssignments.id, roleId), isNull(roleAssignments.revokedAt)))
      .returning();
    if (!row) return false;
    await recordAudit(tx, {
      actorId: actor.personId,
      action: "role.revoke",
      entityType: "person",
      entityId: String(row.personId),
      before: { role: row.role, orgKind: row.orgKind, orgId: row.orgId },
      at: actor.now,
    });
    return true;
  });
}

/** Change a role's kind or organisation: the old assignment ends, a new one starts, both audited. */
export async function changeRole(
  db: Db,
  roleId: number,
  input: { role: Role; orgId: string },
  actor: Actor,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const orgKind = ROLES[input.role].orgKind;
  if (!(await orgExists(db, orgKind, input.orgId, osloToday(actor.now)))) {
    return { ok: false, errors: { orgId: { code: "unknownOrg" } } };
  }
  return db.transaction(async (tx) => {
    const [old] = await tx
      .update(roleAssignments)
      .set({ revokedAt: actor.now, revokedBy: actor.personId })
      .where(and(eq(roleAssignments.id, roleId), isNull(roleAssignments.revokedAt)))
      .returning();
    if (!old) return { ok: false as const, errors: { role: { code: "staleRole" } } };
    const [row] = await tx
      .insert(roleAssignments)
      .values({
        personId: old.personId,
        role: input.role,
        orgKind,
        orgId: input.orgId,
        grantedBy: actor.personId,
        grantedAt: actor.now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) return { ok: false as const, errors: { role: { code: "duplicateRole" } } };
    await recordAudit(tx, {
      actorId: actor.personId,
      action: "role.change",
      entityType: "person",
      entityId: String(old.personId),
      before: { role: old.role, orgKind: old.orgKind, orgId: old.orgId },
      after: { role: row.role, orgKind, orgId: row.orgId },
      at: actor.now,
    });
    return { ok: true as const };
  });
}

/**
 * Invite someone by e-mail to a role. Accepted at their first sign-in with that address
 * (ID-porten, Feide or an e-mailed code).
 */
export async function invite(
  db: Db,
  input: {
    email: string;
    name: string;
    role: Role;
    orgId: string;
    lang: Lang;
    /** Longer than the usual 30 days, e.g. until an invitation's answer deadline. */
    validUntil?: Date;
  },
  actor: Actor & { baseUrl: string },
): Promise<{ ok: true; id: number } | { ok: false; errors: FieldErrors }> {
  const orgKind = ROLES[input.role].orgKind;
  const today = osloToday(actor.now);
  if (!(await orgExists(db, orgKind, input.orgId, today))) {
    return { ok: false, errors: { orgId: { code: "unknownOrg" } } };
  }
  const it = identityText(input.lang);
  const org = await orgName(db, orgKind, input.orgId, input.lang, today);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(roleInvitations)
      .values({
        email: input.email,
        name: input.name,
        role: input.role,
        orgKind,
        orgId: input.orgId,
        invitedBy: actor.personId,
        createdAt: actor.now,
        expiresAt: new Date(
          Math.max(
            actor.now.getTime() + INVITATION_DAYS * 86_400_000,
            input.validUntil?.getTime() ?? 0,
          ),
        ),
      })
      .returning();
    if (!row) throw new Error("invitation not stored");
    await recordAudit(tx, {
      actorId: actor.personId,
      action: "invitation.create",
      entityType: "invitation",
      entityId: String(row.id),
      after: { role: row.role, orgKind, orgId: row.orgId },
      at: actor.now,
    });
    await enqueueMail(
      tx,
      {
        to: input.email,
        subject: it.inviteSubject,
        text: it.inviteBody(
          input.name,
          it.roles[input.role] ?? input.role,
          org,
          `${actor.baseUrl}/${input.lang}/logg-inn`,
        ),
      },
      { idempotencyKey: `invitation:${row.id}`, now: actor.now },
    );
    return { ok: true as const, id: row.id };
  });
}

/** At sign-in: every open invitation for the address becomes a role. */
export async function acceptInvitations(db: Db, person: Person, now: Date): Promise<number> {
  if (!person.email) return 0;
  const open = await pendingInvitations(db, person.email, now);
  let accepted = 0;
  for (const inv of open) {
    await db.transaction(async (tx) => {
      await tx
        .update(roleInvitations)
        .set({ acceptedAt: now, acceptedBy: person.id })
        .where(eq(roleInvitations.id, inv.id));
      await tx
        .insert(roleAssignments)
        .values({
          personId: person.id,
          role: inv.role,
          orgKind: inv.orgKind,
          orgId: inv.orgId,
          grantedBy: inv.invitedBy,
          grantedAt: now,
        })
        .onConflictDoNothing();
      await recordAudit(tx, {
        actorId: person.id,
        action: "invitation.accept",
        entityType: "person",
        entityId: String(person.id),
        after: { invitation: inv.id, role: inv.role, orgKind: inv.orgKind, orgId: inv.orgId },
        at: now,
      });
    });
    accepted++;
  }
  return accepted;
}

export async function revokeInvitation(db: Db, id: number, actor: Actor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(roleInvitations)
      .set({ revokedAt: actor.now })
      .where(
        and(
          eq(roleInvitations.id, id),
          isNull(roleInvitations.acceptedAt),
          isNull(roleInvitations.revokedAt),
        ),
      )
      .returning();
    if (!row) return false;
    await recordAudit(tx, {
      actorId: actor.personId,
      action: "invitation.revoke",
      entityType: "invitation",
      entityId: String(id),
      before: { role: row.role, orgKind: row.orgKind, orgId: row.orgId },
      at: actor.now,
    });
    return true;
  });
}

export type PersonListRow = {
  id: number;
  name: string | null;
  email: string | null;
  demo: string | null;
  roles: RoleRow[];
};

/** People with their active roles, for the admin; filter by name, e-mail or role. */
export async function listPeople(
  db: Db,
  filter: { q?: string; role?: string },
): Promise<PersonListRow[]> {
  const q = filter.q?.trim();
  const rows = await db
    .select()
    .from(people)
    .where(
      and(
        isNull(people.deletedAt),
        q ? or(ilike(people.name, `%${q}%`), ilike(people.email, `%${q}%`)) : undefined,
      ),
    )
    .orderBy(asc(people.name))
    .limit(500);
  const roles = await db.select().from(roleAssignments).where(isNull(roleAssignments.revokedAt));
  return rows
    .map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      demo: p.demo,
      roles: roles.filter((r) => r.personId === p.id),
    }))
    .filter((p) => !filter.role || p.roles.some((r) => r.role === filter.role));
}

export async function listOpenInvitations(db: Db, now: Date) {
  return db
    .select()
    .from(roleInvitations)
    .where(
      and(
        isNull(roleInvitations.acceptedAt),
        isNull(roleInvitations.revokedAt),
        gt(roleInvitations.expiresAt, now),
      ),
    )
    .orderBy(asc(roleInvitations.createdAt));
}

/** Everything Samspill holds about a person, for download (GDPR art. 15 and 20). */
export async function exportPerson(db: Db, personId: number) {
  const person = await getPerson(db, personId);
  if (!person) return null;
  const [ids, roles, affs, sess, audit] = await Promise.all([
    db
      .select({
        provider: identities.provider,
        subject: identities.subject,
        createdAt: identities.createdAt,
      })
      .from(identities)
      .where(eq(identities.personId, personId)),
    db.select().from(roleAssignments).where(eq(roleAssignments.personId, personId)),
    db.select().from(affiliations).where(eq(affiliations.personId, personId)),
    db
      .select({
        createdAt: sessions.createdAt,
        lastSeenAt: sessions.lastSeenAt,
        revokedAt: sessions.revokedAt,
        via: sessions.via,
      })
      .from(sessions)
      .where(eq(sessions.personId, personId)),
    listAudit(db, { actorId: personId }, 1),
  ]);
  return {
    person: {
      id: person.id,
      name: person.name,
      email: person.email,
      createdAt: person.createdAt,
      lastSignInAt: person.lastSignInAt,
    },
    signInMethods: ids,
    roles: roles.map((r) => ({
      role: r.role,
      orgKind: r.orgKind,
      orgId: r.orgId,
      grantedAt: r.grantedAt,
      revokedAt: r.revokedAt,
    })),
    affiliations: affs.map((a) => ({
      orgNumber: a.orgNumber,
      kind: a.kind,
      affiliation: a.affiliation,
      seenAt: a.seenAt,
    })),
    sessions: sess,
    changesMade: audit.rows.map((r) => ({
      at: r.at,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
    })),
  };
}

/**
 * Delete a person: name, address, sign-in methods, affiliations, codes and sessions go; the
 * row stays anonymised so that the audit log and case records still add up (who granted what
 * is a record the law requires us to keep); roles are ended, not erased.
 */
export async function deletePerson(db: Db, personId: number, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const [person] = await tx.select().from(people).where(eq(people.id, personId)).for("update");
    if (!person || person.deletedAt) return;
    if (person.email)
      await tx.delete(signInCodes).where(sql`lower(${signInCodes.email}) = lower(${person.email})`);
    await tx.delete(identities).where(eq(identities.personId, personId));
    await tx.delete(affiliations).where(eq(affiliations.personId, personId));
    await tx
      .update(sessions)
      .set({ revokedAt: actor.now })
      .where(and(eq(sessions.personId, personId), isNull(sessions.revokedAt)));
    await tx
      .update(roleAssignments)
      .set({ revokedAt: actor.now, revokedBy: actor.personId })
      .where(and(eq(roleAssignments.personId, personId), isNull(roleAssignments.revokedAt)));
    await tx
      .update(people)
      .set({ name: null, email: null, deletedAt: actor.now })
      .where(eq(people.id, personId));
    await recordAudit(tx, {
      actorId: actor.personId,
      action: "person.delete",
      entityType: "person",
      entityId: String(personId),
      at: actor.now,
    });
  });
}
