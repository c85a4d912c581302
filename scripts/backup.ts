// Back up Samspill: `node --import tsx scripts/backup.ts <directory>` (docs/operations.md,
// "Backing up and restoring").
// With DATABASE_URL: pg_dump of that database, while the app runs. Without: the embedded
// database in DATA_DIR (default ./data), which only one process may open — stop Samspill first.
// Either way the uploaded files in DATA_DIR/files are copied, and manifest.json records each
// table's row count and checksum and each file's SHA-256.
import { join } from "node:path";
import { backupPglite, backupPostgres } from "../src/db/backup";

const out = process.argv[2];
if (!out) {
  console.error("usage: node --import tsx scripts/backup.ts <directory>");
  process.exit(2);
}
const dataDir = process.env.DATA_DIR ?? "./data";
const filesDir = join(dataDir, "files");
const manifest = process.env.DATABASE_URL
  ? await backupPostgres({ url: process.env.DATABASE_URL, filesDir, out })
  : await backupPglite({ source: dataDir, filesDir, out });
const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
console.log(
  `backup (${manifest.kind}) in ${out}: ${Object.keys(manifest.tables).length} tables, ${rows} rows, ${Object.keys(manifest.files).length} files`,
);
