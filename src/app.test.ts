import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../tests/support/app";
import { databaseKinds } from "../tests/support/db";
import { createApp } from "./app";
import { openPostgres } from "./db/client";

const IBS = "/tilbud/inkluderende-barnehage-og-skolemiljo";

describe.each(databaseKinds)("the public site on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(kind);
  });
  afterAll(() => t.close());

  it("shows the catalogue with both programmes", async () => {
    const html = await (await t.app.request("/nb/")).text();
    expect(html).toContain("Inkluderende barnehage- og skolemiljø");
    expect(html).toContain("Bedre foreldresamarbeid til det beste for barnet");
    expect(html).toContain("Fant du det du lette etter?");
  });

  it("draws the cohorts of IBS from the data", async () => {
    const html = await (await t.app.request(`/nb${IBS}`)).text();
    expect(html).toContain("Startet i januar 2017");
    expect(html).toContain("38 kommuner i pulje 1");
    expect(html).toContain("Inviterte embeter (6)");
    for (const office of [
      "Aust- og Vest-Agder",
      "Finnmark",
      "Møre og Romsdal",
      "Nordland",
      "Oppland",
      "Vestfold",
    ]) {
      expect(html).toContain(`Fylkesmannen i ${office}`);
    }
    expect(html).toContain("Pulje 2");
    expect(html).toContain("Fra januar 2018 til desember 2019");
    expect(html).toContain("Embetene inviterer kommuner innen 1. juni 2017.");
    expect(html).toContain("Inviterte embeter (8)");
    expect(html).toContain("Fylkesmannen i Oslo og Akershus");
    // The live cohort: the municipalities that said yes so far, and the units they enrolled.
    expect(html).toContain("Pulje 3");
    expect(html).toContain("2 kommuner i pulje 3");
    expect(html).toMatch(/[1-9]\d* barnehager og skoler er meldt på/);
  });

  it("carries the facts of the FUB page", async () => {
    const html = await (await t.app.request("/nb/tilbud/bedre-foreldresamarbeid")).text();
    expect(html).toContain("12 til 24 måneder");
    expect(html).toContain("Noe fysisk, mest digitalt");
    expect(html).toContain("gratis for kommunen");
    expect(html).toContain("477 99 200");
    expect(html).toContain("Kommunen søker om å delta");
  });

  it("shows the way in on FUB's page: the open round, its deadline, the questions and applying", async () => {
    const FUB = "/tilbud/bedre-foreldresamarbeid";
    const section = (html: string) => {
      const start = html.indexOf('aria-labelledby="application-heading"');
      return start < 0 ? "" : html.slice(start, html.indexOf("</section>", start));
    };
    const nb = await (await t.app.request(`/nb${FUB}`)).text();
    const way = section(nb);
    expect(way).toContain("Slik søker kommunen");
    expect(way).toContain("Søknadsrunden er åpen. Fristen er 14. desember 2026 kl. 23:59.");
    expect(way).toContain("Søknadsrunden gjelder pulje 2, fra august 2027 til juli 2029.");
    expect(way).toContain(`href="/nb${FUB}/soknad"`);
    expect(way).toContain('href="/nb/soknader"');
    expect(way).toContain("Søk for kommunen");
    // Before the cohorts, and the cohorts by application without the chain's words.
    expect(nb.indexOf("application-heading")).toBeLessThan(nb.indexOf("cohorts-heading"));
    expect(nb).toContain("Kommunene søker om å være med i denne puljen.");
    expect(nb).not.toMatch(/Inviterte? embete|Embetene|kommuner i pulje/);
    const nn = section(await (await t.app.request(`/nn${FUB}`)).text());
    expect(nn).toContain("Slik søkjer kommunen");
    expect(nn).toContain("Søknadsrunden gjeld pulje 2, frå august 2027 til juli 2029.");
    expect(nn).toContain("Les spørsmåla i søknaden");
    const en = section(await (await t.app.request(`/en${FUB}`)).text());
    expect(en).toContain("How the municipality applies");
    expect(en).toContain("Apply for the municipality");
    // IBS has no application round: no such section.
    expect(section(await (await t.app.request(`/nb${IBS}`)).text())).toBe("");
  });

  it("serves the same page in nynorsk and English, with lang and hreflang right", async () => {
    const nn = await (await t.app.request(`/nn${IBS}`)).text();
    expect(nn).toContain('<html lang="nn"');
    expect(nn).toContain("Inkluderande barnehage- og skulemiljø");
    expect(nn).toContain("38 kommunar i pulje 1");
    expect(nn).toContain(`<link rel="alternate" hreflang="nb" href="/nb${IBS}"/>`);
    expect(nn).toContain(`<a class="ds-link" href="/en${IBS}" hreflang="en" lang="en">English</a>`);
    const en = await (await t.app.request(`/en${IBS}`)).text();
    expect(en).toContain('<html lang="en"');
    expect(en).toContain("38 municipalities in cohort 1");
    expect(en).toContain("Inclusive kindergarten and school environments");
    expect(en).not.toContain("This content is only available in Norwegian.");
  });

  it("answers unknown paths with a 404 page in the language of the path", async () => {
    const nn = await t.app.request("/nn/finst-ikkje");
    expect(nn.status).toBe(404);
    expect(await nn.text()).toContain("Fann ikkje sida");
    const en = await t.app.request("/en/tilbud/no-such-programme");
    expect(en.status).toBe(404);
    expect(await en.text()).toContain("Page not found");
  });

  it("sends visitors to their language from /", async () => {
    const res = await t.app.request("/", {
      headers: { "Accept-Language": "nn-NO,nn;q=0.9,en;q=0.5" },
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/nn/");
    expect((await t.app.request("/")).headers.get("location")).toBe("/nb/");
  });

  it("sets the security headers and loads nothing from other hosts", async () => {
    const res = await t.app.request(`/nb${IBS}`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("strict-transport-security")).toBeNull();
    const html = await res.text();
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<script(?![^>]*src=)[^>]*>/);
    const tls = await t.app.request(`https://samspill.example/nb${IBS}`);
    expect(tls.headers.get("strict-transport-security")).toContain("max-age=");
  });

  it("serves the hashed assets compressed and cacheable for a year", async () => {
    const html = await (await t.app.request("/nb/")).text();
    const css = html.match(/href="(\/assets\/app\.[\w]+\.css)"/)?.[1];
    expect(css).toBeDefined();
    const res = await t.app.request(css!, { headers: { "Accept-Encoding": "br, gzip" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(res.headers.get("cache-control")).toContain("immutable");
  });

  it("links an SVG favicon from every page and serves /favicon.ico, both cacheable", async () => {
    for (const page of ["/nb/", "/en/kontakt", "/nn/logg-inn"]) {
      const html = await (await t.app.request(page)).text();
      expect(html, page).toMatch(
        /<link rel="icon" href="\/assets\/favicon\.\w+\.svg" type="image\/svg\+xml"\/?>/,
      );
    }
    const html = await (await t.app.request("/nb/")).text();
    const svgPath = html.match(/href="(\/assets\/favicon\.\w+\.svg)"/)![1]!;
    const svg = await t.app.request(svgPath);
    expect(svg.status).toBe(200);
    expect(svg.headers.get("content-type")).toContain("image/svg+xml");
    expect(svg.headers.get("cache-control")).toContain("immutable");
    expect(await svg.text()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);

    // Browsers and crawlers that never read the link ask for /favicon.ico.
    const ico = await t.app.request("/favicon.ico");
    expect(ico.status).toBe(200);
    expect(ico.headers.get("content-type")).toBe("image/x-icon");
    expect(ico.headers.get("cache-control")).toMatch(/^public, max-age=\d{6,}/);
    const bytes = new Uint8Array(await ico.arrayBuffer());
    // An ICO header with one 32×32 image, which is a PNG.
    expect([...bytes.slice(0, 8)]).toEqual([0, 0, 1, 0, 1, 0, 32, 32]);
    expect([...bytes.slice(22, 26)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const head = await t.app.request("/favicon.ico", { method: "HEAD" });
    expect(head.status).toBe(200);
  });

  it("shows the accessibility statement and the privacy page, linked from the footer", async () => {
    const home = await (await t.app.request("/nb/")).text();
    expect(home).toContain('href="/nb/tilgjengelighet"');
    expect(home).toContain('href="/nb/personvern"');
    expect(await (await t.app.request("/nb/tilgjengelighet")).text()).toContain("WCAG 2.1");
    expect(await (await t.app.request("/nn/personvern")).text()).toContain(
      "Vi lagrar ikkje IP-adressa di",
    );
  });

  it("answers a rush from the page cache with the same page and the same headers", async () => {
    const cached = createApp({
      db: t.db,
      secret: "x".repeat(40),
      linkBase: "http://localhost",
      pageCacheSeconds: 5,
      log: () => {},
    });
    const first = await cached.request(`/nb${IBS}`);
    const second = await cached.request(`/nb${IBS}`);
    expect(second.status).toBe(200);
    expect(await second.text()).toBe(await first.text());
    for (const name of ["content-security-policy", "x-frame-options", "cache-control", "vary"]) {
      expect(second.headers.get(name)).toBe(first.headers.get(name));
    }
    const br = await cached.request(`/nb${IBS}`, { headers: { "Accept-Encoding": "gzip, br" } });
    expect(br.headers.get("content-encoding")).toBe("br");
    // With a session cookie or a query, the page is made for this request.
    const withQuery = await cached.request(`/nb${IBS}?tilbakemelding=takk`);
    expect(await withQuery.text()).toContain("Tusen takk for hjelpen!");
    const withCookie = await cached.request(`/nb${IBS}`, {
      headers: { Cookie: "samspill-session=nope" },
    });
    expect(withCookie.status).toBe(200);
    expect(withCookie.headers.get("content-security-policy")).toBe(
      first.headers.get("content-security-policy"),
    );
  });

  it("hides the development outbox outside development", async () => {
    expect((await t.app.request("/nb/dev/utboks")).status).toBe(404);
    const dev = createApp({
      db: t.db,
      secret: "x".repeat(40),
      linkBase: "http://localhost",
      env: "development",
      mailKind: "outbox",
      log: () => {},
    });
    // From loopback only (src/kernel/loopback.test.ts): the socket @hono/node-server hands over.
    const res = await dev.request(
      "/nb/dev/utboks",
      {},
      {
        incoming: { socket: { remoteAddress: "127.0.0.1" } },
      },
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Utboks (utvikling)");
  });
});

// Only where a PostgreSQL server is given; PGlite is one process and cannot race itself.
if (process.env.TEST_DATABASE_URL)
  describe("migrations on PostgreSQL", () => {
    it("are applied safely when two instances start at once", async () => {
      const pg = await import("pg");
      const url = process.env.TEST_DATABASE_URL!;
      const name = `samspill_migrate_${process.pid}`;
      const admin = new pg.default.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop database if exists ${name}`);
      await admin.query(`create database ${name}`);
      const target = new URL(url);
      target.pathname = `/${name}`;
      const a = await openPostgres(target.toString(), 2);
      const b = await openPostgres(target.toString(), 2);
      await Promise.all([a.migrate(), b.migrate()]);
      const { rows } = await admin.query("select 1");
      expect(rows).toHaveLength(1);
      await a.close();
      await b.close();
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    });
  });
