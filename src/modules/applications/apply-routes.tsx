import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { confirmationsOf } from "../../kernel/child-guard-forms";
import { osloToday } from "../../kernel/clock";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import {
  BadRequest,
  type FieldErrors,
  type FieldWarnings,
  readForm,
  readFormAll,
} from "../../kernel/forms";
import { downloadHeaders } from "../../kernel/storage";
import { errorPage } from "../../web/error-pages";
import type { Lang } from "../../web/i18n";
import { render } from "../../web/render";
import { orgsGranting, personNames } from "../identity";
import { programmeTitles } from "../programmes";
import { type Answers, fieldName } from "./answers";
import {
  applicationsOf,
  errorsIn,
  missingOf,
  municipalityNames,
  openRounds,
  parseSection,
  seenOf,
} from "./apply";
import { applyTexts } from "./apply-texts";
import {
  ListPage,
  OverviewPage,
  ReceiptPage,
  SectionPage,
  sectionWarnings,
  sentenceOf,
} from "./apply-views";
import { attachFile, attachmentOf, FILE_ID, removeFile } from "./attachments";
import { withdrawApplication } from "./decide";
import {
  answersOf,
  applicationWithRound,
  applicationById as byId,
  type Conflict,
  fingerprint,
  saveAnswers,
  startApplication,
} from "./drafts";
import { definitionLimits, type Section } from "./form-definition";
import { formById, formDefinitionOf } from "./forms";
import { answerLines } from "./pdf";
import type { ConflictNote } from "./question-fields";
import { submittedPdf } from "./receipt-mail";
import { isOpen, roundById } from "./rounds";
import { submissionOf, submitApplication } from "./submit";

const BASE = "/:lang{nb|nn|en}/soknader";
const ONE = `${BASE}/:id{[0-9]{1,9}}`;
const SECTION = `${ONE}/del/:section{[a-z][a-z0-9-]{0,39}}`;
const PERMISSION = "apply:application:municipality";
/**
 * The most a section's post may carry: the largest file a question may allow, and room for the
 * section's typed answers beside it. Every other form gets 64 kB (app.tsx).
 */
const SECTION_BODY_MAX = definitionLimits.attachmentBytes + 4 * 1024 * 1024;

/** The municipalities the user applies for: those where one of her roles grants it. */
const codesOf = (c: AppContext) => orgsGranting(c.get("user"), PERMISSION, "municipality");

const actor = (c: AppContext) => ({
  personId: c.get("user")!.personId,
  now: deps(c).clock.now(),
  baseUrl: deps(c).linkBase,
});

const timeOfDay = (lang: Lang, at: Date) =>
  new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "nb-NO", {
    timeStyle: "short",
    timeZone: "Europe/Oslo",
  }).format(at);

const wantsJson = (c: AppContext) => (c.req.header("accept") ?? "").includes("application/json");

/**
 * The application of the path, for one of its own municipality's coordinators: 403 before
 * anything is read for people who never apply, 404 when there is no such application, 403 for
 * another municipality's.
 */
async function own(c: AppContext) {
  const codes = codesOf(c);
  if (codes.size === 0) return { response: await errorPage(c, "notAllowed") };
  const found = await applicationWithRound(deps(c).db, Number(c.req.param("id")));
  if (!found) return { response: await errorPage(c, "notFound") };
  if (!codes.has(found.app.municipalityCode)) return { response: await errorPage(c, "notAllowed") };
  return found;
}
type Owned = Exclude<Awaited<ReturnType<typeof own>>, { response: Response }>;

/** What the pages of an application show around it: its form and the programme's title. */
async function around(c: AppContext, { app, round }: Owned) {
  const { db } = deps(c);
  const def = await formDefinitionOf(db, app.formId);
  const title =
    (await programmeTitles(db, langOf(c), [round.programmeId])).get(round.programmeId) ?? "";
  return { app, round, def, title };
}

async function load(c: AppContext) {
  const owned = await own(c);
  if ("response" in owned) return owned;
  return around(c, owned);
}
type Loaded = Exclude<Awaited<ReturnType<typeof load>>, { response: Response }>;

async function municipalityName(c: AppContext, code: string) {
  const now = deps(c).clock.now();
  return (await municipalityNames(deps(c).db, [code], osloToday(now))).get(code) ?? code;
}

async function showOverview(
  c: AppContext,
  loaded: Loaded,
  opts: { errors?: FieldErrors; message?: string | undefined; status?: 200 | 422 } = {},
) {
  const { db, clock } = deps(c);
  const { app, round, def, title } = loaded;
  const { answers } = await answersOf(db, app.id);
  const now = clock.now();
  c.header("Cache-Control", "no-store");
  return render(
    c,
    <OverviewPage
      lang={langOf(c)}
      app={app}
      round={round}
      title={title}
      municipalityName={await municipalityName(c, app.municipalityCode)}
      def={def}
      answers={answers}
      missing={missingOf(def, answers)}
      open={isOpen(round, now) || (app.reopenedUntil !== null && now < app.reopenedUntil)}
      {...(opts.errors ? { errors: opts.errors } : {})}
      message={opts.message}
    />,
    opts.status ?? 200,
  );
}

/** What a colleague's kept answer says, and who saved it when, for the note beside the field. */
async function conflictNotes(c: AppContext, loaded: Loaded, conflicts: Conflict[]) {
  const lang = langOf(c);
  const notes = new Map<string, ConflictNote>();
  if (conflicts.length === 0) return notes;
  const names = await personNames(
    deps(c).db,
    conflicts.flatMap((x) => (x.savedBy === null ? [] : [x.savedBy])),
  );
  for (const x of conflicts) {
    const q = loaded.def.sections.flatMap((s) => s.questions).find((y) => y.id === x.questionId)!;
    notes.set(x.questionId, {
      who: (x.savedBy !== null ? names.get(x.savedBy) : null) ?? applyTexts[lang].someone,
      time: timeOfDay(lang, x.savedAt),
      theirs: answerLines(q, x.theirs, lang === "nn" ? "nn" : "nb").join("; "),
      ...(x.yours.kind === "file" ? { file: { yours: x.yours.file?.name ?? null } } : {}),
    });
  }
  return notes;
}

type Posted = Awaited<ReturnType<typeof readFormAll>>;

/**
 * The file acts of a section's post: a file chosen for an attachment question is uploaded (it
 * replaces the one there); the question whose "remove" button was pressed loses its file.
 */
async function saveFiles(
  c: AppContext,
  loaded: Loaded,
  section: Section,
  raw: Posted,
  seen: Record<string, string>,
) {
  const d = deps(c);
  const out = {
    errors: {} as FieldErrors,
    conflicts: [] as Conflict[],
    changed: [] as string[],
    uploaded: false,
    removed: false,
  };
  const removing = raw.removeFile?.[0];
  for (const q of section.questions) {
    if (q.kind !== "attachment") continue;
    const ids = { applicationId: loaded.app.id, questionId: q.id, seen: seen[q.id] };
    let result: Awaited<ReturnType<typeof attachFile>>;
    if (removing === q.id) {
      result = await removeFile(d.db, d.files, ids, actor(c));
      out.removed ||= result.ok && !result.conflict;
    } else {
      // A file field left empty still sends a part: no name, no bytes.
      const file = raw[fieldName(q)]?.[0];
      if (!(file instanceof File) || (file.name === "" && file.size === 0)) continue;
      const upload = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
      result = await attachFile(d.db, d.files, { ...ids, upload }, actor(c));
      out.uploaded ||= result.ok && result.file !== null;
    }
    if (!result.ok) Object.assign(out.errors, result.errors);
    else if (result.conflict) out.conflicts.push(result.conflict);
    else out.changed.push(q.id);
  }
  return out;
}

/**
 * A section's post over the body limit (a file far over any question's limit): nothing of it
 * was read, so the section is shown as stored, with the error beside its file fields.
 */
async function tooLargeToRead(c: AppContext): Promise<Response> {
  const loaded = await load(c);
  if ("response" in loaded) return loaded.response ?? errorPage(c, "notAllowed");
  const section = loaded.def.sections.find((s) => s.id === c.req.param("section"));
  const questions = section?.questions.filter((q) => q.kind === "attachment") ?? [];
  if (!section || questions.length === 0 || loaded.app.state !== "draft") {
    return errorPage(c, "tooLarge");
  }
  const { answers } = await answersOf(deps(c).db, loaded.app.id);
  const errors: FieldErrors = {};
  for (const q of questions) {
    if (q.kind === "attachment") {
      errors[fieldName(q)] = { code: "fileTooLarge", params: { maxBytes: q.maxBytes } };
    }
  }
  c.header("Cache-Control", "no-store");
  return render(
    c,
    <SectionPage
      lang={langOf(c)}
      app={loaded.app}
      title={loaded.title}
      def={loaded.def}
      section={section}
      answers={answers}
      seen={seenOf(section, answers)}
      errors={errors}
      conflicts={new Map()}
    />,
    413,
  );
}

export function applyRoutes() {
  const app = new Hono<AppEnv>();

  app.get(BASE, async (c) => {
    const codes = [...codesOf(c)];
    if (codes.length === 0) return errorPage(c, "notAllowed");
    const { db, clock } = deps(c);
    const lang = langOf(c);
    const now = clock.now();
    const names = await municipalityNames(db, codes, osloToday(now));
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <ListPage
        lang={lang}
        municipalities={codes.map((code) => ({ code, name: names.get(code) ?? code }))}
        rounds={(await openRounds(db, now, lang)).map((r) => r)}
        apps={await applicationsOf(db, codes, lang)}
      />,
    );
  });

  // Start (or open a colleague's draft: one application per municipality and round).
  app.post(BASE, async (c) => {
    const codes = codesOf(c);
    if (codes.size === 0) return errorPage(c, "notAllowed");
    const raw = await readForm(c);
    const roundId = raw.round ?? "";
    const code = raw.municipality ?? "";
    if (!/^[0-9]{1,9}$/.test(roundId) || !/^[0-9]{4}$/.test(code)) throw new BadRequest("start");
    if (!codes.has(code)) return errorPage(c, "notAllowed");
    const { db } = deps(c);
    const round = await roundById(db, Number(roundId));
    if (!round || !isOpen(round, deps(c).clock.now())) return errorPage(c, "notFound");
    const started = await startApplication(
      db,
      { roundId: round.id, municipalityCode: code },
      actor(c),
    );
    if (!started.ok) return errorPage(c, "notFound");
    return c.redirect(`/${langOf(c)}/soknader/${started.applicationId}`, 303);
  });

  app.get(ONE, async (c) => {
    const loaded = await load(c);
    if ("response" in loaded) return loaded.response;
    const a = applyTexts[langOf(c)];
    const message = { withdrawn: a.withdrawn }[c.req.query("melding") ?? ""];
    return showOverview(c, loaded, { message });
  });

  app.get(SECTION, async (c) => {
    const loaded = await load(c);
    if ("response" in loaded) return loaded.response;
    const section = loaded.def.sections.find((s) => s.id === c.req.param("section"));
    if (!section) return errorPage(c, "notFound");
    if (loaded.app.state !== "draft") {
      return c.redirect(`/${langOf(c)}/soknader/${loaded.app.id}`, 302);
    }
    const { answers } = await answersOf(deps(c).db, loaded.app.id);
    const lang = langOf(c);
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <SectionPage
        lang={lang}
        app={loaded.app}
        title={loaded.title}
        def={loaded.def}
        section={section}
        answers={answers}
        seen={seenOf(section, answers)}
        errors={{}}
        conflicts={new Map()}
        message={
          {
            lagret: applyTexts[lang].saved,
            vedlegg: applyTexts[lang].fileSaved,
            "vedlegg-fjernet": applyTexts[lang].fileRemoved,
          }[c.req.query("melding") ?? ""]
        }
      />,
    );
  });

  // Save one section: the plain form (303 back with a notice) and the autosave (JSON). The plain
  // form of a section with an attachment question is multipart and may carry files: this route
  // has its own body limit (the manifest's `largeUploads`), and a body over it is answered with
  // the section and the error beside its file fields.
  app.post(
    SECTION,
    bodyLimit({ maxSize: SECTION_BODY_MAX, onError: (c) => tooLargeToRead(c) }),
    async (c) => {
      const loaded = await load(c);
      if ("response" in loaded) return loaded.response;
      const section = loaded.def.sections.find((s) => s.id === c.req.param("section"));
      if (!section) return errorPage(c, "notFound");
      const raw = await readFormAll(c);
      const posted = parseSection(section, raw);
      const lang = langOf(c);
      const json = wantsJson(c);
      const d = deps(c);
      const questionIds = Object.keys(posted.answers);
      const typed = Object.fromEntries(
        Object.entries(raw).map(([k, v]) => [k, typeof v[0] === "string" ? v[0] : ""]),
      );
      const result = await saveAnswers(
        d.db,
        {
          applicationId: loaded.app.id,
          answers: posted.answers,
          seen: posted.seen,
          questionIds,
          confirmations: confirmationsOf(typed),
        },
        actor(c),
      );
      if (!result.ok && result.errors.application) {
        // Submitted or withdrawn meanwhile (by a colleague): nothing to save into.
        if (json) return c.json({ errors: { application: "notDraft" } }, 409);
        return showOverview(c, loaded, { errors: result.errors, status: 422 });
      }
      const files = await saveFiles(c, loaded, section, raw, posted.seen);
      const stored = (await answersOf(d.db, loaded.app.id)).answers;
      const errors = {
        ...(result.ok ? {} : errorsIn(result.errors, loaded.def, section)),
        ...files.errors,
      };
      // The child guard's warnings (decision 0024): the section is held back until confirmed.
      const warnings: FieldWarnings = result.ok ? {} : (result.warnings ?? {});
      const held = Object.keys(warnings).filter((f) => !warnings[f]!.confirmed && !errors[f]);
      const found = [...(result.ok ? result.conflicts : []), ...files.conflicts];
      const conflicts = await conflictNotes(c, loaded, found);
      // What the page shows next: the user's own input wherever it was not stored.
      const answers: Answers = { ...stored };
      const seen: Record<string, string> = { ...posted.seen };
      if (!result.ok) Object.assign(answers, posted.answers);
      else for (const id of result.saved) seen[id] = fingerprint(stored[id]);
      for (const id of files.changed) seen[id] = fingerprint(stored[id]);
      for (const x of found) {
        // A file cannot be put back in its field: the colleague's stays shown, with the note.
        if (x.yours.kind !== "file") answers[x.questionId] = x.yours;
        // Saving again means: mine over theirs, knowingly.
        seen[x.questionId] = fingerprint(x.theirs);
      }
      const ok = Object.keys(errors).length === 0 && held.length === 0;
      if (json) {
        return c.json(
          {
            version:
              files.changed.length > 0
                ? ((await byId(d.db, loaded.app.id))?.version ?? loaded.app.version)
                : result.ok
                  ? result.version
                  : loaded.app.version,
            saved: [...(result.ok ? result.saved : []), ...files.changed],
            savedAt: timeOfDay(lang, d.clock.now()),
            conflicts: [...conflicts.entries()].map(([questionId, note]) => ({
              questionId,
              ...note,
            })),
            errors: Object.fromEntries([
              ...Object.entries(errors).map(([f, e]) => [f, sentenceOf(lang, loaded.def, f, e)]),
              // The autosave cannot tick the box: the warning as a sentence; saving the
              // section without JavaScript shows the box.
              ...sectionWarnings(lang, loaded.def, section, warnings, errors).warnings.map((w) => [
                w.href.slice(1),
                `${w.text}. ${applyTexts[lang].guardHeld}`,
              ]),
            ]),
            seen,
          },
          ok ? 200 : 422,
        );
      }
      if (!ok || conflicts.size > 0) {
        c.header("Cache-Control", "no-store");
        return render(
          c,
          <SectionPage
            lang={lang}
            app={loaded.app}
            title={loaded.title}
            def={loaded.def}
            section={section}
            answers={answers}
            seen={seen}
            errors={errors}
            warnings={warnings}
            conflicts={conflicts}
          />,
          ok ? 409 : 422,
        );
      }
      const base = `/${lang}/soknader/${loaded.app.id}/del`;
      const next = raw.next?.[0];
      if (typeof next === "string" && loaded.def.sections.some((s) => s.id === next)) {
        return c.redirect(`${base}/${next}`, 303);
      }
      const table =
        raw.add?.[0] ??
        (typeof raw.remove?.[0] === "string" ? raw.remove[0].split(":")[0] : undefined) ??
        files.changed[0];
      const anchor =
        typeof table === "string" && /^[a-z][a-z0-9-]{0,39}$/.test(table) ? `#q-${table}` : "";
      const message = files.removed ? "vedlegg-fjernet" : files.uploaded ? "vedlegg" : "lagret";
      return c.redirect(`${base}/${section.id}?melding=${message}${anchor}`, 303);
    },
  );

  // A file of the application, for its municipality's coordinators.
  app.get(`${ONE}/vedlegg/:fileId{${FILE_ID}}`, async (c) => {
    const loaded = await load(c);
    if ("response" in loaded) return loaded.response;
    const d = deps(c);
    const file = await attachmentOf(d.db, d.files, loaded.app.id, c.req.param("fileId"));
    if (!file) return errorPage(c, "notFound");
    return c.body(new Uint8Array(file.bytes), 200, downloadHeaders(file));
  });

  app.post(`${ONE}/send`, async (c) => {
    // The deadline rush's request: only what submitting needs is read before it.
    const owned = await own(c);
    if ("response" in owned) return owned.response;
    const a = actor(c);
    const result = await submitApplication(deps(c).db, { applicationId: owned.app.id }, a);
    if (!result.ok) {
      const again = (await applicationWithRound(deps(c).db, owned.app.id))!;
      return showOverview(c, await around(c, again), { errors: result.errors, status: 422 });
    }
    // The receipt's mail was queued with the submission: the job loop builds its PDF.
    if (!result.repeated) deps(c).onJobQueued();
    return c.redirect(`/${langOf(c)}/soknader/${owned.app.id}/kvittering`, 303);
  });

  app.get(`${ONE}/kvittering`, async (c) => {
    const loaded = await load(c);
    if ("response" in loaded) return loaded.response;
    const { db } = deps(c);
    const submission = await submissionOf(db, loaded.app.id);
    if (!submission) return c.redirect(`/${langOf(c)}/soknader/${loaded.app.id}`, 302);
    const form = await formById(db, submission.formId);
    const by =
      submission.submittedBy === null
        ? null
        : (await personNames(db, [submission.submittedBy])).get(submission.submittedBy);
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <ReceiptPage
        lang={langOf(c)}
        app={loaded.app}
        title={loaded.title}
        municipalityName={await municipalityName(c, loaded.app.municipalityCode)}
        submittedAt={submission.submittedAt}
        submittedBy={by ?? ""}
        contentHash={submission.contentHash}
        formVersion={form?.version ?? 0}
      />,
    );
  });

  app.get(`${ONE}/soknad.pdf`, async (c) => {
    const loaded = await load(c);
    if ("response" in loaded) return loaded.response;
    const made = await submittedPdf(deps(c).db, loaded.app.id, deps(c).clock.now());
    if (!made) return errorPage(c, "notFound");
    c.header("Cache-Control", "no-store");
    c.header("Content-Disposition", `inline; filename="soknad-${loaded.app.id}.pdf"`);
    return c.body(new Uint8Array(made.pdf), 200, { "Content-Type": "application/pdf" });
  });

  app.post(`${ONE}/trekk`, async (c) => {
    const loaded = await load(c);
    if ("response" in loaded) return loaded.response;
    const result = await withdrawApplication(
      deps(c).db,
      { applicationId: loaded.app.id },
      actor(c),
    );
    if (!result.ok) return showOverview(c, loaded, { errors: result.errors, status: 422 });
    deps(c).onJobQueued();
    return c.redirect(`/${langOf(c)}/soknader/${loaded.app.id}?melding=withdrawn`, 303);
  });

  return app;
}
