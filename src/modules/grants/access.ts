import type { Db } from "../../db/client";
import { osloToday } from "../../kernel/clock";
import type { AppContext } from "../../kernel/context";
import { deps, langOf } from "../../kernel/context";
import { cohortRef, cohortsOfProgrammes } from "../cohorts";
import { Forbidden, orgsGranting, requirePermission } from "../identity";
import { municipalityPlacesAt } from "../organisations";
import { programmeRef, programmesOwnedBy, programmeTitles } from "../programmes";
import { grantTexts } from "./texts";

/** The owners whose cohorts' grants the person runs (`manage:grant:owner`). */
export function grantOwners(c: AppContext): Set<string> {
  requirePermission(c, "manage", "grant");
  return orgsGranting(c.get("user"), "manage:grant:owner", "owner");
}

/** The municipalities the person answers grants for (`answer:grant:municipality`). */
export function grantMunicipalities(c: AppContext): Set<string> {
  requirePermission(c, "answer", "grant");
  return orgsGranting(c.get("user"), "answer:grant:municipality", "municipality");
}

/** The cohort of the path with its title, if its programme's owner is one the person runs; 403 otherwise. */
export async function ownCohort(c: AppContext, id: number) {
  const owners = grantOwners(c);
  const db = deps(c).db;
  const cohort = await cohortRef(db, id);
  if (!cohort) return null;
  const programme = await programmeRef(db, cohort.programmeId);
  if (!programme || !owners.has(programme.owner)) throw new Forbidden("manage:grant:owner");
  return { cohort, title: await cohortTitle(db, langOf(c), cohort) };
}

export async function cohortTitle(
  db: Db,
  lang: "nb" | "nn" | "en",
  cohort: { programmeId: number; number: number },
) {
  const titles = await programmeTitles(db, lang, [cohort.programmeId]);
  return grantTexts(lang).cohort(titles.get(cohort.programmeId) ?? "", cohort.number);
}

/** The cohorts of the owners' programmes, with their titles. */
export async function ownCohorts(c: AppContext) {
  const db = deps(c).db;
  const programmes = await programmesOwnedBy(db, [...grantOwners(c)]);
  const cohorts = await cohortsOfProgrammes(
    db,
    programmes.map((p) => p.id),
  );
  const titles = await programmeTitles(
    db,
    langOf(c),
    programmes.map((p) => p.id),
  );
  return cohorts.map((k) => ({
    id: k.id,
    title: grantTexts(langOf(c)).cohort(titles.get(k.programmeId) ?? "", k.number),
  }));
}

/** Every municipality's name and county on the day (kept by the organisations module). */
export function municipalityPlaces(c: AppContext) {
  return municipalityPlacesAt(deps(c).db, osloToday(deps(c).clock.now()));
}
