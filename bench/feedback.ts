// Benchmark 2: p95 latency of a valid feedback answer (POST /nb/tilbakemelding, 303) with 50
// concurrent posters on the embedded database (PGlite), then a row count check on the data dir.
//
// The load comes from closedLoop() in lib.ts, not autocannon: the row check needs every post
// the server may have stored to be answered and counted, which autocannon's `duration` mode
// does not give (it drops what is in flight when it stops), and its `amount` mode gives each
// connection a fixed quota, so the concurrency falls below 50 as connections finish early.
import { sql } from "drizzle-orm";
import { openPglite } from "../src/db/client";
import { bench, type ClosedLoopResult, closedLoop, log, percentile, startApp } from "./lib";

const CONNECTIONS = 50;
const WARMUP_SECONDS = 3;
const RUN_SECONDS = 10;
const BODY = "step=answer&page=%2Ftilbud%2Finkluderende-barnehage-og-skolemiljo&answer=yes";

function count303(r: ClosedLoopResult) {
  return r.samples.filter((s) => s.status === 303).length;
}

function summary(label: string, r: ClosedLoopResult) {
  const seconds = (r.endedAt - r.startedAt) / 1000;
  const perWorker = Array.from(
    { length: CONNECTIONS },
    (_, w) => r.samples.filter((s) => s.worker === w).length,
  );
  const statuses: Record<number, number> = {};
  for (const s of r.samples) statuses[s.status] = (statuses[s.status] ?? 0) + 1;
  log(
    `${label}: ${r.samples.length} posts in ${seconds.toFixed(1)}s ` +
      `(${(r.samples.length / seconds).toFixed(0)}/s), statuses ${JSON.stringify(statuses)}, ` +
      `${r.errors.length} errors; posts per connection min ${Math.min(...perWorker)} ` +
      `max ${Math.max(...perWorker)}`,
  );
}

export async function feedbackBenchmark(dataDir: string) {
  const app = await startApp({
    name: "app (feedback)",
    dataDir,
    env: {
      // All posts come from 127.0.0.1, so one client: the limiter still runs on every post
      // (keyed hash, counter), it just never says no during the run.
      RATE_LIMIT_FORMS_PER_MINUTE: "100000000",
    },
  });
  let posted303 = 0;
  let run: ClosedLoopResult | undefined;
  try {
    const opts = {
      url: `${app.origin}/nb/tilbakemelding`,
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: app.origin,
      },
      body: BODY,
      connections: CONNECTIONS,
      // Generous: a post that times out may still be stored, which the row check would then
      // report as a mismatch; a slow post should be measured, not dropped.
      timeoutMs: 30_000,
    };
    const warm = await closedLoop({ ...opts, seconds: WARMUP_SECONDS });
    posted303 += count303(warm);
    summary("feedback warm-up", warm);
    run = await closedLoop({ ...opts, seconds: RUN_SECONDS });
    posted303 += count303(run);
    summary("feedback run", run);
    const broken = [warm, run].flatMap((r) =>
      r.errors.concat(r.samples.filter((s) => s.status !== 303).map((s) => `status ${s.status}`)),
    );
    if (broken.length > 0) {
      throw new Error(`feedback: ${broken.length} posts not answered 303: ${broken.slice(0, 5)}`);
    }
  } finally {
    // SIGTERM: the server closes PGlite cleanly, so the data dir can be opened again below.
    await app.stop(30_000);
  }

  const db = await openPglite(dataDir);
  let rows: number;
  try {
    const result = await db.db.execute(sql`select count(*)::int as n from page_feedback`);
    rows = Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n);
  } finally {
    await db.close();
  }
  const ok = rows === posted303;
  log(
    `row check: ${rows} rows in page_feedback, ${posted303} posts answered 303 ` +
      `(warm-up + run): ${ok ? "OK" : "MISMATCH"}`,
  );

  const latencies = run.samples.map((s) => s.ms);
  const p = (q: number) => percentile(latencies, q).toFixed(1);
  log(
    `feedback latency over the run's ${latencies.length} posts (request written → answer read, ` +
      `exact nearest-rank percentiles): p50 ${p(50)} ms, p90 ${p(90)} ms, p95 ${p(95)} ms, ` +
      `p99 ${p(99)} ms, max ${Math.max(...latencies).toFixed(1)} ms`,
  );
  bench("feedback-post-p95", p(95), "ms", "<=", "20");
  if (!ok) throw new Error(`page_feedback has ${rows} rows but ${posted303} posts answered 303`);
}
