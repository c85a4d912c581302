import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../../../tests/support/app";
import {
  AGDER,
  AGDER_EMAIL,
  BASE,
  IBS_NB,
  IBS_NN,
  START,
  UNIT,
  useChainTest,
} from "../../../tests/support/chain";
import { municipalities } from "../../../tests/support/cohorts";
import { databaseKinds } from "../../../tests/support/db";
import { demoEmail } from "../identity";
import { auditLog, roleInvitations } from "../identity/schema";
import { setWrittenStandard } from "../organisations";
import { coverageAtStart, getInvitation, inviteOffices, todaysCodes } from "./chain";
import { cohortOffices } from "./schema";

describe.each(databaseKinds)("the invitation chain on %s: inviting", (kind) => {
  const chain = useChainTest(kind);
  const {
    ids,
    as,
    at,
    drain,
    newCohort,
    inviteAs,
    invitationCount,
    roleInvitationCount,
    eventsOf,
    auditOf,
  } = chain;
  let t: TestApp;
  beforeAll(() => {
    t = chain.app();
  });

  // ------------------------------------------------------------ directorate → office

  describe("inviteOffices", () => {
    it("stores the office, audits it and mails the office's address and its coordinator in bokmål", async () => {
      const c = await newCohort({}, []);
      const r = await inviteOffices(t.db, c.id, [AGDER], as("ada"));
      expect(r).toEqual({ ok: true, invited: 1 });
      const [row] = await t.db.select().from(cohortOffices).where(eq(cohortOffices.cohortId, c.id));
      expect(row).toMatchObject({ officeId: AGDER, invitedBy: ids.ada });
      expect(row!.invitedAt?.toISOString()).toBe(START.toISOString());
      const audit = await t.db
        .select()
        .from(auditLog)
        .where(
          and(eq(auditLog.action, "cohort-office.invite"), eq(auditLog.entityId, String(c.id))),
        );
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorId: ids.ada, after: { officeId: AGDER } });

      const mails = await drain();
      expect(mails.map((m) => m.to).sort()).toEqual([AGDER_EMAIL, demoEmail("siv")].sort());
      for (const m of mails) {
        expect(m.subject).toBe(`Invitasjon: ${IBS_NB}, pulje ${c.number}`);
        expect(m.text).toContain("Statsforvalteren i Agder er invitert");
        expect(m.text).toContain("Inviter kommunene dere dekker innen 1. mars 2027.");
        expect(m.text).toContain(`${BASE}/nb/puljer/${c.id}/kontor/${AGDER}`);
      }
    });

    it("writes in nynorsk to an office that has chosen nynorsk", async () => {
      await setWrittenStandard(t.db, "county-office", "sf-rogaland", "nn", {
        personId: ids.ada!,
        now: t.clock.now(),
      });
      const c = await newCohort({}, []);
      expect(await inviteOffices(t.db, c.id, ["sf-rogaland"], as("ada"))).toEqual({
        ok: true,
        invited: 1,
      });
      const mails = await drain();
      expect(mails).toHaveLength(1);
      expect(mails[0]!.to).toBe("postmottak@sf-rogaland.demo.samspill.example");
      expect(mails[0]!.subject).toBe(`Invitasjon: ${IBS_NN}, pulje ${c.number}`);
      expect(mails[0]!.text).toContain("Statsforvaltaren i Rogaland er invitert");
      expect(mails[0]!.text).toContain("Inviter kommunane de dekkjer innan 1. mars 2027.");
      expect(mails[0]!.text).toContain(`${BASE}/nn/puljer/${c.id}/kontor/sf-rogaland`);
    });

    it("does nothing for an office invited before: no row, no audit, no mail", async () => {
      const c = await newCohort();
      const auditBefore = await t.db
        .select({ n: count() })
        .from(auditLog)
        .where(eq(auditLog.action, "cohort-office.invite"));
      expect(await inviteOffices(t.db, c.id, [AGDER], as("ada"))).toEqual({ ok: true, invited: 0 });
      expect(await drain()).toEqual([]);
      const rows = await t.db.select().from(cohortOffices).where(eq(cohortOffices.cohortId, c.id));
      expect(rows).toHaveLength(1);
      const auditAfter = await t.db
        .select({ n: count() })
        .from(auditLog)
        .where(eq(auditLog.action, "cohort-office.invite"));
      expect(auditAfter[0]!.n).toBe(auditBefore[0]!.n);
    });

    it("refuses an office that does not exist at the cohort's start, and stores none of the batch", async () => {
      const c = await newCohort({}, []);
      // Fylkesmannen i Østfold ended in 2019.
      expect(await inviteOffices(t.db, c.id, [AGDER, "fm-ostfold"], as("ada"))).toEqual({
        ok: false,
        error: "outsideCoverage",
        field: "offices",
        detail: { officeId: "fm-ostfold" },
      });
      expect(
        await t.db.select().from(cohortOffices).where(eq(cohortOffices.cohortId, c.id)),
      ).toEqual([]);
      expect(await drain()).toEqual([]);
      expect(await inviteOffices(t.db, 999_999, [AGDER], as("ada"))).toMatchObject({
        ok: false,
        error: "notFound",
      });
    });
  });

  // ------------------------------------------------------------ office → municipality

  describe("inviteToCohort", () => {
    it("invites Kristiansand: state, event, audit and a bokmål mail to kari with the link", async () => {
      const c = await newCohort();
      const r = await inviteAs(c.id, municipalities("4204"), { message: "Velkommen til pulje 7!" });
      expect(r).toEqual({ ok: true, invited: 1, mailed: 1, unreachable: [] });
      const inv = (await getInvitation(t.db, c.id, "municipality", "4204"))!;
      expect(inv).toMatchObject({
        state: "invited",
        officeId: AGDER,
        deadline: "2027-06-15",
        message: "Velkommen til pulje 7!",
        invitedBy: ids.siv,
        version: 1,
        remindersSent: 0,
      });
      const events = await eventsOf(inv);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        event: "invited",
        fromState: null,
        toState: "invited",
        actorName: "Siv Statsforvalter",
        detail: { deadline: "2027-06-15", officeId: AGDER },
      });
      const audit = await auditOf(inv);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: "cohort-invitation.invited",
        actorId: ids.siv,
        after: { state: "invited", deadline: "2027-06-15" },
      });

      const mails = await drain();
      expect(mails).toHaveLength(1);
      const [m] = mails;
      expect(m!.to).toBe(demoEmail("kari"));
      expect(m!.subject).toBe(`Invitasjon: ${IBS_NB}, pulje ${c.number}`);
      expect(m!.text).toContain(
        `Statsforvalteren i Agder inviterer Kristiansand til å delta i ${IBS_NB}, pulje ${c.number}.`,
      );
      expect(m!.text).toContain("Melding fra Statsforvalteren i Agder:\nVelkommen til pulje 7!");
      expect(m!.text).toContain("Svar innen 15. juni 2027.");
      expect(m!.text).toContain(`${BASE}/nb/puljer/${c.id}/kommune/4204`);
    });

    it("writes in nynorsk with a /nn/ link to a municipality that chose nynorsk, and invites its contact as coordinator", async () => {
      await setWrittenStandard(t.db, "municipality", "4228", "nn", {
        personId: ids.ada!,
        now: t.clock.now(),
      });
      const c = await newCohort();
      const contact = { email: "Ola.Sirdal@kommune.example", name: "Ola Sirdal" };
      const r = await inviteAs(c.id, [{ kind: "municipality", id: "4228", contact }]);
      expect(r).toEqual({ ok: true, invited: 1, mailed: 1, unreachable: [] });
      const roles = await t.db
        .select()
        .from(roleInvitations)
        .where(eq(roleInvitations.orgId, "4228"));
      expect(roles).toHaveLength(1);
      expect(roles[0]).toMatchObject({
        email: contact.email,
        role: "municipal-coordinator",
        orgKind: "municipality",
        invitedBy: ids.siv,
      });

      const mails = await drain();
      expect(mails).toHaveLength(2);
      const role = mails.find((m) => m.subject === "Du er invitert til Samspill")!;
      expect(role.to).toBe(contact.email);
      expect(role.text).toContain("ein kode på e-post"); // the nynorsk role invitation
      const cohortMail = mails.find((m) => m.subject.startsWith("Invitasjon:"))!;
      expect(cohortMail.to).toBe(contact.email);
      expect(cohortMail.subject).toBe(`Invitasjon: ${IBS_NN}, pulje ${c.number}`);
      expect(cohortMail.text).toContain("Statsforvaltaren i Agder inviterer Sirdal");
      expect(cohortMail.text).toContain("Melding frå Statsforvaltaren i Agder:");
      expect(cohortMail.text).toContain("Svar innan 15. juni 2027.");
      expect(cohortMail.text).toContain(`${BASE}/nn/puljer/${c.id}/kommune/4228`);
    });

    it("reports a municipality no one in Samspill acts for as unreachable, and still invites it", async () => {
      const c = await newCohort();
      const r = await inviteAs(c.id, municipalities("4227"));
      expect(r).toEqual({ ok: true, invited: 1, mailed: 0, unreachable: ["4227"] });
      expect((await getInvitation(t.db, c.id, "municipality", "4227"))?.state).toBe("invited");
      expect(await drain()).toEqual([]);
    });

    it("does not invite a contact who already acts for the municipality", async () => {
      const c = await newCohort();
      const before = await roleInvitationCount();
      const r = await inviteAs(c.id, [
        {
          kind: "municipality",
          id: "4204",
          contact: { email: demoEmail("kari").toUpperCase(), name: "Kari" },
        },
      ]);
      expect(r).toEqual({ ok: true, invited: 1, mailed: 1, unreachable: [] });
      expect(await roleInvitationCount()).toBe(before);
      const mails = await drain();
      expect(mails.map((m) => m.to)).toEqual([demoEmail("kari")]);
    });

    it("invites a private kindergarten or school in the office's counties directly", async () => {
      const c = await newCohort();
      const contact = { email: "leder@skogstad.example", name: "Lise Leder" };
      const r = await inviteAs(c.id, [{ kind: "unit", id: UNIT.private4202, contact }]);
      expect(r).toEqual({ ok: true, invited: 1, mailed: 1, unreachable: [] });
      const [role] = await t.db
        .select()
        .from(roleInvitations)
        .where(eq(roleInvitations.orgId, UNIT.private4202));
      expect(role).toMatchObject({ role: "unit-leader", email: contact.email });
      const mails = await drain();
      const m = mails.find((x) => x.subject.startsWith("Invitasjon:"))!;
      expect(m.to).toBe(contact.email);
      expect(m.text).toContain("Skogstad Montessoriskole (demo)");
      expect(m.text).toContain(`${BASE}/nb/puljer/${c.id}/enhet/${UNIT.private4202}`);
    });

    it("does not invite anyone twice: no second row, event, role invitation or mail", async () => {
      const c = await newCohort();
      const contact = { email: "post@haegebostad.example", name: "Hege Bostad" };
      const first = await inviteAs(c.id, [{ kind: "municipality", id: "4226", contact }]);
      expect(first).toMatchObject({ ok: true, invited: 1 });
      expect(await drain()).toHaveLength(2);
      const roles = await roleInvitationCount();
      const again = await inviteAs(c.id, [
        { kind: "municipality", id: "4226", contact },
        { kind: "municipality", id: "4204" },
      ]);
      expect(again).toEqual({ ok: true, invited: 1, mailed: 1, unreachable: [] });
      expect(await invitationCount(c.id)).toBe(2);
      expect(await roleInvitationCount()).toBe(roles);
      const inv = (await getInvitation(t.db, c.id, "municipality", "4226"))!;
      expect(await eventsOf(inv)).toHaveLength(1);
      expect((await drain()).map((m) => m.to)).toEqual([demoEmail("kari")]);
    });

    it("refuses an office the Directorate has not invited to the cohort", async () => {
      const c = await newCohort();
      const r = await inviteAs(c.id, municipalities("1103"), { officeId: "sf-rogaland" });
      expect(r).toEqual({ ok: false, error: "officeNotInvited" });
      expect(await invitationCount(c.id)).toBe(0);
      expect(await inviteAs(999_999, municipalities("4204"))).toMatchObject({ error: "notFound" });
    });

    it("lets the office invite until the end of its deadline day in Oslo, in winter", async () => {
      // 1 March 2027 is in winter time: Oslo is UTC+1.
      const c = await newCohort();
      at("2027-03-01T22:30:00Z"); // 23:30 in Oslo on the deadline day
      expect(await inviteAs(c.id, municipalities("4201"))).toMatchObject({ ok: true, invited: 1 });
      at("2027-03-01T23:10:00Z"); // 00:10 in Oslo the day after, still 1 March in UTC
      expect(await inviteAs(c.id, municipalities("4202"))).toEqual({
        ok: false,
        error: "officeDeadlinePassed",
        detail: { deadline: "2027-03-01" },
      });
      expect(await invitationCount(c.id)).toBe(1);
      await drain();
    });

    it("lets the office invite until the end of its deadline day in Oslo, in summer", async () => {
      // 15 May 2027 is in summer time: Oslo is UTC+2.
      const c = await newCohort({ officeInviteDeadline: "2027-05-15", answerDeadline: null });
      at("2027-05-15T21:30:00Z"); // 23:30 in Oslo
      expect(await inviteAs(c.id, municipalities("4201"))).toMatchObject({ ok: true, invited: 1 });
      // Without an answer deadline the invitee has until the start.
      expect((await getInvitation(t.db, c.id, "municipality", "4201"))?.deadline).toBe(
        "2027-08-01",
      );
      at("2027-05-15T22:10:00Z"); // 00:10 in Oslo on 16 May
      expect(await inviteAs(c.id, municipalities("4202"))).toMatchObject({
        ok: false,
        error: "officeDeadlinePassed",
      });
      await drain();
    });

    it("refuses a municipality outside the office's coverage at the cohort's start", async () => {
      const c = await newCohort();
      const r = await inviteAs(c.id, municipalities("4204", "0301"));
      expect(r).toEqual({
        ok: false,
        error: "outsideCoverage",
        field: "invitees",
        detail: { id: "0301" },
      });
      expect(await invitationCount(c.id)).toBe(0);
    });

    it("knows an office's coverage on the cohort's start date, with the codes of that date", async () => {
      const c = await newCohort({ startsOn: "2017-01-01", endsOn: "2018-12-31" }, []);
      const codes = (await coverageAtStart(t.db, c, AGDER)).map((m) => m.code);
      expect(codes).toContain("1001"); // Kristiansand before 2020
      expect(codes).toContain("0906"); // Arendal before 2020
      expect(codes).not.toContain("4204");
      expect(codes.every((code) => code.startsWith("09") || code.startsWith("10"))).toBe(true);
      expect(await todaysCodes(t.db, "1001", "2026-11-23")).toEqual(["4204"]);
      expect(await todaysCodes(t.db, "4204", "2026-11-23")).toEqual(["4204"]);
    });

    it("refuses a public unit invited as a private one, and a closed or unknown one", async () => {
      const c = await newCohort();
      expect(await inviteAs(c.id, [{ kind: "unit", id: UNIT.public4202 }])).toEqual({
        ok: false,
        error: "notPrivateUnit",
        field: "invitees",
        detail: { id: UNIT.public4202 },
      });
      expect(await inviteAs(c.id, [{ kind: "unit", id: UNIT.privateOslo }])).toMatchObject({
        ok: false,
        error: "outsideCoverage",
      });
      expect(await inviteAs(c.id, [{ kind: "unit", id: "999999999" }])).toMatchObject({
        ok: false,
        error: "outsideCoverage",
      });
      expect(await invitationCount(c.id)).toBe(0);
    });

    it("refuses a deadline in the past or after the cohort's start", async () => {
      const c = await newCohort();
      expect(await inviteAs(c.id, municipalities("4204"), { deadline: "2026-11-22" })).toEqual({
        ok: false,
        error: "deadlineInPast",
        field: "deadline",
      });
      expect(await inviteAs(c.id, municipalities("4204"), { deadline: "2027-08-02" })).toEqual({
        ok: false,
        error: "deadlineAfterStart",
        field: "deadline",
      });
      // Today and the start day itself are allowed.
      expect(
        await inviteAs(c.id, municipalities("4204"), { deadline: "2026-11-23" }),
      ).toMatchObject({ ok: true, invited: 1 });
      expect(
        await inviteAs(c.id, municipalities("4201"), { deadline: "2027-08-01" }),
      ).toMatchObject({ ok: true, invited: 1 });
      await drain();
    });

    it("stores nothing when one invitee of a batch is refused: no invitation, role invitation or mail", async () => {
      const c = await newCohort();
      const roles = await roleInvitationCount();
      const r = await inviteAs(c.id, [
        { kind: "municipality", id: "4204" },
        {
          kind: "municipality",
          id: "4202",
          contact: { email: "post@grimstad.example", name: "Grete Grimstad" },
        },
        { kind: "unit", id: UNIT.public4202 },
      ]);
      expect(r).toMatchObject({ ok: false, error: "notPrivateUnit" });
      expect(await invitationCount(c.id)).toBe(0);
      expect(await roleInvitationCount()).toBe(roles);
      expect(await drain()).toEqual([]);
    });
  });
});
