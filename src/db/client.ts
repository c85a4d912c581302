import { cpSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { schema } from "./schema";

export type Schema = typeof schema;
/** The one database type the modules see: PGlite and node-postgres share it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction on it, as `db.transaction()` hands one to its callback. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either: a read or a write that may run inside a caller's transaction or on its own. */
export type Executor = Db | Tx;

export type Database = {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
  migrate(): Promise<void>;
  /**
   * Run `work` while no other instance runs startup work: on PostgreSQL under the same advisory
   * lock as migrations (the second instance waits, then finds the work done); PGlite is one
   * process and simply runs it.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** The PostgreSQL pool's connections, for the metrics (none on PGlite). */
  pool?: () => { total: number; idle: number; waiting: number; max: number };
};

export const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/** Any value; the same for every instance, so only one of them migrates at a time. */
const MIGRATION_LOCK = 72_616_001;

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server closes (restart, failover) must not crash the process;
  // the pool opens a new one on the next query.
  pool.on("error", (error) => console.error(`postgres pool: ${error.message}`));
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    close: () => pool.end(),
    async migrate() {
      // Two instances starting at once: the second waits for the first, then finds nothing to do.
      await locked((client) => migratePg(drizzlePg({ client, schema }), { migrationsFolder }));
    },
    exclusive: (work) => locked(() => work()),
    pool: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: poolSize,
    }),
  };

  /** Hold the startup lock on one connection of the pool while `work` runs. */
  async function locked<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
      return await work(client);
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
      client.release();
    }
  }
}

export function wrapPglite(client: PGlite): Database {
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    close: () => client.close(),
    async migrate() {
      await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder });
    },
    exclusive: (work) => work(),
  };
}

/**
 * A new 16 MB WAL segment is not written full of zeros before use: in memory (no data dir) that
 * file grows and is copied step by step, a second of a 100,000-row import (decision 0048); and
 * PGlite does not fsync, so the zeros never reserved anything on disk either.
 */
async function withoutWalZeros(client: PGlite): Promise<PGlite> {
  await client.exec("set wal_init_zero = off");
  return client;
}

/** Where `npm ci` leaves the embedded database's image (scripts/db-image.mjs). */
export const dbImage = fileURLToPath(new URL("../../dist/empty-db", import.meta.url));

/**
 * The embedded database in `dataDir` (in memory without one). A new data directory is copied
 * from `image` when there is one (scripts/db-image.mjs, decision 0051): a data directory
 * already made, migrated and shut down, copied in a tenth of a second instead of PostgreSQL's
 * initdb and every migration.
 */
export async function openPglite(
  dataDir: string | undefined,
  opts: { image?: string | undefined } = {},
): Promise<Database> {
  if (!dataDir) return wrapPglite(await withoutWalZeros(await PGlite.create()));
  mkdirSync(dataDir, { recursive: true });
  if (opts.image && !existsSync(join(dataDir, "PG_VERSION")) && existsSync(opts.image)) {
    cpSync(opts.image, dataDir, { recursive: true });
  }
  return wrapPglite(await withoutWalZeros(await PGlite.create({ dataDir })));
}

export async function openDatabase(opts: {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  poolSize?: number;
  /** The embedded database's image for a new data directory (`openPglite`). */
  image?: string | undefined;
}): Promise<Database> {
  return opts.databaseUrl
    ? openPostgres(opts.databaseUrl, opts.poolSize)
    : openPglite(opts.dataDir, { image: opts.image });
}
