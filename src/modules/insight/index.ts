export { type Insight, insightFor, type Panel, type Selection } from "./figures";

// ── Manifest: what the app needs of this module (see kernel/manifest.ts). ──
import type { ModuleManifest } from "../../kernel/manifest";
import { insightRoutes as manifestInsightRoutes } from "./routes";
import { insightTexts as manifestTexts } from "./texts";

export const manifest: ModuleManifest = {
  name: "insight",
  workAreas: ["/innsikt"],
  signedInRoutes: [() => manifestInsightRoutes()],
  nav: [
    {
      position: 31,
      path: "/innsikt",
      label: (lang) => manifestTexts(lang).nav,
      permission: "read:insight:",
    },
  ],
};
