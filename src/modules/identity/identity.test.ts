import { and, count, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORIGIN, type TestApp, testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { demoEmail, seedDemoPeople } from "../../db/demo-people";
import { unitsOfMunicipality } from "../organisations";
import { cohorts } from "../programmes/schema";
import { auditLog, people, roleAssignments, sessions } from "./schema";
import { ABSOLUTE_MS, createSession, IDLE_MS } from "./sessions";

const COOKIE = "samspill-session";

describe.each(databaseKinds)("people, sign-in and permissions on %s", (kind) => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  let school = "";
  let kindergarten = "";
  let cohort3 = 0;

  beforeAll(async () => {
    t = await testApp(kind);
    await seedDemoPeople(t.db, t.clock.now());
    for (const key of ["ada", "frida", "siv", "kari", "rune", "bente", "sverre", "stine"]) {
      const [p] = await t.db
        .select()
        .from(people)
        .where(eq(people.email, demoEmail(key)));
      ids[key] = p!.id;
    }
    const [lonely] = await t.db
      .insert(people)
      .values({ name: "Uten Rolle", email: "uten@eksempel.no", createdAt: t.clock.now() })
      .returning();
    ids.norole = lonely!.id;
    school = (await unitsOfMunicipality(t.db, "4204", { type: "school", active: true }))[0]!
      .orgNumber;
    kindergarten = (
      await unitsOfMunicipality(t.db, "4204", { type: "kindergarten", active: true })
    )[0]!.orgNumber;
    const [c3] = await t.db.select().from(cohorts).where(eq(cohorts.number, 3));
    cohort3 = c3!.id;
  });
  afterAll(() => t.close());

  const as = async (who: string) =>
    `${COOKIE}=${await createSession(t.db, ids[who]!, "test", t.clock.now())}`;
  const get = async (path: string, who?: string) =>
    t.app.request(path, who ? { headers: { Cookie: await as(who) } } : {});
  const post = async (path: string, who: string | undefined, form: Record<string, string> = {}) =>
    t.post(path, form, who ? { Cookie: await as(who) } : {});

  describe("the permission matrix", () => {
    const everyone = [
      "ada",
      "frida",
      "siv",
      "kari",
      "rune",
      "bente",
      "sverre",
      "stine",
      "norole",
    ] as const;
    type Who = (typeof everyone)[number];
    const admins: Who[] = ["ada", "frida"];
    const routes: {
      name: string;
      send: (who?: string) => Promise<Response>;
      allowed: Who[];
      okStatus?: number;
    }[] = [
      { name: "GET /nb/meg", send: (w) => get("/nb/meg", w), allowed: [...everyone] },
      { name: "GET /nb/meg/data", send: (w) => get("/nb/meg/data", w), allowed: [...everyone] },
      { name: "GET /nb/meg/slett", send: (w) => get("/nb/meg/slett", w), allowed: [...everyone] },
      {
        name: "GET /nb/organisasjoner",
        send: (w) => get("/nb/organisasjoner?q=kristiansand", w),
        allowed: everyone.filter((w) => w !== "norole"),
      },
      {
        name: "GET kommune/4204",
        send: (w) => get("/nb/organisasjoner/kommune/4204", w),
        allowed: ["ada", "frida", "siv", "kari", "rune"],
      },
      {
        name: "GET kommune/0301",
        send: (w) => get("/nb/organisasjoner/kommune/0301", w),
        allowed: admins,
      },
      {
        name: "GET enhet/<school in 4204>",
        send: (w) => get(`/nb/organisasjoner/enhet/${school}`, w),
        allowed: ["ada", "frida", "siv", "kari", "rune", "sverre", "stine"],
      },
      {
        name: "GET enhet/<kindergarten in 4204>",
        send: (w) => get(`/nb/organisasjoner/enhet/${kindergarten}`, w),
        allowed: ["ada", "frida", "siv", "kari", "rune", "bente"],
      },
      {
        name: "GET statsforvaltere",
        send: (w) => get("/nb/organisasjoner/statsforvaltere", w),
        allowed: admins,
      },
      {
        name: "GET pp-tjenester",
        send: (w) => get("/nb/organisasjoner/pp-tjenester", w),
        allowed: everyone.filter((w) => w !== "norole"),
      },
      {
        name: "GET /nb/admin/personer",
        send: (w) => get("/nb/admin/personer", w),
        allowed: admins,
      },
      {
        name: "POST /nb/admin/invitasjoner (empty)",
        send: (w) => post("/nb/admin/invitasjoner", w),
        allowed: admins,
        okStatus: 422,
      },
      {
        name: "POST /nb/admin/roller/:id/endre (unknown)",
        send: (w) => post("/nb/admin/roller/999999/endre", w, { role: "staff", orgId: "x" }),
        allowed: admins,
        okStatus: 422,
      },
      {
        name: "POST /nb/admin/roller/:id/avslutt (unknown)",
        send: (w) => post("/nb/admin/roller/999999/avslutt", w),
        allowed: admins,
        okStatus: 303,
      },
      {
        name: "POST /nb/admin/invitasjoner/:id/trekk (unknown)",
        send: (w) => post("/nb/admin/invitasjoner/999999/trekk", w),
        allowed: admins,
        okStatus: 303,
      },
      { name: "GET /nb/admin/logg", send: (w) => get("/nb/admin/logg", w), allowed: admins },
      { name: "GET /nb/admin/import", send: (w) => get("/nb/admin/import", w), allowed: admins },
      {
        name: "POST /nb/admin/import (no file)",
        send: (w) => post("/nb/admin/import", w, { source: "nsr" }),
        allowed: admins,
        okStatus: 422,
      },
      { name: "GET /nb/admin/tilbud", send: (w) => get("/nb/admin/tilbud", w), allowed: admins },
      {
        name: "GET /nb/admin/tilbud/<Udir's programme>",
        send: (w) => get("/nb/admin/tilbud/inkluderende-barnehage-og-skolemiljo", w),
        allowed: ["ada"],
      },
      {
        name: "GET /nb/admin/tilbud/<FUB/FUG's programme>",
        send: (w) => get("/nb/admin/tilbud/bedre-foreldresamarbeid", w),
        allowed: ["frida"],
      },
      {
        name: "POST /nb/admin/tilbud/<Udir's>/tekst/nb (empty)",
        send: (w) => post("/nb/admin/tilbud/inkluderende-barnehage-og-skolemiljo/tekst/nb", w),
        allowed: ["ada"],
        okStatus: 422,
      },
      {
        name: "POST /nb/admin/tilbud/<Udir's>/versjoner/:id/gjenopprett (unknown)",
        send: (w) =>
          post(
            "/nb/admin/tilbud/inkluderende-barnehage-og-skolemiljo/versjoner/999999/gjenopprett",
            w,
          ),
        allowed: ["ada"],
        okStatus: 404,
      },
      {
        name: "POST /nb/admin/tilbud/<FUB/FUG's>/publiser",
        send: (w) => post("/nb/admin/tilbud/bedre-foreldresamarbeid/publiser", w),
        allowed: ["frida"],
        okStatus: 303,
      },
      {
        name: "GET /nb/admin/tilbakemeldinger",
        send: (w) => get("/nb/admin/tilbakemeldinger", w),
        allowed: admins,
      },
      {
        name: "POST /nb/admin/tilbakemeldinger/:id/skjul (unknown)",
        send: (w) => post("/nb/admin/tilbakemeldinger/999999/skjul", w),
        allowed: admins,
        okStatus: 303,
      },
      {
        name: "POST /nb/admin/tilbakemeldinger/:id/behandlet (unknown)",
        send: (w) => post("/nb/admin/tilbakemeldinger/999999/behandlet", w),
        allowed: admins,
        okStatus: 303,
      },
      // The invitation chain, on the demo's live cohort 3 (Agder has invited Kristiansand and
      // Bente's private kindergarten; Sverre's school is not invited).
      { name: "GET /nb/puljer", send: (w) => get("/nb/puljer", w), allowed: [...everyone] },
      {
        name: "GET /nb/puljer/<cohort 3>",
        send: (w) => get(`/nb/puljer/${cohort3}`, w),
        allowed: ["ada", "siv", "kari", "rune", "bente"],
      },
      {
        name: "GET /nb/puljer/<cohort 3>/eksport.csv",
        send: (w) => get(`/nb/puljer/${cohort3}/eksport.csv`, w),
        allowed: ["ada", "siv", "kari", "rune", "bente"],
      },
      {
        name: "GET /nb/puljer/<cohort 3>/kontor/sf-agder",
        send: (w) => get(`/nb/puljer/${cohort3}/kontor/sf-agder`, w),
        allowed: ["ada", "siv"],
      },
      {
        name: "POST /nb/puljer/<cohort 3>/kontor/sf-agder/inviter (nothing chosen)",
        send: (w) => post(`/nb/puljer/${cohort3}/kontor/sf-agder/inviter`, w),
        allowed: ["siv"],
        okStatus: 422,
      },
      {
        name: "GET /nb/puljer/<cohort 3>/kommune/4204",
        send: (w) => get(`/nb/puljer/${cohort3}/kommune/4204`, w),
        allowed: ["ada", "siv", "kari", "rune"],
      },
      {
        name: "POST /nb/puljer/<cohort 3>/kommune/4204/svar (no answer)",
        send: (w) => post(`/nb/puljer/${cohort3}/kommune/4204/svar`, w, { version: "1" }),
        allowed: ["kari"],
        okStatus: 422,
      },
      {
        name: "GET /nb/puljer/<cohort 3>/enhet/<Bente's kindergarten>",
        send: (w) => get(`/nb/puljer/${cohort3}/enhet/${kindergarten}`, w),
        allowed: ["ada", "siv", "bente"],
      },
    ];

    for (const route of routes) {
      it(`${route.name}: anonymous → sign-in, ${route.allowed.length} roles allowed, the rest 403`, async () => {
        const anonymous = await route.send();
        if (route.name.startsWith("GET")) {
          expect(anonymous.status).toBe(302);
          expect(anonymous.headers.get("location")).toMatch(/^\/nb\/logg-inn\?returnTo=%2Fnb%2F/);
        } else {
          expect(anonymous.status).toBe(302);
        }
        for (const who of everyone) {
          const res = await route.send(who);
          const expected = route.allowed.includes(who) ? (route.okStatus ?? 200) : 403;
          expect({ who, status: res.status }).toEqual({ who, status: expected });
        }
      });
    }
  });

  it("answers unknown paths with 404 even for anonymous visitors (secure by default, not a sign-in loop)", async () => {
    expect((await get("/nb/admin/finnes-ikke")).status).toBe(404);
  });

  it("shows a coordinator only the municipalities the office covers", async () => {
    const html = await (await get("/nb/organisasjoner?q=oslo", "siv")).text();
    expect(html).toContain("0 treff");
    const agder = await (await get("/nb/organisasjoner?q=kristiansand", "siv")).text();
    expect(agder).toContain("Kristiansand (4204)");
  });

  it("ends sessions after two idle hours and after twelve hours in all", async () => {
    const raw = await createSession(t.db, ids.kari!, "test", t.clock.now());
    const cookie = { headers: { Cookie: `${COOKIE}=${raw}` } };
    t.clock.advance(IDLE_MS - 60_000);
    expect((await t.app.request("/nb/meg", cookie)).status).toBe(200);
    t.clock.advance(IDLE_MS - 60_000);
    expect((await t.app.request("/nb/meg", cookie)).status).toBe(200);
    t.clock.advance(ABSOLUTE_MS);
    expect((await t.app.request("/nb/meg", cookie)).status).toBe(302);
    t.clock.set(new Date("2026-11-23T10:00:00Z"));
    const idle = await createSession(t.db, ids.kari!, "test", t.clock.now());
    t.clock.advance(IDLE_MS + 1000);
    expect(
      (await t.app.request("/nb/meg", { headers: { Cookie: `${COOKIE}=${idle}` } })).status,
    ).toBe(302);
    t.clock.set(new Date("2026-11-23T10:00:00Z"));
  });

  it("signs out everywhere", async () => {
    const a = await as("rune");
    const b = await as("rune");
    const res = await t.post("/nb/logg-ut/overalt", {}, { Cookie: a });
    expect(res.status).toBe(303);
    expect(res.headers.get("set-cookie")).toContain(`${COOKIE}=;`);
    expect((await t.app.request("/nb/meg", { headers: { Cookie: b } })).status).toBe(302);
    const live = await t.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.personId, ids.rune!), isNull(sessions.revokedAt)));
    expect(live).toHaveLength(0);
  });

  it("signs in with a one-time code by e-mail, rotating any earlier session", async () => {
    const earlier = await as("kari");
    const asked = await t.post(
      "/nb/logg-inn/e-post",
      { email: demoEmail("kari"), returnTo: "/nb/organisasjoner" },
      { Cookie: earlier },
    );
    expect(asked.status).toBe(200);
    await t.jobs.runDue();
    const mail = await t.smtp.waitFor((m) => m.to === demoEmail("kari"));
    const code = mail.subject.match(/^(\d{6}) /)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    const res = await t.post(
      "/nb/logg-inn/kode",
      { email: demoEmail("kari"), code: code!, returnTo: "/nb/organisasjoner" },
      { Cookie: earlier },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/nb/organisasjoner");
    const fresh = res.headers.get("set-cookie")?.match(new RegExp(`${COOKIE}=([^;]+)`))?.[1];
    expect(fresh).toBeDefined();
    expect(`${COOKIE}=${fresh}`).not.toBe(earlier);
    expect((await t.app.request("/nb/meg", { headers: { Cookie: earlier } })).status).toBe(302);
    expect(
      (await t.app.request("/nb/meg", { headers: { Cookie: `${COOKIE}=${fresh}` } })).status,
    ).toBe(200);
    // A code works once.
    expect(
      (await t.post("/nb/logg-inn/kode", { email: demoEmail("kari"), code: code! })).status,
    ).toBe(422);
  });

  it("allows only five tries of a code, and codes expire after ten minutes", async () => {
    await t.post("/nb/logg-inn/e-post", { email: demoEmail("siv") });
    await t.jobs.runDue();
    const mail = await t.smtp.waitFor((m) => m.to === demoEmail("siv"));
    const code = mail.subject.slice(0, 6);
    const wrong = code === "000000" ? "111111" : "000000";
    const first = await t.post("/nb/logg-inn/kode", { email: demoEmail("siv"), code: wrong });
    expect(first.status).toBe(422);
    expect(await first.text()).toContain("Du har 4 forsøk igjen");
    for (let i = 0; i < 4; i++)
      await t.post("/nb/logg-inn/kode", { email: demoEmail("siv"), code: wrong });
    const locked = await t.post("/nb/logg-inn/kode", { email: demoEmail("siv"), code });
    expect(locked.status).toBe(422);
    expect(await locked.text()).toContain("Koden er utløpt");

    await t.post("/nb/logg-inn/e-post", { email: demoEmail("siv") });
    await t.jobs.runDue();
    const second = t.smtp.received.filter((m) => m.to === demoEmail("siv")).at(-1)!;
    t.clock.advance(10 * 60_000 + 1000);
    const late = await t.post("/nb/logg-inn/kode", {
      email: demoEmail("siv"),
      code: second.subject.slice(0, 6),
    });
    expect(await late.text()).toContain("Koden er utløpt");
    t.clock.set(new Date("2026-11-23T10:00:00Z"));
  });

  it("sends no code to an unknown address, and says the same", async () => {
    const before = t.smtp.received.length;
    const res = await t.post("/nb/logg-inn/e-post", { email: "ukjent@eksempel.no" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Skriv inn koden");
    await t.jobs.runDue();
    expect(t.smtp.received.length).toBe(before);
  });

  it("turns an invitation into a role at first sign-in, and writes it all to the audit log", async () => {
    const invited = await post("/nb/admin/invitasjoner", "ada", {
      name: "Nina Ny",
      email: "nina@eksempel.kommune.no",
      role: "municipal-coordinator",
      orgId: "4204",
    });
    expect(invited.status).toBe(303);
    await t.jobs.runDue();
    const mail = await t.smtp.waitFor(
      (m) => m.to === "nina@eksempel.kommune.no" && m.subject.includes("invitert"),
    );
    expect(mail.text).toContain("Kristiansand");
    await t.post("/nb/logg-inn/e-post", { email: "nina@eksempel.kommune.no" });
    await t.jobs.runDue();
    const codeMail = await t.smtp.waitFor(
      (m) => m.to === "nina@eksempel.kommune.no" && /^\d{6}/.test(m.subject),
    );
    const res = await t.post("/nb/logg-inn/kode", {
      email: "nina@eksempel.kommune.no",
      code: codeMail.subject.slice(0, 6),
    });
    expect(res.status).toBe(303);
    const [nina] = await t.db
      .select()
      .from(people)
      .where(eq(people.email, "nina@eksempel.kommune.no"));
    const roles = await t.db
      .select()
      .from(roleAssignments)
      .where(eq(roleAssignments.personId, nina!.id));
    expect(roles.map((r) => [r.role, r.orgId])).toEqual([["municipal-coordinator", "4204"]]);
    const entries = await t.db.select().from(auditLog);
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(["invitation.create", "invitation.accept"]),
    );
    const log = await (await get("/nb/admin/logg?handling=invitation.create", "ada")).text();
    expect(log).toContain("invitation.create");
    expect(log).toContain("Ada Direktorat");
  });

  it("refuses an invitation to an organisation that does not exist, keeping the input", async () => {
    const res = await post("/nb/admin/invitasjoner", "ada", {
      name: "X",
      email: "x@eksempel.no",
      role: "unit-leader",
      orgId: "123456789",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Velg en organisasjon som finnes");
    expect(html).toContain('value="123456789"');
  });

  it("changes and ends roles with before and after in the audit log", async () => {
    const [role] = await t.db
      .select()
      .from(roleAssignments)
      .where(and(eq(roleAssignments.personId, ids.stine!), isNull(roleAssignments.revokedAt)));
    const changed = await post(`/nb/admin/roller/${role!.id}/endre`, "ada", {
      role: "unit-leader",
      orgId: school,
    });
    expect(changed.status).toBe(303);
    const [now] = await t.db
      .select()
      .from(roleAssignments)
      .where(and(eq(roleAssignments.personId, ids.stine!), isNull(roleAssignments.revokedAt)));
    expect(now?.role).toBe("unit-leader");
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "role.change"));
    expect(entry?.before).toMatchObject({ role: "staff" });
    expect(entry?.after).toMatchObject({ role: "unit-leader" });
    expect((await post(`/nb/admin/roller/${now!.id}/avslutt`, "ada")).status).toBe(303);
    expect((await get("/nb/organisasjoner", "stine")).status).toBe(403);
  });

  it("exports a person's data and deletes it, keeping an anonymised row", async () => {
    const data = await (await get("/nb/meg/data", "bente")).json();
    expect(data.person.name).toBe("Bente Barnehage");
    expect(data.roles[0].role).toBe("unit-leader");
    const cookie = await as("bente");
    const res = await t.post("/nb/meg/slett", {}, { Cookie: cookie });
    expect(res.status).toBe(200);
    const [row] = await t.db.select().from(people).where(eq(people.id, ids.bente!));
    expect(row).toMatchObject({ name: null, email: null });
    expect(row?.deletedAt).not.toBeNull();
    expect((await t.app.request("/nb/meg", { headers: { Cookie: cookie } })).status).toBe(302);
    const [{ n }] = (await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.action, "person.delete"))) as [{ n: number }];
    expect(n).toBe(1);
  });

  it("returns only to our own paths after sign-in", async () => {
    const html = await (await t.app.request("/nb/logg-inn?returnTo=//evil.example/x")).text();
    expect(html).toContain('name="returnTo" value="/nb/meg"');
    expect(html).not.toContain("evil.example");
  });

  it("keeps a signed-in person's pages out of the shared page cache", async () => {
    const html = await (await get("/nb/", "kari")).text();
    expect(html).toContain("Kari Kommune");
    expect(await (await t.app.request("/nb/")).text()).not.toContain("Kari Kommune");
  });

  it("needs an Origin of ours for every unsafe request, signed in or not", async () => {
    const res = await t.app.request("/nb/logg-ut/overalt", {
      method: "POST",
      headers: {
        Cookie: await as("ada"),
        Origin: "https://evil.example",
        "Content-Type": "application/x-www-form-urlencoded",
      },
    });
    expect(res.status).toBe(403);
    expect(ORIGIN).toBe("http://localhost");
  });
});
