import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { HTTPException } from "hono/http-exception";
import type { Logger } from "pino";
import type { Db } from "./db/client";
import { type Clock, systemClock } from "./kernel/clock";
import type { AppDeps, AppEnv, RateRules } from "./kernel/context";
import { BadRequest, refuseControlCharacters } from "./kernel/forms";
import type { RouteContext } from "./kernel/manifest";
import { type Metrics, observeRequests, type Readiness, readiness } from "./kernel/observe";
import { cachedPageResponse, createPageCache } from "./kernel/page-cache";
import { memoryRateLimiter, type RateLimiter } from "./kernel/rate-limit";
import { createSigner } from "./kernel/secrets";
import { csrfGuard, securityHeaders, securityHeadersFor } from "./kernel/security";
import { type FileStore, temporaryFileStore } from "./kernel/storage";
import { appModules } from "./modules";
import {
  createOidcRegistry,
  Forbidden,
  identityReadsFrom,
  loadUser,
  type OidcRegistry,
  requireSignIn,
} from "./modules/identity";
import { isOneClickUnsubscribe } from "./modules/newsletter";
import type { RegisterUrls } from "./modules/organisations";
import { buildDir } from "./web/assets";
import { errorPage } from "./web/error-pages";

export type AppOptions = {
  db: Db;
  secret: string;
  clock?: Clock;
  env?: AppDeps["env"];
  mailKind?: AppDeps["mailKind"];
  publicUrl?: string | undefined;
  /** Base URL of links in mail: configuration only (`linkBase()` in kernel/link-base). */
  linkBase: string;
  trustProxy?: boolean;
  rateLimiter?: RateLimiter;
  rateRules?: RateRules;
  pageCacheSeconds?: number;
  contactInbox?: string;
  onJobQueued?: () => void;
  log?: (line: string) => void;
  oidc?: OidcRegistry;
  registerUrls?: RegisterUrls;
  /** Where uploads go; a temporary directory of its own when not given (tests). */
  files?: FileStore;
  /** One JSON line per request (pino); none when not given. */
  logger?: Logger;
  /** Prometheus metrics (kernel/observe), served on a port of their own by the server. */
  metrics?: Metrics;
  /** What `/readyz` checks beyond the database: stopping, the job worker. */
  readiness?: Readiness;
};

export const defaultRateRules: RateRules = { form: { limit: 30, windowSeconds: 60 } };

let faviconIco: Buffer | undefined;

export function createApp(options: AppOptions) {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((line: string) => console.log(line));
  const deps: AppDeps = {
    db: options.db,
    clock,
    signer: createSigner(options.secret),
    rateLimiter: options.rateLimiter ?? memoryRateLimiter(),
    rateRules: options.rateRules ?? defaultRateRules,
    pageCache: createPageCache((options.pageCacheSeconds ?? 5) * 1000),
    env: options.env ?? "production",
    publicUrl: options.publicUrl,
    linkBase: options.linkBase.replace(/\/+$/, ""),
    trustProxy: options.trustProxy ?? false,
    contactInbox: options.contactInbox ?? "postmottak@samspill.example",
    mailKind: options.mailKind ?? "smtp",
    onJobQueued: options.onJobQueued ?? (() => {}),
    oidc: options.oidc ?? createOidcRegistry([]),
    secret: options.secret,
    log,
    files: options.files ?? temporaryFileStore(),
  };

  const app = new Hono<AppEnv>();

  // Middleware, in the order a request meets it.
  // The route pattern each request matched, for its log line and metrics (observeRequests).
  const routeOf = new WeakMap<Request, string>();
  app.use(async (c, next) => {
    c.set("deps", deps);
    // Kept now: the body limit replaces c.req.raw with a request of its own.
    const raw = c.req.raw;
    await next();
    // The pattern without its parameters' constraints: /:lang{nb|nn|en}/x/:id{[0-9]+} → /:lang/x/:id.
    const route = c.req.routePath;
    routeOf.set(raw, route === "/*" ? "(no route)" : route.replace(/\{[^/]*\}/g, ""));
  });
  app.use(securityHeaders());
  // Control characters in the path or query are refused once, here: 400, before any handler.
  app.use((c, next) => {
    refuseControlCharacters(c.req.url);
    return next();
  });
  // For the proxy and the orchestrator: cheap, unauthenticated, and saying nothing but whether.
  const ready = options.readiness ?? { accepting: () => true };
  app.get("/healthz", (c) => c.text("ok", 200, { "Cache-Control": "no-store" }));
  app.get("/readyz", async (c) => {
    const r = await readiness(deps.db, ready);
    return r.ready
      ? c.text("ready", 200, { "Cache-Control": "no-store" })
      : c.text(`not ready: ${r.failed}`, 503, { "Cache-Control": "no-store" });
  });
  app.use(
    "/assets/*",
    async (c, next) => {
      await next();
      if (c.res.status === 200) c.header("Cache-Control", "public, max-age=31536000, immutable");
    },
    serveStatic({
      root: buildDir,
      rewriteRequestPath: (p) => p.replace(/^\/assets/, ""),
      precompressed: true,
    }),
  );
  // Asked for by browsers and crawlers that do not read the layout's <link rel="icon">. A fixed
  // name, so cached for a week rather than for ever.
  app.get("/favicon.ico", async (c) => {
    faviconIco ??= await readFile(join(buildDir, "favicon.ico"));
    return c.body(new Uint8Array(faviconIco), 200, {
      "Content-Type": "image/x-icon",
      "Cache-Control": "public, max-age=604800",
    });
  });
  // Compression and the body limit only where they apply: wrapping every response (or reading
  // every request) takes @hono/node-server off its fast path for plain GETs.
  const compressor = compress();
  app.use((c, next) => (c.req.header("accept-encoding") ? compressor(c, next) : next()));
  // Routes that take big uploads (the modules' `largeUploads`) set their own body limit.
  const largeUploads = appModules().flatMap((m) => m.largeUploads ?? []);
  const isLargeUpload = (path: string) => largeUploads.some((pattern) => pattern.test(path));
  const limiter = bodyLimit({ maxSize: 64 * 1024, onError: (c) => errorPage(c, "tooLarge") });
  app.use((c, next) =>
    c.req.method === "GET" || c.req.method === "HEAD" || isLargeUpload(c.req.path)
      ? next()
      : limiter(c, next),
  );
  app.use(csrfGuard(isOneClickUnsubscribe));
  app.use(loadUser());

  // Routes from the modules' manifests (src/modules/index.ts), public ones first.
  const modules = appModules();
  const contentPages = modules.flatMap((m) => m.contentPages?.() ?? []);
  const context: RouteContext = {
    contentPages: () => contentPages,
    identityReads: identityReadsFrom(modules.flatMap((m) => m.identityReads ?? [])),
    registerUrls: options.registerUrls,
  };
  for (const m of modules)
    for (const routes of m.publicRoutes ?? []) app.route("/", routes(context));

  // Secure by default: every route registered after this requires sign-in.
  app.use(requireSignIn());
  for (const m of modules)
    for (const routes of m.signedInRoutes ?? []) app.route("/", routes(context));

  app.notFound((c) => errorPage(c, "notFound"));
  app.onError((error, c) => {
    if (error instanceof BadRequest) return errorPage(c, "badRequest");
    if (error instanceof Forbidden) return errorPage(c, "notAllowed");
    if (error instanceof HTTPException && error.status < 500) {
      return errorPage(
        c,
        error.status === 403 ? "forbidden" : error.status === 413 ? "tooLarge" : "badRequest",
      );
    }
    // The message only: request bodies and addresses stay out of the log.
    log(`error ${c.req.method} ${c.req.routePath}: ${error.message}`);
    return errorPage(c, "serverError");
  });

  // A rush on a public page: a fresh cached copy is answered before Hono routes anything.
  // Only for anonymous GETs without a query (a session cookie means a personal page).
  const routed = app.fetch;
  app.fetch = (request, env, ctx) => {
    if (request.method === "GET") {
      const url = request.url;
      const start = url.indexOf("/", url.indexOf("//") + 2);
      if (start > 0 && !url.includes("?", start)) {
        const page = deps.pageCache.peek(url.slice(start));
        if (page) {
          // @hono/node-server hands over the IncomingMessage: its headers are a plain object.
          const incoming = (env as { incoming?: { headers: Record<string, string | undefined> } })
            ?.incoming;
          const header = (name: string) =>
            incoming ? incoming.headers[name] : (request.headers.get(name) ?? undefined);
          if (!header("cookie")) {
            return cachedPageResponse(
              page,
              header("accept-encoding"),
              securityHeadersFor(deps, url, header("x-forwarded-proto")),
            );
          }
        }
      }
    }
    return routed(request, env, ctx);
  };
  app.fetch = observeRequests(app.fetch, {
    logger: options.logger,
    metrics: options.metrics,
    trustProxy: deps.trustProxy,
    routeOf,
  }) as typeof app.fetch;

  return app;
}
