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

export type HistoryRow = { at: string; event: string; by: string; detail: string };

/** A section with the history of something: when, what, who and the detail, one row each. */
export function HistorySection(props: {
  heading: string;
  columns: Child[];
  rows: HistoryRow[];
  id?: string;
}) {
  return (
    <section aria-labelledby="history-heading" class="stack" id={props.id}>
      <h2 class="ds-heading" data-size="md" id="history-heading">
        {props.heading}
      </h2>
      <DataTable label={props.heading} columns={props.columns}>
        {props.rows.map((r) => (
          <tr>
            <td>{r.at}</td>
            <td>{r.event}</td>
            <td>{r.by}</td>
            <td>{r.detail}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
