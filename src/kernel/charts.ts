/**
 * Bar charts as SVG, drawn on the server by Vega-Lite and Vega (decision 0027): a spec is
 * compiled by vega-lite and rendered headless by vega's `toSVG()`, with no canvas and no browser.
 * Both are loaded on first use (start-up time). The chart is a picture for those who see it:
 * the SVG is `role="img"` with the text alternative as its label, and the page shows the same
 * figures in a table beside it.
 */

export type Bar = { label: string; count: number };

/** The colour of the bars: Designsystemet's accent blue, 4.5:1 or more against white. */
const BAR_COLOUR = "#1E5B9C";

const escapeAttribute = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * A horizontal bar chart of counts: one bar per label, in the order given, the count written
 * at the end of each bar. `alt` is the chart's text alternative.
 */
export async function barChartSvg(
  bars: Bar[],
  opts: { alt: string; countTitle: string },
): Promise<string> {
  const vegaLite = await import("vega-lite");
  const values = bars.map((b) => ({ label: b.label, count: b.count }));
  const max = Math.max(1, ...bars.map((b) => b.count));
  // No sort: the bars keep the order given (1 to 5, or the options' order).
  const y = { field: "label", type: "nominal", sort: null, title: null } as const;
  const { spec } = vegaLite.compile({
    width: 360,
    height: { step: 28 },
    background: "white",
    data: { values },
    encoding: { y },
    layer: [
      {
        mark: { type: "bar", color: BAR_COLOUR, aria: false },
        encoding: {
          x: {
            field: "count",
            type: "quantitative",
            title: opts.countTitle,
            scale: { domain: [0, max] },
            axis: { tickMinStep: 1, format: "d" },
          },
        },
      },
      {
        mark: { type: "text", align: "left", dx: 4, color: "#1a1a1a", aria: false },
        encoding: { x: { field: "count", type: "quantitative" }, text: { field: "count" } },
      },
    ],
    config: {
      aria: false,
      font: "Inter, Arial, sans-serif",
      axis: { labelFontSize: 13, titleFontSize: 13, labelColor: "#1a1a1a", titleColor: "#1a1a1a" },
      view: { stroke: null },
    },
  });
  return renderSvg(spec, opts.alt);
}

/** Renders a compiled Vega spec headless as one accessible image (role="img", the alt as label). */
async function renderSvg(spec: unknown, alt: string): Promise<string> {
  const vega = await import("vega");
  const view = new vega.View(vega.parse(spec as Parameters<typeof vega.parse>[0]), {
    renderer: "none",
  });
  try {
    // The picture is one image to assistive technology: Vega's own roles on its inner groups
    // (graphics-object, "group mark container") would make them parts of it, with no names.
    const svg = (await view.toSVG()).replace(
      / (role="graphics-[a-z-]+"|aria-roledescription="[^"]*")/g,
      "",
    );
    return svg.replace(
      /^<svg /,
      `<svg role="img" aria-label="${escapeAttribute(alt)}" focusable="false" `,
    );
  } finally {
    view.finalize();
  }
}

/** One point of a line chart: a series (its name), the x label (a month "2024-03") and a value. */
export type Point = { series: string; x: string; value: number };

/** Lines that differ by colour and by dash and point shape: no series is told by colour alone. */
const SERIES_COLOURS = ["#1E5B9C", "#A3330E", "#176D35", "#6B3FA0", "#5A5A5A"];
const SERIES_DASHES = [
  [1, 0],
  [6, 3],
  [2, 2],
  [8, 3, 2, 3],
  [4, 4],
];
const SERIES_SHAPES = ["circle", "square", "triangle-up", "diamond", "cross"];

/**
 * A line chart of values over an ordered x (months), one line per series, each with its own
 * colour, dash and point shape, and a legend. `percent` writes the y axis as a share (0–1).
 */
export async function lineChartSvg(
  points: Point[],
  opts: { alt: string; xTitle: string; yTitle: string; percent?: boolean; series: string[] },
): Promise<string> {
  const vegaLite = await import("vega-lite");
  const domain = opts.series;
  const range = <T>(list: T[]) => domain.map((_, i) => list[i % list.length] as T);
  const { spec } = vegaLite.compile({
    width: 520,
    height: 220,
    background: "white",
    data: { values: points },
    mark: { type: "line", point: { filled: true, size: 50 }, aria: false },
    encoding: {
      x: { field: "x", type: "ordinal", title: opts.xTitle, sort: null },
      y: {
        field: "value",
        type: "quantitative",
        title: opts.yTitle,
        ...(opts.percent
          ? { scale: { domain: [0, 1] }, axis: { format: ".0%" } }
          : { axis: { tickMinStep: 1, format: "d" } }),
      },
      color: {
        field: "series",
        type: "nominal",
        title: null,
        scale: { domain, range: range(SERIES_COLOURS) },
      },
      strokeDash: {
        field: "series",
        type: "nominal",
        title: null,
        scale: { domain, range: range(SERIES_DASHES) },
      },
      shape: {
        field: "series",
        type: "nominal",
        title: null,
        scale: { domain, range: range(SERIES_SHAPES) },
      },
    },
    config: {
      aria: false,
      font: "Inter, Arial, sans-serif",
      axis: { labelFontSize: 12, titleFontSize: 13, labelColor: "#1a1a1a", titleColor: "#1a1a1a" },
      legend: { labelFontSize: 13, labelColor: "#1a1a1a", orient: "bottom", direction: "vertical" },
      view: { stroke: null },
    },
  } as Parameters<typeof vegaLite.compile>[0]);
  return renderSvg(spec, opts.alt);
}

/**
 * A tile of a tile map: one square per county or municipality at a hand-set column and row
 * (not its shape: see the map's README), its label, and its share (0–1) or null for no data.
 */
export type Tile = { col: number; row: number; label: string; share: number | null };

/** Five steps of blue, light to dark; the share is also written on every tile. */
const TILE_STEPS = ["#DCE9F5", "#A9C8E8", "#6A9FD4", "#2F6FB3", "#173F6E"];

/** A share's fill on a map (tiles or outlines): one of five steps, white for no data. */
export function shareFill(share: number | null): string {
  if (share === null) return "#FFFFFF";
  return TILE_STEPS[Math.min(TILE_STEPS.length - 1, Math.floor(share * TILE_STEPS.length))] ?? "";
}

/**
 * A tile map: squares at their grid places, filled by share (five steps), each labelled with
 * its name and its share in per cent written in black or white, whichever contrasts with the
 * fill (4.5:1 or more); a tile with no data is white and says so with a dash (not colour).
 */
export async function tileMapSvg(
  tiles: Tile[],
  opts: { alt: string; noData: string; size?: number },
): Promise<string> {
  const vegaLite = await import("vega-lite");
  const size = opts.size ?? 64;
  const cols = Math.max(1, ...tiles.map((t) => t.col + 1));
  const rows = Math.max(1, ...tiles.map((t) => t.row + 1));
  const values = tiles.map((t) => {
    const fill = shareFill(t.share);
    const dark = t.share !== null && Math.floor(t.share * TILE_STEPS.length) >= 3;
    return {
      x: t.col * size,
      x2: t.col * size + size - 4,
      y: t.row * size,
      y2: t.row * size + size - 4,
      cx: t.col * size + (size - 4) / 2,
      label: t.label.length > 10 ? `${t.label.slice(0, 9)}…` : t.label,
      value: t.share === null ? opts.noData : `${Math.round(t.share * 100)} %`,
      fill,
      ink: dark ? "#FFFFFF" : "#1A1A1A",
    };
  });
  const scale = (n: number) => ({ domain: [0, n * size], range: [0, n * size] as number[] });
  const x = { field: "x", type: "quantitative", scale: scale(cols), axis: null } as const;
  const y = { field: "y", type: "quantitative", scale: scale(rows), axis: null } as const;
  const { spec } = vegaLite.compile({
    width: cols * size,
    height: rows * size,
    background: "white",
    data: { values },
    layer: [
      {
        mark: { type: "rect", stroke: "#1A1A1A", strokeWidth: 1, aria: false },
        encoding: {
          x,
          x2: { field: "x2" },
          y,
          y2: { field: "y2" },
          fill: { field: "fill", type: "nominal", scale: null },
        },
      },
      {
        mark: { type: "text", fontSize: 10, baseline: "top", dy: 6, aria: false },
        encoding: {
          x: { ...x, field: "cx" },
          y,
          text: { field: "label" },
          color: { field: "ink", type: "nominal", scale: null },
        },
      },
      {
        mark: { type: "text", fontSize: 13, fontWeight: 600, baseline: "top", dy: 28, aria: false },
        encoding: {
          x: { ...x, field: "cx" },
          y,
          text: { field: "value" },
          color: { field: "ink", type: "nominal", scale: null },
        },
      },
    ],
    config: { aria: false, font: "Inter, Arial, sans-serif", view: { stroke: null } },
  } as Parameters<typeof vegaLite.compile>[0]);
  return renderSvg(spec, opts.alt);
}

/**
 * Any Vega-Lite spec through the same renderer, with the charts' fonts and axis colours unless
 * the spec gives its own `config` (the outcomes' estimates: dots and interval lines).
 */
export async function vegaLiteSvg(spec: Record<string, unknown>, alt: string): Promise<string> {
  const vegaLite = await import("vega-lite");
  const { spec: compiled } = vegaLite.compile({
    config: {
      aria: false,
      font: "Inter, Arial, sans-serif",
      axis: { labelFontSize: 13, titleFontSize: 13, labelColor: "#1a1a1a", titleColor: "#1a1a1a" },
      view: { stroke: null },
    },
    ...spec,
  } as Parameters<typeof vegaLite.compile>[0]);
  return renderSvg(compiled, alt);
}
