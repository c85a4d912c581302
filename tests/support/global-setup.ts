import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { type Db, openPostgres, wrapPglite } from "../../src/db/client";
import { seedDemo, seedDemoPeople, seedReference } from "../../src/db/seed";
import { diskFileStore, type FileStore } from "../../src/kernel/storage";
import { TEMPLATE_CLOCK, TEMPLATE_DATE, TEMPLATES, type Template } from "./templates";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplates: Record<Template, string>;
    postgresTemplates: Record<Template, string> | null;
    /** The file store the templates' demo files were written to (test apps read from it). */
    templateFiles: string;
  }
}

/** Each template holds what the one before it holds, and more. */
async function fill(db: Db, template: Template, files: FileStore) {
  if (template === "reference") await seedReference(db, { today: TEMPLATE_DATE });
  if (template === "demo") await seedDemo(db, TEMPLATE_DATE, undefined, files);
  if (template === "people") await seedDemoPeople(db, TEMPLATE_CLOCK);
}

/**
 * Once per run: migrated databases as PGlite dumps and (when TEST_DATABASE_URL is set) as
 * PostgreSQL template databases, one per template — the reference data; the demo on top; the
 * demo people on top of that. Test files copy them, so no file seeds the demo itself.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "samspill-test-"));
  // The demo's files (documents on programme pages) for every template, of both databases.
  // One directory per process, not per call: each project (unit, e2e) runs this setup, and the
  // PostgreSQL templates' names are per process, so the last call's templates are the ones
  // every project's tests copy, whichever call's files they name.
  const templateFiles = join(tmpdir(), `samspill-test-files-${process.pid}`);
  const store = diskFileStore(templateFiles);
  project.provide("templateFiles", templateFiles);
  const client = await PGlite.create();
  const lite = wrapPglite(client);
  await lite.migrate();
  const files = {} as Record<Template, string>;
  for (const template of TEMPLATES) {
    await fill(lite.db, template, store);
    const dump = await client.dumpDataDir("none");
    files[template] = join(dir, `${template}.tar`);
    writeFileSync(files[template], Buffer.from(await dump.arrayBuffer()));
  }
  await client.close();
  project.provide("pgliteTemplates", files);

  let names: Record<Template, string> | null = null;
  const url = process.env.TEST_DATABASE_URL;
  // Vitest runs this setup once per project, in one process: each run owns its templates (and
  // the copies named after them), or the second would replace the first's, whose demo files
  // are in another directory.
  const owner = `${process.pid}r${randomBytes(3).toString("hex")}`;
  if (url) {
    names = {} as Record<Template, string>;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    let previous: string | null = null;
    for (const template of TEMPLATES) {
      const name = `samspill_tpl_${owner}_${template}`;
      await admin.query(`drop database if exists ${name}`);
      await admin.query(
        previous ? `create database ${name} template ${previous}` : `create database ${name}`,
      );
      const target = new URL(url);
      target.pathname = `/${name}`;
      const db = await openPostgres(target.toString(), 2);
      if (!previous) await db.migrate();
      await fill(db.db, template, store);
      await db.close();
      names[template] = name;
      previous = name;
    }
    await admin.end();
  }
  project.provide("postgresTemplates", names);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(templateFiles, { recursive: true, force: true });
    if (url && names) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const { rows } = await admin.query<{ datname: string }>(
        "select datname from pg_database where datname like $1",
        [`samspill_t_${owner}_%`],
      );
      for (const row of rows)
        await admin.query(`drop database if exists ${row.datname} with (force)`);
      for (const name of Object.values(names))
        await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  };
}
