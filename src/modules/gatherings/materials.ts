import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Executor } from "../../db/client";
import { requiredText } from "../../kernel/field-rules";
import { type Outcome, refuse } from "../../kernel/result";
import {
  checkFile,
  FILE_KINDS,
  type FileKind,
  type FileStore,
  safeFileName,
  sha256Hex,
} from "../../kernel/storage";
import { recordAudit } from "../identity";
import { type Actor, gatheringById } from "./gatherings";
import { gatheringMaterials } from "./schema";

/** What a material may be, and its limits: shared by the form (accept) and the check. */
export const materialLimits = {
  title: 200,
  bytes: 20 * 1024 * 1024,
  types: ["pdf", "docx", "odt", "xlsx", "png", "jpg"] as FileKind[],
};

export const materialForm = z.object({
  titleNb: requiredText(materialLimits.title),
  titleNn: requiredText(materialLimits.title),
});

export type Material = typeof gatheringMaterials.$inferSelect;

/** The gathering's materials, in the order they were added. */
export async function materialsOf(db: Executor, gatheringId: number): Promise<Material[]> {
  return db
    .select()
    .from(gatheringMaterials)
    .where(eq(gatheringMaterials.gatheringId, gatheringId))
    .orderBy(asc(gatheringMaterials.addedAt), asc(gatheringMaterials.id));
}

/** One material of the gathering, or null (another gathering's is none of this one's). */
export async function materialOf(db: Executor, gatheringId: number, id: number) {
  const [row] = await db
    .select()
    .from(gatheringMaterials)
    .where(and(eq(gatheringMaterials.gatheringId, gatheringId), eq(gatheringMaterials.id, id)));
  return row ?? null;
}

/**
 * Add a material (organiser's act): the titles and the file checked (the type by its bytes),
 * the bytes put in the file store, the row and the audit row in one transaction; the bytes are
 * deleted again if the transaction does not commit.
 */
export async function addMaterial(
  db: Db,
  files: FileStore,
  input: {
    gatheringId: number;
    titleNb: string;
    titleNn: string;
    upload: { name: string; bytes: Uint8Array } | null;
  },
  actor: Actor,
): Promise<Outcome<{ materialId: number }>> {
  const checked = checkFile(input.upload?.bytes ?? null, materialLimits);
  if (checked.error) return { ok: false, errors: { file: checked.error } };
  const g = await gatheringById(db, input.gatheringId);
  if (!g) return refuse("gathering", "notFound");
  const bytes = input.upload!.bytes;
  const key = await files.put(bytes);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(gatheringMaterials)
        .values({
          gatheringId: g.id,
          titleNb: input.titleNb,
          titleNn: input.titleNn,
          storageKey: key,
          fileName: safeFileName(input.upload!.name, checked.kind, "materiell"),
          type: FILE_KINDS[checked.kind].mime,
          bytes: bytes.length,
          sha256: sha256Hex(bytes),
          addedAt: actor.now,
          addedBy: actor.personId,
        })
        .returning({ id: gatheringMaterials.id });
      await recordAudit(tx, {
        at: actor.now,
        actorId: actor.personId,
        action: "gathering.material.add",
        entityType: "gathering",
        entityId: String(g.id),
        after: { materialId: row!.id, title: input.titleNb },
      });
      return { ok: true as const, materialId: row!.id };
    });
  } catch (error) {
    await files.delete(key);
    throw error;
  }
}

/** Remove a material (organiser's act): the row and its audit row, then the bytes. */
export async function removeMaterial(
  db: Db,
  files: FileStore,
  gatheringId: number,
  materialId: number,
  actor: Actor,
): Promise<boolean> {
  const removed = await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(gatheringMaterials)
      .where(
        and(eq(gatheringMaterials.gatheringId, gatheringId), eq(gatheringMaterials.id, materialId)),
      )
      .returning();
    if (!row) return null;
    await recordAudit(tx, {
      at: actor.now,
      actorId: actor.personId,
      action: "gathering.material.remove",
      entityType: "gathering",
      entityId: String(gatheringId),
      before: { materialId: row.id, title: row.titleNb },
    });
    return row;
  });
  if (!removed) return false;
  await files.delete(removed.storageKey);
  return true;
}
