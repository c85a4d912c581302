import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** A rendered page with its compressed variants, made once and sent many times. */
export type CachedPage = {
  html: string;
  gzip: Uint8Array<ArrayBuffer>;
  br: Uint8Array<ArrayBuffer>;
};

/**
 * A micro-cache for public pages that are the same for every visitor: a rendered page is
 * reused for a few seconds, so a rush on a programme page costs one render (and one
 * compression) per instance per interval instead of one per visitor. Pages with a query or a
 * session are not cached.
 */
export type PageCache = {
  get(key: string, produce: () => Promise<string | null>): Promise<CachedPage | null>;
  clear(): void;
};

export function compressPage(html: string): CachedPage {
  const bytes = Buffer.from(html);
  return {
    html,
    gzip: new Uint8Array(gzipSync(bytes, { level: 9 })),
    br: new Uint8Array(
      brotliCompressSync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 9,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
    ),
  };
}

export function createPageCache(ttlMs: number, now: () => number = Date.now): PageCache {
  const entries = new Map<string, { at: number; page: Promise<CachedPage | null> }>();
  const MAX = 1000;
  const make = async (produce: () => Promise<string | null>) => {
    const html = await produce();
    return html === null ? null : compressPage(html);
  };
  return {
    get(key, produce) {
      if (ttlMs <= 0) return make(produce);
      const hit = entries.get(key);
      const t = now();
      if (hit && t - hit.at < ttlMs) return hit.page;
      const page = make(produce);
      if (entries.size >= MAX) entries.clear();
      entries.set(key, { at: t, page });
      page.then(
        (p) => p === null && entries.delete(key),
        () => entries.delete(key),
      );
      return page;
    },
    clear() {
      entries.clear();
    },
  };
}

/** The best encoding the client accepts among those we keep: brotli, gzip or none. */
export function chooseEncoding(acceptEncoding: string | undefined): "br" | "gzip" | null {
  if (!acceptEncoding) return null;
  const accepted = acceptEncoding
    .toLowerCase()
    .split(",")
    .map((part) => part.trim().split(";"))
    .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, "")) > 0)
    .map(([name]) => name);
  if (accepted.includes("br")) return "br";
  if (accepted.includes("gzip") || accepted.includes("*")) return "gzip";
  return null;
}
