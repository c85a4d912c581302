import type { Child } from "hono/jsx";
import { HONEYPOT } from "../../kernel/forms";
import type { BoundWarning, SummaryItem } from "../form-errors";
import { type Messages, pluralText } from "../i18n";

export { emptyForm, type FormState, type SummaryItem } from "../form-errors";

/**
 * GOV.UK's pattern in Designsystemet's look: a summary at the top that takes focus (autofocus
 * works without script), each error a link to its field. `warnings` (formView's `warnings`)
 * adds a summary of its own below, headed as a warning, that takes focus when there are no
 * errors (decision 0024).
 */
export function ErrorSummary(props: {
  t: Messages;
  items: SummaryItem[];
  warnings?: SummaryItem[];
}) {
  const warnings = props.warnings ?? [];
  const links = (items: SummaryItem[]) => (
    <ul class="ds-list">
      {items.map((item) => (
        <li>
          <a class="ds-link" href={item.href}>
            {item.text}
          </a>
        </li>
      ))}
    </ul>
  );
  return (
    <>
      {props.items.length > 0 ? (
        <div class="ds-error-summary" tabindex={-1} autofocus data-module="error-summary">
          <h2 class="ds-heading" data-size="xs">
            {props.t.form.errorSummary}
          </h2>
          {links(props.items)}
        </div>
      ) : null}
      {warnings.length > 0 ? (
        <div
          class="ds-alert warning-summary"
          data-color="warning"
          tabindex={-1}
          autofocus={props.items.length === 0}
          data-module="warning-summary"
        >
          <h2 class="ds-heading" data-size="xs">
            {props.t.form.warningSummary}
          </h2>
          {links(warnings)}
        </div>
      ) : null}
    </>
  );
}

type FieldProps = {
  t: Messages;
  name: string;
  id?: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value?: string | undefined;
  type?: "text" | "email" | "tel";
  autocomplete?: string;
  required?: boolean;
  maxLength?: number;
  /** Render a textarea with a character counter. */
  multiline?: boolean;
  rows?: number;
  /** The child guard's warning (formView's bind gives it): shown beside the field, with its box. */
  warning?: BoundWarning | undefined;
};

function describedBy(...ids: (string | false | undefined)[]) {
  const list = ids.filter(Boolean).join(" ");
  return list || undefined;
}

export function ValidationMessage(props: { t: Messages; id: string; text: string | undefined }) {
  if (!props.text) return null;
  return (
    <div class="ds-validation-message" data-field="validation" id={props.id}>
      <span class="ds-sr-only">{props.t.form.errorPrefix} </span>
      {props.text}
    </div>
  );
}

/**
 * The counter's words in the page's language, for the script: `data-left-one`,
 * `data-left-other` and so on, one attribute per plural form (see counterForms in the script).
 */
function counterWords(t: Messages): Record<string, string> {
  const words: Record<string, string> = {};
  for (const kind of ["limit", "left", "over"] as const) {
    for (const [category, text] of Object.entries(t.counter[kind])) {
      if (text !== undefined) words[`data-${kind}-${category}`] = text;
    }
  }
  return words;
}

export function Counter(props: { t: Messages; id: string; limit: number; value: string }) {
  const used = props.value.length;
  const { t, limit } = props;
  return (
    <p
      data-field="counter"
      data-limit={limit}
      {...counterWords(t)}
      id={props.id}
      class={used > limit ? "counter counter--over" : "counter"}
    >
      <span aria-hidden="true" data-counter="visual">
        {used}/{limit}
      </span>
      <span class="ds-sr-only" data-counter="text">
        {used === 0
          ? pluralText(t.locale, t.counter.limit, limit)
          : used > limit
            ? pluralText(t.locale, t.counter.over, used - limit)
            : pluralText(t.locale, t.counter.left, limit - used)}
      </span>
    </p>
  );
}

/** Why a field's text is held back and where (a warning, not an error): decision 0024. */
export function WarningMessage(props: { t: Messages; warning: BoundWarning | undefined }) {
  const w = props.warning;
  if (!w) return null;
  return (
    <div class="ds-validation-message" data-color="warning" data-field="warning" id={w.id}>
      <span class="ds-sr-only">{props.t.form.warningPrefix} </span>
      {w.intro}
      <ul class="warning-places">
        {w.places.map((place) => (
          <li>{place}</li>
        ))}
      </ul>
      {w.advice}
    </div>
  );
}

/** The box that confirms a warned text, below its field. */
export function WarningConfirmation(props: { warning: BoundWarning | undefined }) {
  const w = props.warning;
  if (!w) return null;
  return (
    <div class="ds-field warning-confirmation">
      <input
        class="ds-input"
        type="checkbox"
        id={w.confirm.id}
        name={w.confirm.name}
        value={w.confirm.value}
        checked={w.confirm.checked}
      />
      <label class="ds-label" for={w.confirm.id} data-weight="regular">
        {w.confirm.label}
      </label>
    </div>
  );
}

/** A field's label, its hint and its error message, in the order every field shows them. */
function FieldHead(props: {
  t: Messages;
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  warning?: BoundWarning | undefined;
  optional?: boolean;
}) {
  return (
    <>
      <label class="ds-label" for={props.id}>
        {props.label}
        {props.optional ? <span class="optional"> {props.t.form.optional}</span> : null}
      </label>
      {props.hint ? (
        <p data-field="description" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <ValidationMessage t={props.t} id={`${props.id}-error`} text={props.error} />
      <WarningMessage t={props.t} warning={props.warning} />
    </>
  );
}

export function Field(props: FieldProps) {
  const id = props.id ?? props.name;
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const counterId = props.multiline && props.maxLength ? `${id}-counter` : undefined;
  const aria = describedBy(errorId, props.warning?.id, hintId, counterId);
  return (
    <>
      <div class="ds-field" data-module={counterId ? "counter" : undefined}>
        <FieldHead {...props} id={id} optional={props.required === false} />
        {props.multiline ? (
          <textarea
            class="ds-input"
            id={id}
            name={props.name}
            rows={props.rows ?? 4}
            maxlength={props.maxLength}
            aria-invalid={props.error ? "true" : undefined}
            aria-describedby={aria}
            required={props.required}
          >
            {props.value ?? ""}
          </textarea>
        ) : (
          <input
            class="ds-input"
            id={id}
            name={props.name}
            type={props.type ?? "text"}
            value={props.value ?? ""}
            autocomplete={props.autocomplete}
            maxlength={props.maxLength}
            aria-invalid={props.error ? "true" : undefined}
            aria-describedby={aria}
            required={props.required}
            spellcheck={props.type === "email" ? false : undefined}
          />
        )}
        {counterId && props.maxLength ? (
          <Counter t={props.t} id={counterId} limit={props.maxLength} value={props.value ?? ""} />
        ) : null}
      </div>
      <WarningConfirmation warning={props.warning} />
    </>
  );
}

/** A date field in the pattern of Field (label, hint, error, aria-describedby). */
export function DateField(props: {
  t: Messages;
  name: string;
  id?: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string | undefined;
  min?: string;
  max?: string;
  /** A class beside ds-input, such as date-input. */
  class?: string;
}) {
  const id = props.id ?? props.name;
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  return (
    <div class="ds-field">
      <FieldHead {...props} id={id} />
      <input
        class={props.class ? `ds-input ${props.class}` : "ds-input"}
        type="date"
        id={id}
        name={props.name}
        value={props.value ?? ""}
        min={props.min}
        max={props.max}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(errorId, hintId)}
      />
    </div>
  );
}

/**
 * A file field in the pattern of Field: label, hint, error, then what is stored now (`children`,
 * such as a link to the file and a button to remove it), then the input. A file input keeps no
 * value (the browser never lets a page fill one in), so a refused file is chosen again.
 * `maxBytes` and `tooLarge` let the page's script refuse a file that is too large before it
 * is sent; without the script the server refuses it the same way.
 */
export function FileField(props: {
  t: Messages;
  name: string;
  id?: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
  /** Endings and types for the browser's file picker: ".pdf,.docx". */
  accept: string;
  maxBytes: number;
  /** The sentence the script shows for a file over `maxBytes`. */
  tooLarge: string;
  /** Several files in one field (each checked on its own). */
  multiple?: boolean;
  children?: Child;
}) {
  const id = props.id ?? props.name;
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  return (
    <div class="ds-field file-field" data-module="file-field">
      <FieldHead {...props} id={id} optional={props.optional === true} />
      {props.children}
      <input
        class="ds-input"
        type="file"
        id={id}
        name={props.name}
        accept={props.accept}
        multiple={props.multiple}
        data-max-bytes={String(props.maxBytes)}
        data-too-large={props.tooLarge}
        data-error-prefix={props.t.form.errorPrefix}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(errorId, hintId)}
      />
    </div>
  );
}

export type Option = { value: string; label: string };
export type OptionGroup = { label: string; options: Option[] };

export function Select(props: {
  t: Messages;
  name: string;
  id?: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value?: string | undefined;
  options?: Option[];
  groups?: OptionGroup[];
  placeholder?: string;
  required?: boolean;
  autocomplete?: string;
}) {
  const id = props.id ?? props.name;
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const option = (o: Option) => (
    <option value={o.value} selected={o.value === props.value}>
      {o.label}
    </option>
  );
  return (
    <div class="ds-field">
      <FieldHead {...props} id={id} />
      <select
        class="ds-input"
        id={id}
        name={props.name}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(errorId, hintId)}
        required={props.required}
        autocomplete={props.autocomplete}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options?.map(option)}
        {props.groups?.map((g) => (
          <optgroup label={g.label}>{g.options.map(option)}</optgroup>
        ))}
      </select>
    </div>
  );
}

export function RadioGroup(props: {
  t: Messages;
  name: string;
  /** The first option's id (the error summary links to it); the others add their value. */
  id?: string;
  legend: string;
  error?: string | undefined;
  value?: string | undefined;
  options: Option[];
}) {
  const base = props.id ?? props.name;
  const errorId = props.error ? `${base}-error` : undefined;
  return (
    <fieldset class="ds-fieldset" aria-describedby={errorId}>
      <legend class="ds-label">{props.legend}</legend>
      <ValidationMessage t={props.t} id={`${base}-error`} text={props.error} />
      {props.options.map((o, i) => {
        const id = i === 0 ? base : `${base}-${o.value}`;
        return (
          <div class="ds-field">
            <input
              class="ds-input"
              type="radio"
              id={id}
              name={props.name}
              value={o.value}
              checked={o.value === props.value}
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

export function Checkbox(props: {
  t: Messages;
  name: string;
  id?: string;
  label: string;
  legend: string;
  error?: string | undefined;
  checked: boolean;
}) {
  const id = props.id ?? props.name;
  const errorId = props.error ? `${id}-error` : undefined;
  return (
    <fieldset class="ds-fieldset" aria-describedby={errorId}>
      <legend class="ds-label">{props.legend}</legend>
      <ValidationMessage t={props.t} id={`${id}-error`} text={props.error} />
      <div class="ds-field">
        <input
          class="ds-input"
          type="checkbox"
          id={id}
          name={props.name}
          value="yes"
          checked={props.checked}
          aria-invalid={props.error ? "true" : undefined}
        />
        <label class="ds-label" for={id} data-weight="regular">
          {props.label}
        </label>
      </div>
    </fieldset>
  );
}

/**
 * The field bots fill and people never see (hidden from screen readers and tab order too). Its
 * name is the same in every form (the server reads the name); its id carries the form's name,
 * so a page with two forms (the feedback widget beside the contact form) has no duplicate id.
 */
export function Honeypot(props: { form: string }) {
  const id = `${props.form}-${HONEYPOT}`;
  return (
    <div class="hp" aria-hidden="true">
      <label for={id}>Website</label>
      <input type="text" id={id} name={HONEYPOT} tabindex={-1} autocomplete="off" value="" />
    </div>
  );
}

export function Button(props: {
  children: Child;
  variant?: "primary" | "secondary" | "tertiary";
  name?: string;
  value?: string;
  type?: "submit" | "button";
}) {
  return (
    <button
      class="ds-button"
      data-variant={props.variant ?? "primary"}
      type={props.type ?? "submit"}
      name={props.name}
      value={props.value}
    >
      {props.children}
    </button>
  );
}

/** A form's buttons, side by side. */
export function ButtonRow(props: { children: Child }) {
  return <div class="button-row">{props.children}</div>;
}

/** A form's one submit button in its row. */
export function SubmitRow(props: { children: Child; variant?: "primary" | "secondary" }) {
  return (
    <ButtonRow>
      <Button variant={props.variant}>{props.children}</Button>
    </ButtonRow>
  );
}
