import type { programmes } from "./schema";

export { ownProgramme, programmeAdminRoutes } from "./admin-routes";
export { hasBrokenLink, hasDisallowedContent, latestVersions } from "./editing";
export {
  type ProgrammeRef,
  programmeRef,
  programmesOwnedBy,
  programmeTextsOf,
  programmeTitles,
} from "./lookups";
export { frontPage, programmePage, programmeRoutes } from "./routes";
export {
  createProgramme,
  getPublicProgramme,
  listPublishedProgrammes,
  ownerPhones,
  programmeContact,
  programmeOptions,
} from "./service";

export type Programme = typeof programmes.$inferSelect;

// ── Manifest: what the app needs of this module (see kernel/manifest.ts). A block of its own at
// the end, imports included, so that it merges apart from the module's other exports. ──
import type { ModuleManifest } from "../../kernel/manifest";
import { programmeAdminRoutes as manifestAdminRoutes } from "./admin-routes";
import { programmeAdminTexts as manifestAdminTexts } from "./admin-texts";
import { programmesAuditActions } from "./audit-texts";
import { programmesDemo as manifestDemo } from "./demo";
import { programmeTitles } from "./identity-reads";
import {
  frontPage as manifestFrontPage,
  programmePage as manifestProgrammePage,
  programmeRoutes as manifestPublicRoutes,
} from "./routes";
import * as manifestSchema from "./schema";

export const manifest: ModuleManifest = {
  name: "programmes",
  auditActions: programmesAuditActions,
  workAreas: ["/admin"],
  // Documents on a programme's page (admin-routes sets the route's own limit).
  largeUploads: [/^\/(nb|nn|en)\/admin\/tilbud\/[a-z0-9-]{1,60}\/dokumenter$/],
  publicRoutes: [() => manifestPublicRoutes()],
  signedInRoutes: [() => manifestAdminRoutes()],
  nav: [
    {
      position: 40,
      path: "/admin/tilbud",
      label: (lang) => manifestAdminTexts(lang).nav,
      permission: "edit:programme:",
    },
  ],
  schema: manifestSchema,
  contentPages: () => [manifestFrontPage, manifestProgrammePage],
  identityReads: { programmeTitles },
  demo: manifestDemo,
};
