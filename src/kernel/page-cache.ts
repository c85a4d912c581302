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
  /** A fresh, already rendered page, or undefined: for answering before any routing. */
  peek(key: string): CachedPage | undefined;
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
  const entries = new Map<
    string,
    { at: number; page: Promise<CachedPage | null>; ready?: CachedPage | null }
  >();
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
      const entry: { at: number; page: Promise<CachedPage | null>; ready?: CachedPage | null } = {
        at: t,
        page,
      };
      entries.set(key, entry);
      page.then(
        (p) => {
          entry.ready = p;
          if (p === null) entries.delete(key);
        },
        () => entries.delete(key),
      );
      return page;
    },
    peek(key) {
      const hit = entries.get(key);
      if (!hit?.ready || now() - hit.at >= ttlMs) return undefined;
      return hit.ready;
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

/** The response for a cached page, with one plain header object (the fast path of a rush). */
export function cachedPageResponse(
  page: CachedPage,
  acceptEncoding: string | undefined,
  security: Readonly<Record<string, string>>,
): Response {
  const headers: Record<string, string> = {
    ...security,
    "Content-Type": "text/html; charset=UTF-8",
    "Cache-Control": "public, max-age=60",
    Vary: "Accept-Encoding",
  };
  const encoding = chooseEncoding(acceptEncoding);
  if (encoding === null) return new Response(page.html, { status: 200, headers });
  headers["Content-Encoding"] = encoding;
  return new Response(encoding === "br" ? page.br : page.gzip, { status: 200, headers });
}
