import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, freshDatabase } from "../../../tests/support/db";
import type { Database } from "../../db/client";
import { searchKey, searchKeySql } from "./search-key";

describe("search keys", () => {
  it("meets æ/ø/å however they are typed", () => {
    for (const spelling of ["Bærum", "Baerum", "Barum", "BÆRUM", "bærum"]) {
      expect(searchKey(spelling)).toBe("barum");
    }
    for (const spelling of ["Ålesund", "Aalesund", "Alesund", "ÅLESUND"]) {
      expect(searchKey(spelling)).toBe("alesund");
    }
    for (const spelling of ["Nøtterøy", "Noetteroey", "Notteroy"]) {
      expect(searchKey(spelling)).toBe("notteroy");
    }
  });

  it("drops marks from Sámi and other letters and reads punctuation as a space", () => {
    expect(searchKey("Gáivuotna - Kåfjord - Kaivuono")).toBe("gaivuotna kafjord kaivuono");
    expect(searchKey("Kárášjohka")).toBe("karasjohka");
    expect(searchKey("Unjárga - Nesseby")).toBe("unjarga nesseby");
    expect(searchKey("Steinkjer - Stïentje")).toBe("steinkjer stientje");
    expect(searchKey("  Čáhcesuolu/Đ Ŋ Ŧ Ž  ")).toBe("cahcesuolu d n t z");
    expect(searchKey("Sande (Vestfold)")).toBe("sande vestfold");
    expect(searchKey("-- !")).toBe("");
  });
});

describe.each(databaseKinds)("search keys in SQL on %s", (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(kind);
  });
  afterAll(() => database.close());

  it("are the same as in TypeScript for every county, municipality and office name", async () => {
    const result = await database.db.execute(sql`
      select name, search_key as key from counties
      union all select name, search_key from municipalities
      union all select name_nb, search_key_nb from county_office_names
      union all select name_nn, search_key_nn from county_office_names`);
    const rows = (result as unknown as { rows: { name: string; key: string }[] }).rows;
    expect(rows.length).toBeGreaterThan(900);
    for (const row of rows) expect([row.name, row.key]).toEqual([row.name, searchKey(row.name)]);
  });

  it("are the same as in TypeScript for awkward text", async () => {
    const samples = [
      "ÆØÅ æøå Áš-ČĐŊŦŽ ïü  Kåfjord  Gáivuotna!",
      "Aaa-aeoe__Øye 12b",
      "Ääkkönen École Ñandú çava ÿ",
      "",
      "   ",
      "Saaae",
    ];
    for (const text of samples) {
      const result = await database.db.execute(
        sql`select ${searchKeySql(sql`${text}::text`)} as key`,
      );
      const key = (result as unknown as { rows: { key: string }[] }).rows[0]!.key;
      expect([text, key]).toEqual([text, searchKey(text)]);
    }
  });
});
