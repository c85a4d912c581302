import { eq } from "drizzle-orm";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoEmail } from "../../src/db/demo-people";
import { auditLog, people, roleInvitations, sessions } from "../../src/modules/identity/schema";
import { hashId } from "../../src/modules/identity/sessions";
import { expectNoAxeViolations, loadsPage, openPage, screenshot, shown } from "../support/browser";
import { databaseKinds } from "../support/db";
import { h1, main, nav, path, useBrowser } from "../support/journey";
import { type TestServer, testServer } from "../support/server";
import { signInWith } from "../support/sign-in";

const browser = useBrowser();

/**
 * Ada's work is the same with scripts on and off (no page of hers has a script of its own), so
 * it is shared between the two runs; both sign in through ID-porten and sign out.
 */
describe.each(databaseKinds)("a programme admin signs in with ID-porten, on %s", (kind) => {
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

  it("without JavaScript: signs in, invites a municipal coordinator, finds it in the audit log, signs out", async () => {
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

    // Invites a municipal coordinator in Kristiansand.
    const email = "ola.oppvekst@kristiansand.kommune.no";
    const form = page.getByRole("region", { name: "Inviter en person" });
    await form.getByLabel("Navn").fill("Ola Oppvekst");
    await form.getByLabel("E-postadresse").fill(email);
    await form.getByLabel("Rolle").selectOption("municipal-coordinator");
    await form.getByLabel("Organisasjon").fill("4204");
    await loadsPage(page, () => form.getByRole("button", { name: "Send invitasjon" }).click());
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

    // The audit log lists the invitation, with who did it.
    await loadsPage(page, () => nav(page).getByRole("link", { name: "Endringslogg" }).click());
    expect(path(page)).toBe("/nb/admin/logg");
    expect(await h1(page)).toBe("Endringslogg");
    await expectNoAxeViolations(page);
    await page.getByLabel("Handling").fill("invitation.create");
    await loadsPage(page, () => page.getByRole("button", { name: "Filtrer" }).click());
    expect(new URL(page.url()).searchParams.get("handling")).toBe("invitation.create");
    const created = await server.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "invitation.create"));
    expect(created).toHaveLength(1);
    const rows = page.getByRole("table", { name: "Endringslogg" }).locator("tbody tr");
    expect(await rows.count()).toBe(1);
    const cells = (await rows.locator("td").allInnerTexts()).map((c) => c.replace(/\s+/g, " "));
    expect(cells.slice(0, 5)).toEqual([
      "23. november 2026 kl. 11:00",
      "Ada Direktorat",
      "invitation.create",
      `invitation:${invitation!.id}`,
      "",
    ]);
    expect(JSON.parse(cells[5]!)).toEqual({
      role: "municipal-coordinator",
      orgKind: "municipality",
      orgId: "4204",
    });
    await expectNoAxeViolations(page);
    await screenshot(page, "admin-audit-log-nojs");

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
