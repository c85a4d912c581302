// `npm ci` and `npm install` run this (the `prepare` script): the assets, the compiled server
// and the embedded database's image (scripts/db-image.mjs), so the first `npm start` has only
// to start. Nothing here may fail an install: `npm start` builds what is missing, and without
// an image a start makes its data directory from nothing, as before.

import { buildAssets } from "./build-assets.mjs";
import { buildServer } from "./build-server.mjs";
import { makeDbImage } from "./db-image.mjs";

const t0 = performance.now();
try {
  await Promise.all([buildAssets(), buildServer()]);
  await makeDbImage();
  console.log(`prepared in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
} catch (error) {
  console.warn(`prepare: ${error instanceof Error ? error.message : error} (npm start builds it)`);
}
