import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../tests/support/app";
import { databaseKinds } from "../tests/support/db";
import { demoPeopleIds, requestsAs } from "../tests/support/people";
import { hasControlCharacter, refuseControlCharacters } from "./kernel/forms";

// Issue 8, finding 4: a NUL byte in a form field or a query answered 500, because PostgreSQL
// refuses the string. Control characters are now refused once, at the boundary.

/** Concrete values for the route patterns' parameters, from the demo data. */
const PARAMS: Record<string, string> = {
  lang: "nb",
  textLang: "nn",
  provider: "idporten",
  id: "3",
  number: "3",
  slug: "inkluderende-barnehage-og-skolemiljo",
  code: "4204",
  officeId: "sf-agder",
  invitationId: "1",
  draftId: "1",
  runId: "1",
  orgnr: "974589648",
  token: "x",
  reference: "x",
  sig: "x",
  section: "motivasjon",
  s: "0",
  q: "0",
  activity: "1",
  fileId: "AAAAAAAAAAAAAAAAAAAAAA",
  documentId: "1",
  materialId: "1",
  meetingId: "1",
  memberId: "1",
  cohort: "3",
  grant: "1",
  claim: "1",
  receipt: "1",
  measure: "1",
  download: "reach-county.csv",
  dataset: "inkluderende-barnehage-og-skolemiljo.json",
  table: "fylker.csv",
  file: "rekkevidde.csv",
  programme: "1",
  draft: "1",
  place: "42",
  gathering: "1",
  network: "1",
  target: "1",
};

function concrete(pattern: string): string {
  return pattern.replace(/:([a-zA-Z]+)(\{[^}]*\})?/g, (_, name: string, rule?: string) => {
    // A parameter whose rule is a list of words ({ikke-svart|fylke}) takes the first of them.
    const word = rule && /^\{([a-z0-9-]+)(\|[a-z0-9-]+)*\}$/.exec(rule)?.[1];
    const value = word || PARAMS[name];
    if (!value) throw new Error(`no value for :${name} in ${pattern}`);
    return value;
  });
}

describe("control characters", () => {
  it("are found in text, with tab and line breaks allowed in multi-line fields", () => {
    expect(hasControlCharacter("Kari\u0000")).toBe(true);
    expect(hasControlCharacter("a\u001bb")).toBe(true);
    expect(hasControlCharacter("a\u0085b")).toBe(true);
    expect(hasControlCharacter("første linje\nandre\tlinje")).toBe(false);
    expect(hasControlCharacter("a\nb", { multiline: false })).toBe(true);
    expect(hasControlCharacter("Ærlig, øvd og åpen")).toBe(false);
  });

  it("in the path or query are a bad request; escaped text and æøå are not", () => {
    expect(() => refuseControlCharacters("http://x/nb/admin/personer?q=%00")).toThrow();
    expect(() => refuseControlCharacters("http://x/nb/admin/logg?handling=a%0Db")).toThrow();
    expect(() => refuseControlCharacters("http://x/nb/tilbud/%00")).toThrow();
    expect(() => refuseControlCharacters("http://x/nb/tilbud/%E0%A4%A")).toThrow();
    expect(() =>
      refuseControlCharacters("http://x/nb/organisasjoner?q=T%C3%B8nsberg"),
    ).not.toThrow();
    expect(() => refuseControlCharacters("http://x/nb/organisasjoner?q=a+b%26c")).not.toThrow();
  });
});

describe.each(databaseKinds)("the boundary on %s", (kind) => {
  let t: TestApp;
  let as: ReturnType<typeof requestsAs>;
  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    as = requestsAs(() => t, await demoPeopleIds(t.db, ["ada", "siv", "kari"]));
  });
  afterAll(() => t.close());

  it("answers 400 to a NUL in the fields named in the finding, and stores nothing", async () => {
    const cases: [string, string | undefined, Record<string, string>][] = [
      ["/nb/logg-inn/e-post", undefined, { email: "kari\u0000@demo.samspill.example" }],
      ["/nb/logg-inn/kode", undefined, { code: "12\u00003456" }],
      ["/nb/nyhetsbrev", undefined, { email: "a\u0000@samspill.example", consent: "yes" }],
      ["/nb/kontakt", undefined, { name: "Kari\u0000", email: "kari@samspill.example" }],
      ["/nb/admin/invitasjoner", "ada", { email: "ny\u0000@samspill.example", role: "staff" }],
      [
        "/nb/admin/tilbud/inkluderende-barnehage-og-skolemiljo/regler",
        "ada",
        { minMonths: "12\u0000", maxMonths: "24" },
      ],
      [
        "/nb/puljer/3/kommune/4204/ressursperson",
        "kari",
        { name: "Rune\u0000", email: "x@y.example" },
      ],
      ["/nb/puljer/3/kommune/4204/pp-tjeneste", "kari", { ppServiceId: "1", name: "P\u0000" }],
      ["/nb/puljer/3/kommune/4204/enheter", "kari", { units: "97458964\u00008" }],
    ];
    for (const [path, who, form] of cases) {
      const res = who ? await as.post(path, who, form) : await t.post(path, form);
      expect(res.status, `${path}`).toBe(400);
    }
    for (const path of ["/nb/admin/personer?q=%00", "/nb/admin/logg?handling=%00"]) {
      expect((await as.get(path, "ada")).status, path).toBe(400);
    }
  });

  it("never answers 500 to a control character in any route's form or query", async () => {
    // Every route the app has, with its parameters filled in from the demo data.
    const routes = t.app.routes.filter(
      (r) => (r.method === "GET" || r.method === "POST") && r.path.includes("/"),
    );
    expect(routes.length).toBeGreaterThan(50);
    const seen = new Set<string>();
    for (const r of routes) {
      const path = concrete(r.path);
      // Acts without fields that end the session or the person would end the test's people.
      const ends = r.method === "POST" && /\/(meg\/slett|logg-ut)/.test(path);
      if (ends || path.includes("*") || seen.has(`${r.method} ${path}`)) continue;
      seen.add(`${r.method} ${path}`);
      for (const who of [undefined, "ada", "kari"]) {
        const res =
          r.method === "GET"
            ? await as.get(`${path}?q=%00&handling=x%01`, who)
            : who
              ? await as.post(path, who, { x: "a\u0000b", name: "\u0007" })
              : await t.post(path, { x: "a\u0000b", name: "\u0007" });
        expect(res.status, `${r.method} ${path} as ${who ?? "nobody"}`).toBeLessThan(500);
      }
    }
  });
});
