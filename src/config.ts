import { hostname } from "node:os";
import { z } from "zod";
import { linkBase } from "./kernel/link-base";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Default by environment (see loadConfig): loopback in development, every interface in production.
  HOST: z.string().min(1).optional(),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default("./data"),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Samspill <ikke-svar@samspill.example>"),
  SECRET: z.string().min(32).optional(),
  KLASS_URL: z.string().url().optional(),
  SEED_DEMO: z.enum(["true", "false"]).optional(),
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  PAGE_CACHE_SECONDS: z.coerce.number().min(0).default(5),
  RATE_LIMIT_FORMS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  CONTACT_INBOX: z.string().email().default("postmottak@samspill.example"),
  IDPORTEN_ISSUER: z.string().url().optional(),
  IDPORTEN_CLIENT_ID: z.string().optional(),
  IDPORTEN_CLIENT_SECRET: z.string().optional(),
  FEIDE_ISSUER: z.string().url().optional(),
  FEIDE_CLIENT_ID: z.string().optional(),
  FEIDE_CLIENT_SECRET: z.string().optional(),
  FEIDE_GROUPS_URL: z.string().url().default("https://groups-api.dataporten.no/groups/me/groups"),
  LOCAL_OIDC: z.enum(["true", "false"]).optional(),
  NSR_URL: z.string().url().optional(),
  INSTANCE_ID: z.string().trim().min(1).max(200).optional(),
  NBR_URL: z.string().url().optional(),
  MAILING_RATE_PER_SECOND: z.coerce.number().min(0.1).max(10_000).default(20),
  BOUNCE_ADDRESS: z.string().email().optional(),
  // The inbound SMTP listener for delivery-status notifications to BOUNCE_ADDRESS; off when unset.
  BOUNCE_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  BOUNCE_SMTP_HOST: z.string().min(1).default("127.0.0.1"),
  // Hard bounces (5.x.x) after which an address gets no more newsletters or messages.
  BOUNCE_HARD_LIMIT: z.coerce.number().int().min(1).max(100).default(3),
  // Prometheus metrics on a port of their own; off when unset. Loopback unless told otherwise.
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default("127.0.0.1"),
  // On SIGTERM: how long requests in flight (and the job being sent) may take to finish.
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(0).max(3600).default(25),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "silent"]).default("info"),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
});

export type Config = {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string | undefined;
  /** Base URL of links in mail, from configuration only (src/kernel/link-base.ts). */
  linkBase: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  secret: string | undefined;
  klassUrl: string | undefined;
  seedDemo: boolean;
  trustProxy: boolean;
  pageCacheSeconds: number;
  formsPerMinute: number;
  contactInbox: string;
  idporten: { issuer: string; clientId: string; clientSecret: string } | undefined;
  feide: { issuer: string; clientId: string; clientSecret: string; groupsUrl: string } | undefined;
  /** Start the local OpenID providers with the demo people (development). */
  localOidc: boolean;
  /** Udir's registers (API v4), e.g. https://data-nsr.udir.no/v4 and https://data-nbr.udir.no/v4. */
  registerUrls: { nsr: string | undefined; nbr: string | undefined };
  /**
   * This instance's stable name among those sharing the database: the same after a restart,
   * unique while running. The job runner reclaims at start what an earlier boot of it claimed.
   */
  instanceId: string;
  /**
   * Newsletters and messages: mails per second at most, where bounces go, the listener that
   * takes them (none without a port) and the hard bounces after which an address is undeliverable.
   */
  mailings: {
    ratePerSecond: number;
    bounceAddress: string | undefined;
    bounceSmtp: { port: number; host: string } | undefined;
    hardBounceLimit: number;
  };
  /** Prometheus metrics' port and address (kernel/observe); no metrics server without a port. */
  metrics: { port: number; host: string } | undefined;
  shutdownTimeoutMs: number;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "silent";
  dbPoolSize: number;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (e.BOUNCE_SMTP_PORT !== undefined && !e.BOUNCE_ADDRESS) {
    throw new Error("Invalid environment: BOUNCE_SMTP_PORT requires BOUNCE_ADDRESS");
  }
  if (e.NODE_ENV === "production") {
    // Without these, production would sign with a secret any instance may regenerate, build mail
    // links from nothing trustworthy, and "send" mail to a table nobody reads.
    const missing = (["SECRET", "PUBLIC_URL", "SMTP_URL"] as const).filter((name) => !e[name]);
    if (missing.length > 0) {
      throw new Error(
        `Invalid environment: production requires ${missing.join(", ")} (see README, Configuration)`,
      );
    }
  }
  // Development answers on loopback only unless told otherwise: its outbox and demo sign-in are
  // for the person at this machine.
  const host = e.HOST ?? (e.NODE_ENV === "production" ? "0.0.0.0" : "127.0.0.1");
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    publicUrl: e.PUBLIC_URL,
    linkBase: linkBase({ env: e.NODE_ENV, publicUrl: e.PUBLIC_URL, host, port: e.PORT }),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    secret: e.SECRET,
    klassUrl: e.KLASS_URL,
    seedDemo: e.SEED_DEMO ? e.SEED_DEMO === "true" : e.NODE_ENV === "development",
    trustProxy: e.TRUST_PROXY === "true",
    pageCacheSeconds: e.PAGE_CACHE_SECONDS,
    formsPerMinute: e.RATE_LIMIT_FORMS_PER_MINUTE,
    contactInbox: e.CONTACT_INBOX,
    idporten:
      e.IDPORTEN_ISSUER && e.IDPORTEN_CLIENT_ID && e.IDPORTEN_CLIENT_SECRET
        ? {
            issuer: e.IDPORTEN_ISSUER,
            clientId: e.IDPORTEN_CLIENT_ID,
            clientSecret: e.IDPORTEN_CLIENT_SECRET,
          }
        : undefined,
    feide:
      e.FEIDE_ISSUER && e.FEIDE_CLIENT_ID && e.FEIDE_CLIENT_SECRET
        ? {
            issuer: e.FEIDE_ISSUER,
            clientId: e.FEIDE_CLIENT_ID,
            clientSecret: e.FEIDE_CLIENT_SECRET,
            groupsUrl: e.FEIDE_GROUPS_URL,
          }
        : undefined,
    localOidc: e.LOCAL_OIDC ? e.LOCAL_OIDC === "true" : e.NODE_ENV === "development",
    registerUrls: { nsr: e.NSR_URL, nbr: e.NBR_URL },
    instanceId: e.INSTANCE_ID ?? `${hostname()}:${e.PORT}`,
    mailings: {
      ratePerSecond: e.MAILING_RATE_PER_SECOND,
      bounceAddress: e.BOUNCE_ADDRESS,
      bounceSmtp:
        e.BOUNCE_SMTP_PORT === undefined
          ? undefined
          : { port: e.BOUNCE_SMTP_PORT, host: e.BOUNCE_SMTP_HOST },
      hardBounceLimit: e.BOUNCE_HARD_LIMIT,
    },
    metrics:
      e.METRICS_PORT === undefined ? undefined : { port: e.METRICS_PORT, host: e.METRICS_HOST },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    logLevel: e.LOG_LEVEL,
    dbPoolSize: e.DB_POOL_SIZE,
  };
}
