import { shareFill } from "../../kernel/charts";
import { COUNTY_MAP_SIZE, type CountyShape } from "./county-shapes";
import type { CountyOutline } from "./map";
import type { InsightTexts } from "./texts";

/** The drawing's width on screen, in CSS pixels; its text is sized for this. */
const SHOWN_WIDTH = 520;
const INK = "#1A1A1A";

const percent = (share: number) => `${Math.round(share * 100)} %`;

/**
 * Norway's counties from their outlines, server-rendered SVG: each county of the selection is
 * a link to its municipalities named with its figures (a screen reader reads the links, so the
 * drawing is a group, not an image), filled by its share in five steps and with the share
 * written on it in black on a white halo, so the figure never rests on colour alone. A county
 * too small for its figure has it beside, joined by a line. The rest of the division is grey.
 */
export function CountyMap(props: {
  t: InsightTexts["map"];
  drawn: CountyOutline[];
  around: CountyShape[];
  hrefOf: (code: string) => string;
}) {
  const { width, height } = COUNTY_MAP_SIZE;
  const labels = props.drawn.map((c) => ({
    shape: c.shape,
    text: c.share === null ? "–" : percent(c.share),
  }));
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG drawing has no fieldset; the group names the links it holds
    <svg
      xmlns="http://www.w3.org/2000/svg"
      class="county-map"
      viewBox={`0 0 ${width} ${height}`}
      width={SHOWN_WIDTH}
      height={Math.round((SHOWN_WIDTH * height) / width)}
      role="group"
      aria-label={props.t.outlineLabel}
    >
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG g is not focusable; grey counties have no name */}
      <g aria-hidden="true">
        {props.around.map((s) => (
          <path d={s.d} fill="#EDEDED" stroke="#767676" stroke-width="1" />
        ))}
      </g>
      {props.drawn.map((c) => (
        <a
          href={props.hrefOf(c.code)}
          class="county-map-link"
          aria-label={props.t.countyLink(
            c.name,
            c.part,
            c.whole,
            c.share === null ? null : percent(c.share),
          )}
        >
          <path
            d={c.shape.d}
            fill={shareFill(c.share)}
            stroke={INK}
            stroke-width="1.2"
            stroke-linejoin="round"
          />
        </a>
      ))}
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG g is not focusable; the figures repeat the links' names */}
      <g
        aria-hidden="true"
        class="county-map-labels"
        font-family="Inter, Arial, sans-serif"
        font-size="24"
        font-weight="600"
        fill={INK}
        stroke="#FFFFFF"
        stroke-width="5"
        stroke-linejoin="round"
        paint-order="stroke"
      >
        {labels.map(({ shape, text }) => {
          const [x, y] = shape.callout ?? shape.label;
          return (
            <>
              {shape.callout ? (
                <line
                  x1={shape.label[0]}
                  y1={shape.label[1]}
                  x2={x - 4}
                  y2={y}
                  stroke={INK}
                  stroke-width="1.5"
                />
              ) : null}
              <text x={x} y={y} dy="0.35em" text-anchor={shape.callout ? "start" : "middle"}>
                {text}
              </text>
            </>
          );
        })}
      </g>
    </svg>
  );
}
