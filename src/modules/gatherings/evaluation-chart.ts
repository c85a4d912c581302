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
  const [vega, vegaLite] = await Promise.all([import("vega"), import("vega-lite")]);
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
  const view = new vega.View(vega.parse(spec), { renderer: "none" });
  try {
    // The picture is one image to assistive technology: Vega's own roles on its inner groups
    // (graphics-object, "group mark container") would make them parts of it, with no names.
    const svg = (await view.toSVG()).replace(
      / (role="graphics-[a-z-]+"|aria-roledescription="[^"]*")/g,
      "",
    );
    return svg.replace(
      /^<svg /,
      `<svg role="img" aria-label="${escapeAttribute(opts.alt)}" focusable="false" `,
    );
  } finally {
    view.finalize();
  }
}
