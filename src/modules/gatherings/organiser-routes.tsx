import { Hono } from "hono";
import type { Db } from "../../db/client";
import { osloToday } from "../../kernel/clock";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { type FieldErrors, type FormValues, readForm } from "../../kernel/forms";
import { errorPage } from "../../web/error-pages";
import type { Lang } from "../../web/i18n";
import { render } from "../../web/render";
import { cohortsOfProgrammes } from "../cohorts";
import { OWNERS } from "../identity";
import { countyOfficesAt, municipalitiesAt } from "../organisations";
import { programmeRef, programmeTitles } from "../programmes";
import {
  checkGathering,
  createGathering,
  editGathering,
  type Gathering,
  type GatheringInput,
  gatheringById,
  gatheringLimits,
  registrationCounts,
  sessionsOf,
} from "./gatherings";
import {
  EMPTY_SESSION_ROWS,
  errorsOnRows,
  gatheringFormValues,
  parseGatheringForm,
} from "./organiser-form";
import {
  gatheringsOrganisedBy,
  LEVEL_OF,
  type Organiser,
  organiserKey,
  organisersOf,
  type Reach,
  reachOf,
  sameOrganiser,
  withinReach,
} from "./organiser-scope";
import { ADMIN_PATH, GatheringFormPage, OrganiserListPage } from "./organiser-views";

const BASE = `/:lang{nb|nn|en}${ADMIN_PATH}`;
const ONE = `${BASE}/:id{[0-9]{1,9}}`;
const actor = (c: AppContext) => ({
  personId: c.get("user")!.personId,
  now: deps(c).clock.now(),
  baseUrl: deps(c).linkBase,
});

/**
 * What the user organises (organiser-scope.ts): the organisers she acts for, each with its
 * reach, and the programmes and cohorts of them all; null when she organises nothing.
 */
async function organising(c: AppContext) {
  const organisers = organisersOf(c.get("user")?.roles ?? []);
  if (organisers.length === 0) return null;
  const { db, clock } = deps(c);
  const lang = langOf(c);
  const reaches = await Promise.all(organisers.map((o) => reachOf(db, o, clock.now())));
  const programmeIds = [...new Set(reaches.flatMap((r) => r.programmeIds))];
  const refs = (await Promise.all(programmeIds.map((id) => programmeRef(db, id)))).filter(
    (p) => p !== null,
  );
  const titles = await programmeTitles(db, lang, programmeIds);
  const cohorts = reaches
    .flatMap((r) => r.cohorts)
    .filter((x, i, all) => all.findIndex((y) => y.id === x.id) === i);
  const names = await organiserNames(db, organisers, lang, osloToday(clock.now()));
  return {
    reaches,
    names,
    programmes: refs.map((p) => ({ id: p.id, owner: p.owner, title: titles.get(p.id) ?? p.slug })),
    cohorts,
  };
}

/** The organisers' names, as the form offers them. */
async function organiserNames(db: Db, organisers: Organiser[], lang: Lang, date: string) {
  const names = new Map<string, string>();
  const offices = organisers.some((o) => o.kind === "county-office")
    ? await countyOfficesAt(db, date, lang)
    : [];
  const municipalities = organisers.some((o) => o.kind === "municipality")
    ? await municipalitiesAt(db, date)
    : [];
  for (const o of organisers) {
    const name =
      o.kind === "owner"
        ? (OWNERS as Record<string, Record<Lang, string>>)[o.id]?.[lang]
        : o.kind === "county-office"
          ? offices.find((x) => x.id === o.id)?.name
          : municipalities.find((m) => m.code === o.id)?.name;
    names.set(organiserKey(o), name ?? o.id);
  }
  return names;
}

type Own = NonNullable<Awaited<ReturnType<typeof organising>>>;

/** How many session rows a posted form has (`session-N-…`), within the agenda's limit. */
function rowsIn(raw: FormValues): number {
  let rows = 0;
  for (const key of Object.keys(raw)) {
    const m = /^session-([0-9]{1,3})-/.exec(key);
    if (m) rows = Math.max(rows, Number(m[1]));
  }
  return Math.min(rows, gatheringLimits.sessions + EMPTY_SESSION_ROWS);
}

/** The organiser a form is for: the stored gathering's, else the one chosen (or the only one). */
function reachFor(own: Own, raw: FormValues, gathering: Gathering | null): Reach | null {
  if (gathering) return own.reaches.find((r) => sameOrganiser(r.organiser, gathering)) ?? null;
  if (own.reaches.length === 1 && !raw.organiser) return own.reaches[0]!;
  return own.reaches.find((r) => organiserKey(r.organiser) === raw.organiser) ?? null;
}

/** The posted form as the command's input, or the errors to show with it. */
async function readGathering(
  c: AppContext,
  own: Own,
  raw: FormValues,
  gathering: Gathering | null,
): Promise<{ input: GatheringInput; rowOf: number[]; errors: FieldErrors }> {
  const parsed = parseGatheringForm(raw, rowsIn(raw));
  const errors = { ...parsed.errors };
  const reach = reachFor(own, raw, gathering);
  if (!reach) errors.organiser = { code: "choice" };
  const programme = own.programmes.find((p) => String(p.id) === parsed.programme);
  if (!programme) errors.programme = { code: "choice" };
  const { db, clock } = deps(c);
  const cohort =
    parsed.cohort === "" ? null : (own.cohorts.find((x) => String(x.id) === parsed.cohort) ?? null);
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
    organiserKind: reach?.organiser.kind ?? "owner",
    organiserId: reach?.organiser.id ?? "",
  };
  if (reach) {
    // What is outside the organiser's reach is said beside its field with the rest.
    for (const [field, e] of Object.entries(withinReach(reach, input).errors)) errors[field] ??= e;
  }
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
  const g = opts.gathering;
  // A stored gathering shows its own programme and cohort even when they have left the
  // organiser's reach (the command then says so beside the field when it is saved).
  let programmes = own.programmes;
  let cohorts = own.cohorts;
  if (g && !programmes.some((p) => p.id === g.programmeId)) {
    const ref = await programmeRef(db, g.programmeId);
    const titles = await programmeTitles(db, langOf(c), [g.programmeId]);
    if (ref)
      programmes = [
        ...programmes,
        { id: ref.id, owner: ref.owner, title: titles.get(ref.id) ?? ref.slug },
      ];
  }
  if (g?.cohortId != null && !cohorts.some((x) => x.id === g.cohortId)) {
    const stored = (await cohortsOfProgrammes(db, [g.programmeId])).find(
      (x) => x.id === g.cohortId,
    );
    if (stored) cohorts = [...cohorts, stored];
  }
  c.header("Cache-Control", "no-store");
  return render(
    c,
    <GatheringFormPage
      lang={langOf(c)}
      gathering={g}
      programmes={programmes}
      cohorts={cohorts}
      organisers={
        g
          ? [
              {
                value: organiserKey({ kind: g.organiserKind, id: g.organiserId }),
                label:
                  own.names.get(organiserKey({ kind: g.organiserKind, id: g.organiserId })) ??
                  g.organiserId,
              },
            ]
          : own.reaches.map((r) => ({
              value: organiserKey(r.organiser),
              label: own.names.get(organiserKey(r.organiser)) ?? r.organiser.id,
            }))
      }
      wholeProgramme={own.reaches.some((r) => r.wholeProgramme)}
      rows={rows}
      storedRows={opts.storedRows}
      form={{ values: opts.values, errors }}
      {...(g ? { counts: await registrationCounts(db, g.id) } : {})}
      {...(opts.notice ? { notice: opts.notice } : {})}
    />,
    Object.keys(errors).length > 0 ? 422 : 200,
  );
}

/** The gathering of the path, if the user acts for its organiser (else 404 or 403). */
async function ownGathering(c: AppContext, own: Own) {
  const g = await gatheringById(deps(c).db, Number(c.req.param("id")));
  if (!g) return { response: await errorPage(c, "notFound") };
  if (!own.reaches.some((r) => sameOrganiser(r.organiser, g)))
    return { response: await errorPage(c, "notAllowed") };
  return { gathering: g };
}

export function organiserRoutes() {
  const app = new Hono<AppEnv>();

  app.get(BASE, async (c) => {
    const own = await organising(c);
    if (!own) return errorPage(c, "notAllowed");
    const { db } = deps(c);
    const list = await gatheringsOrganisedBy(
      db,
      own.reaches.map((r) => r.organiser),
    );
    const titles = await programmeTitles(db, langOf(c), [
      ...new Set(list.map((g) => g.programmeId)),
    ]);
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <OrganiserListPage
        lang={langOf(c)}
        items={list.map((g) => ({
          gathering: g,
          programmeTitle: titles.get(g.programmeId) ?? "",
        }))}
      />,
    );
  });

  app.get(`${BASE}/ny`, async (c) => {
    const own = await organising(c);
    if (!own) return errorPage(c, "notAllowed");
    const first = own.reaches[0]!;
    return showForm(c, own, {
      gathering: null,
      values: {
        organiser: organiserKey(first.organiser),
        programme: String(first.programmeIds[0] ?? own.programmes[0]?.id ?? ""),
        cohort: first.wholeProgramme ? "" : String(first.cohorts[0]?.id ?? ""),
        level: LEVEL_OF[first.organiser.kind],
        mode: "physical",
        capacity: "100",
        offerHours: "48",
        "session-1-kind": "lecture",
      },
      storedRows: 0,
    });
  });

  app.post(`${BASE}/ny`, async (c) => {
    const own = await organising(c);
    if (!own) return errorPage(c, "notAllowed");
    const raw = await readForm(c);
    const read = await readGathering(c, own, raw, null);
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
    // The programme's public page lists upcoming gatherings (public-section.tsx).
    deps(c).pageCache.clear();
    return c.redirect(`/${langOf(c)}${ADMIN_PATH}/${result.gatheringId}?melding=opprettet`, 303);
  });

  app.get(ONE, async (c) => {
    const own = await organising(c);
    if (!own) return errorPage(c, "notAllowed");
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
    const own = await organising(c);
    if (!own) return errorPage(c, "notAllowed");
    const found = await ownGathering(c, own);
    if ("response" in found) return found.response;
    const g = found.gathering;
    const raw = await readForm(c);
    const read = await readGathering(c, own, raw, g);
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
    deps(c).pageCache.clear();
    return c.redirect(`/${langOf(c)}${ADMIN_PATH}/${g.id}?melding=lagret`, 303);
  });

  return app;
}
