import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IBS, programmeIdOf } from "../../../tests/support/cohorts";
import { type DbKind, databaseKinds, freshDatabase } from "../../../tests/support/db";
import { testJobLoop } from "../../../tests/support/jobs";
import { demoPeopleIds } from "../../../tests/support/people";
import type { Database } from "../../db/client";
import { jobs } from "../../kernel/schema";
import { cohortEnrolments, cohortInvitations, cohorts } from "../cohorts/schema";
import { insertTestPerson, type Role } from "../identity";
import { setWrittenStandard } from "../organisations";
import { gatheringInput } from "./factories";
import { createGathering, gatheringById } from "./gatherings";
import { cancelRegistration, register } from "./registration";
import {
  mayRegisterAndHaveNot,
  queueDueReminders,
  REMINDER_JOB,
  reminderJobHandlers,
} from "./reminders";

const NOW = new Date("2026-11-23T10:00:00Z");
const BASE = "https://samspill.example";
const DAY = 86_400_000;

describe.each(databaseKinds)("gatherings: reminders, each sent once (%s)", (kind: DbKind) => {
  let database: Database;
  let loop: Awaited<ReturnType<typeof testJobLoop>>;
  let programmeId: number;
  let ada = 0;
  let serial = 0;
  const db = () => database.db;
  const as = (personId: number | null, now = NOW) => ({ personId, now, baseUrl: BASE });

  async function person(role: Role, orgId: string) {
    serial++;
    const email = `paaminning-${serial}@test.samspill.example`;
    const id = await insertTestPerson(
      db(),
      { name: `Deltaker ${serial}`, email, role: { role, orgId } },
      NOW,
    );
    return { id, email };
  }

  async function gathering(overrides: Parameters<typeof gatheringInput>[1] = {}) {
    const made = await createGathering(db(), gatheringInput(programmeId, overrides), as(ada));
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    return made.gatheringId;
  }

  /** The mails that reached the SMTP server for this address. */
  const mailsTo = (email: string) => loop.smtp.received.filter((m) => m.to.includes(email));

  /** The housekeeping at `now`, then the job loop at the same instant. */
  async function housekeepingAt(now: Date) {
    await queueDueReminders(db(), now);
    loop.clock.set(now);
    await loop.runDue();
  }

  beforeAll(async () => {
    database = await freshDatabase(kind, "people");
    loop = await testJobLoop(database.db, { now: NOW, linkBase: BASE });
    programmeId = await programmeIdOf(db(), IBS);
    ada = (await demoPeopleIds(db(), ["ada"])).ada!;
    await setWrittenStandard(db(), "municipality", "4221", "nn", { personId: null, now: NOW });
  });
  afterAll(async () => {
    await loop?.close();
    await database?.close();
  });

  it("reminds those who may register and have not, once, before registration closes; and those with a seat two days before", async () => {
    const id = await gathering({
      titleNb: "Samling med påminning",
      titleNn: "Samling med påminning",
      day: "2027-03-10",
      capacity: 1,
      mode: "hybrid",
      digitalLink: "https://meet.example.org/paaminning",
      allowedMunicipalities: ["4221"],
      allowedRoles: ["resource-person"],
    });
    const seated = await person("resource-person", "4221");
    const cancelled = await person("resource-person", "4221");
    const waiting = await person("resource-person", "4221");
    const quiet = [
      await person("resource-person", "4221"),
      await person("resource-person", "4221"),
    ];
    const elsewhere = await person("resource-person", "4204");
    const otherRole = await person("municipal-coordinator", "4221");
    for (const p of [seated, cancelled, waiting]) {
      const r = await register(db(), { gatheringId: id, personId: p.id, sessionIds: [] }, as(p.id));
      expect(r.ok).toBe(true);
      if (p === cancelled && r.ok)
        await cancelRegistration(db(), { registrationId: r.registrationId }, as(p.id));
    }
    await loop.runDue();
    const closes = new Date("2027-03-10T00:00:00+01:00");
    const starts = new Date("2027-03-10T09:00:00+01:00");

    // Four days before registration closes: nothing yet.
    await housekeepingAt(new Date(closes.getTime() - 4 * DAY));
    expect(quiet.flatMap((p) => mailsTo(p.email))).toEqual([]);

    // Two days before: the two who may and have not, in nynorsk (their municipality's).
    await housekeepingAt(new Date(closes.getTime() - 2 * DAY));
    for (const p of quiet) {
      const mails = mailsTo(p.email);
      expect(mails.map((m) => m.subject)).toEqual([
        "Påmeldinga stengjer snart: Samling med påminning",
      ]);
      expect(mails[0]!.text).toContain(`${BASE}/nn/samlinger/${id}`);
      expect(mails[0]!.text).toContain("Påmeldinga stengjer 10. mars 2027 kl. 00:00.");
    }
    for (const p of [seated, cancelled, waiting, elsewhere, otherRole])
      expect(mailsTo(p.email).filter((m) => m.subject.includes("stengjer"))).toEqual([]);

    // Again an hour later, and the job once more as a second instance would run it: nothing new.
    const later = new Date(closes.getTime() - 2 * DAY + 3_600_000);
    await housekeepingAt(later);
    await reminderJobHandlers({ db: db(), clock: loop.clock, linkBase: BASE })[REMINDER_JOB]!(
      { gatheringId: id, kind: "deadline" },
      { id: 0, createdAt: later, attempts: 1 },
    );
    await loop.runDue();
    for (const p of quiet) expect(mailsTo(p.email)).toHaveLength(1);
    const keys = await db()
      .select({ key: jobs.idempotencyKey })
      .from(jobs)
      .where(like(jobs.idempotencyKey, `gathering-reminder:deadline:${id}:%`));
    // One per person reminded (the demo has a resource person in the municipality too).
    const reminded = await mayRegisterAndHaveNot(db(), (await gatheringById(db(), id))!);
    expect(reminded.map((r) => r.email)).toEqual(expect.arrayContaining(quiet.map((p) => p.email)));
    expect(keys).toHaveLength(reminded.length);

    // A day before the gathering: the one with a seat, with the .ics, the code and the link;
    // not the waiting, the cancelled, nor those never registered. Once.
    const before = mailsTo(seated.email).length;
    await housekeepingAt(new Date(starts.getTime() - DAY));
    await housekeepingAt(new Date(starts.getTime() - DAY + 3_600_000));
    const reminders = mailsTo(seated.email).slice(before);
    expect(reminders.map((m) => m.subject)).toEqual(["Påminning: Samling med påminning"]);
    expect(reminders[0]!.text).toContain("Digitalt møte: https://meet.example.org/paaminning");
    expect(reminders[0]!.text).toMatch(/Innsjekkingskoden din er [0-9A-Z]{4}-[0-9A-Z]{4}\./);
    const ics = reminders[0]!.raw.attachments.find((a) => a.contentType === "text/calendar")!;
    expect(ics.content.toString("utf8")).toContain(`${BASE}/nn/samlinger/${id}`);
    for (const p of [cancelled, waiting, ...quiet, elsewhere])
      expect(mailsTo(p.email).filter((m) => m.subject.startsWith("Påminning"))).toEqual([]);
  });

  it("sends nothing when registration has already closed, or not yet opened", async () => {
    const id = await gathering({
      titleNb: "Samling som har stengt",
      day: "2027-04-07",
      allowedMunicipalities: ["4221"],
      allowedRoles: ["resource-person"],
    });
    const p = await person("resource-person", "4221");
    const closes = new Date("2027-04-07T00:00:00+01:00");
    // The job queued while open, run once registration has closed: nothing.
    await queueDueReminders(db(), new Date(closes.getTime() - DAY));
    loop.clock.set(new Date(closes.getTime() + 60_000));
    await loop.runDue();
    await queueDueReminders(db(), new Date(closes.getTime() + 60_000));
    await loop.runDue();
    expect(mailsTo(p.email)).toEqual([]);
    const [batch] = await db()
      .select({ doneAt: jobs.doneAt })
      .from(jobs)
      .where(eq(jobs.idempotencyKey, `gathering-reminders:deadline:${id}`));
    expect(batch?.doneAt).not.toBeNull();

    // Not opened yet: not due.
    const early = await gathering({
      titleNb: "Samling som ikkje har opna",
      day: "2027-05-05",
      registrationOpensAt: new Date("2027-05-03T08:00:00+01:00"),
      allowedMunicipalities: ["4221"],
      allowedRoles: ["resource-person"],
    });
    await queueDueReminders(db(), new Date("2027-05-02T08:00:00+01:00"));
    const none = await db()
      .select()
      .from(jobs)
      .where(
        and(
          eq(jobs.kind, REMINDER_JOB),
          eq(jobs.idempotencyKey, `gathering-reminders:deadline:${early}`),
        ),
      );
    expect(none).toEqual([]);
  });

  it("finds who may register by the same rule as registering: an enrolled unit's staff, not a municipality that has not said yes", async () => {
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
    const teacher = await person("staff", enrolled!.unit);
    const coordinator = await person("municipal-coordinator", "4203");
    const kristiansand = await person("municipal-coordinator", "4204");
    const id = await gathering({ cohortId: cohort3!.id, allowedCohorts: [cohort3!.id] });
    const registeredAlready = await person("resource-person", "4203");
    expect(
      (
        await register(
          db(),
          { gatheringId: id, personId: registeredAlready.id, sessionIds: [] },
          as(registeredAlready.id),
        )
      ).ok,
    ).toBe(true);
    const found = await mayRegisterAndHaveNot(db(), (await gatheringById(db(), id))!);
    const ids = new Set(found.map((f) => f.personId));
    expect(ids.has(teacher.id)).toBe(true);
    expect(found.find((f) => f.personId === teacher.id)?.place.municipalityCode).toBe("4203");
    expect(ids.has(coordinator.id)).toBe(true);
    expect(ids.has(kristiansand.id)).toBe(false);
    expect(ids.has(registeredAlready.id)).toBe(false);
    // Each one the rule admits may register, so the reminder never invites the refused.
    for (const f of found.slice(0, 5)) {
      const r = await register(
        db(),
        { gatheringId: id, personId: f.personId, sessionIds: [] },
        as(f.personId),
      );
      expect(r.ok).toBe(true);
    }
  });
});
