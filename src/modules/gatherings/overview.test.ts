import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { IBS, programmeIdOf } from "../../../tests/support/cohorts";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { markAttendance } from "./door";
import { gatheringInput } from "./factories";
import { createGathering, sessionsOf } from "./gatherings";
import { parseOverviewFilter, registrationsOverview } from "./overview";
import { register } from "./registration";

const text = async (res: Response) =>
  (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe.each(databaseKinds)("the organiser's overview of registrations (%s)", (kind) => {
  let t: TestApp;
  let ids: Record<string, number>;
  let as: ReturnType<typeof requestsAs>;
  let gid = 0;
  const by = (who: string) => ({
    personId: ids[who]!,
    now: t.clock.now(),
    baseUrl: "http://localhost",
  });
  const path = (rest = "") => `/nb/admin/samlinger/${gid}/pameldte${rest}`;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    ids = await demoPeopleIds(t.db, ["ada", "frida", "siv", "kari", "rune", "sverre", "stine"]);
    as = requestsAs(() => t, ids);
    const made = await createGathering(
      t.db,
      gatheringInput(await programmeIdOf(t.db, IBS), { titleNb: "Oversiktssamling", capacity: 3 }),
      by("ada"),
    );
    if (!made.ok) throw new Error("no gathering");
    gid = made.gatheringId;
    const group = (await sessionsOf(t.db, gid)).find((s) => s.capacity !== null)!;
    const reg = async (who: string, extra: Partial<Parameters<typeof register>[1]> = {}) => {
      const r = await register(
        t.db,
        { gatheringId: gid, personId: ids[who]!, sessionIds: [], ...extra },
        by(who),
      );
      if (!r.ok) throw new Error(`${who} not registered: ${JSON.stringify(r.errors)}`);
    };
    await reg("kari", { needs: { dietary: "Vegetar", accessibility: "" } });
    await reg("stine", { sessionIds: [group.id] });
    await reg("sverre", { needs: { dietary: "", accessibility: "Rullestol" } });
    await reg("rune"); // the fourth: on the waiting list
  });
  afterAll(() => t?.close());

  it("counts by municipality and unit in one aggregate, with the participants and their choices", async () => {
    const all = parseOverviewFilter({})!;
    const ov = await registrationsOverview(t.db, gid, all, t.clock.now());
    expect(ov.total).toMatchObject({ confirmed: 3, waiting: 1, offered: 0, cancelled: 0 });
    expect(ov.total.dietary).toBe(1);
    expect(ov.total.accessibility).toBe(1);
    const kristiansand = ov.municipalities.find((m) => m.code === "4204")!;
    expect(kristiansand.tally.confirmed + kristiansand.tally.waiting).toBe(4);
    // Stine and Sverre work at the same school: one unit row with both.
    const school = kristiansand.units.find((u) => u.orgNumber !== null)!;
    expect(school.tally.confirmed).toBe(2);
    const stine = ov.participants.find((p) => p.sessions.length > 0)!;
    expect(stine.sessions[0]!.nb).toBe("Gruppearbeid: barnehage");
    expect(stine.role).toBe("staff");
    expect(ov.attendanceTaken).toBe(false);

    const waiting = await registrationsOverview(
      t.db,
      gid,
      parseOverviewFilter({ status: "venter" })!,
      t.clock.now(),
    );
    expect(waiting.participants).toHaveLength(1);
    expect(waiting.total.waiting).toBe(1);
    expect(waiting.total.confirmed).toBe(0);
  });

  it("shows attendance once it is taken", async () => {
    const ov = await registrationsOverview(t.db, gid, parseOverviewFilter({})!, t.clock.now());
    const kari = ov.participants.find((p) => p.dietary === "Vegetar")!;
    const done = await markAttendance(
      t.db,
      {
        gatheringId: gid,
        sessionId: null,
        marks: [{ registrationId: kari.registrationId, status: "present", was: null }],
      },
      by("ada"),
    );
    expect(done.ok).toBe(true);
    const after = await registrationsOverview(t.db, gid, parseOverviewFilter({})!, t.clock.now());
    expect(after.attendanceTaken).toBe(true);
    expect(after.total.present).toBe(1);
  });

  it("shows the page, the print view and the needs to the organiser; refuses others and a malformed selection", async () => {
    const res = await as.get(path(), "ada");
    expect(res.status).toBe(200);
    const page = await text(res);
    expect(page).toContain("Påmeldte: Oversiktssamling");
    expect(page).toContain("Kost: Vegetar");
    expect(page).toContain("Tilrettelegging: Rullestol");
    expect(page).toContain("4 påmeldinger");
    const print = await text(await as.get(path("?utskrift=1"), "ada"));
    expect(print).toContain("Deltakerliste: Oversiktssamling");
    expect(print).toContain("Skrevet ut");
    const filtered = await text(await as.get(path("?status=venter"), "ada"));
    expect(filtered).toContain("1 påmelding");
    expect(filtered).toContain("Utvalg: Status: På venteliste.");

    expect((await as.get(path(), "frida")).status).toBe(403);
    expect((await as.get(path(), "kari")).status).toBe(403);
    expect((await as.get(path("?status=alle"), "ada")).status).toBe(400);
    expect((await as.get(path("?kommune=abc"), "ada")).status).toBe(400);
    expect((await as.get(path("?utskrift=2"), "ada")).status).toBe(400);
    expect((await as.get("/nb/admin/samlinger/999999/pameldte", "ada")).status).toBe(404);
  });

  it("exports CSV and XLSX without needs, formulas neutralised", async () => {
    const csv = await as.get(path(".csv"), "ada");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toContain(`samling-${gid}-deltakere.csv`);
    const body = await csv.text();
    const lines = body
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("Navn;Rolle;Enhet;Kommune;Valgte økter;Status;Nummer i køen;Oppmøte");
    expect(lines).toHaveLength(5);
    expect(body).not.toContain("Vegetar");
    expect(body).not.toContain("Rullestol");
    expect(body).toContain("Gruppearbeid: barnehage");
    expect(body).toContain("Til stede");

    const xlsx = await as.get(path(".xlsx?status=bekreftet"), "ada");
    expect(xlsx.status).toBe(200);
    const { default: ExcelJS } = await import("exceljs");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.getWorksheet("Deltakere")!;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(1).getCell(1).value).toBe("Navn");
    const statuses = [2, 3, 4].map((i) => sheet.getRow(i).getCell(6).value);
    expect(statuses).toEqual(["Bekreftet", "Bekreftet", "Bekreftet"]);
    expect((await as.get(path(".csv"), "siv")).status).toBe(403);
  });
});
