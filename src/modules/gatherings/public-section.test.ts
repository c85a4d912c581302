import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { IBS, programmeIdOf } from "../../../tests/support/cohorts";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { gatheringInput } from "./factories";
import { createGathering } from "./gatherings";

const text = async (res: Response) =>
  (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

const FUB = "/nb/tilbud/bedre-foreldresamarbeid";
const IBS_PAGE = `/nb/tilbud/${IBS}`;

describe.each(databaseKinds)("upcoming gatherings on the programme's page (%s)", (kind) => {
  let t: TestApp;
  let as: ReturnType<typeof requestsAs>;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    as = requestsAs(() => t, await demoPeopleIds(t.db, ["ada", "kari"]));
  });
  afterAll(() => t?.close());

  it("shows the gatherings that have not ended: title, level, dates in Norway, place; never a digital link", async () => {
    const res = await as.get(IBS_PAGE);
    expect(res.status).toBe(200);
    const html = await res.text();
    const page = html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(page).toContain("Kommende samlinger");
    expect(page).toContain(
      "Regional samling i Agder for pulje 3 Nivå: Regional Tid: 28. desember 2026 kl. 09:00 – 15:00 Sted: Statsforvalterens møtesal (demo), Eksempelveien 2, 4630 Kristiansand (fysisk og digital)",
    );
    expect(page).toContain("Lokal samling i Kristiansand Nivå: Lokal");
    // The 2017 gatherings are over.
    expect(page).not.toContain("Nasjonal samling 1 for pulje 1");
    // The hybrid gathering's link is for registered participants only.
    expect(html).not.toContain("moete.demo.samspill.example");
    expect(html).not.toContain("agder-pulje-3");

    const fub = await (await as.get(FUB)).text();
    expect(fub).toContain("Digitalt nettverksmøte for kommunekontakter");
    expect(fub).not.toContain("moete.demo.samspill.example");
    expect(fub).not.toContain("fub-nettverk");
  });

  it("is the same page whoever reads it, in each language", async () => {
    const section = (html: string) =>
      /<section aria-labelledby="gatherings-heading"[\s\S]*?<\/section>/.exec(html)?.[0];
    const anonymous = section(await (await as.get(IBS_PAGE)).text());
    expect(anonymous).toBeDefined();
    expect(section(await (await as.get(IBS_PAGE, "ada")).text())).toBe(anonymous);
    // Kari is registered for nothing here, but a registered participant sees the same section.
    expect(section(await (await as.get(IBS_PAGE, "kari")).text())).toBe(anonymous);
    expect(await text(await as.get(`/nn/tilbud/${IBS}`))).toContain("Komande samlingar");
    expect(await text(await as.get(`/en/tilbud/${IBS}`))).toContain("Upcoming gatherings");
  });

  it("leaves out a gathering once it has ended, and a programme with none has no section", async () => {
    const ibs = await programmeIdOf(t.db, IBS);
    const soon = await createGathering(
      t.db,
      gatheringInput(ibs, {
        day: "2026-11-24",
        titleNb: "Samling i morgen",
        mode: "digital",
        venue: "",
        address: "",
        digitalLink: "https://meet.example.org/hemmelig",
        registrationOpensAt: new Date("2026-11-01T08:00:00Z"),
        registrationClosesAt: new Date("2026-11-23T22:00:00Z"),
      }),
      { personId: null, now: t.clock.now(), baseUrl: "http://localhost" },
    );
    expect(soon.ok).toBe(true);
    const before = await (await as.get(IBS_PAGE)).text();
    expect(before).toContain("Samling i morgen");
    expect(before).not.toContain("hemmelig");
    t.clock.set(new Date("2026-11-24T15:00:00Z"));
    expect(await (await as.get(IBS_PAGE)).text()).not.toContain("Samling i morgen");
    t.clock.set(new Date("2027-06-01T10:00:00Z"));
    expect(await text(await as.get(IBS_PAGE))).not.toContain("Kommende samlinger");
  });
});
