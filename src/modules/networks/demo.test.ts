import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { ppContacts } from "../cohorts";
import { findPersonByEmail } from "../identity";
import { learningNetworks, networkMembers } from "./schema";

const text = async (res: Response) =>
  (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe.each(databaseKinds)("the networks' demo (%s)", (kind) => {
  let t: TestApp;
  let as: ReturnType<typeof requestsAs>;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    const ids = await demoPeopleIds(t.db, ["kari", "siv"]);
    ids.anita = (await findPersonByEmail(t.db, "anita@demo.samspill.example"))!.id;
    as = requestsAs(() => t, ids);
  });
  afterAll(() => t?.close());

  it("has Arendal's two networks with a held meeting, minutes and reflections; Kari is asked to co-lead", async () => {
    const networks = await t.db.select().from(learningNetworks);
    expect(networks.map((n) => n.name).sort()).toEqual([
      "Agder sør: trygge skolemiljø",
      "Lærende nettverk for enhetene i Arendal",
    ]);
    const local = networks.find((n) => n.name.startsWith("Lærende"))!;
    const page = await text(await as.get(`/nb/nettverk/${local.id}`, "anita"));
    expect(page).toContain("Oppstart: hvor står vi?");
    expect(page).toContain("Refleksjon fra Per Pedersen");
    expect(page).toContain("Referat");
    const kari = await text(await as.get("/nb/nettverk", "kari"));
    expect(kari).toContain("Agder sør: trygge skolemiljø");
    expect(kari).toContain("Arendal spør om kommunen din vil lede nettverket");
    // Kristiansand has not said yes to cohort 3 yet: Kari cannot co-lead.
    const wide = networks.find((n) => n.name.startsWith("Agder"))!;
    const early = await as.post(`/nb/nettverk/${wide.id}/svar`, "kari", { answer: "accept" });
    expect(early.status).toBe(422);
    expect((await as.get(`/nb/nettverk/${wide.id}`, "kari")).status).toBe(403);
    // The county office: figures only.
    const siv = await text(await as.get("/nb/nettverk", "siv"));
    expect(siv).toContain("Arendal 2 2");
    expect(
      await t.db.select().from(learningNetworks).where(eq(learningNetworks.id, wide.id)),
    ).toHaveLength(1);
  });

  it("gives Arendal's PP-tjeneste contact an account: her page shows the PP part, and she is a member", async () => {
    const [network] = await t.db.select().from(learningNetworks);
    const [pp] = (await ppContacts(t.db, { municipalities: ["4203"] })).filter(
      (c) => c.cohortId === network!.cohortId,
    );
    expect(pp).toBeDefined();
    const person = await findPersonByEmail(t.db, pp!.email);
    expect(person).not.toBeNull();
    const ppAs = requestsAs(() => t, { pp: person!.id });
    const res = await ppAs.get("/nb/oppfolging/pp", "pp");
    expect(res.status).toBe(200);
    expect(await text(res)).toContain("Oppfølging av enhetene PP-tjenesten dekker");
    const members = await t.db
      .select()
      .from(networkMembers)
      .where(eq(networkMembers.email, pp!.email));
    expect(members.length).toBeGreaterThan(0);
    expect(members.every((m) => m.personId === person!.id)).toBe(true);
  });
});
