import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../../../tests/support/app";
import { AGDER, UNIT, useChainTest } from "../../../tests/support/chain";
import { databaseKinds } from "../../../tests/support/db";
import {
  enrolledUnits,
  enrolUnits,
  getInvitation,
  type Invitation,
  recordParticipants,
  withdrawUnit,
} from "./chain";
import { cohortEnrolments } from "./schema";

describe.each(databaseKinds)("the invitation chain on %s: enrolment", (kind) => {
  const chain = useChainTest(kind);
  const { ids, as, at, drain, newCohort, inviteAs, invited, answer, eventsOf, auditOf } = chain;
  let t: TestApp;
  beforeAll(() => {
    t = chain.app();
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
});
