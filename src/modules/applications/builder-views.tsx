import {
  Button,
  ButtonRow,
  Checkbox,
  ErrorSummary,
  Field,
  Select,
  SubmitRow,
} from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { type FormState, formView } from "../../web/form-errors";
import { type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { builderTexts } from "./admin-texts";
import { AdminCrumbs, adminErrors, localText, type ProgrammeHead } from "./admin-views";
import { QUESTION_KINDS } from "./builder-edit";
import { ATTACHMENT_TYPES, type FormDefinition, type Question } from "./form-definition";

export const builderPath = (slug: string) => `/admin/tilbud/${slug}/soknadsskjema`;

/** An error's path, or the nearest field above it that the page has ("…options.1.label.nb" → "…options"). */
export function nearestField(path: string, fields: readonly string[]): string | undefined {
  const parts = path.split(".");
  for (let n = parts.length; n > 0; n--) {
    const name = parts.slice(0, n).join(".");
    if (fields.includes(name)) return name;
  }
  return undefined;
}

type Version = { version: number; published: boolean } | null;

function VersionNotice(props: { lang: Lang; version: Version }) {
  const b = builderTexts(props.lang);
  if (!props.version) return null;
  return (
    <Notice color="info">
      {props.version.published ? b.frozen(props.version.version) : b.draftOf(props.version.version)}
    </Notice>
  );
}

export function BuilderPage(props: {
  lang: Lang;
  programme: ProgrammeHead;
  definition: FormDefinition;
  version: Version;
  state: FormState;
  message?: string | undefined;
}) {
  const t = messages(props.lang);
  const b = builderTexts(props.lang);
  const path = builderPath(props.programme.slug);
  const title = b.title(props.programme.title);
  const labels: Record<string, string> = {};
  props.definition.sections.forEach((_, s) => {
    labels[`sections.${s}.id`] = `${b.section(s + 1)}: ${b.sectionId}`;
    for (const l of ["nb", "nn", "en"]) {
      labels[`sections.${s}.title.${l}`] = `${b.section(s + 1)}: ${b.sectionTitle(l)}`;
      labels[`sections.${s}.intro.${l}`] = `${b.section(s + 1)}: ${b.sectionIntro(l)}`;
    }
  });
  // Errors of fields not on this page (a question's, after a removal or a move) are shown in
  // the summary, linking to the builder.
  const errors: FormState["errors"] = {};
  for (const [key, e] of Object.entries(props.state.errors)) {
    errors[nearestField(key, Object.keys(labels)) ?? key] ??= e;
  }
  const f = formView(
    props.lang,
    { values: props.state.values, errors },
    { labels, errors: adminErrors(props.lang) },
  );
  const summary = f.summary.map((s) => (labels[s.href.slice(1)] ? s : { ...s, href: "#builder" }));
  return (
    <Layout lang={props.lang} title={title} path={path} hasErrors={summary.length > 0}>
      <AdminCrumbs
        lang={props.lang}
        programme={props.programme}
        items={[{ href: path, text: b.form }]}
      />
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <ErrorSummary t={t} items={summary} />
      {props.message ? <Notice color="success">{props.message}</Notice> : null}
      <p class="ds-paragraph lead">{b.lead}</p>
      <VersionNotice lang={props.lang} version={props.version} />
      <div id="builder" class="stack" tabindex={-1}>
        {props.definition.sections.length === 0 ? <p class="ds-paragraph">{b.empty}</p> : null}
        {props.definition.sections.map((section, s) => {
          const name = localText(section.title, props.lang);
          return (
            <section aria-labelledby={`section-${s}`} class="stack builder-section">
              <h2 class="ds-heading" data-size="md" id={`section-${s}`}>
                {b.section(s + 1)}: {name}
              </h2>
              <form
                method="post"
                action={localPath(props.lang, `${path}/del/${s}`)}
                novalidate
                class="stack"
              >
                <Field
                  t={t}
                  {...f.bind(`sections.${s}.id`)}
                  value={f.value(`sections.${s}.id`) || section.id}
                  hint={b.idHint}
                  maxLength={40}
                />
                {(["nb", "nn", "en"] as const).map((l) => (
                  <Field
                    t={t}
                    {...f.bind(`sections.${s}.title.${l}`)}
                    value={f.value(`sections.${s}.title.${l}`) || (section.title[l] ?? "")}
                    required={l === "en" ? false : undefined}
                    maxLength={300}
                  />
                ))}
                {(["nb", "nn", "en"] as const).map((l) => (
                  <Field
                    t={t}
                    {...f.bind(`sections.${s}.intro.${l}`)}
                    value={
                      props.state.values[`sections.${s}.intro.${l}`] ?? section.intro?.[l] ?? ""
                    }
                    hint={b.sectionIntroHint}
                    required={false}
                    multiline
                    rows={3}
                    maxLength={1000}
                  />
                ))}
                <SubmitRow variant="secondary">{b.saveSection}</SubmitRow>
              </form>
              <ol class="stack">
                {section.questions.map((q, i) => {
                  const label = localText(q.label, props.lang);
                  return (
                    <li>
                      <p class="ds-paragraph">
                        <a
                          class="ds-link"
                          href={localPath(props.lang, `${path}/sporsmal/${s}/${i}`)}
                        >
                          {label}
                        </a>{" "}
                        <span class="subtle">
                          ({b.kinds[q.kind as keyof typeof b.kinds] ?? q.kind}
                          {q.required ? `, ${b.required.toLowerCase()}` : ""}; id {q.id})
                        </span>
                      </p>
                      <form method="post" action={localPath(props.lang, `${path}/handling`)}>
                        <ButtonRow>
                          {i > 0 ? (
                            <Button variant="tertiary" name="act" value={`up-question:${s}.${i}`}>
                              {b.up}
                              <span class="ds-sr-only">: {label}</span>
                            </Button>
                          ) : null}
                          {i < section.questions.length - 1 ? (
                            <Button variant="tertiary" name="act" value={`down-question:${s}.${i}`}>
                              {b.down}
                              <span class="ds-sr-only">: {label}</span>
                            </Button>
                          ) : null}
                          {section.questions.length > 1 ? (
                            <Button
                              variant="tertiary"
                              name="act"
                              value={`remove-question:${s}.${i}`}
                            >
                              {b.remove}
                              <span class="ds-sr-only">: {label}</span>
                            </Button>
                          ) : null}
                        </ButtonRow>
                      </form>
                    </li>
                  );
                })}
              </ol>
              <form method="post" action={localPath(props.lang, `${path}/handling`)}>
                <ButtonRow>
                  <Button variant="secondary" name="act" value={`add-question:${s}`}>
                    {b.addQuestion}
                    <span class="ds-sr-only"> {b.inSection(name)}</span>
                  </Button>
                  {s > 0 ? (
                    <Button variant="tertiary" name="act" value={`up-section:${s}`}>
                      {b.up}
                      <span class="ds-sr-only">: {name}</span>
                    </Button>
                  ) : null}
                  {s < props.definition.sections.length - 1 ? (
                    <Button variant="tertiary" name="act" value={`down-section:${s}`}>
                      {b.down}
                      <span class="ds-sr-only">: {name}</span>
                    </Button>
                  ) : null}
                  {props.definition.sections.length > 1 ? (
                    <Button variant="tertiary" name="act" value={`remove-section:${s}`}>
                      {b.remove}
                      <span class="ds-sr-only">: {name}</span>
                    </Button>
                  ) : null}
                </ButtonRow>
              </form>
            </section>
          );
        })}
        <form method="post" action={localPath(props.lang, `${path}/handling`)}>
          <ButtonRow>
            <Button name="act" value="add-section">
              {b.addSection}
            </Button>
          </ButtonRow>
        </form>
      </div>
      {props.definition.sections.length > 0 ? (
        <section aria-labelledby="preview-heading" class="stack preview">
          <h2 class="ds-heading" data-size="md" id="preview-heading">
            {b.preview}
          </h2>
          {props.definition.sections.map((section) => (
            <div class="stack">
              <h3 class="ds-heading" data-size="sm">
                {localText(section.title, props.lang)}
              </h3>
              <ul>
                {section.questions.map((q) => (
                  <li>
                    {localText(q.label, props.lang)}
                    {q.required ? "" : ` (${b.optional})`}
                    {q.help && localText(q.help, props.lang) ? (
                      <>
                        <br />
                        <span class="subtle">{localText(q.help, props.lang)}</span>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ) : null}
    </Layout>
  );
}

/** The fields a question's edit form has, by path: what its errors are shown beside. */
export function questionFields(base: string, q: Pick<Question, "kind">): string[] {
  const names = [`${base}.kind`, `${base}.id`];
  for (const l of ["nb", "nn", "en"]) names.push(`${base}.label.${l}`);
  for (const l of ["nb", "nn", "en"]) names.push(`${base}.help.${l}`);
  names.push(`${base}.required`);
  const settings: Record<Question["kind"], string[]> = {
    "short-text": ["maxLength"],
    "long-text": ["maxLength"],
    "single-choice": ["options"],
    "multiple-choice": ["options"],
    number: ["min", "max"],
    "date-range": ["minMonths", "maxMonths"],
    "activity-table": ["maxRows"],
    commitments: ["items"],
    attachment: ["types", "maxBytes"],
  };
  for (const s of settings[q.kind]) names.push(`${base}.${s}`);
  names.push(`${base}.showIf.question`, `${base}.showIf`, `${base}.showIf.anyOf`);
  return names;
}

export function QuestionPage(props: {
  lang: Lang;
  programme: ProgrammeHead;
  version: Version;
  section: { index: number; title: string };
  index: number;
  kind: Question["kind"];
  state: FormState;
}) {
  const t = messages(props.lang);
  const b = builderTexts(props.lang);
  const path = builderPath(props.programme.slug);
  const s = props.section.index;
  const base = `sections.${s}.questions.${props.index}`;
  const title = b.questionTitle(props.index + 1, props.section.title);
  const fields = questionFields(base, { kind: props.kind });
  const names: Record<string, string> = {
    kind: b.kind,
    id: b.questionId,
    "label.nb": b.label("bokmål"),
    "label.nn": b.label("nynorsk"),
    "label.en": b.label("English"),
    "help.nb": b.help("bokmål"),
    "help.nn": b.help("nynorsk"),
    "help.en": b.help("English"),
    required: b.requiredLabel,
    maxLength: b.maxLength,
    options: b.options,
    items: b.items,
    min: b.min,
    max: b.max,
    minMonths: b.minMonths,
    maxMonths: b.maxMonths,
    maxRows: b.maxRows,
    types: b.types,
    maxBytes: b.maxBytes,
    "showIf.question": b.conditionQuestion,
    showIf: b.conditionQuestion,
    "showIf.anyOf": b.conditionAnswers,
  };
  const labels: Record<string, string> = {};
  for (const f of fields) labels[f] = names[f.slice(base.length + 1)] ?? f;
  const errors: FormState["errors"] = {};
  for (const [key, e] of Object.entries(props.state.errors)) {
    errors[nearestField(key, fields) ?? `${base}.id`] ??= e;
  }
  const f = formView(
    props.lang,
    { values: props.state.values, errors },
    { labels, errors: adminErrors(props.lang) },
  );
  const field = (name: string) => f.bind(`${base}.${name}`);
  const summary = f.summary.map((x) =>
    x.href === `#${base}.showIf`
      ? { ...x, href: `#${base}.showIf.question` }
      : x.href === `#${base}.types`
        ? { ...x, href: `#${base}.types.pdf` }
        : x,
  );
  const settings = new Set(fields.map((x) => x.slice(base.length + 1)));
  const qpath = `${path}/sporsmal/${s}/${props.index}`;
  return (
    <Layout lang={props.lang} title={title} path={qpath} hasErrors={summary.length > 0}>
      <AdminCrumbs
        lang={props.lang}
        programme={props.programme}
        items={[
          { href: path, text: b.form },
          { href: qpath, text: title },
        ]}
      />
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <ErrorSummary t={t} items={summary} />
      <VersionNotice lang={props.lang} version={props.version} />
      <form method="post" action={localPath(props.lang, qpath)} novalidate class="stack">
        <Select
          t={t}
          {...field("kind")}
          options={QUESTION_KINDS.map((k) => ({
            value: k,
            label: b.kinds[k as keyof typeof b.kinds],
          }))}
        />
        <Field t={t} {...field("id")} hint={b.idHint} maxLength={40} />
        {(["nb", "nn", "en"] as const).map((l) => (
          <Field
            t={t}
            {...field(`label.${l}`)}
            required={l === "en" ? false : undefined}
            maxLength={300}
          />
        ))}
        {(["nb", "nn", "en"] as const).map((l) => (
          <Field
            t={t}
            {...field(`help.${l}`)}
            required={false}
            multiline
            rows={2}
            maxLength={1000}
          />
        ))}
        <Checkbox
          t={t}
          {...field("required")}
          legend={b.required}
          checked={f.value(`${base}.required`) === "yes"}
        />
        {settings.has("maxLength") ? <Field t={t} {...field("maxLength")} maxLength={6} /> : null}
        {settings.has("options") ? (
          <Field t={t} {...field("options")} hint={b.optionsHint} multiline rows={5} />
        ) : null}
        {settings.has("items") ? (
          <Field t={t} {...field("items")} hint={b.itemsHint} multiline rows={5} />
        ) : null}
        {settings.has("min") ? <Field t={t} {...field("min")} maxLength={10} /> : null}
        {settings.has("max") ? <Field t={t} {...field("max")} maxLength={10} /> : null}
        {settings.has("minMonths") ? (
          <Field t={t} {...field("minMonths")} required={false} maxLength={3} />
        ) : null}
        {settings.has("maxMonths") ? (
          <Field t={t} {...field("maxMonths")} required={false} maxLength={3} />
        ) : null}
        {settings.has("maxRows") ? <Field t={t} {...field("maxRows")} maxLength={3} /> : null}
        {settings.has("types") ? (
          <fieldset class="ds-fieldset">
            <legend class="ds-label">{b.types}</legend>
            {f.error(`${base}.types`) ? (
              <Notice color="danger">{f.error(`${base}.types`)}</Notice>
            ) : null}
            {(Object.keys(ATTACHMENT_TYPES) as (keyof typeof ATTACHMENT_TYPES)[]).map((type) => (
              <div class="ds-field">
                <input
                  class="ds-input"
                  type="checkbox"
                  id={`${base}.types.${type}`}
                  name={`${base}.types.${type}`}
                  value="yes"
                  checked={f.value(`${base}.types.${type}`) === "yes"}
                />
                <label class="ds-label" for={`${base}.types.${type}`} data-weight="regular">
                  {type.toUpperCase()}
                </label>
              </div>
            ))}
          </fieldset>
        ) : null}
        {settings.has("maxBytes") ? <Field t={t} {...field("maxBytes")} maxLength={6} /> : null}
        <fieldset class="ds-fieldset stack">
          <legend class="ds-label">{b.conditionLegend}</legend>
          <Field
            t={t}
            {...field("showIf.question")}
            error={f.error(`${base}.showIf.question`) ?? f.error(`${base}.showIf`)}
            required={false}
            maxLength={40}
          />
          <Field t={t} {...field("showIf.anyOf")} required={false} maxLength={300} />
        </fieldset>
        <SubmitRow>{b.saveQuestion}</SubmitRow>
      </form>
      <p class="ds-paragraph">
        <a class="ds-link" href={localPath(props.lang, path)}>
          {b.back}
        </a>
      </p>
    </Layout>
  );
}
