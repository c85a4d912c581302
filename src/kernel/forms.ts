import type { Context } from "hono";
import type { z } from "zod";

/**
 * An error of one field: a code the view's catalogue turns into a sentence, the limit broken
 * (`max`) and any names the sentence needs (`params`). See web/form-errors.ts.
 */
export type FieldError = {
  code: string;
  max?: number;
  params?: Readonly<Record<string, string | number | boolean>>;
};
export type FieldErrors = Record<string, FieldError>;

/**
 * A warning on a field: not an error. The writer rewrites the text or ticks the field's
 * confirmation and sends again (decision 0024). `places` quote where and say why (a reason
 * code the view turns into words); `confirm` is the value of the confirmation box that accepts
 * exactly these places, so a text changed to name another child is warned about again.
 */
export type FieldWarning = {
  code: "child";
  places: { reason: string; quote: string }[];
  confirm: string;
  /** The box was ticked for these places (the form came back for another field's error). */
  confirmed: boolean;
};
export type FieldWarnings = Record<string, FieldWarning>;

/** The form field that carries a field's confirmation of its warning: "confirm-message". */
export function confirmationField(field: string): string {
  return `confirm-${field}`;
}
export type FormValues = Record<string, string>;

export class BadRequest extends Error {}

// C0 controls but tab and line feed (carriage returns are folded into line feeds first), DEL,
// and the C1 controls. PostgreSQL refuses NUL in text outright; the others have no place in
// a name, a comment or a search, and some of them fool terminals and log readers.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const CONTROL_ANYWHERE = /[\u0000-\u001f\u007f-\u009f]/;

/** True when a form value (multi-line text allowed) holds a control character. */
export function hasControlCharacter(value: string, opts: { multiline?: boolean } = {}): boolean {
  return (opts.multiline === false ? CONTROL_ANYWHERE : CONTROL_IN_TEXT).test(value);
}

/** The text with every control character replaced (for quoting refused input back). */
export function replaceControlCharacters(value: string, by = "\uFFFD"): string {
  return value.replace(new RegExp(CONTROL_ANYWHERE.source, "g"), by);
}

/**
 * The boundary check for every request: a control character in the path or the query string
 * (after decoding) is a malformed request. Form bodies are checked where they are read.
 */
export function refuseControlCharacters(url: string): void {
  const start = url.indexOf("/", url.indexOf("//") + 2);
  const pathAndQuery = start < 0 ? "" : url.slice(start);
  // The common case costs one scan of the raw string: no escapes, no controls.
  if (!pathAndQuery.includes("%") && !CONTROL_ANYWHERE.test(pathAndQuery)) return;
  const q = pathAndQuery.indexOf("?");
  const path = q < 0 ? pathAndQuery : pathAndQuery.slice(0, q);
  let decodedPath: string;
  try {
    decodedPath = decodeURIComponent(path);
  } catch {
    throw new BadRequest("malformed path");
  }
  if (CONTROL_ANYWHERE.test(decodedPath)) throw new BadRequest("control character in path");
  if (q < 0) return;
  for (const [key, value] of new URLSearchParams(pathAndQuery.slice(q + 1))) {
    if (CONTROL_ANYWHERE.test(key) || CONTROL_ANYWHERE.test(value)) {
      throw new BadRequest("control character in query");
    }
  }
}

function checkedValue(key: string, value: string): string {
  const text = value.replace(/\r\n?/g, "\n");
  if (hasControlCharacter(key, { multiline: false }) || hasControlCharacter(text)) {
    throw new BadRequest("control character in form");
  }
  return text;
}

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
  let entries: Iterable<[string, string | File]>;
  try {
    entries = type.startsWith("application/x-www-form-urlencoded")
      ? // Parsed directly: the Fetch API's formData() costs several times more per post.
        new URLSearchParams(await c.req.text())
      : Object.entries(await c.req.parseBody());
  } catch {
    throw new BadRequest("unreadable form");
  }
  for (const [key, value] of entries) {
    if (typeof value === "string" && !Object.hasOwn(values, key)) {
      values[key] = checkedValue(key, value);
    }
  }
  return values;
}

/**
 * Like `readForm`, but every value of a repeated field (checkboxes), and uploaded files as
 * they are. The same refusals: not a form → 400, a control character in a text value → 400.
 */
export async function readFormAll(c: Context): Promise<Record<string, (string | File)[]>> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  const length = c.req.header("content-length");
  if (!type && (length === undefined || length === "0")) return Object.create(null);
  if (
    !type.startsWith("application/x-www-form-urlencoded") &&
    !type.startsWith("multipart/form-data")
  ) {
    throw new BadRequest("not a form");
  }
  let body: Record<string, string | File | (string | File)[]>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch {
    throw new BadRequest("unreadable form");
  }
  const values: Record<string, (string | File)[]> = Object.create(null);
  for (const [key, value] of Object.entries(body)) {
    values[key] = (Array.isArray(value) ? value : [value]).map((v) =>
      typeof v === "string" ? checkedValue(key, v) : v,
    );
  }
  return values;
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
