import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";

const text = async (res: Response) =>
  (await res.text())
    .replace(/<svg[\s\S]*?<\/svg>/g, "[SVG]")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

describe.each(databaseKinds)("the insight page (%s)", (kind) => {
  let t: TestApp;
  let as: ReturnType<typeof requestsAs>;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    const ids = await demoPeopleIds(t.db, ["ada", "frida", "siv", "kari", "rune", "sverre"]);
    as = requestsAs(() => t, ids);
  });
  afterAll(() => t?.close());

  it("shows the programme admin every panel, with charts, tables and the map", async () => {
    const res = await as.get("/nb/innsikt?utvalg=p1", "ada");
    expect(res.status).toBe(200);
    console.log((await text(res)).slice(900, 9000));
    for (const who of ["siv", "kari"] as const) {
      const r = await as.get("/nb/innsikt?utvalg=p1", who);
      console.log(who, r.status, (await text(r)).slice(900, 5000));
    }
  });
});
