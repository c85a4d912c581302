import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { enrolInCohort3, namePpContact, unitOf } from "../../../tests/support/development";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { insertTestPerson } from "../identity";

const text = async (res: Response) =>
  (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe.each(databaseKinds)("the PP-tjeneste's part (%s)", (kind) => {
  let t: TestApp;
  let as: ReturnType<typeof requestsAs>;
  let school = "";

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    const ids = await demoPeopleIds(t.db, ["rune", "sverre", "bente"]);
    school = await unitOf(t.db, ids.sverre!);
    await enrolInCohort3(t.db, [school], t.clock.now());
    await namePpContact(t.db, { name: "Petra PP", email: "Petra@ppt.example" }, t.clock.now());
    // Petra has an account (no role): her page is found by her work e-mail.
    ids.petra = await insertTestPerson(
      t.db,
      { name: "Petra PP", email: "petra@ppt.example" },
      t.clock.now(),
    );
    ids.other = await insertTestPerson(
      t.db,
      { name: "Olav Annen", email: "olav@ppt.example" },
      t.clock.now(),
    );
    as = requestsAs(() => t, ids);
  });
  afterAll(() => t?.close());

  it("the resource person sees the PP-tjeneste contact, her PP-tjeneste and its networks", async () => {
    const page = await text(await as.get("/nb/oppfolging", "rune"));
    expect(page).toContain("PP-tjenestens del");
    expect(page).toContain("Petra PP");
    expect(page).toContain("PP-tjenesten i Kristiansand (demo)");
  });

  it("the PP contact sees the follow-up of the units her municipalities enrolled; nobody else does", async () => {
    const own = await as.get("/nb/oppfolging/pp", "petra");
    expect(own.status).toBe(200);
    const page = await text(own);
    expect(page).toContain("Seljebakken");
    expect(page).toContain("Aldri");
    expect((await as.get("/nb/oppfolging/pp", "other")).status).toBe(403);
    expect((await as.get("/nb/oppfolging/pp", "bente")).status).toBe(403);
    // The notes stay on the resource person's log: no link to it, nor to the plan.
    const main = /<main[\s\S]*<\/main>/.exec(
      await (await as.get("/nb/oppfolging/pp", "petra")).text(),
    )![0];
    expect(main).not.toContain('href="/nb/oppfolging/');
    expect(main).not.toContain('href="/nb/utviklingsarbeid/');
  });
});
