import { and, eq, isNull } from "drizzle-orm";
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
