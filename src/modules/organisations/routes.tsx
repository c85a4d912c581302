import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { osloToday } from "../../kernel/clock";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import {
  type FieldError,
  readForm,
  readFormAll,
  replaceControlCharacters,
} from "../../kernel/forms";
import { errorPage } from "../../web/error-pages";
import { localPath } from "../../web/layout";
import { render } from "../../web/render";
import { type OrgScope, organisationScope, recordAudit, requirePermission } from "../identity";
import {
  discardImportDraft,
  importRunReport,
  previewImportDraft,
  runImportDraft,
  saveImportDraft,
} from "./import-drafts";
import { ImportGonePage, ImportPage, ImportPreviewPage, ImportRunPage } from "./import-views";
import { ppServicesAt } from "./pp-services";
import { fetchRegisterPages, parseRegisterFile } from "./registers";
import { searchOrganisations } from "./search";
import { countiesAt, countyOfficesAt, municipalitiesAt } from "./service";
import { orgTexts } from "./texts";
import { getUnit, type UnitFilter, unitsOfMunicipality, unitWithHistory } from "./units";
import {
  MunicipalityPage,
  OfficesPage,
  OrganisationsPage,
  PpServicesPage,
  UnitPage,
} from "./views";

const today = (c: AppContext) => osloToday(deps(c).clock.now());

function inScope(scope: OrgScope, municipality: string, unit?: string): boolean {
  if (scope.all) return true;
  return scope.municipalities.has(municipality) || (unit !== undefined && scope.units.has(unit));
}

export type RegisterUrls = { nsr?: string | undefined; nbr?: string | undefined };

export function organisationRoutes(urls: RegisterUrls = {}) {
  const app = new Hono<AppEnv>();

  app.get("/:lang{nb|nn|en}/organisasjoner", async (c) => {
    const scope = await organisationScope(c, "read", "organisation");
    const d = deps(c);
    const l = langOf(c);
    const _t = orgTexts(l);
    const query = (c.req.query("q") ?? "").trim().slice(0, 100);
    const date = today(c);
    const mine: { href: string; label: string }[] = [];
    if (!scope.all) {
      const names = new Map((await municipalitiesAt(d.db, date)).map((m) => [m.code, m.name]));
      for (const code of [...scope.municipalities].sort()) {
        mine.push({
          href: localPath(l, `/organisasjoner/kommune/${code}`),
          label: `${names.get(code) ?? code} (${code})`,
        });
      }
      for (const orgNumber of scope.units) {
        const unit = await getUnit(d.db, orgNumber);
        if (unit)
          mine.push({ href: localPath(l, `/organisasjoner/enhet/${orgNumber}`), label: unit.name });
      }
    }
    // A unit's people see their own unit(s); searching the tree is for wider roles.
    const canSearch = scope.all || scope.municipalities.size > 0;
    const hits =
      query && canSearch
        ? await searchOrganisations(d.db, query, {
            date,
            limit: 50,
            lang: l === "nn" ? "nn" : "nb",
            ...(scope.all ? {} : { scope: [...scope.municipalities] }),
          })
        : query
          ? []
          : null;
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <OrganisationsPage
        lang={l}
        query={query}
        hits={hits}
        scoped={!scope.all}
        mine={mine.length > 0 || !scope.all ? mine : []}
      />,
    );
  });

  app.get("/:lang{nb|nn|en}/organisasjoner/kommune/:code{[0-9]{4}}", async (c) => {
    const scope = await organisationScope(c, "read", "organisation");
    const code = c.req.param("code");
    if (!inScope(scope, code)) return errorPage(c, "notAllowed");
    const d = deps(c);
    const date = today(c);
    const municipality = (await municipalitiesAt(d.db, date)).find((m) => m.code === code);
    if (!municipality) return errorPage(c, "notFound");
    const type = c.req.query("type") ?? "";
    const owner = c.req.query("eier") ?? "";
    const status = c.req.query("status") ?? "";
    const filter: UnitFilter = {};
    if (type === "school" || type === "kindergarten") filter.type = type;
    if (owner === "public" || owner === "private") filter.owner = owner;
    if (status === "active" || status === "closed") filter.active = status === "active";
    const units = await unitsOfMunicipality(d.db, code, filter);
    const ppServices = await ppServicesAt(d.db, { date, scope: [code] });
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <MunicipalityPage
        lang={langOf(c)}
        code={code}
        name={municipality.name}
        units={units}
        ppServices={ppServices}
        filter={{ type, owner, status }}
      />,
    );
  });

  app.get("/:lang{nb|nn|en}/organisasjoner/enhet/:orgnr{[0-9]{9}}", async (c) => {
    const scope = await organisationScope(c, "read", "organisation");
    const d = deps(c);
    const unit = await unitWithHistory(d.db, c.req.param("orgnr"));
    if (!unit) return errorPage(c, "notFound");
    if (!inScope(scope, unit.municipalityCode, unit.orgNumber)) return errorPage(c, "notAllowed");
    const name =
      (await municipalitiesAt(d.db, today(c))).find((m) => m.code === unit.municipalityCode)
        ?.name ?? unit.municipalityCode;
    c.header("Cache-Control", "no-store");
    return render(c, <UnitPage lang={langOf(c)} unit={unit} municipalityName={name} />);
  });

  app.get("/:lang{nb|nn|en}/organisasjoner/statsforvaltere", async (c) => {
    const scope = await organisationScope(c, "read", "organisation");
    if (!scope.all) return errorPage(c, "notAllowed");
    const d = deps(c);
    const asked = c.req.query("dato") ?? "";
    const date =
      /^\d{4}-\d{2}-\d{2}$/.test(asked) && asked >= "2017-01-01" && !Number.isNaN(Date.parse(asked))
        ? asked
        : today(c);
    const l = langOf(c);
    const offices = await countyOfficesAt(d.db, date, l === "nn" ? "nn" : "nb");
    const countyNames = new Map((await countiesAt(d.db, date)).map((x) => [x.code, x.name]));
    return render(
      c,
      <OfficesPage lang={l} date={date} offices={offices} countyNames={countyNames} />,
    );
  });

  app.get("/:lang{nb|nn|en}/organisasjoner/pp-tjenester", async (c) => {
    const scope = await organisationScope(c, "read", "organisation");
    const d = deps(c);
    const services = await ppServicesAt(d.db, {
      date: today(c),
      ...(scope.all ? {} : { scope: [...scope.municipalities] }),
    });
    return render(c, <PpServicesPage lang={langOf(c)} services={services} />);
  });

  app.get("/:lang{nb|nn|en}/admin/import", (c) => {
    requirePermission(c, "import", "register");
    return render(c, <ImportPage lang={langOf(c)} urls={urls} />);
  });

  // Register files are large (the whole NSR is tens of megabytes): this route has its own limit.
  // Nothing is imported here: the listing is kept as a draft and its preview shown.
  app.post(
    "/:lang{nb|nn|en}/admin/import",
    bodyLimit({ maxSize: 100 * 1024 * 1024, onError: (c) => errorPage(c, "tooLarge") }),
    async (c) => {
      requirePermission(c, "import", "register");
      const l = langOf(c);
      const d = deps(c);
      const body = await readFormAll(c);
      const first = (name: string) => {
        const v = body[name]?.[0];
        return typeof v === "string" ? v : undefined;
      };
      const values = { source: first("source") ?? "", coverage: first("coverage") ?? "" };
      const source = values.source === "nbr" ? "nbr" : "nsr";
      const refuse = (error: FieldError) =>
        render(
          c,
          <ImportPage lang={l} urls={urls} form={{ values, errors: { file: error } }} />,
          422,
        );
      let draft: Parameters<typeof saveImportDraft>[1];
      const base = { source, personId: c.get("user")!.personId, now: d.clock.now() } as const;
      if (first("fromUrl") === "yes" && urls[source]) {
        let pages: Awaited<ReturnType<typeof fetchRegisterPages>>;
        try {
          pages = await fetchRegisterPages(urls[source]!);
        } catch {
          return refuse({ code: "fetchFailed", params: { url: urls[source]! } });
        }
        draft = { ...base, pages, origin: `${urls[source]}/enheter`, coverage: "register" };
      } else {
        const file = body.file?.[0];
        if (!(file instanceof File) || file.size === 0) return refuse({ code: "noFile" });
        let pages: ReturnType<typeof parseRegisterFile>;
        try {
          pages = parseRegisterFile(JSON.parse(await file.text()));
        } catch {
          return refuse({ code: "badFile" });
        }
        draft = {
          ...base,
          pages,
          origin: replaceControlCharacters(file.name).slice(0, 200),
          coverage: values.coverage === "partial" ? "partial" : "register",
        };
      }
      const id = await saveImportDraft(d.db, draft);
      return c.redirect(localPath(l, `/admin/import/${id}`), 303);
    },
  );

  const DRAFT = "/:lang{nb|nn|en}/admin/import/:draftId{[0-9]{1,9}}";

  app.get(DRAFT, async (c) => {
    requirePermission(c, "import", "register");
    const d = deps(c);
    const preview = await previewImportDraft(
      d.db,
      Number(c.req.param("draftId")),
      c.get("user")!.personId,
      d.clock,
    );
    c.header("Cache-Control", "no-store");
    if (!preview) return render(c, <ImportGonePage lang={langOf(c)} />, 404);
    return render(c, <ImportPreviewPage lang={langOf(c)} {...preview} />);
  });

  app.post(DRAFT, async (c) => {
    requirePermission(c, "import", "register");
    const l = langOf(c);
    const d = deps(c);
    const values = await readForm(c);
    const id = Number(c.req.param("draftId"));
    const personId = c.get("user")!.personId;
    if (values.discard === "yes") {
      await discardImportDraft(d.db, id, personId);
      return c.redirect(localPath(l, "/admin/import"), 303);
    }
    const confirmMassClosure = values.confirmClosures === "yes";
    const done = await runImportDraft(d.db, id, personId, { clock: d.clock, confirmMassClosure });
    c.header("Cache-Control", "no-store");
    if (!done) return render(c, <ImportGonePage lang={l} />, 404);
    const { report } = done;
    if (!report.applied) {
      const closing = report.massClosure?.closing ?? 0;
      const confirm = {
        values: {},
        errors: { confirmClosures: { code: "confirmRequired", params: { closing } } },
      };
      return render(c, <ImportPreviewPage lang={l} {...done} confirm={confirm} />, 422);
    }
    await recordAudit(d.db, {
      actorId: personId,
      action: "register.import",
      entityType: "import-run",
      entityId: String(report.runId),
      after: {
        source: report.source,
        added: report.added,
        changed: report.changed,
        closed: report.closed,
        rejected: report.rejected,
        ...(report.massClosure
          ? { massClosureConfirmed: true, activeBefore: report.massClosure.active }
          : {}),
      },
      at: d.clock.now(),
    });
    return c.redirect(localPath(l, `/admin/import/kjoringer/${report.runId}?ferdig=1`), 303);
  });

  app.get("/:lang{nb|nn|en}/admin/import/kjoringer/:runId{[0-9]{1,9}}", async (c) => {
    requirePermission(c, "import", "register");
    const report = await importRunReport(deps(c).db, Number(c.req.param("runId")));
    if (!report) return errorPage(c, "notFound");
    return render(
      c,
      <ImportRunPage lang={langOf(c)} report={report} justDone={c.req.query("ferdig") === "1"} />,
    );
  });

  return app;
}
