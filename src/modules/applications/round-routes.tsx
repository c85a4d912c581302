import { asc, eq } from "drizzle-orm";
import { Hono } from "hono";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { parseDate } from "../../kernel/field-rules";
import { type FieldErrors, type FormValues, readForm } from "../../kernel/forms";
import { errorPage } from "../../web/error-pages";
import { render } from "../../web/render";
import { type CohortRef, cohortRef } from "../cohorts";
import { activeRoles, findPersonByEmail, personNames, requirePermission } from "../identity";
import type { ProgrammeRef } from "../programmes";
import {
  actor,
  applicationExport,
  type Found,
  head,
  jsonDownload,
  managedProgramme,
  municipalityNames,
  roundJson,
} from "./admin-access";
import { applicationAdminTexts } from "./admin-texts";
import { CRITERION_ROWS, RoundPage, roundPath } from "./admin-views";
import { nameAssessor } from "./assess";
import type { FormDefinition } from "./form-definition";
import { formById, latestForm } from "./forms";
import { closeRound, isOpen, openRound, roundOfCohort } from "./rounds";
import { applications, type Criterion, roundAssessors } from "./schema";

const LANG = "/:lang{nb|nn|en}";
const ID = ":id{[1-9][0-9]{0,8}}";
const ROUND = `${LANG}/admin/puljer/${ID}/soknadsrunde`;

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

/** An application cohort's round: open it, close it, name its assessors, list and export its applications. */
export function applicationRoundRoutes() {
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

  return app;
}
