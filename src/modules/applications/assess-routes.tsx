import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { Hono } from "hono";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { type FieldErrors, type FormValues, readForm } from "../../kernel/forms";
import { downloadHeaders } from "../../kernel/storage";
import { errorPage } from "../../web/error-pages";
import { render } from "../../web/render";
import { cohortRef } from "../cohorts";
import { personNames, requirePermission } from "../identity";
import { programmeTitles } from "../programmes";
import { answersToShow, municipalityNames } from "./admin-access";
import { assessTexts } from "./admin-texts";
import { assessmentsFor, isAssessorOf, saveAssessment } from "./assess";
import { AssessorListPage, type AssessorRound, AssessPage, assessPath } from "./assess-views";
import { attachmentOf, FILE_ID } from "./attachments";
import { type Application, applicationById } from "./drafts";
import { formById } from "./forms";
import { type Round, roundById } from "./rounds";
import { applicationRounds, applications, assessments, roundAssessors } from "./schema";

const LANG = "/:lang{nb|nn|en}";
const APPLICATION = `${LANG}/vurdering/soknader/:id{[1-9][0-9]{0,8}}`;

/** What an assessment's form shows as typed: the stored assessment, as strings. */
function formOf(own: typeof assessments.$inferSelect | null): FormValues {
  if (!own) return {};
  const values: FormValues = {
    conflict: own.conflict === "declared" ? "yes" : "",
    conflictNote: own.conflictNote ?? "",
    comment: own.comment,
    proposal: own.proposal ?? "",
  };
  for (const [id, s] of Object.entries(own.scores)) {
    values[`score-${id}`] = String(s.score);
    values[`comment-${id}`] = s.comment;
  }
  return values;
}

/**
 * The assessor's side: the rounds the person is named to with their submitted applications, and
 * each application with the person's own assessment (others' shown once their own is in).
 */
export function assessRoutes() {
  const app = new Hono<AppEnv>();

  app.get(`${LANG}/vurdering`, async (c) => {
    requirePermission(c, "assess", "application");
    const d = deps(c);
    const lang = langOf(c);
    const personId = c.get("user")!.personId;
    const rounds = await d.db
      .select({ round: applicationRounds })
      .from(roundAssessors)
      .innerJoin(applicationRounds, eq(applicationRounds.id, roundAssessors.roundId))
      .where(eq(roundAssessors.personId, personId))
      .orderBy(asc(applicationRounds.deadline));
    const roundIds = rounds.map((r) => r.round.id);
    const apps =
      roundIds.length === 0
        ? []
        : await d.db
            .select()
            .from(applications)
            .where(and(inArray(applications.roundId, roundIds), ne(applications.state, "draft")));
    const own =
      apps.length === 0
        ? []
        : await d.db
            .select()
            .from(assessments)
            .where(
              and(
                eq(assessments.personId, personId),
                inArray(
                  assessments.applicationId,
                  apps.map((a) => a.id),
                ),
              ),
            );
    const titles = await programmeTitles(
      d.db,
      lang,
      rounds.map((r) => r.round.programmeId),
    );
    const names = await municipalityNames(d.db, d.clock.now());
    const list: AssessorRound[] = [];
    for (const { round } of rounds) {
      const cohort = await cohortRef(d.db, round.cohortId);
      list.push({
        id: round.id,
        programme: titles.get(round.programmeId) ?? "",
        cohortNumber: cohort?.number ?? 0,
        deadline: round.deadline,
        applications: apps
          .filter((a) => a.roundId === round.id && a.state !== "withdrawn")
          .map((a) => {
            const mine = own.find((x) => x.applicationId === a.id);
            return {
              id: a.id,
              municipality: names.get(a.municipalityCode) ?? a.municipalityCode,
              own: !mine
                ? ("none" as const)
                : mine.conflict === "declared"
                  ? ("conflict" as const)
                  : mine.submittedAt
                    ? ("done" as const)
                    : ("draft" as const),
            };
          })
          .sort((x, y) => x.municipality.localeCompare(y.municipality, "nb")),
      });
    }
    c.header("Cache-Control", "no-store");
    return render(c, <AssessorListPage lang={lang} rounds={list} />);
  });

  /** The application, if the user is named to assess its round; else 404 or 403. */
  async function assessable(
    c: AppContext,
  ): Promise<
    | { response: Response | Promise<Response>; value?: never }
    | { value: { application: Application; round: Round }; response?: never }
  > {
    requirePermission(c, "assess", "application");
    const d = deps(c);
    const application = await applicationById(d.db, Number(c.req.param("id")));
    if (!application || application.state === "draft") {
      return { response: errorPage(c, "notFound") };
    }
    const round = (await roundById(d.db, application.roundId))!;
    if (!(await isAssessorOf(d.db, round.id, c.get("user")!.personId))) {
      return { response: errorPage(c, "notAllowed") };
    }
    return { value: { application, round } };
  }

  async function page(
    c: AppContext,
    ctx: { application: Application; round: Round },
    extra: { form?: { values: FormValues; errors: FieldErrors }; message?: string } = {},
    status: 200 | 422 = 200,
  ) {
    const d = deps(c);
    const personId = c.get("user")!.personId;
    const app = ctx.application;
    const form = (await formById(d.db, app.formId))!;
    const { own, others } = await assessmentsFor(d.db, app.id, personId);
    const final = own?.submittedAt !== null && own !== null;
    const seesOthers = final && own?.conflict === "none";
    const otherNames = await personNames(
      d.db,
      others.map((o) => o.personId),
    );
    const names = await municipalityNames(d.db, d.clock.now());
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <AssessPage
        lang={langOf(c)}
        municipality={names.get(app.municipalityCode) ?? app.municipalityCode}
        applicationId={app.id}
        definition={form.definition}
        answers={await answersToShow(d.db, app)}
        criteria={ctx.round.criteria}
        form={extra.form ?? { values: formOf(own), errors: {} }}
        final={final}
        others={
          seesOthers
            ? others.map((o) => ({
                name: otherNames.get(o.personId) ?? "–",
                conflict: o.conflict === "declared",
                scores: o.scores,
                proposal: o.proposal,
                comment: o.comment,
              }))
            : null
        }
        message={extra.message}
      />,
      status,
    );
  }

  // A file of the application, for the assessors named for its round.
  app.get(`${APPLICATION}/vedlegg/:fileId{${FILE_ID}}`, async (c) => {
    const found = await assessable(c);
    if (found.response) return found.response;
    const d = deps(c);
    const id = found.value.application.id;
    const file = await attachmentOf(d.db, d.files, id, c.req.param("fileId"));
    if (!file) return errorPage(c, "notFound");
    return c.body(new Uint8Array(file.bytes), 200, downloadHeaders(file));
  });

  app.get(APPLICATION, async (c) => {
    const found = await assessable(c);
    if (found.response) return found.response;
    const a = assessTexts(langOf(c));
    const message =
      c.req.query("sendt") !== undefined
        ? a.submitted
        : c.req.query("lagret") !== undefined
          ? a.saved
          : undefined;
    return page(c, found.value, { message });
  });

  app.post(APPLICATION, async (c) => {
    const found = await assessable(c);
    if (found.response) return found.response;
    const values = await readForm(c);
    const scores: Record<string, { score: string; comment: string }> = {};
    for (const criterion of found.value.round.criteria) {
      scores[criterion.id] = {
        score: values[`score-${criterion.id}`] ?? "",
        comment: values[`comment-${criterion.id}`] ?? "",
      };
    }
    const submit = values.intent === "submit";
    const result = await saveAssessment(
      deps(c).db,
      {
        applicationId: found.value.application.id,
        conflict: values.conflict === "yes",
        conflictNote: values.conflictNote ?? "",
        scores,
        comment: values.comment ?? "",
        proposal: values.proposal ?? "",
        submit,
      },
      { personId: c.get("user")!.personId, now: deps(c).clock.now() },
    );
    if (!result.ok) return page(c, found.value, { form: { values, errors: result.errors } }, 422);
    const done = submit || values.conflict === "yes";
    return c.redirect(
      `/${langOf(c)}${assessPath(found.value.application.id)}?${done ? "sendt" : "lagret"}`,
      303,
    );
  });

  return app;
}
