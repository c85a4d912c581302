import { and, eq, lt } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Clock } from "../../kernel/clock";
import { importRegister, type RegisterImportReport, type RegisterPage } from "./registers";
import { importRuns, type RegisterSource, registerImportDrafts } from "./schema";

/** How long an uploaded register file waits for its go-ahead. */
const DRAFT_HOURS = 24;

export type ImportDraft = {
  id: number;
  source: RegisterSource;
  origin: string;
  coverage: "register" | "partial";
  createdAt: Date;
};

/**
 * Keep an uploaded or downloaded listing until the importer has seen the preview and said go.
 * Drafts older than a day are cleared as new ones come.
 */
export async function saveImportDraft(
  db: Db,
  input: {
    source: RegisterSource;
    origin: string;
    coverage: "register" | "partial";
    pages: RegisterPage[];
    personId: number;
    now: Date;
  },
): Promise<number> {
  return db.transaction(async (tx) => {
    await tx
      .delete(registerImportDrafts)
      .where(
        lt(registerImportDrafts.createdAt, new Date(input.now.getTime() - DRAFT_HOURS * 3_600_000)),
      );
    const [row] = await tx
      .insert(registerImportDrafts)
      .values({
        source: input.source,
        origin: input.origin,
        coverage: input.coverage,
        pages: JSON.stringify(input.pages),
        createdBy: input.personId,
        createdAt: input.now,
      })
      .returning({ id: registerImportDrafts.id });
    return row!.id;
  });
}

async function ownDraft(db: Db, id: number, personId: number, now: Date) {
  const [row] = await db
    .select()
    .from(registerImportDrafts)
    .where(and(eq(registerImportDrafts.id, id), eq(registerImportDrafts.createdBy, personId)));
  if (!row || row.createdAt.getTime() < now.getTime() - DRAFT_HOURS * 3_600_000) return null;
  return row;
}

function draftOf(row: typeof registerImportDrafts.$inferSelect): ImportDraft {
  return {
    id: row.id,
    source: row.source,
    origin: row.origin,
    coverage: row.coverage,
    createdAt: row.createdAt,
  };
}

/**
 * What the draft would do to the registers as they are now; nothing is written. Null when the
 * draft is gone, too old, or someone else's.
 */
export async function previewImportDraft(
  db: Db,
  id: number,
  personId: number,
  clock: Clock,
): Promise<{ draft: ImportDraft; report: RegisterImportReport } | null> {
  const row = await ownDraft(db, id, personId, clock.now());
  if (!row) return null;
  const report = await importRegister(db, {
    source: row.source,
    pages: JSON.parse(row.pages) as RegisterPage[],
    origin: row.origin,
    coverage: row.coverage,
    clock,
    mode: "preview",
  });
  return { draft: draftOf(row), report };
}

/**
 * Import the draft. A mass closure needs `confirmMassClosure`; without it nothing is written and
 * the report says why. Once written, the draft is gone.
 */
export async function runImportDraft(
  db: Db,
  id: number,
  personId: number,
  opts: { clock: Clock; confirmMassClosure: boolean },
): Promise<{ draft: ImportDraft; report: RegisterImportReport } | null> {
  const row = await ownDraft(db, id, personId, opts.clock.now());
  if (!row) return null;
  const report = await importRegister(db, {
    source: row.source,
    pages: JSON.parse(row.pages) as RegisterPage[],
    origin: row.origin,
    coverage: row.coverage,
    clock: opts.clock,
    confirmMassClosure: opts.confirmMassClosure,
  });
  if (report.applied) {
    await db.delete(registerImportDrafts).where(eq(registerImportDrafts.id, id));
  }
  return { draft: draftOf(row), report };
}

export async function discardImportDraft(db: Db, id: number, personId: number): Promise<void> {
  await db
    .delete(registerImportDrafts)
    .where(and(eq(registerImportDrafts.id, id), eq(registerImportDrafts.createdBy, personId)));
}

/** A finished import run, as its report. */
export async function importRunReport(
  db: Db,
  runId: number,
): Promise<(RegisterImportReport & { origin: string; finishedAt: Date | null }) | null> {
  const [run] = await db.select().from(importRuns).where(eq(importRuns.id, runId));
  if (!run) return null;
  return {
    runId: run.id,
    applied: true,
    massClosure: null,
    source: run.source,
    coverage: run.coverage.startsWith("municipalities")
      ? "municipalities"
      : (run.coverage as "register" | "partial"),
    added: run.added,
    changed: run.changed,
    closed: run.closed,
    unchanged: run.unchanged,
    rejected: run.rejected,
    skipped: run.skipped,
    rejectedRows: run.rejectedRows,
    notes: run.notes,
    origin: run.origin,
    finishedAt: run.finishedAt,
  };
}
