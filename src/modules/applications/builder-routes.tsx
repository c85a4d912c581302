import { Hono } from "hono";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { type FieldErrors, type FormValues, readForm } from "../../kernel/forms";
import { errorPage } from "../../web/error-pages";
import { render } from "../../web/render";
import { OWNERS, requirePermission } from "../identity";
import { type ProgrammeRef, programmesOwnedBy } from "../programmes";
import { managedProgramme } from "./admin-access";
import { builderTexts } from "./admin-texts";
import { localText } from "./admin-views";
import {
  applyAct,
  questionFromForm,
  questionValues,
  withQuestion,
  withSection,
} from "./builder-edit";
import { BuilderPage, builderPath, QuestionPage } from "./builder-views";
import type { FormDefinition } from "./form-definition";
import { latestForm, saveForm } from "./forms";

const BUILDER = "/:lang{nb|nn|en}/admin/tilbud/:slug{[a-z0-9-]{1,60}}/soknadsskjema";
const INDEX = "[0-9]{1,2}";

type Programme = ProgrammeRef & { title: string };

/** The programme of the path, if the user administers its applications; else 404 or 403. */
async function programmeOfPath(
  c: AppContext,
): Promise<
  { response: Response | Promise<Response> } | { programme: Programme; response?: never }
> {
  requirePermission(c, "manage", "application");
  const all = await programmesOwnedBy(deps(c).db, Object.keys(OWNERS));
  const ref = all.find((p) => p.slug === c.req.param("slug"));
  if (!ref) return { response: errorPage(c, "notFound") };
  const found = await managedProgramme(c, ref.id);
  if (found.response) return { response: found.response };
  return { programme: found.value };
}

async function current(c: AppContext, programmeId: number) {
  const latest = await latestForm(deps(c).db, programmeId);
  return {
    definition: (latest?.definition ?? { sections: [] }) as FormDefinition,
    version: latest ? { version: latest.version, published: latest.publishedAt !== null } : null,
  };
}

function actor(c: AppContext) {
  return { personId: c.get("user")!.personId, now: deps(c).clock.now() };
}

/**
 * The form builder: the programme's newest form version, edited one act at a time (add, remove,
 * move a section or a question; edit a section's title; edit a question on its own page). Each
 * act saves through `saveForm`, which checks the whole definition: a published version is never
 * changed, the next one is made.
 */
export function builderRoutes() {
  const app = new Hono<AppEnv>();

  async function builderPage(
    c: AppContext,
    programme: Programme,
    state: { values: FormValues; errors: FieldErrors },
    status: 200 | 422 = 200,
    definition?: FormDefinition,
  ) {
    const now = await current(c, programme.id);
    const lang = langOf(c);
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <BuilderPage
        lang={lang}
        programme={{ slug: programme.slug, title: programme.title }}
        definition={definition ?? now.definition}
        version={now.version}
        state={state}
        message={c.req.query("lagret") !== undefined ? builderTexts(lang).saved : undefined}
      />,
      status,
    );
  }

  const saved = (c: AppContext, programme: Programme) =>
    c.redirect(`/${langOf(c)}${builderPath(programme.slug)}?lagret`, 303);

  app.get(BUILDER, async (c) => {
    const found = await programmeOfPath(c);
    if (found.response) return found.response;
    return builderPage(c, found.programme, { values: {}, errors: {} });
  });

  app.post(`${BUILDER}/handling`, async (c) => {
    const found = await programmeOfPath(c);
    if (found.response) return found.response;
    const values = await readForm(c);
    const { definition } = await current(c, found.programme.id);
    const next = applyAct(definition, values.act ?? "");
    const result = await saveForm(
      deps(c).db,
      { programmeId: found.programme.id, definition: next },
      actor(c),
    );
    if (!result.ok)
      return builderPage(c, found.programme, { values: {}, errors: result.errors }, 422);
    return saved(c, found.programme);
  });

  app.post(`${BUILDER}/del/:s{${INDEX}}`, async (c) => {
    const found = await programmeOfPath(c);
    if (found.response) return found.response;
    const s = Number(c.req.param("s"));
    const { definition } = await current(c, found.programme.id);
    if (!definition.sections[s]) return errorPage(c, "notFound");
    const values = await readForm(c);
    const result = await saveForm(
      deps(c).db,
      { programmeId: found.programme.id, definition: withSection(definition, s, values) },
      actor(c),
    );
    if (!result.ok) return builderPage(c, found.programme, { values, errors: result.errors }, 422);
    return saved(c, found.programme);
  });

  async function questionPage(
    c: AppContext,
    programme: Programme,
    at: { s: number; q: number },
    state: { values: FormValues; errors: FieldErrors } | null,
    status: 200 | 422 = 200,
  ) {
    const now = await current(c, programme.id);
    const section = now.definition.sections[at.s];
    const question = section?.questions[at.q];
    if (!section || !question) return errorPage(c, "notFound");
    const base = `sections.${at.s}.questions.${at.q}`;
    const values = state?.values ?? questionValues(question, base);
    const kind = (values[`${base}.kind`] ?? question.kind) as typeof question.kind;
    const lang = langOf(c);
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <QuestionPage
        lang={lang}
        programme={{ slug: programme.slug, title: programme.title }}
        version={now.version}
        section={{ index: at.s, title: localText(section.title, lang) }}
        index={at.q}
        kind={kind}
        state={{ values, errors: state?.errors ?? {} }}
      />,
      status,
    );
  }

  const QUESTION = `${BUILDER}/sporsmal/:s{${INDEX}}/:q{${INDEX}}`;
  const at = (c: AppContext) => ({ s: Number(c.req.param("s")), q: Number(c.req.param("q")) });

  app.get(QUESTION, async (c) => {
    const found = await programmeOfPath(c);
    if (found.response) return found.response;
    return questionPage(c, found.programme, at(c), null);
  });

  app.post(QUESTION, async (c) => {
    const found = await programmeOfPath(c);
    if (found.response) return found.response;
    const { s, q } = at(c);
    const { definition } = await current(c, found.programme.id);
    const previous = definition.sections[s]?.questions[q];
    if (!previous) return errorPage(c, "notFound");
    const values = await readForm(c);
    const base = `sections.${s}.questions.${q}`;
    const question = questionFromForm(values, base, previous);
    const result = await saveForm(
      deps(c).db,
      { programmeId: found.programme.id, definition: withQuestion(definition, s, q, question) },
      actor(c),
    );
    if (!result.ok) {
      return questionPage(c, found.programme, { s, q }, { values, errors: result.errors }, 422);
    }
    // A kind just chosen has its own settings: back to the question to set them.
    if ((question as { kind: string }).kind !== previous.kind) {
      return c.redirect(
        `/${langOf(c)}${builderPath(found.programme.slug)}/sporsmal/${s}/${q}`,
        303,
      );
    }
    return saved(c, found.programme);
  });

  return app;
}
