import type { Context } from "hono";
import type { Db } from "../db/client";
import type { OidcRegistry } from "../modules/identity/oidc";
import type { Lang } from "../web/i18n";
import type { Clock } from "./clock";
import type { PageCache } from "./page-cache";
import type { RateLimiter, RateRule } from "./rate-limit";
import type { Signer } from "./secrets";
import type { FileStore } from "./storage";

export type RateRules = {
  /** Every public form post, per client. */
  form: RateRule;
};

export type AppDeps = {
  db: Db;
  clock: Clock;
  signer: Signer;
  rateLimiter: RateLimiter;
  rateRules: RateRules;
  pageCache: PageCache;
  env: "development" | "production" | "test";
  /** PUBLIC_URL: marks the site as served over TLS and as an allowed Origin host. */
  publicUrl: string | undefined;
  /** Base URL of every link in mail: from configuration only, never a request (kernel/link-base). */
  linkBase: string;
  trustProxy: boolean;
  /** Mailbox that receives contact messages for programmes without their own. */
  contactInbox: string;
  mailKind: "smtp" | "outbox";
  /** The OpenID providers people sign in with (ID-porten, Feide). */
  oidc: OidcRegistry;
  /** Keys one-time codes; the same secret the signer uses. */
  secret: string;
  /** Operational log: never anything personal. */
  log: (line: string) => void;
  /** Wake the job loop after queueing work, so a receipt leaves at once. */
  onJobQueued: () => void;
  /** Uploaded files' bytes (kernel/storage). */
  files: FileStore;
};

/** The signed-in person, with their active roles and the permissions those give. */
export type CurrentUser = {
  personId: number;
  name: string;
  email: string | null;
  roles: { id: number; role: string; orgKind: string; orgId: string }[];
  permissions: string[];
  sessionCreatedAt: Date;
  /** How this session was signed in ("email", "idporten", …). */
  sessionVia: string;
};

export type AppEnv = { Variables: { deps: AppDeps; user: CurrentUser | null } };
export type AppContext = Context<AppEnv>;

export function deps(c: Context<AppEnv>): AppDeps {
  return c.get("deps");
}

/**
 * The page's language. Every localised route matches `:lang{nb|nn|en}`, so the router has
 * already refused any other value; pages without it (not found, refused by middleware) take
 * the path's first segment, else bokmål.
 */
export function langOf(c: Context): Lang {
  const fromParam = c.req.param("lang");
  if (fromParam === "nn" || fromParam === "en" || fromParam === "nb") return fromParam;
  const first = c.req.path.split("/")[1];
  return first === "nn" || first === "en" ? first : "nb";
}

/**
 * Where this request reached us (PUBLIC_URL when set), for a round trip of this same browser
 * such as the OpenID callback, whose address the provider checks against those registered.
 * Never for links in mail: those use `deps(c).linkBase`.
 */
export function requestOrigin(c: Context<AppEnv>): string {
  const configured = deps(c).publicUrl;
  if (configured) return configured.replace(/\/$/, "");
  const url = new URL(c.req.url);
  if (deps(c).trustProxy) {
    const proto = c.req.header("x-forwarded-proto");
    const host = c.req.header("x-forwarded-host");
    if (proto) url.protocol = `${proto}:`;
    if (host) url.host = host;
  }
  return url.origin;
}
