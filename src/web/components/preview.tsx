import type { Child } from "hono/jsx";
import { Notice } from "./notice";

/** A preview of text not yet saved, with a warning when something in it was taken out. */
export function PreviewSection(props: {
  title: string;
  lead: string;
  /** Shown when set: what was removed from the text. */
  warning?: string | undefined;
  children: Child;
}) {
  return (
    <section aria-labelledby="preview-heading" class="ds-card stack preview" id="forhandsvisning">
      <h2 class="ds-heading" data-size="md" id="preview-heading">
        {props.title}
      </h2>
      <p class="ds-paragraph">{props.lead}</p>
      {props.warning ? <Notice color="warning">{props.warning}</Notice> : null}
      {props.children}
    </section>
  );
}
