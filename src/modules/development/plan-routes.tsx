import { Hono } from "hono";
import { z } from "zod";
import { confirmationsOf } from "../../kernel/child-guard-forms";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { choice, optionalText, requiredText } from "../../kernel/field-rules";
import {
  BadRequest,
  type FieldErrors,
  type FormValues,
  readForm,
  validate,
} from "../../kernel/forms";
import { errorPage } from "../../web/error-pages";
import type { FormState } from "../../web/form-errors";
import { render } from "../../web/render";
import { cohortRef, enrolmentsOfUnits } from "../cohorts";
import { gatheringsOfCohort } from "../gatherings";
import { orgsGranting, personNames, requirePermission } from "../identity";
import { meetingsOfUnit, meetingTitles } from "../networks";
import { activeUnitsIn, unitsByOrgNumber } from "../organisations";
import { programmeTitles } from "../programmes";
import { type PlanPlace, planAccess, planPlace } from "./access";
import { frameInForce } from "./frame";
import {
  addComment,
  addMeasure,
  assessmentTextMax,
  commentMax,
  goalsMax,
  measureDueMax,
  measureResponsibleMax,
  measureWhatMax,
  planDetails,
  planOf,
  plansOfUnits,
  reflectionMax,
  savePlan,
  setMeasureStatus,
  writeReflection,
} from "./plan";
import { type PlanForms, PlanListPage, PlanPage, planPath } from "./plan-views";
import { MEASURE_STATUSES, type SelfAssessment } from "./schema";

const PLAN = "/:lang{nb|nn|en}/utviklingsarbeid/:id{[0-9]{1,9}}/:orgnr{[0-9]{9}}";

const measureForm = z.object({
  what: requiredText(measureWhatMax),
  responsible: requiredText(measureResponsibleMax),
  due: requiredText(measureDueMax),
  status: choice(MEASURE_STATUSES),
});
const statusForm = z.object({ status: choice(MEASURE_STATUSES) });
const commentForm = z.object({ comment: requiredText(commentMax) });
const reflectionForm = z.object({
  // A gathering by its id, a network meeting as "meeting-<id>" (decision 0044).
  gathering: z.string({ error: "choice" }).regex(/^(meeting-)?[0-9]{1,9}$/, { error: "choice" }),
  tried: requiredText(reflectionMax),
  saw: requiredText(reflectionMax),
  next: requiredText(reflectionMax),
  shared: z.enum(["yes", ""]).default(""),
});

const NOTICES = ["plan", "tiltak", "status", "kommentar", "refleksjon"] as const;

/**
 * The plan's place and what the person may do there, or the page that refuses. Someone who may
 * do `need` to no plan at all is refused before anything is looked up.
 */
async function placeOf(c: AppContext, need: "read" | "edit" | "comment" = "read") {
  requirePermission(c, need, "plan");
  const db = deps(c).db;
  const place = await planPlace(db, Number(c.req.param("id")), c.req.param("orgnr") ?? "");
  if (!place) return { response: errorPage(c, "notFound") };
  const access = planAccess(c.get("user"), place.unit);
  if (!access.read || !access[need]) return { response: errorPage(c, "notAllowed") };
  return { place, access };
}

async function showPlan(
  c: AppContext,
  place: PlanPlace,
  access: ReturnType<typeof planAccess>,
  forms: PlanForms = {},
  status: 200 | 422 = 200,
) {
  const db = deps(c).db;
  const lang = langOf(c);
  const [plan, frame, gatherings, meetings, titles] = await Promise.all([
    planOf(db, place.cohort.id, place.unit.orgNumber),
    frameInForce(db, place.cohort.programmeId, place.cohort.id),
    gatheringsOfCohort(db, place.cohort.programmeId, place.cohort.id),
    meetingsOfUnit(db, place.cohort.id, place.unit.orgNumber),
    programmeTitles(db, lang, [place.cohort.programmeId]),
  ]);
  const details = plan
    ? await planDetails(db, plan.id)
    : { measures: [], reflections: [], comments: [], versions: [] };
  const names = await personNames(
    db,
    details.versions.map((v) => v.savedBy).filter((id): id is number => id !== null),
  );
  const notice = c.req.query("lagret");
  c.header("Cache-Control", "no-store");
  return render(
    c,
    <PlanPage
      lang={lang}
      now={deps(c).clock.now()}
      unit={place.unit}
      cohort={{
        ...place.cohort,
        title: titles.get(place.cohort.programmeId) ?? "",
      }}
      access={access}
      plan={plan}
      frame={frame}
      gatherings={gatherings}
      meetings={meetings}
      meetingTitles={
        await meetingTitles(
          db,
          details.reflections
            .filter((r) => r.aboutKind === "network-meeting")
            .map((r) => r.aboutId),
        )
      }
      details={details}
      savedByName={(id) => (id === null ? "" : (names.get(id) ?? ""))}
      forms={forms}
      {...(notice && (NOTICES as readonly string[]).includes(notice) && status === 200
        ? { notice: notice as (typeof NOTICES)[number] }
        : {})}
    />,
    status,
  );
}

/** The plan form: the phase one of the frame's, each score 1–5 or none, short texts. */
function parsePlanForm(
  values: FormValues,
  frame: { themes: { key: string }[]; phases: { key: string }[] } | null,
):
  | { ok: true; phase: string | null; selfAssessment: SelfAssessment; goals: string }
  | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const phase = (values.phase ?? "").trim();
  if (phase !== "" && !frame?.phases.some((p) => p.key === phase))
    errors.phase = { code: "choice" };
  const selfAssessment: SelfAssessment = {};
  for (const theme of frame?.themes ?? []) {
    const score = (values[`score-${theme.key}`] ?? "").trim();
    const text = (values[`assessment-${theme.key}-text`] ?? "").trim();
    if (score !== "" && !/^[1-5]$/.test(score)) errors[`score-${theme.key}`] = { code: "score" };
    if (text.length > assessmentTextMax)
      errors[`assessment-${theme.key}-text`] = { code: "max", max: assessmentTextMax };
    selfAssessment[theme.key] = { score: score === "" ? null : Number(score), text };
  }
  const goals = optionalText(goalsMax).safeParse(values.goals ?? "");
  if (!goals.success) errors.goals = { code: "max", max: goalsMax };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, phase: phase === "" ? null : phase, selfAssessment, goals: goals.data ?? "" };
}

function versionOf(values: FormValues): number {
  const v = values.version ?? "";
  if (!/^[0-9]{1,9}$/.test(v)) throw new BadRequest("version");
  return Number(v);
}

const actor = (c: AppContext) => ({ personId: c.get("user")!.personId, now: deps(c).clock.now() });

const done = (c: AppContext, place: PlanPlace, what: (typeof NOTICES)[number], anchor: string) =>
  c.redirect(
    `/${langOf(c)}${planPath(place.cohort.id, place.unit.orgNumber)}?lagret=${what}#${anchor}`,
    303,
  );

export function planRoutes() {
  const app = new Hono<AppEnv>();

  // The plans the person may read: their units', or their municipality's units'.
  app.get("/:lang{nb|nn|en}/utviklingsarbeid", async (c) => {
    const user = c.get("user");
    const unitsRead = orgsGranting(user, "read:plan:unit", "unit");
    const municipalities = orgsGranting(user, "read:plan:municipality", "municipality");
    requirePermission(c, "read", "plan");
    const db = deps(c).db;
    const lang = langOf(c);
    const orgNumbers = new Set(unitsRead);
    if (municipalities.size > 0)
      for (const u of await activeUnitsIn(db, [...municipalities])) orgNumbers.add(u.orgNumber);
    const enrolments = await enrolmentsOfUnits(db, [...orgNumbers]);
    const units = await unitsByOrgNumber(db, [...new Set(enrolments.map((e) => e.unitOrgNumber))]);
    const cohorts = new Map<number, { number: number; programmeId: number }>();
    for (const id of new Set(enrolments.map((e) => e.cohortId))) {
      const ref = await cohortRef(db, id);
      if (ref) cohorts.set(id, ref);
    }
    const titles = await programmeTitles(db, lang, [
      ...new Set([...cohorts.values()].map((k) => k.programmeId)),
    ]);
    const plans = await plansOfUnits(
      db,
      enrolments.map((e) => e.unitOrgNumber),
    );
    const frames = new Map<number, Awaited<ReturnType<typeof frameInForce>>>();
    for (const [id, ref] of cohorts) frames.set(id, await frameInForce(db, ref.programmeId, id));
    const rows = enrolments
      .map((e) => {
        const unit = units.find((u) => u.orgNumber === e.unitOrgNumber);
        const cohort = cohorts.get(e.cohortId);
        const plan = plans.find(
          (p) => p.cohortId === e.cohortId && p.unitOrgNumber === e.unitOrgNumber,
        );
        const phase = frames.get(e.cohortId)?.phases.find((p) => p.key === plan?.phase);
        return {
          cohortId: e.cohortId,
          orgNumber: e.unitOrgNumber,
          unitName: unit?.name ?? e.unitOrgNumber,
          cohortName: cohort
            ? { title: titles.get(cohort.programmeId) ?? "", number: cohort.number }
            : null,
          phase: phase ? (lang === "nn" ? phase.nn : phase.nb) : null,
          version: plan?.version ?? 0,
        };
      })
      .sort((a, b) => a.unitName.localeCompare(b.unitName, "nb") || a.cohortId - b.cohortId);
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <PlanListPage
        lang={lang}
        rows={rows}
        followUp={(user?.permissions ?? []).some((p) => p.startsWith("log:follow-up:"))}
        progress={(user?.permissions ?? []).some((p) => p.startsWith("read:progress:"))}
      />,
    );
  });

  app.get(PLAN, async (c) => {
    const p = await placeOf(c);
    if (p.response) return p.response;
    return showPlan(c, p.place, p.access);
  });

  app.post(`${PLAN}/plan`, async (c) => {
    const p = await placeOf(c, "edit");
    if (p.response) return p.response;
    const values = await readForm(c);
    const version = versionOf(values);
    const db = deps(c).db;
    const frame = await frameInForce(db, p.place.cohort.programmeId, p.place.cohort.id);
    const parsed = parsePlanForm(values, frame);
    if (!parsed.ok)
      return showPlan(c, p.place, p.access, { plan: { values, errors: parsed.errors } }, 422);
    const result = await savePlan(
      db,
      p.place,
      {
        version,
        phase: parsed.phase,
        selfAssessment: parsed.selfAssessment,
        goals: parsed.goals,
        confirmations: confirmationsOf(values),
      },
      actor(c),
    );
    if (!result.ok) {
      const stale = result.errors.form?.code === "stale";
      // The writer keeps what they typed, now drawn against the version saved meanwhile.
      const kept = stale
        ? { ...values, version: String(result.errors.form?.params?.version ?? 0) }
        : values;
      const form: FormState = {
        values: kept,
        errors: result.errors,
        warnings: result.warnings ?? {},
      };
      return showPlan(c, p.place, p.access, { plan: form, stale }, 422);
    }
    return done(c, p.place, "plan", "plan-heading");
  });

  app.post(`${PLAN}/tiltak`, async (c) => {
    const p = await placeOf(c, "edit");
    if (p.response) return p.response;
    const values = await readForm(c);
    const parsed = validate(measureForm, values);
    if (!parsed.ok)
      return showPlan(c, p.place, p.access, { measure: { values, errors: parsed.errors } }, 422);
    const result = await addMeasure(
      deps(c).db,
      p.place,
      { ...parsed.data, confirmations: confirmationsOf(values) },
      actor(c),
    );
    if (!result.ok)
      return showPlan(
        c,
        p.place,
        p.access,
        { measure: { values, errors: result.errors, warnings: result.warnings ?? {} } },
        422,
      );
    return done(c, p.place, "tiltak", "measures-heading");
  });

  app.post(`${PLAN}/tiltak/:measure{[0-9]{1,9}}`, async (c) => {
    const p = await placeOf(c, "edit");
    if (p.response) return p.response;
    const values = await readForm(c);
    const parsed = validate(statusForm, values);
    if (!parsed.ok) throw new BadRequest("status");
    const result = await setMeasureStatus(
      deps(c).db,
      p.place,
      { measureId: Number(c.req.param("measure")), status: parsed.data.status },
      actor(c),
    );
    if (!result.ok) return errorPage(c, "notFound");
    return done(c, p.place, "status", "measures-heading");
  });

  app.post(`${PLAN}/kommentar`, async (c) => {
    const p = await placeOf(c, "comment");
    if (p.response) return p.response;
    const values = await readForm(c);
    const parsed = validate(commentForm, values);
    if (!parsed.ok)
      return showPlan(c, p.place, p.access, { comment: { values, errors: parsed.errors } }, 422);
    const result = await addComment(
      deps(c).db,
      p.place,
      {
        text: parsed.data.comment,
        authorName: c.get("user")!.name,
        confirmations: confirmationsOf(values),
      },
      actor(c),
    );
    if (!result.ok)
      return showPlan(
        c,
        p.place,
        p.access,
        { comment: { values, errors: result.errors, warnings: result.warnings ?? {} } },
        422,
      );
    return done(c, p.place, "kommentar", "comments-heading");
  });

  app.post(`${PLAN}/refleksjon`, async (c) => {
    const p = await placeOf(c, "edit");
    if (p.response) return p.response;
    const values = await readForm(c);
    const parsed = validate(reflectionForm, values);
    if (!parsed.ok)
      return showPlan(c, p.place, p.access, { reflection: { values, errors: parsed.errors } }, 422);
    const result = await writeReflection(
      deps(c).db,
      p.place,
      {
        about: parsed.data.gathering.startsWith("meeting-")
          ? { kind: "network-meeting", id: Number(parsed.data.gathering.slice(8)) }
          : { kind: "gathering", id: Number(parsed.data.gathering) },
        tried: parsed.data.tried,
        saw: parsed.data.saw,
        next: parsed.data.next,
        shared: parsed.data.shared === "yes",
        confirmations: confirmationsOf(values),
      },
      actor(c),
    );
    if (!result.ok)
      return showPlan(
        c,
        p.place,
        p.access,
        { reflection: { values, errors: result.errors, warnings: result.warnings ?? {} } },
        422,
      );
    return done(c, p.place, "refleksjon", "reflections-heading");
  });

  return app;
}
