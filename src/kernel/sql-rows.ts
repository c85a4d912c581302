import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../db/client";

/**
 * The rows of a query as one JSON value: the embedded database decodes a result value by value,
 * which for a few hundred rows costs more than the query (see cohorts/overview.ts). Numbers in
 * the rows come back as JSON numbers (bigint counts as numbers too, below 2^53). The value is
 * sent as text and parsed here: the embedded database's own decoding of a `json` value took
 * twice as long as `JSON.parse` for a few thousand rows.
 */
export async function jsonRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = await db.execute(
    sql`select coalesce(json_agg(x), '[]'::json)::text as rows from (${query}) x`,
  );
  const value = (result as unknown as { rows: { rows: T[] | string }[] }).rows[0]?.rows ?? [];
  return typeof value === "string" ? (JSON.parse(value) as T[]) : value;
}

/** `column in (…)` for a list; false for an empty list, true for null (no limit). */
export function inList(column: SQL, values: readonly (string | number)[] | null): SQL {
  if (values === null) return sql`true`;
  if (values.length === 0) return sql`false`;
  return sql`${column} in (${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;
}

/** The one JSON value a query yields in its first row's `column`, sent as text (as `jsonRows`). */
export async function jsonValue<T>(db: Executor, query: SQL, column: string): Promise<T> {
  const result = await db.execute(query);
  const value = (result as unknown as { rows: Record<string, unknown>[] }).rows[0]?.[column];
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}
