import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { IBS, programmeIdOf } from "../../../tests/support/cohorts";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { findPersonByEmail } from "../identity";
import { gatheringInput } from "./factories";
import { createGathering } from "./gatherings";
import { register, registrationOf, waitingList } from "./registration";
import { gatherings } from "./schema";
import { registerStaff } from "./staff-registration";

const text = async (res: Response) =>
  (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe.each(databaseKinds)("a unit leader registers the unit's staff (%s)", (kind) => {
  let t: TestApp;
  let ids: Record<string, number>;
  let as: ReturnType<typeof requestsAs>;
  let regional = 0;
  let local = 0;
  const page = (id: number) => `/nb/samlinger/${id}/ansatte`;
  const by = (who: string) => ({
    personId: ids[who]!,
    now: t.clock.now(),
    baseUrl: "http://localhost",
  });
  const idOf = async (title: string) =>
    (await t.db.select().from(gatherings).where(eq(gatherings.titleNb, title)))[0]!.id;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    ids = await demoPeopleIds(t.db, ["ada", "siv", "kari", "rune", "bente", "sverre", "stine"]);
    ids.berit = (await findPersonByEmail(t.db, "ansatt-barnehage@demo.samspill.example"))!.id;
    as = requestsAs(() => t, ids);
    regional = await idOf("Regional samling i Agder for pulje 3");
    local = await idOf("Lokal samling i Kristiansand");
  });
  afterAll(() => t?.close());

  it("lists the unit's staff and registers the one chosen, through the one command, with her mail", async () => {
    const before = await as.get(page(regional), "sverre");
    expect(before.status).toBe(200);
    const html = await before.text();
    expect(html).toContain(`name="person-${ids.stine}"`);
    // Only his own unit's people: not Bente's member of staff, nor Sverre himself.
    expect(html).not.toContain(`name="person-${ids.berit}"`);
    expect(html).not.toContain(`name="person-${ids.sverre}"`);
    // The gathering's page leads there.
    expect(await text(await as.get(`/nb/samlinger/${regional}`, "sverre"))).toContain(
      "Meld på ansatte ved enheten din",
    );

    const mark = t.smtp.received.length;
    const res = await as.post(page(regional), "sverre", { [`person-${ids.stine}`]: "yes" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${page(regional)}?pameldt=1-0`);
    const after = await text(await as.get(res.headers.get("location")!, "sverre"));
    expect(after).toContain("1 ansatt har fått plass.");
    expect(after).toContain("Påmeldt fra enheten din Navn Påmelding Stine Stab Påmeldt");
    const r = (await registrationOf(t.db, regional, ids.stine!))!;
    expect([r.status, r.createdBy, r.unitOrgNumber]).toEqual([
      "confirmed",
      ids.sverre,
      "983228070",
    ]);
    // Stine gets her confirmation, as if she had registered herself.
    await t.jobs.runDue();
    const mails = t.smtp.received.slice(mark);
    expect(mails.some((m) => m.to.includes("stine@demo.samspill.example"))).toBe(true);
    // She sees her seat on her own page.
    expect(await text(await as.get(`/nb/samlinger/${regional}`, "stine"))).toContain(
      "Du er påmeldt",
    );
  });

  it("refuses someone outside the unit, no one, twice, and what is not a person", async () => {
    const outside = await as.post(page(regional), "sverre", { [`person-${ids.berit}`]: "yes" });
    expect(outside.status).toBe(422);
    expect(await text(outside)).toContain("Du kan bare melde på dem som arbeider ved enheten din");
    expect(await registrationOf(t.db, regional, ids.berit!)).toBeNull();
    const kari = await as.post(page(regional), "sverre", { [`person-${ids.kari}`]: "yes" });
    expect(kari.status).toBe(422);
    expect(await registrationOf(t.db, regional, ids.kari!)).toBeNull();

    const none = await as.post(page(regional), "sverre", {});
    expect(none.status).toBe(422);
    const body = await text(none);
    expect(body).toContain("Velg minst én ansatt som skal meldes på");

    const twice = await registerStaff(
      t.db,
      { gatheringId: regional, personIds: [ids.stine!] },
      by("sverre"),
    );
    expect(!twice.ok && twice.errors[`person-${ids.stine}`]?.code).toBe("staffAlready");

    expect((await as.post(page(regional), "sverre", { "person-abc": "yes" })).status).toBe(400);
    expect(
      (await as.post(page(regional), "sverre", { [`person-${ids.stine}`]: "ja" })).status,
    ).toBe(400);
    // Staff and coordinators do not register others; an unknown gathering is not found.
    expect((await as.get(page(regional), "stine")).status).toBe(403);
    expect((await as.post(page(regional), "kari", { [`person-${ids.stine}`]: "yes" })).status).toBe(
      403,
    );
    expect((await as.get(page(999999), "sverre")).status).toBe(404);
  });

  it("puts staff on the waiting list when the seats are taken, and says so", async () => {
    const ibs = await programmeIdOf(t.db, IBS);
    const made = await createGathering(
      t.db,
      gatheringInput(ibs, {
        titleNb: "Liten samling",
        capacity: 1,
        allowedMunicipalities: ["4204"],
      }),
      { personId: null, now: t.clock.now(), baseUrl: "http://localhost" },
    );
    const small = made.ok ? made.gatheringId : 0;
    expect(
      (
        await register(
          t.db,
          { gatheringId: small, personId: ids.rune!, sessionIds: [] },
          by("rune"),
        )
      ).ok,
    ).toBe(true);
    const res = await as.post(page(small), "bente", { [`person-${ids.berit}`]: "yes" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${page(small)}?pameldt=0-1`);
    const after = await text(await as.get(res.headers.get("location")!, "bente"));
    expect(after).toContain("1 ansatt står på venteliste.");
    expect(after).toContain("Berit Barnehagelærer Venteliste, nummer 1");
    expect((await waitingList(t.db, small)).map((w) => w.personId)).toEqual([ids.berit]);
  });

  it("shows nothing of a gathering that admits nobody of the unit", async () => {
    // Kristiansand's local gathering is for its units enrolled in cohort 3: none yet.
    expect((await as.get(page(local), "sverre")).status).toBe(404);
    const refused = await registerStaff(
      t.db,
      { gatheringId: local, personIds: [ids.stine!] },
      by("sverre"),
    );
    expect(!refused.ok && refused.errors[`person-${ids.stine}`]?.code).toBe("staffNotAdmitted");
    expect(await registrationOf(t.db, local, ids.stine!)).toBeNull();
  });

  it("shows the page in nynorsk and English", async () => {
    expect(await text(await as.get(`/nn${page(regional).slice(3)}`, "sverre"))).toContain(
      "Meld på tilsette",
    );
    expect(await text(await as.get(`/en${page(regional).slice(3)}`, "sverre"))).toContain(
      "Register staff",
    );
  });
});
