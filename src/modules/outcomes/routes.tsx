import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { readForm, readFormAll, replaceControlCharacters } from "../../kernel/forms";
import { type Cell, toCsv, toXlsx, XLSX_TYPE } from "../../kernel/spreadsheet";
import { errorPage } from "../../web/error-pages";
import type { Lang } from "../../web/i18n";
import { localPath } from "../../web/layout";
import { render } from "../../web/render";
import { cohortsOfProgrammes } from "../cohorts";
import { importProgramme, outcomeProgramme, outcomeProgrammes, todayOf } from "./access";
import { estimateChartSvg } from "./chart";
import { deleteOutcomeDraft, ownOutcomeDraft, saveOutcomeDraft } from "./drafts";
import { type OutcomeEstimate, outcomeEstimates } from "./estimates";
import { checkOutcomeFile, decodeUpload, type FileProblem, importOutcomeFile } from "./import";
import { outcomeTexts } from "./texts";
import {
  EstimatesPage,
  estimateLabel,
  estimateNote,
  formatNumber,
  GonePage,
  ImportPage,
  MAX_UPLOAD_BYTES,
  OUTCOMES_PATH,
  PreviewPage,
  ProgrammesPage,
  programmePath,
} from "./views";

const ID = "[1-9][0-9]{0,8}";
const PROGRAMME = `/:lang{nb|nn|en}${OUTCOMES_PATH}/:programme{${ID}}`;

/** The paths whose posts may be large (the manifest's `largeUploads`). */
export const OUTCOME_UPLOADS = [/^\/(nb|nn|en)\/admin\/resultater\/[0-9]{1,9}\/import$/];

const fileError = (problem: FileProblem) =>
  problem.code === "columns" ? { code: "columns", params: problem.params } : { code: problem.code };

/** The estimates the page and the downloads show: the chosen cohort (or all) in the person's area. */
async function estimatesOf(c: AppContext) {
  const id = Number(c.req.param("programme"));
  const programme = await outcomeProgramme(c, id);
  if (!programme) return null;
  const db = deps(c).db;
  const cohorts = await cohortsOfProgrammes(db, [id]);
  const asked = Number(c.req.query("pulje") ?? "");
  const cohortId = cohorts.find((k) => k.id === asked)?.id ?? null;
  const estimates = await outcomeEstimates(db, {
    programmeId: id,
    ...(cohortId ? { cohortId } : {}),
    municipalities: programme.area,
    today: todayOf(c),
  });
  return { programme, cohorts, cohortId, estimates };
}

function exportRows(lang: Lang, estimates: OutcomeEstimate[]): Cell[][] {
  const t = outcomeTexts(lang);
  const n = (x: number | null | undefined) =>
    x === null || x === undefined ? "" : Number(x.toFixed(2));
  return [
    [...t.exportHeaders],
    ...estimates.map((e) => [
      e.cohortNumber,
      e.level ? t.level[e.level] : "",
      e.grade ? t.grade(e.grade) : "",
      e.beforeYear,
      e.afterYear,
      e.level ? e.treated.n : "",
      n(e.treated.meanBefore),
      n(e.treated.meanAfter),
      e.level ? e.control.n : "",
      n(e.control.meanBefore),
      n(e.control.meanAfter),
      n(e.did?.estimate),
      n(e.did?.low),
      n(e.did?.high),
      estimateNote(lang, e),
    ]),
  ];
}

export function outcomeRoutes() {
  const app = new Hono<AppEnv>();

  app.get(`/:lang{nb|nn|en}${OUTCOMES_PATH}`, async (c) => {
    const programmes = await outcomeProgrammes(c);
    c.header("Cache-Control", "no-store");
    return render(c, <ProgrammesPage lang={langOf(c)} programmes={programmes} />);
  });

  app.get(PROGRAMME, async (c) => {
    const found = await estimatesOf(c);
    if (!found) return errorPage(c, "notFound");
    const lang = langOf(c);
    const t = outcomeTexts(lang);
    const points = found.estimates.flatMap((e) =>
      e.did
        ? [
            {
              label: estimateLabel(lang, e),
              estimate: e.did.estimate,
              low: e.did.low,
              high: e.did.high,
            },
          ]
        : [],
    );
    const chart =
      points.length > 0
        ? await estimateChartSvg(points, {
            alt: t.chartAlt(
              points
                .map((p) =>
                  t.chartItem(
                    p.label,
                    formatNumber(lang, p.estimate, true),
                    formatNumber(lang, p.low, true),
                    formatNumber(lang, p.high, true),
                  ),
                )
                .join("; "),
            ),
            axisTitle: t.axis,
            format: (x) => formatNumber(lang, x, true),
          })
        : null;
    const done = c.req.query("importert");
    const q = (k: string) => Number(c.req.query(k) ?? 0) || 0;
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <EstimatesPage
        lang={lang}
        programme={{
          id: found.programme.id,
          title: found.programme.title,
          mayImport: found.programme.mayImport,
          county: found.programme.area !== null,
        }}
        cohorts={found.cohorts}
        cohortId={found.cohortId}
        estimates={found.estimates}
        chart={chart}
        message={
          done === "1" ? t.done(q("godtatt"), q("prikket"), q("avvist"), q("erstattet")) : undefined
        }
      />,
    );
  });

  for (const kind of ["csv", "xlsx"] as const) {
    app.get(`${PROGRAMME}/anslag.${kind}`, async (c) => {
      const found = await estimatesOf(c);
      if (!found) return errorPage(c, "notFound");
      const lang = langOf(c);
      const rows = exportRows(lang, found.estimates);
      const headers = {
        "Content-Disposition": `attachment; filename="anslag.${kind}"`,
        "Cache-Control": "no-store",
      };
      if (kind === "csv")
        return c.body(toCsv(rows), 200, { ...headers, "Content-Type": "text/csv; charset=utf-8" });
      const xlsx = await toXlsx(rows, outcomeTexts(lang).sheet, [8, 14, 14, 8, 8]);
      return c.body(xlsx, 200, { ...headers, "Content-Type": XLSX_TYPE });
    });
  }

  app.get(`${PROGRAMME}/import`, async (c) => {
    const p = await importProgramme(c, Number(c.req.param("programme")));
    if (!p) return errorPage(c, "notFound");
    c.header("Cache-Control", "no-store");
    return render(c, <ImportPage lang={langOf(c)} programme={p} />);
  });

  // The statistics bank's files can be large: this path has its own limit (the manifest's
  // `largeUploads`). Nothing is imported here: the file is kept as a draft and previewed.
  app.post(
    `${PROGRAMME}/import`,
    bodyLimit({
      maxSize: MAX_UPLOAD_BYTES + 256 * 1024,
      onError: async (c) => {
        const p = await importProgramme(c as AppContext, Number(c.req.param("programme")));
        if (!p) return errorPage(c as AppContext, "notFound");
        const form = { values: {}, errors: { file: { code: "tooLarge" } } };
        return render(c, <ImportPage lang={langOf(c)} programme={p} form={form} />, 413);
      },
    }),
    async (c) => {
      const p = await importProgramme(c, Number(c.req.param("programme")));
      if (!p) return errorPage(c, "notFound");
      const lang = langOf(c);
      const d = deps(c);
      const body = await readFormAll(c);
      const file = body.file?.[0];
      const refuse = (error: { code: string; params?: Record<string, string> }) =>
        render(
          c,
          <ImportPage lang={lang} programme={p} form={{ values: {}, errors: { file: error } }} />,
          422,
        );
      if (!(file instanceof File) || file.size === 0) return refuse({ code: "noFile" });
      const text = decodeUpload(new Uint8Array(await file.arrayBuffer()));
      const check = await checkOutcomeFile(d.db, text, Number(todayOf(c).slice(0, 4)));
      if (!check.ok) return refuse(fileError(check.problem));
      const id = await saveOutcomeDraft(d.db, {
        programmeId: p.id,
        fileName: replaceControlCharacters(file.name).slice(0, 200),
        content: text,
        personId: c.get("user")!.personId,
        now: d.clock.now(),
      });
      return c.redirect(localPath(lang, `${programmePath(p.id)}/import/${id}`), 303);
    },
  );

  const DRAFT = `${PROGRAMME}/import/:draft{${ID}}`;

  app.get(DRAFT, async (c) => {
    const p = await importProgramme(c, Number(c.req.param("programme")));
    if (!p) return errorPage(c, "notFound");
    const d = deps(c);
    const lang = langOf(c);
    c.header("Cache-Control", "no-store");
    const draft = await ownOutcomeDraft(
      d.db,
      Number(c.req.param("draft")),
      p.id,
      c.get("user")!.personId,
      d.clock.now(),
    );
    if (!draft) return render(c, <GonePage lang={lang} programmeId={p.id} />, 404);
    const check = await checkOutcomeFile(d.db, draft.content, Number(todayOf(c).slice(0, 4)));
    if (!check.ok) {
      await deleteOutcomeDraft(d.db, draft.id);
      return render(c, <GonePage lang={lang} programmeId={p.id} />, 404);
    }
    return render(
      c,
      <PreviewPage
        lang={lang}
        programme={p}
        draftId={draft.id}
        fileName={draft.fileName}
        summary={check.summary}
        rejected={check.verdicts.flatMap((v) => (v.status === "rejected" ? [v] : []))}
      />,
    );
  });

  app.post(DRAFT, async (c) => {
    const p = await importProgramme(c, Number(c.req.param("programme")));
    if (!p) return errorPage(c, "notFound");
    const d = deps(c);
    const lang = langOf(c);
    const values = await readForm(c);
    c.header("Cache-Control", "no-store");
    const draft = await ownOutcomeDraft(
      d.db,
      Number(c.req.param("draft")),
      p.id,
      c.get("user")!.personId,
      d.clock.now(),
    );
    if (!draft) return render(c, <GonePage lang={lang} programmeId={p.id} />, 404);
    if (values.discard === "yes") {
      await deleteOutcomeDraft(d.db, draft.id);
      return c.redirect(localPath(lang, `${programmePath(p.id)}/import`), 303);
    }
    const done = await importOutcomeFile(d.db, {
      owner: p.owner,
      programmeId: p.id,
      fileName: draft.fileName,
      text: draft.content,
      personId: c.get("user")!.personId,
      now: d.clock.now(),
      draftId: draft.id,
    });
    if (!done.ok) {
      const check = await checkOutcomeFile(d.db, draft.content, Number(todayOf(c).slice(0, 4)));
      return render(
        c,
        <PreviewPage
          lang={lang}
          programme={p}
          draftId={draft.id}
          fileName={draft.fileName}
          summary={
            check.ok
              ? check.summary
              : { rows: 0, accepted: 0, suppressed: 0, rejected: 0, byReason: {} }
          }
          rejected={
            check.ok ? check.verdicts.flatMap((v) => (v.status === "rejected" ? [v] : [])) : []
          }
          form={{ values: {}, errors: { file: fileError(done.problem) } }}
        />,
        422,
      );
    }
    const s = done.summary;
    return c.redirect(
      localPath(
        lang,
        `${programmePath(p.id)}?importert=1&godtatt=${s.accepted}&prikket=${s.suppressed}&avvist=${s.rejected}&erstattet=${done.replaced}`,
      ),
      303,
    );
  });

  return app;
}
