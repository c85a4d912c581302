import type { Tile } from "../../kernel/charts";
import { COUNTY_SHAPES, type CountyShape } from "./county-shapes";
import type { CountyReach, MunicipalityReach } from "./figures";

/** A county drawn from its outline (county-shapes.md): its figures and its shape. */
export type CountyOutline = {
  code: string;
  name: string;
  part: number;
  whole: number;
  share: number | null;
  shape: CountyShape;
};

/**
 * The counties as outlines, or null when one of them has none (a code from after the bundled
 * shapes: the tile map is drawn instead). `around` is the rest of the division's counties, drawn
 * grey and unnamed so that a coordinator's counties are seen in the country.
 */
export function countyOutlines(
  counties: CountyReach[],
  division: { code: string }[],
): { drawn: CountyOutline[]; around: CountyShape[] } | null {
  const drawn: CountyOutline[] = [];
  for (const k of counties) {
    const shape = COUNTY_SHAPES[k.code];
    if (!shape) return null;
    drawn.push({
      code: k.code,
      name: k.name,
      part: k.municipalitiesIn,
      whole: k.municipalitiesAll,
      share: k.municipalitiesAll > 0 ? k.municipalitiesIn / k.municipalitiesAll : null,
      shape,
    });
  }
  const shown = new Set(counties.map((k) => k.code));
  const around = division.flatMap((k) => {
    const shape = COUNTY_SHAPES[k.code];
    return shape && !shown.has(k.code) ? [shape] : [];
  });
  return { drawn, around };
}

/**
 * The tile map's layout, drawn where a county has no outline (county-shapes.md) and for a
 * county's municipalities: one square per county, placed by hand
 * on a grid roughly where the county lies, north at the top. Every county code since 2017 has
 * a place; the map draws the counties valid on the division's day (organisations' Klass data),
 * so the 2017 (19 counties), 2020 (11) and 2024 (15) divisions are all drawable. Counties that
 * replaced others take one of their places (Trøndelag 50 where Nord-Trøndelag was).
 */
export const COUNTY_TILES: Record<string, [col: number, row: number]> = {
  // North
  "20": [4, 0], // Finnmark (–2019)
  "56": [4, 0], // Finnmark (2024–)
  "19": [3, 0], // Troms (–2019)
  "55": [3, 0], // Troms (2024–)
  "54": [3, 0], // Troms og Finnmark (2020–2023)
  "18": [2, 1], // Nordland
  // Middle
  "17": [2, 2], // Nord-Trøndelag (–2017)
  "50": [2, 2], // Trøndelag (2018–)
  "16": [2, 3], // Sør-Trøndelag (–2017)
  "15": [1, 3], // Møre og Romsdal
  // West and east
  "14": [0, 4], // Sogn og Fjordane (–2019)
  "46": [0, 4], // Vestland (2020–)
  "05": [2, 4], // Oppland (–2019)
  "34": [2, 4], // Innlandet (2020–)
  "04": [3, 4], // Hedmark (–2019)
  "12": [0, 5], // Hordaland (–2019)
  "06": [1, 5], // Buskerud (–2019)
  "33": [1, 5], // Buskerud (2024–)
  "03": [2, 5], // Oslo
  "02": [3, 5], // Akershus (–2019)
  "32": [3, 5], // Akershus (2024–)
  "30": [3, 5], // Viken (2020–2023)
  // South
  "11": [0, 6], // Rogaland
  "08": [1, 6], // Telemark (–2019)
  "40": [1, 6], // Telemark (2024–)
  "38": [1, 6], // Vestfold og Telemark (2020–2023)
  "07": [2, 6], // Vestfold (–2019)
  "39": [2, 6], // Vestfold (2024–)
  "01": [3, 6], // Østfold (–2019)
  "31": [3, 6], // Østfold (2024–)
  "10": [0, 7], // Vest-Agder (–2019)
  "09": [1, 7], // Aust-Agder (–2019)
  "42": [1, 7], // Agder (2020–)
};

/** Counties as tiles, filled by the share of their municipalities taking part. */
export function countyTiles(counties: CountyReach[]): Tile[] {
  return counties.flatMap((k) => {
    const place = COUNTY_TILES[k.code];
    if (!place) return [];
    return [
      {
        col: place[0],
        row: place[1],
        label: k.name,
        share: k.municipalitiesAll > 0 ? k.municipalitiesIn / k.municipalitiesAll : null,
      },
    ];
  });
}

/**
 * A county's municipalities as tiles in the order of their numbers, row by row (not where
 * they lie: no hand layout exists for 357 municipalities), filled by the share of their
 * kindergartens and schools taking part; no data where the register lists no unit.
 */
export function municipalityTiles(municipalities: MunicipalityReach[]): Tile[] {
  const sorted = [...municipalities].sort((a, b) => a.code.localeCompare(b.code));
  const cols = Math.max(1, Math.ceil(Math.sqrt(sorted.length * 1.5)));
  return sorted.map((m, i) => ({
    col: i % cols,
    row: Math.floor(i / cols),
    label: m.name,
    share: m.unitsAll > 0 ? m.unitsIn / m.unitsAll : null,
  }));
}
