import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../tests/support/app";
import { IBS, programmeIdOf } from "../../../tests/support/cohorts";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { MAIL_JOB } from "../../kernel/mail-jobs";
import { jobs } from "../../kernel/schema";
import { deletePerson, demoEmail, insertTestPerson } from "../identity";
import { roleInvitations } from "../identity/schema";
import { completeOrgNumber, getUnit, isValidOrgNumber, setWrittenStandard } from "../organisations";
import { units } from "../organisations/schema";
import {
  answerInvitation,
  coverageAtStart,
  getCohort,
  getInvitation,
  recipientsOf,
  runChainHousekeeping,
} from "./chain";
import { createTestCohort } from "./factories";
import { officeAccess, parseInviteForm, reachableOf } from "./office";
import { cohortInvitationEvents, cohortInvitations } from "./schema";

const AGDER = "sf-agder";
const ROGALAND = "sf-rogaland";
const BASE_URL = "http://localhost";

describe("officeAccess", () => {
  const coordinator = (orgId: string) => ({
    roles: [{ id: 1, role: "county-coordinator", orgKind: "county-office", orgId }],
    permissions: ["read:cohort:office", "invite:cohort:office"],
  });
  const admin = {
    roles: [{ id: 2, role: "programme-admin", orgKind: "owner", orgId: "udir" }],
    permissions: ["read:cohort:owner", "manage:cohort:owner"],
  };
  it("lets a coordinator act for their own office in a cohort it is invited to", () => {
    expect(officeAccess(coordinator(AGDER), AGDER, true, "udir")).toBe("act");
    expect(officeAccess(coordinator(AGDER), AGDER, false, "udir")).toBe("none");
    expect(officeAccess(coordinator(ROGALAND), AGDER, true, "udir")).toBe("none");
  });
  it("lets a programme admin look at their owner's cohorts, never act; nobody else", () => {
    expect(officeAccess(admin, AGDER, true, "udir")).toBe("view");
    expect(officeAccess(admin, AGDER, true, "fub")).toBe("none");
    expect(officeAccess(null, AGDER, true, "udir")).toBe("none");
    expect(
      officeAccess(
        { roles: [], permissions: ["read:cohort:municipality", "answer:cohort:municipality"] },
        AGDER,
        true,
        "udir",
      ),
    ).toBe("none");
  });
});

describe.each(databaseKinds)("the county office's page of a cohort on %s", (kind) => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  let ibsId = 0;
  /** Cohort 7: Agder and Rogaland invited, office deadline ahead. */
  let c7 = 0;
  /** Cohort 8: Agder invited, the office's deadline has passed. */
  let c8 = 0;
  /** Cohort 9: Rogaland only. */
  let c9 = 0;
  /** Cohort 10: Agder invited, short deadlines, for expiry and automatic reminders. */
  let c10 = 0;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    Object.assign(ids, await demoPeopleIds(t.db, ["ada", "frida", "siv", "kari"]));
    const now = t.clock.now();
    ids.roar = await insertTestPerson(
      t.db,
      {
        name: "Roar Rogaland",
        email: "roar@sf-rogaland.example",
        role: { role: "county-coordinator", orgId: ROGALAND },
      },
      now,
    );
    ids.nora = await insertTestPerson(
      t.db,
      { name: "Nora Uten Rolle", email: "nora@samspill.example" },
      now,
    );

    ibsId = await programmeIdOf(t.db, IBS);
    const actor = { personId: ids.ada!, now, baseUrl: BASE_URL };
    const cohort = (number: number, offices: string[], extra: Record<string, unknown> = {}) =>
      createTestCohort(
        t.db,
        {
          programmeId: ibsId,
          number,
          reminderDaysBefore: 7,
          termsNb: "Kommunen deltar i to år.",
          termsNn: "Kommunen deltek i to år.",
          ...extra,
        },
        { offices, actor },
      );
    c7 = await cohort(7, [AGDER, ROGALAND]);
    c8 = await cohort(8, [AGDER], { officeInviteDeadline: "2026-11-01" });
    c9 = await cohort(9, [ROGALAND]);
    c10 = await cohort(10, [AGDER], { answerDeadline: "2027-01-10", reminderDaysBefore: 5 });
    // The offices' own invitation mails go out now, so later counts see only the chain's.
    await t.jobs.runDue();
  });
  afterAll(() => t.close());

  const { cookie, get, post } = requestsAs(() => t, ids);
  const page = (cohort: number, office = AGDER, lang = "nb") =>
    `/${lang}/puljer/${cohort}/kontor/${office}`;
  const invitations = (cohortId: number) =>
    t.db.select().from(cohortInvitations).where(eq(cohortInvitations.cohortId, cohortId));
  const invitationOf = async (cohortId: number, id: string, kind: "municipality" | "unit") =>
    (await getInvitation(t.db, cohortId, kind, id))!;
  const mailsTo = (address: string) => t.smtp.received.filter((m) => m.to.includes(address));
  const decode = (html: string) =>
    html
      .replaceAll("&#39;", "'")
      .replaceAll("&quot;", '"')
      .replaceAll("&amp;", "&")
      .replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">");
  const text = async (res: Response) => decode(await res.text());
  /** The text of the error summary at the top of a 422 page. */
  const summaryOf = (html: string) =>
    /<div class="ds-error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? "";
  const fieldError = (html: string, id: string) =>
    new RegExp(`id="${id}-error"[^>]*>[\\s\\S]*?</div>`).exec(html)?.[0] ?? "";

  it("shows the cohort, the deadlines and every municipality the office covered at the start", async () => {
    const res = await get(page(c7), "siv");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await text(res);
    expect(html).toContain("Statsforvalteren i Agder: pulje 7");
    expect(html).toContain("1. august 2027 – 30. juni 2029");
    expect(html).toContain("15. januar 2027");
    expect(html).toContain("1. mars 2027");
    expect(html).toContain("Automatisk påminnelse sendes 7 dager før fristen");
    expect(html).toContain(`href="/nb/puljer/${c7}"`);
    const coverage = await coverageAtStart(t.db, (await getCohort(t.db, c7))!, AGDER);
    expect(coverage.length).toBe(25);
    for (const m of coverage) expect(html).toContain(`id="municipality-${m.code}"`);
    expect(html).not.toContain('id="municipality-1103"');
    expect(html).toContain("Ikke invitert: 25");
    // Kari acts for Kristiansand: no contact needed there; Arendal has nobody yet.
    expect(html).not.toContain('id="contactName-4204"');
    expect(html).toContain('id="contactName-4203"');
    expect(html).toContain('name="intent" value="all"');
    expect(html).toContain(`action="/nb/puljer/${c7}/kontor/sf-agder/inviter"`);

    const nn = await text(await get(page(c7, AGDER, "nn"), "siv"));
    expect(nn).toContain("Statsforvaltaren i Agder: pulje 7");
    expect(nn).toContain("Automatisk påminning blir send 7 dagar før fristen");
    const en = await text(await get(page(c7, AGDER, "en"), "siv"));
    expect(en).toContain("cohort 7");
    expect(en).toContain("An automatic reminder is sent 7 days before the deadline");
  });

  it("answers who may see and act: Siv yes, others 403, programme admins read-only", async () => {
    const form = { "municipality-4204": "yes", intent: "chosen" };
    expect((await get(page(c7), "kari")).status).toBe(403);
    expect((await post(`${page(c7)}/inviter`, "kari", form)).status).toBe(403);
    expect((await post(`${page(c7)}/paminn`, "kari", { all: "yes" })).status).toBe(403);
    expect((await get(page(c7), "nora")).status).toBe(403);
    // Another office's coordinator: not on Agder's page, but on their own.
    expect((await get(page(c7), "roar")).status).toBe(403);
    expect((await post(`${page(c7)}/inviter`, "roar", form)).status).toBe(403);
    expect((await get(page(c7, ROGALAND), "roar")).status).toBe(200);
    expect((await get(page(c7, ROGALAND), "siv")).status).toBe(403);
    // Siv's office is not invited to cohort 9.
    expect((await get(page(c9), "siv")).status).toBe(403);
    expect((await post(`${page(c9)}/inviter`, "siv", form)).status).toBe(403);

    const res = await get(page(c7), "ada");
    expect(res.status).toBe(200);
    const html = await text(res);
    expect(html).toContain("Du ser denne siden som programadministrator");
    expect(html).not.toContain('method="post" action="/nb/puljer');
    // Issue 8, finding 9: FUB/FUG's programme admin has no part in Udir's cohorts.
    expect((await get(page(c7), "frida")).status).toBe(403);
    expect((await post(`${page(c7)}/inviter`, "ada", form)).status).toBe(403);
    expect((await post(`${page(c7)}/paminn`, "ada", { all: "yes" })).status).toBe(403);
    expect((await post(`${page(c7)}/enheter`, "ada", {})).status).toBe(403);
    // Unknown cohort, unknown office, an office the cohort never invited, bad ids.
    expect((await get(page(999_999), "siv")).status).toBe(404);
    expect((await get(page(c7, "finnes-ikke"), "siv")).status).toBe(404);
    expect((await get(page(c7, "finnes-ikke"), "ada")).status).toBe(404);
    expect((await get(page(c9), "ada")).status).toBe(404);
    expect((await get(`/nb/puljer/abc/kontor/${AGDER}`, "siv")).status).toBe(404);
    expect((await get(`/nb/puljer/${c7}/kontor/SF_AGDER`, "siv")).status).toBe(404);
    expect((await get(`${page(c7)}/invitasjoner/abc`, "siv")).status).toBe(404);
    expect((await get(`${page(c7)}/invitasjoner/999999`, "siv")).status).toBe(404);
    expect((await post(`${page(c7)}/paminn`, "siv", { invitation: "abc" })).status).toBe(400);
    expect(
      (
        await t.app.request(`${page(c7)}/inviter`, {
          method: "POST",
          body: JSON.stringify(form),
          headers: {
            "Content-Type": "application/json",
            Origin: "http://localhost",
            Cookie: await cookie("siv"),
          },
        })
      ).status,
    ).toBe(400);
    expect(await invitations(c7)).toEqual([]);
  });

  it("refuses an invitation with errors beside the fields and in the summary, input kept", async () => {
    const url = `${page(c7)}/inviter`;
    const ok = { "municipality-4204": "yes", message: "Hei!", deadline: "2027-03-01" };

    let res = await post(url, "siv", { message: "Velkommen", deadline: "2027-03-01" });
    expect(res.status).toBe(422);
    let html = await text(res);
    expect(html).toMatch(/<title>Feil: /);
    expect(summaryOf(html)).toContain("Velg minst én kommune");
    // The link leads to the first checkbox (Arendal: by county, then name).
    expect(summaryOf(html)).toContain('href="#municipality-4203"');
    expect(fieldError(html, "invitees")).toContain("Velg minst én kommune");
    expect(html).toContain(">Velkommen</textarea>");

    // A code from outside the office's coverage, forged into the form.
    res = await post(url, "siv", { ...ok, "municipality-0301": "yes" });
    expect(res.status).toBe(422);
    html = await text(res);
    expect(summaryOf(html)).toContain(
      "0301 er ikke blant kommunene dere dekker på puljens startdato",
    );
    expect(html).toMatch(/id="municipality-4204"[^>]*checked/);

    res = await post(url, "siv", { ...ok, deadline: "2026-11-01" });
    html = await text(res);
    expect(res.status).toBe(422);
    expect(fieldError(html, "deadline")).toContain("Svarfristen kan ikke være før i dag");
    expect(html).toContain('value="2026-11-01"');

    res = await post(url, "siv", { ...ok, deadline: "2027-09-01" });
    html = await text(res);
    expect(res.status).toBe(422);
    expect(fieldError(html, "deadline")).toContain(
      "Svarfristen kan ikke være etter at puljen starter (1. august 2027)",
    );

    res = await post(url, "siv", { ...ok, deadline: "2027-02-30" });
    expect(res.status).toBe(422);
    expect(fieldError(await text(res), "deadline")).toContain("Skriv en dato");

    res = await post(url, "siv", { ...ok, message: "x".repeat(2001) });
    expect(res.status).toBe(422);
    expect(fieldError(await text(res), "message")).toContain("høyst 2000 tegn");

    // Arendal: nobody in Samspill receives its mail, so a contact person is required.
    res = await post(url, "siv", { ...ok, "municipality-4203": "yes" });
    html = await text(res);
    expect(res.status).toBe(422);
    expect(fieldError(html, "contactName-4203")).toContain(
      "Fyll ut navn på kontaktperson i Arendal",
    );
    expect(fieldError(html, "contactEmail-4203")).toContain(
      "Fyll ut e-post til kontaktperson i Arendal",
    );
    expect(summaryOf(html)).toContain('href="#contactName-4203"');
    res = await post(url, "siv", {
      ...ok,
      "municipality-4203": "yes",
      "contactName-4203": "Anne Arendal",
      "contactEmail-4203": "ikke-en-adresse",
    });
    html = await text(res);
    expect(res.status).toBe(422);
    expect(fieldError(html, "contactEmail-4203")).toContain("Skriv en gyldig e-postadresse");
    expect(html).toContain('value="Anne Arendal"');

    // "Inviter alle" also asks for the contacts it needs, beside each row.
    res = await post(url, "siv", { intent: "all", deadline: "2027-03-01" });
    html = await text(res);
    expect(res.status).toBe(422);
    expect(fieldError(html, "contactName-4211")).toContain("Gjerstad");
    expect(fieldError(html, "contactName-4204")).toBe("");

    // Cohort 8: the office's deadline to invite has passed.
    res = await get(page(c8), "siv");
    html = await text(res);
    expect(html).toContain("Fristen for å invitere kommuner gikk ut 1. november 2026");
    expect(html).not.toContain("/inviter");
    res = await post(`${page(c8)}/inviter`, "siv", ok);
    html = await text(res);
    expect(res.status).toBe(422);
    expect(summaryOf(html)).toContain("Fristen for å invitere kommuner gikk ut 1. november 2026");

    expect(await invitations(c7)).toEqual([]);
    expect(await invitations(c8)).toEqual([]);
  });

  it("invites: each municipality gets the mail in its written standard, with the link to answer", async () => {
    await setWrittenStandard(t.db, "municipality", "4204", "nn", {
      personId: null,
      now: t.clock.now(),
    });
    const res = await post(`${page(c7)}/inviter`, "siv", {
      "municipality-4204": "yes",
      "municipality-4203": "yes",
      "contactName-4203": "Anne Arendal",
      "contactEmail-4203": "anne@arendal.example",
      message: "Velkommen med i pulje 7!",
      deadline: "2027-03-01",
      intent: "chosen",
    });
    expect(res.status).toBe(303);
    const location = res.headers.get("location")!;
    expect(location).toBe(`/nb/puljer/${c7}/kontor/${AGDER}?melding=invited&antall=2`);
    const html = await text(await get(location, "siv"));
    expect(html).toContain("2 kommuner er invitert.");
    expect(html).toContain("Invitert: 2");
    expect(html).toContain("Ikke invitert: 23");
    expect(html).not.toContain('id="municipality-4204"');

    const rows = await invitations(c7);
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r).toMatchObject({
        officeId: AGDER,
        inviteeKind: "municipality",
        state: "invited",
        deadline: "2027-03-01",
        message: "Velkommen med i pulje 7!",
        invitedBy: ids.siv,
      });
    }
    const [contact] = await t.db
      .select()
      .from(roleInvitations)
      .where(eq(roleInvitations.email, "anne@arendal.example"));
    expect(contact).toMatchObject({ role: "municipal-coordinator", orgId: "4203" });
    expect(await recipientsOf(t.db, "municipality", "4203", t.clock.now())).toEqual([
      "anne@arendal.example",
    ]);

    await t.jobs.runDue();
    const nynorsk = await t.smtp.waitFor(
      (m) => m.to.includes(demoEmail("kari")) && m.text.includes("Svar innan"),
    );
    expect(nynorsk.text).toContain("Svar innan 1. mars 2027");
    expect(nynorsk.text).toContain(`${BASE_URL}/nn/puljer/${c7}/kommune/4204`);
    expect(nynorsk.text).toContain("Velkommen med i pulje 7!");
    const bokmal = await t.smtp.waitFor(
      (m) => m.to.includes("anne@arendal.example") && m.text.includes("Svar innen"),
    );
    expect(bokmal.text).toContain("Svar innen 1. mars 2027");
    expect(bokmal.text).toContain(`${BASE_URL}/nb/puljer/${c7}/kommune/4203`);
    // Anne is also invited to Samspill as Arendal's coordinator.
    expect(
      mailsTo("anne@arendal.example").some((m) => m.subject === "Du er invitert til Samspill"),
    ).toBe(true);

    // Asking again for one already invited is refused, not repeated.
    const again = await post(`${page(c7)}/inviter`, "siv", {
      "municipality-4204": "yes",
      deadline: "2027-03-01",
    });
    expect(again.status).toBe(422);
    expect(summaryOf(await text(again))).toContain("Kristiansand er allerede invitert");
    expect(await invitations(c7)).toHaveLength(2);
  });

  it("reminds everyone who has not answered with one click, or one row", async () => {
    // Roar invites Stavanger for Rogaland: Siv must not be able to remind it.
    const roarRes = await post(`${page(c7, ROGALAND)}/inviter`, "roar", {
      "municipality-1103": "yes",
      "contactName-1103": "Stine Stavanger",
      "contactEmail-1103": "stine@stavanger.example",
      deadline: "2027-03-01",
    });
    expect(roarRes.status).toBe(303);
    const stavanger = await invitationOf(c7, "1103", "municipality");

    let res = await post(`${page(c7)}/paminn`, "siv", { all: "yes" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(
      `/nb/puljer/${c7}/kontor/${AGDER}?melding=reminded&antall=2`,
    );
    expect(await text(await get(res.headers.get("location")!, "siv"))).toContain(
      "Påminnelse er sendt til 2 som ikke har svart.",
    );
    await t.jobs.runDue();
    const kari = await t.smtp.waitFor(
      (m) => m.to.includes(demoEmail("kari")) && m.subject.startsWith("Påminning:"),
    );
    expect(kari.text).toContain(`/nn/puljer/${c7}/kommune/4204`);
    await t.smtp.waitFor(
      (m) => m.to.includes("anne@arendal.example") && m.subject.startsWith("Påminnelse:"),
    );

    // Issue 8, finding 6: one manual reminder per invitation per day. A second the same day
    // is refused with a clear message and queues no mail.
    const arendal = await invitationOf(c7, "4203", "municipality");
    const queued = async () =>
      (await t.db.select({ n: count() }).from(jobs).where(eq(jobs.kind, MAIL_JOB)))[0]!.n;
    const before = await queued();
    res = await post(`${page(c7)}/paminn`, "siv", { invitation: String(arendal.id) });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toContain("melding=reminded&antall=0&idag=4203");
    const refused = await text(await get(res.headers.get("location")!, "siv"));
    expect(refused).toContain(
      "Arendal har allerede fått påminnelse i dag. Du kan sende én påminnelse per dag.",
    );
    expect(await queued()).toBe(before);
    res = await post(`${page(c7)}/paminn`, "siv", { all: "yes" });
    expect(res.headers.get("location")).toContain("antall=0&idag=");
    expect(await queued()).toBe(before);
    // The page says so, and offers no second reminder today.
    const rows = await text(await get(page(c7), "siv"));
    expect(rows).toContain("Du kan sende én påminnelse per dag til hver kommune og enhet.");
    expect(rows).toMatch(/Arendal[\s\S]*?Påminnelse sendt i dag kl\. \d\d:\d\d/);
    expect(rows).not.toContain(`name="invitation" value="${arendal.id}"`);
    // Another office's invitation: nothing happens.
    res = await post(`${page(c7)}/paminn`, "siv", { invitation: String(stavanger.id) });
    expect(res.headers.get("location")).toContain("melding=reminded&antall=0");
    expect(await text(await get(res.headers.get("location")!, "siv"))).toContain(
      "Ingen påminnelse ble sendt",
    );

    expect((await invitationOf(c7, "4203", "municipality")).remindersSent).toBe(1);
    expect((await invitationOf(c7, "4204", "municipality")).remindersSent).toBe(1);
    expect((await invitationOf(c7, "1103", "municipality")).remindersSent).toBe(0);
    const html = await text(await get(page(c7), "siv"));
    expect(html).toMatch(/Arendal[\s\S]*?1, sist 23\. november 2026/);
  });

  it("extends one deadline with a reason, and refuses what the chain refuses", async () => {
    const arendal = await invitationOf(c7, "4203", "municipality");
    const sub = `${page(c7)}/invitasjoner/${arendal.id}`;
    let html = await text(await get(sub, "siv"));
    expect(html).toContain("Invitasjonen til Arendal");
    expect(html).toContain("Påminnelse sendt");
    expect(html).toContain("Siv Statsforvalter");
    // Ada sees the history too, without the form.
    const adaView = await text(await get(sub, "ada"));
    expect(adaView).toContain("Historikk");
    expect(adaView).not.toContain('method="post"');
    expect(
      (await post(`${sub}/frist`, "ada", { deadline: "2027-04-15", reason: "x" })).status,
    ).toBe(403);
    // Adding a contact person is the office's act alone: the owner's admin, another owner's
    // admin and the municipality itself are refused, and nothing is stored.
    const contact = { name: "Anne Kontakt", email: "anne@kommune.example" };
    for (const who of ["ada", "frida", "kari"]) {
      expect((await post(`${sub}/kontakt`, who, contact)).status, who).toBe(403);
    }
    expect(
      (
        await t.app.request(`${sub}/kontakt`, {
          method: "POST",
          body: new URLSearchParams(contact),
        })
      ).status,
    ).not.toBe(303);

    const refusals: [Record<string, string>, string, string][] = [
      [
        { deadline: "2027-04-15", reason: " " },
        "reason",
        "Skriv en begrunnelse for den nye fristen",
      ],
      [{ deadline: "", reason: "Trenger tid" }, "deadline", "Fyll ut ny svarfrist"],
      [{ deadline: "2027-13-01", reason: "Trenger tid" }, "deadline", "Skriv en dato"],
      [
        { deadline: "2027-02-01", reason: "Trenger tid" },
        "deadline",
        "Den nye fristen må være senere enn den gamle (1. mars 2027)",
      ],
      [
        { deadline: "2027-09-01", reason: "Trenger tid" },
        "deadline",
        "Svarfristen kan ikke være etter at puljen starter",
      ],
    ];
    for (const [form, field, message] of refusals) {
      const res = await post(`${sub}/frist`, "siv", form);
      expect(res.status).toBe(422);
      html = await text(res);
      expect(fieldError(html, field)).toContain(message);
      expect(summaryOf(html)).toContain(message);
    }
    expect((await invitationOf(c7, "4203", "municipality")).deadline).toBe("2027-03-01");

    const res = await post(`${sub}/frist`, "siv", {
      deadline: "2027-04-15",
      reason: "Kommunestyret møtes i april.",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${sub}?melding=extended&epost=1`);
    html = await text(await get(res.headers.get("location")!, "siv"));
    expect(html).toContain(
      "Svarfristen er endret, og det er sendt e-post om den nye fristen til 1 mottaker.",
    );
    // The reason is required, and marked so (issue 8, finding 14).
    expect(html).toMatch(/<textarea[^>]*name="reason"[^>]*required/);
    expect(html).toContain("Må fylles ut. Kommer med i e-posten om den nye fristen.");
    expect(html).toContain(
      "Fra 1. mars 2027 til 15. april 2027. Begrunnelse: Kommunestyret møtes i april.",
    );
    expect((await invitationOf(c7, "4203", "municipality")).deadline).toBe("2027-04-15");
    await t.jobs.runDue();
    const mail = await t.smtp.waitFor(
      (m) => m.to.includes("anne@arendal.example") && m.subject.startsWith("Ny svarfrist"),
    );
    expect(mail.text).toContain("15. april 2027");
    expect(mail.text).toContain("Kommunestyret møtes i april.");

    // Through Agder's path, Rogaland's invitation does not exist.
    const stavanger = await invitationOf(c7, "1103", "municipality");
    expect((await get(`${page(c7)}/invitasjoner/${stavanger.id}`, "siv")).status).toBe(404);
    expect(
      (
        await post(`${page(c7)}/invitasjoner/${stavanger.id}/frist`, "siv", {
          deadline: "2027-04-15",
          reason: "Nei",
        })
      ).status,
    ).toBe(404);

    // Kristiansand says yes: its deadline cannot change any more.
    const kristiansand = await invitationOf(c7, "4204", "municipality");
    const answered = await answerInvitation(
      t.db,
      {
        invitationId: kristiansand.id,
        answer: "accept",
        commitments: true,
        reason: "",
        version: kristiansand.version,
      },
      { personId: ids.kari!, now: t.clock.now(), baseUrl: BASE_URL },
    );
    expect(answered.ok).toBe(true);
    const refused = await post(`${page(c7)}/invitasjoner/${kristiansand.id}/frist`, "siv", {
      deadline: "2027-04-15",
      reason: "Trenger tid",
    });
    expect(refused.status).toBe(422);
    expect(summaryOf(await text(refused))).toContain("Det er allerede svart på invitasjonen");
    const overview = await text(await get(page(c7), "siv"));
    expect(overview).toContain("Takket ja: 1");
  });

  it("invites private kindergartens and schools directly, and refuses the others", async () => {
    const agderUnits = await t.db.select().from(units).where(eq(units.countyCode, "42"));
    const privateUnit = agderUnits.find((u) => u.owner === "private" && u.active)!;
    const otherPrivate = agderUnits.find(
      (u) => u.owner === "private" && u.active && u.orgNumber !== privateUnit.orgNumber,
    )!;
    const publicUnit = agderUnits.find((u) => u.owner === "public" && u.active)!;
    const [osloPrivate] = await t.db
      .select()
      .from(units)
      .where(and(eq(units.countyCode, "03"), eq(units.owner, "private"), eq(units.active, true)));
    expect(privateUnit && otherPrivate && publicUnit && osloPrivate).toBeTruthy();
    let unknown = "";
    for (let n = 91_000_000; !unknown; n++) {
      const candidate = completeOrgNumber(String(n));
      if (candidate && !(await getUnit(t.db, candidate))) unknown = candidate;
    }
    const wrongCheck = `${privateUnit.orgNumber.slice(0, 8)}${(Number(privateUnit.orgNumber[8]) + 1) % 10}`;
    expect(isValidOrgNumber(wrongCheck)).toBe(false);

    const url = `${page(c7)}/enheter`;
    const refusals: [Record<string, string>, string, string][] = [
      [{ orgNumber: "" }, "unit-orgNumber", "Fyll ut organisasjonsnummeret"],
      [{ orgNumber: "12345" }, "unit-orgNumber", "Skriv et gyldig organisasjonsnummer"],
      [{ orgNumber: wrongCheck }, "unit-orgNumber", "Skriv et gyldig organisasjonsnummer"],
      [{ orgNumber: unknown }, "unit-orgNumber", "Fant ingen barnehage eller skole"],
      [
        { orgNumber: publicUnit.orgNumber },
        "unit-orgNumber",
        "Dette er ikke en aktiv, privat barnehage eller skole",
      ],
      [
        { orgNumber: osloPrivate!.orgNumber },
        "unit-orgNumber",
        "Enheten ligger ikke i fylkene dere dekker",
      ],
      [
        { orgNumber: privateUnit.orgNumber },
        "unit-name",
        "Ingen ved enheten får e-post fra Samspill ennå",
      ],
      [
        { orgNumber: privateUnit.orgNumber, name: "Pia Privat" },
        "unit-email",
        "Fyll ut e-post til kontaktperson ved enheten",
      ],
      [
        {
          orgNumber: privateUnit.orgNumber,
          name: "Pia Privat",
          email: "pia@privat.example",
          deadline: "2026-01-01",
        },
        "unit-deadline",
        "Svarfristen kan ikke være før i dag",
      ],
    ];
    for (const [form, field, message] of refusals) {
      const res = await post(url, "siv", form);
      expect(res.status, JSON.stringify(form)).toBe(422);
      const html = await text(res);
      expect(fieldError(html, field)).toContain(message);
      expect(summaryOf(html)).toContain(message);
      if (form.orgNumber) expect(html).toContain(`value="${form.orgNumber}"`);
    }
    expect((await invitations(c7)).filter((i) => i.inviteeKind === "unit")).toEqual([]);

    // A search by name finds private units in Agder only, with a link that fills in the number.
    const word = privateUnit.name.split(" ")[0]!;
    const found = await text(await get(`${page(c7)}?sok=${encodeURIComponent(word)}`, "siv"));
    expect(found).toContain(privateUnit.name);
    expect(found).toContain(`?orgnr=${privateUnit.orgNumber}#unit-orgNumber`);
    expect(found).not.toContain(`?orgnr=${publicUnit.orgNumber}`);
    expect(found).not.toContain(`?orgnr=${osloPrivate!.orgNumber}`);
    const chosen = await text(await get(`${page(c7)}?orgnr=${privateUnit.orgNumber}`, "siv"));
    expect(chosen).toMatch(
      new RegExp(
        `id="unit-orgNumber"[^>]*value="${privateUnit.orgNumber}"|value="${privateUnit.orgNumber}"[^>]*id="unit-orgNumber"`,
      ),
    );

    const res = await post(url, "siv", {
      orgNumber: privateUnit.orgNumber,
      name: "Pia Privat",
      email: "pia@privat.example",
      message: "Private enheter er velkomne.",
      deadline: "2027-03-01",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(
      `/nb/puljer/${c7}/kontor/${AGDER}?melding=unitInvited`,
    );
    const html = await text(await get(res.headers.get("location")!, "siv"));
    expect(html).toContain("Enheten er invitert.");
    expect(html).toMatch(new RegExp(`${privateUnit.orgNumber}</td>[\\s\\S]*?Invitert`));
    const inv = await invitationOf(c7, privateUnit.orgNumber, "unit");
    expect(inv).toMatchObject({ state: "invited", officeId: AGDER, deadline: "2027-03-01" });
    await t.jobs.runDue();
    const mail = await t.smtp.waitFor(
      (m) => m.to.includes("pia@privat.example") && m.subject.startsWith("Invitasjon:"),
    );
    expect(mail.text).toContain(`/puljer/${c7}/enhet/${privateUnit.orgNumber}`);

    const twice = await post(url, "siv", {
      orgNumber: privateUnit.orgNumber,
      name: "Pia Privat",
      email: "pia@privat.example",
    });
    expect(twice.status).toBe(422);
    expect(summaryOf(await text(twice))).toContain("Enheten er allerede invitert");
  });

  it("checks the batch recipient rule against the chain's own", async () => {
    const now = t.clock.now();
    const codes = ["4201", "4203", "4204", "4205"];
    const reachable = await reachableOf(t.db, "municipality", codes, now);
    for (const code of codes) {
      const mail = await recipientsOf(t.db, "municipality", code, now);
      expect(reachable.has(code), code).toBe(mail.length > 0);
    }
    // The form reader chooses nothing it was not asked to, and "all" means the open ones.
    const rows = [
      { code: "4201", name: "Risør", countyName: "Agder", invitation: null, reachable: true },
      {
        code: "4204",
        name: "Kristiansand",
        countyName: "Agder",
        invitation: {} as never,
        reachable: true,
      },
    ];
    const all = parseInviteForm({ intent: "all" }, rows);
    expect(all.ok && all.data.codes).toEqual(["4201"]);
    const none = parseInviteForm({ "municipality-4201": "" }, rows);
    expect(none.ok).toBe(false);
  });

  it("expires an unanswered invitation, and a new deadline opens it again", async () => {
    const start = t.clock.now();
    const res = await post(`${page(c10)}/inviter`, "siv", {
      "municipality-4205": "yes",
      "contactName-4205": "Lise Lindesnes",
      "contactEmail-4205": "lise@lindesnes.example",
      deadline: "2026-12-01",
    });
    expect(res.status).toBe(303);
    t.clock.set(new Date("2026-12-05T10:00:00Z"));
    const housekeeping = await runChainHousekeeping(t.db, {
      now: t.clock.now(),
      baseUrl: BASE_URL,
    });
    expect(housekeeping.expired).toBe(1);
    const lindesnes = await invitationOf(c10, "4205", "municipality");
    expect(lindesnes.state).toBe("expired");
    expect(await text(await get(page(c10), "siv"))).toContain("Fristen gikk ut: 1");

    const sub = `${page(c10)}/invitasjoner/${lindesnes.id}`;
    const past = await post(`${sub}/frist`, "siv", { deadline: "2026-12-03", reason: "Ferie" });
    expect(past.status).toBe(422);
    expect(fieldError(await text(past), "deadline")).toContain(
      "Svarfristen kan ikke være før i dag",
    );
    const ok = await post(`${sub}/frist`, "siv", {
      deadline: "2027-01-20",
      reason: "E-posten kom ikke fram.",
    });
    expect(ok.status).toBe(303);
    const reopened = await invitationOf(c10, "4205", "municipality");
    expect(reopened).toMatchObject({ state: "invited", deadline: "2027-01-20" });
    const html = await text(await get(sub, "siv"));
    expect(html).toContain("Fristen gikk ut");
    expect(html).toContain("Samspill (automatisk)");
    expect(html).toContain("Fra 1. desember 2026 til 20. januar 2027");
    // Someone who acted and has since been deleted is named as such, not as the system.
    const gone = await insertTestPerson(
      t.db,
      { name: "Gunn Gått", email: "gunn@agder.example" },
      t.clock.now(),
    );
    await t.db
      .update(cohortInvitationEvents)
      .set({ actorId: gone })
      .where(
        and(
          eq(cohortInvitationEvents.invitationId, lindesnes.id),
          eq(cohortInvitationEvents.event, "invited"),
        ),
      );
    await deletePerson(t.db, gone, { personId: null, now: t.clock.now() });
    const after = await text(await get(sub, "siv"));
    expect(after).toContain("Slettet person");
    expect(after).not.toContain("Gunn Gått");
    await t.jobs.runDue();
    await t.smtp.waitFor(
      (m) => m.to.includes("lise@lindesnes.example") && m.subject.startsWith("Ny svarfrist"),
    );
    t.clock.set(start);
  });

  it("sends the automatic reminder once, N days before the deadline", async () => {
    // Farsund's coordinator uses Samspill already (a role invitation would have lapsed after
    // 30 days, before the reminder is due).
    await insertTestPerson(
      t.db,
      {
        name: "Frode Farsund",
        email: "frode@farsund.example",
        role: { role: "municipal-coordinator", orgId: "4206" },
      },
      t.clock.now(),
    );
    const res = await post(`${page(c10)}/inviter`, "siv", {
      "municipality-4206": "yes",
      deadline: "",
    });
    expect(res.status).toBe(303);
    // The cohort's default: 10 January 2027, reminded 5 days before.
    const farsund = await invitationOf(c10, "4206", "municipality");
    expect(farsund.deadline).toBe("2027-01-10");
    await t.jobs.runDue();
    const before = mailsTo("frode@farsund.example").length;

    t.clock.set(new Date("2027-01-04T10:00:00Z"));
    expect(
      (await runChainHousekeeping(t.db, { now: t.clock.now(), baseUrl: BASE_URL })).reminded,
    ).toBe(0);
    t.clock.set(new Date("2027-01-05T10:00:00Z"));
    const first = await runChainHousekeeping(t.db, { now: t.clock.now(), baseUrl: BASE_URL });
    expect(first.reminded).toBe(1);
    await t.jobs.runDue();
    const mail = await t.smtp.waitFor(
      (m) => m.to.includes("frode@farsund.example") && m.subject.startsWith("Påminnelse:"),
    );
    expect(mail.text).toContain("Fristen er 10. januar 2027");
    expect(mailsTo("frode@farsund.example").length).toBe(before + 1);

    const second = await runChainHousekeeping(t.db, { now: t.clock.now(), baseUrl: BASE_URL });
    expect(second.reminded).toBe(0);
    expect(await t.jobs.runDue()).toBe(0);
    expect(mailsTo("frode@farsund.example").length).toBe(before + 1);
    const html = await text(await get(page(c10), "siv"));
    expect(html).toMatch(/Farsund[\s\S]*?1, sist 5\. januar 2027/);
    const history = await text(await get(`${page(c10)}/invitasjoner/${farsund.id}`, "siv"));
    expect(history).toContain("Automatisk påminnelse sendt");
  });
});
