import type { FieldError, FieldErrors, FieldWarnings } from "./forms";

/**
 * What a command answers: done (with what it made), or refused with errors keyed by the form's
 * own field names, so the route shows them without mapping (decision 0019). A refusal may carry
 * warnings: text held back until the writer rewrites it or confirms it (decision 0024).
 */
export type Refusal = { ok: false; errors: FieldErrors; warnings?: FieldWarnings };
export type Outcome<T = Record<never, never>> = ({ ok: true } & T) | Refusal;

/** A refusal of one field. */
export function refuse(field: string, code: string, params?: FieldError["params"]): Refusal {
  return { ok: false, errors: { [field]: params ? { code, params } : { code } } };
}

/** Thrown inside a transaction to roll it back and answer with the refusal. */
export class RefusedInside extends Error {
  constructor(readonly refusal: Refusal) {
    super("refused");
  }
}
