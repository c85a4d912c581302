import type { Page } from "playwright-core";
import { expect } from "vitest";
import { expectNoAxeViolations, loadsPage, screenshot, shown } from "./browser";
import type { TestServer } from "./server";

/**
 * From Samspill's sign-in page, through a local OpenID provider: follow `link` ("Logg inn med
 * ID-porten"), check the provider's account picker (its address, its heading, axe) and click
 * "Logg inn som <account>". Resolves when the page the sign-in ends on has loaded.
 */
export async function signInThroughProvider(
  page: Page,
  opts: {
    link: string;
    issuer: string;
    provider: "ID-porten" | "Feide";
    account: string;
    screenshotAs?: string;
  },
): Promise<void> {
  await loadsPage(page, () => page.getByRole("link", { name: opts.link }).click());
  expect(page.url().startsWith(`${opts.issuer}/interaction/`), page.url()).toBe(true);
  expect(await shown(page.getByRole("heading", { level: 1 }))).toBe(
    `${opts.provider} (lokal testleverandør)`,
  );
  // Plain Norwegian: no internal words such as the OpenID prompt's name ("login").
  expect(await shown(page.locator("p").first())).toBe(
    "Dette er en lokal innloggingstjeneste for utvikling og test. Velg hvilken demoperson du vil logge inn som.",
  );
  await expectNoAxeViolations(page);
  if (opts.screenshotAs) await screenshot(page, opts.screenshotAs);
  await loadsPage(page, () =>
    page.getByRole("button", { name: `Logg inn som ${opts.account}`, exact: true }).click(),
  );
}

/**
 * `signInThroughProvider` through one of the test server's local providers (started with
 * `signIn`), by its link on the sign-in page, as `account`.
 */
export function signInWith(
  page: Page,
  server: Pick<TestServer, "providers">,
  provider: "ID-porten" | "Feide",
  account: string,
  opts: { screenshotAs?: string } = {},
): Promise<void> {
  const providers = server.providers;
  if (!providers) throw new Error("the test server runs no providers (start it with signIn)");
  return signInThroughProvider(page, {
    link: `Logg inn med ${provider}`,
    issuer: provider === "Feide" ? providers.feide : providers.idporten,
    provider,
    account,
    ...opts,
  });
}
