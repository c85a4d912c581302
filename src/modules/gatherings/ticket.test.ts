import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IBS, programmeIdOf } from "../../../tests/support/cohorts";
import { type DbKind, databaseKinds, freshDatabase } from "../../../tests/support/db";
import { testJobLoop } from "../../../tests/support/jobs";
import { demoPeopleIds } from "../../../tests/support/people";
import type { Database } from "../../db/client";
import { readCheckInCode } from "../../kernel/check-in-code";
import type { Mail } from "../../kernel/mailer";
import { jobs } from "../../kernel/schema";
import { insertTestPerson } from "../identity";
import { setWrittenStandard } from "../organisations";
import { feedCalendar, liveFeed, renewFeed, revokeFeed } from "./calendar-feed";
import { gatheringInput } from "./factories";
import { createGathering } from "./gatherings";
import { cancelRegistration, confirmOffer, register, registrationOf } from "./registration";
import { calendarFeeds, gatheringRegistrations } from "./schema";

const NOW = new Date("2026-11-23T10:00:00Z");
const BASE = "https://samspill.example";

/**
 * The mail queued under an idempotency key (the job's payload, as the mail job sends it), once
 * the job loop has run the ticket jobs that queue it (decision 0026).
 */
async function queued(
  db: Database["db"],
  key: string,
  loop: { runDue(): Promise<number> },
): Promise<Mail | undefined> {
  await loop.runDue();
  const [row] = await db.select().from(jobs).where(eq(jobs.idempotencyKey, key));
  return row?.payload as Mail | undefined;
}

const attachment = (mail: Mail, type: string) =>
  Buffer.from(
    mail.attachments!.find((a) => a.contentType.startsWith(type))!.contentBase64,
    "base64",
  );

/** What a phone's camera would read from the QR code picture. */
function readQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

/** The events of a calendar file as Thunderbird's parser (ical.js) reads them. */
function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      location: e.location,
      description: e.description,
      start: e.startDate.toJSDate().toISOString(),
      status: v.getFirstPropertyValue("status"),
      url: String(v.getFirstPropertyValue("url")),
    };
  });
}

describe.each(databaseKinds)(
  "gatherings: confirmation mail and calendar feed (%s)",
  (kind: DbKind) => {
    let database: Database;
    let loop: Awaited<ReturnType<typeof testJobLoop>>;
    let programmeId: number;
    let ada = 0;
    let serial = 0;
    const db = () => database.db;
    const as = (personId: number | null, now = NOW) => ({ personId, now, baseUrl: BASE });

    async function person(municipality = "4204") {
      serial++;
      return insertTestPerson(
        db(),
        {
          name: `Deltaker ${serial}`,
          email: `deltaker-${serial}@test.samspill.example`,
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

    async function registered(gatheringId: number, personId: number) {
      const r = await register(db(), { gatheringId, personId, sessionIds: [] }, as(personId));
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return r;
    }

    beforeAll(async () => {
      database = await freshDatabase(kind, "people");
      loop = await testJobLoop(database.db, { now: NOW, linkBase: BASE });
      programmeId = await programmeIdOf(db(), IBS);
      ada = (await demoPeopleIds(db(), ["ada"])).ada!;
    });
    afterAll(async () => {
      await loop?.close();
      await database?.close();
    });

    it("gives a confirmed seat a code and queues the mail with the .ics, the QR code and the digital link", async () => {
      const id = await gathering({
        titleNb: "Hybrid samling",
        mode: "hybrid",
        digitalLink: "https://meet.example.org/hybrid",
      });
      const p = await person();
      const r = await registered(id, p);
      const row = (await registrationOf(db(), id, p))!;
      expect(row.checkInCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
      const shown = `${row.checkInCode!.slice(0, 4)}-${row.checkInCode!.slice(4)}`;

      const mail = (await queued(db(), `gathering-confirmed:${r.registrationId}`, loop))!;
      expect(mail.to).toBe(`deltaker-${serial}@test.samspill.example`);
      expect(mail.subject).toBe("Påmeldt: Hybrid samling");
      expect(mail.text).toContain(`Innsjekkingskoden din er ${shown}.`);
      expect(mail.text).toContain("Digitalt møte: https://meet.example.org/hybrid");
      expect(mail.text).toContain("Sted: Konferansesenteret, Eksempelgata 1, 0150 Oslo");
      expect(mail.text).toContain(`${BASE}/nb/samlinger/${id}`);
      expect(mail.attachments?.map((a) => a.filename)).toEqual(["samling.ics", "innsjekking.png"]);

      // The QR code reads as the code, which the door reads back as the stored code.
      const read = readQr(attachment(mail, "image/png"));
      expect(read).toBe(row.checkInCode);
      expect(readCheckInCode(shown)).toBe(row.checkInCode);

      const ics = attachment(mail, "text/calendar").toString("utf8");
      expect(ics).toContain("METHOD:PUBLISH");
      const [event] = events(ics);
      expect(event).toMatchObject({
        uid: `gathering-${id}@samspill.example`,
        summary: "Hybrid samling",
        location: "Konferansesenteret, Eksempelgata 1, 0150 Oslo",
        start: "2027-02-10T08:00:00.000Z",
        status: "CONFIRMED",
        url: `${BASE}/nb/samlinger/${id}`,
      });
      expect(event!.description).toContain("https://meet.example.org/hybrid");
    });

    it("writes in nynorsk to a person from a nynorsk municipality, and never gives two the same code", async () => {
      await setWrittenStandard(db(), "municipality", "4221", "nn", { personId: null, now: NOW });
      const id = await gathering({ titleNn: "Samling på nynorsk", capacity: 30 });
      const nynorsk = await person("4221");
      const r = await registered(id, nynorsk);
      const mail = (await queued(db(), `gathering-confirmed:${r.registrationId}`, loop))!;
      expect(mail.subject).toBe("Påmeld: Samling på nynorsk");
      expect(mail.text).toContain("Vis QR-koden i vedlegget når du kjem");
      expect(mail.text).toContain(`${BASE}/nn/samlinger/${id}`);
      for (let i = 0; i < 20; i++) await registered(id, await person());
      const rows = await db()
        .select({ code: gatheringRegistrations.checkInCode })
        .from(gatheringRegistrations)
        .where(eq(gatheringRegistrations.gatheringId, id));
      expect(new Set(rows.map((r) => r.code)).size).toBe(21);
    });

    it("tells the waiting their place in line, and sends the confirmation once an offered seat is confirmed", async () => {
      const id = await gathering({ titleNb: "Full samling", capacity: 1 });
      const [first, second, third] = [await person(), await person(), await person()];
      const seat = await registered(id, first);
      const w1 = await registered(id, second);
      const w2 = await registered(id, third);
      expect([w1.status, w2.status]).toEqual(["waiting", "waiting"]);
      expect((await registrationOf(db(), id, second))!.checkInCode).toBeNull();
      const waiting = (await queued(db(), `gathering-waiting:${w2.registrationId}`, loop))!;
      expect(waiting.subject).toBe("Venteliste: Full samling");
      expect(waiting.text).toContain("Du er nummer 2 i køen.");
      expect(waiting.text).toContain("48 timer");
      expect(await queued(db(), `gathering-confirmed:${w1.registrationId}`, loop)).toBeUndefined();

      const cancelled = await cancelRegistration(
        db(),
        { registrationId: seat.registrationId },
        as(first),
      );
      expect(cancelled.ok).toBe(true);
      const confirmed = await confirmOffer(db(), { registrationId: w1.registrationId }, as(second));
      expect(confirmed.ok).toBe(true);
      const code = (await registrationOf(db(), id, second))!.checkInCode;
      expect(code).toMatch(/^[0-9A-Z]{8}$/);
      const mail = (await queued(db(), `gathering-confirmed:${w1.registrationId}`, loop))!;
      expect(mail.subject).toBe("Påmeldt: Full samling");
      expect(readQr(attachment(mail, "image/png"))).toBe(code);
    });

    it("queues one small job under the lock, the mail only once the job runs; a registration cancelled before it gets none", async () => {
      const id = await gathering({ titleNb: "Samling med kø for post" });
      const p = await person();
      const r = await registered(id, p);
      const pending = await db()
        .select({ kind: jobs.kind, payload: jobs.payload })
        .from(jobs)
        .where(eq(jobs.idempotencyKey, `gathering-ticket:${r.registrationId}:confirmed`));
      expect(pending).toEqual([
        {
          kind: "gathering.ticket",
          payload: { registrationId: r.registrationId, event: "confirmed" },
        },
      ]);
      const [before] = await db()
        .select()
        .from(jobs)
        .where(eq(jobs.idempotencyKey, `gathering-confirmed:${r.registrationId}`));
      expect(before).toBeUndefined();
      expect((await queued(db(), `gathering-confirmed:${r.registrationId}`, loop))?.subject).toBe(
        "Påmeldt: Samling med kø for post",
      );

      const q = await person();
      const gone = await registered(id, q);
      await cancelRegistration(db(), { registrationId: gone.registrationId }, as(q));
      expect(
        await queued(db(), `gathering-confirmed:${gone.registrationId}`, loop),
      ).toBeUndefined();
    });

    it("serves a person's feed by its token: seats held, cancelled ones marked; renewing and revoking end the old address", async () => {
      const p = await person();
      const kept = await gathering({ titleNb: "Samling jeg skal på", day: "2027-03-03" });
      const dropped = await gathering({ titleNb: "Samling jeg meldte meg av", day: "2027-03-10" });
      const digital = await gathering({
        titleNb: "Digital samling",
        day: "2027-03-17",
        mode: "digital",
        venue: "",
        address: "",
        digitalLink: "https://meet.example.org/digital",
      });
      await registered(kept, p);
      await registered(digital, p);
      const gone = await registered(dropped, p);
      await cancelRegistration(db(), { registrationId: gone.registrationId }, as(p));

      expect(await liveFeed(db(), p)).toBeNull();
      const token = await renewFeed(db(), { personId: p, lang: "nb" }, NOW);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // Only the hash is kept.
      const stored = await db().select().from(calendarFeeds).where(eq(calendarFeeds.personId, p));
      expect(stored.map((f) => f.tokenHash)).not.toContain(token);
      expect((await liveFeed(db(), p))?.createdAt).toEqual(NOW);

      const ics = (await feedCalendar(db(), token, { baseUrl: BASE, now: NOW }))!;
      expect(ics).not.toContain("METHOD:");
      expect(events(ics).map((e) => [e.summary, e.status, e.location])).toEqual([
        ["Samling jeg skal på", "CONFIRMED", "Konferansesenteret, Eksempelgata 1, 0150 Oslo"],
        ["Samling jeg meldte meg av", "CANCELLED", "Konferansesenteret, Eksempelgata 1, 0150 Oslo"],
        ["Digital samling", "CONFIRMED", "https://meet.example.org/digital"],
      ]);

      const renewed = await renewFeed(db(), { personId: p, lang: "nn" }, NOW);
      expect(await feedCalendar(db(), token, { baseUrl: BASE, now: NOW })).toBeNull();
      expect(await feedCalendar(db(), renewed, { baseUrl: BASE, now: NOW })).toContain(
        "X-WR-CALNAME:Samspill: samlingane mine",
      );
      expect(await revokeFeed(db(), p, NOW)).toBe(true);
      expect(await feedCalendar(db(), renewed, { baseUrl: BASE, now: NOW })).toBeNull();
      expect(await liveFeed(db(), p)).toBeNull();
      expect(await feedCalendar(db(), "x".repeat(43), { baseUrl: BASE, now: NOW })).toBeNull();
      expect(await feedCalendar(db(), "../etc", { baseUrl: BASE, now: NOW })).toBeNull();
    });

    it("keeps one live feed when two renewals race", async () => {
      const p = await person();
      const tokens = await Promise.all([
        renewFeed(db(), { personId: p, lang: "nb" }, NOW),
        renewFeed(db(), { personId: p, lang: "nb" }, NOW),
      ]);
      const live = await Promise.all(
        tokens.map((t) => feedCalendar(db(), t, { baseUrl: BASE, now: NOW })),
      );
      expect(live.filter((ics) => ics !== null)).toHaveLength(1);
    });
  },
);
