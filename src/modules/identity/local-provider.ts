import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type Provider from "oidc-provider";

/**
 * A real OpenID provider on loopback, for development and tests: the same protocol and the
 * same client code as ID-porten and Feide in production, with the demo people as accounts,
 * each signed in with one click. A Feide-like provider also serves the Groups API.
 */
export type LocalAccount = {
  sub: string;
  name: string;
  email: string;
  /** Feide Groups API entries (fc:org, fc:orgunit), returned for this account's token. */
  groups?: unknown[];
  demoRole?: string;
};

export type LocalProviderOptions = {
  kind: "idporten" | "feide";
  accounts: LocalAccount[];
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  port?: number;
  /** For tests of refusal: the acr this provider puts in id_tokens. */
  acr?: string;
};

export type LocalProvider = {
  issuer: string;
  groupsUrl: string;
  close(): Promise<void>;
};

const page = (title: string, body: string) => `<!DOCTYPE html>
<html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">
<main>${body}</main></body></html>`;

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch,
  );

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

export async function startLocalProvider(opts: LocalProviderOptions): Promise<LocalProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}`;
  const title =
    opts.kind === "feide" ? "Feide (lokal testleverandør)" : "ID-porten (lokal testleverandør)";
  const acr = opts.acr ?? "idporten-loa-substantial";

  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = {
    ...privateKey.export({ format: "jwk" }),
    kid: randomBytes(8).toString("hex"),
    use: "sig",
    alg: "RS256",
  };

  const byId = new Map(opts.accounts.map((a) => [a.sub, a]));
  // Loaded when a local provider starts (development, tests), never in production's start-up.
  const { default: OidcProvider } = await import("oidc-provider");
  const provider = new OidcProvider(issuer, {
    clients: [
      {
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
        redirect_uris: opts.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    pkce: { required: () => true },
    acrValues: ["idporten-loa-substantial", "idporten-loa-high", "urn:feide"],
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name"],
      "userid-feide": [],
      groups: [],
    },
    scopes: ["openid", "email", "profile", "userid-feide", "groups"],
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    async findAccount(_ctx: unknown, sub: string) {
      const account = byId.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, name: account.name, email: account.email, email_verified: true }),
      };
    },
    // First-party client: no consent screen; the grant covers what was asked for.
    async loadExistingGrant(ctx: {
      oidc: {
        provider: Provider;
        client: { clientId: string };
        session: { accountId: string; grantIdFor(id: string): string | undefined };
        result?: { consent?: { grantId?: string } };
        params: { scope?: string };
      };
    }) {
      const Grant = (
        ctx.oidc.provider as unknown as { Grant: { find(id: string): Promise<unknown> } }
      ).Grant;
      const existing =
        ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (existing) return Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({
        accountId: ctx.oidc.session.accountId,
        clientId: ctx.oidc.client.clientId,
      });
      grant.addOIDCScope(ctx.oidc.params.scope ?? "openid");
      grant.addOIDCClaims(["email", "email_verified", "name"]);
      await grant.save();
      return grant;
    },
    renderError(ctx: { type: string; body: string }, out: Record<string, string>) {
      ctx.type = "html";
      ctx.body = page(
        "Feil",
        `<h1>Feil hos innloggingstjenesten</h1><p>${escapeHtml(out.error_description ?? out.error ?? "")}</p>`,
      );
    },
    ttl: {
      Session: 3600,
      Interaction: 600,
      Grant: 3600,
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
    },
  });
  const callback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, url: URL) {
    const uid = url.pathname.split("/")[2] ?? "";
    await provider.interactionDetails(req, res);
    if (req.method === "POST") {
      const form = await readForm(req);
      const accountId = form.get("account") ?? "";
      if (!byId.has(accountId)) {
        res
          .writeHead(400, { "Content-Type": "text/html; charset=utf-8" })
          .end(page("Feil", "<h1>Ukjent konto</h1>"));
        return;
      }
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId, acr: opts.kind === "idporten" ? acr : "urn:feide", amr: ["pwd"] } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const buttons = opts.accounts
      .map(
        (
          a,
        ) => `<li style="margin: .5rem 0"><form method="post" action="/interaction/${escapeHtml(uid)}">
<input type="hidden" name="account" value="${escapeHtml(a.sub)}">
<button type="submit" style="font: inherit; padding: .5rem 1rem">Logg inn som ${escapeHtml(a.name)}</button>
${a.demoRole ? `<span>(${escapeHtml(a.demoRole)}, demo)</span>` : ""}</form></li>`,
      )
      .join("");
    res
      .writeHead(200, { "Content-Type": "text/html; charset=utf-8" })
      .end(
        page(
          title,
          `<h1>${title}</h1><p>Dette er en lokal innloggingstjeneste for utvikling og test. Velg hvilken demoperson du vil logge inn som.</p><ul style="list-style: none; padding: 0">${buttons}</ul>`,
        ),
      );
  }

  async function groups(req: IncomingMessage, res: ServerResponse) {
    const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    const found = token ? await provider.AccessToken.find(token) : undefined;
    if (!found) {
      res.writeHead(401, { "Content-Type": "application/json" }).end('{"error":"invalid_token"}');
      return;
    }
    const account = byId.get(found.accountId);
    res
      .writeHead(200, { "Content-Type": "application/json" })
      .end(JSON.stringify(account?.groups ?? []));
  }

  server.on("request", (req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    const handle = url.pathname.startsWith("/interaction/")
      ? interaction(req, res, url)
      : url.pathname === "/groups/me/groups"
        ? groups(req, res)
        : Promise.resolve(callback(req, res));
    handle.catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
      res.end(error instanceof Error ? error.message : "error");
    });
  });

  return {
    issuer,
    groupsUrl: `${issuer}/groups/me/groups`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Both local providers (ID-porten-like and Feide-like), registered for Samspill's callback
 * at each of the given origins, and the settings the app needs to use them.
 */
export async function startLocalProviders(input: {
  origins: string[];
  idporten: LocalAccount[];
  feide: LocalAccount[];
  idportenAcr?: string;
}) {
  const secret = randomBytes(24).toString("base64url");
  const uris = (id: string) =>
    input.origins.map((o) => `${o.replace(/\/$/, "")}/auth/${id}/callback`);
  const idporten = await startLocalProvider({
    kind: "idporten",
    accounts: input.idporten,
    clientId: "samspill-local",
    clientSecret: secret,
    redirectUris: uris("idporten"),
    ...(input.idportenAcr ? { acr: input.idportenAcr } : {}),
  });
  const feide = await startLocalProvider({
    kind: "feide",
    accounts: input.feide,
    clientId: "samspill-local",
    clientSecret: secret,
    redirectUris: uris("feide"),
  });
  return {
    idporten,
    feide,
    settings: [
      {
        id: "idporten" as const,
        issuer: idporten.issuer,
        clientId: "samspill-local",
        clientSecret: secret,
        scope: "openid profile email",
        acceptedAcr: ["idporten-loa-substantial", "idporten-loa-high"],
      },
      {
        id: "feide" as const,
        issuer: feide.issuer,
        clientId: "samspill-local",
        clientSecret: secret,
        scope: "openid profile email userid-feide groups",
        groupsUrl: feide.groupsUrl,
      },
    ],
    async close() {
      await idporten.close();
      await feide.close();
    },
  };
}
