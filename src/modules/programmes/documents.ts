import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { z } from "zod";
import type { Db, Executor, Tx } from "../../db/client";
import { optionalText, requiredText } from "../../kernel/field-rules";
import { type Outcome, refuse } from "../../kernel/result";
import {
  checkFile,
  FILE_KINDS,
  type FileKind,
  type FileStore,
  safeFileName,
  sha256Hex,
  sniffFileKind,
} from "../../kernel/storage";
import type { Lang } from "../../web/i18n";
import { getPerson, recordAudit } from "../identity";
import { programmeDocuments, programmeDocumentVersions, programmes } from "./schema";

/**
 * Documents on a programme's page: uploaded by its admin with a title per language, listed on
 * the public page with their type and size, versioned with the page. Each change to the list
 * saves its next version; publishing the page publishes the newest list with the texts.
 */

/** What a document may be, and its limits: shared by the form (accept, maxlength) and the check. */
export const documentLimits = {
  title: 200,
  bytes: 20 * 1024 * 1024,
  types: ["pdf", "docx", "odt", "xlsx"] as FileKind[],
};

export const documentForm = z.object({
  titleNb: requiredText(documentLimits.title),
  titleNn: requiredText(documentLimits.title),
  titleEn: optionalText(documentLimits.title),
});
export type DocumentTitles = z.output<typeof documentForm>;
export const documentFields = ["titleNb", "titleNn", "titleEn", "file"] as const;

export type ProgrammeDocument = typeof programmeDocuments.$inferSelect;

/** A document's title in a language; English falls back to bokmål. */
export function documentTitle(doc: ProgrammeDocument, lang: Lang): { text: string; lang: Lang } {
  if (lang === "nn") return { text: doc.titleNn, lang };
  if (lang === "en" && doc.titleEn) return { text: doc.titleEn, lang };
  return { text: doc.titleNb, lang: "nb" };
}

type Actor = { personId: number | null; now: Date };

/** The programme row, locked: one change to its page at a time. */
async function lockProgramme(tx: Tx, programmeId: number) {
  const [row] = await tx
    .select()
    .from(programmes)
    .where(eq(programmes.id, programmeId))
    .for("update");
  return row;
}

/** The newest version of a programme's document list (the draft), or undefined. */
async function newestVersion(db: Executor, programmeId: number) {
  const [row] = await db
    .select()
    .from(programmeDocumentVersions)
    .where(eq(programmeDocumentVersions.programmeId, programmeId))
    .orderBy(desc(programmeDocumentVersions.id))
    .limit(1);
  return row;
}

/** The version of the list the public page shows: the one published last, or undefined. */
async function publishedVersion(db: Executor, programmeId: number) {
  const [row] = await db
    .select()
    .from(programmeDocumentVersions)
    .where(
      and(
        eq(programmeDocumentVersions.programmeId, programmeId),
        isNotNull(programmeDocumentVersions.publishedAt),
      ),
    )
    .orderBy(desc(programmeDocumentVersions.id))
    .limit(1);
  return row;
}

/** The documents of these ids, in this order (ids of other programmes are left out). */
async function documentsIn(db: Executor, programmeId: number, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(programmeDocuments)
    .where(
      and(eq(programmeDocuments.programmeId, programmeId), inArray(programmeDocuments.id, ids)),
    );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}

/** Save the next version of the list. */
async function saveList(tx: Tx, programmeId: number, documentIds: number[], actor: Actor) {
  await tx.insert(programmeDocumentVersions).values({
    programmeId,
    documentIds,
    createdAt: actor.now,
    createdBy: actor.personId,
  });
}

/**
 * Add a document to the draft of a programme's page: the titles and the file are checked (the
 * type by the file's bytes), the bytes put in the file store, and the next version of the list
 * saved with the document last. Nothing is public until the page is published.
 */
export async function addProgrammeDocument(
  db: Db,
  files: FileStore,
  input: {
    programmeId: number;
    titles: DocumentTitles;
    upload: { name: string; bytes: Uint8Array } | null;
  },
  actor: Actor,
): Promise<Outcome<{ documentId: number }>> {
  const checked = checkFile(input.upload?.bytes ?? null, documentLimits);
  if (checked.error) return { ok: false, errors: { file: checked.error } };
  const bytes = input.upload!.bytes;
  const key = await files.put(bytes);
  try {
    const outcome = await db.transaction(async (tx) => {
      const programme = await lockProgramme(tx, input.programmeId);
      if (!programme) return refuse("programme", "notFound");
      const [doc] = await tx
        .insert(programmeDocuments)
        .values({
          programmeId: programme.id,
          ...input.titles,
          storageKey: key,
          fileName: safeFileName(input.upload!.name, checked.kind, "dokument"),
          type: FILE_KINDS[checked.kind].mime,
          bytes: bytes.length,
          sha256: sha256Hex(bytes),
          addedAt: actor.now,
          addedBy: actor.personId,
        })
        .returning({ id: programmeDocuments.id });
      const newest = await newestVersion(tx, programme.id);
      await saveList(tx, programme.id, [...(newest?.documentIds ?? []), doc!.id], actor);
      await recordAudit(tx, {
        actorId: actor.personId,
        action: "programme.document.add",
        entityType: "programme",
        entityId: programme.slug,
        after: { documentId: doc!.id, title: input.titles.titleNb },
        at: actor.now,
      });
      return { ok: true as const, documentId: doc!.id };
    });
    if (!outcome.ok) await files.delete(key);
    return outcome;
  } catch (error) {
    await files.delete(key);
    throw error;
  }
}

/**
 * Take a document off the draft of a programme's page (the next version of the list without
 * it). The document and its file stay: the published page and earlier versions still list it.
 * False when the draft does not list it.
 */
export async function removeProgrammeDocument(
  db: Db,
  programmeId: number,
  documentId: number,
  actor: Actor,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const programme = await lockProgramme(tx, programmeId);
    const newest = programme ? await newestVersion(tx, programme.id) : undefined;
    if (!programme || !newest?.documentIds.includes(documentId)) return false;
    await saveList(
      tx,
      programme.id,
      newest.documentIds.filter((id) => id !== documentId),
      actor,
    );
    await recordAudit(tx, {
      actorId: actor.personId,
      action: "programme.document.remove",
      entityType: "programme",
      entityId: programme.slug,
      before: { documentId },
      at: actor.now,
    });
    return true;
  });
}

/**
 * Publishing the page publishes its newest list (called in `publishProgramme`'s transaction).
 * Returns the version published, if the programme has any list.
 */
export async function publishDocuments(tx: Tx, programmeId: number, now: Date) {
  const newest = await newestVersion(tx, programmeId);
  if (!newest) return null;
  if (newest.publishedAt === null) {
    await tx
      .update(programmeDocumentVersions)
      .set({ publishedAt: now })
      .where(eq(programmeDocumentVersions.id, newest.id));
  }
  return newest.id;
}

/** Whether the draft's list differs from the published one (for "changes not published"). */
export async function documentsUnpublished(db: Executor, programmeId: number) {
  const newest = await newestVersion(db, programmeId);
  return newest !== undefined && newest.publishedAt === null;
}

/** The documents the public page lists: those of the list published last. */
export async function publishedDocuments(db: Db, programmeId: number) {
  const version = await publishedVersion(db, programmeId);
  return version ? documentsIn(db, programmeId, version.documentIds) : [];
}

/** A document the public page lists, with its bytes; null for any other. */
export async function publishedDocument(
  db: Db,
  files: FileStore,
  programmeId: number,
  documentId: number,
) {
  const version = await publishedVersion(db, programmeId);
  if (!version?.documentIds.includes(documentId)) return null;
  return withBytes(db, files, programmeId, documentId);
}

/** Any document of the programme, as listed by any version, with its bytes (its editors). */
export async function programmeDocument(
  db: Db,
  files: FileStore,
  programmeId: number,
  documentId: number,
) {
  return withBytes(db, files, programmeId, documentId);
}

async function withBytes(db: Db, files: FileStore, programmeId: number, documentId: number) {
  const [doc] = await documentsIn(db, programmeId, [documentId]);
  if (!doc) return null;
  const bytes = await files.get(doc.storageKey);
  return bytes ? { name: doc.fileName, type: doc.type, bytes } : null;
}

export type DocumentListVersion = {
  id: number;
  /** Its place among the programme's lists: 1 is the first. */
  number: number;
  createdAt: Date;
  authorName: string | null;
  /** Published, and the list the public page shows now. */
  live: boolean;
  publishedAt: Date | null;
  documents: ProgrammeDocument[];
};

/**
 * Every version of a programme's document list, newest first, with its documents: the first
 * is the draft the editor changes, and old ones keep their documents downloadable.
 */
export async function documentListVersions(
  db: Db,
  programmeId: number,
): Promise<DocumentListVersion[]> {
  const rows = await db
    .select()
    .from(programmeDocumentVersions)
    .where(eq(programmeDocumentVersions.programmeId, programmeId))
    .orderBy(desc(programmeDocumentVersions.id));
  const docs = await documentsIn(db, programmeId, [...new Set(rows.flatMap((r) => r.documentIds))]);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const live = rows.find((r) => r.publishedAt !== null)?.id;
  const names = new Map<number, string | null>();
  for (const id of new Set(rows.flatMap((r) => (r.createdBy === null ? [] : [r.createdBy])))) {
    names.set(id, (await getPerson(db, id))?.name ?? null);
  }
  return rows.map((r, i) => ({
    id: r.id,
    number: rows.length - i,
    createdAt: r.createdAt,
    authorName: r.createdBy === null ? null : (names.get(r.createdBy) ?? null),
    live: r.id === live,
    publishedAt: r.publishedAt,
    documents: r.documentIds.flatMap((id) => {
      const doc = byId.get(id);
      return doc ? [doc] : [];
    }),
  }));
}

/**
 * A document written by the demo (development and tests): its file stored, and the list of
 * the programme's page, with it, published as the seed's texts are.
 */
export async function seedProgrammeDocument(
  db: Db,
  files: FileStore,
  input: { programmeId: number; titles: DocumentTitles; fileName: string; bytes: Uint8Array },
  now: Date,
) {
  const kind = sniffFileKind(input.bytes);
  if (!kind) throw new Error("a demo document must be one of the allowed types");
  const key = await files.put(input.bytes);
  await db.transaction(async (tx) => {
    const [doc] = await tx
      .insert(programmeDocuments)
      .values({
        programmeId: input.programmeId,
        ...input.titles,
        storageKey: key,
        fileName: safeFileName(input.fileName, kind, "dokument"),
        type: FILE_KINDS[kind].mime,
        bytes: input.bytes.length,
        sha256: sha256Hex(input.bytes),
        addedAt: now,
      })
      .returning({ id: programmeDocuments.id });
    const newest = await newestVersion(tx, input.programmeId);
    await tx.insert(programmeDocumentVersions).values({
      programmeId: input.programmeId,
      documentIds: [...(newest?.documentIds ?? []), doc!.id],
      createdAt: now,
      publishedAt: now,
    });
  });
}
