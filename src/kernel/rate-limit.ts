import { sql } from "drizzle-orm";
import type { Db } from "../db/client";

export type RateRule = { limit: number; windowSeconds: number };

export type RateLimiter = {
  /** Count one hit for `key`; false when the key is over its limit in the current window. */
  hit(key: string, rule: RateRule, now: Date): Promise<boolean>;
};

/** For the embedded database, which is one process by definition: counters in memory. */
export function memoryRateLimiter(): RateLimiter {
  const windows = new Map<string, { start: number; hits: number }>();
  let lastSweep = 0;
  return {
    async hit(key, rule, now) {
      const start = Math.floor(now.getTime() / 1000 / rule.windowSeconds);
      const k = `${key}|${rule.windowSeconds}`;
      const current = windows.get(k);
      if (!current || current.start !== start) {
        windows.set(k, { start, hits: 1 });
      } else {
        current.hits++;
      }
      if (now.getTime() - lastSweep > 60_000) {
        lastSweep = now.getTime();
        for (const [wk, w] of windows) {
          if (w.start !== start) windows.delete(wk);
        }
      }
      return (windows.get(k)?.hits ?? 0) <= rule.limit;
    },
  };
}

/** For PostgreSQL with many app instances: one fixed-window counter row per key. */
export function postgresRateLimiter(db: Db): RateLimiter {
  let lastSweep = 0;
  return {
    async hit(key, rule, now) {
      const seconds = Math.floor(now.getTime() / 1000);
      // Window starts in epoch seconds, so one sweep can clear every rule's old windows.
      const start = seconds - (seconds % rule.windowSeconds);
      const k = `${key}|${rule.windowSeconds}`;
      const result = await db.execute(sql`
        insert into rate_limit_windows (key, window_start, hits) values (${k}, ${start}, 1)
        on conflict (key, window_start) do update set hits = rate_limit_windows.hits + 1
        returning hits`);
      if (now.getTime() - lastSweep > 60_000) {
        lastSweep = now.getTime();
        await db.execute(
          sql`delete from rate_limit_windows where window_start < ${seconds - 86_400}`,
        );
      }
      const hits = Number((result as unknown as { rows: { hits: number }[] }).rows[0]?.hits ?? 0);
      return hits <= rule.limit;
    },
  };
}
