import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import {
  acceptedMunicipalities,
  cohortRef,
  cohortsOfProgrammes,
  enrolmentsOfUnits,
} from "../cohorts";
import { municipalitiesOfUnits, successorsOfAll } from "../organisations";
import { programmeRef } from "../programmes";
import { type Did, differenceInDifferences } from "./estimator";
import { type OutcomeIndicator, type OutcomeLevel, outcomeResults } from "./schema";
import { cohortYears, headlineOf, seriesOf } from "./series";

/**
 * Fewer units than this on either side and the page warns that the figure is uncertain and
 * easily moved by one school or municipality (decision 0037). Two is the least the variance
 * needs; below that no estimate is given.
 */
export const SMALL_N = 10;

export type GroupFigures = { n: number; meanBefore: number | null; meanAfter: number | null };

export type EstimateStatus =
  /** An estimate with its interval. */
  | "estimate"
  /** The years before and after lie in two series (a break): never compared. */
  | "break"
  /** The survey after the cohort has not been held yet. */
  | "notYet"
  /** No results for the years. */
  | "noData"
  /** Fewer than two units with both years on a side. */
  | "tooFew";

export type OutcomeEstimate = {
  cohortId: number;
  cohortNumber: number;
  beforeYear: number;
  afterYear: number;
  status: EstimateStatus;
  /** Null for a cohort with no figures at all (break, not yet, no data). */
  level: OutcomeLevel | null;
  grade: string | null;
  indicator: OutcomeIndicator | null;
  treated: GroupFigures;
  control: GroupFigures;
  did: Did | null;
  /** Fewer than SMALL_N units on a side. */
  small: boolean;
};

const empty: GroupFigures = { n: 0, meanBefore: null, meanAfter: null };
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** Grades in their school order: 5–10, then vg1–vg3. */
export function gradeOrder(a: string, b: string): number {
  const rank = (g: string) => (g.startsWith("vg") ? 100 + Number(g.slice(2)) : Number(g));
  return rank(a) - rank(b);
}

/**
 * The difference-in-differences estimates of a programme's cohorts (or one): for each cohort,
 * level (schools, municipalities) and grade, the participating units' change in the share of
 * pupils bullied from the autumn before the cohort to the last autumn in it, against the change
 * of units that took part in none of the programme's cohorts. `municipalities` (today's codes)
 * narrows both groups to a county coordinator's area; null or absent: everyone.
 */
export async function outcomeEstimates(
  db: Db,
  opts: {
    programmeId: number;
    cohortId?: number;
    municipalities?: ReadonlySet<string> | null;
    today: string;
  },
): Promise<OutcomeEstimate[]> {
  const programme = await programmeRef(db, opts.programmeId);
  if (!programme) return [];
  const all = await cohortsOfProgrammes(db, [programme.id]);
  const cohorts = [];
  for (const k of all) {
    const ref = await cohortRef(db, k.id);
    if (ref) cohorts.push(ref);
  }
  const chosen = opts.cohortId ? cohorts.filter((k) => k.id === opts.cohortId) : cohorts;
  const thisYear = Number(opts.today.slice(0, 4));

  // Every result of the owner in the years the chosen cohorts compare, headline indicator only.
  const years = new Set<number>();
  for (const k of chosen) {
    const y = cohortYears(k);
    years.add(y.before);
    years.add(y.after);
  }
  const rows =
    years.size === 0
      ? []
      : await db
          .select({
            level: outcomeResults.level,
            orgCode: outcomeResults.orgCode,
            year: outcomeResults.year,
            grade: outcomeResults.grade,
            indicator: outcomeResults.indicator,
            share: outcomeResults.share,
          })
          .from(outcomeResults)
          .where(
            and(
              eq(outcomeResults.owner, programme.owner),
              inArray(outcomeResults.year, [...years]),
              eq(outcomeResults.suppressed, false),
            ),
          );

  // Who took part in which cohort: schools enrolled, municipalities that accepted.
  const schoolOrgs = [...new Set(rows.filter((r) => r.level === "school").map((r) => r.orgCode))];
  const enrolled = await enrolmentsOfUnits(
    db,
    schoolOrgs,
    cohorts.map((k) => k.id),
  );
  const schoolsIn = new Map<number, Set<string>>();
  for (const e of enrolled) {
    (schoolsIn.get(e.cohortId) ?? schoolsIn.set(e.cohortId, new Set()).get(e.cohortId)!).add(
      e.unitOrgNumber,
    );
  }
  const municipalitiesIn = new Map<number, Set<string>>();
  for (const k of cohorts) {
    municipalitiesIn.set(
      k.id,
      new Set((await acceptedMunicipalities(db, k.id)).map((m) => m.municipalityCode)),
    );
  }
  const everIn = {
    school: new Set([...schoolsIn.values()].flatMap((s) => [...s])),
    municipality: new Set([...municipalitiesIn.values()].flatMap((s) => [...s])),
  };

  // A county coordinator's area: a school by its municipality, a municipality by what it is today.
  const area = opts.municipalities ?? null;
  let inArea = (_level: OutcomeLevel, _code: string) => true;
  if (area) {
    const schoolPlace = await municipalitiesOfUnits(db, schoolOrgs);
    const codes = [
      ...new Set(rows.filter((r) => r.level === "municipality").map((r) => r.orgCode)),
    ];
    const successors = await successorsOfAll(db, codes, opts.today);
    const today = new Map(
      codes.map((c) => [c, (successors.get(c) ?? []).some((s) => area.has(s))]),
    );
    inArea = (level, code) =>
      level === "school" ? area.has(schoolPlace.get(code) ?? "") : today.get(code) === true;
  }

  // Share by level, grade, unit and year (headline indicator of each year's series).
  const shares = new Map<string, number>();
  const cells = new Set<string>();
  for (const r of rows) {
    if (r.indicator !== headlineOf(r.year) || r.share === null) continue;
    if (!inArea(r.level, r.orgCode)) continue;
    shares.set(`${r.level}|${r.grade}|${r.orgCode}|${r.year}`, r.share);
    cells.add(`${r.level}|${r.grade}|${r.year}`);
  }

  const out: OutcomeEstimate[] = [];
  for (const k of chosen) {
    const { before, after } = cohortYears(k);
    const base = {
      cohortId: k.id,
      cohortNumber: k.number,
      beforeYear: before,
      afterYear: after,
    };
    const none = {
      level: null,
      grade: null,
      indicator: null,
      treated: empty,
      control: empty,
      did: null,
      small: false,
    };
    if (seriesOf(before) !== seriesOf(after)) {
      out.push({ ...base, ...none, status: "break" });
      continue;
    }
    if (after >= thisYear) {
      out.push({ ...base, ...none, status: "notYet" });
      continue;
    }
    const pairs: { level: OutcomeLevel; grade: string }[] = [];
    for (const level of ["municipality", "school"] as const) {
      const grades = new Set<string>();
      for (const c of cells) {
        const [l, g, y] = c.split("|");
        if (l === level && Number(y) === before && cells.has(`${level}|${g}|${after}`))
          grades.add(g!);
      }
      for (const grade of [...grades].sort(gradeOrder)) pairs.push({ level, grade });
    }
    if (pairs.length === 0) {
      out.push({ ...base, ...none, status: "noData" });
      continue;
    }
    for (const { level, grade } of pairs) {
      const participants =
        level === "school"
          ? (schoolsIn.get(k.id) ?? new Set())
          : (municipalitiesIn.get(k.id) ?? new Set());
      const units = new Set<string>();
      for (const key of shares.keys()) {
        const [l, g, code] = key.split("|");
        if (l === level && g === grade) units.add(code!);
      }
      const groups = {
        treated: { before: [] as number[], after: [] as number[], change: [] as number[] },
        control: { before: [] as number[], after: [] as number[], change: [] as number[] },
      };
      for (const code of units) {
        const b = shares.get(`${level}|${grade}|${code}|${before}`);
        const a = shares.get(`${level}|${grade}|${code}|${after}`);
        if (b === undefined || a === undefined) continue;
        // A unit in another of the programme's cohorts is neither: it took part, but not then.
        const side = participants.has(code)
          ? groups.treated
          : everIn[level].has(code)
            ? null
            : groups.control;
        if (!side) continue;
        side.before.push(b);
        side.after.push(a);
        side.change.push(a - b);
      }
      const figures = (g: typeof groups.treated): GroupFigures => ({
        n: g.change.length,
        meanBefore: mean(g.before),
        meanAfter: mean(g.after),
      });
      const did = differenceInDifferences(groups.treated.change, groups.control.change);
      out.push({
        ...base,
        status: did ? "estimate" : "tooFew",
        level,
        grade,
        indicator: headlineOf(before),
        treated: figures(groups.treated),
        control: figures(groups.control),
        did,
        small: groups.treated.change.length < SMALL_N || groups.control.change.length < SMALL_N,
      });
    }
  }
  return out;
}
