import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { insertTestPerson } from "../identity";
import { gatheringById, sessionsOf } from "./gatherings";
import { osloTyped, parseOsloDateTime } from "./organiser-form";
import { register } from "./registration";

const text = async (res: Response) =>
  (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("times typed in Norway", () => {
  it("read winter and summer time, as typed or from a datetime-local field", () => {
    expect(parseOsloDateTime("10.2.2027 09:00")?.toISOString()).toBe("2027-02-10T08:00:00.000Z");
    expect(parseOsloDateTime("2027-06-10T09:00")?.toISOString()).toBe("2027-06-10T07:00:00.000Z");
    expect(parseOsloDateTime("10.2.2027 kl. 9.30")?.toISOString()).toBe("2027-02-10T08:30:00.000Z");
    // 02:30 on the night summer time starts does not exist in Norway.
    expect(parseOsloDateTime("28.3.2027 02:30")).toBeNull();
    expect(parseOsloDateTime("31.2.2027 09:00")).toBeNull();
    expect(parseOsloDateTime("i morgen")).toBeNull();
    expect(osloTyped(new Date("2027-02-10T08:00:00Z"))).toBe("10.2.2027 09:00");
  });
});

describe.each(databaseKinds)("the organiser creates and edits a gathering (%s)", (kind) => {
  let t: TestApp;
  let ids: Record<string, number>;
  let as: ReturnType<typeof requestsAs>;
  let programme = "";
  let gatheringId = 0;

  const complete = (): Record<string, string> => ({
    programme,
    cohort: "",
    level: "national",
    titleNb: "Regional samling i Agder",
    titleNn: "Regional samling i Agder",
    descriptionNb: "Erfaringsdeling.",
    descriptionNn: "Erfaringsdeling.",
    startsAt: "10.2.2027 09:00",
    endsAt: "10.2.2027 15:00",
    registrationOpensAt: "1.12.2026 08:00",
    registrationClosesAt: "1.2.2027 23:59",
    mode: "physical",
    venue: "Rådhuset",
    address: "Eksempelgata 1, 4630 Kristiansand",
    digitalLink: "",
    capacity: "2",
    offerHours: "48",
    allowedMunicipalities: "4204, 4203",
    "session-1-kind": "lecture",
    "session-1-titleNb": "Innledning",
    "session-1-titleNn": "Innleiing",
    "session-1-speaker": "Ada Direktorat",
    "session-1-room": "Sal 1",
    "session-1-startsAt": "10.2.2027 09:00",
    "session-1-endsAt": "10.2.2027 10:00",
    "session-1-capacity": "",
    "session-2-kind": "group",
    "session-2-titleNb": "",
    "session-2-titleNn": "",
    "session-2-startsAt": "",
    "session-2-endsAt": "",
    "session-3-kind": "group",
    "session-3-titleNb": "Gruppe A",
    "session-3-titleNn": "Gruppe A",
    "session-3-startsAt": "10.2.2027 10:15",
    "session-3-endsAt": "10.2.2027 11:30",
    "session-3-capacity": "20",
  });

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    ids = await demoPeopleIds(t.db, ["ada", "frida"]);
    as = requestsAs(() => t, ids);
    const page = await (await as.get("/nb/admin/samlinger/ny", "ada")).text();
    programme = /<option value="([0-9]+)" selected/.exec(page)![1]!;
  });
  afterAll(() => t?.close());

  it("refuses what is not a gathering beside each field, keeping the input", async () => {
    const res = await as.post("/nb/admin/samlinger/ny", "ada", {
      ...complete(),
      endsAt: "10.2.2027 08:00",
      capacity: "mange",
      allowedMunicipalities: "4204, 9999",
      "session-3-endsAt": "10.2.2027 10:00",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('href="#capacity"');
    expect(html).toContain("Antall plasser må være et helt tall fra 1 til 100000");
    expect(html).toContain("Det finnes ingen kommune med nummer 9999");
    expect(html).toContain('value="mange"');
    const again = await as.post("/nb/admin/samlinger/ny", "ada", {
      ...complete(),
      endsAt: "10.2.2027 08:00",
      "session-3-endsAt": "10.2.2027 10:00",
    });
    const body = await again.text();
    expect(again.status).toBe(422);
    expect(body).toContain('href="#endsAt"');
    expect(body).toContain("Slutt må være etter start");
    // The error of the third row is shown on the third row, though the second was left empty.
    expect(body).toContain('href="#session-3-endsAt"');
  });

  it("creates the gathering with its agenda, in Norwegian time", async () => {
    const res = await as.post("/nb/admin/samlinger/ny", "ada", complete());
    expect(res.status).toBe(303);
    const location = res.headers.get("location")!;
    gatheringId = Number(/samlinger\/([0-9]+)/.exec(location)![1]);
    expect(await text(await as.get(location, "ada"))).toContain("Samlingen er opprettet.");
    const g = (await gatheringById(t.db, gatheringId))!;
    expect(g.startsAt.toISOString()).toBe("2027-02-10T08:00:00.000Z");
    expect(g.allowedMunicipalities).toEqual(["4203", "4204"]);
    expect(g.organiserId).toBe("udir");
    const sessions = await sessionsOf(t.db, gatheringId);
    expect(sessions.map((s) => [s.titleNb, s.capacity])).toEqual([
      ["Innledning", null],
      ["Gruppe A", 20],
    ]);
    expect(await text(await as.get("/nb/admin/samlinger", "ada"))).toContain(
      "Regional samling i Agder",
    );
  });

  it("refuses a capacity below the seats taken and a stale page; removes a session", async () => {
    const now = t.clock.now();
    for (const n of [1, 2, 3]) {
      const p = await insertTestPerson(
        t.db,
        {
          name: `Deltaker ${n}`,
          email: `deltaker-${n}@kommune.example.org`,
          role: { role: "resource-person", orgId: "4204" },
        },
        now,
      );
      const r = await register(
        t.db,
        { gatheringId, personId: p, sessionIds: [] },
        { personId: p, now: new Date("2026-12-02T10:00:00Z"), baseUrl: "http://localhost" },
      );
      expect(r.ok).toBe(true);
    }
    const edit = await as.get(`/nb/admin/samlinger/${gatheringId}`, "ada");
    const html = await edit.text();
    expect(html).toContain("2 påmeldt, 0 med tilbud om plass, 1 på venteliste");
    const version = /name="version" value="([0-9]+)"/.exec(html)![1]!;
    const sessions = await sessionsOf(t.db, gatheringId);
    const stored = {
      ...complete(),
      version,
      "session-1-id": String(sessions[0]!.id),
      "session-2-id": String(sessions[1]!.id),
      "session-2-kind": "group",
      "session-2-titleNb": "Gruppe A",
      "session-2-titleNn": "Gruppe A",
      "session-2-startsAt": "10.2.2027 10:15",
      "session-2-endsAt": "10.2.2027 11:30",
      "session-2-capacity": "20",
      "session-3-titleNb": "",
      "session-3-titleNn": "",
      "session-3-startsAt": "",
      "session-3-endsAt": "",
      "session-3-capacity": "",
    };
    const below = await as.post(`/nb/admin/samlinger/${gatheringId}`, "ada", {
      ...stored,
      capacity: "1",
    });
    expect(below.status).toBe(422);
    expect(await text(below)).toContain("Antall plasser kan ikke være lavere enn de 2 som er tatt");
    const saved = await as.post(`/nb/admin/samlinger/${gatheringId}`, "ada", {
      ...stored,
      capacity: "3",
      "session-2-remove": "yes",
    });
    expect(saved.status).toBe(303);
    // The third seat went to the one waiting, as an offer.
    expect(await text(await as.get(saved.headers.get("location")!, "ada"))).toContain(
      "2 påmeldt, 1 med tilbud om plass, 0 på venteliste",
    );
    expect((await sessionsOf(t.db, gatheringId)).map((s) => s.titleNb)).toEqual(["Innledning"]);
    const stale = await as.post(`/nb/admin/samlinger/${gatheringId}`, "ada", stored);
    expect(stale.status).toBe(422);
    expect(await text(stale)).toContain("Noen andre har endret samlingen");
  });

  it("keeps each owner's gatherings to its own admins", async () => {
    expect((await as.get(`/nb/admin/samlinger/${gatheringId}`, "frida")).status).toBe(403);
    expect((await as.post(`/nb/admin/samlinger/${gatheringId}`, "frida", complete())).status).toBe(
      403,
    );
    expect(await text(await as.get("/nb/admin/samlinger", "frida"))).not.toContain(
      "Regional samling i Agder",
    );
    // Frida may not put a gathering in Udir's programme either.
    const res = await as.post("/nb/admin/samlinger/ny", "frida", complete());
    expect(res.status).toBe(422);
  });

  it("shows the form in nynorsk and English", async () => {
    expect(await text(await as.get(`/nn/admin/samlinger/${gatheringId}`, "ada"))).toContain(
      "Lagre samlinga",
    );
    expect(await text(await as.get(`/en/admin/samlinger/${gatheringId}`, "ada"))).toContain(
      "Save the gathering",
    );
  });
});
