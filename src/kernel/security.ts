import type { MiddlewareHandler } from "hono";
import { errorPage } from "../web/error-pages";
import type { AppEnv } from "./context";

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join("; ");

/** Security headers on every answer; HSTS only when the request reached us over TLS. */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set("Content-Security-Policy", CSP);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "strict-origin-when-cross-origin");
    h.set("X-Frame-Options", "DENY");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    const d = c.get("deps");
    const overTls =
      new URL(c.req.url).protocol === "https:" ||
      (d.trustProxy && c.req.header("x-forwarded-proto") === "https") ||
      (d.publicUrl?.startsWith("https:") ?? false);
    if (overTls) h.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  };
}

/**
 * CSRF: an unsafe request must come from our own pages — Sec-Fetch-Site same-origin, or an
 * Origin whose host is ours. Paths in `exempt` take posts from mail clients (RFC 8058).
 */
export function csrfGuard(exempt: (path: string) => boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const method = c.req.method;
    if (method === "GET" || method === "HEAD" || method === "OPTIONS" || exempt(c.req.path)) {
      return next();
    }
    const site = c.req.header("sec-fetch-site");
    const origin = c.req.header("origin");
    let ok = site === "same-origin";
    if (!ok && origin && origin !== "null") {
      try {
        const originHost = new URL(origin).host;
        const d = c.get("deps");
        const hosts = [c.req.header("host"), new URL(c.req.url).host];
        if (d.publicUrl) hosts.push(new URL(d.publicUrl).host);
        if (d.trustProxy) hosts.push(c.req.header("x-forwarded-host"));
        ok = hosts.includes(originHost);
      } catch {
        ok = false;
      }
    }
    if (!ok) return errorPage(c, "forbidden");
    return next();
  };
}
