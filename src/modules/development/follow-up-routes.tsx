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
import { cohortRef, enrolmentsOfUnits, municipalityParticipation, ppContacts } from "../cohorts";
import { getPerson, orgsGranting, requirePermission } from "../identity";
import { networksPerMemberEmail } from "../networks";
import {
  activeUnitsIn,
  municipalityNamesAt,
  ppServicesAt,
  unitNamesByOrgNumber,
} from "../organisations";
import { programmeTitles } from "../programmes";
import { planPlace } from "./access";
import {
  followUpCounts,
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
  PpFollowUpPage,
  type PpRow,
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

/**
 * The PP-tjeneste's part (issue 12): the contact each of the municipalities named for each
 * cohort, the PP-tjeneste and the other municipalities it serves (one PP-tjeneste is often
 * shared by several), and how many networks the contact is a member of.
 */
async function ppPart(c: AppContext, municipalities: string[]): Promise<PpRow[]> {
  const db = deps(c).db;
  const lang = langOf(c);
  const contacts = await ppContacts(db, { municipalities });
  if (contacts.length === 0) return [];
  const today = osloToday(deps(c).clock.now());
  const ids = [...new Set(contacts.map((x) => x.ppServiceId).filter((x): x is number => !!x))];
  const services = ids.length > 0 ? await ppServicesAt(db, { date: today, ids }) : [];
  const names = await municipalityNamesAt(db, municipalities, today);
  const inNetworks = await networksPerMemberEmail(
    db,
    contacts.map((x) => x.email),
  );
  const labels = await cohortNames(c, [...new Set(contacts.map((x) => x.cohortId))], lang);
  return contacts.map((x) => {
    const service = services.find((s) => s.id === x.ppServiceId);
    return {
      municipality: names.get(x.municipalityCode) ?? x.municipalityCode,
      cohortName: labels.get(x.cohortId) ?? "",
      name: x.name,
      email: x.email,
      service: service?.name ?? null,
      sharedWith: (service?.municipalities ?? [])
        .filter((m) => m.code !== x.municipalityCode)
        .map((m) => m.name),
      networks: inNetworks.get(x.email.toLowerCase()) ?? 0,
    };
  });
}

/** "IBS, 3" per cohort id (as the overview names them). */
async function cohortNames(c: AppContext, ids: number[], lang: ReturnType<typeof langOf>) {
  const db = deps(c).db;
  const refs = new Map<number, { number: number; programmeId: number }>();
  for (const id of ids) {
    const ref = await cohortRef(db, id);
    if (ref) refs.set(id, ref);
  }
  const titles = await programmeTitles(db, lang, [
    ...new Set([...refs.values()].map((k) => k.programmeId)),
  ]);
  return new Map(
    [...refs].map(([id, k]) => [id, `${titles.get(k.programmeId) ?? ""}, ${k.number}`]),
  );
}

/**
 * The PP-tjeneste contact's own page: every unit enrolled by a municipality that named her (by
 * her account's e-mail) as its PP-tjeneste contact for a cohort, with the plan's state, the
 * number of follow-ups and the last one. Figures only: the notes are the unit's, the
 * municipality's and the resource person's. Nobody else named: 403.
 */
async function ppOverview(c: AppContext) {
  const db = deps(c).db;
  const lang = langOf(c);
  const person = await getPerson(db, c.get("user")!.personId);
  const named = person?.email ? await ppContacts(db, { email: person.email }) : [];
  if (named.length === 0) return null;
  const places: { cohortId: number; orgNumber: string; municipalityCode: string }[] = [];
  for (const x of named)
    for (const orgNumber of (await municipalityParticipation(db, x.cohortId, x.municipalityCode))
      .units)
      places.push({ cohortId: x.cohortId, orgNumber, municipalityCode: x.municipalityCode });
  const orgNumbers = [...new Set(places.map((p) => p.orgNumber))];
  const [plans, last, unitNames, counts] = await Promise.all([
    plansOfUnits(db, orgNumbers),
    lastFollowUps(db, orgNumbers),
    unitNamesByOrgNumber(db, orgNumbers),
    followUpCounts(db, orgNumbers),
  ]);
  const today = osloToday(deps(c).clock.now());
  const municipalityNames = await municipalityNamesAt(
    db,
    [...new Set(named.map((x) => x.municipalityCode))],
    today,
  );
  const labels = await cohortNames(c, [...new Set(named.map((x) => x.cohortId))], lang);
  const frames = new Map<number, Awaited<ReturnType<typeof frameInForce>>>();
  for (const id of new Set(named.map((x) => x.cohortId))) {
    const ref = await cohortRef(db, id);
    if (ref) frames.set(id, await frameInForce(db, ref.programmeId, id));
  }
  return places
    .map((p) => {
      const plan = plans.find((x) => x.cohortId === p.cohortId && x.unitOrgNumber === p.orgNumber);
      const phase = frames.get(p.cohortId)?.phases.find((x) => x.key === plan?.phase);
      return {
        unitName: unitNames.get(p.orgNumber) ?? p.orgNumber,
        municipality: municipalityNames.get(p.municipalityCode) ?? p.municipalityCode,
        cohortName: labels.get(p.cohortId) ?? "",
        phase: phase ? (lang === "nn" ? phase.nn : phase.nb) : null,
        planStarted: (plan?.version ?? 0) > 0,
        last: last.get(`${p.cohortId}:${p.orgNumber}`) ?? null,
        followUps: counts.get(`${p.cohortId}:${p.orgNumber}`) ?? 0,
      };
    })
    .sort(
      (a, b) =>
        a.municipality.localeCompare(b.municipality, "nb") ||
        a.unitName.localeCompare(b.unitName, "nb"),
    );
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

  app.get("/:lang{nb|nn|en}/oppfolging/pp", async (c) => {
    const rows = await ppOverview(c);
    if (rows === null) return errorPage(c, "notAllowed");
    c.header("Cache-Control", "no-store");
    return render(c, <PpFollowUpPage lang={langOf(c)} rows={rows} />);
  });

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
        pp={await ppPart(c, [...followedMunicipalities(c)])}
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
