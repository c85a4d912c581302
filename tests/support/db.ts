import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openPglite, openPostgres } from "../../src/db/client";
import type { Template } from "./templates";

export type DbKind = "pglite" | "postgres";

/** Every suite runs on PGlite, and on PostgreSQL too when TEST_DATABASE_URL is set. */
export const databaseKinds: DbKind[] = process.env.TEST_DATABASE_URL
  ? ["pglite", "postgres"]
  : ["pglite"];

/**
 * The databases a browser journey runs on: PGlite. Every route, and what the database does under
 * concurrent people (the chain's locks, a double submit), is tested on both databases by the
 * unit project; running journeys on PostgreSQL too made them the suite's critical path
 * (decisions 0022 and 0046).
 */
export const journeyKinds: DbKind[] = ["pglite"];

/**
 * A new PostgreSQL database name owned by this run: it carries the global setup's process id,
 * so the run's teardown finds and drops every copy even when a test dies.
 */
export function scratchDatabaseName(): string {
  const source = inject("postgresTemplates")?.reference;
  if (!source) throw new Error("TEST_DATABASE_URL is not set");
  const owner = source.replace("samspill_tpl_", "").split("_")[0];
  return `samspill_t_${owner}_${randomBytes(4).toString("hex")}`;
}

/**
 * A fresh, migrated database holding the reference data (counties, municipalities, offices), and
 * with `template` "demo" the demo data too, with "people" the demo people as well. On PostgreSQL,
 * `url` lets a test open a second instance's pool on it.
 */
export async function freshDatabase(
  kind: DbKind,
  template: Template = "reference",
): Promise<Database & { url?: string }> {
  if (kind === "pglite") {
    // Beside the templates, so the run's teardown removes a copy a failed file left behind.
    const source = inject("pgliteTemplateDirs")[template];
    const dataDir = mkdtempSync(join(dirname(source), "copy-"));
    // As a start on a new data directory copies npm ci's image (src/db/client.ts).
    const lite = await openPglite(dataDir, { image: source });
    return {
      ...lite,
      async close() {
        await lite.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.TEST_DATABASE_URL;
  const source = inject("postgresTemplates")?.[template];
  if (!url || !source) throw new Error("TEST_DATABASE_URL is not set");
  const name = scratchDatabaseName();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${source}`);
      break;
    } catch (error) {
      // Two files copying the template at the same instant: wait and try again.
      if (attempt > 20) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = await openPostgres(target.toString(), 5);
  return {
    ...db,
    url: target.toString(),
    async close() {
      await db.close();
      const drop = new pg.Client({ connectionString: url });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}
