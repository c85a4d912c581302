import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../db/client";

/**
 * The rows of a query as one JSON value: the embedded database decodes a result value by value,
 * which for a few hundred rows costs more than the query (see cohorts/overview.ts). Numbers in
 * the rows come back as JSON numbers (bigint counts as numbers too, below 2^53).
 */
export async function jsonRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = await db.execute(
    sql`select coalesce(json_agg(x), '[]'::json) as rows from (${query}) x`,
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
