import {
  confirmationField,
  type FieldError,
  type FieldErrors,
  type FieldWarning,
  type FieldWarnings,
  type FormValues,
} from "../kernel/forms";
import { childGuardTexts } from "./child-guard-texts";
import type { Lang } from "./i18n";

/**
 * One form-and-error system for every module (decision 0019). A command or a form schema
 * returns errors keyed by the form's own field names, each an error code with its numbers and
 * names (`{ code: "max", max: 250 }`, `{ code: "alreadyEnrolled", params: { unit: "…" } }`).
 * The view turns codes into sentences with a catalogue: the module's own codes first, then the
 * site-wide ones below. A module's catalogue is typed by its codes, in all three languages.
 */

/** What a sentence may use: the field's label, a limit, and the names the error carries. */
export type ErrorContext = {
  label: string;
  max: number;
  params: Readonly<Record<string, string | number | boolean>>;
};

/** A sentence, fixed or built from the context. */
export type ErrorSentence = string | ((e: ErrorContext) => string);

/**
 * A catalogue of sentences by code. A key may also name a field: `"email.required"` is used for
 * a `required` error on the field `email` before the plain `required` is.
 */
export type ErrorCatalogue = Readonly<Record<string, ErrorSentence>>;

/** A module's catalogue in every language, its codes checked by the type. */
export type ErrorCatalogues<Code extends string> = Record<Lang, Record<Code, ErrorSentence>>;

const lower = (label: string) => label.toLowerCase();

/** The codes of the shared field rules (kernel/field-rules.ts), and a refusal every form has. */
const siteWide: ErrorCatalogues<
  "required" | "choice" | "max" | "email" | "date" | "rateLimited" | "nationalId"
> = {
  nb: {
    required: (e) => `Fyll ut ${lower(e.label)}`,
    choice: (e) => `Velg ${lower(e.label)}`,
    max: (e) => `${e.label} kan ha høyst ${e.max} tegn`,
    email: "Skriv inn en gyldig e-postadresse, for eksempel navn@kommune.no",
    date: (e) => `Skriv ${lower(e.label)} som en dato, for eksempel 1.8.2027`,
    rateLimited: "Du har sendt mange skjemaer på kort tid. Vent litt og prøv igjen.",
    nationalId: (e) =>
      `Ta bort fødselsnummeret eller D-nummeret (det som begynner med ${e.params.start}). Vi tar ikke imot fødselsnumre her.`,
  },
  nn: {
    required: (e) => `Fyll ut ${lower(e.label)}`,
    choice: (e) => `Vel ${lower(e.label)}`,
    max: (e) => `${e.label} kan ha høgst ${e.max} teikn`,
    email: "Skriv inn ei gyldig e-postadresse, til dømes namn@kommune.no",
    date: (e) => `Skriv ${lower(e.label)} som ein dato, til dømes 1.8.2027`,
    rateLimited: "Du har sendt mange skjema på kort tid. Vent litt og prøv igjen.",
    nationalId: (e) =>
      `Ta bort fødselsnummeret eller D-nummeret (det som byrjar med ${e.params.start}). Vi tek ikkje imot fødselsnummer her.`,
  },
  en: {
    required: (e) => `Enter ${lower(e.label)}`,
    choice: (e) => `Choose ${lower(e.label)}`,
    max: (e) => `${e.label} can have at most ${e.max} characters`,
    email: "Enter a valid e-mail address, for example name@municipality.no",
    date: (e) => `Enter ${lower(e.label)} as a date, for example 1.8.2027`,
    rateLimited: "You have sent many forms in a short time. Wait a little and try again.",
    nationalId: (e) =>
      `Remove the national identity number or D number (the one starting ${e.params.start}). We do not accept identity numbers here.`,
  },
};

/** The sentence for one error: the field's own entry, the module's code, the site's code. */
export function errorSentence(
  lang: Lang,
  catalogue: ErrorCatalogue,
  field: string,
  label: string,
  error: FieldError,
): string {
  const common: ErrorCatalogue = siteWide[lang];
  const sentence =
    catalogue[`${field}.${error.code}`] ??
    catalogue[error.code] ??
    common[error.code] ??
    common.required!;
  if (typeof sentence === "string") return sentence;
  return sentence({ label, max: error.max ?? 0, params: error.params ?? {} });
}

export type SummaryItem = { href: string; text: string };

/**
 * A warning as its field shows it (decision 0024): why and where, what to do, and the box the
 * writer ticks to confirm (its value accepts exactly the places quoted).
 */
export type BoundWarning = {
  id: string;
  intro: string;
  places: string[];
  advice: string;
  confirm: { name: string; id: string; value: string; label: string; checked: boolean };
};

/** What a field needs to show itself: its name, id, the value kept, the error as a sentence. */
export type BoundField = {
  name: string;
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  warning: BoundWarning | undefined;
};

/**
 * A form as its view shows it: what the user typed and the errors as sentences, for the
 * fields and for the summary at the top. `labels` lists the form's fields in the order they
 * appear on the page (the summary follows it); `idPrefix` keeps ids unique where one page
 * holds several forms with a field of the same name ("resource-name", "pp-name").
 */
export type FormView = {
  /** Name, id, label, kept value and error sentence of a field, to spread into a component. */
  bind: (name: string) => BoundField;
  value: (name: string) => string;
  error: (name: string) => string | undefined;
  /** The page's error summary, one link per error, in the fields' order. */
  summary: SummaryItem[];
  hasErrors: boolean;
  /** The warnings not yet confirmed, one link per field, for the summary's warning part. */
  warnings: SummaryItem[];
};

export type FormState = { values: FormValues; errors: FieldErrors; warnings?: FieldWarnings };
export const emptyForm: FormState = { values: {}, errors: {} };

export function formView(
  lang: Lang,
  state: FormState | undefined,
  opts: {
    labels: Readonly<Record<string, string>>;
    errors?: ErrorCatalogue;
    idPrefix?: string;
  },
): FormView {
  const values = state?.values ?? {};
  const errors = state?.errors ?? {};
  const catalogue = opts.errors ?? {};
  const idOf = (name: string) => (opts.idPrefix ? `${opts.idPrefix}-${name}` : name);
  const labelOf = (name: string) => opts.labels[name] ?? name;
  const error = (name: string) => {
    const e = errors[name];
    return e ? errorSentence(lang, catalogue, name, labelOf(name), e) : undefined;
  };
  const guard = childGuardTexts(lang);
  const warnings = state?.warnings ?? {};
  const warning = (name: string): BoundWarning | undefined => {
    const w: FieldWarning | undefined = warnings[name];
    if (!w || errors[name]) return undefined;
    const reasons: Record<string, string> = guard.reasons;
    return {
      id: `${idOf(name)}-warning`,
      intro: guard.intro,
      places: w.places.map((p) => guard.place(p.quote, reasons[p.reason] ?? p.reason)),
      advice: guard.advice,
      confirm: {
        name: confirmationField(name),
        id: idOf(confirmationField(name)),
        value: w.confirm,
        label: guard.confirm,
        checked: w.confirmed,
      },
    };
  };
  const order = Object.keys(opts.labels);
  const position = (name: string) => {
    const i = order.indexOf(name);
    return i < 0 ? order.length : i;
  };
  const summary = Object.keys(errors)
    .sort((a, b) => position(a) - position(b))
    .map((name) => ({ href: `#${idOf(name)}`, text: error(name)! }));
  const warned = Object.keys(warnings)
    .filter((name) => !warnings[name]!.confirmed && !errors[name])
    .sort((a, b) => position(a) - position(b))
    .map((name) => ({
      href: `#${idOf(name)}`,
      text: guard.summary(labelOf(name), warnings[name]!.places[0]?.quote ?? ""),
    }));
  return {
    bind: (name) => ({
      name,
      id: idOf(name),
      label: labelOf(name),
      value: values[name] ?? "",
      error: error(name),
      warning: warning(name),
    }),
    value: (name) => values[name] ?? "",
    error,
    summary,
    hasErrors: summary.length > 0,
    warnings: warned,
  };
}
