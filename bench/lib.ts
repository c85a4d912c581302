// Shared pieces of the benchmarks: child servers on loopback, health waits, temp dirs, load runs.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import autocannon from "autocannon";
import pg from "pg";
import { type Database, openPostgres, wrapPglite } from "../src/db/client";

export const root = fileURLToPath(new URL("..", import.meta.url));
/** The project's pinned Node (the `node` dev dependency), never whatever is on PATH. */
export const pinnedNode = join(root, "node_modules/.bin/node");
export const HOST = "127.0.0.1";

export function log(line: string) {
  console.log(`# ${line}`);
}

/** One figure, in the one format the issue asks for. */
export function bench(
  name: string,
  value: string,
  unit: string,
  op: ">=" | "<=" | "==",
  target: string,
  /** Printed after the target, in parentheses (e.g. how many tests a time covers). */
  note?: string,
) {
  console.log(`BENCH ${name} ${value} ${unit} target ${op} ${target}${note ? ` (${note})` : ""}`);
}

// Everything started here is cleaned up on the way out, whatever the way out is.
const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `samspill-bench-${prefix}-`));
  tempDirs.add(dir);
  return dir;
}

export function removeTempDirs() {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

function killAllNow() {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
}
process.on("exit", () => {
  killAllNow();
  removeTempDirs();
});
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const) {
  process.on(signal, () => {
    killAllNow();
    process.exit(code);
  });
}

/** A free loopback port: bind port 0, read it back, release it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on("error", reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export type ChildServer = {
  name: string;
  port: number;
  origin: string;
  /** Recent output of the child, for error messages. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. Resolves once it is gone. */
  stop(graceMs?: number): Promise<void>;
};

export async function startChild(opts: {
  name: string;
  args: string[];
  /** Added to this process's environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  healthPath?: string;
  timeoutMs?: number;
}): Promise<ChildServer> {
  const port = await freePort();
  const origin = `http://${HOST}:${port}`;
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, ...opts.env })) {
    if (value !== undefined) env[key] = value;
  }
  const child = spawn(pinnedNode, opts.args, {
    cwd: root,
    env: { ...env, PORT: String(port), HOST },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let tail = "";
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-8000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => {
      children.delete(child);
      resolve();
    });
  });

  const server: ChildServer = {
    name: opts.name,
    port,
    origin,
    output: () => tail,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };

  try {
    await waitForHealth(origin + (opts.healthPath ?? "/healthz"), opts.timeoutMs ?? 60_000, () =>
      child.exitCode !== null ? `exited with ${child.exitCode}` : null,
    );
  } catch (error) {
    await server.stop(2_000);
    throw new Error(`${opts.name} did not start: ${(error as Error).message}\n${tail}`);
  }
  return server;
}

export async function waitForHealth(
  url: string,
  timeoutMs: number,
  failed: () => string | null = () => null,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reason = failed();
    if (reason) throw new Error(reason);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no 200 from ${url} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The app itself, on a fresh data dir, in production mode with the demo data. */
export function startApp(opts: {
  name: string;
  dataDir: string;
  env?: Record<string, string | undefined>;
}): Promise<ChildServer> {
  return startChild({
    name: opts.name,
    args: ["scripts/start.mjs"],
    env: {
      NODE_ENV: "production",
      // Production refuses to start without these. Plain http (no TLS headers), a fixed secret,
      // and an SMTP port nothing listens on: the benchmarks send no mail.
      SECRET: "bench-secret-bench-secret-bench-secret",
      PUBLIC_URL: "http://127.0.0.1",
      SMTP_URL: `smtp://${HOST}:9`,
      SEED_DEMO: "true",
      DATA_DIR: opts.dataDir,
      // Always the embedded database (PGlite), whatever the caller's environment says.
      DATABASE_URL: undefined,
      ...opts.env,
    },
  });
}

export type LoadResult = autocannon.Result & {
  /** CPU the bench process (the load generator) used during the run, in % of one core. */
  loadGenCpuPercent: number;
};

/** One autocannon run from this process. */
export async function load(opts: autocannon.Options): Promise<LoadResult> {
  const cpuBefore = process.cpuUsage();
  const t0 = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(opts, (error, res) => (error ? reject(error) : resolve(res)));
  });
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpuBefore);
  return { ...result, loadGenCpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100 };
}

export type ClosedLoopResult = {
  /** One per completed request: worker, status, latency in ms, completion time. */
  samples: { worker: number; status: number; ms: number; at: number }[];
  errors: string[];
  startedAt: number;
  /** When the last request finished (after the deadline: requests in flight are awaited). */
  endedAt: number;
};

/**
 * `connections` workers, each on its own keep-alive connection, each sending the next request
 * as soon as its previous answer is read, until `seconds` have passed; a request in flight at
 * the deadline is awaited, never cut off. So the concurrency stays at `connections` for the
 * whole window (autocannon's `amount` gives each connection a fixed quota instead, and fast
 * connections then stop early), and every request sent is answered and counted (autocannon's
 * `duration` drops the requests in flight when it stops, though the server may act on them).
 * Latency: performance.now() from just before the request is written until its body is read.
 */
export async function closedLoop(opts: {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  connections: number;
  seconds: number;
  timeoutMs: number;
}): Promise<ClosedLoopResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: opts.connections });
  const body = Buffer.from(opts.body);
  const headers = { ...opts.headers, "Content-Length": String(body.length) };
  const samples: ClosedLoopResult["samples"] = [];
  const errors: string[] = [];
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const req = request(opts.url, { method: opts.method, headers, agent }, (res) => {
        res.on("data", () => {});
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.setTimeout(opts.timeoutMs, () => req.destroy(new Error("timeout")));
      req.end(body);
    });
  const startedAt = performance.now();
  const deadline = startedAt + opts.seconds * 1000;
  try {
    await Promise.all(
      Array.from({ length: opts.connections }, async (_, worker) => {
        while (performance.now() < deadline) {
          const t0 = performance.now();
          try {
            const status = await once();
            const at = performance.now();
            samples.push({ worker, status, ms: at - t0, at });
          } catch (error) {
            errors.push((error as Error).message);
          }
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  return { samples, errors, startedAt, endedAt: performance.now() };
}

/** Exact percentile (nearest-rank) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** A plain node:http GET: no Accept-Encoding and no other header a client library might add. */
export function httpGet(
  url: string,
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "GET", agent: false, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout: ${url}`)));
    req.end();
  });
}

/**
 * Where one run of a database benchmark happens: a label for the log, a suffix for BENCH names,
 * and the database itself for the benchmarks that need more than queries (backup and restore):
 * PGlite's client, or PostgreSQL's connection URL.
 */
export type BenchDatabase = {
  label: string;
  suffix: "" | "-postgres";
  pglite?: PGlite;
  url?: string;
};

/** BENCH_DATABASE_URL or TEST_DATABASE_URL: the PostgreSQL server the benchmarks may use. */
export function benchPostgresUrl(): string | undefined {
  return process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
}

/** A fresh, empty database of its own on the PostgreSQL server at `adminUrl`. */
export async function scratchPostgres(
  adminUrl: string,
  prefix = "samspill_bench",
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Math.random().toString(16).slice(2, 8)}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const target = new URL(adminUrl);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`),
  };
}

/**
 * Runs `measure` on a fresh PGlite (in memory, or on `pgliteDir`), then, when BENCH_DATABASE_URL
 * or TEST_DATABASE_URL is set, on a database of its own on that PostgreSQL server, dropped
 * afterwards. Each benchmark that reports both databases side by side goes through here.
 */
export async function onBothDatabases(
  name: string,
  measure: (database: Database, where: BenchDatabase) => Promise<void>,
  opts: { pgliteDir?: string; poolSize?: number; pgliteLabel?: string } = {},
): Promise<void> {
  if (opts.pgliteDir) mkdirSync(opts.pgliteDir, { recursive: true });
  const client = await PGlite.create(opts.pgliteDir ? { dataDir: opts.pgliteDir } : {});
  const pglite = wrapPglite(client);
  try {
    await measure(pglite, {
      label: opts.pgliteLabel ?? "PGlite, in this process",
      suffix: "",
      pglite: client,
    });
  } finally {
    await pglite.close();
  }
  const url = benchPostgresUrl();
  if (!url) {
    log(`${name}: no BENCH_DATABASE_URL or TEST_DATABASE_URL, PostgreSQL skipped`);
    return;
  }
  const scratch = await scratchPostgres(url);
  const poolSize = opts.poolSize ?? 5;
  const postgres = await openPostgres(scratch.url, poolSize);
  try {
    await measure(postgres, {
      label: `PostgreSQL, pool of ${poolSize}`,
      suffix: "-postgres",
      url: scratch.url,
    });
  } finally {
    await postgres.close();
    await scratch.drop();
  }
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
