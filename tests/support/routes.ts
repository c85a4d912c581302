import type { Hono } from "hono";
import type { AppEnv } from "../../src/kernel/context";
import type { RouteContext } from "../../src/kernel/manifest";
import { appModules } from "../../src/modules";
import { identityReadsFrom } from "../../src/modules/identity";

/** A route the app answers: its method, its Hono path pattern, and whether it needs sign-in. */
export type RegisteredRoute = {
  method: string;
  /** Hono's pattern, e.g. "/:lang{nb|nn|en}/puljer/:id{[0-9]{1,9}}". */
  path: string;
  signedIn: boolean;
};

const HANDLER_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

/**
 * Every route the app registers, read from the app itself (`app.routes`), not from a list kept
 * by hand: a module that adds a route adds it here. Middleware (`ALL`) is left out. Whether a
 * route needs sign-in is read from the manifests: a route of a module's `signedInRoutes` does.
 */
export function registeredRoutes(app: Hono<AppEnv>): RegisteredRoute[] {
  const context: RouteContext = {
    contentPages: () => [],
    identityReads: identityReadsFrom([]),
    registerUrls: undefined,
  };
  const signedIn = new Set<string>();
  for (const m of appModules())
    for (const factory of m.signedInRoutes ?? [])
      for (const r of factory(context).routes)
        if (HANDLER_METHODS.has(r.method)) signedIn.add(`${r.method} ${r.path}`);
  const seen = new Set<string>();
  const routes: RegisteredRoute[] = [];
  for (const r of app.routes) {
    const key = `${r.method} ${r.path}`;
    if (!HANDLER_METHODS.has(r.method) || seen.has(key)) continue;
    seen.add(key);
    routes.push({ method: r.method, path: r.path, signedIn: signedIn.has(key) });
  }
  return routes;
}

/** The names of a pattern's parameters and the regular expression each must match. */
export function routeParams(path: string): { name: string; pattern: string }[] {
  return [...path.matchAll(/:([A-Za-z]+)(\{((?:[^{}]|\{[^{}]*\})*)\})?/g)].map((m) => ({
    name: m[1]!,
    pattern: m[3] ?? "[^/]+",
  }));
}

/** A regular expression that matches the paths a Hono pattern matches. */
export function routeRegExp(path: string): RegExp {
  let source = "";
  let rest = path;
  const param = /^:([A-Za-z]+)(\{((?:[^{}]|\{[^{}]*\})*)\})?/;
  while (rest.length > 0) {
    const m = rest.match(param);
    if (m) {
      source += `(?:${m[3] ?? "[^/]+"})`;
      rest = rest.slice(m[0].length);
    } else if (rest[0] === "*") {
      source += ".*";
      rest = rest.slice(1);
    } else {
      source += rest[0]!.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
      rest = rest.slice(1);
    }
  }
  return new RegExp(`^${source}/?$`);
}

/** Whether a request (method and path, without query) is one a route answers. */
export function routeMatches(route: { method: string; path: string }, request: string): boolean {
  const space = request.indexOf(" ");
  const method = request.slice(0, space);
  const path = request.slice(space + 1).split("?")[0]!;
  return method === route.method && routeRegExp(route.path).test(path);
}
