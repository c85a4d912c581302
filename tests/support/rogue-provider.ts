import { createSign, generateKeyPairSync, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * An OpenID provider on loopback whose id_tokens a test shapes at will: a real protocol peer
 * for the refusals (bad signature, wrong nonce, wrong issuer, expired, wrong acr) that a
 * well-behaved provider never produces.
 */
export type Tamper = {
  signWithOtherKey?: boolean;
  nonce?: string;
  issuer?: string;
  expiresIn?: number;
  acr?: string;
  audience?: string;
};

const b64 = (v: unknown) =>
  Buffer.from(typeof v === "string" ? v : JSON.stringify(v)).toString("base64url");

function sign(payload: Record<string, unknown>, key: KeyObject, kid: string) {
  const head = `${b64({ alg: "RS256", typ: "JWT", kid })}.${b64(payload)}`;
  const signature = createSign("RSA-SHA256").update(head).sign(key).toString("base64url");
  return `${head}.${signature}`;
}

export async function startRogueProvider(clientId: string) {
  const good = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const other = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = "rogue-1";
  let tamper: Tamper = {};
  let lastNonce = "";
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    if (url.pathname === "/.well-known/openid-configuration") {
      res.writeHead(200, { "Content-Type": "application/json" }).end(
        JSON.stringify({
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ["code"],
          subject_types_supported: ["public"],
          id_token_signing_alg_values_supported: ["RS256"],
          code_challenge_methods_supported: ["S256"],
        }),
      );
      return;
    }
    if (url.pathname === "/jwks") {
      const jwk = { ...good.publicKey.export({ format: "jwk" }), kid, use: "sig", alg: "RS256" };
      res
        .writeHead(200, { "Content-Type": "application/json" })
        .end(JSON.stringify({ keys: [jwk] }));
      return;
    }
    if (url.pathname === "/token" && req.method === "POST") {
      const now = Math.floor(Date.now() / 1000);
      const payload = {
        iss: tamper.issuer ?? issuer,
        aud: tamper.audience ?? clientId,
        sub: "rogue-subject",
        email: "rogue@samspill.example",
        name: "Rogue",
        nonce: tamper.nonce ?? lastNonce,
        iat: now - 5,
        exp: now + (tamper.expiresIn ?? 300),
        acr: tamper.acr ?? "idporten-loa-substantial",
      };
      const idToken = sign(
        payload,
        tamper.signWithOtherKey ? other.privateKey : good.privateKey,
        kid,
      );
      res.writeHead(200, { "Content-Type": "application/json" }).end(
        JSON.stringify({
          access_token: "rogue-token",
          token_type: "Bearer",
          expires_in: 300,
          id_token: idToken,
        }),
      );
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    /** Shape the next id_token; `nonce` defaults to the one the authorization request carried. */
    tamper(next: Tamper) {
      tamper = next;
    },
    authorized(authorizationUrl: string) {
      lastNonce = new URL(authorizationUrl).searchParams.get("nonce") ?? "";
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
