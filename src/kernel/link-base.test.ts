import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../tests/support/app";
import { databaseKinds } from "../../tests/support/db";
import { demoPeopleIds, sessionCookie } from "../../tests/support/people";
import type { ReceivedMail } from "../../tests/support/smtp";
import { linkBase } from "./link-base";

describe("the base of links in mail", () => {
  it("is PUBLIC_URL when set, without a trailing slash", () => {
    expect(
      linkBase({
        env: "production",
        publicUrl: "https://samspill.example/",
        host: "0.0.0.0",
        port: 80,
      }),
    ).toBe("https://samspill.example");
  });

  it("is the configured listen address in development and test, never a request", () => {
    const dev = { env: "development" as const, publicUrl: undefined, port: 3000 };
    expect(linkBase({ ...dev, host: "127.0.0.1" })).toBe("http://localhost:3000");
    expect(linkBase({ ...dev, host: "0.0.0.0" })).toBe("http://localhost:3000");
    expect(linkBase({ ...dev, host: "::" })).toBe("http://localhost:3000");
    expect(linkBase({ ...dev, host: "192.0.2.10" })).toBe("http://192.0.2.10:3000");
    expect(linkBase({ ...dev, host: "2001:db8::1" })).toBe("http://[2001:db8::1]:3000");
    expect(linkBase({ ...dev, env: "test", host: "127.0.0.1", port: 4000 })).toBe(
      "http://localhost:4000",
    );
  });

  it("cannot be made up in production", () => {
    expect(() =>
      linkBase({ env: "production", publicUrl: undefined, host: "0.0.0.0", port: 3000 }),
    ).toThrow(/PUBLIC_URL/);
  });
});

const CONFIGURED = "https://samspill.example";
/** What an attacker sends: their host in every header that names one. */
const FORGED = {
  Host: "evil.example",
  Origin: "http://evil.example",
  "X-Forwarded-Host": "evil.example",
};
const linksIn = (mail: ReceivedMail) => [
  ...(mail.text.match(/https?:\/\/[^\s>]+/g) ?? []),
  ...[...mail.headers.values()].flatMap((v) => v.match(/https?:\/\/[^\s>]+/g) ?? []),
];

describe.each(databaseKinds)("links in mail on %s, whatever the request says", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    // TRUST_PROXY on: even a trusted proxy's X-Forwarded-Host must not reach a mail.
    t = await testApp(kind, { demoPeople: true, linkBase: CONFIGURED, trustProxy: true });
  });
  afterAll(() => t.close());

  /** A form post to evil.example's idea of our address, as a forged browser request. */
  const forgedPost = (path: string, form: Record<string, string>, headers = {}) =>
    t.app.request(`http://evil.example${path}`, {
      method: "POST",
      body: new URLSearchParams(form),
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...FORGED, ...headers },
    });

  it("a newsletter confirmation and its List-Unsubscribe point at the configured base", async () => {
    const res = await forgedPost("/nb/nyhetsbrev", {
      email: "lenke@demo.samspill.example",
      scope: "inkluderende-barnehage-og-skolemiljo",
      consent: "yes",
    });
    expect(res.status).toBe(303);
    await t.jobs.runDue();
    const mail = await t.smtp.waitFor(
      (m) => m.to === "lenke@demo.samspill.example" && m.subject.startsWith("Bekreft"),
    );
    const links = linksIn(mail);
    expect(links.some((l) => l.startsWith(`${CONFIGURED}/nb/nyhetsbrev/bekreft/`))).toBe(true);
    expect(mail.headers.get("list-unsubscribe")).toMatch(
      /^<https:\/\/samspill\.example\/nb\/nyhetsbrev\/avmeld\/[\w.-]+>$/,
    );
    expect(links.length).toBeGreaterThan(1);
    for (const link of links) expect(link.startsWith(`${CONFIGURED}/`), link).toBe(true);

    // Confirming through a forged request too: the welcome mail's links stay ours.
    const confirmPath = new URL(links.find((l) => l.includes("/bekreft/"))!).pathname;
    expect((await forgedPost(confirmPath, {})).status).toBe(303);
    await t.jobs.runDue();
    const welcome = await t.smtp.waitFor(
      (m) => m.to === "lenke@demo.samspill.example" && m.subject.includes("påmeldt"),
    );
    expect(welcome.headers.get("list-unsubscribe")).toMatch(/^<https:\/\/samspill\.example\//);
    for (const link of linksIn(welcome)) expect(link.startsWith(`${CONFIGURED}/`), link).toBe(true);
  });

  it("a role invitation links to the configured base", async () => {
    const { ada } = await demoPeopleIds(t.db, ["ada"]);
    const res = await forgedPost(
      "/nb/admin/invitasjoner",
      {
        name: "Lene Lenke",
        email: "lene.lenke@demo.samspill.example",
        role: "municipal-coordinator",
        orgId: "4204",
      },
      { Cookie: await sessionCookie(t, ada!) },
    );
    expect(res.status).toBe(303);
    await t.jobs.runDue();
    const mail = await t.smtp.waitFor((m) => m.to === "lene.lenke@demo.samspill.example");
    const links = linksIn(mail);
    expect(links).toContain(`${CONFIGURED}/nb/logg-inn`);
    for (const link of links) expect(link.startsWith(`${CONFIGURED}/`), link).toBe(true);
  });
});
