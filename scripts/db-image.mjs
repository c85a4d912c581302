// The embedded database's image: a PGlite data directory just made, migrated and shut down, kept
// in dist/ (decision 0051). Making a data directory from nothing (PostgreSQL's initdb, compiled
// to WebAssembly) and migrating it takes 5–8 s; copying this one takes a tenth of a second. `npm ci`
// makes it (the `prepare` script), as it builds the server; a start on an empty data directory
// copies it, then migrates what is newer and seeds as before. The image records what it was
// made from: a start never uses one made by another PGlite or from other migrations.

import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { isFresh, writeStamp } from "./stamp.mjs";

export const dbImage = "dist/empty-db";
const stampFile = "dist/.db-image-inputs.json";
const migrations = "src/db/migrations";

const inputs = () => [
  "scripts/db-image.mjs",
  "scripts/stamp.mjs",
  "node_modules/@electric-sql/pglite/package.json",
  ...readdirSync(migrations, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith(".sql") || file.endsWith("_journal.json"))
    .map((file) => join(migrations, file)),
];

/** True when the image exists and was made from this PGlite and these migrations. */
export const dbImageFresh = () => isFresh(stampFile, [dbImage]);

/** Remove an image that no longer matches, so no start copies it. */
export function dropStaleDbImage() {
  if (existsSync(dbImage) && !dbImageFresh()) rmSync(dbImage, { recursive: true, force: true });
}

/**
 * Make the image unless it is fresh; true when it made one. `dir` puts it elsewhere, unstamped
 * (the tests).
 */
export async function makeDbImage({ force = false, dir = dbImage } = {}) {
  if (!force && dir === dbImage && dbImageFresh()) return false;
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  // Made beside, then renamed: a start never copies half an image.
  const part = `${dir}.part`;
  rmSync(part, { recursive: true, force: true });
  const client = await PGlite.create({ dataDir: part });
  try {
    await migrate(drizzle({ client }), { migrationsFolder: migrations });
  } finally {
    await client.close();
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(part, dir);
  if (dir === dbImage) writeStamp(stampFile, inputs());
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const t0 = performance.now();
  const made = await makeDbImage({ force: process.argv.includes("--force") });
  const seconds = ((performance.now() - t0) / 1000).toFixed(2);
  console.log(made ? `made ${dbImage} in ${seconds} s` : `${dbImage} up to date`);
}
