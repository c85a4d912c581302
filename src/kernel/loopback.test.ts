import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../tests/support/app";
import { databaseKinds } from "../../tests/support/db";
import { createApp } from "../app";

/** The bindings @hono/node-server hands the app: the request's socket, as the peer it came from. */
const fromPeer = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

describe.each(databaseKinds)("the development outbox on %s", (kind) => {
  let t: TestApp;
  let dev: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await testApp(kind);
    // Development without SMTP, behind a "trusted" proxy: X-Forwarded-For still must not count.
    dev = createApp({
      db: t.db,
      secret: "x".repeat(40),
      linkBase: "http://localhost:3000",
      env: "development",
      mailKind: "outbox",
      trustProxy: true,
      log: () => {},
    });
  });
  afterAll(() => t.close());

  it("answers a client on loopback (IPv4, IPv6 and IPv4-mapped)", async () => {
    for (const peer of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      const res = await dev.request("/nb/dev/utboks", {}, fromPeer(peer));
      expect(res.status, peer).toBe(200);
      expect(await res.text()).toContain("Utboks (utvikling)");
    }
  });

  it("is not found for any other client, whatever X-Forwarded-For says", async () => {
    for (const peer of ["192.0.2.7", "10.0.0.2", "::ffff:192.0.2.7", "2001:db8::7"]) {
      const res = await dev.request(
        "/nb/dev/utboks",
        { headers: { "X-Forwarded-For": "127.0.0.1", "X-Real-IP": "127.0.0.1" } },
        fromPeer(peer),
      );
      expect(res.status, peer).toBe(404);
      expect(await res.text()).not.toContain("Utboks (utvikling)");
    }
    // Nor anything else under /dev/.
    expect((await dev.request("/nn/dev/utboks/", {}, fromPeer("192.0.2.7"))).status).toBe(404);
    expect((await dev.request("/en/dev/anything", {}, fromPeer("192.0.2.7"))).status).toBe(404);
  });

  it("is not found without a socket to ask", async () => {
    expect((await dev.request("/nb/dev/utboks")).status).toBe(404);
  });

  it("answers a real connection to 127.0.0.1", async () => {
    const server = serve({ fetch: dev.fetch, hostname: "127.0.0.1", port: 0 });
    await new Promise<void>((resolve) =>
      server.listening ? resolve() : server.once("listening", () => resolve()),
    );
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/nb/dev/utboks`, {
        headers: { "X-Forwarded-For": "192.0.2.7" },
      });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("Utboks (utvikling)");
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
