import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { kristiansandInCohort3 } from "../../../tests/support/networks";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import type { Outcome } from "../../kernel/result";
import { addMembers, answerCoLead, createNetwork, planMeeting } from "../networks";
import { networkFiguresByCounty, percentOf } from "./network-figures";

const text = async (res: Response) =>
  (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

function must<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome));
  return outcome;
}

const HOUR = 3_600_000;

/**
 * Issue 12, decision 0044: a unit's plan reflection tied to a network meeting (the meeting's page
 * shows it to those who read the plan), networks and meetings in the progress view, and the
 * network figures of the programme admin and the county office.
 */
describe.each(databaseKinds)("development work and the learning networks (%s)", (kind) => {
  let t: TestApp;
  let ids: Record<string, number>;
  let as: ReturnType<typeof requestsAs>;
  let cohortId = 0;
  let school = "";
  let networkId = 0;
  let held = 0;
  let upcoming = 0;
  let elsewhere = 0;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    ids = await demoPeopleIds(t.db, ["kari", "rune", "sverre", "stine", "bente", "siv", "ada"]);
    const setup = await kristiansandInCohort3(t.db, ids, t.clock.now());
    cohortId = setup.cohortId;
    school = setup.school;
    ids.arne = setup.arne;
    as = requestsAs(() => t, ids);
    const now = t.clock.now();
    const actor = (personId: number, municipality: string) => ({
      personId,
      roles: [{ role: "municipal-coordinator", orgKind: "municipality", orgId: municipality }],
      now,
      baseUrl: "http://localhost",
    });
    const kari = actor(ids.kari!, "4204");
    const arne = actor(ids.arne!, "4203");
    // Kristiansand's network, co-led by Arendal, with Sverre (his school enrolled) as member.
    networkId = must(
      await createNetwork(
        t.db,
        { cohortId, municipality: "4204", name: "Nettverk Sør", coLeads: ["4203"] },
        kari,
      ),
    ).networkId;
    must(await answerCoLead(t.db, { networkId, municipality: "4203", answer: "accept" }, arne));
    must(await addMembers(t.db, { networkId, keys: [`person-${ids.sverre}`] }, kari));
    const meeting = (title: string, startsAt: Date) => ({
      title,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * HOUR),
      place: "Rådhuset",
      digitalLink: "",
      agenda: "",
    });
    held = must(
      await planMeeting(
        t.db,
        networkId,
        meeting("Møtet som er holdt", new Date(now.getTime() - 72 * HOUR)),
        kari,
      ),
    ).meetingId;
    upcoming = must(
      await planMeeting(
        t.db,
        networkId,
        meeting("Møtet som kommer", new Date(now.getTime() + 72 * HOUR)),
        kari,
      ),
    ).meetingId;
    // Arendal's network without Sverre's school: its meeting is no choice for his plan.
    const other = must(
      await createNetwork(
        t.db,
        { cohortId, municipality: "4203", name: "Arendal alene", coLeads: [] },
        arne,
      ),
    ).networkId;
    elsewhere = must(
      await planMeeting(
        t.db,
        other,
        meeting("Et annet møte", new Date(now.getTime() - 48 * HOUR)),
        arne,
      ),
    ).meetingId;
  });
  afterAll(() => t?.close());

  const reflection = {
    tried: "Vi prøvde faste roller for de voksne i friminuttene.",
    saw: "Færre konflikter ved porten.",
    next: "Vi tar det med til personalmøtet.",
  };

  it("offers the unit's network meetings; refuses one not held or of a network it is not in, keeps the text", async () => {
    const path = `/nb/utviklingsarbeid/${cohortId}/${school}`;
    const page = await (await as.get(path, "sverre")).text();
    expect(page).toContain(`value="meeting-${held}"`);
    expect(page).toContain(`value="meeting-${upcoming}"`);
    expect(page).not.toContain(`value="meeting-${elsewhere}"`);
    expect(page).toContain("Nettverksmøte: Nettverk Sør – Møtet som er holdt");

    const early = await as.post(`${path}/refleksjon`, "sverre", {
      gathering: `meeting-${upcoming}`,
      ...reflection,
    });
    expect(early.status).toBe(422);
    const earlyText = await text(early);
    expect(earlyText).toContain("Samlingen eller møtet er ikke holdt ennå");
    expect(earlyText).toContain(reflection.saw);

    const other = await as.post(`${path}/refleksjon`, "sverre", {
      gathering: `meeting-${elsewhere}`,
      ...reflection,
    });
    expect(other.status).toBe(422);

    const bad = await as.post(`${path}/refleksjon`, "sverre", {
      gathering: "meeting-x",
      ...reflection,
    });
    expect(bad.status).toBe(422);

    // Staff read the plan but do not write it.
    const staff = await as.post(`${path}/refleksjon`, "stine", {
      gathering: `meeting-${held}`,
      ...reflection,
    });
    expect(staff.status).toBe(403);

    const ok = await as.post(`${path}/refleksjon`, "sverre", {
      gathering: `meeting-${held}`,
      ...reflection,
    });
    expect(ok.status).toBe(303);
    expect(await text(await as.get(path, "sverre"))).toContain(
      "Etter Nettverksmøte: Nettverk Sør – Møtet som er holdt",
    );
  });

  it("shows the reflection on the meeting's page to those who read the plan, not to the co-leading municipality", async () => {
    const meetingPath = `/nb/nettverk/${networkId}/moter/${held}`;
    for (const who of ["sverre", "kari"]) {
      const page = await text(await as.get(meetingPath, who));
      expect(page).toContain("Refleksjoner i enhetenes utviklingsplaner");
      expect(page).toContain(reflection.tried);
    }
    // Arendal co-leads the network and reads its page, but not Kristiansand's plans.
    const arne = await as.get(meetingPath, "arne");
    expect(arne.status).toBe(200);
    const arneText = await text(arne);
    expect(arneText).not.toContain(reflection.tried);
    expect(arneText).not.toContain("Refleksjoner i enhetenes utviklingsplaner");
    // The meeting not yet held has none.
    expect(
      await text(await as.get(`/nb/nettverk/${networkId}/moter/${upcoming}`, "kari")),
    ).not.toContain(reflection.tried);
  });

  it("shows networks joined, meetings held and the last meeting per unit and municipality", async () => {
    const page = await text(
      await as.get(`/nb/utviklingsarbeid/framdrift?pulje=${cohortId}`, "kari"),
    );
    expect(page).toContain("Nettverksmøter holdt");
    expect(page).toContain("Side 1 av 1 (1 enheter)");
    const csv = await (
      await as.get(`/nb/utviklingsarbeid/framdrift.csv?pulje=${cohortId}`, "kari")
    ).text();
    expect(csv.split("\n")[0]).toContain("Nettverk;Nettverksmøter holdt;Siste nettverksmøte");
    const row = csv.split("\n").find((l) => l.includes(school))!;
    const heldOn = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(
      new Date(t.clock.now().getTime() - 72 * HOUR),
    );
    // One network, one meeting held (the one ahead is not), on that day.
    expect(row.trim().endsWith(`;1;1;${heldOn}`)).toBe(true);
    // A page past the last is the last.
    expect(
      await text(await as.get(`/nb/utviklingsarbeid/framdrift?pulje=${cohortId}&side=99`, "kari")),
    ).toContain("Side 1 av 1");
  });

  it("gives the programme admin and the county office the network figures per county; a municipality is refused", async () => {
    const path = `/nb/utviklingsarbeid/framdrift/nettverk?pulje=${cohortId}`;
    for (const who of ["ada", "siv"]) {
      const res = await as.get(path, who);
      expect(res.status).toBe(200);
      const page = await text(res);
      expect(page).toContain("Læringsnettverk i tall");
      expect(page).toContain("Agder");
      expect(page).toContain("I alt");
      // Figures only: no network's name, no reflection.
      expect(page).not.toContain("Nettverk Sør");
      expect(page).not.toContain(reflection.tried);
    }
    expect((await as.get(path, "kari")).status).toBe(403);
    expect((await as.get(path, "sverre")).status).toBe(403);
    expect((await as.get("/nb/utviklingsarbeid/framdrift/nettverk?pulje=x", "ada")).status).toBe(
      200,
    );
  });
});

describe("the network figures per county", () => {
  const countyOf = new Map([
    ["4203", "42"],
    ["4204", "42"],
    ["1103", "11"],
  ]);
  const networks = [
    {
      id: 1,
      leading: ["4204", "4203"],
      members: 3,
      units: [
        { orgNumber: "900000001", municipalityCode: "4204" },
        { orgNumber: "900000002", municipalityCode: "4203" },
      ],
      meetingsHeld: 2,
    },
    {
      id: 2,
      leading: ["1103"],
      members: 2,
      units: [{ orgNumber: "900000003", municipalityCode: "1103" }],
      meetingsHeld: 1,
    },
    // A unit withdrawn from the cohort is no longer counted as in a network.
    {
      id: 3,
      leading: ["4203"],
      members: 1,
      units: [{ orgNumber: "900000009", municipalityCode: "4203" }],
      meetingsHeld: 0,
    },
  ];
  const enrolled = [
    { orgNumber: "900000001", municipalityCode: "4204" },
    { orgNumber: "900000002", municipalityCode: "4203" },
    { orgNumber: "900000004", municipalityCode: "4203" },
    { orgNumber: "900000003", municipalityCode: "1103" },
  ];

  it("counts each network in the counties leading it, and the share of enrolled units in one", () => {
    const all = networkFiguresByCounty(networks, enrolled, countyOf, null);
    expect(all.counties).toEqual([
      {
        countyCode: "11",
        networks: 1,
        members: 2,
        meetingsHeld: 1,
        unitsInNetwork: 1,
        unitsEnrolled: 1,
      },
      {
        countyCode: "42",
        networks: 2,
        members: 4,
        meetingsHeld: 2,
        unitsInNetwork: 2,
        unitsEnrolled: 3,
      },
    ]);
    expect(all.total).toMatchObject({ networks: 3, unitsInNetwork: 3, unitsEnrolled: 4 });
    expect(percentOf(2, 3)).toBe("67 %");
    expect(percentOf(0, 0)).toBe("–");
  });

  it("shows a county office only its counties", () => {
    const agder = networkFiguresByCounty(networks, enrolled, countyOf, new Set(["42"]));
    expect(agder.counties.map((c) => c.countyCode)).toEqual(["42"]);
    expect(agder.total).toMatchObject({ networks: 2, members: 4, unitsEnrolled: 3 });
  });
});
