import type { MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { osloToday } from "../../kernel/clock";
import type { AppContext, AppEnv, CurrentUser } from "../../kernel/context";
import { deps } from "../../kernel/context";
import { runWithViewer } from "../../kernel/request-context";
import { errorPage } from "../../web/error-pages";
import { countyOfficesAt, municipalitiesAt } from "../organisations";
import { foundNoAccess, noAccessPage } from "./no-access";
import { type Permission, permissionsOf, type Scope } from "./roles";
import { readSignedIn } from "./sessions";

function secureCookies(c: AppContext): boolean {
  const d = deps(c);
  return (
    c.req.url.startsWith("https:") ||
    (d.publicUrl?.startsWith("https:") ?? false) ||
    (d.trustProxy && c.req.header("x-forwarded-proto") === "https")
  );
}

/** `__Host-` cookies are bound to our host and path and must be Secure: used over TLS. */
export function sessionCookieName(c: AppContext) {
  return secureCookies(c) ? "__Host-samspill-session" : "samspill-session";
}

export function setSessionCookie(c: AppContext, value: string) {
  setCookie(c, sessionCookieName(c), value, {
    httpOnly: true,
    sameSite: "Lax",
    secure: secureCookies(c),
    path: "/",
  });
}

export function clearSessionCookie(c: AppContext) {
  deleteCookie(c, sessionCookieName(c), { path: "/", secure: secureCookies(c) });
}

export function readSessionCookie(c: AppContext): string | undefined {
  return getCookie(c, sessionCookieName(c));
}

/** Reads the session cookie on every request and makes the person available to handlers and views. */
export function loadUser(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const raw = readSessionCookie(c);
    let user: CurrentUser | null = null;
    if (raw) {
      const d = deps(c);
      const signedIn = await readSignedIn(d.db, raw, d.clock.now());
      if (signedIn && !signedIn.person.deletedAt) {
        const { session, person, roles } = signedIn;
        user = {
          personId: person.id,
          name: person.name ?? "",
          email: person.email,
          roles: roles.map((r) => ({ id: r.id, role: r.role, orgKind: r.orgKind, orgId: r.orgId })),
          permissions: permissionsOf(roles),
          sessionCreatedAt: session.createdAt,
          sessionVia: session.via,
        };
      } else {
        clearSessionCookie(c);
      }
    }
    c.set("user", user);
    if (!user) return next();
    await runWithViewer(
      { personId: user.personId, name: user.name, permissions: user.permissions },
      () => next(),
    );
  };
}

/** Only paths of our own may be returned to after sign-in (no open redirects). */
export function safeReturnTo(value: string | undefined, fallback: string): string {
  if (!value) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if ([...value].some((ch) => ch.charCodeAt(0) < 32) || value.length > 500) return fallback;
  return value;
}

/**
 * Secure by default: registered after the public routes, this guards every route after it.
 * A request that matches no route at all falls through to the 404 page.
 */
export function requireSignIn(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const routed = c.req.matchedRoutes.some((r) => r.method !== "ALL");
    if (!routed || c.get("user")) return next();
    const lang = c.req.path.split("/")[1];
    const prefix = lang === "nn" || lang === "en" ? lang : "nb";
    const returnTo = c.req.method === "GET" ? c.req.path + (new URL(c.req.url).search ?? "") : "";
    // Someone a provider just vouched for without access is told so here, not sent round to
    // sign in (and by single sign-on back to "no access") again.
    if (returnTo && foundNoAccess(c)) return noAccessPage(c, prefix, { returnTo, status: 403 });
    return c.redirect(
      `/${prefix}/logg-inn${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ""}`,
      302,
    );
  };
}

/** The scopes in which the user may do `action` on `entity` (empty: not at all). */
export function scopesFor(user: CurrentUser | null, action: string, entity: string): Scope[] {
  if (!user) return [];
  const prefix = `${action}:${entity}:`;
  return user.permissions
    .filter((p) => p.startsWith(prefix))
    .map((p) => p.slice(prefix.length) as Scope);
}

/**
 * The organisations of one kind where one of the user's roles grants `permission`: the role
 * itself must grant it, so a resource person of A who coordinates B does not act for A.
 */
export function orgsGranting(
  user: Pick<CurrentUser, "roles"> | null,
  permission: Permission,
  orgKind: string,
): Set<string> {
  const orgs = new Set<string>();
  for (const role of user?.roles ?? []) {
    if (role.orgKind === orgKind && permissionsOf([role]).includes(permission))
      orgs.add(role.orgId);
  }
  return orgs;
}

export class Forbidden extends Error {}

/** The one place permissions are checked: 403 unless the user holds `action:entity:*`. */
export function requirePermission(c: AppContext, action: string, entity: string): Scope[] {
  const scopes = scopesFor(c.get("user"), action, entity);
  if (scopes.length === 0) throw new Forbidden(`${action}:${entity}`);
  return scopes;
}

export function forbiddenPage(c: AppContext) {
  return errorPage(c, "notAllowed");
}

export type OrgScope =
  | { all: true }
  | { all: false; municipalities: Set<string>; units: Set<string> };

/**
 * What part of the organisation tree the user may see for `action:entity`, on a date: all of
 * it (`any`), the municipalities an office covers then, a municipality, or a unit.
 */
export async function organisationScope(
  c: AppContext,
  action: string,
  entity: string,
): Promise<OrgScope> {
  const user = c.get("user");
  const scopes = requirePermission(c, action, entity);
  if (scopes.includes("any")) return { all: true };
  const d = deps(c);
  const date = osloToday(d.clock.now());
  const municipalities = new Set<string>();
  const units = new Set<string>();
  for (const role of user?.roles ?? []) {
    if (role.orgKind === "county-office" && scopes.includes("office")) {
      const office = (await countyOfficesAt(d.db, date, "nb")).find((o) => o.id === role.orgId);
      if (office) {
        for (const m of await municipalitiesAt(d.db, date)) {
          if (office.countyCodes.includes(m.countyCode)) municipalities.add(m.code);
        }
      }
    }
    if (role.orgKind === "municipality" && scopes.includes("municipality"))
      municipalities.add(role.orgId);
    if (role.orgKind === "unit" && scopes.includes("unit")) units.add(role.orgId);
  }
  return { all: false, municipalities, units };
}
