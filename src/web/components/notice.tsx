import type { Child } from "hono/jsx";

export type NoticeColor = "success" | "warning" | "danger" | "info";

/**
 * A message box at the top of a page or section; a success is announced as a status. `focus`
 * lets an error summary's link move focus to it.
 */
export function Notice(props: {
  color: NoticeColor;
  children: Child;
  id?: string;
  focus?: boolean;
}) {
  return (
    <div
      class="ds-alert"
      data-color={props.color}
      role={props.color === "success" ? "status" : undefined}
      id={props.id}
      tabindex={props.focus ? -1 : undefined}
    >
      <p class="ds-paragraph">{props.children}</p>
    </div>
  );
}
