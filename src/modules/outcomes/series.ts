import type { OutcomeIndicator } from "./schema";

/**
 * The breaks in Elevundersøkelsen's bullying series (FACTS.md): in 2013 the survey got new
 * questions and moved to the autumn (which roughly halved the reported rate), and from autumn
 * 2016 the headline indicator is "experiences bullying at school" (by pupils, adults, or
 * digitally) instead of "bullied by other pupils". Figures on two sides of a break are never
 * compared: an estimate whose years lie in two series is not given.
 */
export type Series = "2007-2012" | "2013-2015" | "2016-";

/** The first survey year Samspill takes (the survey's first year in its long form). */
export const FIRST_YEAR = 2007;

export function seriesOf(year: number): Series {
  if (year < 2013) return "2007-2012";
  if (year < 2016) return "2013-2015";
  return "2016-";
}

/** The headline indicator of a year's series: what an estimate compares. */
export function headlineOf(year: number): OutcomeIndicator {
  return year >= 2016 ? "mobbing" : "mobbet-av-elever";
}

/**
 * Which years an indicator was the published headline: "mobbing" from 2016, "mobbet av andre
 * elever" up to 2015. A row outside them is on the wrong side of the 2016 break.
 */
export function indicatorBreak(
  indicator: OutcomeIndicator,
  year: number,
): "beforeBreak" | "afterBreak" | null {
  if (indicator === "mobbing" && year < 2016) return "beforeBreak";
  if (indicator === "mobbet-av-elever" && year >= 2016) return "afterBreak";
  return null;
}

/**
 * The survey years a cohort is measured by: the autumn before it starts, and the last autumn
 * before it ends (a cohort ending on 31 December has that autumn's survey behind it).
 */
export function cohortYears(cohort: { startsOn: string; endsOn: string }): {
  before: number;
  after: number;
} {
  const endYear = Number(cohort.endsOn.slice(0, 4));
  const endMonth = Number(cohort.endsOn.slice(5, 7));
  return {
    before: Number(cohort.startsOn.slice(0, 4)) - 1,
    after: endMonth === 12 ? endYear : endYear - 1,
  };
}
