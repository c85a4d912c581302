import { Hono } from "hono";
import { z } from "zod";
import { confirmationsOf } from "../../kernel/child-guard-forms";
import { addDays, osloToday } from "../../kernel/clock";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { choice, dateField, optionalText, requiredText } from "../../kernel/field-rules";
import { type FormValues, readForm, validate } from "../../kernel/forms";
import { errorPage } from "../../web/error-pages";
import type { FormState } from "../../web/form-errors";
import { render } from "../../web/render";
import { cohortRef, enrolmentsOfUnits } from "../cohorts";
import { orgsGranting, requirePermission } from "../identity";
import { activeUnitsIn } from "../organisations";
import { programmeTitles } from "../programmes";
import { planPlace } from "./access";
import {
  followUpsOf,
  lastFollowUps,
  logFollowUp,
  MINUTES_MAX,
  noteMax,
  topicsMax,
} from "./follow-up";
import {
  FollowUpListPage,
  type FollowUpRow,
  FollowUpUnitPage,
  followUpPath,
  WEEK_CHOICES,
} from "./follow-up-views";
import { frameInForce } from "./frame";
import { plansOfUnits } from "./plan";
import { FOLLOW_UP_KINDS } from "./schema";

const UNIT = "/:lang{nb|nn|en}/oppfolging/:id{[0-9]{1,9}}/:orgnr{[0-9]{9}}";
const PERMISSION = "log:follow-up:municipality";

const followUpForm = z.object({
  kind: choice(FOLLOW_UP_KINDS),
  heldOn: dateField(),
  minutes: z
    .string({ error: "minutes" })
    .trim()
    .regex(/^[0-9]{1,4}$/, { error: "minutes" })
    .transform(Number)
    .refine((n) => n >= 1 && n <= MINUTES_MAX, { error: "minutes" }),
  topics: requiredText(topicsMax),
  note: optionalText(noteMax),
});

/** The municipalities whose units the person follows up. */
const followedMunicipalities = (c: AppContext) => {
  requirePermission(c, "log", "follow-up");
  return orgsGranting(c.get("user"), PERMISSION, "municipality");
};

/** Every enrolled unit of the person's municipalities, with its plan's state and last follow-up. */
async function overview(c: AppContext): Promise<FollowUpRow[]> {
  const db = deps(c).db;
  const lang = langOf(c);
  const units = await activeUnitsIn(db, [...followedMunicipalities(c)]);
  const enrolments = await enrolmentsOfUnits(
    db,
    units.map((u) => u.orgNumber),
  );
  const orgNumbers = enrolments.map((e) => e.unitOrgNumber);
  const [plans, last] = await Promise.all([
    plansOfUnits(db, orgNumbers),
    lastFollowUps(db, orgNumbers),
  ]);
  const cohorts = new Map<number, { number: number; programmeId: number }>();
  for (const id of new Set(enrolments.map((e) => e.cohortId))) {
    const ref = await cohortRef(db, id);
    if (ref) cohorts.set(id, ref);
  }
  const titles = await programmeTitles(db, lang, [
    ...new Set([...cohorts.values()].map((k) => k.programmeId)),
  ]);
  const frames = new Map<number, Awaited<ReturnType<typeof frameInForce>>>();
  for (const [id, ref] of cohorts) frames.set(id, await frameInForce(db, ref.programmeId, id));
  return enrolments
    .map((e) => {
      const plan = plans.find(
        (p) => p.cohortId === e.cohortId && p.unitOrgNumber === e.unitOrgNumber,
      );
      const phase = frames.get(e.cohortId)?.phases.find((p) => p.key === plan?.phase);
      const cohort = cohorts.get(e.cohortId);
      return {
        cohortId: e.cohortId,
        orgNumber: e.unitOrgNumber,
        unitName: units.find((u) => u.orgNumber === e.unitOrgNumber)?.name ?? e.unitOrgNumber,
        cohortName: cohort ? `${titles.get(cohort.programmeId) ?? ""}, ${cohort.number}` : "",
        phase: phase ? (lang === "nn" ? phase.nn : phase.nb) : null,
        planStarted: (plan?.version ?? 0) > 0,
        last: last.get(`${e.cohortId}:${e.unitOrgNumber}`) ?? null,
      };
    })
    .sort((a, b) => a.unitName.localeCompare(b.unitName, "nb") || a.cohortId - b.cohortId);
}

/** The unit of the path, enrolled and in one of the person's municipalities, or a response. */
async function unitOf(c: AppContext) {
  const municipalities = followedMunicipalities(c);
  const place = await planPlace(deps(c).db, Number(c.req.param("id")), c.req.param("orgnr") ?? "");
  if (!place) return { response: errorPage(c, "notFound") };
  if (!municipalities.has(place.unit.municipalityCode))
    return { response: errorPage(c, "notAllowed") };
  return { place };
}

async function showUnit(c: AppContext, form: FormState | null, status: 200 | 422 = 200) {
  const u = await unitOf(c);
  if (u.response) return u.response;
  const { place } = u;
  c.header("Cache-Control", "no-store");
  const today = osloToday(deps(c).clock.now());
  return render(
    c,
    <FollowUpUnitPage
      lang={langOf(c)}
      unitName={place.unit.name}
      cohortId={place.cohort.id}
      orgNumber={place.unit.orgNumber}
      log={await followUpsOf(deps(c).db, place.cohort.id, place.unit.orgNumber)}
      form={form ?? { values: { heldOn: today } as FormValues, errors: {} }}
      saved={!form && c.req.query("lagret") === "1"}
    />,
    status,
  );
}

export function followUpRoutes() {
  const app = new Hono<AppEnv>();

  app.get("/:lang{nb|nn|en}/oppfolging", async (c) => {
    const rows = await overview(c);
    const asked = c.req.query("uker") ?? "";
    const weeks = (WEEK_CHOICES as readonly string[]).includes(asked) ? asked : "";
    const since = weeks ? addDays(osloToday(deps(c).clock.now()), -7 * Number(weeks)) : null;
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <FollowUpListPage
        lang={langOf(c)}
        weeks={weeks}
        rows={since ? rows.filter((r) => r.last === null || r.last <= since) : rows}
      />,
    );
  });

  app.get(UNIT, (c) => showUnit(c, null));

  app.post(UNIT, async (c) => {
    const u = await unitOf(c);
    if (u.response) return u.response;
    const values = await readForm(c);
    const parsed = validate(followUpForm, values);
    const d = deps(c);
    const today = osloToday(d.clock.now());
    if (!parsed.ok) return showUnit(c, { values, errors: parsed.errors }, 422);
    if (parsed.data.heldOn > today)
      return showUnit(c, { values, errors: { heldOn: { code: "future" } } }, 422);
    const result = await logFollowUp(
      d.db,
      u.place,
      { ...parsed.data, confirmations: confirmationsOf(values) },
      { personId: c.get("user")!.personId, now: d.clock.now() },
    );
    if (!result.ok)
      return showUnit(c, { values, errors: result.errors, warnings: result.warnings ?? {} }, 422);
    return c.redirect(
      `/${langOf(c)}${followUpPath(u.place.cohort.id, u.place.unit.orgNumber)}?lagret=1`,
      303,
    );
  });

  return app;
}
