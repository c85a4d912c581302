import { and, asc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import type { CurrentUser } from "../../kernel/context";
import type { Lang } from "../../web/i18n";
import { orgsGranting } from "../identity";
import {
  countUnitsPerGroup,
  countyOfficesAt,
  municipalitiesAt,
  unitsByOrgNumber,
} from "../organisations";
import { programmeRef, programmeTitles } from "../programmes";
import { effectiveState } from "./chain";
import {
  cohortContacts,
  cohortEnrolments,
  cohortInvitations,
  cohortOffices,
  cohortPlannedGatherings,
  cohorts,
  type InvitationState,
  type InviteeKind,
} from "./schema";

type Cohort = typeof cohorts.$inferSelect;

/** Norwegian alphabetical order (æ, ø, å last); one collator, not one per comparison. */
export const byNb = new Intl.Collator("nb").compare;
type Viewer = Pick<CurrentUser, "roles" | "permissions"> | null;

// ---------------------------------------------------------------- filter

export const INVITATION_STATES: InvitationState[] = ["invited", "accepted", "declined", "expired"];

/** The state filter as it stands in the address (`?status=ja`). */
export const stateParams: Record<InvitationState, string> = {
  invited: "ikke-svart",
  accepted: "ja",
  declined: "nei",
  expired: "utlopt",
};
const stateByParam = new Map(
  Object.entries(stateParams).map(([state, param]) => [param, state as InvitationState]),
);

export type OverviewFilter = {
  office: string | null;
  state: InvitationState | null;
  county: string | null;
};

export const noFilter: OverviewFilter = { office: null, state: null, county: null };

const filterQuery = z.object({
  kontor: z.union([z.literal(""), z.string().regex(/^[a-z0-9-]{1,60}$/)]).optional(),
  status: z.union([z.literal(""), z.enum(Object.values(stateParams))]).optional(),
  fylke: z.union([z.literal(""), z.string().regex(/^[0-9]{2}$/)]).optional(),
  visning: z.union([z.literal(""), z.literal("utskrift")]).optional(),
});

/** The filter of a GET query; null when a value is malformed (a 400, never a 500). */
export function parseFilter(
  query: Record<string, string>,
): (OverviewFilter & { print: boolean }) | null {
  const parsed = filterQuery.safeParse(query);
  if (!parsed.success) return null;
  const q = parsed.data;
  return {
    office: q.kontor || null,
    state: q.status ? (stateByParam.get(q.status) ?? null) : null,
    county: q.fylke || null,
    print: q.visning === "utskrift",
  };
}

/** The filter as a query string (without "?"), for links that keep it. */
export function filterSearch(filter: OverviewFilter, extra: Record<string, string> = {}) {
  const params = new URLSearchParams();
  if (filter.office) params.set("kontor", filter.office);
  if (filter.state) params.set("status", stateParams[filter.state]);
  if (filter.county) params.set("fylke", filter.county);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}

// ---------------------------------------------------------------- who has a part

/**
 * What the person acts for in cohorts: the programme owners whose cohorts they follow in full
 * (a programme admin: `read:cohort:owner`), offices, municipalities, units.
 */
export type Parts = {
  owners: Set<string>;
  offices: Set<string>;
  municipalities: Set<string>;
  units: Set<string>;
  /** Municipalities and units the person may answer for (not a resource person). */
  answers: Set<string>;
};

export function partsOf(user: Viewer): Parts {
  return {
    owners: orgsGranting(user, "read:cohort:owner", "owner"),
    offices: orgsGranting(user, "read:cohort:office", "county-office"),
    municipalities: orgsGranting(user, "read:cohort:municipality", "municipality"),
    units: orgsGranting(user, "read:cohort:unit", "unit"),
    answers: new Set([
      ...orgsGranting(user, "answer:cohort:municipality", "municipality"),
      ...orgsGranting(user, "answer:cohort:unit", "unit"),
    ]),
  };
}

export function hasAnyPart(parts: Parts) {
  return parts.owners.size + parts.offices.size + parts.municipalities.size + parts.units.size > 0;
}

/** The owner of a cohort's programme (Udir, FUB/FUG), or null for an unknown cohort. */
export async function cohortOwner(db: Db, cohortId: number): Promise<string | null> {
  const [row] = await db
    .select({ programmeId: cohorts.programmeId })
    .from(cohorts)
    .where(eq(cohorts.id, cohortId));
  if (!row) return null;
  return (await programmeRef(db, row.programmeId))?.owner ?? null;
}

/**
 * Whether the person has a part in the cohort: a programme admin of the programme's owner; a
 * county coordinator whose office is invited; a municipal coordinator or resource person whose
 * municipality is invited; a unit leader or staff whose unit is invited or enrolled (not
 * withdrawn).
 */
export async function hasPartIn(db: Db, cohortId: number, parts: Parts): Promise<boolean> {
  if (parts.owners.size > 0) {
    const owner = await cohortOwner(db, cohortId);
    if (owner && parts.owners.has(owner)) return true;
  }
  if (parts.offices.size > 0) {
    const rows = await db
      .select({ id: cohortOffices.officeId })
      .from(cohortOffices)
      .where(
        and(
          eq(cohortOffices.cohortId, cohortId),
          inArray(cohortOffices.officeId, [...parts.offices]),
        ),
      )
      .limit(1);
    if (rows.length > 0) return true;
  }
  const invitees = [
    ...[...parts.municipalities].map((id) => ({ kind: "municipality" as const, id })),
    ...[...parts.units].map((id) => ({ kind: "unit" as const, id })),
  ];
  if (invitees.length > 0) {
    const rows = await db
      .select({ kind: cohortInvitations.inviteeKind, id: cohortInvitations.inviteeId })
      .from(cohortInvitations)
      .where(
        and(
          eq(cohortInvitations.cohortId, cohortId),
          inArray(
            cohortInvitations.inviteeId,
            invitees.map((i) => i.id),
          ),
        ),
      );
    if (rows.some((r) => invitees.some((i) => i.kind === r.kind && i.id === r.id))) return true;
  }
  if (parts.units.size > 0) {
    const rows = await db
      .select({ id: cohortEnrolments.id })
      .from(cohortEnrolments)
      .where(
        and(
          eq(cohortEnrolments.cohortId, cohortId),
          inArray(cohortEnrolments.unitOrgNumber, [...parts.units]),
          isNull(cohortEnrolments.withdrawnAt),
        ),
      )
      .limit(1);
    if (rows.length > 0) return true;
  }
  return false;
}

// ---------------------------------------------------------------- programme titles

// ---------------------------------------------------------------- the chain overview

export type InviteeRow = {
  invitationId: number;
  officeId: string;
  officeName: string;
  countyCode: string;
  countyName: string;
  kind: InviteeKind;
  /** A municipality code (as at the cohort's start) or a unit's organisation number. */
  id: string;
  name: string;
  /** The effective state on the day: an open invitation past its deadline is expired. */
  state: InvitationState;
  deadline: string;
  invitedAt: Date;
  answeredAt: Date | null;
  declineReason: string | null;
  units: number;
  kindergartens: number;
  schools: number;
  publicUnits: number;
  privateUnits: number;
  resourcePerson: boolean;
  ppContact: boolean;
};

export type StateCounts = Record<InvitationState, number> & { total: number };

export type OverviewFigures = {
  offices: number;
  municipalities: StateCounts;
  units: StateCounts;
  enrolled: {
    total: number;
    kindergartens: number;
    schools: number;
    public: number;
    private: number;
    unknownOwner: number;
  };
  resourcePersons: number;
  ppContacts: number;
};

export type OfficeChain = {
  id: string;
  name: string;
  /** When the Directorate invited the office; null before Samspill, or not invited at all. */
  invitedAt: Date | null;
  invited: boolean;
  rows: InviteeRow[];
};

export type CohortOverview = {
  cohort: Cohort;
  programme: { id: number; slug: string; owner: string; title: string };
  terms: string;
  gatherings: { kind: "national" | "regional"; title: string; plannedOn: string }[];
  filter: OverviewFilter;
  options: { offices: { id: string; name: string }[]; counties: { code: string; name: string }[] };
  figures: OverviewFigures;
  chain: OfficeChain[];
  /** Every row of the selection, in the chain's order (what the exports hold). */
  rows: InviteeRow[];
  /**
   * Whether the viewer follows the whole cohort (a programme admin of its owner). Otherwise the
   * chain holds only the viewer's own rows and the figures are the national ones.
   */
  full: boolean;
  /** The viewer's own units enrolled in the cohort, and through whose invitation. */
  mine: { orgNumber: string; name: string; via: string }[];
};

type InvitationWithCounts = {
  id: number;
  officeId: string;
  kind: InviteeKind;
  inviteeId: string;
  state: InvitationState;
  deadline: string;
  invitedAt: Date;
  answeredAt: Date | null;
  declineReason: string | null;
  unitName: string | null;
  unitCounty: string | null;
  units: number;
  kindergartens: number;
  schools: number;
  publicUnits: number;
  privateUnits: number;
  resourcePerson: boolean;
  ppContact: boolean;
};

/** The rows of a query as one JSON value (see `invitationsWithCounts` for why). */
async function jsonRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = await db.execute(
    sql`select coalesce(json_agg(x), '[]'::json) as rows from (${query}) x`,
  );
  const value = (result as unknown as { rows: { rows: T[] | string }[] }).rows[0]?.rows ?? [];
  return typeof value === "string" ? (JSON.parse(value) as T[]) : value;
}

/**
 * Every invitation of a cohort, with its enrolled units counted by type and owner (withdrawn
 * ones left out; organisations counts them, joining its units to the enrolments) and whether a
 * resource person and a PP-tjeneste contact are named now: three statements, two of them GROUP
 * BY aggregates, merged here by invitation id. Each answers one JSON value: the embedded
 * database decodes a result value by value, which for a few hundred rows costs more than the
 * query. The aggregates are not joined to the invitations in SQL: on a database whose
 * statistics are stale (PGlite never runs ANALYZE by itself) the planner then re-aggregates
 * once per invitation (measured: over a second for a national cohort).
 */
async function invitationsWithCounts(db: Db, cohortId: number): Promise<InvitationWithCounts[]> {
  const [invitations, enrolled, named] = await Promise.all([
    jsonRows<{
      id: number;
      office_id: string;
      invitee_kind: InviteeKind;
      invitee_id: string;
      state: InvitationState;
      deadline: string;
      invited_at: string;
      answered_at: string | null;
      decline_reason: string | null;
    }>(
      db,
      sql`select id, office_id, invitee_kind, invitee_id, state, deadline, invited_at,
                 answered_at, decline_reason
            from ${cohortInvitations} where cohort_id = ${cohortId}`,
    ),
    countUnitsPerGroup<number>(
      db,
      sql`select invitation_id as group_id, unit_org_number as org_number
            from ${cohortEnrolments}
           where cohort_id = ${cohortId} and withdrawn_at is null`,
    ),
    jsonRows<{ invitation_id: number; resource_person: boolean; pp: boolean }>(
      db,
      sql`select c.invitation_id,
                 bool_or(c.kind = 'resource-person') as resource_person,
                 bool_or(c.kind = 'pp-service') as pp
            from ${cohortContacts} c
            join ${cohortInvitations} i on i.id = c.invitation_id
           where i.cohort_id = ${cohortId} and c.ended_at is null
           group by c.invitation_id`,
    ),
  ]);
  // Private units invited directly: their names (usually none, or a handful).
  const unitIds = invitations.filter((i) => i.invitee_kind === "unit").map((i) => i.invitee_id);
  const unitRows = unitIds.length > 0 ? await unitsByOrgNumber(db, unitIds) : [];
  const unitBy = new Map(unitRows.map((u) => [u.orgNumber, u]));
  const namedBy = new Map(named.map((n) => [n.invitation_id, n]));
  return invitations.map((inv) => {
    const e = enrolled.get(inv.id);
    const n = namedBy.get(inv.id);
    const unit = inv.invitee_kind === "unit" ? unitBy.get(inv.invitee_id) : undefined;
    return {
      id: inv.id,
      officeId: inv.office_id,
      kind: inv.invitee_kind,
      inviteeId: inv.invitee_id,
      state: inv.state,
      deadline: inv.deadline,
      invitedAt: new Date(inv.invited_at),
      answeredAt: inv.answered_at ? new Date(inv.answered_at) : null,
      declineReason: inv.decline_reason,
      unitName: unit?.name ?? null,
      unitCounty: unit?.countyCode ?? null,
      units: e?.total ?? 0,
      kindergartens: e?.kindergartens ?? 0,
      schools: e?.schools ?? 0,
      publicUnits: e?.public ?? 0,
      privateUnits: e?.private ?? 0,
      resourcePerson: n?.resource_person === true,
      ppContact: n?.pp === true,
    };
  });
}

function emptyCounts(): StateCounts {
  return { invited: 0, accepted: 0, declined: 0, expired: 0, total: 0 };
}

/**
 * Everything the overview of a cohort shows, for the selection: a fixed number of queries
 * (the cohort, its offices, gatherings and programme title; the invitations; enrolments and
 * contacts each aggregated per invitation with GROUP BY; office and municipality names at the
 * cohort's start), whatever the number of invitees. Filtering and the figures are done here,
 * on at most a few hundred rows.
 */
export async function cohortOverview(
  db: Db,
  cohortId: number,
  opts: { lang: Lang; today: string; filter?: OverviewFilter; viewer?: Parts },
): Promise<CohortOverview | null> {
  const filter = opts.filter ?? noFilter;
  const [cohort] = await db.select().from(cohorts).where(eq(cohorts.id, cohortId));
  if (!cohort) return null;
  const programme = await programmeRef(db, cohort.programmeId);
  if (!programme) return null;
  const head = { cohort, slug: programme.slug, owner: programme.owner };

  const [titles, invitedOffices, gatherings, invitations, officesAt, places] = await Promise.all([
    programmeTitles(db, opts.lang, [cohort.programmeId]),
    db
      .select({ id: cohortOffices.officeId, invitedAt: cohortOffices.invitedAt })
      .from(cohortOffices)
      .where(eq(cohortOffices.cohortId, cohort.id)),
    db
      .select({
        kind: cohortPlannedGatherings.kind,
        title: cohortPlannedGatherings.title,
        plannedOn: cohortPlannedGatherings.plannedOn,
      })
      .from(cohortPlannedGatherings)
      .where(eq(cohortPlannedGatherings.cohortId, cohort.id))
      .orderBy(asc(cohortPlannedGatherings.plannedOn), asc(cohortPlannedGatherings.id)),
    invitationsWithCounts(db, cohort.id),
    countyOfficesAt(db, cohort.startsOn, opts.lang),
    municipalitiesAt(db, cohort.startsOn),
  ]);

  const officeById = new Map(officesAt.map((o) => [o.id, o]));
  const placeByCode = new Map(places.map((m) => [m.code, m]));
  const countyNames = new Map(places.map((m) => [m.countyCode, m.countyName]));
  const officeName = (id: string) => officeById.get(id)?.name ?? id;

  const all: InviteeRow[] = invitations.map((inv) => {
    const place = inv.kind === "municipality" ? placeByCode.get(inv.inviteeId) : undefined;
    const countyCode = place?.countyCode ?? inv.unitCounty ?? inv.inviteeId.slice(0, 2);
    return {
      invitationId: inv.id,
      officeId: inv.officeId,
      officeName: officeName(inv.officeId),
      countyCode,
      countyName: countyNames.get(countyCode) ?? countyCode,
      kind: inv.kind,
      id: inv.inviteeId,
      name: place?.name ?? inv.unitName ?? inv.inviteeId,
      state: effectiveState(inv, opts.today),
      deadline: inv.deadline,
      invitedAt: inv.invitedAt,
      answeredAt: inv.answeredAt,
      declineReason: inv.declineReason,
      units: inv.units,
      kindergartens: inv.kindergartens,
      schools: inv.schools,
      publicUnits: inv.publicUnits,
      privateUnits: inv.privateUnits,
      resourcePerson: inv.resourcePerson,
      ppContact: inv.ppContact,
    };
  });

  // Who sees what (decision 0009): the owner's programme admins everything; an office its own
  // rows; a municipality or unit its own row. Decline reasons: the owner, the office concerned
  // and the invitee itself only.
  const viewer = opts.viewer;
  const full = !viewer || viewer.owners.has(head.owner);
  const own = (r: InviteeRow) =>
    !!viewer &&
    (r.kind === "municipality" ? viewer.municipalities.has(r.id) : viewer.units.has(r.id));
  const concerns = (r: InviteeRow) => full || !!viewer?.offices.has(r.officeId) || own(r);
  const visible = all.filter(concerns);

  // The offices in the chain: those invited, and any that invited (in name order at the start).
  const invitedAt = new Map(invitedOffices.map((o) => [o.id, o.invitedAt]));
  const officeIds = [
    ...new Set([
      ...[...invitedAt.keys()].filter((id) => full || !!viewer?.offices.has(id)),
      ...visible.map((r) => r.officeId),
    ]),
  ].sort((a, b) => byNb(officeName(a), officeName(b)) || a.localeCompare(b));
  const countyCodes = new Set<string>(visible.map((r) => r.countyCode));
  for (const id of invitedAt.keys()) {
    if (!full && !viewer?.offices.has(id)) continue;
    for (const code of officeById.get(id)?.countyCodes ?? []) countyCodes.add(code);
  }
  const options = {
    offices: officeIds.map((id) => ({ id, name: officeName(id) })),
    counties: [...countyCodes]
      .sort()
      .map((code) => ({ code, name: countyNames.get(code) ?? code })),
  };

  const matches = (r: InviteeRow) =>
    (!filter.office || r.officeId === filter.office) &&
    (!filter.state || r.state === filter.state) &&
    (!filter.county || r.countyCode === filter.county);
  const byName = (a: InviteeRow, b: InviteeRow) => byNb(a.name, b.name) || a.id.localeCompare(b.id);

  const chain: OfficeChain[] = [];
  for (const id of officeIds) {
    if (filter.office && id !== filter.office) continue;
    const rows = visible.filter((r) => r.officeId === id && matches(r)).sort(byName);
    const covers = officeById.get(id)?.countyCodes ?? [];
    // With a state or county chosen, an office shows only if something of it is in the selection.
    if (filter.state && rows.length === 0) continue;
    if (filter.county && rows.length === 0 && !covers.includes(filter.county)) continue;
    chain.push({
      id,
      name: officeName(id),
      invitedAt: invitedAt.get(id) ?? null,
      invited: invitedAt.has(id),
      rows,
    });
  }
  const rows = chain.flatMap((o) => o.rows);

  // Those who follow only their own part see the national figures, whatever the selection.
  const figures = full
    ? figuresOf(rows, chain.filter((o) => o.invited).length)
    : figuresOf(all, invitedAt.size);

  let mine: CohortOverview["mine"] = [];
  if (!full && viewer && viewer.units.size > 0) {
    const enrolments = await db
      .select({
        orgNumber: cohortEnrolments.unitOrgNumber,
        invitationId: cohortEnrolments.invitationId,
      })
      .from(cohortEnrolments)
      .where(
        and(
          eq(cohortEnrolments.cohortId, cohort.id),
          inArray(cohortEnrolments.unitOrgNumber, [...viewer.units]),
          isNull(cohortEnrolments.withdrawnAt),
        ),
      );
    const unitNames = new Map(
      (
        await unitsByOrgNumber(
          db,
          enrolments.map((e) => e.orgNumber),
        )
      ).map((u) => [u.orgNumber, u.name]),
    );
    mine = enrolments
      .flatMap((e) => {
        const name = unitNames.get(e.orgNumber);
        return name === undefined ? [] : [{ ...e, name }];
      })
      .map((e) => ({
        orgNumber: e.orgNumber,
        name: e.name,
        via: all.find((r) => r.invitationId === e.invitationId)?.name ?? "",
      }))
      .sort((a, b) => byNb(a.name, b.name));
  }

  const terms =
    (opts.lang === "nn" ? cohort.termsNn : opts.lang === "en" ? cohort.termsEn : cohort.termsNb) ||
    cohort.termsNb;
  return {
    cohort,
    programme: {
      id: cohort.programmeId,
      slug: head.slug,
      owner: head.owner,
      title: titles.get(cohort.programmeId) ?? head.slug,
    },
    terms,
    gatherings,
    filter,
    options,
    figures,
    chain,
    rows,
    full,
    mine,
  };
}

function figuresOf(rows: InviteeRow[], offices: number): OverviewFigures {
  const figures: OverviewFigures = {
    offices,
    municipalities: emptyCounts(),
    units: emptyCounts(),
    enrolled: { total: 0, kindergartens: 0, schools: 0, public: 0, private: 0, unknownOwner: 0 },
    resourcePersons: 0,
    ppContacts: 0,
  };
  for (const r of rows) {
    const counts = r.kind === "municipality" ? figures.municipalities : figures.units;
    counts[r.state]++;
    counts.total++;
    figures.enrolled.total += r.units;
    figures.enrolled.kindergartens += r.kindergartens;
    figures.enrolled.schools += r.schools;
    figures.enrolled.public += r.publicUnits;
    figures.enrolled.private += r.privateUnits;
    figures.enrolled.unknownOwner += r.units - r.publicUnits - r.privateUnits;
    if (r.resourcePerson) figures.resourcePersons++;
    if (r.ppContact) figures.ppContacts++;
  }
  return figures;
}
