import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { newsletterSubscriptions } from "../newsletter/schema";
import { programmesOwnedBy } from "../programmes";
import { mailings } from "./schema";

describe.each(databaseKinds)("the newsletter pages (%s)", (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let as: ReturnType<typeof requestsAs>;
  let fubId: number;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    as = requestsAs(() => t, await demoPeopleIds(t.db, ["frida", "ada", "siv", "edel"]));
    const [fub] = await programmesOwnedBy(t.db, ["fub"]);
    fubId = fub!.id;
    const now = t.clock.now();
    await t.db.insert(newsletterSubscriptions).values(
      ["a", "b", "c"].map((x, i) => ({
        email: `${x}.leser@lesere.demo.samspill.example`,
        programmeId: fubId,
        lang: i === 0 ? "nn" : "nb",
        status: "confirmed" as const,
        consentTextVersion: "t",
        consentedAt: now,
        confirmedAt: now,
      })),
    );
  }, 300_000);
  afterAll(() => t.close());

  it("lets Frida compose, keep her input on errors, preview, test and send once", async () => {
    const list = await as.get("/nb/admin/nyhetsbrev", "frida");
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    expect(listHtml).toContain("Nytt nyhetsbrev");
    // The demo's sent and scheduled newsletters.
    expect(listHtml).toContain("Erfaringer fra det første året");

    const compose = `/nb/admin/nyhetsbrev/ny?tilbud=${fubId}`;
    expect((await as.get(compose, "frida")).status).toBe(200);
    const bad = await as.post(compose, "frida", {
      subjectNb: "",
      subjectNn: "Emne",
      bodyNb: "Tekst <script>x</script>",
      bodyNn: "x".repeat(20_001),
      replyTo: "frida@fub.demo.samspill.example",
    });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('href="#subjectNb"');
    expect(badHtml).toContain('href="#bodyNb"');
    expect(badHtml).toContain('href="#bodyNn"');
    expect(badHtml).toContain('href="#langs"');
    expect(badHtml).toContain("frida@fub.demo.samspill.example");
    const before = await t.db.select().from(mailings);

    const form = new URLSearchParams({
      subjectNb: "Vinterbrev",
      subjectNn: "Vinterbrev på nynorsk",
      bodyNb: "## Hei\n\nNytt fra oss.",
      bodyNn: "## Hei\n\nNytt frå oss.",
      replyTo: "frida@fub.demo.samspill.example",
    });
    form.append("langs", "nb");
    form.append("langs", "nn");
    const created = await as.post(compose, "frida", form);
    expect(created.status).toBe(303);
    const page = created.headers.get("location")!.split("?")[0]!;
    expect((await t.db.select().from(mailings)).length).toBe(before.length + 1);
    const editor = await (await as.get(page, "frida")).text();
    expect(editor).toContain("3 abonnenter får det slik det står nå.");

    const preview = await (await as.get(`${page}/forhandsvisning?sprak=nn`, "frida")).text();
    expect(preview).toContain("Vinterbrev på nynorsk");
    expect(preview).toContain('style="');
    const web = await as.get(`${page}/nettside?sprak=nb`, "frida");
    expect(web.status).toBe(200);

    const test = await as.post(`${page}/test`, "frida");
    expect(test.status).toBe(303);
    await t.jobs.runDue();
    expect(t.smtp.received.filter((m) => m.subject.startsWith("[Test] Vinterbrev"))).toHaveLength(
      2,
    );

    const past = await as.post(`${page}/send`, "frida", { sendAt: "1.1.2020 09:00" });
    expect(past.status).toBe(422);
    expect(await past.text()).toContain('href="#send-sendAt"');

    const [one, two] = await Promise.all([
      as.post(`${page}/send`, "frida", { sendAt: "" }),
      as.post(`${page}/send`, "frida", { sendAt: "" }),
    ]);
    expect([one.status, two.status]).toEqual([303, 303]);
    const id = Number(page.split("/").pop());
    for (let i = 0; i < 3; i++) {
      await t.jobs.runDue();
      t.clock.advance(1000);
    }
    const got = t.smtp.received.filter((m) => m.subject.startsWith("Vinterbrev"));
    expect(got.map((m) => m.to).sort()).toEqual([
      "a.leser@lesere.demo.samspill.example",
      "b.leser@lesere.demo.samspill.example",
      "c.leser@lesere.demo.samspill.example",
    ]);
    const progress = await (await as.get(page, "frida")).text();
    expect(progress).toContain("3 av 3 behandlet");
    const [row] = await t.db.select().from(mailings).where(eq(mailings.id, id));
    expect(row?.status).toBe("sent");

    // The archive: the programme's page lists it, and its web edition is public.
    const edition = await t.app.request(`/nn/nyhetsbrev/utgaver/${id}`);
    expect(edition.status).toBe(200);
    expect(await edition.text()).toContain("Vinterbrev på nynorsk");
  });

  it("keeps other owners' programmes and roles out", async () => {
    const [udir] = await programmesOwnedBy(t.db, ["udir"]);
    expect((await as.get(`/nb/admin/nyhetsbrev/ny?tilbud=${udir!.id}`, "frida")).status).toBe(403);
    expect((await as.get("/nb/admin/nyhetsbrev", "siv")).status).toBe(403);
    const [mine] = await t.db.select().from(mailings).where(eq(mailings.programmeId, fubId));
    expect((await as.get(`/nb/admin/nyhetsbrev/${mine!.id}`, "ada")).status).toBe(403);
    // A draft or a scheduled one is not in the public archive.
    const [scheduled] = (await t.db.select().from(mailings)).filter(
      (m) => m.status === "scheduled",
    );
    expect((await t.app.request(`/nb/nyhetsbrev/utgaver/${scheduled!.id}`)).status).toBe(404);
    expect((await as.get("/nb/admin/nyhetsbrev/ny?tilbud=abc", "frida")).status).toBe(404);
  });

  it("lets the editor Frida names write FUB/FUG's newsletters, and nothing else", async () => {
    // Frida names an editor at her own organisation; not at another owner.
    const invite = (orgId: string) =>
      as.post("/nb/admin/invitasjoner", "frida", {
        email: "redaktor@fub.demo.samspill.example",
        name: "Ny Redaktør",
        role: "newsletter-editor",
        orgId,
      });
    expect((await invite("udir")).status).toBe(403);
    expect((await invite("fub")).status).toBe(303);

    // Edel, the demo's editor: the newsletter pages of FUB/FUG's programmes, in the menu too.
    const list = await as.get("/nb/admin/nyhetsbrev", "edel");
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('href="/nb/admin/nyhetsbrev"');
    expect((await as.get(`/nb/admin/nyhetsbrev/ny?tilbud=${fubId}`, "edel")).status).toBe(200);
    const [udir] = await programmesOwnedBy(t.db, ["udir"]);
    expect((await as.get(`/nb/admin/nyhetsbrev/ny?tilbud=${udir!.id}`, "edel")).status).toBe(403);
    // No other part of the programme admin's work.
    for (const path of ["/nb/admin/personer", "/nb/admin/tilskudd", "/nb/admin/tilbud"]) {
      expect((await as.get(path, "edel")).status, path).toBe(403);
    }
  });
});
