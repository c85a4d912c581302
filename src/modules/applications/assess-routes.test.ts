import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { programmeIdOf } from "../../../tests/support/cohorts";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { grantRole } from "../identity";
import {
  createTestApplication,
  createTestApplicationCohort,
  createTestAssessor,
  openTestRound,
} from "./admin-factories";
import { nameAssessor } from "./assess";
import { assessments } from "./schema";

/** Kristiansand: the demo municipality, where Kari is coordinator. */
const DEMO_MUNICIPALITY = "4204";

const FUB = "bedre-foreldresamarbeid";

describe.each(databaseKinds)("the assessor's pages on %s", (kind) => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  let applicationId = 0;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    Object.assign(ids, await demoPeopleIds(t.db, ["ada", "frida", "kari"]));
    const fub = await programmeIdOf(t.db, FUB);
    const as = { personId: ids.frida!, now: t.clock.now() };
    const cohortId = await createTestApplicationCohort(t.db, { programmeId: fub, number: 9 }, as);
    const roundId = await openTestRound(
      t.db,
      { cohortId, programmeId: fub, deadline: "2027-03-15" },
      as,
    );
    applicationId = await createTestApplication(
      t.db,
      { roundId, municipalityCode: DEMO_MUNICIPALITY, submit: true },
      { personId: ids.kari!, now: t.clock.now() },
    );
    await createTestApplication(
      t.db,
      { roundId, municipalityCode: "4201" },
      { personId: ids.kari!, now: t.clock.now() },
    );
    ids.vera = await createTestAssessor(
      t.db,
      { name: "Vera Vurderer", email: "vera@example.org", owner: "fub" },
      as,
    );
    ids.ola = await createTestAssessor(
      t.db,
      { name: "Ola Orden", email: "ola@example.org", owner: "fub" },
      as,
    );
    ids.nils = await createTestAssessor(
      t.db,
      { name: "Nils Navnløs", email: "nils@example.org", owner: "fub" },
      as,
    );
    // Kari coordinates Kristiansand and is an assessor too: she may not score her own.
    const granted = await grantRole(
      t.db,
      { personId: ids.kari!, role: "assessor", orgId: "fub" },
      as,
    );
    if (!granted.ok) throw new Error("no role");
    for (const who of ["vera", "ola", "kari"]) {
      await nameAssessor(t.db, { roundId, personId: ids[who]! }, as);
    }
  });
  afterAll(() => t.close());

  const { get, post } = requestsAs(() => t, ids);
  const PAGE = () => `/nb/vurdering/soknader/${applicationId}`;
  const text = async (res: Response) =>
    (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
  const scores = (overrides: Record<string, string> = {}) => ({
    "score-forankring": "4",
    "comment-forankring": "Godt forankret i ledelsen.",
    "score-plan": "7",
    "comment-plan": "",
    comment: "",
    proposal: "granted",
    intent: "submit",
    ...overrides,
  });

  it("lists the rounds a named assessor assesses, with the submitted applications only", async () => {
    const res = await get("/nb/vurdering", "vera");
    expect(res.status).toBe(200);
    const page = await text(res);
    expect(page).toContain("Bedre foreldresamarbeid til det beste for barnet, pulje 9");
    expect(page).toContain("Kristiansand Ikke begynt");
    expect(page).not.toContain("Risør");
    expect(await text(await get("/nb/vurdering", "nils"))).toContain(
      "Du er ikke vurderer i noen søknadsrunde.",
    );
    expect((await get("/nb/vurdering", "ada")).status).toBe(403);
    expect((await get("/nb/vurdering", "frida")).status).toBe(403);
    const anonymous = await get("/nb/vurdering");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toContain("/nb/logg-inn");
  });

  it("refuses an assessor not named, a programme admin and a municipal coordinator with 403", async () => {
    for (const who of ["nils", "ada", "frida"]) {
      expect((await get(PAGE(), who)).status).toBe(403);
      expect((await post(PAGE(), who, scores())).status).toBe(403);
    }
    expect((await get("/nb/vurdering/soknader/999999", "vera")).status).toBe(404);
  });

  it("refuses a score out of range and a missing proposal beside the fields, keeping the input", async () => {
    const res = await post(PAGE(), "vera", scores({ "score-plan": "11", proposal: "" }));
    expect(res.status).toBe(422);
    const html = await res.text();
    const page = html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(page).toContain("Gi en poengsum fra 0 til 10");
    expect(page).toContain("Velg forslag til vedtak");
    expect(html).toContain('href="#score-plan"');
    expect(html).toContain("Godt forankret i ledelsen.");
  });

  it("refuses the coordinator of the municipality scoring it, and takes her conflict declaration", async () => {
    const own = await post(PAGE(), "kari", scores());
    expect(own.status).toBe(422);
    expect(await text(own)).toContain(
      "Du kan ikke vurdere søknaden fra en kommune du selv har en rolle i",
    );
    const declared = await post(PAGE(), "kari", {
      conflict: "yes",
      conflictNote: "",
      intent: "save",
    });
    expect(declared.status).toBe(303);
    const [row] = await t.db
      .select()
      .from(assessments)
      .where(
        and(eq(assessments.applicationId, applicationId), eq(assessments.personId, ids.kari!)),
      );
    expect(row?.conflict).toBe("declared");
  });

  it("saves a draft, submits, and only then shows the others' scores", async () => {
    const saved = await post(PAGE(), "ola", scores({ intent: "save", proposal: "" }));
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`${PAGE()}?lagret`);
    const ola = await text(await get(`${PAGE()}?lagret`, "ola"));
    expect(ola).toContain("Vurderingen er lagret.");
    expect(ola).toContain("Du ser de andres vurderinger når du har sendt din egen.");

    const vera = await post(PAGE(), "vera", scores({ proposal: "waitlisted" }));
    expect(vera.status).toBe(303);
    const olaSubmits = await post(PAGE(), "ola", scores());
    expect(olaSubmits.status).toBe(303);
    const after = await text(await get(PAGE(), "ola"));
    expect(after).toContain("Du har sendt vurderingen din.");
    expect(after).toContain("Vera Vurderer");
    expect(after).toContain("Forslag: Venteliste");
    // A submitted assessment is final.
    const again = await post(PAGE(), "vera", scores());
    expect(again.status).toBe(422);
    expect(await text(again)).toContain("Vurderingen din er sendt og kan ikke endres");
    expect(await text(await get("/nb/vurdering", "vera"))).toContain("Kristiansand Sendt");
  });
});
