import { and, count, eq, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORIGIN, type TestApp, testApp } from "../../../tests/support/app";
import { testOrgNumbers } from "../../../tests/support/cohorts";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, requestsAs } from "../../../tests/support/people";
import { demoEmail, insertTestPerson } from "../identity";
import { auditLog, roleInvitations } from "../identity/schema";
import { createPpService, insertTestUnits, writtenStandardOf } from "../organisations";
import { createProgramme } from "../programmes";
import { contactHistory, extendDeadline, inviteToCohort } from "./chain";
import { createTestCohort, createTestInvitation } from "./factories";
import { cohortEnrolments, cohortInvitationEvents, cohortInvitations } from "./schema";

const START = new Date("2026-11-23T10:00:00Z");
const OFFICE = "sf-agder";

describe.each(databaseKinds)("the municipality's page of its invitation on %s", (kind) => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  let programmeId = 0;
  let nextNumber = 8;
  const [kgPublic, school, kgPrivate, closed, elsewhere] = testOrgNumbers("81", 5) as [
    string,
    string,
    string,
    string,
    string,
  ];
  let ppHere = 0;
  let ppThere = 0;

  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    Object.assign(
      ids,
      await demoPeopleIds(t.db, ["ada", "frida", "siv", "kari", "rune", "bente", "sverre"]),
    );
    const now = t.clock.now();
    await insertTestUnits(
      t.db,
      [
        { orgNumber: kgPublic, name: "Testlia barnehage (test)", kg: true, owner: "public" },
        { orgNumber: school, name: "Testheia skole (test)", kg: false, owner: "public" },
        { orgNumber: kgPrivate, name: "Testtunet barnehage (test)", kg: true, owner: "private" },
        { orgNumber: closed, name: "Testvik skole (test)", kg: false, owner: "public" },
        { orgNumber: elsewhere, name: "Testmo skole (test)", kg: false, owner: "public" },
      ].map((u) => ({
        orgNumber: u.orgNumber,
        name: u.name,
        municipalityCode: u.orgNumber === elsewhere ? "4202" : "4204",
        kind: u.kg ? ("kindergarten" as const) : ("school" as const),
        owner: u.owner as "public" | "private",
        active: u.orgNumber !== closed,
      })),
      now,
    );
    // People the demo has no role for: Nora (none), Kjell (a second coordinator of 4204), Rolv
    // (a coordinator of another office), Ulla (leader of a private kindergarten).
    for (const [key, name, role] of [
      ["nora", "Nora Uten Rolle", undefined],
      ["kjell", "Kjell Kommune", { role: "municipal-coordinator", orgId: "4204" }],
      ["rolv", "Rolv Rogaland", { role: "county-coordinator", orgId: "sf-rogaland" }],
      ["ulla", "Ulla Privat", { role: "unit-leader", orgId: kgPrivate }],
    ] as const) {
      const email = `${key}@test.samspill.example`;
      ids[key] = await insertTestPerson(t.db, { name, email, ...(role ? { role } : {}) }, now);
    }
    ppHere = await createPpService(t.db, {
      name: "PPT Testdalen (test)",
      hostMunicipalityCode: "4204",
      municipalities: [{ code: "4204", validFrom: "2020-01-01" }],
    });
    ppThere = await createPpService(t.db, {
      name: "PPT Annenby (test)",
      hostMunicipalityCode: "4202",
      municipalities: [{ code: "4202", validFrom: "2020-01-01" }],
    });
    programmeId = await createProgramme(
      t.db,
      {
        slug: "test-miljo",
        owner: "udir",
        model: "cohorts",
        startedOn: "2027-08-01",
        durationMinMonths: 24,
        durationMaxMonths: 24,
        deliveryMode: "mixed",
        publishedAt: now,
      },
      [
        {
          lang: "nb",
          title: "Trygt miljø (test)",
          ownerName: "Utdanningsdirektoratet",
          summary: "Test.",
          targetGroup: "Kommuner.",
          bodyMarkdown: "Test.",
          commitments: "Hele personalet deltar.\nKommunen leder lærende nettverk.",
        },
        {
          lang: "nn",
          title: "Trygt miljø (test, nn)",
          ownerName: "Utdanningsdirektoratet",
          summary: "Test.",
          targetGroup: "Kommunar.",
          bodyMarkdown: "Test.",
          commitments: "Heile personalet deltek.",
        },
      ],
    );
  });
  afterAll(() => t.close());

  const { cookie: as, get, post } = requestsAs(() => t, ids);
  const officeActor = () => ({ personId: ids.siv!, now: t.clock.now(), baseUrl: ORIGIN });

  /** A fresh cohort of the test programme with Agder invited and 4204 (or a unit) invited by it. */
  async function freshInvitation(
    invitee: { kind: "municipality" | "unit"; id: string } = {
      kind: "municipality",
      id: "4204",
    },
  ) {
    const cohortId = await createTestCohort(
      t.db,
      {
        programmeId,
        number: nextNumber++,
        termsNb: "Kommunen **stiller** med tid til arbeidet.",
        termsNn: "Kommunen **stiller** med tid til arbeidet (nn).",
        termsEn: "",
        createdAt: t.clock.now(),
      },
      { offices: [OFFICE], actor: { ...officeActor(), personId: ids.ada! } },
    );
    const inv = await createTestInvitation(
      t.db,
      { cohortId, officeId: OFFICE, invitee, message: "Velkommen med i puljen!" },
      { state: "invited", office: officeActor() },
    );
    const segment = invitee.kind === "unit" ? "enhet" : "kommune";
    return { cohortId, inv, path: `/nb/puljer/${cohortId}/${segment}/${invitee.id}` };
  }
  const invitationNow = async (id: number) =>
    (await t.db.select().from(cohortInvitations).where(eq(cohortInvitations.id, id)))[0]!;
  const eventsOf = async (id: number, names: string[]) =>
    (
      await t.db
        .select({ n: count() })
        .from(cohortInvitationEvents)
        .where(
          and(
            eq(cohortInvitationEvents.invitationId, id),
            inArray(cohortInvitationEvents.event, names),
          ),
        )
    )[0]!.n;
  const activeEnrolments = async (invitationId: number) =>
    (
      await t.db
        .select({ org: cohortEnrolments.unitOrgNumber })
        .from(cohortEnrolments)
        .where(
          and(
            eq(cohortEnrolments.invitationId, invitationId),
            isNull(cohortEnrolments.withdrawnAt),
          ),
        )
    )
      .map((r) => r.org)
      .sort();
  const accepted = async () => {
    const f = await freshInvitation();
    const res = await post(`${f.path}/svar`, "kari", {
      answer: "accept",
      commitments: "yes",
      version: String(f.inv.version),
    });
    expect(res.status).toBe(303);
    return f;
  };

  describe("who may see and act", () => {
    it("lets the municipal coordinator act and shows the whole invitation", async () => {
      const { path, inv } = await freshInvitation();
      const res = await get(path, "kari");
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const html = await res.text();
      expect(html).toContain("Trygt miljø (test), pulje");
      expect(html).toContain("Statsforvalteren i Agder");
      expect(html).toContain("Velkommen med i puljen!");
      expect(html).toContain("svar innen 1. mars 2027");
      expect(html).toContain("Venter på svar");
      expect(html).toContain("1. august 2027");
      expect(html).toContain("<li>Hele personalet deltar.</li>");
      expect(html).toContain("<li>Kommunen leder lærende nettverk.</li>");
      expect(html).toContain("<strong>stiller</strong>");
      expect(html).toContain("Vi godtar forpliktelsene");
      expect(html).toContain(`name="version" value="${inv.version}"`);
      expect(html).toContain(`action="${path}/svar"`);
      // The history: the office's invitation, by Siv.
      expect(html).toContain("Siv Statsforvalter");
      expect(html).toContain("Invitert");
    });

    it("shows the commitments and terms in nynorsk, and falls back to bokmål in English", async () => {
      const { path } = await freshInvitation();
      const nn = await (await get(path.replace("/nb/", "/nn/"), "kari")).text();
      expect(nn).toContain("<li>Heile personalet deltek.</li>");
      expect(nn).toContain("svar innan 1. mars 2027");
      expect(nn).toContain("(nn).");
      const en = await (await get(path.replace("/nb/", "/en/"), "kari")).text();
      expect(en).toContain('<ul class="ds-list" lang="nb" id="commitments-list">');
      expect(en).toContain("<li>Hele personalet deltar.</li>");
      expect(en).toContain("answer by 1 March 2027");
      expect(en).toContain('<div class="prose" lang="nb">');
    });

    it("shows the page read-only to the resource person, programme admins and the inviting office", async () => {
      const { path } = await freshInvitation();
      // FUB/FUG's programme admin has no part in a Directorate programme's cohort (issue 8: 9).
      expect((await get(path, "frida")).status).toBe(403);
      for (const who of ["rune", "ada", "siv"]) {
        const res = await get(path, who);
        expect(res.status, who).toBe(200);
        const html = await res.text();
        expect(html, who).toContain("Du kan se invitasjonen, men ikke svare eller endre noe her.");
        expect(html, who).not.toContain(`action="${path}/svar"`);
        expect(html, who).not.toContain('name="version"');
      }
      expect(await (await get(path, "siv")).text()).toContain(`/kontor/${OFFICE}`);
    });

    it("refuses everyone else, and every post from those who only view", async () => {
      const { path, inv } = await freshInvitation();
      for (const who of ["nora", "bente", "sverre", "rolv", "ulla"]) {
        expect((await get(path, who)).status, who).toBe(403);
      }
      const answer = { answer: "accept", commitments: "yes", version: String(inv.version) };
      for (const who of ["rune", "ada", "siv", "nora", "bente", "rolv"]) {
        expect((await post(`${path}/svar`, who, answer)).status, who).toBe(403);
        expect((await post(`${path}/malform`, who, { standard: "nn" })).status, who).toBe(403);
        expect((await post(`${path}/enheter`, who, { units: kgPublic })).status, who).toBe(403);
        expect(
          (await post(`${path}/ressursperson`, who, { name: "X", email: "x@kommune.example" }))
            .status,
          who,
        ).toBe(403);
      }
      expect((await invitationNow(inv.id)).state).toBe("invited");
    });

    it("answers 404 when there is no such invitation and 400/404 for bad ids, never 500", async () => {
      const { cohortId } = await freshInvitation();
      expect((await get(`/nb/puljer/999999/kommune/4204`, "kari")).status).toBe(404);
      expect((await get(`/nb/puljer/${cohortId}/kommune/4202`, "ada")).status).toBe(404);
      expect((await get(`/nb/puljer/${cohortId}/enhet/${kgPrivate}`, "ulla")).status).toBe(404);
      expect((await get(`/nb/puljer/abc/kommune/4204`, "kari")).status).toBe(404);
      expect((await get(`/nb/puljer/${cohortId}/kommune/42x4`, "kari")).status).toBe(404);
      expect((await get(`/nb/puljer/99999999999/kommune/4204`, "kari")).status).toBe(404);
      expect((await get(`/nb/puljer/${cohortId}/enhet/12345`, "kari")).status).toBe(404);
      const path = `/nb/puljer/${cohortId}/kommune/4204`;
      expect((await post(`${path}/svar`, "kari", { answer: "accept", version: "x" })).status).toBe(
        400,
      );
      expect((await post(`${path}/svar`, "kari", { answer: "accept" })).status).toBe(400);
      const json = await t.app.request(`${path}/svar`, {
        method: "POST",
        body: JSON.stringify({ answer: "accept" }),
        headers: { "Content-Type": "application/json", Origin: ORIGIN, Cookie: await as("kari") },
      });
      expect(json.status).toBe(400);
    });
  });

  describe("answering", () => {
    it("accepts with the commitments: 303, accepted, one event, audited", async () => {
      const { path, inv } = await freshInvitation();
      const res = await post(`${path}/svar`, "kari", {
        answer: "accept",
        commitments: "yes",
        reason: "",
        version: String(inv.version),
      });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe(`${path}?melding=accepted`);
      const now = await invitationNow(inv.id);
      expect(now.state).toBe("accepted");
      expect(now.answeredBy).toBe(ids.kari);
      expect(now.commitmentsAcceptedAt).not.toBeNull();
      expect(await eventsOf(inv.id, ["accepted"])).toBe(1);
      const audits = await t.db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.action, "cohort-invitation.accepted"),
            eq(auditLog.entityId, String(inv.id)),
          ),
        );
      expect(audits).toHaveLength(1);
      expect(audits[0]!.actorId).toBe(ids.kari);
      const page = await (await get(res.headers.get("location")!, "kari")).text();
      expect(page).toContain("Takk! Dere har takket ja.");
      expect(page).toContain("Kari Kommune takket ja 23. november 2026.");
      expect(page).toContain("Barnehager og skoler");
      expect(page).not.toContain(`action="${path}/svar"`);
    });

    it("refuses a yes without the commitments: 422, error beside the field and in the summary, input kept", async () => {
      const { path, inv } = await freshInvitation();
      const res = await post(`${path}/svar`, "kari", {
        answer: "accept",
        reason: "Noe tekst",
        version: String(inv.version),
      });
      expect(res.status).toBe(422);
      const html = await res.text();
      const message = "Kryss av for at dere godtar forpliktelsene for å takke ja";
      expect(html.split(message)).toHaveLength(3);
      expect(html).toContain('href="#commitments"');
      expect(html).toContain('id="commitments-error"');
      expect(html).toMatch(/<title>Feil: /);
      expect(html).toMatch(/value="accept" checked/);
      expect(html).toContain("Noe tekst</textarea>");
      expect((await invitationNow(inv.id)).state).toBe("invited");
      expect(await eventsOf(inv.id, ["accepted", "declined"])).toBe(0);
    });

    it("refuses a no without a reason, or with a reason too long, and a post with no answer", async () => {
      const { path, inv } = await freshInvitation();
      const version = String(inv.version);
      const none = await post(`${path}/svar`, "kari", { answer: "decline", version });
      expect(none.status).toBe(422);
      const html = await none.text();
      expect(html.split("Skriv en begrunnelse for å takke nei")).toHaveLength(3);
      expect(html).toContain('href="#reason"');
      const long = await post(`${path}/svar`, "kari", {
        answer: "decline",
        reason: "x".repeat(1001),
        version,
      });
      expect(long.status).toBe(422);
      expect(await long.text()).toContain("Begrunnelsen kan ha høyst 1000 tegn");
      const empty = await post(`${path}/svar`, "kari", { version });
      expect(empty.status).toBe(422);
      expect(await empty.text()).toContain("Velg om dere takker ja eller nei");
      expect((await invitationNow(inv.id)).state).toBe("invited");
    });

    it("declines with a reason and shows it", async () => {
      const { path, inv } = await freshInvitation();
      const res = await post(`${path}/svar`, "kari", {
        answer: "decline",
        reason: "  Vi har ikke kapasitet i år.  ",
        version: String(inv.version),
      });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe(`${path}?melding=declined`);
      const now = await invitationNow(inv.id);
      expect(now.state).toBe("declined");
      expect(now.declineReason).toBe("Vi har ikke kapasitet i år.");
      expect(await eventsOf(inv.id, ["declined"])).toBe(1);
      const page = await (await get(`${path}?melding=declined`, "rune")).text();
      expect(page).toContain("Kari Kommune takket nei 23. november 2026.");
      expect(page).toContain("Vi har ikke kapasitet i år.");
      expect(page).toContain("Takket nei");
      expect(page).not.toContain("Barnehager og skoler");
    });

    it("keeps the deadline open through 23:59 in Oslo and closes it at 00:01 the next day", async () => {
      const early = await freshInvitation();
      const late = await freshInvitation();
      const answer = (version: number) => ({
        answer: "accept",
        commitments: "yes",
        version: String(version),
      });
      try {
        t.clock.set(new Date("2027-03-01T22:59:00Z")); // 23:59 in Oslo (CET)
        const open = await get(early.path, "kari");
        expect(await open.text()).toContain(`action="${early.path}/svar"`);
        expect((await post(`${early.path}/svar`, "kari", answer(early.inv.version))).status).toBe(
          303,
        );
        expect((await invitationNow(early.inv.id)).state).toBe("accepted");

        t.clock.set(new Date("2027-03-01T23:01:00Z")); // 00:01 on 2 March in Oslo
        const refused = await post(`${late.path}/svar`, "kari", answer(late.inv.version));
        expect(refused.status).toBe(422);
        const html = await refused.text();
        const message =
          "Fristen gikk ut 1. mars 2027. Ta kontakt med Statsforvalteren for å få ny frist.";
        expect(html.split(message)).toHaveLength(3);
        expect(html).toContain('href="#answer-status"');
        expect(html).not.toContain(`action="${late.path}/svar"`);
        expect((await invitationNow(late.inv.id)).state).toBe("invited");
        const page = await (await get(late.path, "kari")).text();
        expect(page).toContain(message);
        expect(page).toContain("Fristen gikk ut uten svar");
        expect(page).not.toContain(`action="${late.path}/svar"`);
      } finally {
        t.clock.set(START);
      }
    });

    it("tells a second answer that the municipality has already answered, and by whom", async () => {
      const { path, inv } = await freshInvitation();
      const answer = { answer: "accept", commitments: "yes", version: String(inv.version) };
      expect((await post(`${path}/svar`, "kari", answer)).status).toBe(303);
      const again = await post(`${path}/svar`, "kjell", {
        answer: "decline",
        reason: "Nei likevel.",
        version: String(inv.version + 1),
      });
      expect(again.status).toBe(422);
      const html = await again.text();
      expect(html).toContain(
        "Kommunen har allerede svart (Kari Kommune takket ja 23. november 2026)",
      );
      expect(html).toContain("Takket ja");
      expect((await invitationNow(inv.id)).state).toBe("accepted");
      expect(await eventsOf(inv.id, ["accepted", "declined"])).toBe(1);
    });

    it("stores exactly one of two answers sent at the same moment", async () => {
      const { path, inv } = await freshInvitation();
      const version = String(inv.version);
      const [a, b] = await Promise.all([
        post(`${path}/svar`, "kari", { answer: "accept", commitments: "yes", version }),
        post(`${path}/svar`, "kjell", { answer: "decline", reason: "Ikke nå.", version }),
      ]);
      expect([a!.status, b!.status].sort()).toEqual([303, 422]);
      const loser = a!.status === 422 ? a! : b!;
      expect(await loser.text()).toContain("Kommunen har allerede svart (");
      const now = await invitationNow(inv.id);
      expect(["accepted", "declined"]).toContain(now.state);
      expect(now.answeredBy).toBe(a!.status === 303 ? ids.kari : ids.kjell);
      expect(await eventsOf(inv.id, ["accepted", "declined"])).toBe(1);
    });

    it("shows the invitation again when it changed while the coordinator answered", async () => {
      const { path, inv } = await freshInvitation();
      // The office gives a new deadline while the form is open: the answer is not stored.
      const extended = await extendDeadline(
        t.db,
        { invitationId: inv.id, officeId: OFFICE, deadline: "2027-03-15", reason: "Mer tid." },
        officeActor(),
      );
      expect(extended.ok).toBe(true);
      const res = await post(`${path}/svar`, "kari", {
        answer: "decline",
        reason: "Kanskje neste gang.",
        version: String(inv.version),
      });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain("Invitasjonen ble endret mens du svarte.");
      expect(html).toContain(`name="version" value="${inv.version + 1}"`);
      expect(html).toContain("Kanskje neste gang.</textarea>");
      expect(html).toContain("svar innen 15. mars 2027");
      expect(html).toContain("Fristen forlenget");
      expect(html).toContain("Mer tid.");
      expect((await invitationNow(inv.id)).state).toBe("invited");
    });
  });

  describe("after a yes", () => {
    it("lists the municipality's active kindergartens and schools, public and private, grouped by type", async () => {
      const { path } = await accepted();
      const html = await (await get(path, "kari")).text();
      expect(html).toContain("Testlia barnehage (test)");
      expect(html).toContain("Testheia skole (test)");
      expect(html).toContain("Testtunet barnehage (test)");
      expect(html).not.toContain("Testvik skole (test)"); // closed
      expect(html).not.toContain("Testmo skole (test)"); // another municipality
      expect(html).toMatch(/Barnehager \(\d+, 0 påmeldt\)/);
      expect(html).toMatch(/Skoler \(\d+, 0 påmeldt\)/);
      expect(html).toContain("Alle ansatte i en påmeldt barnehage eller skole er med i tilbudet.");
      const privateOnly = await (await get(`${path}?type=barnehage&eier=privat`, "kari")).text();
      expect(privateOnly).toContain("Testtunet barnehage (test)");
      expect(privateOnly).not.toContain(`value="${kgPublic}"`);
      expect(privateOnly).not.toContain(`value="${school}"`);
      // The resource person sees the enrolled list but no forms.
      const rune = await (await get(path, "rune")).text();
      expect(rune).not.toContain(`action="${path}/enheter"`);
    });

    it("enrols units, refuses forged and closed ones storing nothing, and withdraws", async () => {
      const { path, inv } = await accepted();
      const chosen = new URLSearchParams([
        ["units", kgPublic],
        ["units", school],
      ]);
      const res = await post(`${path}/enheter`, "kari", chosen);
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe(`${path}?melding=enrolled#enheter`);
      expect(await activeEnrolments(inv.id)).toEqual([kgPublic, school].sort());
      expect(await eventsOf(inv.id, ["enrolled"])).toBe(2);
      const page = await (await get(`${path}?melding=enrolled`, "kari")).text();
      expect(page).toContain("Påmeldingen er lagret.");
      expect(page).toContain("Trekk Testlia barnehage (test) fra puljen");

      // A unit of another municipality, sent with one of ours: all refused.
      const forged = await post(
        `${path}/enheter`,
        "kari",
        new URLSearchParams([
          ["units", kgPrivate],
          ["units", elsewhere],
        ]),
      );
      expect(forged.status).toBe(422);
      const forgedHtml = await forged.text();
      expect(forgedHtml).toContain(
        `Enheten med organisasjonsnummer ${elsewhere} ligger ikke i kommunen`,
      );
      expect(forgedHtml).toContain('href="#units"');
      expect(await activeEnrolments(inv.id)).toEqual([kgPublic, school].sort());

      const shut = await post(`${path}/enheter`, "kari", { units: closed });
      expect(shut.status).toBe(422);
      expect(await shut.text()).toContain(`${closed} er ikke lenger i drift`);
      const none = await post(`${path}/enheter`, "kari", {});
      expect(none.status).toBe(422);
      expect(await none.text()).toContain("Velg minst én barnehage eller skole");
      expect((await post(`${path}/enheter`, "kari", { units: "abc" })).status).toBe(400);

      const out = await post(`${path}/enheter/${kgPublic}/trekk`, "kari", {});
      expect(out.status).toBe(303);
      expect(out.headers.get("location")).toBe(`${path}?melding=withdrawn#enheter`);
      expect(await activeEnrolments(inv.id)).toEqual([school]);
      expect(await eventsOf(inv.id, ["withdrawn"])).toBe(1);
      const twice = await post(`${path}/enheter/${kgPublic}/trekk`, "kari", {});
      expect(twice.status).toBe(422);
      expect(await twice.text()).toContain("Enheten er ikke påmeldt");
    });

    it("refuses enrolment and contacts before a yes", async () => {
      const { path, inv } = await freshInvitation();
      const res = await post(`${path}/enheter`, "kari", { units: kgPublic });
      expect(res.status).toBe(422);
      expect(await res.text()).toContain(
        "Kommunen må takke ja før dere kan melde på barnehager og skoler",
      );
      expect(await activeEnrolments(inv.id)).toEqual([]);
      const rp = await post(`${path}/ressursperson`, "kari", {
        name: "Rita Ressurs",
        email: "rita@kristiansand.kommune.no",
      });
      expect(rp.status).toBe(422);
      expect(await contactHistory(t.db, inv.id)).toEqual([]);
    });

    it("names a resource person (a role invitation, by e-mail), then another, keeping the history", async () => {
      const { path, inv } = await accepted();
      const bad = await post(`${path}/ressursperson`, "kari", { name: "", email: "rita@" });
      expect(bad.status).toBe(422);
      const badHtml = await bad.text();
      expect(badHtml).toContain("Fyll ut navn");
      expect(badHtml).toContain("Skriv inn en gyldig e-postadresse");
      expect(badHtml).toContain('value="rita@"');

      const email = `rita.${inv.id}@kristiansand.kommune.no`;
      const res = await post(`${path}/ressursperson`, "kari", {
        name: "Rita Ressurs",
        email: email,
      });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe(`${path}?melding=resource#ressursperson`);
      const [roleInvitation] = await t.db
        .select()
        .from(roleInvitations)
        .where(eq(roleInvitations.email, email));
      expect(roleInvitation).toMatchObject({ role: "resource-person", orgId: "4204" });
      const page = await (await get(`${path}?melding=resource`, "kari")).text();
      expect(page).toContain(`Vi sender en invitasjon til Rita Ressurs (${email}).`);
      await t.jobs.runDue();
      const mail = await t.smtp.waitFor((m) => m.to.includes(email));
      expect(mail.subject).toBe("Du er invitert til Samspill");
      expect(mail.text).toContain("Rita Ressurs");

      t.clock.advance(86_400_000);
      try {
        const next = await post(`${path}/ressursperson`, "kari", {
          name: "Rolf Ressurs",
          email: `rolf.${inv.id}@kristiansand.kommune.no`,
        });
        expect(next.status).toBe(303);
        const history = await contactHistory(t.db, inv.id);
        expect(history.map((h) => [h.name, h.endedAt === null])).toEqual([
          ["Rolf Ressurs", true],
          ["Rita Ressurs", false],
        ]);
        const later = await (await get(path, "kari")).text();
        expect(later).toContain("Rolf Ressurs");
        expect(later).toContain(`Rita Ressurs (${email}), 23. november 2026–24. november 2026`);
      } finally {
        t.clock.set(START);
      }
    });

    it("says so when the resource person already has the role", async () => {
      const { path, inv } = await accepted();
      const res = await post(`${path}/ressursperson`, "kari", {
        name: "Rune Ressurs",
        email: demoEmail("rune"),
      });
      expect(res.status).toBe(303);
      const [row] = await contactHistory(t.db, inv.id);
      expect(row!.roleInvitationId).toBeNull();
      const page = await (await get(`${path}?melding=resource`, "kari")).text();
      expect(page).toContain("Rune Ressurs har allerede rollen som ressursperson.");
    });

    it("names the PP-tjeneste contact from the services serving the municipality, keeping the history", async () => {
      const { path, inv } = await accepted();
      const html = await (await get(path, "kari")).text();
      expect(html).toContain(`<option value="${ppHere}">PPT Testdalen (test)</option>`);
      expect(html).not.toContain("PPT Annenby (test)");
      const foreign = await post(`${path}/pp-tjeneste`, "kari", {
        ppServiceId: String(ppThere),
        name: "Per Pedagog",
        email: "per@ppt.example",
      });
      expect(foreign.status).toBe(422);
      expect(await foreign.text()).toContain("Velg PP-tjeneste");
      const res = await post(`${path}/pp-tjeneste`, "kari", {
        ppServiceId: String(ppHere),
        name: "Per Pedagog",
        email: "per@ppt.example",
      });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe(`${path}?melding=pp#pp-tjeneste`);
      const again = await post(`${path}/pp-tjeneste`, "kari", {
        ppServiceId: String(ppHere),
        name: "Pia Pedagog",
        email: "pia@ppt.example",
      });
      expect(again.status).toBe(303);
      const history = (await contactHistory(t.db, inv.id)).filter((h) => h.kind === "pp-service");
      expect(history.map((h) => [h.name, h.ppServiceId, h.endedAt === null])).toEqual([
        ["Pia Pedagog", ppHere, true],
        ["Per Pedagog", ppHere, false],
      ]);
      const page = await (await get(`${path}?melding=pp`, "kari")).text();
      expect(page).toContain("Kontakten i PP-tjenesten er lagret.");
      expect(page).toContain("PPT Testdalen (test): Pia Pedagog (pia@ppt.example)");
      expect(page).toContain("PPT Testdalen (test): Per Pedagog (per@ppt.example)");
    });

    it("changes the municipality's written standard, audited", async () => {
      const { path } = await freshInvitation();
      const bad = await post(`${path}/malform`, "kari", { standard: "xx" });
      expect(bad.status).toBe(422);
      expect(await bad.text()).toContain("Velg bokmål eller nynorsk");
      const res = await post(`${path}/malform`, "kari", { standard: "nn" });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe(`${path}?melding=standard#malform`);
      expect(await writtenStandardOf(t.db, "municipality", "4204")).toBe("nn");
      const audits = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "written-standard.set"), eq(auditLog.entityId, "4204")));
      expect(audits.at(-1)).toMatchObject({
        actorId: ids.kari,
        before: { standard: "nb" },
        after: { standard: "nn" },
      });
      const page = await (await get(`${path}?melding=standard`, "kari")).text();
      expect(page).toContain("Målformen er lagret.");
      expect(page).toContain("Kommunens målform er nynorsk.");
      expect((await post(`${path}/malform`, "kari", { standard: "nb" })).status).toBe(303);
    });
  });

  describe("a private unit invited directly", () => {
    it("lets its leader answer; a yes enrols the unit itself", async () => {
      const { path, inv } = await freshInvitation({ kind: "unit", id: kgPrivate });
      const page = await get(path, "ulla");
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain("Invitasjon til Testtunet barnehage (test)");
      expect(html).toContain(`action="${path}/svar"`);
      expect(html).not.toContain("Barnehager og skoler");
      expect(html).not.toContain("Målform");
      expect((await get(path, "siv")).status).toBe(200);
      expect((await get(path, "ada")).status).toBe(200);
      for (const who of ["kari", "rune", "bente", "nora", "rolv"]) {
        expect((await get(path, who)).status, who).toBe(403);
      }
      const version = String(inv.version);
      expect(
        (await post(`${path}/svar`, "siv", { answer: "accept", commitments: "yes", version }))
          .status,
      ).toBe(403);
      const missing = await post(`${path}/svar`, "ulla", { answer: "accept", version });
      expect(missing.status).toBe(422);
      expect(await missing.text()).toContain("Kryss av for at dere godtar forpliktelsene");
      const res = await post(`${path}/svar`, "ulla", {
        answer: "accept",
        commitments: "yes",
        version,
      });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe(`${path}?melding=accepted`);
      expect(await activeEnrolments(inv.id)).toEqual([kgPrivate]);
      const after = await (await get(`${path}?melding=accepted`, "ulla")).text();
      expect(after).toContain("Takk! Enheten har takket ja og er påmeldt.");
      expect(after).toContain("Enheten er påmeldt puljen. Alle ansatte i enheten er med.");
      const twice = await post(`${path}/svar`, "ulla", {
        answer: "accept",
        commitments: "yes",
        version,
      });
      expect(twice.status).toBe(422);
      expect(await twice.text()).toContain("Enheten har allerede svart (Ulla Privat takket ja");
    });

    // Issue 8, finding 14: the programme's commitments are the municipality's.
    it("shows a private unit no commitments written for the municipality", async () => {
      const { path } = await freshInvitation({ kind: "unit", id: kgPrivate });
      const html = await (await get(path, "ulla")).text();
      expect(html).not.toContain("Kommunen leder lærende nettverk.");
      expect(html).not.toContain("Hele personalet deltar.");
      expect(html).toContain("Tilbudet har ingen forpliktelser ut over vilkårene nedenfor.");
    });

    // Issue 8, finding 11: after the private unit's yes, its municipality was still offered the
    // unit, and enrolling it answered "Det gikk ikke å lagre. Last siden på nytt".
    it("does not offer the municipality a unit enrolled by itself, and names it if sent anyway", async () => {
      const unitInvitation = await freshInvitation({ kind: "unit", id: kgPrivate });
      const cohortId = unitInvitation.inv.cohortId;
      const yes = await post(`${unitInvitation.path}/svar`, "ulla", {
        answer: "accept",
        commitments: "yes",
        version: String(unitInvitation.inv.version),
      });
      expect(yes.status).toBe(303);
      const invited = await inviteToCohort(
        t.db,
        {
          cohortId,
          officeId: OFFICE,
          invitees: [{ kind: "municipality", id: "4204" }],
          message: "",
        },
        officeActor(),
      );
      expect(invited.ok).toBe(true);
      const path = `/nb/puljer/${cohortId}/kommune/4204`;
      const [inv] = await t.db
        .select()
        .from(cohortInvitations)
        .where(
          and(eq(cohortInvitations.cohortId, cohortId), eq(cohortInvitations.inviteeId, "4204")),
        );
      const accept = await post(`${path}/svar`, "kari", {
        answer: "accept",
        commitments: "yes",
        version: String(inv!.version),
      });
      expect(accept.status).toBe(303);

      const html = await (await get(path, "kari")).text();
      expect(html).toContain(
        'Testtunet barnehage (test) <span class="subtle">(privat, meldt på selv, invitert direkte av Statsforvalteren)</span>',
      );
      expect(html).not.toContain(`value="${kgPrivate}"`);
      expect(html).toContain(`value="${kgPublic}"`);

      const sent = await post(
        `${path}/enheter`,
        "kari",
        new URLSearchParams([
          ["units", kgPublic],
          ["units", kgPrivate],
        ]),
      );
      expect(sent.status).toBe(422);
      const refused = await sent.text();
      const message =
        "Testtunet barnehage (test) er allerede meldt på puljen selv, etter en invitasjon direkte fra Statsforvalteren. En enhet kan bare meldes på én gang";
      expect(refused.split(message)).toHaveLength(3);
      expect(refused).not.toContain("Last siden på nytt");
      expect(await activeEnrolments(inv!.id)).toEqual([]);
    });
  });
});
