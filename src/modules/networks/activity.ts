import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { guardFreeText } from "../../kernel/child-guard-forms";
import { type Outcome, RefusedInside, refuse } from "../../kernel/result";
import {
  FILE_KINDS,
  type FileKind,
  type FileStore,
  safeFileName,
  sha256Hex,
  sniffFileKind,
} from "../../kernel/storage";
import { getPerson, recordAudit } from "../identity";
import { accessTo } from "./access";
import { type Meeting, meetingOf, meetingsOf } from "./meetings";
import type { Actor } from "./networks";
import { networkDocuments, networkReflections } from "./schema";

export const reflectionMaxLength = 4000;
/** Documents shared in a network: these kinds, at most this size. */
export const DOCUMENT_KINDS: readonly FileKind[] = ["pdf", "docx", "xlsx", "odt", "png", "jpg"];
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

export type Reflection = typeof networkReflections.$inferSelect;
export type NetworkDocument = typeof networkDocuments.$inferSelect;

/**
 * A member (or a leader) writes a reflection on a meeting that has happened: refused before it
 * has ended. Through the child guard.
 */
export async function addReflection(
  db: Db,
  input: {
    networkId: number;
    meetingId: number;
    text: string;
    confirmations?: Record<string, string>;
  },
  actor: Actor,
): Promise<Outcome> {
  const access = await accessTo(db, input.networkId, actor);
  if (!access) return refuse("network", "notFound");
  if (!access.reads) return refuse("network", "notAllowed");
  if (!access.takesPart || actor.personId === null) return refuse("reflection", "notMember");
  const meeting = await meetingOf(db, input.networkId, input.meetingId);
  if (!meeting) return refuse("meeting", "notFound");
  if (meeting.cancelledAt) return refuse("reflection", "meetingCancelled");
  if (actor.now < meeting.endsAt) return refuse("reflection", "notHappened");
  const text = input.text.trim();
  if (text === "") return refuse("reflection", "required");
  if (text.length > reflectionMaxLength)
    return { ok: false, errors: { reflection: { code: "max", max: reflectionMaxLength } } };
  const personId = actor.personId;
  const person = await getPerson(db, personId);
  try {
    await db.transaction(async (tx) => {
      const refusal = await guardFreeText(tx, {
        form: "network-reflection",
        fields: { reflection: text },
        confirmations: input.confirmations,
        now: actor.now,
      });
      if (refusal) throw new RefusedInside(refusal);
      const [row] = await tx
        .insert(networkReflections)
        .values({
          meetingId: meeting.id,
          personId,
          authorName: person?.name ?? "",
          text,
          createdAt: actor.now,
        })
        .returning({ id: networkReflections.id });
      await recordAudit(tx, {
        at: actor.now,
        actorId: actor.personId,
        action: "network.reflection",
        entityType: "network_reflection",
        entityId: String(row!.id),
      });
    });
  } catch (e) {
    if (e instanceof RefusedInside) return e.refusal;
    throw e;
  }
  return { ok: true };
}

export async function reflectionsOf(db: Executor, meetingIds: number[]): Promise<Reflection[]> {
  if (meetingIds.length === 0) return [];
  return db
    .select()
    .from(networkReflections)
    .where(inArray(networkReflections.meetingId, meetingIds))
    .orderBy(asc(networkReflections.createdAt), asc(networkReflections.id));
}

/**
 * A member (or a leader) shares a document: its kind read from its bytes and among the allowed,
 * at most DOCUMENT_MAX_BYTES. The bytes go to the file store first; a refused row leaves none.
 */
export async function shareDocument(
  db: Db,
  files: FileStore,
  input: { networkId: number; name: string; bytes: Uint8Array },
  actor: Actor,
): Promise<Outcome<{ documentId: number }>> {
  const access = await accessTo(db, input.networkId, actor);
  if (!access) return refuse("network", "notFound");
  if (!access.reads) return refuse("network", "notAllowed");
  if (!access.takesPart || actor.personId === null) return refuse("document", "notMember");
  if (input.bytes.length === 0) return refuse("document", "fileEmpty");
  if (input.bytes.length > DOCUMENT_MAX_BYTES)
    return refuse("document", "fileSize", { maxBytes: DOCUMENT_MAX_BYTES });
  const kind = sniffFileKind(input.bytes);
  if (!kind || !DOCUMENT_KINDS.includes(kind))
    return refuse("document", "fileType", {
      types: DOCUMENT_KINDS.map((k) => FILE_KINDS[k].label).join(", "),
    });
  const personId = actor.personId;
  const person = await getPerson(db, personId);
  const key = await files.put(input.bytes);
  try {
    const id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(networkDocuments)
        .values({
          networkId: input.networkId,
          fileKey: key,
          name: safeFileName(input.name, kind, "dokument"),
          type: FILE_KINDS[kind].mime,
          size: input.bytes.length,
          sha256: sha256Hex(input.bytes),
          uploadedBy: personId,
          uploaderName: person?.name ?? "",
          uploadedAt: actor.now,
        })
        .returning({ id: networkDocuments.id });
      await recordAudit(tx, {
        at: actor.now,
        actorId: actor.personId,
        action: "network.document",
        entityType: "network_document",
        entityId: String(row!.id),
      });
      return row!.id;
    });
    return { ok: true, documentId: id };
  } catch (e) {
    await files.delete(key);
    throw e;
  }
}

export async function documentsOf(db: Executor, networkId: number): Promise<NetworkDocument[]> {
  return db
    .select()
    .from(networkDocuments)
    .where(eq(networkDocuments.networkId, networkId))
    .orderBy(asc(networkDocuments.uploadedAt), asc(networkDocuments.id));
}

export async function documentOf(
  db: Executor,
  networkId: number,
  documentId: number,
): Promise<NetworkDocument | null> {
  const [d] = await db
    .select()
    .from(networkDocuments)
    .where(and(eq(networkDocuments.id, documentId), eq(networkDocuments.networkId, networkId)));
  return d ?? null;
}

export type TimelineEntry =
  | { kind: "meeting"; at: Date; meeting: Meeting }
  | { kind: "minutes"; at: Date; meeting: Meeting }
  | { kind: "reflection"; at: Date; meeting: Meeting; reflection: Reflection }
  | { kind: "document"; at: Date; document: NetworkDocument };

/** The network as one timeline: meetings, minutes, reflections and documents, oldest first. */
export async function timelineOf(db: Executor, networkId: number): Promise<TimelineEntry[]> {
  const meetings = await meetingsOf(db, networkId);
  const reflections = await reflectionsOf(
    db,
    meetings.map((m) => m.id),
  );
  const entries: TimelineEntry[] = [];
  for (const m of meetings) {
    entries.push({ kind: "meeting", at: m.startsAt, meeting: m });
    if (m.minutesAt && m.minutes !== "")
      entries.push({ kind: "minutes", at: m.minutesAt, meeting: m });
  }
  for (const r of reflections) {
    const meeting = meetings.find((m) => m.id === r.meetingId)!;
    entries.push({ kind: "reflection", at: r.createdAt, meeting, reflection: r });
  }
  for (const d of await documentsOf(db, networkId))
    entries.push({ kind: "document", at: d.uploadedAt, document: d });
  const order = { meeting: 0, minutes: 1, reflection: 2, document: 3 };
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || order[a.kind] - order[b.kind]);
}
