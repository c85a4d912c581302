import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { kristiansandInCohort3 } from "../../../tests/support/networks";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { queueMeetingReminders } from "./reminders";

const text = async (res: Response) =>
  (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

/** The .ics attached to a received mail, as text. */
const icsOf = (mail: { raw: { attachments: { contentType: string; content: Buffer }[] } }) =>
  mail.raw.attachments.find((a) => a.contentType.startsWith("text/calendar"))!.content.toString();

describe.each(databaseKinds)("a network's members and meetings change (%s)", (kind) => {
  let t: TestApp;
  let ids: Record<string, number>;
  let as: ReturnType<typeof requestsAs>;
  let cohortId = 0;
  let networkId = 0;
  let meetingId = 0;
  const mailsTo = (who: string, subject: string) =>
    t.smtp.received.filter((m) => m.to.includes(who) && m.subject.startsWith(subject));

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    ids = await demoPeopleIds(t.db, ["kari", "sverre", "stine"]);
    const setup = await kristiansandInCohort3(t.db, ids, t.clock.now());
    cohortId = setup.cohortId;
    ids.lise = setup.lise;
    as = requestsAs(() => t, ids);
    const created = await as.post("/nb/nettverk/ny", "kari", {
      municipality: "4204",
      name: "Nettverk Vest",
      cohort: String(cohortId),
      coLeads: "",
    });
    networkId = Number(/nettverk\/([0-9]+)/.exec(created.headers.get("location")!)![1]);
    const added = await as.post(`/nb/nettverk/${networkId}/medlemmer`, "kari", {
      [`person-${ids.sverre}`]: "yes",
      [`person-${ids.stine}`]: "yes",
    });
    expect(added.status).toBe(303);
    const planned = await as.post(`/nb/nettverk/${networkId}/moter/ny`, "kari", {
      title: "Vestmøtet",
      startsAt: "26.11.2026 09:00",
      endsAt: "26.11.2026 11:00",
      place: "Biblioteket",
      digitalLink: "",
      agenda: "Erfaringer med friminuttet",
    });
    expect(planned.status).toBe(303);
    meetingId = Number(/moter\/([0-9]+)/.exec(planned.headers.get("location")!)![1]);
    await t.jobs.runDue();
    await t.smtp.waitFor(
      (m) => m.subject === "Møte i Nettverk Vest: Vestmøtet" && m.to.includes("stine"),
    );
  });
  afterAll(() => t?.close());

  it("changes a meeting: the members get it once with the sequence bumped; a stale form is refused and keeps what was typed", async () => {
    const base = `/nb/nettverk/${networkId}/moter/${meetingId}`;
    const form = await as.get(`${base}/endre`, "kari");
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('name="sequence" value="0"');
    expect(html).toContain("26.11.2026 09:00");
    expect((await as.get(`${base}/endre`, "stine")).status).toBe(403);
    const backwards = await as.post(`${base}/endre`, "kari", {
      sequence: "0",
      title: "Vestmøtet",
      startsAt: "26.11.2026 12:00",
      endsAt: "26.11.2026 10:00",
      place: "Biblioteket",
      digitalLink: "",
      agenda: "Erfaringer med friminuttet",
    });
    expect(backwards.status).toBe(422);
    expect(await text(backwards)).toContain("Møtet må slutte etter at det starter");
    const moved = await as.post(`${base}/endre`, "kari", {
      sequence: "0",
      title: "Vestmøtet",
      startsAt: "26.11.2026 12:00",
      endsAt: "26.11.2026 14:00",
      place: "Rådhuset, møterom 2",
      digitalLink: "",
      agenda: "Erfaringer med friminuttet",
    });
    expect(moved.status).toBe(303);
    expect(moved.headers.get("location")).toContain("melding=endret&antall=2");
    await t.jobs.runDue();
    const mail = await t.smtp.waitFor(
      (m) => m.subject.startsWith("Endret møte i Nettverk Vest") && m.to.includes("stine"),
    );
    expect(mail.text).toContain("Rådhuset, møterom 2");
    const ics = icsOf(mail);
    expect(ics).toContain("SEQUENCE:1");
    expect(ics).toContain("METHOD:PUBLISH");
    expect(ics).toContain(`UID:network-meeting-${meetingId}@`);
    await t.jobs.runDue();
    expect(mailsTo("stine", "Endret møte").length).toBe(1);

    // A second leader's form drawn before the change: refused, what was typed kept.
    const stale = await as.post(`${base}/endre`, "kari", {
      sequence: "0",
      title: "Vestmøtet, nytt forslag",
      startsAt: "26.11.2026 13:00",
      endsAt: "26.11.2026 15:00",
      place: "Skolen",
      digitalLink: "",
      agenda: "",
    });
    expect(stale.status).toBe(422);
    const staleHtml = await stale.text();
    expect(staleHtml).toContain("Noen andre endret møtet mens du skrev");
    expect(staleHtml).toContain("Vestmøtet, nytt forslag");
    expect(staleHtml).toContain('name="sequence" value="1"');
  });

  it("removes a member: she no longer reads it nor gets its mail, the history shows her", async () => {
    const page = await (await as.get(`/nb/nettverk/${networkId}`, "kari")).text();
    const stine =
      /action="\/nb\/nettverk\/[0-9]+\/medlemmer\/([0-9]+)\/fjern"[\s\S]*?Fjern Stine Stab/.exec(
        page,
      );
    expect(stine).not.toBeNull();
    const memberId = stine![1]!;
    expect(
      (await as.post(`/nb/nettverk/${networkId}/medlemmer/${memberId}/fjern`, "sverre", {})).status,
    ).toBe(403);
    const removed = await as.post(
      `/nb/nettverk/${networkId}/medlemmer/${memberId}/fjern`,
      "kari",
      {},
    );
    expect(removed.status).toBe(303);
    const again = await as.post(
      `/nb/nettverk/${networkId}/medlemmer/${memberId}/fjern`,
      "kari",
      {},
    );
    expect(again.status).toBe(422);
    // Stine's unit (Sverre's school) is still a member through Sverre: she reads, but takes no part.
    const after = await text(await as.get(`/nb/nettverk/${networkId}`, "kari"));
    expect(after).toContain("Tidligere deltakere");
    expect(after).toContain("Stine Stab (Enhet, Seljebakken ungdomsskole (demo)), fjernet");
    // She can be added again (a new member row).
    expect(await (await as.get(`/nb/nettverk/${networkId}`, "kari")).text()).toContain(
      `name="person-${ids.stine}"`,
    );
  });

  it("reminds the members once, two days before, and nobody removed", async () => {
    t.clock.set(new Date("2026-11-24T12:30:00Z"));
    expect(await queueMeetingReminders(t.db, t.clock.now())).toBe(1);
    expect(await queueMeetingReminders(t.db, t.clock.now())).toBe(0);
    await t.jobs.runDue();
    await t.jobs.runDue();
    const mail = await t.smtp.waitFor(
      (m) => m.subject.startsWith("Påminnelse om møte i Nettverk Vest") && m.to.includes("sverre"),
    );
    expect(icsOf(mail)).toContain("SEQUENCE:1");
    expect(mailsTo("sverre", "Påminnelse").length).toBe(1);
    expect(mailsTo("stine", "Påminnelse").length).toBe(0);
  });

  it("cancels a meeting: METHOD:CANCEL with the sequence bumped, once; nothing more is recorded on it", async () => {
    const base = `/nb/nettverk/${networkId}/moter/${meetingId}`;
    expect((await as.post(`${base}/avlys`, "sverre", {})).status).toBe(403);
    const cancelled = await as.post(`${base}/avlys`, "kari", {});
    expect(cancelled.status).toBe(303);
    await t.jobs.runDue();
    const mail = await t.smtp.waitFor(
      (m) => m.subject.startsWith("Avlyst møte i Nettverk Vest") && m.to.includes("sverre"),
    );
    const ics = icsOf(mail);
    expect(ics).toContain("METHOD:CANCEL");
    expect(ics).toContain("STATUS:CANCELLED");
    expect(ics).toContain("SEQUENCE:2");
    const twice = await as.post(`${base}/avlys`, "kari", {});
    expect(twice.status).toBe(422);
    expect(await text(twice)).toContain("Møtet er avlyst");
    await t.jobs.runDue();
    expect(mailsTo("sverre", "Avlyst møte").length).toBe(1);
    const page = await text(await as.get(base, "sverre"));
    expect(page).toContain("Møtet ble avlyst");
    const calendar = await (await as.get(`${base}/kalender.ics`, "sverre")).text();
    expect(calendar).toContain("STATUS:CANCELLED");
    // A cancelled meeting is not changed, held, nor reminded of.
    expect((await as.get(`${base}/endre`, "kari")).status).toBe(303);
    t.clock.set(new Date("2026-11-26T15:00:00Z"));
    const reflection = await as.post(`${base}/refleksjoner`, "sverre", {
      reflection: "Vi prøvde.",
    });
    expect(reflection.status).toBe(422);
    expect(await queueMeetingReminders(t.db, new Date("2026-11-25T12:00:00Z"))).toBe(0);
    const timeline = await text(await as.get(`/nb/nettverk/${networkId}`, "kari"));
    expect(timeline).toContain("Vestmøtet (avlyst)");
  });
});
