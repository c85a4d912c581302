import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../../../tests/support/app";
import { AGDER, BASE, IBS_NB, IBS_NN, START, useChainTest } from "../../../tests/support/chain";
import { databaseKinds } from "../../../tests/support/db";
import { demoEmail, grantRole } from "../identity";
import { setWrittenStandard } from "../organisations";
import {
  addRecipient,
  extendDeadline,
  getInvitation,
  type Invitation,
  remind,
  runChainHousekeeping,
} from "./chain";
import { cohortInvitations } from "./schema";

describe.each(databaseKinds)("the invitation chain on %s: reminders and extensions", (kind) => {
  const chain = useChainTest(kind);
  const {
    ids,
    as,
    at,
    drain,
    about,
    newCohort,
    inviteAs,
    invited,
    answer,
    reload,
    queuedMail,
    eventsOf,
    auditOf,
  } = chain;
  let t: TestApp;
  beforeAll(() => {
    t = chain.app();
  });

  // ------------------------------------------------------------ reminders and extensions

  describe("remind", () => {
    it("reminds only open invitations within their deadline, by mail, and counts", async () => {
      const c = await newCohort();
      const [open, answered, late] = await invited(c.id, ["4204", "4201", "4203"]);
      await answer(answered!, "accept");
      await t.db
        .update(cohortInvitations)
        .set({ deadline: "2026-11-22" })
        .where(eq(cohortInvitations.id, late!.id));
      const r = await remind(
        t.db,
        { cohortId: c.id, officeId: AGDER, invitationIds: [open!.id, answered!.id, late!.id] },
        as("siv"),
      );
      expect(r).toEqual({ ok: true, reminded: 1, mailed: 1, alreadyToday: [], unreachable: [] });
      const now = await reload(open!);
      expect(now.remindersSent).toBe(1);
      expect(now.lastRemindedAt?.toISOString()).toBe(START.toISOString());
      // A reminder changes nothing the municipality answers to: its open form stays valid.
      expect(now.version).toBe(open!.version);
      expect((await eventsOf(open!)).at(-1)).toMatchObject({
        event: "reminded",
        detail: { count: 1, recipients: 1 },
      });
      expect((await reload(late!)).remindersSent).toBe(0);
      const mails = await drain();
      expect(mails).toHaveLength(1);
      expect(mails[0]!.to).toBe(demoEmail("kari"));
      expect(mails[0]!.subject).toBe(
        `Påminnelse: svar på invitasjonen til ${IBS_NB}, pulje ${c.number}`,
      );
      expect(mails[0]!.text).toContain("Kristiansand har ennå ikke svart");
      expect(mails[0]!.text).toContain(`${BASE}/nb/puljer/${c.id}/kommune/4204`);

      // A second reminder is a second mail.
      t.clock.advance(86_400_000);
      expect(
        await remind(
          t.db,
          { cohortId: c.id, officeId: AGDER, invitationIds: [open!.id] },
          as("siv"),
        ),
      ).toMatchObject({ ok: true, reminded: 1, mailed: 1 });
      expect((await reload(open!)).remindersSent).toBe(2);
      expect(await drain()).toHaveLength(1);
      expect(await answer(now, "accept")).toEqual({ ok: true, state: "accepted" });
    });

    // Issue 8, finding 6: repeated reminders sent twelve identical mails in two minutes.
    it("sends at most one manual reminder per invitation per day in Oslo; a second queues no mail", async () => {
      const c = await newCohort();
      const [kristiansand, arendal] = await invited(c.id, ["4204", "4203"]);
      await grantRole(
        t.db,
        { personId: ids.rune!, role: "municipal-coordinator", orgId: "4203" },
        { personId: null, now: t.clock.now() },
      );
      const remindAs = (invitationIds: number[]) =>
        remind(t.db, { cohortId: c.id, officeId: AGDER, invitationIds }, as("siv"));
      const before = await queuedMail();
      expect(await remindAs([kristiansand!.id])).toMatchObject({ reminded: 1, mailed: 1 });
      expect(await queuedMail()).toBe(before + 1);

      // Later the same day in Oslo (23:30): refused, with when it was sent; nothing queued.
      at("2026-11-23T22:30:00Z");
      expect(await remindAs([kristiansand!.id])).toEqual({
        ok: true,
        reminded: 0,
        mailed: 0,
        alreadyToday: [{ inviteeId: "4204", at: START }],
        unreachable: [],
      });
      // "Remind all": only the one not reminded today.
      expect(await remindAs([kristiansand!.id, arendal!.id])).toMatchObject({
        reminded: 1,
        mailed: 1,
        alreadyToday: [{ inviteeId: "4204" }],
      });
      expect(await queuedMail()).toBe(before + 2);
      expect((await reload(kristiansand!)).remindersSent).toBe(1);
      expect((await eventsOf(kristiansand!)).filter((e) => e.event === "reminded")).toHaveLength(1);

      // Two at the same moment the next day: exactly one is sent.
      at("2026-11-23T23:30:00Z");
      const both = await Promise.all([remindAs([kristiansand!.id]), remindAs([kristiansand!.id])]);
      expect(both.map((r) => (r.ok ? r.reminded : -1)).sort()).toEqual([0, 1]);
      expect(await queuedMail()).toBe(before + 3);
      expect((await reload(kristiansand!)).remindersSent).toBe(2);
      await drain();

      // The automatic reminder keeps its own rule: sent in its window although one went today.
      at("2027-06-08T08:00:00Z");
      expect(await remindAs([arendal!.id])).toMatchObject({ reminded: 1 });
      const auto = await runChainHousekeeping(t.db, { now: t.clock.now(), baseUrl: BASE });
      expect(auto.reminded).toBeGreaterThanOrEqual(2);
      expect((await reload(arendal!)).autoRemindedFor).toBe("2027-06-15");
      await drain();
    });

    // Issue 8, finding 10: "Påminnelse er sendt til 1" where nobody receives mail.
    it("reports an invitation with no one to mail as unreachable: no reminder counted, no mail", async () => {
      const c = await newCohort();
      const [grimstad] = await invited(c.id, ["4202"]);
      const before = await queuedMail();
      expect(
        await remind(
          t.db,
          { cohortId: c.id, officeId: AGDER, invitationIds: [grimstad!.id] },
          as("siv"),
        ),
      ).toEqual({ ok: true, reminded: 0, mailed: 0, alreadyToday: [], unreachable: ["4202"] });
      expect(await queuedMail()).toBe(before);
      expect((await reload(grimstad!)).remindersSent).toBe(0);
      expect((await eventsOf(grimstad!)).map((e) => e.event)).toEqual(["invited"]);
      expect(
        await extendDeadline(
          t.db,
          { invitationId: grimstad!.id, officeId: AGDER, deadline: "2027-07-01", reason: "Møte" },
          as("siv"),
        ),
      ).toEqual({ ok: true, mailed: 0 });
      expect(await queuedMail()).toBe(before);

      // The office names a contact: invited to the coordinator role, and sent the invitation.
      const added = await addRecipient(
        t.db,
        {
          invitationId: grimstad!.id,
          officeId: AGDER,
          name: "Gro Kontakt",
          email: "gro@grimstad.example",
        },
        as("siv"),
      );
      expect(added).toEqual({ ok: true, mailed: 1 });
      expect((await eventsOf(grimstad!)).at(-1)).toMatchObject({ event: "recipient" });
      const mails = await drain();
      expect(mails.map((m) => m.to).sort()).toEqual([
        "gro@grimstad.example",
        "gro@grimstad.example",
      ]);
      expect(mails.map((m) => m.subject).join("\n")).toContain("Invitasjon:");
      expect(
        await addRecipient(
          t.db,
          {
            invitationId: grimstad!.id,
            officeId: AGDER,
            name: "Gro",
            email: "GRO@grimstad.example",
          },
          as("siv"),
        ),
      ).toMatchObject({ ok: false, error: "alreadyRecipient" });
      expect(
        await addRecipient(
          t.db,
          { invitationId: grimstad!.id, officeId: "sf-rogaland", name: "X", email: "x@x.example" },
          as("siv"),
        ),
      ).toMatchObject({ ok: false, error: "notFound" });
      expect(
        await remind(
          t.db,
          { cohortId: c.id, officeId: AGDER, invitationIds: [grimstad!.id] },
          as("siv"),
        ),
      ).toMatchObject({ reminded: 1, mailed: 1, unreachable: [] });
    });

    it("does not remind another office's invitations", async () => {
      const c = await newCohort({}, [AGDER, "sf-rogaland"]);
      const [inv] = await invited(c.id, ["4204"]);
      expect(
        await remind(
          t.db,
          { cohortId: c.id, officeId: "sf-rogaland", invitationIds: [inv!.id] },
          as("siv"),
        ),
      ).toMatchObject({ ok: true, reminded: 0, mailed: 0 });
      expect(await drain()).toEqual([]);
      expect(
        await remind(t.db, { cohortId: c.id, officeId: AGDER, invitationIds: [] }, as("siv")),
      ).toMatchObject({ ok: false, error: "notFound" });
    });
  });

  describe("extendDeadline", () => {
    const extend = (
      inv: Pick<Invitation, "id">,
      deadline: string,
      reason = "Ny politisk behandling",
    ) =>
      extendDeadline(t.db, { invitationId: inv.id, officeId: AGDER, deadline, reason }, as("siv"));

    it("refuses an extension without a reason, not later, in the past or after the start", async () => {
      const c = await newCohort();
      const [inv] = await invited(c.id, ["4204"]);
      expect(await extend(inv!, "2027-07-01", " ")).toEqual({
        ok: false,
        error: "reasonRequired",
        field: "reason",
      });
      expect(await extend(inv!, "2027-06-15")).toEqual({
        ok: false,
        error: "deadlineNotLater",
        field: "deadline",
      });
      expect(await extend(inv!, "2027-06-14")).toMatchObject({ error: "deadlineNotLater" });
      expect(await extend(inv!, "2027-08-02")).toEqual({
        ok: false,
        error: "deadlineAfterStart",
        field: "deadline",
      });
      expect(
        await extendDeadline(
          t.db,
          { invitationId: inv!.id, officeId: "sf-rogaland", deadline: "2027-07-01", reason: "x" },
          as("siv"),
        ),
      ).toMatchObject({ ok: false, error: "notFound" });
      // After the deadline has passed, a new one must still lie ahead.
      at("2027-06-20T10:00:00Z");
      expect(await extend(inv!, "2027-06-19")).toEqual({
        ok: false,
        error: "deadlineInPast",
        field: "deadline",
      });
      expect(await reload(inv!)).toMatchObject({ deadline: "2027-06-15", version: inv!.version });
      expect(await eventsOf(inv!)).toHaveLength(1);
      expect(about(await drain(), c.id)).toEqual([]);
    });

    it("refuses to extend an answered invitation", async () => {
      const c = await newCohort();
      const [inv] = await invited(c.id, ["4204"]);
      await answer(inv!, "decline");
      expect(await extend(inv!, "2027-07-01")).toEqual({ ok: false, error: "alreadyAnswered" });
    });

    it("gives a later deadline with the reason, and mails it", async () => {
      const c = await newCohort();
      const [inv] = await invited(c.id, ["4204"]);
      expect(await extend(inv!, "2027-07-01", "  Kommunestyret møtes 30. juni.  ")).toEqual({
        ok: true,
        mailed: 1,
      });
      const now = await reload(inv!);
      expect(now).toMatchObject({
        state: "invited",
        deadline: "2027-07-01",
        version: inv!.version + 1,
      });
      expect((await eventsOf(inv!)).at(-1)).toMatchObject({
        event: "extended",
        fromState: "invited",
        toState: "invited",
        detail: {
          before: "2027-06-15",
          after: "2027-07-01",
          reason: "Kommunestyret møtes 30. juni.",
        },
      });
      expect((await auditOf(inv!)).at(-1)).toMatchObject({
        action: "cohort-invitation.extended",
        actorId: ids.siv,
      });
      const mails = await drain();
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toBe(`Ny svarfrist: ${IBS_NB}, pulje ${c.number}`);
      expect(mails[0]!.text).toContain("ny frist til å svare på invitasjonen");
      expect(mails[0]!.text).toContain("1. juli 2027");
      expect(mails[0]!.text).toContain("Begrunnelse:\nKommunestyret møtes 30. juni.");
    });

    it("opens an expired invitation again, and writes in the municipality's nynorsk", async () => {
      await setWrittenStandard(t.db, "municipality", "4224", "nn", {
        personId: ids.ada!,
        now: t.clock.now(),
      });
      const c = await newCohort();
      const contact = { email: "kontakt@aseral.example", name: "Åse Åseral" };
      const r = await inviteAs(c.id, [{ kind: "municipality", id: "4224", contact }], {
        deadline: "2026-11-30",
      });
      expect(r).toMatchObject({ ok: true, invited: 1 });
      await drain();
      const inv = (await getInvitation(t.db, c.id, "municipality", "4224"))!;
      at("2026-12-02T09:00:00Z");
      await runChainHousekeeping(t.db, { now: t.clock.now(), baseUrl: BASE });
      await drain();
      const expired = await reload(inv);
      expect(expired.state).toBe("expired");
      expect(await extend(inv, "2026-12-20", "Brevet kom bort")).toEqual({ ok: true, mailed: 1 });
      const now = await reload(inv);
      expect(now).toMatchObject({ state: "invited", deadline: "2026-12-20" });
      expect((await eventsOf(inv)).at(-1)).toMatchObject({
        event: "extended",
        fromState: "expired",
        toState: "invited",
      });
      const mails = about(await drain(), c.id);
      expect(mails.map((m) => m.to)).toEqual(["kontakt@aseral.example"]);
      expect(mails[0]!.subject).toBe(`Ny svarfrist: ${IBS_NN}, pulje ${c.number}`);
      expect(mails[0]!.text).toContain("Grunngiving:\nBrevet kom bort");
      expect(mails[0]!.text).toContain(`${BASE}/nn/puljer/${c.id}/kommune/4224`);
      // And the municipality can answer again.
      expect(await answer(now, "accept")).toEqual({ ok: true, state: "accepted" });
    });
  });
});
