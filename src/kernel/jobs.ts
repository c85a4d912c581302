import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import type { Clock } from "./clock";
import { jobs } from "./schema";

export type JobHandler = (payload: unknown) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

type Executor = Pick<Db, "insert">;

/**
 * Queue work in the caller's transaction, so it exists exactly when the change that needs it
 * does. A repeated idempotency key queues nothing.
 */
export async function enqueue(
  tx: Executor,
  job: {
    kind: string;
    payload: unknown;
    idempotencyKey?: string;
    runAt?: Date;
    maxAttempts?: number;
  },
): Promise<void> {
  await tx
    .insert(jobs)
    .values({
      kind: job.kind,
      payload: job.payload,
      idempotencyKey: job.idempotencyKey ?? null,
      ...(job.runAt ? { runAt: job.runAt } : {}),
      ...(job.maxAttempts ? { maxAttempts: job.maxAttempts } : {}),
    })
    .onConflictDoNothing();
}

/** 30 s, 1 min, 2 min, … capped at one hour. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

const LEASE_MS = 5 * 60_000;
/** Finished jobs keep their payload (a mail holds an address) this long, then it is cleared. */
export const PAYLOAD_RETENTION_MS = 30 * 86_400_000;

export async function clearOldPayloads(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - PAYLOAD_RETENTION_MS).toISOString();
  const result = await db.execute(sql`
    update jobs set payload = '{}'::jsonb
    where payload <> '{}'::jsonb
      and coalesce(done_at, failed_at) < ${before}::timestamptz
    returning id`);
  return (result as unknown as { rows: unknown[] }).rows.length;
}

type Claimed = {
  id: number;
  kind: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
};

export type JobRunner = {
  /** Claim and run due jobs until none are left or `limit` have run; returns how many ran. */
  runDue(limit?: number): Promise<number>;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
  /** Ask the loop to look now instead of at its next tick. */
  poke(): void;
};

export function createJobRunner(
  db: Db,
  handlers: JobHandlers,
  clock: Clock,
  log: (line: string) => void = () => {},
): JobRunner {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;

  async function claim(n: number): Promise<Claimed[]> {
    const now = clock.now();
    const lease = new Date(now.getTime() + LEASE_MS);
    const result = await db.execute(sql`
      update jobs set locked_until = ${lease.toISOString()}::timestamptz, attempts = attempts + 1
      where id in (
        select id from jobs
        where done_at is null and failed_at is null and run_at <= ${now.toISOString()}::timestamptz
          and (locked_until is null or locked_until < ${now.toISOString()}::timestamptz)
        order by run_at, id
        limit ${n}
        for update skip locked
      )
      returning id, kind, payload, attempts, max_attempts`);
    return (result as unknown as { rows: Claimed[] }).rows.map((r) => ({ ...r, id: Number(r.id) }));
  }

  async function finish(job: Claimed, error: unknown) {
    const now = clock.now();
    if (!error) {
      await db.execute(
        sql`update jobs set done_at = ${now.toISOString()}::timestamptz, locked_until = null, last_error = null where id = ${job.id}`,
      );
      return;
    }
    // Error texts from SMTP servers can carry addresses: keep only the first line, addresses masked.
    const message = String(error instanceof Error ? error.message : error)
      .split("\n")[0]!
      .replace(/[^\s@<>]+@[^\s@<>]+/g, "[e-post]")
      .slice(0, 500);
    if (job.attempts >= job.max_attempts) {
      await db.execute(
        sql`update jobs set failed_at = ${now.toISOString()}::timestamptz, locked_until = null, last_error = ${message} where id = ${job.id}`,
      );
      log(`job ${job.id} (${job.kind}) failed for good after ${job.attempts} attempts`);
    } else {
      const next = new Date(now.getTime() + backoffMs(job.attempts));
      await db.execute(
        sql`update jobs set run_at = ${next.toISOString()}::timestamptz, locked_until = null, last_error = ${message} where id = ${job.id}`,
      );
      log(
        `job ${job.id} (${job.kind}) attempt ${job.attempts} failed; retry at ${next.toISOString()}`,
      );
    }
  }

  async function runDue(limit = 100): Promise<number> {
    let ran = 0;
    while (ran < limit) {
      const batch = await claim(Math.min(10, limit - ran));
      if (batch.length === 0) break;
      for (const job of batch) {
        const handler = handlers[job.kind];
        let error: unknown = null;
        try {
          if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
          await handler(job.payload);
        } catch (e) {
          error = e;
        }
        await finish(job, error);
        ran++;
      }
    }
    return ran;
  }

  let lastCleared = 0;
  function tick() {
    running = running
      .then(async () => {
        await runDue();
        if (clock.now().getTime() - lastCleared > 3_600_000) {
          lastCleared = clock.now().getTime();
          await clearOldPayloads(db, clock.now());
        }
      })
      .catch((e) => log(`job loop error: ${e instanceof Error ? e.message : String(e)}`));
    return running;
  }

  return {
    runDue,
    start(intervalMs = 2000) {
      if (!stopped) return;
      stopped = false;
      const loop = async () => {
        await tick();
        if (!stopped) timer = setTimeout(loop, intervalMs);
      };
      timer = setTimeout(loop, 0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
    poke() {
      if (!stopped) void tick();
    },
  };
}
