import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, freshDatabase } from "../../../tests/support/db";
import type { Database, Db } from "../../db/client";
import { registerPages } from "./factories";
import {
  createPpService,
  getUnit,
  importRegister,
  ppServicesAt,
  type SearchHit,
  searchOrganisations,
  unitsOfMunicipality,
} from "./index";
import { completeOrgNumber } from "./org-number";

const DATE = "2026-11-23";

function org(n: number): string {
  for (let base = 92_000_000 + n * 10; ; base++) {
    const number = completeOrgNumber(String(base));
    if (number) return number;
  }
}

function school(
  n: number,
  name: string,
  municipality: string,
  fields: Record<string, unknown> = {},
) {
  return {
    Organisasjonsnummer: org(n),
    Navn: name,
    Kommunenummer: municipality,
    ErAktiv: true,
    ErSkole: true,
    ErGrunnskole: true,
    ErPrivatskole: false,
    ErOffentligSkole: true,
    ...fields,
  };
}

function kindergarten(n: number, name: string, municipality: string, isPrivate: boolean) {
  return {
    Organisasjonsnummer: org(n),
    Navn: name,
    Kommunenummer: municipality,
    ErAktiv: true,
    ErBarnehage: true,
    ErPrivatBarnehage: isPrivate,
    ErOffentligBarnehage: !isPrivate,
  };
}

/** What a list shows of a hit: kind, its id and name, and how it matched. */
function line(hit: SearchHit): string {
  switch (hit.kind) {
    case "county":
    case "municipality":
      return `${hit.kind} ${hit.code} ${hit.name} (${hit.match})${hit.kind === "municipality" && hit.formerly ? ` formerly ${hit.formerly.code} ${hit.formerly.name}` : ""}`;
    case "county-office":
      return `office ${hit.name} [${hit.countyCodes.join(",")}] (${hit.match})`;
    case "pp-service":
      return `pp ${hit.name} (${hit.match})`;
    case "unit":
      return `unit ${hit.name} ${hit.municipalityCode} (${hit.match})${hit.active ? "" : " closed"}`;
  }
}

describe.each(databaseKinds)("searching organisations on %s", (kind) => {
  let database: Database;
  let db: Db;
  const search = async (
    q: string,
    opts: { scope?: string[]; limit?: number; date?: string } = {},
  ) => (await searchOrganisations(db, q, { date: DATE, ...opts })).map(line);

  beforeAll(async () => {
    database = await freshDatabase(kind);
    db = database.db;
    await importRegister(db, {
      source: "nsr",
      origin: "test",
      coverage: "partial",
      date: DATE,
      pages: registerPages([
        school(1, "Haugtun skole", "3301"),
        school(2, "Nedre Haugtun skole", "0301", {
          ErAktiv: false,
          UtgaattDato: "2023-06-30T00:00:00",
        }),
        school(3, "Haugtun", "3301"),
        school(4, "Kjæråsen oppvekstsenter", "1508"),
        school(5, "Søndre Haugtun skole", "0301"),
        school(6, "Bærums Verk skole", "3201", { ErPrivatskole: true, ErOffentligSkole: false }),
      ]),
    });
    await importRegister(db, {
      source: "nbr",
      origin: "test",
      coverage: "partial",
      date: DATE,
      pages: registerPages([
        kindergarten(4, "Kjæråsen oppvekstsenter", "1508", false),
        kindergarten(7, "Haugtun barnehage", "4204", true),
        kindergarten(8, "Haugtun naturbarnehage", "3301", false),
      ]),
    });
    await createPpService(db, {
      name: "PPT for Ytre Haugtun (test)",
      orgNumber: org(20),
      hostMunicipalityCode: "3301",
      municipalities: [
        { code: "3301", validFrom: "2024-01-01" },
        { code: "3303", validFrom: "2024-01-01" },
      ],
    });
    await createPpService(db, {
      name: "Romsdal interkommunale PP-tjeneste (test)",
      orgNumber: null,
      hostMunicipalityCode: "1554",
      municipalities: [
        { code: "1554", validFrom: "2017-01-01" },
        { code: "1548", validFrom: "2017-01-01", validTo: "2020-01-01" },
        { code: "1579", validFrom: "2020-01-01" },
      ],
    });
  });
  afterAll(() => database.close());

  it("finds a municipality however æ, ø and å are typed", async () => {
    for (const q of ["Bærum", "Baerum", "Barum", "bærum", "BÆRUM"]) {
      expect((await search(q))[0]).toBe("municipality 3201 Bærum (exact)");
    }
    for (const q of ["Ålesund", "Alesund", "Aalesund"]) {
      expect((await search(q))[0]).toBe("municipality 1508 Ålesund (exact)");
    }
    expect((await search("barums"))[0]).toBe("unit Bærums Verk skole 3201 (prefix)");
  });

  it("leads an old name or number to today's municipality, saying what it was", async () => {
    // Hof merged into Holmestrand in 2018; Holmestrand became 3903 in 2024.
    expect(await search("Hof")).toContain(
      "municipality 3903 Holmestrand (exact) formerly 0714 Hof",
    );
    // Nøtterøy → Færder (0729, 2018) → 3811 (2020) → 3911 (2024).
    expect((await search("Noetteroey"))[0]).toBe(
      "municipality 3911 Færder (exact) formerly 0722 Nøtterøy",
    );
    // Today's Sande first, then where Sande (Vestfold) went.
    const sande = await search("Sande");
    expect(sande[0]).toBe("municipality 1514 Sande (exact)");
    expect(sande).toContain(
      "municipality 3903 Holmestrand (prefix) formerly 0713 Sande (Vestfold)",
    );
    // Ålesund of 2020–2023 was split in 2024: Haram is one of its successors.
    expect(await search("Ålesund")).toContain(
      "municipality 1580 Haram (exact) formerly 1507 Ålesund",
    );
  });

  it("finds municipalities and counties by number, old numbers included", async () => {
    expect(await search("3201")).toEqual(["municipality 3201 Bærum (exact)"]);
    expect(await search("0602")).toEqual([
      "municipality 3301 Drammen (exact) formerly 0602 Drammen",
    ]);
    expect(await search("3005")).toEqual([
      "municipality 3301 Drammen (exact) formerly 3005 Drammen",
    ]);
    expect((await search("03"))[0]).toBe("county 03 Oslo (exact)");
    const akershus = await search("32", { limit: 100 });
    expect(akershus[0]).toBe("county 32 Akershus (exact)");
    expect(akershus).toContain("municipality 3201 Bærum (prefix)");
    // An old number is read on the date asked: 0602 was Drammen itself in 2019.
    expect(await search("0602", { date: "2019-06-01" })).toEqual([
      "municipality 0602 Drammen (exact)",
    ]);
  });

  it("finds county offices by the name of the date, with the counties they covered then", async () => {
    expect(await search("Agder")).toEqual([
      "county 42 Agder (exact)",
      "office Statsforvalteren i Agder [42] (word)",
    ]);
    expect(await search("statsforvaltaren agder")).toEqual([
      "office Statsforvalteren i Agder [42] (contains)",
    ]);
    const in2017 = await search("Agder", { date: "2017-06-01" });
    expect(in2017).toContain("office Fylkesmannen i Aust- og Vest-Agder [09,10] (word)");
    expect(in2017).toContain("county 09 Aust-Agder (word)");
    expect(await search("Buskerud")).toContain(
      "office Statsforvalteren i Østfold, Buskerud, Oslo og Akershus [03,31,32,33] (word)",
    );
  });

  it("finds units by name: exact, then prefix, then a word, active before closed", async () => {
    expect(await search("haugtun")).toEqual([
      "unit Haugtun 3301 (exact)",
      "unit Haugtun barnehage 4204 (prefix)",
      "unit Haugtun naturbarnehage 3301 (prefix)",
      "unit Haugtun skole 3301 (prefix)",
      "pp PPT for Ytre Haugtun (test) (word)",
      "unit Søndre Haugtun skole 0301 (word)",
      "unit Nedre Haugtun skole 0301 (word) closed",
    ]);
    expect(await search("skole haugtun")).toEqual([
      "unit Haugtun skole 3301 (contains)",
      "unit Søndre Haugtun skole 0301 (contains)",
      "unit Nedre Haugtun skole 0301 (contains) closed",
    ]);
    expect(await search("kjaeras")).toEqual(["unit Kjæråsen oppvekstsenter 1508 (prefix)"]);
    expect(await search("haugtun", { limit: 2 })).toHaveLength(2);
  });

  it("says what a unit is: type, owner, active or closed, and its municipality", async () => {
    const hits = await searchOrganisations(db, "Kjæråsen", { date: DATE, kinds: ["unit"] });
    expect(hits).toEqual([
      {
        kind: "unit",
        orgNumber: org(4),
        name: "Kjæråsen oppvekstsenter",
        municipalityCode: "1508",
        municipalityName: "Ålesund",
        isSchool: true,
        isKindergarten: true,
        owner: "public",
        active: true,
        closedOn: null,
        match: "prefix",
      },
    ]);
    const [closed] = await searchOrganisations(db, "Nedre Haugtun", {
      date: DATE,
      kinds: ["unit"],
    });
    expect(closed).toMatchObject({
      active: false,
      closedOn: "2023-06-30",
      municipalityName: "Oslo - Oslove",
    });
    expect(await search(org(6))).toEqual(["unit Bærums Verk skole 3201 (exact)"]);
  });

  it("finds PP-tjenester with the municipalities they serve on the date", async () => {
    const [now] = await searchOrganisations(db, "romsdal interkommunale", { date: DATE });
    expect(now).toMatchObject({ kind: "pp-service", hostMunicipalityCode: "1554" });
    expect(now?.kind === "pp-service" && now.municipalities).toEqual([
      { code: "1554", name: "Averøy" },
      { code: "1579", name: "Hustadvika" },
    ]);
    const [then] = await searchOrganisations(db, "romsdal", {
      date: "2018-01-01",
      kinds: ["pp-service"],
    });
    expect(then?.kind === "pp-service" && then.municipalities.map((m) => m.code)).toEqual([
      "1548",
      "1554",
    ]);
    expect(await search(org(20))).toEqual(["pp PPT for Ytre Haugtun (test) (exact)"]);
  });

  it("shows a coordinator only what concerns the municipalities in scope", async () => {
    const drammen = { scope: ["3301"] };
    expect(await search("haugtun", drammen)).toEqual([
      "unit Haugtun 3301 (exact)",
      "unit Haugtun naturbarnehage 3301 (prefix)",
      "unit Haugtun skole 3301 (prefix)",
      "pp PPT for Ytre Haugtun (test) (word)",
    ]);
    expect(await search("Bærum", drammen)).toEqual([]);
    expect(await search("Drammen", drammen)).toEqual(["municipality 3301 Drammen (exact)"]);
    expect(await search("0602", drammen)).toEqual([
      "municipality 3301 Drammen (exact) formerly 0602 Drammen",
    ]);
    expect(await search("Buskerud", drammen)).toEqual([
      "county 33 Buskerud (exact)",
      "office Statsforvalteren i Østfold, Buskerud, Oslo og Akershus [03,31,32,33] (word)",
    ]);
    expect(await search("Agder", drammen)).toEqual([]);
    expect(await search("romsdal", drammen)).toEqual([]);
    expect(await search("haugtun", { scope: [] })).toEqual([]);
    expect(await search("Ålesund", { scope: ["1580"] })).toEqual([
      "municipality 1580 Haram (exact) formerly 1507 Ålesund",
    ]);
  });

  it("restricts to the kinds asked for and ignores an empty query", async () => {
    const hits = await searchOrganisations(db, "Drammen", {
      date: DATE,
      kinds: ["county", "unit"],
    });
    expect(hits).toEqual([]);
    expect(await search("  -- ")).toEqual([]);
  });

  it("lists a municipality's units with filters, and PP-tjenester with their municipalities", async () => {
    const names = async (filter: Parameters<typeof unitsOfMunicipality>[2]) =>
      (await unitsOfMunicipality(db, "3301", filter)).map((u) => u.name);
    expect(await names({})).toEqual(["Haugtun", "Haugtun naturbarnehage", "Haugtun skole"]);
    expect(await names({ type: "kindergarten" })).toEqual(["Haugtun naturbarnehage"]);
    expect(await names({ type: "school", owner: "public" })).toEqual(["Haugtun", "Haugtun skole"]);
    expect((await unitsOfMunicipality(db, "0301", { active: false })).map((u) => u.name)).toEqual([
      "Nedre Haugtun skole",
    ]);
    expect((await unitsOfMunicipality(db, "3201", { owner: "private" }))[0]?.orgNumber).toBe(
      org(6),
    );
    expect(await getUnit(db, "000000000")).toBeNull();

    const services = await ppServicesAt(db, { date: DATE });
    expect(services.map((s) => [s.name, s.municipalities.map((m) => m.code)])).toEqual([
      ["PPT for Ytre Haugtun (test)", ["3301", "3303"]],
      ["Romsdal interkommunale PP-tjeneste (test)", ["1554", "1579"]],
    ]);
    expect((await ppServicesAt(db, { date: DATE, scope: ["3303"] })).map((s) => s.name)).toEqual([
      "PPT for Ytre Haugtun (test)",
    ]);
  });

  it("refuses a PP-tjeneste with a bad org number or a municipality not valid then", async () => {
    await expect(
      createPpService(db, {
        name: "Feil",
        orgNumber: "123456789",
        hostMunicipalityCode: "3301",
        municipalities: [{ code: "3301", validFrom: "2024-01-01" }],
      }),
    ).rejects.toThrow(/invalid/);
    await expect(
      createPpService(db, {
        name: "Feil",
        hostMunicipalityCode: "3301",
        municipalities: [{ code: "3301", validFrom: "2020-01-01" }],
      }),
    ).rejects.toThrow(/not a municipality on 2020-01-01/);
    expect((await ppServicesAt(db, { date: DATE })).map((s) => s.name)).not.toContain("Feil");
  });
});
