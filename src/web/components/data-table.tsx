import { raw } from "hono/html";
import type { Child } from "hono/jsx";

/**
 * A table in a keyboard-scrollable, labelled region (WCAG 2.1.1: a wide table must be
 * reachable by keyboard), with its caption for screen readers and column headers.
 */
/** A cell of `tableRows`: text (escaped here), or a link. */
export type RowCell = string | number | { href: string; text: string };

const escapes: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
/** Text for HTML built as a string (`tableRows`, long lists): &, <, >, " and ' escaped. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => escapes[c]!);

/**
 * A table body's rows as one piece of HTML, each cell escaped: for tables of hundreds of rows
 * (a county's progress view has 600), where building a JSX element per cell took most of the
 * page's time (issue 12's benchmark). Same markup as `<tr><td>…</td></tr>`.
 */
export function tableRows(rows: RowCell[][]) {
  const out: string[] = [];
  for (const row of rows) {
    out.push("<tr>");
    for (const cell of row) {
      if (typeof cell === "object")
        out.push(
          `<td><a class="ds-link" href="${escapeHtml(cell.href)}">${escapeHtml(cell.text)}</a></td>`,
        );
      else out.push(`<td>${escapeHtml(String(cell))}</td>`);
    }
    out.push("</tr>");
  }
  return raw(out.join(""));
}

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
