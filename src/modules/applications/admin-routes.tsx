import { asc, eq } from "drizzle-orm";
import { Hono } from "hono";
import type { Db } from "../../db/client";
import { addDays, endOfOsloDay, osloToday } from "../../kernel/clock";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { parseDate } from "../../kernel/field-rules";
import { type FieldErrors, type FormValues, readForm } from "../../kernel/forms";
import { downloadHeaders } from "../../kernel/storage";
import { errorPage } from "../../web/error-pages";
import { formatDateTime, type Lang } from "../../web/i18n";
import { render } from "../../web/render";
import { type CohortRef, cohortRef } from "../cohorts";
import {
  activeRoles,
  findPersonByEmail,
  orgsGranting,
  personNames,
  requirePermission,
} from "../identity";
import { municipalitiesAt } from "../organisations";
import { type ProgrammeRef, programmeRef, programmeTitles } from "../programmes";
import { applicationAdminTexts } from "./admin-texts";
import {
  ApplicationAdminPage,
  type AssessmentView,
  applicationAdminPath,
  CRITERION_ROWS,
  type ProgrammeHead,
  RoundPage,
  roundPath,
} from "./admin-views";
import type { Answers } from "./answers";
import { nameAssessor, submittedAssessments } from "./assess";
import { attachmentOf, FILE_ID, filesIn } from "./attachments";
import { decide } from "./decide";
import { type Application, answersOf, applicationById } from "./drafts";
import type { FormDefinition } from "./form-definition";
import { formById, latestForm } from "./forms";
import { applicationPdf } from "./pdf";
import { closeRound, isOpen, openRound, type Round, roundById, roundOfCohort } from "./rounds";
import { applications, type Criterion, roundAssessors } from "./schema";
import { reopenApplication, submissionOf } from "./submit";

const LANG = "/:lang{nb|nn|en}";
const ID = ":id{[1-9][0-9]{0,8}}";
const ROUND = `${LANG}/admin/puljer/${ID}/soknadsrunde`;
const APPLICATION = `${LANG}/admin/soknader/${ID}`;

type Found<T> =
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

const head = (p: ProgrammeRef & { title: string }): ProgrammeHead => ({
  slug: p.slug,
  title: p.title,
});

function actor(c: AppContext) {
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
async function applicationExport(
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

function jsonDownload(c: AppContext, body: unknown, filename: string) {
  c.header("Cache-Control", "no-store");
  c.header("Content-Disposition", `attachment; filename="${filename}"`);
  return c.json(body);
}

/** The criteria rows of the open form: blank rows skipped, a started row must be complete. */
function readCriteria(values: FormValues, errors: FieldErrors): Criterion[] {
  const criteria: Criterion[] = [];
  for (let i = 0; i < CRITERION_ROWS; i++) {
    const nb = (values[`c${i}-nb`] ?? "").trim();
    const nn = (values[`c${i}-nn`] ?? "").trim();
    const max = (values[`c${i}-max`] ?? "").trim();
    if (!nb && !nn && !max) continue;
    if (!nb) errors[`c${i}-nb`] = { code: "required" };
    else if (nb.length > 200) errors[`c${i}-nb`] = { code: "max", max: 200 };
    if (!nn) errors[`c${i}-nn`] = { code: "required" };
    else if (nn.length > 200) errors[`c${i}-nn`] = { code: "max", max: 200 };
    if (!/^[0-9]{1,3}$/.test(max) || Number(max) < 1 || Number(max) > 100) {
      errors[`c${i}-max`] = { code: "criterionMax" };
    }
    criteria.push({ id: `c${i + 1}`, label: { nb, nn }, maxScore: Number(max) });
  }
  if (criteria.length === 0) errors.criteria = { code: "criteria" };
  return criteria;
}

/** Date and time typed as a day in Norway and HH:MM, as the instant; null when either is bad. */
function osloInstant(date: string, time: string, errors: FieldErrors): Date | null {
  const day = parseDate(date.trim());
  if (!date.trim()) errors.date = { code: "required" };
  else if (!day) errors.date = { code: "date" };
  const m = /^([01]?[0-9]|2[0-3])[:.]([0-5][0-9])$/.exec(time.trim());
  if (!m) errors.time = { code: time.trim() ? "time" : "required" };
  if (!day || !m) return null;
  const start = endOfOsloDay(addDays(day, -1)).getTime();
  return new Date(start + Number(m[1]) * 3_600_000 + Number(m[2]) * 60_000);
}

/**
 * The programme admin's side of applications: an application cohort's round (open, close, name
 * assessors, the applications by state, exports) and each application (read, decide, reopen).
 */
export function applicationAdminRoutes() {
  const app = new Hono<AppEnv>();

  async function roundContext(
    c: AppContext,
  ): Promise<Found<{ cohort: CohortRef; programme: ProgrammeRef & { title: string } }>> {
    const cohort = await cohortRef(deps(c).db, Number(c.req.param("id")));
    // Permission first, so that a person without it learns nothing of which cohorts exist.
    if (!cohort) {
      requirePermission(c, "manage", "application");
      return { response: errorPage(c, "notFound") };
    }
    const found = await managedProgramme(c, cohort.programmeId);
    if (found.response) return { response: found.response };
    return { value: { cohort, programme: found.value } };
  }

  async function roundPage(
    c: AppContext,
    ctx: { cohort: CohortRef; programme: ProgrammeRef & { title: string } },
    extra: {
      openForm?: { values: FormValues; errors: FieldErrors };
      assessorForm?: { values: FormValues; errors: FieldErrors };
      message?: string | undefined;
    } = {},
    status: 200 | 422 = 200,
  ) {
    const d = deps(c);
    const now = d.clock.now();
    const round = await roundOfCohort(d.db, ctx.cohort.id);
    const latest = await latestForm(d.db, ctx.programme.id);
    const form = round ? await formById(d.db, round.formId) : null;
    const assessorRows = round
      ? await d.db
          .select({ personId: roundAssessors.personId })
          .from(roundAssessors)
          .where(eq(roundAssessors.roundId, round.id))
          .orderBy(asc(roundAssessors.namedAt))
      : [];
    const names = await personNames(
      d.db,
      assessorRows.map((r) => r.personId),
    );
    const apps = round
      ? await d.db
          .select()
          .from(applications)
          .where(eq(applications.roundId, round.id))
          .orderBy(asc(applications.municipalityCode))
      : [];
    const municipalities = await municipalityNames(d.db, now);
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <RoundPage
        lang={langOf(c)}
        programme={head(ctx.programme)}
        cohort={{ id: ctx.cohort.id, number: ctx.cohort.number }}
        byApplication={ctx.cohort.wayIn === "application"}
        formVersion={latest?.version ?? null}
        round={
          round
            ? {
                id: round.id,
                deadline: round.deadline,
                closedAt: round.closedAt,
                open: isOpen(round, now),
                formVersion: form?.version ?? 0,
                criteria: round.criteria,
              }
            : null
        }
        openForm={extra.openForm ?? { values: {}, errors: {} }}
        assessors={assessorRows.map((r) => ({
          id: r.personId,
          name: names.get(r.personId) ?? "–",
        }))}
        assessorForm={extra.assessorForm ?? { values: {}, errors: {} }}
        applications={apps
          .map((a) => ({
            id: a.id,
            municipality: municipalities.get(a.municipalityCode) ?? a.municipalityCode,
            state: a.state,
            submittedAt: a.submittedAt,
            waitlistPosition: a.waitlistPosition,
          }))
          .sort((x, y) => x.municipality.localeCompare(y.municipality, "nb"))}
        message={extra.message}
      />,
      status,
    );
  }

  app.get(ROUND, async (c) => {
    const found = await roundContext(c);
    if (found.response) return found.response;
    const a = applicationAdminTexts(langOf(c));
    const q = (k: string) => c.req.query(k) !== undefined;
    const message = q("apnet")
      ? a.opened
      : q("stengt")
        ? a.closed
        : q("vurderer")
          ? a.assessorNamed
          : undefined;
    return roundPage(c, found.value, { message });
  });

  app.post(ROUND, async (c) => {
    const found = await roundContext(c);
    if (found.response) return found.response;
    const { cohort, programme } = found.value;
    if (cohort.wayIn !== "application") return errorPage(c, "notFound");
    const values = await readForm(c);
    const errors: FieldErrors = {};
    const deadlineText = (values.deadline ?? "").trim();
    const deadline = parseDate(deadlineText);
    if (!deadlineText) errors.deadline = { code: "required" };
    else if (!deadline) errors.deadline = { code: "date" };
    const criteria = readCriteria(values, errors);
    if (Object.keys(errors).length > 0) {
      return roundPage(c, found.value, { openForm: { values, errors } }, 422);
    }
    const opened = await openRound(
      deps(c).db,
      { cohortId: cohort.id, programmeId: programme.id, deadline: deadline!, criteria },
      actor(c),
    );
    if (!opened.ok) {
      return roundPage(c, found.value, { openForm: { values, errors: opened.errors } }, 422);
    }
    deps(c).pageCache.clear();
    return c.redirect(`/${langOf(c)}${roundPath(cohort.id)}?apnet`, 303);
  });

  app.post(`${ROUND}/stenging`, async (c) => {
    const found = await roundContext(c);
    if (found.response) return found.response;
    const round = await roundOfCohort(deps(c).db, found.value.cohort.id);
    if (!round) return errorPage(c, "notFound");
    // Closing a closed round changes nothing: the page shows it closed either way.
    await closeRound(deps(c).db, round.id, actor(c));
    deps(c).pageCache.clear();
    return c.redirect(`/${langOf(c)}${roundPath(found.value.cohort.id)}?stengt`, 303);
  });

  app.post(`${ROUND}/vurderere`, async (c) => {
    const found = await roundContext(c);
    if (found.response) return found.response;
    const d = deps(c);
    const round = await roundOfCohort(d.db, found.value.cohort.id);
    if (!round) return errorPage(c, "notFound");
    const values = await readForm(c);
    const email = (values.email ?? "").trim().toLowerCase();
    const refuse = (code: string) =>
      roundPage(c, found.value, { assessorForm: { values, errors: { email: { code } } } }, 422);
    if (!email) return refuse("required");
    const person = await findPersonByEmail(d.db, email);
    if (!person || person.deletedAt) return refuse("unknownPerson");
    const roles = await activeRoles(d.db, person.id);
    const owner = found.value.programme.owner;
    if (!roles.some((r) => r.role === "assessor" && r.orgKind === "owner" && r.orgId === owner)) {
      return refuse("noAssessorRole");
    }
    const named = await nameAssessor(d.db, { roundId: round.id, personId: person.id }, actor(c));
    if (!named.ok) {
      return roundPage(c, found.value, { assessorForm: { values, errors: named.errors } }, 422);
    }
    return c.redirect(`/${langOf(c)}${roundPath(found.value.cohort.id)}?vurderer`, 303);
  });

  app.get(`${ROUND}/soknader.json`, async (c) => {
    const found = await roundContext(c);
    if (found.response) return found.response;
    const d = deps(c);
    const round = await roundOfCohort(d.db, found.value.cohort.id);
    if (!round) return errorPage(c, "notFound");
    const rows = await d.db
      .select()
      .from(applications)
      .where(eq(applications.roundId, round.id))
      .orderBy(asc(applications.municipalityCode));
    const names = await municipalityNames(d.db, d.clock.now());
    const forms = new Map<number, { version: number; definition: FormDefinition }>();
    const list = [];
    for (const row of rows) list.push(await applicationExport(d.db, row, names, forms));
    return jsonDownload(
      c,
      {
        round: roundJson(round, found.value.programme.slug, found.value.cohort.number),
        applications: list,
      },
      `soknadsrunde-${round.id}.json`,
    );
  });

  // ── One application ──

  async function applicationContext(c: AppContext): Promise<
    Found<{
      application: Application;
      round: Round;
      cohort: CohortRef;
      programme: ProgrammeRef & { title: string };
    }>
  > {
    const d = deps(c);
    const application = await applicationById(d.db, Number(c.req.param("id")));
    if (!application) {
      requirePermission(c, "manage", "application");
      return { response: errorPage(c, "notFound") };
    }
    const round = (await roundById(d.db, application.roundId))!;
    const found = await managedProgramme(c, round.programmeId);
    if (found.response) return { response: found.response };
    const cohort = await cohortRef(d.db, round.cohortId);
    if (!cohort) return { response: errorPage(c, "notFound") };
    return { value: { application, round, cohort, programme: found.value } };
  }

  async function applicationPage(
    c: AppContext,
    ctx: {
      application: Application;
      round: Round;
      cohort: CohortRef;
      programme: ProgrammeRef & { title: string };
    },
    extra: {
      decisionForm?: { values: FormValues; errors: FieldErrors };
      reopenForm?: { values: FormValues; errors: FieldErrors };
      message?: string | undefined;
    } = {},
    status: 200 | 422 = 200,
  ) {
    const d = deps(c);
    const app = ctx.application;
    const form = (await formById(d.db, app.formId))!;
    const names = await municipalityNames(d.db, d.clock.now());
    const assessed = await submittedAssessments(d.db, app.id);
    const assessorNames = await personNames(
      d.db,
      assessed.map((x) => x.personId),
    );
    const assessments: AssessmentView[] = assessed.map((x) => ({
      name: assessorNames.get(x.personId) ?? "–",
      conflict: x.conflict === "declared",
      scores: x.scores,
      proposal: x.proposal,
      comment: x.comment,
    }));
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <ApplicationAdminPage
        lang={langOf(c)}
        programme={head(ctx.programme)}
        cohort={{ id: ctx.cohort.id, number: ctx.cohort.number }}
        application={{
          id: app.id,
          state: app.state,
          municipality: names.get(app.municipalityCode) ?? app.municipalityCode,
          submittedAt: app.submittedAt,
          contentHash: app.contentHash,
          reopenedUntil: app.reopenedUntil,
          waitlistPosition: app.waitlistPosition,
          formVersion: form.version,
        }}
        criteria={ctx.round.criteria}
        definition={form.definition}
        answers={await answersToShow(d.db, app)}
        assessments={assessments}
        decisionForm={extra.decisionForm ?? { values: {}, errors: {} }}
        reopenForm={extra.reopenForm ?? { values: {}, errors: {} }}
        message={extra.message}
      />,
      status,
    );
  }

  app.get(APPLICATION, async (c) => {
    const found = await applicationContext(c);
    if (found.response) return found.response;
    const lang = langOf(c);
    const a = applicationAdminTexts(lang);
    const until = found.value.application.reopenedUntil;
    const message =
      c.req.query("vedtak") !== undefined
        ? a.decided
        : c.req.query("gjenapnet") !== undefined && until
          ? a.reopened(formatDateTime(lang, until))
          : undefined;
    return applicationPage(c, found.value, { message });
  });

  app.post(`${APPLICATION}/vedtak`, async (c) => {
    const found = await applicationContext(c);
    if (found.response) return found.response;
    const d = deps(c);
    const values = await readForm(c);
    const result = await decide(
      d.db,
      {
        applicationId: found.value.application.id,
        decision: values.decision ?? "",
        reason: values.reason ?? "",
      },
      { ...actor(c), baseUrl: d.linkBase },
    );
    if (!result.ok) {
      return applicationPage(
        c,
        found.value,
        { decisionForm: { values, errors: result.errors } },
        422,
      );
    }
    d.onJobQueued();
    return c.redirect(
      `/${langOf(c)}${applicationAdminPath(found.value.application.id)}?vedtak`,
      303,
    );
  });

  app.post(`${APPLICATION}/gjenapning`, async (c) => {
    const found = await applicationContext(c);
    if (found.response) return found.response;
    const values = await readForm(c);
    const errors: FieldErrors = {};
    const until = osloInstant(values.date ?? "", values.time ?? "", errors);
    if (!until) {
      return applicationPage(c, found.value, { reopenForm: { values, errors } }, 422);
    }
    const result = await reopenApplication(
      deps(c).db,
      { applicationId: found.value.application.id, until },
      actor(c),
    );
    if (!result.ok) {
      return applicationPage(
        c,
        found.value,
        { reopenForm: { values, errors: result.errors } },
        422,
      );
    }
    return c.redirect(
      `/${langOf(c)}${applicationAdminPath(found.value.application.id)}?gjenapnet`,
      303,
    );
  });

  // A file of the application, for those who administer its programme's applications.
  app.get(`${APPLICATION}/vedlegg/:fileId{${FILE_ID}}`, async (c) => {
    const found = await applicationContext(c);
    if (found.response) return found.response;
    const d = deps(c);
    const id = found.value.application.id;
    const file = await attachmentOf(d.db, d.files, id, c.req.param("fileId"));
    if (!file) return errorPage(c, "notFound");
    return c.body(new Uint8Array(file.bytes), 200, downloadHeaders(file));
  });

  app.get(`${APPLICATION}/soknad.json`, async (c) => {
    const found = await applicationContext(c);
    if (found.response) return found.response;
    const d = deps(c);
    const names = await municipalityNames(d.db, d.clock.now());
    const { application, round, programme, cohort } = found.value;
    return jsonDownload(
      c,
      {
        round: roundJson(round, programme.slug, cohort.number),
        application: await applicationExport(d.db, application, names, new Map()),
      },
      `soknad-${application.id}.json`,
    );
  });

  app.get(`${APPLICATION}/soknad.pdf`, async (c) => {
    const found = await applicationContext(c);
    if (found.response) return found.response;
    const d = deps(c);
    const { application } = found.value;
    const submission = await submissionOf(d.db, application.id);
    if (!submission) return errorPage(c, "notFound");
    const form = (await formById(d.db, submission.formId))!;
    const standard = application.writtenStandard ?? "nb";
    const titles = await programmeTitles(d.db, standard as Lang, [found.value.programme.id]);
    const names = await municipalityNames(d.db, d.clock.now());
    const pdf = await applicationPdf({
      standard,
      programmeTitle: titles.get(found.value.programme.id) ?? found.value.programme.slug,
      municipalityName: names.get(application.municipalityCode) ?? application.municipalityCode,
      submittedAt: submission.submittedAt,
      contentHash: submission.contentHash,
      formVersion: form.version,
      definition: form.definition,
      answers: submission.answers,
    });
    c.header("Cache-Control", "no-store");
    c.header("Content-Type", "application/pdf");
    c.header("Content-Disposition", `attachment; filename="soknad-${application.id}.pdf"`);
    return c.body(new Uint8Array(pdf));
  });

  return app;
}

function roundJson(round: Round, programme: string, cohort: number) {
  return {
    id: round.id,
    programme,
    cohort,
    deadline: round.deadline.toISOString(),
    closedAt: round.closedAt?.toISOString() ?? null,
    criteria: round.criteria,
  };
}
