// `npm start`: build what is missing or stale (the assets, the compiled server), then run the
// compiled server in this process. On a fresh clone the first start builds both (about a
// second); later starts only check that nothing changed.

import { enableCompileCache } from "node:module";
import { pathToFileURL } from "node:url";
import { buildAssets } from "./build-assets.mjs";
import { buildServer, serverBundle } from "./build-server.mjs";
import { dropStaleDbImage } from "./db-image.mjs";

// V8's compiled code for the bundle and the packages, kept between starts (in the system's
// temporary directory), so a restart does not parse everything again.
enableCompileCache();
const t0 = performance.now();
const [assets, server] = await Promise.all([buildAssets(), buildServer()]);
// An image made from other migrations or another PGlite is not unpacked (scripts/db-image.mjs).
dropStaleDbImage();
if (assets || server) {
  const what = [assets && "assets", server && serverBundle].filter(Boolean).join(" and ");
  console.log(`built ${what} in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
}
await import(pathToFileURL(serverBundle).href);
