import { Hono } from "hono";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { type FormValues, readForm, readFormAll } from "../../kernel/forms";
import type { Refusal } from "../../kernel/result";
import { toCsv, toXlsx, XLSX_TYPE } from "../../kernel/spreadsheet";
import { errorPage } from "../../web/error-pages";
import { errorSentence } from "../../web/form-errors";
import { render } from "../../web/render";
import { acceptedMunicipalities } from "../cohorts";
import { personNames } from "../identity";
import { municipalityPlaces, ownCohort, ownCohorts } from "./access";
import { AdjustPage, adminPath, type GrantRow, SchemePage, SchemesPage } from "./admin-views";
import {
  addInto,
  databaseTotals,
  type Figures,
  figuresOf,
  ledgerGrants,
  paymentFileRows,
  zero,
} from "./ledger";
import { payAccepted, payGrant, sendLetters, settleGrant } from "./life";
import {
  adjustAllocation,
  allocate,
  grantsOfScheme,
  type SchemeInput,
  saveScheme,
  schemeOfCohort,
  schemesOfCohorts,
} from "./schemes";
import { grantErrors, grantTexts } from "./texts";
import { claimsOfScheme, travelTotals } from "./travel";

const ID = "[1-9][0-9]{0,8}";
const COHORT = `/:lang{nb|nn|en}/admin/tilskudd/:cohort{${ID}}`;
const GRANT = `${COHORT}/:grant{${ID}}`;

const actor = (c: AppContext) => ({ personId: c.get("user")!.personId, now: deps(c).clock.now() });

/** A cohort's scheme page: the scheme, its grants with their figures, per county and in total. */
async function showScheme(
  c: AppContext,
  found: NonNullable<Awaited<ReturnType<typeof ownCohort>>>,
  extra: { form?: SchemeFormState; actError?: string; status?: 200 | 409 | 422 } = {},
) {
  const db = deps(c).db;
  const lang = langOf(c);
  const scheme = await schemeOfCohort(db, found.cohort.id);
  const [schemeGrants, accepted, places, travel] = await Promise.all([
    scheme ? ledgerGrants(db, scheme.id) : Promise.resolve([]),
    acceptedMunicipalities(db, found.cohort.id),
    municipalityPlaces(c),
    scheme ? travelTotals(db, [scheme.id]) : Promise.resolve(new Map()),
  ]);
  const have = new Set(schemeGrants.map((g) => g.municipalityCode));
  const total = zero();
  const counties = new Map<string, Figures>();
  const rows: GrantRow[] = schemeGrants.map((g) => {
    const place = places.get(g.municipalityCode);
    const figures = figuresOf(g);
    addInto(total, figures);
    const county = place?.countyName ?? "";
    addInto(counties.get(county) ?? counties.set(county, zero()).get(county)!, figures);
    return { ...g, name: place?.name ?? g.municipalityCode, countyName: county, figures };
  });
  const gt = grantTexts(lang);
  const melding = c.req.query("melding");
  const n = Number(c.req.query("n") ?? 0);
  const message =
    melding === "ordning"
      ? gt.done.scheme
      : melding === "tildelt"
        ? gt.done.allocate(n)
        : melding === "brev"
          ? gt.done.letters(n)
          : melding === "utbetalt"
            ? gt.done.pay(n)
            : melding === "justert"
              ? gt.done.adjust
              : melding === "avsluttet"
                ? gt.done.settle
                : undefined;
  c.header("Cache-Control", "no-store");
  return render(
    c,
    <SchemePage
      lang={lang}
      cohortId={found.cohort.id}
      title={found.title}
      scheme={scheme}
      waiting={accepted.filter((m) => !have.has(m.municipalityCode)).length}
      grants={rows}
      counties={[...counties].map(([name, figures]) => ({ name, figures }))}
      total={total}
      travel={scheme ? (travel.get(scheme.id) ?? null) : null}
      message={extra.actError ? undefined : message}
      actError={extra.actError}
      {...(extra.form ? { form: extra.form } : {})}
    />,
    extra.status ?? 200,
  );
}

type SchemeFormState = { values: FormValues; errors: Refusal["errors"]; purposes: string[] };

/** The sentence of an act's refusal (no field of its own: shown at the top of the page). */
function actSentence(c: AppContext, refusal: Refusal) {
  const [field, error] = Object.entries(refusal.errors)[0]!;
  return errorSentence(langOf(c), grantErrors[langOf(c)], field, field, error);
}

export function grantAdminRoutes() {
  const app = new Hono<AppEnv>();

  app.get("/:lang{nb|nn|en}/admin/tilskudd", async (c) => {
    const db = deps(c).db;
    const cohorts = await ownCohorts(c);
    const schemes = await schemesOfCohorts(
      db,
      cohorts.map((k) => k.id),
    );
    const totals = await databaseTotals(
      db,
      schemes.map((s) => s.id),
    );
    const byCohort = new Map(schemes.map((s) => [s.cohortId, totals.get(s.id) ?? zero()]));
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <SchemesPage
        lang={langOf(c)}
        rows={cohorts.map((k) => ({
          cohortId: k.id,
          title: k.title,
          totals: byCohort.get(k.id) ?? null,
        }))}
      />,
    );
  });

  app.get(COHORT, async (c) => {
    const found = await ownCohort(c, Number(c.req.param("cohort")));
    if (!found) return errorPage(c, "notFound");
    return showScheme(c, found);
  });

  app.post(`${COHORT}/ordning`, async (c) => {
    const found = await ownCohort(c, Number(c.req.param("cohort")));
    if (!found) return errorPage(c, "notFound");
    const all = await readFormAll(c);
    const one = (name: string) => {
      const v = all[name]?.[0];
      return typeof v === "string" ? v : "";
    };
    const purposes = (all.purposes ?? []).filter((p): p is string => typeof p === "string");
    const input: SchemeInput = {
      purposes,
      basis: one("basis"),
      amount: one("amount"),
      floor: one("floor"),
      ceiling: one("ceiling"),
      travelCeiling: one("travelCeiling"),
      conditionsNb: one("conditionsNb"),
      conditionsNn: one("conditionsNn"),
      acceptDeadline: one("acceptDeadline"),
      reportDeadline: one("reportDeadline"),
    };
    const result = await saveScheme(deps(c).db, found.cohort.id, input, actor(c));
    if (!result.ok) {
      const { purposes: _, ...values } = input;
      return showScheme(c, found, {
        form: { values, errors: result.errors, purposes },
        status: 422,
      });
    }
    return c.redirect(`${adminPath(langOf(c), found.cohort.id)}?melding=ordning`, 303);
  });

  /** An act of the page's buttons: done → back with its message; refused → the page says why. */
  const act = (
    path: string,
    run: (
      c: AppContext,
      cohortId: number,
      schemeId: number,
    ) => Promise<{ ok: true; n?: number } | Refusal>,
    melding: string,
  ) =>
    app.post(path, async (c) => {
      const found = await ownCohort(c, Number(c.req.param("cohort")));
      if (!found) return errorPage(c, "notFound");
      await readForm(c);
      const scheme = await schemeOfCohort(deps(c).db, found.cohort.id);
      const result = scheme
        ? await run(c, found.cohort.id, scheme.id)
        : ({ ok: false, errors: { scheme: { code: "noScheme" } } } as Refusal);
      if (!result.ok)
        return showScheme(c, found, { actError: actSentence(c, result), status: 409 });
      return c.redirect(
        `${adminPath(langOf(c), found.cohort.id)}?melding=${melding}&n=${result.n ?? 1}`,
        303,
      );
    });

  act(
    `${COHORT}/tildel`,
    async (c, cohortId) => {
      const r = await allocate(deps(c).db, cohortId, actor(c));
      return r.ok ? { ok: true, n: r.allocated } : r;
    },
    "tildelt",
  );
  act(
    `${COHORT}/brev`,
    async (c, _cohortId, schemeId) => {
      const r = await sendLetters(deps(c).db, { schemeId }, actor(c));
      return r.ok ? { ok: true, n: r.sent } : r;
    },
    "brev",
  );
  act(
    `${COHORT}/utbetal`,
    async (c, _cohortId, schemeId) => {
      const r = await payAccepted(deps(c).db, schemeId, actor(c));
      return r.ok ? { ok: true, n: r.paid } : r;
    },
    "utbetalt",
  );
  act(
    `${GRANT}/utbetal`,
    (c, _cohortId, schemeId) =>
      payGrant(deps(c).db, { schemeId, grantId: Number(c.req.param("grant")) }, actor(c)),
    "utbetalt",
  );
  act(
    `${GRANT}/oppgjor`,
    (c, _cohortId, schemeId) =>
      settleGrant(deps(c).db, { schemeId, grantId: Number(c.req.param("grant")) }, actor(c)),
    "avsluttet",
  );

  /** The adjust page of one allocated grant of the cohort's scheme. */
  async function loadGrant(c: AppContext) {
    const found = await ownCohort(c, Number(c.req.param("cohort")));
    if (!found) return null;
    const scheme = await schemeOfCohort(deps(c).db, found.cohort.id);
    if (!scheme) return null;
    const grant = (await grantsOfScheme(deps(c).db, scheme.id)).find(
      (g) => g.id === Number(c.req.param("grant")),
    );
    if (!grant) return null;
    const place = (await municipalityPlaces(c)).get(grant.municipalityCode);
    const row: GrantRow = {
      ...grant,
      name: place?.name ?? grant.municipalityCode,
      countyName: place?.countyName ?? "",
      figures: figuresOf(grant),
    };
    return { found, scheme, row };
  }

  app.get(`${GRANT}/juster`, async (c) => {
    const loaded = await loadGrant(c);
    if (!loaded) return errorPage(c, "notFound");
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <AdjustPage
        lang={langOf(c)}
        cohortId={loaded.found.cohort.id}
        cohortTitle={loaded.found.title}
        grant={loaded.row}
      />,
    );
  });

  app.post(`${GRANT}/juster`, async (c) => {
    const loaded = await loadGrant(c);
    if (!loaded) return errorPage(c, "notFound");
    const values = await readForm(c);
    const result = await adjustAllocation(
      deps(c).db,
      {
        schemeId: loaded.scheme.id,
        grantId: loaded.row.id,
        amount: values.amount ?? "",
        reason: values.reason ?? "",
      },
      actor(c),
    );
    if (!result.ok) {
      return render(
        c,
        <AdjustPage
          lang={langOf(c)}
          cohortId={loaded.found.cohort.id}
          cohortTitle={loaded.found.title}
          grant={loaded.row}
          form={{ values, errors: result.errors }}
        />,
        422,
      );
    }
    return c.redirect(`${adminPath(langOf(c), loaded.found.cohort.id)}?melding=justert`, 303);
  });

  const exportRows = async (c: AppContext) => {
    const found = await ownCohort(c, Number(c.req.param("cohort")));
    if (!found) return null;
    const db = deps(c).db;
    const scheme = await schemeOfCohort(db, found.cohort.id);
    if (!scheme) return null;
    const places = await municipalityPlaces(c);
    const names = new Map([...places].map(([code, p]) => [code, p.name]));
    const claims = await claimsOfScheme(db, scheme.id);
    const people = await personNames(
      db,
      claims.map((x) => x.personId),
    );
    return {
      rows: await paymentFileRows(db, scheme, names, await grantsOfScheme(db, scheme.id), {
        rows: claims,
        people,
      }),
      file: `utbetalinger-pulje-${found.cohort.number}`,
    };
  };

  app.get(`${COHORT}/utbetalinger.csv`, async (c) => {
    const e = await exportRows(c);
    if (!e) return errorPage(c, "notFound");
    return c.body(toCsv(e.rows), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${e.file}.csv"`,
      "Cache-Control": "no-store",
    });
  });

  app.get(`${COHORT}/utbetalinger.xlsx`, async (c) => {
    const e = await exportRows(c);
    if (!e) return errorPage(c, "notFound");
    const xlsx = await toXlsx(e.rows, "Utbetalinger", [20, 24, 16, 14, 22, 8]);
    return c.body(xlsx, 200, {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": `attachment; filename="${e.file}.xlsx"`,
      "Cache-Control": "no-store",
    });
  });

  return app;
}
