import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Db } from "../db/client";
import { migrationsFolder } from "../db/client";

/**
 * What an operator sees of a running instance (docs/operations.md, decision 0038): one JSON log
 * line per request, Prometheus metrics on a port of their own, and the health answers. Nothing
 * personal goes into either: a request is logged by its route pattern (`/nb/samlinger/:id`),
 * never its path or query, and never a header or body.
 */

/** A request id from the proxy is taken when it is short and plain; otherwise a new one. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(incoming: string | null | undefined, trustProxy: boolean): string {
  if (trustProxy && incoming && SANE_REQUEST_ID.test(incoming)) return incoming;
  return randomUUID();
}

export type Metrics = {
  registry: Registry;
  requests: Histogram<"method" | "route" | "status">;
  mails: Counter<"outcome">;
};

export type MetricsSources = {
  db: Db;
  /** The PostgreSQL pool's connections (none on PGlite). */
  pool?: () => { total: number; idle: number; waiting: number; max: number };
};

/** A registry of its own per app (tests make many apps in one process). */
export function createMetrics(sources: MetricsSources): Metrics {
  const registry = new Registry();
  const requests = new Histogram({
    name: "samspill_http_request_duration_seconds",
    help: "HTTP requests by method, route pattern and status: the count is the rate, the buckets the latency",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const mails = new Counter({
    name: "samspill_mails_total",
    help: "Mails handed to the SMTP server (sent) or refused by it or unreachable (failed), per attempt",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  mails.inc({ outcome: "sent" }, 0);
  mails.inc({ outcome: "failed" }, 0);

  // The queue is read from the database when scraped: it is shared by every instance, so each
  // reports the same figure (take max, not sum, across instances).
  const queue = async () => {
    const result = await sources.db.execute(sql`
      select count(*)::int as due,
        coalesce(extract(epoch from (now() - min(run_at))), 0)::float8 as oldest
      from jobs
      where done_at is null and failed_at is null and run_at <= now()`);
    const row = (result as unknown as { rows: { due: number; oldest: number }[] }).rows[0];
    return { due: Number(row?.due ?? 0), oldest: Number(row?.oldest ?? 0) };
  };
  let pending: Promise<{ due: number; oldest: number }> | undefined;
  const once = () => {
    pending ??= queue().finally(() => {
      pending = undefined;
    });
    return pending;
  };
  new Gauge({
    name: "samspill_jobs_due",
    help: "Jobs due and not yet done or failed (the shared queue's depth)",
    registers: [registry],
    async collect() {
      this.set((await once()).due);
    },
  });
  new Gauge({
    name: "samspill_jobs_oldest_due_seconds",
    help: "Age of the oldest due job, from its run_at (0 when none waits)",
    registers: [registry],
    async collect() {
      this.set((await once()).oldest);
    },
  });
  if (sources.pool) {
    const pool = sources.pool;
    new Gauge({
      name: "samspill_db_pool_connections",
      help: "PostgreSQL pool connections of this instance by state (in use, idle, max) and clients waiting for one",
      labelNames: ["state"] as const,
      registers: [registry],
      collect() {
        const p = pool();
        this.set({ state: "in_use" }, p.total - p.idle);
        this.set({ state: "idle" }, p.idle);
        this.set({ state: "waiting" }, p.waiting);
        this.set({ state: "max" }, p.max);
      },
    });
  }
  return { registry, requests, mails };
}

/** Serve `/metrics` (and nothing else) on its own port, by default on loopback only. */
export async function serveMetrics(
  metrics: Metrics,
  port: number,
  host: string,
): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    if (req.method !== "GET" || req.url !== "/metrics") {
      res.writeHead(404).end();
      return;
    }
    metrics.registry
      .metrics()
      .then((text) => {
        res.writeHead(200, { "Content-Type": metrics.registry.contentType }).end(text);
      })
      .catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return { server, port: typeof address === "object" && address ? address.port : port };
}

type Fetch = (request: Request, env?: unknown, ctx?: never) => Response | Promise<Response>;

/**
 * Wrap the app's fetch: give every request an id (sent back as `X-Request-Id`), then log one
 * line and observe one sample when the answer is ready. `route` is what the router matched,
 * recorded per request by the app (`routeOf`).
 */
export function observeRequests(
  fetch: Fetch,
  options: {
    logger?: Logger | undefined;
    metrics?: Metrics | undefined;
    trustProxy: boolean;
    routeOf: WeakMap<Request, string>;
  },
): Fetch {
  const { logger, metrics, trustProxy, routeOf } = options;
  return async (request, env, ctx) => {
    const started = performance.now();
    const id = requestIdFrom(request.headers.get("x-request-id"), trustProxy);
    let response: Response;
    try {
      response = await fetch(request, env, ctx);
    } catch (error) {
      logger?.error({ reqId: id, method: request.method, err: errorName(error) }, "request threw");
      throw error;
    }
    const ms = performance.now() - started;
    const route = routeOf.get(request) ?? "(cached page)";
    try {
      response.headers.set("X-Request-Id", id);
    } catch {
      // An immutable response (none of ours today): copy it to add the header.
      response = new Response(response.body, response);
      response.headers.set("X-Request-Id", id);
    }
    const status = response.status;
    metrics?.requests.observe({ method: request.method, route, status: String(status) }, ms / 1000);
    logger?.info(
      { reqId: id, method: request.method, route, status, ms: Math.round(ms * 10) / 10 },
      "request",
    );
    return response;
  };
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : "unknown";
}

/** The last migration this code knows, by drizzle's journal (its `when`). */
let lastMigration: number | undefined;
function lastKnownMigration(): number {
  if (lastMigration === undefined) {
    const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, "utf8")) as {
      entries: { when: number }[];
    };
    lastMigration = Math.max(...journal.entries.map((e) => e.when));
  }
  return lastMigration;
}

export type Readiness = {
  /** False once a stop has begun: the proxy then sends new requests elsewhere. */
  accepting: () => boolean;
  /** Whether the job worker runs (undefined: this app has none, e.g. in tests). */
  worker?: () => boolean;
};

/**
 * Ready: accepting, the database answers, its migrations include this code's last one (a newer
 * database is fine: an instance of the previous version keeps serving during a rollout), and
 * the job worker runs. The answer names only which check failed.
 */
export async function readiness(
  db: Db,
  r: Readiness,
): Promise<{ ready: true } | { ready: false; failed: string }> {
  if (!r.accepting()) return { ready: false, failed: "stopping" };
  if (r.worker && !r.worker()) return { ready: false, failed: "worker" };
  let applied: number;
  try {
    const result = await db.execute(
      sql`select coalesce(max(created_at), 0)::float8 as last from drizzle.__drizzle_migrations`,
    );
    applied = Number((result as unknown as { rows: { last: number }[] }).rows[0]?.last ?? 0);
  } catch {
    return { ready: false, failed: "database" };
  }
  if (applied < lastKnownMigration()) return { ready: false, failed: "migrations" };
  return { ready: true };
}

/** Count each attempt to send a mail, by outcome. */
export function countMails<M extends { send(mail: never): Promise<void> }>(
  mailer: M,
  metrics: Metrics,
): M {
  return {
    ...mailer,
    async send(mail: never) {
      try {
        await mailer.send(mail);
        metrics.mails.inc({ outcome: "sent" });
      } catch (error) {
        metrics.mails.inc({ outcome: "failed" });
        throw error;
      }
    },
  };
}
