import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, freshDatabase } from "../../../tests/support/db";
import type { Database } from "../../db/client";
import {
  countiesAt,
  countyOfficesAt,
  fetchKlass,
  importKlass,
  isMunicipalityValidAt,
  municipalitiesAt,
  readKlassSnapshot,
  successorsAt,
} from "./index";
import { REFERENCE_DIR } from "./klass";
import { municipalities } from "./schema";

describe.each(databaseKinds)("reference data on %s", (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(kind);
  });
  afterAll(() => database.close());

  it("has the counties of each period: 19 in 2017, 18 in 2018, 11 in 2020, 15 from 2024", async () => {
    expect(await countiesAt(database.db, "2017-06-01")).toHaveLength(19);
    expect(await countiesAt(database.db, "2018-06-01")).toHaveLength(18);
    expect(await countiesAt(database.db, "2021-06-01")).toHaveLength(11);
    const now = await countiesAt(database.db, "2026-11-23");
    expect(now).toHaveLength(15);
    expect(now.map((c) => c.code)).toEqual([
      "03",
      "11",
      "15",
      "18",
      "31",
      "32",
      "33",
      "34",
      "39",
      "40",
      "42",
      "46",
      "50",
      "55",
      "56",
    ]);
  });

  it("has 426 municipalities in 2017, 356 in 2020 and 357 from 2024", async () => {
    expect(await municipalitiesAt(database.db, "2017-01-01")).toHaveLength(426);
    expect(await municipalitiesAt(database.db, "2020-01-01")).toHaveLength(356);
    expect(await municipalitiesAt(database.db, "2026-11-23")).toHaveLength(357);
  });

  it("follows a municipality through the reforms to its successor on a later date", async () => {
    // Drammen: 0602 until 2019, 3005 in 2020–2023, 3301 from 2024.
    expect(await isMunicipalityValidAt(database.db, "0602", "2019-06-01")).toBe(true);
    expect(await successorsAt(database.db, "0602", "2021-01-01")).toEqual(["3005"]);
    expect(await successorsAt(database.db, "0602", "2024-01-01")).toEqual(["3301"]);
    // Ålesund was split in 2024.
    expect(await successorsAt(database.db, "1507", "2024-06-01")).toEqual(["1508", "1580"]);
  });

  it("names county offices as they were, with the counties they covered then", async () => {
    const in2017 = await countyOfficesAt(database.db, "2017-01-01", "nb");
    expect(in2017).toHaveLength(17);
    expect(in2017.find((o) => o.name === "Fylkesmannen i Oslo og Akershus")?.countyCodes).toEqual([
      "02",
      "03",
    ]);
    const now = await countyOfficesAt(database.db, "2026-11-23", "nn");
    expect(now).toHaveLength(10);
    const agder = now.find((o) => o.name === "Statsforvaltaren i Agder");
    expect(agder?.countyCodes).toEqual(["42"]);
    expect(now.find((o) => o.countyCodes.includes("03"))?.countyCodes).toEqual([
      "03",
      "31",
      "32",
      "33",
    ]);
  });

  it("imports again without change (idempotent)", async () => {
    const before = (await database.db.select({ n: count() }).from(municipalities))[0]!.n;
    await importKlass(database.db, await readKlassSnapshot());
    expect((await database.db.select({ n: count() }).from(municipalities))[0]!.n).toBe(before);
  });
});

describe("the Klass importer over HTTP", () => {
  let server: Server;
  let base: string;
  const asked: string[] = [];
  beforeAll(async () => {
    const files: Record<string, string> = {
      "/api/klass/v1/classifications/104/codes": "klass-104-codes.json",
      "/api/klass/v1/classifications/131/codes": "klass-131-codes.json",
      "/api/klass/v1/classifications/131/changes": "klass-131-changes.json",
    };
    server = createServer(async (req, res) => {
      const url = new URL(req.url ?? "/", "http://x");
      asked.push(`${url.pathname}?${url.searchParams} ${req.headers.accept}`);
      const file = files[url.pathname];
      if (!file) return res.writeHead(404).end();
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(await readFile(new URL(file, REFERENCE_DIR)));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/klass/v1`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("reads the same data from a configured Klass URL, asking for JSON", async () => {
    const snapshot = await fetchKlass(base, "2017-01-01", "2026-11-23");
    expect(snapshot.municipalities.codes.length).toBe(
      (await readKlassSnapshot()).municipalities.codes.length,
    );
    expect(asked[0]).toBe(
      "/api/klass/v1/classifications/104/codes?from=2017-01-01&to=2026-11-23 application/json",
    );
  });

  it("refuses a malformed answer", async () => {
    await expect(fetchKlass(`${base}/nothing-here`, "2017-01-01", "2026-11-23")).rejects.toThrow(
      /404/,
    );
  });
});
