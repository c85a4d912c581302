import { Hono } from "hono";
import { addDays, endOfOsloDay } from "../../kernel/clock";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { parseDate } from "../../kernel/field-rules";
import { type FieldErrors, type FormValues, readForm } from "../../kernel/forms";
import { downloadHeaders } from "../../kernel/storage";
import { errorPage } from "../../web/error-pages";
import { formatDateTime, type Lang } from "../../web/i18n";
import { render } from "../../web/render";
import { type CohortRef, cohortRef } from "../cohorts";
import { personNames, requirePermission } from "../identity";
import { type ProgrammeRef, programmeTitles } from "../programmes";
import {
  actor,
  answersToShow,
  applicationExport,
  type Found,
  head,
  jsonDownload,
  managedProgramme,
  municipalityNames,
  roundJson,
} from "./admin-access";
import { applicationAdminTexts } from "./admin-texts";
import { ApplicationAdminPage, type AssessmentView, applicationAdminPath } from "./admin-views";
import { submittedAssessments } from "./assess";
import { attachmentOf, FILE_ID } from "./attachments";
import { decide } from "./decide";
import { type Application, applicationById } from "./drafts";
import { formById } from "./forms";
import { applicationPdf } from "./pdf";
import { type Round, roundById } from "./rounds";
import { reopenApplication, submissionOf } from "./submit";

const LANG = "/:lang{nb|nn|en}";
const ID = ":id{[1-9][0-9]{0,8}}";
const APPLICATION = `${LANG}/admin/soknader/${ID}`;

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

/** One application, for the programme admin: read it, decide, reopen it, its files and exports. */
export function applicationDecisionRoutes() {
  const app = new Hono<AppEnv>();

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
