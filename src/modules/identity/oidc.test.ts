import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, freshDatabase } from "../../../tests/support/db";
import { startRogueProvider } from "../../../tests/support/rogue-provider";
import type { Database } from "../../db/client";
import { createOidcRegistry, finishSignIn, SignInRefused, startSignIn } from "./oidc";

describe.each(databaseKinds)("OpenID sign-in refusals on %s", (kind) => {
  let database: Database;
  let rogue: Awaited<ReturnType<typeof startRogueProvider>>;
  const redirectUri = "http://127.0.0.1:9/auth/idporten/callback";
  beforeAll(async () => {
    database = await freshDatabase(kind);
    rogue = await startRogueProvider("samspill-test");
  });
  afterAll(async () => {
    await rogue.close();
    await database.close();
  });

  async function signIn(tamper: Parameters<typeof rogue.tamper>[0]) {
    const registry = createOidcRegistry([
      {
        id: "idporten",
        issuer: rogue.issuer,
        clientId: "samspill-test",
        clientSecret: "secret",
        scope: "openid profile",
        acceptedAcr: ["idporten-loa-substantial", "idporten-loa-high"],
      },
    ]);
    const now = new Date();
    const { url, attempt } = await startSignIn(database.db, registry, {
      provider: "idporten",
      redirectUri,
      returnTo: "/nb/meg",
      lang: "nb",
      now,
    });
    const params = new URL(url).searchParams;
    expect(params.get("code_challenge_method")).toBe("S256");
    expect(params.get("acr_values")).toBe("idporten-loa-substantial");
    rogue.authorized(url);
    rogue.tamper(tamper);
    const callback = new URL(redirectUri);
    callback.searchParams.set("code", "a-code");
    callback.searchParams.set("state", params.get("state")!);
    return finishSignIn(database.db, registry, {
      provider: "idporten",
      attempt,
      currentUrl: callback,
      now,
    });
  }

  it("accepts a well-formed id_token (so the refusals below are real refusals)", async () => {
    const claims = await signIn({});
    expect(claims).toMatchObject({
      subject: "rogue-subject",
      email: "rogue@samspill.example",
      returnTo: "/nb/meg",
    });
  });

  it.each([
    ["a bad signature", { signWithOtherKey: true }, "rejected"],
    ["a wrong nonce", { nonce: "not-the-nonce" }, "rejected"],
    ["a wrong issuer", { issuer: "https://idporten.no" }, "rejected"],
    ["an expired token", { expiresIn: -3600 }, "rejected"],
    ["another audience", { audience: "someone-else" }, "rejected"],
    ["a too low level of assurance", { acr: "idporten-loa-low" }, "acr"],
  ] as const)("refuses %s", async (_name, tamper, reason) => {
    const error = await signIn(tamper).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInRefused);
    expect((error as SignInRefused).reason).toBe(reason);
  });

  it("refuses a callback without its sign-in attempt, or with a wrong state", async () => {
    const registry = createOidcRegistry([
      {
        id: "idporten",
        issuer: rogue.issuer,
        clientId: "samspill-test",
        clientSecret: "s",
        scope: "openid",
      },
    ]);
    const now = new Date();
    await expect(
      finishSignIn(database.db, registry, {
        provider: "idporten",
        attempt: undefined,
        currentUrl: new URL(redirectUri),
        now,
      }),
    ).rejects.toMatchObject({ reason: "no-attempt" });
    const { url, attempt } = await startSignIn(database.db, registry, {
      provider: "idporten",
      redirectUri,
      returnTo: "/",
      lang: "nb",
      now,
    });
    rogue.authorized(url);
    rogue.tamper({});
    const callback = new URL(`${redirectUri}?code=x&state=forged`);
    await expect(
      finishSignIn(database.db, registry, {
        provider: "idporten",
        attempt,
        currentUrl: callback,
        now,
      }),
    ).rejects.toMatchObject({
      reason: "rejected",
    });
    // The attempt is used up either way: a replay finds nothing.
    await expect(
      finishSignIn(database.db, registry, {
        provider: "idporten",
        attempt,
        currentUrl: callback,
        now,
      }),
    ).rejects.toMatchObject({
      reason: "no-attempt",
    });
  });
});
