// Builds the stylesheet, script and fonts into public/build with content hashes, plus gzip and
// brotli copies served as they are. Runs before start, test and bench; does nothing when the
// build is up to date (every input of the last build, and this script, unchanged), unless
// called with --force.

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { faviconIco, faviconSvg } from "./favicon.mjs";
import { isFresh, writeStamp } from "./stamp.mjs";

const out = "public/build";
// Outside public/build: that folder is served under /assets.
const stampFile = "public/.build-inputs.json";
const ownInputs = [
  "scripts/build-assets.mjs",
  "scripts/favicon.mjs",
  "scripts/stamp.mjs",
  "package-lock.json",
];

/** Build the assets unless they are up to date; true when it built. */
export async function buildAssets({ force = false } = {}) {
  if (!force && assetsFresh()) return false;
  await build();
  return true;
}

function assetsFresh() {
  const manifestFile = join(out, "manifest.json");
  if (!existsSync(manifestFile)) return false;
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
    const outputs = [manifest.css, manifest.js, manifest.icon, ...manifest.fonts];
    return isFresh(
      stampFile,
      outputs.map((file) => (file ? join(out, file) : "")),
    );
  } catch {
    return false;
  }
}

async function build() {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });

  const dsCss = "node_modules/@digdir/designsystemet-css/dist/src";
  // Only the components Samspill uses: the whole library would double the page weight.
  const components = [
    "base",
    "alert",
    "breadcrumbs",
    "button",
    "card",
    "details",
    "error-summary",
    "field",
    "fieldset",
    "heading",
    "input",
    "label",
    "link",
    "list",
    "paragraph",
    "skip-link",
    "table",
    "tag",
    "validation-message",
  ];
  const entry = [
    `@layer ds.theme, ds.base, ds.components;`,
    `@import "../../node_modules/@digdir/designsystemet-theme/brand/digdir.css";`,
    ...components.map((c) => `@import "../../${dsCss}/${c}.css";`),
    `@import "../../src/web/client/app.css";`,
  ].join("\n");
  mkdirSync("public/.entry", { recursive: true });
  writeFileSync("public/.entry/app.css", entry);

  // Loaded only to build: a start with fresh builds runs without esbuild (a dev dependency).
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    // scan.ts (the QR reader, with jsQR) is its own script, linked only by the door's check-in
    // page, so no other page carries it.
    entryPoints: ["public/.entry/app.css", "src/web/client/app.ts", "src/web/client/scan.ts"],
    bundle: true,
    minify: true,
    format: "esm",
    target: ["es2020", "chrome100", "firefox100", "safari15"],
    outdir: out,
    entryNames: "[name].[hash]",
    assetNames: "[name].[hash]",

    loader: { ".woff2": "file" },
    metafile: true,
    logLevel: "warning",
  });
  rmSync("public/.entry", { recursive: true, force: true });

  // The icon: the SVG under a content hash (linked from every page), the ICO at a fixed name
  // (served as /favicon.ico).
  const svg = faviconSvg();
  const icon = `favicon.${createHash("sha256").update(svg).digest("hex").slice(0, 8).toUpperCase()}.svg`;
  writeFileSync(join(out, icon), svg);
  writeFileSync(join(out, "favicon.ico"), faviconIco());

  const outputs = Object.entries(result.metafile.outputs);
  const files = outputs.map(([p]) => basename(p));
  const entryOf = (source) => basename(outputs.find(([, o]) => o.entryPoint === source)?.[0] ?? "");
  const manifest = {
    css: files.find((f) => f.endsWith(".css")),
    js: entryOf("src/web/client/app.ts"),
    scan: entryOf("src/web/client/scan.ts"),
    fonts: files.filter((f) => f.endsWith(".woff2")),
    icon,
  };
  for (const file of readdirSync(out)) {
    if (file.endsWith(".woff2")) continue; // already compressed
    const data = readFileSync(join(out, file));
    writeFileSync(join(out, `${file}.gz`), gzipSync(data, { level: 9 }));
    writeFileSync(
      join(out, `${file}.br`),
      brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
  }
  writeFileSync(join(out, "manifest.json"), JSON.stringify(manifest, null, 2));
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith("public/.entry/"));
  writeStamp(stampFile, [...inputs, ...ownInputs]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const built = await buildAssets({ force: process.argv.includes("--force") });
  console.log(built ? "built public/build" : "public/build up to date");
}
