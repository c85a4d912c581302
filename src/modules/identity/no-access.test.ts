import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { sessionCookie } from "../../../tests/support/people";
import { insertTestPerson } from "./factories";

/** The links of the page's main content, in order. */
const mainLinks = (html: string) =>
  [
    ...(html.split('<main id="main"')[1] ?? "")
      .split("</main>")[0]!
      .matchAll(/<a [^>]*href="([^"]*)"/g),
  ].map((m) => m[1]!.replaceAll("&amp;", "&"));

describe.each(databaseKinds)(
  "a person without access is never sent round in a circle, on %s",
  (kind) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await testApp(kind);
    });
    afterAll(() => t.close());

    it("signed in without a role: the no-access page links to her page, and work pages answer", async () => {
      const nobody = await insertTestPerson(
        t.db,
        { name: "Ola Uten Rolle", email: "ola@demo.samspill.example" },
        t.clock.now(),
      );
      const headers = { Cookie: await sessionCookie(t, nobody) };
      const page = await t.app.request("/nb/ingen-tilgang", { headers });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain("Du har ikke tilgang ennå");
      expect(mainLinks(html)).toEqual(["/nb/meg", "/nb/kontakt"]);
      // "Mine puljer" is a page for her, not a redirect to sign in.
      const cohorts = await t.app.request("/nb/puljer", { headers });
      expect(cohorts.status).toBe(200);
      expect(await cohorts.text()).toContain("Du har ingen rolle i noen pulje ennå.");
    });

    it("vouched for but unknown: work pages explain (403) instead of sending her to sign in", async () => {
      const headers = { Cookie: "samspill-no-access=1" };
      for (const [path, lang] of [
        ["/nb/puljer", "nb"],
        ["/en/admin/personer?q=x", "en"],
        ["/nn/meg", "nn"],
      ] as const) {
        const res = await t.app.request(path, { headers });
        expect(res.status, path).toBe(403);
        expect(res.headers.get("cache-control")).toBe("no-store");
        const links = mainLinks(await res.text());
        expect(links, path).toEqual([
          `/${lang}/logg-inn?annen-konto=1&returnTo=${encodeURIComponent(path)}`,
          `/${lang}/kontakt`,
        ]);
      }
      // Without that trace, a visitor is sent to sign in as always.
      const anonymous = await t.app.request("/nb/puljer");
      expect(anonymous.status).toBe(302);
      expect(anonymous.headers.get("location")).toBe("/nb/logg-inn?returnTo=%2Fnb%2Fpuljer");
    });
  },
);
