import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { people, sessions } from "../../src/modules/identity/schema";
import { expectNoAxeViolations, loadsPage, openPage, screenshot } from "../support/browser";
import { journeyKinds } from "../support/db";
import { h1, main, path, useBrowser } from "../support/journey";
import { type TestServer, testServer } from "../support/server";
import { signInWith } from "../support/sign-in";

const browser = useBrowser();

describe.each(journeyKinds)("a person without a role signs in, on %s", (kind) => {
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

  it("is not sent round in a circle: work pages explain, and she can sign in as someone else", async () => {
    const { page, allowErrorStatus } = await openPage(browser(), {
      js: true,
      baseURL: server.url,
    });
    await page.goto("/nb/logg-inn");
    await signInWith(page, server, "ID-porten", "Nora Uten Rolle");
    expect(path(page)).toBe("/nb/ingen-tilgang");
    // No link on the page leads back to a page that sends her to sign in again.
    const links = await page
      .getByRole("main")
      .getByRole("link")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links).toEqual(["/nb/logg-inn?annen-konto=1", "/nb/kontakt"]);

    // A work page she goes to herself explains instead of sending her to sign in again.
    allowErrorStatus(403);
    await page.goto("/nb/puljer");
    expect(path(page)).toBe("/nb/puljer");
    expect(await h1(page)).toBe("Du har ikke tilgang ennå");
    await expectNoAxeViolations(page);
    await screenshot(page, "no-role-work-page-nb-js");

    // Signing in again: ID-porten asks who she is instead of vouching for Nora once more.
    const again = page.getByRole("main").getByRole("link", { name: "Logg inn med en annen konto" });
    await loadsPage(page, () => again.click());
    expect(path(page)).toBe("/nb/logg-inn");
    expect(new URL(page.url()).searchParams.get("returnTo")).toBe("/nb/puljer");
    await signInWith(page, server, "ID-porten", "Ada Direktorat");
    expect(path(page)).toBe("/nb/puljer");
    expect(await h1(page)).toBe("Mine puljer");
    await expectNoAxeViolations(page);
  });

  it("without JavaScript: the same, in nynorsk", async () => {
    const before = await counts();
    const { page, allowErrorStatus, status } = await openPage(browser(), {
      js: false,
      baseURL: server.url,
    });
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
    expect(await page.getByRole("main").getByRole("link").allInnerTexts()).toEqual([
      "Logg inn med ein annan konto",
      "Kontakt oss",
    ]);
    await expectNoAxeViolations(page);
    await screenshot(page, "no-role-nn-nojs");
    expect(await counts()).toEqual(before);

    // Still not signed in: her page says so in nynorsk, and offers to sign in as someone else
    // and come back, instead of sending her to sign in as herself once more.
    allowErrorStatus(403);
    await page.goto("/nn/meg");
    expect(path(page)).toBe("/nn/meg");
    expect(status()).toBe(403);
    expect(await h1(page)).toBe("Du har ikkje tilgang enno");
    const again = page
      .getByRole("main")
      .getByRole("link", { name: "Logg inn med ein annan konto" });
    expect(await again.getAttribute("href")).toBe(
      "/nn/logg-inn?annen-konto=1&returnTo=%2Fnn%2Fmeg",
    );
    await expectNoAxeViolations(page);
  });
});
