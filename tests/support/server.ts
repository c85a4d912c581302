import { type AddressInfo, createServer } from "node:net";
import { serve } from "@hono/node-server";
import { demoAccounts, startLocalProviders } from "../../src/modules/identity";
import { testApp } from "./app";
import type { DbKind } from "./db";
import type { ReceivedMail } from "./smtp";

type LocalProviders = Awaited<ReturnType<typeof startLocalProviders>>;

/**
 * The test app (fresh seeded database, SMTP server on loopback, fixed clock, job runner) behind
 * a real HTTP server on 127.0.0.1, for a browser to use. With `signIn`, the demo people are in
 * the database and the local OpenID providers (ID-porten-like and Feide-like, the demo people
 * as accounts) run on loopback, registered for this server's callback and in its app.
 */
export async function testServer(kind: DbKind, opts: { signIn?: boolean } = {}) {
  // Links in mail come from configuration (never the request), so the port is chosen first.
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const t = await testApp(kind, { demoPeople: opts.signIn ?? false, linkBase: url });
  const server = serve({ fetch: t.app.fetch, hostname: "127.0.0.1", port });
  await new Promise<void>((resolve, reject) => {
    if (server.listening) return resolve();
    server.once("listening", () => resolve());
    server.once("error", reject);
  });

  // The providers need our address (their redirect URIs), so they start after the server.
  let providers: LocalProviders | undefined;
  if (opts.signIn) {
    providers = await startLocalProviders({
      origins: [url],
      ...(await demoAccounts(t.db, t.clock.now())),
    });
    for (const settings of providers.settings) t.oidc.set(settings);
  }

  /** Send the queued mail now and wait for the one that matches. */
  async function mail(match: (m: ReceivedMail) => boolean): Promise<ReceivedMail> {
    await t.jobs.runDue();
    return t.smtp.waitFor(match);
  }

  return {
    ...t,
    url,
    mail,
    /** The local OpenID providers' addresses (with `signIn`). */
    providers: providers
      ? { idporten: providers.idporten.issuer, feide: providers.feide.issuer }
      : undefined,
    async close() {
      await t.jobs.stop();
      await providers?.close();
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

/** A port on 127.0.0.1 that is free now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
