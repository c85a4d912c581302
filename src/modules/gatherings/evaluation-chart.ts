/**
 * Bar charts of an evaluation's answers, drawn by the app's one chart renderer (web/charts.ts,
 * decision 0027).
 */

import { CHART_ACCENT, CHART_TEXT, vegaLiteSvg } from "../../web/charts";

export type Bar = { label: string; count: number };

/**
 * A horizontal bar chart of counts: one bar per label, in the order given, the count written
 * at the end of each bar. `alt` is the chart's text alternative.
 */
export async function barChartSvg(
  bars: Bar[],
  opts: { alt: string; countTitle: string },
): Promise<string> {
  const values = bars.map((b) => ({ label: b.label, count: b.count }));
  const max = Math.max(1, ...bars.map((b) => b.count));
  // No sort: the bars keep the order given (1 to 5, or the options' order).
  const y = { field: "label", type: "nominal", sort: null, title: null } as const;
  return vegaLiteSvg(
    {
      width: 360,
      height: { step: 28 },
      background: "white",
      data: { values },
      encoding: { y },
      layer: [
        {
          mark: { type: "bar", color: CHART_ACCENT, aria: false },
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
          mark: { type: "text", align: "left", dx: 4, color: CHART_TEXT, aria: false },
          encoding: { x: { field: "count", type: "quantitative" }, text: { field: "count" } },
        },
      ],
    },
    opts.alt,
  );
}
