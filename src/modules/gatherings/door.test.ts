import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IBS, programmeIdOf } from "../../../tests/support/cohorts";
import { type DbKind, databaseKinds, freshDatabase } from "../../../tests/support/db";
import { demoPeopleIds } from "../../../tests/support/people";
import type { Database } from "../../db/client";
import { insertTestPerson, listAudit } from "../identity";
import {
  attendanceOf,
  checkIn,
  closeGathering,
  countPresent,
  doorCounts,
  doorList,
  markAttendance,
} from "./door";
import { gatheringInput } from "./factories";
import { createGathering, editGathering, gatheringById, sessionsOf } from "./gatherings";
import { cancelRegistration, register, registrationOf } from "./registration";
import { gatheringAttendance } from "./schema";

const NOW = new Date("2026-11-23T10:00:00Z");
const DAY = new Date("2027-02-10T08:30:00Z");
const BASE = "https://samspill.example";

describe.each(databaseKinds)(
  "gatherings: the door, attendance and closing (%s)",
  (kind: DbKind) => {
    let database: Database;
    let programmeId: number;
    let ada = 0;
    let serial = 0;
    const db = () => database.db;
    const as = (personId: number | null, now = NOW) => ({ personId, now, baseUrl: BASE });
    const atDoor = () => as(ada, DAY);

    async function person(name: string, municipality = "4204") {
      serial++;
      return insertTestPerson(
        db(),
        {
          name,
          email: `door-${serial}@test.samspill.example`,
          role: { role: "resource-person", orgId: municipality },
        },
        NOW,
      );
    }

    async function gathering(overrides: Parameters<typeof gatheringInput>[1] = {}) {
      const made = await createGathering(db(), gatheringInput(programmeId, overrides), as(ada));
      if (!made.ok) throw new Error(JSON.stringify(made.errors));
      return made.gatheringId;
    }

    async function registered(gatheringId: number, personId: number, sessionIds: number[] = []) {
      const r = await register(db(), { gatheringId, personId, sessionIds }, as(personId));
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return r.registrationId;
    }

    const codeOf = async (gatheringId: number, personId: number) =>
      (await registrationOf(db(), gatheringId, personId))!.checkInCode!;

    beforeAll(async () => {
      database = await freshDatabase(kind, "people");
      programmeId = await programmeIdOf(db(), IBS);
      ada = (await demoPeopleIds(db(), ["ada"])).ada!;
    });
    afterAll(() => database?.close());

    it("checks in by the code as typed (any case, without the dash) and says so the second time", async () => {
      const id = await gathering({ capacity: 5 });
      const kari = await person("Kari Innsjekk");
      const rid = await registered(id, kari);
      const code = await codeOf(id, kari);
      const typed = `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`;
      const first = await checkIn(db(), { gatheringId: id, code: typed }, atDoor());
      expect(first).toEqual({
        ok: true,
        registrationId: rid,
        personId: kari,
        already: false,
        at: DAY,
      });
      expect((await attendanceOf(db(), id, null)).get(rid)).toBe("present");
      const later = new Date(DAY.getTime() + 60_000);
      const again = await checkIn(
        db(),
        { gatheringId: id, code: `${code.slice(0, 4)}-${code.slice(4)}` },
        as(ada, later),
      );
      expect(again).toMatchObject({ ok: true, already: true, at: DAY });
      expect(await doorCounts(db(), id)).toEqual({ confirmed: 1, checkedIn: 1 });
      const audit = await listAudit(db(), { action: "gathering.check-in", entityId: String(id) });
      expect(audit.rows).toHaveLength(1);
    });

    it("refuses, each with its reason: no code, not a code, an unknown code, another gathering's, a cancelled one, a waiting one", async () => {
      const id = await gathering({ capacity: 1 });
      const other = await gathering({ capacity: 5, titleNb: "En annen samling" });
      const [a, b, c] = [await person("Anne"), await person("Bo"), await person("Cato")];
      const seat = await registered(id, a);
      const waiting = await registered(id, b);
      await registered(other, c);
      const refusal = async (input: Parameters<typeof checkIn>[1]) => {
        const r = await checkIn(db(), input, atDoor());
        return r.ok ? "ok" : Object.values(r.errors)[0]!.code;
      };
      expect(await refusal({ gatheringId: id, code: "  " })).toBe("required");
      expect(await refusal({ gatheringId: id, code: "ABC-123" })).toBe("codeFormat");
      expect(await refusal({ gatheringId: id, code: "UUUU-UUUU" })).toBe("codeFormat");
      // A code of the right form that nobody has (the alphabet has no U; this one is all zeros).
      expect(await refusal({ gatheringId: id, code: "0000-0000" })).toBe("unknownCode");
      expect(await refusal({ gatheringId: id, code: await codeOf(other, c) })).toBe(
        "otherGathering",
      );
      expect(await refusal({ gatheringId: id, registrationId: waiting })).toBe("notConfirmed");
      const aCode = await codeOf(id, a);
      await cancelRegistration(db(), { registrationId: seat }, as(a));
      // The freed seat went to Bo as an offer: still no seat to check in with.
      expect(await refusal({ gatheringId: id, registrationId: waiting })).toBe("notConfirmed");
      expect(await refusal({ gatheringId: id, code: aCode })).toBe("cancelledRegistration");
      expect(await refusal({ gatheringId: id, registrationId: 999_999 })).toBe(
        "unknownRegistration",
      );
      expect(await doorCounts(db(), id)).toEqual({ confirmed: 0, checkedIn: 0 });
    });

    it("lists the participants by name with unit and municipality, searched without regard to accents", async () => {
      const id = await gathering({ capacity: 10 });
      const names = ["Øystein Ås", "Berit Bærum", "Ali Arendal"];
      const ids = [];
      for (const [i, name] of names.entries())
        ids.push(await registered(id, await person(name, ["4204", "4204", "4203"][i]!)));
      const all = await doorList(db(), id, NOW);
      expect(all.map((r) => [r.name, r.municipality])).toEqual([
        ["Ali Arendal", "Arendal"],
        ["Berit Bærum", "Kristiansand"],
        ["Øystein Ås", "Kristiansand"],
      ]);
      expect((await doorList(db(), id, NOW, "oystein")).map((r) => r.name)).toEqual(["Øystein Ås"]);
      expect((await doorList(db(), id, NOW, "barum berit")).map((r) => r.name)).toEqual([
        "Berit Bærum",
      ]);
      expect((await doorList(db(), id, NOW, "arendal")).map((r) => r.name)).toEqual([
        "Ali Arendal",
      ]);
      expect(await doorList(db(), id, NOW, "ingen slik")).toEqual([]);
    });

    it("marks attendance for the whole gathering and per session, changes it, and writes only what the page changed", async () => {
      const id = await gathering({
        capacity: 10,
        mode: "hybrid",
        digitalLink: "https://meet.example.org/x",
      });
      const sessions = await sessionsOf(db(), id);
      const lecture = sessions.find((s) => s.kind === "lecture")!;
      const lunch = sessions.find((s) => s.kind === "break")!;
      const [p, q] = [await person("Per"), await person("Quang")];
      const [rp, rq] = [await registered(id, p), await registered(id, q)];

      const first = await markAttendance(
        db(),
        {
          gatheringId: id,
          sessionId: null,
          marks: [
            { registrationId: rp, status: "present", was: null },
            { registrationId: rq, status: "excused", was: null },
          ],
        },
        atDoor(),
      );
      expect(first).toEqual({ ok: true, changed: 2 });
      const perSession = await markAttendance(
        db(),
        {
          gatheringId: id,
          sessionId: lecture.id,
          marks: [{ registrationId: rp, status: "absent", was: null }],
        },
        atDoor(),
      );
      expect(perSession).toEqual({ ok: true, changed: 1 });
      expect([...(await attendanceOf(db(), id, null))].sort()).toEqual(
        [
          [rp, "present"],
          [rq, "excused"],
        ].sort(),
      );
      expect([...(await attendanceOf(db(), id, lecture.id))]).toEqual([[rp, "absent"]]);

      // Another organiser marked Quang present meanwhile; this page still shows "excused" for
      // Quang and changes only Per: Quang's newer mark stays.
      await markAttendance(
        db(),
        {
          gatheringId: id,
          sessionId: null,
          marks: [{ registrationId: rq, status: "present", was: "excused" }],
        },
        atDoor(),
      );
      const stale = await markAttendance(
        db(),
        {
          gatheringId: id,
          sessionId: null,
          marks: [
            { registrationId: rp, status: "absent", was: "present" },
            { registrationId: rq, status: "excused", was: "excused" },
          ],
        },
        atDoor(),
      );
      expect(stale).toEqual({ ok: true, changed: 1 });
      expect(Object.fromEntries(await attendanceOf(db(), id, null))).toEqual({
        [rp]: "absent",
        [rq]: "present",
      });
      expect(await countPresent(db(), id)).toBe(1);

      const onBreak = await markAttendance(
        db(),
        {
          gatheringId: id,
          sessionId: lunch.id,
          marks: [{ registrationId: rp, status: "present", was: null }],
        },
        atDoor(),
      );
      expect(onBreak.ok ? null : onBreak.errors.session?.code).toBe("unknownSession");
      const stranger = await markAttendance(
        db(),
        {
          gatheringId: id,
          sessionId: null,
          marks: [{ registrationId: 999_999, status: "present", was: null }],
        },
        atDoor(),
      );
      expect(stranger.ok ? null : stranger.errors["a-999999"]?.code).toBe("unknownRegistration");

      const audit = await listAudit(db(), { action: "gathering.attendance", entityId: String(id) });
      expect(audit.rows).toHaveLength(4);

      // A session removed from the agenda takes its marks with it.
      const g = (await gatheringById(db(), id))!;
      const input = gatheringInput(programmeId, {
        capacity: 10,
        mode: "hybrid",
        digitalLink: "https://meet.example.org/x",
        sessions: sessions.filter((s) => s.id !== lecture.id).map((s) => ({ ...s, id: s.id })),
      });
      const edited = await editGathering(
        db(),
        { ...input, gatheringId: id, version: g.version },
        as(ada),
      );
      expect(edited.ok).toBe(true);
      expect(
        await db()
          .select()
          .from(gatheringAttendance)
          .where(
            and(
              eq(gatheringAttendance.gatheringId, id),
              eq(gatheringAttendance.sessionId, lecture.id),
            ),
          ),
      ).toEqual([]);
    });

    it("closes a gathering that has begun with minutes and the number present; then registration and the door are closed", async () => {
      const id = await gathering({ capacity: 10 });
      const [p, late] = [await person("Pia"), await person("Sen Ankomst")];
      await registered(id, p);
      await checkIn(db(), { gatheringId: id, code: await codeOf(id, p) }, atDoor());

      const early = await closeGathering(
        db(),
        { gatheringId: id, minutes: "For tidlig", presentCount: "1" },
        as(ada, NOW),
      );
      expect(early.ok ? null : early.errors.gathering?.code).toBe("notStarted");
      const bad = await closeGathering(
        db(),
        { gatheringId: id, minutes: "x".repeat(10_001), presentCount: "mange" },
        atDoor(),
      );
      expect(bad.ok ? null : [bad.errors.minutes?.code, bad.errors.presentCount?.code]).toEqual([
        "max",
        "presentRange",
      ]);
      expect(await countPresent(db(), id)).toBe(1);
      const closed = await closeGathering(
        db(),
        { gatheringId: id, minutes: "  Gode diskusjoner om mobbing.  ", presentCount: "2" },
        atDoor(),
      );
      expect(closed).toEqual({ ok: true, first: true });
      const g = (await gatheringById(db(), id))!;
      expect([g.closedAt, g.minutes, g.presentCount]).toEqual([
        DAY,
        "Gode diskusjoner om mobbing.",
        2,
      ]);

      const after = await register(
        db(),
        { gatheringId: id, personId: late, sessionIds: [] },
        as(late, NOW),
      );
      expect(after.ok ? null : after.errors.gathering?.code).toBe("closed");
      const door = await checkIn(db(), { gatheringId: id, code: await codeOf(id, p) }, atDoor());
      expect(door.ok ? null : door.errors.code?.code).toBe("gatheringClosed");

      const corrected = await closeGathering(
        db(),
        { gatheringId: id, minutes: "Rettet referat.", presentCount: "3" },
        as(ada, new Date(DAY.getTime() + 3_600_000)),
      );
      expect(corrected).toEqual({ ok: true, first: false });
      const g2 = (await gatheringById(db(), id))!;
      expect([g2.closedAt, g2.minutes, g2.presentCount]).toEqual([DAY, "Rettet referat.", 3]);
      const audit = await listAudit(db(), { action: "gathering.close", entityId: String(id) });
      expect(audit.rows).toHaveLength(2);
    });

    it("lets only the first of two simultaneous check-ins set the time", async () => {
      const id = await gathering({ capacity: 5 });
      const p = await person("Samtidig");
      await registered(id, p);
      const code = await codeOf(id, p);
      const both = await Promise.all([
        checkIn(db(), { gatheringId: id, code }, atDoor()),
        checkIn(db(), { gatheringId: id, code }, atDoor()),
      ]);
      expect(both.every((r) => r.ok)).toBe(true);
      expect(both.filter((r) => r.ok && !r.already)).toHaveLength(1);
      const audit = await listAudit(db(), { action: "gathering.check-in", entityId: String(id) });
      expect(audit.rows).toHaveLength(1);
    });
  },
);
