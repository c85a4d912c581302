import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import {
  BadRequest,
  type FieldErrors,
  type FormValues,
  readForm,
  readFormAll,
} from "../../kernel/forms";
import type { Refusal } from "../../kernel/result";
import { downloadHeaders } from "../../kernel/storage";
import { errorPage } from "../../web/error-pages";
import { errorSentence } from "../../web/form-errors";
import type { Lang } from "../../web/i18n";
import { render } from "../../web/render";
import { attendedNationalGatherings } from "../gatherings";
import { Forbidden, orgsGranting, personNames, requirePermission, scopesFor } from "../identity";
import { ownCohort } from "./access";
import { schemeOfCohort } from "./schemes";
import {
  type Claimable,
  checkLegs,
  claimableGatherings,
  claimById,
  claimsOfPeople,
  claimsOfScheme,
  decideClaim,
  type LegInput,
  legField,
  legsOf,
  paysTravel,
  receiptsOf,
  submitClaim,
  type TravelClaim,
  travelLimits,
  travelTotals,
} from "./travel";
import { seesTravelFigures, travelFigureRoutes } from "./travel-figures";
import { travelErrors, travelTexts } from "./travel-texts";
import {
  AdminClaimPage,
  AdminClaimsPage,
  ClaimFormPage,
  ClaimPage,
  claimAdminPath,
  TravelPage,
  travelPath,
} from "./travel-views";

const ID = "[1-9][0-9]{0,8}";
const LANG = "/:lang{nb|nn|en}";
const CLAIM = `${LANG}/reisestotte/:claim{${ID}}`;
const ADMIN = `${LANG}/admin/tilskudd/:cohort{${ID}}/reisekrav`;
const ADMIN_CLAIM = `${ADMIN}/:claim{${ID}}`;

/** The receipts' form may carry five files of 5 MB each; every other form stays at 64 kB. */
export const travelUploads = [/^\/(nb|nn|en)\/reisestotte\/ny$/];
const BODY_MAX = travelLimits.receipts * travelLimits.bytes + 256 * 1024;

const actor = (c: AppContext) => ({ personId: c.get("user")!.personId, now: deps(c).clock.now() });

/**
 * Who the person may claim for: themselves (`claim:travel:own`) and the participants from the
 * municipalities they coordinate (`claim:travel:municipality`).
 */
function claimScope(c: AppContext) {
  requirePermission(c, "claim", "travel");
  const user = c.get("user")!;
  return {
    self: scopesFor(user, "claim", "travel").includes("own") ? user.personId : null,
    municipalities: orgsGranting(user, "claim:travel:municipality", "municipality"),
  };
}

const titleOf = (lang: Lang, g: { titleNb: string; titleNn: string }) =>
  lang === "nn" ? g.titleNn : g.titleNb;

/** A claim the person may see: their own, or one from a municipality they coordinate. */
async function visibleClaim(c: AppContext): Promise<TravelClaim | null> {
  const scope = claimScope(c);
  const claim = await claimById(deps(c).db, Number(c.req.param("claim")));
  if (!claim) return null;
  const mine = claim.personId === scope.self;
  const theirs =
    claim.municipalityCode !== null && scope.municipalities.has(claim.municipalityCode);
  if (!mine && !theirs) throw new Forbidden("claim:travel");
  return claim;
}

async function gatheringTitleOf(c: AppContext, claim: TravelClaim) {
  const [a] = await attendedNationalGatherings(
    deps(c).db,
    { personIds: [claim.personId], gatheringId: claim.gatheringId },
    deps(c).clock.now(),
  );
  return a ? titleOf(langOf(c), a) : String(claim.gatheringId);
}

function files(all: Record<string, (string | File)[]>) {
  // A file field left empty still sends a part: no name, no bytes.
  return (all.receipts ?? []).filter(
    (f): f is File => f instanceof File && (f.name !== "" || f.size > 0),
  );
}

/**
 * The leg rows the form sent: as many as the highest row with a field (`from3` → 3 rows), at
 * least one; a form with more rows than allowed keeps them, and the service refuses it.
 */
function legRows(values: FormValues): LegInput[] {
  let rows = 1;
  for (let n = 1; n <= travelLimits.legs + 1; n++) {
    if (
      (["from", "to", "means", "distance", "amount"] as const).some((k) => legField(k, n) in values)
    )
      rows = n;
  }
  return Array.from({ length: rows }, (_, i) => ({
    from: values[legField("from", i + 1)] ?? "",
    to: values[legField("to", i + 1)] ?? "",
    means: values[legField("means", i + 1)] ?? "",
    distance: values[legField("distance", i + 1)] ?? "",
    amount: values[legField("amount", i + 1)] ?? "",
  }));
}

/** The total the form shows: the sum of the legs' amounts given so far, summed here. */
function totalOf(rows: LegInput[]): number | null {
  const { totalOre } = checkLegs(rows);
  return rows.some((r) => r.amount.trim() !== "") ? totalOre : null;
}

function textsOf(all: Record<string, (string | File)[]>): FormValues {
  const values: FormValues = {};
  for (const [k, v] of Object.entries(all)) {
    if (typeof v[0] === "string") values[k] = v[0];
  }
  return values;
}

export function travelRoutes() {
  const app = new Hono<AppEnv>();
  travelFigureRoutes(app);

  app.get(`${LANG}/reisestotte`, async (c) => {
    const scope = claimScope(c);
    const db = deps(c).db;
    const now = deps(c).clock.now();
    const own =
      scope.self === null ? [] : await claimableGatherings(db, { personIds: [scope.self] }, now);
    const forMunicipality =
      scope.municipalities.size === 0
        ? null
        : (
            await claimableGatherings(db, { municipalityCodes: [...scope.municipalities] }, now)
          ).filter((r) => r.personId !== scope.self);
    const claims = [
      ...(scope.self === null ? [] : await claimsOfPeople(db, [scope.self])),
      ...(forMunicipality
        ? await claimsOfPeople(db, [...new Set(forMunicipality.map((r) => r.personId))])
        : []),
    ];
    const names = await personNames(db, [
      ...(forMunicipality ?? []).map((r) => r.personId),
      ...claims.map((x) => x.personId),
    ]);
    const titles = new Map<number, string>();
    for (const r of [...own, ...(forMunicipality ?? [])])
      titles.set(r.gatheringId, titleOf(langOf(c), r));
    const named = (r: Claimable) => ({ ...r, name: names.get(r.personId) ?? "" });
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <TravelPage
        lang={langOf(c)}
        figures={seesTravelFigures(c)}
        own={own.map(named)}
        municipality={forMunicipality ? forMunicipality.map(named) : null}
        claims={claims.map((x) => ({
          ...x,
          gathering: titles.get(x.gatheringId) ?? "",
          name: names.get(x.personId) ?? "",
        }))}
      />,
    );
  });

  /**
   * The gathering and participant of a claim form: the person themselves, or a participant of
   * the coordinator's municipality who attended. Someone else's claim outside one's
   * municipalities is forbidden; a gathering not attended is the form's refusal.
   */
  async function formTarget(c: AppContext, gatheringText: string, personText: string) {
    const scope = claimScope(c);
    if (!/^[1-9][0-9]{0,8}$/.test(gatheringText) || !/^[1-9][0-9]{0,8}$/.test(personText)) {
      throw new BadRequest("claim target");
    }
    const gatheringId = Number(gatheringText);
    const personId = Number(personText);
    const [found] = await claimableGatherings(
      deps(c).db,
      { personIds: [personId], gatheringId },
      deps(c).clock.now(),
    );
    if (personId !== scope.self) {
      if (!found?.municipalityCode || !scope.municipalities.has(found.municipalityCode)) {
        throw new Forbidden("claim:travel:municipality");
      }
    }
    return { gatheringId, personId, found: found ?? null };
  }

  async function showForm(
    c: AppContext,
    target: Awaited<ReturnType<typeof formTarget>>,
    form?: { values: FormValues; errors: FieldErrors },
    /** After "add a leg": one row more, and no errors (200). */
    added = false,
  ) {
    const db = deps(c).db;
    const f = target.found;
    const rows = form ? legRows(form.values) : [];
    // A journey there and back by default; one row more after "add a leg".
    const shown = Math.min(
      travelLimits.legs,
      Math.max(form ? rows.length + (added ? 1 : 0) : 2, 1),
    );
    if (!f?.scheme || !paysTravel(f.scheme)) {
      if (!form) return errorPage(c, "notFound");
    }
    const names = await personNames(db, [target.personId]);
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <ClaimFormPage
        lang={langOf(c)}
        gatheringId={target.gatheringId}
        personId={target.personId}
        gathering={f ? titleOf(langOf(c), f) : ""}
        ceilingOre={f?.scheme?.travelCeilingOre ?? 0}
        forName={
          target.personId === c.get("user")!.personId ? null : (names.get(target.personId) ?? "")
        }
        rows={Math.max(shown, rows.length)}
        totalOre={form ? totalOf(rows) : null}
        {...(form ? { form } : {})}
      />,
      form && !added ? 422 : 200,
    );
  }

  app.get(`${LANG}/reisestotte/ny`, async (c) => {
    const target = await formTarget(c, c.req.query("samling") ?? "", c.req.query("deltaker") ?? "");
    if (!target.found || target.found.claim) return errorPage(c, "notFound");
    return showForm(c, target);
  });

  app.post(
    `${LANG}/reisestotte/ny`,
    bodyLimit({
      maxSize: BODY_MAX,
      onError: (c) => errorPage(c as AppContext, "tooLarge"),
    }),
    async (c) => {
      const all = await readFormAll(c);
      const values = textsOf(all);
      const target = await formTarget(c, values.gathering ?? "", values.person ?? "");
      // "Add a leg": the same form again with one row more, nothing checked or stored yet.
      if (values.leggTil !== undefined) {
        if (!target.found) return errorPage(c, "notFound");
        return showForm(c, target, { values, errors: {} }, true);
      }
      const uploads = await Promise.all(
        files(all).map(async (f) => ({
          name: f.name,
          bytes: new Uint8Array(await f.arrayBuffer()),
        })),
      );
      const result = await submitClaim(
        deps(c).db,
        deps(c).files,
        {
          gatheringId: target.gatheringId,
          personId: target.personId,
          legs: legRows(values),
          accountNumber: values.accountNumber ?? "",
          receipts: uploads,
        },
        actor(c),
      );
      if (!result.ok) return showForm(c, target, { values, errors: result.errors });
      return c.redirect(travelPath(langOf(c), `/${result.claimId}?melding=sendt`), 303);
    },
  );

  app.get(CLAIM, async (c) => {
    const claim = await visibleClaim(c);
    if (!claim) return errorPage(c, "notFound");
    const db = deps(c).db;
    const names = await personNames(db, [claim.personId]);
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <ClaimPage
        lang={langOf(c)}
        claim={claim}
        name={names.get(claim.personId) ?? ""}
        gathering={await gatheringTitleOf(c, claim)}
        receipts={await receiptsOf(db, claim.id)}
        legs={await legsOf(db, claim.id)}
        message={c.req.query("melding") === "sendt" ? travelTexts(langOf(c)).sent : undefined}
      />,
    );
  });

  async function sendReceipt(c: AppContext, claim: TravelClaim) {
    const receipt = (await receiptsOf(deps(c).db, claim.id)).find(
      (r) => r.id === Number(c.req.param("receipt")),
    );
    const bytes = receipt ? await deps(c).files.get(receipt.storageKey) : null;
    if (!receipt || !bytes) return errorPage(c, "notFound");
    return c.body(new Uint8Array(bytes), 200, downloadHeaders(receipt));
  }

  app.get(`${CLAIM}/kvittering/:receipt{${ID}}`, async (c) => {
    const claim = await visibleClaim(c);
    if (!claim) return errorPage(c, "notFound");
    return sendReceipt(c, claim);
  });

  // ── The programme admin's side: the cohort's claims, one claim, the decision. ──

  async function adminScheme(c: AppContext) {
    const found = await ownCohort(c, Number(c.req.param("cohort")));
    if (!found) return null;
    const scheme = await schemeOfCohort(deps(c).db, found.cohort.id);
    if (!scheme) return null;
    return { found, scheme };
  }

  async function adminClaim(c: AppContext) {
    const loaded = await adminScheme(c);
    if (!loaded) return null;
    const claim = await claimById(deps(c).db, Number(c.req.param("claim")));
    if (!claim || claim.schemeId !== loaded.scheme.id) return null;
    return { ...loaded, claim };
  }

  app.get(ADMIN, async (c) => {
    const loaded = await adminScheme(c);
    if (!loaded) return errorPage(c, "notFound");
    const db = deps(c).db;
    const claims = await claimsOfScheme(db, loaded.scheme.id);
    const names = await personNames(
      db,
      claims.map((x) => x.personId),
    );
    const titles = await gatheringTitles(c, claims);
    const totals = (await travelTotals(db, [loaded.scheme.id])).get(loaded.scheme.id);
    const melding = c.req.query("melding");
    const tt = travelTexts(langOf(c));
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <AdminClaimsPage
        lang={langOf(c)}
        cohortId={loaded.found.cohort.id}
        cohortTitle={loaded.found.title}
        ceilingOre={paysTravel(loaded.scheme) ? loaded.scheme.travelCeilingOre : null}
        figures={seesTravelFigures(c)}
        claims={claims.map((x) => ({
          ...x,
          name: names.get(x.personId) ?? "",
          gathering: titles.get(x.gatheringId) ?? "",
        }))}
        totals={totals ?? { submitted: 0, approved: 0, paid: 0, rejected: 0, count: 0 }}
        message={melding === "approve" || melding === "reject" ? tt.decided[melding] : undefined}
      />,
    );
  });

  /** The titles of the claims' gatherings (each gathering read once). */
  async function gatheringTitles(c: AppContext, claims: TravelClaim[]) {
    const titles = new Map<number, string>();
    for (const x of claims) {
      if (!titles.has(x.gatheringId)) titles.set(x.gatheringId, await gatheringTitleOf(c, x));
    }
    return titles;
  }

  async function showAdminClaim(
    c: AppContext,
    loaded: NonNullable<Awaited<ReturnType<typeof adminClaim>>>,
    extra: {
      form?: { values: FormValues; errors: FieldErrors };
      actError?: string;
      status?: 409 | 422;
    } = {},
  ) {
    const db = deps(c).db;
    const names = await personNames(db, [loaded.claim.personId]);
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <AdminClaimPage
        lang={langOf(c)}
        cohortId={loaded.found.cohort.id}
        cohortTitle={loaded.found.title}
        claim={loaded.claim}
        name={names.get(loaded.claim.personId) ?? ""}
        gathering={await gatheringTitleOf(c, loaded.claim)}
        receipts={await receiptsOf(db, loaded.claim.id)}
        legs={await legsOf(db, loaded.claim.id)}
        {...(extra.form ? { form: extra.form } : {})}
        actError={extra.actError}
      />,
      extra.status ?? 200,
    );
  }

  app.get(ADMIN_CLAIM, async (c) => {
    const loaded = await adminClaim(c);
    if (!loaded) return errorPage(c, "notFound");
    return showAdminClaim(c, loaded);
  });

  app.post(ADMIN_CLAIM, async (c) => {
    const loaded = await adminClaim(c);
    if (!loaded) return errorPage(c, "notFound");
    const values = await readForm(c);
    const result = await decideClaim(
      deps(c).db,
      {
        schemeId: loaded.scheme.id,
        claimId: loaded.claim.id,
        decision: values.decision ?? "",
        reason: values.reason ?? "",
      },
      actor(c),
    );
    if (!result.ok) {
      const refusal = result as Refusal;
      if (refusal.errors.claim) {
        const lang = langOf(c);
        const sentence = errorSentence(lang, travelErrors[lang], "claim", "", refusal.errors.claim);
        return showAdminClaim(c, loaded, { actError: sentence, status: 409 });
      }
      return showAdminClaim(c, loaded, { form: { values, errors: result.errors }, status: 422 });
    }
    return c.redirect(
      `${claimAdminPath(langOf(c), loaded.found.cohort.id)}?melding=${values.decision}`,
      303,
    );
  });

  app.get(`${ADMIN_CLAIM}/kvittering/:receipt{${ID}}`, async (c) => {
    const loaded = await adminClaim(c);
    if (!loaded) return errorPage(c, "notFound");
    return sendReceipt(c, loaded.claim);
  });

  return app;
}
