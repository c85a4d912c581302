import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { IBS, programmeIdOf } from "../../../tests/support/cohorts";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { cohortIdOf } from "../cohorts";
import { auditLog } from "../identity/schema";
import { frameInForce, frameOf, frameVersions } from "./frame";

const text = async (res: Response) =>
  (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

/** A whole frame form: two themes, one phase, one question. */
const frameForm = (version: number, extra: Record<string, string> = {}) => ({
  version: String(version),
  "theme-1-nb": "Trygge og gode miljøer",
  "theme-1-nn": "Trygge og gode miljø",
  "theme-2-nb": "Regelverket",
  "theme-2-nn": "Regelverket",
  "phase-1-nb": "Kartlegging",
  "phase-1-nn": "Kartlegging",
  "phase-1-start": "2027-08-01",
  "phase-1-end": "2027-12-31",
  "question-1-nb": "Hva prøvde dere?",
  "question-1-nn": "Kva prøvde de?",
  ...extra,
});

describe.each(databaseKinds)("the frame of local development work (%s)", (kind) => {
  let t: TestApp;
  let as: ReturnType<typeof requestsAs>;
  let ibs = 0;
  const page = `/nb/admin/rammeverk/${IBS}`;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    as = requestsAs(() => t, await demoPeopleIds(t.db, ["ada", "frida", "kari"]));
    ibs = await programmeIdOf(t.db, IBS);
  });
  afterAll(() => t?.close());

  it("is saved as a new version each time, never overwritten, with its audit row", async () => {
    const before = (await frameOf(t.db, ibs, null))?.version ?? 0;
    const first = await as.post(page, "ada", frameForm(before));
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`${page}?lagret=${before + 1}`);
    const second = await as.post(
      page,
      "ada",
      frameForm(before + 1, { "theme-2-nb": "Regelverket om skolemiljø" }),
    );
    expect(second.status).toBe(303);
    const versions = await frameVersions(t.db, ibs, null);
    expect(versions.map((v) => v.version).slice(0, 2)).toEqual([before + 2, before + 1]);
    const frame = (await frameOf(t.db, ibs, null))!;
    expect(frame.themes.map((x) => x.nb)).toEqual([
      "Trygge og gode miljøer",
      "Regelverket om skolemiljø",
    ]);
    expect(frame.phases).toEqual([
      {
        key: "1",
        nb: "Kartlegging",
        nn: "Kartlegging",
        startsOn: "2027-08-01",
        endsOn: "2027-12-31",
      },
    ]);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, "development.frame.save"), eq(auditLog.entityId, String(frame.id))),
      );
    expect(audit).toHaveLength(1);
    const shown = await text(await as.get(`${page}?lagret=${frame.version}`, "ada"));
    expect(shown).toContain(`Versjon ${frame.version} er lagret.`);
  });

  it("refuses a save from a page drawn before another, keeping what was typed", async () => {
    const current = (await frameOf(t.db, ibs, null))!.version;
    const res = await as.post(
      page,
      "ada",
      frameForm(current - 1, { "theme-1-nb": "Min egen tekst" }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Noen andre lagret rammeverket");
    expect(html).toContain("Min egen tekst");
    expect(html).toContain(`name="version" value="${current}"`);
    expect((await frameOf(t.db, ibs, null))!.version).toBe(current);
  });

  it("refuses a phase ending before it starts, a row in one language only, and an empty frame", async () => {
    const current = (await frameOf(t.db, ibs, null))!.version;
    const res = await as.post(
      page,
      "ada",
      frameForm(current, { "phase-1-end": "2027-07-01", "theme-3-nb": "Bare bokmål" }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    const body = html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(body).toContain("Sluttdatoen kan ikke være før startdatoen");
    expect(body).toContain("Fyll ut tema 3 (nynorsk)");
    expect(html).toContain('value="Bare bokmål"');
    const empty = await text(await as.post(page, "ada", { version: String(current) }));
    expect(empty).toContain("Skriv minst ett tema");
    expect(empty).toContain("Skriv minst én fase");
    expect((await frameOf(t.db, ibs, null))!.version).toBe(current);
  });

  it("gives a cohort its own frame, in force over the programme's", async () => {
    const res = await as.post(
      `${page}/pulje/3`,
      "ada",
      frameForm(0, { "theme-1-nb": "Pulje 3s tema" }),
    );
    expect(res.status).toBe(303);
    const cohort3 = (await cohortIdOf(t.db, ibs, 3))!;
    const frame = await frameInForce(t.db, ibs, cohort3);
    expect(frame?.themes[0]?.nb).toBe("Pulje 3s tema");
    expect((await as.get(`${page}/pulje/99`, "ada")).status).toBe(404);
  });

  it("is the owner's admin's alone: FUB/FUG's admin and a coordinator are refused", async () => {
    expect((await as.get(page, "frida")).status).toBe(403);
    expect((await as.get(page, "kari")).status).toBe(403);
    expect((await as.post(page, "frida", frameForm(0))).status).toBe(403);
    expect((await as.get("/nb/admin/rammeverk/finnes-ikke", "ada")).status).toBe(404);
  });

  it("answers 400 to a malformed version", async () => {
    expect((await as.post(page, "ada", { version: "x" })).status).toBe(400);
  });
});
