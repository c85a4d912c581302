import { and, eq, inArray, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IBS, programmeIdOf } from "../../../tests/support/cohorts";
import { type DbKind, databaseKinds, freshDatabase } from "../../../tests/support/db";
import { demoPeopleIds } from "../../../tests/support/people";
import type { Database } from "../../db/client";
import { jobs } from "../../kernel/schema";
import { cohortEnrolments, cohortInvitations, cohorts } from "../cohorts/schema";
import { insertTestPerson } from "../identity";
import { gatheringInput } from "./factories";
import {
  createGathering,
  editGathering,
  gatheringById,
  registrationCounts,
  sessionsOf,
} from "./gatherings";
import {
  cancelRegistration,
  confirmOffer,
  deleteNeedsAfterGatherings,
  expireOffers,
  register,
  registrationOf,
  waitingList,
} from "./registration";
import { gatheringRegistrations, registrationNeeds } from "./schema";

const NOW = new Date("2026-11-23T10:00:00Z");
const BASE = "https://samspill.example";
const HOUR = 3_600_000;

describe.each(databaseKinds)("gatherings: registration (%s)", (kind: DbKind) => {
  let database: Database;
  let programmeId: number;
  let ids: Record<string, number>;
  let serial = 0;
  const as = (personId: number | null, now = NOW) => ({ personId, now, baseUrl: BASE });
  const db = () => database.db;

  /** `n` people, each a resource person of Kristiansand (a municipal role), with e-mail. */
  async function people(n: number, tag: string): Promise<number[]> {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      serial++;
      out.push(
        await insertTestPerson(
          db(),
          {
            name: `Deltaker ${tag} ${i}`,
            email: `deltaker-${tag}-${serial}@test.samspill.example`,
            role: { role: "resource-person", orgId: "4204" },
          },
          NOW,
        ),
      );
    }
    return out;
  }

  async function gathering(overrides: Parameters<typeof gatheringInput>[1] = {}) {
    const made = await createGathering(db(), gatheringInput(programmeId, overrides), as(ids.ada!));
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    return made.gatheringId;
  }

  /** The gathering's own counts of seats held and people waiting agree with its registrations. */
  async function expectCountsKept(gatheringId: number) {
    const g = (await gatheringById(db(), gatheringId))!;
    const counts = await registrationCounts(db(), gatheringId);
    expect({ held: g.seatsHeld, waiting: g.waitingCount }).toEqual({
      held: counts.confirmed + counts.offered,
      waiting: counts.waiting,
    });
    expect(g.seatsHeld).toBeLessThanOrEqual(g.capacity);
  }

  const reg = (gatheringId: number, personId: number, extra: { sessionIds?: number[] } = {}) =>
    register(db(), { gatheringId, personId, sessionIds: extra.sessionIds ?? [] }, as(personId));

  beforeAll(async () => {
    database = await freshDatabase(kind, "people");
    programmeId = await programmeIdOf(db(), IBS);
    ids = await demoPeopleIds(db(), ["ada", "kari", "sverre", "stine"]);
    ids.nora = await insertTestPerson(
      db(),
      { name: "Nora Uten Rolle", email: "nora@test.samspill.example" },
      NOW,
    );
  });
  afterAll(() => database?.close());

  it("refuses a gathering that ends before it starts, and other impossible ones", async () => {
    const start = new Date("2027-02-10T08:00:00Z");
    const bad = await createGathering(
      db(),
      gatheringInput(programmeId, {
        startsAt: start,
        endsAt: new Date(start.getTime() - HOUR),
        capacity: 0,
        mode: "digital",
        digitalLink: "http://not-secure.example",
        registrationOpensAt: new Date("2027-01-01T00:00:00Z"),
        registrationClosesAt: new Date("2026-12-01T00:00:00Z"),
        sessions: [],
      }),
      as(ids.ada!),
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.endsAt?.code).toBe("endBeforeStart");
    expect(bad.errors.capacity?.code).toBe("capacityRange");
    expect(bad.errors.digitalLink?.code).toBe("linkRequired");
    expect(bad.errors.registrationClosesAt?.code).toBe("closesBeforeOpens");
    const outside = await createGathering(
      db(),
      gatheringInput(programmeId, {
        sessions: [
          {
            kind: "lecture",
            titleNb: "For sent",
            titleNn: "For seint",
            speaker: "",
            room: "",
            startsAt: new Date("2027-02-10T15:00:00Z"),
            endsAt: new Date("2027-02-10T16:00:00Z"),
            capacity: null,
          },
        ],
      }),
      as(ids.ada!),
    );
    expect(outside.ok ? null : outside.errors["session-1-endsAt"]?.code).toBe("sessionOutside");
  });

  it("confirms while seats remain, then puts people on the waiting list in order, and says so", async () => {
    const id = await gathering({ capacity: 2 });
    const [a, b, c, d] = await people(4, "order");
    const results = [];
    for (const p of [a!, b!, c!, d!]) results.push(await reg(id, p));
    expect(results.map((r) => (r.ok ? [r.status, r.position] : r.errors))).toEqual([
      ["confirmed", null],
      ["confirmed", null],
      ["waiting", 1],
      ["waiting", 2],
    ]);
    expect((await waitingList(db(), id)).map((r) => r.personId)).toEqual([c, d]);
  });

  it("refuses registering twice, outside the window, and for someone the gathering does not admit", async () => {
    const id = await gathering({ capacity: 1 });
    const [p, q] = await people(2, "refuse");
    expect((await reg(id, p!)).ok).toBe(true);
    const twice = await reg(id, p!);
    expect(twice.ok ? null : twice.errors.gathering).toEqual({
      code: "already",
      params: { status: "confirmed" },
    });
    // Waiting counts too.
    expect((await reg(id, q!)).ok).toBe(true);
    const again = await reg(id, q!);
    expect(again.ok ? null : again.errors.gathering?.params?.status).toBe("waiting");

    const [eager] = await people(1, "eager");
    const early = await register(
      db(),
      { gatheringId: id, personId: eager!, sessionIds: [] },
      as(eager!, new Date("2026-10-31T12:00:00Z")),
    );
    expect(early.ok ? null : early.errors.gathering?.code).toBe("notOpenYet");
    const [late] = await people(1, "late");
    const closed = await register(
      db(),
      { gatheringId: id, personId: late!, sessionIds: [] },
      as(late!, new Date("2027-02-09T23:00:00Z")),
    );
    expect(closed.ok ? null : closed.errors.gathering?.code).toBe("closed");

    // Nora holds no role; Kari is in Kristiansand, not in Bergen; Stine is staff, not a leader.
    const nora = await reg(id, ids.nora!);
    expect(nora.ok ? null : nora.errors.gathering?.code).toBe("notAllowed");
    const bergen = await gathering({ allowedMunicipalities: ["4601"] });
    const kari = await reg(bergen, ids.kari!);
    expect(kari.ok ? null : kari.errors.gathering?.code).toBe("notAllowed");
    const leaders = await gathering({ allowedRoles: ["unit-leader"] });
    const stine = await reg(leaders, ids.stine!);
    expect(stine.ok ? null : stine.errors.gathering?.code).toBe("notAllowed");
    expect((await reg(leaders, ids.sverre!)).ok).toBe(true);
    // Someone else's registration: only a unit leader for the staff of the unit.
    const [other] = await people(1, "other");
    const forOther = await register(
      db(),
      { gatheringId: id, personId: other!, sessionIds: [] },
      as(ids.kari!),
    );
    expect(forOther.ok ? null : forOther.errors.gathering?.code).toBe("notAllowed");
    const open = await gathering();
    const forStaff = await register(
      db(),
      { gatheringId: open, personId: ids.stine!, sessionIds: [] },
      as(ids.sverre!),
    );
    expect(forStaff.ok).toBe(true);
  });

  it("admits the participants of a cohort: an enrolled unit's staff, not a municipality that has not said yes", async () => {
    const [cohort3] = await db()
      .select({ id: cohorts.id })
      .from(cohorts)
      .where(and(eq(cohorts.programmeId, programmeId), eq(cohorts.number, 3)));
    const [arendal] = await db()
      .select({ id: cohortInvitations.id })
      .from(cohortInvitations)
      .where(
        and(eq(cohortInvitations.cohortId, cohort3!.id), eq(cohortInvitations.inviteeId, "4203")),
      );
    const [enrolled] = await db()
      .select({ unit: cohortEnrolments.unitOrgNumber })
      .from(cohortEnrolments)
      .where(eq(cohortEnrolments.invitationId, arendal!.id));
    const teacher = await insertTestPerson(
      db(),
      {
        name: "Lærer i Arendal",
        email: "laerer-arendal@test.samspill.example",
        role: { role: "staff", orgId: enrolled!.unit },
      },
      NOW,
    );
    const coordinator = await insertTestPerson(
      db(),
      {
        name: "Koordinator i Arendal",
        email: "koordinator-arendal@test.samspill.example",
        role: { role: "municipal-coordinator", orgId: "4203" },
      },
      NOW,
    );
    const id = await gathering({ cohortId: cohort3!.id, allowedCohorts: [cohort3!.id] });
    const ok = await reg(id, teacher);
    expect(ok.ok).toBe(true);
    expect((await registrationOf(db(), id, teacher))?.municipalityCode).toBe("4203");
    expect((await reg(id, coordinator)).ok).toBe(true);
    // Kristiansand has not answered cohort 3: neither its coordinator nor its school's staff.
    for (const who of [ids.kari!, ids.stine!]) {
      const refused = await reg(id, who);
      expect(refused.ok ? null : refused.errors.gathering?.code).toBe("notAllowed");
    }
  });

  it("refuses two overlapping sessions and a full session, and keeps a waiting person's wishes", async () => {
    const id = await gathering({ capacity: 2 });
    const agenda = await sessionsOf(db(), id);
    const groups = agenda.filter((s) => s.kind === "group");
    const lecture = agenda.find((s) => s.kind === "lecture")!;
    const [p, q, r] = await people(3, "sessions");
    const both = await reg(id, p!, { sessionIds: groups.map((s) => s.id) });
    expect(both.ok ? null : both.errors.sessions?.code).toBe("overlap");
    const unchosen = await reg(id, p!, { sessionIds: [lecture.id] });
    expect(unchosen.ok ? null : unchosen.errors.sessions?.code).toBe("unknownSession");
    // A session of one place.
    const edited = await editGathering(
      db(),
      {
        ...gatheringInput(programmeId, { capacity: 2 }),
        gatheringId: id,
        version: (await gatheringById(db(), id))!.version,
        sessions: agenda.map((s) => ({ ...s, capacity: s.id === groups[0]!.id ? 1 : s.capacity })),
      },
      as(ids.ada!),
    );
    expect(edited.ok).toBe(true);
    expect((await reg(id, p!, { sessionIds: [groups[0]!.id] })).ok).toBe(true);
    const full = await reg(id, q!, { sessionIds: [groups[0]!.id] });
    expect(full.ok ? null : full.errors.sessions).toEqual({
      code: "sessionFull",
      params: { session: groups[0]!.titleNb },
    });
    expect((await reg(id, q!, { sessionIds: [groups[1]!.id] })).ok).toBe(true);
    // Waiting: the wish is kept; when a seat frees, a wish for a full session is dropped.
    const waiting = await reg(id, r!, { sessionIds: [groups[0]!.id] });
    expect(waiting.ok && waiting.status).toBe("waiting");
    const qReg = (await registrationOf(db(), id, q!))!;
    expect((await cancelRegistration(db(), { registrationId: qReg.id }, as(q!))).ok).toBe(true);
    const rReg = (await registrationOf(db(), id, r!))!;
    expect(rReg.status).toBe("offered");
    await expectCountsKept(id);
  });

  it("keeps needs apart and deletes them after the gathering", async () => {
    const id = await gathering();
    const [p] = await people(1, "needs");
    const made = await register(
      db(),
      {
        gatheringId: id,
        personId: p!,
        sessionIds: [],
        needs: { dietary: "Glutenfri", accessibility: "Trinnfri adkomst" },
      },
      as(p!),
    );
    if (!made.ok) throw new Error("not registered");
    const stored = () =>
      db()
        .select()
        .from(registrationNeeds)
        .where(eq(registrationNeeds.registrationId, made.registrationId));
    expect((await stored())[0]?.dietary).toBe("Glutenfri");
    expect(await deleteNeedsAfterGatherings(db(), NOW)).toBe(0);
    const after = new Date("2027-02-11T00:00:00Z");
    expect(await deleteNeedsAfterGatherings(db(), after)).toBeGreaterThan(0);
    expect(await stored()).toEqual([]);
    expect((await gatheringById(db(), id))?.needsDeletedAt).toEqual(after);
  });

  it("refuses a capacity below the seats taken and a stale edit; a larger capacity offers seats", async () => {
    const id = await gathering({ capacity: 3 });
    const ps = await people(5, "capacity");
    for (const p of ps) await reg(id, p);
    const version = (await gatheringById(db(), id))!.version;
    const below = await editGathering(
      db(),
      { ...gatheringInput(programmeId, { capacity: 2 }), gatheringId: id, version },
      as(ids.ada!),
    );
    expect(below.ok ? null : below.errors.capacity).toEqual({
      code: "belowTaken",
      params: { taken: 3 },
    });
    const more = await editGathering(
      db(),
      { ...gatheringInput(programmeId, { capacity: 4 }), gatheringId: id, version },
      as(ids.ada!),
    );
    expect(more.ok).toBe(true);
    expect((await registrationOf(db(), id, ps[3]!))?.status).toBe("offered");
    expect((await registrationOf(db(), id, ps[4]!))?.status).toBe("waiting");
    const stale = await editGathering(
      db(),
      { ...gatheringInput(programmeId, { capacity: 5 }), gatheringId: id, version },
      as(ids.ada!),
    );
    expect(stale.ok ? null : stale.errors.gathering?.code).toBe("stale");
    await expectCountsKept(id);
  });

  it("never over-books when many register at once for the last seats; the waiting list keeps the order", async () => {
    const id = await gathering({ capacity: 10 });
    const early = await people(7, "rush-early");
    for (const p of early) expect((await reg(id, p)).ok).toBe(true);
    const crowd = await people(40, "rush");
    const results = await Promise.all(crowd.map((p) => reg(id, p)));
    expect(results.every((r) => r.ok)).toBe(true);
    const ok = results.flatMap((r) => (r.ok ? [r] : []));
    expect(ok.filter((r) => r.status === "confirmed")).toHaveLength(3);
    expect(await registrationCounts(db(), id)).toEqual({ confirmed: 10, offered: 0, waiting: 37 });
    // Queue numbers 1..47 once each; every waiting one after every confirmed one; each told
    // the place in line it has.
    const rows = await db()
      .select()
      .from(gatheringRegistrations)
      .where(eq(gatheringRegistrations.gatheringId, id));
    expect(rows.map((r) => r.queueNumber).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 47 }, (_, i) => i + 1),
    );
    const lastConfirmed = Math.max(
      ...rows.filter((r) => r.status === "confirmed").map((r) => r.queueNumber),
    );
    const firstWaiting = Math.min(
      ...rows.filter((r) => r.status === "waiting").map((r) => r.queueNumber),
    );
    expect(lastConfirmed).toBeLessThan(firstWaiting);
    const told = ok
      .filter((r) => r.status === "waiting")
      .sort((a, b) => a.queueNumber - b.queueNumber)
      .map((r) => r.position);
    expect(told).toEqual(Array.from({ length: 37 }, (_, i) => i + 1));
    await expectCountsKept(id);
  });

  it("takes one registration when the same person registers twice at the same instant", async () => {
    const id = await gathering({ capacity: 1 });
    const [p] = await people(1, "double");
    const both = await Promise.all([reg(id, p!), reg(id, p!), reg(id, p!)]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    for (const r of both.filter((x) => !x.ok))
      expect(r.ok ? null : r.errors.gathering?.code).toBe("already");
    expect((await gatheringById(db(), id))?.lastQueueNumber).toBe(1);
    await expectCountsKept(id);
  });

  it("promotes exactly once when cancellations race each other and the offers' expiry", async () => {
    const id = await gathering({ capacity: 5, offerHours: 24 });
    const seated = await people(5, "race-seated");
    const waiting = await people(8, "race-waiting");
    for (const p of [...seated, ...waiting]) await reg(id, p);
    const regs = async (list: number[]) =>
      Promise.all(list.map(async (p) => (await registrationOf(db(), id, p))!));
    const seatedRegs = await regs(seated);

    // Four cancel at once, and each clicks twice.
    const cancels = await Promise.all(
      [...seatedRegs.slice(0, 4), ...seatedRegs.slice(0, 4)].map((r) =>
        cancelRegistration(db(), { registrationId: r.id }, as(r.personId)),
      ),
    );
    expect(cancels.every((c) => c.ok)).toBe(true);
    const offeredNow = cancels.flatMap((c) => (c.ok ? c.offered : []));
    expect(offeredNow).toHaveLength(4);
    expect(new Set(offeredNow).size).toBe(4);
    const waitingRegs = await regs(waiting);
    expect(waitingRegs.map((r) => r.status)).toEqual([
      "offered",
      "offered",
      "offered",
      "offered",
      "waiting",
      "waiting",
      "waiting",
      "waiting",
    ]);
    const offerMails = () =>
      db()
        .select({ key: jobs.idempotencyKey })
        .from(jobs)
        .where(
          inArray(
            jobs.idempotencyKey,
            waitingRegs
              .map((r) => r.id)
              .flatMap((rid) => [`gathering-offer:${rid}:${NOW.getTime()}`]),
          ),
        );
    expect(await offerMails()).toHaveLength(4);

    // After the limit: the first offered confirms late, the second cancels, and the job runs
    // twice at once — all at the same moment. Each lapsed offer passes on exactly once.
    const later = new Date(NOW.getTime() + 25 * HOUR);
    const [first, second] = waitingRegs;
    const raced = await Promise.all([
      confirmOffer(db(), { registrationId: first!.id }, as(first!.personId, later)),
      cancelRegistration(db(), { registrationId: second!.id }, as(second!.personId, later)),
      expireOffers(db(), as(null, later)),
      expireOffers(db(), as(null, later)),
    ]);
    const late = raced[0];
    expect(late.ok ? null : late.errors.registration?.code).toBe("offerExpired");
    const after = await db()
      .select()
      .from(gatheringRegistrations)
      .where(
        inArray(
          gatheringRegistrations.id,
          waitingRegs.map((r) => r.id),
        ),
      )
      .orderBy(gatheringRegistrations.queueNumber);
    const byStatus = (s: string) => after.filter((r) => r.status === s).length;
    // One confirmed seat stayed (the fifth); four offers lapsed or were cancelled, and the four
    // still waiting got them, in order.
    expect(byStatus("offered")).toBe(4);
    expect(byStatus("waiting")).toBe(0);
    expect(after.slice(0, 4).map((r) => r.cancelReason)).toEqual([
      "offer-expired",
      expect.stringMatching(/^(offer-expired|participant)$/),
      "offer-expired",
      "offer-expired",
    ]);
    expect(after.slice(4).map((r) => r.status)).toEqual([
      "offered",
      "offered",
      "offered",
      "offered",
    ]);
    expect(await registrationCounts(db(), id)).toEqual({ confirmed: 1, offered: 4, waiting: 0 });
    await expectCountsKept(id);
    const laterMails = await db()
      .select({ key: jobs.idempotencyKey })
      .from(jobs)
      .where(like(jobs.idempotencyKey, `gathering-offer:%:${later.getTime()}`));
    expect(laterMails).toHaveLength(4);
  });

  it("confirms an offer once, before its limit; a second click changes nothing", async () => {
    const id = await gathering({ capacity: 1, offerHours: 2 });
    const [p, q] = await people(2, "confirm");
    await reg(id, p!);
    await reg(id, q!);
    const qReg = (await registrationOf(db(), id, q!))!;
    const early = await confirmOffer(db(), { registrationId: qReg.id }, as(q!));
    expect(early.ok ? null : early.errors.registration?.code).toBe("notOffered");
    const pReg = (await registrationOf(db(), id, p!))!;
    await cancelRegistration(db(), { registrationId: pReg.id }, as(p!));
    // Not somebody else's offer.
    const stolen = await confirmOffer(db(), { registrationId: qReg.id }, as(p!));
    expect(stolen.ok ? null : stolen.errors.registration?.code).toBe("notFound");
    const inTime = new Date(NOW.getTime() + HOUR);
    const clicks = await Promise.all([
      confirmOffer(db(), { registrationId: qReg.id }, as(q!, inTime)),
      confirmOffer(db(), { registrationId: qReg.id }, as(q!, inTime)),
    ]);
    expect(clicks.map((c) => (c.ok ? c.repeated : null)).sort()).toEqual([false, true]);
    expect((await registrationOf(db(), id, q!))?.status).toBe("confirmed");
    await expectCountsKept(id);
    expect(await expireOffers(db(), as(null, new Date(NOW.getTime() + 10 * HOUR)))).toEqual({
      lapsed: 0,
      offered: 0,
    });
  });
});
