import { readFile } from "node:fs/promises";
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoEmail } from "../../src/modules/identity";
import {
  auditLog,
  identities,
  people,
  roleAssignments,
  sessions,
} from "../../src/modules/identity/schema";
import { expectNoAxeViolations, loadsPage, openPage, screenshot, shown } from "../support/browser";
import { journeyKinds } from "../support/db";
import { h1, main, path, useBrowser } from "../support/journey";
import { type TestServer, testServer } from "../support/server";
import { signInWith } from "../support/sign-in";

const browser = useBrowser();

/** The download a click starts, read as JSON. */
async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  return {
    name: file.suggestedFilename(),
    json: JSON.parse(await readFile((await file.path())!, "utf8")) as Record<string, unknown>,
  };
}

describe.each(journeyKinds)("a person downloads and deletes their data, on %s", (kind) => {
  let server: TestServer;
  let runeId: number;
  beforeAll(async () => {
    server = await testServer(kind, { signIn: true });
    const [rune] = await server.db
      .select()
      .from(people)
      .where(eq(people.email, demoEmail("rune")));
    runeId = rune!.id;
  });
  afterAll(() => server?.close());

  async function signInAsRune(page: Page) {
    await page.goto("/nb/logg-inn");
    await expectNoAxeViolations(page);
    await signInWith(page, server, "ID-porten", "Rune Ressurs");
  }

  it("without JavaScript: downloads his data as JSON from his page", async () => {
    const { page } = await openPage(browser(), { js: false, baseURL: server.url });
    await signInAsRune(page);
    expect(page.url()).toBe(`${server.url}/nb/meg`);
    expect(await shown(page.locator("main ul.ds-list").first())).toBe(
      "Ressursperson, Kristiansand",
    );
    await expectNoAxeViolations(page);

    const { name, json } = await download(page, () =>
      page.getByRole("link", { name: "Last ned opplysningene dine (JSON)" }).click(),
    );
    expect(name).toBe("samspill-mine-data.json");
    expect(json.person).toMatchObject({
      id: runeId,
      name: "Rune Ressurs",
      email: demoEmail("rune"),
    });
    expect(json.roles).toEqual([
      expect.objectContaining({
        role: "resource-person",
        orgKind: "municipality",
        orgId: "4204",
        revokedAt: null,
      }),
    ]);
    expect(json.signInMethods).toEqual([
      expect.objectContaining({ provider: "idporten", subject: "demo-rune" }),
    ]);
    expect(json.sessions).toEqual([expect.objectContaining({ via: "idporten" })]);
  });

  it("with JavaScript: deletes his data, is signed out, and has no access after", async () => {
    const { page, context } = await openPage(browser(), { js: true, baseURL: server.url });
    await signInAsRune(page);
    expect(page.url()).toBe(`${server.url}/nb/meg`);
    await expectNoAxeViolations(page);

    await loadsPage(page, () =>
      page.getByRole("link", { name: "Slett opplysningene dine" }).click(),
    );
    expect(path(page)).toBe("/nb/meg/slett");
    expect(await h1(page)).toBe("Slett opplysningene dine");
    expect(await main(page)).toContain(
      "Navn, e-postadresse og innloggingsmåter slettes, og du logges ut.",
    );
    // Nothing happens before he confirms.
    const [stillThere] = await server.db.select().from(people).where(eq(people.id, runeId));
    expect(stillThere?.deletedAt).toBeNull();
    await expectNoAxeViolations(page);
    await screenshot(page, "delete-data-confirm-js");

    await loadsPage(page, () =>
      page.getByRole("button", { name: "Ja, slett opplysningene mine" }).click(),
    );
    expect(path(page)).toBe("/nb/meg/slett");
    expect(await h1(page)).toBe("Opplysningene dine er slettet");
    expect(await main(page)).toContain("Du er logget ut.");
    await expectNoAxeViolations(page);
    await screenshot(page, "delete-data-deleted-js");
    expect((await context.cookies(server.url)).map((c) => c.name)).not.toContain(
      "samspill-session",
    );

    // Name, address and sign-in methods are gone; roles and sessions ended; the deletion is
    // in the audit log, under his number only.
    const [deleted] = await server.db.select().from(people).where(eq(people.id, runeId));
    expect(deleted).toMatchObject({ name: null, email: null });
    expect(deleted?.deletedAt).not.toBeNull();
    expect(
      await server.db.select().from(identities).where(eq(identities.personId, runeId)),
    ).toEqual([]);
    const roles = await server.db
      .select()
      .from(roleAssignments)
      .where(eq(roleAssignments.personId, runeId));
    expect(roles.length).toBeGreaterThan(0);
    expect(roles.every((r) => r.revokedAt !== null)).toBe(true);
    const live = await server.db.select().from(sessions).where(eq(sessions.personId, runeId));
    expect(live.every((s) => s.revokedAt !== null)).toBe(true);
    const [entry] = await server.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "person.delete"));
    expect(entry).toMatchObject({ actorId: runeId, entityId: String(runeId) });

    // His page asks him to sign in again.
    await page.goto("/nb/meg");
    expect(path(page)).toBe("/nb/logg-inn");

    // Signing in again as Rune (a fresh browser, so the provider asks who he is): no access.
    const again = await openPage(browser(), { js: true, baseURL: server.url });
    await signInAsRune(again.page);
    expect(again.page.url()).toBe(`${server.url}/nb/ingen-tilgang`);
    expect(await h1(again.page)).toBe("Du har ikke tilgang ennå");
    await expectNoAxeViolations(again.page);
    expect((await again.context.cookies(server.url)).map((c) => c.name)).not.toContain(
      "samspill-session",
    );
  });
});
