// What the programme admin's application pages share: who may manage a programme's applications,
// the names and answers they show, and the exports' shapes.
import type { Db } from "../../db/client";
import { osloToday } from "../../kernel/clock";
import { type AppContext, deps, langOf } from "../../kernel/context";
import { errorPage } from "../../web/error-pages";
import { orgsGranting, requirePermission } from "../identity";
import { municipalitiesAt } from "../organisations";
import { type ProgrammeRef, programmeRef, programmeTitles } from "../programmes";
import type { ProgrammeHead } from "./admin-views";
import type { Answers } from "./answers";
import { filesIn } from "./attachments";
import { type Application, answersOf } from "./drafts";
import type { FormDefinition } from "./form-definition";
import { formById } from "./forms";
import type { Round } from "./rounds";
import { submissionOf } from "./submit";

export type Found<T> =
  | { response: Response | Promise<Response>; value?: never }
  | { value: T; response?: never };

/**
 * The programme, if the user administers applications of its owner (`manage:application:owner`):
 * 403 for anyone else (Udir's admin on FUB/FUG's programme), before anything is read of it.
 */
export async function managedProgramme(
  c: AppContext,
  programmeId: number,
): Promise<Found<ProgrammeRef & { title: string }>> {
  const scopes = requirePermission(c, "manage", "application");
  const programme = await programmeRef(deps(c).db, programmeId);
  if (!programme) return { response: errorPage(c, "notFound") };
  if (!scopes.includes("any")) {
    const owners = orgsGranting(c.get("user"), "manage:application:owner", "owner");
    if (!owners.has(programme.owner)) return { response: errorPage(c, "notAllowed") };
  }
  const lang = langOf(c);
  const titles = await programmeTitles(deps(c).db, lang, [programme.id]);
  return { value: { ...programme, title: titles.get(programme.id) ?? programme.slug } };
}

export const head = (p: ProgrammeRef & { title: string }): ProgrammeHead => ({
  slug: p.slug,
  title: p.title,
});

export function actor(c: AppContext) {
  return { personId: c.get("user")!.personId, now: deps(c).clock.now() };
}

/** Municipality names today, by code (a code gone since keeps its code as its name). */
export async function municipalityNames(db: Db, now: Date): Promise<Map<string, string>> {
  return new Map((await municipalitiesAt(db, osloToday(now))).map((m) => [m.code, m.name]));
}

/** The answers that count for reading and export: the submission's, else the draft as stored. */
export async function answersToShow(db: Db, app: Application): Promise<Answers> {
  const submission = await submissionOf(db, app.id);
  return submission ? submission.answers : (await answersOf(db, app.id)).answers;
}

/**
 * One application as structured data for the archive: each answered question with its id, its
 * labels as the form version had them, and the answer as stored.
 */
export async function applicationExport(
  db: Db,
  app: Application,
  names: Map<string, string>,
  forms: Map<number, { version: number; definition: FormDefinition }>,
) {
  let form = forms.get(app.formId);
  if (!form) {
    const row = await formById(db, app.formId);
    form = { version: row!.version, definition: row!.definition };
    forms.set(app.formId, form);
  }
  const answers = await answersToShow(db, app);
  return {
    id: app.id,
    municipality: { code: app.municipalityCode, name: names.get(app.municipalityCode) ?? null },
    state: app.state,
    formVersion: form.version,
    submittedAt: app.submittedAt?.toISOString() ?? null,
    contentHash: app.contentHash,
    writtenStandard: app.writtenStandard,
    decidedAt: app.decidedAt?.toISOString() ?? null,
    decisionReason: app.decisionReason,
    waitlistPosition: app.waitlistPosition,
    /** The uploaded files, for the archive to check against the files it keeps. */
    attachments: filesIn(form.definition, answers).map(({ questionId, file }) => ({
      questionId,
      name: file.name,
      type: file.type,
      size: file.bytes,
      sha256: file.sha256,
    })),
    answers: form.definition.sections.flatMap((s) =>
      s.questions
        .filter((q) => answers[q.id] !== undefined)
        .map((q) => ({
          section: s.id,
          questionId: q.id,
          kind: q.kind,
          label: q.label,
          answer: answers[q.id],
        })),
    ),
  };
}

export function jsonDownload(c: AppContext, body: unknown, filename: string) {
  c.header("Cache-Control", "no-store");
  c.header("Content-Disposition", `attachment; filename="${filename}"`);
  return c.json(body);
}

/** A round as the exports give it. */
export function roundJson(round: Round, programme: string, cohort: number) {
  return {
    id: round.id,
    programme,
    cohort,
    deadline: round.deadline.toISOString(),
    closedAt: round.closedAt?.toISOString() ?? null,
    criteria: round.criteria,
  };
}
