import { and, asc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { learningNetworks, networkMeetings, networkMembers, networkMunicipalities } from "./schema";

/**
 * What the development module reads of networks (issue 12, decision 0044): the meetings a unit's
 * plan reflection may be tied to, their titles, and the figures of the progress view and of the
 * programme's network figures. Counts and titles only, never minutes or reflections.
 */

/** A meeting a unit's reflection may be about: of a network of the cohort the unit is in. */
export type MeetingChoice = {
  id: number;
  networkId: number;
  networkName: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
};

/**
 * The meetings (not cancelled) of the cohort's networks the unit is a member of now (by any of
 * its people), in time order: what its plan's reflection may be tied to.
 */
export async function meetingsOfUnit(
  db: Executor,
  cohortId: number,
  orgNumber: string,
): Promise<MeetingChoice[]> {
  const mine = db
    .selectDistinct({ id: networkMembers.networkId })
    .from(networkMembers)
    .where(and(eq(networkMembers.unitOrgNumber, orgNumber), isNull(networkMembers.removedAt)));
  return db
    .select({
      id: networkMeetings.id,
      networkId: networkMeetings.networkId,
      networkName: learningNetworks.name,
      title: networkMeetings.title,
      startsAt: networkMeetings.startsAt,
      endsAt: networkMeetings.endsAt,
    })
    .from(networkMeetings)
    .innerJoin(learningNetworks, eq(learningNetworks.id, networkMeetings.networkId))
    .where(
      and(
        eq(learningNetworks.cohortId, cohortId),
        inArray(networkMeetings.networkId, mine),
        isNull(networkMeetings.cancelledAt),
      ),
    )
    .orderBy(asc(networkMeetings.startsAt), asc(networkMeetings.id));
}

/** The title and network of these meetings, by id (a reflection's heading, the shared texts). */
export async function meetingTitles(
  db: Executor,
  ids: number[],
): Promise<Map<number, { title: string; networkName: string; startsAt: Date }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({
      id: networkMeetings.id,
      title: networkMeetings.title,
      networkName: learningNetworks.name,
      startsAt: networkMeetings.startsAt,
    })
    .from(networkMeetings)
    .innerJoin(learningNetworks, eq(learningNetworks.id, networkMeetings.networkId))
    .where(inArray(networkMeetings.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Networks joined, meetings held in them, and the last one held (a day in Europe/Oslo). */
export type NetworkFigures = { networks: number; meetingsHeld: number; lastMeeting: string | null };

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] =>
  Array.isArray(result) ? (result as Row[]) : ((result as { rows: Row[] }).rows ?? []);

/**
 * The cohort's networks, as flat reads with no join (decision 0044): PGlite keeps no statistics,
 * and the joins of members, meetings and networks were planned as nested loops (290 ms for a
 * county's 600 units); each of these is one index scan of a few hundred rows, put together here.
 */
async function cohortNetworkRows(db: Executor, cohortId: number, now: Date) {
  const nets = await db
    .select({ id: learningNetworks.id })
    .from(learningNetworks)
    .where(eq(learningNetworks.cohortId, cohortId));
  const ids = nets.map((n) => n.id);
  if (ids.length === 0) return { ids, leads: [], members: [], held: new Map() };
  const inNets = (column: SQL) => sql`${column} = any(${sql.param(ids)}::int[])`;
  const [leads, members, held] = await Promise.all([
    db
      .select({
        networkId: networkMunicipalities.networkId,
        municipalityCode: networkMunicipalities.municipalityCode,
      })
      .from(networkMunicipalities)
      .where(
        and(
          inNets(sql`${networkMunicipalities.networkId}`),
          inArray(networkMunicipalities.state, ["lead", "accepted"]),
        ),
      ),
    db
      .select({
        networkId: networkMembers.networkId,
        unitOrgNumber: networkMembers.unitOrgNumber,
        municipalityCode: networkMembers.municipalityCode,
      })
      .from(networkMembers)
      .where(and(inNets(sql`${networkMembers.networkId}`), isNull(networkMembers.removedAt))),
    db.execute(sql`select network_id, count(*) as n,
        to_char(max(starts_at) at time zone 'Europe/Oslo', 'YYYY-MM-DD') as last
      from ${networkMeetings}
      where ${inNets(sql`network_id`)} and ends_at <= ${now.toISOString()}::timestamptz
        and cancelled_at is null
      group by network_id`),
  ]);
  return {
    ids,
    leads,
    members,
    held: new Map(
      rowsOf(held).map((r) => [
        Number(r.network_id),
        { n: Number(r.n), last: (r.last as string | null) ?? null },
      ]),
    ),
  };
}

/**
 * The network figures of a cohort for the progress view, per unit (networks it is a member of
 * now) and per municipality (networks it leads or co-leads, or one of its units is in).
 */
export async function networkFiguresOfCohort(
  db: Executor,
  cohortId: number,
  now: Date,
): Promise<{ units: Map<string, NetworkFigures>; municipalities: Map<string, NetworkFigures> }> {
  const { leads, members, held } = await cohortNetworkRows(db, cohortId, now);
  const unitNets = new Map<string, Set<number>>();
  const municipalityNets = new Map<string, Set<number>>();
  const add = (map: Map<string, Set<number>>, key: string, id: number) => {
    const set = map.get(key);
    if (set) set.add(id);
    else map.set(key, new Set([id]));
  };
  for (const l of leads) add(municipalityNets, l.municipalityCode, l.networkId);
  for (const m of members) {
    if (m.unitOrgNumber === null) continue;
    add(unitNets, m.unitOrgNumber, m.networkId);
    add(municipalityNets, m.municipalityCode, m.networkId);
  }
  const figures = (ids: Set<number>): NetworkFigures => {
    let meetingsHeld = 0;
    let lastMeeting: string | null = null;
    for (const id of ids) {
      const h = held.get(id);
      if (!h) continue;
      meetingsHeld += h.n;
      if (h.last !== null && (lastMeeting === null || h.last > lastMeeting)) lastMeeting = h.last;
    }
    return { networks: ids.size, meetingsHeld, lastMeeting };
  };
  return {
    units: new Map([...unitNets].map(([k, ids]) => [k, figures(ids)])),
    municipalities: new Map([...municipalityNets].map(([k, ids]) => [k, figures(ids)])),
  };
}

/** A network of a cohort in figures: who leads it, its members, its meetings held. */
export type NetworkInFigures = {
  id: number;
  /** The municipalities leading it (the creator's and those that accepted). */
  leading: string[];
  /** Members now (people, resource persons, PP-tjeneste contacts). */
  members: number;
  /** The units with a member now, each with its municipality. */
  units: { orgNumber: string; municipalityCode: string }[];
  meetingsHeld: number;
};

/**
 * Every network of a cohort in figures (the programme admin's and the county office's network
 * figures): no names, no minutes, no members' names.
 */
export async function networksInFigures(
  db: Executor,
  cohortId: number,
  now: Date,
): Promise<NetworkInFigures[]> {
  const { ids, leads, members, held } = await cohortNetworkRows(db, cohortId, now);
  const byId = new Map<number, NetworkInFigures>(
    ids.map((id) => [
      id,
      { id, leading: [], members: 0, units: [], meetingsHeld: held.get(id)?.n ?? 0 },
    ]),
  );
  for (const l of leads) byId.get(l.networkId)?.leading.push(l.municipalityCode);
  for (const m of members) {
    const n = byId.get(m.networkId);
    if (!n) continue;
    n.members += 1;
    const orgNumber = m.unitOrgNumber;
    if (orgNumber && !n.units.some((u) => u.orgNumber === orgNumber))
      n.units.push({ orgNumber, municipalityCode: m.municipalityCode });
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}
