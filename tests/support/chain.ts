import { and, asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { MAIL_JOB } from "../../src/kernel/mail-jobs";
import { jobs } from "../../src/kernel/schema";
import {
  type Actor,
  answerInvitation,
  getCohort,
  getInvitation,
  type Invitation,
  type Invitee,
  invitationEvents,
  inviteToCohort,
} from "../../src/modules/cohorts/chain";
import { createTestCohort } from "../../src/modules/cohorts/factories";
import { cohortInvitations, type cohorts } from "../../src/modules/cohorts/schema";
import { auditLog, roleInvitations } from "../../src/modules/identity/schema";
import { type TestApp, testApp } from "./app";
import { IBS, municipalities, programmeIdOf } from "./cohorts";
import type { DbKind } from "./db";
import { demoPeopleIds } from "./people";
import type { ReceivedMail } from "./smtp";

// What the tests of the invitation chain (src/modules/cohorts/chain-*.test.ts) share: the
// demo's places and units they name, and one test app per file with the acts as people.

export const BASE = "http://localhost";
export const START = new Date("2026-11-23T10:00:00Z");
export const AGDER = "sf-agder";
export const AGDER_EMAIL = "postmottak@sf-agder.demo.samspill.example";
export const IBS_NB = "Inkluderende barnehage- og skolemiljø";
export const IBS_NN = "Inkluderande barnehage- og skulemiljø";

/** Demo units (src/db/reference/units-demo-*.json). */
export const UNIT = {
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

/**
 * One test app for the test file (at the top of its describe block): the demo with its people,
 * the clock set back to START before each test, and the chain's acts as ada, siv, kari, rune
 * or sverre. `app()` is the app once set up.
 */
export function useChainTest(kind: DbKind) {
  let t: TestApp | undefined;
  let ibsId = 0;
  const ids: Record<string, number> = {};
  let nextNumber = 7;
  const app = () => {
    if (!t) throw new Error("the chain's test app is not set up yet (use it inside a test)");
    return t;
  };

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    Object.assign(ids, await demoPeopleIds(t.db, ["ada", "siv", "kari", "rune", "sverre"]));
    ibsId = await programmeIdOf(t.db, IBS);
  });
  afterAll(() => t?.close());
  beforeEach(() => app().clock.set(START));

  const as = (who: string | null): Actor => ({
    personId: who ? ids[who]! : null,
    now: app().clock.now(),
    baseUrl: BASE,
  });
  const at = (iso: string) => app().clock.set(new Date(iso));
  /** Send what is queued; the mails that arrived. */
  const drain = async (): Promise<ReceivedMail[]> => {
    const mark = app().smtp.received.length;
    await app().jobs.runDue();
    return app().smtp.received.slice(mark);
  };
  const about = (mails: ReceivedMail[], cohortId: number) =>
    mails.filter((m) => m.text.includes(`/puljer/${cohortId}/`));

  /** An IBS cohort of our own (start 2027-08-01; offices until 1 March, answers until 15 June). */
  async function newCohort(
    over: Partial<typeof cohorts.$inferInsert> = {},
    offices: string[] = [AGDER],
  ) {
    const id = await createTestCohort(
      app().db,
      {
        programmeId: ibsId,
        number: nextNumber++,
        startsOn: "2027-08-01",
        endsOn: "2029-07-31",
        officeInviteDeadline: "2027-03-01",
        answerDeadline: "2027-06-15",
        reminderDaysBefore: 7,
        createdAt: app().clock.now(),
        createdBy: ids.ada!,
        ...over,
      },
      { offices, actor: as("ada") },
    );
    await drain();
    return (await getCohort(app().db, id))!;
  }

  async function inviteAs(
    cohortId: number,
    invitees: Invitee[],
    extra: { deadline?: string; message?: string; officeId?: string } = {},
  ) {
    return inviteToCohort(
      app().db,
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
      out.push((await getInvitation(app().db, cohortId, "municipality", code))!);
    return out;
  }

  async function answer(
    inv: Invitation,
    a: "accept" | "decline",
    opts: { reason?: string; commitments?: boolean; version?: number; who?: string } = {},
  ) {
    return answerInvitation(
      app().db,
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
    (await app().db.select().from(cohortInvitations).where(eq(cohortInvitations.id, inv.id)))[0]!;
  const invitationCount = async (cohortId: number) =>
    (
      await app()
        .db.select({ n: count() })
        .from(cohortInvitations)
        .where(eq(cohortInvitations.cohortId, cohortId))
    )[0]!.n;
  const queuedMail = async () =>
    (await app().db.select({ n: count() }).from(jobs).where(eq(jobs.kind, MAIL_JOB)))[0]!.n;
  const roleInvitationCount = async () =>
    (await app().db.select({ n: count() }).from(roleInvitations))[0]!.n;
  const eventsOf = async (inv: Pick<Invitation, "id">) => invitationEvents(app().db, inv.id);
  const auditOf = async (inv: Pick<Invitation, "id">) =>
    app()
      .db.select()
      .from(auditLog)
      .where(
        and(eq(auditLog.entityType, "cohort-invitation"), eq(auditLog.entityId, String(inv.id))),
      )
      .orderBy(asc(auditLog.id));

  return {
    app,
    ids,
    ibsId: () => ibsId,
    as,
    at,
    drain,
    about,
    newCohort,
    inviteAs,
    invited,
    answer,
    reload,
    invitationCount,
    queuedMail,
    roleInvitationCount,
    eventsOf,
    auditOf,
  };
}
