/**
 * Charts as SVG, drawn on the server by Vega-Lite and Vega (decision 0027): a Vega-Lite spec is
 * compiled and rendered headless by vega's `toSVG()`, with no canvas and no browser. Both are
 * loaded on first use (start-up time). Every chart of the app goes through here: the picture is
 * `role="img"` with its text alternative as its label, and the page shows the same figures in a
 * table beside it.
 */

/** Near-black text on the charts (the site's text colour). */
export const CHART_TEXT = "#1a1a1a";
/** Designsystemet's accent blue, 4.5:1 or more against white. */
export const CHART_ACCENT = "#1E5B9C";

/** The shared look: fonts, axis colours, no frame, Vega's own ARIA off (the root gets ours). */
export const chartConfig = {
  aria: false,
  font: "Inter, Arial, sans-serif",
  axis: { labelFontSize: 13, titleFontSize: 13, labelColor: CHART_TEXT, titleColor: CHART_TEXT },
  view: { stroke: null },
} as const;

const escapeAttribute = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * A Vega-Lite spec (its `config` defaults to `chartConfig`) as one SVG image with `alt` as its
 * text alternative.
 */
export async function vegaLiteSvg(spec: Record<string, unknown>, alt: string): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import("vega"), import("vega-lite")]);
  // biome-ignore lint/suspicious/noExplicitAny: the spec is the caller's, checked by Vega-Lite
  const compiled = vegaLite.compile({ config: chartConfig, ...spec } as any).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
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
