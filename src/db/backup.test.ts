import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { freshDatabase, scratchDatabaseName } from "../../tests/support/db";
import { diskFileStore } from "../kernel/storage";
import {
  backupPglite,
  backupPostgres,
  differingTables,
  restorePglite,
  restorePostgres,
  tableChecksums,
  verifyRestore,
} from "./backup";
import { openPostgres, wrapPglite } from "./client";

// Issue 16: a backup restored into a fresh database has every table's rows, to the checksum,
// and every uploaded file, to the byte — on both databases.

const dirs: string[] = [];
const tempDir = async (name: string) => {
  const dir = await mkdtemp(join(tmpdir(), `samspill-backup-${name}-`));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** A files directory with the demo's documents and two uploads of our own. */
async function filesWithUploads(): Promise<string> {
  const dir = await tempDir("files");
  const store = diskFileStore(dir);
  const demo = diskFileStore(inject("templateFiles"));
  // The demo's documents are read through the store, by the keys the demo data names.
  const { readdirSync } = await import("node:fs");
  for (const key of readdirSync(inject("templateFiles"))) {
    const bytes = await demo.get(key);
    if (bytes) await store.put(bytes);
  }
  await store.put(new TextEncoder().encode("%PDF-1.4 vedlegg"));
  await store.put(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
  return dir;
}

describe("backup and restore of the embedded database", () => {
  it("restores every table's rows and every file, and a changed row is found", async () => {
    const tar = readFileSync(inject("pgliteTemplates").people);
    const source = await PGlite.create({ loadDataDir: new Blob([tar]) });
    const filesDir = await filesWithUploads();
    const out = await tempDir("out");
    const manifest = await backupPglite({ source, filesDir, out });
    await source.close();
    expect(Object.keys(manifest.tables).length).toBeGreaterThan(40);
    expect(manifest.tables["public.people"]!.rows).toBeGreaterThan(5);
    expect(Object.keys(manifest.files).length).toBeGreaterThanOrEqual(2);

    const restoredFiles = join(await tempDir("restored"), "files");
    const restored = wrapPglite(
      await restorePglite({ backup: out, dataDir: undefined, filesDir: restoredFiles }),
    );
    try {
      expect(await verifyRestore(restored.db, restoredFiles, manifest)).toEqual({
        tables: [],
        files: [],
      });
      // The checksum sees a change of one value in one row.
      await restored.db.execute(
        sql`update people set name = name || '.' where id = (select min(id) from people)`,
      );
      expect(differingTables(manifest.tables, await tableChecksums(restored.db))).toEqual([
        "public.people",
      ]);
    } finally {
      await restored.close();
    }
  }, 120_000);
});

describe.runIf(process.env.TEST_DATABASE_URL)("backup and restore of PostgreSQL", () => {
  it("restores every table's rows and every file into a new database with pg_restore", async () => {
    const source = await freshDatabase("postgres", "people");
    const filesDir = await filesWithUploads();
    const out = await tempDir("out");
    const manifest = await backupPostgres({ url: source.url!, filesDir, out });
    await source.close();

    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const name = scratchDatabaseName();
    await admin.query(`create database ${name}`);
    const target = new URL(process.env.TEST_DATABASE_URL!);
    target.pathname = `/${name}`;
    try {
      const restoredFiles = join(await tempDir("restored"), "files");
      await restorePostgres({ backup: out, url: target.toString(), filesDir: restoredFiles });
      const restored = await openPostgres(target.toString(), 1);
      try {
        expect(await verifyRestore(restored.db, restoredFiles, manifest)).toEqual({
          tables: [],
          files: [],
        });
        expect(manifest.tables["public.people"]!.rows).toBeGreaterThan(5);
      } finally {
        await restored.close();
      }
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 120_000);
});
