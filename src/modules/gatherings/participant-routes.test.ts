import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { IBS, programmeIdOf } from "../../../tests/support/cohorts";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { demoEmail, insertTestPerson } from "../identity";
import { gatheringInput } from "./factories";
import { createGathering, sessionsOf } from "./gatherings";
import { registrationOf } from "./registration";

const text = async (res: Response) =>
  (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe.each(databaseKinds)("a participant registers on the gathering's page (%s)", (kind) => {
  let t: TestApp;
  let ids: Record<string, number>;
  let as: ReturnType<typeof requestsAs>;
  let gatheringId = 0;
  let groups: number[] = [];
  const page = () => `/nb/samlinger/${gatheringId}`;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    ids = await demoPeopleIds(t.db, ["ada", "kari", "stine", "sverre"]);
    ids.noa = await insertTestPerson(
      t.db,
      {
        name: "Noa Nordland",
        email: "noa@kommune.example.org",
        role: { role: "municipal-coordinator", orgId: "1804" },
      },
      t.clock.now(),
    );
    as = requestsAs(() => t, ids);
    const made = await createGathering(
      t.db,
      gatheringInput(await programmeIdOf(t.db, IBS), {
        titleNb: "Regional samling i Agder",
        level: "national",
        mode: "hybrid",
        digitalLink: "https://meet.example.org/agder",
        capacity: 1,
        allowedMunicipalities: ["4204", "4203"],
      }),
      { personId: ids.ada!, now: t.clock.now(), baseUrl: "http://localhost" },
    );
    if (!made.ok) throw new Error("no gathering");
    gatheringId = made.gatheringId;
    groups = (await sessionsOf(t.db, gatheringId))
      .filter((s) => s.kind === "group")
      .map((s) => s.id);
  });
  afterAll(() => t?.close());

  it("lists the gathering for those it admits, with the registration form; others do not see it", async () => {
    const list = await text(await as.get("/nb/samlinger", "stine"));
    expect(list).toContain("Regional samling i Agder");
    const own = await as.get(page(), "stine");
    expect(own.status).toBe(200);
    const body = await text(own);
    expect(body).toContain("Meld deg på");
    expect(body).toContain("Gruppearbeid: barnehage");
    // The link to the online meeting is for those with a seat.
    expect(body).not.toContain("meet.example.org");
    expect(await text(await as.get("/nb/samlinger", "noa"))).not.toContain("Regional samling");
    // The demo's digital FUB/FUG gathering is for municipal coordinators: Kari, not Stine.
    expect(await text(await as.get("/nb/samlinger", "kari"))).toContain(
      "Digitalt nettverksmøte for kommunekontakter",
    );
    expect(list).not.toContain("Digitalt nettverksmøte");
    expect((await as.get(page(), "noa")).status).toBe(404);
    expect((await as.post(`${page()}/pamelding`, "noa")).status).toBe(404);
  });

  it("refuses two sessions at the same time beside the field, keeping what was written", async () => {
    const res = await as.post(`${page()}/pamelding`, "stine", {
      [`session-${groups[0]}`]: "yes",
      [`session-${groups[1]}`]: "yes",
      dietary: "Laktosefri",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Du har valgt to økter som går samtidig");
    expect(html).toContain('href="#sessions"');
    expect(html).toContain("Laktosefri</textarea>");
    expect(await registrationOf(t.db, gatheringId, ids.stine!)).toBeNull();
  });

  it("gives the last seat, then the waiting list with the place in line, told on the page", async () => {
    const res = await as.post(`${page()}/pamelding`, "stine", { [`session-${groups[1]}`]: "yes" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(page());
    const stine = await text(await as.get(page(), "stine"));
    expect(stine).toContain("Du er påmeldt og har plass på samlingen.");
    expect(stine).toContain("meet.example.org/agder");
    const again = await as.post(`${page()}/pamelding`, "stine");
    expect(again.status).toBe(422);
    expect(await text(again)).toContain("Du er allerede påmeldt denne samlingen.");
    const kari = await as.post(`${page()}/pamelding`, "kari");
    expect(kari.status).toBe(303);
    const waiting = await text(await as.get(page(), "kari"));
    expect(waiting).toContain("Du står som nummer 1 på ventelisten");
    expect(waiting).not.toContain("meet.example.org/agder");
    expect(await text(await as.get("/nb/samlinger", "kari"))).toContain("Venteliste, nummer 1");
  });

  it("cancels, offers the seat to the first waiting by e-mail, who confirms it", async () => {
    const stine = (await registrationOf(t.db, gatheringId, ids.stine!))!;
    const kari = (await registrationOf(t.db, gatheringId, ids.kari!))!;
    // Not someone else's registration.
    expect(
      (await as.post(`${page()}/avmelding`, "kari", { registration: String(stine.id) })).status,
    ).toBe(404);
    expect((await as.post(`${page()}/avmelding`, "stine", { registration: "x" })).status).toBe(400);
    const res = await as.post(`${page()}/avmelding`, "stine", { registration: String(stine.id) });
    expect(res.status).toBe(303);
    expect(await text(await as.get(res.headers.get("location")!, "stine"))).toContain(
      "Du er meldt av samlingen.",
    );
    await t.jobs.runDue();
    // Kari had a mail with her place in line before this one.
    const mail = await t.smtp.waitFor(
      (m) => m.to.includes(demoEmail("kari")) && m.subject.startsWith("Ledig plass"),
    );
    expect(mail.subject).toBe("Ledig plass: Regional samling i Agder");
    expect(mail.text).toContain(`http://localhost/nb/samlinger/${gatheringId}`);
    const offered = await text(await as.get(page(), "kari"));
    expect(offered).toContain("Du har fått tilbud om plass. Bekreft innen");
    const confirm = await as.post(`${page()}/bekreft`, "kari", { registration: String(kari.id) });
    expect(confirm.status).toBe(303);
    expect(await text(await as.get(page(), "kari"))).toContain("Du er påmeldt og har plass");
    expect((await registrationOf(t.db, gatheringId, ids.kari!))?.status).toBe("confirmed");
  });

  it("shows the pages in nynorsk and English", async () => {
    expect(await text(await as.get(`/nn/samlinger/${gatheringId}`, "kari"))).toContain(
      "Du er påmeld og har plass på samlinga.",
    );
    expect(await text(await as.get(`/en/samlinger/${gatheringId}`, "kari"))).toContain(
      "You are registered and have a seat at the gathering.",
    );
  });
});
