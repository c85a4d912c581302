import { and, eq } from "drizzle-orm";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoEmail } from "../../src/modules/identity";
import { auditLog, people, roleInvitations, sessions } from "../../src/modules/identity/schema";
import { hashId } from "../../src/modules/identity/sessions";
import { expectNoAxeViolations, loadsPage, openPage, screenshot, shown } from "../support/browser";
import { journeyKinds } from "../support/db";
import { h1, main, nav, path, useBrowser } from "../support/journey";
import { type TestServer, testServer } from "../support/server";
import { signInWith } from "../support/sign-in";

const browser = useBrowser();

/**
 * Ada's work is the same with scripts on and off (no page of hers has a script of its own), so
 * it is shared between the two runs; both sign in through ID-porten and sign out.
 */
describe.each(journeyKinds)("a programme admin signs in with ID-porten, on %s", (kind) => {
  let server: TestServer;
  let adaId: number;
  beforeAll(async () => {
    server = await testServer(kind, { signIn: true });
    const [ada] = await server.db
      .select()
      .from(people)
      .where(eq(people.email, demoEmail("ada")));
    adaId = ada!.id;
  });
  afterAll(() => server?.close());

  const liveSessions = async () =>
    (await server.db.select().from(sessions).where(eq(sessions.personId, adaId))).filter(
      (s) => s.revokedAt === null,
    ).length;

  const signInAsAda = (page: Page, screenshotAs?: string) =>
    signInWith(page, server, "ID-porten", "Ada Direktorat", screenshotAs ? { screenshotAs } : {});

  /** From her page: sign out, and her page asks for sign-in again. */
  async function signOut(page: Page, context: BrowserContext, sessionsBefore: number) {
    await loadsPage(page, () =>
      nav(page)
        .getByRole("link", { name: /Min side/ })
        .click(),
    );
    expect(path(page)).toBe("/nb/meg");
    await expectNoAxeViolations(page);
    await loadsPage(page, () => page.getByRole("button", { name: "Logg ut", exact: true }).click());
    expect(path(page)).toBe("/nb/logget-ut");
    expect(await h1(page)).toBe("Du er logget ut");
    await expectNoAxeViolations(page);
    expect(await liveSessions()).toBe(sessionsBefore);
    expect((await context.cookies(server.url)).map((c) => c.name)).not.toContain(
      "samspill-session",
    );
    await page.goto("/nb/meg");
    expect(path(page)).toBe("/nb/logg-inn");
    expect(new URL(page.url()).searchParams.get("returnTo")).toBe("/nb/meg");
    expect(await h1(page)).toBe("Logg inn i Samspill");
    await expectNoAxeViolations(page);
  }

  /** A search on the organisations page, by its form. */
  async function search(page: Page, query: string) {
    await page.getByLabel("Søk etter navn eller nummer").fill(query);
    await loadsPage(page, () => page.getByRole("button", { name: "Søk", exact: true }).click());
    expect(new URL(page.url()).searchParams.get("q")).toBe(query);
    await expectNoAxeViolations(page);
    return page.locator("ul.hits > li");
  }

  it("with JavaScript: signs in, finds organisations however they are spelt, signs out", async () => {
    const { page, context } = await openPage(browser(), { js: true, baseURL: server.url });
    const sessionsBefore = await liveSessions();

    // From the front page to the sign-in page.
    await page.goto("/nb/");
    await expectNoAxeViolations(page);
    await loadsPage(page, () => nav(page).getByRole("link", { name: "Logg inn" }).click());
    expect(path(page)).toBe("/nb/logg-inn");
    expect(await h1(page)).toBe("Logg inn i Samspill");
    await expectNoAxeViolations(page);
    await screenshot(page, "admin-sign-in-page-js");

    // Through the local ID-porten, one click as Ada.
    await signInAsAda(page, "admin-id-porten-accounts-js");
    expect(page.url()).toBe(`${server.url}/nb/meg`);
    expect(await h1(page)).toBe("Min side");
    expect(await shown(page.locator("main ul.ds-list").first())).toBe(
      "Programadministrator, Utdanningsdirektoratet",
    );
    const profile = await main(page);
    expect(profile).toContain("Navn Ada Direktorat");
    expect(profile).toContain("Logget inn nå med ID-porten");
    expect(profile).toContain("Innloggingsmåter ID-porten, kode på e-post");
    expect(profile).toContain("Logget inn siden 23. november 2026 kl. 11:00.");
    await expectNoAxeViolations(page);
    await screenshot(page, "admin-profile-js");

    // The cookie holds only an opaque session id, out of reach of scripts; only its hash is
    // stored, with Ada's person id beside it.
    const cookie = (await context.cookies(server.url)).find((c) => c.name === "samspill-session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie?.value).toMatch(/^[\w-]{20,}$/);
    expect(await liveSessions()).toBe(sessionsBefore + 1);
    const [stored] = await server.db
      .select()
      .from(sessions)
      .where(eq(sessions.idHash, hashId(cookie!.value)));
    expect(stored).toMatchObject({ personId: adaId, via: "idporten", revokedAt: null });
    expect(stored?.idHash).not.toBe(cookie!.value);

    // Organisations: æ/ø/å however typed, and an old name leads to today's municipality.
    await loadsPage(page, () => nav(page).getByRole("link", { name: "Organisasjoner" }).click());
    expect(path(page)).toBe("/nb/organisasjoner");
    expect(await h1(page)).toBe("Organisasjoner");
    await expectNoAxeViolations(page);
    for (const query of ["Bærum", "barum"]) {
      const hits = await search(page, query);
      expect(await shown(hits.first())).toBe("Bærum (3201) Kommune");
      expect(await hits.first().getByRole("link").getAttribute("href")).toBe(
        "/nb/organisasjoner/kommune/3201",
      );
    }
    await screenshot(page, "admin-organisations-barum-js");
    // Nøtterøy → Færder (2018) → 3811 (2020) → 3911 (2024).
    const hits = await search(page, "Nøtterøy");
    expect(await shown(hits.first())).toBe("Færder (3911) Kommune – tidligere Nøtterøy (0722)");
    await screenshot(page, "admin-organisations-former-name-js");

    await signOut(page, context, sessionsBefore);
  });

  it("without JavaScript: signs in, invites a municipal coordinator found by name, reads it in the audit log, signs out", async () => {
    const { page, context } = await openPage(browser(), { js: false, baseURL: server.url });
    const sessionsBefore = await liveSessions();

    // Straight to the people page: sign in first, then back there.
    await page.goto("/nb/admin/personer");
    expect(path(page)).toBe("/nb/logg-inn");
    expect(new URL(page.url()).searchParams.get("returnTo")).toBe("/nb/admin/personer");
    await expectNoAxeViolations(page);
    await signInAsAda(page, "admin-id-porten-accounts-nojs");
    expect(page.url()).toBe(`${server.url}/nb/admin/personer`);
    expect(await h1(page)).toBe("Personer og roller");

    // The demo people, marked as demo, with their roles.
    const table = page.getByRole("table", { name: "Personer og roller" });
    const adaRow = table.getByRole("row", { name: /Ada Direktorat/ });
    expect(await shown(adaRow.locator("td strong"))).toBe("Ada Direktorat");
    expect(await shown(adaRow.locator(".ds-tag"))).toBe("demo");
    expect(await shown(adaRow.locator("ul.role-rows > li > span").first())).toBe(
      "Programadministrator, Utdanningsdirektoratet",
    );
    expect(await shown(page.getByRole("row", { name: /Kari Kommune/ }).locator("li > span"))).toBe(
      "Kommunekoordinator, Kristiansand",
    );
    await expectNoAxeViolations(page);
    await screenshot(page, "admin-people-nojs");

    // Invites a municipal coordinator in Kristiansand, finding the municipality by its name.
    const email = "ola.oppvekst@kristiansand.kommune.example";
    const form = () => page.getByRole("region", { name: "Inviter en person" });
    expect(await page.locator('input[name="orgId"]').count()).toBe(0);
    await form().getByLabel("Navn").fill("Ola Oppvekst");
    await form().getByLabel("E-postadresse").fill(email);
    await form().getByLabel("Rolle").selectOption("municipal-coordinator");
    await form().getByLabel("Organisasjon", { exact: true }).fill("kristiansand");
    await loadsPage(page, () =>
      form().getByRole("button", { name: "Søk etter organisasjon" }).click(),
    );
    // The form again, as filled in, with what the search found; nothing is sent yet.
    expect(await form().getByLabel("Navn").inputValue()).toBe("Ola Oppvekst");
    const choice = form().getByRole("radio", { name: "Kristiansand (kommune)" });
    expect(await choice.isChecked()).toBe(true);
    expect(
      await server.db.select().from(roleInvitations).where(eq(roleInvitations.email, email)),
    ).toEqual([]);
    await expectNoAxeViolations(page);
    await screenshot(page, "admin-invite-org-found-nojs");
    await loadsPage(page, () => form().getByRole("button", { name: "Send invitasjon" }).click());
    expect(path(page)).toBe("/nb/admin/personer");
    expect(new URL(page.url()).search).toBe("?melding=invited");
    expect(await shown(page.locator("main .ds-alert"))).toBe("Invitasjonen er sendt.");
    expect(await main(page)).toContain(`Ola Oppvekst (${email}): Kommunekoordinator, Kristiansand`);
    await expectNoAxeViolations(page);
    await screenshot(page, "admin-invited-nojs");

    const [invitation] = await server.db
      .select()
      .from(roleInvitations)
      .where(eq(roleInvitations.email, email));
    expect(invitation).toMatchObject({
      role: "municipal-coordinator",
      orgId: "4204",
      invitedBy: adaId,
    });
    const mail = await server.mail((m) => m.to === email);
    expect(mail.subject).toBe("Du er invitert til Samspill");
    expect(mail.text).toContain("Hei Ola Oppvekst!");
    expect(mail.text).toContain("som kommunekoordinator (Kristiansand)");
    expect(mail.text).toContain(`${server.url}/nb/logg-inn`);

    // The audit log tells it as a sentence, with names, and the role and organisation as a list.
    await loadsPage(page, () => nav(page).getByRole("link", { name: "Endringslogg" }).click());
    expect(path(page)).toBe("/nb/admin/logg");
    expect(await h1(page)).toBe("Endringslogg");
    await expectNoAxeViolations(page);
    await page.getByLabel("Handling").selectOption({ label: "Invitasjon sendt" });
    await loadsPage(page, () => page.getByRole("button", { name: "Filtrer" }).click());
    expect(new URL(page.url()).searchParams.get("handling")).toBe("invitation.create");
    const created = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "invitation.create"), eq(auditLog.actorId, adaId)));
    expect(created).toHaveLength(1);
    // The demo's own invitations (a contact person the office added) are in the log too.
    const rows = page
      .getByRole("table", { name: "Endringslogg" })
      .locator("tbody tr", { hasText: "Ola Oppvekst" });
    expect(await rows.count()).toBe(1);
    const cells = (await rows.locator("td").allInnerTexts()).map((c) =>
      c.replace(/\s+/g, " ").trim(),
    );
    expect(cells.slice(0, 2)).toEqual([
      "23. november 2026 kl. 11:00",
      "Ada Direktorat inviterte Ola Oppvekst som kommunekoordinator for Kristiansand.",
    ]);
    expect(await rows.locator("dl dt").allInnerTexts()).toEqual(["Rolle", "Organisasjon"]);
    expect(await rows.locator("dl dd").allInnerTexts()).toEqual([
      "kommunekoordinator",
      "Kristiansand",
    ]);
    await expectNoAxeViolations(page);
    await screenshot(page, "admin-audit-log-nojs");

    await signOut(page, context, sessionsBefore);
  });

  it("with JavaScript: changes a role, the organisation suggested as she types, and the audit log says so", async () => {
    const { page, context } = await openPage(browser(), { js: true, baseURL: server.url });
    const sessionsBefore = await liveSessions();
    await page.goto("/nb/admin/personer");
    await signInAsAda(page);
    expect(await h1(page)).toBe("Personer og roller");

    // Rune, the resource person, becomes Kristiansand's municipal coordinator.
    const runeRow = page.getByRole("row", { name: /Rune Ressurs/ });
    await loadsPage(page, () => runeRow.getByRole("link", { name: /^Endre/ }).click());
    expect(await h1(page)).toBe("Endre rollen til Rune Ressurs");
    expect(await main(page)).toContain("Nå: Ressursperson, Kristiansand.");
    await expectNoAxeViolations(page);
    await page.getByLabel("Rolle").selectOption("county-coordinator");
    const org = page.getByLabel("Organisasjon", { exact: true });
    await org.fill("");
    await org.pressSequentially("agder", { delay: 30 });
    // Suggestions while typing, without pressing the search button.
    const suggestion = page.getByRole("radio", {
      name: "Statsforvalteren i Agder (statsforvalter)",
    });
    await suggestion.waitFor();
    expect(path(page)).toMatch(/^\/nb\/admin\/roller\/\d+\/endre$/);
    await suggestion.check();
    await expectNoAxeViolations(page);
    await screenshot(page, "admin-change-role-suggestions-js");
    await loadsPage(page, () => page.getByRole("button", { name: "Lagre endringen" }).click());
    expect(path(page)).toBe("/nb/admin/personer");
    expect(await shown(page.getByRole("row", { name: /Rune Ressurs/ }).locator("li > span"))).toBe(
      "Koordinator hos statsforvalteren, Statsforvalteren i Agder",
    );
    await expectNoAxeViolations(page);

    await loadsPage(page, () => nav(page).getByRole("link", { name: "Endringslogg" }).click());
    await page.getByLabel("Handling").selectOption({ label: "Rolle endret" });
    await loadsPage(page, () => page.getByRole("button", { name: "Filtrer" }).click());
    const row = page.getByRole("table", { name: "Endringslogg" }).locator("tbody tr").first();
    expect((await row.locator("td").nth(1).innerText()).replace(/\s+/g, " ").trim()).toBe(
      "Ada Direktorat endret rollen til Rune Ressurs fra ressursperson for Kristiansand til koordinator hos statsforvalteren for Statsforvalteren i Agder.",
    );
    expect(await row.locator("dl dt").allInnerTexts()).toEqual(["Rolle", "Organisasjon"]);
    expect((await row.locator("dl dd").first().innerText()).replace(/\s+/g, " ")).toBe(
      "ressursperson → endret til koordinator hos statsforvalteren",
    );
    await expectNoAxeViolations(page);
    await screenshot(page, "admin-audit-log-role-change-js");
    await signOut(page, context, sessionsBefore);
  });

  it("without JavaScript: a returnTo to another site is ignored", async () => {
    // On the sign-in page: the link to the provider carries our default instead.
    const { page } = await openPage(browser(), { js: false, baseURL: server.url });
    await page.goto("/nb/logg-inn?returnTo=%2F%2Fevil.example");
    expect(await h1(page)).toBe("Logg inn i Samspill");
    expect(
      await page.getByRole("link", { name: "Logg inn med ID-porten" }).getAttribute("href"),
    ).toBe("/auth/idporten/start?lang=nb&returnTo=%2Fnb%2Fmeg");
    await expectNoAxeViolations(page);

    // Straight at the start of the sign-in: ignored there too.
    await page.goto("/auth/idporten/start?lang=nb&returnTo=%2F%2Fevil.example");
    expect(page.url().startsWith(`${server.providers!.idporten}/interaction/`)).toBe(true);
    await expectNoAxeViolations(page);
    await loadsPage(page, () =>
      page.getByRole("button", { name: "Logg inn som Ada Direktorat", exact: true }).click(),
    );
    expect(page.url()).toBe(`${server.url}/nb/meg`);
    expect(await h1(page)).toBe("Min side");
    await expectNoAxeViolations(page);
  });
});
