import { getConnInfo } from "@hono/node-server/conninfo";
import { type AppContext, deps } from "./context";

function clientAddress(c: AppContext): string {
  if (deps(c).trustProxy) {
    const forwarded = c.req.header("x-forwarded-for");
    const last = forwarded?.split(",").pop()?.trim();
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    // app.request() in tests has no socket.
    return "unknown";
  }
}

/**
 * Count a form post against the client's limit. The address itself is never stored: the key
 * is a keyed hash of it, and counters expire with their window.
 */
export async function withinRateLimit(c: AppContext, form: string): Promise<boolean> {
  const d = deps(c);
  const key = `${form}:${d.signer.sign("rate-limit", clientAddress(c))}`;
  return d.rateLimiter.hit(key, d.rateRules.form, d.clock.now());
}
