import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../tests/support/app";
import { databaseKinds } from "../../tests/support/db";
import { readCountyOfficesFile } from "../modules/organisations";

/** RFC 2606 and RFC 6761: domains that can never reach anyone. */
function isReservedDomain(address: string): boolean {
  const domain = address.slice(address.lastIndexOf("@") + 1).toLowerCase();
  return (
    /\.(example|test|invalid|localhost)$/.test(domain) ||
    ["example", "test", "invalid", "localhost"].includes(domain) ||
    /(^|\.)example\.(com|net|org)$/.test(domain)
  );
}

type Found = { place: string; address: string };

/** Every mail address in every text, varchar and json column of every table. */
async function addressesIn(t: TestApp): Promise<Found[]> {
  const columns = (
    (await t.db.execute(sql`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public'
        and data_type in ('text', 'character varying', 'jsonb', 'json')
      order by table_name, column_name`)) as unknown as {
      rows: { table_name: string; column_name: string }[];
    }
  ).rows;
  expect(columns.length).toBeGreaterThan(20);
  const found: Found[] = [];
  for (const { table_name, column_name } of columns) {
    const rows = (
      (await t.db.execute(
        sql`select distinct (regexp_matches(${sql.identifier(column_name)}::text, '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+', 'g'))[1] as address from ${sql.identifier(table_name)}`,
      )) as unknown as { rows: { address: string }[] }
    ).rows;
    for (const r of rows) found.push({ place: `${table_name}.${column_name}`, address: r.address });
  }
  return found;
}

describe("reserved domains", () => {
  it("tell a demo address from a real one", () => {
    for (const ok of [
      "ada@demo.samspill.example",
      "postmottak@sf-agder.demo.samspill.example",
      "x@example.com",
      "x@mail.example.org",
      "x@skole.test",
      "x@nowhere.invalid",
    ])
      expect(isReservedDomain(ok), ok).toBe(true);
    for (const real of [
      "sfagpost@statsforvalteren.no",
      "ola@eksempel.no",
      "x@example.com.evil.no",
      "x@notexample.com",
      "x@example.no",
    ])
      expect(isReservedDomain(real), real).toBe(false);
  });
});

describe.each(databaseKinds)("demo and reference data on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    await t.jobs.runDue();
  });
  afterAll(() => t.close());

  it("hold no mail address outside a reserved domain, in any column", async () => {
    const found = await addressesIn(t);
    // The scan sees the demo's addresses: people, programme contacts, office mailboxes.
    expect(found.some((f) => f.place === "people.email")).toBe(true);
    expect(found.some((f) => f.place === "county_offices.email")).toBe(true);
    expect(found.filter((f) => !isReservedDomain(f.address))).toEqual([]);
  });

  it("reach the demo offices at reserved-domain mailboxes only", async () => {
    const offices = (
      (await t.db.execute(
        sql`select id, email from county_offices where email is not null order by id`,
      )) as unknown as { rows: { id: string; email: string }[] }
    ).rows;
    expect(offices).toEqual([
      { id: "sf-agder", email: "postmottak@sf-agder.demo.samspill.example" },
      { id: "sf-innlandet", email: "postmottak@sf-innlandet.demo.samspill.example" },
      { id: "sf-rogaland", email: "postmottak@sf-rogaland.demo.samspill.example" },
    ]);
  });
});

describe("the bundled reference file", () => {
  it("holds no mail address at all", async () => {
    const file = await readCountyOfficesFile();
    expect(JSON.stringify(file)).not.toMatch(/@/);
    const { readFile } = await import("node:fs/promises");
    const raw = await readFile(new URL("./reference/county-offices.json", import.meta.url), "utf8");
    expect(raw).not.toMatch(/@/);
  });
});
