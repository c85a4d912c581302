import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { IBS, programmeIdOf } from "../../../tests/support/cohorts";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { parseDate } from "../../kernel/field-rules";
import { jobs } from "../../kernel/schema";
import { demoEmail } from "../identity";
import { auditLog } from "../identity/schema";
import { setWrittenStandard } from "../organisations";
import { hasBrokenLink } from "../programmes";
import { createCohortAndInvite, readCohortForm } from "./admin";
import { cohortOffices, cohortPlannedGatherings, cohorts } from "./schema";

const FUB = "bedre-foreldresamarbeid";
const LIST = `/nb/admin/tilbud/${IBS}/puljer`;
const NEW = `${LIST}/ny`;

describe("reading the cohort form", () => {
  it("takes dates from a date field or typed the Norwegian way, and nothing else", () => {
    expect(parseDate("2027-08-01")).toBe("2027-08-01");
    expect(parseDate("1.8.2027")).toBe("2027-08-01");
    expect(parseDate("31.02.2027")).toBeNull();
    expect(parseDate("2027-13-01")).toBeNull();
    expect(parseDate("i morgen")).toBeNull();
  });

  it("finds link targets that would not work on the page", () => {
    expect(hasBrokenLink("[Udir](https://www.udir.no) og [oss](/nb/kontakt)")).toBe(false);
    expect(hasBrokenLink("[post](mailto:post@udir.no) [ring](tel:23301200)")).toBe(false);
    expect(hasBrokenLink("[Udir](www.udir.no)")).toBe(true);
    expect(hasBrokenLink("[Udir](http://www.udir.no)")).toBe(true);
    expect(hasBrokenLink("[tom]()")).toBe(true);
    expect(hasBrokenLink("Se www.udir.no")).toBe(true);
  });

  it("collects the offices ticked and the gathering rows in order", () => {
    const form = readCohortForm({
      number: "7",
      "office-sf-agder": "yes",
      "office-sf-rogaland": "yes",
      "g1-title": "Andre",
      "g0-kind": "national",
      "g0-title": "Første",
      "g0-date": "2027-09-01",
      "g0-id": "12",
    });
    expect(form.offices).toEqual(["sf-agder", "sf-rogaland"]);
    expect(form.gatherings).toEqual([
      { id: "12", kind: "national", title: "Første", date: "2027-09-01" },
      { id: "", kind: "", title: "Andre", date: "" },
    ]);
    expect(() => readCohortForm({ "g0-id": "x" })).toThrow();
    expect(() => readCohortForm({ "g99-kind": "national" })).toThrow();
  });
});

describe.each(databaseKinds)("cohort administration on %s", (kind) => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  let ibsId = 0;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    Object.assign(ids, await demoPeopleIds(t.db, ["ada", "frida", "kari", "siv"]));
    ibsId = await programmeIdOf(t.db, IBS);
  });
  afterAll(() => t.close());

  const { get, post } = requestsAs(() => t, ids);
  const cohort = async (number: number) => {
    const [row] = await t.db
      .select()
      .from(cohorts)
      .where(and(eq(cohorts.programmeId, ibsId), eq(cohorts.number, number)));
    return row;
  };
  const cohortCount = async () =>
    (await t.db.select({ n: count() }).from(cohorts).where(eq(cohorts.programmeId, ibsId)))[0]!.n;
  const jobCount = async () => (await t.db.select({ n: count() }).from(jobs))[0]!.n;
  const valid = (overrides: Record<string, string> = {}) => ({
    number: "7",
    startsOn: "2027-08-01",
    endsOn: "2029-06-30",
    officeInviteDeadline: "2027-02-01",
    answerDeadline: "2027-04-15",
    reminderDaysBefore: "7",
    termsNb: "## Vilkår\n\nKommunen deltar med [alle barnehager](https://www.udir.no).",
    termsNn: "## Vilkår\n\nKommunen er med med alle barnehagane.",
    termsEn: "",
    "office-sf-agder": "yes",
    "office-sf-rogaland": "yes",
    "g0-kind": "national",
    "g0-title": "Oppstartssamling",
    "g0-date": "2027-09-15",
    "g1-kind": "",
    "g1-title": "",
    "g1-date": "",
    intent: "save",
    ...overrides,
  });

  it("links the cohorts from the programme list and the editor, and offers the offices of the start", async () => {
    const list = await (await get("/nb/admin/tilbud", "ada")).text();
    expect(list).toContain(`href="${LIST}"`);
    const editor = await (await get(`/nb/admin/tilbud/${IBS}`, "ada")).text();
    expect(editor).toContain(`href="${LIST}"`);
    const page = await get(LIST, "ada");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Puljer i «Inkluderende barnehage- og skolemiljø»");
    expect(html).toContain(`href="${NEW}"`);
    const form = await (await get(NEW, "ada")).text();
    expect(form).toContain('name="office-sf-agder"');
    // Before a start date is typed, the offices of today: no Fylkesmannen from before 2019.
    expect(form).not.toContain('name="office-fm-hedmark"');
    for (const i of [0, 1, 2]) expect(form).toContain(`name="g${i}-title"`);
    expect(form).not.toContain('name="g3-title"');
  });

  it("refuses FUB/FUG's admin and a municipal coordinator with 403, and stores nothing", async () => {
    const before = await cohortCount();
    for (const who of ["frida", "kari"]) {
      expect((await get(LIST, who)).status).toBe(403);
      expect((await get(NEW, who)).status).toBe(403);
      expect((await post(NEW, who, valid({ number: "9" }))).status).toBe(403);
      expect((await get(`${LIST}/1`, who)).status).toBe(403);
      expect((await post(`${LIST}/1`, who, valid())).status).toBe(403);
    }
    expect((await get(`/nb/admin/tilbud/${FUB}/puljer`, "frida")).status).toBe(200);
    expect((await get("/nb/admin/tilbud/finnes-ikke/puljer", "ada")).status).toBe(404);
    expect((await get(`${LIST}/99`, "ada")).status).toBe(404);
    expect(await cohortCount()).toBe(before);
  });

  it("creates a cohort: stored with its gathering, the offices invited and mailed in their written standard", async () => {
    await setWrittenStandard(t.db, "county-office", "sf-rogaland", "nn", {
      personId: ids.ada!,
      now: t.clock.now(),
    });
    const res = await post(NEW, "ada", valid());
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${LIST}?opprettet=7`);

    const row = (await cohort(7))!;
    expect(row).toMatchObject({
      startsOn: "2027-08-01",
      endsOn: "2029-06-30",
      officeInviteDeadline: "2027-02-01",
      answerDeadline: "2027-04-15",
      reminderDaysBefore: 7,
      createdBy: ids.ada,
      termsEn: "",
    });
    expect(row.createdAt).toEqual(t.clock.now());
    const gatherings = await t.db
      .select()
      .from(cohortPlannedGatherings)
      .where(eq(cohortPlannedGatherings.cohortId, row.id));
    expect(gatherings).toMatchObject([
      { kind: "national", title: "Oppstartssamling", plannedOn: "2027-09-15" },
    ]);
    const offices = await t.db
      .select()
      .from(cohortOffices)
      .where(eq(cohortOffices.cohortId, row.id));
    expect(offices.map((o) => o.officeId).sort()).toEqual(["sf-agder", "sf-rogaland"]);
    expect(offices.every((o) => o.invitedBy === ids.ada)).toBe(true);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "cohort"), eq(auditLog.entityId, String(row.id))));
    expect(audit.map((a) => a.action).sort()).toEqual([
      "cohort-office.invite",
      "cohort-office.invite",
      "cohort.create",
    ]);

    // The offices' mail: to the office's address and its coordinator, in its written standard.
    await t.jobs.runDue();
    const agder = await t.smtp.waitFor((m) =>
      m.to.includes("postmottak@sf-agder.demo.samspill.example"),
    );
    expect(agder.subject).toBe("Invitasjon: Inkluderende barnehage- og skolemiljø, pulje 7");
    expect(agder.text).toContain("Inviter kommunene dere dekker innen 1. februar 2027.");
    expect(agder.text).toContain(`http://localhost/nb/puljer/${row.id}/kontor/sf-agder`);
    const siv = await t.smtp.waitFor((m) => m.to.includes(demoEmail("siv")));
    expect(siv.subject).toBe(agder.subject);
    const rogaland = await t.smtp.waitFor((m) =>
      m.to.includes("postmottak@sf-rogaland.demo.samspill.example"),
    );
    expect(rogaland.subject).toBe("Invitasjon: Inkluderande barnehage- og skulemiljø, pulje 7");
    expect(rogaland.text).toContain("Inviter kommunane de dekkjer innan 1. februar 2027.");
    expect(rogaland.text).toContain(`http://localhost/nn/puljer/${row.id}/kontor/sf-rogaland`);

    // Listed, with the message, the offices and a link to the overview.
    const list = await (await get(`${LIST}?opprettet=7`, "ada")).text();
    expect(list).toContain("Pulje 7 er opprettet. Embetene er invitert og får e-post.");
    expect(list).toContain("Statsforvalteren i Agder, Statsforvalteren i Rogaland");
    expect(list).toContain(`href="/nb/puljer/${row.id}"`);
    expect(list).toContain(`href="${LIST}/7"`);
    expect(list).toContain("1 planlagt samling");
  });

  it("refuses a number the programme has, with the error beside it and in the summary", async () => {
    const before = await cohortCount();
    const jobsBefore = await jobCount();
    const res = await post(NEW, "ada", valid({ "g0-title": "Behold meg" }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("<title>Feil: ");
    expect(html).toContain('class="ds-error-summary"');
    expect(html).toContain('href="#number"');
    expect(html).toContain('id="number-error"');
    expect(html).toContain(
      "Tilbudet har allerede en pulje med dette nummeret. Velg et annet nummer.",
    );
    expect(html).toContain('value="Behold meg"');
    expect(html).toMatch(/name="office-sf-agder" value="yes" checked/);
    expect(await cohortCount()).toBe(before);
    expect(await jobCount()).toBe(jobsBefore);
  });

  it("refuses dates out of order, a reminder out of range and offices not there at the start", async () => {
    const before = await cohortCount();
    const res = await post(
      NEW,
      "ada",
      valid({
        number: "8",
        endsOn: "2027-07-01",
        officeInviteDeadline: "2026-11-01",
        answerDeadline: "2027-09-01",
        reminderDaysBefore: "31",
        "office-fm-hedmark": "yes",
      }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Sluttdatoen må være etter startdatoen");
    expect(html).toContain("Frist for embetene kan ikke være en dag som har passert");
    expect(html).toContain("Svarfristen for kommunene kan ikke være etter startdatoen");
    expect(html).toContain("Skriv et antall dager fra 0 til 30 for påminnelsen");
    expect(html).toContain("Et av embetene du valgte, finnes ikke på startdatoen.");
    for (const id of ["endsOn", "officeInviteDeadline", "answerDeadline", "reminderDaysBefore"]) {
      expect(html).toContain(`id="${id}-error"`);
      expect(html).toContain(`href="#${id}"`);
    }
    expect(html).toContain('value="2027-07-01"');
    expect(html).toContain('value="31"');

    const order = await post(
      NEW,
      "ada",
      valid({ number: "8", officeInviteDeadline: "2027-09-01", answerDeadline: "2027-01-15" }),
    );
    expect(order.status).toBe(422);
    const text = await order.text();
    expect(text).toContain("Fristen for embetene må være før startdatoen");
    expect(text).toContain("Svarfristen for kommunene må være etter fristen for embetene");
    const noOffices = Object.fromEntries(
      Object.entries(valid({ number: "8" })).filter(([k]) => !k.startsWith("office-")),
    );
    const refused = await post(NEW, "ada", noOffices);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("Velg minst ett embete å invitere");
    expect(await cohortCount()).toBe(before);
  });

  it("refuses a script or a broken link in the terms, and missing terms", async () => {
    const before = await cohortCount();
    const res = await post(
      NEW,
      "ada",
      valid({
        number: "10",
        termsNb: 'Vilkår.\n\n<script>alert("x")</script>',
        termsNn: "Sjå [vilkåra](www.udir.no).",
        termsEn: "[Click](javascript:alert(1))",
      }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(
      "Vilkår på bokmål inneholder skript, stiler eller innebygde elementer. Ta dem bort.",
    );
    expect(html).toContain("Vilkår på nynorsk har en lenke som ikke virker.");
    expect(html).toContain("Vilkår på engelsk inneholder skript");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).not.toContain('<script>alert("x")');

    const missing = await post(NEW, "ada", valid({ number: "10", termsNb: " ", termsNn: "" }));
    expect(missing.status).toBe(422);
    const text = await missing.text();
    expect(text).toContain("Fyll ut vilkår på bokmål");
    expect(text).toContain("Fyll ut vilkår på nynorsk");
    expect(await cohortCount()).toBe(before);
  });

  it("refuses a half-filled gathering row beside the row, keeping what was typed", async () => {
    const before = await cohortCount();
    const res = await post(
      NEW,
      "ada",
      valid({
        number: "10",
        "g1-title": "Regional samling i Kristiansand",
        "g2-kind": "regional",
        "g2-title": "Utenfor perioden",
        "g2-date": "2030-01-10",
      }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Samling 2: fyll ut type, tittel og dato, eller tøm raden");
    expect(html).toContain("Samling 3: datoen må være i puljens periode");
    expect(html).toContain('id="g1-error"');
    expect(html).toContain('href="#g1-kind"');
    expect(html).toContain('value="Regional samling i Kristiansand"');
    expect(html).toContain('value="2030-01-10"');
    // The rows typed, and blank ones after them.
    expect(html).toContain('name="g5-title"');
    expect(await cohortCount()).toBe(before);
  });

  it("previews the terms sanitised, storing nothing", async () => {
    const before = await cohortCount();
    const res = await post(
      NEW,
      "ada",
      valid({
        number: "10",
        termsNb: "## Trygg overskrift\n\n<script>alert(1)</script>\n\n[Udir](https://www.udir.no)",
        startsOn: "2018-08-01",
        intent: "preview",
      }),
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    const preview = html.slice(html.indexOf('id="forhandsvisning"'));
    expect(preview).toContain("Trygg overskrift");
    expect(preview).toContain('<a href="https://www.udir.no" class="ds-link">Udir</a>');
    expect(preview).toContain("Noe i teksten er ikke tillatt");
    expect(preview).not.toMatch(/<script|alert\(/);
    // The office list follows the start date typed: in 2018, the Fylkesmann offices.
    expect(html).toContain('name="office-fm-hedmark"');
    expect(await cohortCount()).toBe(before);
  });

  it("edits a cohort: dates, terms and gatherings change, a further office is invited, the first stay", async () => {
    const row = (await cohort(7))!;
    const [gathering] = await t.db
      .select()
      .from(cohortPlannedGatherings)
      .where(eq(cohortPlannedGatherings.cohortId, row.id));
    const page = await (await get(`${LIST}/7`, "ada")).text();
    expect(page).toContain("Pulje 7 i «Inkluderende barnehage- og skolemiljø»");
    expect(page).toMatch(/id="office-sf-agder" checked="" disabled=""/);
    expect(page).toContain(`name="g0-id" value="${gathering!.id}"`);
    expect(page).not.toContain('name="number"');

    const form = {
      ...valid(),
      endsOn: "2029-08-31",
      termsNn: "## Vilkår\n\nNye vilkår på nynorsk.",
      "g0-id": String(gathering!.id),
      "g0-title": "Nasjonal oppstart",
      "g1-kind": "regional",
      "g1-title": "Regional samling i Agder",
      "g1-date": "2027-11-02",
      "office-sf-innlandet": "yes",
    };
    const res = await post(`${LIST}/7`, "ada", form);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${LIST}?lagret=7&invitert=1`);
    const after = (await cohort(7))!;
    expect(after).toMatchObject({ endsOn: "2029-08-31", number: 7 });
    expect(after.termsNn).toContain("Nye vilkår");
    const gatherings = await t.db
      .select()
      .from(cohortPlannedGatherings)
      .where(eq(cohortPlannedGatherings.cohortId, row.id))
      .orderBy(cohortPlannedGatherings.plannedOn);
    expect(gatherings).toMatchObject([
      { id: gathering!.id, title: "Nasjonal oppstart" },
      { kind: "regional", title: "Regional samling i Agder", plannedOn: "2027-11-02" },
    ]);
    const offices = await t.db
      .select()
      .from(cohortOffices)
      .where(eq(cohortOffices.cohortId, row.id));
    expect(offices.map((o) => o.officeId).sort()).toEqual([
      "sf-agder",
      "sf-innlandet",
      "sf-rogaland",
    ]);
    const [update] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "cohort.update"), eq(auditLog.entityId, String(row.id))));
    expect(update!.before).toMatchObject({ endsOn: "2029-06-30", gatherings: 1 });
    expect(update!.after).toMatchObject({
      endsOn: "2029-08-31",
      gatherings: 2,
      offices: ["sf-innlandet"],
      termsChanged: ["termsNn"],
    });
    await t.jobs.runDue();
    const innlandet = await t.smtp.waitFor((m) =>
      m.to.includes("postmottak@sf-innlandet.demo.samspill.example"),
    );
    expect(innlandet.text).toContain(`/nb/puljer/${row.id}/kontor/sf-innlandet`);
    // Agder was not mailed twice.
    expect(t.smtp.received.filter((m) => m.to.includes("postmottak@sf-agder.")).length).toBe(1);
    const list = await (await get(`${LIST}?lagret=7&invitert=1`, "ada")).text();
    expect(list).toContain("Endringene i pulje 7 er lagret, og 1 embete til er invitert.");

    // Emptying a row removes its gathering.
    const emptied = await post(`${LIST}/7`, "ada", {
      ...form,
      "office-sf-innlandet": "",
      "g1-id": String(gatherings[1]!.id),
      "g1-kind": "",
      "g1-title": "",
      "g1-date": "",
    });
    expect(emptied.status).toBe(303);
    expect(
      await t.db
        .select({ n: count() })
        .from(cohortPlannedGatherings)
        .where(eq(cohortPlannedGatherings.cohortId, row.id)),
    ).toEqual([{ n: 1 }]);
  });

  it("refuses on edit what it refuses on create, and a gathering of another cohort is a bad request", async () => {
    const row = (await cohort(7))!;
    const res = await post(`${LIST}/7`, "ada", valid({ endsOn: "2027-01-01" }));
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Sluttdatoen må være etter startdatoen");
    expect((await cohort(7))!.endsOn).toBe(row.endsOn);
    const bad = await post(`${LIST}/7`, "ada", valid({ "g0-id": "999999" }));
    expect(bad.status).toBe(400);
    const junk = await post(`${LIST}/7`, "ada", valid({ "g0-id": "abc" }));
    expect(junk.status).toBe(400);
  });

  it("leaves nothing behind when the chain refuses an office", async () => {
    const before = await cohortCount();
    const result = await createCohortAndInvite(
      t.db,
      { id: ibsId, slug: IBS },
      {
        number: 11,
        startsOn: "2027-08-01",
        endsOn: "2029-06-30",
        officeInviteDeadline: "2027-02-01",
        answerDeadline: "2027-04-15",
        reminderDaysBefore: 7,
        termsNb: "Vilkår.",
        termsNn: "Vilkår.",
        termsEn: "",
        offices: ["sf-agder", "fm-hedmark"],
        gatherings: [{ id: null, kind: "national", title: "Samling", plannedOn: "2027-09-01" }],
      },
      { personId: ids.ada!, now: t.clock.now(), baseUrl: "http://localhost" },
    );
    expect(result).toEqual({ ok: false, errors: { offices: { code: "outsideCoverage" } } });
    expect(await cohortCount()).toBe(before);
    expect(await cohort(11)).toBeUndefined();

    // A number taken between the check and the insert: the database says so, and it is shown.
    const taken = await createCohortAndInvite(
      t.db,
      { id: ibsId, slug: IBS },
      {
        number: 7,
        startsOn: "2027-08-01",
        endsOn: "2029-06-30",
        officeInviteDeadline: "2027-02-01",
        answerDeadline: "2027-04-15",
        reminderDaysBefore: 7,
        termsNb: "Vilkår.",
        termsNn: "Vilkår.",
        termsEn: "",
        offices: ["sf-agder"],
        gatherings: [],
      },
      { personId: ids.ada!, now: t.clock.now(), baseUrl: "http://localhost" },
    );
    expect(taken).toEqual({ ok: false, errors: { number: { code: "numberTaken" } } });
    expect(await cohortCount()).toBe(before);
  });
});
