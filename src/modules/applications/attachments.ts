import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import type { FieldError } from "../../kernel/forms";
import { type Outcome, refuse } from "../../kernel/result";
import {
  checkFile,
  FILE_KINDS,
  type FileKind,
  type FileStore,
  safeFileName,
  sha256Hex,
} from "../../kernel/storage";
import { type Answer, fieldName, isEmpty, type StoredFile } from "./answers";
import { type Application, type Conflict, fingerprint } from "./drafts";
import { type Question, questionsOf } from "./form-definition";
import { type Actor, formDefinitionOf } from "./forms";
import { applicationAnswers, applicationFiles, applications } from "./schema";

/**
 * Files on attachment questions: uploaded to a draft (checked for size and for type by their
 * bytes), replaced, removed, and read back for those who may read the application. The bytes
 * go to the file store; the row in `application_files` and the answer say what they are.
 */

export type AttachmentQuestion = Extract<Question, { kind: "attachment" }>;

/** An uploaded file's id, as its address holds it (16 random bytes, base64url). */
export const FILE_ID = "[A-Za-z0-9_-]{22}";

/** An upload as the form sent it: the name the uploader's computer gave it, and its bytes. */
export type Upload = { name: string; bytes: Uint8Array };

/** Why a file cannot be an attachment question's answer (empty, too large, not its type), or its kind. */
export function checkUpload(
  q: AttachmentQuestion,
  bytes: Uint8Array,
): { error: FieldError; kind?: never } | { kind: FileKind; error?: never } {
  return checkFile(bytes, { bytes: q.maxBytes, types: q.types });
}

/** The attachment question of a form version, or undefined. */
export function attachmentQuestion(
  def: Parameters<typeof questionsOf>[0],
  questionId: string,
): AttachmentQuestion | undefined {
  const q = questionsOf(def).find((x) => x.id === questionId);
  return q?.kind === "attachment" ? q : undefined;
}

type FileAct = Outcome<{ file: StoredFile | null; conflict: Conflict | null; version: number }>;

/** The draft, locked, and its stored answer to the question (or a refusal). */
async function lockDraft(tx: Tx, applicationId: number, questionId: string) {
  const [app] = await tx
    .select()
    .from(applications)
    .where(eq(applications.id, applicationId))
    .for("update");
  if (!app) return { refusal: refuse("application", "notFound") };
  if (app.state !== "draft") {
    return { refusal: refuse("application", "notDraft", { state: app.state }) };
  }
  const [stored] = await tx
    .select()
    .from(applicationAnswers)
    .where(
      and(
        eq(applicationAnswers.applicationId, app.id),
        eq(applicationAnswers.questionId, questionId),
      ),
    );
  return { app, stored };
}

/**
 * Someone else's file, stored since the page was drawn (`seen` is the fingerprint the page
 * showed): like a typed answer, it is kept, and both are told. Nothing stored is never a conflict.
 */
function conflictWith(
  stored: typeof applicationAnswers.$inferSelect | undefined,
  seen: string | undefined,
  questionId: string,
  yours: Answer,
): Conflict | null {
  if (!stored || isEmpty(stored.value) || seen === fingerprint(stored.value)) return null;
  return {
    questionId,
    theirs: stored.value,
    yours,
    savedBy: stored.savedBy,
    savedAt: stored.savedAt,
  };
}

/** Write the question's answer at the application's next version, and raise the version. */
async function writeAnswer(
  tx: Tx,
  app: Application,
  questionId: string,
  value: Answer,
  actor: Actor,
) {
  const version = app.version + 1;
  const row = { value, savedAtVersion: version, savedAt: actor.now, savedBy: actor.personId };
  await tx
    .insert(applicationAnswers)
    .values({ applicationId: app.id, questionId, ...row })
    .onConflictDoUpdate({
      target: [applicationAnswers.applicationId, applicationAnswers.questionId],
      set: row,
    });
  await tx
    .update(applications)
    .set({ version: sql`${applications.version} + 1` })
    .where(eq(applications.id, app.id));
  return version;
}

/** Forget a draft's file: its row here (in the transaction), and the key of its bytes. */
async function dropFile(tx: Tx, applicationId: number, previous: Answer | undefined) {
  if (previous?.kind !== "file" || !previous.file) return null;
  const [row] = await tx
    .delete(applicationFiles)
    .where(
      and(
        eq(applicationFiles.id, previous.file.fileId),
        eq(applicationFiles.applicationId, applicationId),
      ),
    )
    .returning({ storageKey: applicationFiles.storageKey });
  return row?.storageKey ?? null;
}

/**
 * Upload a file as a draft's answer to an attachment question, replacing the file there. The
 * bytes are checked before anything is stored; they are put in the file store before the
 * transaction and taken out again if it does not keep them. A replaced file is deleted.
 */
export async function attachFile(
  db: Db,
  files: FileStore,
  input: { applicationId: number; questionId: string; upload: Upload; seen: string | undefined },
  actor: Actor,
): Promise<FileAct> {
  const [found] = await db
    .select({ formId: applications.formId, state: applications.state })
    .from(applications)
    .where(eq(applications.id, input.applicationId));
  if (!found) return refuse("application", "notFound");
  if (found.state !== "draft") return refuse("application", "notDraft", { state: found.state });
  const q = attachmentQuestion(await formDefinitionOf(db, found.formId), input.questionId);
  if (!q) return refuse("question", "notFound");
  const checked = checkUpload(q, input.upload.bytes);
  if (checked.error) return { ok: false, errors: { [fieldName(q)]: checked.error } };
  const file: StoredFile = {
    fileId: randomBytes(16).toString("base64url"),
    name: safeFileName(input.upload.name, checked.kind),
    type: FILE_KINDS[checked.kind].mime,
    bytes: input.upload.bytes.length,
    sha256: sha256Hex(input.upload.bytes),
  };
  const key = await files.put(input.upload.bytes);
  let replaced: string | null = null;
  let outcome: FileAct;
  try {
    outcome = await db.transaction(async (tx): Promise<FileAct> => {
      const locked = await lockDraft(tx, input.applicationId, q.id);
      if (locked.refusal) return locked.refusal;
      const { app, stored } = locked;
      const value: Answer = { kind: "file", file };
      const conflict = conflictWith(stored, input.seen, q.id, value);
      if (conflict) return { ok: true, file: null, conflict, version: app.version };
      await tx.insert(applicationFiles).values({
        id: file.fileId,
        applicationId: app.id,
        questionId: q.id,
        storageKey: key,
        name: file.name,
        type: file.type,
        bytes: file.bytes,
        sha256: file.sha256,
        uploadedAt: actor.now,
        uploadedBy: actor.personId,
      });
      replaced = await dropFile(tx, app.id, stored?.value);
      const version = await writeAnswer(tx, app, q.id, value, actor);
      return { ok: true, file, conflict: null, version };
    });
  } catch (error) {
    await files.delete(key);
    throw error;
  }
  if (!outcome.ok || outcome.file === null) await files.delete(key);
  if (replaced) await files.delete(replaced);
  return outcome;
}

/** Remove the file of a draft's attachment question (nothing there: nothing to do). */
export async function removeFile(
  db: Db,
  files: FileStore,
  input: { applicationId: number; questionId: string; seen: string | undefined },
  actor: Actor,
): Promise<FileAct> {
  let dropped: string | null = null;
  const outcome = await db.transaction(async (tx): Promise<FileAct> => {
    const locked = await lockDraft(tx, input.applicationId, input.questionId);
    if (locked.refusal) return locked.refusal;
    const { app, stored } = locked;
    if (!stored || isEmpty(stored.value)) {
      return { ok: true, file: null, conflict: null, version: app.version };
    }
    const value: Answer = { kind: "file", file: null };
    const conflict = conflictWith(stored, input.seen, input.questionId, value);
    if (conflict) return { ok: true, file: null, conflict, version: app.version };
    dropped = await dropFile(tx, app.id, stored.value);
    const version = await writeAnswer(tx, app, input.questionId, value, actor);
    return { ok: true, file: null, conflict: null, version };
  });
  if (dropped) await files.delete(dropped);
  return outcome;
}

/** A file of an application, to send to someone who may read the application; or null. */
export async function attachmentOf(
  db: Db,
  files: FileStore,
  applicationId: number,
  fileId: string,
): Promise<{ name: string; type: string; bytes: Buffer } | null> {
  const [row] = await db
    .select()
    .from(applicationFiles)
    .where(and(eq(applicationFiles.id, fileId), eq(applicationFiles.applicationId, applicationId)));
  if (!row) return null;
  const bytes = await files.get(row.storageKey);
  return bytes ? { name: row.name, type: row.type, bytes } : null;
}

/** The files an application's answers name, in the form's order, for lists and the archive. */
export function filesIn(
  def: Parameters<typeof questionsOf>[0],
  answers: Record<string, Answer>,
): { questionId: string; file: StoredFile }[] {
  return questionsOf(def).flatMap((q) => {
    const a = answers[q.id];
    return a?.kind === "file" && a.file ? [{ questionId: q.id, file: a.file }] : [];
  });
}
