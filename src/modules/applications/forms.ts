import { and, desc, eq } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import type { FieldErrors } from "../../kernel/forms";
import type { Outcome } from "../../kernel/result";
import { type FormDefinition, formDefinition } from "./form-definition";
import { applicationForms } from "./schema";

export type Actor = { personId: number | null; now: Date };
export type ApplicationForm = typeof applicationForms.$inferSelect;

/** The newest version of a programme's application form (a draft or the published one). */
export async function latestForm(db: Db, programmeId: number): Promise<ApplicationForm | null> {
  const [row] = await db
    .select()
    .from(applicationForms)
    .where(eq(applicationForms.programmeId, programmeId))
    .orderBy(desc(applicationForms.version))
    .limit(1);
  return row ?? null;
}

/**
 * Published form versions, per database, once read: a published version is frozen (saving over
 * it makes the next), and every application and round uses a published one, so each page of an
 * application needs no query for its form. Drafts are always read. Shared objects: not to be
 * changed by the reader.
 */
const frozen = new WeakMap<Db, Map<number, ApplicationForm>>();

/**
 * A form version by id. Inside a transaction, `via` is the transaction (on PGlite a query on
 * `db` would wait for the transaction to end) and `db` names the database for the cache.
 */
export async function formById(
  db: Db,
  id: number,
  via: Executor = db,
): Promise<ApplicationForm | null> {
  const known = frozen.get(db)?.get(id);
  if (known) return known;
  const [row] = await via.select().from(applicationForms).where(eq(applicationForms.id, id));
  if (row?.publishedAt) {
    const forms = frozen.get(db) ?? new Map<number, ApplicationForm>();
    frozen.set(db, forms);
    forms.set(id, row);
  }
  return row ?? null;
}

/** The definition of a form version (an application is always checked against its own). */
export async function formDefinitionOf(
  db: Db,
  formId: number,
  via: Executor = db,
): Promise<FormDefinition> {
  const row = await formById(db, formId, via);
  if (!row) throw new Error(`application form ${formId} is missing`);
  return row.definition;
}

/**
 * Zod's issues as errors keyed by the path of the builder's fields
 * ("sections.0.questions.2.label.nn"), the first error of each field.
 */
export function definitionErrors(issues: readonly { path: PropertyKey[]; message: string }[]) {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join(".") || "definition";
    if (!errors[field]) errors[field] = { code: issue.message };
  }
  return errors;
}

/**
 * Save a programme's application form. A published version is never changed: saving over it
 * makes the next version, which rounds opened later will use. A draft version is saved over.
 */
export async function saveForm(
  db: Db,
  input: { programmeId: number; definition: unknown },
  actor: Actor,
): Promise<Outcome<{ formId: number; version: number }>> {
  const parsed = formDefinition.safeParse(input.definition);
  if (!parsed.success) return { ok: false, errors: definitionErrors(parsed.error.issues) };
  const definition: FormDefinition = parsed.data;
  return db.transaction(async (tx) => {
    const [latest] = await tx
      .select()
      .from(applicationForms)
      .where(eq(applicationForms.programmeId, input.programmeId))
      .orderBy(desc(applicationForms.version))
      .limit(1)
      .for("update");
    if (latest && latest.publishedAt === null) {
      await tx
        .update(applicationForms)
        .set({ definition, savedAt: actor.now, savedBy: actor.personId })
        .where(
          and(eq(applicationForms.id, latest.id), eq(applicationForms.version, latest.version)),
        );
      return { ok: true as const, formId: latest.id, version: latest.version };
    }
    const version = (latest?.version ?? 0) + 1;
    // Two admins saving the first version at once: the unique (programme, version) index lets
    // one insert; the other finds the row and saves over it as a draft.
    const [row] = await tx
      .insert(applicationForms)
      .values({
        programmeId: input.programmeId,
        version,
        definition,
        savedAt: actor.now,
        savedBy: actor.personId,
      })
      .onConflictDoNothing()
      .returning({ id: applicationForms.id });
    if (row) return { ok: true as const, formId: row.id, version };
    const [other] = await tx
      .update(applicationForms)
      .set({ definition, savedAt: actor.now, savedBy: actor.personId })
      .where(
        and(
          eq(applicationForms.programmeId, input.programmeId),
          eq(applicationForms.version, version),
        ),
      )
      .returning({ id: applicationForms.id });
    return { ok: true as const, formId: other!.id, version };
  });
}
