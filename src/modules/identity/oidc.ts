import { and, eq, lt } from "drizzle-orm";
import * as client from "openid-client";
import type { Db } from "../../db/client";
import { signInAttempts } from "./schema";
import { hashId, newSecret } from "./sessions";

export type ProviderId = "idporten" | "feide";

export type OidcSettings = {
  id: ProviderId;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  /** ID-porten: the levels of assurance we accept in the id_token's `acr`. */
  acceptedAcr?: string[];
  /** Feide: the Groups API that lists the person's organisations. */
  groupsUrl?: string;
};

export const ACCEPTED_IDPORTEN_ACR = ["idporten-loa-substantial", "idporten-loa-high"];

/** Plain HTTP is allowed only for a provider on this machine (development and tests). */
function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "127.0.0.1" || host === "localhost" || host === "[::1]";
}

export type OidcRegistry = {
  settings(id: string): OidcSettings | undefined;
  configured(): ProviderId[];
  config(id: ProviderId): Promise<client.Configuration>;
  set(settings: OidcSettings): void;
};

export function createOidcRegistry(initial: OidcSettings[]): OidcRegistry {
  const all = new Map<ProviderId, OidcSettings>(initial.map((s) => [s.id, s]));
  const discovered = new Map<ProviderId, Promise<client.Configuration>>();
  return {
    settings: (id) => all.get(id as ProviderId),
    configured: () => [...all.keys()],
    set(settings) {
      all.set(settings.id, settings);
      discovered.delete(settings.id);
    },
    config(id) {
      const s = all.get(id);
      if (!s) return Promise.reject(new Error(`provider ${id} is not configured`));
      let found = discovered.get(id);
      if (!found) {
        const insecure = s.issuer.startsWith("http:") && isLoopback(s.issuer);
        // openid-client trusts TLS for tokens from the token endpoint unless told otherwise;
        // we check every id_token's signature against the provider's keys as well.
        const execute = [client.enableNonRepudiationChecks];
        if (insecure) execute.push(client.allowInsecureRequests);
        found = client.discovery(
          new URL(s.issuer),
          s.clientId,
          undefined,
          client.ClientSecretBasic(s.clientSecret),
          { execute },
        );
        found.catch(() => discovered.delete(id));
        discovered.set(id, found);
      }
      return found;
    },
  };
}

const ATTEMPT_MS = 10 * 60_000;

/** Start a sign-in: state, nonce and PKCE verifier are kept server-side, keyed by a cookie. */
export async function startSignIn(
  db: Db,
  registry: OidcRegistry,
  input: {
    provider: ProviderId;
    redirectUri: string;
    returnTo: string;
    lang: string;
    now: Date;
    /** Ask the provider to ask who is signing in (prompt=login), not use its single sign-on. */
    askWho?: boolean;
  },
): Promise<{ url: string; attempt: string }> {
  const config = await registry.config(input.provider);
  const settings = registry.settings(input.provider)!;
  const attempt = newSecret();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  await db
    .delete(signInAttempts)
    .where(lt(signInAttempts.createdAt, new Date(input.now.getTime() - ATTEMPT_MS)));
  await db.insert(signInAttempts).values({
    idHash: hashId(attempt),
    provider: input.provider,
    state,
    nonce,
    codeVerifier,
    returnTo: input.returnTo,
    lang: input.lang,
    createdAt: input.now,
  });
  const params: Record<string, string> = {
    redirect_uri: input.redirectUri,
    scope: settings.scope,
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    ui_locales: input.lang === "en" ? "en" : input.lang,
  };
  if (settings.acceptedAcr) params.acr_values = settings.acceptedAcr[0]!;
  if (input.askWho) params.prompt = "login";
  return { url: client.buildAuthorizationUrl(config, params).href, attempt };
}

export type SignedInClaims = {
  provider: ProviderId;
  subject: string;
  email: string | null;
  name: string | null;
  groups: FeideGroup[];
  returnTo: string;
  lang: string;
};

export type FeideGroup = {
  id: string;
  type: string;
  orgNumber: string | null;
  affiliation: string | null;
};

export class SignInRefused extends Error {
  constructor(
    readonly reason: "no-attempt" | "expired" | "rejected" | "acr" | "provider-error",
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * Finish a sign-in at the callback: the code is exchanged with the PKCE verifier, and the
 * id_token's signature, issuer, audience, expiry and nonce are checked by openid-client; the
 * `acr` is checked here. Any failure refuses the sign-in.
 */
export async function finishSignIn(
  db: Db,
  registry: OidcRegistry,
  input: { provider: ProviderId; attempt: string | undefined; currentUrl: URL; now: Date },
): Promise<SignedInClaims> {
  if (!input.attempt) throw new SignInRefused("no-attempt", "no sign-in under way");
  const [row] = await db
    .delete(signInAttempts)
    .where(
      and(
        eq(signInAttempts.idHash, hashId(input.attempt)),
        eq(signInAttempts.provider, input.provider),
      ),
    )
    .returning();
  if (!row) throw new SignInRefused("no-attempt", "unknown sign-in attempt");
  if (row.createdAt.getTime() + ATTEMPT_MS < input.now.getTime()) {
    throw new SignInRefused("expired", "sign-in attempt expired");
  }
  if (input.currentUrl.searchParams.get("error")) {
    throw new SignInRefused(
      "provider-error",
      `provider answered ${input.currentUrl.searchParams.get("error")}`,
    );
  }
  const config = await registry.config(input.provider);
  const settings = registry.settings(input.provider)!;
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, input.currentUrl, {
      pkceCodeVerifier: row.codeVerifier,
      expectedState: row.state,
      expectedNonce: row.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    throw new SignInRefused("rejected", error instanceof Error ? error.message : String(error));
  }
  const claims = tokens.claims();
  if (!claims) throw new SignInRefused("rejected", "no id_token");
  if (settings.acceptedAcr && !settings.acceptedAcr.includes(String(claims.acr ?? ""))) {
    throw new SignInRefused("acr", `acr ${String(claims.acr)} not accepted`);
  }
  const groups = settings.groupsUrl
    ? await fetchGroups(settings.groupsUrl, tokens.access_token)
    : [];
  return {
    provider: input.provider,
    subject: claims.sub,
    email: typeof claims.email === "string" ? claims.email : null,
    name: typeof claims.name === "string" ? claims.name : null,
    groups,
    returnTo: row.returnTo,
    lang: row.lang,
  };
}

/** Feide's Groups API: the person's organisations (fc:org) and units (fc:orgunit). */
async function fetchGroups(url: string, accessToken: string): Promise<FeideGroup[]> {
  const response = await fetch(url, {
    headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/json" },
  });
  if (!response.ok) throw new SignInRefused("rejected", `groups API answered ${response.status}`);
  const body = (await response.json()) as unknown;
  if (!Array.isArray(body)) return [];
  return body.flatMap((g) => {
    if (typeof g !== "object" || g === null) return [];
    const group = g as Record<string, unknown>;
    const type = String(group.type ?? "");
    if (type !== "fc:org" && type !== "fc:orgunit") return [];
    const nin = String(group.norEduOrgNIN ?? group.orgNumber ?? "");
    const orgNumber = nin.replace(/^NO/, "").match(/^\d{9}$/)?.[0] ?? null;
    const membership = group.membership as Record<string, unknown> | undefined;
    return [
      {
        id: String(group.id ?? ""),
        type,
        orgNumber,
        affiliation:
          typeof membership?.primaryAffiliation === "string" ? membership.primaryAffiliation : null,
      },
    ];
  });
}
