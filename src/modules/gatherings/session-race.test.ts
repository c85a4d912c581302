import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IBS, programmeIdOf } from "../../../tests/support/cohorts";
import { type DbKind, databaseKinds, freshDatabase } from "../../../tests/support/db";
import { demoPeopleIds } from "../../../tests/support/people";
import type { Database } from "../../db/client";
import { insertTestPerson } from "../identity";
import { gatheringInput } from "./factories";
import { createGathering, gatheringById, sessionSeatsTaken, sessionsOf } from "./gatherings";
import { register } from "./registration";
import { gatheringRegistrations, registrationSessions } from "./schema";

const NOW = new Date("2026-11-23T10:00:00Z");
const BASE = "https://samspill.example";

// A seat with a chosen session is taken in one statement when the places read before the lock,
// plus every queue number handed out since, leave room (decision 0026); else the transaction
// counts them under the lock. Either way a session never gets more than its places.
describe.each(databaseKinds)("gatherings: sessions under a rush (%s)", (kind: DbKind) => {
  let database: Database;
  let programmeId: number;
  let ada = 0;
  const db = () => database.db;
  const as = (personId: number | null) => ({ personId, now: NOW, baseUrl: BASE });

  beforeAll(async () => {
    database = await freshDatabase(kind, "people");
    programmeId = await programmeIdOf(db(), IBS);
    ada = (await demoPeopleIds(db(), ["ada"])).ada!;
  });
  afterAll(() => database?.close());

  it("never gives a session more places than it has when many choose it at once", async () => {
    const base = gatheringInput(programmeId, { capacity: 40 });
    const made = await createGathering(
      db(),
      {
        ...base,
        sessions: base.sessions.map((s) => (s.kind === "group" ? { ...s, capacity: 6 } : s)),
      },
      as(ada),
    );
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    const id = made.gatheringId;
    const group = (await sessionsOf(db(), id)).find((s) => s.kind === "group")!;
    const people: number[] = [];
    for (let i = 0; i < 16; i++)
      people.push(
        await insertTestPerson(
          db(),
          {
            name: `Gruppedeltaker ${i}`,
            email: `gruppe-${kind}-${i}@test.samspill.example`,
            role: { role: "resource-person", orgId: "4204" },
          },
          NOW,
        ),
      );
    const results = await Promise.all(
      people.map((p) =>
        register(db(), { gatheringId: id, personId: p, sessionIds: [group.id] }, as(p)),
      ),
    );
    const seated = results.filter((r) => r.ok);
    const refused = results.filter((r) => !r.ok);
    expect(seated).toHaveLength(6);
    expect(refused.map((r) => (r.ok ? null : r.errors.sessions?.code))).toEqual(
      Array(10).fill("sessionFull"),
    );
    expect((await sessionSeatsTaken(db(), [group.id])).get(group.id)).toBe(6);
    const rows = await db()
      .select({ id: gatheringRegistrations.id, code: gatheringRegistrations.checkInCode })
      .from(gatheringRegistrations)
      .where(
        and(
          eq(gatheringRegistrations.gatheringId, id),
          eq(gatheringRegistrations.status, "confirmed"),
        ),
      );
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.code !== null)).toBe(true);
    const chosen = await db()
      .select()
      .from(registrationSessions)
      .where(
        inArray(
          registrationSessions.registrationId,
          rows.map((r) => r.id),
        ),
      );
    expect(chosen).toHaveLength(6);
    const g = (await gatheringById(db(), id))!;
    // Refused ones gave their seat and queue number back.
    expect({ held: g.seatsHeld, waiting: g.waitingCount, last: g.lastQueueNumber }).toEqual({
      held: 6,
      waiting: 0,
      last: 6,
    });
  });
});
