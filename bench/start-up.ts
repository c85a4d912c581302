// Start-up: `npm start` as a newcomer runs it (development, embedded database, demo data),
// timed from spawn until the front page answers 200. Cold: a fresh, empty data directory on a
// fresh clone after `npm ci` (`npm ci && npm start`): everything built removed, then `npm ci`'s
// prepare step (assets, server, the embedded database's image; decision 0051) run and timed
// apart, as the install does it. Warm: the same command again on the data the cold start
// left (SIGTERM in between), nothing to build. The median of RUNS pairs is printed; every run
// is logged with the server's own account of its phases.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { bench, freePort, HOST, log, root, tempDir } from "./lib";

const RUNS = 3;
const TIMEOUT_MS = 180_000;

type Started = { seconds: number; stop(): Promise<void>; output(): string };

/** `npm start` in its own process group, so SIGTERM reaches npm, the shell and the server. */
async function npmStart(dataDir: string): Promise<Started> {
  const port = await freePort();
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined) env[key] = value;
  }
  // What a newcomer's shell has: no database URL, no mode, no port of a test run.
  for (const key of ["DATABASE_URL", "TEST_DATABASE_URL", "NODE_ENV", "SEED_DEMO", "LOCAL_OIDC"]) {
    delete env[key];
  }
  const t0 = performance.now();
  const child: ChildProcess = spawn("npm", ["start"], {
    cwd: root,
    env: { ...env, PORT: String(port), HOST, DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let tail = "";
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-8000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const group = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const stop = async () => {
    group("SIGTERM");
    const timer = setTimeout(() => group("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
    // npm may exit before the server has closed its database: wait until the group is empty.
    for (let i = 0; i < 150; i++) {
      try {
        if (child.pid) process.kill(-child.pid, 0);
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    group("SIGKILL");
  };
  process.once("exit", () => group("SIGKILL"));

  const url = `http://${HOST}:${port}/`;
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`npm start exited with ${child.exitCode}\n${tail}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`no 200 from ${url} within ${TIMEOUT_MS} ms\n${tail}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { seconds: (performance.now() - t0) / 1000, stop, output: () => tail };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** What a line says: the `msg` of a JSON log line (the server's pino log), else the line. */
function messageOf(line: string): string {
  if (!line.startsWith("{")) return line;
  try {
    const msg = (JSON.parse(line) as { msg?: unknown }).msg;
    return typeof msg === "string" ? msg : line;
  } catch {
    return line;
  }
}

/** The server's own account of its start ("started in … s (…)"), if it printed one. */
const phases = (output: string) => {
  const messages = output.split("\n").map(messageOf);
  return [
    messages.find((m) => /\bbuilt .* in /.test(m))?.match(/built .* in .*/)?.[0],
    messages.find((m) => m.startsWith("started in ")) ?? "no phase line",
  ]
    .filter(Boolean)
    .join("; ");
};

export async function startUpBenchmark() {
  const cold: number[] = [];
  const warm: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const dataDir = tempDir("start");
    // A fresh clone after `npm ci`: nothing built, then what `npm ci` does after installing
    // (the `prepare` script: assets, server, the database's image), timed apart.
    for (const made of [
      "dist/.server-inputs.json",
      "public/.build-inputs.json",
      "dist/.db-image-inputs.json",
      "dist/empty-db",
    ]) {
      rmSync(join(root, made), { recursive: true, force: true });
    }
    const t0 = performance.now();
    execFileSync(process.execPath, ["scripts/prepare.mjs"], { cwd: root, stdio: "ignore" });
    log(`run ${run} npm ci's prepare step: ${((performance.now() - t0) / 1000).toFixed(2)} s`);
    const first = await npmStart(dataDir);
    await first.stop();
    log(`run ${run} cold: ${first.seconds.toFixed(2)} s; ${phases(first.output())}`);
    const second = await npmStart(dataDir);
    await second.stop();
    log(`run ${run} warm: ${second.seconds.toFixed(2)} s; ${phases(second.output())}`);
    cold.push(first.seconds);
    warm.push(second.seconds);
  }
  log(
    `median of ${RUNS} runs, \`npm start\` until GET / answers 200 (development, demo data; cold: a new data directory after npm ci, whose prepare step is timed apart)`,
  );
  bench("cold-start-seconds", median(cold).toFixed(2), "s", "<=", "6");
  bench("warm-start-seconds", median(warm).toFixed(2), "s", "<=", "2");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await startUpBenchmark();
  } finally {
    const { removeTempDirs } = await import("./lib");
    removeTempDirs();
  }
  process.exit(0);
}
