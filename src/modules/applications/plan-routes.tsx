import { Hono } from "hono";
import { osloToday } from "../../kernel/clock";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { type FieldErrors, type FormValues, readForm, readFormAll } from "../../kernel/forms";
import { errorPage } from "../../web/error-pages";
import type { Lang } from "../../web/i18n";
import { localPath } from "../../web/layout";
import { render } from "../../web/render";
import { Forbidden, orgsGranting, requirePermission } from "../identity";
import { municipalitiesAt, unitsOfMunicipality } from "../organisations";
import { programmeTitles } from "../programmes";
import {
  addActivity,
  markActivityDone,
  planOf,
  recordGuidance,
  recordOwnCost,
  setPlanPeriod,
} from "./plan";
import { type PlanReach, participationFor, participationsFor } from "./plan-reads";
import { ParticipationsPage, type PlanForm, PlanPage } from "./plan-views";

/**
 * The tailored plans: the programme admin of the programme's owner and the municipality's
 * coordinators follow one together. Each side writes its own part: the owner the period and the
 * guidance, the municipality its costs; either adds activities and marks them done.
 */
function reachOf(c: AppContext): PlanReach {
  requirePermission(c, "follow", "participation");
  const user = c.get("user");
  return {
    owners: orgsGranting(user, "follow:participation:owner", "owner"),
    municipalities: orgsGranting(user, "follow:participation:municipality", "municipality"),
  };
}

async function municipalityNames(c: AppContext) {
  const all = await municipalitiesAt(deps(c).db, osloToday(deps(c).clock.now()));
  return new Map(all.map((m) => [m.code, m.name]));
}

/** The participation of the path, with the reader's side; 404 or 403 as the case is. */
async function load(c: AppContext) {
  const reach = reachOf(c);
  const found = await participationFor(deps(c).db, Number(c.req.param("id")), reach);
  if (!found) return null;
  if (!found.side.owner && !found.side.municipality) throw new Forbidden("follow:participation");
  return found;
}

type Loaded = NonNullable<Awaited<ReturnType<typeof load>>>;

async function showPlan(
  c: AppContext,
  lang: Lang,
  found: Loaded,
  form?: { which: PlanForm; values: FormValues; errors: FieldErrors; units?: string[] },
) {
  const db = deps(c).db;
  const p = found.participation;
  const [plan, names, titles, units] = await Promise.all([
    planOf(db, p.id),
    municipalityNames(c),
    programmeTitles(db, lang, [found.programmeId]),
    unitsOfMunicipality(db, p.municipalityCode, { active: true }),
  ]);
  c.header("Cache-Control", "no-store");
  return render(
    c,
    <PlanPage
      lang={lang}
      participation={p}
      municipality={names.get(p.municipalityCode) ?? p.municipalityCode}
      programme={titles.get(found.programmeId) ?? ""}
      side={found.side}
      plan={plan}
      units={units.map((u) => ({ orgNumber: u.orgNumber, name: u.name }))}
      {...(form
        ? {
            form: {
              which: form.which,
              state: { values: form.values, errors: form.errors },
              ...(form.units ? { units: form.units } : {}),
            },
          }
        : {})}
    />,
    form ? 422 : 200,
  );
}

const field = (values: FormValues, name: string) => values[name] ?? "";
const back = (c: AppContext, id: number, anchor: string) =>
  c.redirect(`${localPath(langOf(c), `/deltakelser/${id}`)}#${anchor}`, 303);

/**
 * Ids as the other routes of the module take them: at most nine digits, so that every id the
 * path admits fits the integer columns (a longer one is no route: 404, never a database error).
 */
const ID = "[1-9][0-9]{0,8}";
const PLAN = `/:lang{nb|nn|en}/deltakelser/:id{${ID}}`;

export function planRoutes() {
  const app = new Hono<AppEnv>();

  app.get("/:lang{nb|nn|en}/deltakelser", async (c) => {
    const lang = langOf(c);
    const db = deps(c).db;
    const rows = await participationsFor(db, reachOf(c));
    const [names, titles] = await Promise.all([
      municipalityNames(c),
      programmeTitles(db, lang, [...new Set(rows.map((r) => r.programmeId))]),
    ]);
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <ParticipationsPage
        lang={lang}
        rows={rows.map((r) => ({
          id: r.participation.id,
          municipality:
            names.get(r.participation.municipalityCode) ?? r.participation.municipalityCode,
          programme: titles.get(r.programmeId) ?? "",
          startsOn: r.participation.startsOn,
          months: r.participation.months,
        }))}
      />,
    );
  });

  app.get(PLAN, async (c) => {
    const found = await load(c);
    if (!found) return errorPage(c, "notFound");
    return showPlan(c, langOf(c), found);
  });

  app.post(`${PLAN}/periode`, async (c) => {
    const found = await load(c);
    if (!found) return errorPage(c, "notFound");
    if (!found.side.owner) throw new Forbidden("follow:participation:owner");
    const values = await readForm(c);
    const result = await setPlanPeriod(deps(c).db, {
      participationId: found.participation.id,
      startsOn: field(values, "startsOn"),
      months: field(values, "months").trim(),
    });
    if (!result.ok) {
      return showPlan(c, langOf(c), found, { which: "period", values, errors: result.errors });
    }
    return back(c, found.participation.id, "periode-heading");
  });

  app.post(`${PLAN}/aktiviteter`, async (c) => {
    const found = await load(c);
    if (!found) return errorPage(c, "notFound");
    const all = await readFormAll(c);
    const one = (name: string) => {
      const v = all[name]?.[0];
      return typeof v === "string" ? v : "";
    };
    const units = (all.units ?? []).filter((u): u is string => typeof u === "string");
    const values: FormValues = {
      kind: one("kind"),
      mode: one("mode"),
      plannedOn: one("plannedOn"),
      note: one("note"),
    };
    // Only the municipality's own units may be named.
    const own = new Set(
      (
        await unitsOfMunicipality(deps(c).db, found.participation.municipalityCode, {
          active: true,
        })
      ).map((u) => u.orgNumber),
    );
    const result = units.every((u) => own.has(u))
      ? await addActivity(deps(c).db, {
          participationId: found.participation.id,
          kind: values.kind!,
          mode: values.mode!,
          plannedOn: values.plannedOn!,
          units,
          note: values.note!,
        })
      : ({ ok: false, errors: { units: { code: "choice" } } } as const);
    if (!result.ok) {
      return showPlan(c, langOf(c), found, {
        which: "activity",
        values,
        errors: result.errors,
        units,
      });
    }
    return back(c, found.participation.id, "aktiviteter-heading");
  });

  app.post(`${PLAN}/aktiviteter/:activity{${ID}}/gjennomfort`, async (c) => {
    const found = await load(c);
    if (!found) return errorPage(c, "notFound");
    const user = c.get("user")!;
    const result = await markActivityDone(
      deps(c).db,
      { participationId: found.participation.id, activityId: Number(c.req.param("activity")) },
      { personId: user.personId, now: deps(c).clock.now() },
    );
    // Marked already (by the other side, or a second click): the page shows it done. An
    // activity of no plan, or of another plan, is not there to mark.
    if (!result.ok && result.errors.activity?.code !== "alreadyDone") {
      return errorPage(c, "notFound");
    }
    return back(c, found.participation.id, "aktiviteter-heading");
  });

  app.post(`${PLAN}/veiledning`, async (c) => {
    const found = await load(c);
    if (!found) return errorPage(c, "notFound");
    if (!found.side.owner) throw new Forbidden("follow:participation:owner");
    const values = await readForm(c);
    const result = await recordGuidance(
      deps(c).db,
      {
        participationId: found.participation.id,
        givenOn: field(values, "givenOn"),
        mode: field(values, "mode"),
        topics: field(values, "topics"),
        note: field(values, "note"),
      },
      { personId: c.get("user")!.personId, now: deps(c).clock.now() },
    );
    if (!result.ok) {
      return showPlan(c, langOf(c), found, { which: "guidance", values, errors: result.errors });
    }
    return back(c, found.participation.id, "veiledning-heading");
  });

  app.post(`${PLAN}/kostnader`, async (c) => {
    const found = await load(c);
    if (!found) return errorPage(c, "notFound");
    if (!found.side.municipality) throw new Forbidden("follow:participation:municipality");
    const values = await readForm(c);
    const result = await recordOwnCost(
      deps(c).db,
      {
        participationId: found.participation.id,
        kind: field(values, "kind"),
        amount: field(values, "amount"),
        note: field(values, "note"),
        estimate: field(values, "estimate"),
      },
      { personId: c.get("user")!.personId, now: deps(c).clock.now() },
    );
    if (!result.ok) {
      return showPlan(c, langOf(c), found, { which: "cost", values, errors: result.errors });
    }
    return back(c, found.participation.id, "kostnader-heading");
  });

  return app;
}
