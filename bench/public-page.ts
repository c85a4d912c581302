// Benchmark 1: requests per second of the rendered IBS programme page against a bare node:http
// server answering the same bytes, side by side in one run, same load generator and settings.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { bench, type ChildServer, httpGet, type LoadResult, load, log, startChild } from "./lib";

export const IBS_PATH = "/nb/tilbud/inkluderende-barnehage-og-skolemiljo";

const CONNECTIONS = 50;
const WARMUP_SECONDS = 3;
const RUN_SECONDS = 8;
const ROUNDS = 2; // bare, app, bare, app

function rps(result: LoadResult) {
  // Only 200s count; any error or other status fails the benchmark below.
  return result["2xx"] / result.duration;
}

function describe(label: string, r: LoadResult) {
  const perResponse = r["2xx"] > 0 ? Math.round(r.throughput.total / r["2xx"]) : 0;
  log(
    `${label}: ${rps(r).toFixed(0)} req/s (${r["2xx"]} x 200 in ${r.duration}s, ` +
      `${perResponse} B/response incl. headers, latency p50 ${r.latency.p50} ms, ` +
      `p99 ${r.latency.p99} ms, load generator CPU ${r.loadGenCpuPercent.toFixed(0)}% of a core)`,
  );
}

function check(label: string, r: LoadResult) {
  if (r.errors > 0 || r.non2xx > 0 || r["2xx"] === 0) {
    throw new Error(
      `${label}: ${r.errors} errors, ${r.non2xx} non-2xx answers ` +
        `(${JSON.stringify(r.statusCodeStats)}); the figure would not be a throughput of pages`,
    );
  }
}

export async function publicPageBenchmark(app: ChildServer, workDir: string) {
  // The page exactly as a client without Accept-Encoding gets it (so: uncompressed).
  const page = await httpGet(app.origin + IBS_PATH);
  const contentType = String(page.headers["content-type"] ?? "");
  if (page.status !== 200) throw new Error(`IBS page answered ${page.status}`);
  if (page.headers["content-encoding"]) throw new Error("IBS page came back encoded");
  log(`IBS page: ${page.body.length} bytes, ${contentType}`);
  const bodyFile = join(workDir, "ibs.html");
  writeFileSync(bodyFile, page.body);

  let bare: ChildServer | undefined;
  try {
    bare = await startChild({
      name: "bare node:http",
      args: ["--import", "tsx", "bench/bare-server.ts"],
      env: { BODY_FILE: bodyFile, CONTENT_TYPE: contentType },
    });
    const same = await httpGet(bare.origin + IBS_PATH);
    if (!same.body.equals(page.body) || same.headers["content-type"] !== contentType) {
      throw new Error("the bare server does not answer the same bytes");
    }

    const targets = { app: app.origin + IBS_PATH, bare: bare.origin + IBS_PATH };
    const opts = { connections: CONNECTIONS, timeout: 10 };
    for (const [label, url] of Object.entries(targets)) {
      const warm = await load({ ...opts, url, duration: WARMUP_SECONDS });
      check(`${label} warm-up`, warm);
    }

    const runs: { app: LoadResult[]; bare: LoadResult[] } = { app: [], bare: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      for (const label of ["bare", "app"] as const) {
        const r = await load({ ...opts, url: targets[label], duration: RUN_SECONDS });
        check(label, r);
        describe(`round ${round} ${label}`, r);
        runs[label].push(r);
      }
    }

    // Best run of each side: both get the same treatment, and the best run is the one least
    // disturbed by whatever else the machine was doing.
    const bestApp = Math.max(...runs.app.map(rps));
    const bestBare = Math.max(...runs.bare.map(rps));
    const ratio = bestApp / bestBare;
    log(
      `${CONNECTIONS} connections, ${RUN_SECONDS}s per run, best of ${ROUNDS}; app and bare ` +
        "server share the 2 cores with the load generator, which runs in this process",
    );
    bench("public-page-vs-bare-node", ratio.toFixed(2), "x", ">=", "0.5");
    // The app's absolute figure has the same target as the ratio, expressed in req/s: at
    // least half of what bare node:http managed on this machine in this run.
    bench("public-page-rps", bestApp.toFixed(0), "req/s", ">=", (bestBare / 2).toFixed(0));
    // The bare server is the measuring stick, not something to improve: no target (>= 0).
    // On 2 cores the load generator (this process, one thread) can itself be the limit for the
    // bare server: its CPU share is printed per run. Near 100% means the bare figure is a
    // floor and the ratio flatters the app.
    bench("bare-node-rps", bestBare.toFixed(0), "req/s", ">=", "0");
    return { ratio, bestApp, bestBare };
  } finally {
    await bare?.stop();
  }
}
