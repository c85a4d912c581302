import type { NetworkInFigures } from "../networks";

/**
 * The learning networks of a cohort in figures, per county (issue 12, decision 0044): for the
 * programme admin (every county) and the county office (its counties). A network counts in the
 * county of each municipality leading it; its members and meetings held with it. The share of
 * units in a network is of the units enrolled in the county's municipalities: those with a
 * member in a network of the cohort now. Figures only: no names, minutes or reflections.
 */
export type CountyNetworkFigures = {
  countyCode: string;
  networks: number;
  members: number;
  meetingsHeld: number;
  unitsInNetwork: number;
  unitsEnrolled: number;
};

export function networkFiguresByCounty(
  networks: NetworkInFigures[],
  enrolled: { orgNumber: string; municipalityCode: string }[],
  countyOf: Map<string, string>,
  /** The counties the reader sees; null for all. */
  counties: Set<string> | null,
): { counties: CountyNetworkFigures[]; total: CountyNetworkFigures } {
  const seen = (county: string | undefined): county is string =>
    county !== undefined && (counties === null || counties.has(county));
  const rows = new Map<string, CountyNetworkFigures & { units: Set<string> }>();
  const row = (countyCode: string) => {
    let r = rows.get(countyCode);
    if (!r) {
      r = {
        countyCode,
        networks: 0,
        members: 0,
        meetingsHeld: 0,
        unitsInNetwork: 0,
        unitsEnrolled: 0,
        units: new Set(),
      };
      rows.set(countyCode, r);
    }
    return r;
  };
  const enrolledUnits = new Set<string>();
  for (const u of enrolled) {
    const county = countyOf.get(u.municipalityCode);
    if (!seen(county)) continue;
    row(county).unitsEnrolled += 1;
    enrolledUnits.add(u.orgNumber);
  }
  const total = { networks: 0, members: 0, meetingsHeld: 0, units: new Set<string>() };
  for (const n of networks) {
    const inCounties = new Set(n.leading.map((m) => countyOf.get(m)).filter(seen));
    for (const county of inCounties) {
      const r = row(county);
      r.networks += 1;
      r.members += n.members;
      r.meetingsHeld += n.meetingsHeld;
    }
    if (inCounties.size > 0) {
      total.networks += 1;
      total.members += n.members;
      total.meetingsHeld += n.meetingsHeld;
    }
    for (const u of n.units) {
      const county = countyOf.get(u.municipalityCode);
      if (!seen(county) || !enrolledUnits.has(u.orgNumber)) continue;
      row(county).units.add(u.orgNumber);
      total.units.add(u.orgNumber);
    }
  }
  const list = [...rows.values()]
    .map(({ units, ...r }) => ({ ...r, unitsInNetwork: units.size }))
    .sort((a, b) => a.countyCode.localeCompare(b.countyCode));
  return {
    counties: list,
    total: {
      countyCode: "",
      networks: total.networks,
      members: total.members,
      meetingsHeld: total.meetingsHeld,
      unitsInNetwork: total.units.size,
      unitsEnrolled: enrolledUnits.size,
    },
  };
}

/** "42 %" of a share, or "–" with nothing to share. */
export const percentOf = (part: number, whole: number) =>
  whole === 0 ? "–" : `${Math.round((100 * part) / whole)} %`;
