import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";

/** The municipalities' own costs (decision 0033): recorded or estimated, summed for the owner. */
describe.each(databaseKinds)("the municipalities' own costs (%s)", (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let as: ReturnType<typeof requestsAs>;
  let plan: string;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    as = requestsAs(() => t, await demoPeopleIds(t.db, ["kari", "frida", "ada"]));
    const list = await (await as.get("/nb/deltakelser", "kari")).text();
    plan = list.match(/href="(\/nb\/deltakelser\/\d+)"/)![1]!;
  });
  afterAll(() => t.close());

  it("lets Kari record an estimate beside the costs, summed apart", async () => {
    const res = await as.post(`${plan}/kostnader`, "kari", {
      kind: "staff-time",
      amount: "1 300",
      note: "2 timer à 650 kr",
      estimate: "yes",
    });
    expect(res.status).toBe(303);
    const html = await (await as.get(plan, "kari")).text();
    expect(html).toContain("Arbeidstid (anslag)");
    // Recorded: 4 500 + 18 000 + 2 350; estimated: the demo's 15 600 and these 1 300.
    expect(html).toMatch(/Sum<\/th>[\s\S]*24[\s\u00a0]850 kr/);
    expect(html).toMatch(/Anslått<\/th>[\s\S]*16[\s\u00a0]900 kr/);
    const bad = await as.post(`${plan}/kostnader`, "kari", {
      kind: "staff-time",
      amount: "12,5",
      note: "Halv time",
      estimate: "yes",
    });
    expect(bad.status).toBe(422);
    const kept = await bad.text();
    expect(kept).toContain('value="12,5"');
    expect(kept).toMatch(/id="cost-estimate"[^>]*checked/);
  });

  it("sums them per cohort, county and municipality for FUB/FUG, with CSV and XLSX", async () => {
    const res = await as.get("/nb/admin/egne-kostnader", "frida");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Per pulje");
    expect(html).toContain("Per fylke");
    expect(html).toContain("Agder");
    expect(html).toContain("Kristiansand");
    expect(html).toMatch(/24[\s\u00a0]850 kr/);
    expect(html).toMatch(/41[\s\u00a0]750 kr/);
    const csv = await (await as.get("/nb/admin/egne-kostnader.csv", "frida")).text();
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("pulje;fylke;kommunenummer;kommune;type;anslag;belop_kr");
    const kristiansand = lines.filter((l) => l.includes(";4204;"));
    const sum = kristiansand.reduce((s, l) => s + Number(l.split(";")[6]), 0);
    expect(sum).toBe(24_850 + 15_600 + 1_300);
    expect(kristiansand.some((l) => l.includes(";staff-time;ja;16900"))).toBe(true);
    const xlsx = await as.get("/nb/admin/egne-kostnader.xlsx", "frida");
    expect(xlsx.headers.get("Content-Type")).toContain("spreadsheetml");
    // Udir's admin sees none of FUB/FUG's; the coordinator none at all.
    expect(await (await as.get("/nb/admin/egne-kostnader", "ada")).text()).not.toContain(
      "Kristiansand",
    );
    expect((await as.get("/nb/admin/egne-kostnader", "kari")).status).toBe(403);
  });
});
