import type { Child } from "hono/jsx";

/**
 * A table in a keyboard-scrollable, labelled region (WCAG 2.1.1: a wide table must be
 * reachable by keyboard), with its caption for screen readers and column headers.
 */
export function DataTable(props: { label: string; columns: Child[]; children: Child }) {
  return (
    <section class="table-wrap" tabindex={0} aria-label={props.label}>
      <table class="ds-table" data-zebra="true">
        <caption class="ds-sr-only">{props.label}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th scope="col">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </section>
  );
}
