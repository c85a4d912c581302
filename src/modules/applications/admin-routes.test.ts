import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { programmeIdOf } from "../../../tests/support/cohorts";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { jobs } from "../../kernel/schema";
import { auditLog } from "../identity/schema";
import {
  createTestApplication,
  createTestApplicationCohort,
  createTestAssessor,
} from "./admin-factories";
import { latestForm } from "./forms";
import { roundOfCohort } from "./rounds";
import { applications, roundAssessors } from "./schema";

/** Kristiansand: the demo municipality, where Kari is coordinator. */
const DEMO_MUNICIPALITY = "4204";

const FUB = "bedre-foreldresamarbeid";

describe.each(databaseKinds)("the programme admin's application round on %s", (kind) => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  let fub = 0;
  let cohortId = 0;
  let roundId = 0;
  let submitted = 0;
  let draft = 0;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    Object.assign(ids, await demoPeopleIds(t.db, ["ada", "frida", "kari"]));
    fub = await programmeIdOf(t.db, FUB);
    const now = t.clock.now();
    cohortId = await createTestApplicationCohort(
      t.db,
      { programmeId: fub, number: 9 },
      { personId: ids.frida!, now },
    );
    ids.vera = await createTestAssessor(
      t.db,
      { name: "Vera Vurderer", email: "vera@example.org", owner: "fub" },
      { personId: ids.frida!, now },
    );
  });
  afterAll(() => t.close());

  const { get, post } = requestsAs(() => t, ids);
  const ROUND = () => `/nb/admin/puljer/${cohortId}/soknadsrunde`;
  const APP = (id: number) => `/nb/admin/soknader/${id}`;
  const text = async (res: Response) =>
    (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

  it("shows an application cohort's empty round with the open form to FUB/FUG's admin only", async () => {
    const res = await get(ROUND(), "frida");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('name="deadline"');
    expect(html).toContain('name="c0-nb"');
    expect(html).toContain(`href="/nb/admin/tilbud/${FUB}/soknadsskjema"`);
    // Udir's admin, a municipal coordinator: 403. Nobody signed in: to sign-in.
    expect((await get(ROUND(), "ada")).status).toBe(403);
    expect((await get(ROUND(), "kari")).status).toBe(403);
    const anonymous = await get(ROUND());
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toContain("/nb/logg-inn");
    expect((await get("/nb/admin/puljer/999999/soknadsrunde", "frida")).status).toBe(404);
  });

  it("refuses an incomplete open form with 422, keeps what was typed, and opens nothing", async () => {
    const res = await post(ROUND(), "frida", {
      deadline: "",
      "c0-nb": "Forankring",
      "c0-nn": "",
      "c0-max": "500",
    });
    expect(res.status).toBe(422);
    const page = await text(res);
    expect(page).toContain("Fyll ut søknadsfrist");
    expect(page).toContain("Høyeste poengsum i kriterium 1 må være et helt tall fra 1 til 100");
    const html = await (
      await post(ROUND(), "frida", {
        deadline: "2020-01-01",
        "c0-nb": "A",
        "c0-nn": "A",
        "c0-max": "5",
      })
    ).text();
    expect(html).toContain("Fristen kan ikke være tilbake i tid");
    expect(html).toContain('value="A"');
    expect((await post(ROUND(), "ada", { deadline: "2027-03-15" })).status).toBe(403);
    expect(await roundOfCohort(t.db, cohortId)).toBeNull();
  });

  it("opens the round on the form's newest version, then shows it open", async () => {
    const res = await post(ROUND(), "frida", {
      deadline: "2027-03-15",
      "c0-nb": "Forankring",
      "c0-nn": "Forankring",
      "c0-max": "5",
      "c1-nb": "Plan for arbeidet",
      "c1-nn": "Plan for arbeidet",
      "c1-max": "10",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${ROUND()}?apnet`);
    const round = await roundOfCohort(t.db, cohortId);
    expect(round?.criteria.map((c) => c.maxScore)).toEqual([5, 10]);
    roundId = round!.id;
    const page = await text(await get(`${ROUND()}?apnet`, "frida"));
    expect(page).toContain("Søknadsrunden er åpnet.");
    expect(page).toContain("Åpen, søknadsfrist 15. mars 2027");
    expect(page).toContain("Plan for arbeidet (høyst 10 poeng)");
  });

  it("names an assessor by e-mail only if they hold the assessor role at FUB/FUG", async () => {
    const unknown = await post(`${ROUND()}/vurderere`, "frida", { email: "nobody@example.org" });
    expect(unknown.status).toBe(422);
    expect(await text(unknown)).toContain("Vi fant ingen person med denne e-postadressen");
    const norole = await post(`${ROUND()}/vurderere`, "frida", {
      email: "kari@demo.samspill.example",
    });
    expect(norole.status).toBe(422);
    expect(await text(norole)).toContain("Personen har ikke rollen vurderer");
    const ok = await post(`${ROUND()}/vurderere`, "frida", { email: "Vera@example.org" });
    expect(ok.status).toBe(303);
    const again = await post(`${ROUND()}/vurderere`, "frida", { email: "vera@example.org" });
    expect(again.status).toBe(422);
    expect(await text(again)).toContain("Personen er allerede vurderer");
    expect((await post(`${ROUND()}/vurderere`, "ada", { email: "vera@example.org" })).status).toBe(
      403,
    );
    const named = await t.db
      .select()
      .from(roundAssessors)
      .where(eq(roundAssessors.roundId, roundId));
    expect(named.map((n) => n.personId)).toEqual([ids.vera]);
    expect(await text(await get(ROUND(), "frida"))).toContain("Vera Vurderer");
  });

  it("lists the applications by state and exports them as JSON and PDF", async () => {
    const as = { personId: ids.kari!, now: t.clock.now() };
    submitted = await createTestApplication(
      t.db,
      { roundId, municipalityCode: DEMO_MUNICIPALITY, submit: true },
      as,
    );
    draft = await createTestApplication(t.db, { roundId, municipalityCode: "4201" }, as);
    const page = await text(await get(ROUND(), "frida"));
    expect(page).toContain("Kristiansand");
    expect(page).toContain("Antall per status: Sendt inn: 1, Utkast: 1");

    const one = await get(`${APP(submitted)}/soknad.json`, "frida");
    expect(one.status).toBe(200);
    const body = (await one.json()) as {
      application: {
        formVersion: number;
        contentHash: string;
        answers: { questionId: string; label: { nb: string }; answer: unknown }[];
      };
    };
    // The version the round froze (the demo published FUB/FUG's earlier ones).
    expect(body.application.formVersion).toBe((await latestForm(t.db, fub))!.version);
    expect(body.application.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(body.application.answers.find((x) => x.questionId === "hvorfor")?.answer).toEqual({
      kind: "text",
      value: "Vi vil bli bedre på foreldremøter.",
    });
    const all = (await (await get(`${ROUND()}/soknader.json`, "frida")).json()) as {
      applications: { id: number; state: string }[];
    };
    expect(all.applications.map((x) => x.state).sort()).toEqual(["draft", "submitted"]);
    const pdf = await get(`${APP(submitted)}/soknad.pdf`, "frida");
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    expect((await get(`${APP(draft)}/soknad.pdf`, "frida")).status).toBe(404);
    for (const path of [
      `${ROUND()}/soknader.json`,
      `${APP(submitted)}/soknad.json`,
      `${APP(submitted)}/soknad.pdf`,
    ]) {
      expect((await get(path, "ada")).status).toBe(403);
      expect((await get(path, "kari")).status).toBe(403);
    }
  });

  it("decides: refuses a missing reason with 422, then grants and queues the letter", async () => {
    const page = await get(APP(submitted), "frida");
    expect(page.status).toBe(200);
    expect(await text(page)).toContain("Vi vil bli bedre på foreldremøter.");
    expect((await get(APP(submitted), "ada")).status).toBe(403);
    expect(
      (await post(`${APP(submitted)}/vedtak`, "ada", { decision: "granted", reason: "x" })).status,
    ).toBe(403);
    const missing = await post(`${APP(submitted)}/vedtak`, "frida", {
      decision: "granted",
      reason: " ",
    });
    expect(missing.status).toBe(422);
    expect(await text(missing)).toContain("Fyll ut begrunnelse");
    const bad = await post(`${APP(submitted)}/vedtak`, "frida", {
      decision: "maybe",
      reason: "Fordi.",
    });
    expect(bad.status).toBe(422);
    expect(await text(bad)).toContain("Velg vedtak");
    const before = (await t.db.select({ n: count() }).from(jobs))[0]!.n;
    const ok = await post(`${APP(submitted)}/vedtak`, "frida", {
      decision: "granted",
      reason: "Godt forankret.",
    });
    expect(ok.status).toBe(303);
    const [row] = await t.db.select().from(applications).where(eq(applications.id, submitted));
    expect(row?.state).toBe("granted");
    expect((await t.db.select({ n: count() }).from(jobs))[0]!.n).toBeGreaterThan(before);
    expect(await text(await get(`${APP(submitted)}?vedtak`, "frida"))).toContain(
      "Vedtaket er fattet",
    );
  });

  it("reopens a draft until a time, audited; refuses a bad time and a past one", async () => {
    const bad = await post(`${APP(draft)}/gjenapning`, "frida", {
      date: "2027-04-01",
      time: "25:00",
    });
    expect(bad.status).toBe(422);
    expect(await text(bad)).toContain("Skriv klokkeslettet som TT:MM");
    const past = await post(`${APP(draft)}/gjenapning`, "frida", {
      date: "2026-01-01",
      time: "12:00",
    });
    expect(past.status).toBe(422);
    expect(await text(past)).toContain("Tidspunktet må være frem i tid");
    const ok = await post(`${APP(draft)}/gjenapning`, "frida", {
      date: "2027-04-01",
      time: "12:00",
    });
    expect(ok.status).toBe(303);
    const [row] = await t.db.select().from(applications).where(eq(applications.id, draft));
    expect(row?.reopenedUntil?.toISOString()).toBe("2027-04-01T10:00:00.000Z");
    const audited = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "application.reopen"), eq(auditLog.entityId, String(draft))));
    expect(audited).toHaveLength(1);
    expect(
      (await post(`${APP(draft)}/gjenapning`, "kari", { date: "2027-04-01", time: "12:00" }))
        .status,
    ).toBe(403);
  });

  it("closes the round", async () => {
    expect((await post(`${ROUND()}/stenging`, "ada")).status).toBe(403);
    const res = await post(`${ROUND()}/stenging`, "frida");
    expect(res.status).toBe(303);
    expect((await roundOfCohort(t.db, cohortId))?.closedAt).not.toBeNull();
    expect(await text(await get(`${ROUND()}?stengt`, "frida"))).toContain(
      "Søknadsrunden er stengt.",
    );
  });
});
