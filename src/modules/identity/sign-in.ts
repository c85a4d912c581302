import { createHmac, randomInt } from "node:crypto";
import { and, desc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { enqueueMail } from "../../kernel/mail-jobs";
import type { Lang } from "../../web/i18n";
import { getUnit } from "../organisations";
import { recordAudit } from "./audit";
import type { SignedInClaims } from "./oidc";
import {
  acceptInvitations,
  activeRoles,
  findPersonByEmail,
  getPerson,
  pendingInvitations,
} from "./people";
import { affiliations, identities, people, roleAssignments, signInCodes } from "./schema";
import { createSession } from "./sessions";
import { identityText } from "./texts";

export type SignInOutcome =
  | { kind: "signed-in"; session: string; personId: number; hasRoles: boolean }
  | { kind: "no-access" };

const STAFF_AFFILIATIONS = new Set(["employee", "faculty", "staff"]);

/**
 * Who the provider vouched for: the person behind this identity, else the person (or the open
 * invitation) with the same e-mail address, else — for Feide — an employee of a unit we know.
 * Someone with none of these is not stored at all: they get a page explaining how to get access.
 */
export async function signInWithProvider(
  db: Db,
  claims: SignedInClaims,
  now: Date,
  /** Someone already signed in (say, by an e-mailed code) links this provider to themselves. */
  signedInPersonId: number | null = null,
): Promise<SignInOutcome> {
  const [known] = await db
    .select({ personId: identities.personId })
    .from(identities)
    .where(and(eq(identities.provider, claims.provider), eq(identities.subject, claims.subject)));
  let person = known ? await getPerson(db, known.personId) : null;
  if (!person && signedInPersonId !== null) person = await getPerson(db, signedInPersonId);
  if (person?.deletedAt) person = null;

  if (!person && claims.email) {
    person = await findPersonByEmail(db, claims.email);
    const invited = person ? [] : await pendingInvitations(db, claims.email, now);
    if (!person && invited.length > 0) {
      const [created] = await db
        .insert(people)
        .values({ name: claims.name ?? invited[0]!.name, email: claims.email, createdAt: now })
        .returning();
      person = created ?? null;
    }
  }

  const staffUnits: string[] = [];
  for (const g of claims.groups) {
    if (g.type === "fc:orgunit" && g.orgNumber && STAFF_AFFILIATIONS.has(g.affiliation ?? "")) {
      const unit = await getUnit(db, g.orgNumber);
      if (unit?.active) staffUnits.push(unit.orgNumber);
    }
  }
  if (!person && staffUnits.length > 0) {
    const [created] = await db
      .insert(people)
      .values({ name: claims.name, email: claims.email, createdAt: now })
      .returning();
    person = created ?? null;
  }
  if (!person) return { kind: "no-access" };

  const personId = person.id;
  await db
    .insert(identities)
    .values({ personId, provider: claims.provider, subject: claims.subject, createdAt: now })
    .onConflictDoNothing();
  for (const g of claims.groups) {
    if (!g.orgNumber) continue;
    await db
      .insert(affiliations)
      .values({
        personId,
        orgNumber: g.orgNumber,
        kind: g.type,
        affiliation: g.affiliation,
        seenAt: now,
      })
      .onConflictDoUpdate({
        target: [affiliations.personId, affiliations.orgNumber],
        set: { affiliation: g.affiliation, kind: g.type, seenAt: now },
      });
  }
  // Feide says this person works at a unit we know: they take part as its staff, unless they
  // already hold a role there (a school's leader is not also made its staff).
  const held = await activeRoles(db, personId);
  for (const orgNumber of staffUnits) {
    if (held.some((r) => r.orgKind === "unit" && r.orgId === orgNumber)) continue;
    const [row] = await db
      .insert(roleAssignments)
      .values({ personId, role: "staff", orgKind: "unit", orgId: orgNumber, grantedAt: now })
      .onConflictDoNothing()
      .returning();
    if (row) {
      await recordAudit(db, {
        actorId: null,
        action: "role.grant.feide",
        entityType: "person",
        entityId: String(personId),
        after: { role: "staff", orgKind: "unit", orgId: orgNumber },
        at: now,
      });
    }
  }
  return completeSignIn(db, person, claims.provider, now);
}

async function completeSignIn(
  db: Db,
  person: NonNullable<Awaited<ReturnType<typeof getPerson>>>,
  via: string,
  now: Date,
): Promise<SignInOutcome> {
  await acceptInvitations(db, person, now);
  await db.update(people).set({ lastSignInAt: now }).where(eq(people.id, person.id));
  const roles = await activeRoles(db, person.id);
  const session = await createSession(db, person.id, via, now);
  return { kind: "signed-in", session, personId: person.id, hasRoles: roles.length > 0 };
}

// One-time codes by e-mail, for people without ID-porten or Feide at hand.

export const CODE_TTL_MS = 10 * 60_000;
export const CODE_MAX_ATTEMPTS = 5;

function codeHash(secret: string, email: string, code: string) {
  return createHmac("sha256", secret).update(`${email.toLowerCase()}\n${code}`).digest("base64url");
}

/**
 * Send a code if the address belongs to a person or an open invitation. The answer is the same
 * either way, so the form does not reveal who has an account.
 */
export async function requestCode(
  db: Db,
  input: { email: string; lang: Lang },
  ctx: { now: Date; secret: string },
): Promise<void> {
  const person = await findPersonByEmail(db, input.email);
  const invited = person ? [] : await pendingInvitations(db, input.email, ctx.now);
  if (!person && invited.length === 0) return;
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const it = identityText(input.lang);
  await db.transaction(async (tx) => {
    // A new code replaces any earlier one.
    await tx
      .update(signInCodes)
      .set({ usedAt: ctx.now })
      .where(
        and(sql`lower(${signInCodes.email}) = lower(${input.email})`, isNull(signInCodes.usedAt)),
      );
    const [row] = await tx
      .insert(signInCodes)
      .values({
        email: input.email,
        codeHash: codeHash(ctx.secret, input.email, code),
        createdAt: ctx.now,
        expiresAt: new Date(ctx.now.getTime() + CODE_TTL_MS),
      })
      .returning({ id: signInCodes.id });
    await enqueueMail(
      tx,
      { to: input.email, subject: it.codeSubject(code), text: it.codeBody(code) },
      { idempotencyKey: `sign-in-code:${row?.id}`, now: ctx.now },
    );
  });
}

export type CodeOutcome =
  | SignInOutcome
  | { kind: "wrong"; attemptsLeft: number }
  | { kind: "expired" };

export async function verifyCode(
  db: Db,
  input: { email: string; code: string },
  ctx: { now: Date; secret: string },
): Promise<CodeOutcome> {
  // The try is counted and the limit checked in one statement, before the code is compared:
  // however many guesses arrive at once, on however many instances, at most five are compared.
  const newest = db
    .select({ id: signInCodes.id })
    .from(signInCodes)
    .where(
      and(
        sql`lower(${signInCodes.email}) = lower(${input.email})`,
        isNull(signInCodes.usedAt),
        gt(signInCodes.expiresAt, ctx.now),
      ),
    )
    .orderBy(desc(signInCodes.id))
    .limit(1);
  const [row] = await db
    .update(signInCodes)
    .set({ attempts: sql`${signInCodes.attempts} + 1` })
    .where(
      and(
        eq(signInCodes.id, sql`(${newest})`),
        lt(signInCodes.attempts, CODE_MAX_ATTEMPTS),
        isNull(signInCodes.usedAt),
      ),
    )
    .returning({
      id: signInCodes.id,
      codeHash: signInCodes.codeHash,
      attempts: signInCodes.attempts,
    });
  if (!row) return { kind: "expired" };
  const given = input.code.replace(/\s/g, "");
  if (codeHash(ctx.secret, input.email, given) !== row.codeHash) {
    const left = CODE_MAX_ATTEMPTS - row.attempts;
    return left > 0 ? { kind: "wrong", attemptsLeft: left } : { kind: "expired" };
  }
  const used = await db
    .update(signInCodes)
    .set({ usedAt: ctx.now })
    .where(and(eq(signInCodes.id, row.id), isNull(signInCodes.usedAt)))
    .returning({ id: signInCodes.id });
  if (used.length === 0) return { kind: "expired" };

  let person = await findPersonByEmail(db, input.email);
  if (!person) {
    const invited = await pendingInvitations(db, input.email, ctx.now);
    if (invited.length === 0) return { kind: "no-access" };
    const [created] = await db
      .insert(people)
      .values({ name: invited[0]!.name, email: input.email, createdAt: ctx.now })
      .returning();
    person = created ?? null;
  }
  if (!person) return { kind: "no-access" };
  return completeSignIn(db, person, "email", ctx.now);
}
