import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../tests/support/app";
import { databaseKinds } from "../../tests/support/db";

/** Every page a visitor reaches without signing in, in each language (paths without the prefix). */
const PUBLIC_PAGES = [
  "/",
  "/tilbud/inkluderende-barnehage-og-skolemiljo",
  "/tilbud/bedre-foreldresamarbeid",
  "/kontakt",
  "/nyhetsbrev",
  "/tilgjengelighet",
  "/personvern",
  "/logg-inn",
  "/ingen-tilgang",
  "/logget-ut",
];

/**
 * The id attributes of an HTML document, in order. Our pages are rendered by hono/jsx, which
 * always quotes attribute values and escapes `"`, `<` and `>` in them, so a scan of the start
 * tags finds every attribute; text between tags is skipped.
 */
function idsOf(html: string): string[] {
  const ids: string[] = [];
  for (const tag of html.matchAll(/<[a-zA-Z][^>]*>/g)) {
    for (const attr of tag[0].matchAll(/\sid="([^"]*)"/g)) ids.push(attr[1]!);
  }
  return ids;
}

const duplicates = (ids: string[]) => [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];

describe("idsOf", () => {
  it("finds ids in start tags only, not data-id or text", () => {
    expect(idsOf('<p id="a" data-id="b">id="c"</p><input data-x="1" id="d"><a\n id="a">')).toEqual([
      "a",
      "d",
      "a",
    ]);
  });
});

describe.each(databaseKinds)("every public page has unique ids, on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(kind);
  });
  afterAll(() => t.close());

  for (const lang of ["nb", "nn", "en"] as const) {
    it(`in ${lang}`, async () => {
      const found: Record<string, string[]> = {};
      for (const path of PUBLIC_PAGES) {
        const response = await t.app.request(`/${lang}${path}`);
        expect(response.status, path).toBe(200);
        const ids = idsOf(await response.text());
        expect(ids.length, path).toBeGreaterThan(0);
        found[path] = duplicates(ids);
      }
      expect(found).toEqual(Object.fromEntries(PUBLIC_PAGES.map((p) => [p, []])));
    });
  }

  it("also while the feedback widget asks for a comment beside the contact form", async () => {
    const answered = await t.post("/nb/tilbakemelding", { page: "/kontakt", answer: "no" });
    expect(answered.status).toBe(303);
    const next = answered.headers.get("location")!;
    expect(next).toContain("/nb/kontakt?tilbakemelding=");
    const html = await (await t.app.request(next)).text();
    expect(html).toContain('id="feedback-comment"');
    expect(duplicates(idsOf(html))).toEqual([]);
  });
});
