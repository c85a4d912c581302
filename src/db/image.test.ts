import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { makeDbImage } from "../../scripts/db-image.mjs";
import { migrationsFolder, openPglite } from "./client";

/**
 * The embedded database's image (decision 0051): a new data directory is copied from it, then
 * opened as any other; a data directory that exists is never overwritten by it.
 */
describe("the embedded database's image", () => {
  const root = mkdtempSync(join(tmpdir(), "samspill-image-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const migrations = (
    JSON.parse(readFileSync(join(migrationsFolder, "meta/_journal.json"), "utf8")) as {
      entries: unknown[];
    }
  ).entries.length;

  it("gives a new data directory every migration, and leaves one that exists alone", async () => {
    const image = join(root, "image");
    await makeDbImage({ dir: image });
    const dataDir = join(root, "data");
    const first = await openPglite(dataDir, { image });
    const applied = await first.db.execute(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect((applied as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(migrations);
    await first.migrate(); // nothing left to do, and no error
    await first.db.execute(sql`create table kept (n int)`);
    await first.db.execute(sql`insert into kept values (42)`);
    await first.close();

    const again = await openPglite(dataDir, { image });
    const kept = await again.db.execute(sql`select n from kept`);
    expect((kept as unknown as { rows: unknown[] }).rows).toEqual([{ n: 42 }]);
    await again.close();
  }, 240_000); // PGlite's initdb and every migration, once: 5–8 s alone, far more on a busy machine
});
