import { and, eq, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds } from "../../../tests/support/people";
import type { CurrentUser } from "../../kernel/context";
import { cohorts } from "../cohorts/schema";
import { gatheringRegistrations, gatherings } from "../gatherings/schema";
import { activeRoles, demoEmail, getPerson, permissionsOf } from "../identity";
import { people } from "../identity/schema";
import { learningNetworks, networkMembers } from "../networks/schema";
import { setWrittenStandard } from "../organisations";
import { checkMessage, writeMessage } from "./messages";
import { mailingRecipients, mailings } from "./schema";
import { messageAudiences, reachSegment, segmentPreview } from "./segments";
import { progressOf, requestSend } from "./sending";

describe.each(databaseKinds)("messages to segments (%s)", (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Record<string, number>;
  let cohort3: number;
  const user = async (who: string): Promise<CurrentUser> => {
    const person = (await getPerson(t.db, ids[who]!))!;
    const roles = await activeRoles(t.db, ids[who]!);
    return {
      personId: person.id,
      name: person.name ?? who,
      email: person.email,
      roles,
      permissions: permissionsOf(roles),
      sessionCreatedAt: t.clock.now(),
      sessionVia: "email",
    };
  };

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    ids = await demoPeopleIds(t.db, ["ada", "frida", "siv", "kari", "rune"]);
    const [c3] = await t.db.select().from(cohorts).where(eq(cohorts.number, 3));
    cohort3 = c3!.id;
  }, 300_000);
  afterAll(() => t.close());

  it("lets each sender reach only their own part of the cohort, and says why not", async () => {
    const now = t.clock.now();
    const nonRespondents = { segment: "non-respondents" as const, cohortId: cohort3 };
    const ada = await reachSegment(t.db, await user("ada"), nonRespondents, now);
    expect(ada).toMatchObject({ ok: true, audience: { officeIds: null } });
    const siv = await reachSegment(t.db, await user("siv"), nonRespondents, now);
    expect(siv).toMatchObject({ ok: true, audience: { officeIds: ["sf-agder"] } });
    // Kari answers for Kristiansand; FUB/FUG's admin has nothing to do with IBS.
    expect(await reachSegment(t.db, await user("kari"), nonRespondents, now)).toEqual({
      ok: false,
      reason: "notYourRole",
    });
    expect(await reachSegment(t.db, await user("frida"), nonRespondents, now)).toEqual({
      ok: false,
      reason: "notYourRole",
    });
    const people = (place: { county: string } | { municipality: string }) => ({
      segment: "cohort-people" as const,
      cohortId: cohort3,
      place,
    });
    expect(
      await reachSegment(t.db, await user("siv"), people({ county: "42" }), now),
    ).toMatchObject({ ok: true });
    // Forged to Vestland (another office's county), by county or by a municipality there.
    expect(await reachSegment(t.db, await user("siv"), people({ county: "46" }), now)).toEqual({
      ok: false,
      reason: "notYourCounty",
    });
    expect(
      await reachSegment(t.db, await user("siv"), people({ municipality: "4640" }), now),
    ).toEqual({ ok: false, reason: "notYourCounty" });
    expect(
      await reachSegment(t.db, await user("kari"), people({ municipality: "4204" }), now),
    ).toMatchObject({ ok: true });
    expect(
      await reachSegment(t.db, await user("kari"), people({ municipality: "4203" }), now),
    ).toEqual({ ok: false, reason: "notYourMunicipality" });
    expect(await reachSegment(t.db, await user("rune"), people({ county: "42" }), now)).toEqual({
      ok: false,
      reason: "notYourRole",
    });
    expect(
      await reachSegment(
        t.db,
        await user("ada"),
        { segment: "non-respondents", cohortId: 999999 },
        now,
      ),
    ).toBeNull();
  });

  it("counts and samples those who have not answered, in SQL, without the other offices'", async () => {
    const now = t.clock.now();
    const siv = await reachSegment(
      t.db,
      await user("siv"),
      { segment: "non-respondents", cohortId: cohort3 },
      now,
    );
    const ada = await reachSegment(
      t.db,
      await user("ada"),
      { segment: "non-respondents", cohortId: cohort3 },
      now,
    );
    if (!siv?.ok || !ada?.ok) throw new Error("reach");
    const agder = await segmentPreview(t.db, siv.audience, now);
    const all = await segmentPreview(t.db, ada.audience, now);
    // Kristiansand has not answered: Kari is its coordinator.
    expect(agder.sample).toContain("Kari Kommune (Kristiansand)");
    expect(agder.count).toBeGreaterThanOrEqual(1);
    expect(agder.sample.length).toBeLessThanOrEqual(Math.min(5, agder.count));
    expect(all.count).toBeGreaterThanOrEqual(agder.count);
    // Only a sample, however many there are.
    expect((await segmentPreview(t.db, ada.audience, now, 1)).sample).toHaveLength(1);
  });

  it("freezes the recipients at send time, sends once on a double click, in the municipality's written standard, replies to the sender", async () => {
    const now = t.clock.now();
    const sivUser = await user("siv");
    const reach = await reachSegment(
      t.db,
      sivUser,
      { segment: "non-respondents", cohortId: cohort3 },
      now,
    );
    if (!reach?.ok) throw new Error("reach");
    const content = checkMessage({
      subjectNb: "Husk å svare",
      bodyNb: "Fristen nærmer seg. **Svar** i Samspill.",
      subjectNn: "Hugs å svare",
      bodyNn: "Fristen nærmar seg. **Svar** i Samspill.",
    });
    if (!content.ok) throw new Error("content");
    const id = await writeMessage(
      t.db,
      {
        content: content.data,
        audience: reach.audience,
        programmeId: reach.programmeId,
        cohortId: reach.cohortId,
        sender: { personId: sivUser.personId, name: sivUser.name, email: sivUser.email! },
      },
      now,
    );
    // Kristiansand writes nynorsk from now on: Kari gets the nynorsk version.
    await setWrittenStandard(t.db, "municipality", "4204", "nn", { personId: null, now });
    const [a, b] = await Promise.all([
      requestSend(t.db, id, { at: null, now, audiences: messageAudiences }),
      requestSend(t.db, id, { at: null, now, audiences: messageAudiences }),
    ]);
    expect([a, b].filter((r) => r.ok && !r.already)).toHaveLength(1);
    const before = t.smtp.received.length;
    // The rate spaces the recipients: run what falls due within the minute.
    await t.jobs.runDue(1000);
    t.clock.set(new Date(now.getTime() + 60_000));
    await t.jobs.runDue(1000);
    t.clock.set(now);
    const rows = await t.db
      .select()
      .from(mailingRecipients)
      .where(eq(mailingRecipients.mailingId, id));
    const [m] = await t.db.select().from(mailings).where(eq(mailings.id, id));
    expect(m!.recipientCount).toBe(rows.length);
    const kari = rows.find((r) => r.address === demoEmail("kari"))!;
    expect(kari.lang).toBe("nn");
    const got = t.smtp.received.slice(before);
    expect(got.map((g) => g.to).sort()).toEqual(rows.map((r) => r.address).sort());
    const mail = got.find((g) => g.to === demoEmail("kari"))!;
    expect(mail.subject).toBe("Hugs å svare");
    expect(mail.headers.get("reply-to")).toContain(demoEmail("siv"));
    expect(mail.text).toContain("Du får denne meldinga fordi");
    expect(mail.text).not.toContain("avmeld");
    expect((await progressOf(t.db, id)).sent).toBe(rows.length);
    // Frozen: a coordinator added after the send gets nothing of it.
    const again = await t.db
      .select()
      .from(mailingRecipients)
      .where(and(eq(mailingRecipients.mailingId, id)));
    expect(again).toHaveLength(rows.length);
  });

  it("refuses to send to nobody, and says so before", async () => {
    const now = t.clock.now();
    const kariUser = await user("kari");
    // Kristiansand has not accepted cohort 3: it has no coordinators or resource persons in it.
    const reach = await reachSegment(
      t.db,
      kariUser,
      { segment: "cohort-people", cohortId: cohort3, place: { municipality: "4204" } },
      now,
    );
    if (!reach?.ok) throw new Error("reach");
    expect(await segmentPreview(t.db, reach.audience, now)).toEqual({ count: 0, sample: [] });
    const content = checkMessage({ subjectNb: "Hei", bodyNb: "Tekst", subjectNn: "", bodyNn: "" });
    if (!content.ok) throw new Error("content");
    const id = await writeMessage(
      t.db,
      {
        content: content.data,
        audience: reach.audience,
        programmeId: reach.programmeId,
        cohortId: reach.cohortId,
        sender: { personId: kariUser.personId, name: kariUser.name, email: kariUser.email! },
      },
      now,
    );
    expect(await requestSend(t.db, id, { at: null, now, audiences: messageAudiences })).toEqual({
      ok: false,
      errors: { form: { code: "noRecipients" } },
    });
    const [m] = await t.db.select().from(mailings).where(eq(mailings.id, id));
    expect(m!.status).toBe("draft");
    // Without a nynorsk version, nynorsk readers get the bokmål one throughout.
    expect(m!.subjectNn).toBe("Hei");
  });

  it("reaches those registered for a gathering and a network's members, each address once", async () => {
    const now = t.clock.now();
    const [regional] = await t.db
      .select()
      .from(gatherings)
      .where(eq(gatherings.titleNb, "Regional samling i Agder for pulje 3"));
    const gathering = { segment: "gathering" as const, gatheringId: regional!.id };
    const siv = await reachSegment(t.db, await user("siv"), gathering, now);
    if (!siv?.ok) throw new Error("reach");
    // Kari organises Kristiansand's own gathering, not the county office's.
    expect(await reachSegment(t.db, await user("kari"), gathering, now)).toEqual({
      ok: false,
      reason: "notYourGathering",
    });
    const registered = await t.db
      .selectDistinct({ email: people.email })
      .from(gatheringRegistrations)
      .innerJoin(people, eq(people.id, gatheringRegistrations.personId))
      .where(
        and(
          eq(gatheringRegistrations.gatheringId, regional!.id),
          ne(gatheringRegistrations.status, "cancelled"),
          isNull(people.deletedAt),
          isNotNull(people.email),
        ),
      );
    expect((await segmentPreview(t.db, siv.audience, now)).count).toBe(registered.length);

    const [arendal] = await t.db
      .select()
      .from(learningNetworks)
      .where(eq(learningNetworks.name, "Lærende nettverk for enhetene i Arendal"));
    const network = { segment: "network" as const, networkId: arendal!.id };
    expect(await reachSegment(t.db, await user("kari"), network, now)).toEqual({
      ok: false,
      reason: "notYourNetwork",
    });
    const ada = await reachSegment(t.db, await user("ada"), network, now);
    if (!ada?.ok) throw new Error("reach");
    const members = await t.db
      .selectDistinct({ email: sql<string>`lower(${networkMembers.email})` })
      .from(networkMembers)
      .where(and(eq(networkMembers.networkId, arendal!.id), isNull(networkMembers.removedAt)));
    expect(members.length).toBeGreaterThan(0);
    const preview = await segmentPreview(t.db, ada.audience, now);
    expect(preview.count).toBe(members.length);
    expect(preview.sample.length).toBe(Math.min(5, members.length));
  });

  it("checks a message's text: bokmål required, nynorsk both or neither", () => {
    expect(checkMessage({ subjectNb: "", bodyNb: "x" })).toMatchObject({
      ok: false,
      errors: { subjectNb: { code: "required" } },
    });
    expect(checkMessage({ subjectNb: "a", bodyNb: "b", subjectNn: "c" })).toMatchObject({
      ok: false,
      errors: { bodyNn: { code: "required" } },
    });
    expect(checkMessage({ subjectNb: "a", bodyNb: "<script>x</script>" })).toMatchObject({
      ok: false,
      errors: { bodyNb: { code: "unsafeContent" } },
    });
  });
});
