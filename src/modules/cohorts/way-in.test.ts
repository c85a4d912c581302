import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { programmeIdOf } from "../../../tests/support/cohorts";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { cohortOffices, cohorts } from "./schema";

const FUB = "bedre-foreldresamarbeid";
const LIST = `/nb/admin/tilbud/${FUB}/puljer`;

describe.each(databaseKinds)("a cohort's way in on %s", (kind) => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  let fubId = 0;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    Object.assign(ids, await demoPeopleIds(t.db, ["frida"]));
    fubId = await programmeIdOf(t.db, FUB);
  });
  afterAll(() => t.close());

  const { get, post } = requestsAs(() => t, ids);
  const cohort = async (number: number) => {
    const [row] = await t.db
      .select()
      .from(cohorts)
      .where(and(eq(cohorts.programmeId, fubId), eq(cohorts.number, number)));
    return row;
  };
  const form = (overrides: Record<string, string> = {}) => ({
    number: "9",
    wayIn: "application",
    startsOn: "2027-08-01",
    endsOn: "2029-06-30",
    officeInviteDeadline: "",
    answerDeadline: "",
    reminderDaysBefore: "7",
    termsNb: "Kommunen deltar med foreldreutvalget.",
    termsNn: "Kommunen er med med foreldreutvalet.",
    termsEn: "",
    intent: "save",
    ...overrides,
  });

  it("offers the choice, invitation first and chosen", async () => {
    const html = await (await get(`${LIST}/ny`, "frida")).text();
    expect(html).toMatch(/<input[^>]*name="wayIn"[^>]*value="invitation"[^>]*checked/);
    expect(html).toContain('value="application"');
  });

  it("makes an application cohort without offices or invitation deadlines, and lists it with its round", async () => {
    const res = await post(`${LIST}/ny`, "frida", form());
    expect(res.status).toBe(303);
    const row = await cohort(9);
    expect(row?.wayIn).toBe("application");
    expect(row?.officeInviteDeadline).toBeNull();
    expect(row?.answerDeadline).toBeNull();
    const offices = await t.db
      .select()
      .from(cohortOffices)
      .where(eq(cohortOffices.cohortId, row!.id));
    expect(offices).toEqual([]);
    const list = await (await get(LIST, "frida")).text();
    expect(list).toContain(`href="/nb/admin/puljer/${row!.id}/soknadsrunde"`);
    expect(list).toContain("Ingen (søknad)");
    // Its edit page asks nothing of offices.
    const edit = await (await get(`${LIST}/9`, "frida")).text();
    expect(edit).not.toContain('name="officeInviteDeadline"');
    expect(edit).toContain("Søknad");
  });

  it("still asks an invitation cohort for its deadlines and offices", async () => {
    const res = await post(`${LIST}/ny`, "frida", form({ number: "10", wayIn: "invitation" }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Velg minst ett embete å invitere");
    expect(html).toMatch(/<input[^>]*name="wayIn"[^>]*value="invitation"[^>]*checked/);
    expect(await cohort(10)).toBeUndefined();
  });

  it("refuses a way in the form never offers as a malformed request", async () => {
    const res = await post(`${LIST}/ny`, "frida", form({ number: "11", wayIn: "lottery" }));
    expect(res.status).toBe(400);
    expect(await cohort(11)).toBeUndefined();
  });

  it("says søknad and søknadsfrist of application cohorts in Mine puljer, never the chain's words", async () => {
    // Cohort 9 (made above) has no round yet; the demo's cohort 2 has an open one.
    const nine = (await cohort(9))!;
    const two = (await cohort(2))!;
    const html = await (await get("/nb/puljer", "frida")).text();
    const row = (id: number) => {
      const at = html.indexOf(`/admin/puljer/${id}/soknadsrunde`);
      expect(at).toBeGreaterThan(0);
      return html.slice(html.lastIndexOf("<tr>", at), html.indexOf("</tr>", at));
    };
    expect(row(two.id)).toContain("Søknadsfrist 14. desember 2026");
    expect(row(two.id)).toContain("Kommunene søker om å være med.");
    expect(row(two.id)).toContain("Se søknadsrunden");
    expect(row(nine.id)).toContain("Søknad, ingen søknadsrunde ennå");
    // No chain overview and no invitation figures for them.
    for (const id of [two.id, nine.id]) {
      expect(html).not.toContain(`href="/nb/puljer/${id}"`);
      expect(row(id)).not.toMatch(/<td>\d+<\/td>/);
    }
    const nn = await (await get("/nn/puljer", "frida")).text();
    expect(nn).toContain("Kommunane søkjer om å vere med.");
    expect(nn).toContain("Sjå søknadsrunden");
    const en = await (await get("/en/puljer", "frida")).text();
    expect(en).toContain("Application deadline 14 December 2026");
  });

  it("says on the programme's page that municipalities apply to an application cohort", async () => {
    const html = await (await get("/nb/tilbud/bedre-foreldresamarbeid")).text();
    const start = html.indexOf('id="cohort-9"');
    expect(start).toBeGreaterThan(0);
    const nine = html.slice(start, html.indexOf("</section>", start));
    expect(nine).toContain("Kommunene søker om å være med i denne puljen.");
    expect(nine).toContain('href="/nb/tilbud/bedre-foreldresamarbeid/soknad"');
    expect(nine).not.toMatch(/embete|Embetene|invit|kommuner i pulje/i);
    const nn = await (await get("/nn/tilbud/bedre-foreldresamarbeid")).text();
    expect(nn).toContain("Kommunane søkjer om å vere med i denne puljen.");
    const en = await (await get("/en/tilbud/bedre-foreldresamarbeid")).text();
    expect(en).toContain("Municipalities apply to join this cohort.");
  });
});
