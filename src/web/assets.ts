import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const buildDir = fileURLToPath(new URL("../../public/build", import.meta.url));

export type AssetManifest = {
  css: string;
  js: string;
  /** The door's QR reader, linked only by pages with a `[data-scan]` box. */
  scan: string;
  fonts: string[];
  icon: string;
};

let cached: AssetManifest | undefined;

/** File names with content hashes, written by scripts/build-assets.mjs. */
export function assetManifest(): AssetManifest {
  if (cached) return cached;
  const file = `${buildDir}/manifest.json`;
  if (!existsSync(file)) {
    throw new Error("public/build/manifest.json is missing: run `npm run build:assets`");
  }
  cached = JSON.parse(readFileSync(file, "utf8")) as AssetManifest;
  return cached;
}
