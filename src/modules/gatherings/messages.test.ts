import { like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { IBS, programmeIdOf } from "../../../tests/support/cohorts";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { jobs } from "../../kernel/schema";
import { demoEmail } from "../identity";
import { gatheringInput } from "./factories";
import { createGathering, gatheringById } from "./gatherings";
import { register } from "./registration";
import { mayRegisterAndHaveNot } from "./reminders";

const text = async (res: Response) =>
  (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const DAY = 86_400_000;

describe.each(databaseKinds)("the organiser's reminder and message (%s)", (kind) => {
  let t: TestApp;
  let ids: Record<string, number>;
  let as: ReturnType<typeof requestsAs>;
  let local = 0;
  let open = 0;
  const by = (who: string) => ({
    personId: ids[who]!,
    now: t.clock.now(),
    baseUrl: "http://localhost",
  });
  const make = async (overrides: Parameters<typeof gatheringInput>[1]) => {
    const made = await createGathering(
      t.db,
      gatheringInput(await programmeIdOf(t.db, IBS), overrides),
      by("ada"),
    );
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    return made.gatheringId;
  };
  const reg = async (gatheringId: number, who: string) => {
    const r = await register(t.db, { gatheringId, personId: ids[who]!, sessionIds: [] }, by(who));
    if (!r.ok) throw new Error(`${who}: ${JSON.stringify(r.errors)}`);
  };
  const queued = async (prefix: string) =>
    t.db
      .select()
      .from(jobs)
      .where(like(jobs.idempotencyKey, `${prefix}%`));

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    ids = await demoPeopleIds(t.db, ["ada", "frida", "kari", "rune", "bente", "sverre", "stine"]);
    as = requestsAs(() => t, ids);
    // Kristiansand's units' leaders and staff may come.
    local = await make({
      titleNb: "Samling for skolene",
      titleNn: "Samling for skulane",
      allowedMunicipalities: ["4204"],
      allowedRoles: ["unit-leader", "staff"],
      sessions: [],
    });
    open = await make({ titleNb: "Åpen samling", capacity: 1, sessions: [] });
    await reg(local, "stine");
  });
  afterAll(() => t?.close());

  it("finds those the rule admits who have not registered, by the same rule as registering", async () => {
    const g = (await gatheringById(t.db, local))!;
    const invitees = await mayRegisterAndHaveNot(t.db, g);
    const who = new Set(invitees.map((i) => i.personId));
    expect(who.has(ids.sverre!)).toBe(true);
    expect(who.has(ids.bente!)).toBe(true);
    expect(who.has(ids.stine!)).toBe(false); // registered
    expect(who.has(ids.kari!)).toBe(false); // a municipal coordinator: not admitted
    expect(who.has(ids.ada!)).toBe(false);
  });

  it("shows the number, sends one reminder a day in the written standard, and refuses a second", async () => {
    const page = await text(await as.get(`/nb/admin/samlinger/${local}/paminnelse`, "ada"));
    const n = (await mayRegisterAndHaveNot(t.db, (await gatheringById(t.db, local))!)).length;
    expect(page).toContain(`${n} personer kan melde seg på, men har ikke gjort det.`);
    expect(page).toContain(`Send påminnelse til ${n} personer`);

    const sent = await as.post(`/nb/admin/samlinger/${local}/paminnelse`, "ada");
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toBe(`/nb/admin/samlinger/${local}/paminnelse?sendt=${n}`);
    expect(await queued(`gathering-invitee-reminder:${local}:`)).toHaveLength(n);
    await t.jobs.runDue();
    const mail = await t.smtp.waitFor(
      (m) => m.to.includes(demoEmail("sverre")) && m.subject.includes("Samling for skolene"),
    );
    expect(mail.subject).toBe("Påminnelse: meld deg på Samling for skolene");
    expect(mail.text).toContain(`http://localhost/nb/samlinger/${local}`);

    const again = await as.post(`/nb/admin/samlinger/${local}/paminnelse`, "ada");
    expect(again.status).toBe(422);
    expect(await text(again)).toContain("En påminnelse er allerede sendt i dag.");
    expect(await queued(`gathering-invitee-reminder:${local}:`)).toHaveLength(n);

    t.clock.advance(DAY);
    const tomorrow = await as.post(`/nb/admin/samlinger/${local}/paminnelse`, "ada");
    expect(tomorrow.status).toBe(303);
    expect(await queued(`gathering-invitee-reminder:${local}:`)).toHaveLength(2 * n);
    expect((await as.post(`/nb/admin/samlinger/${local}/paminnelse`, "frida")).status).toBe(403);
  });

  it("messages those with a seat (and the waiting when asked), once per form, with the organiser as Reply-To", async () => {
    await reg(open, "kari");
    await reg(open, "rune"); // waiting: one seat
    const page = await as.get(`/nb/admin/samlinger/${open}/melding`, "ada");
    const html = await page.text();
    expect(html).toContain("1 har plass, og 1 står på ventelisten.");
    const token = html.match(/name="token" value="([\w-]+)"/)![1]!;
    const form = { token, subject: "Nytt rom", text: "Vi møtes i Storsalen i stedet." };

    const first = await as.post(`/nb/admin/samlinger/${open}/melding`, "ada", form);
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`/nb/admin/samlinger/${open}/melding?sendt=1`);
    // A double click: the same form again is the same message; nothing more is queued.
    const second = await as.post(`/nb/admin/samlinger/${open}/melding`, "ada", form);
    expect(second.status).toBe(303);
    const messageJobs = await t.db
      .select()
      .from(jobs)
      .where(like(jobs.idempotencyKey, "gathering-message:%"));
    expect(messageJobs).toHaveLength(1);
    await t.jobs.runDue();
    const mail = await t.smtp.waitFor(
      (m) => m.to.includes(demoEmail("kari")) && m.subject === "Nytt rom",
    );
    expect(mail.text).toContain("Vi møtes i Storsalen i stedet.");
    expect(mail.text).toContain("Du får denne meldingen fordi du er påmeldt Åpen samling.");
    expect(mail.headers.get("reply-to")).toContain(demoEmail("ada"));

    const html2 = await (await as.get(`/nb/admin/samlinger/${open}/melding`, "ada")).text();
    const token2 = html2.match(/name="token" value="([\w-]+)"/)![1]!;
    expect(token2).not.toBe(token);
    const withWaiting = await as.post(`/nb/admin/samlinger/${open}/melding`, "ada", {
      ...form,
      token: token2,
      includeWaiting: "yes",
    });
    expect(withWaiting.headers.get("location")).toBe(`/nb/admin/samlinger/${open}/melding?sendt=2`);
  });

  it("refuses a message with errors beside the fields, input kept, a child held back, nothing queued", async () => {
    const before = await t.db
      .select()
      .from(jobs)
      .where(like(jobs.idempotencyKey, "gathering-message:%"));
    const empty = await as.post(`/nb/admin/samlinger/${open}/melding`, "ada", {
      token: "abcdefghijklmnopqrstu",
      subject: "",
      text: "x".repeat(5001),
    });
    expect(empty.status).toBe(422);
    const body = await text(empty);
    expect(body).toContain("Fyll ut emne");
    expect(body).toContain("Melding kan ha høyst 5000 tegn");

    const child = await as.post(`/nb/admin/samlinger/${open}/melding`, "ada", {
      token: "abcdefghijklmnopqrstu",
      subject: "Om en deltaker",
      text: "Vi er bekymret for Ola i 3B, som ofte kommer for sent.",
    });
    expect(child.status).toBe(422);
    const html = await child.text();
    expect(html).toContain('name="confirm-text"');
    expect(html).toContain("Om en deltaker");
    const after = await t.db
      .select()
      .from(jobs)
      .where(like(jobs.idempotencyKey, "gathering-message:%"));
    expect(after).toHaveLength(before.length);

    expect(
      (await as.post(`/nb/admin/samlinger/${open}/melding`, "ada", { subject: "x" })).status,
    ).toBe(400);
    expect((await as.get(`/nb/admin/samlinger/${open}/melding?sendt=x`, "ada")).status).toBe(400);
    expect(
      (await as.post(`/nb/admin/samlinger/${open}/melding`, "kari", { subject: "x" })).status,
    ).toBe(403);
  });

  it("refuses a reminder once registration has closed", async () => {
    t.clock.set(new Date("2027-02-10T12:00:00Z"));
    const res = await as.post(`/nb/admin/samlinger/${open}/paminnelse`, "ada");
    expect(res.status).toBe(422);
    expect(await text(res)).toContain("Påmeldingen er stengt");
    expect(await queued(`gathering-invitee-reminder:${open}:`)).toHaveLength(0);
    const page = await text(await as.get(`/nb/admin/samlinger/${open}/paminnelse`, "ada"));
    expect(page).not.toContain("Send påminnelse til");
  });
});
