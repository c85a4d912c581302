import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { people, sessions } from "../../src/modules/identity/schema";
import { expectNoAxeViolations, loadsPage, openPage, screenshot, shown } from "../support/browser";
import { databaseKinds } from "../support/db";
import { h1, main, path, useBrowser } from "../support/journey";
import { type TestServer, testServer } from "../support/server";
import { signInWith } from "../support/sign-in";

const browser = useBrowser();

describe.each(databaseKinds)("a person without a role signs in, on %s", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await testServer(kind, { signIn: true });
  });
  afterAll(() => server?.close());

  const counts = async () => ({
    people: (await server.db.select({ n: count() }).from(people))[0]!.n,
    sessions: (await server.db.select({ n: count() }).from(sessions))[0]!.n,
  });

  it("with JavaScript: ID-porten vouches for her, but she is told how to get access (bokmål)", async () => {
    const before = await counts();
    const { page, context } = await openPage(browser(), { js: true, baseURL: server.url });
    await page.goto("/nb/meg");
    expect(path(page)).toBe("/nb/logg-inn");
    await expectNoAxeViolations(page);
    await signInWith(page, server, "ID-porten", "Nora Uten Rolle");
    expect(page.url()).toBe(`${server.url}/nb/ingen-tilgang`);
    expect(await page.title()).toBe("Du har ikke tilgang ennå – Samspill");
    expect(await h1(page)).toBe("Du har ikke tilgang ennå");
    const lead = await main(page);
    expect(lead).toContain("Innloggingen virket, men du har ingen rolle i Samspill.");
    expect(lead).toContain(
      "Tilgang gis av Utdanningsdirektoratet, FUB/FUG, statsforvalteren eller kommunen din: be dem invitere deg med e-postadressen din.",
    );
    // She is not signed in, and the page does not say she is.
    expect(lead).not.toContain("Du er logget inn");
    const contact = page.getByRole("main").getByRole("link", { name: "Kontakt oss" });
    expect(await contact.getAttribute("href")).toBe("/nb/kontakt");
    await expectNoAxeViolations(page);
    await screenshot(page, "no-role-nb-js");

    // Nothing about her is kept, and she is not signed in.
    expect(await counts()).toEqual(before);
    expect((await context.cookies(server.url)).map((c) => c.name)).not.toContain(
      "samspill-session",
    );
    await loadsPage(page, () => contact.click());
    expect(path(page)).toBe("/nb/kontakt");
    await expectNoAxeViolations(page);
  });

  it("without JavaScript: the same, in nynorsk", async () => {
    const before = await counts();
    const { page } = await openPage(browser(), { js: false, baseURL: server.url });
    await page.goto("/nn/logg-inn");
    expect(await page.locator("html").getAttribute("lang")).toBe("nn");
    expect(await h1(page)).toBe("Logg inn i Samspill");
    await expectNoAxeViolations(page);
    await signInWith(page, server, "ID-porten", "Nora Uten Rolle", {
      screenshotAs: "no-role-id-porten-accounts-nojs",
    });
    expect(page.url()).toBe(`${server.url}/nn/ingen-tilgang`);
    expect(await page.locator("html").getAttribute("lang")).toBe("nn");
    expect(await h1(page)).toBe("Du har ikkje tilgang enno");
    expect(await main(page)).toContain(
      "Innlogginga verka, men du har inga rolle i Samspill. Tilgang blir gitt av Utdanningsdirektoratet",
    );
    expect(await shown(page.getByRole("main").getByRole("link"))).toBe("Kontakt oss");
    await expectNoAxeViolations(page);
    await screenshot(page, "no-role-nn-nojs");
    expect(await counts()).toEqual(before);

    // Still not signed in: her page sends her to sign in, in nynorsk.
    await page.goto("/nn/meg");
    expect(path(page)).toBe("/nn/logg-inn");
    expect(new URL(page.url()).searchParams.get("returnTo")).toBe("/nn/meg");
  });
});
