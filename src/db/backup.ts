import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { Db } from "./client";
import { openPostgres, wrapPglite } from "./client";

/**
 * Backup and restore (issue 16, decision 0035). A backup is a directory:
 *
 * - `database.dump` (PostgreSQL: `pg_dump --format=custom`) or `pglite-data.tar.gz` (the
 *   embedded database: PGlite's own `dumpDataDir`, the data directory as a tarball);
 * - `files/`: the uploaded files (DATA_DIR/files), copied after the database was dumped, so
 *   every file a row names is there (files are only ever added under new keys, or deleted);
 * - `manifest.json`: what kind it is, when it was taken, and each table's row count and
 *   checksum and each file's SHA-256 — what a restore is checked against.
 */

const run = promisify(execFile);

export type TableSums = Record<string, { rows: number; checksum: string }>;

export type BackupManifest = {
  kind: "postgres" | "pglite";
  takenAt: string;
  tables: TableSums;
  files: Record<string, string>;
};

/**
 * Each table's row count and a checksum of its rows that does not depend on their order on
 * disk: the md5 of the sorted md5s of each row's text. Every table of the schemas the app
 * writes (public, and drizzle's record of the migrations).
 */
export async function tableChecksums(db: Db): Promise<TableSums> {
  const tables = (
    (await db.execute(sql`
      select table_schema as schema, table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema in ('public', 'drizzle')
      order by table_schema, table_name`)) as unknown as {
      rows: { schema: string; name: string }[];
    }
  ).rows;
  const sums: TableSums = {};
  for (const { schema, name } of tables) {
    const table = sql`${sql.identifier(schema)}.${sql.identifier(name)}`;
    const [row] = (
      (await db.execute(sql`
        select count(*)::int as rows,
          coalesce(md5(string_agg(h, '' order by h)), md5('')) as checksum
        from (select md5(t::text) as h from ${table} t) rows`)) as unknown as {
        rows: { rows: number; checksum: string }[];
      }
    ).rows;
    sums[`${schema}.${name}`] = { rows: Number(row!.rows), checksum: row!.checksum };
  }
  return sums;
}

/** The tables whose row count or checksum differ between two sets of sums (or that one lacks). */
export function differingTables(a: TableSums, b: TableSums): string[] {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names]
    .filter((n) => a[n]?.rows !== b[n]?.rows || a[n]?.checksum !== b[n]?.checksum)
    .sort();
}

/** Each file under a directory (not the half-written `.…part` ones) with its SHA-256. */
export async function fileSums(dir: string): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  let names: string[] = [];
  try {
    names = await readdir(dir);
  } catch {
    return sums;
  }
  for (const name of names.sort()) {
    if (name.startsWith(".")) continue;
    const path = join(dir, name);
    if (!(await stat(path)).isFile()) continue;
    sums[name] = createHash("sha256")
      .update(await readFile(path))
      .digest("hex");
  }
  return sums;
}

/** The files whose bytes differ between two sets of sums (or that one lacks). */
export function differingFiles(a: Record<string, string>, b: Record<string, string>): string[] {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].filter((n) => a[n] !== b[n]).sort();
}

async function copyFiles(from: string, to: string) {
  await mkdir(to, { recursive: true });
  try {
    await stat(from);
  } catch {
    return;
  }
  await cp(from, to, {
    recursive: true,
    filter: (source) => !/\/\.[^/]*\.part$/.test(source),
  });
}

async function writeManifest(out: string, manifest: BackupManifest) {
  await writeFile(join(out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
}

export async function readManifest(backup: string): Promise<BackupManifest> {
  return JSON.parse(await readFile(join(backup, "manifest.json"), "utf8")) as BackupManifest;
}

/**
 * Back up a PostgreSQL database (`pg_dump` in one snapshot, while the app runs) and the files
 * directory into `out`. The checksums are read in a separate transaction: taken while people
 * use the app, they may differ from the dump's snapshot, so `verify` after a restore is only
 * exact for a backup of a quiet database (the test's and the benchmark's).
 */
export async function backupPostgres(opts: {
  url: string;
  filesDir: string;
  out: string;
  now?: Date;
}): Promise<BackupManifest> {
  await mkdir(opts.out, { recursive: true });
  await run("pg_dump", [
    "--format=custom",
    "--no-owner",
    "--no-privileges",
    `--file=${join(opts.out, "database.dump")}`,
    `--dbname=${opts.url}`,
  ]);
  const database = await openPostgres(opts.url, 1);
  try {
    const tables = await tableChecksums(database.db);
    await copyFiles(opts.filesDir, join(opts.out, "files"));
    const manifest: BackupManifest = {
      kind: "postgres",
      takenAt: (opts.now ?? new Date()).toISOString(),
      tables,
      files: await fileSums(join(opts.out, "files")),
    };
    await writeManifest(opts.out, manifest);
    return manifest;
  } finally {
    await database.close();
  }
}

/**
 * Back up the embedded database: PGlite's `dumpDataDir` of its data directory, which only one
 * process may open — stop Samspill first (or hand in the running client, as the tests do).
 */
export async function backupPglite(opts: {
  /** DATA_DIR/pglite, or an open client. */
  source: string | PGlite;
  filesDir: string;
  out: string;
  now?: Date;
}): Promise<BackupManifest> {
  await mkdir(opts.out, { recursive: true });
  const client =
    typeof opts.source === "string" ? await PGlite.create({ dataDir: opts.source }) : opts.source;
  try {
    const tables = await tableChecksums(wrapPglite(client).db);
    const tarball = await client.dumpDataDir("gzip");
    await writeFile(
      join(opts.out, "pglite-data.tar.gz"),
      new Uint8Array(await tarball.arrayBuffer()),
    );
    await copyFiles(opts.filesDir, join(opts.out, "files"));
    const manifest: BackupManifest = {
      kind: "pglite",
      takenAt: (opts.now ?? new Date()).toISOString(),
      tables,
      files: await fileSums(join(opts.out, "files")),
    };
    await writeManifest(opts.out, manifest);
    return manifest;
  } finally {
    if (typeof opts.source === "string") await client.close();
  }
}

/** Restore a PostgreSQL backup into an empty database (create it first), and its files. */
export async function restorePostgres(opts: { backup: string; url: string; filesDir: string }) {
  await run("pg_restore", [
    "--no-owner",
    "--no-privileges",
    "--exit-on-error",
    "--single-transaction",
    `--dbname=${opts.url}`,
    join(opts.backup, "database.dump"),
  ]);
  await copyFiles(join(opts.backup, "files"), opts.filesDir);
}

/**
 * Restore a PGlite backup into a data directory that does not exist yet or is empty, and its
 * files. Returns the open client when `keepOpen` (the tests check it without reopening).
 */
export async function restorePglite(opts: {
  backup: string;
  /** DATA_DIR/pglite; undefined restores into memory (tests). */
  dataDir: string | undefined;
  filesDir: string;
}): Promise<PGlite> {
  if (opts.dataDir) {
    await mkdir(opts.dataDir, { recursive: true });
    if ((await readdir(opts.dataDir)).length > 0)
      throw new Error(`${opts.dataDir} is not empty: restore into a new data directory`);
  }
  const tarball = new Blob([
    new Uint8Array(await readFile(join(opts.backup, "pglite-data.tar.gz"))),
  ]);
  const client = await PGlite.create({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    loadDataDir: tarball,
  });
  await copyFiles(join(opts.backup, "files"), opts.filesDir);
  return client;
}

/** What differs between a restored database and files and the backup's manifest. */
export async function verifyRestore(
  db: Db,
  filesDir: string,
  manifest: BackupManifest,
): Promise<{ tables: string[]; files: string[] }> {
  return {
    tables: differingTables(manifest.tables, await tableChecksums(db)),
    files: differingFiles(manifest.files, await fileSums(filesDir)),
  };
}
