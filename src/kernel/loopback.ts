import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * Whether the TCP peer of this request is this machine. Read from the socket, never from a
 * header: X-Forwarded-For is whatever the client (or a proxy in front) wrote, even with
 * TRUST_PROXY. A request with no socket (`app.request()` in a test) is not from loopback.
 */
export function fromLoopback(c: Context): boolean {
  let address: string | undefined;
  try {
    address = getConnInfo(c).remote.address;
  } catch {
    return false;
  }
  if (!address) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  return v4 === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}
