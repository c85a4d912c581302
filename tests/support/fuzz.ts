import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import type { Hono } from "hono";
import type { Db } from "../../src/db/client";
import type { AppEnv } from "../../src/kernel/context";
import { type RegisteredRoute, registeredRoutes, routeParams } from "./routes";

/**
 * Hostile requests to every route the app registers (issue 16): wrong types, missing and extra
 * fields, huge values, invalid UTF-8, wrong content types, control characters, as nobody and as
 * people signed in. The test (src/hostile-input.test.ts) runs a few hundred; the benchmark
 * (bench/fuzz.ts) twenty thousand. Neither may see a 5xx.
 */

const ORIGIN = "http://localhost";

/** One generated request, described so that a failure can be printed and sent again. */
export type FuzzRequest = {
  method: string;
  route: string;
  path: string;
  query: string;
  /** A key of `FuzzContext.cookies`, or null for nobody. */
  who: string | null;
  origin: string | null;
  contentType: string | null;
  body: Uint8Array | string | null;
};

export type FuzzContext = {
  app: Hono<AppEnv>;
  /** A new session cookie of a person ("ada" → "samspill-session=…"). */
  cookie: (who: string) => Promise<string>;
  /** Who the requests may be sent as (besides nobody). */
  people: string[];
  /** Values from the data for route parameters by name (real ids, slugs, org numbers). */
  params: Record<string, string[]>;
};

const srcDir = fileURLToPath(new URL("../../src", import.meta.url));

/** The field names the app's forms use, read from the views' `name="…"` attributes. */
export function formFieldNames(): string[] {
  const names = new Set<string>([
    "email",
    "name",
    "version",
    "code",
    "q",
    "lang",
    "returnTo",
    "file",
    "consent",
  ]);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".tsx") && !entry.name.includes(".test.")) {
        for (const m of readFileSync(path, "utf8").matchAll(/\bname="([A-Za-z0-9_.[\]-]{1,60})"/g))
          names.add(m[1]!);
      }
    }
  };
  walk(srcDir);
  return [...names].sort();
}

const HUGE = "å".repeat(40_000);
const hostileText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom(
    "",
    " ",
    "0",
    "-1",
    "1e309",
    "NaN",
    "Infinity",
    "99999999999999999999999",
    "0x1F",
    "2026-02-30",
    "0000-00-00",
    "9999-12-31",
    "2026-12-07T25:61",
    "31.12.2026",
    "true",
    "null",
    "[]",
    "{}",
    "a@b",
    "kari@demo.samspill.example",
    "<script>alert(1)</script>",
    "'; drop table people; --",
    "\u0000",
    "a\u0007b",
    "\u001b[31m",
    "\u0085",
    "\r\n\r\n",
    "\ud800",
    "\udfff\ud800",
    "\u202e",
    "x".repeat(3000),
    HUGE,
  ),
);

/** Bytes that are not UTF-8: a lone continuation byte, an overlong NUL, a cut sequence. */
const invalidUtf8 = fc.constantFrom(
  new Uint8Array([0x80]),
  new Uint8Array([0xc0, 0x80]),
  new Uint8Array([0xe2, 0x82]),
  new Uint8Array([0xff, 0xfe, 0xfd]),
  new Uint8Array([0xed, 0xa0, 0x80]),
);

function paramValue(name: string, pattern: string, context: FuzzContext): fc.Arbitrary<string> {
  const known = context.params[name] ?? [];
  const matching = fc.stringMatching(new RegExp(`^(?:${pattern})$`));
  const options: fc.Arbitrary<string>[] = [matching];
  if (known.length > 0) options.push(fc.constantFrom(...known), fc.constantFrom(...known));
  if (/\[0-9\]|\[1-9\]/.test(pattern))
    options.push(fc.integer({ min: 1, max: 60 }).map(String), fc.constant("999999999"));
  return fc.oneof(...options);
}

function concretePath(route: RegisteredRoute, context: FuzzContext): fc.Arbitrary<string> {
  const params = routeParams(route.path);
  if (params.length === 0) return fc.constant(route.path.replace(/\*$/, ""));
  return fc
    .tuple(
      ...params.map((p) =>
        p.name === "lang"
          ? fc.constantFrom("nb", "nn", "en")
          : paramValue(p.name, p.pattern, context),
      ),
    )
    .map((values) => {
      let i = 0;
      return route.path.replace(/:([A-Za-z]+)(\{((?:[^{}]|\{[^{}]*\})*)\})?/g, () =>
        encodeURIComponent(values[i++]!),
      );
    });
}

const enc = (s: string) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, "\ufffd"));

/** A URL-encoded list of name=value pairs, names from the forms and some of our own. */
function pairs(names: string[]): fc.Arbitrary<string> {
  const name = fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 12 }));
  return fc
    .array(fc.tuple(name, hostileText), { maxLength: 12 })
    .map((list) => list.map(([k, v]) => `${enc(k)}=${enc(v)}`).join("&"));
}

/** Percent-escapes that do not decode, or decode to bytes that are not UTF-8. */
const brokenEscapes = fc.constantFrom(
  "a=%",
  "a=%ZZ",
  "email=%C3%28",
  "name=%FF%FE",
  "%E0%A4%A=1",
  "q=%00",
);

type Body = { contentType: string | null; body: Uint8Array | string | null };

function bodies(names: string[]): fc.Arbitrary<Body> {
  const form = "application/x-www-form-urlencoded";
  return fc.oneof(
    { weight: 5, arbitrary: pairs(names).map((b) => ({ contentType: form, body: b })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(pairs(names), brokenEscapes)
        .map(([b, broken]) => ({ contentType: form, body: `${b}&${broken}` })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(pairs(names), invalidUtf8).map(([b, bytes]) => ({
        contentType: form,
        body: new Uint8Array([...new TextEncoder().encode(`${b}&name=`), ...bytes]),
      })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.array(fc.tuple(fc.constantFrom(...names), hostileText), { maxLength: 6 }),
          fc.option(fc.uint8Array({ maxLength: 2048 })),
          fc.boolean(),
        )
        .map(([fields, file, pdf]) => multipart(fields, file, pdf)),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Body>(
        { contentType: "multipart/form-data", body: "no boundary" },
        { contentType: "multipart/form-data; boundary=x", body: "--x\r\nbroken" },
        { contentType: "multipart/form-data; boundary=x", body: "--y--" },
        { contentType: form, body: null },
        { contentType: null, body: "email=a" },
        { contentType: "text/plain", body: "email=a" },
        { contentType: "application/xml", body: "<a/>" },
        { contentType: "application/x-www-form-urlencoded; charset=latin1", body: "name=%E6" },
      ),
    },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.json(),
          fc.dictionary(fc.constantFrom(...names), fc.jsonValue()).map((o) => JSON.stringify(o)),
          fc.constantFrom("{", "[1,", '{"a":\u0000}'),
        )
        .map((b) => ({ contentType: "application/json", body: b })),
    },
  );
}

const BOUNDARY = "----samspill-fuzz-7d3f";
function multipart(fields: [string, string][], file: Uint8Array | null, pdf: boolean): Body {
  const parts: Uint8Array[] = [];
  const text = (s: string) => new TextEncoder().encode(s);
  for (const [name, value] of fields)
    parts.push(
      text(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value.replace(/[\ud800-\udfff]/g, "")}\r\n`,
      ),
    );
  if (file) {
    parts.push(
      text(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a\u0000../../x.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      pdf ? new Uint8Array([...text("%PDF-1.4\n"), ...file]) : file,
      text("\r\n"),
    );
  }
  parts.push(text(`--${BOUNDARY}--\r\n`));
  const size = parts.reduce((n, p) => n + p.length, 0);
  const body = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    body.set(p, at);
    at += p.length;
  }
  return { contentType: `multipart/form-data; boundary=${BOUNDARY}`, body };
}

/**
 * Requests to the app's routes: each route with its parameters from the data or made up, a
 * query of hostile pairs, and for a POST a hostile body in one of several encodings.
 */
export function requestArbitrary(
  context: FuzzContext,
  options: { skip?: (route: RegisteredRoute, who: string | null) => boolean } = {},
): fc.Arbitrary<FuzzRequest> {
  const names = formFieldNames();
  const routes = registeredRoutes(context.app).filter(
    (r) => r.method === "GET" || r.method === "POST",
  );
  // Nobody for one in five: most routes need sign-in, and nobody only ever reaches the sign-in page.
  const who = fc.oneof(
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 4, arbitrary: fc.constantFrom(...context.people) },
  );
  // Built once: building arbitraries (regular expressions, JSON, the body encodings) costs far
  // more than drawing from them, and `chain` would otherwise build them for every request.
  const query = fc.oneof(fc.constant(""), pairs(names), brokenEscapes);
  const origin = fc.oneof(
    { weight: 8, arbitrary: fc.constant<string | null>(ORIGIN) },
    { weight: 1, arbitrary: fc.constantFrom(null, "null", "https://evil.example") },
  );
  const postBody = bodies(names);
  const noBody = fc.constant<Body>({ contentType: null, body: null });
  const perRoute = new Map(
    routes.map((route) => [
      route,
      fc.record({
        path: concretePath(route, context),
        query,
        origin,
        body: route.method === "POST" ? postBody : noBody,
      }),
    ]),
  );
  return fc
    .tuple(fc.constantFrom(...routes), who)
    .filter(([route, w]) => !options.skip?.(route, w))
    .chain(([route, w]) =>
      perRoute.get(route)!.map(
        (r): FuzzRequest => ({
          method: route.method,
          route: route.path,
          path: r.path,
          query: r.query,
          who: w,
          origin: r.origin,
          contentType: r.body.contentType,
          body: r.body.body,
        }),
      ),
    );
}

/** Send one generated request to the app; its status. */
export async function sendFuzz(context: FuzzContext, r: FuzzRequest): Promise<number> {
  const headers: Record<string, string> = {};
  if (r.who) headers.Cookie = await context.cookie(r.who);
  if (r.origin) headers.Origin = r.origin;
  if (r.contentType) headers["Content-Type"] = r.contentType;
  const url = `${ORIGIN}${r.path}${r.query ? `?${r.query}` : ""}`;
  let request: Request;
  try {
    request = new Request(url, {
      method: r.method,
      headers,
      ...(r.method === "POST" && r.body !== null
        ? { body: typeof r.body === "string" ? r.body : new Uint8Array(r.body) }
        : {}),
    });
  } catch {
    // A URL the client itself refuses never reaches a server.
    return 0;
  }
  const res = await context.app.fetch(request);
  await res.arrayBuffer();
  return res.status;
}

/** A short line for a failure: the method, path and who, never the body. */
export function describeFuzz(r: FuzzRequest): string {
  return `${r.method} ${r.path}${r.query ? `?${r.query.slice(0, 80)}` : ""} as ${r.who ?? "nobody"} (${r.contentType ?? "no type"})`;
}

/** Values of route parameters from the demo data, so that requests reach past "not found". */
export async function fuzzParams(db: Db): Promise<Record<string, string[]>> {
  const column = async (query: ReturnType<typeof sql>) =>
    ((await db.execute(query)) as unknown as { rows: { v: unknown }[] }).rows.map((r) =>
      String(r.v),
    );
  const slugs = await column(sql`select slug as v from programmes order by id limit 5`);
  const orgnrs = await column(
    sql`select org_number as v from units where municipality_code in ('4204', '4215') order by org_number limit 6`,
  );
  return {
    slug: slugs,
    orgnr: orgnrs,
    code: ["4204", "4215", "4203", "0301"],
    officeId: ["sf-agder", "sf-oslo-og-viken"],
    provider: ["idporten", "feide"],
    textLang: ["nb", "nn", "en"],
    section: ["motivasjon", "organisering"],
    fileId: ["AAAAAAAAAAAAAAAAAAAAAA"],
  };
}

/** Who may be signed in for a request: deleting oneself would end the demo people. */
export const skipForPeople = (route: { method: string; path: string }, who: string | null) =>
  who !== null && route.method === "POST" && route.path.endsWith("/meg/slett");
