// Compiles the server (src/server.ts and everything it imports from src/) into one ES module,
// dist/server.mjs, so a start does not transpile TypeScript; the packages in node_modules stay
// outside the bundle and are loaded as they are. `npm start` runs it when fresh and builds it
// first when not; `npm run build` builds it (with the assets) ahead of time.

import { relative } from "node:path";
import { pathToFileURL } from "node:url";
import { isFresh, writeStamp } from "./stamp.mjs";

export const serverBundle = "dist/server.mjs";
const stampFile = "dist/.server-inputs.json";
const ownInputs = ["scripts/build-server.mjs", "scripts/stamp.mjs", "package-lock.json"];

/**
 * The code finds its data files (migrations, reference data, public/build) relative to its own
 * source file. In the bundle every file's `import.meta.url` would be dist/server.mjs, so each
 * is replaced by the URL its source file has, computed from the bundle's place: dist/ must stay
 * beside src/.
 */
const keepSourceUrls = {
  name: "keep-source-urls",
  setup(build) {
    build.onLoad({ filter: /\/src\/.*\.tsx?$/ }, async (args) => {
      const { readFile } = await import("node:fs/promises");
      const source = await readFile(args.path, "utf8");
      if (!source.includes("import.meta.url")) return undefined;
      const fromDist = relative("dist", args.path).split("\\").join("/");
      return {
        contents: source.replaceAll(
          "import.meta.url",
          `new URL(${JSON.stringify(fromDist)}, import.meta.url).href`,
        ),
        loader: args.path.endsWith(".tsx") ? "tsx" : "ts",
      };
    });
  },
};

const EXTERNAL = [
  "@electric-sql/pglite",
  "exceljs",
  // The bounce listener's MIME parser: loaded as it is, as nodemailer is.
  "mailparser",
  "nodemailer",
  "oidc-provider",
  "openid-client",
  "pg",
  // Fonts and the AFM metrics of the standard PDF fonts are read through package imports.
  "pdfkit",
  "fontkit",
  // Its PNG renderer requires "fs" at run time, which an ES module bundle cannot.
  "qrcode",
  "sanitize-html",
];

/** Build the server unless it is up to date; true when it built. */
export async function buildServer({ force = false } = {}) {
  if (!force && isFresh(stampFile, [serverBundle])) return false;
  // Loaded only to build: a start with fresh builds runs without esbuild (a dev dependency).
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: ["src/server.ts"],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node24",
    // Pure-JavaScript packages made of hundreds of small modules go into the bundle (resolving
    // and loading each file was most of the start's code time); the others stay outside: they
    // read files of their own at run time (PGlite's WebAssembly) or load optional parts.
    external: EXTERNAL,
    outfile: serverBundle,
    sourcemap: "linked",
    metafile: true,
    logLevel: "warning",
    plugins: [keepSourceUrls],
    // CommonJS packages in the bundle (pino, prom-client, smtp-server) call require() for Node's
    // own modules, which an ES module has not: give the bundle one.
    banner: {
      js: 'import { createRequire as bundleRequire } from "node:module"; const require = bundleRequire(import.meta.url);',
    },
  });
  writeStamp(stampFile, [...Object.keys(result.metafile.inputs), ...ownInputs]);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const built = await buildServer({ force: process.argv.includes("--force") });
  console.log(built ? `built ${serverBundle}` : `${serverBundle} up to date`);
}
