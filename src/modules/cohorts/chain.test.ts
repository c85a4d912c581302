import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { and, asc, count, eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import {
  createTestCohort,
  IBS,
  municipalities,
  programmeIdOf,
} from "../../../tests/support/cohorts";
import { databaseKinds, scratchDatabaseName } from "../../../tests/support/db";
import { demoPeopleIds } from "../../../tests/support/people";
import type { ReceivedMail } from "../../../tests/support/smtp";
import { migrationsFolder } from "../../db/client";
import { MAIL_JOB } from "../../kernel/mail-jobs";
import { jobs } from "../../kernel/schema";
import { demoEmail, grantRole } from "../identity";
import { auditLog, roleInvitations } from "../identity/schema";
import { setWrittenStandard } from "../organisations";
import { ppServices } from "../organisations/schema";
import {
  type Actor,
  addRecipient,
  answerInvitation,
  contactHistory,
  coverageAtStart,
  effectiveState,
  enrolledUnits,
  enrolUnits,
  extendDeadline,
  getCohort,
  getInvitation,
  type Invitation,
  type Invitee,
  invitationEvents,
  inviteOffices,
  inviteToCohort,
  recordParticipants,
  remind,
  runChainHousekeeping,
  setContact,
  todaysCodes,
  withdrawUnit,
} from "./chain";
import {
  cohortContacts,
  cohortEnrolments,
  cohortInvitations,
  cohortOffices,
  cohorts as cohortsTable,
} from "./schema";

const BASE = "http://localhost";
const START = new Date("2026-11-23T10:00:00Z");
const AGDER = "sf-agder";
const AGDER_EMAIL = "postmottak@sf-agder.demo.samspill.example";
const IBS_NB = "Inkluderende barnehage- og skolemiljø";
const IBS_NN = "Inkluderande barnehage- og skulemiljø";

/** Demo units (src/db/reference/units-demo-*.json). */
const UNIT = {
  /** Seljebakken ungdomsskole, public, active, 4204 Kristiansand. */
  school4204: "983228070",
  /** Ørjemoen naturbarnehage, public, active, 4204. */
  kindergarten4204: "931946293",
  /** Bergnes skole, public, closed in 2021, 4204. */
  closed4204: "915897215",
  /** Berglund skole, public, active, 4202 Grimstad. */
  public4202: "946456152",
  /** Skogstad Montessoriskole, private, active, 4202 Grimstad. */
  private4202: "918914765",
  /** Vestheim oppvekstsenter, public, active, 4203 Arendal. */
  school4203: "939184821",
  /** Soljordet familiebarnehage, private, active, 4214 Froland. */
  private4214: "982349214",
  /** Blåbærgard friluftsbarnehage, private, active, 0301 Oslo. */
  privateOslo: "963995679",
};

describe.each(databaseKinds)("the invitation chain on %s", (kind) => {
  let t: TestApp;
  let ibsId = 0;
  const ids: Record<string, number> = {};
  let nextNumber = 7;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    Object.assign(ids, await demoPeopleIds(t.db, ["ada", "siv", "kari", "rune", "sverre"]));
    ibsId = await programmeIdOf(t.db, IBS);
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set(START));

  const as = (who: string | null): Actor => ({
    personId: who ? ids[who]! : null,
    now: t.clock.now(),
    baseUrl: BASE,
  });
  const at = (iso: string) => t.clock.set(new Date(iso));
  /** Send what is queued; the mails that arrived. */
  const drain = async (): Promise<ReceivedMail[]> => {
    const mark = t.smtp.received.length;
    await t.jobs.runDue();
    return t.smtp.received.slice(mark);
  };
  const about = (mails: ReceivedMail[], cohortId: number) =>
    mails.filter((m) => m.text.includes(`/puljer/${cohortId}/`));

  /** An IBS cohort of our own (start 2027-08-01; offices until 1 March, answers until 15 June). */
  async function newCohort(
    over: Partial<typeof cohortsTable.$inferInsert> = {},
    offices: string[] = [AGDER],
  ) {
    const id = await createTestCohort(
      t.db,
      {
        programmeId: ibsId,
        number: nextNumber++,
        startsOn: "2027-08-01",
        endsOn: "2029-07-31",
        officeInviteDeadline: "2027-03-01",
        answerDeadline: "2027-06-15",
        reminderDaysBefore: 7,
        createdAt: t.clock.now(),
        createdBy: ids.ada!,
        ...over,
      },
      { offices, actor: as("ada") },
    );
    await drain();
    return (await getCohort(t.db, id))!;
  }

  async function inviteAs(
    cohortId: number,
    invitees: Invitee[],
    extra: { deadline?: string; message?: string; officeId?: string } = {},
  ) {
    return inviteToCohort(
      t.db,
      {
        cohortId,
        officeId: extra.officeId ?? AGDER,
        invitees,
        message: extra.message ?? "Vi håper dere blir med.",
        ...(extra.deadline ? { deadline: extra.deadline } : {}),
      },
      as("siv"),
    );
  }

  /** Invite and fetch the invitations, in the order given. */
  async function invited(cohortId: number, codes: string[], deadline?: string) {
    const r = await inviteAs(cohortId, municipalities(...codes), deadline ? { deadline } : {});
    expect(r.ok).toBe(true);
    await drain();
    const out: Invitation[] = [];
    for (const code of codes)
      out.push((await getInvitation(t.db, cohortId, "municipality", code))!);
    return out;
  }

  async function answer(
    inv: Invitation,
    a: "accept" | "decline",
    opts: { reason?: string; commitments?: boolean; version?: number; who?: string } = {},
  ) {
    return answerInvitation(
      t.db,
      {
        invitationId: inv.id,
        answer: a,
        commitments: opts.commitments ?? a === "accept",
        reason: opts.reason ?? (a === "decline" ? "Vi har ikke kapasitet i år." : ""),
        version: opts.version ?? inv.version,
      },
      as(opts.who ?? "kari"),
    );
  }

  const reload = async (inv: Pick<Invitation, "id">) =>
    (await t.db.select().from(cohortInvitations).where(eq(cohortInvitations.id, inv.id)))[0]!;
  const invitationCount = async (cohortId: number) =>
    (
      await t.db
        .select({ n: count() })
        .from(cohortInvitations)
        .where(eq(cohortInvitations.cohortId, cohortId))
    )[0]!.n;
  const queuedMail = async () =>
    (await t.db.select({ n: count() }).from(jobs).where(eq(jobs.kind, MAIL_JOB)))[0]!.n;
  const roleInvitationCount = async () =>
    (await t.db.select({ n: count() }).from(roleInvitations))[0]!.n;
  const eventsOf = async (inv: Pick<Invitation, "id">) => invitationEvents(t.db, inv.id);
  const auditOf = async (inv: Pick<Invitation, "id">) =>
    t.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.entityType, "cohort-invitation"), eq(auditLog.entityId, String(inv.id))),
      )
      .orderBy(asc(auditLog.id));

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

  // ------------------------------------------------------------ answers

  describe("answerInvitation", () => {
    it("accepts with the commitments: state, who and when, event and audit", async () => {
      const c = await newCohort();
      const [inv] = await invited(c.id, ["4204"]);
      expect(await answer(inv!, "accept", { commitments: false })).toEqual({
        ok: false,
        error: "commitmentsRequired",
        field: "commitments",
      });
      expect((await reload(inv!)).state).toBe("invited");

      at("2027-01-10T09:00:00Z");
      expect(await answer(inv!, "accept")).toEqual({ ok: true, state: "accepted" });
      const now = await reload(inv!);
      expect(now).toMatchObject({
        state: "accepted",
        answeredBy: ids.kari,
        declineReason: null,
        version: inv!.version + 1,
      });
      expect(now.answeredAt?.toISOString()).toBe("2027-01-10T09:00:00.000Z");
      expect(now.commitmentsAcceptedAt?.toISOString()).toBe("2027-01-10T09:00:00.000Z");
      const events = await eventsOf(inv!);
      expect(events.map((e) => e.event)).toEqual(["invited", "accepted"]);
      expect(events[1]).toMatchObject({
        fromState: "invited",
        toState: "accepted",
        actorName: "Kari Kommune",
        detail: { commitments: true },
      });
      const audit = await auditOf(inv!);
      expect(audit.at(-1)).toMatchObject({
        action: "cohort-invitation.accepted",
        actorId: ids.kari,
        before: { state: "invited" },
        after: { state: "accepted" },
      });
    });

    it("declines with a reason, and a second answer is refused", async () => {
      const c = await newCohort();
      const [inv] = await invited(c.id, ["4204"]);
      expect(await answer(inv!, "decline", { reason: "   " })).toEqual({
        ok: false,
        error: "reasonRequired",
        field: "reason",
      });
      expect(await answer(inv!, "decline", { reason: "  Ikke i år.  " })).toEqual({
        ok: true,
        state: "declined",
      });
      const now = await reload(inv!);
      expect(now).toMatchObject({
        state: "declined",
        declineReason: "Ikke i år.",
        commitmentsAcceptedAt: null,
      });
      const again = await answer(now, "accept");
      expect(again).toMatchObject({ ok: false, error: "alreadyAnswered", field: "answer" });
      expect(again.ok === false && again.detail?.state).toBe("declined");
      expect((await eventsOf(inv!)).map((e) => e.event)).toEqual(["invited", "declined"]);
    });

    it("refuses an answer drawn from an older version", async () => {
      const c = await newCohort();
      const [inv] = await invited(c.id, ["4204"]);
      const extended = await extendDeadline(
        t.db,
        { invitationId: inv!.id, officeId: AGDER, deadline: "2027-07-01", reason: "Kommunestyret" },
        as("siv"),
      );
      expect(extended).toEqual({ ok: true, mailed: 1 });
      await drain();
      expect(await answer(inv!, "accept", { version: inv!.version })).toEqual({
        ok: false,
        error: "changedMeanwhile",
        field: "answer",
      });
      expect((await reload(inv!)).state).toBe("invited");
      const fresh = await reload(inv!);
      expect(await answer(fresh, "accept")).toEqual({ ok: true, state: "accepted" });
    });

    it("takes answers until the end of the deadline day in Oslo (summer), not after", async () => {
      // 15 June 2027: Oslo is UTC+2.
      const c = await newCohort();
      const [a, b] = await invited(c.id, ["4204", "4201"]);
      at("2027-06-15T21:30:00Z"); // 23:30 in Oslo
      expect(await answer(a!, "accept")).toEqual({ ok: true, state: "accepted" });
      at("2027-06-15T22:10:00Z"); // 00:10 on 16 June in Oslo, 15 June in UTC
      expect(await answer(b!, "accept")).toEqual({
        ok: false,
        error: "deadlinePassed",
        field: "answer",
        detail: { deadline: "2027-06-15" },
      });
      expect((await reload(b!)).state).toBe("invited");
    });

    it("takes answers until the end of the deadline day in Oslo (winter), not after", async () => {
      // 15 January 2027: Oslo is UTC+1.
      const c = await newCohort();
      const [a, b] = await invited(c.id, ["4204", "4201"], "2027-01-15");
      at("2027-01-15T22:30:00Z");
      expect(await answer(a!, "decline")).toEqual({ ok: true, state: "declined" });
      at("2027-01-15T23:10:00Z");
      expect(await answer(b!, "decline")).toMatchObject({ ok: false, error: "deadlinePassed" });
    });

    it("refuses an answer to an invitation the housekeeping has expired", async () => {
      const c = await newCohort();
      const [inv] = await invited(c.id, ["4204"], "2026-12-01");
      at("2026-12-02T09:00:00Z");
      await runChainHousekeeping(t.db, { now: t.clock.now(), baseUrl: BASE });
      await drain();
      const expired = await reload(inv!);
      expect(expired.state).toBe("expired");
      expect(await answer(expired, "accept")).toMatchObject({ ok: false, error: "deadlinePassed" });
    });

    it("stores exactly one of answers sent at the same moment", async () => {
      const c = await newCohort();
      for (const inv of await invited(c.id, ["4204", "4201", "4203"])) {
        const results = await Promise.all([
          answer(inv, "accept"),
          answer(inv, "decline", { who: "rune" }),
          answer(inv, "accept", { who: "rune" }),
        ]);
        const won = results.filter((r) => r.ok);
        const lost = results.filter((r) => !r.ok);
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(2);
        for (const r of lost) {
          expect(["alreadyAnswered", "changedMeanwhile"]).toContain(r.ok ? "" : r.error);
        }
        const now = await reload(inv);
        expect(now.state).toBe(won[0]!.ok ? won[0]!.state : "");
        expect(now.version).toBe(inv.version + 1);
        const answers = (await eventsOf(inv)).filter(
          (e) => e.event === "accepted" || e.event === "declined",
        );
        expect(answers).toHaveLength(1);
        expect(answers[0]!.event).toBe(now.state);
      }
    });

    if (kind === "postgres") {
      it("on PostgreSQL, of two answers waiting on the same row lock exactly one is stored", async () => {
        const c = await newCohort();
        const [inv] = await invited(c.id, ["4204"]);
        let answers: Promise<Awaited<ReturnType<typeof answer>>[]> | undefined;
        await t.db.transaction(async (tx) => {
          await tx
            .select()
            .from(cohortInvitations)
            .where(eq(cohortInvitations.id, inv!.id))
            .for("update");
          answers = Promise.all([answer(inv!, "accept"), answer(inv!, "decline", { who: "rune" })]);
          // Both have read the open invitation and now wait for the row: release it then.
          for (let i = 0; ; i++) {
            const { rows } = (await t.db.execute(
              sql`select count(*)::int as n from pg_stat_activity
                  where datname = current_database() and wait_event_type = 'Lock'`,
            )) as unknown as { rows: { n: number }[] };
            if (rows[0]!.n >= 2) break;
            if (i > 500) throw new Error("the answers never waited for the row lock");
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        });
        const results = await answers!;
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect(results.filter((r) => !r.ok)).toEqual([
          expect.objectContaining({ ok: false, error: "alreadyAnswered" }),
        ]);
        const answered = (await eventsOf(inv!)).filter(
          (e) => e.event === "accepted" || e.event === "declined",
        );
        expect(answered).toHaveLength(1);
        expect(answered[0]!.event).toBe((await reload(inv!)).state);
      });
    }

    it("enrols a private unit that accepts, even one its municipality had enrolled already", async () => {
      const c = await newCohort();
      const r = await inviteAs(c.id, [
        { kind: "unit", id: UNIT.private4202 },
        { kind: "unit", id: UNIT.private4214 },
        { kind: "municipality", id: "4202" },
      ]);
      expect(r).toMatchObject({ ok: true, invited: 3 });
      await drain();
      const unit = (await getInvitation(t.db, c.id, "unit", UNIT.private4214))!;
      expect(await answer(unit, "accept", { who: "sverre" })).toEqual({
        ok: true,
        state: "accepted",
      });
      const enrolled = await enrolledUnits(t.db, unit.id);
      expect(enrolled.map((u) => u.orgNumber)).toEqual([UNIT.private4214]);
      // Grimstad says yes and enrols its private school, which then answers its own invitation.
      const grimstad = (await getInvitation(t.db, c.id, "municipality", "4202"))!;
      expect(await answer(grimstad, "accept")).toMatchObject({ ok: true });
      expect(
        await enrolUnits(
          t.db,
          { invitationId: grimstad.id, orgNumbers: [UNIT.private4202] },
          as("kari"),
        ),
      ).toEqual({ ok: true, enrolled: 1 });
      const school = (await getInvitation(t.db, c.id, "unit", UNIT.private4202))!;
      expect(await answer(school, "accept", { who: "sverre" })).toEqual({
        ok: true,
        state: "accepted",
      });
      const rows = await t.db
        .select()
        .from(cohortEnrolments)
        .where(
          and(
            eq(cohortEnrolments.cohortId, c.id),
            eq(cohortEnrolments.unitOrgNumber, UNIT.private4202),
          ),
        );
      expect(rows).toHaveLength(1);
    });
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

  // ------------------------------------------------------------ enrolment and contacts

  describe("enrolUnits and withdrawUnit", () => {
    async function invited4204() {
      const c = await newCohort();
      const [inv] = await invited(c.id, ["4204"]);
      return { c, inv: inv! };
    }
    const enrol = (inv: Pick<Invitation, "id">, orgNumbers: string[]) =>
      enrolUnits(t.db, { invitationId: inv.id, orgNumbers }, as("kari"));

    it("enrols nothing before the municipality has accepted", async () => {
      const { inv } = await invited4204();
      expect(await enrol(inv, [UNIT.school4204])).toEqual({ ok: false, error: "notAccepted" });
      expect(await enrolUnits(t.db, { invitationId: 999_999, orgNumbers: [] }, as("kari"))).toEqual(
        { ok: false, error: "notFound" },
      );
    });

    it("enrols the municipality's active units once, with an event for each", async () => {
      const { inv } = await invited4204();
      await answer(inv, "accept");
      expect(await enrol(inv, [UNIT.school4204, UNIT.kindergarten4204, UNIT.school4204])).toEqual({
        ok: true,
        enrolled: 2,
      });
      expect(await enrol(inv, [UNIT.school4204])).toEqual({ ok: true, enrolled: 0 });
      const units = await enrolledUnits(t.db, inv.id);
      expect(units.map((u) => u.orgNumber).sort()).toEqual(
        [UNIT.school4204, UNIT.kindergarten4204].sort(),
      );
      const events = (await eventsOf(inv)).filter((e) => e.event === "enrolled");
      expect(events.map((e) => e.detail.orgNumber).sort()).toEqual(
        [UNIT.school4204, UNIT.kindergarten4204].sort(),
      );
      expect(
        (await auditOf(inv)).filter((a) => a.action === "cohort-invitation.enrolled"),
      ).toHaveLength(2);
    });

    it("refuses a unit of another municipality or a closed one, and stores none of the batch", async () => {
      const { inv } = await invited4204();
      await answer(inv, "accept");
      expect(await enrol(inv, [UNIT.school4204, UNIT.public4202])).toEqual({
        ok: false,
        error: "unitOutsideMunicipality",
        field: "units",
        detail: { orgNumber: UNIT.public4202 },
      });
      expect(await enrol(inv, [UNIT.school4204, "999999999"])).toMatchObject({
        error: "unitOutsideMunicipality",
      });
      expect(await enrol(inv, [UNIT.kindergarten4204, UNIT.closed4204])).toEqual({
        ok: false,
        error: "unitNotActive",
        field: "units",
        detail: { orgNumber: UNIT.closed4204 },
      });
      expect(await enrolledUnits(t.db, inv.id)).toEqual([]);
      expect((await eventsOf(inv)).map((e) => e.event)).toEqual(["invited", "accepted"]);
    });

    it("matches units by today's codes for a municipality invited under an older one", async () => {
      const c = await newCohort({ startsOn: "2019-01-01", endsOn: "2020-12-31" }, []);
      await recordParticipants(
        t.db,
        c.id,
        [{ municipalityCode: "1001", officeId: AGDER }],
        new Date("2019-01-01T08:00:00Z"),
      );
      const inv = (await getInvitation(t.db, c.id, "municipality", "1001"))!;
      expect(await enrol(inv, [UNIT.school4204])).toEqual({ ok: true, enrolled: 1 });
      expect(await enrol(inv, [UNIT.school4203])).toMatchObject({
        ok: false,
        error: "unitOutsideMunicipality",
      });
    });

    it("refuses to enrol through a private unit's own invitation", async () => {
      const c = await newCohort();
      await inviteAs(c.id, [{ kind: "unit", id: UNIT.private4214 }]);
      await drain();
      const inv = (await getInvitation(t.db, c.id, "unit", UNIT.private4214))!;
      await answer(inv, "accept", { who: "sverre" });
      expect(await enrol(inv, [UNIT.private4214])).toEqual({ ok: false, error: "notMunicipality" });
    });

    it("withdraws a unit keeping the history, and enrolling it again adds a row", async () => {
      const { c, inv } = await invited4204();
      await answer(inv, "accept");
      await enrol(inv, [UNIT.school4204, UNIT.kindergarten4204]);
      at("2027-09-01T10:00:00Z");
      expect(
        await withdrawUnit(t.db, { invitationId: inv.id, orgNumber: UNIT.school4204 }, as("kari")),
      ).toEqual({ ok: true });
      expect((await enrolledUnits(t.db, inv.id)).map((u) => u.orgNumber)).toEqual([
        UNIT.kindergarten4204,
      ]);
      expect(
        await withdrawUnit(t.db, { invitationId: inv.id, orgNumber: UNIT.school4204 }, as("kari")),
      ).toEqual({ ok: false, error: "notEnrolled", field: "units" });
      expect((await eventsOf(inv)).at(-1)).toMatchObject({
        event: "withdrawn",
        detail: { orgNumber: UNIT.school4204 },
      });
      at("2027-10-01T10:00:00Z");
      expect(await enrol(inv, [UNIT.school4204])).toEqual({ ok: true, enrolled: 1 });
      const rows = await t.db
        .select()
        .from(cohortEnrolments)
        .where(
          and(
            eq(cohortEnrolments.cohortId, c.id),
            eq(cohortEnrolments.unitOrgNumber, UNIT.school4204),
          ),
        )
        .orderBy(asc(cohortEnrolments.id));
      expect(rows).toHaveLength(2);
      expect(rows[0]!.withdrawnAt?.toISOString()).toBe("2027-09-01T10:00:00.000Z");
      expect(rows[0]!.withdrawnBy).toBe(ids.kari);
      expect(rows[1]!.withdrawnAt).toBeNull();
      expect(rows[1]!.enrolledAt.toISOString()).toBe("2027-10-01T10:00:00.000Z");
      expect((await enrolledUnits(t.db, inv.id)).map((u) => u.orgNumber).sort()).toEqual(
        [UNIT.school4204, UNIT.kindergarten4204].sort(),
      );
    });
  });

  describe("setContact", () => {
    async function accepted4204() {
      const c = await newCohort();
      const [inv] = await invited(c.id, ["4204"]);
      await answer(inv!, "accept");
      return inv!;
    }
    const setAs = (
      inv: Pick<Invitation, "id">,
      input: {
        kind: "resource-person" | "pp-service";
        name: string;
        email: string;
        ppServiceId?: number;
      },
    ) => setContact(t.db, { invitationId: inv.id, ...input }, as("kari"));

    it("names a resource person, who is invited to the role by mail", async () => {
      const inv = await accepted4204();
      const email = "ressurs.ny@kristiansand.example";
      expect(await setAs(inv, { kind: "resource-person", name: "Randi Ressurs", email })).toEqual({
        ok: true,
      });
      const [role] = await t.db
        .select()
        .from(roleInvitations)
        .where(eq(roleInvitations.email, email));
      expect(role).toMatchObject({ role: "resource-person", orgId: "4204", invitedBy: ids.kari });
      const [contact] = await contactHistory(t.db, inv.id);
      expect(contact).toMatchObject({
        kind: "resource-person",
        name: "Randi Ressurs",
        email,
        roleInvitationId: role!.id,
        setBy: ids.kari,
        endedAt: null,
      });
      expect((await eventsOf(inv)).at(-1)).toMatchObject({
        event: "contact",
        detail: { kind: "resource-person", replaced: null },
      });
      // The audit log records the change, not the person's name or address.
      const audit = (await auditOf(inv)).at(-1)!;
      expect(audit.action).toBe("cohort-invitation.contact");
      expect(JSON.stringify(audit.after)).not.toContain(email);
      const mails = await drain();
      expect(mails.map((m) => [m.to, m.subject])).toEqual([[email, "Du er invitert til Samspill"]]);

      // Naming the same person again invites no one twice.
      expect(await setAs(inv, { kind: "resource-person", name: "Randi Ressurs", email })).toEqual({
        ok: true,
      });
      expect(
        await t.db.select().from(roleInvitations).where(eq(roleInvitations.email, email)),
      ).toHaveLength(1);
      expect(await drain()).toEqual([]);
      expect(await contactHistory(t.db, inv.id)).toHaveLength(1);
    });

    it("keeps the history when the contact changes, and does not invite someone who has the role", async () => {
      const inv = await accepted4204();
      await setAs(inv, {
        kind: "resource-person",
        name: "Første",
        email: "forste@kristiansand.example",
      });
      await drain();
      const roles = await roleInvitationCount();
      at("2027-02-01T10:00:00Z");
      expect(
        await setAs(inv, {
          kind: "resource-person",
          name: "Rune Ressurs",
          email: demoEmail("rune"),
        }),
      ).toEqual({ ok: true });
      expect(await roleInvitationCount()).toBe(roles);
      expect(await drain()).toEqual([]);
      const history = await contactHistory(t.db, inv.id);
      expect(history.map((h) => h.name)).toEqual(["Rune Ressurs", "Første"]);
      expect(history[0]!.endedAt).toBeNull();
      expect(history[0]!.roleInvitationId).toBeNull();
      expect(history[1]!.endedAt?.toISOString()).toBe("2027-02-01T10:00:00.000Z");
      expect(history[1]!.endedBy).toBe(ids.kari);
      expect((await eventsOf(inv)).at(-1)).toMatchObject({
        event: "contact",
        detail: { kind: "resource-person", replaced: history[1]!.id },
      });
      // The replaced person never signed in: their invitation to the role is withdrawn.
      const [withdrawn] = await t.db
        .select()
        .from(roleInvitations)
        .where(eq(roleInvitations.id, history[1]!.roleInvitationId!));
      expect(withdrawn!.revokedAt?.toISOString()).toBe("2027-02-01T10:00:00.000Z");
    });

    it("keeps one current contact when two are named at the same moment, and no stray role invitation", async () => {
      const inv = await accepted4204();
      const roles = await roleInvitationCount();
      const results = await Promise.all(
        ["samtidig.en@kristiansand.example", "samtidig.to@kristiansand.example"].map((email) =>
          setAs(inv, { kind: "resource-person", name: email.split("@")[0]!, email }),
        ),
      );
      for (const r of results) expect(r.ok || r.error === "changedMeanwhile").toBe(true);
      const stored = results.filter((r) => r.ok).length;
      expect(stored).toBeGreaterThanOrEqual(1);
      const history = await contactHistory(t.db, inv.id);
      expect(history).toHaveLength(stored);
      expect(history.filter((h) => h.endedAt === null)).toHaveLength(1);
      expect(await roleInvitationCount()).toBe(roles + stored);
      expect(await drain()).toHaveLength(stored);
    });

    it("names the PP-tjeneste contact with the service", async () => {
      const inv = await accepted4204();
      const [service] = await t.db
        .select()
        .from(ppServices)
        .where(eq(ppServices.name, "PP-tjenesten i Kristiansand (demo)"));
      const roles = await roleInvitationCount();
      expect(
        await setAs(inv, {
          kind: "pp-service",
          name: "Per Pedagog",
          email: "per@ppt.example",
          ppServiceId: service!.id,
        }),
      ).toEqual({ ok: true });
      expect(await roleInvitationCount()).toBe(roles);
      const rows = await t.db
        .select()
        .from(cohortContacts)
        .where(eq(cohortContacts.invitationId, inv.id));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        kind: "pp-service",
        ppServiceId: service!.id,
        endedAt: null,
      });
      expect((await eventsOf(inv)).at(-1)).toMatchObject({
        event: "contact",
        detail: { kind: "pp-service", ppServiceId: service!.id },
      });
      expect(await drain()).toEqual([]);
    });

    it("refuses contacts before the municipality has accepted", async () => {
      const c = await newCohort();
      const [inv] = await invited(c.id, ["4204"]);
      const roles = await roleInvitationCount();
      expect(
        await setAs(inv!, {
          kind: "resource-person",
          name: "For tidlig",
          email: "tidlig@example.org",
        }),
      ).toEqual({ ok: false, error: "notAccepted" });
      expect(await roleInvitationCount()).toBe(roles);
      expect(await contactHistory(t.db, inv!.id)).toEqual([]);
    });
  });

  // ------------------------------------------------------------ migration and seed

  describe("invitations from before the chain", () => {
    it("holds seedDemo's cohort 1 as 38 accepted invitations from six offices", async () => {
      const [c] = await t.db
        .select()
        .from(cohortsTable)
        .where(and(eq(cohortsTable.programmeId, ibsId), eq(cohortsTable.number, 1)));
      expect(c).toMatchObject({ number: 1, startsOn: "2017-01-01" });
      const rows = await t.db
        .select()
        .from(cohortInvitations)
        .where(eq(cohortInvitations.cohortId, c!.id));
      expect(rows).toHaveLength(38);
      expect(rows.every((r) => r.state === "accepted" && r.inviteeKind === "municipality")).toBe(
        true,
      );
      expect(new Set(rows.map((r) => r.officeId)).size).toBe(6);
      expect(rows.every((r) => effectiveState(r, "2026-11-23") === "accepted")).toBe(true);
    });

    it("recordParticipants stores accepted invitations once, dated at the given time", async () => {
      const c = await newCohort(
        { startsOn: "2019-01-01", endsOn: "2020-12-31", officeInviteDeadline: null },
        [],
      );
      const rows = [
        { municipalityCode: "1001", officeId: AGDER },
        { municipalityCode: "0906", officeId: AGDER },
      ];
      const when = new Date("2019-01-01T08:00:00Z");
      await recordParticipants(t.db, c.id, rows, when);
      await recordParticipants(t.db, c.id, rows, when);
      const stored = await t.db
        .select()
        .from(cohortInvitations)
        .where(eq(cohortInvitations.cohortId, c.id))
        .orderBy(asc(cohortInvitations.inviteeId));
      expect(stored.map((r) => [r.inviteeId, r.state, r.deadline])).toEqual([
        ["0906", "accepted", "2019-01-01"],
        ["1001", "accepted", "2019-01-01"],
      ]);
      expect(stored.every((r) => r.answeredAt?.getTime() === when.getTime())).toBe(true);
    });
  });

  // ------------------------------------------------------------ effective state

  describe("effectiveState", () => {
    it("reads an open invitation as expired only after its deadline day", () => {
      expect(effectiveState({ state: "invited", deadline: "2027-06-15" }, "2027-06-14")).toBe(
        "invited",
      );
      expect(effectiveState({ state: "invited", deadline: "2027-06-15" }, "2027-06-15")).toBe(
        "invited",
      );
      expect(effectiveState({ state: "invited", deadline: "2027-06-15" }, "2027-06-16")).toBe(
        "expired",
      );
      // Across a month and a year boundary, as strings compare.
      expect(effectiveState({ state: "invited", deadline: "2026-12-31" }, "2027-01-01")).toBe(
        "expired",
      );
      expect(effectiveState({ state: "invited", deadline: "2027-01-31" }, "2027-02-01")).toBe(
        "expired",
      );
    });

    it("leaves answered and expired invitations as they are", () => {
      for (const state of ["accepted", "declined", "expired"] as const) {
        expect(effectiveState({ state, deadline: "2020-01-01" }, "2027-06-16")).toBe(state);
        expect(effectiveState({ state, deadline: "2030-01-01" }, "2027-06-16")).toBe(state);
      }
    });
  });
});

// ---------------------------------------------------------------- the migration itself

/** Run migration files on an empty database, statement by statement, as drizzle does. */
const migrationStatements = (tag: string) =>
  readFileSync(join(migrationsFolder, `${tag}.sql`), "utf8")
    .split("--> statement-breakpoint")
    .map((s) => s.trim())
    .filter(Boolean);
const BEFORE_0004 = [
  "0000_init",
  "0001_people-and-registers",
  "0002_programme-versions",
  "0003_cohort-chain",
];

type Raw = {
  exec(sql: string): Promise<void>;
  rows(sql: string): Promise<Record<string, unknown>[]>;
};

async function emptyDatabase(
  kind: (typeof databaseKinds)[number],
): Promise<Raw & { close(): Promise<void> }> {
  if (kind === "pglite") {
    const client = await PGlite.create();
    return {
      exec: async (s) => {
        await client.exec(s);
      },
      rows: async (s) => (await client.query<Record<string, unknown>>(s)).rows,
      close: () => client.close(),
    };
  }
  const url = process.env.TEST_DATABASE_URL!;
  // Named like the other copies, so the global teardown drops it even if this test dies.
  const name = scratchDatabaseName();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  return {
    exec: async (s) => {
      await client.query(s);
    },
    rows: async (s) => (await client.query(s)).rows,
    async close() {
      await client.end();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

describe.each(databaseKinds)("migration 0004 on %s", (kind) => {
  it("turns the participants of old cohorts into accepted invitations and drops the old table", async () => {
    const db = await emptyDatabase(kind);
    try {
      for (const tag of BEFORE_0004) for (const s of migrationStatements(tag)) await db.exec(s);
      await db.exec(`
        insert into programmes (id, slug, owner, model, duration_min_months, duration_max_months, delivery_mode)
          values (1, 'ibs', 'udir', 'cohorts', 24, 24, 'mixed');
        insert into cohorts (id, programme_id, number, starts_on, ends_on, office_invite_deadline)
          values (1, 1, 1, '2017-01-01', '2018-12-31', null),
                 (2, 1, 2, '2018-01-01', '2019-12-31', '2017-06-01');
        insert into cohort_municipalities (cohort_id, municipality_code, office_id)
          values (1, '0906', 'sf-agder'), (1, '1001', 'sf-agder'), (1, '1804', 'fm-nordland'),
                 (2, '1103', 'fm-rogaland');`);
      for (const s of migrationStatements("0004_cohort-invitations-from-participants")) {
        await db.exec(s);
      }
      const rows = await db.rows(`
        select cohort_id, office_id, invitee_kind, invitee_id, state, deadline::text as deadline,
               to_char(invited_at at time zone 'Europe/Oslo', 'YYYY-MM-DD') as invited_on,
               answered_at = invited_at as answered_then, answered_by, version, reminders_sent
        from cohort_invitations order by cohort_id, invitee_id`);
      expect(rows).toEqual([
        row(1, "sf-agder", "0906", "2017-01-01", "2017-01-01"),
        row(1, "sf-agder", "1001", "2017-01-01", "2017-01-01"),
        row(1, "fm-nordland", "1804", "2017-01-01", "2017-01-01"),
        row(2, "fm-rogaland", "1103", "2017-06-01", "2018-01-01"),
      ]);
      const left = await db.rows(
        "select count(*)::int as n from information_schema.tables where table_name = 'cohort_municipalities'",
      );
      expect(left).toEqual([{ n: 0 }]);
    } finally {
      await db.close();
    }
  });
});

function row(cohort: number, office: string, code: string, deadline: string, invitedOn: string) {
  return {
    cohort_id: cohort,
    office_id: office,
    invitee_kind: "municipality",
    invitee_id: code,
    state: "accepted",
    deadline,
    invited_on: invitedOn,
    answered_then: true,
    answered_by: null,
    version: 1,
    reminders_sent: 0,
  };
}
