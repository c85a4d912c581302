import type { Db } from "../../db/client";
import type { Lang } from "../../web/i18n";

/**
 * What identity reads of the modules built on it. Cohorts and programmes import identity, so
 * identity cannot import them back; each lends its read-only functions in its manifest
 * (`identityReads`) and the app hands them to identity's routes. Nothing here writes.
 */
export type IdentityReads = {
  /**
   * The county offices, municipalities and units the cohorts of these programme owners
   * involve (offices of a cohort, invitees, enrolled units): how far a programme admin's
   * role management reaches besides the owner itself.
   */
  cohortReach(
    db: Db,
    owners: string[],
  ): Promise<{ offices: string[]; municipalities: string[]; units: string[] }>;
  /** Cohort invitations by id, to name the audit entries about them. */
  chainInvitations(
    db: Db,
    ids: number[],
  ): Promise<{ id: number; cohortId: number; kind: string; invitee: string }[]>;
  /** Cohorts by id, with their programme's slug, to name audit entries. */
  cohortsById(db: Db, ids: number[]): Promise<{ id: number; number: number; slug: string }[]>;
  /** Every programme's title by slug: in `lang` where it has one, otherwise in another. */
  programmeTitles(db: Db, lang: Lang): Promise<Map<string, string>>;
};

/** Reads of an app without those modules: nothing is reached, nothing is named. */
export const noIdentityReads: IdentityReads = {
  cohortReach: async () => ({ offices: [], municipalities: [], units: [] }),
  chainInvitations: async () => [],
  cohortsById: async () => [],
  programmeTitles: async () => new Map(),
};

/** The reads the modules lend, over those of none; a later module's read replaces an earlier one's. */
export function identityReadsFrom(lent: Partial<IdentityReads>[]): IdentityReads {
  return Object.assign({}, noIdentityReads, ...lent);
}
