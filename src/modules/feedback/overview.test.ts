import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { demoEmail } from "../identity";
import { auditLog, people } from "../identity/schema";
import { createSession } from "../identity/sessions";
import { pageFeedback } from "./schema";
import { feedbackStats, listComments } from "./service";

const IBS = "/tilbud/inkluderende-barnehage-og-skolemiljo";
const COOKIE = "samspill-session";

describe.each(databaseKinds)("the page-feedback overview on %s", (kind) => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  let firstComment = 0;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    for (const key of ["ada", "frida", "kari"]) {
      const [p] = await t.db
        .select()
        .from(people)
        .where(eq(people.email, demoEmail(key)));
      ids[key] = p!.id;
    }
    const at = (iso: string) => new Date(iso);
    // IBS in bokmål: 2 of 3 Ja in October, 1 of 2 in November; one nynorsk Nei; the contact page.
    await t.db.insert(pageFeedback).values([
      { page: IBS, lang: "nb", found: true, createdAt: at("2026-10-03T10:00:00Z") },
      { page: IBS, lang: "nb", found: true, createdAt: at("2026-10-10T10:00:00Z") },
      { page: IBS, lang: "nb", found: false, createdAt: at("2026-10-31T23:30:00Z") }, // 1 Nov in Oslo
      { page: IBS, lang: "nb", found: false, createdAt: at("2026-11-20T10:00:00Z") },
      { page: IBS, lang: "nn", found: false, createdAt: at("2026-11-21T10:00:00Z") },
      { page: "/kontakt", lang: "nb", found: true, createdAt: at("2026-11-22T10:00:00Z") },
    ]);
    // 25 comments on IBS, one a minute, and one on the contact page.
    const rows = Array.from({ length: 25 }, (_, i) => {
      const when = new Date(Date.UTC(2026, 10, 22, 8, i));
      return {
        page: IBS,
        lang: "nb",
        found: i % 2 === 0,
        comment: `Kommentar nummer ${i + 1}`,
        createdAt: when,
        commentedAt: when,
      };
    });
    const inserted = await t.db
      .insert(pageFeedback)
      .values([
        ...rows,
        {
          page: "/kontakt",
          lang: "nb",
          found: false,
          comment: "Fant ikke telefonnummeret",
          createdAt: at("2026-11-22T12:00:00Z"),
          commentedAt: at("2026-11-22T12:00:00Z"),
        },
      ])
      .returning({ id: pageFeedback.id });
    firstComment = inserted[0]!.id;
  });
  afterAll(() => t.close());

  const cookie = async (who: string) =>
    `${COOKIE}=${await createSession(t.db, ids[who]!, "test", t.clock.now())}`;
  const get = async (path: string, who: string) =>
    t.app.request(path, { headers: { Cookie: await cookie(who) } });
  const post = async (path: string, who: string, form: Record<string, string> = {}) =>
    t.post(path, form, { Cookie: await cookie(who) });

  it("counts answers and Ja per page and language, and per month in Oslo time", async () => {
    const stats = await feedbackStats(t.db, {
      page: IBS,
      since: new Date("2025-11-23T00:00:00Z"),
    });
    // 5 + the 25 commented answers (13 of them Ja).
    expect(stats.pages).toEqual([
      { page: IBS, lang: "nb", answers: 29, yes: 15 },
      { page: IBS, lang: "nn", answers: 1, yes: 0 },
    ]);
    expect(stats.months).toEqual([
      { page: IBS, lang: "nb", month: "2026-11", answers: 27, yes: 13 },
      { page: IBS, lang: "nb", month: "2026-10", answers: 2, yes: 2 },
      { page: IBS, lang: "nn", month: "2026-11", answers: 1, yes: 0 },
    ]);
  });

  it("shows the overview to programme admins, newest comments first, twenty a page, filtered by page", async () => {
    const res = await get("/nb/admin/tilbakemeldinger", "ada");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Tilbakemeldinger på sidene");
    expect(html).toContain("Fant ikke telefonnummeret");
    expect(html.indexOf("Fant ikke telefonnummeret")).toBeLessThan(
      html.indexOf("Kommentar nummer 25"),
    );
    expect(html).not.toContain("Kommentar nummer 6<");
    expect(html).toContain("Neste side");
    const second = await (await get("/nb/admin/tilbakemeldinger?side=2", "ada")).text();
    expect(second).toContain("Kommentar nummer 6<");
    expect(second).toContain("Kommentar nummer 1<");
    expect(second).not.toContain("Kommentar nummer 7<");

    const filtered = await (
      await get(`/nb/admin/tilbakemeldinger?sti=${encodeURIComponent("/kontakt")}`, "ada")
    ).text();
    expect(filtered).toContain("Fant ikke telefonnummeret");
    expect(filtered).not.toContain("Kommentar nummer");

    expect((await get("/nb/admin/tilbakemeldinger", "frida")).status).toBe(200);
    expect((await get("/nb/admin/tilbakemeldinger", "kari")).status).toBe(403);
  });

  it("hides a comment and marks one handled, each with who and when, audited", async () => {
    const id = firstComment;
    expect(
      (await post(`/nb/admin/tilbakemeldinger/${id}/skjul`, "kari", { tilbake: "/nb/" })).status,
    ).toBe(403);

    const hidden = await post(`/nb/admin/tilbakemeldinger/${id}/skjul`, "ada", {
      tilbake: "/nb/admin/tilbakemeldinger?side=2",
    });
    expect(hidden.status).toBe(303);
    expect(hidden.headers.get("location")).toBe("/nb/admin/tilbakemeldinger?side=2&melding=hidden");
    const handled = await post(`/nb/admin/tilbakemeldinger/${id}/behandlet`, "frida", {
      tilbake: "https://evil.example/",
    });
    expect(handled.headers.get("location")).toBe("/nb/admin/tilbakemeldinger?melding=handled");

    const [row] = await t.db.select().from(pageFeedback).where(eq(pageFeedback.id, id));
    expect(row).toMatchObject({
      hiddenBy: ids.ada,
      handledBy: ids.frida,
      hiddenAt: t.clock.now(),
      handledAt: t.clock.now(),
    });
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, "page_feedback"));
    expect(entries.map((e) => [e.action, e.actorId, e.entityId])).toEqual([
      ["feedback.hide", ids.ada, String(id)],
      ["feedback.handle", ids.frida, String(id)],
    ]);

    // A second click changes nothing and writes nothing.
    await post(`/nb/admin/tilbakemeldinger/${id}/skjul`, "ada");
    expect(
      await t.db.select().from(auditLog).where(eq(auditLog.entityType, "page_feedback")),
    ).toHaveLength(2);

    const visible = await listComments(t.db, { page: IBS });
    const all = await listComments(t.db, { page: IBS, showHidden: true }, 2);
    expect(visible.rows.map((r) => r.id)).not.toContain(id);
    expect(all.rows.map((r) => r.id)).toContain(id);
    const page = await (
      await get("/nb/admin/tilbakemeldinger?side=2&skjulte=1&melding=hidden", "ada")
    ).text();
    expect(page).toContain("Kommentaren er skjult.");
    expect(page).toContain("Kommentar nummer 1<");
    expect(page).toContain("Skjult. Behandlet");
  });
});
