import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../tests/support/app";
import { databaseKinds } from "../../tests/support/db";
import { capturedLogger } from "../../tests/support/log";
import { enqueue } from "./jobs";
import { smtpMailer } from "./mailer";
import { countMails, createMetrics, type Metrics, requestIdFrom, serveMetrics } from "./observe";

describe.each(databaseKinds)("health, request log and metrics (%s)", (kind) => {
  let t: TestApp;
  let metrics: Metrics;
  const log = capturedLogger();
  let accepting = true;
  let worker = true;
  beforeAll(async () => {
    // The metrics read the app's database, so the app is made first and its metrics after.
    t = await testApp(kind, {
      logger: log.logger,
      readiness: { accepting: () => accepting, worker: () => worker },
      trustProxy: true,
    });
    metrics = createMetrics({
      db: t.db,
      ...(t.database.pool ? { pool: t.database.pool } : {}),
    });
  });
  afterAll(() => t?.close());

  it("answers /healthz and /readyz cheaply, unauthenticated, saying nothing else", async () => {
    const health = await t.app.request("/healthz");
    expect(health.status).toBe(200);
    expect(await health.text()).toBe("ok");
    expect(health.headers.get("set-cookie")).toBeNull();
    expect(health.headers.get("cache-control")).toBe("no-store");
    const ready = await t.app.request("/readyz");
    expect(ready.status).toBe(200);
    expect(await ready.text()).toBe("ready");
    expect(ready.headers.get("set-cookie")).toBeNull();
  });

  it("is not ready while stopping or without its job worker, and says only which", async () => {
    worker = false;
    const noWorker = await t.app.request("/readyz");
    expect(noWorker.status).toBe(503);
    expect(await noWorker.text()).toBe("not ready: worker");
    worker = true;
    accepting = false;
    const stopping = await t.app.request("/readyz");
    expect(stopping.status).toBe(503);
    expect(await stopping.text()).toBe("not ready: stopping");
    accepting = true;
    // The process still lives.
    expect((await t.app.request("/healthz")).status).toBe(200);
  });

  it("is not ready when the database lacks this code's last migration", async () => {
    await t.db.execute(
      "update drizzle.__drizzle_migrations set created_at = created_at - 1 where created_at = (select max(created_at) from drizzle.__drizzle_migrations)" as never,
    );
    const res = await t.app.request("/readyz");
    expect(res.status).toBe(503);
    expect(await res.text()).toBe("not ready: migrations");
    await t.db.execute(
      "update drizzle.__drizzle_migrations set created_at = created_at + 1 where created_at = (select max(created_at) from drizzle.__drizzle_migrations)" as never,
    );
    expect((await t.app.request("/readyz")).status).toBe(200);
  });

  it("logs one JSON line per request: id, method, route pattern, status, duration; the id in X-Request-Id", async () => {
    log.lines.length = 0;
    const res = await t.app.request("/nb/programmer/finnes-ikke?token=hemmelig");
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const line = log.lines.find((l) => l.reqId === id);
    expect(line).toMatchObject({ msg: "request", method: "GET", status: 404 });
    expect(typeof line?.ms).toBe("number");
    expect(typeof line?.route).toBe("string");
    expect(log.raw.join("\n")).not.toContain("hemmelig");
    expect(log.raw.join("\n")).not.toContain("finnes-ikke");

    const page = await t.app.request("/healthz");
    const pageLine = log.lines.find((l) => l.reqId === page.headers.get("x-request-id"));
    expect(pageLine).toMatchObject({ route: "/healthz", status: 200 });
  });

  it("takes a sane request id from the proxy, and refuses one with control characters or odd signs", async () => {
    const given = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    const res = await t.app.request("/healthz", { headers: { "X-Request-Id": given } });
    expect(res.headers.get("x-request-id")).toBe(given);
    for (const bad of [
      "a\u0001b",
      "kari@lesere.demo.samspill.example",
      "x".repeat(200),
      "a b",
      "<script>",
    ]) {
      const id = requestIdFrom(bad, true);
      expect(id).not.toBe(bad);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(requestIdFrom(given, false)).not.toBe(given);
    const spaced = await t.app.request("/healthz", { headers: { "X-Request-Id": "a b" } });
    expect(spaced.headers.get("x-request-id")).not.toBe("a b");
  });

  it("serves Prometheus metrics on a port of its own: requests by route, the job queue, mails, the pool", async () => {
    // The metrics read the queue of the first app's database; a second app reports its requests.
    const withMetrics = await testApp(kind, { metrics });
    try {
      await withMetrics.app.request("/healthz");
      await withMetrics.app.request("/healthz");
      await withMetrics.app.request("/nb/kontakt");
      await enqueue(t.db, {
        kind: "mail",
        payload: { to: "x@example.test", subject: "s", text: "t" },
        runAt: new Date(Date.now() - 90_000),
      });
      const sent = countMails(smtpMailer(withMetrics.smtp.url, "a@samspill.test"), metrics);
      await sent.send({ to: "y@example.test", subject: "s", text: "t" });
      const refused = countMails(smtpMailer("smtp://127.0.0.1:1", "a@samspill.test"), metrics);
      await expect(
        refused.send({ to: "y@example.test", subject: "s", text: "t" }),
      ).rejects.toThrow();

      const scraped = await serveMetrics(metrics, 0, "127.0.0.1");
      try {
        const res = await fetch(`http://127.0.0.1:${scraped.port}/metrics`);
        expect(res.status).toBe(200);
        const text = await res.text();
        expect(text).toMatch(
          /samspill_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} 2/,
        );
        expect(text).toMatch(
          /samspill_http_request_duration_seconds_bucket\{le="0.1",method="GET"/,
        );
        expect(text).toMatch(/samspill_jobs_due [1-9]/);
        const oldest = Number(text.match(/samspill_jobs_oldest_due_seconds ([\d.]+)/)?.[1]);
        expect(oldest).toBeGreaterThan(60);
        expect(text).toContain('samspill_mails_total{outcome="sent"} 1');
        expect(text).toContain('samspill_mails_total{outcome="failed"} 1');
        if (kind === "postgres")
          expect(text).toMatch(/samspill_db_pool_connections\{state="max"\} \d+/);
        // Only /metrics, only GET.
        expect((await fetch(`http://127.0.0.1:${scraped.port}/`)).status).toBe(404);
      } finally {
        scraped.server.close();
      }
    } finally {
      await withMetrics.close();
    }
  }, 120_000);
});
