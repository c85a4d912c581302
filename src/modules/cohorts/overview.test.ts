import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { IBS, municipalities, programmeIdOf } from "../../../tests/support/cohorts";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { osloToday } from "../../kernel/clock";
import { insertTestPerson, type TestPerson } from "../identity";
import { completeOrgNumber } from "../organisations";
import { units } from "../organisations/schema";
import {
  type Actor,
  answerInvitation,
  enrolUnits,
  getInvitation,
  inviteToCohort,
  setContact,
  withdrawUnit,
} from "./chain";
import { exportRows, neutralise, toCsv } from "./export";
import { createTestCohort } from "./factories";
import { cohortOverview, noFilter, type OverviewFilter } from "./overview";
import { cohortInvitations, cohortPlannedGatherings } from "./schema";

const BASE = "http://localhost";
const AGDER = "sf-agder";
const ROGALAND = "sf-rogaland";
const VESTLAND = "sf-vestland";
const IBS_NB = "Inkluderende barnehage- og skolemiljø";
const DECLINE_REASON = '=HYPERLINK("http://x";"klikk")';

/** Kindergartens and schools of our own in 4204 Kristiansand and 4203 Arendal, owners known. */
const FIXTURE_UNITS = [
  { key: "K1", name: "Testlia barnehage", code: "4204", kg: true, school: false, owner: "public" },
  {
    key: "K2",
    name: "Testbakken barnehage",
    code: "4204",
    kg: true,
    school: false,
    owner: "private",
  },
  { key: "S1", name: "Testlia skole", code: "4204", kg: false, school: true, owner: "public" },
  { key: "S2", name: "Testvik friskole", code: "4204", kg: false, school: true, owner: "private" },
  {
    key: "O1",
    name: "Testøy oppvekstsenter",
    code: "4204",
    kg: true,
    school: true,
    owner: "public",
  },
  {
    key: "P1",
    name: "Testtoppen private barnehage",
    code: "4204",
    kg: true,
    school: false,
    owner: "private",
  },
  { key: "A1", name: "Testdal skole", code: "4203", kg: false, school: true, owner: "public" },
] as const;

describe.each(databaseKinds)("the cohort overview on %s", (kind) => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  const org: Record<string, string> = {};
  let ibsId = 0;
  /** Cohort 9: Agder and Rogaland invited, a chain in every state. */
  let c9 = 0;
  /** Cohort 8: only Vestland invited (Bergen). */
  let c8 = 0;
  /** Cohort 7: Agder invited Kristiansand, not answered yet. */
  let c7 = 0;

  const actor = (who: string | null): Actor => ({
    personId: who ? ids[who]! : null,
    now: t.clock.now(),
    baseUrl: BASE,
  });
  const invitation = async (cohortId: number, kind: "municipality" | "unit", id: string) =>
    (await getInvitation(t.db, cohortId, kind, id))!;
  async function answer(
    cohortId: number,
    kind: "municipality" | "unit",
    id: string,
    a: "accept" | "decline",
    who: string,
    reason = "",
  ) {
    const inv = await invitation(cohortId, kind, id);
    const r = await answerInvitation(
      t.db,
      {
        invitationId: inv.id,
        answer: a,
        commitments: a === "accept",
        reason,
        version: inv.version,
      },
      actor(who),
    );
    expect(r.ok, JSON.stringify(r)).toBe(true);
  }
  async function newCohort(number: number, offices: string[]) {
    return createTestCohort(
      t.db,
      {
        programmeId: ibsId,
        number,
        termsNb:
          "Kommunen **forplikter seg** til å delta.\n\n- Lokalt utviklingsarbeid\n- Lærende nettverk",
        termsNn: "Kommunen **forpliktar seg** til å delta.",
        createdAt: t.clock.now(),
        createdBy: ids.ada!,
      },
      { offices, actor: actor("ada") },
    );
  }
  async function person(key: string, name: string, role?: TestPerson["role"]) {
    const email = `${key}@overview.test`;
    ids[key] = await insertTestPerson(
      t.db,
      { name, email, ...(role ? { role } : {}) },
      t.clock.now(),
    );
    return ids[key];
  }

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    Object.assign(
      ids,
      await demoPeopleIds(t.db, ["ada", "frida", "siv", "kari", "rune", "bente", "sverre"]),
    );
    ibsId = await programmeIdOf(t.db, IBS);

    // Fixture units, with valid organisation numbers of our own.
    let prefix = 99_100_000;
    for (const u of FIXTURE_UNITS) {
      let number: string | null = null;
      while (!number) number = completeOrgNumber(String(prefix++));
      org[u.key] = number;
      await t.db.insert(units).values({
        orgNumber: number,
        name: u.name,
        municipalityCode: u.code,
        countyCode: "42",
        isSchool: u.school,
        isKindergarten: u.kg,
        owner: u.owner,
        active: true,
        sources: u.school ? ["nsr"] : ["nbr"],
        firstSeenAt: t.clock.now(),
        changedAt: t.clock.now(),
      });
    }

    // People of our own: no role; unit leaders of an enrolled unit and of an invited one.
    await person("nora", "Nora Uten Rolle");
    await person("ulla", "Ulla Enhetsleder", { role: "unit-leader", orgId: org.K1! });
    await person("petra", "Petra Privat", { role: "unit-leader", orgId: org.P1! });
    // Staff of a school Kristiansand enrols in cohort 9 (issue 8, finding 12).
    await person("stian", "Stian Stab", { role: "staff", orgId: org.S1! });

    // Cohort 9: the whole chain.
    c9 = await newCohort(9, [AGDER, ROGALAND]);
    await t.db.insert(cohortPlannedGatherings).values([
      {
        cohortId: c9,
        kind: "national",
        title: "Første nasjonale samling",
        plannedOn: "2027-09-15",
      },
      {
        cohortId: c9,
        kind: "regional",
        title: "Regional samling i Agder",
        plannedOn: "2027-10-20",
      },
    ]);
    const agder = await inviteToCohort(
      t.db,
      {
        cohortId: c9,
        officeId: AGDER,
        invitees: [
          ...municipalities("4204", "4203", "4202", "4205", "4201"),
          { kind: "unit", id: org.P1! },
        ],
        message: "Vi håper dere blir med.",
        deadline: "2027-03-01",
      },
      actor("siv"),
    );
    expect(agder.ok, JSON.stringify(agder)).toBe(true);
    const rogaland = await inviteToCohort(
      t.db,
      { cohortId: c9, officeId: ROGALAND, invitees: municipalities("1103"), message: "" },
      actor(null),
    );
    expect(rogaland.ok, JSON.stringify(rogaland)).toBe(true);
    await answer(c9, "municipality", "4204", "accept", "kari");
    await answer(c9, "municipality", "4203", "accept", "ada");
    await answer(c9, "municipality", "4202", "decline", "ada", DECLINE_REASON);
    await answer(c9, "unit", org.P1!, "accept", "petra");
    // Risør's deadline passed without an answer; the housekeeping job has not written it yet.
    await t.db
      .update(cohortInvitations)
      .set({ deadline: "2026-11-20" })
      .where(eq(cohortInvitations.id, (await invitation(c9, "municipality", "4201")).id));

    const kristiansand = await invitation(c9, "municipality", "4204");
    const arendal = await invitation(c9, "municipality", "4203");
    const enrolled = await enrolUnits(
      t.db,
      {
        invitationId: kristiansand.id,
        orgNumbers: ["K1", "K2", "S1", "S2", "O1"].map((k) => org[k]!),
      },
      actor("kari"),
    );
    expect(enrolled).toEqual({ ok: true, enrolled: 5 });
    expect(
      await enrolUnits(t.db, { invitationId: arendal.id, orgNumbers: [org.A1!] }, actor("ada")),
    ).toEqual({ ok: true, enrolled: 1 });
    expect(
      await withdrawUnit(
        t.db,
        { invitationId: kristiansand.id, orgNumber: org.K2! },
        actor("kari"),
      ),
    ).toEqual({ ok: true });
    for (const [inv, kind, name] of [
      [kristiansand, "resource-person", "Rita Ressurs"],
      [kristiansand, "resource-person", "Roald Ressurs"],
      [kristiansand, "pp-service", "Per Pedagog"],
      [arendal, "resource-person", "Aslaug Ressurs"],
    ] as const) {
      const r = await setContact(
        t.db,
        {
          invitationId: inv.id,
          kind,
          name,
          email: `${name.split(" ")[0]!.toLowerCase()}@kommune.test`,
        },
        actor("kari"),
      );
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }

    // Cohort 8: Vestland only. Cohort 7: Kristiansand invited, open.
    c8 = await newCohort(8, [VESTLAND]);
    const bergen = await inviteToCohort(
      t.db,
      { cohortId: c8, officeId: VESTLAND, invitees: municipalities("4601"), message: "" },
      actor(null),
    );
    expect(bergen.ok).toBe(true);
    c7 = await newCohort(7, [AGDER]);
    const open = await inviteToCohort(
      t.db,
      { cohortId: c7, officeId: AGDER, invitees: municipalities("4204"), message: "" },
      actor("siv"),
    );
    expect(open.ok).toBe(true);
  });
  afterAll(() => t.close());

  const { get } = requestsAs(() => t, ids);
  const overview = (filter: Partial<OverviewFilter> = {}) =>
    cohortOverview(t.db, c9, {
      lang: "nb",
      today: osloToday(t.clock.now()),
      filter: { ...noFilter, ...filter },
    }).then((o) => o!);

  describe("figures", () => {
    it("counts the chain: offices, answers by effective state, units by type and owner, contacts", async () => {
      const o = await overview();
      expect(o.programme.title).toBe(IBS_NB);
      expect(o.figures).toEqual({
        offices: 2,
        municipalities: { total: 6, invited: 2, accepted: 2, declined: 1, expired: 1 },
        units: { total: 1, invited: 0, accepted: 1, declined: 0, expired: 0 },
        // K2 was withdrawn: not counted. O1 is both a kindergarten and a school.
        enrolled: {
          total: 6,
          kindergartens: 3,
          schools: 4,
          public: 4,
          private: 2,
          unknownOwner: 0,
        },
        resourcePersons: 2,
        ppContacts: 1,
      });
      expect(o.chain.map((c) => [c.name, c.rows.map((r) => `${r.name}:${r.state}`)])).toEqual([
        [
          "Statsforvalteren i Agder",
          [
            "Arendal:accepted",
            "Grimstad:declined",
            "Kristiansand:accepted",
            "Lindesnes:invited",
            "Risør:expired",
            "Testtoppen private barnehage:accepted",
          ],
        ],
        ["Statsforvalteren i Rogaland", ["Stavanger:invited"]],
      ]);
      const k = o.rows.find((r) => r.id === "4204")!;
      expect(k).toMatchObject({
        kindergartens: 2,
        schools: 3,
        publicUnits: 3,
        privateUnits: 1,
        units: 4,
        resourcePerson: true,
        ppContact: true,
        countyCode: "42",
        countyName: "Agder",
      });
      expect(o.rows.find((r) => r.id === "4203")).toMatchObject({
        resourcePerson: true,
        ppContact: false,
      });
      expect(o.gatherings.map((g) => g.title)).toEqual([
        "Første nasjonale samling",
        "Regional samling i Agder",
      ]);
      expect(o.options.offices.map((x) => x.id)).toEqual([AGDER, ROGALAND]);
      expect(o.options.counties.map((x) => x.code)).toEqual(["11", "42"]);
    });

    it("follows the filter: state, office and county", async () => {
      const expired = await overview({ state: "expired" });
      expect(expired.rows.map((r) => r.id)).toEqual(["4201"]);
      expect(expired.figures.offices).toBe(1);
      expect(expired.figures.municipalities).toEqual({
        total: 1,
        invited: 0,
        accepted: 0,
        declined: 0,
        expired: 1,
      });
      expect(expired.figures.enrolled.total).toBe(0);

      const accepted = await overview({ state: "accepted" });
      expect(accepted.figures.municipalities.accepted).toBe(2);
      expect(accepted.figures.units.accepted).toBe(1);
      expect(accepted.figures.enrolled.total).toBe(6);

      const rogaland = await overview({ office: ROGALAND });
      expect(rogaland.chain.map((c) => c.id)).toEqual([ROGALAND]);
      expect(rogaland.figures.offices).toBe(1);
      expect(rogaland.figures.municipalities).toEqual({
        total: 1,
        invited: 1,
        accepted: 0,
        declined: 0,
        expired: 0,
      });
      expect(rogaland.figures.resourcePersons).toBe(0);

      const county = await overview({ county: "11" });
      expect(county.rows.map((r) => r.id)).toEqual(["1103"]);
      const both = await overview({ county: "42", state: "invited" });
      expect(both.rows.map((r) => r.id)).toEqual(["4205"]);
      expect(both.figures.offices).toBe(1);
    });

    it("shows the figures and the chain on the page, without the contacts' names", async () => {
      const res = await get(`/nb/puljer/${c9}`, "ada");
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const html = await res.text();
      expect(html).toContain(`${IBS_NB}, pulje 9`);
      expect(html).toContain("<strong>forplikter seg</strong>");
      expect(html).toContain("Første nasjonale samling");
      expect(html).toContain("Kristiansand (4204)");
      expect(html).toContain(`href="/nb/puljer/${c9}/kommune/4204"`);
      expect(html).toContain(`href="/nb/puljer/${c9}/kontor/${AGDER}"`);
      expect(html).toContain(`href="/nb/puljer/${c9}/eksport.csv"`);
      expect(html).toContain(`href="/nb/puljer/${c9}?visning=utskrift"`);
      for (const name of ["Rita", "Roald", "Aslaug", "Per Pedagog"])
        expect(html).not.toContain(name);
      expect(html).toMatch(/Ressurspersoner navngitt<\/th><td>2</);
      expect(html).toMatch(/Kommuner invitert<\/th><td>6</);

      const filtered = await (
        await get(`/nb/puljer/${c9}?status=utlopt&kontor=&fylke=`, "ada")
      ).text();
      expect(filtered).toContain("Risør (4201)");
      expect(filtered).not.toContain("Kristiansand (4204)");
      expect(filtered).toMatch(/Kommuner invitert<\/th><td>1</);
      expect(filtered).toContain("Tallene gjelder utvalget.");
      expect(filtered).toContain(`href="/nb/puljer/${c9}/eksport.csv?status=utlopt"`);

      // The same in nynorsk and English.
      const nn = await (await get(`/nn/puljer/${c9}`, "ada")).text();
      expect(nn).toContain("Inkluderande barnehage- og skulemiljø, pulje 9");
      expect(nn).toContain("Takka ja");
      const en = await (await get(`/en/puljer/${c9}`, "ada")).text();
      expect(en).toContain("Inclusive kindergarten and school environments, cohort 9");
      // No English terms: the bokmål ones.
      expect(en).toContain("<strong>forplikter seg</strong>");
    });

    it("has a print view without the site's navigation", async () => {
      const res = await get(`/nb/puljer/${c9}?visning=utskrift&status=ja`, "siv");
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).not.toContain("site-header");
      expect(html).not.toContain('<form method="get"');
      expect(html).toContain(`${IBS_NB}, pulje 9`);
      expect(html).toContain("Utvalg: Status: Takket ja.");
      expect(html).toContain("Kristiansand (4204)");
      expect(html).not.toContain("Lindesnes (4205)");
    });
  });

  describe("exports", () => {
    it("writes CSV for Norwegian Excel: BOM, semicolons, CRLF, quoting, formulas neutralised", async () => {
      const res = await get(`/nb/puljer/${c9}/eksport.csv?status=nei`, "siv");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(res.headers.get("content-disposition")).toBe('attachment; filename="ibs-pulje-9.csv"');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)).toBe(
        "\uFEFF" +
          "Statsforvalter;Fylke;Kode;Navn;Type;Status;Svarfrist;Invitert;Svart;Begrunnelse for nei;" +
          "Barnehager påmeldt;Skoler påmeldt;Offentlige enheter;Private enheter;" +
          "Ressursperson navngitt;Kontakt i PP-tjenesten\r\n" +
          "Statsforvalteren i Agder;Agder;4202;Grimstad;Kommune;Takket nei;2027-03-01;" +
          '2026-11-23 11:00;2026-11-23 11:00;"\'=HYPERLINK(""http://x"";""klikk"")";0;0;0;0;Nei;Nei\r\n',
      );

      const all = await (await get(`/nb/puljer/${c9}/eksport.csv`, "ada")).text();
      const lines = all.split("\r\n");
      expect(lines).toHaveLength(1 + 7 + 1); // header, 7 invitees, the empty end
      expect(lines[3]).toBe(
        "Statsforvalteren i Agder;Agder;4204;Kristiansand;Kommune;Takket ja;2027-03-01;" +
          "2026-11-23 11:00;2026-11-23 11:00;;2;3;3;1;Ja;Ja",
      );
      expect(lines[6]).toBe(
        `Statsforvalteren i Agder;Agder;${org.P1};Testtoppen private barnehage;Privat enhet;Takket ja;` +
          "2027-03-01;2026-11-23 11:00;2026-11-23 11:00;;1;0;0;1;Nei;Nei",
      );
      const en = await get(`/en/puljer/${c9}/eksport.csv?fylke=11`, "ada");
      expect((await en.text()).split("\r\n")[1]).toBe(
        "Statsforvalteren i Rogaland;Rogaland;1103;Stavanger;Municipality;Not answered;2027-03-01;" +
          "2026-11-23 11:00;;;0;0;0;0;No;No",
      );
    });

    it("quotes and neutralises every kind of cell", () => {
      expect(
        toCsv([["=1+2", "+a", "-b", "@c", "\tt", "a;b", 'si "hei"', "to\nlinjer", "vanlig", 5]]),
      ).toBe('\uFEFF\'=1+2;\'+a;\'-b;\'@c;\'\tt;"a;b";"si ""hei""";"to\nlinjer";vanlig;5\r\n');
      expect(neutralise("Ås")).toBe("Ås");
    });

    it("writes the same rows to XLSX, with a bold frozen header and column widths", async () => {
      const res = await get(`/nb/puljer/${c9}/eksport.xlsx`, "ada");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      );
      expect(res.headers.get("content-disposition")).toBe(
        'attachment; filename="ibs-pulje-9.xlsx"',
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await res.arrayBuffer());
      const sheet = workbook.worksheets[0]!;
      expect(sheet.name).toBe("Pulje 9");
      const read: unknown[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row) => {
        const values = row.values as unknown[];
        read.push(Array.from({ length: 16 }, (_, i) => values[i + 1] ?? ""));
      });
      expect(read).toEqual(exportRows("nb", (await overview()).rows));
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet.getColumn(4).width).toBeGreaterThanOrEqual(30);
      // The decline reason is text in a cell, not a formula.
      const grimstad = read.find((r) => r[2] === "4202")!;
      expect(grimstad[9]).toBe(DECLINE_REASON);
    });
  });

  describe("who may see it", () => {
    const cases: [string, () => string, Record<string, number>][] = [
      [
        "cohort 9",
        () => `/nb/puljer/${c9}`,
        {
          ada: 200,
          frida: 403,
          siv: 200,
          kari: 200,
          rune: 200,
          ulla: 200,
          petra: 200,
          stian: 200,
          sverre: 403,
          bente: 403,
          nora: 403,
        },
      ],
      [
        "cohort 8 (Vestland only)",
        () => `/nb/puljer/${c8}`,
        {
          ada: 200,
          siv: 403,
          kari: 403,
          rune: 403,
          ulla: 403,
          nora: 403,
        },
      ],
      [
        "CSV of cohort 9",
        () => `/nb/puljer/${c9}/eksport.csv`,
        {
          ada: 200,
          siv: 200,
          kari: 200,
          sverre: 403,
          nora: 403,
        },
      ],
      [
        "XLSX of cohort 8",
        () => `/nb/puljer/${c8}/eksport.xlsx`,
        {
          ada: 200,
          siv: 403,
          kari: 403,
          nora: 403,
        },
      ],
      ["an unknown cohort", () => "/nb/puljer/999999", { ada: 404, siv: 404, nora: 403 }],
    ];
    for (const [name, path, expected] of cases) {
      it(`${name}: ${Object.entries(expected)
        .map(([w, s]) => `${w} ${s}`)
        .join(", ")}`, async () => {
        for (const [who, status] of Object.entries(expected)) {
          const res = await get(path(), who);
          expect(res.status, `${who} on ${path()}`).toBe(status);
        }
      });
    }

    it("answers a malformed address or selection with 404 or 400, never 500", async () => {
      for (const path of [
        "/nb/puljer/abc",
        "/nb/puljer/1234567890",
        "/nb/puljer/-1",
        "/nb/puljer/9.5",
      ]) {
        expect((await get(path, "ada")).status, path).toBe(404);
      }
      for (const q of ["status=bogus", "kontor=%3Cscript%3E", "fylke=4", "visning=x"]) {
        expect((await get(`/nb/puljer/${c9}?${q}`, "ada")).status, q).toBe(400);
        expect((await get(`/nb/puljer/${c9}/eksport.csv?${q}`, "ada")).status, q).toBe(400);
      }
    });

    it("sends a visitor who is not signed in to sign in", async () => {
      const res = await get(`/nb/puljer/${c9}`);
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe(
        `/nb/logg-inn?returnTo=${encodeURIComponent(`/nb/puljer/${c9}`)}`,
      );
    });
  });

  // Issue 8, finding 9 (decision 0011): the owner's programme admins see all of
  // their own programmes' cohorts; an office its own rows and the national figures; a
  // municipality or unit its own row (a unit its enrolment); decline reasons only for the owner,
  // the office concerned and the invitee itself; exports and the print view the same.
  describe("what each one sees (the permission matrix of the overview)", () => {
    const csv = async (who: string) => {
      const res = await get(`/nb/puljer/${c9}/eksport.csv`, who);
      expect(res.status, who).toBe(200);
      return (await res.text()).split("\r\n").slice(1).filter(Boolean);
    };
    const page = async (who: string, query = "") => {
      const res = await get(`/nb/puljer/${c9}${query}`, who);
      expect(res.status, who).toBe(200);
      return res.text();
    };
    const names = (rows: string[]) => rows.map((r) => r.split(";")[3]);

    it("a programme admin of another owner sees nothing of the cohort: 403 everywhere", async () => {
      for (const path of [
        `/nb/puljer/${c9}`,
        `/nb/puljer/${c9}?visning=utskrift`,
        `/nb/puljer/${c9}/eksport.csv`,
        `/nb/puljer/${c9}/eksport.xlsx`,
        `/nb/puljer/${c9}/kontor/${AGDER}`,
        `/nb/puljer/${c9}/kommune/4202`,
      ]) {
        expect((await get(path, "frida")).status, path).toBe(403);
      }
      const landing = await (await get("/nb/puljer", "frida")).text();
      expect(landing).not.toContain(`href="/nb/puljer/${c9}"`);
      expect(landing).not.toContain(IBS_NB);
    });

    it("the owner's programme admin sees every office's rows and every reason", async () => {
      const rows = await csv("ada");
      expect(rows).toHaveLength(7);
      expect(rows.join("\n")).toContain("Stavanger");
      expect(rows.join("\n")).toContain("HYPERLINK");
    });

    it("a county office sees its own rows with their reasons, not another office's", async () => {
      const rows = await csv("siv");
      expect(rows).toHaveLength(6);
      expect(rows.join("\n")).not.toContain("Stavanger");
      expect(rows.join("\n")).toContain("HYPERLINK");
      const html = await page("siv");
      expect(html).not.toContain("Stavanger");
      expect(html).not.toContain("Statsforvalteren i Rogaland");
      expect(html).toContain("Tallene gjelder hele landet.");
      // A selection cannot reach another office's rows either.
      expect(await page("siv", `?kontor=${ROGALAND}`)).not.toContain("Stavanger");
    });

    it("a municipality sees its own row and the national figures, no other row or reason", async () => {
      for (const who of ["kari", "rune"]) {
        const rows = await csv(who);
        expect(names(rows), who).toEqual(["Kristiansand"]);
        const html = await page(who);
        for (const other of ["Grimstad", "Arendal", "Stavanger", "Testtoppen"]) {
          expect(html, `${who}: ${other}`).not.toContain(other);
        }
        expect(html).toContain("Tallene gjelder hele landet.");
        // National figures: six municipalities invited, whoever looks.
        expect(html).toMatch(/Kommuner invitert<\/th><td>6</);
        expect(await page(who, "?visning=utskrift")).not.toContain("Grimstad");
      }
    });

    it("a unit sees its own enrolment or invitation and the national figures only", async () => {
      expect(await csv("ulla")).toEqual([]);
      expect(await csv("stian")).toEqual([]);
      expect(names(await csv("petra"))).toEqual(["Testtoppen private barnehage"]);
      for (const [who, line] of [
        ["ulla", "Testlia barnehage er meldt på via Kristiansand."],
        ["stian", "Testlia skole er meldt på via Kristiansand."],
      ] as const) {
        const html = await page(who);
        expect(html, who).toContain(line);
        for (const other of ["Grimstad", "Stavanger", "Arendal", "Testtoppen"]) {
          expect(html, `${who}: ${other}`).not.toContain(other);
        }
        expect(html).toMatch(/Kommuner invitert<\/th><td>6</);
      }
      const xlsx = await get(`/nb/puljer/${c9}/eksport.xlsx`, "stian");
      expect(xlsx.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await xlsx.arrayBuffer());
      expect(book.worksheets[0]!.rowCount).toBe(1);
    });
  });

  describe("Mine puljer", () => {
    const cohortLink = (id: number) => `href="/nb/puljer/${id}"`;
    const waitingPart = (html: string) => {
      const start = html.indexOf('id="waiting-heading"');
      if (start < 0) return "";
      const end = html.indexOf("</section>", start);
      return html.slice(start, end);
    };

    it("lists every cohort of every programme for a programme admin", async () => {
      const html = await (await get("/nb/puljer", "ada")).text();
      expect(html).toContain(`Puljer i ${IBS_NB}`);
      for (const id of [c7, c8, c9]) expect(html).toContain(cohortLink(id));
      // Offices invited, municipalities invited, municipalities that said yes (not the unit).
      expect(html).toMatch(
        new RegExp(
          `href="/nb/puljer/${c9}">Pulje 9</a></td><td>[^<]*</td><td>15\\. januar 2027</td><td>2</td><td>6</td><td>2</td>`,
        ),
      );
      // Newest first within the programme: 9, 8, 7 start the same day, the higher number first.
      expect(html.indexOf(cohortLink(c9))).toBeLessThan(html.indexOf(cohortLink(c8)));
      expect(html.indexOf(cohortLink(c8))).toBeLessThan(html.indexOf(cohortLink(c7)));
    });

    it("shows a county coordinator the cohorts the office is invited to, with Inviter kommuner", async () => {
      const html = await (await get("/nb/puljer", "siv")).text();
      const waiting = waitingPart(html);
      expect(waiting).toContain(`href="/nb/puljer/${c9}/kontor/${AGDER}"`);
      expect(waiting).toContain(`href="/nb/puljer/${c7}/kontor/${AGDER}"`);
      expect(waiting).toContain("Inviter kommuner");
      expect(html).not.toContain(cohortLink(c8));
    });

    it("puts the municipality's open invitation first, with Svar på invitasjonen", async () => {
      const kari = await (await get("/nb/puljer", "kari")).text();
      const waiting = waitingPart(kari);
      expect(waiting).toContain(`href="/nb/puljer/${c7}/kommune/4204"`);
      expect(waiting).toContain("Svar på invitasjonen");
      expect(waiting).not.toContain(`/puljer/${c9}/`);
      expect(kari).toContain(`href="/nb/puljer/${c9}/kommune/4204"`);
      expect(kari).toContain("Takket ja");
      expect(kari).not.toContain(cohortLink(c8));

      // The resource person sees the invitations, but has nothing to answer.
      const rune = await (await get("/nb/puljer", "rune")).text();
      expect(waitingPart(rune)).toBe("");
      expect(rune).toContain(`href="/nb/puljer/${c7}/kommune/4204"`);
      expect(rune).toContain("Se invitasjonen");
    });

    it("shows unit leaders their unit's invitation and enrolment", async () => {
      const petra = await (await get("/nb/puljer", "petra")).text();
      expect(petra).toContain(`href="/nb/puljer/${c9}/enhet/${org.P1}"`);
      expect(petra).toContain("Testtoppen private barnehage");
      const ulla = await (await get("/nb/puljer", "ulla")).text();
      expect(ulla).toContain(cohortLink(c9));
      expect(ulla).toContain("Påmeldt");
      expect(ulla).toContain("Testlia barnehage");
    });

    it("shows staff of an enrolled school the cohorts their unit takes part in", async () => {
      const stian = await (await get("/nb/puljer", "stian")).text();
      expect(stian).not.toContain("Du har ingen rolle i noen pulje ennå.");
      expect(stian).toContain(cohortLink(c9));
      expect(stian).toContain("Testlia skole");
    });

    it("tells someone with no part in any cohort so", async () => {
      const res = await get("/nb/puljer", "nora");
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("Du har ingen rolle i noen pulje ennå.");
      const en = await (await get("/en/puljer", "nora")).text();
      expect(en).toContain("You have no part in any cohort yet.");
    });
  });
});
