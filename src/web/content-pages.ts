import type { AppContext } from "../kernel/context";
import type { FieldError, FieldWarning } from "../kernel/forms";
import type { Lang } from "./i18n";

/** What the feedback widget at the bottom of a content page shows. */
export type WidgetState =
  | { kind: "ask" }
  | {
      kind: "comment";
      ref: string;
      found: boolean;
      value?: string;
      error?: FieldError | undefined;
      /** The child guard's warning on the comment (decision 0024). */
      warning?: FieldWarning | undefined;
    }
  | { kind: "thanks"; masked: boolean };

/**
 * A page that carries the feedback widget. The feedback routes render the page again with
 * the widget in a new state when a comment needs correcting, so nothing typed is lost.
 */
export type ContentPage = {
  pattern: RegExp;
  exists?: (c: AppContext, match: RegExpMatchArray) => Promise<boolean>;
  render: (
    c: AppContext,
    lang: Lang,
    match: RegExpMatchArray,
    widget: WidgetState,
    status?: 200 | 422,
  ) => Promise<Response>;
};

export function findContentPage(pages: ContentPage[], path: string) {
  for (const page of pages) {
    const match = path.match(page.pattern);
    if (match) return { page, match };
  }
  return null;
}

export function widgetHasError(widget: WidgetState): boolean {
  return widget.kind === "comment" && widget.error !== undefined;
}
