import type { Context, MiddlewareHandler } from "hono";
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

const BASE_HEADERS: Record<string, string> = {
  "Content-Security-Policy": CSP,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};
const TLS_HEADERS: Record<string, string> = {
  ...BASE_HEADERS,
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
};

/** The security headers for this request: HSTS only when it reached us over TLS. */
export function securityHeaderRecord(c: Context<AppEnv>): Readonly<Record<string, string>> {
  const d = c.get("deps");
  return securityHeadersFor(d, c.req.url, c.req.header("x-forwarded-proto"));
}

export function securityHeadersFor(
  d: { trustProxy: boolean; publicUrl: string | undefined },
  url: string,
  forwardedProto: string | undefined,
): Readonly<Record<string, string>> {
  const overTls =
    url.startsWith("https:") ||
    (d.trustProxy && forwardedProto === "https") ||
    (d.publicUrl?.startsWith("https:") ?? false);
  return overTls ? TLS_HEADERS : BASE_HEADERS;
}

/**
 * Security headers on every answer, set on the context before the handler runs so that no
 * response has to be rebuilt afterwards. A handler that returns its own Response (the page
 * cache's fast path) includes `securityHeaderRecord(c)` itself.
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const record = securityHeaderRecord(c);
    for (const name in record) c.header(name, record[name]);
    await next();
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
