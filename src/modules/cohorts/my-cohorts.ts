// "Mine puljer": the cohorts a person has a part in, what waits for them first.
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Lang } from "../../web/i18n";
import { appModules } from "../index";
import { countyOfficesAt, municipalitiesAt, unitsByOrgNumber } from "../organisations";
import { programmesOwnedBy, programmeTitles } from "../programmes";
import type { WayIn } from "./admin";
import { effectiveState } from "./chain";
import { byNb, type Parts } from "./overview";
import {
  cohortEnrolments,
  cohortInvitations,
  cohortOffices,
  cohorts,
  type InvitationState,
  type InviteeKind,
} from "./schema";

export type CohortHead = {
  id: number;
  number: number;
  startsOn: string;
  endsOn: string;
  officeInviteDeadline: string | null;
  answerDeadline: string | null;
  programmeId: number;
  programmeTitle: string;
  wayIn: WayIn;
};

export type AdminCohortRow = CohortHead & {
  offices: number;
  invited: number;
  accepted: number;
  /** A cohort joined by application: its round's deadline, once it has a round. */
  applicationDeadline: Date | null;
};

/**
 * The application deadlines of these cohorts, from the module that runs the rounds (its
 * manifest's `applicationDeadlines`; it builds on this module, so it lends them).
 */
async function applicationDeadlinesOf(db: Db, cohortIds: number[]) {
  const found = new Map<number, Date>();
  if (cohortIds.length === 0) return found;
  for (const m of appModules()) {
    for (const [id, at] of (await m.applicationDeadlines?.(db, cohortIds)) ?? []) found.set(id, at);
  }
  return found;
}

export type LandingItem = {
  cohort: CohortHead;
  part: { kind: "office" | "municipality" | "unit"; id: string; name: string };
  /** An invitation's effective state; for an office or an enrolled unit, none. */
  state: InvitationState | null;
  /** For an office: may it still invite municipalities. For a unit: enrolled. */
  officeOpen: boolean;
  enrolled: boolean;
  deadline: string | null;
  action: { kind: "invite" | "office" | "answer" | "invitation" | "overview"; path: string };
  /** Something waits for this person: an open invitation to answer, municipalities to invite. */
  waiting: boolean;
};

export type Landing = {
  /** For a programme admin: every cohort of their owner's programmes, by programme. */
  programmes: { id: number; title: string; cohorts: AdminCohortRow[] }[] | null;
  items: LandingItem[];
};

const headColumns = {
  id: cohorts.id,
  number: cohorts.number,
  startsOn: cohorts.startsOn,
  endsOn: cohorts.endsOn,
  officeInviteDeadline: cohorts.officeInviteDeadline,
  answerDeadline: cohorts.answerDeadline,
  programmeId: cohorts.programmeId,
  wayIn: cohorts.wayIn,
};

/** The cohorts the person has a part in, what waits for them first. */
export async function myCohorts(
  db: Db,
  parts: Parts,
  opts: { lang: Lang; today: string },
): Promise<Landing> {
  const titles = await programmeTitles(db, opts.lang);
  const head = (row: Omit<CohortHead, "programmeTitle">): CohortHead => ({
    ...row,
    programmeTitle: titles.get(row.programmeId) ?? "",
  });

  let adminView: Landing["programmes"] = null;
  if (parts.owners.size > 0) {
    const [list, officeCounts, invitationCounts] = await Promise.all([
      (async () => {
        // The owners' programmes in their list order, then each one's cohorts newest first.
        const owned = await programmesOwnedBy(db, [...parts.owners]);
        if (owned.length === 0) return [];
        const place = new Map(owned.map((p, i) => [p.id, i]));
        const rows = await db
          .select(headColumns)
          .from(cohorts)
          .where(inArray(cohorts.programmeId, [...place.keys()]))
          .orderBy(desc(cohorts.startsOn), desc(cohorts.number));
        return rows.sort((a, b) => place.get(a.programmeId)! - place.get(b.programmeId)!);
      })(),
      db
        .select({
          cohortId: cohortOffices.cohortId,
          n: sql<number>`count(*)`.mapWith(Number),
        })
        .from(cohortOffices)
        .groupBy(cohortOffices.cohortId),
      db
        .select({
          cohortId: cohortInvitations.cohortId,
          invited: sql<number>`count(*)`.mapWith(Number),
          accepted:
            sql<number>`count(*) filter (where ${cohortInvitations.state} = 'accepted')`.mapWith(
              Number,
            ),
        })
        .from(cohortInvitations)
        .where(eq(cohortInvitations.inviteeKind, "municipality"))
        .groupBy(cohortInvitations.cohortId),
    ]);
    const offices = new Map(officeCounts.map((r) => [r.cohortId, r.n]));
    const invited = new Map(invitationCounts.map((r) => [r.cohortId, r]));
    const deadlines = await applicationDeadlinesOf(
      db,
      list.filter((c) => c.wayIn === "application").map((c) => c.id),
    );
    adminView = [];
    for (const row of list) {
      let group = adminView.find((g) => g.id === row.programmeId);
      if (!group) {
        group = { id: row.programmeId, title: titles.get(row.programmeId) ?? "", cohorts: [] };
        adminView.push(group);
      }
      group.cohorts.push({
        ...head(row),
        offices: offices.get(row.id) ?? 0,
        invited: invited.get(row.id)?.invited ?? 0,
        accepted: invited.get(row.id)?.accepted ?? 0,
        applicationDeadline: deadlines.get(row.id) ?? null,
      });
    }
  }

  const items: LandingItem[] = [];
  if (parts.offices.size > 0) {
    const rows = await db
      .select({ ...headColumns, officeId: cohortOffices.officeId })
      .from(cohortOffices)
      .innerJoin(cohorts, eq(cohorts.id, cohortOffices.cohortId))
      .where(inArray(cohortOffices.officeId, [...parts.offices]));
    const names = new Map(
      (await countyOfficesAt(db, opts.today, opts.lang)).map((o) => [o.id, o.name]),
    );
    for (const { officeId, ...row } of rows) {
      const last = row.officeInviteDeadline ?? row.startsOn;
      const open = last >= opts.today;
      items.push({
        cohort: head(row),
        part: { kind: "office", id: officeId, name: names.get(officeId) ?? officeId },
        state: null,
        officeOpen: open,
        enrolled: false,
        deadline: row.officeInviteDeadline,
        action: {
          kind: open ? "invite" : "office",
          path: `/puljer/${row.id}/kontor/${officeId}`,
        },
        waiting: open,
      });
    }
  }

  const invitees = [...parts.municipalities, ...parts.units];
  if (invitees.length > 0) {
    const rows = await db
      .select({
        ...headColumns,
        kind: cohortInvitations.inviteeKind,
        inviteeId: cohortInvitations.inviteeId,
        state: cohortInvitations.state,
        deadline: cohortInvitations.deadline,
      })
      .from(cohortInvitations)
      .innerJoin(cohorts, eq(cohorts.id, cohortInvitations.cohortId))
      .where(inArray(cohortInvitations.inviteeId, invitees));
    const enrolments =
      parts.units.size > 0
        ? await db
            .select({ ...headColumns, orgNumber: cohortEnrolments.unitOrgNumber })
            .from(cohortEnrolments)
            .innerJoin(cohorts, eq(cohorts.id, cohortEnrolments.cohortId))
            .where(
              and(
                inArray(cohortEnrolments.unitOrgNumber, [...parts.units]),
                isNull(cohortEnrolments.withdrawnAt),
              ),
            )
        : [];
    const municipalityNames = new Map(
      parts.municipalities.size > 0
        ? (await municipalitiesAt(db, opts.today)).map((m) => [m.code, m.name])
        : [],
    );
    const unitNames = new Map(
      parts.units.size > 0
        ? (await unitsByOrgNumber(db, [...parts.units])).map((u) => [u.orgNumber, u.name])
        : [],
    );
    const name = (kind: InviteeKind, id: string) =>
      (kind === "unit" ? unitNames.get(id) : municipalityNames.get(id)) ?? id;
    const taken = new Set<string>();
    for (const { kind, inviteeId, state, deadline, ...row } of rows) {
      const mine = kind === "unit" ? parts.units : parts.municipalities;
      if (!mine.has(inviteeId)) continue;
      const effective = effectiveState({ state, deadline }, opts.today);
      const canAnswer = parts.answers.has(inviteeId);
      const open = effective === "invited";
      taken.add(`${row.id}:${inviteeId}`);
      items.push({
        cohort: head(row),
        part: { kind, id: inviteeId, name: name(kind, inviteeId) },
        state: effective,
        officeOpen: false,
        enrolled: false,
        deadline,
        action: {
          kind: open && canAnswer ? "answer" : "invitation",
          path: `/puljer/${row.id}/${kind === "unit" ? "enhet" : "kommune"}/${inviteeId}`,
        },
        waiting: open && canAnswer,
      });
    }
    for (const { orgNumber, ...row } of enrolments) {
      if (taken.has(`${row.id}:${orgNumber}`)) continue;
      items.push({
        cohort: head(row),
        part: { kind: "unit", id: orgNumber, name: name("unit", orgNumber) },
        state: null,
        officeOpen: false,
        enrolled: true,
        deadline: null,
        action: { kind: "overview", path: `/puljer/${row.id}` },
        waiting: false,
      });
    }
  }

  items.sort(
    (a, b) =>
      Number(b.waiting) - Number(a.waiting) ||
      b.cohort.startsOn.localeCompare(a.cohort.startsOn) ||
      byNb(a.cohort.programmeTitle, b.cohort.programmeTitle) ||
      b.cohort.number - a.cohort.number ||
      byNb(a.part.name, b.part.name),
  );
  return { programmes: adminView, items };
}
