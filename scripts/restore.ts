// Restore a backup of Samspill: `node --import tsx scripts/restore.ts <backup directory>`
// (docs/operations.md, "Backing up and restoring"). With DATABASE_URL: pg_restore into that
// database, which must be new and empty (createdb first). Without: into DATA_DIR (default
// ./data), which must not exist or be empty. Then the files, and a check of every table's row count and checksum and every
// file's SHA-256 against the backup's manifest; exit code 1 when anything differs.
import { join } from "node:path";
import { readManifest, restorePglite, restorePostgres, verifyRestore } from "../src/db/backup";
import { type Database, openPostgres, wrapPglite } from "../src/db/client";

const backup = process.argv[2];
if (!backup) {
  console.error("usage: node --import tsx scripts/restore.ts <backup directory>");
  process.exit(2);
}
const dataDir = process.env.DATA_DIR ?? "./data";
const filesDir = join(dataDir, "files");
const manifest = await readManifest(backup);
const url = process.env.DATABASE_URL;
if ((manifest.kind === "postgres") !== Boolean(url)) {
  console.error(
    `the backup is of ${manifest.kind === "postgres" ? "PostgreSQL: set DATABASE_URL" : "the embedded database: unset DATABASE_URL and set DATA_DIR"}`,
  );
  process.exit(2);
}
let database: Database;
if (url) {
  await restorePostgres({ backup, url, filesDir });
  database = await openPostgres(url, 1);
} else {
  database = wrapPglite(await restorePglite({ backup, dataDir, filesDir }));
}
const differs = await verifyRestore(database.db, filesDir, manifest);
await database.close();
if (differs.tables.length + differs.files.length > 0) {
  console.error(
    `restored, but differs from the backup: tables ${differs.tables.join(", ") || "none"}; files ${differs.files.join(", ") || "none"}`,
  );
  process.exit(1);
}
console.log(
  `restored ${Object.keys(manifest.tables).length} tables and ${Object.keys(manifest.files).length} files from ${backup} (taken ${manifest.takenAt}); every checksum matches`,
);
