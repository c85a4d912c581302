import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Executor } from "../../db/client";
import { osloToday } from "../../kernel/clock";
import type { CurrentUser } from "../../kernel/context";
import type { Lang } from "../../web/i18n";
import {
  type CohortPlace,
  cohortPeopleSegment,
  cohortRef,
  cohortsJoinedBy,
  nonRespondentsSegment,
} from "../cohorts";
import { gatheringById, mayOrganise, registeredSegment } from "../gatherings";
import { orgsGranting } from "../identity";
import { accessTo, membersSegment } from "../networks";
import { countiesAt, countyOfficesAt, municipalityNamesAt } from "../organisations";
import { programmeRef, programmeTitles } from "../programmes";
import { type Audiences, audienceQuery, type SegmentResolver } from "./sending";
import { type SegmentWords, segmentWords } from "./texts";

// Messages to segments (issue 14, decision 0040). The sender chooses a segment; the right to it
// is checked here, once when the message is written and again whenever it is shown or sent; the
// segment's query lives in the module that owns the people (cohorts, gatherings, networks) and
// is run at send time, frozen with the send.

/** A segment as the sender names it (in the route). */
export type Segment =
  | { segment: "non-respondents"; cohortId: number }
  | { segment: "cohort-people"; cohortId: number; place: CohortPlace }
  | { segment: "gathering"; gatheringId: number }
  | { segment: "network"; networkId: number };

const id = z.number().int().positive();
const texts = z.object({ nb: z.string(), nn: z.string(), en: z.string() });

/**
 * A message's audience as stored with it: the segment, the offices it is narrowed to (a county
 * coordinator reaches only what their office invited; null for the programme's admin), and the
 * words fixed when it was written (what it is, and the "why you get this" line).
 */
export const messageAudience = z.object({
  segment: z.enum(["non-respondents", "cohort-people", "gathering", "network"]),
  cohortId: id.optional(),
  county: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  municipality: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  gatheringId: id.optional(),
  networkId: id.optional(),
  officeIds: z.array(z.string()).nullable().optional(),
  label: texts,
  why: z.object({ nb: z.string(), nn: z.string() }),
});
export type MessageAudience = z.infer<typeof messageAudience>;

/** The segment's query: `address`, `lang`, `label`, `name` (see the owners' index.ts). */
function segmentQuery(a: MessageAudience, now: Date): SQL | null {
  switch (a.segment) {
    case "non-respondents":
      return a.cohortId ? nonRespondentsSegment(a.cohortId, a.officeIds ?? null, now) : null;
    case "cohort-people": {
      if (!a.cohortId) return null;
      const place = a.county
        ? { county: a.county }
        : a.municipality
          ? { municipality: a.municipality }
          : null;
      return place ? cohortPeopleSegment(a.cohortId, place, a.officeIds ?? null, now) : null;
    }
    case "gathering":
      return a.gatheringId ? registeredSegment(a.gatheringId) : null;
    case "network":
      return a.networkId ? membersSegment(a.networkId) : null;
  }
}

/** Only well-formed addresses, in nb or nn: what the sending machinery takes. */
function deliverable(q: SQL): SQL {
  return sql`select s.address, case when s.lang = 'nn' then 'nn' else 'nb' end as lang,
      s.label, s.name
    from (${q}) s where s.address like '%_@_%'`;
}

/** The resolver the sending machinery asks for a message's recipients. */
export const segmentResolver: SegmentResolver = (audience, _mailing, now) => {
  const parsed = messageAudience.safeParse(audience);
  if (!parsed.success) return null;
  const q = segmentQuery(parsed.data, now);
  if (!q) return null;
  return {
    query: sql`select d.address, d.lang, null::bigint as subscription_id from (${deliverable(q)}) d`,
    why: parsed.data.why,
  };
};

export const messageAudiences: Audiences = { segment: segmentResolver };

/**
 * How many a message reaches now (each address once, those that take no more mail left out),
 * and up to `sampleSize` of them by name and organisation: never the list.
 */
export async function segmentPreview(
  db: Executor,
  audience: MessageAudience,
  now: Date,
  sampleSize = 5,
): Promise<{ count: number; sample: string[] }> {
  const q = segmentQuery(audience, now);
  if (!q) return { count: 0, sample: [] };
  const reached = audienceQuery(
    { kind: "message", audience, programmeId: 0, cohortId: null },
    messageAudiences,
    now,
  );
  if (!reached) return { count: 0, sample: [] };
  const result = await db.execute(sql`
    with a as (select distinct lower(y.address) as k from (${reached.query}) y),
      r as (select distinct on (lower(x.address)) x.address, x.label, x.name
          from (${deliverable(q)}) x join a on a.k = lower(x.address)
         order by lower(x.address), x.name nulls last),
      s as (select * from r order by md5(lower(address)) limit ${sampleSize})
    select (select count(*) from r)::int as n,
      coalesce((select json_agg(
        case when name is not null and label is not null then name || ' (' || label || ')'
             else coalesce(name, label, '–') end) from s), '[]'::json) as sample`);
  const row = (result as unknown as { rows: { n: number; sample: string[] | string }[] }).rows[0];
  const sample = typeof row?.sample === "string" ? JSON.parse(row.sample) : (row?.sample ?? []);
  return { count: Number(row?.n ?? 0), sample: [...sample].sort() };
}

export type RefusalCode =
  | "notYourRole"
  | "notYourCohort"
  | "notYourCounty"
  | "notYourMunicipality"
  | "notYourGathering"
  | "notYourNetwork"
  | "noAddress";

export type Reach =
  | { ok: true; audience: MessageAudience; programmeId: number; cohortId: number | null }
  | { ok: false; reason: RefusalCode }
  | null;

type User = Pick<CurrentUser, "personId" | "roles" | "email" | "permissions">;

const byLang = (make: (w: SegmentWords, lang: Lang) => string) => ({
  nb: make(segmentWords.nb, "nb"),
  nn: make(segmentWords.nn, "nn"),
  en: make(segmentWords.en, "en"),
});

async function titlesOf(db: Db, programmeId: number) {
  const title = async (l: Lang) =>
    (await programmeTitles(db, l, [programmeId])).get(programmeId) ?? "";
  return { nb: await title("nb"), nn: await title("nn"), en: await title("en") };
}

/**
 * Whether the user may write to the segment, and its audience if so (null: no such cohort,
 * gathering or network). The programme's admin reaches all of its cohorts; a county coordinator
 * what their office invited, in the counties it covers; a municipal coordinator their own
 * municipality's people; a gathering's organiser those registered for it; a network's leading
 * coordinator its members.
 */
export async function reachSegment(
  db: Db,
  user: User,
  segment: Segment,
  now: Date,
): Promise<Reach> {
  if (!user.email) return { ok: false, reason: "noAddress" };
  const owners = orgsGranting(user, "manage:cohort:owner", "owner");
  const today = osloToday(now);
  if (segment.segment === "non-respondents" || segment.segment === "cohort-people") {
    const cohort = await cohortRef(db, segment.cohortId);
    if (!cohort) return null;
    const programme = await programmeRef(db, cohort.programmeId);
    if (!programme) return null;
    const titles = await titlesOf(db, programme.id);
    const admin = owners.has(programme.owner);
    const offices = [...orgsGranting(user, "invite:cohort:office", "county-office")];
    let officeIds: string[] | null = null;
    if (!admin && segment.segment === "non-respondents") {
      if (offices.length === 0) return { ok: false, reason: "notYourRole" };
      const joined = await cohortsJoinedBy(db, { offices });
      if (!joined.some((c) => c.id === cohort.id)) return { ok: false, reason: "notYourCohort" };
      officeIds = offices;
    }
    if (segment.segment === "non-respondents") {
      return {
        ok: true,
        programmeId: programme.id,
        cohortId: cohort.id,
        audience: {
          segment: "non-respondents",
          cohortId: cohort.id,
          officeIds,
          label: byLang((w, l) => w.nonRespondents(titles[l], cohort.number)),
          why: byLang((w, l) => w.whyNonRespondent(titles[l], cohort.number)),
        },
      };
    }
    const place = segment.place;
    const county = "county" in place ? place.county : place.municipality.slice(0, 2);
    if (!admin) {
      const municipalities = orgsGranting(user, "answer:cohort:municipality", "municipality");
      if (offices.length > 0) {
        const covered = (await countyOfficesAt(db, today, "nb"))
          .filter((o) => offices.includes(o.id))
          .flatMap((o) => o.countyCodes);
        if (!covered.includes(county)) return { ok: false, reason: "notYourCounty" };
        officeIds = offices;
      } else if (municipalities.size > 0) {
        if (!("municipality" in place) || !municipalities.has(place.municipality))
          return { ok: false, reason: "notYourMunicipality" };
      } else return { ok: false, reason: "notYourRole" };
    }
    const placeName =
      "county" in place
        ? ((await countiesAt(db, today)).find((c) => c.code === place.county)?.name ?? null)
        : ((await municipalityNamesAt(db, [place.municipality], today)).get(place.municipality) ??
          null);
    if (!placeName) return null;
    return {
      ok: true,
      programmeId: programme.id,
      cohortId: cohort.id,
      audience: {
        segment: "cohort-people",
        cohortId: cohort.id,
        ...("county" in place ? { county: place.county } : { municipality: place.municipality }),
        officeIds,
        label: byLang((w, l) => w.cohortPeople(titles[l], cohort.number, placeName)),
        why: byLang((w, l) => w.whyCohortPeople(titles[l], cohort.number)),
      },
    };
  }
  if (segment.segment === "gathering") {
    const gathering = await gatheringById(db, segment.gatheringId);
    if (!gathering) return null;
    const programme = await programmeRef(db, gathering.programmeId);
    const admin = programme ? owners.has(programme.owner) : false;
    if (!admin && !mayOrganise(user, gathering)) return { ok: false, reason: "notYourGathering" };
    const title = { nb: gathering.titleNb, nn: gathering.titleNn, en: gathering.titleNb };
    return {
      ok: true,
      programmeId: gathering.programmeId,
      cohortId: gathering.cohortId,
      audience: {
        segment: "gathering",
        gatheringId: gathering.id,
        label: byLang((w, l) => w.gathering(title[l])),
        why: byLang((w, l) => w.whyGathering(title[l])),
      },
    };
  }
  const access = await accessTo(db, segment.networkId, {
    personId: user.personId,
    roles: user.roles,
  });
  if (!access) return null;
  const cohort = await cohortRef(db, access.network.cohortId);
  if (!cohort) return null;
  const programme = await programmeRef(db, cohort.programmeId);
  const admin = programme ? owners.has(programme.owner) : false;
  if (!admin && !access.leads) return { ok: false, reason: "notYourNetwork" };
  const name = access.network.name;
  return {
    ok: true,
    programmeId: cohort.programmeId,
    cohortId: cohort.id,
    audience: {
      segment: "network",
      networkId: segment.networkId,
      label: byLang((w) => w.network(name)),
      why: byLang((w) => w.whyNetwork(name)),
    },
  };
}

/** The segment of a stored message, as the sender named it (to check the right again). */
export function segmentOf(a: MessageAudience): Segment | null {
  if (a.segment === "non-respondents" && a.cohortId)
    return { segment: "non-respondents", cohortId: a.cohortId };
  if (a.segment === "cohort-people" && a.cohortId) {
    if (a.county)
      return { segment: "cohort-people", cohortId: a.cohortId, place: { county: a.county } };
    if (a.municipality)
      return {
        segment: "cohort-people",
        cohortId: a.cohortId,
        place: { municipality: a.municipality },
      };
  }
  if (a.segment === "gathering" && a.gatheringId)
    return { segment: "gathering", gatheringId: a.gatheringId };
  if (a.segment === "network" && a.networkId) return { segment: "network", networkId: a.networkId };
  return null;
}
