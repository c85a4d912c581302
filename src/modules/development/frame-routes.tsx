import { Hono } from "hono";
import { confirmationsOf } from "../../kernel/child-guard-forms";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { BadRequest, type FormValues, readForm } from "../../kernel/forms";
import { errorPage } from "../../web/error-pages";
import type { FormState } from "../../web/form-errors";
import { render } from "../../web/render";
import { cohortIdOf, cohortsOfProgrammes } from "../cohorts";
import { orgsGranting, requirePermission } from "../identity";
import { ownProgramme, programmesOwnedBy, programmeTitles } from "../programmes";
import { frameOf, frameValues, frameVersions, parseFrame, saveFrame } from "./frame";
import { FrameListPage, FramePage, framePath } from "./frame-views";

const PROGRAMME = "/:lang{nb|nn|en}/admin/rammeverk/:slug{[a-z0-9-]{1,60}}";
const COHORT = `${PROGRAMME}/pulje/:number{[0-9]{1,4}}`;

/** The programme (owned by the admin's organisation) and cohort of the path, or a response. */
async function target(c: AppContext) {
  requirePermission(c, "edit", "frame");
  const owned = await ownProgramme(c, "edit");
  if (owned.response) return { response: owned.response };
  const { programme } = owned;
  const db = deps(c).db;
  const number = c.req.param("number");
  let cohortId: number | null = null;
  if (number !== undefined) {
    cohortId = await cohortIdOf(db, programme.id, Number(number));
    if (cohortId === null) return { response: errorPage(c, "notFound") };
  }
  const title =
    (await programmeTitles(db, langOf(c), [programme.id])).get(programme.id) ?? programme.slug;
  return {
    programme: { id: programme.id, slug: programme.slug, title },
    cohortId,
    cohortNumber: number === undefined ? null : Number(number),
  };
}

async function show(c: AppContext, form: FormState | null, status: 200 | 422 = 200) {
  const t = await target(c);
  if (t.response) return t.response;
  const db = deps(c).db;
  const current = await frameOf(db, t.programme.id, t.cohortId);
  const saved = Number(c.req.query("lagret") ?? "") || undefined;
  c.header("Cache-Control", "no-store");
  return render(
    c,
    <FramePage
      lang={langOf(c)}
      programme={t.programme}
      cohortNumber={t.cohortNumber}
      version={form ? Number(form.values.version ?? 0) : (current?.version ?? 0)}
      versions={await frameVersions(db, t.programme.id, t.cohortId)}
      form={form ?? { values: frameValues(current), errors: {} }}
      {...(saved && !form ? { saved } : {})}
    />,
    status,
  );
}

function versionOf(values: FormValues): number {
  const v = values.version ?? "";
  if (!/^[0-9]{1,9}$/.test(v)) throw new BadRequest("version");
  return Number(v);
}

export function frameRoutes() {
  const app = new Hono<AppEnv>();
  app.get("/:lang{nb|nn|en}/admin/rammeverk", async (c) => {
    const scopes = requirePermission(c, "edit", "frame");
    const db = deps(c).db;
    const owners = scopes.includes("any")
      ? ["udir", "fub"]
      : [...orgsGranting(c.get("user"), "edit:frame:owner", "owner")];
    const programmes = await programmesOwnedBy(db, owners);
    const titles = await programmeTitles(
      db,
      langOf(c),
      programmes.map((p) => p.id),
    );
    const cohorts = await cohortsOfProgrammes(
      db,
      programmes.map((p) => p.id),
    );
    return render(
      c,
      <FrameListPage
        lang={langOf(c)}
        programmes={programmes.map((p) => ({
          slug: p.slug,
          title: titles.get(p.id) ?? p.slug,
          cohorts: cohorts.filter((k) => k.programmeId === p.id).map((k) => k.number),
        }))}
      />,
    );
  });
  for (const path of [PROGRAMME, COHORT]) {
    app.get(path, (c) => show(c, null));
    app.post(path, async (c) => {
      const t = await target(c);
      if (t.response) return t.response;
      const values = await readForm(c);
      const version = versionOf(values);
      const parsed = parseFrame(values);
      if (!parsed.ok) return show(c, { values, errors: parsed.errors }, 422);
      const d = deps(c);
      const result = await saveFrame(
        d.db,
        {
          programmeId: t.programme.id,
          cohortId: t.cohortId,
          version,
          frame: parsed.data,
          confirmations: confirmationsOf(values),
        },
        { personId: c.get("user")!.personId, now: d.clock.now() },
      );
      if (!result.ok) {
        // A stale save keeps what was typed, drawn against the version now saved.
        const current = await frameOf(d.db, t.programme.id, t.cohortId);
        const kept = result.errors.form
          ? { ...values, version: String(current?.version ?? 0) }
          : values;
        return show(
          c,
          { values: kept, errors: result.errors, warnings: result.warnings ?? {} },
          422,
        );
      }
      const path = framePath(t.programme.slug, t.cohortNumber);
      return c.redirect(`/${langOf(c)}${path}?lagret=${result.version}`, 303);
    });
  }
  return app;
}
