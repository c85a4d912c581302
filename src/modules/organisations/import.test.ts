import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORIGIN, type TestApp, testApp } from "../../../tests/support/app";
import { databaseKinds } from "../../../tests/support/db";
import { demoPeopleIds, sessionCookie } from "../../../tests/support/people";
import { seedDemoPeople } from "../../db/seed";
import { demoAccounts } from "../identity";
import { auditLog } from "../identity/schema";
import { registerImportDrafts, units } from "./schema";

// Issue 8, finding 3: one register upload closed almost every unit, with no warning. Every
// import is now previewed first, and a mass closure must be confirmed (and is audited).

/** A school as NSR lists it, in Kristiansand. */
function school(orgNumber: string, name: string) {
  return {
    Organisasjonsnummer: orgNumber,
    Navn: name,
    Kommunenummer: "4204",
    Fylkesnummer: "42",
    ErAktiv: true,
    ErSkole: true,
    ErGrunnskole: true,
    ErPrivatskole: false,
    ErOffentligSkole: true,
  };
}

describe.each(databaseKinds)("register import from the admin page on %s", (kind) => {
  let t: TestApp;
  let ids: Record<string, number>;
  beforeAll(async () => {
    t = await testApp(kind, { demoPeople: true });
    ids = await demoPeopleIds(t.db, ["ada", "frida"]);
  });
  afterAll(() => t.close());

  const activeSchools = async () =>
    (
      await t.db
        .select({ n: count() })
        .from(units)
        .where(and(eq(units.isSchool, true), eq(units.active, true)))
    )[0]!.n;

  const upload = async (who: string, rows: unknown[], coverage: "register" | "partial") => {
    const form = new FormData();
    form.set("source", "nsr");
    form.set("coverage", coverage);
    const json = JSON.stringify({ EnhetListe: rows });
    form.set("file", new File([json], "enheter.json", { type: "application/json" }));
    return t.app.request("/nb/admin/import", {
      method: "POST",
      body: form,
      headers: { Origin: ORIGIN, Cookie: await sessionCookie(t, ids[who]!) },
    });
  };
  const as = async (who: string, path: string, form?: Record<string, string>) =>
    form
      ? t.post(path, form, { Cookie: await sessionCookie(t, ids[who]!) })
      : t.app.request(path, { headers: { Cookie: await sessionCookie(t, ids[who]!) } });

  it("shows what a one-unit 'whole register' file would do, and changes nothing until confirmed", async () => {
    const before = await activeSchools();
    expect(before).toBeGreaterThan(20);
    const [one] = await t.db
      .select({ orgNumber: units.orgNumber, name: units.name })
      .from(units)
      .where(and(eq(units.isSchool, true), eq(units.active, true)))
      .limit(1);

    const uploaded = await upload("ada", [school(one!.orgNumber, one!.name)], "register");
    expect(uploaded.status).toBe(303);
    const draftPath = uploaded.headers.get("location")!;
    expect(draftPath).toMatch(/^\/nb\/admin\/import\/\d+$/);
    expect(await activeSchools()).toBe(before);

    const preview = await (await as("ada", draftPath)).text();
    expect(preview).toContain("Forhåndsvisning av importen");
    expect(preview).toContain("Importen vil legge ned mange enheter");
    expect(preview).toContain(`legge ned ${before - 1} av ${before} aktive enheter`);

    // Another admin cannot see or run it.
    expect((await as("frida", draftPath)).status).toBe(404);
    expect((await as("frida", draftPath, { confirmClosures: "yes" })).status).toBe(404);

    // Not confirmed: 422 with the error beside the box and in the summary; nothing written.
    const refused = await as("ada", draftPath, {});
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('class="ds-error-summary"');
    expect(html).toContain('href="#confirmClosures"');
    expect(html).toContain(`Bekreft at ${before - 1} enheter skal legges ned`);
    expect(await activeSchools()).toBe(before);

    // Confirmed: written, audited, and the draft is gone.
    const done = await as("ada", draftPath, { confirmClosures: "yes" });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toMatch(/^\/nb\/admin\/import\/kjoringer\/\d+\?ferdig=1$/);
    expect(await activeSchools()).toBe(1);
    const run = await (await as("ada", done.headers.get("location")!)).text();
    expect(run).toContain("Importen er gjennomført.");
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "register.import"));
    expect(audit!.after).toMatchObject({ closed: before - 1, massClosureConfirmed: true });
    expect((await as("ada", draftPath)).status).toBe(404);
  });

  it("previews and imports a partial file without asking, and can be cancelled", async () => {
    const drafts = async () => (await t.db.select({ n: count() }).from(registerImportDrafts))[0]!.n;
    const uploaded = await upload("ada", [school("974589648", "Ny testskole")], "partial");
    expect(uploaded.status).toBe(303);
    const draftPath = uploaded.headers.get("location")!;
    const preview = await (await as("ada", draftPath)).text();
    expect(preview).not.toContain("Importen vil legge ned mange enheter");
    expect(preview).toContain("Omfang: bare enhetene i filen");

    const cancelled = await as("ada", draftPath, { discard: "yes" });
    expect(cancelled.status).toBe(303);
    expect(await drafts()).toBe(0);

    const again = (
      await upload("ada", [school("974589648", "Ny testskole")], "partial")
    ).headers.get("location")!;
    const done = await as("ada", again, {});
    expect(done.status).toBe(303);
    const [unit] = await t.db.select().from(units).where(eq(units.orgNumber, "974589648"));
    expect(unit).toMatchObject({ name: "Ny testskole", active: true });
  });

  it("lets the demo people sign in even after an import closed every demo unit", async () => {
    // Before, a development instance refused to start: the demo people needed open units.
    await t.db.update(units).set({ active: false, closedOn: "2026-11-23" });
    const accounts = await demoAccounts(t.db, t.clock.now());
    expect(accounts.feide.length).toBeGreaterThan(0);
    await expect(seedDemoPeople(t.db, t.clock.now())).resolves.not.toThrow();
  });

  it("keeps the choices and shows the error beside the file field when no file is sent", async () => {
    const form = new FormData();
    form.set("source", "nbr");
    form.set("coverage", "partial");
    const res = await t.app.request("/nb/admin/import", {
      method: "POST",
      body: form,
      headers: { Origin: ORIGIN, Cookie: await sessionCookie(t, ids.ada!) },
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('id="file-error"');
    expect(html).toMatch(/value="nbr"[^>]*checked|checked[^>]*value="nbr"/);
    expect(html).toMatch(/value="partial"[^>]*checked|checked[^>]*value="partial"/);
  });
});
