import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { jobs } from "../../kernel/schema";
import { cohorts } from "../cohorts/schema";
import { mailings } from "./schema";

describe.each(databaseKinds)("the message pages (%s)", (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let as: ReturnType<typeof requestsAs>;
  let cohort3: number;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    as = requestsAs(() => t, await demoPeopleIds(t.db, ["ada", "siv", "kari", "rune"]));
    const [c3] = await t.db.select().from(cohorts).where(eq(cohorts.number, 3));
    cohort3 = c3!.id;
  }, 300_000);
  afterAll(() => t.close());

  it("lets Siv write to Agder's non-respondents: count and sample first, errors kept, sent once", async () => {
    const list = await as.get("/nb/admin/meldinger", "siv");
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    expect(listHtml).toContain(`/nb/admin/meldinger/ny/ikke-svart/${cohort3}`);
    expect(listHtml).toContain(`/nb/admin/meldinger/ny/koordinatorer/${cohort3}/42`);
    // The demo's sent message to cohort 3's non-respondents.
    expect(listHtml).toContain("Påminnelse: svar på invitasjonen til pulje 3");

    const compose = `/nb/admin/meldinger/ny/ikke-svart/${cohort3}`;
    const page = await as.get(compose, "siv");
    expect(page.status).toBe(200);
    const pageHtml = await page.text();
    expect(pageHtml).toMatch(/\d+ mottakere? får meldingen/);
    expect(pageHtml).toContain("Kari Kommune (Kristiansand)");
    expect(pageHtml).toContain(`Svar går til deg: siv@demo.samspill.example`);

    const before = (await t.db.select().from(mailings)).length;
    const bad = await as.post(compose, "siv", {
      subjectNb: "",
      bodyNb: "Svar snart, takk.",
      subjectNn: "Hugs",
      bodyNn: "",
    });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('href="#subjectNb"');
    expect(badHtml).toContain('href="#bodyNn"');
    expect(badHtml).toContain('id="subjectNb-error"');
    expect(badHtml).toContain("Svar snart, takk.");
    expect((await t.db.select().from(mailings)).length).toBe(before);

    const ok = await as.post(compose, "siv", {
      subjectNb: "Husk fristen",
      bodyNb: "Svar snart, takk.",
      subjectNn: "",
      bodyNn: "",
    });
    expect(ok.status).toBe(303);
    const location = ok.headers.get("location")!;
    expect(location).toMatch(/^\/nb\/admin\/meldinger\/\d+\?melding=lagret$/);
    const id = Number(location.split("/").pop()!.split("?")[0]);
    const draft = await as.get(location, "siv");
    expect(draft.status).toBe(200);
    expect(await draft.text()).toContain("Send meldingen");

    // Someone else's message is not theirs to see or send.
    expect((await as.get(`/nb/admin/meldinger/${id}`, "kari")).status).toBe(403);
    expect((await as.post(`/nb/admin/meldinger/${id}/send`, "kari", {})).status).toBe(403);

    // A double click: two posts, one send.
    const [a, b] = await Promise.all([
      as.post(`/nb/admin/meldinger/${id}/send`, "siv", {}),
      as.post(`/nb/admin/meldinger/${id}/send`, "siv", {}),
    ]);
    expect([a.status, b.status]).toEqual([303, 303]);
    const [m] = await t.db.select().from(mailings).where(eq(mailings.id, id));
    expect(m!.status).toBe("scheduled");
    const starts = await t.db
      .select()
      .from(jobs)
      .where(eq(jobs.idempotencyKey, `mailing-start:${id}`));
    expect(starts).toHaveLength(1);
    const sent = await as.get(`/nb/admin/meldinger/${id}`, "siv");
    expect(await sent.text()).toContain("progress-bar");
  });

  it("refuses a segment the sender may not reach with 403 and the reason, and a forged county", async () => {
    const vestland = await as.get(`/nb/admin/meldinger/ny/koordinatorer/${cohort3}/46`, "siv");
    expect(vestland.status).toBe(403);
    expect(await vestland.text()).toContain("fylkene statsforvalteren din dekker");
    const forged = await as.post(`/nb/admin/meldinger/ny/koordinatorer/${cohort3}/4640`, "siv", {
      subjectNb: "Hei",
      bodyNb: "Tekst",
    });
    expect(forged.status).toBe(403);
    const kari = await as.get(`/nb/admin/meldinger/ny/ikke-svart/${cohort3}`, "kari");
    expect(kari.status).toBe(403);
    expect(await kari.text()).toContain("Rollen din gir ikke rett");
    const other = await as.get(`/nn/admin/meldinger/ny/koordinatorer/${cohort3}/4203`, "kari");
    expect(other.status).toBe(403);
    expect(await other.text()).toContain("din eigen kommune");
    // A resource person writes no messages at all.
    expect((await as.get("/nb/admin/meldinger", "rune")).status).toBe(403);
  });

  it("says before sending that nobody gets it, and refuses to send", async () => {
    const compose = `/en/admin/meldinger/ny/koordinatorer/${cohort3}/4204`;
    const page = await as.get(compose, "kari");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Nobody gets this message as things stand");
    const ok = await as.post(compose, "kari", { subjectNb: "Hei", bodyNb: "Tekst" });
    expect(ok.status).toBe(303);
    const id = Number(ok.headers.get("location")!.split("/").pop()!.split("?")[0]);
    const send = await as.post(`/en/admin/meldinger/${id}/send`, "kari", {});
    expect(send.status).toBe(422);
    expect(await send.text()).toContain("Nobody gets this as things stand");
    const [m] = await t.db
      .select()
      .from(mailings)
      .where(and(eq(mailings.id, id), eq(mailings.status, "draft")));
    expect(m).toBeDefined();
  });
});
