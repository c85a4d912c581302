import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const read = (file: string) => JSON.parse(readFileSync(join(process.cwd(), file), "utf8"));

/** Node 24 became a long-term-support release ("Krypton") with 24.11.0. */
const FIRST_LTS_OF_24 = [24, 11, 0];

function atLeast(version: string, minimum: number[]) {
  const parts = version.split(".").map(Number);
  for (let i = 0; i < minimum.length; i++) {
    if (parts[i]! !== minimum[i]!) return parts[i]! > minimum[i]!;
  }
  return true;
}

describe("the pinned Node runtime", () => {
  const pkg = read("package.json");
  const lock = read("package-lock.json");
  const pinned: string = pkg.devDependencies.node;

  it("is an exact Node 24 LTS release, so oidc-provider does not warn 'Unsupported runtime'", () => {
    expect(pinned).toMatch(/^24\.\d+\.\d+$/);
    expect(atLeast(pinned, FIRST_LTS_OF_24)).toBe(true);
  });

  it("is the same in package.json and package-lock.json", () => {
    expect(lock.packages[""].devDependencies.node).toBe(pinned);
    expect(lock.packages["node_modules/node"].version).toBe(pinned);
  });
});
