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

/** The definition of a form version (an application is always checked against its own). */
export async function formDefinitionOf(db: Executor, formId: number): Promise<FormDefinition> {
  const [row] = await db
    .select({ definition: applicationForms.definition })
    .from(applicationForms)
    .where(eq(applicationForms.id, formId));
  if (!row) throw new Error(`application form ${formId} is missing`);
  return row.definition;
}

export async function formById(db: Db, id: number): Promise<ApplicationForm | null> {
  const [row] = await db.select().from(applicationForms).where(eq(applicationForms.id, id));
  return row ?? null;
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
