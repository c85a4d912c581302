export { type Insight, insightFor, type Panel, type Selection } from "./figures";
export { type OpenData, openApi, openData } from "./open-data";
export { recountInsight } from "./recount";

// ── Manifest: what the app needs of this module (see kernel/manifest.ts). ──
import type { ModuleManifest } from "../../kernel/manifest";
import {
  openDataRoutes as manifestOpenDataRoutes,
  openDataSection as manifestOpenDataSection,
} from "./open-data";
import { reportRoutes as manifestReportRoutes } from "./report";
import { insightRoutes as manifestInsightRoutes } from "./routes";
import * as schema from "./schema";
import { insightTexts as manifestTexts } from "./texts";

export const manifest: ModuleManifest = {
  name: "insight",
  workAreas: ["/innsikt"],
  publicRoutes: [() => manifestOpenDataRoutes()],
  signedInRoutes: [() => manifestReportRoutes(), () => manifestInsightRoutes()],
  programmeSections: [manifestOpenDataSection],
  nav: [
    {
      position: 31,
      path: "/innsikt",
      label: (lang) => manifestTexts(lang).nav,
      permission: "read:insight:",
    },
  ],
  schema,
};
