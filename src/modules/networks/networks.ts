import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { osloToday } from "../../kernel/clock";
import type { FieldErrors } from "../../kernel/forms";
import { type Outcome, RefusedInside, refuse } from "../../kernel/result";
import { cohortsJoinedBy, municipalityParticipation } from "../cohorts";
import { findPersonByEmail, getPerson, peopleOfUnits, recordAudit } from "../identity";
import { municipalityNamesAt, unitsByOrgNumber } from "../organisations";
import { accessTo, coordinated, type Viewer } from "./access";
import {
  learningNetworks,
  type MemberKind,
  networkMeetings,
  networkMembers,
  networkMunicipalities,
} from "./schema";

export const networkLimits = { name: 120, coLeads: 10 } as const;

export type Actor = Viewer & { now: Date; baseUrl: string };

/** The cohorts a coordinator may create a network for: those her municipality said yes to. */
export async function cohortsToLead(db: Db, municipality: string) {
  const joined = await cohortsJoinedBy(db, { municipalities: [municipality] });
  const out = [];
  for (const c of joined)
    if ((await municipalityParticipation(db, c.id, municipality)).accepted) out.push(c);
  return out;
}

export type NetworkInput = {
  cohortId: number;
  municipality: string;
  name: string;
  /** Neighbouring municipalities asked to co-lead (codes). */
  coLeads: string[];
};

/**
 * A coordinator creates a learning network for a cohort her municipality takes part in, alone or
 * asking neighbouring municipalities of the same cohort to co-lead (each one's coordinator
 * accepts or declines). One transaction, the audit row in it.
 */
export async function createNetwork(
  db: Db,
  input: NetworkInput,
  actor: Actor,
): Promise<Outcome<{ networkId: number }>> {
  const errors: FieldErrors = {};
  const name = input.name.trim();
  if (name === "") errors.name = { code: "required" };
  else if (name.length > networkLimits.name) errors.name = { code: "max", max: networkLimits.name };
  if (!coordinated(actor).includes(input.municipality))
    return refuse("municipality", "notCoordinator");
  if (!(await municipalityParticipation(db, input.cohortId, input.municipality)).accepted)
    errors.cohort = { code: "cohortNotJoined" };
  const coLeads = [...new Set(input.coLeads)].filter((m) => m !== input.municipality);
  if (coLeads.length > networkLimits.coLeads)
    errors.coLeads = { code: "tooManyCoLeads", max: networkLimits.coLeads };
  else if (!errors.cohort)
    for (const m of coLeads) {
      if (!(await municipalityParticipation(db, input.cohortId, m)).accepted) {
        errors.coLeads = { code: "coLeadNotInCohort", params: { code: m } };
        break;
      }
    }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const networkId = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(learningNetworks)
      .values({
        cohortId: input.cohortId,
        name,
        leadMunicipality: input.municipality,
        createdAt: actor.now,
        createdBy: actor.personId,
      })
      .returning({ id: learningNetworks.id });
    const id = row!.id;
    await tx.insert(networkMunicipalities).values([
      { networkId: id, municipalityCode: input.municipality, state: "lead", invitedAt: actor.now },
      ...coLeads.map((m) => ({
        networkId: id,
        municipalityCode: m,
        state: "invited" as const,
        invitedAt: actor.now,
      })),
    ]);
    await recordAudit(tx, {
      at: actor.now,
      actorId: actor.personId,
      action: "network.create",
      entityType: "learning_network",
      entityId: String(id),
      after: { cohortId: input.cohortId, lead: input.municipality, coLeads },
    });
    return id;
  });
  return { ok: true, networkId };
}

/** The coordinator of an invited municipality accepts or declines to co-lead (once). */
export async function answerCoLead(
  db: Db,
  input: { networkId: number; municipality: string; answer: "accept" | "decline" },
  actor: Actor,
): Promise<Outcome> {
  if (!coordinated(actor).includes(input.municipality)) return refuse("answer", "notCoordinator");
  const [network] = await db
    .select()
    .from(learningNetworks)
    .where(eq(learningNetworks.id, input.networkId));
  if (!network) return refuse("network", "notFound");
  // To co-lead, the municipality must itself take part in the network's cohort.
  if (
    input.answer === "accept" &&
    !(await municipalityParticipation(db, network.cohortId, input.municipality)).accepted
  )
    return refuse("answer", "cohortNotJoined");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(networkMunicipalities)
      .set({
        state: input.answer === "accept" ? "accepted" : "declined",
        answeredAt: actor.now,
        answeredBy: actor.personId,
      })
      .where(
        and(
          eq(networkMunicipalities.networkId, input.networkId),
          eq(networkMunicipalities.municipalityCode, input.municipality),
          eq(networkMunicipalities.state, "invited"),
        ),
      )
      .returning();
    if (!row) return refuse("answer", "notInvited");
    await recordAudit(tx, {
      at: actor.now,
      actorId: actor.personId,
      action: "network.co-lead",
      entityType: "learning_network",
      entityId: String(input.networkId),
      after: { municipality: input.municipality, answer: input.answer },
    });
    return { ok: true as const };
  });
}

export type NetworkSummary = {
  id: number;
  name: string;
  cohortId: number;
  leadMunicipality: string;
  /** Every municipality asked, with its state. */
  municipalities: { code: string; state: string }[];
};

async function summaries(db: Executor, ids: number[]): Promise<NetworkSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(learningNetworks)
    .where(inArray(learningNetworks.id, ids))
    .orderBy(desc(learningNetworks.createdAt), desc(learningNetworks.id));
  const munis = await db
    .select()
    .from(networkMunicipalities)
    .where(inArray(networkMunicipalities.networkId, ids));
  return rows.map((n) => ({
    id: n.id,
    name: n.name,
    cohortId: n.cohortId,
    leadMunicipality: n.leadMunicipality,
    municipalities: munis
      .filter((m) => m.networkId === n.id)
      .map((m) => ({ code: m.municipalityCode, state: m.state })),
  }));
}

/**
 * The networks the viewer reads (those her municipalities lead, those she or her unit is in),
 * and the invitations to co-lead that her municipalities have not answered.
 */
export async function networksOf(
  db: Db,
  viewer: Viewer,
): Promise<{ networks: NetworkSummary[]; invitations: NetworkSummary[] }> {
  const lead = viewer.roles
    .filter((r) => r.role === "municipal-coordinator" || r.role === "resource-person")
    .map((r) => r.orgId);
  const units = viewer.roles
    .filter((r) => r.role === "unit-leader" || r.role === "staff")
    .map((r) => r.orgId);
  const ids = new Set<number>();
  const invited = new Set<number>();
  if (lead.length > 0) {
    for (const m of await db
      .select()
      .from(networkMunicipalities)
      .where(inArray(networkMunicipalities.municipalityCode, lead))) {
      if (m.state === "lead" || m.state === "accepted") ids.add(m.networkId);
      else if (m.state === "invited" && coordinated(viewer).includes(m.municipalityCode))
        invited.add(m.networkId);
    }
  }
  for (const m of await db
    .select({ id: networkMembers.networkId })
    .from(networkMembers)
    .where(
      and(
        isNull(networkMembers.removedAt),
        or(
          viewer.personId === null ? sql`false` : eq(networkMembers.personId, viewer.personId),
          units.length > 0 ? inArray(networkMembers.unitOrgNumber, units) : sql`false`,
        ),
      ),
    ))
    ids.add(m.id);
  return {
    networks: await summaries(db, [...ids]),
    invitations: await summaries(
      db,
      [...invited].filter((id) => !ids.has(id)),
    ),
  };
}

/** Counts only, per leading municipality (the county office's view): networks, meetings held. */
export async function networkCounts(
  db: Db,
  municipalities: string[],
  now: Date,
): Promise<{ code: string; networks: number; meetingsHeld: number }[]> {
  if (municipalities.length === 0) return [];
  const leads = await db
    .select()
    .from(networkMunicipalities)
    .where(
      and(
        inArray(networkMunicipalities.municipalityCode, municipalities),
        inArray(networkMunicipalities.state, ["lead", "accepted"]),
      ),
    );
  const ids = [...new Set(leads.map((l) => l.networkId))];
  const held =
    ids.length === 0
      ? []
      : await db
          .select({ networkId: networkMeetings.networkId, n: count() })
          .from(networkMeetings)
          .where(
            and(
              inArray(networkMeetings.networkId, ids),
              lte(networkMeetings.endsAt, now),
              isNull(networkMeetings.cancelledAt),
            ),
          )
          .groupBy(networkMeetings.networkId);
  const byCode = new Map<string, { networks: number; meetingsHeld: number }>();
  for (const l of leads) {
    const c = byCode.get(l.municipalityCode) ?? { networks: 0, meetingsHeld: 0 };
    c.networks += 1;
    c.meetingsHeld += Number(held.find((h) => h.networkId === l.networkId)?.n ?? 0);
    byCode.set(l.municipalityCode, c);
  }
  return [...byCode.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, c]) => ({ code, ...c }));
}

export type Member = typeof networkMembers.$inferSelect;

/** The network's members now (those removed left out). */
export async function membersOf(db: Executor, networkId: number): Promise<Member[]> {
  return db
    .select()
    .from(networkMembers)
    .where(and(eq(networkMembers.networkId, networkId), isNull(networkMembers.removedAt)))
    .orderBy(asc(networkMembers.municipalityCode), asc(networkMembers.name));
}

/** Those who were members and were removed (the history), last removed first. */
export async function formerMembersOf(db: Executor, networkId: number): Promise<Member[]> {
  return db
    .select()
    .from(networkMembers)
    .where(and(eq(networkMembers.networkId, networkId), isNotNull(networkMembers.removedAt)))
    .orderBy(desc(networkMembers.removedAt), asc(networkMembers.name));
}

/**
 * A leader removes a member: the row stays, marked removed (who came to which meeting, who
 * wrote what, is kept), and the person no longer reads the network through it nor gets its
 * mail. Added again later, she gets a new row.
 */
export async function removeMember(
  db: Db,
  input: { networkId: number; memberId: number },
  actor: Actor,
): Promise<Outcome> {
  const access = await accessTo(db, input.networkId, actor);
  if (!access) return refuse("network", "notFound");
  if (!access.leads) return refuse("network", "notLeader");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(networkMembers)
      .set({ removedAt: actor.now, removedBy: actor.personId })
      .where(
        and(
          eq(networkMembers.id, input.memberId),
          eq(networkMembers.networkId, input.networkId),
          isNull(networkMembers.removedAt),
        ),
      )
      .returning({ id: networkMembers.id, kind: networkMembers.kind });
    if (!row) return refuse("members", "notMember");
    await recordAudit(tx, {
      at: actor.now,
      actorId: actor.personId,
      action: "network.member.remove",
      entityType: "learning_network",
      entityId: String(input.networkId),
      after: { removed: row.id, kind: row.kind },
    });
    return { ok: true as const };
  });
}

/** Someone the leaders may add: a person of an enrolled unit, or a named contact. */
export type Candidate = {
  /** The form's field: `person-<id>` or `contact-<municipality>-<kind>`. */
  key: string;
  kind: MemberKind;
  personId: number | null;
  unitOrgNumber: string | null;
  unitName: string | null;
  municipalityCode: string;
  name: string;
  email: string;
  role: string;
};

/**
 * Who may be a member: the people of the units the leading municipalities have enrolled in the
 * network's cohort (unit leaders and staff), and their resource persons and PP-tjeneste contacts
 * as named for the cohort. Those already members are left out.
 */
export async function candidatesFor(db: Db, networkId: number): Promise<Candidate[]> {
  const [network] = await db
    .select()
    .from(learningNetworks)
    .where(eq(learningNetworks.id, networkId));
  if (!network) return [];
  const members = await membersOf(db, networkId);
  const taken = new Set(members.map((m) => m.email.toLowerCase()));
  const out: Candidate[] = [];
  const leading = (
    await db
      .select({ code: networkMunicipalities.municipalityCode })
      .from(networkMunicipalities)
      .where(
        and(
          eq(networkMunicipalities.networkId, networkId),
          inArray(networkMunicipalities.state, ["lead", "accepted"]),
        ),
      )
  ).map((r) => r.code);
  for (const code of leading.sort()) {
    const part = await municipalityParticipation(db, network.cohortId, code);
    const unitNames = new Map(
      (await unitsByOrgNumber(db, part.units)).map((u) => [u.orgNumber, u.name]),
    );
    for (const p of await peopleOfUnits(db, part.units)) {
      if (out.some((o) => o.personId === p.personId)) continue;
      const person = await getPerson(db, p.personId);
      if (!person?.email || taken.has(person.email.toLowerCase())) continue;
      out.push({
        key: `person-${p.personId}`,
        kind: "unit",
        personId: p.personId,
        unitOrgNumber: p.unitOrgNumber,
        unitName: unitNames.get(p.unitOrgNumber) ?? p.unitOrgNumber,
        municipalityCode: code,
        name: p.name,
        email: person.email,
        role: p.role,
      });
    }
    for (const c of part.contacts) {
      if (taken.has(c.email.toLowerCase())) continue;
      const person = await findPersonByEmail(db, c.email);
      out.push({
        key: `contact-${code}-${c.kind}`,
        kind: c.kind,
        personId: person?.id ?? null,
        unitOrgNumber: null,
        unitName: null,
        municipalityCode: code,
        name: c.name,
        email: c.email,
        role: c.kind,
      });
    }
  }
  return out;
}

/** The most members one form adds; more is a malformed request. */
export const MEMBERS_PER_FORM = 300;

/**
 * The leaders add members by the candidates' keys. A key that is no candidate (a person not in a
 * unit enrolled in the cohort by a leading municipality, a contact not named) refuses the whole
 * form, and nobody is added.
 */
export async function addMembers(
  db: Db,
  input: { networkId: number; keys: string[] },
  actor: Actor,
): Promise<Outcome<{ added: number }>> {
  const access = await accessTo(db, input.networkId, actor);
  if (!access) return refuse("network", "notFound");
  if (!access.leads) return refuse("network", "notLeader");
  const keys = [...new Set(input.keys)];
  if (keys.length === 0) return refuse("members", "noneChosen");
  const candidates = await candidatesFor(db, input.networkId);
  const chosen: Candidate[] = [];
  for (const key of keys) {
    const c = candidates.find((x) => x.key === key);
    if (!c) return refuse("members", "notInEnrolledUnit");
    chosen.push(c);
  }
  try {
    await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(networkMembers)
        .values(
          chosen.map((c) => ({
            networkId: input.networkId,
            kind: c.kind,
            personId: c.personId,
            unitOrgNumber: c.unitOrgNumber,
            municipalityCode: c.municipalityCode,
            name: c.name,
            email: c.email,
            addedAt: actor.now,
            addedBy: actor.personId,
          })),
        )
        .onConflictDoNothing()
        .returning({ id: networkMembers.id });
      if (inserted.length !== chosen.length)
        throw new RefusedInside(refuse("members", "alreadyMember"));
      await recordAudit(tx, {
        at: actor.now,
        actorId: actor.personId,
        action: "network.members",
        entityType: "learning_network",
        entityId: String(input.networkId),
        after: { added: inserted.map((r) => r.id) },
      });
    });
  } catch (e) {
    if (e instanceof RefusedInside) return e.refusal;
    throw e;
  }
  return { ok: true, added: chosen.length };
}

/** Names of municipalities for display, on the day. */
export function municipalityNames(db: Db, codes: string[], now: Date) {
  return municipalityNamesAt(db, codes, osloToday(now));
}

/**
 * How many networks each of these work e-mails is a member of now (lower-cased keys): the
 * resource person's page shows the PP-tjeneste contact's part (issue 12).
 */
export async function networksPerMemberEmail(
  db: Executor,
  emails: string[],
): Promise<Map<string, number>> {
  const lower = [...new Set(emails.map((e) => e.toLowerCase()))];
  if (lower.length === 0) return new Map();
  const rows = await db
    .select({ email: sql<string>`lower(${networkMembers.email})`, n: count() })
    .from(networkMembers)
    .where(
      and(
        isNull(networkMembers.removedAt),
        sql`lower(${networkMembers.email}) = any(${sql.param(lower)}::text[])`,
      ),
    )
    .groupBy(sql`lower(${networkMembers.email})`);
  return new Map(rows.map((r) => [r.email, Number(r.n)]));
}
