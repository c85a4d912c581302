import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../tests/support/app";
import { databaseKinds } from "../tests/support/db";
import {
  describeFuzz,
  type FuzzContext,
  type FuzzRequest,
  fuzzParams,
  requestArbitrary,
  sendFuzz,
  skipForPeople,
} from "../tests/support/fuzz";
import { demoPeopleIds, sessionCookie } from "../tests/support/people";

// Issue 16: property-based fuzzing of every route the app registers. A bounded number of cases
// here (bench/fuzz.ts sends twenty thousand): no 5xx, and the app answers afterwards.

const PEOPLE = ["ada", "frida", "siv", "kari", "rune", "bente", "sverre", "vera"];
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 16);

describe.each(databaseKinds)("hostile input on %s", (kind) => {
  let t: TestApp;
  let context: FuzzContext;
  beforeAll(async () => {
    t = await testApp(kind, {
      demoPeople: true,
      // The limit on public forms would answer most of the requests 429 before they reach a form.
      rateRules: { form: { limit: 1_000_000, windowSeconds: 60 } },
    });
    const ids = await demoPeopleIds(t.db, PEOPLE);
    context = {
      app: t.app,
      cookie: (who) => sessionCookie(t, ids[who]!),
      people: PEOPLE,
      params: await fuzzParams(t.db),
    };
  });
  afterAll(() => t.close());

  it(`answers ${RUNS} generated requests to every route without a 5xx`, async () => {
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        requestArbitrary(context, { skip: skipForPeople }),
        async (r: FuzzRequest) => {
          const status = await sendFuzz(context, r);
          if (status >= 500) failures.push(`${status} ${describeFuzz(r)}`);
          return status < 500;
        },
      ),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(failures).toEqual([]);
  }, 240_000);

  it("sends a CSP without unsafe-inline, and no page has an inline style or script", async () => {
    const gets = fc
      .sample(requestArbitrary(context, { skip: skipForPeople }), { numRuns: 400, seed: SEED })
      .filter((r) => r.method === "GET")
      .map((r) => ({ ...r, query: "", origin: null }));
    expect(gets.length).toBeGreaterThan(100);
    let pages = 0;
    for (const r of gets) {
      const headers: Record<string, string> = r.who ? { Cookie: await context.cookie(r.who) } : {};
      const res = await t.app.request(r.path, { headers });
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("style-src 'self';");
      expect(csp).not.toMatch(/unsafe-inline|style-src-attr|unsafe-eval/);
      if (!(res.headers.get("content-type") ?? "").startsWith("text/html")) continue;
      pages++;
      const html = await res.text();
      expect(html, r.path).not.toMatch(/<[a-z][^>]*\sstyle=/i);
      expect(html, r.path).not.toMatch(/<style[\s>]/i);
      expect(html, r.path).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
    }
    expect(pages).toBeGreaterThan(50);
  }, 240_000);

  it("is alive afterwards: the front page and a signed-in page answer", async () => {
    expect((await t.app.request("/nb/")).status).toBe(200);
    const res = await t.app.request("/nb/meg", {
      headers: { Cookie: await context.cookie("ada") },
    });
    expect(res.status).toBe(200);
  });
});
