import type { ModuleManifest } from "../../kernel/manifest";
import { accessibilityPage, pageRoutes, privacyPage } from "./routes";

export { accessibilityPage, pageRoutes, privacyPage } from "./routes";

/** What the app needs of the site-wide pages (see kernel/manifest.ts). */
export const manifest: ModuleManifest = {
  name: "pages",
  publicRoutes: [() => pageRoutes()],
  contentPages: () => [accessibilityPage, privacyPage],
};
