// Benchmark 2: p95 latency of a valid feedback answer (POST /nb/tilbakemelding, 303) with 50
// concurrent posters on the embedded database (PGlite), then a row count check on the data dir.
//
// The load comes from autocannon (a light client: a heavier one in the same two cores adds its
// own queueing to what it measures). Every answer's latency is recorded from autocannon's
// `response` events and the percentile computed exactly. autocannon's duration mode stops with
// up to one request per connection in flight: the server may store those without the client
// reading the answer. The row check is therefore: every post answered 303 is stored, and at
// most one per connection per run more.
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { openPglite } from "../src/db/client";
import { bench, log, percentile, startApp } from "./lib";

const CONNECTIONS = 50;
const WARMUP_SECONDS = 3;
const RUN_SECONDS = 10;
const BODY = "step=answer&page=%2Ftilbud%2Finkluderende-barnehage-og-skolemiljo&answer=yes";

type Run = { ms: number[]; statuses: Record<number, number>; errors: number; seconds: number };

function post(url: string, origin: string, seconds: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const ms: number[] = [];
    const statuses: Record<number, number> = {};
    const instance = autocannon(
      {
        url,
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
        body: BODY,
        connections: CONNECTIONS,
        duration: seconds,
        timeout: 30,
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          ms,
          statuses,
          errors: result.errors + result.timeouts,
          seconds: result.duration,
        });
      },
    );
    instance.on("response", (_client, status, _bytes, responseTime) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status === 303) ms.push(responseTime);
    });
  });
}

function summary(label: string, r: Run) {
  const answered = Object.values(r.statuses).reduce((a, b) => a + b, 0);
  log(
    `${label}: ${answered} posts answered in ${r.seconds}s (${(answered / r.seconds).toFixed(0)}/s), ` +
      `statuses ${JSON.stringify(r.statuses)}, ${r.errors} errors`,
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
  let run: Run | undefined;
  try {
    const url = `${app.origin}/nb/tilbakemelding`;
    const warm = await post(url, app.origin, WARMUP_SECONDS);
    summary("feedback warm-up", warm);
    run = await post(url, app.origin, RUN_SECONDS);
    summary("feedback run", run);
    for (const r of [warm, run]) {
      posted303 += r.statuses[303] ?? 0;
      const other = Object.entries(r.statuses).filter(([status]) => status !== "303");
      if (other.length > 0 || r.errors > 0) {
        throw new Error(
          `feedback: answers other than 303 ${JSON.stringify(other)}, ${r.errors} errors`,
        );
      }
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
  const inFlight = rows - posted303;
  const ok = inFlight >= 0 && inFlight <= 2 * CONNECTIONS;
  log(
    `row check: ${rows} rows in page_feedback, ${posted303} posts answered 303 ` +
      `(warm-up + run), ${inFlight} in flight when the load stopped: ${ok ? "OK" : "MISMATCH"}`,
  );

  const latencies = run.ms;
  const p = (q: number) => percentile(latencies, q).toFixed(1);
  log(
    `feedback latency over the run's ${latencies.length} posts (autocannon response time, ` +
      `exact nearest-rank percentiles): p50 ${p(50)} ms, p90 ${p(90)} ms, p95 ${p(95)} ms, ` +
      `p99 ${p(99)} ms, max ${Math.max(...latencies).toFixed(1)} ms`,
  );
  bench("feedback-post-p95", p(95), "ms", "<=", "20");
  if (!ok) throw new Error(`page_feedback has ${rows} rows but ${posted303} posts answered 303`);
}
