import type { FieldErrors } from "../../kernel/forms";
import type { FormState, SummaryItem } from "../../web/form-errors";

/** What an error's sentence may name: a unit's number, a municipality, a date as shown. */
export type Params = Readonly<Record<string, string | number | boolean>>;

/** What a chain refusal says about itself (`detail`), as an error's params. */
export function paramsOf(detail: Record<string, unknown> | undefined): Params {
  const params: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(detail ?? {})) {
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      params[key] = value;
    }
  }
  return params;
}

/**
 * A chain refusal as the error of the field the command names; one that names none belongs to
 * `fallback` (the whole form, or the form's first field).
 */
export function refusalErrors(
  result: { error: string; field?: string | undefined; detail?: Record<string, unknown> },
  fallback = "form",
  params: Params = {},
): FieldErrors {
  return {
    [result.field ?? fallback]: {
      code: result.error,
      params: { ...paramsOf(result.detail), ...params },
    },
  };
}

/**
 * The form with the page's own facts (dates and names as the page shows them) added to the
 * params of each error, for the sentences that name them. The page's words win: a date the
 * chain gives as ISO is named as the page shows it.
 */
export function withPageParams(state: FormState | undefined, page: Params): FormState | undefined {
  if (!state) return undefined;
  const errors: FieldErrors = {};
  for (const [name, error] of Object.entries(state.errors)) {
    // The child guard's refusal names the number's own start, not the cohort's (decision 0024).
    errors[name] =
      error.code === "nationalId" ? error : { ...error, params: { ...error.params, ...page } };
  }
  return { ...state, errors };
}

/**
 * The summary with some links moved: an error about a group of boxes, or about the whole form,
 * links to where it is shown rather than to a field of its name.
 */
export function relink(summary: SummaryItem[], to: Record<string, string>): SummaryItem[] {
  return summary.map((item) => ({ ...item, href: to[item.href] ?? item.href }));
}
