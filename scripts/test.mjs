// `npm test`: the type check runs beside the tests instead of before them (it takes about 20 s
// of one core, and the tests' first 20 s are the run's database templates being made, which
// leave a core free); the assets are built and the code linted first, as before. Arguments go
// to Vitest. Exits non-zero when either the type check or a test fails.

import { spawn } from "node:child_process";
import { buildAssets } from "./build-assets.mjs";

await buildAssets();

/** Runs a command with the terminal's output, resolving to its exit code. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;

const lint = await run(bin("biome"), [
  "check",
  "--error-on-warnings",
  "src",
  "tests",
  "bench",
  "scripts",
]);
if (lint !== 0) process.exit(lint);

const [typecheck, tests] = await Promise.all([
  run(bin("tsc"), ["--noEmit", "-p", "."]).then((code) => {
    console.log(code === 0 ? "typecheck: no errors" : "typecheck: FAILED (see above)");
    return code;
  }),
  run(bin("vitest"), ["run", ...process.argv.slice(2)]),
]);
if (typecheck !== 0) console.error("npm test: the type check failed");
process.exit(typecheck || tests);
