import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { IBS, programmeIdOf } from "../../../tests/support/cohorts";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { answerInvitation, cohortIdOf, enrolUnits } from "../cohorts";
import { cohortInvitations } from "../cohorts/schema";
import { gatheringInput } from "./factories";
import { createGathering, editGathering, gatheringById } from "./gatherings";
import { gatherings } from "./schema";

const text = async (res: Response) =>
  (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

/** Seljebakken ungdomsskole (demo), 4204 Kristiansand: Sverre leads it, Stine works there. */
const SCHOOL_4204 = "983228070";

describe.each(databaseKinds)("organisers at every level (%s)", (kind) => {
  let t: TestApp;
  let ids: Record<string, number>;
  let as: ReturnType<typeof requestsAs>;
  let ibs = 0;
  let cohort2 = 0;
  let cohort3 = 0;
  const by = (who: string | null) => ({
    personId: who ? ids[who]! : null,
    now: t.clock.now(),
    baseUrl: "http://localhost",
  });

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    ids = await demoPeopleIds(t.db, ["ada", "frida", "siv", "kari", "rune", "sverre"]);
    as = requestsAs(() => t, ids);
    ibs = await programmeIdOf(t.db, IBS);
    cohort2 = (await cohortIdOf(t.db, ibs, 2))!;
    cohort3 = (await cohortIdOf(t.db, ibs, 3))!;
  });
  afterAll(() => t?.close());

  const regional = (over: Parameters<typeof gatheringInput>[1] = {}) =>
    gatheringInput(ibs, {
      level: "regional",
      organiserKind: "county-office",
      organiserId: "sf-agder",
      cohortId: cohort3,
      titleNb: "Regional samling for pulje 3",
      titleNn: "Regional samling for pulje 3",
      ...over,
    });

  it("lets the county office hold regional gatherings for its cohorts, for its counties' municipalities only", async () => {
    const made = await createGathering(t.db, regional(), by("siv"));
    expect(made.ok).toBe(true);
    const g = (await gatheringById(t.db, made.ok ? made.gatheringId : 0))!;
    // No municipalities named: all of Agder's, and none elsewhere.
    expect(g.allowedMunicipalities).toContain("4204");
    expect(g.allowedMunicipalities).toContain("4203");
    expect(g.allowedMunicipalities).not.toContain("0301");
    expect(g.organiserId).toBe("sf-agder");

    const outside = await createGathering(
      t.db,
      regional({ allowedMunicipalities: ["4204", "0301"] }),
      by("siv"),
    );
    expect(outside).toEqual({
      ok: false,
      errors: {
        allowedMunicipalities: { code: "municipalityOutsideReach", params: { code: "0301" } },
      },
    });
    // Cohort 2 has no Agder office; a whole-programme gathering and a national one are the
    // Directorate's.
    const notTheirs = await createGathering(t.db, regional({ cohortId: cohort2 }), by("siv"));
    expect(!notTheirs.ok && notTheirs.errors.cohort?.code).toBe("cohortOutsideReach");
    const whole = await createGathering(t.db, regional({ cohortId: null }), by("siv"));
    expect(!whole.ok && whole.errors.cohort?.code).toBe("cohortRequired");
    const national = await createGathering(t.db, regional({ level: "national" }), by("siv"));
    expect(!national.ok && national.errors.level?.code).toBe("levelOfOrganiser");
    const asUdir = await createGathering(
      t.db,
      regional({ level: "national", organiserKind: "owner", organiserId: "udir" }),
      by("siv"),
    );
    expect(!asUdir.ok && asUdir.errors.gathering?.code).toBe("notOrganiser");
  });

  it("lets the Directorate hold national gatherings only, and nobody edit another's gathering", async () => {
    const ownGathering = await createGathering(t.db, gatheringInput(ibs), by("ada"));
    expect(ownGathering.ok).toBe(true);
    const asRegional = await createGathering(t.db, regional(), by("ada"));
    expect(!asRegional.ok && asRegional.errors.gathering?.code).toBe("notOrganiser");
    const localLevel = await createGathering(
      t.db,
      gatheringInput(ibs, { level: "local" }),
      by("ada"),
    );
    expect(!localLevel.ok && localLevel.errors.level?.code).toBe("levelOfOrganiser");
    // Frida (FUB/FUG) may not put a gathering in Udir's programme, even as FUB/FUG's.
    const inUdirs = await createGathering(
      t.db,
      gatheringInput(ibs, { organiserId: "fub" }),
      by("frida"),
    );
    expect(!inUdirs.ok && inUdirs.errors.programme?.code).toBe("choice");

    const sivs = await createGathering(t.db, regional(), by("siv"));
    const sivId = sivs.ok ? sivs.gatheringId : 0;
    const adaId = ownGathering.ok ? ownGathering.gatheringId : 0;
    // Ada may not edit Siv's gathering, nor Siv Ada's, whatever the input says.
    for (const [who, id, input] of [
      ["ada", sivId, regional()],
      ["ada", sivId, gatheringInput(ibs)],
      ["siv", adaId, gatheringInput(ibs)],
      ["siv", adaId, regional()],
      ["kari", sivId, regional()],
    ] as const) {
      const edited = await editGathering(t.db, { ...input, gatheringId: id, version: 1 }, by(who));
      expect(!edited.ok && edited.errors.gathering?.code, `${who} edits ${id}`).toBe(
        "notOrganiser",
      );
    }
    const own = await editGathering(
      t.db,
      { ...regional({ capacity: 50 }), gatheringId: sivId, version: 1 },
      by("siv"),
    );
    expect(own.ok).toBe(true);
    expect((await gatheringById(t.db, sivId))!.capacity).toBe(50);
  });

  it("lets the municipality hold local gatherings once its units take part, for those units", async () => {
    const local = gatheringInput(ibs, {
      level: "local",
      organiserKind: "municipality",
      organiserId: "4204",
      cohortId: cohort3,
      titleNb: "Lokal samling i Kristiansand",
      titleNn: "Lokal samling i Kristiansand",
    });
    // Kristiansand has not yet answered cohort 3.
    const early = await createGathering(t.db, local, by("kari"));
    expect(!early.ok && early.errors.cohort?.code).toBe("cohortOutsideReach");
    // Her form says so; the demo's local gathering of Kristiansand is hers to open, but not to
    // save for a cohort the municipality is not in.
    expect(await text(await as.get("/nb/admin/samlinger/ny", "kari"))).toContain(
      "Dere tar ikke del i noen pulje ennå",
    );
    const [demoLocal] = await t.db
      .select()
      .from(gatherings)
      .where(eq(gatherings.titleNb, "Lokal samling i Kristiansand"));
    const opened = await as.get(`/nb/admin/samlinger/${demoLocal!.id}`, "kari");
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain(`<option value="${cohort3}" selected`);
    const notYet = await editGathering(
      t.db,
      { ...local, gatheringId: demoLocal!.id, version: demoLocal!.version },
      by("kari"),
    );
    expect(!notYet.ok && notYet.errors.cohort?.code).toBe("cohortOutsideReach");
    // Rune (resource person of 4204) organises nothing.
    const rune = await createGathering(t.db, local, by("rune"));
    expect(!rune.ok && rune.errors.gathering?.code).toBe("notOrganiser");

    const [invitation] = await t.db
      .select()
      .from(cohortInvitations)
      .where(and(eq(cohortInvitations.cohortId, cohort3), eq(cohortInvitations.inviteeId, "4204")));
    const answered = await answerInvitation(
      t.db,
      {
        invitationId: invitation!.id,
        answer: "accept",
        commitments: true,
        reason: "",
        version: invitation!.version,
      },
      by("kari"),
    );
    expect(answered.ok).toBe(true);
    expect(
      (
        await enrolUnits(
          t.db,
          { invitationId: invitation!.id, orgNumbers: [SCHOOL_4204] },
          by("kari"),
        )
      ).ok,
    ).toBe(true);

    const made = await createGathering(
      t.db,
      { ...local, allowedMunicipalities: [], allowedCohorts: [] },
      by("kari"),
    );
    expect(made.ok).toBe(true);
    const g = (await gatheringById(t.db, made.ok ? made.gatheringId : 0))!;
    // For the municipality's own units in the cohort.
    expect(g.allowedMunicipalities).toEqual(["4204"]);
    expect(g.allowedCohorts).toEqual([cohort3]);
    const elsewhere = await createGathering(
      t.db,
      { ...local, allowedMunicipalities: ["4203"] },
      by("kari"),
    );
    expect(!elsewhere.ok && elsewhere.errors.allowedMunicipalities?.code).toBe(
      "municipalityOutsideReach",
    );

    // Kari's list and form show her gatherings only; Siv's page is refused her.
    const list = await text(await as.get("/nb/admin/samlinger", "kari"));
    expect(list).toContain("Lokal samling i Kristiansand");
    expect(list).not.toContain("Regional samling for pulje 3");
    expect(list).not.toContain("Nasjonal samling");
    const form = await text(await as.get("/nb/admin/samlinger/ny", "kari"));
    expect(form).toContain("Arrangør: Kristiansand");
    expect((await as.get(`/nb/admin/samlinger/${g.id}`, "kari")).status).toBe(200);
    expect((await as.get(`/nb/admin/samlinger/${g.id}`, "siv")).status).toBe(403);
    expect((await as.get(`/nb/admin/samlinger/${g.id}`, "ada")).status).toBe(403);
    expect((await as.get(`/nb/admin/samlinger/${g.id}/innsjekk`, "kari")).status).toBe(200);
    expect((await as.get(`/nb/admin/samlinger/${g.id}/innsjekk`, "ada")).status).toBe(403);
  });

  it("lets the county coordinator create a regional gathering through the form, refusing what is outside", async () => {
    const page = await as.get("/nb/admin/samlinger/ny", "siv");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Arrangør: Statsforvalteren i Agder");
    // No "whole programme" for a county office, and only the cohorts it takes part in.
    expect(html).not.toContain("Hele programmet");
    const form = {
      organiser: "county-office:sf-agder",
      programme: String(ibs),
      cohort: String(cohort3),
      level: "regional",
      titleNb: "Regional samling i Agder, vår",
      titleNn: "Regional samling i Agder, vår",
      descriptionNb: "",
      descriptionNn: "",
      startsAt: "10.3.2027 09:00",
      endsAt: "10.3.2027 15:00",
      registrationOpensAt: "1.12.2026 08:00",
      registrationClosesAt: "1.3.2027 23:59",
      mode: "physical",
      venue: "Statsforvalterens hus",
      address: "Eksempelveien 2, 4630 Kristiansand",
      digitalLink: "",
      capacity: "80",
      offerHours: "48",
      allowedMunicipalities: "4204, 0301",
    };
    const refused = await as.post("/nb/admin/samlinger/ny", "siv", { ...form, level: "national" });
    expect(refused.status).toBe(422);
    const body = await text(refused);
    expect(body).toContain("Kommune 0301 er utenfor området deres");
    expect(body).toContain("Denne arrangøren holder regionale samlinger");
    const made = await as.post("/nb/admin/samlinger/ny", "siv", {
      ...form,
      allowedMunicipalities: "4204, 4203",
    });
    expect(made.status).toBe(303);
    // Another organiser chosen in a crafted form is refused too.
    const crafted = await as.post("/nb/admin/samlinger/ny", "siv", {
      ...form,
      organiser: "owner:udir",
      level: "national",
    });
    expect(crafted.status).toBe(422);
    expect((await as.get("/nb/admin/samlinger", "sverre")).status).toBe(403);
    expect((await as.get("/nb/admin/samlinger/ny", "rune")).status).toBe(403);
  });
});
