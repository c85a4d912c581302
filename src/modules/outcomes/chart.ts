import { vegaLiteSvg } from "../../kernel/charts";

/** Designsystemet's accent blue (4.5:1 or more against white) and the site's text colour. */
const CHART_ACCENT = "#1E5B9C";
const CHART_TEXT = "#1a1a1a";

export type EstimatePoint = { label: string; estimate: number; low: number; high: number };

/**
 * The estimates as dots with their 95 % intervals as lines, one row per cohort, level and
 * grade, and a dashed line at zero (no difference). Shape and a label at each dot carry the
 * meaning, not colour alone; the page's table beside it holds the same figures.
 */
export async function estimateChartSvg(
  points: EstimatePoint[],
  opts: { alt: string; axisTitle: string; format: (n: number) => string },
): Promise<string> {
  const values = points.map((p) => ({ ...p, text: opts.format(p.estimate) }));
  const reach = Math.max(1, ...points.flatMap((p) => [Math.abs(p.low), Math.abs(p.high)]));
  const x = {
    type: "quantitative",
    title: opts.axisTitle,
    scale: { domain: [-Math.ceil(reach), Math.ceil(reach)] },
  } as const;
  const y = { field: "label", type: "nominal", sort: null, title: null } as const;
  return vegaLiteSvg(
    {
      width: 380,
      height: { step: 34 },
      background: "white",
      data: { values },
      encoding: { y },
      layer: [
        {
          mark: { type: "rule", color: CHART_TEXT, strokeDash: [4, 4], aria: false },
          data: { values: [{ zero: 0 }] },
          encoding: { x: { ...x, field: "zero" }, y: null },
        },
        {
          mark: { type: "rule", color: CHART_ACCENT, strokeWidth: 2, aria: false },
          encoding: { x: { ...x, field: "low" }, x2: { field: "high" } },
        },
        {
          mark: {
            type: "point",
            filled: true,
            shape: "diamond",
            size: 90,
            color: CHART_ACCENT,
            aria: false,
          },
          encoding: { x: { ...x, field: "estimate" } },
        },
        {
          mark: { type: "text", dy: -12, color: CHART_TEXT, aria: false },
          encoding: { x: { ...x, field: "estimate" }, text: { field: "text" } },
        },
      ],
    },
    opts.alt,
  );
}
