import { and, asc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { osloToday } from "../../kernel/clock";
import type { Cell } from "../../kernel/spreadsheet";
import type { Lang } from "../../web/i18n";
import { type HeldRole, personNames, rolesOfPeople } from "../identity";
import { municipalityNamesAt, unitsByOrgNumber } from "../organisations";
import { doorTexts } from "./door-texts";
import { organiserTexts } from "./organiser-texts";
import { overviewTexts } from "./overview-texts";
import {
  type AttendanceStatus,
  gatheringAttendance,
  gatheringRegistrations,
  gatheringSessions,
  type RegistrationStatus,
  registrationNeeds,
  registrationSessions,
} from "./schema";

/** The statuses by their words in the address (`?status=venter`). */
export const STATUS_PARAMS = {
  bekreftet: "confirmed",
  tilbudt: "offered",
  venter: "waiting",
  avmeldt: "cancelled",
} as const satisfies Record<string, RegistrationStatus>;
export const paramOfStatus = Object.fromEntries(
  Object.entries(STATUS_PARAMS).map(([k, v]) => [v, k]),
) as Record<RegistrationStatus, string>;

const CODE = /^[0-9]{4}$/;
const ORG_NUMBER = /^[0-9]{9}$/;

export type OverviewFilter = {
  municipality: string | null;
  unit: string | null;
  status: RegistrationStatus | null;
};

const filterQuery = z.object({
  kommune: z.union([z.literal(""), z.string().regex(CODE)]).optional(),
  enhet: z.union([z.literal(""), z.string().regex(ORG_NUMBER)]).optional(),
  status: z
    .union([z.literal(""), z.enum(Object.keys(STATUS_PARAMS) as [keyof typeof STATUS_PARAMS])])
    .optional(),
});

/** The selection of the address, or null when it is malformed (a 400). */
export function parseOverviewFilter(query: Record<string, string>): OverviewFilter | null {
  const parsed = filterQuery.safeParse(query);
  if (!parsed.success) return null;
  const { kommune, enhet, status } = parsed.data;
  return {
    municipality: kommune || null,
    unit: enhet || null,
    status: status ? STATUS_PARAMS[status] : null,
  };
}

/** The selection as an address's query (`kommune=4204&status=venter`), empty for everything. */
export function filterSearch(f: OverviewFilter): string {
  const q = new URLSearchParams();
  if (f.municipality) q.set("kommune", f.municipality);
  if (f.unit) q.set("enhet", f.unit);
  if (f.status) q.set("status", paramOfStatus[f.status]);
  return q.toString();
}

export type Tally = {
  confirmed: number;
  offered: number;
  waiting: number;
  cancelled: number;
  present: number;
  absent: number;
  excused: number;
  /** Registrations (not cancelled) with dietary or accessibility needs given. */
  dietary: number;
  accessibility: number;
};

const emptyTally = (): Tally => ({
  confirmed: 0,
  offered: 0,
  waiting: 0,
  cancelled: 0,
  present: 0,
  absent: 0,
  excused: 0,
  dietary: 0,
  accessibility: 0,
});

function add(into: Tally, from: Tally) {
  for (const k of Object.keys(into) as (keyof Tally)[]) into[k] += from[k];
}

export type UnitTally = { orgNumber: string | null; name: string; tally: Tally };
export type MunicipalityTally = {
  code: string | null;
  name: string;
  tally: Tally;
  units: UnitTally[];
};

export type ParticipantRow = {
  registrationId: number;
  name: string;
  role: string | null;
  unit: string;
  municipality: string;
  status: RegistrationStatus;
  /** Place in the registration order (the waiting list is served by it). */
  queueNumber: number;
  sessions: { nb: string; nn: string }[];
  attendance: AttendanceStatus | null;
  /** Shown to the organiser for planning (never exported); empty once deleted. */
  dietary: string;
  accessibility: string;
};

export type RegistrationsOverview = {
  filter: OverviewFilter;
  total: Tally;
  municipalities: MunicipalityTally[];
  participants: ParticipantRow[];
  /** Whether attendance has been taken (any mark for the whole gathering). */
  attendanceTaken: boolean;
  options: {
    municipalities: { code: string; name: string }[];
    units: { orgNumber: string; name: string }[];
  };
};

const counted = (cond: SQL) => sql<number>`(count(*) filter (where ${cond}))::int`;

function whereOf(gatheringId: number, f: OverviewFilter): SQL {
  const r = gatheringRegistrations;
  return and(
    eq(r.gatheringId, gatheringId),
    ...(f.municipality ? [eq(r.municipalityCode, f.municipality)] : []),
    ...(f.unit ? [eq(r.unitOrgNumber, f.unit)] : []),
    ...(f.status ? [eq(r.status, f.status)] : []),
  )!;
}

/** The role a registration came with: the person's role at its unit, else in its municipality. */
function roleAt(roles: HeldRole[], unit: string | null, municipality: string | null) {
  return (
    (unit && roles.find((x) => x.orgKind === "unit" && x.orgId === unit)?.role) ||
    (municipality &&
      roles.find((x) => x.orgKind === "municipality" && x.orgId === municipality)?.role) ||
    roles[0]?.role ||
    null
  );
}

/**
 * A gathering's registrations for its organiser: counts by municipality and unit (one SQL
 * aggregate, grouped by the two), and the participants with what they chose, their attendance
 * and their needs, narrowed by the selection. Names come from the modules that own them.
 */
export async function registrationsOverview(
  db: Db,
  gatheringId: number,
  filter: OverviewFilter,
  now: Date,
): Promise<RegistrationsOverview> {
  const r = gatheringRegistrations;
  const a = gatheringAttendance;
  const n = registrationNeeds;
  const live = sql`${r.status} <> 'cancelled'`;
  const groups = await db
    .select({
      municipality: r.municipalityCode,
      unit: r.unitOrgNumber,
      confirmed: counted(sql`${r.status} = 'confirmed'`),
      offered: counted(sql`${r.status} = 'offered'`),
      waiting: counted(sql`${r.status} = 'waiting'`),
      cancelled: counted(sql`${r.status} = 'cancelled'`),
      present: counted(sql`${a.status} = 'present'`),
      absent: counted(sql`${a.status} = 'absent'`),
      excused: counted(sql`${a.status} = 'excused'`),
      dietary: counted(sql`${live} and ${n.dietary} <> ''`),
      accessibility: counted(sql`${live} and ${n.accessibility} <> ''`),
    })
    .from(r)
    .leftJoin(a, and(eq(a.registrationId, r.id), isNull(a.sessionId)))
    .leftJoin(n, eq(n.registrationId, r.id))
    .where(whereOf(gatheringId, filter))
    .groupBy(r.municipalityCode, r.unitOrgNumber);

  const rows = await db
    .select({
      id: r.id,
      personId: r.personId,
      unit: r.unitOrgNumber,
      municipality: r.municipalityCode,
      status: r.status,
      queueNumber: r.queueNumber,
      attendance: a.status,
      dietary: n.dietary,
      accessibility: n.accessibility,
    })
    .from(r)
    .leftJoin(a, and(eq(a.registrationId, r.id), isNull(a.sessionId)))
    .leftJoin(n, eq(n.registrationId, r.id))
    .where(whereOf(gatheringId, filter))
    .orderBy(asc(r.queueNumber));

  // The choices of these registrations, by title (a few per person at most).
  const chosen = new Map<number, { nb: string; nn: string }[]>();
  if (rows.length > 0) {
    const picks = await db
      .select({
        registrationId: registrationSessions.registrationId,
        nb: gatheringSessions.titleNb,
        nn: gatheringSessions.titleNn,
      })
      .from(registrationSessions)
      .innerJoin(gatheringSessions, eq(gatheringSessions.id, registrationSessions.sessionId))
      .where(
        and(
          eq(gatheringSessions.gatheringId, gatheringId),
          inArray(
            registrationSessions.registrationId,
            rows.map((x) => x.id),
          ),
        ),
      )
      .orderBy(asc(gatheringSessions.startsAt), asc(gatheringSessions.id));
    for (const { registrationId, ...title } of picks)
      chosen.set(registrationId, [...(chosen.get(registrationId) ?? []), title]);
  }

  // The options of the selection: every municipality and unit registered from, whatever is chosen.
  const places = await db
    .selectDistinct({ municipality: r.municipalityCode, unit: r.unitOrgNumber })
    .from(r)
    .where(eq(r.gatheringId, gatheringId));
  const codes = [
    ...new Set([...places, ...groups].flatMap((p) => (p.municipality ? [p.municipality] : []))),
  ];
  const orgNumbers = [...new Set([...places, ...groups].flatMap((p) => (p.unit ? [p.unit] : [])))];
  const municipalityName = await municipalityNamesAt(db, codes, osloToday(now));
  const unitName = new Map(
    (await unitsByOrgNumber(db, orgNumbers)).map((u) => [u.orgNumber, u.name]),
  );
  const mName = (code: string | null) => (code ? (municipalityName.get(code) ?? code) : "");
  const uName = (org: string | null) => (org ? (unitName.get(org) ?? org) : "");

  const total = emptyTally();
  const byCode = new Map<string, MunicipalityTally>();
  for (const g of groups) {
    const { municipality, unit, ...tally } = g;
    add(total, tally);
    const key = municipality ?? "";
    let m = byCode.get(key);
    if (!m) {
      m = { code: municipality, name: mName(municipality), tally: emptyTally(), units: [] };
      byCode.set(key, m);
    }
    add(m.tally, tally);
    m.units.push({ orgNumber: unit, name: uName(unit), tally });
  }
  const byName = (x: string, y: string) => x.localeCompare(y, "nb");
  const municipalities = [...byCode.values()].sort(
    (x, y) => Number(x.code === null) - Number(y.code === null) || byName(x.name, y.name),
  );
  for (const m of municipalities)
    m.units.sort(
      (x, y) =>
        Number(x.orgNumber === null) - Number(y.orgNumber === null) || byName(x.name, y.name),
    );

  const names = await personNames(
    db,
    rows.map((x) => x.personId),
  );
  const roles = await rolesOfPeople(
    db,
    rows.map((x) => x.personId),
  );
  const participants: ParticipantRow[] = rows
    .map((x) => ({
      registrationId: x.id,
      name: names.get(x.personId) ?? "–",
      role: roleAt(roles.get(x.personId) ?? [], x.unit, x.municipality),
      unit: uName(x.unit),
      municipality: mName(x.municipality),
      status: x.status,
      queueNumber: x.queueNumber,
      sessions: chosen.get(x.id) ?? [],
      attendance: x.attendance,
      dietary: x.status === "cancelled" ? "" : (x.dietary ?? ""),
      accessibility: x.status === "cancelled" ? "" : (x.accessibility ?? ""),
    }))
    .sort(
      (x, y) =>
        byName(x.municipality, y.municipality) ||
        byName(x.unit, y.unit) ||
        byName(x.name, y.name) ||
        x.queueNumber - y.queueNumber,
    );

  return {
    filter,
    total,
    municipalities,
    participants,
    attendanceTaken: total.present + total.absent + total.excused > 0,
    options: {
      municipalities: codes
        .map((code) => ({ code, name: mName(code) }))
        .sort((x, y) => byName(x.name, y.name)),
      units: orgNumbers
        .map((orgNumber) => ({ orgNumber, name: uName(orgNumber) }))
        .sort((x, y) => byName(x.name, y.name)),
    },
  };
}

/**
 * The rows of an export, header first: the participants of the selection with where they come
 * from, their choices, status and attendance. Never their needs (decision 0028): a file leaves
 * Samspill and outlives the needs, which are deleted after the gathering.
 */
export function exportRows(lang: Lang, ov: RegistrationsOverview): Cell[][] {
  const t = overviewTexts[lang];
  const roles = organiserTexts[lang].roleNames;
  const marks = doorTexts[lang].statuses;
  return [
    [...t.exportHeaders],
    ...ov.participants.map((p) => [
      p.name,
      p.role ? (roles[p.role] ?? p.role) : "",
      p.unit,
      p.municipality,
      p.sessions.map((s) => (lang === "nn" ? s.nn : s.nb)).join(", "),
      t.statuses[p.status],
      p.queueNumber,
      p.attendance ? marks[p.attendance] : "",
    ]),
  ];
}

/** Column widths of the workbook, in characters. */
export const EXPORT_WIDTHS = [28, 28, 32, 18, 40, 16, 10, 14] as const;
