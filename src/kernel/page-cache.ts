/**
 * A micro-cache for public pages that are the same for every visitor: a rendered page is
 * reused for a few seconds, so a rush on a programme page costs one render per instance
 * per interval instead of one per visitor. Pages with a query or a session are not cached.
 */
export type PageCache = {
  get(key: string, produce: () => Promise<string>): Promise<string>;
  clear(): void;
};

export function createPageCache(ttlMs: number, now: () => number = Date.now): PageCache {
  const entries = new Map<string, { at: number; body: Promise<string> }>();
  const MAX = 1000;
  return {
    get(key, produce) {
      if (ttlMs <= 0) return produce();
      const hit = entries.get(key);
      const t = now();
      if (hit && t - hit.at < ttlMs) return hit.body;
      const body = produce();
      if (entries.size >= MAX) entries.clear();
      entries.set(key, { at: t, body });
      body.catch(() => entries.delete(key));
      return body;
    },
    clear() {
      entries.clear();
    },
  };
}
