import { randomUUID } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import type { Clock } from "./clock";
import { jobs } from "./schema";

/**
 * The job being run, for handlers that need a stable identity of it (a mail's Message-ID), and
 * `stopping()`: true once the worker is asked to stop, so a long handler can end early.
 */
export type JobInfo = { id: number; createdAt: Date; attempts: number; stopping?: () => boolean };
/**
 * What a handler may answer besides nothing (done): `{ again: at }`, the work goes on in slices
 * (a mailing's thousands): the same job runs again at `at`, this run not counted as an attempt.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: a handler that returns nothing is done.
export type JobOutcome = void | { again: Date };
export type JobHandler = (payload: unknown, job: JobInfo) => Promise<JobOutcome>;
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

/**
 * Queue many jobs of one kind from a query, in the caller's transaction: `rows` selects
 * `payload` (jsonb), `idempotency_key` (text) and `run_at` (timestamptz). A repeated key queues
 * nothing, as with `enqueue`. One statement, however many rows (a newsletter's thousands).
 */
export async function enqueueSelected(
  tx: Pick<Db, "execute">,
  kind: string,
  rows: SQL,
  maxAttempts = 5,
): Promise<number> {
  const result = await tx.execute(sql`
    insert into jobs (kind, payload, idempotency_key, run_at, max_attempts)
    select ${kind}, q.payload, q.idempotency_key, q.run_at, ${maxAttempts}::int from (${rows}) q
    on conflict do nothing
    returning id`);
  return (result as unknown as { rows: unknown[] }).rows.length;
}

/** 30 s, 1 min, 2 min, … capped at one hour. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

/**
 * How long a claim holds without news from its worker. Short, because a running worker renews
 * it (heartbeat) while its batch runs; a worker that died without a restart is thus replaced by
 * any other within this time, and one restarted under the same identity at once (`recover`).
 */
export const LEASE_MS = 60_000;
const HEARTBEAT_MS = LEASE_MS / 3;
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
  created_at: Date | string;
};

export type JobRunnerOptions = {
  /**
   * This worker's stable identity (INSTANCE_ID; by default host name and port): the same after
   * a restart, different for every instance running at once. Without it, a random one, and
   * nothing is reclaimed at start.
   */
  instance?: string;
  /** How often a running batch renews its claims; tests shorten it. */
  heartbeatMs?: number;
};

export type JobRunner = {
  /**
   * Release the claims an earlier boot of this same instance left behind: that process is
   * dead (we are it, restarted), so its jobs need not wait for their lease. Returns how many.
   * `start()` does this first.
   */
  recover(): Promise<number>;
  /** Claim and run due jobs until none are left or `limit` have run; returns how many ran. */
  runDue(limit?: number): Promise<number>;
  start(intervalMs?: number): void;
  /**
   * Stop: the job being run finishes, the rest of this boot's claims are released at once (as
   * if never tried), so another instance takes them without waiting for their lease.
   */
  stop(): Promise<void>;
  /** Started and not stopped (readiness). */
  isRunning(): boolean;
  /** Ask the loop to look now instead of at its next tick. */
  poke(): void;
};

export function createJobRunner(
  db: Db,
  handlers: JobHandlers,
  clock: Clock,
  log: (line: string) => void = () => {},
  options: JobRunnerOptions = {},
): JobRunner {
  const instance = options.instance ?? `anonymous-${randomUUID()}`;
  /** This boot of the instance: a claim of the same instance under another boot is dead. */
  const boot = randomUUID();
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;
  /** Set by stop(): a batch being run ends after its current job. */
  let stopping = false;

  async function claim(n: number): Promise<Claimed[]> {
    const now = clock.now();
    const lease = new Date(now.getTime() + LEASE_MS);
    const result = await db.execute(sql`
      update jobs set locked_until = ${lease.toISOString()}::timestamptz, attempts = attempts + 1,
        locked_by = ${instance}, locked_boot = ${boot}
      where id in (
        select id from jobs
        where done_at is null and failed_at is null and run_at <= ${now.toISOString()}::timestamptz
          and (locked_until is null or locked_until < ${now.toISOString()}::timestamptz)
        order by run_at, id
        limit ${n}
        for update skip locked
      )
      returning id, kind, payload, attempts, max_attempts, created_at`);
    return (result as unknown as { rows: Claimed[] }).rows.map((r) => ({ ...r, id: Number(r.id) }));
  }

  /** Keep this boot's claims alive while it works on them. */
  async function renew(ids: number[]) {
    if (ids.length === 0) return;
    const lease = new Date(clock.now().getTime() + LEASE_MS);
    await db.execute(sql`
      update jobs set locked_until = ${lease.toISOString()}::timestamptz
      where id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}) and locked_boot = ${boot} and done_at is null and failed_at is null`);
  }

  async function recover(): Promise<number> {
    const result = await db.execute(sql`
      update jobs set locked_until = null, locked_by = null, locked_boot = null
      where done_at is null and failed_at is null
        and locked_by = ${instance} and locked_boot <> ${boot}
      returning id`);
    const n = (result as unknown as { rows: unknown[] }).rows.length;
    if (n > 0) log(`jobs: reclaimed ${n} claimed by an earlier start of ${instance}`);
    return n;
  }

  /** Give back claims not tried: the attempt they were counted is undone. */
  async function release(ids: number[] | "all"): Promise<number> {
    if (ids !== "all" && ids.length === 0) return 0;
    const which =
      ids === "all"
        ? sql``
        : sql`and id in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`;
    const result = await db.execute(sql`
      update jobs set locked_until = null, locked_by = null, locked_boot = null,
        attempts = greatest(attempts - 1, 0)
      where locked_boot = ${boot} and done_at is null and failed_at is null ${which}
      returning id`);
    return (result as unknown as { rows: unknown[] }).rows.length;
  }

  async function finish(job: Claimed, error: unknown, outcome: JobOutcome | null) {
    const now = clock.now();
    if (!error && outcome?.again) {
      await db.execute(
        sql`update jobs set run_at = ${outcome.again.toISOString()}::timestamptz, attempts = greatest(attempts - 1, 0), locked_until = null, locked_by = null, locked_boot = null, last_error = null where id = ${job.id}`,
      );
      return;
    }
    if (!error) {
      await db.execute(
        sql`update jobs set done_at = ${now.toISOString()}::timestamptz, locked_until = null, locked_by = null, locked_boot = null, last_error = null where id = ${job.id}`,
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
        sql`update jobs set failed_at = ${now.toISOString()}::timestamptz, locked_until = null, locked_by = null, locked_boot = null, last_error = ${message} where id = ${job.id}`,
      );
      log(`job ${job.id} (${job.kind}) failed for good after ${job.attempts} attempts`);
    } else {
      const next = new Date(now.getTime() + backoffMs(job.attempts));
      await db.execute(
        sql`update jobs set run_at = ${next.toISOString()}::timestamptz, locked_until = null, locked_by = null, locked_boot = null, last_error = ${message} where id = ${job.id}`,
      );
      log(
        `job ${job.id} (${job.kind}) attempt ${job.attempts} failed; retry at ${next.toISOString()}`,
      );
    }
  }

  async function runDue(limit = 100): Promise<number> {
    let ran = 0;
    while (ran < limit && !stopping) {
      const batch = await claim(Math.min(10, limit - ran));
      if (batch.length === 0) break;
      const open = new Set(batch.map((j) => j.id));
      const heartbeat = setInterval(() => {
        renew([...open]).catch((e) =>
          log(`job lease renewal failed: ${e instanceof Error ? e.message : String(e)}`),
        );
      }, heartbeatMs);
      try {
        for (const job of batch) {
          if (stopping) break;
          const handler = handlers[job.kind];
          let error: unknown = null;
          let outcome: JobOutcome | null = null;
          try {
            if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
            outcome = await handler(job.payload, {
              id: job.id,
              createdAt: new Date(job.created_at),
              attempts: job.attempts,
              stopping: () => stopping,
            });
          } catch (e) {
            error = e;
          }
          await finish(job, error, outcome);
          open.delete(job.id);
          ran++;
        }
      } finally {
        clearInterval(heartbeat);
        if (open.size > 0) {
          const n = await release([...open]);
          if (n > 0) log(`jobs: released ${n} claimed and not started (stopping)`);
        }
      }
    }
    return ran;
  }

  let lastCleared = 0;
  /** Whether the last tick ran a full batch: more may be due (a mailing's thousands), so look again at once. */
  let busy = false;
  function tick() {
    running = running
      .then(async () => {
        busy = (await runDue()) >= 100;
        if (clock.now().getTime() - lastCleared > 3_600_000) {
          lastCleared = clock.now().getTime();
          await clearOldPayloads(db, clock.now());
        }
      })
      .catch((e) => log(`job loop error: ${e instanceof Error ? e.message : String(e)}`));
    return running;
  }

  return {
    recover,
    runDue,
    start(intervalMs = 2000) {
      if (!stopped) return;
      stopped = false;
      stopping = false;
      running = recover().catch((e) =>
        log(`job recovery failed: ${e instanceof Error ? e.message : String(e)}`),
      );
      const loop = async () => {
        await tick();
        if (!stopped) timer = setTimeout(loop, busy ? 0 : intervalMs);
      };
      timer = setTimeout(loop, 0);
    },
    async stop() {
      stopped = true;
      stopping = true;
      if (timer) clearTimeout(timer);
      await running;
      // Anything still claimed by this boot (a batch cut short elsewhere) goes back too.
      await release("all").catch((e) =>
        log(`job release failed: ${e instanceof Error ? e.message : String(e)}`),
      );
    },
    isRunning: () => !stopped,
    poke() {
      if (!stopped) void tick();
    },
  };
}
