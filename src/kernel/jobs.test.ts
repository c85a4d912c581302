import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, freshDatabase } from "../../tests/support/db";
import type { Database } from "../db/client";
import { fixedClock } from "./clock";
import {
  backoffMs,
  clearOldPayloads,
  createJobRunner,
  enqueue,
  PAYLOAD_RETENTION_MS,
} from "./jobs";
import { jobs } from "./schema";

describe.each(databaseKinds)("jobs on %s", (kind) => {
  let database: Database;
  const clock = fixedClock(new Date("2026-11-23T10:00:00Z"));
  beforeAll(async () => {
    database = await freshDatabase(kind);
  });
  afterAll(() => database.close());

  it("runs a queued job once, and a repeated idempotency key queues nothing", async () => {
    const seen: unknown[] = [];
    const runner = createJobRunner(database.db, { hello: async (p) => void seen.push(p) }, clock);
    await enqueue(database.db, {
      kind: "hello",
      payload: { n: 1 },
      idempotencyKey: "hello-1",
      runAt: clock.now(),
    });
    await enqueue(database.db, {
      kind: "hello",
      payload: { n: 2 },
      idempotencyKey: "hello-1",
      runAt: clock.now(),
    });
    expect(await runner.runDue()).toBe(1);
    expect(await runner.runDue()).toBe(0);
    expect(seen).toEqual([{ n: 1 }]);
  });

  it("retries a failing job with growing backoff and gives up after its attempts", async () => {
    let calls = 0;
    const runner = createJobRunner(
      database.db,
      {
        flaky: async () => {
          calls++;
          throw new Error("smtp down for ola@eksempel.no");
        },
      },
      clock,
    );
    await enqueue(database.db, {
      kind: "flaky",
      payload: {},
      idempotencyKey: "flaky",
      runAt: clock.now(),
      maxAttempts: 3,
    });
    expect(await runner.runDue()).toBe(1);
    expect(await runner.runDue()).toBe(0); // not due before its backoff
    const [afterOne] = await database.db
      .select()
      .from(jobs)
      .where(eq(jobs.idempotencyKey, "flaky"));
    expect(afterOne?.runAt.getTime()).toBe(clock.now().getTime() + backoffMs(1));
    expect(afterOne?.lastError).toBe("smtp down for [e-post]");
    clock.advance(backoffMs(1));
    expect(await runner.runDue()).toBe(1);
    clock.advance(backoffMs(2));
    expect(await runner.runDue()).toBe(1);
    clock.advance(backoffMs(3));
    expect(await runner.runDue()).toBe(0);
    const [failed] = await database.db.select().from(jobs).where(eq(jobs.idempotencyKey, "flaky"));
    expect(calls).toBe(3);
    expect(failed?.failedAt).not.toBeNull();
  });

  it("picks up a job whose worker died (lease expired), as after a restart", async () => {
    let runs = 0;
    const handlers = { slow: async () => void runs++ };
    await enqueue(database.db, {
      kind: "slow",
      payload: {},
      idempotencyKey: "slow",
      runAt: clock.now(),
    });
    // A worker claims it and dies: simulate by claiming without finishing.
    await database.db
      .update(jobs)
      .set({ lockedUntil: new Date(clock.now().getTime() + 300_000), attempts: 1 })
      .where(eq(jobs.idempotencyKey, "slow"));
    const restarted = createJobRunner(database.db, handlers, clock);
    expect(await restarted.runDue()).toBe(0);
    clock.advance(300_001);
    expect(await restarted.runDue()).toBe(1);
    expect(runs).toBe(1);
  });

  it("never gives one job to two workers at once", async () => {
    const ran: number[] = [];
    const handler = async (p: unknown) => {
      ran.push((p as { i: number }).i);
      await new Promise((r) => setTimeout(r, 5));
    };
    for (let i = 0; i < 30; i++) {
      await enqueue(database.db, {
        kind: "count",
        payload: { i },
        idempotencyKey: `count-${i}`,
        runAt: clock.now(),
      });
    }
    const a = createJobRunner(database.db, { count: handler }, clock);
    const b = createJobRunner(database.db, { count: handler }, clock);
    const [na, nb] = await Promise.all([a.runDue(), b.runDue()]);
    expect(na + nb).toBe(30);
    expect(new Set(ran).size).toBe(30);
    expect(ran).toHaveLength(30);
  });

  it("clears the payload of finished jobs after the retention period", async () => {
    const runner = createJobRunner(database.db, { mailish: async () => {} }, clock);
    await enqueue(database.db, {
      kind: "mailish",
      payload: { to: "ola@eksempel.no" },
      idempotencyKey: "mailish",
      runAt: clock.now(),
    });
    await runner.runDue();
    expect(await clearOldPayloads(database.db, clock.now())).toBe(0);
    clock.advance(PAYLOAD_RETENTION_MS + 1000);
    expect(await clearOldPayloads(database.db, clock.now())).toBeGreaterThanOrEqual(1);
    const [row] = await database.db.select().from(jobs).where(eq(jobs.idempotencyKey, "mailish"));
    expect(row?.payload).toEqual({});
  });
});
