// "Is this build up to date?": a build records every input it read (esbuild's metafile follows
// each import) with a hash of its content; the build is fresh while all of them hash the same
// and its outputs exist. Content, not mtimes: a checkout or a copy changes mtimes only.

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

const hashOf = (file) =>
  existsSync(file) ? createHash("sha256").update(readFileSync(file)).digest("hex") : "missing";

/** True when `stampFile` exists, every input in it is unchanged and every output exists. */
export function isFresh(stampFile, outputs) {
  try {
    const stamp = JSON.parse(readFileSync(stampFile, "utf8"));
    return (
      outputs.every((file) => file && existsSync(file)) &&
      Object.entries(stamp.inputs).every(([file, hash]) => hashOf(file) === hash)
    );
  } catch {
    return false;
  }
}

/** Record `inputs` (paths relative to the project root) with their hashes. */
export function writeStamp(stampFile, inputs) {
  mkdirSync(dirname(stampFile), { recursive: true });
  const entries = [...new Set(inputs)].sort().map((file) => [file, hashOf(file)]);
  writeFileSync(stampFile, JSON.stringify({ inputs: Object.fromEntries(entries) }, null, 2));
}
