import { eq, inArray } from "drizzle-orm";
import { Hono } from "hono";
import { confirmationsOf } from "../../kernel/child-guard-forms";
import { osloToday } from "../../kernel/clock";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { type FormValues, readFormAll } from "../../kernel/forms";
import type { Refusal } from "../../kernel/result";
import { errorPage } from "../../web/error-pages";
import { render } from "../../web/render";
import { cohortRef } from "../cohorts";
import { Forbidden, orgsGranting, scopesFor } from "../identity";
import { cohortTitle, grantMunicipalities, municipalityPlaces, ownCohort } from "./access";
import { letterFacts, letterPdf } from "./letter";
import { acceptGrant, declineGrant, reportUse } from "./life";
import { GrantPage, grantPath, MyGrantsPage } from "./municipality-views";
import { grantSchemes, grants } from "./schema";
import { grantTexts } from "./texts";

const GRANT = "/:lang{nb|nn|en}/tilskudd/:grant{[1-9][0-9]{0,8}}";

const actor = (c: AppContext) => ({ personId: c.get("user")!.personId, now: deps(c).clock.now() });

/** The grant of the path, if the person answers for its municipality; 404 or 403 as the case is. */
async function load(c: AppContext) {
  const municipalities = grantMunicipalities(c);
  const db = deps(c).db;
  const [row] = await db
    .select({ grant: grants, scheme: grantSchemes })
    .from(grants)
    .innerJoin(grantSchemes, eq(grantSchemes.id, grants.schemeId))
    .where(eq(grants.id, Number(c.req.param("grant"))));
  if (!row) return null;
  if (!municipalities.has(row.grant.municipalityCode)) throw new Forbidden("answer:grant");
  return row;
}

type Loaded = NonNullable<Awaited<ReturnType<typeof load>>>;

async function show(
  c: AppContext,
  loaded: Loaded,
  form?: {
    which: "answer" | "report";
    values: FormValues;
    errors: Refusal["errors"];
    warnings?: Refusal["warnings"];
    usedFor?: string[];
  },
) {
  const db = deps(c).db;
  const lang = langOf(c);
  const cohort = (await cohortRef(db, loaded.scheme.cohortId))!;
  const places = await municipalityPlaces(c);
  const gt = grantTexts(lang);
  const melding = c.req.query("melding") as keyof typeof gt.done | undefined;
  const done = melding && melding in gt.done ? gt.done[melding] : undefined;
  c.header("Cache-Control", "no-store");
  return render(
    c,
    <GrantPage
      lang={lang}
      grant={loaded.grant}
      scheme={loaded.scheme}
      cohortTitle={await cohortTitle(db, lang, cohort)}
      municipality={
        places.get(loaded.grant.municipalityCode)?.name ?? loaded.grant.municipalityCode
      }
      today={osloToday(deps(c).clock.now())}
      message={form || typeof done !== "string" ? undefined : done}
      {...(form
        ? {
            form: {
              which: form.which,
              state: {
                values: form.values,
                errors: form.errors,
                ...(form.warnings ? { warnings: form.warnings } : {}),
              },
              ...(form.usedFor ? { usedFor: form.usedFor } : {}),
            },
          }
        : {})}
    />,
    form ? 422 : 200,
  );
}

function formOf(all: Record<string, (string | File)[]>) {
  const values: FormValues = {};
  for (const [k, v] of Object.entries(all)) {
    const first = v[0];
    if (typeof first === "string") values[k] = first;
  }
  return values;
}

export function grantMunicipalityRoutes() {
  const app = new Hono<AppEnv>();

  app.get("/:lang{nb|nn|en}/tilskudd", async (c) => {
    const municipalities = [...grantMunicipalities(c)];
    const db = deps(c).db;
    const lang = langOf(c);
    const rows =
      municipalities.length === 0
        ? []
        : await db
            .select({ grant: grants, cohortId: grantSchemes.cohortId })
            .from(grants)
            .innerJoin(grantSchemes, eq(grantSchemes.id, grants.schemeId))
            .where(inArray(grants.municipalityCode, municipalities))
            .orderBy(grants.id);
    const places = await municipalityPlaces(c);
    const titles = new Map<number, string>();
    for (const r of rows) {
      if (!titles.has(r.cohortId)) {
        const cohort = await cohortRef(db, r.cohortId);
        titles.set(r.cohortId, cohort ? await cohortTitle(db, lang, cohort) : "");
      }
    }
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <MyGrantsPage
        lang={lang}
        rows={rows.map((r) => ({
          id: r.grant.id,
          title: titles.get(r.cohortId) ?? "",
          municipality: places.get(r.grant.municipalityCode)?.name ?? r.grant.municipalityCode,
          grant: r.grant,
        }))}
      />,
    );
  });

  app.get(GRANT, async (c) => {
    const loaded = await load(c);
    if (!loaded) return errorPage(c, "notFound");
    return show(c, loaded);
  });

  /** The letter as a PDF: for the municipality, and for the programme admin of the owner. */
  app.get(`${GRANT}/brev.pdf`, async (c) => {
    const db = deps(c).db;
    const now = deps(c).clock.now();
    const facts = await letterFacts(db, Number(c.req.param("grant")), now);
    if (!facts || facts.grant.state === "allocated") return errorPage(c, "notFound");
    const user = c.get("user");
    let allowed = orgsGranting(user, "answer:grant:municipality", "municipality").has(
      facts.grant.municipalityCode,
    );
    if (!allowed && scopesFor(user, "manage", "grant").length > 0) {
      allowed = await ownCohort(c, facts.scheme.cohortId).then(
        (found) => found !== null,
        (e) => {
          if (e instanceof Forbidden) return false;
          throw e;
        },
      );
    }
    if (!allowed) throw new Forbidden("answer:grant");
    const pdf = await letterPdf(facts);
    return c.body(new Uint8Array(pdf), 200, {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="tilskuddsbrev-${facts.grant.id}.pdf"`,
      "Cache-Control": "no-store",
    });
  });

  app.post(`${GRANT}/svar`, async (c) => {
    const loaded = await load(c);
    if (!loaded) return errorPage(c, "notFound");
    const values = formOf(await readFormAll(c));
    const input = { grantId: loaded.grant.id, municipalityCode: loaded.grant.municipalityCode };
    const result =
      values.answer === "decline"
        ? await declineGrant(deps(c).db, input, actor(c))
        : await acceptGrant(
            deps(c).db,
            {
              ...input,
              orgNumber: values.orgNumber ?? "",
              accountNumber: values.accountNumber ?? "",
              conditions: values.conditions ?? "",
            },
            actor(c),
          );
    if (!result.ok) {
      return show(c, (await load(c))!, { which: "answer", values, errors: result.errors });
    }
    return c.redirect(
      `${grantPath(langOf(c), loaded.grant.id)}?melding=${values.answer === "decline" ? "decline" : "accept"}`,
      303,
    );
  });

  app.post(`${GRANT}/rapport`, async (c) => {
    const loaded = await load(c);
    if (!loaded) return errorPage(c, "notFound");
    const all = await readFormAll(c);
    const values = formOf(all);
    const usedFor = (all.usedFor ?? []).filter((u): u is string => typeof u === "string");
    const result = await reportUse(
      deps(c).db,
      {
        grantId: loaded.grant.id,
        municipalityCode: loaded.grant.municipalityCode,
        used: values.used ?? "",
        usedFor,
        account: values.account ?? "",
        confirmations: confirmationsOf(values),
      },
      actor(c),
    );
    if (!result.ok) {
      return show(c, loaded, {
        which: "report",
        values,
        errors: result.errors,
        ...(result.warnings ? { warnings: result.warnings } : {}),
        usedFor,
      });
    }
    return c.redirect(`${grantPath(langOf(c), loaded.grant.id)}?melding=report`, 303);
  });

  return app;
}
