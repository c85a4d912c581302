import type { Context } from "hono";
import type { z } from "zod";

export type FieldError = { code: string; max?: number };
export type FieldErrors = Record<string, FieldError>;
export type FormValues = Record<string, string>;

export class BadRequest extends Error {}

/**
 * Read a urlencoded or multipart form into plain strings. Anything that is not a form body
 * (JSON, garbage with a wrong type) is a malformed request: BadRequest, shown as a 400 page.
 * A missing body is an empty form, so the user gets the field errors.
 */
export async function readForm(c: Context): Promise<FormValues> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  const length = c.req.header("content-length");
  if (!type && (length === undefined || length === "0")) return {};
  if (
    !type.startsWith("application/x-www-form-urlencoded") &&
    !type.startsWith("multipart/form-data")
  ) {
    throw new BadRequest("not a form");
  }
  // No prototype: a field named "__proto__" or "constructor" is just a field.
  const values: FormValues = Object.create(null);
  try {
    if (type.startsWith("application/x-www-form-urlencoded")) {
      // Parsed directly: the Fetch API's formData() costs several times more per post.
      for (const [key, value] of new URLSearchParams(await c.req.text())) {
        if (!Object.hasOwn(values, key)) values[key] = value.replace(/\r\n?/g, "\n");
      }
      return values;
    }
    const body = await c.req.parseBody();
    for (const [key, value] of Object.entries(body)) {
      if (typeof value === "string") values[key] = value.replace(/\r\n?/g, "\n");
    }
    return values;
  } catch {
    throw new BadRequest("unreadable form");
  }
}

export type Validated<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/**
 * Parse with a form schema whose messages are error codes ("required", "email", "max"…);
 * views turn the codes into text in the user's language.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  values: FormValues,
): Validated<z.output<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (errors[field]) continue;
    const max = "maximum" in issue && typeof issue.maximum === "number" ? issue.maximum : undefined;
    errors[field] = max !== undefined ? { code: issue.message, max } : { code: issue.message };
  }
  return { ok: false, errors };
}

/** Honeypot: a field people never see or fill; bots that fill every field do. */
export const HONEYPOT = "website";
export function isBot(values: FormValues): boolean {
  return (values[HONEYPOT] ?? "").length > 0;
}
