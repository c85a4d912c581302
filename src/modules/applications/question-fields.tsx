import type { Child } from "hono/jsx";
import { FILE_KINDS, fileTypeLabel } from "../../kernel/storage";
import { DateField, Field, FileField, Select, ValidationMessage } from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { type BoundWarning, errorSentence } from "../../web/form-errors";
import { formatFileSize, type Lang, messages } from "../../web/i18n";
import { type ActivityRow, type Answer, activityNoteMax, fieldName, typeLabels } from "./answers";
import { emptyRow, loc } from "./apply";
import { applyTexts } from "./apply-texts";
import { applicationErrors } from "./error-texts";
import { ACTIVITY_KINDS, ACTIVITY_MODES, type Question } from "./form-definition";

/**
 * Each kind of question as form fields, drawn from an answer (stored, or as posted and kept).
 * Field names are the ones the answer check names in its errors (`q-<id>`, `q-<id>-to`,
 * `q-<id>-<row>-kind`), so every error sits beside its field and the summary's links resolve.
 * Used by the municipality's form and, read-only, by previews of the form.
 */

export type ConflictNote = {
  who: string;
  time: string;
  theirs: string;
  /** For a file: the name of the one not uploaded, or null when a removal was not done. */
  file?: { yours: string | null };
};

export type QuestionFieldsProps = {
  lang: Lang;
  question: Question;
  answer: Answer | undefined;
  /** The sentence of the error of a field, if it has one. */
  error: (field: string) => string | undefined;
  /** The child guard's warning of a field, if it has one (decision 0024). */
  warning?: ((field: string) => BoundWarning | undefined) | undefined;
  /** Shown by its condition (a hidden one stays in the page for the script to show). */
  asked: boolean;
  conflict?: ConflictNote | undefined;
  /** The address of an uploaded file of this application (its link beside the field). */
  fileHref?: ((fileId: string) => string) | undefined;
};

const textOf = (a: Answer | undefined) => (a?.kind === "text" ? a.value : "");
const valuesOf = (a: Answer | undefined) => (a?.kind === "choices" ? a.values : []);

export function QuestionFields(props: QuestionFieldsProps) {
  const { question: q } = props;
  const showIf = q.showIf;
  return (
    <div
      class="question"
      data-question={q.id}
      data-show-if={showIf?.question}
      data-show-if-any={showIf?.anyOf.join(" ")}
      hidden={!props.asked}
    >
      {props.conflict ? (
        <Notice color="warning" id={`${fieldName(q)}-conflict`}>
          {props.conflict.file
            ? applyTexts[props.lang].fileConflict(
                props.conflict.who,
                props.conflict.time,
                props.conflict.theirs,
                props.conflict.file.yours,
              )
            : applyTexts[props.lang].conflict(
                props.conflict.who,
                props.conflict.time,
                props.conflict.theirs,
              )}
        </Notice>
      ) : null}
      <Kind {...props} />
    </div>
  );
}

function help(q: Question, lang: Lang) {
  const text = q.help ? loc(q.help, lang) : "";
  return text || undefined;
}

function Kind(props: QuestionFieldsProps) {
  const { lang, question: q, answer } = props;
  const t = messages(lang);
  const a = applyTexts[lang];
  const name = fieldName(q);
  const label = loc(q.label, lang);
  const optional = q.required ? undefined : false;
  switch (q.kind) {
    case "short-text":
    case "long-text":
      return (
        <Field
          t={t}
          name={name}
          label={label}
          hint={help(q, lang)}
          error={props.error(name)}
          warning={props.warning?.(name)}
          value={textOf(answer)}
          maxLength={q.maxLength}
          multiline={q.kind === "long-text" || q.maxLength > 200}
          rows={q.kind === "long-text" ? 6 : 2}
          {...(optional === false ? { required: false } : {})}
        />
      );
    case "number":
      return (
        <Field
          t={t}
          name={name}
          label={label}
          hint={[help(q, lang), a.numberHint(q.min, q.max)].filter(Boolean).join(" ")}
          error={props.error(name)}
          warning={props.warning?.(name)}
          value={textOf(answer)}
          {...(optional === false ? { required: false } : {})}
        />
      );
    case "single-choice":
    case "multiple-choice":
      return (
        <Choices
          lang={lang}
          type={q.kind === "single-choice" ? "radio" : "checkbox"}
          name={name}
          legend={label}
          hint={help(q, lang)}
          optional={!q.required}
          error={props.error(name)}
          options={q.options.map((o) => ({ value: o.value, label: loc(o.label, lang) }))}
          chosen={q.kind === "single-choice" ? [textOf(answer)] : valuesOf(answer)}
        />
      );
    case "commitments":
      return (
        <Choices
          lang={lang}
          type="checkbox"
          name={name}
          legend={label}
          hint={help(q, lang)}
          optional={!q.required}
          error={props.error(name)}
          options={q.items.map((i) => ({ value: i.id, label: loc(i.label, lang) }))}
          chosen={valuesOf(answer)}
        />
      );
    case "date-range": {
      const range = answer?.kind === "range" ? answer : { from: "", to: "" };
      const hint = [
        help(q, lang),
        q.minMonths !== undefined || q.maxMonths !== undefined
          ? a.monthsHint(q.minMonths ?? 1, q.maxMonths ?? 120)
          : undefined,
      ]
        .filter(Boolean)
        .join(" ");
      return (
        <Group lang={lang} id={name} legend={label} hint={hint} error={props.error(name)}>
          <div class="date-range">
            <DateField
              t={t}
              name={`${name}-from`}
              label={a.from}
              error={props.error(`${name}-from`)}
              value={range.from}
            />
            <DateField
              t={t}
              name={`${name}-to`}
              label={a.to}
              error={props.error(`${name}-to`)}
              value={range.to}
            />
          </div>
        </Group>
      );
    }
    case "activity-table": {
      const rows = answer?.kind === "rows" ? answer.rows : [];
      const shown: ActivityRow[] = rows.length < q.maxRows ? [...rows, emptyRow] : rows;
      return (
        <Group lang={lang} id={name} legend={label} hint={help(q, lang)} error={props.error(name)}>
          {shown.map((row, i) => {
            const at = `${name}-${i}`;
            const isNew = i === rows.length;
            return (
              <fieldset class="ds-fieldset activity-row">
                <legend class="ds-label">{isNew ? a.newRow : a.row(i + 1)}</legend>
                <Select
                  t={t}
                  name={`${at}-kind`}
                  label={a.rowKind}
                  error={props.error(`${at}-kind`)}
                  value={row.kind}
                  placeholder={a.chooseOne}
                  options={ACTIVITY_KINDS.map((k) => ({ value: k, label: a.kinds[k] ?? k }))}
                />
                <Select
                  t={t}
                  name={`${at}-mode`}
                  label={a.rowMode}
                  error={props.error(`${at}-mode`)}
                  value={row.mode}
                  placeholder={a.chooseOne}
                  options={ACTIVITY_MODES.map((m) => ({ value: m, label: a.modes[m] ?? m }))}
                />
                <Field
                  t={t}
                  name={`${at}-count`}
                  label={a.rowCount}
                  error={props.error(`${at}-count`)}
                  value={row.count}
                />
                <DateField
                  t={t}
                  name={`${at}-when`}
                  label={a.rowWhen}
                  error={props.error(`${at}-when`)}
                  value={row.when}
                />
                <Field
                  t={t}
                  name={`${at}-note`}
                  label={a.rowNote}
                  error={props.error(`${at}-note`)}
                  warning={props.warning?.(`${at}-note`)}
                  value={row.note}
                  maxLength={activityNoteMax}
                />
                {isNew ? null : (
                  <button
                    class="ds-button"
                    data-variant="tertiary"
                    type="submit"
                    name="remove"
                    value={`${q.id}:${i}`}
                  >
                    {a.removeRow(i + 1)}
                  </button>
                )}
              </fieldset>
            );
          })}
          {rows.length + 1 < q.maxRows ? (
            <button
              class="ds-button"
              data-variant="secondary"
              type="submit"
              name="add"
              value={q.id}
            >
              {a.addRow}
            </button>
          ) : null}
        </Group>
      );
    }
    case "attachment": {
      const file = answer?.kind === "file" ? answer.file : null;
      const hint = [
        help(q, lang),
        a.attachmentTypes(typeLabels(q.types), formatFileSize(lang, q.maxBytes)),
        file ? a.replaceHint : a.uploadHint,
      ]
        .filter(Boolean)
        .join(" ");
      const tooLarge = errorSentence(lang, applicationErrors[lang], name, label, {
        code: "fileSize",
        params: { maxBytes: q.maxBytes },
      });
      return (
        <FileField
          t={t}
          name={name}
          label={label}
          hint={hint}
          error={props.error(name)}
          optional={!q.required}
          accept={q.types
            .flatMap((k) => [...FILE_KINDS[k].extensions.map((e) => `.${e}`), FILE_KINDS[k].mime])
            .join(",")}
          maxBytes={q.maxBytes}
          tooLarge={tooLarge}
        >
          <p class="ds-paragraph file-current" data-testid={`file-${q.id}`}>
            {file ? (
              <>
                {a.fileStored}{" "}
                {props.fileHref ? (
                  <a class="ds-link" href={props.fileHref(file.fileId)}>
                    {file.name}
                  </a>
                ) : (
                  file.name
                )}{" "}
                ({a.fileDetails(fileTypeLabel(file.type), formatFileSize(lang, file.bytes))})
              </>
            ) : (
              a.fileNone
            )}
          </p>
          {file ? (
            <p class="ds-paragraph">
              <button
                class="ds-button"
                data-variant="secondary"
                data-size="sm"
                type="submit"
                name="removeFile"
                value={q.id}
              >
                {a.removeFile}
                <span class="ds-sr-only">: {file.name}</span>
              </button>
            </p>
          ) : null}
        </FileField>
      );
    }
  }
}

/** A fieldset for a question of several fields; the summary's link lands on it. */
function Group(props: {
  lang: Lang;
  id: string;
  legend: string;
  hint?: string | undefined;
  error: string | undefined;
  children: Child;
}) {
  const t = messages(props.lang);
  const described = [props.error ? `${props.id}-error` : "", props.hint ? `${props.id}-hint` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <fieldset
      class="ds-fieldset"
      id={props.id}
      tabindex={-1}
      aria-describedby={described || undefined}
    >
      <legend class="ds-label">{props.legend}</legend>
      {props.hint ? (
        <p data-field="description" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <ValidationMessage t={t} id={`${props.id}-error`} text={props.error} />
      {props.children}
    </fieldset>
  );
}

/** Radio buttons or checkboxes under one legend; the first option's id is the field's name. */
function Choices(props: {
  lang: Lang;
  type: "radio" | "checkbox";
  name: string;
  legend: string;
  hint?: string | undefined;
  optional: boolean;
  error: string | undefined;
  options: { value: string; label: string }[];
  chosen: string[];
}) {
  const t = messages(props.lang);
  const described = [
    props.error ? `${props.name}-error` : "",
    props.hint ? `${props.name}-hint` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <fieldset class="ds-fieldset" aria-describedby={described || undefined}>
      <legend class="ds-label">
        {props.legend}
        {props.optional ? <span class="optional"> {t.form.optional}</span> : null}
      </legend>
      {props.hint ? (
        <p data-field="description" id={`${props.name}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <ValidationMessage t={t} id={`${props.name}-error`} text={props.error} />
      {props.options.map((o, i) => {
        const id = i === 0 ? props.name : `${props.name}-${o.value}`;
        return (
          <div class="ds-field">
            <input
              class="ds-input"
              type={props.type}
              id={id}
              name={props.name}
              value={o.value}
              checked={props.chosen.includes(o.value)}
              aria-invalid={props.error ? "true" : undefined}
            />
            <label class="ds-label" for={id} data-weight="regular">
              {o.label}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
