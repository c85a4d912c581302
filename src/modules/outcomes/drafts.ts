import { and, eq, lt } from "drizzle-orm";
import type { Db } from "../../db/client";
import { outcomeImportDrafts } from "./schema";

/** How long an uploaded file waits for its importer's go-ahead. */
const DRAFT_HOURS = 24;
const old = (now: Date) => new Date(now.getTime() - DRAFT_HOURS * 3_600_000);

/** Keep an uploaded file until its importer has seen the preview; older drafts are cleared. */
export async function saveOutcomeDraft(
  db: Db,
  input: { programmeId: number; fileName: string; content: string; personId: number; now: Date },
): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.delete(outcomeImportDrafts).where(lt(outcomeImportDrafts.createdAt, old(input.now)));
    const [row] = await tx
      .insert(outcomeImportDrafts)
      .values({
        programmeId: input.programmeId,
        fileName: input.fileName,
        content: input.content,
        createdBy: input.personId,
        createdAt: input.now,
      })
      .returning({ id: outcomeImportDrafts.id });
    return row!.id;
  });
}

/** The person's own draft for the programme, not older than a day; null otherwise. */
export async function ownOutcomeDraft(
  db: Db,
  id: number,
  programmeId: number,
  personId: number,
  now: Date,
) {
  const [row] = await db
    .select()
    .from(outcomeImportDrafts)
    .where(
      and(
        eq(outcomeImportDrafts.id, id),
        eq(outcomeImportDrafts.programmeId, programmeId),
        eq(outcomeImportDrafts.createdBy, personId),
      ),
    );
  if (!row || row.createdAt < old(now)) return null;
  return row;
}

export async function deleteOutcomeDraft(db: Db, id: number): Promise<void> {
  await db.delete(outcomeImportDrafts).where(eq(outcomeImportDrafts.id, id));
}
