import { z } from "zod";
import { osloToday } from "../../kernel/clock";
import { type AppContext, deps, langOf } from "../../kernel/context";
import { cohortRef, cohortsJoinedBy, cohortsOfProgrammes } from "../cohorts";
import { organisationScope, orgsGranting, requirePermission, scopesFor } from "../identity";
import { programmesOwnedBy, programmeTitles } from "../programmes";
import type { Selection } from "./figures";
import { insightTexts } from "./texts";

/**
 * Who sees which cohorts, for which municipalities (issue 15): the programme admin every
 * cohort of the owner's programmes, for every municipality (null); the county coordinator the
 * cohorts its office takes part in, for the municipalities of its counties; the municipal
 * coordinator the cohorts the municipality takes part in, for the municipality (its units).
 */
export async function insightScope(c: AppContext) {
  const scopes = requirePermission(c, "read", "insight");
  const db = deps(c).db;
  const user = c.get("user");
  const cohorts = new Map<number, string[] | null>();
  if (scopes.includes("owner")) {
    const owners = [...orgsGranting(user, "read:insight:owner", "owner")];
    const programmes = await programmesOwnedBy(db, owners);
    for (const k of await cohortsOfProgrammes(
      db,
      programmes.map((p) => p.id),
    ))
      cohorts.set(k.id, null);
  }
  const areas = new Set<string>();
  if (scopes.includes("office")) {
    const offices = [...orgsGranting(user, "read:insight:office", "county-office")];
    const scope = await organisationScope(c, "read", "insight");
    if (!scope.all) for (const m of scope.municipalities) areas.add(m);
    for (const k of await cohortsJoinedBy(db, { offices }))
      if (!cohorts.has(k.id)) cohorts.set(k.id, []);
  }
  if (scopes.includes("municipality")) {
    const own = orgsGranting(user, "read:insight:municipality", "municipality");
    for (const m of own) areas.add(m);
    for (const k of await cohortsJoinedBy(db, { municipalities: [...own] }))
      if (!cohorts.has(k.id)) cohorts.set(k.id, []);
  }
  for (const [id, list] of cohorts) if (list !== null) cohorts.set(id, [...areas].sort());
  return cohorts;
}

const query = z.object({
  utvalg: z.union([z.literal(""), z.string().regex(/^[kp][0-9]{1,9}$/)]).optional(),
  aar: z.union([z.literal(""), z.string().regex(/^(19|20)[0-9]{2}$/)]).optional(),
  fylke: z.union([z.literal(""), z.string().regex(/^[0-9]{2}$/)]).optional(),
});

export type Choice = { value: string; label: string; group: string };

/** The page's selection from its GET query, checked against the scope; null when malformed. */
export async function selectionOf(c: AppContext): Promise<{
  selection: Selection;
  choices: Choice[];
  chosen: string;
  query: URLSearchParams;
} | null> {
  const parsed = query.safeParse(c.req.query());
  if (!parsed.success) return null;
  const q = parsed.data;
  const db = deps(c).db;
  const lang = langOf(c);
  const t = insightTexts(lang);
  const scope = await insightScope(c);
  const visible = await Promise.all([...scope.keys()].map((id) => cohortRef(db, id)));
  const refs = visible
    .flatMap((k) => (k ? [k] : []))
    .sort((a, b) => a.programmeId - b.programmeId || a.number - b.number);
  const titles = await programmeTitles(db, lang, [...new Set(refs.map((k) => k.programmeId))]);
  const choices: Choice[] = [];
  for (const pid of new Set(refs.map((k) => k.programmeId))) {
    const title = titles.get(pid) ?? "";
    const mine = refs.filter((k) => k.programmeId === pid);
    if (mine.length > 1)
      choices.push({ value: `p${pid}`, label: t.allCohorts(title), group: title });
    for (const k of mine)
      choices.push({ value: `k${k.id}`, label: t.cohortName(title, k.number), group: title });
  }
  const latest = refs.at(-1);
  const chosen =
    q.utvalg && choices.some((o) => o.value === q.utvalg)
      ? q.utvalg
      : latest
        ? `k${latest.id}`
        : "";
  const picked = chosen.startsWith("p")
    ? refs.filter((k) => `p${k.programmeId}` === chosen)
    : refs.filter((k) => `k${k.id}` === chosen);
  const year = q.aar ? Number(q.aar) : null;
  const inYear = picked.filter(
    (k) =>
      year === null ||
      (Number(k.startsOn.slice(0, 4)) <= year && Number(k.endsOn.slice(0, 4)) >= year),
  );
  // A cohort's scope: null (all) only when every chosen cohort is seen in full.
  // `??` would turn null (every municipality) into none.
  const lists = inYear.map((k) => (scope.has(k.id) ? (scope.get(k.id) as string[] | null) : []));
  const municipalities = lists.some((l) => l !== null)
    ? [...new Set(lists.flatMap((l) => l ?? []))].sort()
    : null;
  const today = osloToday(deps(c).clock.now());
  const latestStart = inYear
    .map((k) => k.startsOn)
    .sort()
    .at(-1);
  const divisionDate = year ? `${year}-07-01` : (latestStart ?? today);
  const params = new URLSearchParams();
  if (chosen) params.set("utvalg", chosen);
  if (q.aar) params.set("aar", q.aar);
  if (q.fylke) params.set("fylke", q.fylke);
  const user = c.get("user");
  return {
    selection: {
      cohorts: inYear.map((k) => ({
        id: k.id,
        number: k.number,
        label: t.cohortName(titles.get(k.programmeId) ?? "", k.number),
      })),
      municipalities,
      county: q.fylke || null,
      year,
      today,
      divisionDate,
      lang,
      feedback: scopesFor(user, "read", "feedback").length > 0,
    },
    choices,
    chosen,
    query: params,
  };
}
