import { and, asc, count, desc, eq, getTableColumns, inArray, lte, sql } from "drizzle-orm";
import { Marked } from "marked";
import { z } from "zod";
import type { Db, Tx } from "../../db/client";
import {
  emailMaxLength,
  optionalEmailAddress,
  optionalText,
  requiredText,
} from "../../kernel/field-rules";
import { type FieldErrors, validate } from "../../kernel/forms";
import { LANGS, type Lang } from "../../web/i18n";
import { getPerson, OWNERS, recordAudit } from "../identity";
import { programmes, programmeTexts, programmeTextVersions } from "./schema";
import { forgetPublished } from "./service";

/** The limits of a programme page's text, shared by the form (maxlength) and the check. */
export const textLimits = {
  title: 200,
  summary: 600,
  targetGroup: 600,
  bodyMarkdown: 20_000,
  themes: 2000,
  costs: 1000,
  commitments: 3000,
};

/** One item per line: blank lines and list marks ("- ", "* ", "• ") are dropped. */
export function splitLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.replace(/^\s*(?:[-*•]\s+)?/, "").trim())
    .filter((line) => line.length > 0);
}

const lines = (max: number) =>
  z
    .string()
    .max(max, { error: "max" })
    .transform((text) => splitLines(text).join("\n"));

export const programmeTextForm = z.object({
  title: requiredText(textLimits.title),
  summary: requiredText(textLimits.summary),
  targetGroup: requiredText(textLimits.targetGroup),
  bodyMarkdown: requiredText(textLimits.bodyMarkdown),
  themes: lines(textLimits.themes),
  costs: optionalText(textLimits.costs),
  commitments: lines(textLimits.commitments),
});
export type ProgrammeTextInput = z.output<typeof programmeTextForm>;

/** The fields of the versioned text form, in the order the form shows them. */
export const textFields = [
  "title",
  "summary",
  "targetGroup",
  "themes",
  "costs",
  "commitments",
  "bodyMarkdown",
] as const;
export type TextField = (typeof textFields)[number];

/** Bokmål and nynorsk must exist before a page is published (state bodies publish in both). */
export const requiredLangs: Lang[] = ["nb", "nn"];

type Actor = { personId: number; now: Date };
export type TextVersion = typeof programmeTextVersions.$inferSelect;

export type AdminProgramme = {
  id: number;
  slug: string;
  owner: string;
  title: string;
  publishedAt: Date | null;
  /** A language whose newest version is not the published one. */
  unpublishedChanges: boolean;
};

/** The programmes of the given owners (all of them with `null`), for the admin list. */
export async function listProgrammesForAdmin(
  db: Db,
  owners: string[] | null,
): Promise<AdminProgramme[]> {
  if (owners?.length === 0) return [];
  const rows = await db
    .select()
    .from(programmes)
    .where(owners ? inArray(programmes.owner, owners) : undefined)
    .orderBy(asc(programmes.sortOrder), asc(programmes.id));
  const result: AdminProgramme[] = [];
  for (const p of rows) {
    const latest = await latestVersions(db, p.id);
    const published = await db
      .select({ lang: programmeTexts.lang, versionId: programmeTexts.versionId })
      .from(programmeTexts)
      .where(eq(programmeTexts.programmeId, p.id));
    const live = new Map(published.map((r) => [r.lang, r.versionId]));
    result.push({
      id: p.id,
      slug: p.slug,
      owner: p.owner,
      title: latest.get("nb")?.title ?? p.slug,
      publishedAt: p.publishedAt,
      unpublishedChanges: [...latest.values()].some((v) => live.get(v.lang) !== v.id),
    });
  }
  return result;
}

export async function programmeBySlug(db: Db, slug: string) {
  const [row] = await db.select().from(programmes).where(eq(programmes.slug, slug));
  return row ?? null;
}

/** The newest version of each language. */
export async function latestVersions(
  db: Pick<Db, "selectDistinctOn">,
  programmeId: number,
): Promise<Map<Lang, TextVersion>> {
  const rows = await db
    .selectDistinctOn([programmeTextVersions.lang])
    .from(programmeTextVersions)
    .where(eq(programmeTextVersions.programmeId, programmeId))
    .orderBy(programmeTextVersions.lang, desc(programmeTextVersions.id));
  return new Map(rows.map((r) => [r.lang as Lang, r]));
}

export type VersionView = TextVersion & {
  authorName: string | null;
  published: boolean;
  /** Its place among the versions of its programme and language: 1 is the first saved. */
  number: number;
  /** The number of the version it was restored from, if any. */
  restoredFromNumber: number | null;
};

/**
 * Every version of one language, newest first, with who saved it, which one is live and its
 * number. The ids run across languages and programmes ("7" then "1" when switching language),
 * so the editor shows numbers counted per programme and language; versions are never deleted,
 * so a number stays the same.
 */
export async function listVersions(
  db: Db,
  programmeId: number,
  lang: Lang,
): Promise<VersionView[]> {
  const ofThisText = and(
    eq(programmeTextVersions.programmeId, programmeId),
    eq(programmeTextVersions.lang, lang),
  );
  // The window is counted over every version of the text, before the limit cuts the list.
  const rows = await db
    .select({
      ...getTableColumns(programmeTextVersions),
      number: sql<number>`cast(row_number() over (order by ${programmeTextVersions.id}) as integer)`,
    })
    .from(programmeTextVersions)
    .where(ofThisText)
    .orderBy(desc(programmeTextVersions.id))
    .limit(200);
  const numbers = new Map(rows.map((r) => [r.id, r.number]));
  const numberOf = async (id: number) => {
    const known = numbers.get(id);
    if (known !== undefined) return known;
    const [row] = await db
      .select({ n: count() })
      .from(programmeTextVersions)
      .where(and(ofThisText, lte(programmeTextVersions.id, id)));
    return row?.n ?? 0;
  };
  const restoredFromNumbers = new Map<number, number>();
  for (const r of rows) {
    if (r.restoredFrom !== null) restoredFromNumbers.set(r.id, await numberOf(r.restoredFrom));
  }
  const [live] = await db
    .select({ versionId: programmeTexts.versionId })
    .from(programmeTexts)
    .where(and(eq(programmeTexts.programmeId, programmeId), eq(programmeTexts.lang, lang)));
  const [programme] = await db
    .select({ publishedAt: programmes.publishedAt })
    .from(programmes)
    .where(eq(programmes.id, programmeId));
  const names = new Map<number, string | null>();
  for (const id of new Set(rows.flatMap((r) => (r.createdBy === null ? [] : [r.createdBy])))) {
    names.set(id, (await getPerson(db, id))?.name ?? null);
  }
  return rows.map((r) => ({
    ...r,
    authorName: r.createdBy === null ? null : (names.get(r.createdBy) ?? null),
    published: !!programme?.publishedAt && live?.versionId === r.id,
    restoredFromNumber: restoredFromNumbers.get(r.id) ?? null,
  }));
}

function ownerNameFor(owner: string, lang: Lang, previous: TextVersion | undefined): string {
  if (previous) return previous.ownerName;
  const names = OWNERS[owner as keyof typeof OWNERS];
  return names ? names[lang] : owner;
}

/** The programme row, locked for the rest of the transaction: one change to it at a time. */
async function lockProgramme(tx: Tx, programmeId: number) {
  const [programme] = await tx
    .select()
    .from(programmes)
    .where(eq(programmes.id, programmeId))
    .for("update");
  return programme;
}

/** Save the text of one language as a new version; nothing is overwritten or published. */
export async function saveProgrammeText(
  db: Db,
  programmeId: number,
  lang: Lang,
  input: ProgrammeTextInput,
  actor: Actor,
): Promise<number> {
  return db.transaction(async (tx) => {
    const programme = await lockProgramme(tx, programmeId);
    if (!programme) throw new Error("no such programme");
    const [previous] = await tx
      .select()
      .from(programmeTextVersions)
      .where(
        and(
          eq(programmeTextVersions.programmeId, programmeId),
          eq(programmeTextVersions.lang, lang),
        ),
      )
      .orderBy(desc(programmeTextVersions.id))
      .limit(1);
    const [row] = await tx
      .insert(programmeTextVersions)
      .values({
        programmeId,
        lang,
        ...input,
        ownerName: ownerNameFor(programme.owner, lang, previous),
        createdAt: actor.now,
        createdBy: actor.personId,
      })
      .returning({ id: programmeTextVersions.id });
    await recordAudit(tx, {
      actorId: actor.personId,
      action: "programme.text.save",
      entityType: "programme",
      entityId: programme.slug,
      before: previous ? { lang, versionId: previous.id } : null,
      after: { lang, versionId: row!.id, title: input.title },
      at: actor.now,
    });
    return row!.id;
  });
}

/** Bring an old version back as the newest one (a new version with its content). */
export async function restoreProgrammeText(
  db: Db,
  programmeId: number,
  versionId: number,
  actor: Actor,
): Promise<{ id: number; lang: Lang } | null> {
  return db.transaction(async (tx) => {
    const programme = await lockProgramme(tx, programmeId);
    const [old] = await tx
      .select()
      .from(programmeTextVersions)
      .where(
        and(
          eq(programmeTextVersions.id, versionId),
          eq(programmeTextVersions.programmeId, programmeId),
        ),
      );
    if (!programme || !old) return null;
    const [row] = await tx
      .insert(programmeTextVersions)
      .values({
        programmeId,
        lang: old.lang,
        title: old.title,
        ownerName: old.ownerName,
        summary: old.summary,
        targetGroup: old.targetGroup,
        bodyMarkdown: old.bodyMarkdown,
        themes: old.themes,
        costs: old.costs,
        commitments: old.commitments,
        createdAt: actor.now,
        createdBy: actor.personId,
        restoredFrom: old.id,
      })
      .returning({ id: programmeTextVersions.id });
    await recordAudit(tx, {
      actorId: actor.personId,
      action: "programme.text.restore",
      entityType: "programme",
      entityId: programme.slug,
      before: { lang: old.lang, versionId: old.id },
      after: { lang: old.lang, versionId: row!.id },
      at: actor.now,
    });
    return { id: row!.id, lang: old.lang as Lang };
  });
}

export type PublishResult = { ok: true } | { ok: false; missing: Lang[] };

/**
 * Publish the newest version of every language: it is copied to the published texts the public
 * pages read, and the programme is marked published. Bokmål and nynorsk must exist.
 */
export async function publishProgramme(
  db: Db,
  programmeId: number,
  actor: Actor,
): Promise<PublishResult> {
  const result = await db.transaction(async (tx): Promise<PublishResult> => {
    const programme = await lockProgramme(tx, programmeId);
    if (!programme) throw new Error("no such programme");
    const latest = await latestVersions(tx, programmeId);
    const missing = requiredLangs.filter((l) => !latest.has(l));
    if (missing.length > 0) return { ok: false, missing };
    const versions: Record<string, number> = {};
    for (const lang of LANGS) {
      const v = latest.get(lang);
      if (!v) continue;
      versions[lang] = v.id;
      const text = {
        title: v.title,
        ownerName: v.ownerName,
        summary: v.summary,
        targetGroup: v.targetGroup,
        bodyMarkdown: v.bodyMarkdown,
        themes: v.themes,
        costs: v.costs,
        commitments: v.commitments,
        versionId: v.id,
      };
      await tx
        .insert(programmeTexts)
        .values({ programmeId, lang, ...text })
        .onConflictDoUpdate({
          target: [programmeTexts.programmeId, programmeTexts.lang],
          set: text,
        });
    }
    await tx
      .update(programmes)
      .set({ publishedAt: actor.now })
      .where(eq(programmes.id, programmeId));
    await recordAudit(tx, {
      actorId: actor.personId,
      action: "programme.publish",
      entityType: "programme",
      entityId: programme.slug,
      before: { publishedAt: programme.publishedAt },
      after: { publishedAt: actor.now, versions },
      at: actor.now,
    });
    return { ok: true };
  });
  forgetPublished(db);
  return result;
}

/** Take a programme's page off the public site; its texts and versions stay. */
export async function unpublishProgramme(db: Db, programmeId: number, actor: Actor) {
  await db.transaction(async (tx) => {
    const programme = await lockProgramme(tx, programmeId);
    if (!programme || programme.publishedAt === null) return;
    await tx.update(programmes).set({ publishedAt: null }).where(eq(programmes.id, programmeId));
    await recordAudit(tx, {
      actorId: actor.personId,
      action: "programme.unpublish",
      entityType: "programme",
      entityId: programme.slug,
      before: { publishedAt: programme.publishedAt },
      after: { publishedAt: null },
      at: actor.now,
    });
  });
  forgetPublished(db);
}

// ---------------------------------------------------------------- rules and contact point

/** The limits of the rules form, shared by the view and the check. */
export const ruleLimits = {
  /** Programmes last from one to two years (PRODUCT.md: duration 12–24 months). */
  minMonths: 12,
  maxMonths: 24,
  contactName: 120,
  contactPhone: 30,
  contactEmail: emailMaxLength,
};
export const DELIVERY_MODES = ["mixed", "mostly-digital"] as const;

const PHONE = /^\+?[0-9][0-9 ]{6,18}[0-9]$/;

const months = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .regex(/^[0-9]{1,3}$/, { error: "months" })
  .transform(Number)
  .refine((n) => n >= ruleLimits.minMonths && n <= ruleLimits.maxMonths, { error: "months" });

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "max" })
    .transform((v) => (v === "" ? null : v));

export const programmeRulesForm = z.object({
  durationMinMonths: months,
  durationMaxMonths: months,
  deliveryMode: z.enum(DELIVERY_MODES, { error: "choice" }),
  contactName: optional(ruleLimits.contactName),
  contactPhone: optional(ruleLimits.contactPhone).refine((v) => v === null || PHONE.test(v), {
    error: "phone",
  }),
  contactEmail: optionalEmailAddress().transform((v) => (v === "" ? null : v)),
});
export type ProgrammeRulesInput = z.output<typeof programmeRulesForm>;
export const ruleFields = [
  "durationMinMonths",
  "durationMaxMonths",
  "deliveryMode",
  "contactName",
  "contactPhone",
  "contactEmail",
] as const;
export type RuleField = (typeof ruleFields)[number];

/** Check the rules form: each field, then that the shortest duration is not the longer one. */
export function validateRules(
  values: Record<RuleField, string>,
): { ok: true; data: ProgrammeRulesInput } | { ok: false; errors: FieldErrors } {
  const parsed = validate(programmeRulesForm, values);
  if (!parsed.ok) {
    // The sentence names the range the durations must lie in.
    const range = { min: ruleLimits.minMonths, max: ruleLimits.maxMonths };
    const errors: FieldErrors = {};
    for (const [field, error] of Object.entries(parsed.errors)) {
      errors[field] = error.code === "months" ? { ...error, params: range } : error;
    }
    return { ok: false, errors };
  }
  if (parsed.data.durationMinMonths > parsed.data.durationMaxMonths) {
    return { ok: false, errors: { durationMaxMonths: { code: "monthsOrder" } } };
  }
  return parsed;
}

/** Change a programme's rules and contact point: not versioned, live at once, audited. */
export async function saveProgrammeRules(
  db: Db,
  programmeId: number,
  input: ProgrammeRulesInput,
  actor: Actor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const programme = await lockProgramme(tx, programmeId);
    if (!programme) throw new Error("no such programme");
    const before = Object.fromEntries(ruleFields.map((f) => [f, programme[f]]));
    await tx.update(programmes).set(input).where(eq(programmes.id, programmeId));
    await recordAudit(tx, {
      actorId: actor.personId,
      action: "programme.rules.save",
      entityType: "programme",
      entityId: programme.slug,
      before,
      after: input,
      at: actor.now,
    });
  });
}

/**
 * What stops a page text from being saved: a script or a link that goes nowhere in its
 * Markdown. The sanitiser would neutralise either on the page, but the author should know and
 * fix it. The preview shows such a text (with a warning) rather than refusing it.
 */
export function bodyErrors(markdown: string): FieldErrors {
  if (hasDisallowedContent(markdown)) return { bodyMarkdown: { code: "unsafeContent" } };
  if (hasBrokenLink(markdown)) return { bodyMarkdown: { code: "brokenLink" } };
  return {};
}

/**
 * Whether the sanitiser will take something out of this Markdown, so the editor can say so
 * (the sanitiser itself is the protection; this only explains).
 */
export function hasDisallowedContent(markdown: string): boolean {
  return /<\s*(script|style|iframe|object|embed|form|img|svg)\b|\bon[a-z]+\s*=|\]\(\s*(javascript|data|vbscript):|(href|src)\s*=\s*["']?\s*(javascript|data|vbscript):/i.test(
    markdown,
  );
}

const linkReader = new Marked({ gfm: true, async: false });

/**
 * A link target the page keeps as a working link: https, mailto or tel (the sanitiser's list),
 * or a path on this site.
 */
const GOOD_TARGET =
  /^(https:\/\/[^\s/]+\.[^\s]*|mailto:[^\s@]+@[^\s@]+|tel:\+?[0-9 ]{3,}|\/(?!\/)[^\s]*)$/i;

/**
 * Whether a Markdown link points anywhere but https, mailto, tel or a path on this
 * site: the sanitiser would drop such a target, or keep one relative to the page
 * ("www.udir.no"), leaving a link that goes nowhere.
 */
export function hasBrokenLink(markdown: string): boolean {
  let broken = false;
  linkReader.walkTokens(linkReader.lexer(markdown), (token) => {
    if (token.type === "link" && !GOOD_TARGET.test(token.href)) {
      broken = true;
    }
  });
  return broken;
}
