import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../../../tests/support/app";
import { AGDER, BASE, UNIT, useChainTest } from "../../../tests/support/chain";
import { databaseKinds } from "../../../tests/support/db";
import {
  enrolledUnits,
  enrolUnits,
  extendDeadline,
  getInvitation,
  runChainHousekeeping,
} from "./chain";
import { cohortEnrolments, cohortInvitations } from "./schema";

describe.each(databaseKinds)("the invitation chain on %s: answers", (kind) => {
  const chain = useChainTest(kind);
  const { ids, as, at, drain, newCohort, inviteAs, invited, answer, reload, eventsOf, auditOf } =
    chain;
  let t: TestApp;
  beforeAll(() => {
    t = chain.app();
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
});
