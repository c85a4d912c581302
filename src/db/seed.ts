import { createHash } from "node:crypto";
import { eq, gt, max, sql } from "drizzle-orm";
import { osloToday } from "../kernel/clock";
import type { DemoSeed } from "../kernel/manifest";
import { appSettings, jobs } from "../kernel/schema";
import { type FileStore, temporaryFileStore } from "../kernel/storage";
import { appModules } from "../modules";
import {
  fetchKlass,
  importCountyOffices,
  importKlass,
  readCountyOfficesFile,
  readKlassSnapshot,
} from "../modules/organisations";
import type { Database, Db } from "./client";

/**
 * Reference data every installation needs: counties, municipalities and county offices.
 * From the Klass API when KLASS_URL is set, otherwise from the snapshot shipped in the repo.
 */
export async function seedReference(
  db: Db,
  opts: { klassUrl?: string | undefined; today: string },
): Promise<ReferenceReport> {
  const snapshot = opts.klassUrl
    ? await fetchKlass(opts.klassUrl, "2017-01-01", opts.today)
    : await readKlassSnapshot();
  const officesFile = await readCountyOfficesFile();
  // The import is an upsert of the same rows every start: skip it when exactly these inputs
  // were imported last time (and the tables still hold them).
  const hash = createHash("sha256")
    .update(JSON.stringify({ version: REFERENCE_IMPORT_VERSION, snapshot, officesFile }))
    .digest("hex");
  const [stored] = await db
    .select({ value: appSettings.value })
    .from(appSettings)
    .where(eq(appSettings.key, REFERENCE_SETTING));
  const last = stored
    ? (JSON.parse(stored.value) as { hash: string; report: ReferenceReport })
    : null;
  if (last?.hash === hash && (await referenceStillThere(db, last.report))) {
    return { ...last.report, skipped: true };
  }
  const report = await importKlass(db, snapshot);
  const offices = await importCountyOffices(db, officesFile);
  const result = { ...report, offices };
  const value = JSON.stringify({ hash, report: result });
  await db
    .insert(appSettings)
    .values({ key: REFERENCE_SETTING, value })
    .onConflictDoUpdate({ target: appSettings.key, set: { value } });
  return { ...result, skipped: false };
}

type ReferenceReport = {
  counties: number;
  municipalities: number;
  changes: number;
  offices: number;
  skipped?: boolean;
};

/** Where the last reference import's input hash is kept (app_settings). */
const REFERENCE_SETTING = "reference-data";
/** Raise when the importers change what they write from the same input: forces a re-import. */
const REFERENCE_IMPORT_VERSION = 1;

/** At least as many counties and municipality periods as the last import wrote. */
async function referenceStillThere(db: Db, report: ReferenceReport) {
  const result = await db.execute(
    sql`select (select count(*) from counties)::int as counties,
               (select count(*) from municipalities)::int as municipalities`,
  );
  const row = (result as unknown as { rows: { counties: number; municipalities: number }[] })
    .rows[0];
  return (
    Number(row?.counties) >= report.counties && Number(row?.municipalities) >= report.municipalities
  );
}

/**
 * What every start does before serving: reference data, and with `demo` the demo programmes and
 * people. Under the startup lock, so instances starting together on an empty database do not
 * both find it empty and collide on a duplicate key.
 */
export async function seedAtStart(
  database: Database,
  opts: {
    klassUrl?: string | undefined;
    now: Date;
    demo: boolean;
    /** Base of links in the demo's queued mail (`Config.linkBase`). */
    linkBase: string;
    /** Where the demo's files go: the app's file store. */
    files: FileStore;
  },
) {
  return database.exclusive(async () => {
    const today = osloToday(opts.now);
    // Milliseconds per step, for the start-up log line.
    const timings: Record<string, number> = {};
    let t0 = performance.now();
    const took = (name: string) => {
      const now = performance.now();
      timings[name] = now - t0;
      t0 = now;
    };
    const reference = await seedReference(database.db, { klassUrl: opts.klassUrl, today });
    took("reference");
    let demoLoaded = false;
    if (opts.demo) {
      demoLoaded = await seedDemo(database.db, today, opts.linkBase, opts.files);
      took("demo");
      await seedDemoPeople(database.db, opts.now);
      took("people");
    }
    return { reference, demoLoaded, timings };
  });
}

/** The manifests' demo steps, in their order. */
function demoSteps(): DemoSeed[] {
  return appModules()
    .flatMap((m) => (m.demo ? [m.demo] : []))
    .sort((a, b) => a.order - b.order);
}

/**
 * Every module's demo data (programmes, cohorts and their chain, kindergartens, schools and
 * PP-tjenester, …), each module's step in its manifest's order; the data only when no module's
 * is there yet. Returns whether it wrote the data.
 */
export async function seedDemo(
  db: Db,
  today: string = osloToday(new Date()),
  baseUrl = "http://localhost:3000",
  /** The demo's files (documents on programme pages); a temporary store's are gone at exit. */
  files: FileStore = temporaryFileStore(),
): Promise<boolean> {
  const steps = demoSteps();
  const context = { today, baseUrl, files };
  // One transaction: a start stopped half-way leaves no half demo (which the next start would
  // take for a whole one), and one commit instead of hundreds is about a tenth faster. The
  // steps' own transactions become savepoints in it.
  return db.transaction(async (tx) => {
    const all = tx as unknown as Db;
    for (const step of steps) await step.everyStart?.(all, context);
    for (const step of steps) if (await step.seeded?.(all)) return false;
    // The jobs queued before it (by id: in a transaction the database's clock stands still).
    const [before] = await all.select({ id: max(jobs.id) }).from(jobs);
    for (const step of steps) await step.seed?.(all, context);
    // The demo writes history: the mail its acts queued was "sent" back then, so none goes now.
    await all.delete(jobs).where(gt(jobs.id, before?.id ?? 0));
    return true;
  });
}

/** The demo people with their roles and sign-in identities; skips those that exist. */
export async function seedDemoPeople(db: Db, now: Date): Promise<void> {
  for (const step of demoSteps()) await step.people?.(db, now);
}
