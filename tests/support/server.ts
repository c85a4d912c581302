import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { testApp } from "./app";
import type { DbKind } from "./db";
import type { ReceivedMail } from "./smtp";

/**
 * The test app (fresh seeded database, SMTP server on loopback, fixed clock, job runner) behind
 * a real HTTP server on 127.0.0.1, for a browser to use.
 */
export async function testServer(kind: DbKind) {
  const t = await testApp(kind);
  const server = serve({ fetch: t.app.fetch, hostname: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve, reject) => {
    if (server.listening) return resolve();
    server.once("listening", () => resolve());
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  /** Send the queued mail now and wait for the one that matches. */
  async function mail(match: (m: ReceivedMail) => boolean): Promise<ReceivedMail> {
    await t.jobs.runDue();
    return t.smtp.waitFor(match);
  }

  return {
    ...t,
    url,
    mail,
    async close() {
      await t.jobs.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Chromium keeps idle connections open; the server would wait for them.
        if ("closeAllConnections" in server) server.closeAllConnections();
      });
      await t.close();
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof testServer>>;
