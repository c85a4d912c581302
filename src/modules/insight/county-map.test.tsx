import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CountyMap } from "./county-map";
import { COUNTY_MAP_SIZE, COUNTY_SHAPES } from "./county-shapes";
import type { CountyReach } from "./figures";
import { COUNTY_TILES, countyOutlines } from "./map";
import { insightTexts } from "./texts";

const DIVISION_2017 = "01 02 03 04 05 06 07 08 09 10 11 12 14 15 16 17 18 19 20".split(" ");
const DIVISION_2020 = "03 11 15 18 30 34 38 42 46 50 54".split(" ");
const DIVISION_2024 = "03 11 15 18 31 32 33 34 39 40 42 46 50 55 56".split(" ");

/** A path's rings as points: "M x y l dx dy … z", as the build script writes them. */
function ringsOf(d: string): [number, number][][] {
  return [...d.matchAll(/M(-?\d+)[ ]?(-?\d+)l([^z]*)z/g)].map((m) => {
    const steps = (m[3]?.match(/-?\d+/g) ?? []).map(Number);
    const ring: [number, number][] = [[Number(m[1]), Number(m[2])]];
    for (let i = 0; i + 1 < steps.length; i += 2) {
      const [x, y] = ring.at(-1)!;
      ring.push([x + steps[i]!, y + steps[i + 1]!]);
    }
    return ring;
  });
}

/** Even–odd rule over every ring: inside one polygon and not in one of its holes. */
function inside([x, y]: [number, number], rings: [number, number][][]) {
  let ins = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) ins = !ins;
    }
  return ins;
}

function area(ring: [number, number][]) {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    s += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  return Math.abs(s) / 2;
}

const totalArea = (code: string) =>
  ringsOf(COUNTY_SHAPES[code]!.d).reduce((sum, ring) => sum + area(ring), 0);

const reach = (code: string, name: string, inn: number, all: number): CountyReach => ({
  code,
  name,
  municipalitiesIn: inn,
  municipalitiesAll: all,
  kindergartensIn: 0,
  kindergartensAll: 0,
  schoolsIn: 0,
  schoolsAll: 0,
  publicIn: 0,
  privateIn: 0,
  staff: 0,
});

describe("the bundled county outlines", () => {
  it("draw every county of 2017, 2020 and 2024, and every code the tile map knows", () => {
    for (const code of [...DIVISION_2017, ...DIVISION_2020, ...DIVISION_2024])
      expect({ code, shape: Boolean(COUNTY_SHAPES[code]) }).toEqual({ code, shape: true });
    expect(Object.keys(COUNTY_SHAPES).sort()).toEqual(Object.keys(COUNTY_TILES).sort());
  });

  it("are small, well-formed paths inside the drawing, each with its figure's place inside it", () => {
    const file = new URL("./county-shapes.ts", import.meta.url);
    expect(readFileSync(file).byteLength).toBeLessThan(40_000);
    for (const [code, shape] of Object.entries(COUNTY_SHAPES)) {
      expect({ code, ok: /^(M-?\d+[ -]?\d+l[-\d ]+z)+$/.test(shape.d) }).toEqual({
        code,
        ok: true,
      });
      const rings = ringsOf(shape.d);
      for (const [x, y] of rings.flat()) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(COUNTY_MAP_SIZE.width);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(COUNTY_MAP_SIZE.height);
      }
      expect({ code, inside: inside(shape.label, rings) }).toEqual({ code, inside: true });
      if (shape.callout) {
        expect(shape.callout[0]).toBeLessThan(COUNTY_MAP_SIZE.width - 60);
        expect(shape.callout[1]).toBeLessThan(COUNTY_MAP_SIZE.height);
      }
    }
  });

  it("dissolve the counties that were joined from the counties of 2017, and reuse the ones that came back", () => {
    // Agder is Aust- and Vest-Agder, Vestland Hordaland and Sogn og Fjordane, and so on:
    // the joined outline covers its parts' area, less what simplifying the coast removed.
    for (const [joined, parts] of Object.entries({
      "42": ["09", "10"],
      "46": ["12", "14"],
      "34": ["04", "05"],
      "50": ["16", "17"],
      "30": ["01", "02", "06"],
      "38": ["07", "08"],
      "54": ["19", "20"],
    })) {
      const sum = parts.reduce((s, p) => s + totalArea(p), 0);
      expect({ joined, ratio: Math.round((totalArea(joined) / sum) * 50) / 50 }).toEqual({
        joined,
        ratio: 1,
      });
    }
    for (const [now, then] of Object.entries({ "31": "01", "32": "02", "39": "07", "56": "20" }))
      expect(COUNTY_SHAPES[now]).toBe(COUNTY_SHAPES[then]);
    // Finnmark lies north-east of Agder, north up.
    const [fx, fy] = COUNTY_SHAPES["56"]!.label;
    const [ax, ay] = COUNTY_SHAPES["42"]!.label;
    expect(fx).toBeGreaterThan(ax);
    expect(fy).toBeLessThan(ay);
  });
});

describe("the county map", () => {
  const t = insightTexts("nb").map;

  it("falls back to the tile map for a county without an outline", () => {
    expect(countyOutlines([reach("99", "Ukjent", 1, 2)], [])).toBeNull();
    const some = countyOutlines([reach("42", "Agder", 3, 25)], [{ code: "42" }, { code: "11" }]);
    expect(some?.drawn.map((c) => [c.code, c.share])).toEqual([["42", 0.12]]);
    expect(some?.around).toEqual([COUNTY_SHAPES["11"]]);
  });

  it("makes each county a named link with its figure written on it, and the rest grey and unnamed", async () => {
    const outline = countyOutlines(
      [reach("42", "Agder", 3, 25), reach("03", "Oslo", 0, 0)],
      DIVISION_2024.map((code) => ({ code })),
    )!;
    const html = String(
      await (
        <CountyMap
          t={t}
          drawn={outline.drawn}
          around={outline.around}
          hrefOf={(code) => `/nb/innsikt?fylke=${code}#kart`}
        />
      ),
    );
    expect(html).toContain('role="group" aria-label="Kart over Norge med fylkene.');
    expect(html).not.toContain('role="img"');
    const links = [
      ...html.matchAll(/<a href="([^"]+)" class="county-map-link" aria-label="([^"]+)"/g),
    ];
    expect(links.map((m) => [m[1], m[2]])).toEqual([
      ["/nb/innsikt?fylke=42#kart", "Agder: 3 av 25 kommuner er med, 12 %. Se kommunene"],
      ["/nb/innsikt?fylke=03#kart", "Oslo: ingen data. Se kommunene"],
    ]);
    // 12 % is the lightest of the five steps; no data is white with a dash, not a colour.
    expect(html).toContain(`<path d="${COUNTY_SHAPES["42"]!.d}" fill="#DCE9F5"`);
    expect(html).toContain(`<path d="${COUNTY_SHAPES["03"]!.d}" fill="#FFFFFF"`);
    expect(html).toMatch(/<text [^>]*text-anchor="middle"[^>]*>12 %<\/text>/);
    // Oslo is too small for its figure: it is written beside, joined by a line.
    expect(html).toMatch(/<line [^>]*\/?>(<\/line>)?<text [^>]*text-anchor="start"[^>]*>–<\/text>/);
    // The other 13 counties of 2024, grey and hidden from screen readers.
    expect(html.match(/fill="#EDEDED"/g)).toHaveLength(13);
    expect(html).not.toContain("Rogaland");
  });
});
