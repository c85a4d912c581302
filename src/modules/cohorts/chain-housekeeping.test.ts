import { beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../../../tests/support/app";
import { AGDER, BASE, useChainTest } from "../../../tests/support/chain";
import { databaseKinds } from "../../../tests/support/db";
import { demoEmail } from "../identity";
import { extendDeadline, runChainHousekeeping } from "./chain";

describe.each(databaseKinds)("the invitation chain on %s: housekeeping", (kind) => {
  const chain = useChainTest(kind);
  const { as, at, drain, about, newCohort, invited, answer, reload, eventsOf, auditOf } = chain;
  let t: TestApp;
  beforeAll(() => {
    t = chain.app();
  });

  // ------------------------------------------------------------ housekeeping

  describe("runChainHousekeeping", () => {
    const housekeeping = () => runChainHousekeeping(t.db, { now: t.clock.now(), baseUrl: BASE });

    it("expires open invitations after their deadline day in Oslo, with event and audit", async () => {
      const c = await newCohort({ reminderDaysBefore: 0 });
      const [open, answered, later] = await invited(c.id, ["4204", "4201", "4203"], "2027-01-15");
      await answer(answered!, "accept");
      await extendDeadline(
        t.db,
        { invitationId: later!.id, officeId: AGDER, deadline: "2027-02-01", reason: "Ønsket" },
        as("siv"),
      );
      at("2027-01-15T22:30:00Z"); // 23:30 on the deadline day
      await housekeeping();
      expect((await reload(open!)).state).toBe("invited");
      at("2027-01-15T23:10:00Z"); // 00:10 the day after
      const r = await housekeeping();
      expect(r.expired).toBeGreaterThanOrEqual(1);
      const now = await reload(open!);
      expect(now).toMatchObject({ state: "expired", version: open!.version + 1 });
      expect((await reload(answered!)).state).toBe("accepted");
      expect((await reload(later!)).state).toBe("invited");
      expect((await eventsOf(open!)).at(-1)).toMatchObject({
        event: "expired",
        fromState: "invited",
        toState: "expired",
        actorName: null,
        detail: { deadline: "2027-01-15" },
      });
      expect((await auditOf(open!)).at(-1)).toMatchObject({
        action: "cohort-invitation.expired",
        actorId: null,
        before: { state: "invited" },
        after: { state: "expired" },
      });
      await housekeeping();
      expect((await eventsOf(open!)).filter((e) => e.event === "expired")).toHaveLength(1);
      await drain();
    });

    it("reminds once per deadline, the set number of days before it, and again for a new deadline", async () => {
      const c = await newCohort({ reminderDaysBefore: 7 });
      const [inv, answered] = await invited(c.id, ["4204", "4201"]);
      await answer(answered!, "decline");
      // The deadline is 15 June: the reminder is due from 8 June in Oslo.
      at("2027-06-07T21:50:00Z"); // 23:50 on 7 June in Oslo
      await housekeeping();
      expect(about(await drain(), c.id)).toEqual([]);
      at("2027-06-07T22:10:00Z"); // 00:10 on 8 June in Oslo
      await housekeeping();
      await housekeeping();
      let mails = about(await drain(), c.id);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.to).toBe(demoEmail("kari"));
      expect(mails[0]!.subject).toContain("Påminnelse");
      expect(mails[0]!.text).toContain("Fristen er 15. juni 2027.");
      let now = await reload(inv!);
      expect(now).toMatchObject({ autoRemindedFor: "2027-06-15", remindersSent: 1 });
      expect(now.version).toBe(inv!.version);
      const reminded = (await eventsOf(inv!)).filter((e) => e.event === "auto-reminded");
      expect(reminded).toHaveLength(1);
      expect(reminded[0]).toMatchObject({ actorName: null, detail: { deadline: "2027-06-15" } });
      expect((await auditOf(inv!)).at(-1)).toMatchObject({
        action: "cohort-invitation.auto-reminded",
        actorId: null,
      });
      at("2027-06-10T09:00:00Z");
      await housekeeping();
      expect(about(await drain(), c.id)).toEqual([]);

      // A new deadline, 10 July, gets its own reminder from 3 July.
      expect(
        await extendDeadline(
          t.db,
          { invitationId: inv!.id, officeId: AGDER, deadline: "2027-07-10", reason: "Ferie" },
          as("siv"),
        ),
      ).toEqual({ ok: true, mailed: 1 });
      expect(about(await drain(), c.id)).toHaveLength(1); // the extension itself
      at("2027-07-02T09:00:00Z");
      await housekeeping();
      expect(about(await drain(), c.id)).toEqual([]);
      at("2027-07-03T09:00:00Z");
      await housekeeping();
      await housekeeping();
      mails = about(await drain(), c.id);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text).toContain("Fristen er 10. juli 2027.");
      now = await reload(inv!);
      expect(now).toMatchObject({ autoRemindedFor: "2027-07-10", remindersSent: 2 });
      // Answered invitations are never reminded.
      expect((await reload(answered!)).remindersSent).toBe(0);
    });

    it("sends no automatic reminder right after an invitation or extension inside the window", async () => {
      at("2026-11-23T10:00:00Z");
      const c = await newCohort({ reminderDaysBefore: 7 });
      // Invited four days before the deadline: the invitation is the reminder.
      const [inv] = await invited(c.id, ["4204"], "2026-11-27");
      expect(inv!.autoRemindedFor).toBe("2026-11-27");
      await housekeeping();
      expect(about(await drain(), c.id)).toEqual([]);
      // Extended to a date inside the window: the extension mail is the reminder.
      await extendDeadline(
        t.db,
        {
          invitationId: inv!.id,
          officeId: AGDER,
          deadline: "2026-11-29",
          reason: "Kort utsettelse",
        },
        as("siv"),
      );
      expect(about(await drain(), c.id)).toHaveLength(1);
      await housekeeping();
      expect(about(await drain(), c.id)).toEqual([]);
      // Extended far ahead: the new deadline gets its reminder a week before.
      await extendDeadline(
        t.db,
        {
          invitationId: inv!.id,
          officeId: AGDER,
          deadline: "2027-01-20",
          reason: "Nytt styremøte",
        },
        as("siv"),
      );
      await drain();
      await housekeeping();
      expect(about(await drain(), c.id)).toEqual([]);
      at("2027-01-13T09:00:00Z");
      await housekeeping();
      const mails = about(await drain(), c.id);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text).toContain("Fristen er 20. januar 2027.");
    });

    it("sends no automatic reminder when the cohort asks for none", async () => {
      const c = await newCohort({ reminderDaysBefore: 0 });
      const [inv] = await invited(c.id, ["4204"]);
      at("2027-06-14T09:00:00Z");
      await housekeeping();
      expect(about(await drain(), c.id)).toEqual([]);
      expect((await reload(inv!)).remindersSent).toBe(0);
      expect((await eventsOf(inv!)).map((e) => e.event)).toEqual(["invited"]);
    });
  });
});
