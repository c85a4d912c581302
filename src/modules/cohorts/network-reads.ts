import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "./chain-core";
import { cohortContacts, cohortEnrolments, cohortInvitations } from "./schema";

/** A municipality's part in a cohort, as a learning network needs it. */
export type MunicipalityParticipation = {
  /** The municipality said yes to the cohort (its invitation is accepted). */
  accepted: boolean;
  /** Its units enrolled now (not withdrawn). */
  units: string[];
  /** Its named resource person and PP-tjeneste contact now (name and work e-mail). */
  contacts: { kind: "resource-person" | "pp-service"; name: string; email: string }[];
};

/**
 * What a municipality takes part in a cohort with: its yes, its enrolled units and its named
 * contacts. The networks module asks this (who may lead, who may be a member), never the tables.
 */
export async function municipalityParticipation(
  db: Executor,
  cohortId: number,
  municipalityCode: string,
): Promise<MunicipalityParticipation> {
  const [inv] = await db
    .select({ id: cohortInvitations.id, state: cohortInvitations.state })
    .from(cohortInvitations)
    .where(
      and(
        eq(cohortInvitations.cohortId, cohortId),
        eq(cohortInvitations.inviteeKind, "municipality"),
        eq(cohortInvitations.inviteeId, municipalityCode),
      ),
    );
  if (inv?.state !== "accepted") return { accepted: false, units: [], contacts: [] };
  const units = await db
    .select({ orgNumber: cohortEnrolments.unitOrgNumber })
    .from(cohortEnrolments)
    .where(and(eq(cohortEnrolments.invitationId, inv.id), isNull(cohortEnrolments.withdrawnAt)))
    .orderBy(cohortEnrolments.unitOrgNumber);
  const contacts = await db
    .select({ kind: cohortContacts.kind, name: cohortContacts.name, email: cohortContacts.email })
    .from(cohortContacts)
    .where(and(eq(cohortContacts.invitationId, inv.id), isNull(cohortContacts.endedAt)))
    .orderBy(cohortContacts.kind);
  return { accepted: true, units: units.map((u) => u.orgNumber), contacts };
}

/** A PP-tjeneste contact named now by a municipality that said yes to a cohort. */
export type PpContact = {
  cohortId: number;
  municipalityCode: string;
  name: string;
  email: string;
  /** The PP-tjeneste (organisations' register), when the municipality chose one. */
  ppServiceId: number | null;
};

/**
 * The PP-tjeneste contacts named now (issue 12): of these municipalities (the resource person's
 * page), or named by this work e-mail (the PP contact's own page; a PP-tjeneste several
 * municipalities share is often named by each of them with the same person).
 */
export async function ppContacts(
  db: Executor,
  by: { municipalities: string[] } | { email: string },
): Promise<PpContact[]> {
  if ("municipalities" in by && by.municipalities.length === 0) return [];
  const rows = await db
    .select({
      cohortId: cohortInvitations.cohortId,
      municipalityCode: cohortInvitations.inviteeId,
      name: cohortContacts.name,
      email: cohortContacts.email,
      ppServiceId: cohortContacts.ppServiceId,
    })
    .from(cohortContacts)
    .innerJoin(cohortInvitations, eq(cohortInvitations.id, cohortContacts.invitationId))
    .where(
      and(
        eq(cohortContacts.kind, "pp-service"),
        isNull(cohortContacts.endedAt),
        eq(cohortInvitations.inviteeKind, "municipality"),
        eq(cohortInvitations.state, "accepted"),
        "municipalities" in by
          ? inArray(cohortInvitations.inviteeId, by.municipalities)
          : sql`lower(${cohortContacts.email}) = lower(${by.email})`,
      ),
    )
    .orderBy(cohortInvitations.cohortId, cohortInvitations.inviteeId);
  return rows.map((r) => ({ ...r, municipalityCode: r.municipalityCode ?? "" }));
}
