import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** A rendered page with its compressed variants, made once and sent many times. */
export type CachedPage = {
  html: string;
  /** The page as UTF-8, encoded once. */
  bytes: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer>;
  br: Uint8Array<ArrayBuffer>;
  /** Response headers per variant, built once (the security headers differ over TLS). */
  headers: Map<string, Readonly<Record<string, string>>>;
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
    bytes: new Uint8Array(bytes),
    headers: new Map(),
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

/** The response for a cached page: bytes and headers made once, reused for every visitor. */
export function cachedPageResponse(
  page: CachedPage,
  acceptEncoding: string | undefined,
  security: Readonly<Record<string, string>>,
): Response {
  const encoding = chooseEncoding(acceptEncoding);
  const body = encoding === "br" ? page.br : encoding === "gzip" ? page.gzip : page.bytes;
  const key = `${encoding}|${security["Strict-Transport-Security"] ? "tls" : "plain"}`;
  let headers = page.headers.get(key);
  if (!headers) {
    headers = {
      ...security,
      "Content-Type": "text/html; charset=UTF-8",
      "Content-Length": String(body.byteLength),
      "Cache-Control": "public, max-age=60",
      Vary: "Accept-Encoding",
      ...(encoding ? { "Content-Encoding": encoding } : {}),
    };
    page.headers.set(key, headers);
  }
  return new Response(body, { status: 200, headers });
}
