import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { dbImage, dbImageFresh } from "../../scripts/db-image.mjs";
import { type Db, openPostgres, wrapPglite } from "../../src/db/client";
import { seedDemo, seedDemoPeople, seedReference } from "../../src/db/seed";
import { diskFileStore, type FileStore } from "../../src/kernel/storage";
import { TEMPLATE_CLOCK, TEMPLATE_DATE, TEMPLATES, type Template } from "./templates";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplates: Record<Template, string>;
    /** The same templates as PGlite data directories, copied by test files (db.ts). */
    pgliteTemplateDirs: Record<Template, string>;
    postgresTemplates: Record<Template, string> | null;
    /** The file store the templates' demo files were written to (test apps read from it). */
    templateFiles: string;
    /** Where browser journeys take their slots (journey.ts). */
    browserSlots: string;
  }
}

/** Each template holds what the one before it holds, and more. */
async function fill(db: Db, template: Template, files: FileStore) {
  if (template === "reference") await seedReference(db, { today: TEMPLATE_DATE });
  if (template === "demo") await seedDemo(db, TEMPLATE_DATE, undefined, files);
  if (template === "people") await seedDemoPeople(db, TEMPLATE_CLOCK);
}

type Prepared = {
  templateFiles: string;
  browserSlots: string;
  pgliteTemplates: Record<Template, string>;
  pgliteTemplateDirs: Record<Template, string>;
  postgresTemplates: Record<Template, string> | null;
  teardown: () => Promise<void>;
};

/**
 * The run's templates, prepared once. Vitest calls the global setup for the root and for each
 * project (three calls, measured) in one process: later calls share the first's templates
 * instead of building them again, and the last teardown removes them.
 */
// Vitest loads this file anew for each project, so the shared state hangs on the process.
const shared = globalThis as typeof globalThis & {
  samspillTemplates?: { prepared?: Promise<Prepared>; users: number };
};
shared.samspillTemplates ??= { users: 0 };
const state = shared.samspillTemplates;

/**
 * Once per run: migrated databases as PGlite dumps and (when TEST_DATABASE_URL is set) as
 * PostgreSQL template databases, one per template — the reference data; the demo on top; the
 * demo people on top of that. Test files copy them, so no file seeds the demo itself.
 */
export default async function setup(project: TestProject) {
  state.users++;
  state.prepared ??= prepare();
  const run = await state.prepared;
  project.provide("templateFiles", run.templateFiles);
  project.provide("browserSlots", run.browserSlots);
  project.provide("pgliteTemplates", run.pgliteTemplates);
  project.provide("pgliteTemplateDirs", run.pgliteTemplateDirs);
  project.provide("postgresTemplates", run.postgresTemplates);
  return async () => {
    if (--state.users > 0) return;
    state.prepared = undefined;
    await run.teardown();
  };
}

async function prepare(): Promise<Prepared> {
  const dir = mkdtempSync(join(tmpdir(), "samspill-test-"));
  // The demo's files (documents on programme pages), written once for both databases' templates.
  const templateFiles = mkdtempSync(join(tmpdir(), "samspill-test-files-"));
  const browserSlots = mkdtempSync(join(tmpdir(), "samspill-test-slots-"));
  const store = diskFileStore(templateFiles);
  const url = process.env.TEST_DATABASE_URL;
  // The run owns its templates and the copies named after them (a run beside it on the same
  // server has another owner).
  const owner = `${process.pid}r${randomBytes(3).toString("hex")}`;
  // PGlite works in this process, PostgreSQL in its server: the two are made side by side. The
  // demo writes the same files to the store from both, byte for byte the same.
  const [{ files, dirs }, postgresTemplates] = await Promise.all([
    pgliteTemplates(dir, store),
    url ? postgresTemplatesOn(url, owner, store) : null,
  ]);
  return {
    templateFiles,
    browserSlots,
    pgliteTemplates: files,
    pgliteTemplateDirs: dirs,
    postgresTemplates,
    async teardown() {
      rmSync(dir, { recursive: true, force: true });
      rmSync(templateFiles, { recursive: true, force: true });
      rmSync(browserSlots, { recursive: true, force: true });
      if (url && postgresTemplates) {
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        const { rows } = await admin.query<{ datname: string }>(
          "select datname from pg_database where datname like $1",
          [`samspill_t_${owner}_%`],
        );
        for (const row of rows)
          await admin.query(`drop database if exists ${row.datname} with (force)`);
        for (const name of Object.values(postgresTemplates))
          await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
  };
}

/**
 * The templates as PGlite dumps, one tar file each in `dir`, and as data directories beside them.
 * A test file copies a directory and opens the copy: about half the CPU of unpacking the tar
 * into memory (0.9 s against 1.85 s, measured), and PGlite does not fsync.
 */
async function pgliteTemplates(
  dir: string,
  store: FileStore,
): Promise<{ files: Record<Template, string>; dirs: Record<Template, string> }> {
  // Made from `npm ci`'s image of the migrated empty database when it is there and current
  // (scripts/db-image.mjs): PGlite's initdb and every migration cost about 6 s of the setup.
  const client = dbImageFresh()
    ? await PGlite.create({ dataDir: copyOf(dbImage, join(dir, "build.pgdata")) })
    : await PGlite.create();
  const lite = wrapPglite(client);
  await lite.migrate();
  const files = {} as Record<Template, string>;
  const dirs = {} as Record<Template, string>;
  for (const template of TEMPLATES) {
    await fill(lite.db, template, store);
    await client.exec("checkpoint");
    const dump = await client.dumpDataDir("none");
    files[template] = join(dir, `${template}.tar`);
    writeFileSync(files[template], Buffer.from(await dump.arrayBuffer()));
    dirs[template] = join(dir, `${template}.pgdata`);
    const copy = await PGlite.create({ dataDir: dirs[template], loadDataDir: dump });
    await copy.close();
  }
  await client.close();
  return { files, dirs };
}

function copyOf(source: string, target: string): string {
  cpSync(source, target, { recursive: true });
  return target;
}

/** The templates as PostgreSQL template databases, each made from the one before it. */
async function postgresTemplatesOn(
  url: string,
  owner: string,
  store: FileStore,
): Promise<Record<Template, string>> {
  const names = {} as Record<Template, string>;
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
  return names;
}
