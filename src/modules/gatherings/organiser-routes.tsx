import { Hono } from "hono";
import { osloToday } from "../../kernel/clock";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { type FieldErrors, type FormValues, readForm } from "../../kernel/forms";
import { errorPage } from "../../web/error-pages";
import { render } from "../../web/render";
import { cohortsOfProgrammes } from "../cohorts";
import { orgsGranting } from "../identity";
import { municipalitiesAt } from "../organisations";
import { programmesOwnedBy, programmeTitles } from "../programmes";
import {
  checkGathering,
  createGathering,
  editGathering,
  type Gathering,
  type GatheringInput,
  gatheringById,
  gatheringLimits,
  gatheringsOfProgrammes,
  registrationCounts,
  sessionsOf,
} from "./gatherings";
import {
  EMPTY_SESSION_ROWS,
  errorsOnRows,
  gatheringFormValues,
  parseGatheringForm,
} from "./organiser-form";
import { ADMIN_PATH, GatheringFormPage, OrganiserListPage } from "./organiser-views";

const BASE = `/:lang{nb|nn|en}${ADMIN_PATH}`;
const ONE = `${BASE}/:id{[0-9]{1,9}}`;
const PERMISSION = "manage:gathering:owner";

const actor = (c: AppContext) => ({
  personId: c.get("user")!.personId,
  now: deps(c).clock.now(),
  baseUrl: deps(c).linkBase,
});

/** The programmes whose gatherings the user organises: those of the owners she administers. */
async function ownProgrammes(c: AppContext) {
  const owners = [...orgsGranting(c.get("user"), PERMISSION, "owner")];
  if (owners.length === 0) return [];
  const { db } = deps(c);
  const refs = await programmesOwnedBy(db, owners);
  const titles = await programmeTitles(
    db,
    langOf(c),
    refs.map((p) => p.id),
  );
  return refs.map((p) => ({ id: p.id, owner: p.owner, title: titles.get(p.id) ?? p.slug }));
}

type Own = Awaited<ReturnType<typeof ownProgrammes>>;

/** How many session rows a posted form has (`session-N-…`), within the agenda's limit. */
function rowsIn(raw: FormValues): number {
  let rows = 0;
  for (const key of Object.keys(raw)) {
    const m = /^session-([0-9]{1,3})-/.exec(key);
    if (m) rows = Math.max(rows, Number(m[1]));
  }
  return Math.min(rows, gatheringLimits.sessions + EMPTY_SESSION_ROWS);
}

/** The posted form as the command's input, or the errors to show with it. */
async function readGathering(
  c: AppContext,
  own: Own,
  raw: FormValues,
): Promise<{ input: GatheringInput; rowOf: number[]; errors: FieldErrors }> {
  const parsed = parseGatheringForm(raw, rowsIn(raw));
  const errors = { ...parsed.errors };
  const programme = own.find((p) => String(p.id) === parsed.programme);
  if (!programme) errors.programme = { code: "choice" };
  const { db, clock } = deps(c);
  const cohorts = await cohortsOfProgrammes(
    db,
    own.map((p) => p.id),
  );
  const cohort =
    parsed.cohort === "" ? null : (cohorts.find((x) => String(x.id) === parsed.cohort) ?? null);
  if (parsed.cohort !== "" && (!cohort || cohort.programmeId !== programme?.id))
    errors.cohort = { code: "choice" };
  if (parsed.onlyCohort && !cohort && !errors.cohort) errors.cohort = { code: "choice" };
  if (parsed.input.allowedMunicipalities.length > 0 && !errors.allowedMunicipalities) {
    const known = new Set((await municipalitiesAt(db, osloToday(clock.now()))).map((m) => m.code));
    const unknown = parsed.input.allowedMunicipalities.find((m) => !known.has(m));
    if (unknown)
      errors.allowedMunicipalities = { code: "unknownMunicipality", params: { code: unknown } };
  }
  const input: GatheringInput = {
    ...parsed.input,
    programmeId: programme?.id ?? 0,
    cohortId: cohort?.id ?? null,
    allowedCohorts: parsed.onlyCohort && cohort ? [cohort.id] : [],
    organiserKind: "owner",
    organiserId: programme?.owner ?? "",
  };
  if (Object.keys(errors).length > 0) {
    // Say at once what else is missing: the text fields' rules (the times' rules wait until
    // the times can be read).
    for (const [field, e] of Object.entries(errorsOnRows(checkGathering(input), parsed.rowOf)))
      if (["required", "max", "venueRequired", "linkRequired"].includes(e.code))
        errors[field] ??= e;
  }
  return { input, rowOf: parsed.rowOf, errors };
}

async function showForm(
  c: AppContext,
  own: Own,
  opts: {
    gathering: Gathering | null;
    values: FormValues;
    errors?: FieldErrors;
    storedRows: number;
    notice?: "created" | "saved";
  },
) {
  const { db } = deps(c);
  const errors = opts.errors ?? {};
  const rows = Math.max(opts.storedRows + EMPTY_SESSION_ROWS, rowsIn(opts.values));
  c.header("Cache-Control", "no-store");
  return render(
    c,
    <GatheringFormPage
      lang={langOf(c)}
      gathering={opts.gathering}
      programmes={own}
      cohorts={
        await cohortsOfProgrammes(
          db,
          own.map((p) => p.id),
        )
      }
      rows={rows}
      storedRows={opts.storedRows}
      form={{ values: opts.values, errors }}
      {...(opts.gathering ? { counts: await registrationCounts(db, opts.gathering.id) } : {})}
      {...(opts.notice ? { notice: opts.notice } : {})}
    />,
    Object.keys(errors).length > 0 ? 422 : 200,
  );
}

/** The gathering of the path, if it is of one of the user's programmes (else 404 or 403). */
async function ownGathering(c: AppContext, own: Own) {
  const g = await gatheringById(deps(c).db, Number(c.req.param("id")));
  if (!g) return { response: await errorPage(c, "notFound") };
  if (!own.some((p) => p.id === g.programmeId))
    return { response: await errorPage(c, "notAllowed") };
  return { gathering: g };
}

export function organiserRoutes() {
  const app = new Hono<AppEnv>();

  app.get(BASE, async (c) => {
    const own = await ownProgrammes(c);
    if (own.length === 0) return errorPage(c, "notAllowed");
    const list = await gatheringsOfProgrammes(
      deps(c).db,
      own.map((p) => p.id),
    );
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <OrganiserListPage
        lang={langOf(c)}
        items={list.map((g) => ({
          gathering: g,
          programmeTitle: own.find((p) => p.id === g.programmeId)?.title ?? "",
        }))}
      />,
    );
  });

  app.get(`${BASE}/ny`, async (c) => {
    const own = await ownProgrammes(c);
    if (own.length === 0) return errorPage(c, "notAllowed");
    return showForm(c, own, {
      gathering: null,
      values: {
        programme: String(own[0]!.id),
        level: "national",
        mode: "physical",
        capacity: "100",
        offerHours: "48",
        "session-1-kind": "lecture",
      },
      storedRows: 0,
    });
  });

  app.post(`${BASE}/ny`, async (c) => {
    const own = await ownProgrammes(c);
    if (own.length === 0) return errorPage(c, "notAllowed");
    const raw = await readForm(c);
    const read = await readGathering(c, own, raw);
    const result =
      Object.keys(read.errors).length > 0
        ? ({ ok: false, errors: read.errors } as const)
        : await createGathering(deps(c).db, read.input, actor(c));
    if (!result.ok)
      return showForm(c, own, {
        gathering: null,
        values: raw,
        // The form's errors are keyed by its rows already; the command's are moved onto them.
        errors:
          Object.keys(read.errors).length > 0
            ? result.errors
            : errorsOnRows(result.errors, read.rowOf),
        storedRows: 0,
      });
    return c.redirect(`/${langOf(c)}${ADMIN_PATH}/${result.gatheringId}?melding=opprettet`, 303);
  });

  app.get(ONE, async (c) => {
    const own = await ownProgrammes(c);
    if (own.length === 0) return errorPage(c, "notAllowed");
    const found = await ownGathering(c, own);
    if ("response" in found) return found.response;
    const g = found.gathering;
    const sessions = await sessionsOf(deps(c).db, g.id);
    const notice = { opprettet: "created", lagret: "saved" } as const;
    const key = c.req.query("melding");
    return showForm(c, own, {
      gathering: g,
      values: gatheringFormValues({ ...g, sessions: [] }, sessions),
      storedRows: sessions.length,
      ...(key === "opprettet" || key === "lagret" ? { notice: notice[key] } : {}),
    });
  });

  app.post(ONE, async (c) => {
    const own = await ownProgrammes(c);
    if (own.length === 0) return errorPage(c, "notAllowed");
    const found = await ownGathering(c, own);
    if ("response" in found) return found.response;
    const g = found.gathering;
    const raw = await readForm(c);
    const read = await readGathering(c, own, raw);
    const version = /^[0-9]{1,9}$/.test(raw.version ?? "") ? Number(raw.version) : -1;
    const storedRows = (await sessionsOf(deps(c).db, g.id)).length;
    const result =
      Object.keys(read.errors).length > 0
        ? ({ ok: false, errors: read.errors } as const)
        : await editGathering(deps(c).db, { ...read.input, gatheringId: g.id, version }, actor(c));
    if (!result.ok)
      return showForm(c, own, {
        gathering: g,
        values: raw,
        // The form's errors are keyed by its rows already; the command's are moved onto them.
        errors:
          Object.keys(read.errors).length > 0
            ? result.errors
            : errorsOnRows(result.errors, read.rowOf),
        storedRows,
      });
    return c.redirect(`/${langOf(c)}${ADMIN_PATH}/${g.id}?melding=lagret`, 303);
  });

  return app;
}
