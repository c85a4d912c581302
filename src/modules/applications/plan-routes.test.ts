import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { TEMPLATE_CLOCK } from "../../../tests/support/templates";
import { insertTestPerson } from "../identity";
import { unitsOfMunicipality } from "../organisations";
import { planOf } from "./plan";
import { participations } from "./schema";

describe.each(databaseKinds)("the tailored plan's pages (%s)", (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Record<string, number>;
  let plan: number;
  let as: ReturnType<typeof requestsAs>;
  const path = (rest = "") => `/nb/deltakelser/${plan}${rest}`;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    // The demo template holds the applications demo: Kristiansand's plan under way.
    ids = await demoPeopleIds(t.db, ["kari", "frida", "ada"]);
    ids.olga = await insertTestPerson(
      t.db,
      {
        name: "Olga Oslo",
        email: "olga@example.org",
        role: { role: "municipal-coordinator", orgId: "0301" },
      },
      TEMPLATE_CLOCK,
    );
    const [row] = await t.db
      .select()
      .from(participations)
      .where(eq(participations.municipalityCode, "4204"));
    plan = row!.id;
    as = requestsAs(() => t, ids);
  });
  afterAll(() => t.close());

  it("shows both sides the plan, each with the forms of its own part", async () => {
    const kari = await (await as.get(path(), "kari")).text();
    expect(kari).toContain("Plan for Kristiansand");
    expect(kari).toContain("Selve tilbudet er gratis");
    expect(kari).toContain("Foreldremøte");
    expect(kari).toContain("Registrer kostnad");
    expect(kari).not.toContain("Registrer veiledning</button>");
    expect(kari).not.toContain("Lagre periode");
    expect(kari).toMatch(/Sum<\/th>[\s\S]*24[\s\u00a0]850 kr/);
    const frida = await as.get(path(), "frida");
    expect(frida.status).toBe(200);
    const html = await frida.text();
    expect(html).toContain("Lagre periode");
    expect(html).toContain("Registrer veiledning</button>");
    expect(html).not.toContain("Registrer kostnad</button>");
    const list = await (await as.get("/nb/deltakelser", "frida")).text();
    expect(list).toContain("Kristiansand");
    expect(list).toContain("Bergen");
    const kariList = await (await as.get("/nb/deltakelser", "kari")).text();
    expect(kariList).toContain("Kristiansand");
    expect(kariList).not.toContain("Bergen");
  });

  it("refuses another municipality, Udir's admin, and anyone signed out", async () => {
    expect((await as.get(path(), "olga")).status).toBe(403);
    expect((await as.get(path(), "ada")).status).toBe(403);
    expect(
      (await as.post(path("/kostnader"), "olga", { kind: "venue", amount: "10" })).status,
    ).toBe(403);
    expect(
      (await as.post(path("/aktiviteter"), "ada", { kind: "gathering", mode: "digital" })).status,
    ).toBe(403);
    const anonymous = await as.get(path());
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toContain("/nb/logg-inn");
    expect((await as.get("/nb/deltakelser/999999", "frida")).status).toBe(404);
    const adaList = await (await as.get("/nb/deltakelser", "ada")).text();
    expect(adaList).not.toContain("Kristiansand");
  });

  it("lets each side write only its own part", async () => {
    expect(
      (
        await as.post(path("/veiledning"), "kari", {
          givenOn: "2026-11-20",
          mode: "digital",
          topics: "x",
        })
      ).status,
    ).toBe(403);
    expect(
      (await as.post(path("/periode"), "kari", { startsOn: "2026-08-01", months: "18" })).status,
    ).toBe(403);
    expect(
      (await as.post(path("/kostnader"), "frida", { kind: "venue", amount: "10" })).status,
    ).toBe(403);
  });

  it("records the municipality's costs, and keeps input beside the error when refused", async () => {
    const before = (await planOf(t.db, plan)).costs.length;
    const bad = await as.post(path("/kostnader"), "kari", {
      kind: "travel",
      amount: "tolv",
      note: "Buss",
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain("Skriv beløpet i hele kroner");
    expect(html).toContain('href="#cost-amount"');
    expect(html).toContain('value="tolv"');
    expect(html).toContain('value="Buss"');
    const ok = await as.post(path("/kostnader"), "kari", {
      kind: "travel",
      amount: "1 200",
      note: "",
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe(`${path()}#kostnader-heading`);
    const costs = (await planOf(t.db, plan)).costs;
    expect(costs).toHaveLength(before + 1);
    expect(costs.at(-1)!.amount).toBe(1200);
  });

  it("lets FUB/FUG change the period (12 to 24 months) and log guidance", async () => {
    const long = await as.post(path("/periode"), "frida", { startsOn: "2026-08-01", months: "30" });
    expect(long.status).toBe(422);
    expect(await long.text()).toContain("Varigheten må være fra 12 til 24 måneder");
    expect(
      (await as.post(path("/periode"), "frida", { startsOn: "2026-08-01", months: "20" })).status,
    ).toBe(303);
    const [row] = await t.db.select().from(participations).where(eq(participations.id, plan));
    expect([row!.startsOn, row!.months]).toEqual(["2026-08-01", 20]);
    const empty = await as.post(path("/veiledning"), "frida", {
      givenOn: "2026-11-20",
      mode: "digital",
      topics: "",
    });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain("Fyll ut tema");
    const before = (await planOf(t.db, plan)).guidance.length;
    expect(
      (
        await as.post(path("/veiledning"), "frida", {
          givenOn: "2026-11-20",
          mode: "digital",
          topics: "Foreldremøtene",
        })
      ).status,
    ).toBe(303);
    expect((await planOf(t.db, plan)).guidance).toHaveLength(before + 1);
  });

  it("adds activities with the municipality's own units, and either side marks them done", async () => {
    const units = (await unitsOfMunicipality(t.db, "4204", { active: true })).map(
      (u) => u.orgNumber,
    );
    const foreign = (await unitsOfMunicipality(t.db, "0301", { active: true }))[0]!.orgNumber;
    const form = (unit: string) =>
      new URLSearchParams([
        ["kind", "parent-meeting"],
        ["mode", "physical"],
        ["plannedOn", "2027-01-15"],
        ["units", units[0]!],
        ["units", unit],
        ["note", ""],
      ]);
    const refused = await as.post(path("/aktiviteter"), "kari", form(foreign));
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('href="#activity-units"');
    expect((await as.post(path("/aktiviteter"), "kari", form(units[1]!))).status).toBe(303);
    const added = (await planOf(t.db, plan)).activities.find((a) => a.plannedOn === "2027-01-15")!;
    expect(added.units).toEqual([units[0]!, units[1]!].sort());
    const done = await as.post(path(`/aktiviteter/${added.id}/gjennomfort`), "frida");
    expect(done.status).toBe(303);
    // A second click (or the other side at the same time) finds it done and changes nothing.
    expect((await as.post(path(`/aktiviteter/${added.id}/gjennomfort`), "kari")).status).toBe(303);
    const after = (await planOf(t.db, plan)).activities.find((a) => a.id === added.id)!;
    expect(after.doneBy).toBe(ids.frida);
  });

  it("answers 404, never a database error, to ids beyond the integer columns and to an activity of no plan", async () => {
    const other = (await t.db.select().from(participations)).find((p) => p.id !== plan)!;
    const [mine] = (await planOf(t.db, plan)).activities;
    for (const [url, who] of [
      ["/nb/deltakelser/2147483648", "kari"],
      ["/nb/deltakelser/9007199254740991", "frida"],
    ] as const) {
      expect((await as.get(url, who)).status, url).toBe(404);
    }
    for (const [url, who] of [
      [path("/aktiviteter/2147483648/gjennomfort"), "kari"],
      [path("/aktiviteter/999999999/gjennomfort"), "frida"],
      [`/nb/deltakelser/9007199254740991/aktiviteter/${mine!.id}/gjennomfort`, "kari"],
      // Kristiansand's activity through Bergen's plan: Frida follows both, it is neither's there.
      [`/nb/deltakelser/${other.id}/aktiviteter/${mine!.id}/gjennomfort`, "frida"],
    ] as const) {
      expect((await as.post(url, who)).status, url).toBe(404);
    }
  });
});
